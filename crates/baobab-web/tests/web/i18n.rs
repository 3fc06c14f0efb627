//! Languages: catalogs complete and used, pages free of English in other languages, URL
//! prefixes and links, hreflang and canonical links, the choice of language, the shop's own
//! catalogs, page weight in every language.

use std::io::Write;

use baobab_web::WebSettings;
use baobab_web::i18n::{CATALOG_FILES, I18n};

use crate::support::{TestApp, between};

mod shopper;

const LANGS: [&str; 4] = ["fr", "ar", "pt", "sw"];

/// A shipped language's catalog files, one after the other.
pub(crate) fn catalog(code: &str) -> String {
    CATALOG_FILES
        .iter()
        .map(|f| std::fs::read_to_string(format!("{}/locales/{code}/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every source file whose text may name a message key: templates and the crate's Rust code.
fn sources(dir: &std::path::Path, out: &mut String) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs" || x == "html" || x == "txt") {
            out.push_str(&std::fs::read_to_string(&p).unwrap());
        }
    }
}

#[test]
fn every_catalog_has_every_key_and_every_key_is_used() {
    let en = I18n::shipped_keys("en");
    assert!(en.len() > 50, "{en:?}");
    assert_eq!(I18n::shipped_codes(), ["en", "fr", "ar", "pt", "sw"]);
    for code in LANGS {
        assert_eq!(I18n::shipped_keys(code), en, "{code} has other keys than en");
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    sources(&root.join("src"), &mut text);
    sources(&root.join("templates"), &mut text);
    let unused: Vec<&String> = en.iter().filter(|k| !text.contains(&format!("\"{k}\""))).collect();
    assert!(unused.is_empty(), "keys used nowhere: {unused:?}");
    // and every language formats every message without error, plural forms included
    let i18n = I18n::shipped();
    for code in LANGS {
        for n in [0i64, 1, 2, 3, 11, 100] {
            let s = i18n.msg(code, "product-count", &[("count", n.into())]);
            assert!(s.contains(&n.to_string()) || code == "ar", "{code} {n}: {s}");
        }
    }
    assert_eq!(i18n.msg("ar", "product-count", &[("count", 2i64.into())]), "منتجان");
    assert_eq!(i18n.msg("ar", "product-count", &[("count", 5i64.into())]), "5 منتجات");
    assert_eq!(i18n.msg("fr", "product-count", &[("count", 1i64.into())]), "1 article");
    assert_eq!(i18n.msg("en", "stock-few", &[("count", 2i64.into())]), "Only 2 left");
}

/// The English catalogs' literal text, with each fragment's key: each value split at its
/// placeables, fragments with at least four letters (shorter ones, like "SKU", are common to many
/// languages); the language's own name left out.
pub(crate) fn english_fragments() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut key = String::new();
    for line in catalog("en").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let value = match line.split_once(" = ") {
            Some((k, v)) if !line.starts_with(' ') => {
                key = k.to_string();
                v.to_string()
            }
            _ => line.trim().trim_start_matches('*').split_once("] ").map(|(_, v)| v.to_string()).unwrap_or_default(),
        };
        if key == "language-name" {
            continue;
        }
        let mut rest = value.as_str();
        while !rest.is_empty() {
            let (text, after) = match rest.find('{') {
                Some(i) => (&rest[..i], rest[i..].find('}').map_or("", |j| &rest[i + j + 1..])),
                None => (rest, ""),
            };
            let t = text.trim().trim_matches(|c: char| c.is_ascii_punctuation() || c == '“' || c == '”').trim();
            if t.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
                out.push((key.clone(), t.to_string()));
            }
            rest = after;
        }
    }
    out
}

/// The words of a page, without its markup.
pub(crate) fn page_words(html: &str) -> String {
    let mut words = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                words.push(' ');
            }
            _ if !in_tag => words.push(c),
            _ => {}
        }
    }
    words
}

