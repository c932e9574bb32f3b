//! The whole document as PDF, the format a disclosure is published in: A4, a cover, a contents
//! page with page numbers, 第一部分 to 第四部分, every table with its 编制部门/单位 line and its
//! header rows repeated on each page it runs onto (wide tables on landscape pages), the
//! performance target tables, page numbers in the footer, bookmarks for each part and table.
//! Body text is set in a 宋体-like face, headings in a 黑体-like one, both embedded as subsets.
//!
//! Layers: [`fonts`] finds and measures the faces, [`layout`] sets text and tables on pages in
//! integer geometry, this module decides what goes where, and [`emit`] writes the PDF.
//! Deterministic: the same document and fonts give the same bytes.

mod emit;
pub mod fonts;
mod layout;

use crate::document::{
    INDICATOR_HEAD, glossary_entries, glossary_line, indicator_cells, performance_header,
    staff_sentence, titles,
};
use crate::tables::layout::{SideLayout, layout};
use crate::tables::side_by_side;
pub use fonts::Fonts;
use layout::{A4, Align, Cell, Cpt, FaceId, Flow, Grid, Mark, PageBox, Style, Typesetter};
use yusuan_core::disclosure::{Disclosure, Row, Section, Table};

/// A rendered PDF and what the reader should know about it.
#[derive(Debug)]
pub struct Rendered {
    /// The PDF's bytes.
    pub bytes: Vec<u8>,
    /// Warnings (in Chinese), e.g. characters no face could show.
    pub warnings: Vec<String>,
}

/// Sizes in 1/100 pt: 小四 body, 三号 part headings, 四号 section headings, 小五 tables.
const BODY: Cpt = 1_200;
const BODY_LINE: Cpt = 2_200;
const PART: Cpt = 1_600;
const SECTION: Cpt = 1_400;
const SUBSECTION: Cpt = 1_200;
const TABLE: Cpt = 900;
const NOTE: Cpt = 1_050;

fn is_wide(t: &Table) -> bool {
    t.columns.len() > 8
}

fn part_heading(f: &mut Flow<'_, '_>, text: &str) {
    f.space(BODY_LINE);
    f.need(PART * 2 + BODY_LINE * 3);
    f.entry(0, text);
    f.lines(
        Style::new(FaceId::Heading, PART, PART * 2),
        text,
        0,
        Align::Center,
        0,
    );
    f.space(BODY_LINE / 2);
}

fn section_heading(f: &mut Flow<'_, '_>, text: &str, level: usize, toc: bool) {
    let size = if level == 0 { SECTION } else { SUBSECTION };
    f.space(BODY_LINE / 4);
    f.need(size * 2 + BODY_LINE * 2);
    if toc {
        f.entry(1, text);
    }
    f.lines(
        Style::new(FaceId::Heading, size, size * 18 / 10),
        text,
        2 * BODY,
        Align::Left,
        BODY_LINE * 2,
    );
}

fn paragraph(f: &mut Flow<'_, '_>, text: &str) {
    for p in text.split('\n').filter(|p| !p.trim().is_empty()) {
        f.lines(
            Style::new(FaceId::Body, BODY, BODY_LINE),
            p.trim(),
            2 * BODY,
            Align::Justify,
            0,
        );
    }
}

fn cell(text: &str, align: Align, strong: bool, col: usize, colspan: usize) -> Cell {
    Cell {
        text: text.to_string(),
        align,
        strong,
        row: 0,
        col,
        rowspan: 1,
        colspan,
    }
}

/// What a grid column of a budget table holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ColKind {
    Code,
    Label,
    Value,
}

fn side_cells(r: Option<&Row>, l: &SideLayout, col: &mut usize, out: &mut Vec<Cell>) {
    let (strong, cells) = crate::tables::layout::side_cells(r, l);
    for (text, figure) in cells {
        let align = if figure { Align::Right } else { Align::Left };
        out.push(cell(&text, align, strong, *col, 1));
        *col += 1;
    }
}

