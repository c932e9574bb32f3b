//! 模板对应 — a document read by meaning, bound to a known template when it is one.
//!
//! Reading is the same for every layout ([`super::read`]). A template adds what its own rules
//! need: each table's number and each column's template key. A table is bound when its title is
//! one of the template's (after the year and 部门/单位) and its columns fit the template's table
//! (or one of its variants): as many on each side, taking the template's keys by key where each
//! column read names one of them (a table printing its items in another order), else in order;
//! or fewer, each naming one in the template's order (the others, whose figures a reader may
//! not find when none is printed, are blank). A list read in two blocks is taken as the
//! template's two sides when the template prints it so. A table that does not fit stays as
//! read, known by its kind, and the rules by kind check it.

use crate::shanghai::{Template, candidates, final_account_title, title_in};
use yusuan_core::disclosure::{Column, Disclosure, Row, RowKind, Side, Table};
use yusuan_core::source::SourceRef;
use yusuan_core::template::TableSpec;

/// The template a document's tables follow, if any: at least three of its titles among the
/// tables read (`halves`: tables read in two blocks, also counted).
pub fn detect(d: &Disclosure, halves: &[Table]) -> Option<&'static Template> {
    crate::shanghai::TEMPLATES
        .iter()
        .map(|tpl| {
            let n = d
                .tables
                .iter()
                .chain(halves)
                .filter(|t| title_in(tpl, &t.title).is_some())
                .count();
            (n, tpl)
        })
        .filter(|(n, _)| *n >= 3)
        .max_by_key(|(n, _)| *n)
        .map(|(_, t)| t)
}

/// Whether `tpl` prints the table `t` (read in two blocks, as halves) in halves: its spec has
/// as many columns on each side as the blocks.
pub fn takes_halves(tpl: &Template, t: &Table) -> bool {
    title_in(tpl, &t.title).is_some_and(|(spec, _, _)| fitting(tpl, spec, t).is_some())
}

/// Binds the tables of `d` to `tpl`: numbers, template keys, the document's year and kind from
/// the titles. Tables of the template printed twice keep their first reading. Gives where the
/// bound tables stand (their columns are the template's now: what the reader said about
/// their header words no longer holds).
pub fn bind(d: &mut Disclosure, tpl: &'static Template, lines: &[&str]) -> Vec<SourceRef> {
    d.template = tpl.id.to_string();
    if tpl.finals {
        d.stage = yusuan_core::disclosure::Stage::Final;
    }
    if tpl.finals
        && let Some((dept, year, kind)) = lines.iter().find_map(|l| final_account_title(l))
    {
        if d.department.is_empty() {
            d.department = dept;
        }
        d.year = year;
        d.kind = kind;
    }
    let mut bound: Vec<u8> = Vec::new();
    let mut places = Vec::new();
    let mut out = Vec::with_capacity(d.tables.len());
    for mut t in std::mem::take(&mut d.tables) {
        let Some((spec, year, kind)) = title_in(tpl, &t.title) else {
            out.push(t);
            continue;
        };
        if bound.contains(&spec.number) {
            continue;
        }
        if let Some(y) = year {
            d.year = y;
        }
        if let Some(k) = kind {
            d.kind = k;
        }
        // The spec the table fits: as many columns on each side (by key where each names one
        // of the spec's, else in order); or fewer, each naming one of the spec's in the spec's
        // order — the columns a text shows no figure under are not found there.
        let placed = fitting(tpl, spec, &t)
            .map(|s| {
                (
                    s,
                    by_key(s, &t).unwrap_or_else(|| (0..s.columns.len()).collect()),
                )
            })
            .or_else(|| {
                candidates(tpl, spec).find_map(|s| {
                    by_key(s, &t)
                        .filter(|o| o.windows(2).all(|w| w[0] < w[1]))
                        .map(|o| (s, o))
                })
            });
        if let Some((spec, order)) = placed {
            for r in &mut t.rows {
                let cells = std::mem::take(&mut r.cells);
                r.cells = vec![None; spec.columns.len()];
                for (from, cell) in cells.into_iter().enumerate() {
                    if let Some(&to) = order.get(from) {
                        r.cells[to] = cell;
                    }
                }
            }
            t.columns = spec
                .columns
                .iter()
                .map(|(key, side)| Column {
                    key: (*key).to_string(),
                    side: *side,
                })
                .collect();
            t.number = spec.number;
            t.kind = None;
            places.push(t.source.clone());
            // Halves each with their own total (`人员经费合计`, `公用经费合计`): the last
            // `…合计` of a half that has no total row is its total.
            for side in [Side::Income, Side::Expenditure] {
                let rows = || t.rows.iter().filter(|r| r.side == side);
                if rows().next().is_some()
                    && !rows().any(|r| r.kind == RowKind::Total)
                    && let Some(r) =
                        t.rows.iter_mut().rev().find(|r| {
                            r.side == side && r.code.is_none() && r.label.ends_with("合计")
                        })
                {
                    r.kind = RowKind::Total;
                }
            }
            // A two-sided table's totals last, 收入 then 支出, as the model orders them
            // (`derive`, the CSV export): they are printed on one line across both sides.
            if t.columns.iter().any(|c| c.side == Side::Income) {
                let (totals, rest): (Vec<Row>, Vec<Row>) = std::mem::take(&mut t.rows)
                    .into_iter()
                    .partition(|r| r.kind == RowKind::Total);
                t.rows = rest;
                t.rows.extend(totals);
            }
            bound.push(spec.number);
        } else if t.rows.iter().all(|r| r.cells.iter().all(Option::is_none)) {
            t = empty(spec, t);
            places.push(t.source.clone());
            bound.push(spec.number);
        }
        out.push(t);
    }
    // Template tables first, in their order; then what did not fit, as read.
    out.sort_by_key(|t| if t.kind.is_none() { t.number } else { u8::MAX });
    if tpl.id == yusuan_core::derive::TEMPLATE_ID {
        reference_rows(&mut out);
    }
    d.tables = out;
    places
}

