//! Conformance cases for catalog translations and search per language (run on both backends
//! by the `conformance!` list of the suite's root file).

use std::collections::BTreeMap;
use std::sync::Arc;

use baobab_domain::catalog::*;
use baobab_domain::query::{ProductQuery, Sort, StatusFilter};
use baobab_domain::search::SearchTerms;
use baobab_domain::translation::*;
use baobab_store::testing::count_queries;
use baobab_store::{Key, Store, StoreError};

use super::{new_category, new_product, price, query, titles, variant};

fn attr(name: &str, value: &str) -> NameValue {
    NameValue { name: name.into(), value: value.into() }
}

fn at(name: &str, value: &str) -> AttributeTranslation {
    AttributeTranslation { name: Some(name.into()), value: Some(value.into()) }
}

fn tr(title: &str, description: Option<&str>) -> ProductTranslation {
    ProductTranslation { title: Some(title.into()), description: description.map(String::from), ..Default::default() }
}

fn invalid_field(e: &StoreError) -> &str {
    match e {
        StoreError::Invalid(v) => v.field(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A product with two attributes and a description, priced in NGN.
async fn shoes(s: &Arc<dyn Store>, category: Option<i64>) -> Product {
    let mut p = new_product("Leather shoes", category, vec![variant("shoe-1", vec![price("NGN", 2_500_000)], 4)]);
    p.description = "Hand made in Kumasi.".into();
    p.attributes = vec![attr("Material", "Leather"), attr("Origin", "Ghana")];
    s.create_product(&p).await.unwrap()
}

pub(crate) async fn product_translations_fall_back_field_by_field(s: Arc<dyn Store>) {
    let p = shoes(&s, None).await;
    let fr = ProductTranslation {
        title: Some("Chaussures en cuir".into()),
        attributes: BTreeMap::from([("Material".into(), at("Matière", "Cuir"))]),
        ..Default::default()
    };
    let stored = s.upsert_product_translation(p.id, "fr", &fr).await.unwrap();
    assert_eq!(stored.slug.as_deref(), Some("chaussures-en-cuir"), "a slug is made from the title");
    let ar = s.upsert_product_translation(p.id, "ar", &tr("حذاء جلد", Some("صنع يدويًا في كوماسي."))).await.unwrap();
    assert_eq!(ar.slug, None, "an Arabic title makes no slug: the default one serves");
    let all = s.product_translations(p.id).await.unwrap();
    assert_eq!(all.keys().collect::<Vec<_>>(), ["ar", "fr"]);
    assert_eq!(all["fr"], stored);

    // the French page: by the French slug, translated where it can be, default elsewhere
    let (l, queries) = count_queries(s.localized_product(Key::Slug("chaussures-en-cuir"), Some("fr"))).await;
    let l = l.unwrap().unwrap();
    assert_eq!(queries, 4, "the product with its translations, variants, prices, images: as many as in the default language");
    assert_eq!((l.product.title.as_str(), l.product.description.as_str()), ("Chaussures en cuir", "Hand made in Kumasi."));
    assert_eq!(l.product.attributes, [attr("Matière", "Cuir"), attr("Origin", "Ghana")]);
    assert_eq!(l.fallback, ProductFallback { title: false, description: true, attributes: vec![(false, false), (true, true)] });
    assert_eq!((l.product.slug.as_str(), l.default_slug.as_str()), ("chaussures-en-cuir", "leather-shoes"));
    assert_eq!(l.product.variants, p.variants);
    // the default slug and the id find it too (the page redirects to its own slug); so does
    // another language's slug
    for key in [Key::Slug("leather-shoes"), Key::Id(p.id)] {
        assert_eq!(s.localized_product(key, Some("fr")).await.unwrap().unwrap().product.title, "Chaussures en cuir");
    }
    let found = s.localized_product(Key::Slug("chaussures-en-cuir"), Some("pt")).await.unwrap().unwrap();
    assert_eq!((found.product.title.as_str(), found.slug_in(Some("pt"))), ("Leather shoes", "leather-shoes"));
    let default = s.localized_product(Key::Slug("chaussures-en-cuir"), None).await.unwrap().unwrap();
    assert_eq!(
        (default.product.title.as_str(), default.slug_in(None), default.slug_in(Some("fr"))),
        ("Leather shoes", "leather-shoes", "chaussures-en-cuir")
    );
    assert!(s.localized_product(Key::Slug("nope"), Some("fr")).await.unwrap().is_none());
    let arabic = s.localized_product(Key::Id(p.id), Some("ar")).await.unwrap().unwrap();
    assert_eq!(arabic.product.title, "حذاء جلد");
    assert!(!arabic.fallback.title && !arabic.fallback.description && arabic.fallback.attributes == [(true, true), (true, true)]);

    // replacing is whole; removing leaves the default content
    s.upsert_product_translation(p.id, "fr", &tr("Souliers", None)).await.unwrap();
    assert!(s.product_translations(p.id).await.unwrap()["fr"].attributes.is_empty());
    assert!(s.delete_product_translation(p.id, "fr").await.unwrap());
    assert!(!s.delete_product_translation(p.id, "fr").await.unwrap());
    let gone = s.localized_product(Key::Id(p.id), Some("fr")).await.unwrap().unwrap();
    assert_eq!(gone.product.title, "Leather shoes");
    assert!(gone.fallback.title);
    assert!(s.product(Key::Id(p.id)).await.unwrap().unwrap().updated_at >= p.updated_at);
}

pub(crate) async fn bad_translations_change_nothing(s: Arc<dyn Store>) {
    let p = shoes(&s, None).await;
    let other = s.create_product(&new_product("Canvas bag", None, vec![variant("bag-1", vec![price("NGN", 5_000)], 1)])).await.unwrap();
    s.upsert_product_translation(other.id, "fr", &tr("Sac en toile", None)).await.unwrap();
    let before = s.product_translations(p.id).await.unwrap();

    for (lang, t, field) in [
        ("FR", tr("Chaussures", None), "translations.FR"),
        ("fr_CA", tr("Chaussures", None), "translations.fr_CA"),
        ("fr", tr(&"x".repeat(MAX_NAME_LEN + 1), None), "translations.fr.title"),
        ("fr", tr("Chaussures", Some(&"d".repeat(MAX_DESCRIPTION_LEN + 1))), "translations.fr.description"),
        ("fr", ProductTranslation { slug: Some("Bad Slug".into()), ..tr("Chaussures", None) }, "translations.fr.slug"),
        ("fr", ProductTranslation::default(), "translations.fr"),
        (
            "fr",
            ProductTranslation { attributes: BTreeMap::from([("Colour".into(), at("Couleur", "Rouge"))]), ..tr("Chaussures", None) },
            "translations.fr.attributes.Colour",
        ),
        // another product's slug, in the language or as its default slug
        ("fr", tr("Sac en toile", None), "translations.fr.slug"),
        ("fr", ProductTranslation { slug: Some("canvas-bag".into()), ..tr("Chaussures", None) }, "translations.fr.slug"),
    ] {
        let err = s.upsert_product_translation(p.id, lang, &t).await.unwrap_err();
        assert_eq!(invalid_field(&err), field, "{lang} {t:?}: {err}");
    }
    assert!(matches!(s.upsert_product_translation(999_999, "fr", &tr("X", None)).await, Err(StoreError::NotFound(_))));
    assert_eq!(s.product_translations(p.id).await.unwrap(), before);
    // its own default slug is fine as its translated one
    let same = ProductTranslation { slug: Some("leather-shoes".into()), ..tr("Chaussures", None) };
    assert_eq!(s.upsert_product_translation(p.id, "fr", &same).await.unwrap().slug.as_deref(), Some("leather-shoes"));

    // a default slug may not be another product's slug in some language
    let mut clash = new_product("Sac en toile", None, vec![variant("bag-2", vec![price("NGN", 5_000)], 1)]);
    let err = s.create_product(&clash).await.unwrap_err();
    assert!(matches!(&err, StoreError::Conflict { field: "slug", message } if message.contains("`fr`")), "{err:?}");
    clash.slug = Some("canvas-bag-2".into());
    let bag2 = s.create_product(&clash).await.unwrap();
    let err = s.update_product(bag2.id, &ProductPatch { slug: Some("sac-en-toile".into()), ..Default::default() }).await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict { field: "slug", .. }), "{err:?}");

    // creating with translations is all or nothing
    let count = || async { s.products(&ProductQuery { status: StatusFilter::Any, ..query("NGN") }).await.unwrap().total };
    let n = count().await;
    let mut new = new_product("Wax print", None, vec![variant("wax-1", vec![price("NGN", 9_000)], 1)]);
    new.attributes = vec![attr("Material", "Cotton")];
    let bad = BTreeMap::from([("fr".to_string(), tr("Pagne", None)), ("pt".to_string(), tr(&"x".repeat(MAX_NAME_LEN + 1), None))]);
    let ok_then_taken = BTreeMap::from([
        ("fr".to_string(), tr("Pagne", None)),
        ("pt".to_string(), ProductTranslation { slug: Some("sac-en-toile".into()), ..tr("Pano", None) }),
    ]);
    assert!(s.create_product_translated(&new, &ok_then_taken).await.is_ok(), "a slug taken in another language is free in this one");
    let err = s
        .create_product_translated(
            &NewProduct { title: "Wax print 2".into(), variants: vec![variant("wax-2", vec![price("NGN", 9_000)], 1)], ..new.clone() },
            &BTreeMap::from([("fr".to_string(), tr("Pagne", None))]),
        )
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "translations.fr.slug", "`pagne` is taken in French");
    let both = s.create_product_translated(&NewProduct { title: String::new(), ..new.clone() }, &bad).await.unwrap_err();
    let StoreError::Invalid(v) = &both else { panic!("{both:?}") };
    let fields: Vec<&str> = v.errors.iter().map(|e| e.field.as_str()).collect();
    assert!(fields.contains(&"title") && fields.contains(&"translations.pt.title"), "every problem at once: {fields:?}");
    assert_eq!(count().await, n + 1, "only the good one was made");
}

