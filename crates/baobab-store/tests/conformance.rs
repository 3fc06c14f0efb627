//! One conformance suite, every case run on SQLite and on PostgreSQL.

use std::sync::Arc;

use baobab_domain::Currency;
use baobab_domain::account::{Address, StaffRole};
use baobab_domain::auth::Role;
use baobab_domain::catalog::*;
use baobab_domain::media::{ImagePatch, MediaAsset, NewImage};
use baobab_domain::order::{Coupon, CouponKind, OrderEvent, OrderStatus, TaxRule};
use baobab_domain::order::{NewOrder, NewOrderLine};
use baobab_domain::payment::{NewPayment, PaymentMethod, PaymentStatus};
use baobab_domain::query::{Pagination, ProductQuery, Sort, StatusFilter};
use baobab_domain::search::SearchTerms;
use baobab_domain::shipping::ShippingQuote;
use baobab_domain::user::{NewUser, Session, UserKind};
use baobab_store::accounts::TokenPurpose;
use baobab_store::orders::Placed;
use baobab_store::payments::{Settled, Settlement};
use baobab_store::testing::{Backend, TestStore, count_queries};
use baobab_store::{Key, Store, StoreError};
use chrono::{Duration, Utc};

#[path = "conformance/translations.rs"]
mod translations;
use translations::*;

macro_rules! conformance {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $case() {
                    let t = baobab_store::testing::TestStore::new(super::Backend::Sqlite).await.unwrap();
                    super::$case(t.store.clone()).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $case() {
                    let Some(t) = baobab_store::testing::TestStore::new(super::Backend::Postgres).await else { return };
                    super::$case(t.store.clone()).await;
                }
            )*
        }
    };
}

conformance!(
    categories_form_a_tree,
    products_round_trip_with_variants_and_prices,
    rejected_writes_change_nothing,
    updates_apply_and_reindex,
    listing_filters_sorts_and_pages,
    search_orders_title_matches_first,
    facets_count_what_each_choice_gives,
    tokens_are_found_by_hash_and_revoked,
    meta_is_set_once,
    migrations_are_idempotent,
    images_attach_reorder_and_detach,
    media_assets_page_by_hash,
    users_are_unique_by_email,
    totp_steps_cannot_be_replayed,
    addresses_belong_to_their_owner,
    sessions_expire_and_end,
    account_tokens_work_once,
    audit_entries_are_kept_in_order,
    outbox_hands_each_email_to_one_claimer,
    throttles_count_in_windows,
    orders_take_stock_exactly_under_concurrency,
    order_retries_with_the_same_key_create_nothing,
    order_lifecycle_and_stock_release,
    bad_orders_take_nothing,
    carts_add_set_and_merge,
    coupons_apply_once_per_use_and_hold_their_limit,
    delivery_is_free_over_the_threshold,
    payments_settle_once_and_late_money_is_flagged,
    imports_apply_whole_files_once,
    order_lists_take_the_same_queries_whatever_their_length,
    product_translations_fall_back_field_by_field,
    bad_translations_change_nothing,
    products_are_created_and_updated_with_translations,
    categories_are_translated,
    listings_show_a_language_with_fallback,
    search_follows_each_language,
    translation_gaps_count_what_is_missing,
    search_text_is_remade_for_a_new_normalisation,
);

fn cur(code: &str) -> Currency {
    code.parse().unwrap()
}

fn price(code: &str, amount: i64) -> Price {
    Price { currency: cur(code), amount_minor: amount, compare_at_minor: None }
}

fn new_category(name: &str, parent: Option<i64>) -> NewCategory {
    NewCategory { name: name.into(), slug: None, description: String::new(), parent_id: parent, position: 0 }
}

fn variant(sku: &str, prices: Vec<Price>, stock: i64) -> NewVariant {
    NewVariant { sku: sku.into(), options: vec![], prices, stock_on_hand: stock, position: 0 }
}

fn new_product(title: &str, category: Option<i64>, variants: Vec<NewVariant>) -> NewProduct {
    NewProduct {
        title: title.into(),
        slug: None,
        description: String::new(),
        category_id: category,
        attributes: vec![],
        status: Some(ProductStatus::Active),
        variants,
    }
}

fn query(currency: &str) -> ProductQuery {
    ProductQuery::storefront(cur(currency))
}

fn titles(page: &baobab_domain::query::ProductPage) -> Vec<&str> {
    page.items.iter().map(|p| p.title.as_str()).collect()
}

async fn categories_form_a_tree(s: Arc<dyn Store>) {
    let phones = s.create_category(&new_category("Phones & Tablets", None)).await.unwrap();
    assert_eq!(phones.slug, "phones-tablets");
    let smart = s.create_category(&new_category("Smartphones", Some(phones.id))).await.unwrap();
    let budget = s.create_category(&new_category("Budget smartphones", Some(smart.id))).await.unwrap();
    assert_eq!(s.category(Key::Slug("smartphones")).await.unwrap().unwrap().parent_id, Some(phones.id));
    assert_eq!(s.category(Key::Id(budget.id)).await.unwrap().unwrap().name, "Budget smartphones");
    assert!(s.category(Key::Slug("nope")).await.unwrap().is_none());
    assert_eq!(s.categories().await.unwrap().len(), 3);

    let dup = s.create_category(&new_category("Phones  Tablets", None)).await.unwrap_err();
    assert!(matches!(dup, StoreError::Conflict { field: "slug", .. }), "{dup:?}");
    let orphan = s.create_category(&new_category("Orphan", Some(9999))).await.unwrap_err();
    assert!(matches!(&orphan, StoreError::Invalid(e) if e.field() == "parent_id"), "{orphan:?}");

    let cycle = CategoryPatch { parent_id: Some(Some(budget.id)), ..Default::default() };
    let err = s.update_category(phones.id, &cycle).await.unwrap_err();
    assert!(matches!(&err, StoreError::Invalid(e) if e.field() == "parent_id"), "{err:?}");
    let to_self = CategoryPatch { parent_id: Some(Some(phones.id)), ..Default::default() };
    assert!(s.update_category(phones.id, &to_self).await.is_err());

    let moved = s
        .update_category(
            budget.id,
            &CategoryPatch { parent_id: Some(None), name: Some("Budget phones".into()), archived: Some(true), ..Default::default() },
        )
        .await
        .unwrap();
    assert_eq!(moved.parent_id, None);
    assert_eq!(moved.name, "Budget phones");
    assert!(moved.archived);
    assert!(matches!(s.update_category(4242, &CategoryPatch::default()).await, Err(StoreError::NotFound(_))));
}

async fn products_round_trip_with_variants_and_prices(s: Arc<dyn Store>) {
    let cat = s.create_category(&new_category("Fashion", None)).await.unwrap();
    let mut new = new_product(
        "Ankara wax print fabric, 6 yards",
        Some(cat.id),
        vec![
            NewVariant {
                sku: "ank-blue".into(),
                options: vec![NameValue { name: "Colour".into(), value: "Indigo".into() }],
                prices: vec![
                    price("NGN", 1_850_000),
                    Price { currency: cur("KES"), amount_minor: 150_000, compare_at_minor: Some(180_000) },
                ],
                stock_on_hand: 12,
                position: 0,
            },
            variant("ank-gold", vec![price("NGN", 1_900_000)], 0),
        ],
    );
    new.attributes = vec![NameValue { name: "Material".into(), value: "100% cotton".into() }];
    new.description = "Bright, colour-fast wax print.".into();
    let p = s.create_product(&new).await.unwrap();
    assert_eq!(p.slug, "ankara-wax-print-fabric-6-yards");
    assert_eq!(p.status, ProductStatus::Active);
    assert_eq!(p.variants.len(), 2);
    assert_eq!(p.variants[0].sku, "ANK-BLUE");
    assert_eq!(
        p.variants[0].prices,
        vec![Price { currency: cur("KES"), amount_minor: 150_000, compare_at_minor: Some(180_000) }, price("NGN", 1_850_000)]
    );
    assert_eq!(p.variants[0].options[0].value, "Indigo");
    assert_eq!(p.attributes[0].value, "100% cotton");
    assert_eq!(p.from_price(cur("NGN")).unwrap().amount_minor, 1_850_000);
    assert!(p.in_stock());

    let by_slug = s.product(Key::Slug(&p.slug)).await.unwrap().unwrap();
    assert_eq!(by_slug, p);
    let v = s.variant(p.variants[1].id).await.unwrap().unwrap();
    assert_eq!(v.stock_on_hand, 0);
    assert!(s.product(Key::Id(p.id + 100)).await.unwrap().is_none());

    let extra = s.create_variant(p.id, &variant("ank-red", vec![price("GHS", 25_000)], 3)).await.unwrap();
    assert_eq!(extra.product_id, p.id);
    assert!(matches!(s.create_variant(999_999, &variant("zz", vec![price("GHS", 1)], 0)).await, Err(StoreError::NotFound(_))));
}

