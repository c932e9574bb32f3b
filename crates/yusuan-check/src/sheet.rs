//! 预算公开情况检查表 — fills in the inspection sheet of one document from what was read and
//! what the rules found.
//!
//! The document is first cut into its parts (an outline): the cover, the contents page, each
//! narrative part found by its heading words ([`PARTS`]), and each table by its title line.
//! Every finding then goes to one line of the sheet: a table's finding to that table, a
//! completeness finding to the part it is about ([`PartSpec::rules`]), any other to the part in
//! which its line stands. A line is 否 when a warning or an error lands on it, or when a part the
//! document must carry is not found; 是 when the part is there and nothing was found; 未检查
//! when the tool cannot judge it (timeliness, where the document was published, a table whose
//! figures could not all be placed).

use crate::engine::Cx;
use yusuan_core::diag::{Diagnostic, Severity};
use yusuan_core::disclosure::{Disclosure, Stage};
use yusuan_core::sheet::{Line, Problem, Sheet, Verdict};
use yusuan_core::source::SourceRef;

/// Reading diagnostics that are defects of the print, not limits of the reader: they go on the
/// sheet with the rules' findings (pages with no text layer, glyphs no font maps to a
/// character, a code printed without its leading zero, a misprinted code).
pub const PRINT_DEFECTS: &[&str] = &["I403", "I404", "I504", "I505"];

/// Which documents must carry a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Needed {
    /// Every 预算 and 决算.
    Always,
    /// Listed when found, never 否 for being absent (项目经费情况说明 is Shanghai's).
    IfPresent,
}

/// One narrative part of the checklist.
#[derive(Debug)]
pub struct PartSpec {
    /// 检查类别
    pub group: &'static str,
    /// 检查项目
    pub part: &'static str,
    /// 检查要点 of a 预算.
    pub budget: &'static str,
    /// 检查要点 of a 决算.
    pub final_account: &'static str,
    /// Heading words that show the part is there, in any region's wording.
    pub headings: &'static [&'static str],
    /// Rules whose findings are about this part wherever they point.
    pub rules: &'static [&'static str],
    needed: Needed,
}

