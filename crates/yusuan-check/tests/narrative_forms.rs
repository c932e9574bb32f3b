//! Narrative forms of other regions, checked against what they state:
//! - a comparison in the sentence after its amount (`（6）援助其他地区支出（类）支出 502 万元，主要
//!   用于对口支援、帮扶、合作等支出。与上年相比增加 15 万元，增长 3.08%。`, Wuxi 2025): the rate is
//!   checked against the amount the sentence before states (15 ÷ (502 − 15) = 3.08%);
//! - an economic class named by its code in brackets (`（2）商品和服务支出（302）1,990.81万元`,
//!   Xi'an 2026): looked up by that code in the tables by economic classification;
//! - 政府采购 (Suzhou): checked against the 政府采购 table where one is printed.

use yusuan_core::Disclosure;
use yusuan_core::diag::Severity;

/// What `rule` reports on `d` at `min` or above: the messages.
fn findings(d: &Disclosure, rule: &str, min: Severity) -> Vec<String> {
    yusuan_check::check(&yusuan_check::engine::Cx {
        disclosure: d,
        budget: None,
        previous: None,
    })
    .into_iter()
    .filter(|f| f.code == rule && f.severity >= min)
    .map(|f| f.message)
    .collect()
}

/// What N1001 reports on a text.
fn n1001(text: &str) -> Vec<String> {
    findings(
        &yusuan_import::import_text(text).0,
        "N1001",
        Severity::Warning,
    )
}

const WUXI: &str = include_str!(
    "../../yusuan-import/tests/corpus/other/jiangsu_wuxi_fazhanhegaigeweiyuanhui_2025_dept_budget.txt"
);
const SAID: &str = "合作等支出。与上年相比增加 15 万元，增长 3.08%";

fn n007(text: &str) -> Vec<String> {
    findings(&yusuan_import::import_text(text).0, "N007", Severity::Error)
}

#[test]
fn a_rate_in_the_sentence_after_its_amount_is_checked() {
    assert_eq!(WUXI.matches(SAID).count(), 1);
    assert!(n007(WUXI).is_empty(), "{:?}", n007(WUXI));
    let wrong = WUXI.replace(SAID, "合作等支出。与上年相比增加 15 万元，增长 4.08%");
    let found = n007(&wrong);
    assert!(
        found.len() == 1 && found[0].contains("4.08") && found[0].contains("502"),
        "{found:?}"
    );
}

/// An economic class named by its code in brackets (`（2）商品和服务支出（302）1,990.81万元`,
/// Xi'an 2026) is looked up by that code in the tables by economic classification.
#[test]
fn an_economic_class_named_by_its_code_is_checked_against_its_row() {
    const XIAN: &str = include_str!(
        "../../yusuan-import/tests/corpus/other/shaanxi_xian_renminzhengfubangongting_2026_dept_budget.txt"
    );
    const SAID: &str = "（2）商品和服务支出（302）1,990.81万元";
    assert_eq!(XIAN.matches(SAID).count(), 1);
    assert!(n1001(XIAN).is_empty(), "{:?}", n1001(XIAN));
    let wrong = XIAN.replace(SAID, "（2）商品和服务支出（302）1,999.81万元");
    let found = n1001(&wrong);
    assert!(
        found.len() == 1 && found[0].contains("1999.81"),
        "{found:?}"
    );
}

/// 政府采购 stated in the narrative (`2026 年度政府采购支出预算总额 393 万元`, Suzhou) is checked
/// against the 政府采购 table's total where the document prints one.
#[test]
fn procurement_is_checked_against_its_table() {
    use yusuan_core::money::{MoneyUnit, Unit, parse_printed};
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../yusuan-import/tests/corpus/other/jiangsu_suzhou_kexuejishuju_2026_unit_budget.pdf"
    ))
    .unwrap();
    let mut d = yusuan_import::import_pdf(&bytes).0;
    let n1001 = |d: &Disclosure| findings(d, "N1001", Severity::Warning);
    assert!(n1001(&d).is_empty(), "{:?}", n1001(&d));
    // The table's total printed 395.00 instead of the narrative's 393.
    let t = d
        .tables
        .iter_mut()
        .find(|t| t.kind.as_deref() == Some("政府采购表"))
        .expect("the 政府采购 table");
    let col = t
        .columns
        .iter()
        .position(|c| c.key == "合计")
        .expect("its 合计");
    let total = t
        .rows
        .iter_mut()
        .find(|r| r.label == "合计")
        .expect("its total row");
    let cell = total.cells[col].as_mut().expect("a figure");
    assert_eq!(cell.printed.to_string(), "393.00");
    cell.printed = parse_printed("395.00", Unit::Money(MoneyUnit::Wan)).unwrap();
    let found = n1001(&d);
    assert!(
        found.len() == 1 && found[0].contains("393") && found[0].contains("395"),
        "{found:?}"
    );
}
