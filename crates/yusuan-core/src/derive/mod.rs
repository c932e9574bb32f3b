//! derive(Budget) → Disclosure: every standard table is a query over the ledger.
//!
//! One module per table of the reference template (`t01` … `t11`), each a pivot of the facts;
//! nothing is typed in by hand, so a derived document cannot contradict itself except by the
//! rounding of its printed cells. Cells are rounded half away from zero to 0.01 万元 on their
//! own, the official practice. A cell whose exact value is zero is printed blank.

mod narrative;
pub use narrative::chinese_numeral;
mod performance;
mod t01;
mod t02;
mod t03;
mod t04;
mod t05;
mod t06;
mod t07;
mod t08_09;
mod t10;
mod t11;

use crate::budget::{Budget, Fact};
use crate::codes::FuncCode;
use crate::disclosure::{
    Cell, Column, Disclosure, PrintedStaff, Profile, Row, RowKind, Side, Table,
};
use crate::money::{Fen, MoneyUnit};
use crate::source::SourceRef;
use std::collections::BTreeMap;

/// The identifier of the reference template: the 11-table 部门预算 of 新疆 (昌吉州).
pub const TEMPLATE_ID: &str = "xinjiang-budget-11";

/// Derives the document a reader would see from a budget.
pub fn derive(budget: &Budget) -> Disclosure {
    let mut tables = vec![
        t01::build(budget),
        t02::build(budget),
        t03::build(budget),
        t04::build(budget),
        t05::build(budget),
        t06::build(budget),
        t07::build(budget),
        t08_09::build_gov_fund(budget),
        t08_09::build_state_capital(budget),
        t10::build(budget),
        t11::build(budget),
    ];
    // Every table without a figure says so (the tables with a template sentence set theirs).
    for t in &mut tables {
        let blank = t.rows.iter().all(|r| r.cells.iter().all(Option::is_none));
        if blank && t.empty_statement.is_none() {
            t.empty_statement = Some(empty_statement(budget, "没有相关收支", &t.title));
        }
    }
    let narrative = narrative::build(budget, &tables);
    Disclosure {
        department: budget.department.name.clone(),
        year: budget.year,
        kind: budget.kind,
        stage: crate::disclosure::Stage::Budget,
        template: TEMPLATE_ID.to_string(),
        profile: profile(budget),
        tables,
        performance: performance::build(budget),
        narrative,
        projects: project_statements(budget),
        glossary: match &budget.notes.glossary {
            Some(text) => crate::glossary::parse(text),
            None => crate::glossary::standard(),
        },
        unrecognised: Vec::new(),
        pages: Vec::new(),
        contents: Vec::new(),
    }
}

/// Each project's budget (this year, without carry-over) and its itemised use as stated.
fn project_statements(b: &Budget) -> Vec<crate::disclosure::ProjectStatement> {
    b.projects
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let scale =
                b.sum(|f| f.use_ == crate::budget::Use::Project(i) && !f.fund.is_carry_over());
            crate::disclosure::ProjectStatement {
                name: p.name.clone(),
                scale: Some(scale.to_wan2()),
                allocation: p
                    .allocation
                    .iter()
                    .map(|a| crate::disclosure::AllocationLine {
                        label: a.label.clone(),
                        amount: a.amount.exact_wan(),
                        source: a.source.clone(),
                    })
                    .collect(),
                source: p.spans.or("allocation", &p.source).clone(),
            }
        })
        .collect()
}

fn profile(b: &Budget) -> Profile {
    let d = &b.department;
    let s = &d.staff;
    let units = if d.subordinate_units.is_empty() {
        "无下属预算单位".to_string()
    } else {
        format!(
            "下属预算单位 {} 个，分别是：{}",
            d.subordinate_units.len(),
            d.subordinate_units.join("、")
        )
    };
    let organisation = if d.offices.is_empty() {
        format!("{}{}。", d.name, units)
    } else {
        format!(
            "{}{}，下设 {} 个科室，分别是：{}。",
            d.name,
            units,
            d.offices.len(),
            d.offices.join("、")
        )
    };
    Profile {
        functions: d.functions.clone(),
        organisation,
        staff: PrintedStaff {
            authorized: Some(s.authorized),
            actual: Some(s.actual.unwrap_or(s.in_service + s.retired + s.lixiu)),
            in_service: Some(s.in_service),
            retired: Some(s.retired),
            lixiu: Some(s.lixiu),
            in_service_change: Some(s.in_service_change),
            retired_change: Some(s.retired_change),
            lixiu_change: Some(s.lixiu_change),
            source: s.source.clone(),
        },
    }
}

