//! A 收支 table printed as several lists side by side (Shaanxi's 部门综合预算收支总表: 收入, then
//! 支出 by 功能分类, by 部门预算经济分类 and by 政府预算经济分类, each list its own names and
//! figures, wrapped names set above and below their figures, continued over pages on which the
//! first lists have ended). Each list is read as its own column of the 支出 half, every figure
//! in its list, and the lists' totals are checked against the 收入 total.

use yusuan_core::Disclosure;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::{Side, Table};
use yusuan_core::money::{MoneyUnit, Unit, parse_printed};

const XIAN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/corpus/other/shaanxi_xian_shiweixuanchuanbu_2021_dept_budget"
);

fn pdf() -> Disclosure {
    yusuan_import::import_pdf(&std::fs::read(format!("{XIAN}.pdf")).unwrap()).0
}

fn text() -> Disclosure {
    let text = std::fs::read_to_string(format!("{XIAN}.txt")).unwrap();
    yusuan_import::import_text(&text).0
}

fn table<'a>(d: &'a Disclosure, kind: &str) -> &'a Table {
    d.tables
        .iter()
        .find(|t| t.kind.as_deref() == Some(kind))
        .unwrap_or_else(|| panic!("no {kind}"))
}

/// The column of the 支出 list whose heading has `words`.
fn list(t: &Table, words: &str) -> usize {
    t.columns
        .iter()
        .position(|c| c.side == Side::Expenditure && c.key.contains(words))
        .unwrap_or_else(|| panic!("no list {words}: {:?}", t.columns))
}

/// The figure printed in `col` of the row labelled `label` (spaces dropped).
fn figure(t: &Table, label: &str, col: usize) -> Option<String> {
    t.rows
        .iter()
        .filter(|r| r.label.split_whitespace().collect::<String>() == label)
        .find_map(|r| r.cells.get(col).cloned().flatten())
        .map(|c| c.printed.to_string())
}

fn findings(d: &Disclosure, rule: &str) -> Vec<String> {
    yusuan_check::check(&yusuan_check::engine::Cx {
        disclosure: d,
        budget: None,
        previous: None,
    })
    .into_iter()
    .filter(|f| f.code == rule && f.severity >= Severity::Warning)
    .map(|f| f.message)
    .collect()
}

#[test]
fn each_list_of_the_expenditure_half_is_its_own_column() {
    let d = pdf();
    for kind in ["收支总表", "财政拨款收支总表"] {
        let t = table(&d, kind);
        assert_eq!(t.unplaced, 0, "{kind}");
        let func = list(t, "支出功能");
        let dept = list(t, "部门预算支出经济");
        let gov = list(t, "政府预算支出经济");
        // A name wrapped under its figure, a column of names further right on the page.
        assert_eq!(
            figure(t, "(6)资本性支出", dept).as_deref(),
            Some("727500.00")
        );
        assert_eq!(figure(t, "(6)资本性支出", gov), None);
        assert_eq!(
            figure(t, "20、住房保障支出", func).as_deref(),
            Some("2924404.07")
        );
        assert_eq!(figure(t, "12、债务还本支出", gov).as_deref(), Some("0.00"));
        assert_eq!(
            figure(t, "(1)工资福利支出", dept).as_deref(),
            Some("20790689.48")
        );
        // A total printed in every list on one line is one row with a figure in each.
        for col in [func, dept, gov] {
            assert_eq!(figure(t, "支出总计", col).as_deref(), Some("258596001.79"));
        }
    }
    // One 收支 table kept among one-sided kinds (政府性基金收支表) is read by its lists too.
    assert_eq!(table(&d, "政府性基金预算支出表").unplaced, 0);
    assert!(
        findings(&d, "T0004").is_empty(),
        "{:?}",
        findings(&d, "T0004")
    );
}

#[test]
fn the_text_places_every_figure_of_the_lists_as_the_pdf_does() {
    let (p, t) = (pdf(), text());
    for kind in ["收支总表", "财政拨款收支总表"] {
        let (a, b) = (table(&p, kind), table(&t, kind));
        assert_eq!(b.unplaced, 0, "{kind}");
        for words in ["支出功能", "部门预算支出经济", "政府预算支出经济"] {
            let figures = |t: &Table| {
                let c = list(t, words);
                let mut v: Vec<String> = t
                    .rows
                    .iter()
                    .filter_map(|r| r.cells.get(c).cloned().flatten())
                    .map(|c| c.printed.to_string())
                    .collect();
                v.sort();
                v
            };
            assert_eq!(figures(a), figures(b), "{kind} {words}");
        }
    }
    // A name set around its figures in the text (`1、人员经费和` / figures / `公用经费支出`),
    // list beside list, is one name.
    let t = table(&t, "收支总表");
    let dept = list(t, "部门预算支出经济");
    assert_eq!(
        figure(t, "1、人员经费和公用经费支出", dept).as_deref(),
        Some("23174401.79")
    );
    let func = list(t, "支出功能");
    assert_eq!(
        figure(t, "1、一般公共服务支出", func).as_deref(),
        Some("48615794.92")
    );
}

#[test]
fn a_lists_total_that_differs_from_the_income_total_is_reported() {
    let mut d = pdf();
    let t = d
        .tables
        .iter_mut()
        .find(|t| t.kind.as_deref() == Some("收支总表"))
        .unwrap();
    let gov = list(t, "政府预算支出经济");
    let row = t
        .rows
        .iter_mut()
        .find(|r| r.label == "支出总计")
        .expect("支出总计");
    row.cells[gov].as_mut().unwrap().printed =
        parse_printed("258596101.79", Unit::Money(MoneyUnit::Yuan)).unwrap();
    let found = findings(&d, "T0004");
    assert!(
        found.len() == 1 && found[0].contains("258596101.79"),
        "{found:?}"
    );
}
