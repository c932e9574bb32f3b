//! The long-form CSV export: `table,row_code,row_label,column,value,side,kind`.
//!
//! One line per printed (non-blank) cell, in document order: table number (1–11), the row's
//! classification code in compact form (`2011350`; empty for rows without a code), the row label
//! as printed, the column key (header path joined by `/` where needed), the value exactly
//! as printed (`184.78`), the side of a two-sided table (`收入` / `支出`, empty otherwise) and
//! the table's kind when a reader by meaning recognised it (`收支总表`…, empty for a
//! template's own tables). Blank cells are not listed. RFC 4180 quoting. The layout only
//! grows: the reader also takes the first five fields alone (the form before `side,kind`).

use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::{Cell, Disclosure, Row, RowKind, Side, Table};
use yusuan_core::money::{MoneyUnit, Unit, parse_printed};
use yusuan_core::source::SourceRef;
use yusuan_core::template;

/// The header line.
pub const HEADER: &str = "table,row_code,row_label,column,value,side,kind";

/// The header line of the form before `side,kind` (still read).
pub const HEADER_V1: &str = "table,row_code,row_label,column,value";

/// The `side` field of a row.
fn side_field(s: Side) -> &'static str {
    match s {
        Side::Single => "",
        Side::Income => "收入",
        Side::Expenditure => "支出",
    }
}

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Renders every printed cell of every table.
pub fn render(d: &Disclosure) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for t in &d.tables {
        for r in &t.rows {
            for (col, cell) in t.columns.iter().zip(&r.cells) {
                let Some(cell) = cell else { continue };
                out.push_str(&format!(
                    "{},{},{},{},{},{},{}\n",
                    t.number,
                    field(r.code.as_deref().unwrap_or("")),
                    field(&r.label),
                    field(&col.key),
                    cell.printed,
                    side_field(r.side),
                    field(t.kind.as_deref().unwrap_or(""))
                ));
            }
        }
    }
    out
}

/// Import diagnostic codes for the CSV reader. Stable; never reused.
pub mod codes {
    /// CSV 表头不对
    pub const HEADER: &str = "I001";
    /// 字段数不对或引号不成对
    pub const FIELDS: &str = "I002";
    /// 表号不是模板中的表
    pub const TABLE: &str = "I003";
    /// 该表没有这一列
    pub const COLUMN: &str = "I004";
    /// 数值格式错误
    pub const VALUE: &str = "I005";
    /// 同一单元格出现两次
    pub const DUPLICATE: &str = "I006";
}

/// Splits CSV text into records (RFC 4180: quoted fields may hold commas, quotes and line
/// breaks), each with the 1-based line it starts on. An unterminated quote is reported.
fn records(text: &str) -> (Vec<(usize, Vec<String>)>, Option<usize>) {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut line = 1;
    let mut start_line = 1;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => in_quotes = true,
            ',' => fields.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                out.push((start_line, std::mem::take(&mut fields)));
                line += 1;
                start_line = line;
                any = false;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return (out, Some(start_line));
    }
    if any {
        fields.push(field);
        out.push((start_line, fields));
    }
    (out, None)
}

