//! The tables as an XLSX workbook, one sheet per table laid out like the official table: the
//! title, the 编制部门 and 单位 line, the multi-level column headers merged, codes and labels as
//! text, figures as numbers in `#,##0.00`, thin borders, the header frozen; printed on A4
//! landscape, fit to the page width, the header rows repeated on every page. An empty table
//! carries its statement under it, a table its notes.
//!
//! Deterministic: the workbook's creation date is fixed to 1 January of the budget year, so the
//! same document gives the same bytes.

use crate::tables::layout::{SideLayout, layout};
use crate::tables::{side_by_side, spaced_code};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use yusuan_core::disclosure::{Disclosure, Row, RowKind, Table};
use yusuan_core::money::Printed;

/// The sheet row (0-based) where the column headers start: row 0 is the title, row 1 the
/// 编制部门 / 单位 line. The reader finds the headers by the same constant.
pub(crate) const HEADER_TOP: u32 = 2;

/// An XLSX number is an IEEE double by the file format. The printed decimal (at most a few
/// decimals, far below 2⁵³) is converted from its text to the nearest double, which Excel,
/// LibreOffice and any reader print back as the same decimal; the round-trip test holds it.
#[rustfmt::skip]
pub(crate) fn number(p: &Printed) -> f64 { p.to_string().parse().unwrap_or(0.0) } // tidy:allow-float (XLSX boundary)

struct Formats {
    title: Format,
    meta_left: Format,
    meta_right: Format,
    head: Format,
    text: Format,
    text_bold: Format,
    code: Format,
    num: Format,
    num_bold: Format,
    note: Format,
}

fn formats() -> Formats {
    let base = Format::new().set_font_name("宋体").set_font_size(10);
    let cell = base
        .clone()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    Formats {
        title: Format::new()
            .set_font_name("黑体")
            .set_font_size(16)
            .set_bold()
            .set_align(FormatAlign::Center),
        meta_left: base.clone(),
        meta_right: base.clone().set_align(FormatAlign::Right),
        head: cell
            .clone()
            .set_font_name("黑体")
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_text_wrap(),
        text: cell.clone().set_text_wrap(),
        text_bold: cell.clone().set_text_wrap().set_bold(),
        code: cell.clone().set_num_format("@"),
        num: cell
            .clone()
            .set_num_format("#,##0.00")
            .set_align(FormatAlign::Right),
        num_bold: cell
            .set_num_format("#,##0.00")
            .set_align(FormatAlign::Right)
            .set_bold(),
        note: base.set_text_wrap(),
    }
}

/// Writes `text` over the range, merging only when it spans more than one cell.
fn put(
    ws: &mut Worksheet,
    (r0, c0, r1, c1): (u32, u16, u32, u16),
    text: &str,
    f: &Format,
) -> Result<(), XlsxError> {
    if r0 == r1 && c0 == c1 {
        ws.write_string_with_format(r0, c0, text, f)?;
    } else {
        ws.merge_range(r0, c0, r1, c1, text, f)?;
    }
    Ok(())
}

fn row_cells(
    ws: &mut Worksheet,
    row: u32,
    mut col: u16,
    r: Option<&Row>,
    l: &SideLayout,
    f: &Formats,
) -> Result<(), XlsxError> {
    let bold = r.is_some_and(|r| matches!(r.kind, RowKind::Total | RowKind::Subtotal));
    let (text, num) = if bold {
        (&f.text_bold, &f.num_bold)
    } else {
        (&f.text, &f.num)
    };
    if l.has_code {
        match r.and_then(|r| r.code.as_deref()) {
            Some(c) => ws.write_string_with_format(row, col, spaced_code(c), &f.code)?,
            None => ws.write_blank(row, col, &f.code)?,
        };
        col += 1;
    }
    match r {
        Some(r) => ws.write_string_with_format(row, col, &r.label, text)?,
        None => ws.write_blank(row, col, text)?,
    };
    col += 1;
    for &i in &l.cols {
        match r.and_then(|r| r.cells.get(i)).and_then(|c| c.as_ref()) {
            Some(c) => ws.write_number_with_format(row, col, number(&c.printed), num)?,
            None => ws.write_blank(row, col, num)?,
        };
        col += 1;
    }
    Ok(())
}