/// Column widths for a budget table in `width`: figures and codes as wide as their widest
/// entry (never wrapped), labels the rest; when labels have room to spare, figures widen.
fn budget_widths(
    ts: &Typesetter<'_>,
    kinds: &[ColKind],
    body: &[Vec<Cell>],
    width: Cpt,
) -> Vec<Cpt> {
    let em = TABLE;
    let pad = 2 * 300 + 100;
    let mut natural = vec![0; kinds.len()];
    for row in body {
        for c in row {
            if kinds[c.col] != ColKind::Label {
                let face = if c.strong {
                    FaceId::Heading
                } else {
                    FaceId::Body
                };
                natural[c.col] = natural[c.col].max(ts.width(face, em, &c.text) + pad);
            }
        }
    }
    let value_w = kinds
        .iter()
        .zip(&natural)
        .filter(|(k, _)| **k == ColKind::Value)
        .map(|(_, w)| *w)
        .max()
        .unwrap_or(0)
        .max(4 * em + pad);
    let mut w: Vec<Cpt> = kinds
        .iter()
        .zip(&natural)
        .map(|(k, n)| match k {
            ColKind::Code => (*n).max(3 * em + pad),
            ColKind::Value => value_w,
            ColKind::Label => 0,
        })
        .collect();
    let labels = Cpt::try_from(kinds.iter().filter(|k| **k == ColKind::Label).count()).unwrap_or(1);
    let values = Cpt::try_from(kinds.iter().filter(|k| **k == ColKind::Value).count()).unwrap_or(0);
    let fixed: Cpt = w.iter().sum();
    let mut rest = width - fixed;
    // Labels beyond 16 em each give their surplus to the figures (up to 7 em each).
    let surplus = rest - labels * 16 * em;
    if surplus > 0 && values > 0 {
        let extra = (surplus / values).min((7 * em + pad - value_w).max(0));
        for (x, k) in w.iter_mut().zip(kinds) {
            if *k == ColKind::Value {
                *x += extra;
            }
        }
        rest -= extra * values;
    }
    let each = (rest / labels.max(1)).max(5 * em);
    for (x, k) in w.iter_mut().zip(kinds) {
        if *k == ColKind::Label {
            *x = each;
        }
    }
    // Too wide even so: scale every column down to fit.
    let total: Cpt = w.iter().sum();
    if total > width {
        for x in &mut w {
            *x = i32::try_from(i64::from(*x) * i64::from(width) / i64::from(total)).unwrap_or(*x);
        }
    }
    w
}

fn budget_grid(ts: &Typesetter<'_>, t: &Table, width: Cpt) -> Grid {
    let lay = layout(t);
    let header = lay
        .header
        .iter()
        .map(|p| Cell {
            text: p.text.clone(),
            align: Align::Center,
            strong: true,
            row: p.row,
            col: p.col,
            rowspan: p.rowspan,
            colspan: p.colspan,
        })
        .collect();
    let mut kinds = Vec::new();
    for l in &lay.sides {
        if l.has_code {
            kinds.push(ColKind::Code);
        }
        kinds.push(ColKind::Label);
        kinds.extend(l.cols.iter().map(|_| ColKind::Value));
    }
    let mut body = Vec::new();
    if lay.sides.len() == 2 {
        for (a, b) in side_by_side(t) {
            let (mut cells, mut col) = (Vec::new(), 0);
            side_cells(a, &lay.sides[0], &mut col, &mut cells);
            side_cells(b, &lay.sides[1], &mut col, &mut cells);
            body.push(cells);
        }
    } else {
        for r in &t.rows {
            let (mut cells, mut col) = (Vec::new(), 0);
            side_cells(Some(r), &lay.sides[0], &mut col, &mut cells);
            body.push(cells);
        }
    }
    Grid {
        widths: budget_widths(ts, &kinds, &body, width),
        header,
        header_rows: lay.header_rows,
        body,
        size: TABLE,
    }
}

