//! Facts (`yusuan_core::facts`, `yusuan import --format facts`): every printed figure of a
//! document of any region, with what it means.

use yusuan_core::facts::{Fact, facts};

/// A corpus PDF (`tests/corpus/…`), read.
fn corpus_pdf(path: &str) -> yusuan_core::Disclosure {
    let bytes = std::fs::read(format!(
        "{}/tests/corpus/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_else(|e| panic!("{path}: {e}"));
    yusuan_import::import_pdf(&bytes).0
}

fn quanzhou() -> Vec<Fact> {
    let d = corpus_pdf("other/fujian_quanzhou_renminzhengfubangongshi_2026_dept_budget.pdf");
    let f = facts(&d);
    let cells: usize = d
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .map(|r| r.cells.iter().flatten().count())
        .sum();
    assert_eq!(f.len(), cells, "one fact per printed cell");
    f
}

fn find<'a>(f: &'a [Fact], kind: &str, label: &str, column: &str) -> &'a Fact {
    f.iter()
        .find(|x| x.kind.as_deref() == Some(kind) && x.row_label == label && x.column == column)
        .unwrap_or_else(|| panic!("{kind} {label} {column}"))
}

#[test]
fn every_figure_of_another_region_is_a_fact_with_its_dimensions() {
    let f = quanzhou();
    // 支出总表: all funds, the 项 by code, the part by column, its place.
    let x = find(&f, "支出总表", "行政运行", "基本支出");
    assert_eq!(
        (x.measure, x.fund, x.functional.as_deref(), x.part, x.period),
        ("支出", None, Some("2010301"), Some("基本支出"), "本年")
    );
    assert_eq!(
        (x.value.as_str(), x.unit, x.page),
        ("3452.35", "万元", Some(15))
    );
    // 3452.35 万元 stands for [3452.345, 3452.355) 万元, in fen.
    assert_eq!(
        (x.fen_low, x.fen_high),
        (Some(3_452_345_000), Some(3_452_354_999))
    );
    // The same row in 一般公共预算支出表: the fund is the table's.
    let x = find(&f, "一般公共预算支出表", "行政运行", "合计");
    assert_eq!((x.fund, x.part), (Some("一般公共预算"), None));
    // 收支总表: an income item names its fund, an expenditure class is named, not coded.
    let x = find(&f, "收支总表", "九、其他收入", "预算数");
    assert_eq!(
        (x.measure, x.side, x.fund),
        ("收入", "收入", Some("其他收入"))
    );
    let x = find(&f, "收支总表", "九、卫生健康支出", "预算数");
    assert_eq!(
        (x.measure, x.side, x.functional.as_deref()),
        ("支出", "支出", Some("210"))
    );
    // 一般公共预算基本支出表: economic codes, basic spending of the general budget.
    let x = f
        .iter()
        .find(|x| {
            x.kind.as_deref() == Some("一般公共预算基本支出表")
                && x.row_code.as_deref() == Some("30101")
        })
        .expect("30101 基本工资");
    assert_eq!(
        (
            x.economic.as_deref(),
            x.functional.as_deref(),
            x.fund,
            x.part
        ),
        (Some("30101"), None, Some("一般公共预算"), Some("基本支出"))
    );
}

#[test]
fn a_final_accounts_facts_say_so_and_tell_its_budget_and_balances_apart() {
    let d = corpus_pdf("shanghai_putuo_caizhengju_2024_dept_final_account.pdf");
    assert_eq!(d.stage, yusuan_core::disclosure::Stage::Final);
    let f = facts(&d);
    assert!(f.iter().all(|x| x.stage == "决算"));
    // 表7: 公务接待费's 年初预算 and its 决算.
    let sangong: Vec<(&str, &str, &str)> = f
        .iter()
        .filter(|x| x.table == 7)
        .map(|x| (x.column.as_str(), x.period, x.value.as_str()))
        .collect();
    assert!(
        sangong.contains(&("公务接待费/预算数", "年初预算", "0.95")),
        "{sangong:?}"
    );
    // 表1's 决算数 is the year's.
    assert!(
        f.iter()
            .filter(|x| x.table == 1)
            .all(|x| x.period == "本年")
    );
    // A budget's facts are a budget's.
    let budget = corpus_pdf("shanghai_putuo_caizhengju_2025_dept_budget.pdf");
    assert!(facts(&budget).iter().all(|x| x.stage == "预算"));
}

#[test]
fn a_table_set_out_by_year_gives_each_rows_figures_its_period() {
    // Shenzhen's 三公 table prints a row per year and one of the change.
    let d = corpus_pdf("other/guangdong_shenzhen_kouanbangongshi_2026_dept_budget.pdf");
    let f = facts(&d);
    let in_row = |label: &str| -> Vec<(&str, &str)> {
        f.iter()
            .filter(|x| x.kind.as_deref() == Some("三公经费表") && x.row_label == label)
            .map(|x| (x.period, x.value.as_str()))
            .take(2)
            .collect()
    };
    assert_eq!(in_row("2025年"), [("上年", "37.77"), ("上年", "0.00")]);
    assert_eq!(in_row("2026年"), [("本年", "43.79"), ("本年", "0.00")]);
    assert_eq!(in_row("增减变化金额"), [("增减", "6.02"), ("增减", "0.00")]);
    // Elsewhere a year in a column's words is this year's: 支出总表's 政府采购 columns.
    assert!(
        f.iter()
            .filter(|x| x.kind.as_deref() == Some("支出总表"))
            .all(|x| x.period == "本年")
    );
}