/// Fails when the page `html` (at `what`, in language `code`) shows English: a fragment of the
/// English catalog in its words or in its `aria-label` and `placeholder` attributes.
fn assert_no_english(what: &str, code: &str, html: &str, fragments: &[(String, String)]) {
    let dir = if code == "ar" { "rtl" } else { "ltr" };
    assert!(html.contains(&format!("<html lang=\"{code}\" dir=\"{dir}\">")), "{what}: {html}");
    let own = catalog(code);
    let words = page_words(html);
    let attrs: Vec<&str> = html.split("aria-label=\"").skip(1).chain(html.split("placeholder=\"").skip(1)).collect();
    for (key, f) in fragments {
        // a word the language shares with English (French "Page") is its own; English's names of
        // form fields are the form's and the API's identifiers (`line1`), not words
        if own.contains(f.as_str()) || key.starts_with("field-") {
            continue;
        }
        assert!(!words.contains(f.as_str()), "{what} shows English {f:?} ({key}): {words}");
        assert!(!attrs.iter().any(|a| a.split('"').next().unwrap_or_default().contains(f.as_str())), "{what}: {f:?}");
    }
}

#[tokio::test]
async fn pages_in_other_languages_contain_no_english() {
    let app = TestApp::new().await;
    let fragments = english_fragments();
    assert!(fragments.iter().any(|(_, f)| f == "Out of stock") && fragments.iter().any(|(_, f)| f == "products found at"));
    for code in LANGS {
        for path in ["/", "/c/phones", "/p/kora-phone-model-01", "/search?q=kora", "/search?q=zzzz", "/nowhere"] {
            let r = app.get(&format!("/{code}{path}")).await;
            assert!(r.status == 200 || path == "/nowhere", "/{code}{path}: {}", r.status);
            assert_no_english(&format!("/{code}{path}"), code, &r.text(), &fragments);
        }
    }
}

#[tokio::test]
async fn every_page_links_its_languages_and_keeps_its_own() {
    let app = TestApp::new().await;
    let base = "http://127.0.0.1:8080";
    let html = app.get("/fr/p/kora-phone-model-01").await.text();
    assert_eq!(between(&html, "<link rel=\"canonical\" href=\"", "\""), format!("{base}/fr/p/kora-phone-model-01"));
    for (lang, prefix) in [("en", ""), ("fr", "/fr"), ("ar", "/ar"), ("pt", "/pt"), ("sw", "/sw"), ("x-default", "")] {
        let link = format!("<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{base}{prefix}/p/kora-phone-model-01\">");
        assert!(html.contains(&link), "{link}");
    }
    let en = app.get("/c/smartphones?page=2").await.text();
    assert_eq!(between(&en, "<link rel=\"canonical\" href=\"", "\""), format!("{base}/c/smartphones?page=2"));
    assert!(en.contains(&format!("hreflang=\"sw\" href=\"{base}/sw/c/smartphones?page=2\"")));
    // links inside a page keep its prefix; forms too
    let cat = app.get("/pt/c/phones").await.text();
    assert!(cat.contains("href=\"/pt/p/") && cat.contains("href=\"/pt/c/smartphones\"") && cat.contains("href=\"/pt/\""));
    assert!(cat.contains("rel=\"next\" href=\"/pt/c/phones?page=2\""), "pager keeps the prefix");
    assert!(cat.contains("action=\"/pt/search\"") && cat.contains("name=\"back\" value=\"/pt/c/phones\""));
    assert!(!cat.contains("href=\"/p/") && !cat.contains("href=\"/c/"), "no link drops the language");
    let product = app.get("/sw/p/kora-phone-model-01").await.text();
    assert!(product.contains("action=\"/sw/cart/add\""));
    let mut b = crate::accounts::Browser::new(&app);
    let v = app.store().product(baobab_store::Key::Slug("kora-phone-model-01")).await.unwrap().unwrap().variants[0].id;
    let added = b.post("/sw/cart/add", &[("variant_id", &v.to_string()), ("quantity", "1")]).await;
    assert_eq!((added.status.as_u16(), added.header("location")), (303, "/sw/cart"), "{}", added.text());
    let cart = b.get("/sw/cart").await;
    assert_eq!(cart.status, 200);
    assert!(cart.text().contains("<html lang=\"sw\" dir=\"ltr\">") && cart.text().contains("Kora phone model 01"));
    // search and currency under a prefix
    let found = app.get("/ar/search?q=kora&sort=price_asc").await;
    assert_eq!(found.status, 200);
    let cur = app.get("/currency?code=KES&back=/ar/c/phones").await;
    assert_eq!((cur.status.as_u16(), cur.header("location")), (303, "/ar/c/phones"));
    // account, checkout and admin pages render in the page's language (tests/web/i18n/shopper.rs)
    for path in ["/fr/account/login", "/fr/checkout", "/account/login"] {
        let r = app.get(path).await;
        assert!(r.status.as_u16() < 500, "{path}: {}", r.status);
    }
}

