//! Bad input never panics: the reference inputs (budget source, table CSV, published text)
//! mangled at random — characters inserted, deleted, replaced, lines cut — go through reading,
//! deriving, checking and rendering (every table and document format) without a panic.

use proptest::prelude::*;
use yusuan_check::engine::Cx;
use yusuan_formats::{diag_json, diag_text, source, tables};
use yusuan_import::narrative as text;

const SOURCE: &str = include_str!("../../../examples/changji-sme-center-2025.toml");
const CSV: &str = include_str!("../../../tests/golden/changji-2025-tables.csv");
const TEXT: &str = include_str!("../../../examples/changji-sme-center-2025-budget.published.txt");
/// Another region's `pdftotext -layout` text, read by meaning.
const OTHER: &str = include_str!(
    "../../yusuan-import/tests/corpus/other/shandong_yantai_shenjiju_2026_dept_budget.txt"
);

/// Characters that tend to matter: digits, separators, CJK, brackets, quotes, newlines.
const ALPHABET: &[char] = &[
    '0', '1', '5', '9', '.', ',', '-', '"', '=', '[', ']', '{', '}', '\n', ' ', '、', '。', '，',
    '（', '）', '万', '元', '%', '年', '增', '减', '占', '第', '一', '三', '部', '分', '其', '中',
    '：', '\u{c}', '#', 'x',
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, char),
    Delete(usize, usize),
    Replace(usize, char),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        prop_oneof![
            (any::<usize>(), prop::sample::select(ALPHABET)).prop_map(|(i, c)| Edit::Insert(i, c)),
            (any::<usize>(), 1usize..40).prop_map(|(i, n)| Edit::Delete(i, n)),
            (any::<usize>(), prop::sample::select(ALPHABET)).prop_map(|(i, c)| Edit::Replace(i, c)),
        ],
        1..12,
    )
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        if chars.is_empty() {
            break;
        }
        match *e {
            Edit::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
            Edit::Delete(i, n) => {
                let at = i % chars.len();
                let end = (at + n).min(chars.len());
                chars.drain(at..end);
            }
            Edit::Replace(i, c) => {
                let at = i % chars.len();
                chars[at] = c;
            }
        }
    }
    chars.into_iter().collect()
}

thread_local! {
    /// The system's CJK fonts, read once per test thread, and a count of cases seen.
    static PDF: (Option<yusuan_formats::pdf::Fonts>, std::cell::Cell<u32>) =
        (yusuan_formats::pdf::Fonts::locate(None, None).ok(), std::cell::Cell::new(0));
}

fn run_all(cx: &Cx<'_>, name: &str, text: &str) {
    let findings = yusuan_check::check(cx);
    for d in &findings {
        let _ = diag_text::render(d, name, text);
    }
    let pairs: Vec<(&str, &yusuan_core::diag::Diagnostic)> =
        findings.iter().map(|d| (name, d)).collect();
    let _ = diag_json::render(&pairs);
    let _ = tables::text::render(cx.disclosure);
    let _ = tables::markdown::render(cx.disclosure);
    let _ = tables::csv::render(cx.disclosure);
    let _ = tables::json::render(cx.disclosure);
    let _ = yusuan_check::obligations::evaluate(cx, &findings);
    // Every publishing format renders whatever was read.
    let _ = yusuan_formats::document::text(cx.disclosure);
    let _ = yusuan_formats::document::markdown(cx.disclosure);
    let _ = yusuan_formats::html::render(cx.disclosure);
    assert!(yusuan_formats::xlsx::render(cx.disclosure).is_ok());
    assert!(yusuan_formats::docx::render(cx.disclosure).is_ok());
    // PDF, on one case in eight (it sets every glyph), where the machine has a CJK font.
    PDF.with(|(fonts, n)| {
        n.set(n.get() + 1);
        if let Some(fonts) = fonts
            && n.get() % 8 == 1
        {
            assert!(yusuan_formats::pdf::render(cx.disclosure, fonts).is_ok());
        }
    });
    let mut noted = cx.disclosure.clone();
    let _ = yusuan_check::add_rounding_notes(&mut noted);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn mangled_sources_never_panic(e in edits()) {
        let t = apply(SOURCE, &e);
        let parsed = source::parse(&t);
        for d in &parsed.diagnostics {
            let _ = diag_text::render(d, "budget.toml", &t);
        }
        if let Some(b) = parsed.budget {
            let d = yusuan_core::derive(&b);
            run_all(&Cx { disclosure: &d, budget: Some(&b), previous: None }, "budget.toml", &t);
        }
    }

    #[test]
    fn mangled_csv_never_panics(e in edits()) {
        let t = apply(CSV, &e);
        let (d, diags) = tables::csv::read(&t);
        for x in &diags {
            let _ = diag_text::render(x, "tables.csv", &t);
        }
        run_all(&Cx { disclosure: &d, budget: None, previous: None }, "tables.csv", &t);
    }

    #[test]
    fn mangled_text_never_panics(e in edits()) {
        let t = apply(TEXT, &e);
        let (d, _) = text::read_document(&t);
        run_all(&Cx { disclosure: &d, budget: None, previous: None }, "published.txt", &t);
        let (d, diags) = yusuan_import::import_text(&t);
        for x in &diags {
            let _ = diag_text::render(x, "published.txt", &t);
        }
        run_all(&Cx { disclosure: &d, budget: None, previous: None }, "published.txt", &t);
    }

    #[test]
    fn mangled_other_regions_text_never_panics(e in edits()) {
        // Read by meaning (any region's reader), checked by the rules by kind and key.
        let t = apply(OTHER, &e);
        let (d, diags) = yusuan_import::import_text(&t);
        for x in &diags {
            let _ = diag_text::render(x, "other.txt", &t);
        }
        run_all(&Cx { disclosure: &d, budget: None, previous: None }, "other.txt", &t);
    }

    #[test]
    fn mangled_workbooks_never_panic(flips in prop::collection::vec((any::<usize>(), any::<u8>()), 1..20)) {
        let b = source::parse(SOURCE).budget.expect("reference parses");
        let mut bytes = yusuan_formats::xlsx::render(&yusuan_core::derive(&b)).expect("renders");
        for (i, v) in flips {
            let n = bytes.len();
            bytes[i % n] = v;
        }
        let (d, diags) = yusuan_formats::xlsx_read::read(&bytes);
        for x in &diags {
            let _ = diag_text::render(x, "tables.xlsx", "");
        }
        run_all(&Cx { disclosure: &d, budget: None, previous: None }, "tables.xlsx", "");
    }

    #[test]
    fn arbitrary_strings_never_panic(s in ".{0,400}") {
        let _ = source::parse(&s);
        let (d, _) = tables::csv::read(&s);
        run_all(&Cx { disclosure: &d, budget: None, previous: None }, "x.csv", &s);
        let (d, _) = text::read_document(&s);
        run_all(&Cx { disclosure: &d, budget: None, previous: None }, "x.txt", &s);
        let (d, _) = yusuan_import::import_text(&s);
        run_all(&Cx { disclosure: &d, budget: None, previous: None }, "x.txt", &s);
    }
}
