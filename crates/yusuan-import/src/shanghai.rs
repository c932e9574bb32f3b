//! 上海模板 — the Shanghai 9-table templates as the readers know them: their tables' titles
//! (after the year and 部门/单位 in a budget, bare in a 决算), the 决算's document title, the
//! lines under a table (编制部门, 单位, 注/说明), the names of rows, the narrative's parts, and the
//! diagnostics about what a Shanghai document prints wrong. Tables are read by meaning
//! ([`crate::meaning`]) and bound to the template ([`crate::meaning::bind`]); a layout text is
//! still read by [`crate::layout`].

use yusuan_core::budget::DocKind;
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::RowKind;
use yusuan_core::money::MoneyUnit;
use yusuan_core::source::SourceRef;
use yusuan_core::template::{
    SHANGHAI_BUDGET_9, SHANGHAI_BUDGET_ID, SHANGHAI_BUDGET_VARIANTS, SHANGHAI_FINAL_9,
    SHANGHAI_FINAL_ID, SHANGHAI_FINAL_VARIANTS, TableSpec,
};

/// Positional reader diagnostic codes. Stable; never reused.
pub mod codes {
    /// 表头中找不到某一列
    pub const NO_HEADER: &str = "I501";
    /// 同一行中两个数字落在同一列
    pub const TWO_IN_ONE: &str = "I502";
    /// 按上海模板读取（说明中哪些部分未核对）
    pub const NARRATIVE_NOT_READ: &str = "I503";
    /// 科目编码的款或项少了前导零
    pub const SHORT_CODE: &str = "I504";
    /// 科目编码印错（如类印成一位数字）
    pub const BAD_CODE: &str = "I505";
}

/// The warning for a code printed wrong (`7 11 02` for 210 11 02): the row is read without it.
pub(crate) fn bad_code(title: &str, printed: &str, label: &str, at: SourceRef) -> Diagnostic {
    Diagnostic::new(
        codes::BAD_CODE,
        Severity::Warning,
        format!("表“{title}”「{label}」行的科目编码印为“{printed}”，不是有效的科目编码，该行按无编码读入"),
        Label::at(at, ""),
    )
    .with_help("功能分类编码为类三位、款两位、项两位数字（如 210 11 02）；请核对印刷")
}

/// The warning for a code printed short of a leading zero (`301 7` for 301 07): read padded.
/// `parts` as printed, the first the 类.
pub(crate) fn short_code(title: &str, parts: &[&str], at: SourceRef) -> Diagnostic {
    let padded: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, x)| {
            if i == 0 {
                (*x).to_string()
            } else {
                format!("{x:0>2}")
            }
        })
        .collect();
    Diagnostic::new(
        codes::SHORT_CODE,
        Severity::Warning,
        format!(
            "表“{title}”的科目编码“{}”少了前导零，按 {} 读入",
            parts.join(" "),
            padded.join(" ")
        ),
        Label::at(at, ""),
    )
    .with_help("款、项级编码各为两位数字，如 301 02")
}

pub(crate) fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ':' => '：',
            c => c,
        })
        .collect()
}

/// A template read by position: its tables, their variants, and how titles are printed.
pub struct Template {
    /// The template's identifier.
    pub id: &'static str,
    pub(crate) tables: &'static [TableSpec],
    pub(crate) variants: &'static [TableSpec],
    /// Titles printed bare (`收入决算表`, `部门收支总体情况表`) rather than after the year and
    /// 部门/单位 (`2025年部门财务收支预算总表`).
    pub(crate) bare: bool,
    /// The template is a 决算's (final accounts), not a 预算's.
    pub(crate) finals: bool,
}

/// The templates this reader knows.
pub static TEMPLATES: [Template; 2] = [
    Template {
        id: SHANGHAI_BUDGET_ID,
        tables: &SHANGHAI_BUDGET_9,
        variants: &SHANGHAI_BUDGET_VARIANTS,
        bare: false,
        finals: false,
    },
    Template {
        id: SHANGHAI_FINAL_ID,
        tables: &SHANGHAI_FINAL_9,
        variants: &SHANGHAI_FINAL_VARIANTS,
        bare: true,
        finals: true,
    },
];

/// The reference template (新疆 昌吉州, 11 tables, titles printed bare), as the project renders
/// it: its PDFs are read by meaning and bound to it. (Not among [`TEMPLATES`]: its reading-order
/// text is read by [`crate::segment`] and [`crate::solve`], and a layout text by meaning.)
pub static REFERENCE: Template = Template {
    id: yusuan_core::derive::TEMPLATE_ID,
    tables: &yusuan_core::template::XINJIANG_BUDGET_11,
    variants: &[],
    bare: true,
    finals: false,
};