#[tokio::test]
async fn explicit_choice_beats_accept_language_beats_the_default() {
    let app = TestApp::new().await;
    let plain = app.get("/p/kora-phone-model-01").await;
    assert_eq!(plain.status, 200);
    assert!(plain.text().contains("<html lang=\"en\" dir=\"ltr\">"));
    let vary: Vec<&str> = plain.headers.get_all("vary").iter().map(|v| v.to_str().unwrap()).collect();
    assert!(vary.contains(&"Cookie, Accept-Language") && vary.iter().any(|v| v.contains("Cookie")), "{vary:?}");
    let fr = app.get_with("/p/kora-phone-model-01?currency=KES", &[("accept-language", "fr-SN,fr;q=0.9,en;q=0.5")]).await;
    assert_eq!((fr.status.as_u16(), fr.header("location")), (302, "/fr/p/kora-phone-model-01?currency=KES"));
    assert_eq!(fr.header("vary"), "Cookie, Accept-Language");
    assert_eq!(fr.header("cache-control"), "no-store");
    let en = app.get_with("/", &[("accept-language", "en-KE, sw;q=0.8")]).await;
    assert_eq!(en.status, 200);
    // an explicit choice wins over the browser's languages, both ways
    let chose_en = app.get_with("/", &[("accept-language", "ar"), ("cookie", "lang=en")]).await;
    assert_eq!(chose_en.status, 200);
    let chose_sw = app.get_with("/c/phones", &[("accept-language", "fr"), ("cookie", "lang=sw")]).await;
    assert_eq!((chose_sw.status.as_u16(), chose_sw.header("location")), (302, "/sw/c/phones"));
    // a prefixed URL is always its own language
    let ar = app.get_with("/ar/", &[("accept-language", "fr"), ("cookie", "lang=pt")]).await;
    assert!(ar.status == 200 && ar.text().contains("<html lang=\"ar\" dir=\"rtl\">"));
    // the language menu sets the cookie and goes to the same page in that language
    let set = app.get("/language?code=ar&back=/fr/p/kora-phone-model-01").await;
    assert_eq!((set.status.as_u16(), set.header("location")), (303, "/ar/p/kora-phone-model-01"));
    assert!(set.header("set-cookie").starts_with("lang=ar; Path=/; Max-Age=31536000"));
    let back = app.get("/language?code=en&back=/sw/c/phones").await;
    assert_eq!(back.header("location"), "/c/phones");
    assert_eq!(app.get("/language?code=xx&back=/").await.status, 400);
    assert_eq!(app.get("/language?code=fr&back=https://evil.example/").await.header("location"), "/fr/");
    // the default language has no prefix of its own
    let en_prefix = app.get("/en/c/phones?page=2").await;
    assert_eq!((en_prefix.status.as_u16(), en_prefix.header("location")), (308, "/c/phones?page=2"));
}

#[tokio::test]
async fn bad_headers_and_unknown_prefixes_never_fail() {
    let app = TestApp::new().await;
    for al in ["", "*", ";;;,,,", "fr;q=abc", "xx-YY-zz;q=0.5", "q=1", "fr;q=2", &"de,".repeat(500), "fr;q=0.5;q=0.9, ar;level=1"] {
        let r = app.get_with("/", &[("accept-language", al)]).await;
        assert!(r.status == 200 || r.status == 302, "{al:?}: {}", r.status);
    }
    for (path, status) in [("/de/p/kora-phone-model-01", 404), ("/xx", 404), ("/france", 404), ("/fr/nowhere", 404), ("/fr/p/nope", 404)] {
        let r = app.get(path).await;
        assert_eq!(r.status.as_u16(), status, "{path}");
    }
    let fr404 = app.get("/fr/p/nope").await.text();
    assert!(fr404.contains("Article introuvable") && fr404.contains("<html lang=\"fr\""), "{fr404}");
    let garbage = app.get_with("/", &[("cookie", "lang=../../etc")]).await;
    assert_eq!(garbage.status, 200);
}

