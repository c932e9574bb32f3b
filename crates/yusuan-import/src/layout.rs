//! Column-preserving text (`pdftotext -layout`) of a template whose tables keep their columns
//! (the Shanghai 预算 and 决算 templates) → raw tables whose numbers know where they stand.
//!
//! Such text keeps each figure near its column but not exactly: a header word wraps over
//! several lines, a row's figures may sit a line above its code (a tall row's text is
//! centred), a page continued without its header is laid out at another scale, and a line
//! with Chinese characters drifts. So nothing here trusts a position alone. Each row is
//! assembled from its lines (code, label, figures), each figure keeps its page and character
//! column, and each column keeps where its header word stands; [`crate::solve`] then places
//! the figures with the tables' own arithmetic, taking among the placements that add up the
//! one nearest the headers — and says so when that leaves more than one.

use crate::segment::{RawRow, RawTable};
use crate::shanghai::{
    Note, Template, candidates, detect_lines, final_account_title, is_total, note_line, org_line,
    squash, title_in,
};
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::{Disclosure, Side};
use yusuan_core::money::{MoneyUnit, Unit, parse_printed};
use yusuan_core::source::SourceRef;
use yusuan_core::template::TableSpec;

/// A line of the text: its page, its 1-based number, its text (form feeds removed).
struct Line<'a> {
    page: u32,
    no: usize,
    text: &'a str,
}

/// A whitespace-separated word of a line, with its character columns.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    x0: i32,
    x1: i32,
    /// Spaces before it on its line.
    gap: i32,
}

impl Word {
    fn centre(&self) -> i32 {
        (self.x0 + self.x1) / 2
    }
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0i32;
    let mut spaces = 0i32;
    for (col, c) in (0i32..).zip(text.chars().chain(std::iter::once(' '))) {
        if c.is_whitespace() {
            if !cur.is_empty() {
                let n = i32::try_from(cur.chars().count()).unwrap_or(i32::MAX);
                out.push(Word {
                    text: std::mem::take(&mut cur),
                    x0: start,
                    x1: start + n,
                    gap: spaces,
                });
                spaces = 0;
            }
            spaces += 1;
        } else {
            if cur.is_empty() {
                start = col;
            }
            cur.push(c);
        }
    }
    out
}

/// A printed amount: `91,016,775.35`, `867.50`, `-3.20`, `1,200`.
fn is_amount(w: &str) -> bool {
    let t = w.strip_prefix('-').unwrap_or(w);
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let int_ok = !int.is_empty()
        && if int.contains(',') {
            let groups: Vec<&str> = int.split(',').collect();
            groups[0].len() <= 3
                && !groups[0].is_empty()
                && groups[1..].iter().all(|g| g.len() == 3)
                && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        } else {
            int.bytes().all(|b| b.is_ascii_digit())
        };
    int_ok
        && match frac {
            Some(f) => !f.is_empty() && f.len() <= 4 && f.bytes().all(|b| b.is_ascii_digit()),
            None => int.contains(','),
        }
}

fn digits(w: &str, n: usize) -> bool {
    w.len() == n && w.bytes().all(|b| b.is_ascii_digit())
}

/// A classification code's first part: a 类 (`201`, `301`) or a whole code (`2010301`).
fn is_class(w: &str) -> bool {
    (digits(w, 3) || digits(w, 5) || digits(w, 7)) && matches!(w.as_bytes()[0], b'2' | b'3')
}

/// What a word of a table line is.
#[derive(Debug, Clone)]
enum Tok {
    Amount(String, i32),
    /// A code part: a 类 or whole code, or a 款 / 项 (two digits) continuing one.
    Code(String),
    Label(String),
}

/// A side's part of one line.
#[derive(Debug, Clone)]
struct Frag {
    page: u32,
    no: usize,
    toks: Vec<Tok>,
}

