//! Catalog content in several languages: translated titles, descriptions, attributes and slugs
//! on the storefront with fallback to the default language, search per language on both
//! backends, and translations in the API.

use std::collections::BTreeMap;

use axum::http::Method;
use baobab_domain::catalog::ProductStatus;
use baobab_domain::translation::{AttributeTranslation, CategoryTranslation, ProductTranslation};
use baobab_store::testing::count_queries;
use serde_json::json;

use crate::support::{TestApp, between, price, product, variant};

const BASE: &str = "http://127.0.0.1:8080";

fn title(t: &str) -> ProductTranslation {
    ProductTranslation { title: Some(t.into()), ..Default::default() }
}

fn name(n: &str, slug: Option<&str>) -> CategoryTranslation {
    CategoryTranslation { name: Some(n.into()), description: None, slug: slug.map(String::from) }
}

/// Phone 01 in French (title, slug, an attribute) and Arabic (title); Phones in French and
/// Arabic; Smartphones and Groceries untranslated.
async fn translate(app: &TestApp) {
    let s = app.store();
    let phone = s.product(baobab_store::Key::Slug("kora-phone-model-01")).await.unwrap().unwrap().id;
    let fr = ProductTranslation {
        slug: Some("telephone-kora-01".into()),
        attributes: BTreeMap::from([("Origin".into(), AttributeTranslation { name: Some("Origine".into()), value: None })]),
        ..title("Téléphone Kora modèle 01")
    };
    s.upsert_product_translation(phone, "fr", &fr).await.unwrap();
    s.upsert_product_translation(phone, "ar", &title("هاتف كورا طراز 01")).await.unwrap();
    s.upsert_category_translation(app.ids.phones, "fr", &name("Téléphones", None)).await.unwrap();
    s.upsert_category_translation(app.ids.phones, "ar", &name("هواتف", None)).await.unwrap();
    app.state.catalog_changed();
}

#[tokio::test]
async fn product_pages_show_the_translation_and_fall_back_marked() {
    let app = TestApp::new().await;
    translate(&app).await;
    let r = app.get("/fr/p/telephone-kora-01").await;
    assert_eq!(r.status, 200, "{}", r.text());
    let fr = r.text();
    assert!(fr.contains("<h1>Téléphone Kora modèle 01</h1>"), "{fr}");
    assert!(fr.contains("<title>Téléphone Kora modèle 01 · Baobab</title>"));
    // the description has no French: the English one, marked as English
    assert!(fr.contains("<p lang=\"en\" dir=\"ltr\">Kora phone model 01: a fine product.</p>"), "{fr}");
    assert!(fr.contains("<dt>Origine</dt><dd lang=\"en\" dir=\"ltr\">Ghana</dd>"), "name translated, value not: {fr}");
    assert!(fr.contains("<th scope=\"col\" lang=\"en\" dir=\"ltr\">Storage</th>"), "option names are the default language's");
    // one URL per language, each language's own slug in the alternates
    assert_eq!(between(&fr, "<link rel=\"canonical\" href=\"", "\""), format!("{BASE}/fr/p/telephone-kora-01"));
    for (lang, href) in [
        ("en", "/p/kora-phone-model-01"),
        ("fr", "/fr/p/telephone-kora-01"),
        ("ar", "/ar/p/kora-phone-model-01"),
        ("x-default", "/p/kora-phone-model-01"),
    ] {
        assert!(fr.contains(&format!("<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{BASE}{href}\">")), "{lang}: {fr}");
    }
    let en = app.get("/p/telephone-kora-01").await;
    assert_eq!((en.status.as_u16(), en.header("location")), (301, "/p/kora-phone-model-01"), "another language's slug moves");
    let en = app.get("/p/kora-phone-model-01").await.text();
    assert!(en.contains("<h1>Kora phone model 01</h1>") && en.contains("<dt>Origin</dt><dd>Ghana</dd>"));
    assert_eq!(en.matches(" lang=\"en\" dir=").count(), 1, "nothing is marked in the default language but <html>");
    assert!(en.contains(&format!("hreflang=\"fr\" href=\"{BASE}/fr/p/telephone-kora-01\"")));

    // the default slug under a prefix moves (permanently, cacheable, the query kept)
    let moved = app.get("/fr/p/kora-phone-model-01?currency=KES").await;
    assert_eq!(moved.status, 301);
    assert_eq!(moved.header("location"), "/fr/p/telephone-kora-01?currency=KES");
    assert!(moved.header("cache-control").starts_with("public"), "{}", moved.header("cache-control"));
    // a language without its own slug serves the default one
    let r = app.get("/ar/p/kora-phone-model-01").await;
    assert_eq!(r.status, 200);
    let ar = r.text();
    assert!(ar.contains("<h1>هاتف كورا طراز 01</h1>"), "{ar}");
    assert!(ar.contains("<p lang=\"en\" dir=\"ltr\">Kora phone model 01: a fine product.</p>"), "English inside Arabic is marked");
    let untranslated = app.get("/ar/p/kora-phone-model-02").await.text();
    assert!(untranslated.contains("<h1 lang=\"en\" dir=\"ltr\">Kora phone model 02</h1>"), "{untranslated}");
    assert_eq!(app.get("/ar/p/telephone-kora-01").await.header("location"), "/ar/p/kora-phone-model-01");
    assert_eq!(app.get("/fr/p/nope").await.status, 404);
    // a draft stays hidden in every language, by any slug
    let s = app.store();
    s.upsert_product_translation(app.ids.draft, "fr", &title("Prototype secret")).await.unwrap();
    assert_eq!(app.get("/fr/p/prototype-secret").await.status, 404);
}