fn table(f: &mut Flow<'_, '_>, t: &Table, first: bool) {
    let landscape = is_wide(t);
    if !first || f.is_landscape() != landscape {
        f.new_page(landscape);
    }
    let title = format!("表{} {}", t.number, t.title);
    f.lines(
        Style::new(FaceId::Body, NOTE, NOTE * 16 / 10),
        &format!("表{}", t.number),
        0,
        Align::Left,
        0,
    );
    f.entry(1, &title);
    f.lines(
        Style::new(FaceId::Heading, PART, PART * 2),
        &t.title,
        0,
        Align::Center,
        0,
    );
    f.split_line(
        FaceId::Body,
        NOTE,
        &format!("编制部门：{}", t.org),
        &format!("单位：{}", t.unit.label()),
    );
    let grid = budget_grid(f.ts, t, f.width());
    let notes: Vec<String> = t
        .empty_statement
        .iter()
        .cloned()
        .chain(t.notes.iter().map(|n| format!("注：{n}")))
        .collect();
    let note_h: Cpt = notes
        .iter()
        .map(|n| {
            let lines = f.ts.wrap(FaceId::Body, NOTE, n, f.width(), 0).len();
            Cpt::try_from(lines).unwrap_or(1) * NOTE * 16 / 10
        })
        .sum();
    f.table(&grid, note_h + NOTE / 2);
    f.space(NOTE / 2);
    for text in notes {
        f.lines(
            Style::new(FaceId::Body, NOTE, NOTE * 16 / 10),
            &text,
            0,
            Align::Justify,
            0,
        );
    }
}

/// Relative widths of the indicator columns (一级指标 … 佐证资料).
const INDICATOR_WEIGHTS: [Cpt; 9] = [4, 5, 8, 6, 8, 5, 3, 9, 6];

fn performance(f: &mut Flow<'_, '_>, d: &Disclosure) {
    for p in &d.performance {
        f.new_page(true);
        let (title, lines) = performance_header(p, d.year);
        f.entry(1, &title);
        f.lines(
            Style::new(FaceId::Heading, PART, PART * 2),
            &title,
            0,
            Align::Center,
            0,
        );
        let width = f.width();
        let units: Cpt = INDICATOR_WEIGHTS.iter().sum();
        let mut widths: Vec<Cpt> = INDICATOR_WEIGHTS
            .iter()
            .map(|w| w * width / units)
            .collect();
        let used: Cpt = widths.iter().sum();
        if let Some(last) = widths.last_mut() {
            *last += width - used;
        }
        let n = INDICATOR_HEAD.len();
        let info = Grid {
            widths: widths.clone(),
            header: Vec::new(),
            header_rows: 0,
            body: lines
                .iter()
                .map(|(label, value)| {
                    vec![
                        cell(label, Align::Center, true, 0, 2),
                        cell(value, Align::Left, false, 2, n - 2),
                    ]
                })
                .collect(),
            size: TABLE,
        };
        f.table(&info, 0);
        let indicators = Grid {
            widths,
            header: INDICATOR_HEAD
                .iter()
                .enumerate()
                .map(|(i, h)| cell(h, Align::Center, true, i, 1))
                .collect(),
            header_rows: 1,
            body: p
                .indicators
                .iter()
                .map(|i| {
                    indicator_cells(i)
                        .iter()
                        .enumerate()
                        .map(|(k, c)| cell(c, Align::Left, false, k, 1))
                        .collect()
                })
                .collect(),
            size: TABLE,
        };
        f.table(&indicators, 0);
    }
}

fn sections(f: &mut Flow<'_, '_>, s: &Section, level: usize) {
    if let Some(h) = crate::narrative::heading(s) {
        section_heading(f, &h, level, level == 0);
    }
    if let Some(p) = crate::narrative::paragraph(s) {
        paragraph(f, &p);
    }
    for sub in &s.subsections {
        sections(f, sub, level + 1);
    }
}

/// The four parts, from page 1 on.
fn body(ts: &Typesetter<'_>, d: &Disclosure) -> (Vec<PageBox>, Vec<layout::Entry>) {
    let [_, one, two, three, four] = titles(d);
    let mut f = Flow::new(ts);
    f.new_page(false);
    part_heading(&mut f, &one);
    section_heading(&mut f, "一、主要职能", 0, true);
    paragraph(&mut f, &d.profile.functions);
    section_heading(&mut f, "二、机构设置及人员情况", 0, true);
    paragraph(&mut f, &d.profile.organisation);
    paragraph(&mut f, &staff_sentence(&d.department, &d.profile.staff));

    f.new_page(false);
    part_heading(&mut f, &two);
    for (i, t) in d.tables.iter().enumerate() {
        table(&mut f, t, i == 0);
    }

    f.new_page(false);
    part_heading(&mut f, &three);
    for s in &d.narrative.sections {
        sections(&mut f, s, 0);
    }
    performance(&mut f, d);

    f.new_page(false);
    part_heading(&mut f, &four);
    for (number, term, text) in glossary_entries(d) {
        paragraph(&mut f, &glossary_line(&number, term, text));
    }
    (f.pages, f.entries)
}

