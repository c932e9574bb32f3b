//! # yusuan-import — published disclosures back into the model
//!
//! Text as PDF-to-text tools give it → [`Disclosure`](yusuan_core::Disclosure): tables are found
//! by their titles ([`segment`]), the printed numbers of each row are placed into columns with
//! the tables' own arithmetic ([`solve`]), and the narrative is read by
//! `yusuan_formats::narrative`. Pure functions of the text; problems are diagnostics.

#![deny(missing_docs)]
// Rows, columns and lines are addressed by index throughout; index loops read clearest.
#![allow(clippy::needless_range_loop)]

pub mod contents;
pub mod furniture;
pub mod layout;
pub mod meaning;
pub mod narrative;
pub mod pdf;
pub mod prose;
pub mod segment;
pub mod shanghai;
pub mod solve;
pub mod textpage;

use yusuan_core::catalog::Catalog;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::{ClaimKind, Disclosure, Narrative, Table};

/// Reads a published PDF natively: its text layer, page by page, then as a published text.
/// What the PDF itself does not allow (encryption, scans, unmapped glyphs) comes first.
pub fn import_pdf(bytes: &[u8]) -> (Disclosure, Vec<Diagnostic>, String) {
    let (pages, diags) = pdf::pages(bytes);
    import_pages(&pages, diags)
}

/// Reads several PDFs as one document (a department that publishes its narrative and its
/// tables as two files): their pages in order, numbered on from one file to the next. Gives
/// also where each file's pages begin (1-based, in the joined numbering).
pub fn import_pdfs(files: &[&[u8]]) -> (Disclosure, Vec<Diagnostic>, String, Vec<u32>) {
    let mut pages: Vec<pdf::Page> = Vec::new();
    let mut diags = Vec::new();
    let mut starts = Vec::new();
    for bytes in files {
        let (mut more, d) = pdf::pages(bytes);
        let offset = u32::try_from(pages.len()).unwrap_or(u32::MAX);
        starts.push(offset.saturating_add(1));
        for p in &mut more {
            p.number = p.number.saturating_add(offset);
            p.view.number = p.number;
        }
        pages.extend(more);
        diags.extend(d);
    }
    let (d, diags, text) = import_pages(&pages, diags);
    (d, diags, text, starts)
}

/// What each page shows, for the page checks and for drawing a finding's place: each view
/// knows the line its page begins on in the joined text (pages joined by form feeds; an empty
/// page is one empty line), and where each of its lines stands.
fn views(pages: &[pdf::Page]) -> Vec<yusuan_core::disclosure::PageView> {
    let mut line = 1;
    pages
        .iter()
        .map(|p| {
            let lines = p
                .laid
                .iter()
                .map(|l| yusuan_core::disclosure::LineBox {
                    x0: l.cells.iter().map(|c| c.x0).min().unwrap_or(0),
                    top: l.top,
                    x1: l.cells.iter().map(|c| c.x1).max().unwrap_or(0),
                    bottom: l.bottom,
                    cells: l
                        .cells
                        .iter()
                        .map(|c| (c.x0, c.x1, c.text.clone()))
                        .collect(),
                })
                .collect();
            let v = yusuan_core::disclosure::PageView {
                first_line: line,
                lines,
                ..p.view.clone()
            };
            line += p.laid.len().max(1);
            v
        })
        .collect()
}