/// The words of a line as tokens: amounts and code parts alone, label words joined when a
/// single space parts them.
fn tokens(ws: &[Word]) -> Vec<(Tok, i32, i32)> {
    let mut out: Vec<(Tok, i32, i32)> = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let after_code = i > 0 && matches!(out.last(), Some((Tok::Code(_), _, _)));
        let after_amount = matches!(out.last(), Some((Tok::Amount(..), _, _)));
        // A whole number is a figure when it is 0 or follows one (`6.4 0 0 6.4`).
        let whole = w.text.bytes().all(|b| b.is_ascii_digit())
            && (w.text == "0" || after_amount)
            && w.text.len() <= 12;
        let lead = w.text.bytes().take_while(u8::is_ascii_digit).count();
        if is_amount(&w.text) {
            out.push((Tok::Amount(w.text.clone(), w.centre()), w.x0, w.x1));
        } else if (matches!(lead, 3 | 5 | 7) && is_class(&w.text[..lead])
            || lead == 2 && after_code)
            && w.text[lead..].chars().next().is_some_and(|c| !c.is_ascii())
        {
            // A code run into its name (`310资本性支出`, `301 01基本工资`).
            let x = w.x0 + i32::try_from(lead).unwrap_or(0);
            out.push((Tok::Code(w.text[..lead].to_string()), w.x0, x));
            out.push((Tok::Label(w.text[lead..].to_string()), x, w.x1));
        } else if is_class(&w.text)
            || (after_code && (digits(&w.text, 2) || digits(&w.text, 1)))
            || (digits(&w.text, 2) && out.is_empty())
        {
            out.push((Tok::Code(w.text.clone()), w.x0, w.x1));
        } else if whole {
            out.push((Tok::Amount(w.text.clone(), w.centre()), w.x0, w.x1));
        } else if let Some((Tok::Label(l), x0, x1)) = out.last_mut()
            && w.gap < 2
            && !(starts_row(&w.text) && !is_total(&w.text) && !l.ends_with(['.', '．']))
        {
            l.push(' ');
            l.push_str(&w.text);
            *x1 = w.x1;
            let _ = x0;
        } else {
            out.push((Tok::Label(w.text.clone()), w.x0, w.x1));
        }
    }
    out
}

/// Whether a row name is of the expenditure side (`八、城乡社区支出`, `支出总计`).
fn expenditure_name(label: &str) -> bool {
    let s = squash(label);
    s.ends_with("支出")
        || s.contains("支出合计")
        || s.contains("支出总计")
        || s == "结余分配"
        || s.starts_with("年末")
}