pub(crate) async fn products_are_created_and_updated_with_translations(s: Arc<dyn Store>) {
    let cat = s.create_category(&new_category("Shoes", None)).await.unwrap();
    let mut new = new_product("Leather sandals", Some(cat.id), vec![variant("san-1", vec![price("NGN", 1_000_000)], 2)]);
    new.attributes = vec![attr("Material", "Leather")];
    let translations = BTreeMap::from([
        (
            "fr".to_string(),
            ProductTranslation {
                attributes: BTreeMap::from([("Material".into(), at("Matière", "Cuir"))]), ..tr("Sandales en cuir", None)
            },
        ),
        ("sw".to_string(), tr("Viatu vya ngozi", Some("Vimetengenezwa kwa mikono."))),
    ]);
    let p = s.create_product_translated(&new, &translations).await.unwrap();
    let all = s.product_translations(p.id).await.unwrap();
    assert_eq!((all["fr"].slug.as_deref(), all["sw"].slug.as_deref()), (Some("sandales-en-cuir"), Some("viatu-vya-ngozi")));

    let changes = BTreeMap::from([("fr".to_string(), None), ("pt".to_string(), Some(tr("Sandálias de couro", None)))]);
    let patch = ProductPatch { title: Some("Leather sandals, brown".into()), ..Default::default() };
    let changed = s.update_product_translated(p.id, &patch, &changes).await.unwrap();
    assert_eq!(changed.title, "Leather sandals, brown");
    let all = s.product_translations(p.id).await.unwrap();
    assert_eq!(all.keys().collect::<Vec<_>>(), ["pt", "sw"]);
    assert_eq!(all["pt"].slug.as_deref(), Some("sandalias-de-couro"));
    // a refused change keeps the patch out too
    let bad = BTreeMap::from([("pt".to_string(), Some(ProductTranslation { slug: Some("--".into()), ..Default::default() }))]);
    let err =
        s.update_product_translated(p.id, &ProductPatch { title: Some("Changed".into()), ..Default::default() }, &bad).await.unwrap_err();
    assert_eq!(invalid_field(&err), "translations.pt.slug");
    let bad_lang = BTreeMap::from([("PT".to_string(), None)]);
    assert_eq!(
        invalid_field(&s.update_product_translated(p.id, &ProductPatch::default(), &bad_lang).await.unwrap_err()),
        "translations.PT"
    );
    assert_eq!(s.product(Key::Id(p.id)).await.unwrap().unwrap().title, "Leather sandals, brown");
    assert!(matches!(s.update_product_translated(999_999, &ProductPatch::default(), &BTreeMap::new()).await, Err(StoreError::NotFound(_))));
}

