//! 按含义读表 — any region's tables, read by what they mean rather than by a template.
//!
//! Pages (from a PDF or a text, [`crate::textpage`]) → table regions (a title the vocabulary
//! knows, up to the next title) → per page a grid ([`grid`]) → a [`Table`] of a known kind:
//! columns keyed by their header words, rows identified by their code (in any printed form:
//! `2010101`, `201 01 01`, `2010101-行政运行`, 类/款/项 in three columns) or their name, the unit
//! from the unit line. What the vocabulary does not know is kept as printed and said; a figure
//! that fits no column is said for its row, and only that figure is left out (the table is then
//! incomplete, and not checked).

pub mod bind;
pub mod grid;
pub mod vocab;

use crate::furniture;
use crate::pdf::Page;
use grid::{GridRow, Line, PageGrid};
use vocab::{Kind, Vocabulary};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{Cell, Column, Row, RowKind, Side, Table};
use yusuan_core::money::{MoneyUnit, Unit, parse_printed};
use yusuan_core::source::SourceRef;

/// Diagnostic codes of this reader. Stable; never reused.
pub mod codes {
    /// 未识别的表 — a table whose title no vocabulary knows.
    pub const UNRECOGNISED: &str = "I601";
    /// A column header no vocabulary knows: kept as printed.
    pub const UNKNOWN_COLUMN: &str = "I602";
    /// A figure that fits no column: its row is incomplete.
    pub const STRAY_FIGURE: &str = "I603";
    /// No unit line found: 万元 assumed.
    pub const NO_UNIT: &str = "I604";
    /// A table with a stub column (科目编码, 科目名称, 类, 款…) between its value columns: one
    /// list printed in blocks side by side (`科目编码 科目名称 决算数 | 科目编码 …`), or codes set
    /// in the middle; not read into rows yet, so not checked.
    pub const BLOCKS: &str = "I605";
    /// A text's table whose rows carry two codes each (部门经济分类 and 政府经济分类): which
    /// figures belong to which code is not known from the text; not checked.
    pub const TWO_CODES: &str = "I606";
}

/// The template id of documents read by meaning.
pub const TEMPLATE_ID: &str = yusuan_core::template::GENERIC_ID;

/// A table title found on a line.
struct Title<'v> {
    at: usize,
    kind: Option<&'v Kind>,
    text: String,
    /// The line (its `no`) that closes a title wrapped inside its bracket: no header line.
    closed_at: Option<usize>,
}

/// What [`read`] found: the tables, what it said about them, and where tables stand.
pub struct Read {
    /// The tables of known kinds that hold figures, in document order.
    pub tables: Vec<Table>,
    /// Tables printed as one list in two blocks side by side (`科目编码 科目名称 决算数 | 科目编码
    /// 科目名称 决算数`), by index into `tables`: read as two halves, the left block on the
    /// 收入 side and the right on the 支出 side, for a template that prints them so to bind
    /// them; [`flatten_blocks`] makes any other one list.
    pub blocks: Vec<usize>,
    /// What the reader says (unrecognised tables, unknown columns, stray figures…).
    pub diags: Vec<Diagnostic>,
    /// Tables found by their title and figures whose kind no vocabulary knows (I601).
    pub unrecognised: Vec<yusuan_core::disclosure::UnrecognisedTable>,
    /// The lines every table region covers, recognised or not (first and last, 1-based, counted
    /// over all pages as [`crate::pdf::join`] numbers them): not prose.
    pub regions: Vec<(usize, usize)>,
}

/// Reads every table the pages hold; `exact` when they are a PDF's (see [`grid::page_grid`]).
pub fn read(pages: &[Page], vocab: &Vocabulary, exact: bool) -> Read {
    let mut lines: Vec<Line<'_>> = Vec::new();
    let mut no = 0usize;
    for p in pages {
        // The first and last lines with text (a text's page ends in empty lines).
        let filled = || {
            p.laid
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.cells.is_empty())
        };
        let first = filled().next().map_or(0, |(i, _)| i);
        let last = filled().next_back().map_or(0, |(i, _)| i);
        for (i, l) in p.laid.iter().enumerate() {
            no += 1;
            // The page number the page's footer (or header) prints, a bare `8` on its line:
            // not a table's row.
            let number = p.view.printed_number.is_some_and(|n| {
                (i == first || i == last)
                    && l.text.split_whitespace().collect::<String>() == n.to_string()
            });
            if number {
                continue;
            }
            lines.push(Line {
                page: p.number,
                no,
                laid: l,
            });
        }
    }
    let mut titles = titles(&lines, vocab);
    // A title repeated on the next page (with its header) continues its table.
    titles.dedup_by(|next, prev| {
        next.kind.is_some()
            && prev.kind.map(|k| &k.id) == next.kind.map(|k| &k.id)
            && prev.text == next.text
    });
    let mut tables = Vec::new();
    let mut diags = Vec::new();
    let mut regions = Vec::new();
    let mut unrecognised = Vec::new();
    let mut blocks = Vec::new();
    for (ti, t) in titles.iter().enumerate() {
        let end = titles.get(ti + 1).map_or(lines.len(), |n| n.at);
        let end = table_end(&lines[t.at..end]).map_or(end, |e| t.at + e);
        let region = &lines[t.at..end];
        if let (Some(first), Some(last)) = (region.first(), region.last()) {
            regions.push((first.no, last.no));
        }
        let Some(kind) = t.kind else {
            unrecognised.push(yusuan_core::disclosure::UnrecognisedTable {
                title: t.text.clone(),
                source: place(&lines[t.at]),
            });
            diags.push(
                Diagnostic::new(
                    codes::UNRECOGNISED,
                    Severity::Info,
                    format!(
                        "未识别的表：「{}」（第 {} 页），未读入、未检查",
                        t.text, lines[t.at].page
                    ),
                    Label::at(place(&lines[t.at]), ""),
                )
                .with_help("若这是公开表，可在词表（vocab/tables.toml）中加入它的表名"),
            );
            continue;
        };
        if !kind.figures {
            continue;
        }
        if let Some((table, halves)) =
            table(t, kind, region, &lines[..t.at], vocab, exact, &mut diags)
        {
            if halves {
                blocks.push(tables.len());
            }
            tables.push(table);
        }
    }
    Read {
        tables,
        blocks,
        diags,
        unrecognised,
        regions,
    }
}

fn place(l: &Line<'_>) -> SourceRef {
    SourceRef::Line {
        page: Some(l.page),
        line: l.no,
    }
}

