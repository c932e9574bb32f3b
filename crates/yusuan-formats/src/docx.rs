//! The whole document as DOCX, for offices that edit before they publish: real heading styles
//! (标题 1–3, so Word and WPS build the navigation pane and a table of contents from them), body
//! paragraphs in a 宋体-like face with the first line indented two characters, and every table a
//! real table — merged multi-level headers, figures right aligned — never an image.
//!
//! Deterministic: docx-rs writes fixed document dates, and paragraph ids are numbered afresh for
//! each document (see [`render`]), so the same document gives the same bytes.

use crate::document::{
    INDICATOR_HEAD, glossary_entries, glossary_line, indicator_cells, performance_header,
    staff_sentence, titles,
};
use crate::tables::layout::{SideLayout, layout};
use crate::tables::side_by_side;
use docx_rs::{
    AlignmentType, Docx, PageMargin, PageOrientationType, PageSize, Paragraph, Run, RunFonts,
    SectionProperty, SpecialIndentType, Style, StyleType, Table as DocTable, TableCell, TableRow,
    VAlignType, VMergeType, WidthType,
};
use yusuan_core::disclosure::{Disclosure, Row, Section, Table};

const BODY_FONT: &str = "宋体";
const HEADING_FONT: &str = "黑体";
/// A4 in twentieths of a point, and the text width inside 2.5 cm / 2 cm margins.
const A4: (u32, u32) = (11_906, 16_838);
const TEXT_WIDTH: usize = 11_906 - 2 * 1_134;
/// The text width of a landscape page, for tables wider than eight columns.
const WIDE_TEXT_WIDTH: usize = 16_838 - 2 * 1_134;

fn is_wide(t: &Table) -> bool {
    t.columns.len() > 8
}

fn margins() -> PageMargin {
    PageMargin::new()
        .top(1_418)
        .bottom(1_418)
        .left(1_134)
        .right(1_134)
}

/// An empty paragraph ending a section of the given orientation (Word's section break).
fn section_end(landscape: bool) -> Paragraph {
    let (w, h, o) = if landscape {
        (A4.1, A4.0, PageOrientationType::Landscape)
    } else {
        (A4.0, A4.1, PageOrientationType::Portrait)
    };
    Paragraph::new().section_property(
        SectionProperty::new()
            .page_size(PageSize::new().size(w, h).orient(o))
            .page_margin(margins()),
    )
}

fn fonts(face: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(face)
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
}

fn heading_style(id: &str, name: &str, half_points: usize, level: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .size(half_points)
        .bold()
        .fonts(fonts(HEADING_FONT))
        .outline_lvl(level)
}

/// Text as XML 1.0 allows it: a control character (other than tab and line breaks), which
/// would make the file unreadable to Word, shows as U+FFFD so the reader sees something was there.
fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
            _ => c,
        })
        .collect()
}

fn text_run(text: &str) -> Run {
    Run::new().add_text(xml_safe(text))
}

fn heading(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(text_run(text))
        .keep_next(true)
}

/// A body paragraph, first line indented two characters (2 × 10.5 pt = 420 twips).
fn body(text: &str) -> Paragraph {
    Paragraph::new().add_run(text_run(text)).indent(
        None,
        Some(SpecialIndentType::FirstLine(420)),
        None,
        None,
    )
}

fn cell(text: &str, align: AlignmentType, bold: bool) -> TableCell {
    let mut run = text_run(text).size(18);
    if bold {
        run = run.bold();
    }
    TableCell::new()
        .add_paragraph(Paragraph::new().align(align).add_run(run))
        .vertical_align(VAlignType::Center)
}

