//! Tables read by column position from a PDF's laid-out lines — for templates whose printed
//! tables keep every column in place: today the Shanghai 9-table 部门预算 / 单位预算
//! ([`SHANGHAI_BUDGET_9`]). A table is found by its title (after the year and 部门/单位); its
//! unit from the 编制部门 line; each value column by its header word, left to right; each figure
//! goes to the column whose header is nearest above it. Header rows repeated after a page
//! break are skipped; the table ends with its total row.

use crate::pdf::{LaidCell, Page};
use yusuan_core::budget::DocKind;
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{Cell, Disclosure, Row, RowKind, Side, Table};
use yusuan_core::money::{MoneyUnit, Unit, parse_printed};
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
    /// Titles printed bare (决算: `收入决算表`) rather than after the year and 部门/单位 (预算).
    pub(crate) bare: bool,
}

/// The templates this reader knows.
pub static TEMPLATES: [Template; 2] = [
    Template {
        id: SHANGHAI_BUDGET_ID,
        tables: &SHANGHAI_BUDGET_9,
        variants: &SHANGHAI_BUDGET_VARIANTS,
        bare: false,
    },
    Template {
        id: SHANGHAI_FINAL_ID,
        tables: &SHANGHAI_FINAL_9,
        variants: &SHANGHAI_FINAL_VARIANTS,
        bare: true,
    },
];

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

/// The budget template's title reading.
#[cfg(test)]
fn title(line: &str) -> Option<(&'static TableSpec, Option<i32>, DocKind)> {
    title_in(&TEMPLATES[0], line).map(|(s, y, k)| (s, y, k.unwrap_or(DocKind::Department)))
}

/// The template whose tables the laid-out pages hold (at least three of its titles), if any.
pub fn detect(pages: &[Page]) -> Option<&'static Template> {
    let lines: Vec<&str> = pages.iter().flat_map(Page::lines).collect();
    detect_lines(lines.iter().copied())
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

