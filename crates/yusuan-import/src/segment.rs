//! Reading-order text (as PDF-to-text tools give it, empty cells gone, cells and headers broken
//! over lines) → raw tables: for each standard table found by its title, the rows with their
//! code, label and the numbers printed in them, in order, each number knowing its line.

use yusuan_core::disclosure::Side;
use yusuan_core::money::{MoneyUnit, Printed, Unit, parse_printed};
use yusuan_core::source::SourceRef;
use yusuan_core::template::{TableSpec, XINJIANG_BUDGET_11};

/// Import diagnostic code: no table title found anywhere in the text. Stable; never reused.
pub const NO_TABLES: &str = "I102";

/// A row as read: which side, its code, its label, its printed numbers (columns unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    /// Side of a two-sided table.
    pub side: Side,
    /// Classification code, compact (`2011350`).
    pub code: Option<String>,
    /// The label, line breaks joined.
    pub label: String,
    /// The numbers in reading order, each with its line.
    pub numbers: Vec<(Printed, SourceRef)>,
    /// Where the row starts.
    pub source: SourceRef,
    /// Where each number was printed, when the text keeps the layout: its page and the
    /// character column of its middle (empty for reading-order text).
    pub xs: Vec<(u32, i32)>,
}

impl RawRow {
    /// The row's figures as printed, `、`-separated (for what a reader says about the row).
    pub fn figures(&self) -> String {
        self.numbers
            .iter()
            .map(|(p, _)| p.to_string())
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// A table as read.
#[derive(Debug, Clone)]
pub struct RawTable {
    /// The template's spec of the table.
    pub spec: &'static TableSpec,
    /// 编制部门
    pub org: String,
    /// 金额单位
    pub unit: MoneyUnit,
    /// The rows.
    pub rows: Vec<RawRow>,
    /// The sentence printed for an empty table.
    pub empty_statement: Option<String>,
    /// Where the title is.
    pub source: SourceRef,
    /// The template the table belongs to.
    pub template: &'static str,
    /// The title as printed.
    pub title: Option<String>,
    /// Where each column's header stands, when the text keeps the layout: the character
    /// column of its header word's middle (empty when unknown).
    pub anchors: Vec<Option<i32>>,
    /// The page the header (and so the anchors) is on.
    pub header_page: u32,
    /// The notes (注) printed under the table.
    pub notes: Vec<String>,
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_number(tok: &str) -> bool {
    let t = tok.trim_start_matches('-');
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && t.contains('.')
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A run of code tokens at the start of a line: `201`, `201 13`, `201 13 50`, `301 01`.
fn leading_code(tokens: &[&str]) -> Option<(String, usize)> {
    let first = tokens.first()?;
    if first.len() != 3
        || !first.bytes().all(|b| b.is_ascii_digit())
        || !matches!(first.as_bytes()[0], b'2' | b'3')
    {
        return None;
    }
    let mut code = first.to_string();
    let mut used = 1;
    for t in tokens.iter().skip(1).take(2) {
        if t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()) {
            code.push_str(t);
            used += 1;
        } else {
            break;
        }
    }
    Some((code, used))
}

/// Header words that never start a data row.
fn is_header_line(line: &str) -> bool {
    let s = squash(line);
    s.starts_with("编制部门") || s.contains('※') || s.starts_with("单位：")
}

/// The tables of the 11-table template found in `text`.
pub fn tables(text: &str) -> Vec<RawTable> {
    let lines: Vec<&str> = text.lines().collect();
    // Title lines: a line that is exactly a table's title.
    let mut starts: Vec<(usize, &'static TableSpec)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let s = squash(l);
        if let Some(spec) = XINJIANG_BUDGET_11.iter().find(|t| squash(t.title) == s)
            && !starts.iter().any(|(_, t)| t.number == spec.number)
        {
            starts.push((i, spec));
        }
    }
    let end_of_part = lines
        .iter()
        .position(|l| squash(l).starts_with("第三部分"))
        .unwrap_or(lines.len());
    let mut out = Vec::new();
    for (k, &(start, spec)) in starts.iter().enumerate() {
        let mut end = starts.get(k + 1).map_or(end_of_part, |(s, _)| *s);
        if end <= start {
            end = end_of_part.max(start + 1);
        }
        // The next table's “表 N” line belongs to the next table.
        while end > start + 1 && {
            let s = squash(lines[end - 1]);
            s.is_empty() || (s.starts_with('表') && s[3..].chars().all(|c| c.is_ascii_digit()))
        } {
            end -= 1;
        }
        out.push(read_table(&lines, start, end, spec));
    }
    out
}

fn read_table(lines: &[&str], start: usize, end: usize, spec: &'static TableSpec) -> RawTable {
    let mut t = RawTable {
        spec,
        org: String::new(),
        unit: MoneyUnit::Wan,
        rows: Vec::new(),
        empty_statement: None,
        source: SourceRef::Line {
            page: None,
            line: start + 1,
        },
        template: yusuan_core::derive::TEMPLATE_ID,
        title: None,
        anchors: Vec::new(),
        header_page: 0,
        notes: Vec::new(),
    };
    let two_sided = spec.columns.iter().any(|(_, s)| *s != Side::Single);
    let mut in_header = true;
    let mut pending: Option<RawRow> = None;
    let mut statement = String::new();
    for i in start + 1..end {
        let line = lines[i].trim();
        let at = SourceRef::Line {
            page: None,
            line: i + 1,
        };
        if line.is_empty() {
            continue;
        }
        let sq = squash(line);
        if sq.starts_with("编制部门") {
            // A (repeated) table header: 编制部门 and 单位, then column headers until data.
            if let Some(rest) = sq
                .strip_prefix("编制部门：")
                .or_else(|| sq.strip_prefix("编制部门:"))
            {
                let (org, unit) = rest
                    .split_once("单位：")
                    .or_else(|| rest.split_once("单位:"))
                    .unwrap_or((rest, "万元"));
                t.org = org.to_string();
                t.unit = MoneyUnit::from_label(unit).unwrap_or(MoneyUnit::Wan);
            }
            finish(&mut pending, &mut t);
            in_header = true;
            continue;
        }
        let starts_statement =
            sq.contains("为空表") || sq.contains("没有使用") || sq.contains("没有上年结转");
        if starts_statement || !statement.is_empty() {
            statement.push_str(&sq);
            if sq.ends_with('。') {
                t.empty_statement = Some(std::mem::take(&mut statement));
            }
            continue;
        }
        if in_header {
            if sq.contains('※') {
                in_header = false;
                continue;
            }
            if !starts_data(&sq, two_sided) {
                continue;
            }
            in_header = false;
        }
        if is_header_line(line) {
            continue;
        }
        if two_sided {
            two_sided_line(line, &at, &mut t);
            continue;
        }
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let numbers: Vec<(Printed, SourceRef)> = tokens
            .iter()
            .filter(|t| is_number(t))
            .filter_map(|tok| {
                parse_printed(&tok.replace(',', ""), Unit::Money(t.unit)).map(|p| (p, at.clone()))
            })
            .collect();
        let words: Vec<&str> = tokens.iter().copied().filter(|t| !is_number(t)).collect();
        let code = leading_code(&words);
        if let Some((code, used)) = code {
            finish(&mut pending, &mut t);
            let label: String = words[used..].concat();
            pending = Some(RawRow {
                side: Side::Single,
                code: Some(code),
                label,
                numbers,
                source: at,
                xs: Vec::new(),
            });
        } else if words.is_empty() {
            // A line of numbers: it completes the pending row.
            if let Some(p) = pending.as_mut() {
                p.numbers.extend(numbers)
            }
        } else {
            let label: String = words.concat();
            let fixed_row = spec.rows.contains(&label.as_str());
            match pending.as_mut() {
                // A label broken over lines: the pending row has no numbers yet.
                Some(p)
                    if p.numbers.is_empty()
                        && !fixed_row
                        && !spec.rows.contains(&p.label.as_str()) =>
                {
                    p.label.push_str(&label);
                    p.numbers.extend(numbers);
                }
                _ => {
                    finish(&mut pending, &mut t);
                    pending = Some(RawRow {
                        side: Side::Single,
                        code: None,
                        label,
                        numbers,
                        source: at,
                        xs: Vec::new(),
                    });
                }
            }
        }
    }
    finish(&mut pending, &mut t);
    if two_sided {
        // The template's order: income rows, expenditure rows, then the two totals.
        let total = |r: &RawRow| r.code.is_none() && r.label.ends_with("总计");
        let mut ordered: Vec<RawRow> = Vec::new();
        for (side, totals) in [
            (Side::Income, false),
            (Side::Expenditure, false),
            (Side::Income, true),
            (Side::Expenditure, true),
        ] {
            ordered.extend(
                t.rows
                    .iter()
                    .filter(|r| r.side == side && total(r) == totals)
                    .cloned(),
            );
        }
        t.rows = ordered;
    }
    t
}

fn finish(pending: &mut Option<RawRow>, t: &mut RawTable) {
    if let Some(p) = pending.take() {
        t.rows.push(p);
    }
}

/// Whether a line begins the data of a table when no `※` line marks the end of its headers:
/// a total row with figures, or the first income item of a two-sided table.
fn starts_data(sq: &str, two_sided: bool) -> bool {
    let has_number = sq.chars().any(|c| c.is_ascii_digit());
    ((sq.starts_with("总计") || sq.starts_with("合计")) && has_number)
        || (two_sided && sq.starts_with("一、"))
}

/// A line of a two-sided table: the income item (label, numbers) then a 类 (code, name,
/// numbers); either side may be missing; the last line holds both totals.
fn two_sided_line(line: &str, at: &SourceRef, t: &mut RawTable) {
    let sq = squash(line);
    if sq.starts_with("收入总计") {
        let (left, right) = sq.split_once("支出总计").unwrap_or((&sq, ""));
        let nums = |s: &str| -> Vec<(Printed, SourceRef)> {
            split_numbers(s, t.unit)
                .into_iter()
                .map(|p| (p, at.clone()))
                .collect()
        };
        t.rows.push(RawRow {
            side: Side::Income,
            code: None,
            label: "收入总计".into(),
            numbers: nums(&left["收入总计".len()..]),
            source: at.clone(),
            xs: Vec::new(),
        });
        t.rows.push(RawRow {
            side: Side::Expenditure,
            code: None,
            label: "支出总计".into(),
            numbers: nums(right),
            source: at.clone(),
            xs: Vec::new(),
        });
        return;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let class_at = tokens
        .iter()
        .position(|t| t.len() == 3 && t.bytes().all(|b| b.is_ascii_digit()) && t.starts_with('2'));
    let (left, right) = match class_at {
        Some(k) => (&tokens[..k], &tokens[k..]),
        None => (&tokens[..], &tokens[..0]),
    };
    if !left.is_empty() {
        let label: String = left
            .iter()
            .filter(|t| !is_number(t))
            .copied()
            .collect::<Vec<_>>()
            .concat();
        let numbers = left
            .iter()
            .filter(|x| is_number(x))
            .filter_map(|x| parse_printed(x, Unit::Money(t.unit)))
            .map(|p| (p, at.clone()))
            .collect();
        if !label.is_empty() {
            t.rows.push(RawRow {
                side: Side::Income,
                code: None,
                label,
                numbers,
                source: at.clone(),
                xs: Vec::new(),
            });
        }
    }
    if !right.is_empty() {
        let label: String = right[1..]
            .iter()
            .filter(|t| !is_number(t))
            .copied()
            .collect::<Vec<_>>()
            .concat();
        let numbers = right
            .iter()
            .skip(1)
            .filter(|x| is_number(x))
            .filter_map(|x| parse_printed(x, Unit::Money(t.unit)))
            .map(|p| (p, at.clone()))
            .collect();
        t.rows.push(RawRow {
            side: Side::Expenditure,
            code: Some(right[0].to_string()),
            label,
            numbers,
            source: at.clone(),
            xs: Vec::new(),
        });
    }
}

/// Numbers glued to text after squashing (`480.74`), split where a new number starts.
fn split_numbers(s: &str, unit: MoneyUnit) -> Vec<Printed> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if chars.get(i) == Some(&'.') {
                i += 1;
                let frac_start = i;
                // Two decimals: a printed amount ends there (the next digits start a new one).
                while i < chars.len() && chars[i].is_ascii_digit() && i - frac_start < 2 {
                    i += 1;
                }
            }
            let text: String = chars[start..i].iter().collect();
            if let Some(p) = parse_printed(&text, Unit::Money(unit)) {
                out.push(p);
            }
        } else {
            i += 1;
        }
    }
    out
}
