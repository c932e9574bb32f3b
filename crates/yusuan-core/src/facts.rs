//! 事实 — every printed figure of a document's tables with what it means: its measure (收入 or
//! 支出), fund, functional or economic code, part (基本/人员/公用/项目…), period, its value as
//! printed with the interval of exact amounts it stands for, and its place.
//!
//! Facts are derived from a [`Disclosure`] alone, by the tables' kinds (or titles) and the
//! columns' keys, so a document of any region gives facts of one shape: what a store keeps and
//! an analytics engine reads. The schema is documented in `docs/facts.md`.

use crate::disclosure::{Disclosure, RowKind, Side, Table};
use crate::money::Unit;
use crate::source::SourceRef;
use serde::Serialize;

/// 事实 — one printed figure and its dimensions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// The table's number (template number, or the kind's number for a table read by meaning).
    pub table: u8,
    /// The table's title as printed.
    pub title: String,
    /// The table's kind when read by meaning (`支出总表` …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// `收入` or `支出`.
    pub measure: &'static str,
    /// The side of a two-sided table: `收入`, `支出`, or empty.
    pub side: &'static str,
    /// The row's code as printed, compact (`2010301`, `30101`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row_code: Option<String>,
    /// The row's label as printed.
    pub row_label: String,
    /// What the row is: `total`, `subtotal`, `item`, `class`, `kuan`, `xiang`, `unit`, `project`.
    pub row_kind: &'static str,
    /// The column's key.
    pub column: String,
    /// 资金来源 — the fund the figure is of (`一般公共预算`, `政府性基金预算`,
    /// `国有资本经营预算`, `财政拨款`, `财政专户`, `单位资金`, `事业收入`, …); absent = all funds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fund: Option<&'static str>,
    /// 支出功能分类 code of the row, when its code is functional (2xx), or the class an
    /// expenditure row names without a code (`一、一般公共服务支出` → `201`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub functional: Option<String>,
    /// 支出经济分类 code of the row, when its code is economic (3xx, 5xx).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub economic: Option<String>,
    /// The part of spending: `基本支出`, `人员经费`, `公用经费`, `项目支出`, `事业单位经营支出`,
    /// `上缴上级支出`, `对附属单位补助支出`, or a 三公 item; absent = the whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<&'static str>,
    /// 阶段 — `预算` or `决算`: the document the figure is printed in.
    pub stage: &'static str,
    /// `本年` (the year's figure: its budget, or in a 决算 its outturn), `上年` (a column of last
    /// year's figures), `增减` (a change), `年初预算` (a 决算's column of the year's initial
    /// budget), `年初` or `年末` (a 决算's balances carried in or out: 年初结转和结余,
    /// 年末结转和结余).
    pub period: &'static str,
    /// The figure exactly as printed.
    pub value: String,
    /// Its unit: `元`, `千元`, `万元`, `%`, or empty for a plain number.
    pub unit: &'static str,
    /// The printed figure in fen, converted exactly (money only): what sums of printed figures
    /// add.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fen: Option<i64>,
    /// The least exact amount, in fen, that prints as this figure (money only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fen_low: Option<i64>,
    /// The greatest exact amount, in fen, that prints as this figure (money only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fen_high: Option<i64>,
    /// 1-based page, when read from a paged document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 1-based line of the input (text line, or PDF line in reading order).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// Funds a column key (or one of its `/`-joined segments) can name, by the key's words.
const FUNDS: &[(&str, &str)] = &[
    ("一般公共预算", "一般公共预算"),
    ("政府性基金", "政府性基金预算"),
    ("国有资本经营", "国有资本经营预算"),
    ("非财政拨款", "非财政拨款"),
    ("财政拨款", "财政拨款"),
    ("财政专户", "财政专户"),
    ("教育收费", "财政专户"),
    ("单位资金", "单位资金"),
    ("事业单位经营收入", "事业单位经营收入"),
    ("事业收入", "事业收入"),
    ("上级补助收入", "上级补助收入"),
    ("附属单位上缴收入", "附属单位上缴收入"),
    ("其他收入", "其他收入"),
    ("上年结转", "上年结转"),
    ("非财政拨款结余", "非财政拨款结余"),
];

/// Parts of spending a column key can name.
const PARTS: &[&str] = &[
    "基本支出",
    "人员经费",
    "公用经费",
    "项目支出",
    "事业单位经营支出",
    "上缴上级支出",
    "对附属单位补助支出",
    "因公出国（境）费",
    "公务接待费",
    "公务用车购置及运行费",
    "公务用车购置费",
    "公务用车运行费",
];

/// The fund a table of this kind is of, when the kind names one.
fn fund_of_kind(kind: &str) -> Option<&'static str> {
    if kind.starts_with("一般公共预算") {
        Some("一般公共预算")
    } else if kind.starts_with("政府性基金") {
        Some("政府性基金预算")
    } else if kind.starts_with("国有资本经营") {
        Some("国有资本经营预算")
    } else if kind.starts_with("财政拨款") {
        Some("财政拨款")
    } else {
        None
    }
}