/// Reads a PDF's pages (see [`import_pdf`]); `diags` are what reading the file found.
pub fn import_pages(
    pages: &[pdf::Page],
    mut diags: Vec<Diagnostic>,
) -> (Disclosure, Vec<Diagnostic>, String) {
    let text = pdf::join(pages);
    if diags
        .iter()
        .any(|d| d.severity == yusuan_core::diag::Severity::Error)
    {
        return (Disclosure::empty(), diags, text);
    }
    // Every region's document, a known template's too: tables by what they mean.
    let blank = furniture::blank(&text);
    if !is_reference_template(&blank) {
        let (d, more) = read_by_meaning(pages, &text, true);
        diags.extend(more);
        return (d, diags, text);
    }
    // The reference template's: its tables by meaning too, bound to the template; its
    // narrative, profile, projects and performance tables by the template's readers.
    let (mut d, more, _) = tables_by_meaning(pages, &text, true, Some(&shanghai::REFERENCE));
    diags.extend(more);
    let (n, more) = narrative::read_document(&blank);
    diags.extend(more);
    if !n.department.is_empty() {
        d.department = n.department;
    }
    if n.year != 0 {
        d.year = n.year;
    }
    d.kind = n.kind;
    d.narrative = n.narrative;
    d.glossary = n.glossary;
    d.profile.staff = prose::staff(&blank);
    d.projects = prose::projects(&d.narrative);
    d.performance = prose::performance(&blank);
    // Every line knows its page: pages are separated by form feeds in the text.
    let mut page_of = Vec::new();
    let mut page = 1u32;
    for line in text.split('\n') {
        page =
            page.saturating_add(u32::try_from(line.matches('\u{c}').count()).unwrap_or(u32::MAX));
        page_of.push(page);
    }
    let mut paged = |s: &mut yusuan_core::source::SourceRef| {
        if let yusuan_core::source::SourceRef::Line {
            page: p @ None,
            line,
        } = s
        {
            *p = page_of.get(line.saturating_sub(1)).copied();
        }
    };
    d.map_sources(&mut paged);
    for x in &mut diags {
        paged(&mut x.primary.at);
        x.secondary.iter_mut().for_each(|l| paged(&mut l.at));
    }
    (d, diags, text)
}

/// Reads a published text: the standard tables, the narrative and the contents page.
pub fn import_text(text: &str) -> (Disclosure, Vec<Diagnostic>) {
    let (mut d, diags) = read_text(text);
    d.contents = contents::read(text);
    (d, diags)
}

fn read_text(text: &str) -> (Disclosure, Vec<Diagnostic>) {
    let text = &furniture::blank(text);
    // A template whose tables keep their columns, as layout text gives them.
    if let Some(read) = layout::read(text) {
        return read;
    }
    if !is_reference_template(text) {
        return read_by_meaning(&textpage::pages(text), text, false);
    }
    let (mut d, mut diags) = narrative::read_document(text);
    let raw = segment::tables(text);
    if raw.is_empty() {
        diags.push(
            Diagnostic::new(
                segment::NO_TABLES,
                yusuan_core::diag::Severity::Warning,
                "没有找到任何公开表：没有一行是表1–表11 的标题（如“部门收支总体情况表”），只读入了情况说明",
                yusuan_core::diag::Label::at(yusuan_core::source::SourceRef::Line { page: None, line: 1 }, ""),
            )
            .with_help("表格须各有一行单独的表名；若文本由 PDF 转出，请用保留版面的方式（如 pdftotext -layout）"),
        );
    }
    let hints = itemisation_hints(&d.narrative);
    let (tables, more) = solve::resolve(&raw, &hints);
    diags.extend(more);
    if d.department.is_empty()
        && let Some(org) = tables.iter().map(|t| t.org.clone()).find(|o| !o.is_empty())
    {
        d.department = org;
    }
    d.tables = with_template_order(tables);
    d.profile.staff = prose::staff(text);
    d.projects = prose::projects(&d.narrative);
    d.performance = prose::performance(text);
    (d, diags)
}

/// Where a table has no 合计 row, a row named as the department itself (`深圳市人民政府口岸办公室
/// | 55884.67 …`, as some regions head a table of one department) and standing above every
/// coded row is the table's total.
fn department_rows_are_totals(d: &mut Disclosure) {
    use yusuan_core::disclosure::RowKind;
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let department = squeeze(&d.department);
    for t in &mut d.tables {
        if t.rows.iter().any(|r| r.kind == RowKind::Total) {
            continue;
        }
        let org = squeeze(&t.org);
        let first_coded = t
            .rows
            .iter()
            .position(|r| r.code.is_some())
            .unwrap_or(t.rows.len());
        let named: Vec<usize> = (0..first_coded)
            .filter(|&i| {
                let l = squeeze(&t.rows[i].label);
                !l.is_empty()
                    && (l == department || l == org)
                    && t.rows[i].cells.iter().any(Option::is_some)
            })
            .collect();
        if let [i] = named.as_slice() {
            t.rows[*i].kind = RowKind::Total;
        }
    }
}

