//! The narrative (第三部分 情况说明) of a published text, read into sections, sentences and
//! the claims each sentence makes: amounts, shares, changes against last year, growth rates,
//! headcounts. A pure function of the text; the importer of whole documents builds on it.
//! (Written back as text by `yusuan_formats::narrative`.)
//!
//! Text as PDF-to-text tools give it: lines broken anywhere, blank lines between, page numbers
//! alone on a line, form feeds between pages (when present). Headings are `一、` … at a line
//! start (sections) and `（一）` … (sub-sections); sentences end at `。`.

use yusuan_core::budget::DocKind;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::Disclosure;
use yusuan_core::disclosure::{Claim, Narrative, Section, Sentence};
use yusuan_core::money::{MoneyUnit, Printed, Unit, parse_printed};
use yusuan_core::source::SourceRef;

/// Narrative reader diagnostic codes. Stable; never reused.
pub mod codes {
    /// 没有找到情况说明部分
    pub const NO_NARRATIVE: &str = "I101";
}

/// Titles of the performance target tables printed inside the narrative.
const PERFORMANCE_TITLES: [&str; 2] = ["部门整体绩效目标表", "项目支出绩效目标表"];

/// The title of a performance target table, if `squashed` (a line without spaces) is one:
/// `部门整体绩效目标表`, also with its year as printed on one line (`…目标表（2025年）`).
pub fn performance_title(squashed: &str) -> Option<&'static str> {
    let bare = squashed
        .strip_suffix("年）")
        .and_then(|s| s.rsplit_once('（'))
        .or_else(|| {
            squashed
                .strip_suffix("年)")
                .and_then(|s| s.rsplit_once('('))
        })
        .filter(|(_, y)| !y.is_empty() && y.chars().all(|c| c.is_ascii_digit()))
        .map_or(squashed, |(t, _)| t);
    PERFORMANCE_TITLES.iter().copied().find(|t| *t == bare)
}

const NUMERALS: &str = "一二三四五六七八九十";

/// `一、…` at the start of a line: the numeral and the rest.
fn top_heading(line: &str) -> Option<(String, String)> {
    let n: String = line.chars().take_while(|c| NUMERALS.contains(*c)).collect();
    if n.is_empty() || n.chars().count() > 3 {
        return None;
    }
    let rest = &line[n.len()..];
    rest.strip_prefix('、').map(|r| (n, r.trim().to_string()))
}

/// `（一）…` / `(一)…` at the start of a line.
fn sub_heading(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix('（').or_else(|| line.strip_prefix('('))?;
    let n: String = rest.chars().take_while(|c| NUMERALS.contains(*c)).collect();
    if n.is_empty() {
        return None;
    }
    let after = &rest[n.len()..];
    let after = after
        .strip_prefix('）')
        .or_else(|| after.strip_prefix(')'))?;
    Some((format!("（{n}）"), after.trim().to_string()))
}

/// Where the narrative part is: from the (last) line that starts `第三部分` to the one that starts
/// `第四部分` (or the end). Lines are 0-based indexes.
fn narrative_range(lines: &[&str]) -> Option<(usize, usize)> {
    // A contents page names 第三部分 too, before the part itself: the last such line starts it.
    let start = lines
        .iter()
        .rposition(|l| l.trim().starts_with("第三部分"))?;
    let end = lines
        .iter()
        .skip(start + 1)
        .position(|l| l.trim().starts_with("第四部分"))
        .map_or(lines.len(), |i| start + 1 + i);
    Some((start + 1, end))
}

/// A sentence being assembled: its text and the line it starts on.
struct Pending {
    text: String,
    line: usize,
    page: Option<u32>,
}

/// Reads the narrative of a published text.
pub fn read(text: &str) -> (Narrative, Vec<Diagnostic>) {
    let lines: Vec<&str> = text.lines().collect();
    let page_of = pages_of(text, &lines);
    let Some((from, to)) = narrative_range(&lines) else {
        let d = Diagnostic::error(
            codes::NO_NARRATIVE,
            "没有找到“第三部分”（情况说明）",
            SourceRef::Line {
                page: None,
                line: 1,
            },
        )
        .with_help("情况说明应以“第三部分 …情况说明”开头");
        return (Narrative::default(), vec![d]);
    };
    let sections = sections_of(&lines, &page_of, from, to, Vec::new(), None);
    (Narrative { sections }, Vec::new())
}