fn sheet(wb: &mut Workbook, t: &Table, f: &Formats, name: &str) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let lay = layout(t);
    let sides = &lay.sides;
    let last = (lay.width.max(1) - 1) as u16;
    // Title and the 编制部门 / 单位 line.
    put(
        ws,
        (0, 0, 0, last),
        &format!("{}（表{}）", t.title, t.number),
        &f.title,
    )?;
    ws.set_row_height(0, 28)?;
    let half = (lay.width / 2).max(1) as u16;
    if half <= last {
        put(
            ws,
            (1, 0, 1, half - 1),
            &format!("编制部门：{}", t.org),
            &f.meta_left,
        )?;
        put(
            ws,
            (1, half, 1, last),
            &format!("单位：{}", t.unit.label()),
            &f.meta_right,
        )?;
    } else {
        // A sheet one column wide: both on one line.
        let meta = format!("编制部门：{}　单位：{}", t.org, t.unit.label());
        put(ws, (1, 0, 1, last), &meta, &f.meta_left)?;
    }
    // Headers, then column widths: codes, labels, figures.
    for p in &lay.header {
        let (r0, c0) = (HEADER_TOP + p.row as u32, p.col as u16);
        put(
            ws,
            (r0, c0, r0 + p.rowspan as u32 - 1, c0 + p.colspan as u16 - 1),
            &p.text,
            &f.head,
        )?;
    }
    let mut col = 0u16;
    for l in sides {
        if l.has_code {
            ws.set_column_width(col, 13)?;
            col += 1;
        }
        ws.set_column_width(col, 30)?;
        col += 1;
        for _ in &l.cols {
            ws.set_column_width(col, 13)?;
            col += 1;
        }
    }
    let mut row = HEADER_TOP + lay.header_rows as u32;
    let header_end = row - 1;
    // Rows: two-sided tables side by side with the totals together on the last line.
    if sides.len() == 2 {
        for (a, b) in side_by_side(t) {
            row_cells(ws, row, 0, a, &sides[0], f)?;
            row_cells(ws, row, sides[0].width() as u16, b, &sides[1], f)?;
            row += 1;
        }
    } else {
        for r in &t.rows {
            row_cells(ws, row, 0, Some(r), &sides[0], f)?;
            row += 1;
        }
    }
    for text in t
        .empty_statement
        .iter()
        .cloned()
        .chain(t.notes.iter().map(|n| format!("注：{n}")))
    {
        row += 1;
        put(ws, (row, 0, row, last), &text, &f.note)?;
        ws.set_row_height(row, 30)?;
    }
    ws.set_freeze_panes(header_end + 1, 0)?;
    ws.set_paper_size(9); // A4
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, header_end)?;
    ws.set_print_center_horizontally(true);
    Ok(())
}

/// The workbook's bytes, or why it could not be made (in Chinese).
pub fn render(d: &Disclosure) -> Result<Vec<u8>, String> {
    let why = |e: XlsxError| format!("生成 XLSX 失败：{e}");
    let mut wb = Workbook::new();
    let year = u16::try_from(d.year).unwrap_or(2000).clamp(1900, 9999);
    let created = ExcelDateTime::from_ymd(year, 1, 1).map_err(why)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "{}{}年{}预算公开表",
                d.department,
                d.year,
                d.kind.word()
            ))
            .set_author("yusuan")
            .set_creation_datetime(&created),
    );
    let f = formats();
    // Sheet names must differ: a document read by meaning may hold two tables of one kind.
    let mut used: Vec<String> = Vec::new();
    for t in &d.tables {
        let base = format!("表{}", t.number);
        let name = (1..)
            .map(|i| {
                if i == 1 {
                    base.clone()
                } else {
                    format!("{base}（{i}）")
                }
            })
            .find(|n| !used.contains(n))
            .unwrap_or(base);
        sheet(&mut wb, t, &f, &name).map_err(why)?;
        used.push(name);
    }
    if d.tables.is_empty() {
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "没有公开表").map_err(why)?;
    }
    wb.save_to_buffer().map_err(why)
}
