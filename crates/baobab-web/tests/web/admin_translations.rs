//! Translating the catalog in the admin: what is left to translate per language, a product's
//! and a category's translations saved and removed (audited, seen on the storefront and in the
//! API), bad input shown again with 422 and nothing saved, the permission, and the pages free
//! of English in the other languages.

use baobab_domain::account::StaffRole;
use baobab_store::testing::count_queries;

use crate::accounts::Browser;
use crate::i18n::{catalog, english_fragments, page_words};
use crate::support::{TestApp, between};

/// The row of `lang` in the overview: its cells' text.
fn overview_row(html: &str, lang: &str) -> String {
    let row = between(html, &format!("<a href=\"/admin/translations/{lang}\">"), "</tr>").replace("</td><td>", " | ");
    page_words(&row).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A catalog manager, signed in with two-factor proven.
async fn editor(app: &TestApp) -> Browser<'_> {
    crate::admin::staff_member_pub(app, "catalogue@example.com", StaffRole::CatalogManager).await.0
}

async fn post(b: &mut Browser<'_>, path: &str, fields: &[(&str, &str)]) -> crate::support::Res {
    let csrf = b.csrf("/admin/translations").await;
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    b.post(path, &all).await
}

async fn saved_and_removed(app: &TestApp) {
    let mut b = editor(app).await;
    let phone = app.ids.phone;
    let overview = b.get("/admin/translations").await;
    assert_eq!(overview.status, 200, "{}", overview.text());
    let html = overview.text();
    // 34 live products (30 phones, 3 groceries, a draft) and 3 categories, nothing translated
    for lang in ["fr", "ar", "pt", "sw"] {
        assert!(overview_row(&html, lang).starts_with(&format!("{} | 34 of 34 | 3 of 3 | ", lang_name(lang))), "{lang}: {html}");
    }
    assert!(!html.contains("/admin/translations/en\""), "the default language is not translated into");
    assert!(html.contains("<a href=\"/admin/translations\" aria-current=\"page\">Translations</a>"), "one navigation entry");
    let fields = |row: String| row.rsplit(" | ").next().unwrap().replace(',', "").parse::<u64>().unwrap();
    let before = fields(overview_row(&html, "fr"));

    // the product edit page leads here
    let edit = b.get(&format!("/admin/products/{phone}")).await.text();
    assert!(edit.contains(&format!("action=\"/admin/translations/products/{phone}\"")), "{edit}");

    let page = b.get(&format!("/admin/translations/products/{phone}")).await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("<h1>Translations of “Kora phone model 00”</h1>"), "{html}");
    // each language's form, its fields beside the default content (read in any direction)
    for lang in ["fr", "ar", "pt", "sw"] {
        assert!(html.contains(&format!("action=\"/admin/translations/products/{phone}/{lang}#{lang}\"")), "{lang}");
        assert!(html.contains(&format!("name=\"title\" value=\"\" maxlength=\"200\" lang=\"{lang}\" dir=\"auto\"")), "{html}");
    }
    assert!(html.contains("<span lang=\"en\" dir=\"auto\">Kora phone model 00</span>") && html.contains("name=\"attr_value.Origin\""));
    assert!(!html.contains("/delete#"), "nothing to remove yet");

    let fr = [
        ("title", "Téléphone Kora modèle 00"),
        ("description", "Un bon téléphone."),
        ("slug", "telephone-kora-modele-00"),
        ("attr_name.Origin", "Origine"),
        ("attr_value.Origin", ""),
    ];
    let r = post(&mut b, &format!("/admin/translations/products/{phone}/fr"), &fr).await;
    assert_eq!(r.status, 200, "{}", r.text());
    // said in the French section, where the answer scrolls to; the language menu returns to the page
    let fr_part = between(&r.text(), "<h2 id=\"fr\" lang=\"fr\">", "</form>");
    assert!(
        fr_part.contains("<p class=\"notice\">Translation saved.</p>") && fr_part.contains("1 field still in the default language."),
        "{fr_part}"
    );
    assert!(fr_part.contains(&format!("action=\"/admin/translations/products/{phone}/fr#fr\"")), "{fr_part}");
    assert!(r.text().contains(&format!("name=\"back\" value=\"/admin/translations/products/{phone}\"")));
    assert!(r.text().contains(&format!("action=\"/admin/translations/products/{phone}/fr/delete#fr\"")));
    let stored = app.store().product_translations(phone).await.unwrap();
    assert_eq!(stored["fr"].title.as_deref(), Some("Téléphone Kora modèle 00"));
    assert_eq!(stored["fr"].attributes["Origin"].value, None, "a blank field falls back");
    let api = app.get_with(&format!("/api/v1/products/{phone}"), &[("authorization", &format!("Bearer {}", app.catalog_token))]).await;
    assert_eq!(api.json()["translations"]["fr"]["slug"], "telephone-kora-modele-00");

    // the count drops in French only
    let html = b.get("/admin/translations").await.text();
    assert!(overview_row(&html, "fr").contains(" | 33 of 34 | 3 of 3 | "), "{html}");
    assert!(overview_row(&html, "ar").contains(" | 34 of 34 | "), "{html}");
    // title, description and an attribute's name translated; the attribute's value not
    assert_eq!(fields(overview_row(&html, "fr")), before - 3);

    // the shop shows it under its French address
    let shop = app.get("/fr/p/telephone-kora-modele-00").await;
    assert_eq!(shop.status, 200);
    assert!(shop.text().contains("Téléphone Kora modèle 00") && shop.text().contains("Un bon téléphone."), "{}", shop.text());

    // a category
    let phones = app.ids.phones;
    let r =
        post(&mut b, &format!("/admin/translations/categories/{phones}/fr"), &[("name", "Téléphones"), ("description", ""), ("slug", "")])
            .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("<h1>Translations of the category “Phones”</h1>") && r.text().contains("value=\"telephones\""));
    let html = b.get("/admin/translations").await.text();
    assert!(overview_row(&html, "fr").contains(" | 33 of 34 | 2 of 3 | "), "{html}");
    let shop = app.get("/fr/c/telephones").await;
    assert_eq!(shop.status, 200);
    assert!(shop.text().contains("Téléphones"));

    // the language's page: what is missing, the products a page at a time, the categories
    let (list, queries) = count_queries(b.get("/admin/translations/fr")).await;
    assert_eq!(list.status, 200);
    let html = list.text();
    assert!(
        html.contains("<h1>Translations: Français</h1>")
            && html.contains("Page 1 of 2")
            && html.contains("href=\"/admin/translations/fr?page=2\" rel=\"next\""),
        "{html}"
    );
    // the oldest product, on the second page, under its French title
    let second = b.get("/admin/translations/fr?page=2").await.text();
    assert!(
        second
            .contains(&format!("<a href=\"/admin/translations/products/{phone}#fr\"><bdi lang=\"fr\">Téléphone Kora modèle 00</bdi></a>")),
        "{second}"
    );
    assert!(second.contains("<td><a href=\"/admin/translations/products/2#fr\"><bdi lang=\"en\">Kora phone model 01</bdi></a>"));
    assert!(html.contains("<td><bdi lang=\"fr\">Téléphones</bdi></td>") && html.contains("1 field missing"), "{html}");
    let (_, more) = count_queries(b.get("/admin/translations/ar?page=2")).await;
    assert_eq!(queries, more, "the same queries whatever the page, its rows and the language");
    assert!(queries <= 8, "{queries} queries");
    for (query, status) in [("?page=0", 400), ("?page=abc", 400), ("?page=3", 200), ("?page=99999999999", 400), ("?page=1&page=2", 400)] {
        assert_eq!(b.get(&format!("/admin/translations/fr{query}")).await.status.as_u16(), status, "{query}");
    }

    // removed: the count rises again and the shop falls back
    let r = post(&mut b, &format!("/admin/translations/products/{phone}/fr/delete"), &[]).await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("Translation removed"), "{}", r.text());
    let again = post(&mut b, &format!("/admin/translations/products/{phone}/fr/delete"), &[]).await;
    assert!(again.text().contains("There was no translation to remove."));
    let html = b.get("/admin/translations").await.text();
    assert!(overview_row(&html, "fr").contains(" | 34 of 34 | 2 of 3 | "), "{html}");
    assert!(app.store().product_translations(phone).await.unwrap().is_empty());
    assert_eq!(app.get("/fr/p/telephone-kora-modele-00").await.status, 404);
    let shop = app.get("/fr/p/kora-phone-model-00").await;
    assert!(shop.status == 200 && shop.text().contains("Kora phone model 00"), "the default content");
    // a form left blank removes the language's translation too
    let r = post(&mut b, &format!("/admin/translations/categories/{phones}/fr"), &[("name", " "), ("description", ""), ("slug", "")]).await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("Every field was empty"), "{}", r.text());
    assert!(app.store().category_translations(phones).await.unwrap().is_empty());

    let audit = app.store().audit_entries(0, 50).await.unwrap();
    for event in ["product_translation_saved", "product_translation_deleted", "category_translation_saved", "category_translation_deleted"]
    {
        let e = audit.iter().find(|e| e.event == event).unwrap_or_else(|| panic!("{event} audited"));
        assert_eq!(e.detail["lang"], "fr", "{event}");
    }
}

