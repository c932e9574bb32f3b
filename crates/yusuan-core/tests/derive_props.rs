//! Properties of derive() over random budgets: every derived table's totals equal the sum of
//! their parts in fen, every identity across tables holds exactly, and every printed cell is
//! its exact value rounded half-up to 0.01 万元.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use yusuan_core::disclosure::{Disclosure, RowKind, Side, Table};
use yusuan_testkit::budget;

/// The exact value of a cell, zero when blank.
fn v(t: &Table, row: usize, col: usize) -> i64 {
    t.rows[row].cells[col]
        .as_ref()
        .map_or(0, |c| c.exact.expect("derived cells are exact").fen())
}

fn find(t: &Table, side: Side, label: &str) -> usize {
    t.rows
        .iter()
        .position(|r| r.side == side && r.label == label)
        .unwrap_or_else(|| panic!("表{}: no row {label}", t.number))
}

fn col(t: &Table, side: Side, key: &str) -> usize {
    t.column_index(side, key)
        .unwrap_or_else(|| panic!("表{}: no column {key}", t.number))
}

/// Half-up rounding of a positive fen amount to 0.01 万元, computed independently.
fn half_up_wan2(fen: i64) -> String {
    let hundredths = (i128::from(fen) + 5_000).div_euclid(10_000);
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// Parent rows equal the sum of their children (codes one level down), every column; the
/// total row equals the sum of the top-level coded rows. `rows` is a range of coded rows.
fn check_hierarchy(t: &Table, rows: std::ops::Range<usize>, top_len: usize) {
    for i in rows.clone() {
        let Some(code) = t.rows[i].code.clone() else {
            continue;
        };
        let children: Vec<usize> = rows
            .clone()
            .filter(|&j| {
                let r = &t.rows[j];
                r.code
                    .as_ref()
                    .is_some_and(|c| c.len() == code.len() + 2 && c.starts_with(&code))
            })
            .collect();
        if children.is_empty() {
            continue;
        }
        for c in 0..t.columns.len() {
            let sum: i64 = children.iter().map(|&j| v(t, j, c)).sum();
            assert_eq!(
                v(t, i, c),
                sum,
                "表{} row {code} col {}",
                t.number,
                t.columns[c].key
            );
        }
    }
    let _ = top_len;
}

fn check_total_of_top(t: &Table, total: usize, rows: impl Iterator<Item = usize> + Clone) {
    for c in 0..t.columns.len() {
        let sum: i64 = rows.clone().map(|j| v(t, j, c)).sum();
        assert_eq!(
            v(t, total, c),
            sum,
            "表{} total col {}",
            t.number,
            t.columns[c].key
        );
    }
}

/// Within a row, column `whole` equals the sum of `parts`.
fn check_columns(t: &Table, whole: usize, parts: &[usize]) {
    for (i, r) in t.rows.iter().enumerate() {
        if r.side != t.columns[whole].side {
            continue;
        }
        let sum: i64 = parts.iter().map(|&p| v(t, i, p)).sum();
        assert_eq!(
            v(t, i, whole),
            sum,
            "表{} row {} ({}): {} ≠ sum of parts",
            t.number,
            r.label,
            i,
            t.columns[whole].key
        );
    }
}

fn coded_rows(t: &Table, len: usize) -> Vec<usize> {
    (0..t.rows.len())
        .filter(|&i| t.rows[i].code.as_ref().is_some_and(|c| c.len() == len))
        .collect()
}

fn check_functional(t: &Table) {
    if t.rows.is_empty() {
        return;
    }
    assert_eq!(t.rows[0].kind, RowKind::Total);
    check_hierarchy(t, 1..t.rows.len(), 3);
    check_total_of_top(t, 0, coded_rows(t, 3).into_iter());
}

fn check(d: &Disclosure) {
    // Every printed cell is its exact value rounded half-up; blank means exactly zero.
    for t in &d.tables {
        for r in &t.rows {
            assert_eq!(r.cells.len(), t.columns.len());
            for c in r.cells.iter().flatten() {
                let exact = c.exact.unwrap();
                assert!(
                    exact.fen() > 0,
                    "blank cells are exactly zero, printed cells are not"
                );
                assert_eq!(c.printed.to_string(), half_up_wan2(exact.fen()));
                assert!(c.printed.covers(exact));
            }
        }
    }
    let t = |n: u8| d.table(n).unwrap();
    let (t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11) = (
        t(1),
        t(2),
        t(3),
        t(4),
        t(5),
        t(6),
        t(7),
        t(8),
        t(9),
        t(10),
        t(11),
    );

    // 表1: income structure, expenditure by 类, 收入总计 = 支出总计.
    let inc = |l: &str| v(t1, find(t1, Side::Income, l), 0);
    let exp_col = col(t1, Side::Expenditure, "预算数");
    assert_eq!(
        inc("收入总计"),
        inc("一、本年收入") + inc("二、上年结转结余")
    );
    assert_eq!(
        inc("一、本年收入"),
        inc("1.一般公共预算拨款")
            + inc("2.政府性基金预算拨款")
            + inc("3.国有资本经营预算拨款")
            + inc("4.财政专户核拨")
            + inc("5.单位资金")
    );
    assert_eq!(
        inc("1.一般公共预算拨款"),
        inc("其中：一般财力") + inc("上级一般公共预算安排转移支付")
    );
    assert_eq!(
        inc("5.单位资金"),
        inc("其中：事业收入")
            + inc("上级补助收入")
            + inc("附属单位上缴收入")
            + inc("事业单位经营收入")
            + inc("其他收入")
    );
    assert_eq!(
        inc("二、上年结转结余"),
        inc("1.财政拨款结转") + inc("2.非财政拨款结转结余")
    );
    assert_eq!(
        inc("2.非财政拨款结转结余"),
        inc("其中：财政专户核拨") + inc("单位资金")
    );
    let exp_total = v(t1, find(t1, Side::Expenditure, "支出总计"), exp_col);
    let t1_classes: Vec<usize> = (0..t1.rows.len())
        .filter(|&i| t1.rows[i].kind == RowKind::Class)
        .collect();
    assert_eq!(
        exp_total,
        t1_classes.iter().map(|&i| v(t1, i, exp_col)).sum::<i64>()
    );
    assert_eq!(inc("收入总计"), exp_total);

    // 表2, 3, 5, 8, 9: hierarchy and column sums.
    for tf in [t2, t3, t5, t8, t9] {
        check_functional(tf);
    }
    check_columns(t2, 0, &[1, 8, 9, 10, 11]);
    check_columns(t2, 1, &[2, 3, 4, 5, 6, 7]);
    check_columns(t3, 0, &[1, 2]);
    check_columns(t5, 0, &[1, 2]);
    check_columns(t8, 0, &[1, 2, 3]);
    check_columns(t9, 0, &[1, 2, 3]);

    // 表4: fiscal income = fiscal expenditure, by fiscal budget.
    let t4i = |l: &str| v(t4, find(t4, Side::Income, l), col(t4, Side::Income, "合计"));
    assert_eq!(
        t4i("一、财政拨款（补助）"),
        t4i("一般公共预算") + t4i("政府性基金预算") + t4i("国有资本经营预算")
    );
    assert_eq!(t4i("收入总计"), t4i("一、财政拨款（补助）"));
    let e = |k: &str| col(t4, Side::Expenditure, k);
    check_columns(
        t4,
        e("合计"),
        &[
            e("一般公共预算"),
            e("政府性基金预算"),
            e("国有资本经营预算"),
        ],
    );
    let t4_total = find(t4, Side::Expenditure, "支出总计");
    let t4_classes: Vec<usize> = (0..t4.rows.len())
        .filter(|&i| t4.rows[i].kind == RowKind::Class)
        .collect();
    for k in ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"] {
        assert_eq!(
            v(t4, t4_total, e(k)),
            t4_classes.iter().map(|&i| v(t4, i, e(k))).sum::<i64>()
        );
    }
    assert_eq!(t4i("收入总计"), v(t4, t4_total, e("合计")));

    // 表6: economic hierarchy, 合计 = 人员 + 公用.
    if !t6.rows.is_empty() {
        check_hierarchy(t6, 1..t6.rows.len(), 3);
        check_total_of_top(t6, 0, coded_rows(t6, 3).into_iter());
    }
    check_columns(t6, 0, &[1, 2]);

    // 表7: 合计 = economic 类 columns; total = units; unit = its 类; 类 = 款; 款 = its projects.
    check_columns(t7, 0, &(1..=10).collect::<Vec<_>>());
    if !t7.rows.is_empty() {
        let units: Vec<usize> = (0..t7.rows.len())
            .filter(|&i| t7.rows[i].kind == RowKind::Unit)
            .collect();
        check_total_of_top(t7, 0, units.clone().into_iter());
        for (k, &u) in units.iter().enumerate() {
            let end = units.get(k + 1).copied().unwrap_or(t7.rows.len());
            let block = u + 1..end;
            check_total_of_top(
                t7,
                u,
                block.clone().filter(|&i| t7.rows[i].kind == RowKind::Class),
            );
            check_hierarchy(t7, block.clone(), 3);
            for i in block.clone().filter(|&i| t7.rows[i].kind == RowKind::Kuan) {
                let kuan = t7.rows[i].code.clone().unwrap();
                let projects = block.clone().filter(|&j| {
                    t7.rows[j].kind == RowKind::Project
                        && t7.rows[j]
                            .code
                            .as_ref()
                            .is_some_and(|c| c.starts_with(&kuan))
                });
                check_total_of_top(t7, i, projects);
            }
        }
    }

    // 表10: items and fund columns.
    check_columns(t10, 0, &[1, 2, 3]);
    let r10 = |l: &str| find(t10, Side::Single, l);
    for c in 0..4 {
        assert_eq!(
            v(t10, r10("合计"), c),
            v(t10, r10("因公出国（境）费"), c)
                + v(t10, r10("公务接待费"), c)
                + v(t10, r10("公务用车购置及运行费（小计）"), c)
        );
        assert_eq!(
            v(t10, r10("公务用车购置及运行费（小计）"), c),
            v(t10, r10("其中：公务用车购置费"), c) + v(t10, r10("公务用车运行费"), c)
        );
    }

    // 表11: columns; total = units; unit = its rows.
    check_columns(t11, 0, &[1, 5]);
    check_columns(t11, 1, &[2, 3, 4]);
    check_columns(t11, 5, &[6, 7, 8]);
    if !t11.rows.is_empty() {
        let units: Vec<usize> = (0..t11.rows.len())
            .filter(|&i| t11.rows[i].kind == RowKind::Unit)
            .collect();
        check_total_of_top(t11, 0, units.clone().into_iter());
        for (k, &u) in units.iter().enumerate() {
            let end = units.get(k + 1).copied().unwrap_or(t11.rows.len());
            check_total_of_top(t11, u, u + 1..end);
        }
    }

    // Across tables (domain.md).
    let total = |t: &Table, c: usize| if t.rows.is_empty() { 0 } else { v(t, 0, c) };
    assert_eq!(inc("收入总计"), total(t2, 0));
    assert_eq!(inc("收入总计"), total(t3, 0));
    assert_eq!(inc("1.一般公共预算拨款"), total(t5, 0));
    assert_eq!(inc("1.一般公共预算拨款"), t4i("一般公共预算"));
    assert_eq!(inc("其中：一般财力"), total(t2, 2));
    assert_eq!(total(t5, 1), total(t6, 0));
    assert_eq!(total(t5, 2), total(t7, 0));
    assert_eq!(total(t8, 0), v(t4, t4_total, e("政府性基金预算")));
    assert_eq!(total(t9, 0), v(t4, t4_total, e("国有资本经营预算")));
    assert_eq!(total(t11, 0), inc("二、上年结转结余"));
    assert_eq!(total(t11, 1), inc("1.财政拨款结转"));
    assert_eq!(total(t2, 10), inc("1.财政拨款结转"));
    assert_eq!(total(t2, 11), inc("2.非财政拨款结转结余"));
    for &i in &t1_classes {
        let code = t1.rows[i].code.clone();
        let in_t3 = t3
            .rows
            .iter()
            .position(|r| r.code == code)
            .map_or(0, |j| v(t3, j, 0));
        assert_eq!(v(t1, i, exp_col), in_t3, "表1 vs 表3 for {code:?}");
    }

    // Performance tables: 年度预算总额 = 财政拨款 + 其他资金.
    for p in &d.performance {
        let f = |l: &str| p.funds.iter().find(|(k, _)| k == l).map(|(_, v)| v.units);
        if let (Some(a), Some(b), Some(c)) = (f("年度预算总额"), f("财政拨款"), f("其他资金"))
        {
            // Printed figures: the identity holds within rounding of the two parts.
            assert!((a - b - c).abs() <= 1, "{a} vs {b} + {c}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn derived_tables_add_up_exactly(b in budget()) {
        let d = yusuan_core::derive(&b);
        prop_assert_eq!(d.tables.len(), 11);
        check(&d);
    }
}

#[test]
fn an_empty_budget_derives_empty_tables_with_their_statements() {
    let b = budget()
        .prop_map(|mut b| {
            b.facts.clear();
            b
        })
        .new_tree(&mut proptest::test_runner::TestRunner::default())
        .unwrap()
        .current();
    let d = yusuan_core::derive(&b);
    check(&d);
    for n in [7, 8, 9, 10, 11] {
        assert!(
            d.table(n)
                .unwrap()
                .empty_statement
                .as_deref()
                .is_some_and(|s| s.ends_with("为空表。")),
            "表{n}"
        );
    }
}
