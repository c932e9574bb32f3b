//! N901 上海预算说明中的金额与表一致

use super::sentences;
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::restates;
use crate::kinds::{RowSel, find_col, find_row, report};
use crate::rules::classification::k002::normal;
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{ClaimKind, Side, Table};

/// N901
pub struct N901;

static META: RuleMeta = RuleMeta {
    id: "N901",
    family: Family::Narrative,
    template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
    severity: Severity::Error,
    title: "上海预算说明中的金额与表一致",
    what: "上海市预算的编制说明和其他相关情况说明复述的金额应与表相同：收入预算及财政拨款收入、事业收入、事业单位经营收入、其他收入（表1），支出预算（表1），财政拨款支出预算及一般公共预算、政府性基金、国有资本经营预算拨款支出预算（表4），逐项列出的财政拨款支出“类-款-项”科目（表2 财政拨款收入列），“三公”经费及各项、机关运行经费（表9）。",
    why: "说明是对表的文字复述，同一数额两处不同，至少一处错误。说明以万元列示、表以元列示时，按四舍五入比较，只报四舍五入解释不了的差异。",
    example: "说明“收入预算9,101.68万元”，表1 收入总计 91,016,775.35 元：一致。",
    basis: "上海市区级部门预算公开文本（部门预算编制说明、其他相关情况说明）与公开表的对应关系。",
    fixture: Fixture {
        base: Base::ShanghaiPdf,
        pass: &[],
        fail: &[("办公室收入预算9,101.68万元", "办公室收入预算9,201.68万元")],
    },
};

const I: Side = Side::Income;
const E: Side = Side::Expenditure;
const S: Side = Side::Single;

/// Which table cell a statement restates: an amount whose subject ends with `subject` (or, with
/// `contains`, has it anywhere: `2025年“三公”经费预算数`).
struct Map {
    subject: &'static str,
    contains: bool,
    table: u8,
    side: Side,
    row: RowSel,
    /// The column, by its key in each variant of the table.
    columns: &'static [&'static str],
}

const fn map(
    subject: &'static str,
    table: u8,
    side: Side,
    row: RowSel,
    columns: &'static [&'static str],
) -> Map {
    Map {
        subject,
        contains: false,
        table,
        side,
        row,
        columns,
    }
}

const MAPS: &[Map] = &[
    map("收入预算", 1, I, RowSel::Total, &["预算数"]),
    map(
        "财政拨款收入",
        1,
        I,
        RowSel::Item("财政拨款收入"),
        &["预算数"],
    ),
    map(
        "事业单位经营收入",
        1,
        I,
        RowSel::Item("事业单位经营收入"),
        &["预算数"],
    ),
    map("事业收入", 1, I, RowSel::Item("事业收入"), &["预算数"]),
    map("其他收入", 1, I, RowSel::Item("其他收入"), &["预算数"]),
    map("支出预算", 1, E, RowSel::Total, &["预算数", "预算数/合计"]),
    map("财政拨款支出预算", 4, E, RowSel::Total, &["合计"]),
    map(
        "一般公共预算拨款支出预算",
        4,
        E,
        RowSel::Total,
        &["一般公共预算"],
    ),
    map(
        "政府性基金拨款支出预算",
        4,
        E,
        RowSel::Total,
        &["政府性基金预算"],
    ),
    map(
        "国有资本经营预算拨款支出预算",
        4,
        E,
        RowSel::Total,
        &["国有资本经营预算"],
    ),
    Map {
        subject: "“三公”经费",
        contains: true,
        table: 9,
        side: S,
        row: RowSel::Only,
        columns: &["合计"],
    },
    map("因公出国（境）费", 9, S, RowSel::Only, &["因公出国(境)费"]),
    map("公务接待费", 9, S, RowSel::Only, &["公务接待费"]),
    map(
        "公务用车购置及运行费",
        9,
        S,
        RowSel::Only,
        &["公务用车购置及运行费/小计"],
    ),
    map(
        "公务用车购置费",
        9,
        S,
        RowSel::Only,
        &["公务用车购置及运行费/购置费"],
    ),
    map(
        "公务用车运行费",
        9,
        S,
        RowSel::Only,
        &["公务用车购置及运行费/运行费"],
    ),
    Map {
        subject: "机关运行经费",
        contains: true,
        table: 9,
        side: S,
        row: RowSel::Only,
        columns: &["机关运行经费预算数"],
    },
];

/// `“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目` → the row of table 2 with
/// that 类, 款 and 项 (by name, each under the one before).
fn subject_row(t: &Table, subject: &str) -> Option<usize> {
    let inner = subject
        .strip_suffix("科目")?
        .trim_start_matches('“')
        .trim_end_matches('”');
    let names: Vec<String> = inner.split('-').map(normal).collect();
    super::path_row(t, &names)
}

impl Rule for N901 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (_, s) in sentences(&cx.disclosure.narrative) {
            let mut seen: Vec<&str> = Vec::new();
            for c in &s.claims {
                let ClaimKind::Amount { value } = c.kind else {
                    continue;
                };
                let subject = normal(&c.subject);
                // An itemised 科目 of the 财政拨款 expenditure: table 2's 财政拨款收入 by 项.
                let (t, row, col, sel) = if subject.ends_with("科目") && subject.contains('-') {
                    let Some(t) = cx.table(2) else { continue };
                    let Some(col) = find_col(t, S, "财政拨款收入") else {
                        continue;
                    };
                    let Some(row) = subject_row(t, &subject) else {
                        continue;
                    };
                    (t, Some(row), col, RowSel::Total)
                } else {
                    // The most specific statement: 财政拨款支出预算 before 支出预算.
                    let Some(m) = MAPS
                        .iter()
                        .filter(|m| {
                            if m.contains {
                                subject.contains(m.subject)
                            } else {
                                subject.ends_with(m.subject)
                            }
                        })
                        .max_by_key(|m| m.subject.chars().count())
                    else {
                        continue;
                    };
                    if seen.contains(&m.subject) {
                        continue;
                    }
                    seen.push(m.subject);
                    let Some(t) = cx.table(m.table) else { continue };
                    let Some(col) = m.columns.iter().find_map(|k| find_col(t, m.side, k)) else {
                        continue;
                    };
                    (t, find_row(t, m.side, m.row), col, m.row)
                };
                let (cell, other) = super::restated_cell(t, row, col, sel.name());
                let what = format!("说明中的“{}”{value} 万元应与表{}相同", c.subject, t.number);
                let primary = Label::at(s.source.clone(), format!("{value} 万元"));
                if let Some(d) = report(
                    &META,
                    restates(cell, Some(&value)),
                    &what,
                    primary,
                    vec![other],
                ) {
                    out.push(d);
                }
            }
        }
    }
}
