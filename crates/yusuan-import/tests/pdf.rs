//! PDF read natively: the reference example's PDF reads back to exactly the golden tables; real
//! published PDFs give every figure poppler gives; what cannot be read — not a PDF, damaged,
//! encrypted, scanned, glyphs without Unicode — is said, with the pages, and never panics.

use lopdf::content::{Content, Operation};
use lopdf::{
    Document, EncryptionState, EncryptionVersion, Object, Permissions, Stream, dictionary,
};
use std::collections::BTreeMap;
use yusuan_core::diag::Severity;
use yusuan_import::pdf::{self, codes};

const RENDERED: &[u8] = include_bytes!("data/changji-2025-rendered.pdf");
const GOLDEN: &str = include_str!("../../../tests/golden/changji-2025-tables.csv");

#[test]
fn the_rendered_reference_reads_back_to_the_golden_tables() {
    let (d, diags, text) = yusuan_import::import_pdf(RENDERED);
    assert!(
        !diags.iter().any(|d| d.severity == Severity::Error),
        "{diags:#?}"
    );
    assert_eq!(yusuan_formats::tables::csv::render(&d), GOLDEN);
    // Pages are told apart (form feeds), and every table and sentence found its page.
    assert_eq!(text.matches('\u{c}').count() + 1, 25);
    for t in &d.tables {
        assert!(
            matches!(t.source, yusuan_core::source::SourceRef::Line { page: Some(p), .. } if p >= 4),
            "表{}: {:?}",
            t.number,
            t.source
        );
    }
    // The document's real errors are found in the PDF as in the text (domain.md).
    let cx = yusuan_check::engine::Cx {
        disclosure: &d,
        budget: None,
        previous: None,
    };
    let mut errors: Vec<&str> = yusuan_check::check(&cx)
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.code)
        .collect();
    errors.sort_unstable();
    assert_eq!(
        errors,
        ["D002", "D002", "D002", "D003", "G002", "G002", "P001"]
    );
}

/// Figures as printed (`31,214,205.80`, `2025`), counted.
fn figures(text: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit() || chars[i] == ',' || chars[i] == '.')
            {
                i += 1;
            }
            let f: String = chars[start..i]
                .iter()
                .collect::<String>()
                .trim_end_matches(['.', ','])
                .to_string();
            if f.len() >= 4 || f.contains('.') {
                *out.entry(f).or_insert(0) += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn real_published_pdfs_give_every_figure_poppler_gives() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut seen = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "pdf") {
            continue;
        }
        seen += 1;
        let bytes = std::fs::read(&path).unwrap();
        let (text, diags) = pdf::text(&bytes);
        assert!(diags.is_empty(), "{}: {diags:#?}", path.display());
        let layout = std::fs::read_to_string(path.with_extension("txt")).unwrap();
        // Same pages (poppler ends every page with a form feed; we separate them).
        assert_eq!(
            text.matches('\u{c}').count() + 1,
            layout.matches('\u{c}').count(),
            "{}",
            path.display()
        );
        // Every figure poppler extracts is in the native text, as often — except that text a
        // person does not see (clipped by its cell or page, covered by an image) is not read
        // natively: poppler reads a paragraph laid out twice over a page break twice, we once.
        let (native, poppler) = (figures(&text), figures(&layout));
        let (pages, _) = pdf::pages(&bytes);
        let unseen = pages.iter().any(|p| {
            p.view.hidden.iter().any(|h| {
                matches!(
                    h.why,
                    yusuan_core::disclosure::Hidden::Clipped
                        | yusuan_core::disclosure::Hidden::Covered
                )
            })
        });
        for (f, n) in &poppler {
            let n = if unseen { &1 } else { n };
            assert!(
                native.get(f).copied().unwrap_or(0) >= *n,
                "{}: {f} ×{n} in poppler's text, ×{} in ours",
                path.display(),
                native.get(f).copied().unwrap_or(0)
            );
        }
        // And the native lines are lines of the document (a table row whose cells wrap reads as
        // one line here, as several in poppler's layout: those differ — up to a tenth and more of a
        // document whose tables wrap much).
        let all = squash(&layout);
        let lines: Vec<String> = text.lines().map(squash).filter(|l| !l.is_empty()).collect();
        let found = lines.iter().filter(|l| all.contains(l.as_str())).count();
        assert!(
            found * 100 >= lines.len() * 85,
            "{}: {found} of {} lines",
            path.display(),
            lines.len()
        );
    }
    assert_eq!(seen, 9);
}

