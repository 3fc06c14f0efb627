//! Catalog content in several languages: translations in the API (the storefront's cases
//! follow with its pages).

use axum::http::Method;
use serde_json::json;

use crate::support::TestApp;

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
