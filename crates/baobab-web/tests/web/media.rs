//! Product media over HTTP: uploads and their bad inputs, `/media/*` serving, `<picture>` on
//! pages, the data-saver mode, and a media-store outage.

use std::io::Cursor;

use axum::http::Method;
use image::{DynamicImage, ImageFormat, RgbImage};
use serde_json::json;

use crate::support::TestApp;

fn photo(w: u32, h: u32, seed: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| image::Rgb([((x + seed) % 256) as u8, (y % 256) as u8, ((x ^ y) % 256) as u8]));
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(img).write_to(&mut out, ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// A multipart/form-data body with the given text fields and an optional file.
fn form(fields: &[(&str, &str)], file: Option<(&str, &str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "----baobab-test-boundary";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes());
    }
    if let Some((name, ctype, bytes)) = file {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: {ctype}\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(app: &TestApp, product: i64, fields: &[(&str, &str)], file: Option<(&str, &str, &[u8])>) -> crate::support::Res {
    let (ctype, body) = form(fields, file);
    let auth = format!("Bearer {}", app.catalog_token);
    app.raw(Method::POST, &format!("/api/v1/products/{product}/images"), &[("authorization", &auth), ("content-type", &ctype)], body).await
}

#[tokio::test]
async fn upload_serves_every_variant_with_cache_headers() {
    let app = TestApp::new().await;
    let jpeg = photo(1600, 1200, 1);
    let r = upload(&app, app.ids.phone, &[("alt", "Kora phone, front")], Some(("front.jpg", "image/jpeg", &jpeg))).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let img = r.json();
    assert_eq!(img["alt"], "Kora phone, front");
    assert_eq!(img["media"]["widths"], json!([1280, 640, 320, 160]));
    assert_eq!((img["width"].as_i64(), img["height"].as_i64()), (Some(1600), Some(1200)));
    let hash = img["media"]["hash"].as_str().unwrap().to_string();
    let url = img["url"].as_str().unwrap().to_string();
    assert_eq!(url, format!("/media/{}/1280.jpg", &hash[..16]));
    assert!(img["media"]["placeholder"].as_str().unwrap().starts_with("data:image/webp;base64,"));

    for w in [160, 320, 640, 1280] {
        for (ext, ctype) in [("webp", "image/webp"), ("jpg", "image/jpeg")] {
            let path = format!("/media/{}/{w}.{ext}", &hash[..16]);
            let r = app.get_with(&path, &[("accept-encoding", "gzip, br")]).await;
            assert_eq!(r.status, 200, "{path}");
            assert_eq!(r.header("content-type"), ctype);
            assert_eq!(r.header("cache-control"), "public, max-age=31536000, immutable");
            assert!(r.headers.get("content-encoding").is_none(), "images are not recompressed");
            let decoded = image::load_from_memory(&r.body).unwrap();
            assert_eq!(decoded.width(), w);
            let etag = r.header("etag").to_string();
            assert_eq!(app.get_with(&path, &[("if-none-match", &etag)]).await.status, 304);
        }
    }
    let path = format!("/media/{}/320.jpg", &hash[..16]);
    let full = app.get(&path).await.body;
    let part = app.get_with(&path, &[("range", "bytes=10-19")]).await;
    assert_eq!(part.status, 206);
    assert_eq!(part.header("content-range"), format!("bytes 10-19/{}", full.len()));
    assert_eq!(part.body, full[10..20]);
    let tail = app.get_with(&path, &[("range", "bytes=-5")]).await;
    assert_eq!(tail.body, full[full.len() - 5..]);
    assert_eq!(app.get_with(&path, &[("range", &format!("bytes={}-", full.len() + 10))]).await.status, 416);
    assert_eq!(app.get(&format!("/media/{}/999.jpg", &hash[..16])).await.status, 404);
    assert_eq!(app.get("/media/../originals/x.jpg").await.status, 404);
    assert_eq!(app.get(&format!("/media/{}/320.png", &hash[..16])).await.status, 404);

    // the same picture for another product stores nothing new
    let groceries = app.store().products(&baobab_domain::query::ProductQuery::storefront(baobab_domain::Currency::NGN)).await.unwrap();
    let other = groceries.items.iter().find(|p| p.title == "Shea butter 250 g").unwrap().id;
    let again = upload(&app, other, &[], Some(("copy.jpg", "image/jpeg", &jpeg))).await;
    assert_eq!(again.status, 201);
    assert_eq!(again.json()["media"]["hash"], hash.as_str());
    assert_eq!(app.store().count_media_assets().await.unwrap(), 1);
}

#[tokio::test]
async fn pages_use_picture_srcset_and_the_data_saver() {
    let app = TestApp::new().await;
    let r = upload(&app, app.ids.phone, &[("alt", "Front")], Some(("a.jpg", "image/jpeg", &photo(900, 600, 2)))).await;
    assert_eq!(r.status, 201);
    upload(&app, app.ids.phone, &[("alt", "Back")], Some(("b.jpg", "image/jpeg", &photo(900, 600, 3)))).await;
    let hash = r.json()["media"]["hash"].as_str().unwrap()[..16].to_string();

    let html = app.get("/p/kora-phone-model-00").await.text();
    assert!(
        html.contains(&format!(
            "<source type=\"image/webp\" srcset=\"/media/{hash}/160.webp 160w, /media/{hash}/320.webp 320w, /media/{hash}/640.webp 640w\""
        )),
        "{html}"
    );
    assert!(html.contains(&format!("<img src=\"/media/{hash}/640.jpg\" srcset=\"/media/{hash}/160.jpg 160w")), "{html}");
    assert!(html.contains("alt=\"Front\" width=\"640\" height=\"427\" decoding=\"async\">"), "first image loads at once, with its size");
    assert!(html.contains("alt=\"Back\" width=\"320\" height=\"213\" loading=\"lazy\" decoding=\"async\">"), "others load lazily");
    let card = app.get("/c/smartphones?sort=title_asc").await.text();
    assert!(card.contains(&format!("<img src=\"/media/{hash}/320.jpg\"")), "cards carry the product's first image");
    assert!(card.contains("loading=\"lazy\""));
    // The card's link is named by the title beside the picture: the picture is not read out again.
    assert!(card.contains("alt=\"\" width=\"320\"") && !card.contains("alt=\"Front\""), "{card}");

    let saver = app.get_with("/p/kora-phone-model-00", &[("cookie", "datasaver=1")]).await.text();
    assert!(saver.contains("<img src=\"data:image/webp;base64,"), "data saver serves the inline placeholder");
    assert!(!saver.contains("/media/"), "and no variant at all");
    assert!(saver.contains("Data saver: on"));
    let on = app.get("/data-saver?on=1&back=/p/kora-phone-model-00").await;
    assert_eq!(on.status, 303);
    assert!(on.header("set-cookie").starts_with("datasaver=1;"));
    assert_eq!(on.header("location"), "/p/kora-phone-model-00");
    let off = app.get("/data-saver?on=0&back=//evil.example").await;
    assert!(off.header("set-cookie").contains("Max-Age=0"));
    assert_eq!(off.header("location"), "/");
    assert_eq!(app.get("/data-saver?on=perhaps").await.status, 400);

    // the API lists and shows the images with URLs
    let p = app.get("/api/v1/products/kora-phone-model-00").await.json();
    assert_eq!(p["images"].as_array().unwrap().len(), 2);
    assert!(p["images"][0]["url"].as_str().unwrap().starts_with("/media/"));
}

#[tokio::test]
async fn images_reorder_and_detach() {
    let app = TestApp::new().await;
    let a = upload(&app, app.ids.phone, &[("alt", "A")], Some(("a.jpg", "image/jpeg", &photo(300, 300, 4)))).await.json();
    let b = upload(
        &app,
        app.ids.phone,
        &[("alt", "B"), ("variant_id", &app.ids.phone_variant.to_string())],
        Some(("b.jpg", "image/jpeg", &photo(300, 300, 5))),
    )
    .await
    .json();
    assert_eq!(b["position"], 1);
    assert_eq!(b["variant_id"], app.ids.phone_variant);
    let r = app.staff(Method::PATCH, &format!("/api/v1/images/{}", b["id"]), json!({"position": 0, "alt": "B, side"})).await;
    assert_eq!(r.status, 200, "{}", r.text());
    app.staff(Method::PATCH, &format!("/api/v1/images/{}", a["id"]), json!({"position": 1})).await;
    let p = app.get("/api/v1/products/kora-phone-model-00").await.json();
    assert_eq!(p["images"][0]["alt"], "B, side");
    let r = app.staff(Method::DELETE, &format!("/api/v1/images/{}", a["id"]), json!({})).await;
    assert_eq!(r.status, 200);
    assert_eq!(app.get("/api/v1/products/kora-phone-model-00").await.json()["images"].as_array().unwrap().len(), 1);
    assert_eq!(app.staff(Method::DELETE, &format!("/api/v1/images/{}", a["id"]), json!({})).await.status, 404);
    app.staff(Method::PATCH, &format!("/api/v1/images/{}", b["id"]), json!({"alt": "x".repeat(501)})).await.assert_error(422, "alt");
    app.staff(Method::PATCH, &format!("/api/v1/images/{}", b["id"]), json!({"colour": "red"})).await.assert_error(422, "colour");
    app.staff(Method::PATCH, "/api/v1/images/abc", json!({})).await.assert_error(400, "id");
}

#[tokio::test]
async fn bad_uploads_are_refused_and_store_nothing() {
    let app = TestApp::with_settings(baobab_web::WebSettings {
        media_limits: baobab_media::Limits { max_bytes: 200_000, max_pixels: 4_000_000 },
        ..Default::default()
    })
    .await;
    let good = photo(200, 100, 6);
    let p = app.ids.phone;
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
    upload(&app, p, &[], Some(("fake.jpg", "image/jpeg", &gif))).await.assert_error(415, "file");
    upload(&app, p, &[], Some(("x.svg", "image/svg+xml", b"<svg onload=alert(1)>"))).await.assert_error(415, "file");
    let big = vec![0xFFu8; 300_000];
    let r = upload(&app, p, &[], Some(("big.jpg", "image/jpeg", &big))).await;
    assert_eq!(r.status, 413, "{}", r.text());
    let mut bomb = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    bomb.extend_from_slice(&30_000u32.to_be_bytes());
    bomb.extend_from_slice(&30_000u32.to_be_bytes());
    bomb.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    upload(&app, p, &[], Some(("bomb.png", "image/png", &bomb))).await.assert_error(422, "file");
    upload(&app, p, &[], Some(("cut.jpg", "image/jpeg", &good[..good.len() / 2]))).await.assert_error(422, "file");
    upload(&app, p, &[("alt", "no file")], None).await.assert_error(422, "file");
    upload(&app, p, &[("colour", "red")], Some(("a.jpg", "image/jpeg", &good))).await.assert_error(422, "colour");
    upload(&app, p, &[("position", "first")], Some(("a.jpg", "image/jpeg", &good))).await.assert_error(422, "position");
    upload(&app, p, &[("position", "-4")], Some(("a.jpg", "image/jpeg", &good))).await.assert_error(422, "position");
    let other_variant = app.store().product(baobab_store::Key::Slug("kora-phone-model-01")).await.unwrap().unwrap().variants[0].id;
    upload(&app, p, &[("variant_id", &other_variant.to_string())], Some(("a.jpg", "image/jpeg", &good)))
        .await
        .assert_error(422, "variant_id");
    assert_eq!(upload(&app, 999_999, &[], Some(("a.jpg", "image/jpeg", &good))).await.status, 404);
    let auth = format!("Bearer {}", app.catalog_token);
    let json_body = app
        .raw(Method::POST, &format!("/api/v1/products/{p}/images"), &[("authorization", &auth), ("content-type", "application/json")], "{}")
        .await;
    assert_eq!(json_body.status, 415, "{}", json_body.text());
    let broken = app
        .raw(
            Method::POST,
            &format!("/api/v1/products/{p}/images"),
            &[("authorization", &auth), ("content-type", "multipart/form-data; boundary=xyz")],
            "--xyz\r\nnonsense",
        )
        .await;
    assert_eq!(broken.status, 400, "{}", broken.text());
    let (ctype, body) = form(&[], Some(("a.jpg", "image/jpeg", &good)));
    let anon = app.raw(Method::POST, &format!("/api/v1/products/{p}/images"), &[("content-type", &ctype)], body).await;
    assert_eq!(anon.status, 401);

    assert_eq!(app.store().count_media_assets().await.unwrap(), 0, "nothing recorded");
    assert!(app.store().product(baobab_store::Key::Id(p)).await.unwrap().unwrap().images.is_empty(), "nothing attached");
    // and a good one still works: content decides, a PNG named .jpg is a PNG
    let mut png = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(RgbImage::new(50, 40)).write_to(&mut png, ImageFormat::Png).unwrap();
    let r = upload(&app, p, &[], Some(("really-a-png.jpg", "image/jpeg", &png.into_inner()))).await;
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["media"]["source"], "png");
}

#[tokio::test]
async fn media_store_outage_fails_uploads_but_not_pages() {
    let app = TestApp::with_failing_media().await;
    let r = upload(&app, app.ids.phone, &[], Some(("a.jpg", "image/jpeg", &photo(300, 200, 7)))).await;
    assert_eq!(r.status, 503, "{}", r.text());
    assert_eq!(r.json()["error"]["code"], "unavailable");
    assert_eq!(r.header("retry-after"), "5");
    assert_eq!(app.store().count_media_assets().await.unwrap(), 0, "nothing half-written is referenced");
    assert!(app.store().product(baobab_store::Key::Id(app.ids.phone)).await.unwrap().unwrap().images.is_empty());
    assert_eq!(app.get("/p/kora-phone-model-00").await.status, 200);
    assert_eq!(app.get("/c/phones").await.status, 200);
    assert_eq!(app.get("/media/0123456789abcdef/320.jpg").await.status, 503);
}