/// The cover: the title, large, a third of the way down.
fn cover(ts: &Typesetter<'_>, d: &Disclosure, title: &str) -> PageBox {
    let mut page = PageBox {
        width: A4.0,
        height: A4.1,
        marks: Vec::new(),
    };
    let size = 2_600;
    let width = A4.0 - 2 * 5_669;
    let lines = ts.wrap(FaceId::Heading, size, title, width, 0);
    let mut y = A4.1 / 3;
    for l in &lines {
        page.marks
            .push(ts.line(FaceId::Heading, size, l, (5_669, y), width, Align::Center));
        y += size * 16 / 10;
    }
    let org = format!("{}　编", d.department);
    page.marks.push(ts.line(
        FaceId::Body,
        1_600,
        &org,
        (5_669, A4.1 * 2 / 3),
        width,
        Align::Center,
    ));
    page
}

/// The contents: each part and what is under it, with dot leaders to its page number.
fn contents(ts: &Typesetter<'_>, entries: &[layout::Entry]) -> Vec<PageBox> {
    let mut f = Flow::new(ts);
    f.new_page(false);
    f.lines(
        Style::new(FaceId::Heading, PART, PART * 3),
        "目　　录",
        0,
        Align::Center,
        0,
    );
    let line_h = BODY * 2;
    let width = f.width();
    for e in entries {
        f.need(line_h);
        let (face, indent) = if e.level == 0 {
            (FaceId::Heading, 0)
        } else {
            (FaceId::Body, 2 * BODY)
        };
        let number = (e.page + 1).to_string();
        let num_w = ts.width(FaceId::Body, BODY, &number);
        let room = width - indent - num_w - BODY;
        // A title too long for the line is cut with an ellipsis rather than wrapped.
        let mut title = e.title.clone();
        while ts.width(face, BODY, &title) > room && title.chars().count() > 2 {
            title.pop();
            title.pop();
            title.push('…');
        }
        let title_w = ts.width(face, BODY, &title);
        let dot_w = ts.width(FaceId::Body, BODY, "·").max(1);
        let gap = width - indent - title_w - num_w - BODY / 2;
        let dots = "·".repeat(usize::try_from(gap / dot_w).unwrap_or(0));
        f.row_of(
            &[
                (face, BODY, title, f.left() + indent, Align::Left, title_w),
                (
                    FaceId::Body,
                    BODY,
                    dots,
                    f.left() + indent + title_w,
                    Align::Right,
                    gap + BODY / 4,
                ),
                (FaceId::Body, BODY, number, f.left(), Align::Right, width),
            ],
            line_h,
        );
    }
    f.pages
}

/// Adds the page number (“- 3 -”) to each body page's footer.
fn footers(ts: &Typesetter<'_>, pages: &mut [PageBox]) {
    for (i, p) in pages.iter_mut().enumerate() {
        let text = format!("- {} -", i + 1);
        let y = p.height - 7_087 / 2;
        let m: Mark = ts.line(FaceId::Body, NOTE, &text, (0, y), p.width, Align::Center);
        p.marks.push(m);
    }
}

/// Renders `d` as PDF in `fonts`.
pub fn render(d: &Disclosure, fonts: &Fonts) -> Result<Rendered, String> {
    let ts = Typesetter::new(fonts);
    let [title, ..] = titles(d);
    let (mut pages, mut entries) = body(&ts, d);
    footers(&ts, &mut pages);
    let toc = contents(&ts, &entries);
    let front = 1 + toc.len();
    for e in &mut entries {
        e.page += front;
    }
    let mut all = vec![cover(&ts, d, &title)];
    all.extend(toc);
    all.extend(pages);
    let bytes = emit::pdf(fonts, &all, &entries, &emit::Numbering { front }, &title)?;
    let missing: String = ts.missing.borrow().iter().collect();
    let warnings = if missing.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "字体 {} 缺少以下字符的字形，PDF 中显示为空框（复制文字时仍为原字符）：{missing}；可用 --font 指定包含这些字的字体",
            fonts.body.family
        )]
    };
    Ok(Rendered { bytes, warnings })
}