/// A table title as printed — `2025年部门财务收支预算总表`, or bare `收入决算表` — and what it
/// says: the spec, and for a budget the year and 部门 or 单位.
pub(crate) fn title_in(
    tpl: &Template,
    line: &str,
) -> Option<(&'static TableSpec, Option<i32>, Option<DocKind>)> {
    let sq = squash(line);
    if sq.contains("……") || sq.contains("···") || sq.contains('…') {
        return None;
    }
    if tpl.bare {
        return tpl
            .tables
            .iter()
            .find(|t| squash(t.title) == sq)
            .map(|t| (t, None, None));
    }
    let digits: String = sq.chars().take_while(char::is_ascii_digit).collect();
    let rest = &sq[digits.len()..];
    let year = digits.parse().ok().filter(|_| rest.starts_with('年'));
    let rest = rest.strip_prefix('年').unwrap_or(rest);
    let (kind, rest) = if let Some(r) = rest.strip_prefix("部门") {
        (DocKind::Department, r)
    } else if let Some(r) = rest
        .strip_prefix("预算单位")
        .or_else(|| rest.strip_prefix("单位"))
    {
        (DocKind::Unit, r)
    } else {
        return None;
    };
    let spec = tpl.tables.iter().find(|t| squash(t.title) == rest)?;
    Some((spec, year, Some(kind)))
}

/// The template whose tables these lines hold (at least three of its titles), if any.
pub fn detect_lines<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> Option<&'static Template> {
    TEMPLATES
        .iter()
        .map(|t| {
            let n = lines.clone().filter(|l| title_in(t, l).is_some()).count();
            (n, t)
        })
        .filter(|(n, _)| *n >= 3)
        .max_by_key(|(n, _)| *n)
        .map(|(_, t)| t)
}

/// `上海市普陀区财政局2024年度部门决算表` → (department, year, kind).
pub(crate) fn final_account_title(line: &str) -> Option<(String, i32, DocKind)> {
    let sq = squash(line);
    let kind = if sq.ends_with("年度部门决算表") {
        DocKind::Department
    } else if sq.ends_with("年度单位决算表") {
        DocKind::Unit
    } else {
        return None;
    };
    let at = sq.find("年度")?;
    let head = &sq[..at];
    let digits: String = head
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.len() != 4 {
        return None;
    }
    let year: i32 = digits.chars().rev().collect::<String>().parse().ok()?;
    let dept = head[..head.len() - 4].to_string();
    let dept = dept
        .split_once("部分")
        .filter(|(p, _)| p.starts_with('第'))
        .map_or(dept.clone(), |(_, d)| d.to_string());
    Some((dept, year, kind))
}

/// A row's name as it reads: letter-spaced Chinese (`其 他 商 品`) closed up; a space kept
/// where Latin letters or digits meet (`1. 一般公共预算资金`).
pub(crate) fn tidy_label(s: &str) -> String {
    let chars: Vec<char> = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    let wide = |c: char| !c.is_ascii();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && i > 0 && chars.get(i + 1).is_some_and(|&n| wide(n)) && wide(chars[i - 1]) {
            continue;
        }
        out.push(c);
    }
    out
}

/// A table's `编制部门：… 单位：元` line (squashed): the department or unit, and the money unit
/// when the line gives it.
pub(crate) fn org_line(sq: &str) -> Option<(&str, Option<MoneyUnit>)> {
    let rest = sq
        .strip_prefix("编制部门：")
        .or_else(|| sq.strip_prefix("编制单位："))?;
    let (org, unit) = rest.split_once("单位：").unwrap_or((rest, ""));
    Some((org, MoneyUnit::from_label(unit)))
}

/// A line under a table: its 注 or 说明.
pub(crate) enum Note {
    /// The statement that the table is empty (为空表, 无数据, 没有…), as printed.
    Empty(String),
    /// A footnote, without its `注：`.
    Note(String),
}

/// The note a (squashed) line under a table is, if it is one.
pub(crate) fn note_line(sq: &str) -> Option<Note> {
    if !sq.starts_with('注') && !sq.starts_with("说明") {
        return None;
    }
    let text = sq
        .trim_start_matches("说明")
        .trim_start_matches(['注', '：', ':']);
    Some(
        if text.contains("无数据") || text.contains("空表") || text.contains("没有") {
            Note::Empty(sq.to_string())
        } else {
            Note::Note(text.to_string())
        },
    )
}

