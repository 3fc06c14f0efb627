//! The shop's own choice of languages (`i18n.languages`): which it offers, in what order, and
//! its default, which has no URL prefix.

use baobab_web::WebSettings;

use crate::support::TestApp;

fn shop(languages: &[&str]) -> WebSettings {
    WebSettings { i18n_languages: languages.iter().map(|l| l.to_string()).collect(), ..WebSettings::default() }
}

#[tokio::test]
async fn a_french_shop_serves_french_without_a_prefix() {
    let app = TestApp::with_settings(shop(&["fr", "en"])).await;
    let home = app.get("/").await;
    assert_eq!(home.status, 200);
    let html = home.text();
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">") && html.contains("Bienvenue chez"), "{html}");
    // the default's own prefix redirects to the one URL of the page; English has its prefix
    let r = app.get("/fr/c/phones").await;
    assert_eq!((r.status.as_u16(), r.header("location")), (308, "/c/phones"));
    let en = app.get("/en/").await.text();
    assert!(en.contains("<html lang=\"en\" dir=\"ltr\">") && en.contains("Welcome to"), "{en}");
    // search engines see both, French as x-default
    assert!(html.contains("hreflang=\"fr\" href=\"http://127.0.0.1:8080/\""), "{html}");
    assert!(html.contains("hreflang=\"en\" href=\"http://127.0.0.1:8080/en/\""));
    assert!(html.contains("hreflang=\"x-default\" href=\"http://127.0.0.1:8080/\""));
    // the menu lists the shop's languages in its order, and no other
    let menu = html.split("action=\"/language\"").nth(1).unwrap_or_default().split("</select>").next().unwrap_or_default().to_string();
    let fr_at = menu.find("value=\"fr\"").expect("fr in the menu");
    assert!(menu.find("value=\"en\"").is_some_and(|en_at| fr_at < en_at), "{menu}");
    assert!(!menu.contains("value=\"ar\"") && !menu.contains("value=\"sw\""), "{menu}");
    // a language the shop does not offer is an ordinary (missing) path, and never chosen
    assert_eq!(app.get("/ar/").await.status, 404);
    let asked = app.get_with("/c/phones", &[("accept-language", "ar, sw;q=0.9")]).await;
    assert_eq!(asked.status, 200, "no offered language asked for: the default, unprefixed");
    let asked = app.get_with("/c/phones", &[("accept-language", "en-GB, fr;q=0.5")]).await;
    assert_eq!((asked.status.as_u16(), asked.header("location")), (302, "/en/c/phones"));
    let cookie = app.get_with("/", &[("cookie", "lang=ar")]).await;
    assert_eq!(cookie.status, 200, "a cookie naming a language the shop dropped is ignored");
}

#[tokio::test]
async fn a_shop_may_offer_one_language() {
    let app = TestApp::with_settings(shop(&["sw"])).await;
    let html = app.get_with("/", &[("accept-language", "en")]).await.text();
    assert!(html.contains("<html lang=\"sw\" dir=\"ltr\">"), "{html}");
    assert!(!html.contains("hreflang=\"en\""), "no alternates in languages not offered");
    assert_eq!(app.get("/en/").await.status, 404);
}

#[test]
fn the_load_names_what_is_wrong() {
    use baobab_web::i18n::I18n;
    let codes = |l: &[&str]| l.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let i18n = I18n::load(None, &codes(&["pt", "en"])).unwrap();
    assert_eq!(i18n.default_code(), "pt");
    assert_eq!(i18n.languages().iter().map(|l| l.code.as_str()).collect::<Vec<_>>(), ["pt", "en"]);
    assert!(i18n.get("fr").is_none());
    // a message missing from an added language falls back to the default, then to English
    assert_eq!(i18n.msg("pt", "language-name", &[]), "Português");
    assert!(I18n::load(None, &codes(&["xx"])).err().unwrap().contains("`xx` has no catalog"));
    assert!(I18n::load(None, &codes(&["fr", "fr"])).err().unwrap().contains("`fr` is named twice"));
}