/// The reference template's rows as its model has them: each row's kind as the template says
/// (`一、本年收入` and the numbered incomes with items under them are subtotals, 表7's rows
/// under a 项 code are projects, and so on — the CSV reader's [`row_kind`]); a table of fixed
/// rows printed without figures (表10) keeps its rows.
///
/// [`row_kind`]: yusuan_formats::tables::csv::row_kind
fn reference_rows(tables: &mut [Table]) {
    let units7: Vec<String> = tables
        .iter()
        .filter(|t| t.kind.is_none() && t.number == 7)
        .flat_map(|t| &t.rows)
        .filter(|r| r.code.is_none() && r.kind != RowKind::Total)
        .map(|r| r.label.clone())
        .collect();
    for t in tables.iter_mut().filter(|t| t.kind.is_none()) {
        let Some(spec) = yusuan_core::template::spec(t.number) else {
            continue;
        };
        if !spec.rows.is_empty() && t.rows.iter().all(|r| r.cells.iter().all(Option::is_none)) {
            let n = spec.columns.len();
            let at = t.source.clone();
            t.rows = spec
                .rows
                .iter()
                .map(|label| Row {
                    code: None,
                    label: (*label).to_string(),
                    kind: RowKind::Item,
                    side: Side::Single,
                    cells: vec![None; n],
                    source: at.clone(),
                })
                .collect();
        }
        let mut has_unit = false;
        for r in &mut t.rows {
            r.kind = yusuan_formats::tables::csv::row_kind(
                t.number,
                r.code.as_deref().unwrap_or(""),
                &r.label,
                has_unit,
                &units7,
            );
            has_unit |= r.kind == RowKind::Unit;
        }
    }
}