/// Reads the long-form CSV export back into a Disclosure of the reference template: the
/// tables with their printed cells, each cell knowing its line. Import never fails: problems
/// are returned as diagnostics beside whatever could be read. The department and year are not
/// in the CSV (the department is taken from a unit row of table 7 or 11 when there is one).
pub fn read(text: &str) -> (Disclosure, Vec<Diagnostic>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut diags = Vec::new();
    let (recs, unterminated) = records(text);
    if let Some(line) = unterminated {
        diags.push(Diagnostic::error(
            codes::FIELDS,
            format!("第 {line} 行起的引号没有结束"),
            SourceRef::Line { page: None, line },
        ));
    }
    let mut tables: Vec<Table> = Vec::new();
    // A cell is identified by its table, unit block (tables 7 and 11), row and column.
    let mut seen: std::collections::HashMap<(u8, usize, String, String, String, Side), usize> =
        Default::default();
    let mut iter = recs
        .into_iter()
        .filter(|(_, f)| !(f.len() == 1 && f[0].trim().is_empty()));
    let mut width = 7;
    match iter.next() {
        Some((_, f)) if f.join(",") == HEADER => {}
        Some((_, f)) if f.join(",") == HEADER_V1 => width = 5,
        Some((line, f)) => diags.push(
            Diagnostic::error(
                codes::HEADER,
                format!("CSV 表头应为“{HEADER}”，这里是“{}”", f.join(",")),
                SourceRef::Line { page: None, line },
            )
            .with_help("这是 yusuan tables --format csv 导出的长表格式，见 docs/csv-export.md"),
        ),
        None => diags.push(Diagnostic::error(
            codes::HEADER,
            "文件是空的：没有 CSV 表头",
            SourceRef::Line {
                page: None,
                line: 1,
            },
        )),
    }
    // Per table: the rows by (unit block, side, code, label), the unit rows, the last unit
    // row — so reading stays linear in the number of lines.
    let mut state: std::collections::HashMap<u8, TableState> = Default::default();
    let mut units7: Vec<String> = Vec::new();
    for (line, f) in iter {
        let at = SourceRef::Line { page: None, line };
        if f.len() != width {
            diags.push(Diagnostic::error(
                codes::FIELDS,
                format!("第 {line} 行应有 {width} 个字段，这里有 {} 个", f.len()),
                at,
            ));
            continue;
        }
        let (table_s, code, label, column, value) =
            (&f[0], f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim());
        let Some(spec) = table_s.trim().parse::<u8>().ok().and_then(template::spec) else {
            diags.push(Diagnostic::error(
                codes::TABLE,
                format!("第 {line} 行的表号“{table_s}”不是 1–11 之一"),
                at,
            ));
            continue;
        };
        let side = match (spec.number, f.get(5).map(|s| s.trim())) {
            (1 | 4, Some("收入")) => Side::Income,
            (1 | 4, Some("支出")) => Side::Expenditure,
            (1 | 4, _) if !code.is_empty() || label == "支出总计" => Side::Expenditure,
            (1 | 4, _) => Side::Income,
            _ => Side::Single,
        };
        let Some(ci) = spec
            .columns
            .iter()
            .position(|(k, s)| *k == column && *s == side)
        else {
            let cols: Vec<&str> = spec
                .columns
                .iter()
                .filter(|(_, s)| *s == side)
                .map(|(k, _)| *k)
                .collect();
            diags.push(
                Diagnostic::error(
                    codes::COLUMN,
                    format!("第 {line} 行：表{}没有“{column}”列", spec.number),
                    at,
                )
                .with_help(format!("表{}的列：{}", spec.number, cols.join("、"))),
            );
            continue;
        };
        let Some(printed) = parse_printed(value, Unit::Money(MoneyUnit::Wan)) else {
            diags.push(Diagnostic::error(
                codes::VALUE,
                format!("第 {line} 行的数值“{value}”不是数字"),
                at,
            ));
            continue;
        };
        let ti = match tables.iter().position(|t| t.number == spec.number) {
            Some(i) => i,
            None => {
                tables.push(spec.empty_table("", MoneyUnit::Wan, at.clone()));
                tables.len() - 1
            }
        };
        let t = &mut tables[ti];
        let st = state.entry(spec.number).or_default();
        // Tables 7 and 11 repeat codes under each unit: rows are looked up, and cells told
        // apart, within the current unit block (from the last unit row on).
        let is_unit_line = code.is_empty()
            && matches!(spec.number, 7 | 11)
            && !matches!(label, "总计" | "合计")
            && row_kind(spec.number, code, label, st.last_unit.is_some(), &units7) == RowKind::Unit;
        let block = if is_unit_line {
            st.units.get(label).copied().unwrap_or(t.rows.len())
        } else {
            st.last_unit.unwrap_or(0)
        };
        let key = (
            spec.number,
            block,
            code.to_string(),
            label.to_string(),
            column.to_string(),
            side,
        );
        if let Some(first) = seen.get(&key) {
            diags.push(
                Diagnostic::error(
                    codes::DUPLICATE,
                    format!("第 {line} 行与第 {first} 行是同一个单元格"),
                    at,
                )
                .with_secondary(
                    SourceRef::Line {
                        page: None,
                        line: *first,
                    },
                    "第一次出现在这里",
                ),
            );
            continue;
        }
        seen.insert(key, line);
        let code_opt = (!code.is_empty()).then(|| code.to_string());
        let row_key = (block, side, code_opt.clone(), label.to_string());
        let ri = match st.rows.get(&row_key) {
            Some(&i) => i,
            None => {
                let kind = row_kind(spec.number, code, label, st.last_unit.is_some(), &units7);
                t.rows.push(Row {
                    side,
                    code: code_opt,
                    label: label.to_string(),
                    kind,
                    cells: vec![None; t.columns.len()],
                    source: at.clone(),
                });
                let i = t.rows.len() - 1;
                st.rows.insert(row_key, i);
                if kind == RowKind::Unit {
                    st.last_unit = Some(i);
                    st.units.insert(label.to_string(), i);
                    if spec.number == 7 {
                        units7.push(label.to_string());
                    }
                }
                i
            }
        };
        t.rows[ri].cells[ci] = Some(Cell {
            printed,
            exact: None,
            source: at,
        });
    }
    // Tables with no printed cell are empty: present in the template, blank in the file.
    for spec in &template::XINJIANG_BUDGET_11 {
        if !tables.iter().any(|t| t.number == spec.number) {
            tables.push(spec.empty_table("", MoneyUnit::Wan, SourceRef::None));
        }
    }
    tables.sort_by_key(|t| t.number);
    let department = tables
        .iter()
        .filter(|t| t.number == 7 || t.number == 11)
        .flat_map(|t| t.rows.iter())
        .find(|r| r.kind == RowKind::Unit)
        .map(|r| r.label.clone())
        .unwrap_or_default();
    for t in &mut tables {
        t.org = department.clone();
    }
    let d = Disclosure {
        department,
        tables,
        ..Disclosure::empty()
    };
    (d, diags)
}