/// The header rows: each grid position holds the cell that starts there, a continuation of a
/// cell merged from above, or nothing (covered from the left).
fn header_rows(t: &Table) -> Vec<TableRow> {
    let lay = layout(t);
    let mut rows = Vec::new();
    for r in 0..lay.header_rows {
        let mut cells = Vec::new();
        let mut c = 0;
        while c < lay.width {
            let Some(p) = lay
                .header
                .iter()
                .find(|p| p.col == c && p.row <= r && r < p.row + p.rowspan)
            else {
                c += 1;
                continue;
            };
            let mut x = if p.row == r {
                cell(&p.text, AlignmentType::Center, true)
            } else {
                TableCell::new()
            };
            if p.rowspan > 1 {
                x = x.vertical_merge(if p.row == r {
                    VMergeType::Restart
                } else {
                    VMergeType::Continue
                });
            }
            if p.colspan > 1 {
                x = x.grid_span(p.colspan);
            }
            cells.push(x);
            c += p.colspan;
        }
        rows.push(TableRow::new(cells).cant_split());
    }
    rows
}

fn side_cells(r: Option<&Row>, l: &SideLayout, out: &mut Vec<TableCell>) {
    let (bold, cells) = crate::tables::layout::side_cells(r, l);
    for (text, figure) in cells {
        let align = if figure {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        };
        out.push(cell(&text, align, bold));
    }
}

/// Marks the header rows (the only rows that cannot split) as Word's repeated header rows, so a
/// table running over pages shows its header on each; docx-rs has no builder for `w:tblHeader`.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    const FROM: &[u8] = b"<w:cantSplit />";
    const TO: &[u8] = b"<w:cantSplit /><w:tblHeader />";
    let mut out = Vec::with_capacity(document.len() + 1024);
    let mut i = 0;
    while i < document.len() {
        if document[i..].starts_with(FROM) {
            out.extend_from_slice(TO);
            i += FROM.len();
        } else {
            out.push(document[i]);
            i += 1;
        }
    }
    out
}

/// Column widths: codes narrow, labels wide, figures the rest, scaled to the text width.
fn grid(t: &Table) -> Vec<usize> {
    let lay = layout(t);
    let mut w = Vec::new();
    for l in &lay.sides {
        if l.has_code {
            w.push(3);
        }
        w.push(7);
        w.extend(l.cols.iter().map(|_| 3));
    }
    let units: usize = w.iter().sum::<usize>().max(1);
    let width = if is_wide(t) {
        WIDE_TEXT_WIDTH
    } else {
        TEXT_WIDTH
    };
    w.iter().map(|u| u * width / units).collect()
}

fn table(t: &Table) -> DocTable {
    let lay = layout(t);
    let mut rows = header_rows(t);
    if lay.sides.len() == 2 {
        for (a, b) in side_by_side(t) {
            let mut cells = Vec::new();
            side_cells(a, &lay.sides[0], &mut cells);
            side_cells(b, &lay.sides[1], &mut cells);
            rows.push(TableRow::new(cells));
        }
    } else {
        for r in &t.rows {
            let mut cells = Vec::new();
            side_cells(Some(r), &lay.sides[0], &mut cells);
            rows.push(TableRow::new(cells));
        }
    }
    let width = if is_wide(t) {
        WIDE_TEXT_WIDTH
    } else {
        TEXT_WIDTH
    };
    DocTable::new(rows)
        .set_grid(grid(t))
        .width(width, WidthType::Dxa)
}

fn performance(d: &Disclosure, mut docx: Docx) -> Docx {
    for p in &d.performance {
        let (title, lines) = performance_header(p, d.year);
        docx = docx.add_paragraph(heading("Heading3", &title));
        let mut rows = Vec::new();
        for (label, value) in lines {
            rows.push(TableRow::new(vec![
                cell(&label, AlignmentType::Left, true),
                cell(&value, AlignmentType::Left, false).grid_span(INDICATOR_HEAD.len() - 1),
            ]));
        }
        rows.push(TableRow::new(
            INDICATOR_HEAD
                .iter()
                .map(|h| cell(h, AlignmentType::Center, true))
                .collect(),
        ));
        for i in &p.indicators {
            rows.push(TableRow::new(
                indicator_cells(i)
                    .iter()
                    .map(|c| cell(c, AlignmentType::Left, false))
                    .collect(),
            ));
        }
        let w = TEXT_WIDTH / INDICATOR_HEAD.len();
        docx = docx.add_table(
            DocTable::new(rows)
                .set_grid(vec![w; INDICATOR_HEAD.len()])
                .width(TEXT_WIDTH, WidthType::Dxa),
        );
    }
    docx
}

