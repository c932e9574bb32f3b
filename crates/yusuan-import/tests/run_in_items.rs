//! A narrative that names each item on a line of its own and then gives its amount
//! (`1.因公出国（境）费用。` / `2026 年预算数 36.14 万元，…`), checked against a 三公 table set
//! out by year and fund (Shenzhen's): the amount is looked up under the item's name, in the
//! table's 2026 row, and a table that disagrees is reported at that sentence.

use yusuan_core::diag::Severity;
use yusuan_core::money::{MoneyUnit, Unit, parse_printed};

fn shenzhen() -> yusuan_core::Disclosure {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/other/guangdong_shenzhen_kouanbangongshi_2026_dept_budget.pdf"
    ))
    .unwrap();
    yusuan_import::import_pdf(&bytes).0
}

fn n1001(d: &yusuan_core::Disclosure) -> Vec<String> {
    yusuan_check::check(&yusuan_check::engine::Cx {
        disclosure: d,
        budget: None,
        previous: None,
    })
    .into_iter()
    .filter(|f| f.code == "N1001" && f.severity >= Severity::Warning)
    .map(|f| f.message)
    .collect()
}

#[test]
fn an_items_amount_under_its_run_in_name_is_checked_against_this_years_row() {
    let mut d = shenzhen();
    assert!(n1001(&d).is_empty(), "{:?}", n1001(&d));
    // The table prints 38.14 for 因公出国（境）费 in 2026 instead of the narrative's 36.14.
    let t = d
        .tables
        .iter_mut()
        .find(|t| t.kind.as_deref() == Some("三公经费表"))
        .expect("the 三公 table");
    let col = t
        .columns
        .iter()
        .position(|c| c.key == "因公出国（境）费/一般公共预算")
        .expect("因公出国（境）费 by fund");
    let row = t
        .rows
        .iter_mut()
        .find(|r| r.label.split_whitespace().collect::<String>() == "2026年")
        .expect("the 2026 row");
    let cell = row.cells[col].as_mut().expect("a figure");
    assert_eq!(cell.printed.to_string(), "36.14");
    cell.printed = parse_printed("38.14", Unit::Money(MoneyUnit::Wan)).unwrap();
    let found = n1001(&d);
    assert!(
        found.len() == 1 && found[0].contains("36.14") && found[0].contains("38.14"),
        "{found:?}"
    );
}
