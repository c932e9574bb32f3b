//! The rule harness: every registered rule has a failing and a passing fixture in a real input
//! format (the reference example's CSV tables or its budget source, with the rule's edits
//! applied), each failing fixture's rendered diagnostics are snapshotted, and every diagnostic
//! any rule emits names a registered rule and a place inside its input.

use yusuan_check::engine::{Base, Cx};
use yusuan_check::registry::{RETIRED, RULES};
use yusuan_core::diag::{Diagnostic, Severity};
use yusuan_core::source::SourceRef;
use yusuan_formats::{diag_text, source, tables::csv};

const REFERENCE_CSV: &str = include_str!("../../../tests/golden/changji-2025-tables.csv");
const REFERENCE_SOURCE: &str = include_str!("../../../examples/changji-sme-center-2025.toml");
const REFERENCE_TEXT: &str =
    include_str!("../../../examples/changji-sme-center-2025-budget.published.txt");

/// A PDF base: a corpus PDF's laid-out lines.
fn shanghai_dump(file: &str) -> String {
    let pdf = std::fs::read(format!(
        "{}/../yusuan-import/tests/corpus/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the Shanghai corpus PDF");
    let (pages, diags) = yusuan_import::pdf::pages(&pdf);
    assert!(diags.is_empty(), "{diags:#?}");
    yusuan_import::pdf::dump(&pages)
}

/// The golden CSV in its first, five-field form (`table,row_code,row_label,column,value`),
/// which the reader still takes: the fixtures' edits are written in it.
fn five_fields(csv: &str) -> String {
    csv.lines()
        .map(|l| match l.rsplitn(3, ',').nth(2) {
            Some(first) => format!("{first}\n"),
            None => format!("{l}\n"),
        })
        .collect()
}

/// Applies `(from, to)` edits to the base; each `from` must occur exactly once.
fn fixture(id: &str, base: Base, edits: &[(&str, &str)]) -> (String, &'static str) {
    let (mut text, name) = match base {
        Base::ReferenceCsv => (five_fields(REFERENCE_CSV), "tables.csv"),
        Base::ReferenceSource => (REFERENCE_SOURCE.to_string(), "budget.toml"),
        Base::ReferenceText => (REFERENCE_TEXT.to_string(), "published.txt"),
        Base::ShanghaiPdf => (
            shanghai_dump("shanghai_putuo_zhengfu_bangongshi_2025_dept_budget.pdf"),
            "shanghai.pdf",
        ),
        Base::ShanghaiFinalPdf => (
            shanghai_dump("shanghai_putuo_shehui_gongzuobu_2024_dept_final_account.pdf"),
            "shanghai-final.pdf",
        ),
        Base::GenericPdf | Base::GenericPdfWithPrevious => (
            shanghai_dump("other/fujian_quanzhou_renminzhengfubangongshi_2026_dept_budget.pdf"),
            "quanzhou.pdf",
        ),
    };
    for (from, to) in edits {
        assert_eq!(
            text.matches(from).count(),
            1,
            "{id}: fixture edit {from:?} must match exactly once"
        );
        text = text.replacen(from, to, 1);
    }
    (text, name)
}

/// Runs `f` on the document `text` as the CLI would (CSV import, or parse + derive).
fn with_doc<T>(id: &str, base: Base, text: &str, f: impl FnOnce(&Cx<'_>) -> T) -> T {
    match base {
        Base::ReferenceText => {
            // The published text through the importer, as `yusuan check` reads it. (A fixture
            // that removes a table may leave import notes: they are the importer's to test.)
            let (d, _) = yusuan_import::import_text(text);
            f(&Cx {
                disclosure: &d,
                budget: None,
                previous: None,
            })
        }
        Base::GenericPdf | Base::ShanghaiPdf | Base::ShanghaiFinalPdf => {
            let pages = yusuan_import::pdf::undump(text);
            let (d, _) =
                yusuan_import::read_by_meaning(&pages, &yusuan_import::pdf::join(&pages), true);
            f(&Cx {
                disclosure: &d,
                budget: None,
                previous: None,
            })
        }
        Base::GenericPdfWithPrevious => {
            let read = |dump: &str| {
                let pages = yusuan_import::pdf::undump(dump);
                yusuan_import::read_by_meaning(&pages, &yusuan_import::pdf::join(&pages), true).0
            };
            let d = read(text);
            // Last year's: the unedited document made 2025's, its totals what the narrative's
            // change implies (15184.81 − 4385.72).
            // Its cover and 收支总表 only (pages 1 and 13), so that the totals are all it prints.
            let (last, _) = fixture(id, Base::GenericPdf, &[]);
            let last: String = last
                .lines()
                .filter(|l| l.starts_with("1\t") || l.starts_with("13\t"))
                .map(|l| format!("{l}\n"))
                .collect();
            let last = read(&last.replace("2026", "2025").replace("15184.81", "10799.09"));
            assert_eq!(last.year, 2025);
            f(&Cx {
                disclosure: &d,
                budget: None,
                previous: Some(&last),
            })
        }
        Base::ReferenceCsv => {
            let (d, diags) = csv::read(text);
            assert!(
                diags.is_empty(),
                "{id}: fixture does not import cleanly: {diags:#?}"
            );
            f(&Cx {
                disclosure: &d,
                budget: None,
                previous: None,
            })
        }
        Base::ReferenceSource => {
            let parsed = source::parse(text);
            let b = parsed.budget.unwrap_or_else(|| {
                panic!("{id}: fixture does not parse: {:#?}", parsed.diagnostics)
            });
            let d = yusuan_core::derive(&b);
            f(&Cx {
                disclosure: &d,
                budget: Some(&b),
                previous: None,
            })
        }
    }
}

fn run_one(id: &str, base: Base, text: &str) -> Vec<Diagnostic> {
    let rule = yusuan_check::registry::find(id).unwrap();
    with_doc(id, base, text, |cx| {
        let mut out = Vec::new();
        rule.check(cx, &mut out);
        out
    })
}

/// A diagnostic's places lie inside the input, or name a derived table cell.
fn assert_located(d: &Diagnostic, text: &str) {
    for l in std::iter::once(&d.primary).chain(&d.secondary) {
        match &l.at {
            SourceRef::Span { end, .. } => {
                assert!(*end <= text.len(), "{}: span past the end", d.code)
            }
            SourceRef::Line { line, .. } => assert!(
                *line >= 1 && *line <= text.lines().count(),
                "{}: line {line} outside",
                d.code
            ),
            SourceRef::Derived | SourceRef::None => assert!(
                l.cell.is_some(),
                "{}: a derived or blank place must name its cell",
                d.code
            ),
            other => panic!("{}: unlocated place {other:?}", d.code),
        }
    }
}

#[test]
fn ids_are_unique_well_formed_and_never_reused() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.meta().id).collect();
    for id in &ids {
        let m = yusuan_check::registry::find(id).unwrap().meta();
        assert!(
            id.starts_with(m.family.letter()),
            "{id} is not in family {:?}",
            m.family
        );
        assert!(
            (4..=5).contains(&id.len()),
            "{id}: a letter and 3 or 4 digits"
        );
        assert!(id[1..].bytes().all(|b| b.is_ascii_digit()), "{id}");
        assert!(
            !m.title.is_empty()
                && !m.what.is_empty()
                && !m.why.is_empty()
                && !m.example.is_empty()
                && !m.basis.is_empty(),
            "{id}: docs"
        );
    }
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate rule IDs");
    for (retired, _) in RETIRED {
        assert!(!ids.contains(retired), "retired ID {retired} reused");
    }
    assert!(n >= 100, "only {n} rules");
}