pub(crate) async fn categories_are_translated(s: Arc<dyn Store>) {
    let phones = s.create_category(&new_category("Phones", None)).await.unwrap();
    let fashion = s
        .create_category_translated(
            &new_category("Fashion", None),
            &BTreeMap::from([("fr".to_string(), CategoryTranslation { name: Some("Mode".into()), ..Default::default() })]),
        )
        .await
        .unwrap();
    let t = s
        .upsert_category_translation(
            phones.id,
            "fr",
            &CategoryTranslation { name: Some("Téléphones".into()), description: Some("Tous les téléphones".into()), slug: None },
        )
        .await
        .unwrap();
    assert_eq!(t.slug.as_deref(), Some("telephones"));
    s.upsert_category_translation(phones.id, "ar", &CategoryTranslation { name: Some("هواتف".into()), ..Default::default() })
        .await
        .unwrap();
    let (all, queries) = count_queries(s.all_category_translations()).await;
    let all = all.unwrap();
    assert_eq!(queries, 1);
    let listed: Vec<(i64, &str, Option<&str>)> =
        all.iter().map(|e| (e.category_id, e.lang.as_str(), e.translation.name.as_deref())).collect();
    assert_eq!(listed, [(phones.id, "ar", Some("هواتف")), (phones.id, "fr", Some("Téléphones")), (fashion.id, "fr", Some("Mode"))]);
    assert_eq!(s.category_translations(fashion.id).await.unwrap()["fr"].slug.as_deref(), Some("mode"));

    for (id, lang, t, field) in [
        (fashion.id, "fr", CategoryTranslation { name: Some("Téléphones".into()), ..Default::default() }, "translations.fr.slug"),
        (fashion.id, "fr", CategoryTranslation { slug: Some("phones".into()), ..Default::default() }, "translations.fr.slug"),
        (fashion.id, "Fr", CategoryTranslation { name: Some("Mode".into()), ..Default::default() }, "translations.Fr"),
        (fashion.id, "fr", CategoryTranslation { name: Some("n".repeat(MAX_NAME_LEN + 1)), ..Default::default() }, "translations.fr.name"),
    ] {
        let err = s.upsert_category_translation(id, lang, &t).await.unwrap_err();
        assert_eq!(invalid_field(&err), field, "{t:?}");
    }
    assert!(matches!(
        s.upsert_category_translation(999_999, "fr", &CategoryTranslation { name: Some("X".into()), ..Default::default() }).await,
        Err(StoreError::NotFound(_))
    ));
    let err = s.create_category(&new_category("Mode", None)).await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict { field: "slug", .. }), "a default slug may not be another's French one: {err:?}");

    let changes = BTreeMap::from([
        ("ar".to_string(), None),
        ("pt".to_string(), Some(CategoryTranslation { name: Some("Telemóveis".into()), ..Default::default() })),
    ]);
    let renamed = s
        .update_category_translated(phones.id, &CategoryPatch { name: Some("Mobile phones".into()), ..Default::default() }, &changes)
        .await
        .unwrap();
    assert_eq!(renamed.name, "Mobile phones");
    assert_eq!(s.category_translations(phones.id).await.unwrap().keys().collect::<Vec<_>>(), ["fr", "pt"]);
    assert!(s.delete_category_translation(phones.id, "pt").await.unwrap());
    assert!(!s.delete_category_translation(phones.id, "pt").await.unwrap());
}