fn sections(s: &Section, level: usize, mut docx: Docx) -> Docx {
    let style = if level == 0 { "Heading2" } else { "Heading3" };
    if let Some(h) = crate::narrative::heading(s) {
        docx = docx.add_paragraph(heading(style, &h));
    }
    if let Some(p) = crate::narrative::paragraph(s) {
        docx = docx.add_paragraph(body(&p));
    }
    for sub in &s.subsections {
        docx = sections(sub, level + 1, docx);
    }
    docx
}

/// The document's bytes, or why they could not be made (in Chinese).
///
/// docx-rs numbers paragraphs from a thread-local counter; building on a fresh thread starts
/// it at 1 every time, so the same document gives the same bytes however many came before.
pub fn render(d: &Disclosure) -> Result<Vec<u8>, String> {
    std::thread::scope(|s| s.spawn(|| build(d)).join())
        .unwrap_or_else(|_| Err("生成 DOCX 失败：内部错误".to_string()))
}

fn build(d: &Disclosure) -> Result<Vec<u8>, String> {
    let [title, one, two, three, four] = titles(d);
    let mut docx = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(margins())
        .default_fonts(fonts(BODY_FONT))
        .default_size(21)
        .add_style(heading_style("Title", "Title", 40, 0).align(AlignmentType::Center))
        .add_style(heading_style("Heading1", "heading 1", 32, 0))
        .add_style(heading_style("Heading2", "heading 2", 28, 1))
        .add_style(heading_style("Heading3", "heading 3", 24, 2));
    docx = docx
        .add_paragraph(Paragraph::new().style("Title").add_run(text_run(&title)))
        .add_paragraph(heading("Heading1", &one))
        .add_paragraph(heading("Heading2", "一、主要职能"))
        .add_paragraph(body(&d.profile.functions))
        .add_paragraph(heading("Heading2", "二、机构设置及人员情况"))
        .add_paragraph(body(&d.profile.organisation))
        .add_paragraph(body(&staff_sentence(&d.department, &d.profile.staff)))
        .add_paragraph(heading("Heading1", &two).page_break_before(true));
    for t in &d.tables {
        // A wide table gets a landscape section of its own.
        if is_wide(t) {
            docx = docx.add_paragraph(section_end(false));
        }
        docx = docx
            .add_paragraph(heading("Heading2", &format!("表{} {}", t.number, t.title)))
            .add_paragraph(
                Paragraph::new().add_run(
                    text_run(&format!(
                        "编制部门：{}　　　　单位：{}",
                        t.org,
                        t.unit.label()
                    ))
                    .size(18),
                ),
            )
            .add_table(table(t));
        for text in t
            .empty_statement
            .iter()
            .cloned()
            .chain(t.notes.iter().map(|n| format!("注：{n}")))
        {
            docx = docx.add_paragraph(body(&text));
        }
        if is_wide(t) {
            docx = docx.add_paragraph(section_end(true));
        }
    }
    docx = docx.add_paragraph(heading("Heading1", &three).page_break_before(true));
    for s in &d.narrative.sections {
        docx = sections(s, 0, docx);
    }
    docx = performance(d, docx);
    docx = docx.add_paragraph(heading("Heading1", &four).page_break_before(true));
    for (number, term, text) in glossary_entries(d) {
        docx = docx.add_paragraph(body(&glossary_line(&number, term, text)));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    let mut xml = docx.build();
    xml.document = repeat_header_rows(&xml.document);
    xml.pack(&mut out)
        .map_err(|e| format!("生成 DOCX 失败：{e}"))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_become_replacement_characters() {
        assert_eq!(
            super::xml_safe("a\u{1}b\u{b}c\td\u{ffff}"),
            "a\u{fffd}b\u{fffd}c\td\u{fffd}"
        );
    }
}
