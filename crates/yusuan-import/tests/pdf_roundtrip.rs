//! Any budget the project renders to PDF reads back natively to the tables it was rendered
//! from: the reference template's PDFs are read by position and meaning (bound to the
//! template), so no figure is left to the arithmetic to place, and nothing is reported that
//! the document does not have.

use proptest::prelude::*;
use yusuan_core::diag::Severity;
use yusuan_formats::pdf::Fonts;

fn fonts() -> Option<Fonts> {
    match Fonts::locate(None, None) {
        Ok(f) => Some(f),
        Err(e) if std::env::var_os("YUSUAN_REQUIRE_PDF_TOOLS").is_none() => {
            eprintln!("跳过 PDF 往返测试：{e}");
            None
        }
        Err(e) => panic!("{e}"),
    }
}

/// The first lines where two table CSVs differ.
fn differences(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut out: Vec<String> = w
        .iter()
        .filter(|l| !g.contains(l))
        .take(6)
        .map(|l| format!("missing {l}"))
        .collect();
    out.extend(
        g.iter()
            .filter(|l| !w.contains(l))
            .take(6)
            .map(|l| format!("extra   {l}")),
    );
    format!("{} vs {} lines\n{}", w.len(), g.len(), out.join("\n"))
}

#[test]
fn rendered_budgets_read_back_to_their_tables() {
    let Some(fonts) = fonts() else { return };
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(64));
    let rendered = std::cell::Cell::new(0);
    let result = runner.run(&yusuan_testkit::budget(), |b| {
        let mut d = yusuan_core::derive(&b);
        yusuan_check::add_rounding_notes(&mut d);
        let Ok(out) = yusuan_formats::pdf::render(&d, &fonts) else {
            return Ok(());
        };
        rendered.set(rendered.get() + 1);
        let same = || -> Result<(), TestCaseError> {
            let (back, diags, _) = yusuan_import::import_pdf(&out.bytes);
            let want = yusuan_formats::tables::csv::render(&d);
            let got = yusuan_formats::tables::csv::render(&back);
            prop_assert!(want == got, "{}", differences(&want, &got));
            let loud: Vec<String> = diags
                .iter()
                .filter(|x| x.severity >= Severity::Warning)
                .map(|x| format!("{} {}", x.code, x.message))
                .collect();
            prop_assert!(loud.is_empty(), "{loud:#?}");
            // The sentence an empty table prints instead of rows (else C013 says it has none).
            let statements = |x: &yusuan_core::Disclosure| -> Vec<(u8, Option<String>)> {
                x.tables
                    .iter()
                    .map(|t| (t.number, t.empty_statement.clone()))
                    .collect()
            };
            prop_assert_eq!(statements(&back), statements(&d));
            // What the check says of the document read back is what it says of the source's.
            let codes = |x: &yusuan_core::Disclosure| -> Vec<String> {
                let mut v: Vec<String> = yusuan_check::check(&yusuan_check::engine::Cx {
                    disclosure: x,
                    budget: None,
                    previous: None,
                })
                .into_iter()
                .filter(|f| f.severity >= Severity::Warning)
                .map(|f| format!("{} {}", f.code, f.message))
                .collect();
                v.sort();
                v
            };
            prop_assert_eq!(codes(&back), codes(&d));
            prop_assert_eq!(back.department, d.department);
            prop_assert_eq!(back.year, d.year);
            Ok(())
        };
        let verdict = same();
        if verdict.is_err() {
            // The last failing PDF, to look at.
            let path =
                std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("roundtrip-failure.pdf");
            let _ = std::fs::write(&path, &out.bytes);
            eprintln!("PDF: {}", path.display());
        }
        verdict
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(
        rendered.get() >= 20,
        "only {} budgets rendered",
        rendered.get()
    );
}