/// A small catalog in English, partly translated into French, Portuguese and Arabic.
async fn seed_languages(s: &Arc<dyn Store>) -> (i64, i64) {
    let shoes_cat = s.create_category(&new_category("Shoes", None)).await.unwrap();
    s.upsert_category_translation(shoes_cat.id, "fr", &CategoryTranslation { name: Some("Chaussures".into()), ..Default::default() })
        .await
        .unwrap();
    let home = s.create_category(&new_category("Home", None)).await.unwrap();
    let mk = |title: &str, sku: &str, cat: i64, description: &str| {
        let mut p = new_product(title, Some(cat), vec![variant(sku, vec![price("NGN", 100_000)], 3)]);
        p.description = description.into();
        p
    };
    let items = [
        (mk("Leather shoes", "l-1", shoes_cat.id, "Hand made."), Some(("fr", tr("Chaussures en cuir", Some("Faites à la main."))))),
        (mk("Running shoe", "l-2", shoes_cat.id, "Light."), Some(("fr", tr("Chaussure de course", None)))),
        (
            mk("Flat screen TV", "l-3", home.id, "A television for the living room."),
            Some(("fr", tr("Télévision à écran plat", Some("Un téléviseur pour le salon.")))),
        ),
        (mk("Coffee beans 1 kg", "l-4", home.id, "Roasted in Kigali."), Some(("fr", tr("Café en grains 1 kg", None)))),
        (mk("Sugar 1 kg", "l-5", home.id, "Cane sugar."), Some(("pt", tr("Açúcar 1 kg", Some("Açúcar de cana, produção e ação local."))))),
        (mk("Smartphone", "l-6", home.id, "A phone."), Some(("ar", tr("هَاتِف ذكي", Some("هاتف محمول بشاشة كبيرة."))))),
        (mk("Water filter", "l-7", home.id, "Clean water."), None),
    ];
    for (p, t) in items {
        let p = s.create_product(&p).await.unwrap();
        if let Some((lang, t)) = t {
            s.upsert_product_translation(p.id, lang, &t).await.unwrap();
        }
    }
    (shoes_cat.id, home.id)
}