/// The spec among the table's and its variants whose columns, side by side, are as many as
/// the table's — the one whose leaf words agree most with the header read, on a tie.
fn fitting(tpl: &Template, spec: &'static TableSpec, t: &Table) -> Option<&'static TableSpec> {
    let shape = |cols: &mut dyn Iterator<Item = Side>| {
        let mut n = [0usize; 3];
        for s in cols {
            n[match s {
                Side::Single => 0,
                Side::Income => 1,
                Side::Expenditure => 2,
            }] += 1;
        }
        n
    };
    let ours = shape(&mut t.columns.iter().map(|c| c.side));
    let leaf = |k: &str| -> String {
        k.rsplit('/')
            .next()
            .unwrap_or(k)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    std::iter::once(spec)
        .chain(tpl.variants.iter().filter(|v| v.number == spec.number))
        .filter(|s| shape(&mut s.columns.iter().map(|(_, side)| *side)) == ours)
        .max_by_key(|s| {
            s.columns
                .iter()
                .zip(&t.columns)
                .filter(|((key, _), c)| leaf(key) == leaf(&c.key))
                .count()
        })
}

/// The spec column each of the table's columns is, by key: a key read names a spec key when
/// their words, each made the vocabulary's key (`运行维护费` → `公务用车运行费`, `小计` →
/// `合计`), end alike (`公务用车购置费/预算数` is `公务用车购置及运行维护费/公务用车购置费/预算数`).
/// A key naming one spec key exactly is that one. `None` unless every column names exactly
/// one, no two the same.
fn by_key(spec: &TableSpec, t: &Table) -> Option<Vec<usize>> {
    let vocab = super::vocab::Vocabulary::get();
    let canon = |key: &str| -> Vec<String> {
        key.split('/')
            .map(|w| {
                let k = vocab.column_key(w).map_or(w, |(k, _)| k);
                if k == "小计" { "合计" } else { k }.to_string()
            })
            .collect()
    };
    let specs: Vec<Vec<String>> = spec.columns.iter().map(|(k, _)| canon(k)).collect();
    let mut order = Vec::with_capacity(t.columns.len());
    for c in &t.columns {
        let ours = canon(c.key.split('〔').next().unwrap_or(&c.key));
        let on_side = |j: &usize| spec.columns[*j].1 == c.side || c.side == Side::Single;
        // The same words, else the one spec key they end.
        let same: Vec<usize> = (0..specs.len())
            .filter(on_side)
            .filter(|&j| specs[j] == ours)
            .collect();
        let hits: Vec<usize> = if same.is_empty() {
            (0..specs.len())
                .filter(on_side)
                .filter(|&j| specs[j].ends_with(&ours))
                .collect()
        } else {
            same
        };
        match hits.as_slice() {
            [j] if !order.contains(j) => order.push(*j),
            _ => return None,
        }
    }
    Some(order)
}

/// An empty table, as the template sets it: its columns, the statement and notes printed.
fn empty(spec: &TableSpec, read: Table) -> Table {
    let mut t = spec.empty_table(&read.org, read.unit, read.source.clone());
    t.title = read.title;
    t.empty_statement = read.empty_statement;
    t.notes = read.notes;
    t.rows = read
        .rows
        .into_iter()
        .map(|r| Row {
            cells: vec![None; spec.columns.len()],
            ..r
        })
        .collect();
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_core::disclosure::Cell;
    use yusuan_core::money::{MoneyUnit, Unit, parse_printed};

    fn table(title: &str, keys: &[&str], figures: &[&str]) -> Table {
        let source = SourceRef::Line {
            page: Some(1),
            line: 1,
        };
        let cells = figures
            .iter()
            .map(|f| {
                Some(Cell {
                    printed: parse_printed(f, Unit::Money(MoneyUnit::Yuan)).unwrap(),
                    exact: None,
                    source: source.clone(),
                })
            })
            .collect();
        Table {
            number: 2,
            title: title.into(),
            org: String::new(),
            unit: MoneyUnit::Yuan,
            columns: keys
                .iter()
                .map(|k| Column {
                    key: (*k).into(),
                    side: Side::Single,
                })
                .collect(),
            rows: vec![Row {
                side: Side::Single,
                code: None,
                label: "合计".into(),
                kind: RowKind::Total,
                cells,
                source: source.clone(),
            }],
            empty_statement: None,
            notes: Vec::new(),
            source,
            unplaced: 0,
            kind: Some("收入总表".into()),
        }
    }

    #[test]
    fn a_table_showing_fewer_columns_binds_by_key_and_the_rest_are_blank() {
        // A 收入预算总表 whose 事业收入, 事业单位经营收入 and 其他收入 print no figure and were not
        // found; two more of the template's titles make the document the template's.
        let mut d = Disclosure::empty();
        d.tables = vec![
            table(
                "2025年部门收入预算总表",
                &["合计", "财政拨款"],
                &["100.00", "100.00"],
            ),
            table(
                "2025年部门支出预算总表",
                &["合计", "基本支出", "项目支出"],
                &["1", "1", "0"],
            ),
            table("2025年部门财务收支预算总表", &[], &[]),
        ];
        let tpl = detect(&d, &[]).expect("the Shanghai budget template");
        bind(&mut d, tpl, &[]);
        assert_eq!(d.template, yusuan_core::template::SHANGHAI_BUDGET_ID);
        let t = d.table(2).expect("表2");
        let keys: Vec<&str> = t.columns.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "合计",
                "财政拨款收入",
                "事业收入",
                "事业单位经营收入",
                "其他收入"
            ]
        );
        let figures: Vec<Option<String>> = t.rows[0]
            .cells
            .iter()
            .map(|c| c.as_ref().map(|c| c.printed.to_string()))
            .collect();
        assert_eq!(
            figures,
            [
                Some("100.00".into()),
                Some("100.00".into()),
                None,
                None,
                None
            ]
        );
        assert_eq!(d.year, 2025);
    }
}
