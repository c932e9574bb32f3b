//! N801 上海决算情况说明中的金额与表一致

use super::sentences;
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::same_quantity;
use crate::kinds::{RowSel, cell_label, find_col, find_row, printed, report};
use crate::rules::classification::k002::normal;
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{ClaimKind, Side, Table};

/// N801
pub struct N801;

static META: RuleMeta = RuleMeta {
    id: "N801",
    family: Family::Narrative,
    template: Some(yusuan_core::template::SHANGHAI_FINAL_ID),
    severity: Severity::Error,
    title: "上海决算情况说明中的金额与表一致",
    what: "上海市决算第三部分情况说明各部分复述的金额应与表相同：收入支出总计（表1），本年收入合计及各项收入（表2），本年支出合计及基本、项目等各项支出（表3），财政拨款收入支出总计（表4），一般公共预算财政拨款支出及其各类、逐项说明的各项支出决算（表5），一般公共预算财政拨款基本支出及人员经费、公用经费（表5、表6），“三公”经费年初预算、支出决算及因公出国（境）费、公务用车购置及运行维护费、公务接待费的决算（表7）。",
    why: "情况说明是对表的文字复述，同一数额两处不同，至少一处错误。",
    example: "说明“本年收入合计2946.25万元”，表2 合计行“本年收入合计”2,946.25：一致。",
    basis: "上海市部门决算公开文本（第三部分 情况说明）与决算公开表的对应关系。",
    fixture: Fixture {
        base: Base::ShanghaiFinalPdf,
        pass: &[],
        fail: &[("本年收入合计307.82万元", "本年收入合计317.82万元")],
    },
};

const I: Side = Side::Income;
const E: Side = Side::Expenditure;
const S: Side = Side::Single;

/// Which table cell a statement restates: in section `section` (一 … 十一), an amount whose
/// subject ends with `subject`.
struct Map {
    section: &'static str,
    subject: &'static str,
    table: u8,
    side: Side,
    row: RowSel,
    column: &'static str,
}

const fn map(
    section: &'static str,
    subject: &'static str,
    table: u8,
    side: Side,
    row: RowSel,
    column: &'static str,
) -> Map {
    Map {
        section,
        subject,
        table,
        side,
        row,
        column,
    }
}

const MAPS: &[Map] = &[
    map("一", "收入支出总计", 1, I, RowSel::Total, "决算数"),
    map("二", "本年收入合计", 2, S, RowSel::Total, "本年收入合计"),
    map("二", "财政拨款收入", 2, S, RowSel::Total, "财政拨款收入"),
    map("二", "上级补助收入", 2, S, RowSel::Total, "上级补助收入"),
    map("二", "事业收入", 2, S, RowSel::Total, "事业收入"),
    map("二", "经营收入", 2, S, RowSel::Total, "经营收入"),
    map(
        "二",
        "附属单位上缴收入",
        2,
        S,
        RowSel::Total,
        "附属单位上缴收入",
    ),
    map("二", "其他收入", 2, S, RowSel::Total, "其他收入"),
    map("三", "本年支出合计", 3, S, RowSel::Total, "本年支出合计"),
    map("三", "基本支出", 3, S, RowSel::Total, "基本支出"),
    map("三", "项目支出", 3, S, RowSel::Total, "项目支出"),
    map("三", "上缴上级支出", 3, S, RowSel::Total, "上缴上级支出"),
    map("三", "经营支出", 3, S, RowSel::Total, "经营支出"),
    map(
        "三",
        "对附属单位补助支出",
        3,
        S,
        RowSel::Total,
        "对附属单位补助支出",
    ),
    map("四", "财政拨款收入支出总计", 4, I, RowSel::Total, "决算数"),
    map(
        "五",
        "一般公共预算财政拨款支出",
        5,
        S,
        RowSel::Total,
        "合计",
    ),
    map(
        "六",
        "一般公共预算财政拨款基本支出",
        5,
        S,
        RowSel::Total,
        "基本支出",
    ),
    map("六", "人员经费", 6, I, RowSel::Total, "决算数"),
    map("六", "公用经费", 6, E, RowSel::Total, "决算数"),
    map(
        "七",
        "“三公”经费财政拨款支出年初预算",
        7,
        S,
        SANGONG,
        "合计/预算数",
    ),
    map("七", "支出决算", 7, S, SANGONG, "合计/决算数"),
    map(
        "七",
        "因公出国（境）费决算",
        7,
        S,
        SANGONG,
        "因公出国（境）费/决算数",
    ),
    map(
        "七",
        "因公出国（境）费支出决算",
        7,
        S,
        SANGONG,
        "因公出国（境）费/决算数",
    ),
    map(
        "七",
        "公务用车购置及运行维护费支出决算",
        7,
        S,
        SANGONG,
        "公务用车购置及运行维护费/小计/决算数",
    ),
    map(
        "七",
        "公务接待费支出决算",
        7,
        S,
        SANGONG,
        "公务接待费/决算数",
    ),
];

