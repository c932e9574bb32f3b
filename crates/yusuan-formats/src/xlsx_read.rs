//! An XLSX workbook of the tables, laid out as [`crate::xlsx`] writes them (the official layout:
//! title, 编制部门/单位 line, the template's header rows, then one line per row, two-sided
//! tables side by side) → the Disclosure's tables, each cell knowing its sheet and A1 reference.
//!
//! A sheet is recognised by the table title in its first cell; columns are taken by position
//! from the template, the 科目编码 column where its header says so. A figure is read as the
//! sheet shows it: to two decimals.

use crate::tables::csv::row_kind;
use crate::tables::layout::layout;
use calamine::{Data, Range, Reader, Xlsx};
use std::io::Cursor;
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{Cell, Disclosure, Row, RowKind, Side};
use yusuan_core::money::{MoneyUnit, Printed, Unit, parse_printed};
use yusuan_core::source::SourceRef;
use yusuan_core::template::{TableSpec, XINJIANG_BUDGET_11};

/// XLSX reader diagnostic codes. Stable; never reused.
pub mod codes {
    /// 不是可读的 XLSX 文件
    pub const UNREADABLE: &str = "I301";
    /// 工作表不是模板中的公开表
    pub const UNKNOWN_SHEET: &str = "I302";
    /// 单元格应为数字
    pub const NOT_A_NUMBER: &str = "I303";
}