/// Whether a label begins a row of a table without codes.
fn starts_row(label: &str) -> bool {
    let s = squash(label);
    let enumerated = s.starts_with(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'])
        && s.chars().take(4).any(|c| c == '、')
        || s.chars().next().is_some_and(|c| c.is_ascii_digit())
            && s.chars()
                .skip(1)
                .take(2)
                .any(|c| matches!(c, '.' | '．' | '、'))
        || s.starts_with('（');
    enumerated
        || s.contains("合计")
        || s.contains("总计")
        || ["使用", "年初", "年末", "结余", "其中"]
            .iter()
            .any(|p| s.starts_with(p))
}

/// Whether a label word is a 款 or 项 continuing the code of a row that has no label yet.
/// (A 类 whose name came first takes a two-digit 款 after it: `302 因公出国（境）费` / `12`.)
fn continues_code_now(p: &Pending, l: &str) -> bool {
    let len = p.code.as_ref().map_or(0, String::len);
    l.bytes().all(|b| b.is_ascii_digit())
        && (l.len() <= 2 && p.label.is_empty() && (len == 3 || len == 5)
            || l.len() == 2 && len == 3)
}

/// A row being assembled.
#[derive(Debug, Default)]
struct Pending {
    code: Option<String>,
    label: String,
    nums: Vec<(String, u32, i32, usize)>,
    page: u32,
    no: usize,
    /// Whether the row's first line has words of its name.
    own_label: bool,
    /// Lines of its name printed above its first line, and below it.
    above: usize,
    /// The words of its name printed above its first line.
    prefix: String,
    below: usize,
    /// Its name and figures came on a line below its code: nothing more belongs to it.
    closed: bool,
    /// Its last line continued its code (`12` under `302 因公出国（境）费`).
    extended: bool,
    /// The code's parts as printed (`301`, `2`).
    parts: Vec<String>,
}

/// Reads the tables of a layout text in the template it holds, if it holds one (three of its
/// titles or more): the Disclosure (tables, department, year, kind, narrative) and what could
/// not be placed.
pub fn read(text: &str) -> Option<(Disclosure, Vec<Diagnostic>)> {
    let mut lines = Vec::new();
    let mut page = 1u32;
    for (i, l) in text.split('\n').enumerate() {
        page = page.saturating_add(u32::try_from(l.matches('\u{c}').count()).unwrap_or(u32::MAX));
        // Page marks some extractions write (`-- page 13 --`).
        if let Some(n) = page_mark(l) {
            page = n;
            lines.push(Line {
                page,
                no: i + 1,
                text: "",
            });
            continue;
        }
        lines.push(Line {
            page,
            no: i + 1,
            text: l
                .trim_start_matches('\u{c}')
                .trim_end_matches(['\r', '\u{c}']),
        });
    }
    let tpl = detect_lines(lines.iter().map(|l| l.text))?;
    let mut d = Disclosure::empty();
    d.template = tpl.id.to_string();
    if tpl.finals {
        d.stage = yusuan_core::disclosure::Stage::Final;
    }
    if tpl.finals
        && let Some((dept, year, kind)) = lines.iter().find_map(|l| final_account_title(l.text))
    {
        d.department = dept;
        d.year = year;
        d.kind = kind;
    }
    let titles: Vec<(usize, &'static TableSpec)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let (spec, year, kind) = title_in(tpl, l.text)?;
            if let Some(y) = year {
                d.year = y;
            }
            if let Some(k) = kind {
                d.kind = k;
            }
            Some((i, spec))
        })
        .collect();
    let mut raw: Vec<RawTable> = Vec::new();
    let mut short = Vec::new();
    for (k, &(start, spec)) in titles.iter().enumerate() {
        let end = titles.get(k + 1).map_or(lines.len(), |(s, _)| *s);
        let t = table(tpl, spec, &lines[start..end], &mut short);
        // A table whose title is printed again on its next page goes on there.
        match raw.iter_mut().find(|r| r.spec.number == spec.number) {
            Some(first) => first.rows.extend(t.rows),
            None => raw.push(t),
        }
    }
    let (tables, mut diags) = crate::solve::resolve(&raw, &crate::solve::Hints::new());
    diags.splice(0..0, short);
    d.tables = tables;
    d.tables.sort_by_key(|t| t.number);
    if d.department.is_empty()
        && let Some(org) = d
            .tables
            .iter()
            .map(|t| t.org.clone())
            .find(|o| !o.is_empty())
    {
        d.department = org;
    }
    for t in &mut d.tables {
        if t.org.is_empty() {
            t.org.clone_from(&d.department);
        }
    }
    d.narrative = crate::shanghai::narrative(tpl, text);
    diags.push(crate::shanghai::narrative_note(tpl));
    Some((d, diags))
}

/// A line of ellipses (`…    …`): a template's placeholder row.
fn is_ellipsis(sq: &str) -> bool {
    !sq.is_empty() && sq.chars().all(|c| matches!(c, '…' | '.' | '·' | '⋯'))
}

/// `-- page 13 --` → 13.
fn page_mark(line: &str) -> Option<u32> {
    let t = line.trim();
    let n = t.strip_prefix("-- page ")?.strip_suffix(" --")?;
    n.parse().ok().filter(|&n| n <= 1_000_000)
}