/// The 三公 table's one row of figures.
const SANGONG: RowSel = RowSel::Only;

/// `1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。` → its 类, 款 and 项 names.
fn item_path(text: &str) -> Option<Vec<String>> {
    let t = normal(text);
    let (head, rest) = t.split_once("（类）")?;
    // The class's name follows the item's number (`其中：1、…`).
    let class = head
        .rsplit(['：', ':', '、', '，', '。', '；'])
        .next()
        .unwrap_or(head);
    let (kuan, rest) = rest.split_once("（款）")?;
    let (xiang, _) = rest.split_once("（项）")?;
    (!class.is_empty() && !kuan.is_empty() && !xiang.is_empty())
        .then(|| vec![class.to_string(), kuan.to_string(), xiang.to_string()])
}

/// `一般公共服务支出（类）` → the 类 row of `t` so named.
fn class_row(t: &Table, subject: &str) -> Option<usize> {
    let name = subject
        .strip_suffix("（类）")
        .or_else(|| subject.strip_suffix("(类)"))?;
    let name = normal(name);
    t.rows
        .iter()
        .position(|r| r.code.as_deref().is_some_and(|c| c.len() == 3) && normal(&r.label) == name)
}

impl Rule for N801 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let sections = &cx.disclosure.narrative.sections;
        // Part 五 goes item by item: `1、一般公共服务支出（类）…（款）…（项）。` then that item's
        // `支出决算为…万元` (表5, its row's 合计).
        // (An item whose names are not found in 表5 leaves its figures unchecked.)
        let mut item: Option<(usize, Option<usize>)> = None;
        for (top, s) in sentences(&cx.disclosure.narrative) {
            let number = sections[top].number.as_str();
            if item.is_some_and(|(t, _)| t != top) {
                item = None;
            }
            // Any sentence naming a 款 begins an item (one whose names are cut short, as text
            // extraction can leave them, is an item not found).
            if number == "五" && (s.text.contains("（款）") || s.text.contains("(款)")) {
                let row = item_path(&s.text)
                    .and_then(|names| cx.table(5).and_then(|t5| super::path_row(t5, &names)));
                item = Some((top, row));
            }
            let mut seen: Vec<&str> = Vec::new();
            for c in &s.claims {
                let ClaimKind::Amount { value } = c.kind else {
                    continue;
                };
                let subject = normal(&c.subject);
                if number == "五" && subject == "支出决算" {
                    let Some(t) = cx.table(5) else { continue };
                    let Some(col) = find_col(t, S, "合计") else {
                        continue;
                    };
                    // The item's own, else (before any item) the whole table's.
                    let row = match item {
                        Some((_, r)) => r,
                        None => find_row(t, S, RowSel::Total),
                    };
                    let Some(row) = row else { continue };
                    let what = format!(
                        "说明“{number}”中“{}”的支出决算 {value} 万元应与表5相同",
                        t.rows[row].label
                    );
                    if let Some(d) = report(
                        &META,
                        same_quantity(printed(t, row, col), Some(&value)),
                        &what,
                        Label::at(s.source.clone(), format!("{value} 万元")),
                        vec![cell_label(t, row, col)],
                    ) {
                        out.push(d);
                    }
                    continue;
                }
                // 五's structure: each class of the general budget's spending (表5).
                let (t, row, col, name) = if number == "五" && subject.ends_with("（类）") {
                    let Some(t) = cx.table(5) else { continue };
                    let Some(col) = find_col(t, S, "合计") else {
                        continue;
                    };
                    let Some(row) = class_row(t, &subject) else {
                        continue;
                    };
                    (t, Some(row), col, "合计")
                } else {
                    // The most specific statement: 财政拨款收入支出总计 before 收入支出总计.
                    let Some(m) = MAPS
                        .iter()
                        .filter(|m| m.section == number && subject.ends_with(m.subject))
                        .max_by_key(|m| m.subject.chars().count())
                    else {
                        continue;
                    };
                    if seen.contains(&m.subject) {
                        continue;
                    }
                    seen.push(m.subject);
                    let Some(t) = cx.table(m.table) else { continue };
                    let Some(col) = find_col(t, m.side, m.column) else {
                        continue;
                    };
                    (t, find_row(t, m.side, m.row), col, m.row.name())
                };
                let (cell, other) = super::restated_cell(t, row, col, name);
                let what = format!(
                    "说明“{number}”中的“{}”{value} 万元应与表{}相同",
                    c.subject, t.number
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