#[tokio::test]
async fn category_home_and_search_pages_speak_the_language() {
    let app = TestApp::new().await;
    translate(&app).await;
    let r = app.get("/fr/c/telephones").await;
    assert_eq!(r.status, 200, "{}", r.text());
    let cat = r.text();
    assert!(cat.contains("<h1>Téléphones</h1>"), "{cat}");
    assert!(cat.contains("<p lang=\"en\" dir=\"ltr\">All the Phones</p>"), "untranslated description marked");
    assert!(cat.contains("<a href=\"/fr/c/smartphones\" lang=\"en\" dir=\"ltr\">Smartphones</a>"), "{cat}");
    assert!(cat.contains("<a href=\"/fr/c/telephones\">Téléphones</a>"), "navigation and crumbs in French: {cat}");
    assert!(cat.contains("<b lang=\"en\" dir=\"ltr\">Kora phone model 29</b>"), "untranslated titles marked: {cat}");
    let paged = app.get("/fr/c/telephones?page=2").await.text();
    assert!(paged.contains("<a href=\"/fr/p/telephone-kora-01\"><b>Téléphone Kora modèle 01</b></a>"), "{paged}");
    for (lang, href) in [("en", "/c/phones"), ("fr", "/fr/c/telephones"), ("ar", "/ar/c/phones"), ("x-default", "/c/phones")] {
        assert!(cat.contains(&format!("hreflang=\"{lang}\" href=\"{BASE}{href}\"")), "{lang}");
    }
    assert_eq!(between(&paged, "<link rel=\"canonical\" href=\"", "\""), format!("{BASE}/fr/c/telephones?page=2"));
    assert!(paged.contains(&format!("hreflang=\"en\" href=\"{BASE}/c/phones?page=2\"")));
    let moved = app.get("/fr/c/phones?sort=price_asc").await;
    assert_eq!((moved.status.as_u16(), moved.header("location")), (301, "/fr/c/telephones?sort=price_asc"));
    assert_eq!(app.get("/c/telephones").await.header("location"), "/c/phones");
    let en = app.get("/c/phones").await.text();
    assert!(en.contains("<h1>Phones</h1>") && en.contains(&format!("hreflang=\"fr\" href=\"{BASE}/fr/c/telephones\"")));

    let home = app.get("/fr/").await.text();
    assert!(home.contains("<li><a href=\"/fr/c/telephones\">Téléphones</a></li>"), "{home}");
    assert!(home.contains("<li><a href=\"/fr/c/groceries\" lang=\"en\" dir=\"ltr\">Groceries</a></li>"), "{home}");
    let ar_home = app.get("/ar/").await.text();
    assert!(ar_home.contains("<li><a href=\"/ar/c/phones\">هواتف</a></li>"), "{ar_home}");

    // search in French: its translations and the default content; facets in French; the
    // category filter by its French slug
    let found = app.get("/fr/search?q=t%C3%A9l%C3%A9phone").await.text();
    assert!(found.contains("<b>Téléphone Kora modèle 01</b>") && found.contains("href=\"/fr/p/telephone-kora-01\""), "{found}");
    assert_eq!(found.matches("<li><a href=\"/fr/p/").count(), 1, "{found}");
    let kora = app.get("/fr/search?q=kora&category=telephones").await;
    assert_eq!(kora.status, 200, "{}", kora.text());
    let kora = kora.text();
    assert!(kora.contains("<a href=\"/fr/search?category=smartphones&amp;q=kora\" lang=\"en\" dir=\"ltr\">Smartphones (30)</a>"), "{kora}");
    assert_eq!(app.get("/fr/search?q=kora&category=phones").await.status, 200, "the default slug filters too");
    assert_eq!(app.get("/fr/search?q=kora&category=nope").await.status, 400);
}