fn lang_name(code: &str) -> &'static str {
    match code {
        "fr" => "Français",
        "ar" => "العربية",
        "pt" => "Português",
        "sw" => "Kiswahili",
        _ => unreachable!(),
    }
}

#[tokio::test]
async fn a_translation_saved_and_removed_changes_the_counts_and_the_shop() {
    saved_and_removed(&TestApp::new().await).await;
    if let Some(pg) = TestApp::postgres().await {
        saved_and_removed(&pg).await;
    }
}

async fn refused(app: &TestApp) {
    let mut b = editor(app).await;
    let phone = app.ids.phone;
    let path = format!("/admin/translations/products/{phone}/fr");
    // another product's French address, then one of this product's own
    let other = app.store().product(baobab_store::Key::Slug("kora-phone-model-01")).await.unwrap().unwrap().id;
    let r = post(&mut b, &format!("/admin/translations/products/{other}/fr"), &[("title", "Kora 01"), ("slug", "kora-fr")]).await;
    assert_eq!(r.status, 200);
    let before = app.store().product_translations(phone).await.unwrap();
    let long = "x".repeat(201);
    for (fields, said) in [
        (vec![("title", "Kora"), ("slug", "kora-fr")], "slug: “kora-fr” is already another product's web address"),
        (vec![("title", "Kora"), ("slug", "kora-phone-model-01")], "slug: “kora-phone-model-01” is already another product's web address"),
        (vec![("title", "Kora"), ("slug", "Pas Un Slug")], "slug: may contain only lowercase letters a-z, digits and single dashes"),
        (vec![("title", &long)], "title: must be at most 200 characters"),
        (vec![("title", "a\u{7}b")], "title: must not contain control characters"),
        (vec![("title", "Kora"), ("attr_name.Colour", "Couleur")], "Name of the attribute “Colour”: the product has no attribute"),
        (vec![("title", ""), ("description", " ")], "Français: fill in at least one field"),
    ] {
        let r = post(&mut b, &path, &fields).await;
        assert_eq!(r.status, 422, "{fields:?}: {}", r.text());
        let html = r.text();
        let fr_part = between(&html, "<h2 id=\"fr\" lang=\"fr\">", "</form>");
        assert!(fr_part.contains(&said.replace('\'', "&#39;")), "{said}: in the French section: {html}");
        // the form again, with what was typed
        if let Some((_, v)) = fields.iter().find(|(k, v)| *k == "slug" && !v.is_empty()) {
            assert!(html.contains(&format!("name=\"slug\" value=\"{v}\"")), "{v}: {html}");
        }
        assert_eq!(app.store().product_translations(phone).await.unwrap(), before, "{said}: nothing saved");
    }
    // an empty title falls back: the rest is saved
    let r = post(&mut b, &path, &[("title", "  "), ("description", "Une description.")]).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let t = &app.store().product_translations(phone).await.unwrap()["fr"];
    assert_eq!((t.title.as_deref(), t.description.as_deref()), (None, Some("Une description.")));

    // in the staff member's language
    b.get("/language?code=fr&back=/admin/translations").await;
    let r = post(&mut b, &path, &[("title", &long)]).await;
    assert_eq!(r.status, 422);
    let i18n = baobab_web::i18n::I18n::shipped();
    let too_long = i18n.msg("fr", "problem-too-long", &[("max", 200.into())]);
    let line = i18n.msg("fr", "problem", &[("field", i18n.msg("fr", "admin-field-title", &[]).into()), ("problem", too_long.into())]);
    assert!(r.text().contains(&line), "{line}: {}", r.text());
    let r = post(&mut b, &path, &[("title", "Kora"), ("slug", "kora-fr")]).await;
    assert!(r.text().contains("Identifiant d’URL : «\u{a0}kora-fr\u{a0}» est déjà l’adresse d’un autre produit"), "{}", r.text());
    b.get("/language?code=en&back=/admin/translations").await;

    // languages the shop does not translate into, things that are not there, a wrong id
    for (method, path, status) in [
        ("GET", "/admin/translations/de".to_string(), 404),
        ("GET", "/admin/translations/en".into(), 404),
        ("GET", "/admin/translations/FR".into(), 404),
        ("POST", format!("/admin/translations/products/{phone}/de"), 404),
        ("POST", format!("/admin/translations/products/{phone}/en"), 404),
        ("POST", format!("/admin/translations/products/{phone}/de/delete"), 404),
        ("POST", format!("/admin/translations/categories/{}/xx", app.ids.phones), 404),
        ("GET", "/admin/translations/products/999999".into(), 404),
        ("POST", "/admin/translations/products/999999/fr".into(), 404),
        ("POST", "/admin/translations/products/999999/fr/delete".into(), 404),
        ("GET", "/admin/translations/categories/999999".into(), 404),
        ("POST", "/admin/translations/categories/999999/fr".into(), 404),
        ("GET", "/admin/translations/products/abc".into(), 400),
        ("POST", "/admin/translations/products/-1/fr".into(), 400),
    ] {
        let r = if method == "GET" { b.get(&path).await } else { post(&mut b, &path, &[("title", "Kora")]).await };
        assert_eq!(r.status.as_u16(), status, "{method} {path}: {}", r.text());
        assert!(r.text().contains("<html lang=\"en\""), "{path}: a page, not a bare error");
    }
    // a category's address taken by another category in French
    let groceries = app.ids.groceries;
    let r = post(&mut b, &format!("/admin/translations/categories/{groceries}/fr"), &[("name", "Épicerie"), ("slug", "phones")]).await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("slug: “phones” is already another category&#39;s web address"), "{}", r.text());
    assert!(app.store().category_translations(groceries).await.unwrap().is_empty());

    // no CSRF token, another site: 403 and nothing saved
    let r = b.post(&path, &[("title", "Sans jeton")]).await;
    assert_eq!(r.status, 403);
    let csrf = b.csrf("/admin/translations").await;
    let r = b.post_with(&path, &[("csrf", &csrf), ("title", "Ailleurs")], Some("https://evil.example")).await;
    assert_eq!(r.status, 403);
    let r = b.post(&format!("{path}/delete"), &[]).await;
    assert_eq!(r.status, 403);
    assert!(app.store().product_translations(phone).await.unwrap()["fr"].title.is_none());
    // a body beyond the limit
    let huge = "é".repeat(200_000);
    let r = b.post(&path, &[("csrf", &csrf), ("description", &huge)]).await;
    assert_eq!(r.status, 413);
}

