//! The family report: every document of the other regions' corpus (`tests/corpus/other`), from
//! its PDF and from its text, read by meaning and checked; per family and per document, the
//! tables recognised and left unrecognised, the figures placed and left out, what reading said,
//! the findings by severity and the milliseconds. Printed with
//! `cargo test -p yusuan-import --test families -- --nocapture`.
//!
//! Each document has an `.expect` beside it: the tables it must give (kind, rows, printed
//! total), what reading must say (`read CODE page P`) and exactly the findings `check` must
//! report (`finding CODE page P`). `UPDATE_EXPECT=1` rewrites them from what is read (then
//! look at every change), keeping the `#` lines on top: what a person checked, on the page
//! images, about each finding called real.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use yusuan_core::diag::{Diagnostic, Severity};
use yusuan_core::disclosure::{Disclosure, RowKind};
use yusuan_core::source::SourceRef;

fn page_of(d: &Diagnostic) -> u32 {
    match &d.primary.at {
        SourceRef::Line { page: Some(p), .. } => *p,
        _ => 0,
    }
}

struct Report {
    tables: usize,
    unrecognised: usize,
    placed: usize,
    unplaced: usize,
    findings: [usize; 3],
    ms: u128,
    expect: String,
}

fn read(path: &Path) -> (Disclosure, Vec<Diagnostic>) {
    let bytes = std::fs::read(path).unwrap();
    if path.extension().is_some_and(|x| x == "pdf") {
        let (d, diags, _) = yusuan_import::import_pdf(&bytes);
        (d, diags)
    } else {
        yusuan_import::import_text(&String::from_utf8(bytes).unwrap())
    }
}

fn report(path: &Path) -> Report {
    let start = std::time::Instant::now();
    let (d, diags) = read(path);
    let findings = yusuan_check::check(&yusuan_check::engine::Cx {
        disclosure: &d,
        budget: None,
        previous: None,
    });
    let ms = start.elapsed().as_millis();
    let mut expect = String::new();
    writeln!(expect, "template {}", d.template).unwrap();
    writeln!(expect, "year {}", d.year).unwrap();
    for t in &d.tables {
        let total = t
            .rows
            .iter()
            .find(|r| r.kind == RowKind::Total)
            .and_then(|r| r.cells.iter().flatten().next())
            .map(|c| format!(" total {}", c.printed));
        writeln!(
            expect,
            "table {} page {} rows {}{}",
            t.kind.as_deref().unwrap_or("?"),
            match t.source {
                SourceRef::Line { page: Some(p), .. } => p,
                _ => 0,
            },
            t.rows.len(),
            total.unwrap_or_default()
        )
        .unwrap();
    }
    // The narrative: its sentences, those that state a figure, and the figures read as claims.
    let mut sentences = Vec::new();
    fn walk<'a>(
        s: &'a yusuan_core::disclosure::Section,
        out: &mut Vec<&'a yusuan_core::disclosure::Sentence>,
    ) {
        out.extend(&s.sentences);
        for sub in &s.subsections {
            walk(sub, out);
        }
    }
    for s in &d.narrative.sections {
        walk(s, &mut sentences);
    }
    let with_figures = sentences
        .iter()
        .filter(|s| s.text.chars().any(|c| c.is_ascii_digit()) && s.text.contains('元'))
        .count();
    let claims: usize = sentences.iter().map(|s| s.claims.len()).sum();
    writeln!(
        expect,
        "narrative sentences {} stating amounts {with_figures} claims {claims} glossary {}",
        sentences.len(),
        d.glossary.len()
    )
    .unwrap();
    let mut reads: BTreeMap<(String, u32), usize> = BTreeMap::new();
    for x in diags.iter().filter(|x| x.severity >= Severity::Warning) {
        *reads.entry((x.code.to_string(), page_of(x))).or_default() += 1;
    }
    for ((code, page), n) in &reads {
        writeln!(expect, "read {code} page {page} count {n}").unwrap();
    }
    let mut found: BTreeMap<(String, u32), usize> = BTreeMap::new();
    for f in findings.iter().filter(|f| f.severity >= Severity::Warning) {
        *found.entry((f.code.to_string(), page_of(f))).or_default() += 1;
    }
    if found.is_empty() {
        writeln!(expect, "findings none").unwrap();
    }
    for ((code, page), n) in &found {
        writeln!(expect, "finding {code} page {page} count {n}").unwrap();
    }
    let sev = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    Report {
        tables: d.tables.len(),
        unrecognised: diags
            .iter()
            .filter(|x| x.code == yusuan_import::meaning::codes::UNRECOGNISED)
            .count(),
        placed: d
            .tables
            .iter()
            .flat_map(|t| &t.rows)
            .map(|r| r.cells.iter().flatten().count())
            .sum(),
        unplaced: d.tables.iter().map(|t| t.unplaced).sum(),
        findings: [
            sev(Severity::Error),
            sev(Severity::Warning),
            sev(Severity::Info),
        ],
        ms,
        expect,
    }
}