/// A value column: its key, its side, and which facts it sums.
pub(crate) struct Col {
    pub key: String,
    pub side: Side,
    pub keep: Box<dyn Fn(&Fact) -> bool>,
}

impl Col {
    pub fn new(key: &str, keep: impl Fn(&Fact) -> bool + 'static) -> Col {
        Col {
            key: key.to_string(),
            side: Side::Single,
            keep: Box::new(keep),
        }
    }

    pub fn sided(side: Side, key: &str, keep: impl Fn(&Fact) -> bool + 'static) -> Col {
        Col {
            key: key.to_string(),
            side,
            keep: Box::new(keep),
        }
    }
}

/// A printed cell for an exact amount; blank when zero.
pub(crate) fn cell(amount: Fen) -> Option<Cell> {
    (!amount.is_zero()).then(|| Cell {
        printed: amount.to_wan2(),
        exact: Some(amount),
        source: SourceRef::Derived,
    })
}

/// Sums each column over `facts`.
pub(crate) fn sums<'a>(
    facts: impl IntoIterator<Item = &'a Fact> + Clone,
    cols: &[Col],
) -> Vec<Fen> {
    cols.iter()
        .map(|c| {
            facts
                .clone()
                .into_iter()
                .filter(|f| (c.keep)(f))
                .map(|f| f.amount)
                .sum()
        })
        .collect()
}

/// A row whose cells are placed under the columns of its side.
pub(crate) fn row(
    cols: &[Col],
    side: Side,
    code: Option<String>,
    label: &str,
    kind: RowKind,
    values: &[Fen],
) -> Row {
    let mut vi = values.iter();
    let cells = cols
        .iter()
        .map(|c| {
            if c.side == side {
                vi.next().copied().and_then(cell)
            } else {
                None
            }
        })
        .collect();
    Row {
        side,
        code,
        label: label.to_string(),
        kind,
        cells,
        source: SourceRef::Derived,
    }
}

/// A row summing `facts` under every column of `side`.
pub(crate) fn sum_row<'a>(
    cols: &[Col],
    side: Side,
    code: Option<String>,
    label: &str,
    kind: RowKind,
    facts: impl IntoIterator<Item = &'a Fact> + Clone,
) -> Row {
    let side_cols: Vec<&Col> = cols.iter().filter(|c| c.side == side).collect();
    let values: Vec<Fen> = side_cols
        .iter()
        .map(|c| {
            facts
                .clone()
                .into_iter()
                .filter(|f| (c.keep)(f))
                .map(|f| f.amount)
                .sum()
        })
        .collect();
    row(cols, side, code, label, kind, &values)
}

pub(crate) fn table(b: &Budget, number: u8, title: &str, cols: &[Col], rows: Vec<Row>) -> Table {
    Table {
        number,
        title: title.to_string(),
        org: b.department.name.clone(),
        unit: MoneyUnit::Wan,
        columns: cols
            .iter()
            .map(|c| Column {
                key: c.key.clone(),
                side: c.side,
            })
            .collect(),
        rows,
        empty_statement: None,
        notes: Vec::new(),
        source: SourceRef::Derived,
        unplaced: 0,
        kind: None,
    }
}