/// The narrative parts, in the order an inspector reads a disclosure. (The tables come
/// between 编制说明 and 其他相关情况说明; they are listed from the document.)
pub static PARTS: &[PartSpec] = &[
    PartSpec {
        group: "部门概况",
        part: "主要职能",
        budget: "公开部门（单位）主要职责",
        final_account: "公开部门（单位）主要职责",
        headings: &[
            "主要职能",
            "主要职责",
            "部门职责",
            "单位职责",
            "职能职责",
            "工作职责",
        ],
        rules: &["C001"],
        needed: Needed::Always,
    },
    PartSpec {
        group: "部门概况",
        part: "机构设置",
        budget: "公开机构设置（预算单位构成）及人员情况，人数前后一致",
        final_account: "公开机构设置（决算单位构成）及人员情况，人数前后一致",
        headings: &[
            "机构设置",
            "机构编制",
            "机构情况",
            "内设机构",
            "单位构成",
            "部门构成",
            "机构和人员",
        ],
        rules: &["C002", "D001", "D002", "D004", "D005"],
        needed: Needed::Always,
    },
    PartSpec {
        group: "情况说明",
        part: "收支情况说明",
        budget: "说明收支预算总体情况及增减变化原因，数字与表一致，占比、增减计算正确",
        final_account: "说明收支决算总体情况及增减变化原因，数字与表一致，占比、增减计算正确",
        headings: &[
            "编制说明",
            "预算情况说明",
            "决算情况说明",
            "收支预算",
            "收入预算",
            "支出预算",
            "收支决算",
            "收入决算",
            "支出决算",
            "收支总体情况",
            "收支情况",
            "财政拨款收支",
            "财政拨款支出",
            "一般公共预算支出",
            "一般公共预算当年拨款",
            "政府性基金预算支出",
            "国有资本经营预算支出",
            "基本支出",
        ],
        rules: &["C003", "C004", "C005"],
        needed: Needed::Always,
    },
    PartSpec {
        group: "情况说明",
        part: "“三公”经费说明",
        budget: "说明“三公”经费预算总额及各项数额、增减变化及原因，与表一致",
        final_account: "说明“三公”经费决算总额及各项数额、与年初预算相比的变化及原因，与表一致",
        headings: &["三公"],
        rules: &["C006", "G001", "G002", "G004"],
        needed: Needed::Always,
    },
    PartSpec {
        group: "情况说明",
        part: "机关运行经费说明",
        budget: "说明机关运行经费预算数及增减变化原因",
        final_account: "说明机关运行经费决算数及增减变化原因",
        headings: &["机关运行经费", "运行经费"],
        rules: &["C007", "G003", "G005"],
        needed: Needed::Always,
    },
    PartSpec {
        group: "情况说明",
        part: "政府采购说明",
        budget: "说明政府采购预算总额及货物、工程、服务和面向中小企业预留情况",
        final_account: "说明政府采购支出总额及货物、工程、服务和授予中小企业合同情况",
        headings: &["政府采购"],
        rules: &["C008", "C009"],
        needed: Needed::Always,
    },
    PartSpec {
        group: "情况说明",
        part: "国有资产占有使用说明",
        budget: "说明国有资产占有使用情况（车辆、大型设备等）",
        final_account: "说明国有资产占有使用情况（车辆、大型设备等）",
        headings: &["国有资产"],
        rules: &["C010"],
        needed: Needed::Always,
    },
    PartSpec {
        group: "情况说明",
        part: "绩效目标（绩效管理）说明",
        budget: "说明预算绩效目标设置情况，绩效目标要素完整",
        final_account: "说明预算绩效管理及绩效评价情况",
        headings: &["绩效目标", "绩效管理", "绩效评价", "绩效情况", "绩效自评"],
        rules: &[
            "C011", "P001", "P002", "P003", "P004", "P005", "P006", "P007", "P008", "P009", "P010",
            "P011",
        ],
        needed: Needed::Always,
    },
    PartSpec {
        group: "情况说明",
        part: "项目经费情况说明",
        budget: "项目概况、立项依据、实施方案、资金分配与预算相符",
        final_account: "项目概况、立项依据、实施方案、资金分配与预算相符",
        headings: &["项目经费情况说明", "项目经费说明", "项目情况说明"],
        rules: &[],
        needed: Needed::IfPresent,
    },
    PartSpec {
        group: "其他",
        part: "名词解释",
        budget: "对专业性较强的名词进行解释",
        final_account: "对专业性较强的名词进行解释",
        headings: &["名词解释", "专业名词"],
        rules: &[],
        needed: Needed::Always,
    },
];

/// The part whose heading words are the broadest: any other part a heading names wins.
const BROAD: &str = "收支情况说明";

/// Where a line of the document belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Cover,
    Contents,
    Part(usize),
    Table(usize),
    Unrecognised(usize),
}