/// A line's text without spaces.
fn squash(l: &Line<'_>) -> String {
    l.laid.text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Titles: lines the vocabulary knows as a table's title (or that look like one) followed,
/// before any other title, by figures — a contents page lists titles without figures.
/// Where a table's region ends before the next title: at a part heading (`第三部分`), or at a
/// heading of the narrative (`一、收支预算总体情况说明`) once the table has shown a figure. (In a
/// text, figures in the prose that follows stand apart as cells: read as rows, they would be
/// stray figures of the table above.)
fn table_end(region: &[Line<'_>]) -> Option<usize> {
    // A part heading ends it wherever it stands (before any figure, the title was a contents
    // entry or a heading: the region is empty).
    let part = region
        .iter()
        .skip(1)
        .position(is_part_heading)
        .map(|i| i + 1);
    let first = region.iter().position(|l| grid::has_figures(l.laid));
    let heading = first.and_then(|first| {
        region
            .iter()
            .skip(first + 1)
            .position(|l| {
                let s = squash(l);
                // A heading of the narrative: `一、收支预算总体情况说明`, `2026年度预算情况说明`.
                l.laid.cells.len() == 1
                    && !grid::has_figures(l.laid)
                    && s.ends_with("说明")
                    && s.chars().count() <= 30
            })
            .map(|i| i + first + 1)
    });
    match (part, heading) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A part heading: `第三部分`, `第一部分 部门概况`, `第一部分 2026年度部门预算情况说明`.
fn is_part_heading(l: &Line<'_>) -> bool {
    crate::narrative::part_heading(&squash(l)).is_some()
}

/// A line that starts a row whatever its figures: its first word a classification code or a
/// numbered item (`十六、金融支出`, `（一）…`, `1.…`). A repeated header never starts so.
fn is_row_start(l: &Line<'_>) -> bool {
    let Some(first) = l.laid.cells.first() else {
        return false;
    };
    let w: String = first.text.split_whitespace().collect();
    let numbered = |w: &str| {
        let head: String = w
            .trim_start_matches(['（', '('])
            .chars()
            .take_while(|c| "一二三四五六七八九十百0123456789".contains(*c))
            .collect();
        !head.is_empty()
            && w.trim_start_matches(['（', '('])[head.len()..]
                .starts_with(['、', '）', ')', '.', '．'])
    };
    grid::is_code(first.text.split_whitespace().next().unwrap_or("")) || numbered(&w)
}

/// A line that may belong to a repeated header: furniture, column numbers, a unit or title
/// line, or one with a word some vocabulary knows as a column's or the stub's (`项目`,
/// `决算数`, `合计`…; the other words may be pieces of wrapped header cells).
fn is_header_like(l: &Line<'_>, vocab: &Vocabulary) -> bool {
    if is_furniture(l) || is_column_numbers(l) {
        return true;
    }
    let s = squash(l);
    // A running header (`苏州市科学技术局2026年度单位预算公开`) stands above it.
    let running = s.ends_with("公开") && (s.contains("预算") || s.contains("决算"));
    if running
        || s.starts_with("单位")
        || s.contains("单位：")
        || s.contains("单位:")
        || s.ends_with('表')
    {
        return true;
    }
    l.laid.cells.iter().any(|c| {
        let w: String = c.text.split_whitespace().collect();
        vocab.column_key(&w).is_some()
            || c.text
                .split_whitespace()
                .any(|w| vocab.column_key(w).is_some())
    })
}

/// The rows an empty table prints without figures: its total (`合计` alone on its line) and
/// any coded row (a template's placeholder rows, `205  教育支出`).
fn blank_rows(lines: &[Line<'_>]) -> Vec<Row> {
    let mut rows = Vec::new();
    for l in lines {
        let stub: Vec<String> = l
            .laid
            .cells
            .iter()
            .map(|c| c.text.trim().to_string())
            .collect();
        let Some(first) = stub.first() else {
            continue;
        };
        let total = stub.len() == 1 && matches!(first.as_str(), "合计" | "总计");
        let (code, label) = code_and_label(&stub);
        if !total && code.is_none() {
            continue;
        }
        let label = crate::shanghai::tidy_label(&label);
        rows.push(Row {
            side: Side::Single,
            kind: row_kind(code.as_deref(), &label),
            code,
            label,
            cells: Vec::new(),
            source: place(l),
        });
    }
    rows
}

/// A sentence saying a table is empty (`注：本部门无国有资本经营预算支出，故本表无数据。`,
/// `…故本表为空表。`).
fn is_empty_statement(text: &str) -> bool {
    let t: String = text.split_whitespace().collect();
    t.chars().count() <= 80
        && (t.contains("空表")
            || ["本表无", "此表无", "该表无", "本表数据为空", "本表为空"]
                .iter()
                .any(|m| t.contains(m)))
}

/// Whether the lines under a title are an empty table's: no figure, and an empty statement
/// or two or more header words the column vocabulary knows (a table printed with its header
/// only). Gives the statement, or "" when there is none.
fn empty_table(lines: &[Line<'_>], vocab: &Vocabulary) -> Option<String> {
    if lines
        .iter()
        .any(|l| grid::has_figures(l.laid) && !is_column_numbers(l))
    {
        return None;
    }
    // The statement, its sentence perhaps wrapped in the middle of its marker (`…为空` /
    // `表。`): a line, or a line and the prose lines after it up to the sentence's end.
    // (Its pieces may look like a header's: `表。` or `…为空表` alone on a line.)
    let prose = |l: &Line<'_>| l.laid.cells.len() == 1;
    let found = (0..lines.len()).find_map(|k| {
        let mut text: String = lines[k].laid.text.split_whitespace().collect();
        let mut to = k;
        loop {
            if is_empty_statement(&text) {
                return Some((k, to));
            }
            let next = to + 1;
            // (A wrapped line runs to the margin: a short one, a row's label, ends its text.)
            let wraps = lines[to]
                .laid
                .text
                .split_whitespace()
                .flat_map(str::chars)
                .count()
                >= 15;
            if text.ends_with('。')
                || !wraps
                || next >= lines.len()
                || next - k > 2
                || !prose(&lines[k])
                || !prose(&lines[next])
            {
                return None;
            }
            text.extend(lines[next].laid.text.split_whitespace());
            to = next;
        }
    });
    if let Some((k, to)) = found {
        // The sentence may wrap: the lines of prose above it that do not end one.
        let mut from = k;
        while from > 0 {
            let p = &lines[from - 1];
            let t: String = p.laid.text.split_whitespace().collect();
            if p.laid.cells.len() != 1
                || t.chars().count() < 15
                || t.ends_with(['。', '：', ':', '；'])
                || is_header_like(p, vocab)
            {
                break;
            }
            from -= 1;
        }
        return Some(
            lines[from..=to]
                .iter()
                .flat_map(|l| l.laid.text.split_whitespace())
                .collect(),
        );
    }
    let known = lines
        .iter()
        .flat_map(|l| l.laid.cells.iter())
        .filter(|c| vocab.column_key(&c.text).is_some_and(|(_, stub)| !stub))
        .count();
    (known >= 2).then(String::new)
}

/// A cell's text before a `单位：` / `编制单位：` run into it (the whole text when there is none
/// or nothing stands before it).
fn before_unit(text: &str) -> &str {
    let cut = ["编制单位", "单位：", "单位:", "部门："]
        .iter()
        .filter_map(|m| text.find(m))
        .min();
    match cut {
        Some(i) if !text[..i].trim().is_empty() => &text[..i],
        _ => text,
    }
}

fn titles<'v>(lines: &[Line<'_>], vocab: &'v Vocabulary) -> Vec<Title<'v>> {
    let mut candidates: Vec<Title<'v>> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let text = l.laid.text.trim();
        if text.is_empty()
            || grid::has_figures(l.laid)
            || l.laid.cells.len() > 3
            || furniture::is_contents_entry(text)
        {
            continue;
        }
        let mut s = squash(l);
        let mut closed_at = None;
        // A title wrapped inside its bracketed qualifier (`…支出明细表（按支出功能分类科` /
        // `目-不含上年结转）`): the next line closes it.
        if s.matches(['（', '(']).count() > s.matches(['）', ')']).count()
            && let Some(next) = lines[i + 1..]
                .iter()
                .take(2)
                .find(|n| !n.laid.text.trim().is_empty())
        {
            let n = squash(next);
            if n.chars().count() <= 20 && n.contains(['）', ')']) && !grid::has_figures(next.laid)
            {
                s.push_str(&n);
                closed_at = Some(next.no);
            }
        }
        if s.chars().count() > 60 {
            continue;
        }
        // The title may share its line with the table number, the unit and the organisation
        // (`公开03表单位：… 支出总表 单位：万元`): a cell alone may be it.
        let (kind, s) = match vocab.kind_of_title(&s) {
            Some(k) => (Some(k), s),
            None => l
                .laid
                .cells
                .iter()
                .find_map(|c| {
                    // `公开12表一般公共预算机关运行经费支出预算表单位：苏州市科学技术局`: the
                    // organisation run into the title.
                    let t = before_unit(&c.text);
                    vocab.kind_of_title(t).map(|k| (k, vocab::normalise(t)))
                })
                .map_or((None, s), |(k, t)| (Some(k), t)),
        };
        let looks = kind.is_some()
            || (s.ends_with('表')
                && !s.contains(['，', '。', '：', ':'])
                && s.chars().count() >= 4);
        if looks {
            candidates.push(Title {
                at: i,
                kind,
                text: s,
                closed_at,
            });
        }
    }
    // A title stands before figures: within a few lines, before the next title.
    let mut out: Vec<Title<'v>> = Vec::new();
    for (ci, c) in candidates.iter().enumerate() {
        let next = candidates.get(ci + 1).map_or(lines.len(), |n| n.at);
        // Figures count up to the next title, forty lines on, or a part heading.
        let reach = (c.at + 40).min(next);
        let reach = (c.at + 1..reach)
            .find(|&j| is_part_heading(&lines[j]))
            .unwrap_or(reach);
        let words_only = c.kind.is_some_and(|k| !k.figures);
        // (A page number — `- 9 -`, or a bare `9` alone on its line — is no figure of a table.)
        let figure_at = |j: usize| {
            let l = lines[j].laid;
            let bare = l.cells.len() == 1
                && l.text.trim().len() <= 3
                && l.text.trim().bytes().all(|b| b.is_ascii_digit());
            grid::has_figures(l) && !furniture::is_page_number(&l.text) && !bare
        };
        let figures = (c.at + 1..reach).any(figure_at);
        let empty = c.kind.is_some()
            && empty_table(&lines[c.at + 1..(c.at + 15).min(next)], vocab).is_some();
        if !(figures || empty || words_only && next > c.at + 2) {
            continue;
        }
        // An unknown title must be a short line right above its table (a header within 8 lines).
        if c.kind.is_none() && !(c.at + 1..(c.at + 10).min(next)).any(figure_at) {
            continue;
        }
        out.push(Title {
            at: c.at,
            kind: c.kind,
            text: c.text.clone(),
            closed_at: c.closed_at,
        });
    }
    out
}

/// The unit and the organisation a table's top lines state.
fn unit_and_org(lines: &[Line<'_>]) -> (Option<MoneyUnit>, String) {
    let mut unit = None;
    let mut org = String::new();
    for l in lines {
        for c in &l.laid.cells {
            let t: String = vocab::normalise(&c.text);
            for part in t.split(['，', ' ']) {
                let Some((label, value)) = part.split_once('：') else {
                    continue;
                };
                let value = value.trim();
                if label.ends_with("单位") && MoneyUnit::from_label(value).is_some() {
                    unit = MoneyUnit::from_label(value);
                } else if [
                    "部门",
                    "单位",
                    "单位名称",
                    "部门名称",
                    "编制部门",
                    "编制单位",
                    "部门（单位）",
                    "预算单位",
                ]
                .contains(&label)
                    && !value.is_empty()
                    && org.is_empty()
                {
                    org = value.to_string();
                }
            }
        }
    }
    (unit, org)
}

/// True for a line of a table's top that is not part of its header: the title, a table
/// number, the unit or organisation line.
/// The line numbering the columns under the header (`栏次 1 2 3`, `甲 乙 1 2 3`): neither
/// header words nor figures.
fn is_column_numbers(l: &Line<'_>) -> bool {
    let mut words = Vec::new();
    let mut numbers = Vec::new();
    for c in &l.laid.cells {
        for w in c.text.split_whitespace() {
            match w.parse::<u32>() {
                Ok(n) => numbers.push(n),
                Err(_) => words.push(w),
            }
        }
    }
    numbers.len() >= 2
        && numbers.windows(2).all(|w| w[1] == w[0] + 1)
        && numbers[0] <= 1
        && words
            .iter()
            .all(|w| matches!(*w, "栏次" | "行次" | "甲" | "乙" | "丙" | "栏" | "次"))
}

fn is_furniture(l: &Line<'_>) -> bool {
    let s = squash(l);
    // A line of four or more words is a header (`单位名称 总计 一般公共预算拨款收入 …`): a
    // title, a unit or an organisation line has at most three.
    if l.laid.cells.len() >= 4 && !furniture::is_page_number(&l.laid.text) {
        return false;
    }
    s.is_empty()
        || s.contains("单位：")
        || s.contains("单位:")
        || s.contains("部门：")
        || furniture::is_page_number(&l.laid.text)
        || vocab::title_body(&s).is_none_or(|(b, _)| b.is_empty())
        || Vocabulary::get().kind_of_title(&s).is_some()
        || s.starts_with("第") && s.contains("部分")
}

fn table(
    t: &Title<'_>,
    kind: &Kind,
    region: &[Line<'_>],
    before: &[Line<'_>],
    vocab: &Vocabulary,
    exact: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Table, bool)> {
    let top = &region[..region.len().min(8)];
    let above = &before[before.len().saturating_sub(3)..];
    let (unit_here, org) = unit_and_org(top);
    let unit = unit_here.or_else(|| unit_and_org(above).0);
    if unit.is_none() {
        diags.push(Diagnostic::new(
            codes::NO_UNIT,
            Severity::Info,
            format!("「{}」没有找到金额单位行，按万元读", t.text),
            Label::at(place(&region[0]), ""),
        ));
    }
    let unit = unit.unwrap_or(MoneyUnit::Wan);
    // Page by page: the header above the page's first figure, the body from there.
    let mut pages: Vec<(Vec<Line<'_>>, Vec<Line<'_>>)> = Vec::new();
    let mut i = 1;
    while i < region.len() {
        let page = region[i].page;
        let mut j = i;
        while j < region.len() && region[j].page == page {
            j += 1;
        }
        let part = &region[i..j];
        let first = part
            .iter()
            .position(|l| grid::has_figures(l.laid) && !is_column_numbers(l));
        if let Some(f) = first {
            // On a continued page, the header (when repeated) is the lines of header words at
            // its top; rows printed without figures before the first figure (`十六、金融支出`)
            // are rows.
            let f = if page == region[0].page {
                // Rows printed without figures before the first figure (a table of zeros
                // printed blank but for one row) are rows too, below the header.
                part[..f]
                    .iter()
                    .position(is_row_start)
                    .filter(|&r| part[..r].iter().any(|l| is_header_like(l, vocab)))
                    .unwrap_or(f)
            } else {
                let after_header = part[..f]
                    .iter()
                    .rposition(|l| is_header_like(l, vocab))
                    .map_or(0, |i| i + 1);
                let row = part[..f].iter().position(is_row_start).unwrap_or(f);
                after_header.min(row)
            };
            let header: Vec<Line<'_>> = part[..f]
                .iter()
                .copied()
                .filter(|l| !is_furniture(l) && !is_column_numbers(l))
                // (Nor the line closing the title, `含上年结转）`, standing over a column.)
                .filter(|l| Some(l.no) != t.closed_at)
                .collect();
            let body: Vec<Line<'_>> = part[f..]
                .iter()
                .copied()
                .filter(|l| {
                    !furniture::is_page_number(&l.laid.text)
                        && !furniture::is_table_number(&l.laid.text)
                })
                .collect();
            pages.push((header, body));
        }
        i = j;
    }
    let grids = page_grids(&pages, kind.two_sided, exact);
    let Some(first) = grids.first() else {
        // No figures: an empty table, printed with its header only or with a sentence
        // saying it is empty.
        let statement = empty_table(&region[1..], vocab)?;
        return Some((
            Table {
                number: kind.number,
                title: t.text.clone(),
                org,
                unit,
                columns: Vec::new(),
                rows: blank_rows(&region[1..]),
                empty_statement: (!statement.is_empty()).then_some(statement),
                notes: Vec::new(),
                source: place(&region[0]),
                unplaced: 0,
                kind: Some(kind.id.clone()),
            },
            false,
        ));
    };
    // A stub word over a value column (`科目编码`, `科目名称` right of the first figures) in a
    // one-sided table: one list printed in blocks side by side, each line holding an item of
    // each block. Read as two halves when both print the same columns.
    let blocks = !kind.two_sided
        && first.columns.iter().any(|c| {
            std::iter::once(c.leaf.concat())
                .chain(c.parents.iter().cloned())
                .any(|w| grid::is_stub_word(&w))
        });
    let halves = Kind {
        two_sided: true,
        ..kind.clone()
    };
    let halved: Vec<PageGrid> = if blocks {
        page_grids(&pages, true, exact)
    } else {
        Vec::new()
    };
    // Blocks that are lists (收入 beside 支出 by 功能分类, by 经济分类…, each with its own
    // names) in a table titled a 收支 table: read as its two sides (`政府性基金收支表`). (One
    // list printed in three blocks or more is not read; see below.)
    let lists = halved.first().is_some_and(|g| g.splits.len() >= 2) && t.text.contains("收支");
    let (blocks, kind, grids, halved) = if lists {
        (false, &halves, halved, Vec::new())
    } else {
        (blocks, kind, grids, halved)
    };
    let first = &grids[0];
    if blocks {
        let grids = halved;
        if let Some(first) = grids.first() {
            let mut quiet = Vec::new();
            let columns = keys(first, &halves, vocab, "", &region[0], &mut quiet);
            let side = |s: Side| -> Vec<&str> {
                columns
                    .iter()
                    .filter(|c| c.side == s)
                    .map(|c| c.key.split('〔').next().unwrap_or(&c.key))
                    .collect()
            };
            let (left, right) = (side(Side::Income), side(Side::Expenditure));
            let known = left
                .iter()
                .all(|k| vocab.column_key(k).is_some_and(|(_, stub)| !stub));
            if !left.is_empty() && left == right && known {
                let mut table = Table {
                    number: kind.number,
                    title: t.text.clone(),
                    org: org.clone(),
                    unit,
                    columns: columns
                        .iter()
                        .map(|c| Column {
                            key: c.key.split('〔').next().unwrap_or(&c.key).to_string(),
                            side: c.side,
                        })
                        .collect(),
                    rows: Vec::new(),
                    empty_statement: None,
                    notes: Vec::new(),
                    source: place(&region[0]),
                    unplaced: 0,
                    kind: Some(kind.id.clone()),
                };
                let mut codes = SplitCodes::new(&grids);
                for (gi, g) in grids.iter().enumerate() {
                    let map: Vec<Option<usize>> = if gi == 0 {
                        (0..g.columns.len()).map(Some).collect()
                    } else {
                        continuation(g, first, &table, &halves, vocab, exact, &codes)
                    };
                    rows(&mut table, g, &map, &halves, &mut codes, exact, diags);
                }
                finish(&mut table);
                return Some((table, true));
            }
        }
    }
    let columns = keys(first, kind, vocab, &t.text, &region[0], diags);
    let mut table = Table {
        number: kind.number,
        title: t.text.clone(),
        org,
        unit,
        columns,
        rows: Vec::new(),
        empty_statement: None,
        notes: Vec::new(),
        source: place(&region[0]),
        unplaced: 0,
        kind: Some(kind.id.clone()),
    };
    let mut codes = SplitCodes::new(&grids);
    for (gi, g) in grids.iter().enumerate() {
        // A continued page's columns are the first page's: by key when it repeats the header,
        // else in order when it has as many.
        let map: Vec<Option<usize>> = if gi == 0 {
            (0..g.columns.len()).map(Some).collect()
        } else {
            continuation(g, first, &table, kind, vocab, exact, &codes)
        };
        rows(&mut table, g, &map, kind, &mut codes, exact, diags);
    }
    finish(&mut table);
    // Rows coded twice (`30101 基本工资 50101 工资奖金津补贴`: 部门经济分类 and 政府经济分类 side by
    // side): in a text, where a two-line name's parts and its codes fall on different lines,
    // which figures belong to which code may not be known. Said, and not checked.
    let twice = table
        .rows
        .iter()
        .filter(|r| r.code.is_some() && second_code(&r.label))
        .count();
    // The sign that they were mixed up: a row led by the second classification's code
    // (`50102 社会保障缴费`) among rows led by the first's (`30108 …`).
    let led_by = |d: char| {
        table
            .rows
            .iter()
            .filter(|r| r.code.as_deref().is_some_and(|c| c.starts_with(d)))
            .count()
    };
    let mixed = !exact && twice >= 3 && led_by('3') >= 3 && led_by('5') >= 1;
    let unread = if blocks {
        Some((
            codes::BLOCKS,
            "的金额栏之间还有科目栏（分栏排列，或科目编码列在中间），暂不能按行读入",
            None,
        ))
    } else if mixed {
        Some((
            codes::TWO_CODES,
            "每行有两套科目编码（如部门经济分类与政府经济分类），文本中行与数字的对应不可靠",
            Some("请用 PDF 检查此表：PDF 中各格的位置可靠"),
        ))
    } else {
        None
    };
    // The table is kept, its figures all counted as unplaced: said, and not checked.
    if let Some((code, why, help)) = unread {
        let figures: usize = table
            .rows
            .iter()
            .map(|r| r.cells.iter().flatten().count())
            .sum();
        table.unplaced += figures;
        let d = Diagnostic::new(
            code,
            Severity::Warning,
            format!("「{}」{why}；该表的 {figures} 个数字不检查", table.title),
            Label::at(place(&region[0]), ""),
        );
        diags.push(match help {
            Some(h) => d.with_help(h),
            None => d,
        });
    }
    Some((table, false))
}

/// Each page's grid of a table (see [`grid::page_grid`]), pages with no figure left out.
fn page_grids(
    pages: &[(Vec<Line<'_>>, Vec<Line<'_>>)],
    two_sided: bool,
    exact: bool,
) -> Vec<PageGrid> {
    let mut grids: Vec<PageGrid> = Vec::new();
    for (h, b) in pages {
        let mut g = grid::page_grid(h, b, two_sided, exact);
        if g.columns.is_empty() {
            continue;
        }
        // A PDF's continued page set out as its first page (every column of figures where
        // one of the first page's stands), printing nothing in some of its lists: its lists
        // are where the first page's are.
        let figured = |i: usize| {
            g.rows
                .iter()
                .any(|r| r.figures.iter().any(|(c, _)| *c == i))
        };
        if let Some(first) = grids.first()
            && exact
            && first.splits.len() >= 2
            && g.splits != first.splits
            && (0..g.columns.len()).filter(|&i| figured(i)).all(|i| {
                first
                    .columns
                    .iter()
                    .any(|f| f.right.saturating_sub(g.columns[i].right).saturating_abs() <= 600)
            })
        {
            g = grid::page_grid_split(h, b, two_sided, exact, Some(&first.splits));
        }
        // A text's continued page printing fewer of the lists than the first page: the lists
        // that go on are the last ones (the 收入 list is the shortest and ends first).
        if let Some(first) = grids.first()
            && !exact
            && first.splits.len() >= 2
            && g.splits.len() < first.splits.len()
        {
            let by = first.splits.len() - g.splits.len();
            grid::shift_sides(&mut g, by);
        }
        grids.push(g);
    }
    grids
}

/// A table read in two blocks (see [`Read::blocks`]) made one list: the left block's rows,
/// then the right block's, in the left block's columns.
pub fn flatten_blocks(t: &mut Table) {
    let left: Vec<usize> = (0..t.columns.len())
        .filter(|&c| t.columns[c].side == Side::Income)
        .collect();
    let right: Vec<usize> = (0..t.columns.len())
        .filter(|&c| t.columns[c].side == Side::Expenditure)
        .collect();
    for r in &mut t.rows {
        let from = if r.side == Side::Expenditure {
            &right
        } else {
            &left
        };
        r.cells = from
            .iter()
            .map(|&c| r.cells.get(c).cloned().flatten())
            .collect();
        r.side = Side::Single;
    }
    t.columns = left
        .iter()
        .map(|&c| Column {
            key: t.columns[c].key.clone(),
            side: Side::Single,
        })
        .collect();
}

/// Maps a continued page's columns onto the table's.
fn continuation(
    g: &PageGrid,
    first: &PageGrid,
    table: &Table,
    kind: &Kind,
    vocab: &Vocabulary,
    exact: bool,
    codes: &SplitCodes,
) -> Vec<Option<usize>> {
    // The same geometry as the first page (a PDF's pages): each column by where it stands.
    let by_edge: Vec<Option<usize>> = g
        .columns
        .iter()
        .map(|c| {
            first.columns.iter().position(|f| {
                f.side == c.side && f.right.saturating_sub(c.right).saturating_abs() <= 600
            })
        })
        .collect();
    if by_edge.iter().all(Option::is_some) {
        return by_edge;
    }
    // Every column found, and no two on one.
    let whole = |m: &[Option<usize>]| {
        let mut used: Vec<usize> = m.iter().flatten().copied().collect();
        used.sort_unstable();
        m.iter().all(Option::is_some) && used.windows(2).all(|w| w[0] != w[1])
    };
    // The page repeats the header: each column by its words.
    let by_key: Vec<Option<usize>> = if g.has_header {
        let mut dummy = Vec::new();
        let here = keys(
            g,
            kind,
            vocab,
            "",
            &Line {
                page: 0,
                no: 0,
                laid: &Default::default(),
            },
            &mut dummy,
        );
        here.iter()
            .map(|c| {
                table
                    .columns
                    .iter()
                    .position(|t| t.key == c.key && t.side == c.side)
            })
            .collect()
    } else {
        Vec::new()
    };
    // The column the figures' extent overlaps most (a column made from its header word on
    // one page, from figures on another).
    let by_overlap: Vec<Option<usize>> = g
        .columns
        .iter()
        .map(|c| {
            first
                .columns
                .iter()
                .enumerate()
                .filter(|(_, f)| f.side == c.side)
                .map(|(i, f)| (i, f.right.min(c.right).saturating_sub(f.left.max(c.left))))
                .filter(|(_, o)| *o > 0)
                .max_by_key(|(_, o)| *o)
                .map(|(i, _)| i)
        })
        .collect();
    // A PDF's geometry is the page's; a text's drifts with the length of what stands left
    // of a figure, so there the header's words come first.
    let (a, b) = if exact {
        (by_overlap, by_key)
    } else {
        (by_key, by_overlap)
    };
    if !a.is_empty() && whole(&a) {
        return a;
    }
    if !b.is_empty() && whole(&b) {
        return b;
    }
    // Lists side by side (see [`grid::PageGrid::splits`]): each list's columns in order,
    // when the list prints as many as on the first page.
    if first.splits.len() >= 2 {
        let by_list: Vec<Option<usize>> = (0..g.columns.len())
            .map(|i| {
                let side = g.columns[i].side;
                let rank = g.columns[..i].iter().filter(|c| c.side == side).count();
                let here = g.columns.iter().filter(|c| c.side == side).count();
                let there: Vec<usize> = (0..first.columns.len())
                    .filter(|&j| first.columns[j].side == side)
                    .collect();
                (here == there.len()).then(|| there[rank])
            })
            .collect();
        if whole(&by_list) {
            return by_list;
        }
    }
    // In order, side by side, when the counts agree.
    let sides = |side: Side| table.columns.iter().filter(|c| c.side == side).count();
    let mut out = Vec::new();
    let mut seen = [0usize; 2];
    for c in &g.columns {
        let side = side_of(c.side, kind);
        let s = usize::from(side == Side::Expenditure);
        let n = g.columns.iter().filter(|x| x.side == c.side).count();
        let idx = if n == sides(side) {
            table
                .columns
                .iter()
                .enumerate()
                .filter(|(_, t)| t.side == side)
                .nth(seen[s])
                .map(|(i, _)| i)
        } else {
            None
        };
        seen[s] += 1;
        out.push(idx);
    }
    if !exact
        && out.iter().any(Option::is_none)
        && let Some(m) = set_out_as_before(g, table, codes)
    {
        return m;
    }
    out
}

/// A text's continued page whose columns neither stand nor are named as on the table's first
/// page, and are fewer than the table's (`pdftotext -layout` closes up a page's columns when
/// its rows are short): the one left-to-right assignment of its columns to the table's under
/// which every row of the page is set out as some row before it (items fill the columns their
/// siblings do: `247.46 247.46 247.46` under a class printed in 合计, 基本支出 and 人员经费).
/// Where several do, the one under which most rows are set out as their parent (the row
/// before whose code theirs extends: `302 01 办公费` as `302 商品和服务支出`, in 公用经费, not
/// 人员经费) — when only one is best. None otherwise.
fn set_out_as_before(
    g: &PageGrid,
    table: &Table,
    codes: &SplitCodes,
) -> Option<Vec<Option<usize>>> {
    let (k, n) = (g.columns.len(), table.columns.len());
    if k == 0
        || k >= n
        || g.columns.iter().any(|c| c.side != 0)
        || table.columns.iter().any(|c| c.side != Side::Single)
    {
        return None;
    }
    let before: std::collections::HashSet<Vec<usize>> = table
        .rows
        .iter()
        .map(|r| {
            (0..n)
                .filter(|&i| r.cells[i].is_some())
                .collect::<Vec<usize>>()
        })
        .filter(|v| !v.is_empty())
        .collect();
    let filled = |r: &Row| {
        (0..n)
            .filter(|&i| r.cells[i].is_some())
            .collect::<Vec<usize>>()
    };
    // Each row's columns, and its parent's columns when the table has its parent before it.
    // (A code printed in parts, `02` under a class carried from the page before, is put
    // together as the reader will: [`SplitCodes`].)
    let mut split = codes.clone();
    let (rows, parents): (Vec<Vec<usize>>, Vec<Option<Vec<usize>>>) = g
        .rows
        .iter()
        .filter(|r| r.stray.is_empty() && !r.figures.is_empty())
        .map(|r| {
            let mut v: Vec<usize> = r.figures.iter().map(|(c, _)| *c).collect();
            v.sort_unstable();
            v.dedup();
            let code = code_and_label(&r.stub).0.or_else(|| split.join(r));
            match code.as_deref().map(str::len) {
                Some(3) => split.class = code.clone().unwrap_or_default(),
                Some(5) => split.kuan = code.clone().unwrap_or_default(),
                _ => {}
            }
            let parent = code.and_then(|code| {
                let up = code.get(..code.len().checked_sub(2)?)?.to_string();
                table
                    .rows
                    .iter()
                    .rev()
                    .find(|p| p.code.as_deref() == Some(up.as_str()))
                    .map(filled)
            });
            (v, parent)
        })
        .unzip();
    // Enough rows to tell (two, or one whose parent is known: `30399` under `303`), and every
    // column of the page used by one of them.
    let enough = rows.len() >= 2 || rows.len() == 1 && parents[0].is_some();
    if !enough || (0..k).any(|c| !rows.iter().any(|r| r.contains(&c))) {
        return None;
    }
    // The assignments that fit, each with how many rows it sets out as their parent.
    let mut fitting: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut pick: Vec<usize> = (0..k).collect();
    let mut tried = 0usize;
    loop {
        tried += 1;
        if tried > 20_000 {
            return None;
        }
        let mapped = |r: &Vec<usize>| r.iter().map(|&c| pick[c]).collect::<Vec<usize>>();
        if rows.iter().all(|r| before.contains(&mapped(r))) {
            let as_parent = rows
                .iter()
                .zip(&parents)
                .filter(|(r, p)| p.as_ref() == Some(&mapped(r)))
                .count();
            fitting.push((as_parent, pick.clone()));
        }
        // The next increasing choice of k of the n columns.
        let Some(i) = (0..k).rev().find(|&i| pick[i] < n - k + i) else {
            break;
        };
        pick[i] += 1;
        for j in i + 1..k {
            pick[j] = pick[j - 1] + 1;
        }
    }
    let best = fitting.iter().map(|(a, _)| *a).max()?;
    // A lone row goes only where it is set out as its parent.
    if rows.len() < 2 && best == 0 {
        return None;
    }
    let mut top = fitting.into_iter().filter(|(a, _)| *a == best);
    match (top.next(), top.next()) {
        (Some((_, f)), None) => Some(f.into_iter().map(Some).collect()),
        _ => None,
    }
}

fn side_of(grid_side: usize, kind: &Kind) -> Side {
    match (kind.two_sided, grid_side) {
        (false, _) => Side::Single,
        (true, 0) => Side::Income,
        (true, _) => Side::Expenditure,
    }
}

/// Column keys from the header words, by the vocabulary.
fn keys(
    g: &PageGrid,
    kind: &Kind,
    vocab: &Vocabulary,
    title: &str,
    at: &Line<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    // A word over every column of a side (`预算数` over the whole table) groups nothing.
    let table_wide = |p: &String, side: usize| {
        let mut of_side = g.columns.iter().filter(|o| o.side == side).peekable();
        of_side.peek().is_some() && of_side.all(|o| o.parents.contains(p))
    };
    for (i, c) in g.columns.iter().enumerate() {
        let side = side_of(c.side, kind);
        let leaf: String = c.leaf.concat();
        let parent = c
            .parents
            .iter()
            .rev()
            .filter(|p| !table_wide(p, c.side))
            .find_map(|p| {
                vocab
                    .column_key(p)
                    .filter(|(_, stub)| !stub)
                    .map(|(k, _)| k)
            });
        let key = match vocab.column_key(&leaf) {
            Some((k, false)) => {
                let k = if k == "小计" { "合计" } else { k };
                match parent {
                    Some(p) if k == "合计" && p != "合计" => {
                        // A group's own total; the first 合计 of a table with 小计 in a group
                        // is the table's.
                        let group_has_subtotal = c.leaf.concat() == "合计"
                            && g.columns.iter().skip(i + 1).any(|o| {
                                o.parents == c.parents
                                    && vocab::normalise(&o.leaf.concat()) == "小计"
                            });
                        if group_has_subtotal {
                            "合计".to_string()
                        } else {
                            format!("{p}/合计")
                        }
                    }
                    Some("上年结转") if k != "上年结转" => format!("上年结转/{k}"),
                    _ => k.to_string(),
                }
            }
            _ if leaf.is_empty() && kind.two_sided => "预算数".to_string(),
            _ if leaf.is_empty() => match parent {
                Some(p) => p.to_string(),
                None => format!("第{}列", i + 1),
            },
            _ => {
                if !title.is_empty() {
                    diags.push(Diagnostic::new(
                        codes::UNKNOWN_COLUMN,
                        Severity::Info,
                        format!("「{title}」的列「{leaf}」不在词表中，按原文保留，不参与检查"),
                        Label::at(place(at), ""),
                    ));
                }
                vocab::normalise(&leaf)
            }
        };
        // A list of several side by side (支出 by 功能分类, by 经济分类…): its figures are
        // the list's, named by the words over its names.
        let key = match g.stub_heads.get(c.side) {
            Some(head) if c.side >= 1 && !head.is_empty() => {
                format!("{key}〔{}〕", vocab::normalise(head))
            }
            _ => key,
        };
        out.push(Column { key, side });
    }
    // A measure (预算数, 决算数…) printed under each item, paired with another measure under the
    // same item (`因公出国（境）费` / `预算数 决算数`): the item's measure, `item/measure`.
    let measure = |k: &str| matches!(k, "预算数" | "决算数" | "上年预算数" | "增减");
    let item_of = |c: &grid::GridColumn| -> Option<String> {
        let keyed: Vec<&str> = c
            .parents
            .iter()
            .filter(|p| !table_wide(p, c.side))
            .filter_map(|p| {
                vocab
                    .column_key(p)
                    .filter(|(_, stub)| !stub)
                    .map(|(k, _)| k)
            })
            .collect();
        let (&last, outer) = keyed.split_last()?;
        let last = if last == "小计" { "合计" } else { last };
        Some(match outer.last() {
            Some(o) if last == "合计" && *o != "合计" => format!("{o}/合计"),
            _ => last.to_string(),
        })
    };
    let items: Vec<Option<String>> = g.columns.iter().map(item_of).collect();
    // The columns whose key is one of a kind (`is`) and which share their item with another
    // column of that kind and another key: keyed `item/key`.
    let under_item = |out: &mut Vec<Column>, is: &dyn Fn(&str) -> bool| {
        let paired: Vec<bool> = (0..out.len())
            .map(|i| {
                is(&out[i].key)
                    && items[i].is_some()
                    && (0..out.len()).any(|j| {
                        j != i
                            && items[j] == items[i]
                            && g.columns[j].parents == g.columns[i].parents
                            && is(&out[j].key)
                            && out[j].key != out[i].key
                    })
            })
            .collect();
        for i in 0..out.len() {
            if let (true, Some(item)) = (paired[i], &items[i]) {
                out[i].key = format!("{item}/{}", out[i].key);
            }
        }
    };
    under_item(&mut out, &measure);
    // A 三公 table that prints each item by fund (`因公出国（境）费` / `一般公共预算 政府性基金预算
    // …`): the item's fund, `item/fund`.
    if kind.id == "三公经费表" {
        under_item(&mut out, &|k: &str| {
            matches!(k, "一般公共预算" | "政府性基金预算" | "国有资本经营预算")
        });
    }
    // A key twice on one side cannot be told apart: both keep their printed words.
    let dup: Vec<usize> = (0..out.len())
        .filter(|&i| {
            out.iter()
                .enumerate()
                .any(|(j, o)| j != i && o.key == out[i].key && o.side == out[i].side)
        })
        .collect();
    for i in dup {
        let words = format!(
            "{}{}",
            g.columns[i].parents.concat(),
            g.columns[i].leaf.concat()
        );
        out[i].key = format!("{}〔{}〕", out[i].key, vocab::normalise(&words));
    }
    out
}

/// A stub → (code, label): `2010101-行政运行`, `201 01 01 行政运行`, `20101 人大事务`, or a name.
fn code_and_label(stub: &[String]) -> (Option<String>, String) {
    let joined = stub.join(" ");
    // `[201]一般公共服务支出`: a bracketed code.
    let unbracketed;
    let t = match joined.trim().strip_prefix(['[', '【']) {
        Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => {
            unbracketed = r.replacen([']', '】'], " ", 1);
            unbracketed.trim()
        }
        _ => joined.trim(),
    };
    let mut code = String::new();
    let mut rest = t;
    // Leading digit groups: 201 01 01, 2010101, 2010101-…
    loop {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() {
            break;
        }
        let ok = match code.len() {
            0 => matches!(digits.len(), 3 | 5 | 7),
            _ => (digits.len() == 2 || digits.len() == 1) && code.len() < 7,
        };
        if !ok {
            break;
        }
        // `301 7 绩效工资`: a part printed without its leading zero.
        if digits.len() == 1 {
            code.push('0');
        }
        code.push_str(&digits);
        rest = rest[digits.len()..].trim_start_matches([' ', '-', '－', '—', '.']);
    }
    let label = rest.trim().to_string();
    if code.is_empty() || !matches!(code.len(), 3 | 5 | 7) {
        return (None, t.to_string());
    }
    (Some(code), label)
}

fn row_kind(code: Option<&str>, label: &str) -> RowKind {
    let l: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(c) = code {
        if is_unit_code(c, &l) {
            return RowKind::Unit;
        }
        return match c.len() {
            3 => RowKind::Class,
            5 => RowKind::Kuan,
            _ => RowKind::Xiang,
        };
    }
    match l.as_str() {
        "合计" | "总计" | "收入总计" | "支出总计" | "收入合计" | "支出合计" => {
            RowKind::Total
        }
        _ if l.ends_with("合计") || l.ends_with("小计") => RowKind::Subtotal,
        _ => RowKind::Item,
    }
}

/// Whether a row's code is a unit's (`201  中共西安市委宣传部`, a table set out by 单位编码), not a
/// functional class's: a three-digit code whose name is an organisation's, which neither is
/// nor shares a word with any name the catalogue has given the class.
fn is_unit_code(code: &str, label: &str) -> bool {
    const ORGANISATION: &[&str] = &[
        "部",
        "局",
        "委",
        "办",
        "厅",
        "中心",
        "团",
        "院",
        "所",
        "会",
        "处",
        "室",
        "站",
        "队",
        "馆",
        "校",
        "社",
        "公司",
        "办公室",
        "委员会",
    ];
    if code.len() != 3 || !ORGANISATION.iter().any(|e| label.ends_with(e)) {
        return false;
    }
    let Ok(c) = yusuan_core::codes::FuncCode::parse(code) else {
        return true;
    };
    let catalog = yusuan_core::catalog::Catalog::get();
    let names: Vec<&str> = (2000..=2040)
        .filter_map(|y| catalog.functional_name(c, y))
        .collect();
    let chars: Vec<char> = label.chars().collect();
    // A word of two characters the label shares with one of the class's names.
    let shares = chars.windows(2).any(|w| {
        names
            .iter()
            .any(|n| n.contains(&w.iter().collect::<String>()))
    });
    !shares
}

/// 类/款/项 printed in three columns, each row printing only its own part (`205` / `08` /
/// `03`): where the 款 and 项 columns stand (over the whole table, so a continued page that
/// prints only 项 parts is read alike), and the class and 款 the rows are under, carried from
/// page to page.
#[derive(Clone)]
struct SplitCodes {
    kuan_x: Option<i32>,
    xiang_x: Option<i32>,
    class: String,
    kuan: String,
}

impl SplitCodes {
    /// The whole code of a row that prints only its 款 or 项 part (`02`), by where the part
    /// stands and the class and 款 carried so far.
    fn join(&self, r: &GridRow) -> Option<String> {
        let (first, x) = (r.stub.first()?, r.stub_x.first()?);
        if first.len() != 2 || !first.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let near =
            |a: Option<i32>| a.is_some_and(|a| a.saturating_sub(*x).saturating_abs() <= 1000);
        if near(self.xiang_x) && self.kuan.len() == 5 {
            Some(format!("{}{first}", self.kuan))
        } else if near(self.kuan_x) && self.class.len() == 3 {
            Some(format!("{}{first}", self.class))
        } else {
            None
        }
    }

    fn new(grids: &[PageGrid]) -> SplitCodes {
        let two_digit: Vec<i32> = grids
            .iter()
            .flat_map(|g| &g.rows)
            .filter(|r| {
                r.stub
                    .first()
                    .is_some_and(|s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            })
            .filter_map(|r| r.stub_x.first().copied())
            .collect();
        let kuan_x = two_digit.iter().min().copied();
        let xiang_x = two_digit
            .iter()
            .max()
            .copied()
            .filter(|x| kuan_x.is_some_and(|k| x.saturating_sub(k) > 1000));
        SplitCodes {
            kuan_x,
            xiang_x,
            class: String::new(),
            kuan: String::new(),
        }
    }
}

fn rows(
    table: &mut Table,
    g: &PageGrid,
    map: &[Option<usize>],
    kind: &Kind,
    codes: &mut SplitCodes,
    exact: bool,
    diags: &mut Vec<Diagnostic>,
) {
    // A line of figures without a stub belongs with a line of stub without figures next to it
    // on its side (the name of a two-line cell above its figures, or below). Each side keeps
    // its own: in a two-sided table the other side's rows stand between. A figure is never
    // dropped: one that finds no name stays a row of its own.
    let sides = g.splits.len() + 1;
    let mut pending: Vec<Option<GridRow>> = vec![None; sides];
    let mut out: Vec<GridRow> = Vec::new();
    // A note under the table (`注：本表反映…`, `说明：…`), and the lines it runs on to, is the
    // table's note, not a row; one saying the table is empty is its statement.
    let mut note: Option<String> = None;
    for r in &g.rows {
        let has_figs = !r.figures.is_empty() || !r.stray.is_empty();
        let text: String = r.stub.concat().split_whitespace().collect();
        if !has_figs && (note.is_some() || is_note(&text)) {
            note.get_or_insert_with(String::new).push_str(&text);
            continue;
        }
        if let Some(n) = note.take() {
            add_note(table, n);
        }
        let side = r.side.min(sides - 1);
        match (has_figs, r.stub.is_empty()) {
            (true, true) => {
                if let Some(prev) = out
                    .iter_mut()
                    .rev()
                    .find(|p| p.side == r.side)
                    .filter(|p| p.figures.is_empty() && p.stray.is_empty() && p.no + 1 >= r.no)
                {
                    prev.figures.extend(r.figures.iter().cloned());
                    prev.stray.extend(r.stray.iter().cloned());
                    prev.figures_at = Some((r.page, r.no));
                } else {
                    if let Some(p) = pending[side].replace(r.clone()) {
                        out.push(p);
                    }
                }
            }
            (false, false) => {
                let mut r = r.clone();
                if let Some(p) = pending[side].take() {
                    if p.no + 2 >= r.no {
                        r.figures = p.figures;
                        r.stray = p.stray;
                        r.figures_at = Some((p.page, p.no));
                    } else {
                        out.push(p);
                    }
                }
                out.push(r);
            }
            _ => {
                if let Some(p) = pending[side].take() {
                    out.push(p);
                }
                out.push(r.clone());
            }
        }
    }
    if let Some(n) = note.take() {
        add_note(table, n);
    }
    out.extend(pending.into_iter().flatten());
    if !exact {
        out = names_around_figures(out);
        out = codes_below(out);
    }
    for mut r in out {
        let side = side_of(r.side, kind);
        // Header words of the stub set on a row's line (`类  款  项  合计`): not its name.
        let header_word = |w: &str| matches!(w, "类" | "款" | "项" | "科目编码" | "科目名称");
        if r.stub.iter().any(|w| !header_word(w.trim())) {
            let keep: Vec<bool> = r.stub.iter().map(|w| !header_word(w.trim())).collect();
            let mut k = keep.iter();
            r.stub.retain(|_| *k.next().unwrap_or(&true));
            let mut k = keep.iter();
            r.stub_x.retain(|_| *k.next().unwrap_or(&true));
        }
        let (code, mut label) = code_and_label(&r.stub);
        // A 款 or 项 printed without its leading zero (`301 7 绩效工资`): read as 30107, and said.
        if let Some(c) = &code {
            let joined = r.stub.join(" ");
            let printed: Vec<&str> = joined
                .split_whitespace()
                .take_while(|w| w.bytes().all(|b| b.is_ascii_digit()))
                .collect::<Vec<_>>();
            let padded: String = printed
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i == 0 {
                        (*w).to_string()
                    } else {
                        format!("{w:0>2}")
                    }
                })
                .collect();
            if printed.len() >= 2 && printed[1..].iter().any(|w| w.len() == 1) && padded == *c {
                diags.push(crate::shanghai::short_code(
                    &table.title,
                    &printed,
                    SourceRef::Line {
                        page: Some(r.page),
                        line: r.no,
                    },
                ));
            }
        }
        // A code printed wrong (`7 11 02 事业单位医疗` for 210 11 02): said; the row is read
        // without it.
        if code.is_none()
            && let Some((printed, rest)) = misprinted_code(&label)
        {
            diags.push(crate::shanghai::bad_code(
                &table.title,
                &printed,
                &rest,
                SourceRef::Line {
                    page: Some(r.page),
                    line: r.no,
                },
            ));
            label = rest;
        }
        if code.is_none()
            && let Some(joined) = codes.join(&r)
        {
            let (_, label) = code_and_label(&[r.stub[1..].join(" ")]);
            if joined.len() == 5 {
                codes.kuan = joined.clone();
            }
            push_row(table, &r, (side, Some(joined), label), map, exact, diags);
            continue;
        }
        if let Some(c) = &code {
            match c.len() {
                3 => codes.class = c.clone(),
                5 => codes.kuan = c.clone(),
                _ => {}
            }
        }
        push_row(table, &r, (side, code, label), map, exact, diags);
    }
}

/// A label led by digit groups that are no classification code (`7 11 02 事业单位医疗`): the
/// groups as printed and the name after them. Two or more groups, the later ones of two
/// digits (as 款 and 项 are printed), the first of one to three.
fn misprinted_code(label: &str) -> Option<(String, String)> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let n = words
        .iter()
        .take_while(|w| w.bytes().all(|b| b.is_ascii_digit()))
        .count();
    if n < 2 || n == words.len() {
        return None;
    }
    let ok = (1..=3).contains(&words[0].len()) && words[1..n].iter().all(|w| w.len() == 2);
    ok.then(|| (words[..n].join(" "), words[n..].join(" ")))
}

/// A note printed under a table: `注：…`, `注1：…`, `说明：…`.
fn is_note(text: &str) -> bool {
    let t = text.trim_start_matches(['注', '说', '明']);
    (text.starts_with('注') || text.starts_with("说明"))
        && t.trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(['：', ':'])
}

/// Keeps a note under the table: the statement that it is empty, or a footnote (without its
/// `注：`).
fn add_note(table: &mut Table, text: String) {
    if is_empty_statement(&text) {
        table.empty_statement = Some(text);
    } else {
        let body = text
            .split_once(['：', ':'])
            .map_or(text.as_str(), |(_, b)| b);
        table.notes.push(body.to_string());
    }
}

/// True when a label holds a second classification code (`基本工资 50101 工资奖金津补贴`).
fn second_code(label: &str) -> bool {
    label.split_whitespace().any(|w| {
        (w.len() == 3 || w.len() == 5)
            && w.bytes().all(|b| b.is_ascii_digit())
            && w.starts_with(['3', '5'])
    })
}

/// In a text, a name set around its figures (`1、人员经费和` / its figures / `公用经费支出`): a
/// row whose name stands on the line above its figures, and on the line below them, on its
/// side (its list), a line of name only starting where its name starts (within two
/// characters), is one row — unless that line is an item of its own (numbered, 其中, a total).
fn names_around_figures(mut rows: Vec<GridRow>) -> Vec<GridRow> {
    let mut i = 0;
    while i < rows.len() {
        let r = &rows[i];
        let Some((_, f)) = r
            .figures_at
            .filter(|&(page, f)| page == r.page && f == r.no + 1)
        else {
            i += 1;
            continue;
        };
        let x = r.stub_x.first().copied();
        let tail = (i + 1..rows.len())
            .take_while(|&j| rows[j].no <= f + 1)
            .find(|&j| rows[j].side == r.side && rows[j].no == f + 1)
            .filter(|&j| {
                let t = &rows[j];
                let text: String = t.stub.concat().split_whitespace().collect();
                t.figures.is_empty()
                    && t.stray.is_empty()
                    && !text.is_empty()
                    && unnumbered(&text) == text
                    && !text.starts_with(['（', '(', '其'])
                    && !grid::is_code(t.stub.first().map_or("", String::as_str))
                    && !["合计", "小计", "总计"].iter().any(|w| text.contains(w))
                    && match (x, t.stub_x.first()) {
                        (Some(a), Some(&b)) => a.saturating_sub(b).saturating_abs() <= 2000,
                        _ => false,
                    }
            });
        if let Some(j) = tail {
            let t = rows.remove(j);
            let r = &mut rows[i];
            match r.stub.last_mut() {
                Some(last) => last.push_str(&t.stub.concat()),
                None => r.stub = t.stub,
            }
        }
        i += 1;
    }
    rows
}

/// In a text, a row's code may stand on the line below its figures, with the rest of its
/// name (`行政运行   17,651,794.92 …` / `2013301`; `一般行政管理   30,964,000.00 …` /
/// `2013302 事务`): a row of figures whose name has no code, followed on the next line or the
/// one after on its side by a code with no figures, is one row — the code's, its name the two
/// parts joined. A total (`合计`) is never joined to a code.
///
/// A row coded twice (部门经济分类 `30108` at the left, 政府经济分类 `50102` further right)
/// whose name wraps over three lines (`机关事业单位基` / `50102 社会保障缴费 1,449,977.63 …` /
/// `30108 本养老保险缴费`): its figures' line starts right of the code column with the second
/// code, and the first code stands below, perhaps after a line of the second name. One row: the
/// first code's, its name the head, the tail, then the second code and its name.
fn codes_below(rows: Vec<GridRow>) -> Vec<GridRow> {
    let mut out: Vec<GridRow> = Vec::with_capacity(rows.len());
    let mut merged_into_prev = vec![false; rows.len()];
    // Where the rows' leading codes stand.
    let code_x = rows
        .iter()
        .filter(|r| code_and_label(&r.stub).0.is_some())
        .filter_map(|r| r.stub_x.first().copied())
        .min();
    let at_code_column = |r: &GridRow| {
        code_x.is_some_and(|cx| {
            r.stub_x
                .first()
                .is_some_and(|&x| x <= cx.saturating_add(1000))
        })
    };
    for i in 0..rows.len() {
        if merged_into_prev[i] {
            continue;
        }
        let r = &rows[i];
        if let Some(joined) = second_code_row(&rows, i, &at_code_column, &mut out) {
            for j in i + 1..=joined.1 {
                merged_into_prev[j] = true;
            }
            out.push(joined.0);
            continue;
        }
        let figures = !r.figures.is_empty() || !r.stray.is_empty();
        let (code, label) = code_and_label(&r.stub);
        let joinable = figures
            && code.is_none()
            && !label.is_empty()
            && !["合计", "总计", "小计"].iter().any(|w| label.contains(w));
        let below = joinable
            .then(|| {
                (i + 1..rows.len())
                    .find(|&j| rows[j].side == r.side)
                    .filter(|&j| {
                        let n = &rows[j];
                        n.no <= r.no + 2
                            && n.figures.is_empty()
                            && n.stray.is_empty()
                            && code_and_label(&n.stub).0.is_some()
                    })
            })
            .flatten();
        match below {
            Some(j) => {
                let n = &rows[j];
                let (c, tail) = code_and_label(&n.stub);
                let mut row = r.clone();
                row.stub = vec![c.unwrap_or_default(), format!("{label}{tail}")];
                row.stub_x = n.stub_x.clone();
                out.push(row);
                merged_into_prev[j] = true;
            }
            None => out.push(r.clone()),
        }
    }
    out
}

/// The row of figures `i` coded twice with its first code below (see [`codes_below`]): the
/// joined row and the last row it takes. A name's head on the line above, without figures or
/// code, is taken from `out`.
fn second_code_row(
    rows: &[GridRow],
    i: usize,
    at_code_column: &dyn Fn(&GridRow) -> bool,
    out: &mut Vec<GridRow>,
) -> Option<(GridRow, usize)> {
    let r = &rows[i];
    let code_at = r.stub.iter().position(|w| grid::is_code(w))?;
    if r.figures.is_empty() || at_code_column(r) || !second_code(&r.stub[code_at]) {
        return None;
    }
    let bare = |n: &GridRow| n.figures.is_empty() && n.stray.is_empty() && n.side == r.side;
    // The first code below, within three lines; rows between are the second name's lines.
    let j = (i + 1..rows.len())
        .take_while(|&j| rows[j].no <= r.no + 3 && bare(&rows[j]))
        .find(|&j| at_code_column(&rows[j]) && code_and_label(&rows[j].stub).0.is_some())?;
    if rows[i + 1..j]
        .iter()
        .any(|n| n.stub.iter().any(|w| grid::is_code(w)))
    {
        return None;
    }
    let (code, tail) = code_and_label(&rows[j].stub);
    // The two codes are of two classifications (部门 `3…`, 政府 `5…`): an indented item
    // `30399` above a class `309` is not this.
    let first_digit = |c: &str| c.trim().chars().next();
    if code.as_deref().map(first_digit) == Some(first_digit(&r.stub[code_at])) {
        return None;
    }
    let head = out
        .last()
        .filter(|p| {
            bare(p)
                && p.no + 1 == r.no
                && !at_code_column(p)
                && !p.stub.iter().any(|w| grid::is_code(w))
        })
        .map(|p| p.stub.concat());
    if head.is_some() {
        out.pop();
    }
    // Two tails below (`30299 支出 … 支出`): the first name's, then the second's.
    let parts: Vec<&String> = rows[j].stub.iter().filter(|w| !grid::is_code(w)).collect();
    let (tail, second_tail) = match parts.as_slice() {
        [a, b] if code_at + 1 < r.stub.len() => (a.trim().to_string(), b.trim().to_string()),
        _ => (tail, String::new()),
    };
    let name: String = [head.unwrap_or_default(), r.stub[..code_at].concat(), tail].concat();
    let mut second: Vec<String> = r.stub[code_at..].to_vec();
    second.extend(rows[i + 1..j].iter().map(|n| n.stub.concat()));
    if let Some(last) = second.last_mut() {
        last.push_str(&second_tail);
    }
    let mut row = r.clone();
    row.stub = vec![
        code.unwrap_or_default(),
        format!("{name} {}", second.join(" ")),
    ];
    row.stub_x = rows[j].stub_x.clone();
    Some((row, j))
}

/// Adds a grid row to the table, with its side, code and label; its figures go to the
/// table's columns through `map`.
fn push_row(
    table: &mut Table,
    r: &GridRow,
    (side, code, label): (Side, Option<String>, String),
    map: &[Option<usize>],
    exact: bool,
    diags: &mut Vec<Diagnostic>,
) {
    // A name set letter-spaced (`因 公 出 国 （ 境 ） 费用`) reads closed up.
    let label = crate::shanghai::tidy_label(&label);
    let n = table.columns.len();
    {
        let mut cells: Vec<Option<Cell>> = vec![None; n];
        let mut stray = r.stray.clone();
        for (ci, text) in &r.figures {
            let Some(Some(col)) = map.get(*ci) else {
                stray.push(text.clone());
                continue;
            };
            let Some(printed) = parse_printed(text, Unit::Money(table.unit)) else {
                stray.push(text.clone());
                continue;
            };
            if cells[*col].is_some() {
                stray.push(text.clone());
                continue;
            }
            let (page, line) = r.figures_at.unwrap_or((r.page, r.no));
            cells[*col] = Some(Cell {
                printed,
                exact: None,
                source: SourceRef::Line {
                    page: Some(page),
                    line,
                },
            });
        }
        if !exact && stray.is_empty() {
            arbitrate(table, side, &mut cells);
        }
        if !stray.is_empty() {
            table.unplaced += stray.len();
            diags.push(Diagnostic::new(
                codes::STRAY_FIGURE,
                Severity::Warning,
                format!(
                    "「{}」「{}」行的数字 {} 对不上任何一列，未读入；该表不检查",
                    table.title,
                    label,
                    stray.join("、")
                ),
                Label::at(
                    SourceRef::Line {
                        page: Some(r.page),
                        line: r.no,
                    },
                    "",
                ),
            ));
        }
        if label.is_empty() && code.is_none() && cells.iter().all(Option::is_none) {
            return;
        }
        table.rows.push(Row {
            side,
            kind: row_kind(code.as_deref(), &label),
            code,
            label,
            cells,
            source: SourceRef::Line {
                page: Some(r.page),
                line: r.no,
            },
        });
    }
}

/// A text's layout drifts with the length of what stands left of a figure, so a figure may
/// land one column off. When the row's figures as placed break a column identity
/// (`yusuan_check`'s T0001), the placement that keeps their order, moves each at most one
/// column, breaks none and moves the fewest is taken — if exactly one such is best. Else the
/// row stays as placed, and a defect the document has is reported.
fn arbitrate(table: &Table, side: Side, cells: &mut [Option<Cell>]) {
    use yusuan_check::kinds::row_breaks;
    let ids = yusuan_check::rules::table::t0001::IDENTITIES;
    let printed = |cells: &[Option<Cell>]| -> Vec<Option<yusuan_core::money::Printed>> {
        cells
            .iter()
            .map(|c| c.as_ref().map(|c| c.printed))
            .collect()
    };
    let breaks = |cells: &[Option<yusuan_core::money::Printed>]| {
        let refs: Vec<_> = cells.iter().map(Option::as_ref).collect();
        row_breaks(ids, table, side, &refs)
    };
    if breaks(&printed(cells)) == 0 {
        return;
    }
    let cols: Vec<usize> = (0..table.columns.len())
        .filter(|&c| table.columns[c].side == side)
        .collect();
    // (position among the side's columns, the cell)
    let filled: Vec<(usize, Cell)> = cols
        .iter()
        .enumerate()
        .filter_map(|(p, &c)| cells[c].clone().map(|cell| (p, cell)))
        .collect();
    if filled.is_empty() || filled.len() > 12 {
        return;
    }
    let mut best: Option<(usize, Vec<usize>)> = None;
    let mut tied = false;
    let mut q: Vec<usize> = Vec::with_capacity(filled.len());
    fn walk(
        i: usize,
        q: &mut Vec<usize>,
        filled: &[(usize, Cell)],
        n: usize,
        visit: &mut dyn FnMut(&[usize]),
    ) {
        if i == filled.len() {
            visit(q);
            return;
        }
        let p = filled[i].0;
        for cand in p.saturating_sub(1)..=(p + 1).min(n - 1) {
            if q.last().is_some_and(|&l| cand <= l) {
                continue;
            }
            q.push(cand);
            walk(i + 1, q, filled, n, visit);
            q.pop();
        }
    }
    walk(0, &mut q, &filled, cols.len(), &mut |q: &[usize]| {
        let mut trial: Vec<Option<yusuan_core::money::Printed>> = vec![None; cells.len()];
        for (k, &pos) in q.iter().enumerate() {
            trial[cols[pos]] = Some(filled[k].1.printed);
        }
        if breaks(&trial) > 0 {
            return;
        }
        let cost: usize = q
            .iter()
            .zip(&filled)
            .map(|(a, (p, _))| a.abs_diff(*p))
            .sum();
        match &best {
            Some((c, _)) if *c < cost => {}
            Some((c, _)) if *c == cost => tied = true,
            _ => {
                best = Some((cost, q.to_vec()));
                tied = false;
            }
        }
    });
    if let Some((_, q)) = best.filter(|_| !tied) {
        for c in &cols {
            cells[*c] = None;
        }
        for (k, &pos) in q.iter().enumerate() {
            cells[cols[pos]] = Some(filled[k].1.clone());
        }
    }
}

/// 收入 rows before 支出 rows; a coded row printed without its name takes the name set on
/// the lines around it (`其他行政事业单位养老支` / `99 …` / `出`).
fn finish(table: &mut Table) {
    let bare =
        |r: &Row| r.code.is_none() && r.cells.iter().all(Option::is_none) && !r.label.is_empty();
    let mut i = 0;
    while i < table.rows.len() {
        if table.rows[i].code.is_some() && table.rows[i].label.is_empty() {
            if i > 0 && bare(&table.rows[i - 1]) && table.rows[i - 1].side == table.rows[i].side {
                let above = table.rows.remove(i - 1);
                i -= 1;
                table.rows[i].label = above.label;
            }
            if i + 1 < table.rows.len()
                && bare(&table.rows[i + 1])
                && table.rows[i + 1].label.chars().count() <= 3
                && table.rows[i + 1].side == table.rows[i].side
            {
                let below = table.rows.remove(i + 1);
                table.rows[i].label.push_str(&below.label);
            }
        }
        i += 1;
    }
    // A name wrapped onto the next line, below its figures (`机关事业单位基本养老保险缴费支` /
    // `出`): the line's text joins the row above.
    let mut i = 1;
    while i < table.rows.len() {
        let (prev, this) = (&table.rows[i - 1], &table.rows[i]);
        if bare(this) && this.side == prev.side && wraps(prev, this) {
            let tail = table.rows.remove(i);
            table.rows[i - 1].label.push_str(&tail.label);
            continue;
        }
        i += 1;
    }
    table.rows.sort_by_key(|r| match r.side {
        Side::Expenditure => 1,
        _ => 0,
    });
}

/// A name without its item number (`四、`, `12、`, `(1)`, `（一）`, `1.`).
fn unnumbered(s: &str) -> &str {
    let t = s.trim_start();
    if let Some(rest) = t.strip_prefix(['(', '（'])
        && let Some((n, after)) = rest.split_once([')', '）'])
        && !n.is_empty()
        && n.chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    {
        return after;
    }
    let n = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || "一二三四五六七八九十".contains(*c)))
        .map_or(t.len(), |(i, _)| i);
    match t[n..].strip_prefix(['、', '.', '．']) {
        Some(after) if n > 0 => after,
        _ => t,
    }
}

/// Whether `this` (a name with no code and no figures, on the line after `prev`) is the rest
/// of `prev`'s name: for a coded row, when the catalogue's name of the code (any year) begins
/// with the two joined and not with `prev`'s alone being whole; else when it is one or two
/// characters that are no row's name.
fn wraps(prev: &Row, this: &Row) -> bool {
    let line = |r: &Row| match r.source {
        SourceRef::Line { line, .. } => Some(line),
        _ => None,
    };
    // The next line; in a text, a blank line may stand between.
    let gap = match (line(prev), line(this)) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => return false,
    };
    if gap > 2 {
        return false;
    }
    let squash = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let (head, tail) = (squash(&prev.label), squash(&this.label));
    if head.is_empty() {
        return false;
    }
    let joined = format!("{head}{tail}");
    let cat = yusuan_core::catalog::Catalog::get();
    let names: Vec<String> = match prev.code.as_deref() {
        Some(c) if c.starts_with(['3', '5']) && c.len() <= 5 => {
            yusuan_core::codes::EconCode::parse(c)
                .ok()
                .map(|code| {
                    (2018..=yusuan_core::catalog::LATEST_YEAR)
                        .filter_map(|y| cat.economic_name(code, y).map(squash))
                        .collect()
                })
                .unwrap_or_default()
        }
        Some(c) => yusuan_core::codes::FuncCode::parse(c)
            .ok()
            .map(|code| {
                (2018..=yusuan_core::catalog::LATEST_YEAR)
                    .filter_map(|y| cat.functional_name(code, y).map(squash))
                    .collect()
            })
            .unwrap_or_default(),
        None => Vec::new(),
    };
    if !names.is_empty() {
        return names.iter().any(|n| n.starts_with(&joined)) && !names.contains(&head);
    }
    // An uncoded class named around its figures (`四、文化旅游体育与传媒` / figures / `支出`):
    // the two joined are a 类's name, the head alone is not.
    let class = |s: &str| cat.functional_class_named(unnumbered(s)).is_some();
    if class(&joined) && !class(&head) {
        return true;
    }
    gap == 1
        && tail.chars().count() <= 2
        && head.chars().count() >= 6
        && !["合计", "小计", "总计"].iter().any(|w| tail.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_units_code_is_not_taken_for_a_functional_class() {
        // Xi'an 2021 sets its 支出总表 out by 单位编码: 201 is the department, not 一般公共服务支出.
        assert_eq!(row_kind(Some("201"), "中共西安市委宣传部"), RowKind::Unit);
        assert_eq!(row_kind(Some("201"), "一般公共服务支出"), RowKind::Class);
        // An outdated or misprinted class name is still the class.
        assert_eq!(
            row_kind(Some("210"), "医疗卫生与计划生育支出"),
            RowKind::Class
        );
        assert_eq!(row_kind(Some("201"), "一般公共服务"), RowKind::Class);
        // A class named after an office's work shares a word with the catalogue's name.
        assert_eq!(row_kind(Some("213"), "农林水事务办"), RowKind::Class);
        assert_eq!(row_kind(Some("20101"), "人大事务"), RowKind::Kuan);
    }

    #[test]
    fn a_class_named_around_its_figures_is_one_row() {
        // A two-sided table in a text: a 支出 class whose name wraps above and below its
        // figures (a Shanghai 财政拨款收支总表), and one whose name is whole.
        let text = "\
                       2023年部门财政拨款收支预算总表
编制部门：某某街道办事处                                                  单位：元
         财政拨款收入                                  财政拨款支出
    项目            预算数               项目           合计          一般公共预算
一、一般公共预算资金        200,000 一、一般公共服务支出        100,000       100,000
                                二、文化旅游体育与传媒
                                                  100,000         100,000
                                支出
    收入总计        200,000     支出总计              200,000         200,000
";
        let pages = crate::textpage::pages(text);
        let t = &read(&pages, Vocabulary::get(), false).tables[0];
        let labels: Vec<&str> = t
            .rows
            .iter()
            .filter(|r| r.side == Side::Expenditure)
            .map(|r| r.label.as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "一、一般公共服务支出",
                "二、文化旅游体育与传媒支出",
                "支出总计"
            ]
        );
        assert_eq!(unnumbered("（二）社会保障和就业支出"), "社会保障和就业支出");
        assert_eq!(unnumbered("12、城乡社区支出"), "城乡社区支出");
        assert_eq!(unnumbered("2023年"), "2023年");
    }

    #[test]
    fn a_table_in_thousands_of_yuan_is_read_in_them() {
        let text = "\
                    2026年部门支出总表
编制单位：某某局                                  单位：千元
科目编码      科目名称                 合计          基本支出        项目支出
              合计                   1,234.56        1,000.00          234.56
201           一般公共服务支出       1,234.56        1,000.00          234.56
";
        let pages = crate::textpage::pages(text);
        let tables = read(&pages, Vocabulary::get(), false).tables;
        let t = &tables[0];
        assert_eq!(t.kind.as_deref(), Some("支出总表"));
        assert_eq!(t.unit, MoneyUnit::Qian);
        let total = t.rows[0].cells[0].as_ref().unwrap();
        // 1,234.56 千元 = 1,234,560 元: [1,234,555, 1,234,565) 元 in fen.
        assert_eq!(
            total
                .printed
                .interval_fen()
                .map(|(lo, hi)| (lo.fen(), hi.fen())),
            Some((123_455_500, 123_456_499))
        );
    }

    #[test]
    fn stubs_give_codes_in_any_form() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            code_and_label(&s(&["2010801-行政运行"])),
            (Some("2010801".into()), "行政运行".into())
        );
        assert_eq!(
            code_and_label(&s(&["201", "01", "01", "行政运行"])),
            (Some("2010101".into()), "行政运行".into())
        );
        assert_eq!(
            code_and_label(&s(&["20101 人大事务"])),
            (Some("20101".into()), "人大事务".into())
        );
        assert_eq!(
            code_and_label(&s(&["一、财政拨款收入"])),
            (None, "一、财政拨款收入".into())
        );
        assert_eq!(code_and_label(&s(&["2026年"])), (None, "2026年".into()));
        assert_eq!(
            code_and_label(&s(&["301", "7", "绩效工资"])),
            (Some("30107".into()), "绩效工资".into())
        );
    }

    /// One table of a text, read: its rows as `code label | figures`, its notes and what the
    /// reader said.
    fn read_one(text: &str) -> (Table, Vec<Diagnostic>) {
        let pages = crate::textpage::pages(text);
        let mut r = read(&pages, Vocabulary::get(), false);
        (r.tables.remove(0), r.diags)
    }

    fn row_texts(t: &Table) -> Vec<String> {
        t.rows
            .iter()
            .map(|r| {
                let figures: Vec<String> = r
                    .cells
                    .iter()
                    .flatten()
                    .map(|c| c.printed.to_string())
                    .collect();
                format!(
                    "{} {} | {}",
                    r.code.as_deref().unwrap_or("-"),
                    r.label,
                    figures.join(" ")
                )
            })
            .collect()
    }

    #[test]
    fn a_note_under_a_table_is_its_note_and_a_wrapped_name_joins_its_row() {
        let (t, _) = read_one(
            "\
                    2026年部门支出总表
编制单位：某某局                                  单位：万元
科目编码      科目名称                 合计          基本支出        项目支出
类  款  项    合计                     300.00          300.00
208           社会保障和就业支出       300.00          300.00
20805         行政事业单位养老支出     300.00          300.00
2080505       机关事业单位基本养老保险缴费支    300.00     300.00
              出
注：本表反映部门本年度各项支出情况，
按功能分类列示。
",
        );
        assert_eq!(
            row_texts(&t),
            [
                "- 合计 | 300.00 300.00",
                "208 社会保障和就业支出 | 300.00 300.00",
                "20805 行政事业单位养老支出 | 300.00 300.00",
                "2080505 机关事业单位基本养老保险缴费支出 | 300.00 300.00",
            ]
        );
        assert_eq!(t.rows[0].kind, RowKind::Total);
        assert_eq!(
            t.notes,
            ["本表反映部门本年度各项支出情况，按功能分类列示。"]
        );
    }

    #[test]
    fn a_misprinted_code_is_said_and_its_row_read_without_it() {
        let (t, diags) = read_one(
            "\
                    2026年部门支出总表
编制单位：某某局                                  单位：万元
科目编码      科目名称                 合计          基本支出        项目支出
              合计                     50.00           50.00
210 11        行政事业单位医疗         50.00           50.00
7 11 02       事业单位医疗             50.00           50.00
",
        );
        assert_eq!(row_texts(&t)[2], "- 事业单位医疗 | 50.00 50.00");
        let d = diags.iter().find(|d| d.code == "I505").expect("I505");
        assert!(d.message.contains("“7 11 02”"), "{}", d.message);
    }

    #[test]
    fn rows_without_figures_at_the_top_of_a_continued_page_are_rows() {
        let (t, _) = read_one(
            "\
                    2026年部门支出总表
编制单位：某某局                                  单位：万元
科目编码      科目名称                 合计          基本支出        项目支出
              合计                     15.00           10.00            5.00
201           一般公共服务支出         10.00           10.00
\u{c}
205           教育支出
20502         普通教育                  5.00                            5.00
",
        );
        let rows = row_texts(&t);
        assert!(rows.contains(&"205 教育支出 | ".to_string()), "{rows:?}");
        assert_eq!(rows.len(), 4, "{rows:?}");
    }

    #[test]
    fn a_list_in_two_blocks_side_by_side_is_one_list() {
        // An economic-class table printed in two blocks (a 决算's 表6, p. 13 of 中共上海市普陀区委
        // 社会工作部): 人员经费 left, 公用经费 right, each with its own codes and 决算数.
        let cells = |l: &[(&str, i32, i32)]| {
            crate::pdf::LaidLine::new(
                l.iter()
                    .map(|&(t, x0, x1)| crate::pdf::LaidCell {
                        text: t.into(),
                        x0,
                        x1,
                    })
                    .collect(),
            )
        };
        let page = Page {
            number: 13,
            laid: vec![
                cells(&[("一般公共预算财政拨款基本支出决算表", 20844, 38688)]),
                cells(&[("单位：万元", 43200, 48445)]),
                cells(&[
                    ("经济分类科目编码", 6588, 10777),
                    ("科目名称", 14856, 19045),
                    ("决算数", 24552, 27697),
                    ("经济分类科目编码", 30504, 34693),
                    ("科目名称", 39480, 43669),
                    ("决算数", 49104, 52249),
                ]),
                cells(&[
                    ("301", 6456, 8023),
                    ("工资福利支出", 12012, 18301),
                    ("95.36", 24948, 27307),
                    ("302", 30348, 31915),
                    ("商品和服务支出", 35940, 43285),
                    ("10.23", 49500, 51847),
                ]),
                cells(&[
                    ("30101", 6456, 9067),
                    ("基本工资", 13056, 17245),
                    ("95.36", 24948, 27307),
                    ("30201", 30348, 32959),
                    ("办公费", 36996, 40141),
                    ("10.23", 49764, 51595),
                ]),
            ],
            images: 0,
            unmapped: 0,
            view: Default::default(),
        };
        let r = read(std::slice::from_ref(&page), Vocabulary::get(), true);
        assert_eq!(r.blocks, [0]);
        let mut t = r.tables[0].clone();
        flatten_blocks(&mut t);
        assert_eq!(t.columns.len(), 1);
        assert_eq!(
            row_texts(&t),
            [
                "301 工资福利支出 | 95.36",
                "30101 基本工资 | 95.36",
                "302 商品和服务支出 | 10.23",
                "30201 办公费 | 10.23",
            ]
        );
        assert!(!r.diags.iter().any(|d| d.code == codes::BLOCKS));
    }
}