/// A one-page PDF with `ops` drawn, the given fonts and XObjects.
fn one_page(
    ops: Vec<Operation>,
    fonts: lopdf::Dictionary,
    xobjects: lopdf::Dictionary,
) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let fonts: lopdf::Dictionary = fonts
        .into_iter()
        .map(|(k, v)| (k, Object::Reference(doc.add_object(v))))
        .collect();
    let xobjects: lopdf::Dictionary = xobjects
        .into_iter()
        .map(|(k, v)| (k, Object::Reference(doc.add_object(v))))
        .collect();
    let resources = doc.add_object(dictionary! { "Font" => fonts, "XObject" => xobjects });
    let content = doc.add_object(Stream::new(
        dictionary! {},
        Content { operations: ops }.encode().unwrap(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content, "Resources" => resources,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn text_ops(font: &str, s: Object) -> Vec<Operation> {
    vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec![font.into(), 12.into()]),
        Operation::new("Td", vec![72.into(), 700.into()]),
        Operation::new("Tj", vec![s]),
        Operation::new("ET", vec![]),
    ]
}

fn helvetica() -> lopdf::Dictionary {
    dictionary! { "F1" => dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" } }
}

#[test]
fn a_simple_latin_pdf_reads() {
    let bytes = save(one_page(
        text_ops("F1", Object::string_literal("Total 480.74")),
        helvetica(),
        dictionary! {},
    ));
    let (text, diags) = pdf::text(&bytes);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(text, "Total 480.74");
}

#[test]
fn a_page_turned_by_its_rotate_reads_as_it_is_shown() {
    // Text drawn upward on a page shown turned a quarter clockwise (/Rotate 90) reads left to
    // right, lines top to bottom, as a reader of the shown page sees it.
    let line = |x: i64, s: &str| {
        vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new(
                "Tm",
                vec![
                    0.into(),
                    1.into(),
                    (-1).into(),
                    0.into(),
                    x.into(),
                    100.into(),
                ],
            ),
            Operation::new("Tj", vec![Object::string_literal(s)]),
            Operation::new("ET", vec![]),
        ]
    };
    let mut ops = line(100, "Total 480.74");
    ops.extend(line(120, "Second line"));
    let mut doc = one_page(ops, helvetica(), dictionary! {});
    let page = doc.get_pages().into_values().next().unwrap();
    doc.get_object_mut(page)
        .and_then(Object::as_dict_mut)
        .unwrap()
        .set("Rotate", 90);
    let (text, diags) = pdf::text(&save(doc));
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(text, "Total 480.74\nSecond line");
}

#[test]
fn not_a_pdf_and_a_damaged_one_are_refused_in_chinese() {
    let (_, d) = pdf::text(b"PK\x03\x04 a zip, not a pdf");
    assert_eq!(d[0].code, codes::UNREADABLE);
    assert!(d[0].message.contains("不是 PDF 文件"), "{}", d[0].message);
    // Cut short: read as far as it goes, or refused — never a panic, never silently nothing.
    let (text, d) = pdf::text(&RENDERED[..RENDERED.len() / 3]);
    assert!(!text.trim().is_empty() || !d.is_empty());
}

#[test]
fn an_encrypted_pdf_asks_for_its_password() {
    let doc = one_page(
        text_ops("F1", Object::string_literal("secret figures")),
        helvetica(),
        dictionary! {},
    );
    let mut doc = doc;
    doc.trailer.set(
        "ID",
        vec![
            Object::String(b"yusuan-test-id-1".to_vec(), lopdf::StringFormat::Literal),
            Object::String(b"yusuan-test-id-1".to_vec(), lopdf::StringFormat::Literal),
        ],
    );
    let state = EncryptionState::try_from(EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "user",
        key_length: 128,
        permissions: Permissions::all(),
    })
    .unwrap();
    let mut doc = doc;
    doc.encrypt(&state).unwrap();
    let (text, d) = pdf::text(&save(doc));
    assert!(text.is_empty());
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].code, codes::ENCRYPTED);
    assert!(d[0].message.contains("已加密"), "{}", d[0].message);
}

#[test]
fn a_scanned_page_is_named() {
    let image = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![0x80],
    );
    let ops = vec![
        Operation::new("q", vec![]),
        Operation::new(
            "cm",
            vec![
                500.into(),
                0.into(),
                0.into(),
                700.into(),
                40.into(),
                60.into(),
            ],
        ),
        Operation::new("Do", vec!["Im1".into()]),
        Operation::new("Q", vec![]),
    ];
    let bytes = save(one_page(
        ops,
        dictionary! {},
        dictionary! { "Im1" => image },
    ));
    let (_, d) = pdf::text(&bytes);
    assert_eq!(d[0].code, codes::NO_TEXT);
    assert_eq!(d[0].severity, Severity::Error);
    assert!(d[0].message.contains("扫描件"), "{}", d[0].message);
    let (disclosure, d, _) = yusuan_import::import_pdf(&bytes);
    assert!(disclosure.tables.is_empty());
    assert_eq!(d[0].code, codes::NO_TEXT);
}

