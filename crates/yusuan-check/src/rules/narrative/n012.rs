//! N012 说明中的总额与表一致

use super::sentences;
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::same_quantity;
use crate::kinds::{RowSel, find_col, find_row, report};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{ClaimKind, Side};

/// N012
pub struct N012;

static META: RuleMeta = RuleMeta {
    id: "N012",
    family: Family::Narrative,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Error,
    title: "说明中的总额与表一致",
    what: "情况说明各部分复述的总额应与对应的表相同：收支总预算、收入预算及各来源（表1），支出预算、基本支出、项目支出（表3），财政拨款收支总预算（表4），一般公共预算拨款及其基本、项目支出（表5），一般公共预算基本支出、人员经费、公用经费（表6），“三公”经费及各项（表10），上年结转结余及其财政拨款、非财政拨款（表1、表11）。",
    why: "情况说明是对表的文字说明，同一数额两处不同，至少一处错误（说明中的每个金额都应复述表中的数）。",
    example: "参考例第三部分“三”称基本支出 253.74 万元，表3 基本支出 253.74：一致。",
    basis: "部门预算情况说明第一至十一部分与公开表的对应关系。",
    fixture: Fixture {
        base: Base::ReferenceText,
        pass: &[],
        fail: &[(
            "基本支出253.74万元，占52.78%",
            "基本支出263.74万元，占52.78%",
        )],
    },
};

/// Which table cell a statement restates: in section `section` (一, 二 …), an amount whose
/// subject ends with (or, for “三公”, contains) `subject`.
struct Map {
    section: &'static str,
    subject: &'static str,
    table: u8,
    side: Side,
    row: RowSel,
    column: &'static str,
}

const I: Side = Side::Income;
const S: Side = Side::Single;

const MAPS: &[Map] = &[
    Map {
        section: "一",
        subject: "收支总预算",
        table: 1,
        side: I,
        row: RowSel::Label("收入总计"),
        column: "预算数",
    },
    Map {
        section: "二",
        subject: "收入预算",
        table: 1,
        side: I,
        row: RowSel::Label("收入总计"),
        column: "预算数",
    },
    Map {
        section: "二",
        subject: "一般公共预算",
        table: 1,
        side: I,
        row: RowSel::Label("1.一般公共预算拨款"),
        column: "预算数",
    },
    Map {
        section: "二",
        subject: "政府性基金预算",
        table: 1,
        side: I,
        row: RowSel::Label("2.政府性基金预算拨款"),
        column: "预算数",
    },
    Map {
        section: "二",
        subject: "国有资本经营预算",
        table: 1,
        side: I,
        row: RowSel::Label("3.国有资本经营预算拨款"),
        column: "预算数",
    },
    Map {
        section: "二",
        subject: "非财政拨款结转结余",
        table: 1,
        side: I,
        row: RowSel::Label("2.非财政拨款结转结余"),
        column: "预算数",
    },
    Map {
        section: "三",
        subject: "支出预算",
        table: 3,
        side: S,
        row: RowSel::Total,
        column: "合计",
    },
    Map {
        section: "三",
        subject: "基本支出",
        table: 3,
        side: S,
        row: RowSel::Total,
        column: "基本支出",
    },
    Map {
        section: "三",
        subject: "项目支出",
        table: 3,
        side: S,
        row: RowSel::Total,
        column: "项目支出",
    },
    Map {
        section: "四",
        subject: "财政拨款收支总预算",
        table: 4,
        side: I,
        row: RowSel::Label("收入总计"),
        column: "合计",
    },
    Map {
        section: "五",
        subject: "拨款合计",
        table: 5,
        side: S,
        row: RowSel::Total,
        column: "合计",
    },
    Map {
        section: "五",
        subject: "基本支出",
        table: 5,
        side: S,
        row: RowSel::Total,
        column: "基本支出",
    },
    Map {
        section: "五",
        subject: "项目支出",
        table: 5,
        side: S,
        row: RowSel::Total,
        column: "项目支出",
    },
    Map {
        section: "六",
        subject: "基本支出",
        table: 6,
        side: S,
        row: RowSel::Total,
        column: "合计",
    },
    Map {
        section: "六",
        subject: "人员经费",
        table: 6,
        side: S,
        row: RowSel::Total,
        column: "人员经费",
    },
    Map {
        section: "六",
        subject: "公用经费",
        table: 6,
        side: S,
        row: RowSel::Total,
        column: "公用经费",
    },
    Map {
        section: "十",
        subject: "“三公”经费数",
        table: 10,
        side: S,
        row: RowSel::Label("合计"),
        column: "合计",
    },
    Map {
        section: "十",
        subject: "因公出国（境）费",
        table: 10,
        side: S,
        row: RowSel::Label("因公出国（境）费"),
        column: "合计",
    },
    Map {
        section: "十",
        subject: "公务接待费",
        table: 10,
        side: S,
        row: RowSel::Label("公务接待费"),
        column: "合计",
    },
    Map {
        section: "十",
        subject: "公务用车购置费",
        table: 10,
        side: S,
        row: RowSel::Label("其中：公务用车购置费"),
        column: "合计",
    },
    Map {
        section: "十",
        subject: "公务用车运行费",
        table: 10,
        side: S,
        row: RowSel::Label("公务用车运行费"),
        column: "合计",
    },
    Map {
        section: "十一",
        subject: "上年结转结余",
        table: 1,
        side: I,
        row: RowSel::Label("二、上年结转结余"),
        column: "预算数",
    },
    Map {
        section: "十一",
        subject: "非财政拨款",
        table: 11,
        side: S,
        row: RowSel::Total,
        column: "非财政拨款/小计",
    },
    Map {
        section: "十一",
        subject: "财政拨款",
        table: 11,
        side: S,
        row: RowSel::Total,
        column: "财政拨款/小计",
    },
];

impl Rule for N012 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let sections = &cx.disclosure.narrative.sections;
        for (top, s) in sentences(&cx.disclosure.narrative) {
            let number = sections[top].number.as_str();
            let mut seen_in_sentence: Vec<&'static str> = Vec::new();
            for c in &s.claims {
                let ClaimKind::Amount { value } = c.kind else {
                    continue;
                };
                let subject: String = c.subject.chars().filter(|c| !c.is_whitespace()).collect();
                // The most specific mapping: 非财政拨款 before 财政拨款.
                let Some(m) = MAPS
                    .iter()
                    .find(|m| m.section == number && subject.ends_with(m.subject))
                else {
                    continue;
                };
                if seen_in_sentence.contains(&m.subject) {
                    continue;
                }
                seen_in_sentence.push(m.subject);
                let Some(t) = cx.table(m.table) else { continue };
                let Some(col) = find_col(t, m.side, m.column) else {
                    continue;
                };
                let row = find_row(t, m.side, m.row);
                let (cell, other) = super::restated_cell(t, row, col, "合计");
                let what = format!(
                    "说明“{number}”中的“{}”{value} 万元应与表{}相同",
                    c.subject, m.table
                );
                let primary = Label::at(s.source.clone(), format!("{value} 万元"));
                if let Some(d) = report(
                    &META,
                    same_quantity(cell, Some(&value)),
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