async fn rejected_writes_change_nothing(s: Arc<dyn Store>) {
    let p =
        s.create_product(&new_product("Shea butter 250 g", None, vec![variant("shea-250", vec![price("GHS", 4_500)], 5)])).await.unwrap();
    let before = s
        .products(&{
            let mut q = query("GHS");
            q.status = StatusFilter::Any;
            q.priced_only = false;
            q
        })
        .await
        .unwrap()
        .total;

    // duplicate SKU inside a new product: the product must not be half-written
    let dup = s
        .create_product(&new_product(
            "Shea butter 500 g",
            None,
            vec![variant("shea-500", vec![price("GHS", 8_000)], 1), variant("SHEA-250", vec![price("GHS", 1)], 1)],
        ))
        .await
        .unwrap_err();
    assert!(matches!(dup, StoreError::Conflict { field: "sku", .. }), "{dup:?}");
    assert!(s.product(Key::Slug("shea-butter-500-g")).await.unwrap().is_none());
    assert!(s.create_variant(p.id, &variant("shea-250", vec![price("GHS", 1)], 0)).await.is_err());

    let slug = s.create_product(&new_product("Shea butter 250 g", None, vec![])).await.unwrap_err();
    assert!(matches!(slug, StoreError::Conflict { field: "slug", .. }), "{slug:?}");

    let negative = s.create_product(&new_product("Cheap", None, vec![variant("c-1", vec![price("NGN", -1)], 0)])).await.unwrap_err();
    assert!(matches!(&negative, StoreError::Invalid(e) if e.field() == "variants[0].prices[0].amount_minor"), "{negative:?}");
    let bad_cat = s.create_product(&new_product("Lost", Some(777), vec![])).await.unwrap_err();
    assert!(matches!(&bad_cat, StoreError::Invalid(e) if e.field() == "category_id"), "{bad_cat:?}");

    let bad_patch = VariantPatch { prices: Some(vec![price("GHS", 10), price("GHS", 20)]), ..Default::default() };
    assert!(matches!(s.update_variant(p.variants[0].id, &bad_patch).await, Err(StoreError::Invalid(_))));
    let bad_stock = VariantPatch { stock_on_hand: Some(-3), ..Default::default() };
    assert!(matches!(s.update_variant(p.variants[0].id, &bad_stock).await, Err(StoreError::Invalid(_))));

    let after = s.product(Key::Id(p.id)).await.unwrap().unwrap();
    assert_eq!(after, p, "rejected writes must leave the product as it was");
    let mut q = query("GHS");
    q.status = StatusFilter::Any;
    q.priced_only = false;
    assert_eq!(s.products(&q).await.unwrap().total, before);
}