/// The pages of a text's lines, when it has page breaks (form feeds).
/// (Some extractions mark pages with a line `-- page N --` instead.)
fn pages_of(text: &str, lines: &[&str]) -> Vec<Option<u32>> {
    let mark = |l: &str| -> Option<u32> {
        l.trim()
            .strip_prefix("-- page ")?
            .strip_suffix(" --")?
            .parse()
            .ok()
            .filter(|&n: &u32| n <= 1_000_000)
    };
    let has_pages = text.contains('\u{c}') || lines.iter().any(|l| mark(l).is_some());
    let mut page = 1u32;
    lines
        .iter()
        .map(|l| {
            page =
                page.saturating_add(u32::try_from(l.matches('\u{c}').count()).unwrap_or(u32::MAX));
            if let Some(n) = mark(l) {
                page = n;
            }
            has_pages.then_some(page)
        })
        .collect()
}

/// Reads parts of a text as narrative — a template whose explanations are not one 第三部分
/// (the Shanghai budget's 编制说明 before its tables, 其他相关情况说明 after them). Each part is
/// (its heading line, the line after its end), 0-based; it becomes a section titled by its
/// heading, holding the sentences before the part's own 一、 headings, which follow it.
pub fn read_parts(text: &str, parts: &[(usize, usize)]) -> Narrative {
    let lines: Vec<&str> = text.lines().collect();
    let page_of = pages_of(text, &lines);
    let mut sections = Vec::new();
    for &(head, end) in parts {
        let (Some(title), true) = (lines.get(head), end <= lines.len()) else {
            continue;
        };
        let title: String = title
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{c}')
            .collect();
        sections.push(Section {
            number: String::new(),
            title,
            sentences: Vec::new(),
            subsections: Vec::new(),
            source: SourceRef::Line {
                page: page_of[head],
                line: head + 1,
            },
        });
        sections = sections_of(&lines, &page_of, head + 1, end, sections, None);
    }
    Narrative { sections }
}

/// Reads the prose of any region's document: every line that is not a table's
/// (`tables[i]`: line `i`, 0-based, belongs to a table or is a row of one), wherever it stands —
/// before the tables, after them or between. Parts (`第一部分 部门概况`) and headings (`一、`,
/// `（一）`) make sections; contents entries and page numbers are not read.
pub fn read_any(text: &str, tables: &[bool]) -> Narrative {
    let text = crate::furniture::blank(text);
    let lines: Vec<&str> = text.lines().collect();
    let page_of = pages_of(&text, &lines);
    let sections = sections_of(&lines, &page_of, 0, lines.len(), Vec::new(), Some(tables));
    Narrative {
        sections: sections
            .into_iter()
            .filter(|s| !s.sentences.is_empty() || !s.subsections.is_empty() || !s.title.is_empty())
            .collect(),
    }
}