#[test]
fn glyphs_without_unicode_are_counted_by_page() {
    // A composite font with Identity-H and no ToUnicode: its codes are glyph ids, not text.
    let font = dictionary! {
        "F1" => dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "SimSun",
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Dictionary(dictionary! {
                "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "SimSun",
                "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
                "DW" => 1000,
            })],
        }
    };
    let s = Object::String(
        vec![0x12, 0x34, 0x0a, 0xbc],
        lopdf::StringFormat::Hexadecimal,
    );
    let (text, d) = pdf::text(&save(one_page(text_ops("F1", s), font, dictionary! {})));
    assert_eq!(text, "\u{fffd}\u{fffd}");
    assert_eq!(d[0].code, codes::NO_UNICODE);
    assert!(
        d[0].message.contains("第 1 页有 2 个字形"),
        "{}",
        d[0].message
    );
}

#[test]
fn a_type3_font_without_unicode_is_no_text() {
    // Type3 glyphs are drawn by the font's own procedures: their codes are no letters. Without
    // a ToUnicode map they are counted as glyphs without Unicode, not read as Latin text.
    let font = dictionary! {
        "F1" => dictionary! {
            "Type" => "Font", "Subtype" => "Type3",
            "FontBBox" => vec![0.into(), 0.into(), 1000.into(), 1000.into()],
            "FontMatrix" => vec![0.001.into(), 0.into(), 0.into(), 0.001.into(), 0.into(), 0.into()],
            "CharProcs" => dictionary! {},
            "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => vec![65.into(), "g1".into()] },
            "FirstChar" => 65, "LastChar" => 65, "Widths" => vec![1000.into()],
        }
    };
    let (text, d) = pdf::text(&save(one_page(
        text_ops("F1", Object::string_literal("AAA")),
        font,
        dictionary! {},
    )));
    assert_eq!(text, "\u{fffd}\u{fffd}\u{fffd}");
    assert_eq!(d[0].code, codes::NO_UNICODE);
    assert!(
        d[0].message.contains("第 1 页有 3 个字形"),
        "{}",
        d[0].message
    );
}

mod mangled {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Bytes flipped anywhere in a real PDF: read as far as it goes, or refused — never a
        /// panic, never an error-free empty result.
        #[test]
        fn mangled_pdfs_never_panic(flips in prop::collection::vec((any::<usize>(), any::<u8>()), 1..12)) {
            let mut bytes = RENDERED.to_vec();
            for (i, v) in flips {
                let n = bytes.len();
                bytes[i % n] = v;
            }
            let (text, diags) = pdf::text(&bytes);
            prop_assert!(!text.trim().is_empty() || !diags.is_empty());
            let _ = yusuan_import::import_pdf(&bytes);
        }

        /// The same for a real Shanghai PDF, read by meaning and bound to its template.
        #[test]
        fn mangled_shanghai_pdfs_never_panic(flips in prop::collection::vec((any::<usize>(), any::<u8>()), 1..12)) {
            let mut bytes = std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/corpus/shanghai_putuo_shehuifuliyuan_2024_unit_budget.pdf"
            ))
            .unwrap();
            for (i, v) in flips {
                let n = bytes.len();
                bytes[i % n] = v;
            }
            let (d, diags, text) = yusuan_import::import_pdf(&bytes);
            prop_assert!(!text.trim().is_empty() || !diags.is_empty());
            let _ = yusuan_check::check(&yusuan_check::engine::Cx { disclosure: &d, budget: None, previous: None });
        }
    }
}

/// Two files read as one (Beijing's narrative and tables): the second file's pages are numbered
/// on from the first's everywhere, in what the page checks see too.
#[test]
fn files_read_as_one_number_their_pages_on() {
    let part = |n: u8| {
        std::fs::read(format!(
            "{}/tests/corpus/other/beijing_beijing_minzhengju_2026_dept_budget_part{n}.pdf",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let (a, b) = (part(1), part(2));
    let (d, _, _, starts) = yusuan_import::import_pdfs(&[&a, &b]);
    assert_eq!(starts, [1, 10]);
    let numbers: Vec<u32> = d.pages.iter().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=75).collect::<Vec<u32>>());
    // Text drawn off part 2's page 26 is on the joined page 35.
    let v002: Vec<String> = yusuan_check::check(&yusuan_check::engine::Cx {
        disclosure: &d,
        budget: None,
        previous: None,
    })
    .into_iter()
    .filter(|f| f.code == "V002")
    .map(|f| f.message)
    .collect();
    assert!(v002.iter().any(|m| m.starts_with("第 35、")), "{v002:?}");
}