#[tokio::test]
async fn a_shop_folder_overrides_messages_and_adds_languages() {
    let dir = std::env::temp_dir().join(format!("baobab-i18n-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("fr.ftl"), "home-new = Arrivages de la semaine\n").unwrap();
    std::fs::write(dir.join("yo.ftl"), "language-name = Yorùbá\nhome-new = Àwọn ọjà tuntun\n").unwrap();
    let app = TestApp::with_settings(WebSettings { i18n_dir: Some(dir.clone()), ..WebSettings::default() }).await;
    let fr = app.get("/fr/").await.text();
    assert!(fr.contains("<h2>Arrivages de la semaine</h2>") && fr.contains("Bienvenue chez"), "an override keeps the rest");
    let yo = app.get("/yo/").await.text();
    assert!(yo.contains("<html lang=\"yo\" dir=\"ltr\">") && yo.contains("<h2>Àwọn ọjà tuntun</h2>"), "{yo}");
    assert!(yo.contains("Welcome to"), "missing messages fall back to the default language");
    assert!(yo.contains("<option value=\"yo\" lang=\"yo\" selected>Yorùbá</option>"));
    assert!(app.get("/").await.text().contains("hreflang=\"yo\" href=\"http://127.0.0.1:8080/yo/\""));
    // a broken file is named
    std::fs::write(dir.join("Bad.ftl"), "x = y\n").unwrap();
    assert!(I18n::load(Some(&dir), &[]).err().unwrap().contains("Bad.ftl"));
    std::fs::write(dir.join("Bad.ftl"), "").unwrap();
    std::fs::remove_file(dir.join("Bad.ftl")).unwrap();
    std::fs::write(dir.join("sw.ftl"), "home-new = {\n").unwrap();
    assert!(I18n::load(Some(&dir), &[]).err().unwrap().contains("sw.ftl"));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

#[tokio::test]
async fn pages_fit_the_first_round_trip_in_every_language() {
    const BUDGET: usize = 14 * 1024;
    let app = TestApp::new().await;
    let css = gzip_len(&app.get(&app.state.assets.css.path).await.body);
    for code in ["", "/fr", "/ar", "/pt", "/sw"] {
        for path in ["/", "/c/phones", "/p/kora-phone-model-05", "/search?q=kora"] {
            let r = app.get(&format!("{code}{path}")).await;
            assert_eq!(r.status, 200);
            let total = gzip_len(&r.body) + css;
            println!("page weight {code}{path}: {} B gzip of {BUDGET} B", total);
            assert!(total <= BUDGET, "{code}{path}: {total} B gzip exceeds {BUDGET} B");
        }
    }
}

#[tokio::test]
async fn prices_follow_the_page_language() {
    let app = TestApp::new().await;
    let p = app.store().product(baobab_store::Key::Slug("kora-phone-model-00")).await.unwrap().unwrap();
    let naira: baobab_domain::Currency = "NGN".parse().unwrap();
    let amount = p.variants[0].prices.iter().find(|x| x.currency == naira).unwrap().amount_minor;
    let english = baobab_domain::format_money(amount, naira);
    let en = app.get("/p/kora-phone-model-00").await.text();
    assert!(en.contains(&english), "English keeps the shop's format {english}: {en}");
    for lang in ["fr", "ar", "pt", "sw"] {
        let local = baobab_locale::format_money(amount, naira, lang);
        let page = app.get(&format!("/{lang}/p/kora-phone-model-00")).await.text();
        assert!(page.contains(&local), "{lang}: {local} on the page");
        assert!(!page.contains(&english), "{lang}: no English-formatted price");
        assert!(amount > 100_000 && local != english, "{lang}: a format of its own ({local})");
    }
    // French as CLDR writes it: the amount grouped by narrow no-break spaces, a decimal comma,
    // the symbol after a no-break space.
    let fr = app.get("/fr/c/smartphones").await.text();
    assert!(fr.contains(",00\u{a0}₦") || fr.contains(",50\u{a0}₦"), "{fr}");
}