/// The document's lines, each with its page, the part it stands in, and the last narrative
/// part at or before it (where a sentence printed after a table belongs).
struct Outline<'a> {
    lines: Vec<(usize, &'a str, Place, Place)>,
    /// Where each narrative part was first found (page, line): a heading, or a sentence
    /// naming it.
    found: Vec<Option<(usize, usize)>>,
    contents_page: Option<usize>,
    /// Whether the text has pages (form feeds); without, places are lines.
    paged: bool,
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A line that reads as a heading: short, not a sentence, no amount (a table row's label
/// names a part too, but its row carries figures).
fn heading_like(squeezed: &str) -> bool {
    let n = squeezed.chars().count();
    let short_title = n <= 20 && !squeezed.contains(['，', '、', '：']);
    // `三、“三公”经费：指…` is a glossary entry, not a heading.
    let inner_colon = squeezed.trim_end_matches(['：', ':']).contains(['：', ':']);
    (2..=40).contains(&n)
        && !inner_colon
        && (numbered(squeezed) || short_title)
        && !squeezed.contains('。')
        && !squeezed.ends_with('；')
        && !has_amount(squeezed)
}

/// Whether a line ends as a part's heading does (`…情况`, `…说明`, `名词解释`, the part's own
/// words), not as an item of a list of duties (`负责国有资产管理`).
fn heading_end(squeezed: &str, words: &[&str]) -> bool {
    const ENDS: &[&str] = &[
        "情况", "说明", "解释", "职能", "职责", "设置", "构成", "编制", "经费", "目标", "预算",
        "决算", "概况", "安排", "支出", "收入",
    ];
    let s = squeezed.trim_end_matches(['：', ':', '）', ')']);
    let s = s.strip_suffix("（款）").unwrap_or(s);
    ENDS.iter().chain(words).any(|e| s.ends_with(e))
}

/// Whether a line begins with a heading's number: `一、`, `（一）`, `1.`, `2、`, `第一部分`.
fn numbered(s: &str) -> bool {
    const CN: &str = "一二三四五六七八九十";
    let rest = s.trim_start_matches(['（', '(']);
    let digits = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || CN.contains(*c))
        .count();
    if s.starts_with('第') && (s.contains("部分") || s.contains('章')) {
        return true;
    }
    digits > 0
        && rest
            .chars()
            .nth(digits)
            .is_some_and(|c| "、.．）)".contains(c))
}

/// Whether a line carries an amount: a run of digits with a separator or decimal point, or
/// longer than a year.
fn has_amount(s: &str) -> bool {
    s.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .any(|run| {
            let digits = run.chars().filter(char::is_ascii_digit).count();
            digits >= 5
                || (digits >= 2
                    && run
                        .trim_matches(|c| c == ',' || c == '.')
                        .contains(['.', ',']))
        })
}

/// Headings on a contents page end in a page number, often after leader dots.
fn contents_entry(squeezed: &str) -> bool {
    squeezed.contains("……") || squeezed.contains("...") || squeezed.contains("·····")
}

fn line_of(at: &SourceRef) -> Option<usize> {
    match at {
        SourceRef::Line { line, .. } => Some(*line),
        _ => None,
    }
}

fn page_of(at: &SourceRef) -> Option<usize> {
    match at {
        SourceRef::Line { page: Some(p), .. } => Some(*p as usize),
        _ => None,
    }
}

fn outline<'a>(d: &Disclosure, text: &'a str) -> Outline<'a> {
    let mut titles = std::collections::HashMap::new();
    for (i, t) in d.tables.iter().enumerate() {
        if let Some(l) = line_of(&t.source) {
            titles.entry(l).or_insert(Place::Table(i));
        }
    }
    for (i, u) in d.unrecognised.iter().enumerate() {
        if let Some(l) = line_of(&u.source) {
            titles.entry(l).or_insert(Place::Unrecognised(i));
        }
    }
    // A text without form feeds (reading-order text) has no pages: the cover is what comes
    // before the first heading, and places are given by line.
    let o_paged = text.contains('\u{c}');
    let mut page = 1;
    let mut raw = Vec::new();
    for line in text.split('\n') {
        page += line.matches('\u{c}').count();
        raw.push((page, line));
    }
    let contents_page = raw
        .iter()
        .find(|(p, l)| *p <= 5 && squeeze(l) == "目录")
        .map(|(p, _)| *p);
    // The contents may run on to the next pages: pages of entries only (no sentence, no long
    // line, most lines headings or entries).
    let entries_page = |page: usize| {
        let lines: Vec<String> = raw
            .iter()
            .filter(|(p, l)| *p == page && !l.trim().is_empty())
            .map(|(_, l)| squeeze(l))
            .collect();
        !lines.is_empty()
            && lines
                .iter()
                .all(|l| !l.contains('。') && (contents_entry(l) || l.chars().count() <= 40))
            && lines
                .iter()
                .filter(|l| contents_entry(l) || numbered(l))
                .count()
                * 2
                >= lines.len()
    };
    let mut contents_end = contents_page;
    while let Some(p) = contents_end
        && entries_page(p + 1)
    {
        contents_end = Some(p + 1);
    }
    // The contents may also run on to the top of the next page, the body beginning below it
    // on the same page: the body begins where the first entry's heading comes again.
    let body_from: Option<usize> = contents_page.and_then(|c| {
        let at = raw
            .iter()
            .position(|(p, l)| *p == c && squeeze(l) == "目录")?;
        let first = raw[at + 1..]
            .iter()
            .map(|(_, l)| squeeze(l))
            .find(|l| !l.is_empty())?;
        let end = contents_end.unwrap_or(c);
        raw.iter()
            .enumerate()
            .skip(at + 2)
            .find(|(_, (p, l))| *p > end && *p <= end + 1 && squeeze(l) == first)
            .map(|(i, _)| i)
    });
    let mut found = vec![None; PARTS.len()];
    let mut place = Place::Cover;
    let mut prose = Place::Cover;
    let mut lines = Vec::with_capacity(raw.len());
    for (i, (p, l)) in raw.into_iter().enumerate() {
        let s = squeeze(l);
        if let Some(t) = titles.get(&(i + 1)) {
            place = *t;
        } else if contents_page.is_some_and(|c| p >= c)
            && (contents_end.is_some_and(|e| p <= e) || body_from.is_some_and(|b| i < b))
        {
            place = Place::Contents;
        } else if !o_paged || p > 1 || d.tables.is_empty() {
            // A heading switches the part; any line naming a part shows it is there.
            let named: Vec<usize> = (0..PARTS.len())
                .filter(|&k| PARTS[k].headings.iter().any(|h| s.contains(h)))
                .collect();
            for &k in &named {
                found[k].get_or_insert((p, i + 1));
            }
            // The broad 收支 explanation yields to a narrower part its heading also names
            // (`财政拨款“三公”经费预算情况说明`).
            let first = named
                .iter()
                .find(|&&k| PARTS[k].part != BROAD)
                .or(named.first());
            if let Some(&k) = first
                && heading_like(&s)
                && heading_end(&s, PARTS[k].headings)
                && !contents_entry(&s)
            {
                place = Place::Part(k);
            }
        }
        if matches!(place, Place::Cover) && o_paged && p > 1 {
            place = Place::Part(usize::MAX);
        }
        if matches!(place, Place::Part(_) | Place::Cover) {
            prose = place;
        }
        lines.push((p, l, place, prose));
    }
    Outline {
        lines,
        found,
        contents_page,
        paged: o_paged,
    }
}