/// The total rows that end a table.
pub(crate) fn is_total(label: &str) -> bool {
    matches!(
        squash(label).as_str(),
        "合计" | "总计" | "收入总计" | "支出总计" | "人员经费合计" | "公用经费合计"
    )
}

/// The narrative of a Shanghai document's text: its 第三部分 (a 决算's 情况说明) when it has
/// one; else a budget's 编制说明 (from its heading to the first table) and 其他相关情况说明 (to
/// the 项目经费情况说明 or the end) — the last lines so titled, past the contents page.
pub fn narrative(tpl: &Template, text: &str) -> yusuan_core::disclosure::Narrative {
    let lines: Vec<&str> = text.lines().collect();
    let heading = |l: &str, f: &dyn Fn(&str) -> bool| {
        let sq = squash(l).replace('\u{c}', "");
        !sq.contains('…') && !sq.contains("……") && !sq.contains('。') && f(&sq)
    };
    if lines.iter().any(|l| squash(l).starts_with("第三部分")) {
        return crate::narrative::read(text).0;
    }
    let last = |f: &dyn Fn(&str) -> bool| lines.iter().rposition(|l| heading(l, f));
    let mut parts = Vec::new();
    if let Some(a) = last(&|sq| sq.ends_with("预算编制说明") && sq.chars().count() <= 30) {
        let end = (a + 1..lines.len())
            .find(|&i| title_in(tpl, lines[i]).is_some())
            .unwrap_or(lines.len());
        parts.push((a, end));
    }
    if let Some(b) = last(&|sq| sq.ends_with("其他相关情况说明") && sq.chars().count() <= 16)
    {
        let end = (b + 1..lines.len())
            .find(|&i| {
                heading(lines[i], &|sq| {
                    sq.ends_with("项目经费情况说明")
                        || sq.ends_with("绩效目标") && sq.chars().count() <= 12
                })
            })
            .unwrap_or(lines.len());
        parts.push((b, end));
    }
    crate::narrative::read_parts(text, &parts)
}

/// The note that the template's explanatory text is not checked against the tables.
pub(crate) fn narrative_note(tpl: &Template) -> Diagnostic {
    Diagnostic::new(
        codes::NARRATIVE_NOT_READ,
        Severity::Info,
        if tpl.finals {
            "按上海市 9 张表决算模板读取了公开表和第三部分情况说明；情况说明中的数字与表格的逐项核对尚未进行".to_string()
        } else {
            "按上海市 9 张表预算模板读取了公开表和说明（编制说明、其他相关情况说明，其金额与表格逐项核对）；项目经费情况说明和绩效目标暂不核对".to_string()
        },
        Label::at(
            SourceRef::Line {
                page: Some(1),
                line: 1,
            },
            "",
        ),
    )
}

/// The table's spec and its variants.
pub(crate) fn candidates(
    tpl: &Template,
    spec: &'static TableSpec,
) -> impl Iterator<Item = &'static TableSpec> {
    let variants: &'static [TableSpec] = tpl.variants;
    std::iter::once(spec).chain(variants.iter().filter(move |v| v.number == spec.number))
}

pub(crate) fn row_kind(code: Option<&str>, label: &str) -> RowKind {
    match code.map(str::len) {
        Some(3) => RowKind::Class,
        Some(5) => RowKind::Kuan,
        Some(7) => RowKind::Xiang,
        _ if is_total(label) => RowKind::Total,
        _ if label.starts_with(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']) => {
            RowKind::Subtotal
        }
        _ => RowKind::Item,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(line: &str) -> Option<(&'static TableSpec, Option<i32>, DocKind)> {
        title_in(&TEMPLATES[0], line).map(|(s, y, k)| (s, y, k.unwrap_or(DocKind::Department)))
    }

    #[test]
    fn titles_are_read_with_year_and_kind() {
        let (s, y, k) = title("2025年部门财务收支预算总表").unwrap();
        assert_eq!((s.number, y, k), (1, Some(2025), DocKind::Department));
        let (s, _, k) = title("2024年单位“三公”经费和机关运行经费预算表").unwrap();
        assert_eq!((s.number, k), (9, DocKind::Unit));
        let (s, y, k) = title("2025年预算单位财务收支预算总表").unwrap();
        assert_eq!((s.number, y, k), (1, Some(2025), DocKind::Unit));
        assert!(title("1. 2025年部门财务收支预算总表 ……………").is_none());
        assert!(title("部门收支总体情况表").is_none());
    }
}