/// Takes the 名词解释 out of a narrative read by [`read_any`]: the (last) section so titled and
/// the sections after it up to the next part. Its entries
/// are `term：definition` sentences, or a heading (`一、财政拨款收入`) over its definition. The
/// standard definitions say `本单位`, `上年` and the like in general: they are not statements
/// about this document.
pub fn take_glossary(n: &mut Narrative) -> Vec<(String, String)> {
    // The last so titled: a contents page names it first.
    let Some(start) = n
        .sections
        .iter()
        .rposition(|s| s.title.contains("名词解释"))
    else {
        return Vec::new();
    };
    let is_part = |s: &Section| s.number.starts_with('第');
    // Under a part, every section up to the next part; under a heading, the sections that
    // read as entries (`一、财政拨款收入：指…`), up to the first that does not (a contents page's
    // `三、名词解释` is followed by `四、单位预算编制说明`).
    let end = if is_part(&n.sections[start]) {
        n.sections[start + 1..]
            .iter()
            .position(is_part)
            .map_or(n.sections.len(), |k| start + 1 + k)
    } else {
        n.sections[start + 1..]
            .iter()
            .position(|s| is_part(s) || !is_entry(s))
            .map_or(n.sections.len(), |k| start + 1 + k)
    };
    let taken: Vec<Section> = n.sections.drain(start..end).collect();
    let mut out: Vec<(String, String)> = Vec::new();
    fn walk(s: &Section, out: &mut Vec<(String, String)>) {
        for x in &s.sentences {
            let text = x.text.trim();
            let split = text
                .split_once(['：', ':'])
                .filter(|(term, _)| !term.is_empty() && term.chars().count() <= 24);
            match split {
                Some((term, def)) => out.push((term.trim().to_string(), def.trim().to_string())),
                None if !s.title.contains("名词解释") && !s.title.is_empty() => {
                    match out.last_mut().filter(|(t, _)| *t == s.title) {
                        Some((_, def)) => def.push_str(text),
                        None => out.push((s.title.clone(), text.to_string())),
                    }
                }
                None => match out.last_mut() {
                    Some((_, def)) => def.push_str(text),
                    None => out.push((String::new(), text.to_string())),
                },
            }
        }
        for sub in &s.subsections {
            walk(sub, out);
        }
    }
    for s in &taken {
        walk(s, &mut out);
    }
    out
}

/// True when a text states an amount (`本年财政拨款收入 32365.09 万元`): a heading that does is
/// read as a sentence, so its figure is a claim.
fn states_amount(text: &str) -> bool {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    chars
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && (w[1] == '元' || w[1] == '万'))
}

/// True for a section that reads as a glossary entry: its title or first sentence defines a
/// term (`财政拨款收入：指…`), or its first sentence opens with 指 / 是指.
fn is_entry(s: &Section) -> bool {
    let defines = |t: &str| t.chars().take(26).any(|c| c == '：' || c == ':');
    let first = s.sentences.first().map_or("", |x| x.text.trim());
    defines(&s.title) || defines(first) || first.starts_with('指') || first.starts_with("是指")
}

/// `第三部分 2026年度部门预算情况说明` (spaces removed): the part's number and its title.
pub(crate) fn part_heading(squashed: &str) -> Option<(String, String)> {
    let rest = squashed.strip_prefix('第')?;
    let (n, title) = rest.split_once("部分")?;
    (!n.is_empty()
        && n.chars().count() <= 3
        && n.chars().all(|c| NUMERALS.contains(c))
        && !title.contains('。')
        && title.chars().count() <= 30)
        .then(|| (format!("第{n}部分"), title.to_string()))
}