/// A category page reads the same number of queries in every language and for any number of
/// products: translations are joined, never read per product.
#[tokio::test]
async fn pages_in_a_language_read_a_constant_number_of_queries() {
    let app = TestApp::new().await;
    translate(&app).await;
    let mut counts = Vec::new();
    for path in ["/c/phones", "/c/phones?page=2", "/fr/c/telephones", "/fr/c/telephones?page=2", "/ar/c/phones", "/ar/c/phones?page=2"] {
        app.get(path).await; // the category tree is cached for a moment: the same state for each
        let (r, n) = count_queries(app.get(path)).await;
        assert_eq!(r.status, 200, "{path}");
        counts.push(n);
    }
    println!("queries per category page (en, en p2, fr, fr p2, ar, ar p2): {counts:?}");
    assert!(counts.iter().all(|n| *n == counts[0]), "{counts:?}");
    let (r, product) = count_queries(app.get("/fr/p/telephone-kora-01")).await;
    assert_eq!(r.status, 200);
    let (_, english) = count_queries(app.get("/p/kora-phone-model-01")).await;
    assert!(product <= english + 1, "French product page: {product} queries, English {english}");
}

/// Search per language on both backends: accents folded in French and Portuguese, Arabic
/// harakat folded, French stems on PostgreSQL.
#[tokio::test]
async fn search_per_language_on_both_backends() {
    let sqlite = TestApp::new().await;
    search_cases(&sqlite).await;
    if let Some(pg) = TestApp::postgres().await {
        search_cases(&pg).await;
    }
}