/// Whether a table's lines keep the layout (columns parted by runs of spaces) rather than
/// reading order (one space between cells): positions mean something only in the former.
fn keeps_layout(body: &[Line<'_>]) -> bool {
    let mut lines: Vec<&str> = body
        .iter()
        .map(|l| l.text.trim_end())
        .filter(|t| t.split_whitespace().any(is_amount))
        .collect();
    if lines.is_empty() {
        // A table without figures (a blank template): its lines of more than one word.
        lines = body
            .iter()
            .map(|l| l.text.trim_end())
            .filter(|t| t.split_whitespace().nth(1).is_some())
            .collect();
    }
    let wide = lines
        .iter()
        .filter(|t| t.starts_with("   ") || t.trim_start().contains("   "))
        .count();
    !lines.is_empty() && wide * 2 >= lines.len()
}

/// One table: from its title line to the next title (or the end of the text).
fn table(
    tpl: &Template,
    spec: &'static TableSpec,
    lines: &[Line<'_>],
    diags: &mut Vec<Diagnostic>,
) -> RawTable {
    let at = |l: &Line<'_>| SourceRef::Line {
        page: Some(l.page),
        line: l.no,
    };
    let mut t = RawTable {
        spec,
        org: String::new(),
        unit: MoneyUnit::Yuan,
        rows: Vec::new(),
        empty_statement: None,
        source: at(&lines[0]),
        template: tpl.id,
        title: Some(squash(lines[0].text)),
        anchors: Vec::new(),
        header_page: lines[0].page,
        notes: Vec::new(),
    };
    // Header: up to the first line with a figure or a code.
    let mut k = 1;
    let mut header: Vec<Word> = Vec::new();
    while k < lines.len() {
        let sq = squash(lines[k].text);
        if let Some((org, unit)) = org_line(&sq) {
            t.org = org.to_string();
            if let Some(u) = unit {
                t.unit = u;
            }
            k += 1;
            continue;
        }
        if let Some(unit) = sq.rsplit_once("单位：").map(|(_, u)| u) {
            if let Some(u) = MoneyUnit::from_label(unit) {
                t.unit = u;
            }
            k += 1;
            continue;
        }
        let ws = words(lines[k].text);
        let data = ws.iter().any(|w| is_amount(&w.text))
            || ws.first().is_some_and(|w| is_class(&w.text))
            || sq.starts_with('注')
            || (is_total(&sq) && header.iter().any(|h| squash(&h.text) != sq));
        if data {
            break;
        }
        t.header_page = lines[k].page;
        header.extend(ws);
        k += 1;
    }
    // The variant whose every column's header word is there (the most specific).
    let has = |leaf: &str| {
        let p: String = leaf.chars().take(2).collect();
        header.iter().any(|h| squash(&h.text).contains(&p))
    };
    let spec = candidates(tpl, spec)
        .filter(|c| {
            c.columns
                .iter()
                .all(|(key, _)| has(key.rsplit('/').next().unwrap_or(key)))
        })
        .max_by_key(|c| c.columns.len())
        .unwrap_or(spec);
    t.spec = spec;
    t.anchors = anchors(spec, &header);
    let two_sided = spec.columns.iter().any(|(_, s)| *s != Side::Single);
    let income_columns = spec
        .columns
        .iter()
        .filter(|(_, s)| *s == Side::Income)
        .count();
    // A first row whose name is centred on it starts on the line above its code.
    if let Some(first) = lines.get(k) {
        let toks = tokens(&words(first.text));
        let bare = matches!(toks.first(), Some((Tok::Code(_), _, _)))
            && !toks.iter().any(|(t, _, _)| matches!(t, Tok::Label(..)));
        let before = (1..k).rev().find(|&j| !lines[j].text.trim().is_empty());
        if bare
            && let Some(j) = before
            && let [w] = words(lines[j].text).as_slice()
            && toks.first().is_some_and(|(_, x0, _)| w.x0 > *x0)
            && !is_amount(&w.text)
            && !w.text.contains("单位")
            && !spec.columns.iter().any(|(key, _)| {
                let leaf: String = squash(key.rsplit('/').next().unwrap_or(key))
                    .chars()
                    .take(2)
                    .collect();
                squash(&w.text).starts_with(&leaf)
            })
        {
            header.retain(|h| h.x0 != w.x0 || h.text != w.text);
            k = j;
        }
    }
    let header_words: Vec<String> = header.iter().map(|h| squash(&h.text)).collect();
    // The lines of the table's body, each cut into its sides.
    let body = &lines[k..];
    let layout = keeps_layout(body);
    if !layout {
        t.anchors.clear();
    }
    let split = if two_sided && layout {
        split_of(body)
    } else {
        None
    };
    // Where the income side's codes start: a line starting with a code well right of them
    // is the expenditure side's alone.
    let income_code_x = body
        .iter()
        .filter_map(|l| {
            let ws = words(l.text);
            let w = ws.first()?;
            (is_class(w.text.get(..3).unwrap_or(""))).then_some(w.x0)
        })
        .min()
        .filter(|_| layout);
    let mut frags: [Vec<Frag>; 2] = [Vec::new(), Vec::new()];
    let mut data_seen = false;
    let mut total_seen_last = false;
    let mut coded_seen = false;
    for l in body {
        let sq = squash(l.text);
        if sq.is_empty() || crate::furniture::is_page_number(l.text) {
            continue;
        }
        if let Some(note) = note_line(&sq) {
            match note {
                Note::Empty(s) => t.empty_statement = Some(s),
                Note::Note(s) => t.notes.push(s),
            }
            break;
        }
        // The end of the last table: prose or a heading.
        if data_seen
            && (sq.contains('，') || sq.contains('。') || sq.ends_with("说明") || {
                sq.starts_with('第') && sq.contains("部分")
            })
        {
            break;
        }
        let ws = words(l.text);
        // A repeated header after a page break.
        // (A lone short word is a wrapped label's end more likely than a header's.)
        if !(ws.len() == 1 && (is_total(&ws[0].text) || ws[0].text.chars().count() < 3))
            && !ws.iter().any(|w| is_amount(&w.text) || is_class(&w.text))
            && ws.iter().all(|w| header_words.contains(&squash(&w.text)))
        {
            continue;
        }
        if matches!(sq.as_str(), "类款项" | "类款" | "类" | "款" | "项") || is_ellipsis(&sq)
        {
            continue;
        }
        let toks = tokens(&ws);
        if toks.is_empty() {
            continue;
        }
        data_seen = true;
        if total_seen_last && !two_sided {
            break;
        }
        let mut sides: [Vec<Tok>; 2] = [Vec::new(), Vec::new()];
        if two_sided {
            let mut exp = toks.first().is_some_and(|(tok, x0, _)| {
                split.is_some_and(|s| *x0 >= s)
                    || matches!(tok, Tok::Code(_)) && income_code_x.is_some_and(|x| *x0 > x + 8)
                    // Without the layout, a line with one side only says which by its name.
                    || !layout && matches!(tok, Tok::Label(l) if expenditure_name(l))
            });
            let mut income_amounts = 0;
            let mut income_words = false;
            for (tok, x0, _) in toks {
                if !exp {
                    let switch = match &tok {
                        Tok::Amount(..) => {
                            income_amounts >= income_columns
                                || split.is_some_and(|s| x0 >= s) && income_words
                        }
                        Tok::Code(c) => is_class(c) && (income_words || income_amounts > 0),
                        Tok::Label(l) => {
                            income_amounts > 0
                                || (income_words && split.is_some_and(|s| x0 >= s - 2))
                                || (income_words && !layout && expenditure_name(l))
                        }
                    };
                    exp = switch;
                }
                if exp {
                    sides[1].push(tok);
                } else {
                    match tok {
                        Tok::Amount(..) => income_amounts += 1,
                        _ => income_words = true,
                    }
                    sides[0].push(tok);
                }
            }
        } else {
            sides[0] = toks.into_iter().map(|(t, _, _)| t).collect();
        }
        for (s, toks) in sides.into_iter().enumerate() {
            if !toks.is_empty() {
                frags[s].push(Frag {
                    page: l.page,
                    no: l.no,
                    toks,
                });
            }
        }
        // A one-sided table ends with its total when the total is not its first row.
        let line_is_total = !two_sided && ws.iter().any(|w| is_total(&w.text));
        coded_seen = coded_seen
            || frags[0]
                .last()
                .is_some_and(|f| f.no == l.no && matches!(f.toks.first(), Some(Tok::Code(_))));
        total_seen_last = line_is_total && coded_seen;
    }
    let mut rows: Vec<(usize, usize, RawRow)> = Vec::new();
    for (s, side_frags) in frags.iter().enumerate() {
        let side = match (two_sided, s) {
            (false, _) => Side::Single,
            (true, 0) => Side::Income,
            (true, _) => Side::Expenditure,
        };
        for p in assemble(side_frags) {
            // Each figure with its place: both kept together, so they never fall out of step.
            let (numbers, xs): (Vec<_>, Vec<_>) = p
                .nums
                .iter()
                .filter_map(|(text, page, x, no)| {
                    let v = parse_printed(&text.replace(',', ""), Unit::Money(t.unit))?;
                    let at = SourceRef::Line {
                        page: Some(*page),
                        line: *no,
                    };
                    Some(((v, at), (*page, *x)))
                })
                .unzip();
            let at = SourceRef::Line {
                page: Some(p.page),
                line: p.no,
            };
            if p.parts.iter().skip(1).any(|x| x.len() == 1) {
                let parts: Vec<&str> = p.parts.iter().map(String::as_str).collect();
                diags.push(crate::shanghai::short_code(
                    t.title.as_deref().unwrap_or(spec.title),
                    &parts,
                    at.clone(),
                ));
            }
            // (A row of figures only, the 三公 table's, has no name: rules take it as the
            // table's one row.)
            let mut label = crate::shanghai::tidy_label(&p.label);
            // A code printed wrong (`7 11 02 事业单位医疗`): said, and the row read without it.
            if p.code.is_none() {
                let words: Vec<&str> = label.split(' ').collect();
                let n = words
                    .iter()
                    .take_while(|w| {
                        w.len() <= 3 && !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
                    })
                    .count();
                if n > 0 && n < words.len() {
                    let rest = words[n..].join(" ");
                    diags.push(crate::shanghai::bad_code(
                        t.title.as_deref().unwrap_or(spec.title),
                        &words[..n].join(" "),
                        &rest,
                        SourceRef::Line {
                            page: Some(p.page),
                            line: p.no,
                        },
                    ));
                    label = rest;
                }
            }
            rows.push((
                p.no,
                s,
                RawRow {
                    side,
                    code: p.code,
                    label,
                    numbers,
                    source: at,
                    xs,
                },
            ));
        }
    }
    rows.sort_by_key(|(no, s, _)| (*no, *s));
    // A total with no figures before the table's rows heads a column rather than a row.
    let last = rows.len().saturating_sub(1);
    let mut i = 0;
    rows.retain(|(_, _, r)| {
        i += 1;
        two_sided
            || i - 1 == last
            || !(r.code.is_none() && is_total(&r.label) && r.numbers.is_empty())
    });
    t.rows = rows.into_iter().map(|(_, _, r)| r).collect();
    t
}

/// Rows of one side from its line parts: a row starts at a code or at a label that begins
/// one; figures on lines of their own join the next row (a tall row's figures are centred
/// above its code), or the last when none follows; other words continue the row above.
fn assemble(frags: &[Frag]) -> Vec<Pending> {
    let coded = frags
        .iter()
        .any(|f| matches!(f.toks.first(), Some(Tok::Code(c)) if is_class(c)));
    let label_only = |f: &Frag| f.toks.iter().all(|t| matches!(t, Tok::Label(..)));
    // For each line, the next line that is not only words (found once, from the end).
    let mut next_other: Vec<Option<usize>> = vec![None; frags.len()];
    let mut seen: Option<usize> = None;
    for i in (0..frags.len()).rev() {
        next_other[i] = seen;
        if !label_only(&frags[i]) {
            seen = Some(i);
        }
    }
    // Whether the next line that is not only words starts a row by its code.
    let coded_start_after = |i: usize| {
        next_other[i]
            .is_some_and(|j| matches!(frags[j].toks.first(), Some(Tok::Code(c)) if is_class(c)))
    };
    // Whether that line has no words of its own (its name printed around it).
    let bare_start_after = |i: usize| {
        next_other[i].is_some_and(|j| {
            let f = &frags[j];
            matches!(f.toks.first(), Some(Tok::Code(c)) if is_class(c))
                && !f.toks.iter().any(|t| matches!(t, Tok::Label(..)))
        })
    };
    let mut rows: Vec<Pending> = Vec::new();
    let mut loose: Vec<(String, u32, i32, usize)> = Vec::new();
    let mut above: Vec<String> = Vec::new();
    for (i, f) in frags.iter().enumerate() {
        let amounts = f.toks.iter().filter_map(|t| match t {
            Tok::Amount(a, x) => Some((a.clone(), f.page, *x, f.no)),
            _ => None,
        });
        let first = f.toks.first();
        // A 款 or 项 on a line of its own after its 类 (`302` / `01 办公费`).
        let continues_code = |l: &str| rows.last().is_some_and(|p| continues_code_now(p, l));
        let new_row = match first {
            Some(Tok::Code(c)) => is_class(c),
            Some(Tok::Label(l)) if continues_code(l) => false,
            // A code misprinted (`7 11 02`) still starts its row.
            Some(Tok::Label(l)) if coded && l.bytes().all(|b| b.is_ascii_digit()) => true,
            Some(Tok::Label(l)) => is_total(l) || !coded && starts_row(l),
            _ => false,
        };
        if f.toks.iter().all(|t| matches!(t, Tok::Amount(..))) {
            loose.extend(amounts);
            continue;
        }
        if coded && !new_row && label_only(f) {
            // Words alone on a line: the end of the row above while its name is still
            // being printed (a name is centred on its row: as many lines below as above;
            // a row whose first line has only its code takes the lines below it), else the
            // start of the next row's name.
            let open = rows.last().is_some_and(|p| {
                p.extended
                    || p.below < p.above
                    || p.above == 0
                        && if p.own_label {
                            // Its name began on its first line: what follows is the rest of
                            // it, unless the next row has no words of its own to be centred.
                            !bare_start_after(i)
                        } else {
                            !p.closed
                        }
            });
            if !open && coded_start_after(i) && !rows.last().is_some_and(|p| p.extended) {
                above.extend(f.toks.iter().filter_map(|t| match t {
                    Tok::Label(l) => Some(l.clone()),
                    _ => None,
                }));
                continue;
            }
            if let Some(p) = rows.last_mut() {
                p.below += 1;
            }
        }
        if new_row || rows.is_empty() {
            let mut p = Pending {
                page: f.page,
                no: f.no,
                above: above.len(),
                prefix: std::mem::take(&mut above).concat(),
                own_label: f
                    .toks
                    .iter()
                    .any(|t| matches!(t, Tok::Label(l) if !l.bytes().all(|b| b.is_ascii_digit()))),
                ..Pending::default()
            };
            p.nums.append(&mut loose);
            rows.push(p);
        } else if let Some(p) = rows.last_mut() {
            // Figures printed between two lines of a row's name are the row's.
            p.nums.append(&mut loose);
            // Its name and figures on a line below its code: the row is complete.
            let has_words = f.toks.iter().any(|t| matches!(t, Tok::Label(..)));
            if has_words && f.toks.iter().any(|t| matches!(t, Tok::Amount(..))) && !p.own_label {
                p.closed = true;
            }
        }
        let Some(p) = rows.last_mut() else { continue };
        p.extended = false;
        // Words of one line are parted by a space; a label wrapped over lines is joined.
        let mut same_line = false;
        for t in &f.toks {
            match t {
                Tok::Code(c) => match &mut p.code {
                    None if p.label.is_empty() => {
                        p.code = Some(c.clone());
                        p.parts.push(c.clone());
                    }
                    // A 款 or 项 on the next line (or short of its leading zero).
                    Some(code) if code.len() < 7 && c.len() <= 2 => {
                        code.push_str(&format!("{c:0>2}"));
                        p.parts.push(c.clone());
                        p.extended = !new_row;
                    }
                    _ => p.label.push_str(c),
                },
                Tok::Label(l) if continues_code_now(p, l) => {
                    let code = p.code.get_or_insert_with(String::new);
                    code.push_str(&format!("{l:0>2}"));
                    p.parts.push(l.clone());
                    p.extended = !new_row;
                }
                Tok::Label(l) => {
                    if same_line && !p.label.is_empty() {
                        p.label.push(' ');
                    }
                    p.label.push_str(l);
                    same_line = true;
                    p.extended = false;
                }
                Tok::Amount(a, x) => p.nums.push((a.clone(), f.page, *x, f.no)),
            }
        }
    }
    if !above.is_empty()
        && let Some(p) = rows.last_mut()
    {
        p.label.push_str(&above.concat());
    }
    for p in &mut rows {
        p.label.insert_str(0, &std::mem::take(&mut p.prefix));
    }
    if !loose.is_empty() {
        // Figures left at the end join the last row, unless they stand above its own.
        let first_loose = loose.iter().map(|l| l.3).min();
        match rows.last_mut() {
            Some(p) if p.nums.iter().map(|n| n.3).max() <= first_loose => {
                p.nums.append(&mut loose);
            }
            _ => {
                let (_, page, _, no) = loose[0].clone();
                rows.push(Pending {
                    nums: loose,
                    page,
                    no,
                    ..Pending::default()
                });
            }
        }
    }
    // A row's figures in column order: left to right.
    for p in &mut rows {
        p.nums.sort_by_key(|n| n.2);
    }
    rows
}

/// Where the expenditure side starts in a two-sided table's lines: just left of the first
/// word that follows an income side's words on the same line.
fn split_of(body: &[Line<'_>]) -> Option<i32> {
    body.iter()
        .filter_map(|l| {
            let toks = tokens(&words(l.text));
            let (_, first_x, _) = toks.first()?;
            if *first_x > 8 {
                return None;
            }
            let mut seen_words = false;
            let mut seen_amount = false;
            for (tok, x0, _) in &toks {
                match tok {
                    Tok::Amount(..) => seen_amount = true,
                    Tok::Code(c) if is_class(c) && (seen_words || seen_amount) => return Some(*x0),
                    Tok::Label(..) if seen_amount || seen_words && *x0 > first_x + 12 => {
                        return Some(*x0);
                    }
                    _ => seen_words = true,
                }
            }
            None
        })
        .min()
        .map(|x| x - 2)
}

/// Where each value column's header word stands: left to right, the header word sharing the
/// longest beginning with the column's name (two characters at least).
fn anchors(spec: &TableSpec, header: &[Word]) -> Vec<Option<i32>> {
    let mut out = Vec::new();
    let mut prev = i32::MIN;
    let leaf_of = |key: &str| squash(key.rsplit('/').next().unwrap_or(key));
    let group_name = |t: &str| {
        squash(t)
            .replace("维护", "")
            .replace(['（', '）', '(', ')'], "")
    };
    for (key, _) in spec.columns {
        let leaf = leaf_of(key);
        // A leaf heading several columns (预算数 / 决算数 under each 三公 item) belongs to its
        // group's heading: the occurrence nearest it, whatever order the document gives the
        // groups.
        let repeated = spec
            .columns
            .iter()
            .filter(|(k, _)| leaf_of(k) == leaf)
            .count()
            > 1;
        if repeated && let Some(group) = key.rsplit('/').nth(1) {
            // Every group heading of the repeated leaf, and each occurrence of the leaf
            // given to the heading nearest it.
            let groups: Vec<(String, i32)> = spec
                .columns
                .iter()
                .filter(|(k, _)| leaf_of(k) == leaf)
                .filter_map(|(k, _)| k.rsplit('/').nth(1))
                .filter_map(|g| {
                    let g = group_name(g);
                    header
                        .iter()
                        .find(|h| group_name(&h.text) == g)
                        .map(|h| (g, h.centre()))
                })
                .collect();
            let g = group_name(group);
            let mut mine: Vec<i32> = header
                .iter()
                .filter(|h| squash(&h.text) == leaf)
                .map(Word::centre)
                .filter(|&x| {
                    groups
                        .iter()
                        .min_by_key(|(_, c)| (c - x).abs())
                        .is_some_and(|(name, _)| *name == g)
                })
                .collect();
            mine.sort_unstable();
            let nth = spec.columns[..out.len()]
                .iter()
                .filter(|(k, _)| {
                    leaf_of(k) == leaf && k.rsplit('/').nth(1).map(group_name) == Some(g.clone())
                })
                .count();
            if let Some(&x) = mine.get(nth) {
                out.push(Some(x));
                continue;
            }
        }
        let best = header
            .iter()
            .filter(|h| h.centre() > prev)
            .filter_map(|h| {
                // (A header may name the year: `2024年机关运行经费预算数`.)
                let text = squash(&h.text);
                let text = text
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .trim_start_matches('年');
                let common = text
                    .chars()
                    .zip(leaf.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                (common >= 2 || common == leaf.chars().count()).then_some((common, h))
            })
            .max_by_key(|(common, h)| (*common, -h.x0));
        match best {
            Some((_, h)) => {
                prev = h.centre();
                out.push(Some(h.centre()));
            }
            None => out.push(None),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_words() {
        assert!(is_amount("91,016,775.35") && is_amount("867.50") && is_amount("-3.2"));
        assert!(!is_amount("1.") && !is_amount("2025") && !is_amount("12,34.00"));
        let w = words("201   03   行政运行  1,511.90 1.00");
        assert_eq!(w.len(), 5);
        assert_eq!((w[2].x0, w[3].x0, w[3].gap), (11, 17, 2));
    }
}
