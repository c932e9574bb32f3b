//! The DOCX document read back with docx-rs's reader: every heading a real heading style,
//! every table a real table, every sentence and figure there as text.

mod common;
use common::{reference, sentences};

use yusuan_formats::docx;

/// The document's texts, in order, from the parsed DOCX.
fn texts(json: &serde_json::Value, out: &mut Vec<String>) {
    match json {
        serde_json::Value::Object(m) => {
            if let (Some(serde_json::Value::String(t)), Some(serde_json::Value::Bool(_))) =
                (m.get("text"), m.get("preserveSpace"))
            {
                out.push(t.clone());
            }
            m.values().for_each(|v| texts(v, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| texts(v, out)),
        _ => {}
    }
}

#[test]
fn the_document_reads_back_with_headings_tables_and_every_sentence() {
    let d = reference();
    let bytes = docx::render(&d).expect("renders");
    let parsed = docx_rs::read_docx(&bytes).expect("a valid DOCX");
    let json: serde_json::Value = serde_json::from_str(&parsed.json()).expect("json");
    let mut all = Vec::new();
    texts(&json, &mut all);
    let joined: String = all.concat();
    let doc = json.to_string();
    // Real heading styles and real tables: 11 tables and 3 performance tables.
    for style in ["\"Heading1\"", "\"Heading2\"", "\"Heading3\""] {
        assert!(doc.contains(style), "{style} used");
    }
    assert_eq!(doc.matches("\"type\":\"table\"").count(), 14);
    // Every narrative sentence and every table title, and a figure in its cell.
    let want = sentences(&d);
    assert!(want.len() > 40);
    for s in &want {
        assert!(joined.contains(s.as_str()), "sentence missing: {s}");
    }
    for t in &d.tables {
        assert!(all.contains(&format!("表{} {}", t.number, t.title)));
    }
    assert!(all.contains(&"411.78".to_string()) && all.contains(&"480.74".to_string()));
    assert!(joined.contains("第四部分 名词解释"));
}

#[test]
fn table_headers_repeat_on_every_page() {
    let d = reference();
    let bytes = docx::render(&d).expect("renders");
    let count = |needle: &str| {
        bytes
            .windows(needle.len())
            .filter(|w| *w == needle.as_bytes())
            .count()
    };
    // Every header row of the eleven tables, and no other row, repeats.
    let header_rows: usize = d
        .tables
        .iter()
        .map(|t| yusuan_formats::tables::layout::layout(t).header_rows)
        .sum();
    assert_eq!(count("<w:tblHeader />"), header_rows);
    assert_eq!(count("<w:cantSplit />"), header_rows);
}

#[test]
fn same_document_same_bytes() {
    let d = reference();
    assert!(
        docx::render(&d).unwrap() == docx::render(&d).unwrap(),
        "bytes differ"
    );
}

#[test]
fn control_characters_never_make_an_unreadable_file() {
    let mut d = reference();
    d.department = "某\u{1}单位\u{b}<&>".into();
    d.narrative.sections[0].sentences[0].text = "含\u{0}控制\u{1f}字符。".into();
    let bytes = docx::render(&d).expect("renders");
    assert!(docx_rs::read_docx(&bytes).is_ok(), "a DOCX Word can open");
    // docx-rs stores its parts uncompressed, so the XML text is in the bytes as written: the
    // control character became U+FFFD.
    let has = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(has("含\u{fffd}控制\u{fffd}字符"));
    assert!(!has("含\u{0}控制"));
    let x = yusuan_formats::xlsx::render(&d).expect("renders");
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(x)).expect("an XLSX Excel can open");
    use calamine::Reader;
    assert!(wb.worksheet_range("表1").is_ok());
}