#[tokio::test]
async fn bad_input_is_shown_again_and_nothing_is_saved() {
    refused(&TestApp::new().await).await;
    if let Some(pg) = TestApp::postgres().await {
        refused(&pg).await;
    }
}

#[tokio::test]
async fn only_catalog_editors_translate() {
    let app = TestApp::new().await;
    let (mut om, _) = crate::admin::staff_member_pub(&app, "commandes@example.com", StaffRole::OrderManager).await;
    let dash = om.get("/admin").await.text();
    assert!(!dash.contains("/admin/translations"), "no navigation entry for them");
    let csrf = om.csrf("/admin/orders").await;
    let phone = app.ids.phone;
    for path in ["/admin/translations".to_string(), "/admin/translations/fr".into(), format!("/admin/translations/products/{phone}")] {
        assert_eq!(om.get(&path).await.status, 403, "{path}");
    }
    for path in [format!("/admin/translations/products/{phone}/fr"), format!("/admin/translations/categories/{}/fr", app.ids.phones)] {
        let r = om.post(&path, &[("csrf", &csrf), ("title", "Non"), ("name", "Non")]).await;
        assert_eq!(r.status, 403, "{path}");
    }
    assert!(app.store().product_translations(phone).await.unwrap().is_empty());
    assert!(app.store().category_translations(app.ids.phones).await.unwrap().is_empty());
    // signed out: the login page
    let r = Browser::new(&app).get("/admin/translations").await;
    assert_eq!(r.status, 303);
}