/// The sections of lines `from..to`, after `sections` (sentences before the first heading go to
/// the last of those).
fn sections_of(
    lines: &[&str],
    page_of: &[Option<u32>],
    from: usize,
    to: usize,
    mut sections: Vec<Section>,
    any: Option<&[bool]>,
) -> Vec<Section> {
    // The length of a full line of prose (the commonest length of long lines), for telling a
    // heading from a numbered item that runs on to the next line.
    let full_line = {
        let mut counts = std::collections::BTreeMap::<usize, usize>::new();
        for (i, l) in lines.iter().enumerate().take(to).skip(from) {
            let n = l.chars().filter(|c| !c.is_whitespace()).count();
            if n >= 15 && !any.is_some_and(|t| t.get(i).copied().unwrap_or(false)) {
                *counts.entry(n).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(n, k)| (k, n))
            .map_or(usize::MAX, |(n, _)| n)
    };
    let mut pending: Option<Pending> = None;
    // Inside a performance target table printed within the narrative: its cells are not
    // sentences (the importer reads the table itself); the next heading ends it.
    let mut in_table = false;
    let mut i = from;
    while i < to {
        let raw = lines[i].replace('\u{c}', "");
        let line = raw.trim();
        let at = SourceRef::Line {
            page: page_of[i],
            line: i + 1,
        };
        if line.is_empty() || line.chars().all(|c| c.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let squashed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(tables) = any {
            // Any region's document: table lines end the sentence before them; page numbers
            // (`2 1`, `- 3 -`) are skipped; a part heading (`第三部分 …情况说明`) is a section.
            // `名词解释` alone on its line heads the glossary, numbered or not.
            let glossary = (squashed.ends_with("名词解释") && squashed.chars().count() <= 12)
                .then(|| (String::new(), "名词解释".to_string()));
            // An unnumbered heading of an explanation (`上海市普陀区社会福利院2024年单位预算编制说明`,
            // `其他相关情况说明`): a short line of its own ending so, with no clause mark.
            let explanation = (squashed.ends_with("说明")
                && squashed.chars().count() <= 40
                && !squashed.contains(['。', '，', '；', '：', ':'])
                && top_heading(&squashed).is_none()
                && sub_heading(&squashed).is_none())
            .then(|| (String::new(), squashed.clone()));
            if let Some((number, title)) = part_heading(&squashed).or(glossary).or(explanation) {
                flush(&mut pending, &mut sections);
                in_table = false;
                sections.push(Section {
                    number,
                    title,
                    sentences: Vec::new(),
                    subsections: Vec::new(),
                    source: at,
                });
                i += 1;
                continue;
            }
            if tables.get(i).copied().unwrap_or(false) {
                flush(&mut pending, &mut sections);
                i += 1;
                continue;
            }
            if crate::furniture::is_page_number(line)
                || squashed.chars().all(|c| c.is_ascii_digit())
            {
                i += 1;
                continue;
            }
        }
        if performance_title(&squashed).is_some() {
            flush(&mut pending, &mut sections);
            in_table = true;
            i += 1;
            continue;
        }
        let mut carried: Option<String> = None;
        let heading = top_heading(line)
            .map(|h| (true, h))
            .or_else(|| sub_heading(line).map(|h| (false, h)));
        if let Some((top, (number, mut title))) = heading {
            flush(&mut pending, &mut sections);
            in_table = false;
            // A heading broken over two lines: a short next line without a full stop.
            if let Some(next) = lines[i + 1..to]
                .iter()
                .position(|l| !l.trim().is_empty())
                .map(|k| i + 1 + k)
            {
                let n = lines[next].trim();
                if !title.contains('。')
                    && !n.chars().all(|c| c.is_ascii_digit())
                    && n.chars().count() <= 12
                    && !n.contains('。')
                    && top_heading(n).is_none()
                    && sub_heading(n).is_none()
                {
                    title.push_str(n);
                    i = next;
                }
            }
            // `（一）因公出国（境）费839万元，与2024年预算持平。`: a numbered sentence, not a title.
            // In any region's wording, `一、…。` is one too, and so is a numbered item that
            // runs on: a clause mark in it, or a line as long as the full lines of prose
            // (`（四）2010399-其他政府办公厅（室）及相关机构事务` / `支出3942.61万元。`).
            let sentence = (!top || any.is_some()) && title.contains('。')
                || any.is_some()
                    && (title.contains(['，', '；', '：', ',', ':', ';'])
                        || states_amount(&title)
                        || squashed.chars().count() + 1 >= full_line);
            if sentence {
                carried = Some(std::mem::take(&mut title));
            }
            let s = Section {
                number,
                title,
                sentences: Vec::new(),
                subsections: Vec::new(),
                source: at,
            };
            match (top, sections.last_mut()) {
                (false, Some(parent)) => parent.subsections.push(s),
                _ => sections.push(s),
            }
            if !sentence {
                i += 1;
                continue;
            }
        }
        if in_table {
            i += 1;
            continue;
        }
        // Text: split into sentences at 。 — not at one inside brackets, which belongs to the
        // sentence the brackets are in (“（其中，…0个。绩效自评中…）。”).
        let mut rest: &str = carried.as_deref().unwrap_or(line);
        while !rest.is_empty() {
            let p = pending.get_or_insert_with(|| Pending {
                text: String::new(),
                line: i + 1,
                page: page_of[i],
            });
            let mut depth = p.text.matches(['（', '(']).count() as i64
                - p.text.matches(['）', ')']).count() as i64;
            let end = rest.char_indices().find(|&(_, c)| {
                match c {
                    '（' | '(' => depth += 1,
                    '）' | ')' => depth -= 1,
                    _ => {}
                }
                c == '。' && depth <= 0
            });
            match end.map(|(k, _)| k) {
                Some(k) => {
                    p.text.push_str(&rest[..k + '。'.len_utf8()]);
                    rest = &rest[k + '。'.len_utf8()..];
                    flush(&mut pending, &mut sections);
                }
                None => {
                    p.text.push_str(rest);
                    rest = "";
                }
            }
        }
        i += 1;
    }
    flush(&mut pending, &mut sections);
    sections
}

fn flush(pending: &mut Option<Pending>, sections: &mut Vec<Section>) {
    let Some(p) = pending.take() else { return };
    let text = p.text.trim().to_string();
    if text.is_empty() {
        return;
    }
    let sentence = Sentence {
        claims: claims(&text),
        text,
        source: SourceRef::Line {
            page: p.page,
            line: p.line,
        },
    };
    let Some(top) = sections.last_mut() else {
        sections.push(Section {
            number: String::new(),
            title: String::new(),
            sentences: vec![sentence],
            subsections: Vec::new(),
            source: SourceRef::None,
        });
        return;
    };
    match top.subsections.last_mut() {
        Some(sub) => sub.sentences.push(sentence),
        None => top.sentences.push(sentence),
    }
}

/// The claims of a sentence (see [`yusuan_core::claims`]).
pub fn claims(text: &str) -> Vec<Claim> {
    yusuan_core::claims::claims(text)
}

/// A printed amount in 万元, for tests and callers that build claims by hand.
pub fn wan(text: &str) -> Option<Printed> {
    parse_printed(text, Unit::Money(MoneyUnit::Wan))
}

/// Reads a published text of the reference template: the narrative's sections, sentences and claims. The department and
/// year are taken from the narrative's first heading that names them (`关于XX 2025 年…`).
pub fn read_document(text: &str) -> (Disclosure, Vec<Diagnostic>) {
    let (narrative, diags) = read(text);
    let (department, year) = narrative
        .sections
        .iter()
        .find_map(|s| {
            let t: String = s.title.chars().filter(|c| !c.is_whitespace()).collect();
            let t = t.strip_prefix("关于")?;
            let y = t.find(|c: char| c.is_ascii_digit())?;
            let year: i32 = t.get(y..y + 4)?.parse().ok()?;
            Some((t[..y].to_string(), year))
        })
        .unwrap_or_default();
    // 单位预算 documents title their parts “…单位预算情况说明”, “…单位预算公开表”.
    let squashed: String = text
        .chars()
        .take(20_000)
        .filter(|c| !c.is_whitespace())
        .collect();
    let kind = if squashed.contains("单位预算情况说明") || squashed.contains("单位预算公开表")
    {
        DocKind::Unit
    } else {
        DocKind::Department
    };
    let glossary = glossary(text, &department);
    let d = Disclosure {
        department,
        year,
        kind,
        narrative,
        glossary,
        ..Disclosure::empty()
    };
    (d, diags)
}

/// 第四部分 名词解释: the entries after the heading, up to the signature (the department's name
/// and the date printed under the last entry).
fn glossary(text: &str, department: &str) -> Vec<(String, String)> {
    let Some(start) = text.lines().position(|l| l.trim().starts_with("第四部分")) else {
        return Vec::new();
    };
    let squash = |l: &str| -> String {
        l.chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{c}')
            .collect()
    };
    let is_date = |l: &str| {
        let s = squash(l);
        s.ends_with('日')
            && s.contains('年')
            && s.contains('月')
            && s.chars().filter(char::is_ascii_digit).count() >= 4
    };
    let body: Vec<String> = text
        .lines()
        .skip(start + 1)
        .map(squash)
        .filter(|l| !l.is_empty() && !l.chars().all(|c| c.is_ascii_digit()))
        .take_while(|l| !is_date(l) && (department.is_empty() || *l != department))
        .collect();
    yusuan_core::glossary::parse(&body.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_core::disclosure::{ClaimKind, Direction};

    #[test]
    fn a_full_stop_inside_brackets_does_not_end_the_sentence_and_the_contents_page_is_skipped() {
        let text = "目录\n第三部分 情况说明\n第四部分 名词解释\n第三部分 2024年度部门决算情况说明\n一、预算绩效情况\n平均得分99.43分（其中，优的项目4个；合格的项目0个。\n发现问题0个）。下一句。\n";
        let (n, _) = read(text);
        assert_eq!(n.sections.len(), 1, "{n:#?}");
        let s: Vec<&str> = n.sections[0]
            .sentences
            .iter()
            .map(|x| x.text.as_str())
            .collect();
        assert_eq!(
            s,
            [
                "平均得分99.43分（其中，优的项目4个；合格的项目0个。发现问题0个）。",
                "下一句。"
            ]
        );
    }

    #[test]
    fn a_comparison_with_a_named_year_keeps_the_subject() {
        let c = claims("机关运行经费支出10.23万元，比2023年度增加10.23万元，增长100.00%。");
        assert_eq!(c.len(), 3);
        assert!(c.iter().all(|x| x.subject == "机关运行经费支出"), "{c:#?}");
    }

    #[test]
    fn reads_amount_share_change_and_rate() {
        let c = claims(
            "一般公共预算 475.74 万元，占 98.96%，比上年预算减少 71.74 万元，下降 13.10%，主要原因是部门减少工作经费。",
        );
        let kinds: Vec<String> = c
            .iter()
            .map(|c| format!("{}:{:?}", c.subject, c.kind))
            .collect();
        assert_eq!(c.len(), 4, "{kinds:#?}");
        assert!(matches!(c[0].kind, ClaimKind::Amount { value } if value.to_string() == "475.74"));
        assert_eq!(c[0].subject, "一般公共预算");
        assert!(matches!(c[1].kind, ClaimKind::Share { value } if value.to_string() == "98.96"));
        assert!(
            matches!(c[2].kind, ClaimKind::Change { amount, direction: Direction::Decrease } if amount.to_string() == "71.74")
        );
        assert!(
            matches!(c[3].kind, ClaimKind::Rate { value, direction: Direction::Decrease } if value.to_string() == "13.10")
        );
        assert!(c.iter().all(|x| x.subject == "一般公共预算"));
    }

    #[test]
    fn subjects_drop_item_numbers_and_verbs() {
        let c = claims("1、一般公共服务支出（类）406.78 万元，占 85.50%。");
        assert_eq!(c[0].subject, "一般公共服务支出（类）");
        let c = claims(
            "1、一般公共服务支出（类）商贸事务（款）事业运行（项）：2025 年预算数为 184.78 万元，比上年预算增加 8.00 万元，增长 4.53%。",
        );
        assert_eq!(
            c[0].subject,
            "一般公共服务支出（类）商贸事务（款）事业运行（项）"
        );
        assert!(matches!(
            c[1].kind,
            ClaimKind::Change {
                direction: Direction::Increase,
                ..
            }
        ));
        let c = claims("主要原因是部门较上年预算增加 1人，公用经费增加。");
        assert!(matches!(
            c[0].kind,
            ClaimKind::Headcount {
                count: 1,
                change: true
            }
        ));
    }

    #[test]
    fn reads_sections_and_sentences_of_the_reference() {
        let text = include_str!("../../../examples/changji-sme-center-2025-budget.published.txt");
        let (n, diags) = read(text);
        assert!(diags.is_empty());
        let numbers: Vec<&str> = n.sections.iter().map(|s| s.number.as_str()).collect();
        assert_eq!(
            numbers,
            [
                "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"
            ]
        );
        assert!(
            n.sections[0].title.ends_with("总体说明"),
            "{}",
            n.sections[0].title
        );
        let five = &n.sections[4];
        assert_eq!(
            five.subsections
                .iter()
                .map(|s| s.number.as_str())
                .collect::<Vec<_>>(),
            ["（一）", "（二）", "（三）"]
        );
        let first = &n.sections[1].sentences[0];
        assert!(
            first
                .text
                .starts_with("昌吉回族自治州中小企业发展服务中心部门收入预算 480.74 万元"),
            "{}",
            first.text
        );
        assert_eq!(
            first.source,
            SourceRef::Line {
                page: None,
                line: 726
            }
        );
    }

    /// Lines of a text, none of them a table's.
    fn prose(text: &str) -> Narrative {
        read_any(text, &vec![false; text.lines().count()])
    }

    #[test]
    fn any_regions_prose_is_read_wherever_it_stands_by_parts_and_headings() {
        // Quanzhou's wording: a part, a heading with a space after 、, a numbered item that runs
        // on to the next line, and a page number set letter-spaced.
        let text = "第三部分 2026年度部门预算情况说明\n一、 预算收支总体情况\n2026 年,泉州市人民政府办公室部门收入预算为\n15184.81万元，比上年增加 4385.72万元。\n2 1\n\u{c}（四）2010399-其他政府办公厅（室）及相关机构事务\n支出3942.61万元。\n（五）公务接待费\n2026年预算安排18.85万元。\n";
        let n = prose(text);
        let titles: Vec<(&str, &str)> = n
            .sections
            .iter()
            .map(|s| (s.number.as_str(), s.title.as_str()))
            .collect();
        assert_eq!(
            titles,
            [
                ("第三部分", "2026年度部门预算情况说明"),
                ("一", "预算收支总体情况")
            ]
        );
        let one = &n.sections[1];
        assert_eq!(
            one.sentences[0].text,
            "2026 年,泉州市人民政府办公室部门收入预算为15184.81万元，比上年增加 4385.72万元。"
        );
        assert_eq!(
            one.sentences[0].source,
            SourceRef::Line {
                page: Some(1),
                line: 3
            }
        );
        // The item that runs on is a sentence (its subject whole); the short heading a title.
        let subs: Vec<(&str, &str)> = one
            .subsections
            .iter()
            .map(|s| (s.number.as_str(), s.title.as_str()))
            .collect();
        assert_eq!(subs, [("（四）", ""), ("（五）", "公务接待费")]);
        assert_eq!(
            one.subsections[0].sentences[0].text,
            "2010399-其他政府办公厅（室）及相关机构事务支出3942.61万元。"
        );
        assert_eq!(
            one.subsections[0].sentences[0].source,
            SourceRef::Line {
                page: Some(2),
                line: 6
            }
        );
    }

    #[test]
    fn a_table_line_ends_the_sentence_before_it_and_is_not_read_as_prose() {
        let text = "一、收入预算情况\n收入预算 100.00 万元，其中：\n一般公共预算拨款收入   90.00\n事业收入  10.00\n以上收入均纳入预算。\n";
        let mut tables = vec![false; 5];
        tables[2] = true;
        tables[3] = true;
        let n = read_any(text, &tables);
        let s: Vec<&str> = n.sections[0]
            .sentences
            .iter()
            .map(|x| x.text.as_str())
            .collect();
        assert_eq!(s, ["收入预算 100.00 万元，其中：", "以上收入均纳入预算。"]);
    }

    #[test]
    fn the_glossary_is_taken_out_of_the_narrative_as_terms_and_definitions() {
        // A contents page names the glossary first; the last one so titled is the glossary.
        let text = "第一部分 部门概况\n第四部分 名词解释\n第一部分 部门概况\n本部门主要职责是服务。\n第四部分 名词解释\n一、财政拨款收入：指本级财政当年拨付的资金。\n二、附属单位上缴收入：指本单位所属单位上缴的收入。\n";
        let mut n = prose(text);
        let g = take_glossary(&mut n);
        assert_eq!(
            g,
            [
                (
                    "财政拨款收入".to_string(),
                    "指本级财政当年拨付的资金。".to_string()
                ),
                (
                    "附属单位上缴收入".to_string(),
                    "指本单位所属单位上缴的收入。".to_string()
                )
            ]
        );
        let all: Vec<&str> = n
            .sections
            .iter()
            .flat_map(|s| &s.sentences)
            .map(|x| x.text.as_str())
            .collect();
        assert_eq!(all, ["本部门主要职责是服务。"]);
    }
}