/// `A1`-style reference of a 0-based (row, column).
pub(crate) fn a1(row: u32, col: u32) -> String {
    let mut name = String::new();
    let mut c = col + 1;
    while c > 0 {
        let r = (c - 1) % 26;
        name.insert(0, char::from(b'A' + r as u8));
        c = (c - 1) / 26;
    }
    format!("{name}{}", row + 1)
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A cell as text: a code or label typed as a number (2011350) reads as its digits.
fn text(d: Option<&Data>) -> String {
    match d {
        Some(Data::String(s)) => s.trim().to_string(),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Float(_)) => d
            .and_then(exact)
            .filter(|p| p.decimals == 0)
            .map(|p| p.to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// A number cell's exact decimal: its shortest representation, which is what was typed.
#[rustfmt::skip]
fn exact(d: &Data) -> Option<Printed> { match d { Data::Float(v) => parse_printed(&v.to_string(), Unit::Number), Data::Int(i) => parse_printed(&i.to_string(), Unit::Number), _ => None } } // tidy:allow-float (XLSX boundary)

/// A figure as the sheet shows it (`#,##0.00`): the cell's exact decimal rounded half away
/// from zero to two decimals, in integers (an XLSX number is a double by the file format; the
/// double is only ever turned into its shortest decimal text, in [`exact`]).
fn shown(d: &Data) -> Option<String> {
    let p = exact(d)?;
    let (units, decimals) = (i128::from(p.units), u32::from(p.decimals));
    let cents = if decimals <= 2 {
        units * 10i128.pow(2 - decimals)
    } else {
        let div = 10i128.pow(decimals - 2);
        let q = (units.abs() + div / 2) / div;
        if units < 0 { -q } else { q }
    };
    let sign = if cents < 0 { "-" } else { "" };
    Some(format!(
        "{sign}{}.{:02}",
        cents.abs() / 100,
        cents.abs() % 100
    ))
}

/// Reads a workbook's bytes. A workbook that makes the XLSX library itself fail (calamine has
/// been seen to overflow on a mangled cell reference) is refused like any unreadable one.
pub fn read(bytes: &[u8]) -> (Disclosure, Vec<Diagnostic>) {
    match std::panic::catch_unwind(|| read_workbook(bytes)) {
        Ok(r) => r,
        Err(_) => {
            let d = Diagnostic::new(
                codes::UNREADABLE,
                Severity::Error,
                "不是可读的 XLSX 文件：工作簿内容已损坏，无法解析".to_string(),
                Label::at(SourceRef::None, ""),
            )
            .with_help("请用 Excel 或 WPS 打开后另存为 .xlsx 再试");
            (Disclosure::empty(), vec![d])
        }
    }
}

fn read_workbook(bytes: &[u8]) -> (Disclosure, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut tables = Vec::new();
    let at0 = SourceRef::None;
    let mut wb: Xlsx<_> = match calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())) {
        Ok(wb) => wb,
        Err(e) => {
            diags.push(
                Diagnostic::new(
                    codes::UNREADABLE,
                    Severity::Error,
                    match e {
                        calamine::XlsxError::Zip(_) | calamine::XlsxError::Io(_) => {
                            format!("不是可读的 XLSX 文件：不是完整的 zip 压缩包（{e}）")
                        }
                        _ => format!("不是可读的 XLSX 文件：工作簿内容无法解析（{e}）"),
                    },
                    Label::at(at0, ""),
                )
                .with_help("请用 Excel 或 WPS 另存为 .xlsx 后再试"),
            );
            return (Disclosure::empty(), diags);
        }
    };
    for name in wb.sheet_names().to_vec() {
        let Ok(range) = wb.worksheet_range(&name) else {
            continue;
        };
        let title = squash(&text(range.get_value((0, 0))));
        let spec = XINJIANG_BUDGET_11
            .iter()
            .filter(|s| title.contains(&squash(s.title)))
            .max_by_key(|s| s.title.chars().count());
        let Some(spec) = spec else {
            if !title.is_empty() {
                diags.push(Diagnostic::new(
                    codes::UNKNOWN_SHEET,
                    Severity::Warning,
                    format!("工作表“{name}”的标题“{title}”不是本模板的公开表，未读入"),
                    Label::at(
                        SourceRef::Cell {
                            sheet: name.clone(),
                            cell: "A1".into(),
                        },
                        "",
                    ),
                ));
            }
            continue;
        };
        if tables
            .iter()
            .any(|t: &yusuan_core::disclosure::Table| t.number == spec.number)
        {
            continue;
        }
        tables.push(sheet(&name, &range, spec, &mut diags));
    }
    for spec in &XINJIANG_BUDGET_11 {
        if !tables.iter().any(|t| t.number == spec.number) {
            tables.push(spec.empty_table("", MoneyUnit::Wan, SourceRef::None));
        }
    }
    tables.sort_by_key(|t| t.number);
    let department = tables
        .iter()
        .map(|t| t.org.clone())
        .find(|o| !o.is_empty())
        .unwrap_or_default();
    (
        Disclosure {
            department,
            tables,
            ..Disclosure::empty()
        },
        diags,
    )
}

fn sheet(
    name: &str,
    range: &Range<Data>,
    spec: &'static TableSpec,
    diags: &mut Vec<Diagnostic>,
) -> yusuan_core::disclosure::Table {
    let get = |r: u32, c: u32| range.get_value((r, c));
    let meta: String = (0..range.width() as u32).map(|c| text(get(1, c))).collect();
    let meta = squash(&meta);
    let org = meta
        .strip_prefix("编制部门：")
        .map(|r| r.split("单位：").next().unwrap_or(r).to_string())
        .unwrap_or_default();
    let unit = meta
        .split("单位：")
        .nth(1)
        .and_then(MoneyUnit::from_label)
        .unwrap_or(MoneyUnit::Wan);
    let mut t = spec.empty_table(
        &org,
        unit,
        SourceRef::Cell {
            sheet: name.to_string(),
            cell: "A1".into(),
        },
    );
    let lay = layout(&t);
    let stub_row = crate::xlsx::HEADER_TOP + u32::from(lay.sides.len() == 2);
    // Each side's columns: 科目编码 when the header says so, the label, the values.
    let mut sides = Vec::new();
    let mut col = 0u32;
    for l in &lay.sides {
        let has_code = squash(&text(get(stub_row, col))) == "科目编码";
        let code = has_code.then_some(col);
        let label = col + u32::from(has_code);
        sides.push((l.side, code, label, l.cols.clone()));
        col = label + 1 + l.cols.len() as u32;
    }
    let mut units7 = Vec::new();
    let mut has_unit = false;
    let first = crate::xlsx::HEADER_TOP + lay.header_rows as u32;
    let height = range.height() as u32;
    for r in first..height {
        let lead = squash(&text(get(r, 0)));
        let whole_line = (1..range.width() as u32).all(|c| {
            text(get(r, c)).is_empty() && !matches!(get(r, c), Some(Data::Float(_) | Data::Int(_)))
        });
        if whole_line && !lead.is_empty() && (lead.contains("为空表") || lead.contains("没有"))
        {
            t.empty_statement = Some(lead);
            continue;
        }
        if whole_line && lead.starts_with("注：") {
            t.notes.push(lead.trim_start_matches("注：").to_string());
            continue;
        }
        for (side, code_col, label_col, cols) in &sides {
            let code = code_col
                .map(|c| squash(&text(get(r, c))))
                .unwrap_or_default();
            let label = text(get(r, *label_col));
            if code.is_empty() && label.is_empty() {
                continue;
            }
            let kind = row_kind(spec.number, &code, &label, has_unit, &units7);
            if kind == RowKind::Unit {
                has_unit = true;
                if spec.number == 7 {
                    units7.push(label.clone());
                }
            }
            let mut cells = vec![None; t.columns.len()];
            for (k, &ci) in cols.iter().enumerate() {
                let c = *label_col + 1 + k as u32;
                let at = SourceRef::Cell {
                    sheet: name.to_string(),
                    cell: a1(r, c),
                };
                match get(r, c) {
                    Some(v @ (Data::Float(_) | Data::Int(_))) => {
                        if let Some(p) = shown(v).and_then(|s| parse_printed(&s, Unit::Money(unit)))
                        {
                            cells[ci] = Some(Cell {
                                printed: p,
                                exact: None,
                                source: at,
                            });
                        }
                    }
                    Some(Data::String(s)) if !s.trim().is_empty() => {
                        match parse_printed(&s.replace(',', ""), Unit::Money(unit)) {
                            Some(p) => {
                                cells[ci] = Some(Cell {
                                    printed: p,
                                    exact: None,
                                    source: at,
                                })
                            }
                            None => diags.push(Diagnostic::new(
                                codes::NOT_A_NUMBER,
                                Severity::Error,
                                format!(
                                    "表{}「{label}」行「{}」列应为金额，却是“{}”",
                                    spec.number,
                                    t.columns[ci].key,
                                    s.trim()
                                ),
                                Label::at(at, s.trim()),
                            )),
                        }
                    }
                    _ => {}
                }
            }
            t.rows.push(Row {
                side: *side,
                code: (!code.is_empty()).then_some(code),
                label,
                kind,
                cells,
                source: SourceRef::Cell {
                    sheet: name.to_string(),
                    cell: a1(r, *label_col),
                },
            });
        }
    }
    // The template's order for a two-sided table: income rows, expenditure rows, then the two
    // totals (printed side by side on the last line).
    if lay.sides.len() == 2 {
        t.rows
            .sort_by_key(|r| (r.kind == RowKind::Total, r.side != Side::Income));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_the_sheet_shows_them() {
        // Excel shows 184.775 as 184.78 (half away from zero), not the binary value's 184.77.
        assert_eq!(shown(&Data::Float(184.775)).as_deref(), Some("184.78"));
        assert_eq!(shown(&Data::Float(0.125)).as_deref(), Some("0.13"));
        assert_eq!(shown(&Data::Float(-3.005)).as_deref(), Some("-3.01"));
        assert_eq!(shown(&Data::Float(475.74)).as_deref(), Some("475.74"));
        assert_eq!(shown(&Data::Int(5)).as_deref(), Some("5.00"));
        // A code typed as a number reads as its digits.
        assert_eq!(text(Some(&Data::Float(2011350.0))), "2011350");
    }
}
