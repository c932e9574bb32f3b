//! The XLSX workbook read back with calamine, as a spreadsheet program would: one sheet per
//! table, every printed figure a number in its row and column, headers merged as printed.

mod common;
use common::reference;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use std::io::Cursor;
use yusuan_core::disclosure::Side;
use yusuan_formats::xlsx;

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("a valid workbook")
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        // A number read back as a spreadsheet shows it with the sheet's two decimals.
        Data::Float(v) => format!("{v:.2}"),
        Data::Int(v) => format!("{v}.00"),
        _ => String::new(),
    }
}

#[test]
fn every_printed_figure_reads_back_in_its_row_and_column() {
    let d = reference();
    let mut wb = open(xlsx::render(&d).expect("renders"));
    let names: Vec<String> = wb.sheet_names().to_vec();
    assert_eq!(
        names,
        (1..=11).map(|n| format!("表{n}")).collect::<Vec<_>>()
    );
    let mut checked = 0;
    for t in &d.tables {
        let range = wb
            .worksheet_range(&format!("表{}", t.number))
            .expect("sheet");
        let grid: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(text).collect()).collect();
        assert!(grid[0][0].contains(&t.title), "title of 表{}", t.number);
        assert!(grid[1][0].starts_with("编制部门：昌吉回族自治州中小企业发展服务中心"));
        // Each side's columns start after its code (if any) and label.
        for r in &t.rows {
            let side_cols: Vec<usize> = (0..t.columns.len())
                .filter(|&i| t.columns[i].side == r.side)
                .collect();
            let cells: Vec<(usize, String)> = side_cols
                .iter()
                .enumerate()
                .filter_map(|(k, &i)| r.cells[i].as_ref().map(|c| (k, c.printed.to_string())))
                .collect();
            let side_start = if r.side == Side::Expenditure {
                let income_code = t
                    .rows
                    .iter()
                    .any(|x| x.side == Side::Income && x.code.is_some());
                (0..t.columns.len())
                    .filter(|&i| t.columns[i].side == Side::Income)
                    .count()
                    + 1
                    + usize::from(income_code)
            } else {
                0
            };
            let has_code = t.rows.iter().any(|x| x.side == r.side && x.code.is_some());
            let label_col = side_start + usize::from(has_code);
            let found = grid.iter().any(|row| {
                row.get(label_col) == Some(&r.label)
                    && cells
                        .iter()
                        .all(|(k, printed)| row.get(label_col + 1 + k) == Some(printed))
            });
            assert!(
                found,
                "表{} row {:?}: {:?} not found in its columns",
                t.number, r.label, cells
            );
            checked += cells.len();
        }
    }
    assert!(checked > 150, "checked {checked} figures");
}

#[test]
fn headers_are_merged_and_empty_tables_say_so() {
    let d = reference();
    let mut wb = open(xlsx::render(&d).expect("renders"));
    let merged = wb.merge_cells_by_sheet_name("表11").expect("merged cells");
    // 表11: 财政拨款 spans its four columns in the header.
    let range = wb.worksheet_range("表11").expect("sheet");
    let at = |r: u32, c: u32| range.get_value((r, c)).map(text).unwrap_or_default();
    let fiscal = merged
        .iter()
        .find(|m| at(m.start.0, m.start.1) == "财政拨款")
        .expect("财政拨款 header merged");
    assert_eq!(fiscal.end.1 - fiscal.start.1 + 1, 4);
    let t8 = wb.worksheet_range("表8").expect("sheet");
    let all: Vec<String> = t8.rows().flat_map(|r| r.iter().map(text)).collect();
    assert!(
        all.iter()
            .any(|s| s.contains("政府性基金预算支出情况表为空表"))
    );
}

#[test]
fn same_document_same_bytes() {
    let d = reference();
    assert!(
        xlsx::render(&d).unwrap() == xlsx::render(&d).unwrap(),
        "bytes differ"
    );
}

#[test]
fn the_workbook_reads_back_to_the_same_tables() {
    let d = reference();
    let (back, diags) = yusuan_formats::xlsx_read::read(&xlsx::render(&d).expect("renders"));
    assert!(diags.is_empty(), "{diags:#?}");
    let (want, got) = (
        yusuan_formats::tables::csv::render(&d),
        yusuan_formats::tables::csv::render(&back),
    );
    let diff: Vec<(&str, &str)> = want
        .lines()
        .zip(got.lines())
        .filter(|(a, b)| a != b)
        .take(5)
        .collect();
    assert!(
        want == got,
        "{} vs {} lines; first differences: {diff:#?}",
        want.lines().count(),
        got.lines().count()
    );
    assert_eq!(back.department, "昌吉回族自治州中小企业发展服务中心");
    let t8 = back.tables.iter().find(|t| t.number == 8).unwrap();
    assert!(
        t8.empty_statement
            .as_deref()
            .is_some_and(|s| s.contains("为空表"))
    );
}

#[test]
fn a_broken_workbook_is_a_clear_error() {
    let (_, diags) = yusuan_formats::xlsx_read::read(b"PK\x03\x04 not really a zip");
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "I301");
    assert!(diags[0].message.starts_with("不是可读的 XLSX 文件"));
}