/// A label without its numbering and spaces: `一、一般公共服务支出` → `一般公共服务支出`,
/// `1.一般公共预算拨款` → `一般公共预算拨款`, `（一）…` → `…`.
fn bare_name(label: &str) -> String {
    let s: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let rest = match s.strip_prefix(['（', '(']) {
        Some(r) => r
            .trim_start_matches(numeral)
            .strip_prefix(['）', ')'])
            .map(str::to_string),
        None => {
            let body = s.trim_start_matches(numeral);
            (body.len() < s.len())
                .then(|| body.strip_prefix(['、', '.', '．']).map(str::to_string))
                .flatten()
        }
    };
    rest.unwrap_or(s)
}

fn row_kind(k: RowKind) -> &'static str {
    match k {
        RowKind::Total => "total",
        RowKind::Subtotal => "subtotal",
        RowKind::Item => "item",
        RowKind::Class => "class",
        RowKind::Kuan => "kuan",
        RowKind::Xiang => "xiang",
        RowKind::Unit => "unit",
        RowKind::Project => "project",
    }
}

fn side(s: Side) -> &'static str {
    match s {
        Side::Single => "",
        Side::Income => "收入",
        Side::Expenditure => "支出",
    }
}

/// 收入 for an income side or an income table, 支出 otherwise.
fn measure(t: &Table, s: Side) -> &'static str {
    let income_table = t.kind.as_deref().map_or_else(
        || t.title.contains("收入") && !t.title.contains("支出"),
        |k| k == "收入总表",
    );
    match s {
        Side::Income => "收入",
        Side::Single if income_table => "收入",
        _ => "支出",
    }
}

/// The period a row's label or a column's key names by its year (`2025年`, `2026年度预算数`,
/// `2025年一般公共预算拨款安排的三公经费预算`: this year's or last year's) or as the change
/// (`增减变化金额`, `增减变化情况`). None when it names neither, or another year.
fn period_named(text: &str, year: i32) -> Option<&'static str> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.starts_with("增减") {
        return Some("增减");
    }
    // Money carried over from a year is this year's income, whatever year it names.
    if t.contains("结转") || t.contains("结余") {
        return None;
    }
    // The first year it names, `YYYY年`, not part of a longer number.
    let chars: Vec<char> = t.chars().collect();
    let named = (0..chars.len().saturating_sub(4)).find_map(|i| {
        let before_digit = i > 0 && chars[i - 1].is_ascii_digit();
        let digits: String = chars[i..i + 4].iter().collect();
        (!before_digit && chars[i + 4] == '年' && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<i32>().ok())
            .flatten()
    })?;
    if named == year {
        Some("本年")
    } else if named == year - 1 {
        Some("上年")
    } else {
        None
    }
}

/// A row label that is a year and nothing more (`2025年`, `2026年度`, `2026年预算数`), or
/// the change (`增减变化金额`): the label; else "". A unit's name printed before the year in
/// the same row (`深圳市人民政府口岸办公室 2025 年`, a text whose 预算单位 and 年度 columns ran
/// together): the year.
fn year_label(label: &str) -> &str {
    let t = label.trim();
    if t.starts_with("增减") {
        return t;
    }
    if !t.starts_with(|c: char| c.is_ascii_digit())
        && let Some(at) = t.char_indices().rev().map(|(i, _)| i).find(|&i| {
            t[i..].len() >= 4
                && t[i..].bytes().take(4).all(|b| b.is_ascii_digit())
                && !t[..i].ends_with(|c: char| c.is_ascii_digit())
        })
        && !t[..at].trim().is_empty()
    {
        let tail = year_label(&t[at..]);
        if !tail.is_empty() {
            return tail;
        }
    }
    let rest = t
        .char_indices()
        .nth(4)
        .filter(|_| t.bytes().take(4).all(|b| b.is_ascii_digit()))
        .map(|(i, _)| t[i..].trim_start());
    match rest {
        Some(r)
            if matches!(
                r.trim_start_matches('年').trim_start_matches('度'),
                "" | "预算" | "预算数" | "决算" | "决算数"
            ) && r.starts_with('年') =>
        {
            t
        }
        _ => "",
    }
}

/// The period a row names when it is a year or the change (`2025年` in a 2026 document:
/// `上年`; `2026年预算数`: `本年`; `增减变化金额`: `增减`), as a table set out by year prints
/// its rows.
pub fn row_period(label: &str, year: i32) -> Option<&'static str> {
    period_named(year_label(label), year)
}

