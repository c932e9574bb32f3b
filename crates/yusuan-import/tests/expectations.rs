//! The regression corpus: each `.expect` file in `tests/corpus` and `tests/data` says, for the
//! document beside it, which template, department and year must be read, each table's row
//! count and printed total, exactly which findings `check` must report (rule and page), and
//! which warnings reading it must give (`read`) — each verified by reading the document (the
//! comments in the files say where). A finding not listed fails, so a parsing artefact cannot
//! pass for a defect of the document. A document present as PDF and as text (`pdftotext
//! -layout`) is read from both, and both must give the same tables, cell by cell.

use std::collections::BTreeMap;
use std::path::Path;
use yusuan_core::diag::{Diagnostic, Severity};
use yusuan_core::disclosure::Disclosure;
use yusuan_core::source::SourceRef;

struct Expect {
    template: String,
    department: String,
    year: i32,
    tables: BTreeMap<u8, (usize, Option<String>)>,
    findings: Vec<(String, u32)>,
    /// Findings only the PDF shows (its pages: V rules): `pdf finding V002 page 7`.
    pdf_findings: Vec<(String, u32)>,
    reads: Vec<(String, u32)>,
}

fn parse(text: &str) -> Expect {
    let mut e = Expect {
        template: String::new(),
        department: String::new(),
        year: 0,
        tables: BTreeMap::new(),
        findings: Vec::new(),
        pdf_findings: Vec::new(),
        reads: Vec::new(),
    };
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let w: Vec<&str> = line.split_whitespace().collect();
        match w.as_slice() {
            ["template", t] => e.template = t.to_string(),
            ["department", d] => e.department = d.to_string(),
            ["year", y] => e.year = y.parse().unwrap(),
            ["table", n, "rows", r] => {
                e.tables
                    .insert(n.parse().unwrap(), (r.parse().unwrap(), None));
            }
            ["table", n, "rows", r, "total", t] => {
                e.tables.insert(
                    n.parse().unwrap(),
                    (r.parse().unwrap(), Some(t.to_string())),
                );
            }
            ["finding", code, "page", p] => e.findings.push((code.to_string(), p.parse().unwrap())),
            ["finding", code, "page", p, "count", n] => {
                for _ in 0..n.parse::<usize>().unwrap() {
                    e.findings.push((code.to_string(), p.parse().unwrap()));
                }
            }
            ["read", code, "page", p] => e.reads.push((code.to_string(), p.parse().unwrap())),
            ["read", code, "page", p, "count", n] => {
                for _ in 0..n.parse::<usize>().unwrap() {
                    e.reads.push((code.to_string(), p.parse().unwrap()));
                }
            }
            ["pdf", "finding", code, "page", p] => {
                e.pdf_findings.push((code.to_string(), p.parse().unwrap()))
            }
            ["findings", "none"] => {}
            other => panic!("bad expectation line {other:?}"),
        }
    }
    e.findings.sort();
    e.reads.sort();
    e
}

fn page_of(d: &Diagnostic) -> u32 {
    match &d.primary.at {
        SourceRef::Line { page: Some(p), .. } => *p,
        _ => 0,
    }
}

/// Reads one form of a document (PDF or text) and holds it to the expectations.
fn check_one(path: &Path, expect: &Expect) -> Disclosure {
    let name = path.display();
    let bytes = std::fs::read(path).unwrap();
    let pdf = path.extension().is_some_and(|x| x == "pdf");
    let (d, diags) = if pdf {
        let (d, diags, _) = yusuan_import::import_pdf(&bytes);
        (d, diags)
    } else {
        yusuan_import::import_text(&String::from_utf8(bytes).unwrap())
    };
    let mut reads: Vec<(String, u32)> = diags
        .iter()
        .filter(|x| x.severity >= Severity::Warning)
        .map(|x| (x.code.to_string(), page_of(x)))
        .collect();
    reads.sort();
    assert_eq!(
        reads, expect.reads,
        "{name}: what reading said (rule, page): {diags:#?}"
    );
    assert_eq!(d.template, expect.template, "{name}");
    assert_eq!(d.department, expect.department, "{name}");
    assert_eq!(d.year, expect.year, "{name}");
    let tables: BTreeMap<u8, (usize, Option<String>)> = d
        .tables
        .iter()
        .map(|t| {
            let total = t
                .rows
                .iter()
                .find(|r| r.kind == yusuan_core::disclosure::RowKind::Total)
                .and_then(|r| r.cells.iter().flatten().next())
                .map(|c| c.printed.to_string());
            (t.number, (t.rows.len(), total))
        })
        .collect();
    assert_eq!(tables, expect.tables, "{name}: tables (rows, total)");
    let mut findings: Vec<(String, u32)> = yusuan_check::check(&yusuan_check::engine::Cx {
        disclosure: &d,
        budget: None,
        previous: None,
    })
    .iter()
    .map(|f| (f.code.to_string(), page_of(f)))
    .collect();
    findings.sort();
    let mut expected = expect.findings.clone();
    if pdf {
        expected.extend(expect.pdf_findings.iter().cloned());
        expected.sort();
    }
    assert_eq!(findings, expected, "{name}: findings (rule, page)");
    d
}

#[test]
fn every_corpus_document_reads_and_checks_as_expected() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let (mut pdfs, mut texts) = (0, 0);
    for dir in ["corpus", "data"] {
        let mut entries: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "expect"))
            .filter(|p| !p.to_string_lossy().ends_with(".pdf.expect"))
            .collect();
        entries.sort();
        for p in entries {
            let expect = parse(&std::fs::read_to_string(&p).unwrap());
            let pdf = p.with_extension("pdf");
            let txt = p.with_extension("txt");
            // A form read differently has its own file (`NAME.pdf.expect`).
            let own = p.with_extension("pdf.expect");
            let pdf_expect = own
                .exists()
                .then(|| parse(&std::fs::read_to_string(&own).unwrap()));
            let from_pdf = pdf
                .exists()
                .then(|| check_one(&pdf, pdf_expect.as_ref().unwrap_or(&expect)));
            let from_text = txt.exists().then(|| check_one(&txt, &expect));
            pdfs += usize::from(from_pdf.is_some());
            texts += usize::from(from_text.is_some());
            if let (Some(a), Some(b)) = (&from_pdf, &from_text) {
                let units = |d: &Disclosure| -> Vec<(u8, &'static str)> {
                    d.tables
                        .iter()
                        .map(|t| (t.number, t.unit.label()))
                        .collect()
                };
                assert_eq!(units(a), units(b), "{}: units per table", p.display());
                // The same figures, each in the same table, row and column (a reader may set
                // a two-sided table's 收入 rows before its 支出 rows, or side by side).
                let lines = |d: &Disclosure| -> Vec<String> {
                    let mut v: Vec<String> = yusuan_formats::tables::csv::render(d)
                        .lines()
                        .map(str::to_string)
                        .collect();
                    v.sort();
                    v
                };
                let (a, b) = (lines(a), lines(b));
                let only_a: Vec<&String> = a.iter().filter(|x| !b.contains(x)).take(5).collect();
                let only_b: Vec<&String> = b.iter().filter(|x| !a.contains(x)).take(5).collect();
                assert!(
                    a == b,
                    "{}: the PDF and its text give different tables: PDF only {only_a:#?}, text only {only_b:#?}",
                    p.display()
                );
            }
        }
    }
    assert_eq!((pdfs, texts), (10, 10));
}