fn documents() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/other");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf" || x == "txt"))
        .collect();
    v.sort();
    v
}

/// `guangdong_shenzhen_…` → `guangdong_shenzhen`.
fn family(p: &Path) -> String {
    let name = p.file_name().unwrap().to_string_lossy();
    name.split('_').take(2).collect::<Vec<_>>().join("_")
}

#[test]
fn every_family_reads_as_expected() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut out = String::new();
    let mut families: BTreeMap<String, Vec<(String, Report)>> = BTreeMap::new();
    let mut failures = Vec::new();
    for p in documents() {
        let r = report(&p);
        let form = p.extension().unwrap().to_string_lossy().to_string();
        let expect_path = p.with_extension(format!("{form}.expect"));
        if update {
            // The comments a person wrote (what was checked on the page images) stay on top.
            let notes: String = std::fs::read_to_string(&expect_path)
                .unwrap_or_default()
                .lines()
                .filter(|l| l.starts_with('#'))
                .map(|l| format!("{l}\n"))
                .collect();
            std::fs::write(&expect_path, format!("{notes}{}", r.expect)).unwrap();
        } else {
            match std::fs::read_to_string(&expect_path) {
                Ok(want) => {
                    let want: String = want
                        .lines()
                        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                        .map(|l| format!("{l}\n"))
                        .collect();
                    if want != r.expect {
                        failures.push(format!(
                            "{}:\n--- expected\n{want}--- read\n{}",
                            p.display(),
                            r.expect
                        ));
                    }
                }
                Err(_) => failures.push(format!("{}: no expectations file", p.display())),
            }
        }
        families
            .entry(family(&p))
            .or_default()
            .push((p.file_name().unwrap().to_string_lossy().to_string(), r));
    }
    writeln!(
        out,
        "{:<70} {:>6} {:>5} {:>8} {:>6} {:>4} {:>4} {:>4} {:>6}",
        "family / document", "tables", "unrec", "placed", "unplcd", "err", "warn", "info", "ms"
    )
    .unwrap();
    for (fam, docs) in &families {
        let sum = |f: &dyn Fn(&Report) -> usize| docs.iter().map(|(_, r)| f(r)).sum::<usize>();
        writeln!(
            out,
            "{:<70} {:>6} {:>5} {:>8} {:>6} {:>4} {:>4} {:>4} {:>6}",
            fam,
            sum(&|r| r.tables),
            sum(&|r| r.unrecognised),
            sum(&|r| r.placed),
            sum(&|r| r.unplaced),
            sum(&|r| r.findings[0]),
            sum(&|r| r.findings[1]),
            sum(&|r| r.findings[2]),
            docs.iter().map(|(_, r)| r.ms).sum::<u128>()
        )
        .unwrap();
        for (name, r) in docs {
            writeln!(
                out,
                "  {:<68} {:>6} {:>5} {:>8} {:>6} {:>4} {:>4} {:>4} {:>6}",
                name,
                r.tables,
                r.unrecognised,
                r.placed,
                r.unplaced,
                r.findings[0],
                r.findings[1],
                r.findings[2],
                r.ms
            )
            .unwrap();
        }
    }
    println!("{out}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