async fn search_cases(app: &TestApp) {
    let s = app.store();
    let pg = s.backend() == "postgres";
    for (t, sku, lang, tr) in [
        (
            "Flat screen TV",
            "TV-1",
            "fr",
            ProductTranslation { description: Some("Un téléviseur pour le salon.".into()), ..title("Télévision à écran plat") },
        ),
        ("Coffee 500 g", "COF-1", "fr", title("Café moulu 500 g")),
        ("Leather shoe", "SHOE-1", "fr", title("Chaussure en cuir")),
        ("Water action kit", "ACT-1", "pt", title("Kit de ação pela água")),
        ("Smartphone X", "PHX-1", "ar", title("هَاتِف ذكي إكس")),
    ] {
        let p = s.create_product(&product(t, app.ids.groceries, vec![variant(sku, vec![price("NGN", 100_000)], 3)])).await.unwrap();
        assert_eq!(p.status, ProductStatus::Active);
        s.upsert_product_translation(p.id, lang, &tr).await.unwrap();
    }
    let hits = |html: &str, prefix: &str| html.matches(&format!("<li><a href=\"{prefix}/p/")).count();
    for (path, found, why) in [
        ("/fr/search?q=cafe", "Café moulu 500 g", "accents folded"),
        ("/fr/search?q=caf%C3%A9", "Café moulu 500 g", "accents kept"),
        ("/fr/search?q=television", "Télévision à écran plat", ""),
        ("/fr/search?q=t%C3%A9l%C3%A9vision", "Télévision à écran plat", ""),
        ("/fr/search?q=televiseur+salon", "Télévision à écran plat", "the translated description"),
        ("/fr/search?q=coffee", "Café moulu 500 g", "the default content too"),
        ("/pt/search?q=a%C3%A7%C3%A3o", "Kit de ação pela água", ""),
        ("/pt/search?q=acao+agua", "Kit de ação pela água", ""),
        ("/ar/search?q=%D9%87%D8%A7%D8%AA%D9%81", "هَاتِف ذكي إكس", "هاتف without harakat"),
        ("/ar/search?q=%D9%87%D9%8E%D8%A7%D8%AA%D9%90%D9%81+%D8%B0%D9%83%D9%8A", "هَاتِف ذكي إكس", "with harakat"),
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, 200, "{path}");
        let html = r.text();
        let prefix = &path[..3];
        assert!(html.contains(&format!("<b>{found}</b>")), "{} {path} ({why}): {html}", s.backend());
        assert_eq!(hits(&html, prefix), 1, "{} {path}", s.backend());
    }
    // plural to singular: PostgreSQL's French stemmer; SQLite matches words as prefixes only
    let plural = app.get("/fr/search?q=chaussures").await.text();
    assert_eq!(hits(&plural, "/fr"), if pg { 1 } else { 0 }, "{} chaussures → chaussure", s.backend());
    if pg {
        let article = app.get("/ar/search?q=%D8%A7%D9%84%D9%87%D8%A7%D8%AA%D9%81").await.text();
        assert_eq!(hits(&article, "/ar"), 1, "الهاتف finds هاتف by its stem");
    }
    // one language's words are not another's
    assert_eq!(hits(&app.get("/pt/search?q=cafe+moulu").await.text(), "/pt"), 0);
    assert_eq!(hits(&app.get("/search?q=moulu").await.text(), ""), 0);
}

fn lantern() -> serde_json::Value {
    json!({
        "title": "Solar lantern",
        "description": "Eight hours of light.",
        "status": "active",
        "attributes": [{"name": "Battery", "value": "2600 mAh"}, {"name": "Colour", "value": "Green"}],
        "variants": [{"sku": "LAN-1", "prices": [{"currency": "NGN", "amount_minor": 2400000}], "stock_on_hand": 4}],
        "translations": {
            "fr": {"title": "Lanterne solaire", "description": "Huit heures de lumière.",
                   "attributes": {"Battery": {"name": "Batterie", "value": "2600 mAh"}, "Colour": {"name": "Couleur", "value": "Vert"}}},
            "ar": {"title": "فانوس شمسي"}
        }
    })
}