/// Every printed figure of the document's tables, in document order.
pub fn facts(d: &Disclosure) -> Vec<Fact> {
    let mut out = Vec::new();
    for t in &d.tables {
        for r in &t.rows {
            for (col, cell) in t.columns.iter().zip(&r.cells) {
                let Some(cell) = cell else { continue };
                let segments: Vec<&str> = col.key.split('/').collect();
                let fund = segments
                    .iter()
                    .find_map(|s| {
                        FUNDS
                            .iter()
                            .find(|(w, _)| s.starts_with(w))
                            .map(|(_, f)| *f)
                    })
                    .or_else(|| t.kind.as_deref().and_then(fund_of_kind));
                let part = segments
                    .iter()
                    .rev()
                    .find_map(|s| PARTS.iter().find(|p| s.starts_with(*p)).copied())
                    .or_else(|| {
                        t.kind
                            .as_deref()
                            .is_some_and(|k| k.contains("基本支出"))
                            .then_some("基本支出")
                    });
                let final_accounts = d.stage == crate::disclosure::Stage::Final;
                // A row or column that names its year (`2025年`, `2026年预算数`), or the
                // change (`增减变化金额`), says the period (a 三公 table set out by year).
                // (A row only when its label is the year, `2025年`, `2026年预算数`; a 决算's
                // columns of this year keep telling its budget from its final figures.)
                let named = row_period(&r.label, d.year)
                    .or_else(|| period_named(&col.key, d.year))
                    .filter(|p| !(final_accounts && *p == "本年"));
                let period = if let Some(p) = named {
                    p
                } else if col.key.contains("上年") && !col.key.contains("结转") {
                    "上年"
                } else if col.key.contains("增减") || col.key.contains("增长") {
                    "增减"
                } else if final_accounts && col.key.contains("年初结转") {
                    "年初"
                } else if final_accounts && col.key.contains("年末结转") {
                    "年末"
                } else if final_accounts && segments.last().is_some_and(|s| s.starts_with("预算"))
                {
                    "年初预算"
                } else {
                    "本年"
                };
                // An income item names its fund (`九、其他收入`); an expenditure class may be
                // named without its code (`一、一般公共服务支出`).
                let name = bare_name(&r.label);
                let fund = fund.or_else(|| {
                    (measure(t, r.side) == "收入")
                        .then(|| {
                            FUNDS
                                .iter()
                                .find(|(w, _)| name.starts_with(w))
                                .map(|(_, f)| *f)
                        })
                        .flatten()
                });
                let code = r.code.clone();
                let (functional, economic) = match code.as_deref().and_then(|c| c.chars().next()) {
                    // A unit's code (a table set out by 单位编码) is no classification.
                    _ if r.kind == RowKind::Unit => (None, None),
                    Some('2') => (code.clone(), None),
                    Some('3' | '5') => (None, code.clone()),
                    _ if r.side == Side::Expenditure => (
                        crate::catalog::Catalog::get()
                            .functional_class_named(&name)
                            .map(|c| c.to_string()),
                        None,
                    ),
                    _ => (None, None),
                };
                let (fen_low, fen_high) = match cell.printed.interval_fen() {
                    Some((lo, hi)) => (Some(lo.fen()), Some(hi.fen())),
                    None => (None, None),
                };
                let unit = match cell.printed.unit {
                    Unit::Money(u) => u.label(),
                    Unit::Percent => "%",
                    Unit::Number => "",
                };
                let (page, line) = match &cell.source {
                    SourceRef::Line { page, line } => (*page, Some(*line)),
                    SourceRef::Span { line, .. } => (None, Some(*line)),
                    _ => (None, None),
                };
                out.push(Fact {
                    table: t.number,
                    title: t.title.clone(),
                    kind: t.kind.clone(),
                    measure: measure(t, r.side),
                    side: side(r.side),
                    row_code: code,
                    row_label: r.label.clone(),
                    row_kind: row_kind(r.kind),
                    column: col.key.clone(),
                    fund,
                    functional,
                    economic,
                    part,
                    stage: d.stage.word(),
                    period,
                    value: cell.printed.to_string(),
                    unit,
                    fen: cell.printed.printed_fen().map(|f| f.fen()),
                    fen_low,
                    fen_high,
                    page,
                    line,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::period_named;

    #[test]
    fn a_row_or_column_naming_its_year_names_its_period() {
        assert_eq!(period_named("2026年", 2026), Some("本年"));
        assert_eq!(period_named("2025 年", 2026), Some("上年"));
        assert_eq!(period_named("2025年度预算数", 2026), Some("上年"));
        assert_eq!(period_named("增减变化金额", 2026), Some("增减"));
        assert_eq!(period_named("2019年", 2026), None);
        assert_eq!(period_named("因公出国（境）费", 2026), None);
        assert_eq!(period_named("12026年", 2026), None);
        assert_eq!(period_named("", 2026), None);
        assert_eq!(period_named("2025年结转结余", 2026), None);
    }

    #[test]
    fn only_a_label_that_is_a_year_is_a_periods() {
        use super::year_label;
        assert_eq!(year_label("2025年"), "2025年");
        assert_eq!(year_label("2026 年"), "2026 年");
        assert_eq!(year_label("2026年预算数"), "2026年预算数");
        assert_eq!(year_label("增减变化金额"), "增减变化金额");
        assert_eq!(year_label("2026年政府采购项目小计"), "");
        assert_eq!(year_label("一般公共服务支出"), "");
        // A unit's name run into the year (a text's 预算单位 and 年度 columns).
        assert_eq!(year_label("深圳市人民政府口岸办公室 2025 年"), "2025 年");
        assert_eq!(year_label("广州市工信局2026年信息化运维项目"), "");
        assert_eq!(year_label("项目12025年"), "");
    }
}