async fn updates_apply_and_reindex(s: Arc<dyn Store>) {
    let cat = s.create_category(&new_category("Solar & Power", None)).await.unwrap();
    let p = s
        .create_product(&new_product("Solar lantern", Some(cat.id), vec![variant("lan-1", vec![price("KES", 250_000)], 4)]))
        .await
        .unwrap();
    let patched = s
        .update_product(
            p.id,
            &ProductPatch {
                title: Some("Solar home system 50 W".into()),
                category_id: Some(None),
                status: Some(ProductStatus::Draft),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(patched.title, "Solar home system 50 W");
    assert_eq!(patched.slug, p.slug, "slug stays unless changed explicitly");
    assert_eq!(patched.category_id, None);
    assert_eq!(patched.status, ProductStatus::Draft);
    assert!(patched.updated_at >= p.updated_at);

    let v = s
        .update_variant(
            p.variants[0].id,
            &VariantPatch {
                prices: Some(vec![price("KES", 199_900), price("USD", 1_550)]),
                stock_on_hand: Some(0),
                sku: Some("lan-50w".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(v.sku, "LAN-50W");
    assert_eq!(v.prices, vec![price("KES", 199_900), price("USD", 1_550)]);
    assert_eq!(v.stock_on_hand, 0);

    // the search index follows the new title and SKU
    let mut q = query("KES");
    q.status = StatusFilter::Any;
    q.terms = SearchTerms::parse("q", "home system").unwrap();
    assert_eq!(titles(&s.products(&q).await.unwrap()), ["Solar home system 50 W"]);
    q.terms = SearchTerms::parse("q", "lan-50w").unwrap();
    assert_eq!(s.products(&q).await.unwrap().total, 1);
    q.terms = SearchTerms::parse("q", "lantern").unwrap();
    assert_eq!(s.products(&q).await.unwrap().total, 0);

    let archived = s.update_variant(v.id, &VariantPatch { archived: Some(true), ..Default::default() }).await.unwrap();
    assert!(archived.archived);
    assert!(matches!(s.update_product(99_999, &ProductPatch::default()).await, Err(StoreError::NotFound(_))));
    assert!(matches!(s.update_variant(99_999, &VariantPatch::default()).await, Err(StoreError::NotFound(_))));
}

/// Six products in a small tree, priced in NGN (all) and KES (some).
async fn seed_listing(s: &Arc<dyn Store>) -> (i64, i64, i64) {
    let home = s.create_category(&new_category("Home & Kitchen", None)).await.unwrap();
    let cook = s.create_category(&new_category("Cookware", Some(home.id))).await.unwrap();
    let food = s.create_category(&new_category("Groceries", None)).await.unwrap();
    let items: [(&str, i64, i64, Option<i64>, i64); 6] = [
        ("Cast iron pot", cook.id, 2_500_000, Some(180_000), 3),
        ("Charcoal stove", cook.id, 1_200_000, None, 0),
        ("Woven table mat", home.id, 350_000, Some(30_000), 10),
        ("Long grain rice 5 kg", food.id, 900_000, Some(95_000), 7),
        ("Palm oil 1 litre", food.id, 250_000, None, 0),
        ("Jollof spice mix", food.id, 150_000, Some(20_000), 20),
    ];
    for (i, (title, cat, ngn, kes, stock)) in items.into_iter().enumerate() {
        let mut prices = vec![price("NGN", ngn)];
        if let Some(k) = kes {
            prices.push(price("KES", k));
        }
        s.create_product(&new_product(title, Some(cat), vec![variant(&format!("sku-{i}"), prices, stock)])).await.unwrap();
    }
    let mut draft = new_product("Unreleased blender", Some(cook.id), vec![variant("draft-1", vec![price("NGN", 100)], 1)]);
    draft.status = Some(ProductStatus::Draft);
    s.create_product(&draft).await.unwrap();
    (home.id, cook.id, food.id)
}

async fn listing_filters_sorts_and_pages(s: Arc<dyn Store>) {
    let (home, cook, _food) = seed_listing(&s).await;
    let all = s.products(&query("NGN")).await.unwrap();
    assert_eq!(all.total, 6, "drafts are not listed");
    assert_eq!(titles(&all)[0], "Jollof spice mix", "newest first by default");

    let mut q = query("NGN");
    q.category_id = Some(home);
    q.sort = Sort::TitleAsc;
    assert_eq!(
        titles(&s.products(&q).await.unwrap()),
        ["Cast iron pot", "Charcoal stove", "Woven table mat"],
        "a category lists its subcategories' products"
    );
    q.category_id = Some(cook);
    assert_eq!(s.products(&q).await.unwrap().total, 2);

    let mut q = query("KES");
    q.sort = Sort::PriceAsc;
    let kes = s.products(&q).await.unwrap();
    assert_eq!(
        titles(&kes),
        ["Jollof spice mix", "Woven table mat", "Long grain rice 5 kg", "Cast iron pot"],
        "only products priced in KES"
    );
    assert_eq!(kes.items[0].price.unwrap(), price("KES", 20_000));
    q.sort = Sort::PriceDesc;
    assert_eq!(titles(&s.products(&q).await.unwrap())[0], "Cast iron pot");

    let mut q = query("NGN");
    q.min_price = Some(300_000);
    q.max_price = Some(1_200_000);
    q.sort = Sort::PriceAsc;
    assert_eq!(titles(&s.products(&q).await.unwrap()), ["Woven table mat", "Long grain rice 5 kg", "Charcoal stove"]);
    q.in_stock_only = true;
    assert_eq!(titles(&s.products(&q).await.unwrap()), ["Woven table mat", "Long grain rice 5 kg"]);
    q.min_price = Some(5);
    q.max_price = Some(4);
    assert!(matches!(s.products(&q).await, Err(StoreError::Invalid(e)) if e.field() == "max_price"));

    // pages are disjoint and complete, totals stay right
    let mut q = query("NGN");
    q.sort = Sort::TitleAsc;
    q.pagination = Pagination { page: 1, per_page: 4 };
    let p1 = s.products(&q).await.unwrap();
    q.pagination.page = 2;
    let p2 = s.products(&q).await.unwrap();
    q.pagination.page = 3;
    let p3 = s.products(&q).await.unwrap();
    assert_eq!((p1.total, p2.total, p1.items.len(), p2.items.len(), p3.items.len()), (6, 6, 4, 2, 0));
    assert_eq!(p1.page_count(), 2);
    let mut seen: Vec<i64> = p1.items.iter().chain(&p2.items).map(|p| p.id).collect();
    seen.dedup();
    assert_eq!(seen.len(), 6);

    let mut q = query("NGN");
    q.status = StatusFilter::Only(ProductStatus::Draft);
    assert_eq!(titles(&s.products(&q).await.unwrap()), ["Unreleased blender"]);
}

async fn search_orders_title_matches_first(s: Arc<dyn Store>) {
    let cat = s.create_category(&new_category("Beauty", None)).await.unwrap();
    let mk = |title: &str, desc: &str, sku: &str| {
        let mut p = new_product(title, Some(cat.id), vec![variant(sku, vec![price("ZAR", 10_000)], 1)]);
        p.description = desc.into();
        p
    };
    for p in [
        mk("Body lotion with shea", "Moisturising lotion.", "bl-1"),
        mk("Black soap", "Made with raw shea butter and cocoa pods.", "bs-1"),
        mk("Shea butter, raw", "Unrefined, from Northern Ghana.", "sb-1"),
        mk("Café au lait face mask", "Clay and coffee.", "fm-1"),
        mk("Argan oil", "Cold pressed.", "ao-1"),
    ] {
        s.create_product(&p).await.unwrap();
    }
    let run = |text: &str| {
        let mut q = query("ZAR");
        q.terms = SearchTerms::parse("q", text).unwrap();
        let s = s.clone();
        async move { s.products(&q).await.unwrap() }
    };
    // title matches first (by normalised title), then description-only matches
    assert_eq!(titles(&run("shea").await), ["Body lotion with shea", "Shea butter, raw", "Black soap"]);
    assert_eq!(titles(&run("shea butter").await), ["Shea butter, raw", "Black soap"]);
    assert_eq!(titles(&run("SHE").await).len(), 3, "words match as prefixes");
    assert_eq!(titles(&run("cafe").await), ["Café au lait face mask"], "accents fold");
    assert_eq!(titles(&run("café").await), ["Café au lait face mask"]);
    assert_eq!(titles(&run("AO-1").await), ["Argan oil"], "SKUs are searchable");
    assert_eq!(titles(&run("beauty argan").await), ["Argan oil"], "category names are searchable");
    assert!(run("shea argan").await.items.is_empty(), "all words are required");
    assert!(run("\"OR\" NEAR(shea").await.items.is_empty(), "operators are plain words");
    let mut q = query("ZAR");
    q.terms = SearchTerms::parse("q", "shea").unwrap();
    q.sort = Sort::TitleAsc;
    assert_eq!(titles(&s.products(&q).await.unwrap()), ["Black soap", "Body lotion with shea", "Shea butter, raw"]);
}

async fn facets_count_what_each_choice_gives(s: Arc<dyn Store>) {
    let (_home, cook, food) = seed_listing(&s).await;
    let mut q = query("NGN");
    q.with_facets = true;
    let f = s.products(&q).await.unwrap().facets.unwrap();
    let count = |c: i64| f.categories.iter().find(|x| x.category_id == c).map(|x| x.count);
    assert_eq!(count(food), Some(3));
    assert_eq!(count(cook), Some(2));
    assert_eq!(f.in_stock, 4);
    assert_eq!(f.prices.iter().map(|p| p.count).sum::<u64>(), 6);
    assert!(f.prices.windows(2).all(|w| w[0].max < w[1].min));

    q.category_id = Some(food);
    q.in_stock_only = true;
    let f = s.products(&q).await.unwrap().facets.unwrap();
    assert_eq!(f.in_stock, 2, "in-stock count within the category");
    assert_eq!(f.prices.iter().map(|p| p.count).sum::<u64>(), 2, "price bands within category and stock filter");
    assert_eq!(f.categories.iter().find(|x| x.category_id == cook).map(|x| x.count), Some(1), "other categories still counted");
}

async fn tokens_are_found_by_hash_and_revoked(s: Arc<dyn Store>) {
    let t = s.create_token("importer", Role::Catalog, "hash-1").await.unwrap();
    assert_eq!(t.role, Role::Catalog);
    let found = s.token_by_hash("hash-1").await.unwrap().unwrap();
    assert_eq!(found.id, t.id);
    assert!(s.token_by_hash("hash-2").await.unwrap().is_none());
    assert!(s.tokens().await.unwrap()[0].last_used_at.is_some(), "use is recorded");
    assert!(s.revoke_token(t.id).await.unwrap());
    assert!(!s.revoke_token(t.id).await.unwrap());
    assert!(s.token_by_hash("hash-1").await.unwrap().is_none());
    assert!(s.tokens().await.unwrap()[0].revoked_at.is_some());
    assert!(matches!(s.create_token(" ", Role::Catalog, "hash-3").await, Err(StoreError::Invalid(_))));
    assert!(matches!(s.create_token("dup", Role::Catalog, "hash-1").await, Err(StoreError::Conflict { .. })));
}

async fn meta_is_set_once(s: Arc<dyn Store>) {
    assert_eq!(s.meta("demo_seeded").await.unwrap(), None);
    assert!(s.set_meta_once("demo_seeded", "v1").await.unwrap());
    assert!(!s.set_meta_once("demo_seeded", "v2").await.unwrap());
    assert_eq!(s.meta("demo_seeded").await.unwrap().as_deref(), Some("v1"));
}

async fn migrations_are_idempotent(s: Arc<dyn Store>) {
    s.migrate().await.unwrap();
    s.ping().await.unwrap();
    let stats = s.pool_stats();
    assert!(stats.size >= 1 && stats.size <= stats.max, "{stats:?}");
    assert!(["sqlite", "postgres"].contains(&s.backend()));
}

#[tokio::test]
async fn sqlite_store_reopens_its_file() {
    let t = TestStore::new(Backend::Sqlite).await.unwrap();
    t.store.create_category(&new_category("Persisted", None)).await.unwrap();
    t.store.close().await;
    let again = baobab_store::connect(&t.url, &Default::default()).await.unwrap();
    again.migrate().await.unwrap();
    assert_eq!(again.categories().await.unwrap()[0].name, "Persisted");
}

/// A stored value the domain does not know (here an order's currency code) is a store error
/// where the row is read, never a silent default.
#[tokio::test]
async fn a_bad_stored_currency_is_a_store_error() {
    // Each stored field of an order that the store parses into a typed value, corrupted in turn.
    let corruptions = [
        ("UPDATE orders SET currency = 'XYZ' WHERE id = $1", "XYZ"),
        ("UPDATE orders SET payment_method = 'cheque' WHERE id = $1", "cheque"),
        ("UPDATE orders SET shipping_address = '{\"town\": \"Lagos\"}' WHERE id = $1", "shipping address"),
    ];
    for backend in [Backend::Sqlite, Backend::Postgres] {
        for (n, (corrupt, named)) in corruptions.iter().enumerate() {
            let Some(t) = TestStore::new(backend).await else { continue };
            let s = t.store.clone();
            let v = stocked_variant(&s, &format!("BAD-{n}-{}", s.backend()), 5).await;
            let id = s.place_order(&order_for(v, 1, None)).await.unwrap().order().id;
            if s.backend() == "sqlite" {
                let pool = sqlx::SqlitePool::connect(&t.url).await.unwrap();
                sqlx::query(sqlx::AssertSqlSafe(*corrupt)).bind(id).execute(&pool).await.unwrap();
            } else {
                let pool = sqlx::PgPool::connect(&t.url).await.unwrap();
                sqlx::query(sqlx::AssertSqlSafe(*corrupt)).bind(id).execute(&pool).await.unwrap();
            }
            let err = s.order(id).await.unwrap_err();
            assert!(matches!(err, StoreError::Internal(ref m) if m.contains(named)), "{err:?}");
            assert!(s.list_orders(None, 0, 10).await.is_err(), "a list holding it fails too");
        }
    }
}

#[tokio::test]
async fn unknown_url_scheme_is_a_config_error() {
    let err = baobab_store::connect("mysql://root@localhost/x", &Default::default()).await.err().unwrap();
    assert!(err.to_string().contains("mysql://"), "{err}");
    let err = baobab_store::connect("postgres://u:secret@h/db?sslmode=bogus", &Default::default()).await.err().unwrap();
    assert!(!err.to_string().contains("secret"), "{err}");
}

fn asset(hash_char: char, w: i32, h: i32) -> MediaAsset {
    MediaAsset {
        hash: hash_char.to_string().repeat(64),
        source: "jpeg".into(),
        width: w,
        height: h,
        bytes: 123_456,
        widths: vec![1280, 640, 320, 160],
        placeholder: "data:image/webp;base64,UklGRg==".into(),
    }
}

async fn images_attach_reorder_and_detach(s: Arc<dyn Store>) {
    let p = s.create_product(&new_product("Kente stole", None, vec![variant("ks-1", vec![price("GHS", 45_000)], 3)])).await.unwrap();
    let other = s.create_product(&new_product("Other", None, vec![variant("ot-1", vec![price("GHS", 1)], 1)])).await.unwrap();
    let a = asset('a', 4000, 3000);
    s.upsert_media_asset(&a).await.unwrap();
    s.upsert_media_asset(&a).await.unwrap(); // idempotent

    let first =
        s.add_image(p.id, &NewImage { media_hash: Some(a.hash.clone()), alt: " Kente, gold ".into(), ..Default::default() }).await.unwrap();
    assert_eq!((first.position, first.alt.as_str(), first.width, first.height), (0, "Kente, gold", Some(4000), Some(3000)));
    assert_eq!(first.media.as_ref().unwrap(), &a);
    let second = s
        .add_image(
            p.id,
            &NewImage { url: Some("https://cdn.example.com/k.jpg".into()), variant_id: Some(p.variants[0].id), ..Default::default() },
        )
        .await
        .unwrap();
    assert_eq!(second.position, 1, "appended after the last image");
    assert!(second.media.is_none());

    let full = s.product(Key::Id(p.id)).await.unwrap().unwrap();
    assert_eq!(full.images.iter().map(|i| i.id).collect::<Vec<_>>(), vec![first.id, second.id]);
    let mut q = query("GHS");
    q.terms = SearchTerms::parse("q", "kente").unwrap();
    let card = s.products(&q).await.unwrap().items.remove(0);
    assert_eq!(card.image.as_ref().unwrap().media.as_ref().unwrap().hash, a.hash, "listings carry the first image with its media");

    // reorder: the URL image first
    let moved = s.update_image(second.id, &ImagePatch { position: Some(0), variant_id: Some(None), ..Default::default() }).await.unwrap();
    assert_eq!(moved.variant_id, None);
    s.update_image(first.id, &ImagePatch { position: Some(5), alt: Some("Gold kente".into()), ..Default::default() }).await.unwrap();
    let full = s.product(Key::Id(p.id)).await.unwrap().unwrap();
    assert_eq!(full.images.iter().map(|i| i.id).collect::<Vec<_>>(), vec![second.id, first.id]);
    assert_eq!(full.images[1].alt, "Gold kente");

    // bad references change nothing
    let e = s.add_image(p.id, &NewImage { media_hash: Some("b".repeat(64)), ..Default::default() }).await.unwrap_err();
    assert!(matches!(&e, StoreError::Invalid(v) if v.field() == "media_hash"), "{e:?}");
    let e = s
        .add_image(p.id, &NewImage { media_hash: Some(a.hash.clone()), variant_id: Some(other.variants[0].id), ..Default::default() })
        .await
        .unwrap_err();
    assert!(matches!(&e, StoreError::Invalid(v) if v.field() == "variant_id"), "{e:?}");
    let e = s.update_image(first.id, &ImagePatch { variant_id: Some(Some(other.variants[0].id)), ..Default::default() }).await.unwrap_err();
    assert!(matches!(&e, StoreError::Invalid(v) if v.field() == "variant_id"), "{e:?}");
    assert!(matches!(
        s.add_image(999_999, &NewImage { media_hash: Some(a.hash.clone()), ..Default::default() }).await,
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(s.product(Key::Id(p.id)).await.unwrap().unwrap().images.len(), 2);

    let gone = s.delete_image(first.id).await.unwrap();
    assert_eq!(gone.id, first.id);
    assert!(s.image(first.id).await.unwrap().is_none());
    assert!(matches!(s.delete_image(first.id).await, Err(StoreError::NotFound(_))));
    assert!(s.media_asset(&a.hash).await.unwrap().is_some(), "the media stays for other products");
}

async fn media_assets_page_by_hash(s: Arc<dyn Store>) {
    for c in ['c', 'a', 'b'] {
        s.upsert_media_asset(&asset(c, 100, 50)).await.unwrap();
    }
    assert_eq!(s.count_media_assets().await.unwrap(), 3);
    let first: Vec<String> = s.media_assets_after(None, 2).await.unwrap().into_iter().map(|a| a.hash[..1].to_string()).collect();
    assert_eq!(first, ["a", "b"]);
    let rest = s.media_assets_after(Some(&"b".repeat(64)), 2).await.unwrap();
    assert_eq!(rest.len(), 1);
    let mut updated = asset('a', 100, 50);
    updated.widths = vec![80];
    s.upsert_media_asset(&updated).await.unwrap();
    assert_eq!(s.media_asset(&updated.hash).await.unwrap().unwrap().widths, vec![80]);
    assert!(matches!(s.upsert_media_asset(&MediaAsset { hash: "nothex".into(), ..updated }).await, Err(StoreError::Invalid(_))));

    s.set_meta("cursor", "a").await.unwrap();
    s.set_meta("cursor", "b").await.unwrap();
    assert_eq!(s.meta("cursor").await.unwrap().as_deref(), Some("b"));
    s.delete_meta("cursor").await.unwrap();
    assert_eq!(s.meta("cursor").await.unwrap(), None);
}

fn new_user(email: &str, kind: UserKind) -> NewUser {
    NewUser {
        email: email.into(),
        password_hash: "$argon2id$v=19$stub".into(),
        kind,
        staff_role: (kind == UserKind::Staff).then_some(StaffRole::Support),
        name: "Ada".into(),
    }
}

async fn users_are_unique_by_email(s: Arc<dyn Store>) {
    let u = s.create_user(&new_user(" Ada@Example.com ", UserKind::Customer)).await.unwrap();
    assert_eq!(u.email, "ada@example.com");
    assert_eq!((u.kind, u.staff_role), (UserKind::Customer, None));
    let dup = s.create_user(&new_user("ADA@example.COM", UserKind::Customer)).await.unwrap_err();
    assert!(matches!(dup, StoreError::Conflict { field: "email", .. }), "{dup:?}");
    assert!(matches!(s.create_user(&new_user("not-an-email", UserKind::Customer)).await, Err(StoreError::Invalid(_))));
    assert_eq!(s.user_by_email("ADA@EXAMPLE.COM").await.unwrap().unwrap().id, u.id);
    s.set_password(u.id, "new-hash").await.unwrap();
    s.set_email_verified(u.id).await.unwrap();
    let first = s.user_by_id(u.id).await.unwrap().unwrap();
    s.set_email_verified(u.id).await.unwrap();
    let again = s.user_by_id(u.id).await.unwrap().unwrap();
    assert_eq!(first.password_hash, "new-hash");
    assert_eq!(first.email_verified_at, again.email_verified_at, "verification time is kept");
    s.set_profile(u.id, "Ada Obi", "+2348031234567").await.unwrap();
    assert_eq!(s.user_by_id(u.id).await.unwrap().unwrap().phone, "+2348031234567");

    let staff = s.create_user(&new_user("ops@example.com", UserKind::Staff)).await.unwrap();
    assert_eq!(staff.staff_role, Some(StaffRole::Support));
    s.set_staff_role(staff.id, StaffRole::Owner).await.unwrap();
    assert_eq!(s.user_by_id(staff.id).await.unwrap().unwrap().staff_role, Some(StaffRole::Owner));
    assert!(matches!(s.set_staff_role(u.id, StaffRole::Owner).await, Err(StoreError::NotFound(_))), "customers get no staff role");
    assert_eq!(s.users(UserKind::Staff, 0, 10).await.unwrap().len(), 1);
    assert_eq!(s.users(UserKind::Customer, 0, 10).await.unwrap()[0].id, u.id);
    assert!(matches!(s.set_password(9_999, "x").await, Err(StoreError::NotFound(_))));
}

async fn totp_steps_cannot_be_replayed(s: Arc<dyn Store>) {
    let u = s.create_user(&new_user("totp@example.com", UserKind::Staff)).await.unwrap();
    s.set_totp(u.id, Some("JBSWY3DPEHPK3PXP"), true).await.unwrap();
    let u2 = s.user_by_id(u.id).await.unwrap().unwrap();
    assert_eq!(u2.totp_secret.as_deref(), Some("JBSWY3DPEHPK3PXP"));
    assert!(u2.totp_enabled_at.is_some());
    assert!(s.use_totp_step(u.id, 100).await.unwrap());
    assert!(!s.use_totp_step(u.id, 100).await.unwrap(), "the same code twice");
    assert!(!s.use_totp_step(u.id, 99).await.unwrap(), "an older code");
    assert!(s.use_totp_step(u.id, 101).await.unwrap());
    s.set_totp(u.id, None, false).await.unwrap();
    assert!(s.user_by_id(u.id).await.unwrap().unwrap().totp_enabled_at.is_none());
}

fn address(city: &str) -> Address {
    Address {
        name: "Wanjiru K.".into(),
        line1: "Moi Avenue, Nairobi CBD".into(),
        city: city.into(),
        country: "ke".into(),
        phone: "+254 712 345 678".into(),
        ..Default::default()
    }
}

async fn addresses_belong_to_their_owner(s: Arc<dyn Store>) {
    let a = s.create_user(&new_user("a@example.com", UserKind::Customer)).await.unwrap();
    let b = s.create_user(&new_user("b@example.com", UserKind::Customer)).await.unwrap();
    let addr = s.add_address(a.id, &address("Nairobi")).await.unwrap();
    assert_eq!((addr.fields.country.as_str(), addr.fields.phone.as_str()), ("KE", "+254712345678"));
    let moved = s.update_address(a.id, addr.id, &address("Mombasa")).await.unwrap();
    assert_eq!(moved.fields.city, "Mombasa");
    assert!(matches!(s.update_address(b.id, addr.id, &address("Kisumu")).await, Err(StoreError::NotFound(_))), "not b's address");
    assert!(matches!(s.delete_address(b.id, addr.id).await, Err(StoreError::NotFound(_))));
    assert!(matches!(s.add_address(a.id, &Address::default()).await, Err(StoreError::Invalid(_))));
    assert_eq!(s.addresses(a.id).await.unwrap()[0].fields.city, "Mombasa");
    assert!(s.addresses(b.id).await.unwrap().is_empty());
    s.delete_address(a.id, addr.id).await.unwrap();
    assert!(s.addresses(a.id).await.unwrap().is_empty());
}

async fn sessions_expire_and_end(s: Arc<dyn Store>) {
    let u = s.create_user(&new_user("s@example.com", UserKind::Customer)).await.unwrap();
    let now = Utc::now();
    let mk = |id: &str, user: Option<i64>, ttl: i64| Session {
        id_hash: id.into(),
        user_id: user,
        csrf_token: format!("csrf-{id}"),
        two_factor_ok: false,
        created_at: now,
        expires_at: now + Duration::seconds(ttl),
    };
    s.create_session(&mk("h1", Some(u.id), 3600)).await.unwrap();
    s.create_session(&mk("h2", Some(u.id), 3600)).await.unwrap();
    s.create_session(&mk("guest", None, 3600)).await.unwrap();
    s.create_session(&mk("old", Some(u.id), -1)).await.unwrap();
    assert_eq!(s.session("h1", now).await.unwrap().unwrap().csrf_token, "csrf-h1");
    assert!(s.session("old", now).await.unwrap().is_none(), "expired");
    assert!(s.session("h1", now + Duration::seconds(7200)).await.unwrap().is_none());
    s.set_session_two_factor("h1", true).await.unwrap();
    assert!(s.session("h1", now).await.unwrap().unwrap().two_factor_ok);
    s.delete_session("h1").await.unwrap();
    assert!(s.session("h1", now).await.unwrap().is_none());
    s.delete_user_sessions(u.id).await.unwrap();
    assert!(s.session("h2", now).await.unwrap().is_none());
    assert!(s.session("guest", now).await.unwrap().is_some(), "other sessions stay");
    // The scheduled clean-up deletes expired sessions only.
    s.create_session(&mk("stale", None, -60)).await.unwrap();
    assert_eq!(s.delete_expired_sessions(now).await.unwrap(), 1, "the expired one");
    assert_eq!(s.delete_expired_sessions(now).await.unwrap(), 0);
    assert!(s.session("guest", now).await.unwrap().is_some(), "live sessions stay");
    assert_eq!(s.delete_expired_sessions(now + Duration::seconds(7200)).await.unwrap(), 1);
}

async fn account_tokens_work_once(s: Arc<dyn Store>) {
    let u = s.create_user(&new_user("t@example.com", UserKind::Customer)).await.unwrap();
    let now = Utc::now();
    s.create_account_token("tok", u.id, TokenPurpose::ResetPassword, now + Duration::hours(1)).await.unwrap();
    s.create_account_token("old", u.id, TokenPurpose::ResetPassword, now - Duration::seconds(1)).await.unwrap();
    assert_eq!(s.consume_account_token("tok", TokenPurpose::VerifyEmail, now).await.unwrap(), None, "wrong purpose");
    assert_eq!(s.consume_account_token("tok", TokenPurpose::ResetPassword, now).await.unwrap(), Some(u.id));
    assert_eq!(s.consume_account_token("tok", TokenPurpose::ResetPassword, now).await.unwrap(), None, "used");
    assert_eq!(s.consume_account_token("old", TokenPurpose::ResetPassword, now).await.unwrap(), None, "expired");
    assert_eq!(s.consume_account_token("forged", TokenPurpose::ResetPassword, now).await.unwrap(), None);

    // Looking a token up does not use it; voiding ends every unused one of that purpose.
    s.create_account_token("first", u.id, TokenPurpose::ResetPassword, now + Duration::hours(1)).await.unwrap();
    s.create_account_token("second", u.id, TokenPurpose::ResetPassword, now + Duration::hours(1)).await.unwrap();
    s.create_account_token("verify", u.id, TokenPurpose::VerifyEmail, now + Duration::hours(1)).await.unwrap();
    let other = s.create_user(&new_user("t2@example.com", UserKind::Customer)).await.unwrap();
    s.create_account_token("theirs", other.id, TokenPurpose::ResetPassword, now + Duration::hours(1)).await.unwrap();
    assert_eq!(s.account_token_user("first", TokenPurpose::ResetPassword, now).await.unwrap(), Some(u.id));
    assert_eq!(s.account_token_user("first", TokenPurpose::ResetPassword, now).await.unwrap(), Some(u.id), "still unused");
    assert_eq!(s.account_token_user("first", TokenPurpose::VerifyEmail, now).await.unwrap(), None, "wrong purpose");
    assert_eq!(s.account_token_user("old", TokenPurpose::ResetPassword, now).await.unwrap(), None, "expired");
    assert_eq!(s.consume_account_token("second", TokenPurpose::ResetPassword, now).await.unwrap(), Some(u.id));
    assert_eq!(s.void_account_tokens(u.id, TokenPurpose::ResetPassword, now).await.unwrap(), 2, "first and the expired one");
    assert_eq!(s.consume_account_token("first", TokenPurpose::ResetPassword, now).await.unwrap(), None, "voided");
    assert_eq!(s.consume_account_token("verify", TokenPurpose::VerifyEmail, now).await.unwrap(), Some(u.id), "other purposes stay");
    assert_eq!(s.consume_account_token("theirs", TokenPurpose::ResetPassword, now).await.unwrap(), Some(other.id), "other users' stay");
}

async fn audit_entries_are_kept_in_order(s: Arc<dyn Store>) {
    s.record_audit("login_failed", None, "ada@example.com", "203.0.113.7", &serde_json::json!({"reason": "bad password"})).await.unwrap();
    s.record_audit("login", Some(1), "ada@example.com", "203.0.113.7", &serde_json::json!({})).await.unwrap();
    let e = s.audit_entries(0, 10).await.unwrap();
    assert_eq!(e.iter().map(|x| x.event.as_str()).collect::<Vec<_>>(), ["login", "login_failed"]);
    assert_eq!(e[1].detail["reason"], "bad password");
    assert_eq!(e[1].ip, "203.0.113.7");
}

async fn outbox_hands_each_email_to_one_claimer(s: Arc<dyn Store>) {
    for i in 0..3 {
        s.enqueue_email(&format!("c{i}@example.com"), "Welcome", "Hello").await.unwrap();
    }
    let now = Utc::now();
    let first = s.claim_emails(now, 60, 2).await.unwrap();
    assert_eq!(first.len(), 2);
    let second = s.claim_emails(now, 60, 10).await.unwrap();
    assert_eq!(second.len(), 1, "another instance gets only the unclaimed one");
    assert!(first.iter().all(|e| e.id != second[0].id));
    assert!(s.claim_emails(now, 60, 10).await.unwrap().is_empty());
    s.mark_email_sent(first[0].id, now).await.unwrap();
    s.mark_email_failed(first[1].id, "connection refused", now + Duration::seconds(300)).await.unwrap();
    let later = s.claim_emails(now + Duration::seconds(120), 60, 10).await.unwrap();
    assert_eq!(
        later.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![second[0].id],
        "lease ran out; the failed one waits; the sent one is done"
    );
    let retry = s.claim_emails(now + Duration::seconds(400), 60, 10).await.unwrap();
    assert!(retry.iter().any(|e| e.id == first[1].id && e.attempts == 2));
    assert_eq!(s.unsent_emails().await.unwrap(), 2);
}

async fn throttles_count_in_windows(s: Arc<dyn Store>) {
    let now = Utc::now();
    for _ in 0..3 {
        assert_eq!(s.throttle("login:ada", 60, 3, now).await.unwrap(), Ok(()));
    }
    let blocked = s.throttle("login:ada", 60, 3, now + Duration::seconds(10)).await.unwrap();
    assert!(matches!(blocked, Err(w) if (45..=51).contains(&w)), "{blocked:?}");
    assert_eq!(s.throttle("login:other", 60, 3, now).await.unwrap(), Ok(()), "keys are separate");
    assert_eq!(s.throttle("login:ada", 60, 3, now + Duration::seconds(61)).await.unwrap(), Ok(()), "a new window");
    for _ in 0..3 {
        let _ = s.throttle("login:ada", 60, 3, now + Duration::seconds(62)).await.unwrap();
    }
    s.clear_throttle("login:ada").await.unwrap();
    assert_eq!(s.throttle("login:ada", 60, 3, now + Duration::seconds(63)).await.unwrap(), Ok(()));

    // Counting without a hit, and the count itself (progressive delays read it).
    assert_eq!(s.hits("coupon:x", 60, now).await.unwrap().count, 0);
    assert_eq!(s.hit("coupon:x", 60, now).await.unwrap().count, 1);
    let h = s.hit("coupon:x", 60, now + Duration::seconds(20)).await.unwrap();
    assert_eq!(h.count, 2);
    assert!((39..=41).contains(&h.seconds_left), "{h:?}");
    assert_eq!(s.hits("coupon:x", 60, now + Duration::seconds(30)).await.unwrap().count, 2, "reading counts nothing");
    assert_eq!(s.hits("coupon:x", 60, now + Duration::seconds(61)).await.unwrap().count, 0, "the window ended");
}

async fn stocked_variant(s: &Arc<dyn Store>, sku: &str, stock: i64) -> i64 {
    let p = s
        .create_product(&new_product(
            &format!("Product {sku}"),
            None,
            vec![variant(sku, vec![price("NGN", 250_000), price("KES", 20_000)], stock)],
        ))
        .await
        .unwrap();
    p.variants[0].id
}

fn order_for(variant_id: i64, quantity: i32, key: Option<&str>) -> NewOrder {
    NewOrder {
        user_id: None,
        email: "buyer@example.com".into(),
        currency: cur("NGN"),
        payment_method: PaymentMethod::CashOnDelivery,
        lines: vec![NewOrderLine { variant_id, quantity }],
        shipping: ShippingQuote {
            method_id: "ng-standard".into(),
            name: "Standard".into(),
            pickup: false,
            price_minor: 150_000,
            free_over_minor: Some(2_000_000),
        },
        coupon_code: None,
        tax: TaxRule { rate_bp: 750, prices_include_tax: true },
        shipping_address: address("Lagos"),
        idempotency_key: key.map(String::from),
        request_hash: format!("{variant_id}x{quantity}"),
        expires_at: None,
        placed_by: "s:test".into(),
        language: Some("fr".into()),
    }
}

async fn orders_take_stock_exactly_under_concurrency(s: Arc<dyn Store>) {
    let v = stocked_variant(&s, "hot-1", 10).await;
    let started = std::time::Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let s = s.clone();
        tasks.push(tokio::spawn(async move { s.place_order(&order_for(v, 1, None)).await }));
    }
    let (mut placed, mut out_of_stock) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(Placed::New(_)) => placed += 1,
            Err(StoreError::Conflict { field: "stock", .. }) => out_of_stock += 1,
            other => panic!("unexpected: {other:?}"),
        }
    }
    eprintln!(
        "{}: 200 concurrent checkouts for 10 units: {placed} placed, {out_of_stock} out of stock, in {:?}",
        s.backend(),
        started.elapsed()
    );
    assert_eq!((placed, out_of_stock), (10, 190));
    assert_eq!(s.variant(v).await.unwrap().unwrap().stock_on_hand, 0, "never negative, never oversold");
}

async fn order_retries_with_the_same_key_create_nothing(s: Arc<dyn Store>) {
    let v = stocked_variant(&s, "idem-1", 5).await;
    let first = s.place_order(&order_for(v, 2, Some("key-1"))).await.unwrap();
    let Placed::New(order) = first else { panic!("first is new") };
    // totals: 2 × ₦2,500.00 = ₦5,000.00 + shipping ₦1,500.00, VAT 7.5 % included in both
    assert_eq!((order.totals.subtotal, order.totals.shipping, order.totals.total), (500_000, 150_000, 650_000));
    assert_eq!(order.totals.tax, 45_349);
    assert_eq!((order.shipping_method.as_str(), &order.shipping_address), ("ng-standard", &address("Lagos")));
    assert_eq!(order.status, OrderStatus::PendingPayment);
    let again = s.place_order(&order_for(v, 2, Some("key-1"))).await.unwrap();
    assert_eq!(again, Placed::Replayed(order.clone()));
    let other = s.place_order(&order_for(v, 1, Some("key-1"))).await.unwrap_err();
    assert!(matches!(&other, StoreError::Invalid(e) if e.field() == "idempotency_key"), "{other:?}");
    assert_eq!(s.variant(v).await.unwrap().unwrap().stock_on_hand, 3, "stock taken once");
    // concurrent retries of one request: one order
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let s = s.clone();
        tasks.push(tokio::spawn(async move { s.place_order(&order_for(v, 1, Some("key-2"))).await.unwrap().order().id }));
    }
    let mut ids = Vec::new();
    for t in tasks {
        ids.push(t.await.unwrap());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(s.variant(v).await.unwrap().unwrap().stock_on_hand, 2);
}

async fn order_lifecycle_and_stock_release(s: Arc<dyn Store>) {
    let v = stocked_variant(&s, "life-1", 4).await;
    let o = s.place_order(&order_for(v, 2, None)).await.unwrap().order().clone();
    let bad = s.transition_order(o.id, OrderEvent::Ship, "staff:1", "").await.unwrap_err();
    assert!(matches!(bad, StoreError::Conflict { field: "status", .. }), "{bad:?}");
    let o = s.transition_order(o.id, OrderEvent::Pay, "staff:1", "cash received").await.unwrap();
    assert_eq!(o.status, OrderStatus::Paid);
    let cancelled = s.transition_order(o.id, OrderEvent::Cancel, "staff:1", "customer asked").await.unwrap();
    assert_eq!(cancelled.status, OrderStatus::Cancelled);
    assert_eq!(s.variant(v).await.unwrap().unwrap().stock_on_hand, 4, "cancelling releases the stock");
    let refunded = s.transition_order(o.id, OrderEvent::Refund { amount: 100_000, remaining: 0 }, "staff:1", "").await.unwrap();
    assert_eq!((refunded.status, refunded.refunded_minor), (OrderStatus::Cancelled, 100_000));
    let rest = refunded.totals.total - 100_000;
    let done = s.transition_order(o.id, OrderEvent::Refund { amount: rest, remaining: 0 }, "staff:1", "").await.unwrap();
    assert_eq!(done.status, OrderStatus::Refunded);
    assert!(
        s.transition_order(o.id, OrderEvent::Refund { amount: 1, remaining: 0 }, "staff:1", "").await.is_err(),
        "nothing left to refund"
    );
    assert_eq!(s.variant(v).await.unwrap().unwrap().stock_on_hand, 4, "released once");

    let o2 = s.place_order(&order_for(v, 1, None)).await.unwrap().order().clone();
    for e in [OrderEvent::Pay, OrderEvent::Fulfil, OrderEvent::Ship, OrderEvent::Deliver] {
        s.transition_order(o2.id, e, "staff:1", "").await.unwrap();
    }
    assert_eq!(s.order(o2.id).await.unwrap().unwrap().status, OrderStatus::Delivered);
    assert_eq!(s.list_orders(Some(OrderStatus::Delivered), 0, 10).await.unwrap().iter().map(|o| o.id).collect::<Vec<_>>(), vec![o2.id]);
    assert_eq!(s.list_orders(None, 0, 10).await.unwrap()[0].id, o2.id, "newest first");
    let today = s.order_totals_since(Utc::now() - Duration::hours(1)).await.unwrap();
    assert_eq!(today, vec![("NGN".to_string(), 1, o2.totals.total)], "cancelled and refunded orders are not counted");

    // unpaid orders expire and give their stock back
    let mut late = order_for(v, 3, None);
    late.expires_at = Some(Utc::now() - Duration::seconds(1));
    let o3 = s.place_order(&late).await.unwrap().order().clone();
    assert_eq!(s.variant(v).await.unwrap().unwrap().stock_on_hand, 0);
    assert_eq!(s.expire_unpaid(Utc::now()).await.unwrap(), vec![o3.id]);
    assert_eq!(s.order(o3.id).await.unwrap().unwrap().status, OrderStatus::Cancelled);
    assert_eq!(s.variant(v).await.unwrap().unwrap().stock_on_hand, 3);
    assert!(matches!(s.transition_order(999_999, OrderEvent::Pay, "x", "").await, Err(StoreError::NotFound(_))));
}

async fn bad_orders_take_nothing(s: Arc<dyn Store>) {
    let v = stocked_variant(&s, "bad-1", 5).await;
    let w = stocked_variant(&s, "bad-2", 1).await;
    for q in [0, -1, 101] {
        let e = s.place_order(&order_for(v, q, None)).await.unwrap_err();
        assert!(matches!(&e, StoreError::Invalid(x) if x.field() == "lines[0].quantity"), "{q}: {e:?}");
    }
    let mut empty = order_for(v, 1, None);
    empty.lines.clear();
    assert!(matches!(s.place_order(&empty).await, Err(StoreError::Invalid(_))));
    let mut ghs = order_for(v, 1, None);
    ghs.currency = cur("GHS");
    assert!(matches!(s.place_order(&ghs).await, Err(StoreError::Invalid(_))), "no GHS price: currency mismatch");
    // two lines, the second short: the first is not taken either
    let mut both = order_for(v, 2, None);
    both.lines.push(NewOrderLine { variant_id: w, quantity: 2 });
    assert!(matches!(s.place_order(&both).await, Err(StoreError::Conflict { field: "stock", .. })));
    assert_eq!(s.variant(v).await.unwrap().unwrap().stock_on_hand, 5, "all or nothing");
    assert_eq!(s.variant(w).await.unwrap().unwrap().stock_on_hand, 1);
    let mut draft = new_product("Draft thing", None, vec![variant("draft-x", vec![price("NGN", 100)], 5)]);
    draft.status = Some(ProductStatus::Draft);
    let d = s.create_product(&draft).await.unwrap();
    assert!(matches!(s.place_order(&order_for(d.variants[0].id, 1, None)).await, Err(StoreError::Invalid(_))), "drafts are not for sale");
}

async fn carts_add_set_and_merge(s: Arc<dyn Store>) {
    let a = stocked_variant(&s, "cart-1", 5).await;
    let b = stocked_variant(&s, "cart-2", 5).await;
    s.cart_put("s:guest", a, 2, false).await.unwrap();
    s.cart_put("s:guest", a, 1, false).await.unwrap();
    s.cart_put("s:guest", b, 4, true).await.unwrap();
    assert_eq!(s.cart("s:guest").await.unwrap(), vec![(a, 3), (b, 4)]);
    s.cart_put("s:guest", b, 0, true).await.unwrap();
    assert_eq!(s.cart("s:guest").await.unwrap(), vec![(a, 3)]);
    for bad in [0, -2, 101] {
        assert!(matches!(s.cart_put("s:guest", a, bad, false).await, Err(StoreError::Invalid(_))), "{bad}");
    }
    assert!(matches!(s.cart_put("s:guest", 999_999, 1, false).await, Err(StoreError::Invalid(_))));
    s.cart_put("u:7", a, 2, false).await.unwrap();
    s.cart_merge("s:guest", "u:7").await.unwrap();
    assert_eq!(s.cart("u:7").await.unwrap(), vec![(a, 5)]);
    assert!(s.cart("s:guest").await.unwrap().is_empty());
    s.cart_clear("u:7").await.unwrap();
    assert!(s.cart("u:7").await.unwrap().is_empty());
}

fn coupon(code: &str, kind: CouponKind, currency: Option<&str>, minimum: i64) -> Coupon {
    Coupon {
        code: code.into(),
        kind,
        currency: currency.map(cur),
        minimum_minor: minimum,
        expires_at: None,
        usage_limit: None,
        used: 0,
        active: true,
    }
}

async fn coupons_apply_once_per_use_and_hold_their_limit(s: Arc<dyn Store>) {
    let v = stocked_variant(&s, "coupon-1", 100).await;
    let mut limited = coupon("karibu10", CouponKind::Percent(1000), None, 0);
    limited.usage_limit = Some(3);
    let made = s.create_coupon(&limited).await.unwrap();
    assert_eq!((made.code.as_str(), made.used), ("KARIBU10", 0));
    let dup = s.create_coupon(&limited).await.unwrap_err();
    assert!(matches!(dup, StoreError::Conflict { field: "code", .. }), "{dup:?}");
    let bad = s.create_coupon(&coupon("x y", CouponKind::Fixed(0), None, 0)).await.unwrap_err();
    assert!(matches!(&bad, StoreError::Invalid(e) if e.field() == "code" && e.errors.len() == 2), "{bad:?}");

    // 10 concurrent orders for a coupon with 3 uses left: exactly 3 get it
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let s = s.clone();
        tasks.push(tokio::spawn(async move {
            let mut o = order_for(v, 1, None);
            o.coupon_code = Some("Karibu10".into());
            s.place_order(&o).await
        }));
    }
    let (mut got, mut used_up) = (vec![], 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(p) => got.push(p.order().clone()),
            Err(StoreError::Conflict { field: "coupon", .. }) => used_up += 1,
            Err(StoreError::Invalid(e)) if e.field() == "coupon" => used_up += 1,
            other => panic!("unexpected: {other:?}"),
        }
    }
    assert_eq!((got.len(), used_up), (3, 7));
    let o = &got[0];
    // 10 % off ₦2,500.00; shipping ₦1,500.00
    assert_eq!((o.totals.discount, o.totals.total, o.coupon_code.as_deref()), (25_000, 375_000, Some("KARIBU10")));
    assert_eq!(s.coupon("karibu10").await.unwrap().unwrap().used, 3);
    assert_eq!(s.variant(v).await.unwrap().unwrap().stock_on_hand, 97, "refused orders took no stock");
    // cancelling gives the use back
    s.transition_order(o.id, OrderEvent::Cancel, "staff:1", "").await.unwrap();
    assert_eq!(s.coupon("KARIBU10").await.unwrap().unwrap().used, 2);

    // expiry, currency, minimum, switched off, unknown
    let mut old = coupon("OLD5", CouponKind::Percent(500), None, 0);
    old.expires_at = Some(Utc::now() - Duration::minutes(1));
    s.create_coupon(&old).await.unwrap();
    s.create_coupon(&coupon("KES500", CouponKind::Fixed(50_000), Some("KES"), 0)).await.unwrap();
    s.create_coupon(&coupon("BIG", CouponKind::Fixed(10_000), Some("NGN"), 1_000_000)).await.unwrap();
    for (code, why) in [
        ("OLD5", "OLD5 has expired"),
        ("KES500", "KES500 is for orders in KES"),
        ("BIG", "BIG needs an order of at least ₦10,000.00"),
        ("NOPE", "`NOPE` is not a valid code"),
        ("no!", "must be 3 to 32 letters, digits, - or _"),
    ] {
        let mut o = order_for(v, 1, None);
        o.coupon_code = Some(code.into());
        let e = s.place_order(&o).await.unwrap_err();
        assert!(matches!(&e, StoreError::Invalid(x) if x.field() == "coupon" && x.errors[0].message == why), "{code}: {e:?}");
    }
    s.set_coupon_active("kes500", false).await.unwrap();
    let mut o = order_for(v, 1, None);
    o.currency = cur("KES");
    o.coupon_code = Some("KES500".into());
    let e = s.place_order(&o).await.unwrap_err();
    assert!(e.to_string().contains("is no longer valid"), "{e}");
    assert!(matches!(s.set_coupon_active("GONE", true).await, Err(StoreError::NotFound(_))));
    assert_eq!(s.coupons().await.unwrap().len(), 4);
    assert_eq!(s.variant(v).await.unwrap().unwrap().stock_on_hand, 98, "refused orders took no stock");
}

async fn delivery_is_free_over_the_threshold(s: Arc<dyn Store>) {
    let v = stocked_variant(&s, "ship-1", 20).await;
    // 8 × ₦2,500.00 = ₦20,000.00 reaches the ₦20,000.00 threshold
    let o = s.place_order(&order_for(v, 8, None)).await.unwrap().order().clone();
    assert_eq!((o.totals.shipping, o.totals.total), (0, 2_000_000));
    assert_eq!(o.language.as_deref(), Some("fr"), "the language it was placed in is kept");
    let o = s.place_order(&NewOrder { language: None, ..order_for(v, 1, None) }).await.unwrap().order().clone();
    assert_eq!(s.order(o.id).await.unwrap().unwrap().language, None);
    // a line is named as the shopper saw it: the product's title in the order's language
    let product_id = s.variant(v).await.unwrap().unwrap().product_id;
    let french = baobab_domain::translation::ProductTranslation { title: Some("Produit traduit".into()), ..Default::default() };
    s.upsert_product_translation(product_id, "fr", &french).await.unwrap();
    let o = s.place_order(&order_for(v, 1, None)).await.unwrap().order().clone();
    assert_eq!(o.lines[0].title, "Produit traduit");
    let o = s.place_order(&NewOrder { language: Some("pt".into()), ..order_for(v, 1, None) }).await.unwrap().order().clone();
    assert_eq!(o.lines[0].title, "Product ship-1", "no Portuguese: the default title");
    let o = s.place_order(&order_for(v, 7, None)).await.unwrap().order().clone();
    assert_eq!((o.totals.shipping, o.totals.total), (150_000, 1_900_000));
    let mut neg = order_for(v, 1, None);
    neg.shipping.price_minor = -1;
    assert!(matches!(s.place_order(&neg).await, Err(StoreError::Invalid(e)) if e.field() == "shipping"));
}

async fn order_lists_take_the_same_queries_whatever_their_length(s: Arc<dyn Store>) {
    let (a, b) = (stocked_variant(&s, "list-a", 1_000).await, stocked_variant(&s, "list-b", 1_000).await);
    let few = s.create_user(&new_user("few@example.com", UserKind::Customer)).await.unwrap();
    let many = s.create_user(&new_user("many@example.com", UserKind::Customer)).await.unwrap();
    for (user, n) in [(&few, 5), (&many, 50)] {
        for i in 0..n {
            // two lines each, so the lines of one order must not stray into another
            let lines = vec![NewOrderLine { variant_id: a, quantity: 1 + i % 3 }, NewOrderLine { variant_id: b, quantity: 1 }];
            s.place_order(&NewOrder { user_id: Some(user.id), lines, ..order_for(a, 1, None) }).await.unwrap();
        }
    }
    let (page5, q5) = count_queries(s.list_orders(None, 0, 5)).await;
    let (page50, q50) = count_queries(s.list_orders(None, 0, 50)).await;
    let (mine5, u5) = count_queries(s.orders_of_user(few.id)).await;
    let (mine50, u50) = count_queries(s.orders_of_user(many.id)).await;
    eprintln!("{}: list_orders 5 → {q5} queries, 50 → {q50}; orders_of_user 5 → {u5}, 50 → {u50}", s.backend());
    let (page5, page50, mine5, mine50) = (page5.unwrap(), page50.unwrap(), mine5.unwrap(), mine50.unwrap());
    assert_eq!((page5.len(), page50.len(), mine5.len(), mine50.len()), (5, 50, 5, 50));
    assert!(q5 > 0 && u5 > 0, "the queries are seen");
    assert_eq!(q5, q50, "list_orders: as many queries for 50 orders as for 5");
    assert_eq!(u5, u50, "orders_of_user: as many queries for 50 orders as for 5");
    // the same orders, lines and all, as loading each one on its own gives, newest first
    for list in [&page5, &page50, &mine5, &mine50] {
        assert!(list.windows(2).all(|w| w[0].id > w[1].id), "newest first");
        for o in list.iter() {
            assert_eq!(o.lines.len(), 2);
            assert_eq!(Some(o), s.order(o.id).await.unwrap().as_ref());
        }
    }
    assert!(mine5.iter().all(|o| o.user_id == Some(few.id)) && mine50.iter().all(|o| o.user_id == Some(many.id)));
    assert_eq!(page5.iter().map(|o| o.id).collect::<Vec<_>>(), page50[..5].iter().map(|o| o.id).collect::<Vec<_>>());
}

async fn payments_settle_once_and_late_money_is_flagged(s: Arc<dyn Store>) {
    let v = stocked_variant(&s, "pay-1", 20).await;
    let o = s.place_order(&order_for(v, 1, None)).await.unwrap().order().clone();
    let new = |order_id: i64, reference: &str, amount: i64| NewPayment {
        order_id,
        provider: PaymentMethod::Paystack,
        reference: reference.into(),
        amount_minor: amount,
        currency: cur("NGN"),
    };
    let p = s.create_payment(&new(o.id, "ref-1", o.totals.total)).await.unwrap();
    assert_eq!(p.status, PaymentStatus::Pending);
    let p = s.set_payment_provider_ref(p.id, "acc_1", o.totals.total, Some("https://checkout.example/acc_1")).await.unwrap();
    assert_eq!(p.next_url.as_deref(), Some("https://checkout.example/acc_1"));
    assert_eq!(s.payment_by_provider_ref(PaymentMethod::Paystack, "acc_1").await.unwrap().unwrap().id, p.id);
    assert!(s.payment_by_provider_ref(PaymentMethod::Mpesa, "acc_1").await.unwrap().is_none());
    assert_eq!(s.payment_by_reference("ref-1").await.unwrap().unwrap().id, p.id);
    assert_eq!(s.pending_payments(Utc::now() + Duration::seconds(1), 10).await.unwrap().len(), 1);
    let dup = s.create_payment(&new(o.id, "ref-1", 1)).await.unwrap_err();
    assert!(matches!(dup, StoreError::Conflict { .. }), "references are unique: {dup:?}");

    let paid = Settlement::Succeeded { amount_minor: o.totals.total, currency: "NGN".into(), provider_txn: "T1".into() };
    // the webhook and a replay of it, concurrently: applied once
    let (a, b) = tokio::join!(
        s.settle_payment(p.id, Some("charge.success:T1"), &paid, "paystack"),
        s.settle_payment(p.id, Some("charge.success:T1"), &paid, "paystack")
    );
    let results = [a.unwrap(), b.unwrap()];
    assert_eq!(results.iter().filter(|r| matches!(r, Settled::Applied { .. })).count(), 1, "{results:?}");
    assert_eq!(results.iter().filter(|r| matches!(r, Settled::Replayed(_))).count(), 1, "{results:?}");
    let order = s.order(o.id).await.unwrap().unwrap();
    assert_eq!(order.status, OrderStatus::Paid);
    // our own status query after the webhook, and a late failure: nothing changes
    assert!(matches!(s.settle_payment(p.id, None, &paid, "paystack").await.unwrap(), Settled::Unchanged(_)));
    let failed = Settlement::Failed { reason: "declined".into() };
    assert!(matches!(s.settle_payment(p.id, Some("charge.failed:T1"), &failed, "paystack").await.unwrap(), Settled::Unchanged(_)));
    assert_eq!(s.payment_by_reference("ref-1").await.unwrap().unwrap().status, PaymentStatus::Succeeded);
    assert_eq!(s.order(o.id).await.unwrap().unwrap().status, OrderStatus::Paid);
    let again = s.create_payment(&new(o.id, "ref-2", 1)).await.unwrap_err();
    assert!(matches!(again, StoreError::Conflict { field: "status", .. }), "a paid order takes no new attempt");

    // a failed attempt leaves the order waiting; a second attempt succeeds
    let o2 = s.place_order(&order_for(v, 1, None)).await.unwrap().order().clone();
    let p1 = s.create_payment(&new(o2.id, "ref-3", o2.totals.total)).await.unwrap();
    let Settled::Applied { payment, order } = s.settle_payment(p1.id, Some("f-3"), &failed, "paystack").await.unwrap() else { panic!() };
    assert_eq!((payment.status, payment.detail.as_str(), order.status), (PaymentStatus::Failed, "declined", OrderStatus::PendingPayment));
    // money for a different amount is not applied
    let p2 = s.create_payment(&new(o2.id, "ref-4", o2.totals.total)).await.unwrap();
    let short = Settlement::Succeeded { amount_minor: 100, currency: "NGN".into(), provider_txn: "T4".into() };
    let Settled::Applied { payment, order } = s.settle_payment(p2.id, Some("s-4"), &short, "paystack").await.unwrap() else { panic!() };
    assert_eq!((payment.status, order.status), (PaymentStatus::NeedsReview, OrderStatus::PendingPayment));
    assert!(payment.detail.contains("paid 100 NGN"), "{}", payment.detail);

    // money after the order expired: kept for review, the order stays cancelled
    let mut late = order_for(v, 1, None);
    late.expires_at = Some(Utc::now() - Duration::seconds(1));
    let o3 = s.place_order(&late).await.unwrap().order().clone();
    let p3 = s.create_payment(&new(o3.id, "ref-5", o3.totals.total)).await.unwrap();
    s.expire_unpaid(Utc::now()).await.unwrap();
    let ok = Settlement::Succeeded { amount_minor: o3.totals.total, currency: "NGN".into(), provider_txn: "T5".into() };
    let Settled::Applied { payment, order } = s.settle_payment(p3.id, Some("s-5"), &ok, "paystack").await.unwrap() else { panic!() };
    assert_eq!((payment.status, order.status), (PaymentStatus::NeedsReview, OrderStatus::Cancelled));
    assert!(payment.detail.contains("already cancelled"), "{}", payment.detail);
    assert_eq!(
        s.payments_of_order(o2.id).await.unwrap().iter().map(|p| p.status).collect::<Vec<_>>(),
        [PaymentStatus::Failed, PaymentStatus::NeedsReview]
    );
    // the webhook and the customer's return (our own query, no event id) at the same moment
    let o4 = s.place_order(&order_for(v, 1, None)).await.unwrap().order().clone();
    let p4 = s.create_payment(&new(o4.id, "ref-8", o4.totals.total)).await.unwrap();
    let paid4 = Settlement::Succeeded { amount_minor: o4.totals.total, currency: "NGN".into(), provider_txn: "T8".into() };
    let (a, b) = tokio::join!(s.settle_payment(p4.id, Some("s-8"), &paid4, "paystack"), s.settle_payment(p4.id, None, &paid4, "paystack"));
    let both = [a.unwrap(), b.unwrap()];
    assert_eq!(both.iter().filter(|r| matches!(r, Settled::Applied { .. })).count(), 1, "{both:?}");
    assert_eq!(both.iter().filter(|r| matches!(r, Settled::Unchanged(_))).count(), 1, "{both:?}");
    assert_eq!(s.order_history(o4.id).await.unwrap().iter().filter(|h| h.to_status == "paid").count(), 1);
    // money that matches no attempt is kept, once
    assert!(s.record_unmatched("mpesa", "stk:ws_CO_1", "KES 1,500.00, receipt NLJ7RT61SV, phone 254708374149").await.unwrap());
    assert!(!s.record_unmatched("mpesa", "stk:ws_CO_1", "again").await.unwrap());
    let unmatched = s.unmatched_events(10).await.unwrap();
    assert_eq!(unmatched.len(), 1);
    assert!(unmatched[0].outcome.contains("NLJ7RT61SV"));
    let review: Vec<String> = s.payments_to_review(10).await.unwrap().into_iter().map(|p| p.reference).collect();
    assert_eq!(review, ["ref-5", "ref-4"], "newest first");
    assert!(matches!(s.create_payment(&new(999_999, "ref-6", 1)).await, Err(StoreError::NotFound(_))));
    assert!(matches!(s.create_payment(&new(o2.id, "ref-7", 0)).await, Err(StoreError::Invalid(_))));
}

fn upsert(handle: &str, category: &str, skus: &[(&str, i64, i64)]) -> baobab_domain::import::ProductUpsert {
    baobab_domain::import::ProductUpsert {
        categories: vec![new_category("Fashion", None), new_category(category, None)],
        product: NewProduct {
            title: format!("Imported {handle}"),
            slug: Some(handle.into()),
            status: Some(ProductStatus::Active),
            variants: skus
                .iter()
                .enumerate()
                .map(|(i, (sku, amount, stock))| NewVariant {
                    sku: (*sku).into(),
                    options: vec![NameValue { name: "Size".into(), value: format!("S{i}") }],
                    prices: vec![Price { currency: cur("NGN"), amount_minor: *amount, compare_at_minor: None }],
                    stock_on_hand: *stock,
                    position: i as i32,
                })
                .collect(),
            description: String::new(),
            category_id: None,
            attributes: vec![],
        },
    }
}

/// Sends the products, then `Commit` when `commit`; the import's answer.
async fn import(
    s: &Arc<dyn Store>,
    products: Vec<baobab_domain::import::ProductUpsert>,
    commit: bool,
) -> baobab_store::Result<baobab_domain::import::ImportSummary> {
    use baobab_store::imports::ImportItem;
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let feed = tokio::spawn(async move {
        for p in products {
            if tx.send(ImportItem::Product(Box::new(p))).await.is_err() {
                return;
            }
        }
        if commit {
            let _ = tx.send(ImportItem::Commit).await;
        }
    });
    let result = s.import_products(rx).await;
    feed.await.unwrap();
    result
}

async fn imports_apply_whole_files_once(s: Arc<dyn Store>) {
    let file = || {
        vec![
            upsert("wax-print", "Fabrics", &[("IMP-1", 150_000, 5), ("IMP-2", 160_000, 3)]),
            upsert("kaftan", "Clothing", &[("IMP-3", 900_000, 2)]),
        ]
    };
    let first = import(&s, file(), true).await.unwrap();
    assert_eq!((first.products_created, first.variants_created, first.categories_created), (2, 3, 3));
    let p = s.product(Key::Slug("wax-print")).await.unwrap().unwrap();
    let fabrics = s.category(Key::Slug("fabrics")).await.unwrap().unwrap();
    assert_eq!((p.category_id, fabrics.parent_id.is_some()), (Some(fabrics.id), true));
    assert_eq!(p.variants.iter().map(|v| (v.sku.as_str(), v.stock_on_hand)).collect::<Vec<_>>(), [("IMP-1", 5), ("IMP-2", 3)]);

    // The same file again changes nothing and makes nothing twice.
    let again = import(&s, file(), true).await.unwrap();
    assert_eq!(
        (again.products_created, again.products_updated, again.variants_created, again.variants_updated, again.categories_created),
        (0, 2, 0, 3, 0)
    );
    let same = s.product(Key::Slug("wax-print")).await.unwrap().unwrap();
    assert_eq!(Product { updated_at: p.updated_at, ..same }, p, "only the update time moves");

    // A new handle for known SKUs updates their product (matched by SKU); prices and stock follow the file.
    let renamed = import(&s, vec![upsert("wax-print-2", "Fabrics", &[("IMP-1", 155_000, 9)])], true).await.unwrap();
    assert_eq!((renamed.products_created, renamed.products_updated), (0, 1));
    let v = s.product(Key::Slug("wax-print")).await.unwrap().unwrap().variants.into_iter().find(|v| v.sku == "IMP-1").unwrap();
    assert_eq!((v.stock_on_hand, v.prices[0].amount_minor), (9, 155_000));

    // A file cut short keeps nothing; a refused product keeps nothing of the file and is named.
    let before = s.products(&ProductQuery { status: StatusFilter::Any, ..query("NGN") }).await.unwrap().total;
    assert!(import(&s, vec![upsert("cut-short", "Fabrics", &[("IMP-9", 1_000, 1)])], false).await.is_err());
    let err = import(
        &s,
        vec![upsert("fine", "Fabrics", &[("IMP-8", 1_000, 1)]), upsert("thief", "Fabrics", &[("IMP-3", 1_000, 1), ("IMP-1", 1_000, 1)])],
        true,
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("thief") && err.to_string().contains("IMP-1"), "{err}");
    let bad = import(&s, vec![upsert("negative", "Fabrics", &[("IMP-7", -5, 1)])], true).await.unwrap_err();
    assert!(matches!(bad, StoreError::Invalid(_)) && bad.to_string().contains("negative"), "{bad}");
    let after = s.products(&ProductQuery { status: StatusFilter::Any, ..query("NGN") }).await.unwrap().total;
    assert_eq!(before, after, "nothing of a refused or unfinished file is kept");
    assert!(s.product(Key::Slug("fine")).await.unwrap().is_none());
}