fn in_lang(lang: &str, text: &str) -> ProductQuery {
    let mut q = query("NGN");
    q.lang = Some(lang.into());
    q.terms = SearchTerms::parse("q", text).unwrap();
    q
}

pub(crate) async fn listings_show_a_language_with_fallback(s: Arc<dyn Store>) {
    let (shoes_cat, _) = seed_languages(&s).await;
    let mut q = query("NGN");
    q.lang = Some("fr".into());
    q.sort = Sort::TitleAsc;
    let (page, n) = count_queries(s.products(&q)).await;
    let page = page.unwrap();
    assert_eq!(n, 1, "a listing in a language is one query, as in the default language");
    assert_eq!(
        titles(&page),
        [
            "Café en grains 1 kg",
            "Chaussure de course",
            "Chaussures en cuir",
            "Smartphone",
            "Sugar 1 kg",
            "Télévision à écran plat",
            "Water filter"
        ],
        "sorted by the titles shoppers read in French"
    );
    let fallback: Vec<bool> = page.items.iter().map(|i| i.title_fallback).collect();
    assert_eq!(fallback, [false, false, false, true, true, false, true]);
    assert_eq!(page.items[2].slug, "chaussures-en-cuir");
    assert_eq!(page.items[3].slug, "smartphone", "no French slug: the default one");
    let english = s.products(&ProductQuery { sort: Sort::TitleAsc, ..query("NGN") }).await.unwrap();
    assert!(english.items.iter().all(|i| !i.title_fallback) && titles(&english)[0] == "Coffee beans 1 kg");
    q.category_id = Some(shoes_cat);
    assert_eq!(titles(&s.products(&q).await.unwrap()), ["Chaussure de course", "Chaussures en cuir"]);
}