/// True when the text prints the reference template's tables under their own titles: some
/// line is exactly one of 表1–表11's titles, and no line names a table of figures in any other
/// region's words (`收支总体情况表`, `预算01表 收支总表`…). The reading-order reader of that
/// template reads it; every other document is read by meaning.
pub fn is_reference_template(text: &str) -> bool {
    let titles: std::collections::BTreeSet<&str> = yusuan_core::template::XINJIANG_BUDGET_11
        .iter()
        .map(|t| t.title)
        .collect();
    let vocab = meaning::vocab::Vocabulary::get();
    let mut own = false;
    for l in text.lines() {
        let s: String = l.chars().filter(|c| !c.is_whitespace()).collect();
        if s.is_empty() || s.chars().count() > 40 {
            continue;
        }
        if titles.contains(s.as_str()) {
            own = true;
        } else if vocab.kind_of_title(&s).is_some_and(|k| k.figures)
            && !titles.iter().any(|t| s.ends_with(t))
            && !furniture::is_contents_entry(l)
        {
            return false;
        }
    }
    own
}

/// Reads any region's document by meaning: its tables by their titles, header words and row
/// codes ([`meaning`]); the department, year and kind from its first lines.
/// `exact`: the pages are a PDF's, not a text's.
pub fn read_by_meaning(
    pages: &[pdf::Page],
    text: &str,
    exact: bool,
) -> (Disclosure, Vec<Diagnostic>) {
    let (mut d, diags, regions) = tables_by_meaning(pages, text, exact, None);
    let mut prose = narrative::read_any(text, &table_lines(pages, &regions));
    d.glossary = narrative::take_glossary(&mut prose);
    d.narrative = prose;
    (d, diags)
}

