//! The regression corpus: for each PDF in `tests/corpus` and `tests/data`, its `.expect` file
//! says which template, department and year must be read, each table's row count and printed
//! total, and exactly which findings `check` must report (rule and page) — each verified by
//! reading the document (the comments in the files say where). A finding not listed fails, so
//! a parsing artefact cannot pass for a defect of the document.

use std::collections::BTreeMap;
use std::path::Path;
use yusuan_core::source::SourceRef;

struct Expect {
    template: String,
    department: String,
    year: i32,
    tables: BTreeMap<u8, (usize, Option<String>)>,
    findings: Vec<(String, u32)>,
}

fn parse(text: &str) -> Expect {
    let mut e = Expect {
        template: String::new(),
        department: String::new(),
        year: 0,
        tables: BTreeMap::new(),
        findings: Vec::new(),
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
            ["findings", "none"] => {}
            other => panic!("bad expectation line {other:?}"),
        }
    }
    e.findings.sort();
    e
}

fn check_one(pdf: &Path) {
    let expect = parse(&std::fs::read_to_string(pdf.with_extension("expect")).unwrap());
    let name = pdf.display();
    let (d, diags, _) = yusuan_import::import_pdf(&std::fs::read(pdf).unwrap());
    assert!(
        !diags
            .iter()
            .any(|x| x.severity >= yusuan_core::diag::Severity::Warning),
        "{name}: {diags:#?}"
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
    })
    .iter()
    .map(|f| {
        let page = match &f.primary.at {
            SourceRef::Line { page: Some(p), .. } => *p,
            _ => 0,
        };
        (f.code.to_string(), page)
    })
    .collect();
    findings.sort();
    assert_eq!(findings, expect.findings, "{name}: findings (rule, page)");
}

#[test]
fn every_corpus_pdf_reads_and_checks_as_expected() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut n = 0;
    for dir in ["corpus", "data"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "pdf") {
                check_one(&p);
                n += 1;
            }
        }
    }
    assert_eq!(n, 4);
}