/// The text a finding points at, squeezed and shortened, for the 问题 column.
fn quote(text_lines: &[&str], at: &SourceRef) -> Option<String> {
    let l = line_of(at)?;
    let s: String = text_lines
        .get(l.checked_sub(1)?)?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let s = s.trim_matches('\u{c}').to_string();
    if s.is_empty() {
        return None;
    }
    let mut q: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        q.push('…');
    }
    Some(q)
}

fn problem(d: &Diagnostic, text_lines: &[&str]) -> Problem {
    // A page finding points at its page's first line, which it is not about: its message
    // quotes what it is about.
    let about_a_page =
        d.code.starts_with('V') && d.code != "V005" || matches!(d.code, "I403" | "I404");
    Problem {
        text: d.message.clone(),
        page: page_of(&d.primary.at),
        quote: if about_a_page {
            None
        } else {
            quote(text_lines, &d.primary.at)
        },
        rule: d.code.to_string(),
        severity: d.severity.label().to_string(),
    }
}

fn has_sentences(s: &yusuan_core::disclosure::Section) -> bool {
    !s.sentences.is_empty() || s.subsections.iter().any(has_sentences)
}

/// Fills in the sheet of one document. `text` is the document as read (pages separated by
/// form feeds; the lines findings point at), `file` its name as given.
pub fn build(cx: &Cx<'_>, findings: &[Diagnostic], text: &str, file: &str) -> Sheet {
    let d = cx.disclosure;
    let final_account = d.stage == Stage::Final;
    let text_lines: Vec<&str> = text.split('\n').collect();
    let o = outline(d, text);
    let readable = text.chars().filter(|c| !c.is_whitespace()).count() > 200;
    // A file with tables and no 部门概况 or 名词解释 is the tables half of a document published
    // in two files: its narrative parts are not judged from it alone.
    let backbone = PARTS
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.part, "主要职能" | "机构设置" | "名词解释"))
        .any(|(k, _)| o.found[k].is_some());
    let has_narrative = d.narrative.sections.iter().any(has_sentences) && backbone;

    // Every finding that is a problem, to one place.
    let mut by_place: Vec<(Place, Problem)> = Vec::new();
    let mut missing_tables: Vec<Problem> = Vec::new();
    let mut page_problems: Vec<Problem> = Vec::new();
    for f in findings.iter().filter(|f| f.severity >= Severity::Warning) {
        if matches!(f.code, "C012" | "C1001") {
            missing_tables.push(problem(f, &text_lines));
            continue;
        }
        if f.code == "V005" {
            by_place.push((Place::Contents, problem(f, &text_lines)));
            continue;
        }
        if f.code.starts_with('V') || matches!(f.code, "I403" | "I404") {
            page_problems.push(problem(f, &text_lines));
            continue;
        }
        let place = if let Some(k) = PARTS.iter().position(|p| p.rules.contains(&f.code)) {
            Place::Part(k)
        } else if let Some(cell) = &f.primary.cell {
            match d.tables.iter().position(|t| t.number == cell.table) {
                Some(i) => Place::Table(i),
                None => Place::Part(usize::MAX),
            }
        } else {
            // A sentence's finding belongs to the narrative part it stands in, even when it is
            // printed after a table.
            let sentence = f.code.starts_with('N');
            line_of(&f.primary.at)
                .and_then(|l| o.lines.get(l.checked_sub(1)?))
                .map_or(
                    Place::Part(usize::MAX),
                    |x| if sentence { x.3 } else { x.2 },
                )
        };
        by_place.push((place, problem(f, &text_lines)));
    }
    // A problem stated the same way at several places is written once, with the count.
    let take = |place: Place| -> Vec<Problem> {
        let mut out: Vec<(Problem, usize)> = Vec::new();
        for (_, x) in by_place.iter().filter(|(p, _)| *p == place) {
            match out.iter_mut().find(|(o, _)| o.text == x.text) {
                Some((_, n)) => *n += 1,
                None => out.push((x.clone(), 0)),
            }
        }
        out.into_iter()
            .map(|(mut p, more)| {
                if more > 0 {
                    p.text.push_str(&format!("（另有 {more} 处同样的问题）"));
                }
                p
            })
            .collect()
    };
    // Where a part begins: the page of its first heading.
    let pages_at = |place: Place| -> Option<String> {
        o.lines
            .iter()
            .enumerate()
            .find(|(_, (_, l, p, _))| *p == place && !l.trim().is_empty())
            .map(|(i, x)| {
                if o.paged {
                    format!("第 {} 页", x.0)
                } else {
                    format!("第 {} 行", i + 1)
                }
            })
    };
    let judged = |problems: Vec<Problem>,
                  present: bool,
                  absent: String|
     -> (Verdict, Vec<Problem>, String) {
        if !problems.is_empty() {
            (Verdict::No, problems, String::new())
        } else if present {
            (Verdict::Yes, problems, String::new())
        } else {
            (Verdict::No, problems, absent)
        }
    };

    let mut lines = Vec::new();
    let unchecked = |group: &str, part: &str, requirement: &str, why: &str| Line {
        group: group.into(),
        part: part.into(),
        requirement: requirement.into(),
        pages: None,
        verdict: Verdict::Unchecked,
        problems: Vec::new(),
        note: why.into(),
    };
    lines.push(unchecked(
        "公开形式",
        "公开时间",
        if final_account {
            "决算批复后 20 日内公开"
        } else {
            "预算批复后 20 日内公开"
        },
        "须查看发布日期，文件本身无法判断",
    ));
    lines.push(unchecked(
        "公开形式",
        "公开平台",
        "在部门门户网站或政府集中公开平台公开，长期保留",
        "须查看发布网址，文件本身无法判断",
    ));

    // 封面: the document says what it is.
    let cover: String = o
        .lines
        .iter()
        .filter(|(p, _, place, _)| {
            if o.paged {
                *p == 1
            } else {
                *place == Place::Cover
            }
        })
        .map(|(_, l, ..)| squeeze(l))
        .collect();
    let kind_word = if final_account { "决算" } else { "预算" };
    let cover_line = if !readable {
        unchecked(
            "公开形式",
            "封面",
            "写明年度、部门（单位）名称和文件名称",
            "文件没有可读的文字（可能是扫描件），未检查",
        )
    } else if !o.paged {
        unchecked(
            "公开形式",
            "封面",
            "写明年度、部门（单位）名称和文件名称",
            "文本没有分页，看不出封面，未检查",
        )
    } else {
        let mut missing = Vec::new();
        if !cover.contains(&d.year.to_string()) {
            missing.push("年度");
        }
        if !cover.contains(kind_word) {
            missing.push("文件名称（预算或决算）");
        }
        let (verdict, note) = if missing.is_empty() {
            (Verdict::Yes, String::new())
        } else {
            (
                Verdict::No,
                format!("第 1 页没有写明{}", missing.join("、")),
            )
        };
        Line {
            group: "公开形式".into(),
            part: "封面".into(),
            requirement: "写明年度、部门（单位）名称和文件名称".into(),
            pages: o.paged.then(|| "第 1 页".into()),
            verdict,
            problems: take(Place::Cover),
            note,
        }
    };
    let mut cover_line = cover_line;
    if !cover_line.problems.is_empty() {
        cover_line.verdict = Verdict::No;
    }
    lines.push(cover_line);

    // 目录: listed when there is one (not every region prints one).
    if let Some(p) = o.contents_page {
        let problems = take(Place::Contents);
        lines.push(Line {
            group: "公开形式".into(),
            part: "目录".into(),
            requirement: "目录与正文各部分一致".into(),
            pages: Some(format!("第 {p} 页")),
            verdict: if problems.is_empty() {
                Verdict::Yes
            } else {
                Verdict::No
            },
            problems,
            note: String::new(),
        });
    }

    // 页面: what the PDF's pages show (V rules); a text has no pages to judge.
    let requirement = "没有空白页，没有读者看不见或叠印难辨的文字，页码连续";
    lines.push(if d.pages.is_empty() {
        unchecked(
            "公开形式",
            "页面与页码",
            requirement,
            "只有 PDF 能看出页面，文本、表格文件未检查",
        )
    } else {
        Line {
            group: "公开形式".into(),
            part: "页面与页码".into(),
            requirement: requirement.into(),
            pages: Some(format!("共 {} 页", d.pages.len())),
            verdict: if page_problems.is_empty() {
                Verdict::Yes
            } else {
                Verdict::No
            },
            problems: page_problems,
            note: String::new(),
        }
    });

    let part_line = |k: usize, lines: &mut Vec<Line>| {
        let spec = &PARTS[k];
        let present = o.found[k].is_some();
        if !present && spec.needed == Needed::IfPresent && take(Place::Part(k)).is_empty() {
            return;
        }
        let requirement = if final_account {
            spec.final_account
        } else {
            spec.budget
        };
        if !readable || !has_narrative {
            let why = if readable {
                "文件中没有情况说明（可能另册公开：几个文件可用 --as-one 一并检查），未检查"
            } else {
                "文件没有可读的文字（可能是扫描件），未检查"
            };
            lines.push(unchecked(spec.group, spec.part, requirement, why));
            return;
        }
        let problems = take(Place::Part(k));
        if !present && problems.is_empty() && d.tables.is_empty() {
            // The tables (and the performance tables with them) may be in another file.
            lines.push(unchecked(
                spec.group,
                spec.part,
                requirement,
                &format!(
                    "文中没有找到{}；此文件没有公开表，若表格另册公开，请用 --as-one 一并检查",
                    spec.part.trim_end_matches("说明")
                ),
            ));
            return;
        }
        let (verdict, problems, note) = judged(
            problems,
            present,
            format!("文中没有找到{}", spec.part.trim_end_matches("说明")),
        );
        lines.push(Line {
            group: spec.group.into(),
            part: spec.part.into(),
            requirement: requirement.into(),
            pages: pages_at(Place::Part(k)).or(o.found[k].map(|(p, l)| {
                if o.paged {
                    format!("第 {p} 页")
                } else {
                    format!("第 {l} 行")
                }
            })),
            verdict,
            problems,
            note,
        });
    };
    for k in 0..3 {
        part_line(k, &mut lines);
    }

    // The tables, each on its own line, then the ones that are missing and the ones that
    // could not be recognised.
    let table_requirement = "表内、表间数据勾稽一致；科目编码与名称规范；没有数据的表注明为空表";
    for (i, t) in d.tables.iter().enumerate() {
        let problems = take(Place::Table(i));
        let (verdict, note) = if !problems.is_empty() {
            (Verdict::No, String::new())
        } else if t.unplaced > 0 {
            (
                Verdict::Unchecked,
                format!("表中有 {} 个数字未能读准位置，勾稽未检查", t.unplaced),
            )
        } else {
            (Verdict::Yes, String::new())
        };
        // A template's number is the one its readers know; a table read by kind is named as
        // printed (its number is the kind's, not the document's).
        let by_template = d.template != yusuan_core::template::GENERIC_ID;
        let part = if !by_template || t.title.contains(&format!("表{}", t.number)) || t.number == 0
        {
            t.title.clone()
        } else {
            format!("表{} {}", t.number, t.title)
        };
        lines.push(Line {
            group: "公开表格".into(),
            part,
            requirement: table_requirement.into(),
            pages: page_of(&t.source).map(|p| format!("第 {p} 页")),
            verdict,
            problems,
            note,
        });
    }
    for (i, u) in d.unrecognised.iter().enumerate() {
        let problems = take(Place::Unrecognised(i));
        lines.push(Line {
            group: "公开表格".into(),
            part: u.title.clone(),
            requirement: table_requirement.into(),
            pages: page_of(&u.source).map(|p| format!("第 {p} 页")),
            verdict: if problems.is_empty() {
                Verdict::Unchecked
            } else {
                Verdict::No
            },
            problems,
            note: "未能识别此表，未检查".into(),
        });
    }
    let (verdict, note) = if !missing_tables.is_empty() {
        (Verdict::No, String::new())
    } else if d.tables.is_empty() {
        (
            Verdict::Unchecked,
            "没有读到公开表（可能另册公开），未检查".to_string(),
        )
    } else {
        (Verdict::Yes, format!("读到 {} 张表", d.tables.len()))
    };
    lines.push(Line {
        group: "公开表格".into(),
        part: "公开表齐全".into(),
        requirement: format!("公开全部{kind_word}表，空表也公开并说明"),
        pages: None,
        verdict,
        problems: missing_tables,
        note,
    });

    for k in 3..PARTS.len() {
        part_line(k, &mut lines);
    }

    // Problems in the text outside every part (the lines before the first heading).
    let rest = take(Place::Part(usize::MAX));
    if !rest.is_empty() {
        lines.push(Line {
            group: "其他".into(),
            part: "其他文字".into(),
            requirement: "文字准确：无占位符、标点正确、用语与文件类型相符、科目名称现行".into(),
            pages: None,
            verdict: Verdict::No,
            problems: rest,
            note: String::new(),
        });
    }

    Sheet {
        file: file.to_string(),
        department: d.department.clone(),
        year: d.year,
        document: format!("{}年{}{}", d.year, d.kind.word(), kind_word),
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The part a line opens, if it opens one.
    fn opens(line: &str) -> Option<&'static str> {
        let s = squeeze(line);
        let named: Vec<usize> = (0..PARTS.len())
            .filter(|&k| PARTS[k].headings.iter().any(|h| s.contains(h)))
            .collect();
        let k = *named
            .iter()
            .find(|&&k| PARTS[k].part != BROAD)
            .or(named.first())?;
        (heading_like(&s) && heading_end(&s, PARTS[k].headings) && !contents_entry(&s))
            .then_some(PARTS[k].part)
    }

    #[test]
    fn headings_in_every_family_open_their_part() {
        for (line, part) in [
            ("一、部门主要职能", "主要职能"),           // Shanghai
            ("一、部门职责", "主要职能"),               // Shenzhen
            ("（一）本部门职责情况", "主要职能"),       // Beijing
            ("一、部门主要职责", "主要职能"),           // Quanzhou
            ("二、机构编制", "机构设置"),               // Shenzhen
            ("二、部门预算单位构成", "机构设置"),       // Quanzhou
            ("二、 机构设置及人员情况", "机构设置"),    // the reference
            ("2024年部门预算编制说明", "收支情况说明"), // Shanghai
            ("五、一般公共预算财政拨款支出决算情况说明", "收支情况说明"),
            ("（二）政府采购情况", "政府采购说明"), // the reference
            ("四、财政拨款“三公”经费预算情况说明", "“三公”经费说明"),
            ("五、国有资产占有使用情况", "国有资产占有使用说明"),
            ("四、绩效目标设置情况", "绩效目标（绩效管理）说明"),
            ("第四部分 名词解释", "名词解释"),
        ] {
            assert_eq!(opens(line), Some(part), "{line}");
        }
    }

    #[test]
    fn sentences_list_items_glossary_entries_and_contents_entries_open_none() {
        for line in [
            // A line of a paragraph about duties.
            "审计监督，对公共资金、国有资产、国有资源和领导干部履",
            // An item of a list of duties.
            "（五）负责国有资产管理",
            // A glossary entry.
            "三、“三公”经费：指部门用财政拨款安排的因公出国（境）费",
            // A contents entry.
            "四、财政拨款“三公”经费预算情况说明……………………9",
            // A table row: its label names a part, its figures say it is a row.
            "一、一般公共预算支出 31,214,205.80",
            // A sentence.
            "2025年政府采购预算117.00万元。",
        ] {
            assert_eq!(opens(line), None, "{line}");
        }
    }

    #[test]
    fn glyphs_no_one_can_read_fail_the_page_line() {
        use yusuan_core::diag::{Diagnostic, Label, Severity};
        use yusuan_core::disclosure::{Disclosure, PageView};
        let mut d = Disclosure::empty();
        d.year = 2026;
        d.pages = vec![PageView {
            number: 1,
            first_line: 1,
            glyphs: 10,
            ..PageView::default()
        }];
        let text = "2026年部门预算\n一、部门主要职能\n";
        let cx = crate::engine::Cx {
            disclosure: &d,
            budget: None,
            previous: None,
        };
        let unreadable = Diagnostic::new(
            "I404",
            Severity::Warning,
            "第 1 页有 3 个字形无法转为文字",
            Label::at(
                SourceRef::Line {
                    page: Some(1),
                    line: 1,
                },
                "",
            ),
        );
        let sheet = build(&cx, &[unreadable], text, "a.pdf");
        let page = sheet.lines.iter().find(|l| l.part == "页面与页码").unwrap();
        assert_eq!(page.verdict, Verdict::No);
        assert_eq!(page.problems[0].text, "第 1 页有 3 个字形无法转为文字");
        assert_eq!(page.problems[0].quote, None);
    }

    #[test]
    fn amounts_are_told_from_years() {
        assert!(has_amount("一般公共服务支出 2,112.86"));
        assert!(has_amount("合计 31214205"));
        assert!(!has_amount("2025年部门预算"));
        assert!(!has_amount("（三）2.政府采购"));
    }
}
