//! The translation CSV: reading Shopify's columns (what is kept, skipped and refused, each
//! problem located by row and column) and writing them back.

use std::collections::BTreeMap;

use baobab_domain::catalog::{Category, NameValue, Product, ProductStatus};
use baobab_domain::translation::{AttributeTranslation, CategoryTranslation, ProductTranslation};
use baobab_import::{Problem, TranslatedField, TranslatedKind, TranslationReader, TranslationRow, TranslationWriter};

fn read(input: &[u8]) -> (Vec<TranslationRow>, Vec<Problem>, Vec<String>) {
    let mut reader = TranslationReader::new(input);
    let (mut rows, mut problems) = (Vec::new(), Vec::new());
    for item in reader.by_ref() {
        match item {
            Ok(r) => rows.push(r),
            Err(p) => problems.push(p),
        }
    }
    (rows, problems, reader.notes().iter().map(|n| n.to_string()).collect())
}

const HEADER: &str = "Type,Identification,Field,Locale,Market,Status,Default content,Translated content\n";

#[test]
fn shopify_rows_are_read_and_others_skipped_with_a_note() {
    let file = format!(
        "\u{feff}{HEADER}\
PRODUCT,'8079393226938,title,pt-BR,,,Kaftan,Cafetã\n\
PRODUCT,kaftan,body_html,fr,,outdated,<p>Linen.</p>,<p>En lin &amp; coton.</p><p>Fait main.</p>\n\
PRODUCT,kaftan,handle,fr,,,kaftan,caftan-en-lin\n\
PRODUCT,kaftan,meta_title,fr,,,Kaftan,Caftan\n\
PRODUCT,kaftan,attribute.Size (EU).name,fr,,,Size (EU),Taille (UE)\n\
PRODUCT,kaftan,attribute.Size (EU).value,fr,,,M,M\n\
COLLECTION,clothing,title,FR,,,Clothing,Vêtements\n\
PRODUCT,kaftan,title,fr,SN,,Kaftan,Caftan\n\
PRODUCT,kaftan,title,fr,,,Kaftan,\n\
ONLINE_STORE_THEME,12,general.cart,fr,,,Cart,Panier\n\
ONLINE_STORE_THEME,12,general.checkout,fr,,,Checkout,Paiement\n\
,,,,,,,\n"
    );
    let (rows, problems, notes) = read(file.as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    let got: Vec<(u64, TranslatedKind, &str, TranslatedField, &str, &str)> =
        rows.iter().map(|r| (r.row, r.kind, r.identification.as_str(), r.field.clone(), r.lang.as_str(), r.content.as_str())).collect();
    assert_eq!(
        got,
        [
            (2, TranslatedKind::Product, "8079393226938", TranslatedField::Title, "pt-br", "Cafetã"),
            (3, TranslatedKind::Product, "kaftan", TranslatedField::Description, "fr", "En lin & coton.\n\nFait main."),
            (4, TranslatedKind::Product, "kaftan", TranslatedField::Slug, "fr", "caftan-en-lin"),
            (6, TranslatedKind::Product, "kaftan", TranslatedField::AttributeName("Size (EU)".into()), "fr", "Taille (UE)"),
            (7, TranslatedKind::Product, "kaftan", TranslatedField::AttributeValue("Size (EU)".into()), "fr", "M"),
            (8, TranslatedKind::Category, "clothing", TranslatedField::Title, "fr", "Vêtements"),
        ]
    );
    assert_eq!(
        notes,
        [
            "row 5: 1 row(s) skipped: Field meta_title is not translated in Baobab",
            "row 11: 2 row(s) skipped: Type ONLINE_STORE_THEME is not imported (only PRODUCT and COLLECTION are)",
            "row 9: 1 row(s) skipped: translations for one market (the Market column) are not imported: Baobab translates per language",
        ]
    );
}

#[test]
fn bad_rows_are_located_and_the_rest_still_read() {
    let file = format!(
        "{HEADER}\
PRODUCT,kaftan,title,fr,,,,Caftan\n\
,kaftan,title,fr,,,,Caftan\n\
PRODUCT,,title,fr,,,,Caftan\n\
PRODUCT,kaftan,title,,,,,Caftan\n\
PRODUCT,kaftan,title,fr_FR,,,,Caftan\n\
PRODUCT,kaftan,subtitle,fr,,,,Caftan\n\
PRODUCT,kaftan,attribute.Size,fr,,,,Taille\n\
COLLECTION,clothing,attribute.Size.name,fr,,,,Taille\n\
PRODUCT,kaftan,handle,fr,,,,Caftan-Lin\n\
PRODUCT,kaftan,handle,fr,,,,caftan\n\
PRODUCT,boubou,handle,fr,,,,caftan\n\
PRODUCT,kaftan,title,fr,,,,Boubou\n\
COLLECTION,caftans,handle,fr,,,,caftan\n"
    );
    let (rows, problems, _) = read(file.as_bytes());
    let located: Vec<(u64, Option<&str>)> = problems.iter().map(|p| (p.row, p.column.as_deref())).collect();
    assert_eq!(
        located,
        [
            (3, Some("Type")),
            (4, Some("Identification")),
            (5, Some("Locale")),
            (6, Some("Locale")),
            (7, Some("Field")),
            (8, Some("Field")),
            (9, Some("Field")),
            (10, Some("Translated content")),
            (12, Some("Translated content")),
            (13, Some("Field")),
        ],
        "{problems:#?}"
    );
    assert!(problems[8].message.contains("`caftan` is also given to product `kaftan` in fr on row 11"), "{}", problems[8]);
    assert!(problems[9].message.contains("given twice (first on row 2)"), "{}", problems[9]);
    // a category may share a product's handle: they live under different paths
    assert_eq!(rows.iter().map(|r| r.row).collect::<Vec<_>>(), [2, 11, 14]);
}

#[test]
fn unreadable_files_end_with_one_problem() {
    let cases: [(&[u8], &str); 5] = [
        (b"", "row 1: the file is empty"),
        (b"\xef\xbb\xbf", "row 1: the file is empty"),
        (b"\xff\xfeT\0y\0", "row 1: the file is UTF-16"),
        (b"Type,Identification,Field,Locale\n", "row 1: the header row lacks the column(s) \"Translated content\""),
        (
            b"Type,Identification,Field,Locale,Translated content\nPRODUCT,kaftan,title,fr,Caf\xe9tan\n",
            "row 2, column \"Translated content\": byte 0xE9 (character 4 of the cell) is not UTF-8",
        ),
    ];
    for (input, expected) in cases {
        let (rows, problems, _) = read(input);
        assert!(rows.is_empty());
        assert_eq!(problems.len(), 1, "{expected}: {problems:?}");
        assert!(problems[0].to_string().starts_with(expected), "{}", problems[0]);
    }
    // only the header: nothing to import, nothing wrong
    let (rows, problems, _) = read(HEADER.as_bytes());
    assert!(rows.is_empty() && problems.is_empty());
    // semicolons, as a French spreadsheet saves CSV
    let (rows, problems, _) = read("Type;Identification;Field;Locale;Translated content\nPRODUCT;kaftan;title;fr;Caftan\n".as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(rows[0].content, "Caftan");
}

fn product() -> Product {
    let now = chrono::Utc::now();
    Product {
        id: 7,
        category_id: None,
        slug: "kaftan".into(),
        title: "Kaftan".into(),
        description: "Linen & cotton.\n\nHand made.".into(),
        attributes: vec![NameValue { name: "Size".into(), value: "M".into() }, NameValue { name: "Origin".into(), value: "Mali".into() }],
        status: ProductStatus::Active,
        variants: vec![],
        images: vec![],
        created_at: now,
        updated_at: now,
    }
}

#[test]
fn written_translations_read_back_the_same() {
    let fr = ProductTranslation {
        title: Some("=Caftan".into()),
        description: Some("Lin & coton.\n\nFait main.".into()),
        slug: Some("caftan".into()),
        attributes: BTreeMap::from([("Size".into(), AttributeTranslation { name: Some("Taille".into()), value: None })]),
    };
    let now = chrono::Utc::now();
    let cat = Category {
        id: 3,
        parent_id: None,
        slug: "clothing".into(),
        name: "Clothing".into(),
        description: String::new(),
        position: 0,
        archived: false,
        created_at: now,
        updated_at: now,
    };
    let mut w = TranslationWriter::new(Vec::new()).unwrap();
    w.write_category(&cat, "fr", Some(&CategoryTranslation { name: Some("Vêtements".into()), ..Default::default() })).unwrap();
    w.write_product(&product(), "fr", Some(&fr)).unwrap();
    w.write_product(&product(), "sw", None).unwrap();
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    assert!(out.starts_with(HEADER), "{out}");
    assert!(out.contains("COLLECTION,clothing,title,fr,,,Clothing,Vêtements\n"), "{out}");
    assert!(!out.contains("COLLECTION,clothing,body_html"), "no description to translate: {out}");
    assert!(out.contains("PRODUCT,kaftan,title,fr,,,Kaftan,'=Caftan\n"), "a formula is escaped: {out}");
    assert!(
        out.contains("PRODUCT,kaftan,body_html,fr,,,Linen &amp; cotton.<br><br>Hand made.,Lin &amp; coton.<br><br>Fait main.\n"),
        "{out}"
    );
    assert!(out.contains("PRODUCT,kaftan,attribute.Origin.value,fr,,,Mali,\n"), "untranslated fields are rows to fill in: {out}");
    assert!(out.contains("PRODUCT,kaftan,title,sw,,,Kaftan,\n"), "{out}");

    let (rows, problems, _) = read(out.as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    let mut back = ProductTranslation::default();
    for r in rows.iter().filter(|r| r.kind == TranslatedKind::Product && r.lang == "fr") {
        match &r.field {
            TranslatedField::Title => back.title = Some(r.content.clone()),
            TranslatedField::Description => back.description = Some(r.content.clone()),
            TranslatedField::Slug => back.slug = Some(r.content.clone()),
            TranslatedField::AttributeName(n) => back.attributes.entry(n.clone()).or_default().name = Some(r.content.clone()),
            TranslatedField::AttributeValue(n) => back.attributes.entry(n.clone()).or_default().value = Some(r.content.clone()),
        }
    }
    assert_eq!(back, fr);
    assert!(rows.iter().all(|r| r.lang != "sw"), "empty rows are skipped");
}