/// Whether the laid-out pages hold tables of a Shanghai template.
pub fn is_shanghai(pages: &[Page]) -> bool {
    detect(pages).is_some()
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

fn is_amount(text: &str) -> bool {
    let t = text.replace(',', "");
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && t.chars().any(|c| c.is_ascii_digit())
        && t.matches('.').count() <= 1
}

/// `201 03 01` → `2010301` when it is a classification code.
fn code(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let ok = match parts.as_slice() {
        [a] => a.len() == 3 || a.len() == 5 || a.len() == 7,
        [a, b] => a.len() == 3 && b.len() == 2,
        [a, b, c] => a.len() == 3 && b.len() == 2 && c.len() == 2,
        _ => false,
    } && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    ok.then(|| parts.concat())
}

fn center(c: &LaidCell) -> i32 {
    (c.x0 + c.x1) / 2
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

/// A line of the document with where it is.
struct At<'a> {
    page: u32,
    line: usize,
    cells: &'a [LaidCell],
    text: &'a str,
}

/// Reads the tables of `pages` in the template they hold (see [`detect`]): the Disclosure
/// (tables, department, year, kind) and what could not be placed.
pub fn read(pages: &[Page]) -> (Disclosure, Vec<Diagnostic>) {
    let tpl = detect(pages).unwrap_or(&TEMPLATES[0]);
    let mut lines: Vec<At<'_>> = Vec::new();
    let mut n = 0;
    for p in pages {
        for l in &p.laid {
            n += 1;
            lines.push(At {
                page: p.number,
                line: n,
                cells: &l.cells,
                text: &l.text,
            });
        }
    }
    let mut d = Disclosure::empty();
    d.template = tpl.id.to_string();
    let mut diags = Vec::new();
    if tpl.bare
        && let Some((dept, year, kind)) = lines.iter().find_map(|l| final_account_title(l.text))
    {
        d.department = dept;
        d.year = year;
        d.kind = kind;
    }
    let mut i = 0;
    while i < lines.len() {
        let Some((spec, year, kind)) = title_in(tpl, lines[i].text) else {
            i += 1;
            continue;
        };
        if let Some(y) = year {
            d.year = y;
        }
        if let Some(k) = kind {
            d.kind = k;
        }
        let (t, next) = table(tpl, spec, &lines, i, &mut diags);
        if d.department.is_empty() && !t.org.is_empty() {
            d.department.clone_from(&t.org);
        }
        if !d.tables.iter().any(|x| x.number == t.number) {
            d.tables.push(t);
        }
        i = next.max(i + 1);
    }
    d.tables.sort_by_key(|t| t.number);
    for t in &mut d.tables {
        if t.org.is_empty() {
            t.org.clone_from(&d.department);
        }
        for r in &mut t.rows {
            r.label = tidy_label(&r.label);
        }
    }
    diags.push(narrative_note(tpl));
    (d, diags)
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
        if tpl.bare {
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

/// Reads one table starting at its title line `start`; returns it and the line after it.
fn table(
    tpl: &Template,
    spec: &'static TableSpec,
    lines: &[At<'_>],
    start: usize,
    diags: &mut Vec<Diagnostic>,
) -> (Table, usize) {
    let at = |k: usize| SourceRef::Line {
        page: Some(lines[k].page),
        line: lines[k].line,
    };
    let mut t = spec.empty_table("", MoneyUnit::Yuan, at(start));
    t.title = squash(lines[start].text);
    // `单位：万元` printed a hair above the title's baseline comes just before it.
    if let Some(prev) = start.checked_sub(1).map(|p| &lines[p])
        && prev.page == lines[start].page
        && let Some(unit) = squash(prev.text).strip_prefix("单位：")
        && let Some(u) = MoneyUnit::from_label(unit)
    {
        t.unit = u;
    }
    let two_sided = spec.columns.iter().any(|(_, s)| *s != Side::Single);
    // Header: from the 编制部门 line to the first line with a figure, a code or a total.
    let mut k = start + 1;
    let mut header: Vec<&LaidCell> = Vec::new();
    while k < lines.len() {
        let sq = squash(lines[k].text);
        if title_in(tpl, lines[k].text).is_some() {
            return (t, k);
        }
        // A table with no figures ends in its note (注) or statement (说明).
        if let Some(note) = note_line(&sq) {
            match note {
                Note::Empty(s) => t.empty_statement = Some(s),
                Note::Note(s) => t.notes.push(s),
            }
            k += 1;
            continue;
        }
        if let Some(unit) = sq.strip_prefix("单位：") {
            t.unit = MoneyUnit::from_label(unit).unwrap_or(MoneyUnit::Yuan);
            k += 1;
            continue;
        }
        if let Some((org, unit)) = org_line(&sq) {
            t.org = org.to_string();
            if let Some(u) = unit {
                t.unit = u;
            }
            k += 1;
            continue;
        }
        // A total row without figures (合计 also heads a column) is data only in an empty
        // table: the last line before a note, the next table or the end.
        let last = lines
            .get(k + 1)
            .is_none_or(|n| title_in(tpl, n.text).is_some() || squash(n.text).starts_with('注'));
        let data = lines[k].cells.iter().any(|c| is_amount(&c.text))
            || lines[k].cells.first().is_some_and(|c| {
                code(&c.text).is_some() || last && lines[k].cells.len() == 1 && is_total(&c.text)
            });
        if data {
            break;
        }
        header.extend(lines[k].cells.iter());
        k += 1;
    }
    // The variant of the table whose every column heads the header.
    // (The most specific: a variant's header also holds the plain table's words.)
    let spec = candidates(tpl, spec)
        .filter(|c| has_columns(c, &header))
        .max_by_key(|c| c.columns.len())
        .unwrap_or(spec);
    if spec.columns.len() != t.columns.len() {
        let keep = (t.org.clone(), t.unit, t.title.clone(), t.source.clone());
        t = spec.empty_table(&keep.0, keep.1, keep.3);
        t.title = keep.2;
    }
    // Each value column by its header word, in order (a word may head several columns).
    let mut centres: Vec<i32> = Vec::new();
    for (c, (key, _)) in spec.columns.iter().enumerate() {
        let leaf = squash(key.rsplit('/').next().unwrap_or(key));
        let nth = spec.columns[..c]
            .iter()
            .filter(|(k2, _)| squash(k2.rsplit('/').next().unwrap_or(k2)) == leaf)
            .count();
        let found = header
            .iter()
            .filter(|h| {
                squash(&h.text) == leaf
                    || squash(&h.text).ends_with(&leaf) && leaf.chars().count() >= 4
            })
            .collect::<Vec<_>>();
        let mut found = found;
        found.sort_by_key(|h| h.x0);
        found.dedup_by_key(|h| h.x0);
        // A leaf heading several columns (预算数 / 决算数 under each 三公 item) belongs to the
        // group heading nearest to it; groups are matched by name, not by their order, which
        // documents vary.
        let group = key.rsplit('/').nth(1).map(group_name);
        let siblings: Vec<String> = spec
            .columns
            .iter()
            .filter(|(k2, _)| squash(k2.rsplit('/').next().unwrap_or(k2)) == leaf)
            .filter_map(|(k2, _)| k2.rsplit('/').nth(1).map(group_name))
            .collect();
        if let Some(group) = group.filter(|_| siblings.len() > 1) {
            let groups: Vec<&&LaidCell> = header
                .iter()
                .filter(|h| siblings.contains(&group_name(&h.text)))
                .collect();
            let mine: Vec<&&LaidCell> = found
                .iter()
                .copied()
                .filter(|h| {
                    groups
                        .iter()
                        .min_by_key(|g| (center(g) - center(h)).abs())
                        .is_some_and(|g| group_name(&g.text) == group)
                })
                .collect();
            let nth_in_group = spec.columns[..c]
                .iter()
                .filter(|(k2, _)| {
                    squash(k2.rsplit('/').next().unwrap_or(k2)) == leaf
                        && k2.rsplit('/').nth(1).map(group_name).as_ref() == Some(&group)
                })
                .count();
            found = mine;
            found.truncate(nth_in_group + 1);
            if let Some(h) = found.get(nth_in_group) {
                centres.push(center(h));
                continue;
            }
        }
        match found.get(nth) {
            Some(h) => centres.push(center(h)),
            None => {
                diags.push(
                    Diagnostic::new(
                        codes::NO_HEADER,
                        Severity::Warning,
                        format!("表“{}”的表头中找不到“{key}”列，未读入该表的数字", t.title),
                        Label::at(at(start), ""),
                    )
                    .with_help("表头与上海市预算公开表模板不同：请核对该表的列"),
                );
                return (t, k);
            }
        }
    }
    // The label columns of a two-sided table: the 项目 headers, left to right.
    let mut items: Vec<i32> = header
        .iter()
        .filter(|h| {
            matches!(
                squash(&h.text).as_str(),
                "项目" | "经济分类科目编码" | "经济分类"
            )
        })
        .map(|h| center(h))
        .collect();
    items.sort_unstable();
    // Rows until the total.
    while k < lines.len() {
        let line = &lines[k];
        let sq = squash(line.text);
        if title_in(tpl, line.text).is_some() {
            break;
        }
        if sq.starts_with('注') || sq.starts_with("说明") {
            let note = sq.trim_start_matches(['注', '：', ':']).to_string();
            if note.contains("空表") || note.contains("无") {
                t.empty_statement = Some(sq.clone());
            } else {
                t.notes.push(note);
            }
            k += 1;
            break;
        }
        let has_figure = line.cells.iter().any(|c| is_amount(&c.text));
        let first_code = line.cells.first().is_some_and(|c| code(&c.text).is_some());
        let total = line.cells.iter().any(|c| is_total(&c.text));
        // A template's placeholder row (`…    …`).
        if line.cells.iter().all(|c| {
            squash(&c.text)
                .chars()
                .all(|x| matches!(x, '…' | '.' | '·' | '⋯'))
        }) {
            k += 1;
            continue;
        }
        // A header repeated after a page break (its 合计 is no total row): two column names
        // in a line without figures are enough to know it.
        let names = spec
            .columns
            .iter()
            .filter(|(key, _)| sq.contains(&squash(key.rsplit('/').next().unwrap_or(key))))
            .count();
        if !has_figure && !first_code && names >= 2 {
            k += 1;
            continue;
        }
        if !has_figure && !first_code && !total {
            // A header repeated after a page break is skipped.
            if t.rows.is_empty()
                || header
                    .iter()
                    .any(|h| line.cells.iter().any(|c| c.text == h.text))
            {
                k += 1;
                continue;
            }
            // In a one-sided table a line with neither figure nor code is past its end; in a
            // two-sided one it is a side's label with no figure.
            if !two_sided {
                // Unless it is the end of a label wrapped onto its own line, the table goes on.
                let goes_on = lines.get(k + 1).is_some_and(|n| {
                    n.cells.iter().any(|c| is_amount(&c.text))
                        || n.cells
                            .first()
                            .is_some_and(|c| code(&c.text).is_some() || is_total(&c.text))
                });
                if goes_on && line.cells.len() == 1 {
                    if let Some(last) = t.rows.last_mut() {
                        last.label.push_str(&line.cells[0].text);
                    }
                    k += 1;
                    continue;
                }
                break;
            }
        }
        let mut ended = false;
        let rows = if two_sided {
            two_sided_rows(spec, &centres, &items, line, at(k), diags, &t.title)
        } else {
            single_row(spec, &centres, line, at(k), diags, &t.title)
                .into_iter()
                .collect()
        };
        for mut r in rows {
            r.cells.resize(spec.columns.len(), None);
            // A side's figure printed a line away from its label (the two sides' rows are not
            // always level): it joins the label above it that has no figure.
            if two_sided
                && r.label.is_empty()
                && let Some(prev) = t
                    .rows
                    .iter_mut()
                    .rev()
                    .find(|x| x.side == r.side)
                    .filter(|x| {
                        !x.label.is_empty()
                            && x.cells
                                .iter()
                                .zip(&r.cells)
                                .all(|(a, b)| a.is_none() || b.is_none())
                    })
            {
                for (a, b) in prev.cells.iter_mut().zip(r.cells) {
                    if b.is_some() {
                        *a = b;
                    }
                }
                continue;
            }
            // The total ends the table — unless it comes first (决算 tables put 合计 on top);
            // a two-sided table ends with its expenditure side's total.
            if r.kind == RowKind::Total && !t.rows.is_empty() {
                ended = ended || !two_sided || r.side == Side::Expenditure;
            }
            // Figures read in the table's unit.
            for c in r.cells.iter_mut().flatten() {
                if let Unit::Money(_) = c.printed.unit {
                    c.printed.unit = Unit::Money(t.unit);
                }
            }
            t.rows.push(r);
        }
        k += 1;
        if ended && !two_sided {
            // An empty-table statement may follow the total.
            if k < lines.len() && squash(lines[k].text).starts_with("注") {
                continue;
            }
            break;
        }
        if ended {
            break;
        }
    }
    (t, k)
}

/// A column group's name as printed, for matching: without brackets, spaces and the 维护 some
/// documents leave out (公务用车运行维护费 / 公务用车运行费).
fn group_name(text: &str) -> String {
    squash(text).replace("维护", "").replace(['（', '）'], "")
}

/// The table's spec and its variants.
pub(crate) fn candidates(
    tpl: &Template,
    spec: &'static TableSpec,
) -> impl Iterator<Item = &'static TableSpec> {
    let variants: &'static [TableSpec] = tpl.variants;
    std::iter::once(spec).chain(variants.iter().filter(move |v| v.number == spec.number))
}

/// Whether every column of `spec` has its header word in `header` (as often as it is used).
fn has_columns(spec: &TableSpec, header: &[&LaidCell]) -> bool {
    spec.columns.iter().enumerate().all(|(c, (key, _))| {
        let leaf = squash(key.rsplit('/').next().unwrap_or(key));
        let nth = spec.columns[..c]
            .iter()
            .filter(|(k2, _)| squash(k2.rsplit('/').next().unwrap_or(k2)) == leaf)
            .count();
        header.iter().filter(|h| squash(&h.text) == leaf).count() > nth
    })
}

/// The value column nearest to `x`.
fn column_at(centres: &[i32], side_cols: &[usize], x: i32) -> Option<usize> {
    side_cols
        .iter()
        .copied()
        .min_by_key(|&c| (centres[c] - x).abs())
}

fn printed(text: &str) -> Option<yusuan_core::money::Printed> {
    parse_printed(&text.replace(',', ""), Unit::Money(MoneyUnit::Yuan))
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

fn single_row(
    spec: &TableSpec,
    centres: &[i32],
    line: &At<'_>,
    at: SourceRef,
    diags: &mut Vec<Diagnostic>,
    title: &str,
) -> Option<Row> {
    let cols: Vec<usize> = (0..spec.columns.len()).collect();
    let mut code_text: Option<String> = None;
    let mut label = String::new();
    let mut cells: Vec<Option<Cell>> = vec![None; spec.columns.len()];
    let first_value = centres.iter().min().copied().unwrap_or(i32::MAX);
    // A code printed whole (`201 03 01`) or in its 类 / 款 / 项 columns (`201` `03` `01`).
    let mut parts: Vec<String> = Vec::new();
    let mut skip = 0;
    let mut short = false;
    for c in line.cells {
        let t = c.text.trim();
        let digits = t.bytes().all(|b| b.is_ascii_digit());
        let fits = if parts.is_empty() {
            t.len() == 3
        } else {
            // A 款 or 项 printed without its leading zero (`301 2`) is still that code.
            t.len() == 2
                || t.len() == 1 && {
                    short = true;
                    true
                }
        };
        if parts.len() < 3 && digits && fits {
            parts.push(format!("{t:0>2}"));
            skip += 1;
        } else {
            break;
        }
    }
    if !parts.is_empty() {
        let printed = line.cells[..skip]
            .iter()
            .map(|c| c.text.trim())
            .collect::<Vec<_>>()
            .join(" ");
        code_text = Some(parts.concat());
        if short {
            diags.push(
                Diagnostic::new(
                    codes::SHORT_CODE,
                    Severity::Warning,
                    format!(
                        "表“{title}”的科目编码“{printed}”少了前导零，按 {} 读入",
                        parts.join(" ")
                    ),
                    Label::at(at.clone(), ""),
                )
                .with_help("款、项级编码各为两位数字，如 301 02"),
            );
        }
    }
    // A code printed wrong: digits in the code columns that are no code (`7` `11` `02`).
    let mut misprint: Vec<&str> = Vec::new();
    if parts.is_empty() {
        for c in line.cells {
            let t = c.text.trim();
            if !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) {
                misprint.push(t);
            } else {
                break;
            }
        }
        // The digits must stand before the row's name (not be figures themselves).
        if line
            .cells
            .get(misprint.len())
            .is_none_or(|c| is_amount(&c.text) || c.text.trim().is_empty())
        {
            misprint.clear();
        }
        skip = misprint.len();
    }
    for c in &line.cells[skip..] {
        // Fragments of the 类 / 款 / 项 header that share the total row's band.
        if matches!(c.text.trim(), "类" | "款" | "项") {
            continue;
        }
        if let Some(x) = code(&c.text).filter(|_| code_text.is_none() && label.is_empty()) {
            code_text = Some(x);
            continue;
        }
        if is_amount(&c.text) && c.x1 > first_value - 3_000 {
            let Some(col) = column_at(centres, &cols, center(c).max(c.x1 - 1_500)) else {
                continue;
            };
            if cells[col].is_some() {
                diags.push(two_in_one(title, spec.columns[col].0, at.clone()));
                continue;
            }
            cells[col] = printed(&c.text).map(|p| Cell {
                printed: p,
                exact: None,
                source: at.clone(),
            });
            continue;
        }
        if !label.is_empty() {
            label.push(' ');
        }
        label.push_str(&c.text);
    }
    if code_text.is_none() && label.is_empty() {
        // A row of figures only (the 三公 table): its label is the table's.
        label = "预算数".to_string();
    }
    if !misprint.is_empty() {
        diags.push(bad_code(title, &misprint.join(" "), &label, at.clone()));
    }
    Some(Row {
        side: Side::Single,
        kind: row_kind(code_text.as_deref(), &label),
        code: code_text,
        label,
        cells,
        source: at,
    })
}

fn two_in_one(title: &str, column: &str, at: SourceRef) -> Diagnostic {
    Diagnostic::new(
        codes::TWO_IN_ONE,
        Severity::Warning,
        format!("表“{title}”一行中有两个数字落在“{column}”列，只读入了第一个"),
        Label::at(at, ""),
    )
    .with_help("该行的版面与表头不对齐，请核对")
}

/// A two-sided line (收入 | 支出): the income side's label and figure, the expenditure side's.
fn two_sided_rows(
    spec: &TableSpec,
    centres: &[i32],
    items: &[i32],
    line: &At<'_>,
    at: SourceRef,
    diags: &mut Vec<Diagnostic>,
    title: &str,
) -> Vec<Row> {
    let income_cols: Vec<usize> = (0..spec.columns.len())
        .filter(|&c| spec.columns[c].1 == Side::Income)
        .collect();
    let exp_cols: Vec<usize> = (0..spec.columns.len())
        .filter(|&c| spec.columns[c].1 == Side::Expenditure)
        .collect();
    // The expenditure side starts between the income side's last figure column and the
    // expenditure side's 项目 header (else its first figure column).
    let last_income = income_cols.iter().map(|&c| centres[c]).max().unwrap_or(0);
    let first_exp = exp_cols
        .iter()
        .map(|&c| centres[c])
        .min()
        .unwrap_or(i32::MAX);
    let split = last_income + (items.get(1).copied().unwrap_or(first_exp) - last_income) / 4;
    let mut sides = [
        (Side::Income, String::new(), vec![None; spec.columns.len()]),
        (
            Side::Expenditure,
            String::new(),
            vec![None; spec.columns.len()],
        ),
    ];
    let mut codes: [Option<String>; 2] = [None, None];
    for c in line.cells {
        let exp = c.x0 >= split;
        let which = usize::from(exp);
        let (side_cols, s) = if exp {
            (&exp_cols, &mut sides[1])
        } else {
            (&income_cols, &mut sides[0])
        };
        // A side's first cell may be its classification code (the 基本支出决算表's halves),
        // whole or in its 类 and 款 columns.
        if s.1.is_empty() && s.2.iter().all(Option::is_none) {
            let t = c.text.trim();
            match &mut codes[which] {
                None => {
                    if let Some(x) = code(t) {
                        codes[which] = Some(x);
                        continue;
                    }
                }
                Some(x)
                    if x.len() == 3 && t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    x.push_str(t);
                    continue;
                }
                Some(_) => {}
            }
        }
        if is_amount(&c.text) {
            let Some(col) = column_at(centres, side_cols, center(c).max(c.x1 - 1_500)) else {
                continue;
            };
            if s.2[col].is_some() {
                diags.push(two_in_one(title, spec.columns[col].0, at.clone()));
                continue;
            }
            s.2[col] = printed(&c.text).map(|p| Cell {
                printed: p,
                exact: None,
                source: at.clone(),
            });
        } else {
            if !s.1.is_empty() {
                s.1.push(' ');
            }
            s.1.push_str(&c.text);
        }
    }
    sides
        .into_iter()
        .zip(codes)
        .filter(|((_, label, cells), _)| !label.is_empty() || cells.iter().any(Option::is_some))
        .map(|((side, label, cells), code)| Row {
            side,
            kind: row_kind(code.as_deref(), &label),
            code,
            label,
            cells,
            source: at.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn codes_and_amounts() {
        assert_eq!(code("201 03 01").as_deref(), Some("2010301"));
        assert_eq!(code("301 02").as_deref(), Some("30102"));
        assert_eq!(code("2025"), None);
        assert!(is_amount("91,016,775.35") && is_amount("867.50") && !is_amount("类"));
    }
}