#[tokio::test]
async fn the_api_writes_and_reads_translations() {
    let app = TestApp::new().await;
    let r = app.staff(Method::POST, "/api/v1/products", lantern()).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let p = r.json();
    let id = p["id"].as_i64().unwrap();
    assert_eq!(p["title"], "Solar lantern", "the product's own fields are the default language's");
    assert_eq!(p["translations"]["fr"]["title"], "Lanterne solaire");
    assert_eq!(p["translations"]["fr"]["slug"], "lanterne-solaire", "made from the title");
    assert_eq!(p["translations"]["fr"]["attributes"]["Colour"], json!({"name": "Couleur", "value": "Vert"}));
    assert_eq!(p["translations"]["ar"], json!({"title": "فانوس شمسي"}), "no slug from an Arabic title");
    let public = app.get(&format!("/api/v1/products/{id}")).await.json();
    assert_eq!(public["translations"], p["translations"], "public reads carry them");

    // update: a language given replaces that language whole, null removes one, others stay
    let patch = json!({"title": "Solar lantern XL", "translations": {"ar": null, "pt": {"title": "Lanterna solar", "slug": "lanterna"}}});
    let r = app.staff(Method::PATCH, &format!("/api/v1/products/{id}"), patch).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let t = &r.json()["translations"];
    assert_eq!(t.as_object().unwrap().keys().collect::<Vec<_>>(), ["fr", "pt"]);
    assert_eq!((t["pt"]["slug"].as_str(), r.json()["title"].as_str()), (Some("lanterna"), Some("Solar lantern XL")));
    let r = app.staff(Method::PATCH, &format!("/api/v1/products/{id}"), json!({"status": "draft"})).await;
    assert_eq!(r.json()["translations"]["fr"]["title"], "Lanterne solaire", "a patch without translations keeps them");

    // categories the same way, in the list too
    let r = app
        .staff(
            Method::POST,
            "/api/v1/categories",
            json!({"name": "Solar", "translations": {"fr": {"name": "Énergie solaire"}, "sw": {"name": "Nishati ya jua"}}}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let cid = r.json()["id"].as_i64().unwrap();
    assert_eq!(r.json()["translations"]["fr"]["slug"], "energie-solaire");
    let r = app.staff(Method::PATCH, &format!("/api/v1/categories/{cid}"), json!({"translations": {"sw": null}})).await;
    assert_eq!(r.json()["translations"].as_object().unwrap().len(), 1, "{}", r.text());
    let list = app.get("/api/v1/categories").await.json();
    let solar = list["items"].as_array().unwrap().iter().find(|c| c["id"] == cid).unwrap().clone();
    assert_eq!(solar["translations"]["fr"]["name"], "Énergie solaire");
    assert_eq!(app.get(&format!("/api/v1/categories/{cid}")).await.json()["translations"], solar["translations"]);

    // what is left to translate, per language (staff only)
    assert_eq!(app.get("/api/v1/translation-gaps").await.status, 401);
    let auth = format!("Bearer {}", app.catalog_token);
    let gaps = app.get_with("/api/v1/translation-gaps", &[("authorization", &auth)]).await.json();
    let langs: Vec<&str> = gaps["languages"].as_array().unwrap().iter().map(|g| g["lang"].as_str().unwrap()).collect();
    assert_eq!(langs, ["fr", "ar", "pt", "sw"]);
    let fr = &gaps["languages"][0];
    assert_eq!((fr["products"].as_u64(), fr["products_untranslated"].as_u64()), (Some(35), Some(34)), "{fr}");
    assert_eq!((fr["categories"].as_u64(), fr["category_names"].as_u64()), (Some(4), Some(3)), "{fr}");
}

#[tokio::test]
async fn bad_translations_are_422_naming_the_field_and_change_nothing() {
    let app = TestApp::new().await;
    let taken = app.staff(Method::POST, "/api/v1/products", lantern()).await;
    assert_eq!(taken.status, 201, "{}", taken.text());
    let id = taken.json()["id"].as_i64().unwrap();
    let before = app.snapshot().await;
    let post = |body: serde_json::Value| app.staff(Method::POST, "/api/v1/products", body);
    let with = |translations: serde_json::Value| {
        let mut b = lantern();
        b["title"] = json!("Wind-up radio");
        b["variants"][0]["sku"] = json!("RAD-1");
        b["translations"] = translations;
        b
    };
    for (translations, field) in [
        // unknown shapes
        (json!("fr"), "translations"),
        (json!([{"title": "x"}]), "translations"),
        (json!({"fr": "Radio"}), "translations.fr"),
        (json!({"fr": {"titre": "Radio"}}), "translations.fr.titre"),
        (json!({"fr": {"title": 5}}), "translations.fr.title"),
        (json!({"fr": {"title": "Radio", "attributes": {"Battery": "Batterie"}}}), "translations.fr.attributes.Battery"),
        // languages: not a tag, the default, not the shop's
        (json!({"FR": {"title": "Radio"}}), "translations.FR"),
        (json!({"fr_FR": {"title": "Radio"}}), "translations.fr_FR"),
        (json!({"en": {"title": "Radio"}}), "translations.en"),
        (json!({"pt-br": {"title": "Rádio"}}), "translations.pt-br"),
        // content
        (json!({"fr": {"title": "x".repeat(201)}}), "translations.fr.title"),
        (json!({"fr": {"title": "Radio", "description": "d".repeat(20_001)}}), "translations.fr.description"),
        (json!({"fr": {"title": "Radio", "slug": "Radio à manivelle"}}), "translations.fr.slug"),
        (json!({"fr": {}}), "translations.fr"),
        (json!({"fr": {"title": "Radio", "attributes": {"Voltage": {"name": "Tension"}}}}), "translations.fr.attributes.Voltage"),
        // a slug taken in the language, or as another product's default slug
        (json!({"fr": {"title": "Lanterne solaire"}}), "translations.fr.slug"),
        (json!({"fr": {"title": "Radio", "slug": "kora-phone-model-01"}}), "translations.fr.slug"),
    ] {
        let r = post(with(translations.clone())).await;
        r.assert_error(422, field);
        assert_eq!(r.json()["error"]["code"], "validation", "{translations}");
    }
    let dup = app
        .raw(
            Method::POST,
            "/api/v1/products",
            &[("authorization", &format!("Bearer {}", app.catalog_token)), ("content-type", "application/json")],
            r#"{"title": "Radio", "translations": {}, "translations": {}}"#,
        )
        .await;
    assert_eq!(dup.status, 422, "{}", dup.text());
    // every problem at once
    let r = post(with(json!({"de": {"title": "Radio"}, "EN": {"title": "Radio"}}))).await;
    assert_eq!(r.json()["error"]["details"].as_array().map(Vec::len), Some(2), "{}", r.text());
    // the same rules on update, and the product's own fields stay untouched
    let path = format!("/api/v1/products/{id}");
    let patch = |body: serde_json::Value| app.staff(Method::PATCH, &path, body);
    patch(json!({"title": "Renamed", "translations": {"ar": {"slug": "-x"}}})).await.assert_error(422, "translations.ar.slug");
    patch(json!({"translations": {"EN": null}})).await.assert_error(422, "translations.EN");
    patch(json!({"translations": {"fr": {"title": "Lanterne", "attributes": {"Colour": {"colour": "Vert"}}}}}))
        .await
        .assert_error(422, "translations.fr.attributes.Colour.colour");
    let cat = |body: serde_json::Value| app.staff(Method::POST, "/api/v1/categories", body);
    cat(json!({"name": "Radios", "translations": {"fr": {"name": "n".repeat(201)}}})).await.assert_error(422, "translations.fr.name");
    cat(json!({"name": "Radios", "translations": {"fr": {"slug": "phones"}}})).await.assert_error(422, "translations.fr.slug");
    cat(json!({"name": "Radios", "translations": {"xx": {"name": "Radios"}}})).await.assert_error(422, "translations.xx");
    assert_eq!(app.snapshot().await, before, "rejected writes changed nothing");
}