/// The functional hierarchy of `facts`: for each 类, its 款 and 项 in code order, each row
/// summing every column; rows whose values are all zero are left out.
pub(crate) fn functional_rows(b: &Budget, facts: &[&Fact], cols: &[Col]) -> Vec<Row> {
    let mut by_code: BTreeMap<FuncCode, Vec<&Fact>> = BTreeMap::new();
    for f in facts {
        for code in f.func.ancestry() {
            by_code.entry(code).or_default().push(f);
        }
    }
    by_code
        .iter()
        .filter_map(|(code, fs)| {
            let values = sums(fs.iter().copied(), cols);
            if values.iter().all(|v| v.is_zero()) {
                return None;
            }
            Some(row(
                cols,
                Side::Single,
                Some(code.to_string()),
                &func_label(b, *code),
                level_kind(code),
                &values,
            ))
        })
        .collect()
}

pub(crate) fn level_kind(code: &FuncCode) -> RowKind {
    match code.level() {
        crate::codes::Level::Class => RowKind::Class,
        crate::codes::Level::Kuan => RowKind::Kuan,
        crate::codes::Level::Xiang => RowKind::Xiang,
    }
}

pub(crate) fn func_label(b: &Budget, code: FuncCode) -> String {
    b.func_name(code)
        .unwrap_or_else(|| "（未知科目）".to_string())
}

/// The standard sentence for an empty table.
pub(crate) fn empty_statement(b: &Budget, what: &str, title: &str) -> String {
    format!(
        "{}{}年{}，{}为空表。",
        b.department.name, b.year, what, title
    )
}

/// A total row over all of `facts` followed by `rest`; no rows at all when `facts` is empty.
pub(crate) fn with_total(cols: &[Col], label: &str, facts: &[&Fact], rest: Vec<Row>) -> Vec<Row> {
    if facts.is_empty() {
        return Vec::new();
    }
    let mut rows = vec![sum_row(
        cols,
        Side::Single,
        None,
        label,
        RowKind::Total,
        facts.iter().copied(),
    )];
    rows.extend(rest);
    rows
}

/// The expenditure side of a two-sided table (tables 1 and 4): one row per functional 类 —
/// every 类 of the year's catalogue, spent on or not, plus any 类 the ledger uses that the
/// catalogue lacks, so the two sides always balance — then the 收入总计 and 支出总计 rows.
pub(crate) fn class_side_and_totals(b: &Budget, cols: &[Col], facts: &[&Fact]) -> Vec<Row> {
    let mut classes: std::collections::BTreeSet<FuncCode> = crate::catalog::Catalog::get()
        .functional_classes(b.year)
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    classes.extend(facts.iter().map(|f| f.func.class()));
    let mut rows: Vec<Row> = classes
        .into_iter()
        .map(|code| {
            let in_class = facts
                .iter()
                .copied()
                .filter(move |f| f.func.class() == code);
            sum_row(
                cols,
                Side::Expenditure,
                Some(code.to_string()),
                &func_label(b, code),
                RowKind::Class,
                in_class,
            )
        })
        .collect();
    rows.push(sum_row(
        cols,
        Side::Income,
        None,
        "收入总计",
        RowKind::Total,
        facts.iter().copied(),
    ));
    rows.push(sum_row(
        cols,
        Side::Expenditure,
        None,
        "支出总计",
        RowKind::Total,
        facts.iter().copied(),
    ));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::*;

    #[test]
    fn derived_tables_follow_the_template() {
        let b = Budget {
            year: 2025,
            kind: DocKind::Department,
            date: None,
            department: Department {
                name: "某单位".into(),
                ..Department::default()
            },
            facts: Vec::new(),
            projects: Vec::new(),
            procurement: Procurement::default(),
            assets: Assets::default(),
            comparisons: Vec::new(),
            overall_performance: None,
            notes: NarrativeNotes::default(),
            local_func_names: Default::default(),
        };
        let d = derive(&b);
        for (t, spec) in d
            .tables
            .iter()
            .zip(crate::template::XINJIANG_BUDGET_11.iter())
        {
            assert_eq!(t.number, spec.number);
            assert_eq!(t.title, spec.title);
            let cols: Vec<(&str, Side)> =
                t.columns.iter().map(|c| (c.key.as_str(), c.side)).collect();
            assert_eq!(cols, spec.columns.to_vec(), "表{}", t.number);
        }
    }
}