#[tokio::test]
async fn the_translation_pages_speak_the_staff_members_language() {
    let app = TestApp::new().await;
    let fragments = english_fragments();
    assert!(fragments.iter().any(|(_, f)| f == "Fields missing") && fragments.iter().any(|(_, f)| f == "Remove this translation"));
    let mut b = editor(&app).await;
    let phone = app.ids.phone;
    let r = post(&mut b, &format!("/admin/translations/products/{phone}/ar"), &[("title", "هاتف كورا")]).await;
    assert_eq!(r.status, 200);
    for code in ["fr", "ar", "pt", "sw"] {
        let own = catalog(code);
        b.get(&format!("/language?code={code}&back=/admin/translations")).await;
        let mut pages = vec![];
        for path in [
            "/admin/translations".to_string(),
            format!("/admin/translations/{code}"),
            format!("/admin/translations/products/{phone}"),
            format!("/admin/translations/categories/{}", app.ids.phones),
            "/admin/translations/de".into(),
        ] {
            pages.push((path.clone(), b.get(&path).await));
        }
        let bad = post(&mut b, &format!("/admin/translations/products/{phone}/fr"), &[("title", "Kora"), ("slug", "Pas Un Slug")]).await;
        assert_eq!(bad.status, 422);
        pages.push(("POST (bad slug)".into(), bad));
        let blank = post(&mut b, &format!("/admin/translations/products/{phone}/pt"), &[("title", "")]).await;
        assert_eq!(blank.status, 422);
        pages.push(("POST (blank)".into(), blank));
        let saved = post(&mut b, &format!("/admin/translations/categories/{}/sw", app.ids.phones), &[("name", "Simu")]).await;
        pages.push(("POST (saved)".into(), saved));
        let dir = if code == "ar" { "rtl" } else { "ltr" };
        for (path, r) in pages {
            let html = r.text();
            assert!(html.contains(&format!("<html lang=\"{code}\" dir=\"{dir}\">")), "{code} {path}: {html}");
            let text = page_words(&html);
            for (_, f) in &fragments {
                if !own.contains(f.as_str()) {
                    assert!(!text.contains(f.as_str()), "{code} {path} shows English {f:?}: {text}");
                }
            }
        }
    }
    // the Arabic product page: English reference and Arabic input each read in their direction
    b.get("/language?code=ar&back=/admin/translations").await;
    let html = b.get(&format!("/admin/translations/products/{phone}")).await.text();
    assert!(html.contains("<span lang=\"en\" dir=\"auto\">Kora phone model 00</span>"), "{html}");
    assert!(html.contains("value=\"هاتف كورا\" maxlength=\"200\" lang=\"ar\" dir=\"auto\""), "{html}");
    assert!(html.contains("name=\"slug\" value=\"\" maxlength=\"100\" dir=\"ltr\""), "{html}");
}
