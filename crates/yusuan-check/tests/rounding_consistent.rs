//! `--rounding consistent`: printed figures that add up in every table, print the same
//! everywhere, and stay within 0.01 万元 of their true values — so `check` finds not even a
//! rounding note. Properties over random budgets, and the reference example.

use proptest::prelude::*;
use std::collections::BTreeMap;
use yusuan_check::engine::Cx;
use yusuan_check::{add_rounding_notes, check};
use yusuan_core::Budget;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::{Disclosure, RowKind};
use yusuan_core::money::Fen;
use yusuan_core::rounding::{UNIT, consistent};
use yusuan_formats::source;

const REFERENCE_SOURCE: &str = include_str!("../../../examples/changji-sme-center-2025.toml");

/// Every table cell's exact amount, by (table, unit block, side, code, label, column).
fn cells(d: &Disclosure) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for t in &d.tables {
        let mut block = String::new();
        for r in &t.rows {
            if r.kind == RowKind::Unit {
                block.clone_from(&r.label);
            }
            for (c, cell) in r.cells.iter().enumerate() {
                if let Some(x) = cell.as_ref().and_then(|x| x.exact) {
                    let key = format!(
                        "表{} {block} {:?} {:?} {} {}",
                        t.number, r.side, r.code, r.label, t.columns[c].key
                    );
                    out.insert(key, x.fen());
                }
            }
        }
    }
    out
}

/// What consistent rounding promises, for budget `b`.
fn holds(b: &Budget) -> Result<(), TestCaseError> {
    let r = consistent(b).map_err(|e| TestCaseError::fail(e.to_string()))?;
    // Every fact is rounded down or up to 0.01 万元, never further.
    for (x, y) in b.facts.iter().zip(&r.facts) {
        prop_assert_eq!(y.amount.fen() % UNIT, 0);
        prop_assert!((y.amount.fen() - x.amount.fen()).abs() < UNIT);
    }
    // Every printed figure within 0.01 万元 of its true value; a figure is left out only when
    // its true value is under 0.01 万元 and it rounds to nothing, and none is made up.
    let (exact, printed) = (
        cells(&yusuan_core::derive(b)),
        cells(&yusuan_core::derive(&r)),
    );
    for k in printed.keys() {
        prop_assert!(exact.contains_key(k), "{} made up", k);
    }
    for (k, t) in &exact {
        let p = printed.get(k).copied().unwrap_or(0);
        prop_assert_eq!(p % UNIT, 0, "{} prints {}", k, p);
        prop_assert!((p - t).abs() <= UNIT, "{}: true {} printed {}", k, t, p);
    }
    // Totals add up and quantities agree across tables: not even a rounding note.
    let mut d = yusuan_core::derive(&r);
    prop_assert!(add_rounding_notes(&mut d).is_empty());
    let findings = check(&Cx {
        disclosure: &d,
        budget: Some(&r),
        previous: None,
    });
    let rounding: Vec<String> = findings
        .iter()
        .filter(|f| {
            f.severity == Severity::Info || f.code.starts_with('T') || f.code.starts_with('X')
        })
        .map(|f| format!("{} {}", f.code, f.message))
        .collect();
    prop_assert!(rounding.is_empty(), "{:#?}", rounding);
    Ok(())
}

#[test]
fn the_reference_adds_up_everywhere_and_keeps_its_real_errors() {
    let b = source::parse(REFERENCE_SOURCE)
        .budget
        .expect("reference parses");
    holds(&b).unwrap();
    let r = consistent(&b).unwrap();
    let d = yusuan_core::derive(&r);
    let findings = check(&Cx {
        disclosure: &d,
        budget: Some(&r),
        previous: None,
    });
    let errors: Vec<&str> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.code)
        .collect();
    // The document's real errors stay (domain.md): P001, G002 ×2, D002 ×3, D003.
    assert_eq!(
        errors,
        ["G002", "G002", "P001", "D002", "D002", "D002", "D003"]
    );
    // The totals the narrative and the performance tables quote keep their official print.
    let t1 = &d.tables[0];
    let total = t1.rows.iter().find(|r| r.label == "收入总计").unwrap();
    assert_eq!(
        total.cells[0].as_ref().unwrap().printed.to_string(),
        "480.74"
    );
    // Deterministic.
    assert_eq!(consistent(&b).unwrap(), r);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn random_budgets_round_consistently(b in yusuan_testkit::budget()) {
        holds(&b)?;
    }

    /// The hard case: every fact exactly half a cent of 万元 over, so every half-up print of a
    /// sum of k facts is k/2 cents off.
    #[test]
    fn budgets_of_half_cents_round_consistently(mut b in yusuan_testkit::budget()) {
        for f in &mut b.facts {
            f.amount = Fen(f.amount.fen() / UNIT * UNIT + UNIT / 2);
        }
        holds(&b)?;
    }
}