/// The tables part of [`read_by_meaning`] (and the department, year, kind, contents and pages):
/// bound to `template` when given, else to the known template they follow, if any. Gives also
/// the tables' regions (first and last line, 1-based), which are not prose.
fn tables_by_meaning(
    pages: &[pdf::Page],
    text: &str,
    exact: bool,
    template: Option<&'static shanghai::Template>,
) -> (Disclosure, Vec<Diagnostic>, Vec<(usize, usize)>) {
    let meaning::Read {
        mut tables,
        blocks,
        diags,
        unrecognised,
        regions,
    } = meaning::read(pages, meaning::vocab::Vocabulary::get(), exact);
    // A table in two blocks side by side is one list, unless a template binds its halves.
    let mut halves: Vec<Table> = Vec::new();
    for &i in blocks.iter().rev() {
        halves.push(tables.remove(i));
    }
    let mut d = Disclosure::empty();
    d.template = meaning::TEMPLATE_ID.to_string();
    let head: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(40)
        .map(|l| l.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    d.year = head.iter().find_map(|l| year_in(l)).unwrap_or(0);
    // The cover says which (`…2024年单位预算`); else the first lines, if they name only one.
    let cover = cover_of(&head);
    let unit = if cover.contains("单位预算") || cover.contains("部门预算") {
        cover.contains("单位预算") && !cover.contains("部门预算")
    } else {
        head.iter().any(|l| l.contains("单位预算")) && !head.iter().any(|l| l.contains("部门预算"))
    };
    if unit {
        d.kind = yusuan_core::budget::DocKind::Unit;
    }
    // A 决算 says so on its cover (`2024年度部门决算`), or in its tables' titles.
    let finals = tables.iter().filter(|t| t.title.contains("决算")).count();
    if cover.contains("决算") && !cover.contains("预算") || finals * 2 > tables.len() {
        d.stage = yusuan_core::disclosure::Stage::Final;
    }
    d.department = tables
        .iter()
        .map(|t| t.org.clone())
        .find(|o| !o.is_empty())
        .unwrap_or_default();
    if d.department.is_empty() {
        d.department = department_on_cover(&head);
    }
    d.tables = tables;
    department_rows_are_totals(&mut d);
    d.unrecognised = unrecognised;
    if exact {
        // A PDF's text keeps its contents page (a text's is blanked: `import_text` reads it).
        d.contents = contents::read(text);
        d.pages = views(pages);
    }
    // A known template's tables take its numbers and column keys, so its own rules check them.
    let template = template.or_else(|| meaning::bind::detect(&d, &halves));
    for mut t in halves {
        if template.is_none_or(|tpl| !meaning::bind::takes_halves(tpl, &t)) {
            meaning::flatten_blocks(&mut t);
        }
        d.tables.push(t);
    }
    d.tables.sort_by_key(|t| match &t.source {
        yusuan_core::source::SourceRef::Line { line, .. } => *line,
        _ => usize::MAX,
    });
    let mut diags = diags;
    if let Some(tpl) = template {
        let lines: Vec<&str> = text.lines().collect();
        let bound = meaning::bind::bind(&mut d, tpl, &lines);
        diags
            .retain(|x| x.code != meaning::codes::UNKNOWN_COLUMN || !bound.contains(&x.primary.at));
    }
    (d, diags, regions)
}

/// Which lines (0-based, over all pages as [`pdf::join`] numbers them) are tables' rather than
/// prose: those of a table's region, and any line set out as a row — words two or more
/// characters apart, three of them or a figure among them (`五、事业收入      150.00`), and no
/// sentence punctuation (a justified line of prose may have a wide gap).
fn table_lines(pages: &[pdf::Page], regions: &[(usize, usize)]) -> Vec<bool> {
    let mut out = Vec::new();
    for l in pages.iter().flat_map(|p| &p.laid) {
        let wide = |a: &pdf::LaidCell, b: &pdf::LaidCell| b.x0 - a.x1 >= 2 * textpage::CHAR_WIDTH;
        let apart: Vec<&pdf::LaidCell> = l
            .cells
            .iter()
            .enumerate()
            .filter(|&(i, c)| i == 0 || wide(&l.cells[i - 1], c))
            .map(|(_, c)| c)
            .collect();
        let figure = l.cells.iter().any(|c| textpage::is_figure(c.text.trim()));
        let prose = l.text.contains(['，', '。', '；']);
        // Columns of text side by side (a table of words: `民政府口      部门预算准备金…`):
        // a gap of four characters or more inside the line.
        let columns = l
            .cells
            .windows(2)
            .any(|w| w[1].x0 - w[0].x1 >= 4 * textpage::CHAR_WIDTH);
        out.push(columns || !prose && (apart.len() >= 3 || apart.len() == 2 && figure));
    }
    // A region's lines are the table's, except prose standing before its first figure: a
    // contents entry taken for a title reaches over the text that follows it (a Shanghai
    // 编制说明 before its tables). Prose: one run of text, long or with a clause mark. (After
    // the first figure, a run of text is a wrapped cell: a project's description.)
    let laid: Vec<&pdf::LaidLine> = pages.iter().flat_map(|p| &p.laid).collect();
    for &(first, last) in regions {
        let (from, to) = (first.saturating_sub(1), last.min(out.len()));
        let figures_at = (from..to)
            .find(|&i| meaning::grid::has_figures(laid[i]))
            .unwrap_or(to);
        for i in from..to {
            let l = laid[i];
            let prose = i > from
                && i < figures_at
                && l.cells.len() == 1
                && (l.text.contains(['。', '，', '；']) || l.text.chars().count() >= 15);
            out[i] = out[i] || !prose;
        }
    }
    out
}

/// The department a cover names: its lines before the contents (`目录`), joined, without the
/// year, up to `部门预算` / `单位预算` (`2026年度` / `泉州市人民政府办公室` / `部门预算` →
/// `泉州市人民政府办公室`; `北京市民政局 2026 年度部门预算信息公开` → `北京市民政局`).
fn department_on_cover(head: &[String]) -> String {
    let cover = cover_of(head);
    // `预算单位：上海市普陀区人民政府办公室` says it outright.
    for label in ["预算单位：", "编制单位：", "预算单位:", "编制单位:"] {
        if let Some((_, rest)) = cover.split_once(label) {
            let name: String = rest
                .chars()
                .take_while(|c| !"，。；:：".contains(*c))
                .collect();
            if (2..=40).contains(&name.chars().count()) {
                return name;
            }
        }
    }
    let Some(year) = year_in(&cover) else {
        return String::new();
    };
    let y = year.to_string();
    let without: String =
        cover
            .replacen(&format!("{y}年度"), "", 1)
            .replacen(&format!("{y}年"), "", 1);
    let end = [
        "部门预算",
        "单位预算",
        "部门综合预算",
        "单位综合预算",
        "预算",
    ]
    .iter()
    .find_map(|w| without.find(w));
    let name = end.map_or("", |e| &without[..e]);
    if (2..=40).contains(&name.chars().count()) {
        name.to_string()
    } else {
        String::new()
    }
}

/// A cover's lines (spaces removed) joined: those before the contents (`目录`) or the first
/// part, six at most.
fn cover_of(head: &[String]) -> String {
    head.iter()
        .take_while(|l| !l.contains("目录") && !l.starts_with('第'))
        .take(6)
        .map(String::as_str)
        .collect()
}

/// The first year (`2026年`) a line names.
fn year_in(line: &str) -> Option<i32> {
    let b = line.as_bytes();
    (0..b.len().saturating_sub(4)).find_map(|i| {
        (b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && line[i + 4..].starts_with('年'))
        .then(|| line[i..i + 4].parse().ok())
        .flatten()
        .filter(|y| (2000..2100).contains(y))
    })
}

fn with_template_order(mut tables: Vec<Table>) -> Vec<Table> {
    tables.sort_by_key(|t| t.number);
    tables
}

/// For each project the narrative describes (七、…项目支出情况说明: “项目名称：X” … “资金分配情况：
/// 差旅费 0.5 万元、…”), the economic 类 its itemised uses belong to — table 7's columns.
pub fn itemisation_hints(n: &Narrative) -> solve::Hints {
    let cat = Catalog::get();
    let year = yusuan_core::catalog::LATEST_YEAR;
    let kuan_names: Vec<(String, String)> = cat
        .economic_classes(year)
        .into_iter()
        .flat_map(|(class, class_name)| {
            (0..100u8).filter_map(move |k| {
                let code = yusuan_core::codes::EconCode::kuan_of(class.class_number(), k);
                Catalog::get()
                    .economic_name(code, year)
                    .map(|n| (n.to_string(), class_name.to_string()))
            })
        })
        .collect();
    let mut hints = solve::Hints::new();
    for s in &n.sections {
        for sub in &s.subsections {
            let title: String = sub.title.chars().filter(|c| !c.is_whitespace()).collect();
            let Some(project) = title
                .strip_prefix("项目名称：")
                .or_else(|| title.strip_prefix("项目名称:"))
            else {
                continue;
            };
            let mut classes: Vec<String> = Vec::new();
            for sentence in sub.sentences.iter().filter(|x| x.text.contains("资金分配")) {
                for c in &sentence.claims {
                    let ClaimKind::Amount { .. } = c.kind else {
                        continue;
                    };
                    let subject: String =
                        c.subject.chars().filter(|c| !c.is_whitespace()).collect();
                    let class = kuan_names
                        .iter()
                        .filter(|(name, _)| {
                            subject.ends_with(name.as_str())
                                || name.starts_with(subject.as_str())
                                    && subject.chars().count() >= 3
                        })
                        .max_by_key(|(name, _)| name.chars().count())
                        .map(|(_, class)| class.clone());
                    if let Some(class) = class
                        && !classes.contains(&class)
                    {
                        classes.push(class);
                    }
                }
            }
            if !classes.is_empty() {
                hints.insert(project.to_string(), classes);
            }
        }
    }
    hints
}