#[test]
fn every_rule_passes_its_passing_fixture() {
    for rule in RULES {
        let m = rule.meta();
        let (text, _) = fixture(m.id, m.fixture.base, m.fixture.pass);
        let found = run_one(m.id, m.fixture.base, &text);
        let threshold = if m.severity == Severity::Info {
            Severity::Info
        } else {
            Severity::Warning
        };
        let bad: Vec<_> = found.iter().filter(|d| d.severity >= threshold).collect();
        assert!(
            bad.is_empty(),
            "{}: the passing fixture reports {bad:#?}",
            m.id
        );
    }
}

#[test]
fn every_rule_fails_its_failing_fixture_and_its_diagnostic_is_snapshotted() {
    for rule in RULES {
        let m = rule.meta();
        let (text, name) = fixture(m.id, m.fixture.base, m.fixture.fail);
        let found = run_one(m.id, m.fixture.base, &text);
        assert!(
            found
                .iter()
                .any(|d| d.severity == m.severity && d.code == m.id),
            "{}: the failing fixture reports no {:?}: {found:#?}",
            m.id,
            m.severity
        );
        for d in &found {
            assert_eq!(d.code, m.id);
            assert_located(d, &text);
        }
        let rendered: Vec<String> = found
            .iter()
            .filter(|d| d.severity == m.severity)
            .map(|d| diag_text::render(d, name, &text))
            .collect();
        insta::assert_snapshot!(m.id, rendered.join("\n"));
    }
}

/// On every fixture, every rule's diagnostics are registered and located.
#[test]
fn all_rules_on_all_fixtures_emit_located_registered_diagnostics() {
    for rule in RULES {
        let m = rule.meta();
        for edits in [m.fixture.pass, m.fixture.fail] {
            let (text, _) = fixture(m.id, m.fixture.base, edits);
            let diags = with_doc(m.id, m.fixture.base, &text, yusuan_check::check);
            for d in &diags {
                assert!(
                    yusuan_check::registry::find(d.code).is_some(),
                    "unregistered code {}",
                    d.code
                );
                assert_located(d, &text);
            }
        }
    }
}

#[test]
fn obligations_ledger_maps_every_rule_and_only_registered_ones() {
    use yusuan_check::obligations::{OBLIGATIONS, unmapped_rules};
    assert!(
        unmapped_rules().is_empty(),
        "rules serving no obligation: {:?}",
        unmapped_rules()
    );
    for o in OBLIGATIONS {
        for id in o.rules {
            assert!(
                yusuan_check::registry::find(id).is_some(),
                "{}: unknown rule {id}",
                o.id
            );
        }
    }
}

/// A rule's fast error test agrees with its full check on every fixture.
#[test]
fn finds_error_agrees_with_check() {
    for rule in RULES {
        let m = rule.meta();
        for edits in [m.fixture.pass, m.fixture.fail] {
            let (text, _) = fixture(m.id, m.fixture.base, edits);
            with_doc(m.id, m.fixture.base, &text, |cx| {
                let mut out = Vec::new();
                rule.check(cx, &mut out);
                let slow = out.iter().any(|d| d.severity == Severity::Error);
                assert_eq!(rule.finds_error(cx), slow, "{}", m.id);
            });
        }
    }
}