/// Endings of organisation names (unit rows), as opposed to project names.
const UNIT_SUFFIXES: [&str; 24] = [
    "局",
    "中心",
    "委员会",
    "委",
    "办公室",
    "办事处",
    "院",
    "所",
    "站",
    "队",
    "馆",
    "学校",
    "校",
    "部",
    "处",
    "会",
    "厅",
    "室",
    "园",
    "场",
    "团",
    "社",
    "台",
    "部门",
];

/// Whether a label names an organisation (a budget unit) rather than a project.
fn looks_like_unit(label: &str) -> bool {
    let project_like = ["经费", "项目", "资金", "补助", "费", "款", "工程", "专项"]
        .iter()
        .any(|s| label.ends_with(s));
    !project_like && UNIT_SUFFIXES.iter().any(|s| label.ends_with(s))
}

/// Reading state of one table.
#[derive(Default)]
struct TableState {
    rows: std::collections::HashMap<(usize, Side, Option<String>, String), usize>,
    units: std::collections::HashMap<String, usize>,
    last_unit: Option<usize>,
}

/// What a row is, from its table, code and label. In table 11 a row without a code is a unit
/// row when it is the first after the total, names a unit of table 7, or reads as an
/// organisation's name; otherwise a project row.
pub fn row_kind(table: u8, code: &str, label: &str, has_unit: bool, units7: &[String]) -> RowKind {
    if code.is_empty() && matches!(label, "总计" | "合计" | "收入总计" | "支出总计") {
        return RowKind::Total;
    }
    match (table, code.len()) {
        (7, 7) => RowKind::Project,
        (_, 3) => RowKind::Class,
        (_, 5) => RowKind::Kuan,
        (_, 7) => RowKind::Xiang,
        (1 | 4, _) if label.starts_with("一、") || label.starts_with("二、") => {
            RowKind::Subtotal
        }
        (1, _)
            if label.chars().next().is_some_and(|c| c.is_ascii_digit())
                && !label.contains("财政专户核拨") =>
        {
            RowKind::Subtotal
        }
        (10, _) if label.contains("小计") => RowKind::Subtotal,
        (7, _) => RowKind::Unit,
        (11, _) if label == "基本支出" => RowKind::Item,
        (11, _) if !has_unit || units7.iter().any(|u| u == label) || looks_like_unit(label) => {
            RowKind::Unit
        }
        (11, _) => RowKind::Project,
        _ => RowKind::Item,
    }
}