pub(crate) async fn search_follows_each_language(s: Arc<dyn Store>) {
    seed_languages(&s).await;
    let pg = s.backend() == "postgres";
    let find = |lang: &str, text: &str| {
        let (s, q) = (s.clone(), in_lang(lang, text));
        async move { s.products(&q).await.unwrap() }
    };
    // French: accents or none, the translation or the default content
    for text in ["café", "cafe", "CAFÉ", "télévision", "television", "televi"] {
        assert_eq!(titles(&find("fr", text).await).len(), 1, "fr {text}");
    }
    assert_eq!(titles(&find("fr", "téléviseur salon").await), ["Télévision à écran plat"], "the translated description");
    assert_eq!(titles(&find("fr", "coffee").await), ["Café en grains 1 kg"], "the default content is searched too");
    assert_eq!(titles(&find("fr", "roasted kigali").await), ["Café en grains 1 kg"], "the description falls back");
    // title matches first: PostgreSQL's French stemmer finds `chaussure` in both titles (then
    // they go by title), SQLite's prefixes find `chaussures` in one title and the other's category
    let both = find("fr", "chaussures").await;
    let both = titles(&both);
    if pg {
        assert_eq!(both, ["Chaussure de course", "Chaussures en cuir"]);
    } else {
        assert_eq!(both, ["Chaussures en cuir", "Chaussure de course"]);
    }
    assert_eq!(titles(&find("fr", "chaussures course").await), ["Chaussure de course"]);
    // plurals: PostgreSQL stems French words, SQLite matches words as prefixes only
    let plural = find("fr", "télévisions").await;
    let plural = titles(&plural);
    if pg {
        assert_eq!(plural, ["Télévision à écran plat"], "télévisions finds télévision by its stem");
    } else {
        assert!(plural.is_empty(), "{plural:?}");
    }
    // Portuguese
    for text in ["açúcar", "acucar", "ação", "acao", "producao local"] {
        assert_eq!(titles(&find("pt", text).await), ["Açúcar 1 kg"], "pt {text}");
    }
    // Arabic: harakat and hamza forms fold; PostgreSQL's Arabic stemmer finds the word with its article
    for text in ["هاتف", "هَاتِف", "هاتف ذكي", "محمول"] {
        assert_eq!(titles(&find("ar", text).await), ["هَاتِف ذكي"], "ar {text}");
    }
    let article = find("ar", "الهاتف").await;
    let article = titles(&article);
    if pg {
        assert_eq!(article, ["هَاتِف ذكي"]);
    }
    // a language's translations are not searched in another language
    assert!(find("pt", "chaussures").await.items.is_empty());
    assert!(
        s.products(&ProductQuery { terms: SearchTerms::parse("q", "chaussures").unwrap(), ..query("NGN") }).await.unwrap().items.is_empty()
    );
    // a translated category name finds the products translated into its language
    assert_eq!(titles(&find("fr", "chaussures cuir").await), ["Chaussures en cuir"]);
    // counts and facets agree with the page
    let mut q = in_lang("fr", "cafe");
    q.with_facets = true;
    let page = s.products(&q).await.unwrap();
    assert_eq!((page.total, page.facets.unwrap().in_stock), (1, 1));
}

pub(crate) async fn translation_gaps_count_what_is_missing(s: Arc<dyn Store>) {
    seed_languages(&s).await;
    let archived = s.create_product(&new_product("Old stock", None, vec![variant("old-1", vec![price("NGN", 1)], 0)])).await.unwrap();
    s.update_product(archived.id, &ProductPatch { status: Some(ProductStatus::Archived), ..Default::default() }).await.unwrap();
    let langs = ["fr", "pt", "ar", "sw"].map(String::from);
    let (gaps, queries) = count_queries(s.translation_gaps(&langs)).await;
    let gaps = gaps.unwrap();
    assert_eq!(queries, 4, "whatever the number of languages");
    assert_eq!(gaps.iter().map(|g| g.lang.as_str()).collect::<Vec<_>>(), langs);
    let fr = &gaps[0];
    assert_eq!((fr.products, fr.products_untranslated, fr.product_titles, fr.product_descriptions), (7, 3, 3, 5));
    assert_eq!((fr.categories, fr.categories_untranslated, fr.category_names), (2, 1, 1));
    assert_eq!(fr.missing_fields, 3 + 5 + 1);
    let sw = &gaps[3];
    assert_eq!((sw.products_untranslated, sw.product_titles, sw.product_descriptions, sw.category_names), (7, 7, 7, 2));
}

pub(crate) async fn search_text_is_remade_for_a_new_normalisation(s: Arc<dyn Store>) {
    use baobab_domain::search::NORMALIZATION_VERSION;
    seed_languages(&s).await;
    assert_eq!(s.meta("search_normalization").await.unwrap().as_deref(), Some(NORMALIZATION_VERSION));
    // a store whose text was made by an older build: the next migration remakes it
    s.delete_meta("search_normalization").await.unwrap();
    s.migrate().await.unwrap();
    assert_eq!(s.meta("search_normalization").await.unwrap().as_deref(), Some(NORMALIZATION_VERSION));
    assert_eq!(titles(&s.products(&in_lang("ar", "هاتف")).await.unwrap()), ["هَاتِف ذكي"]);
    assert_eq!(titles(&s.products(&in_lang("fr", "cafe")).await.unwrap()), ["Café en grains 1 kg"]);
}
