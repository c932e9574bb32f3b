//! 模板对应 — a document read by meaning, bound to a known template when it is one.
//!
//! Reading is the same for every layout ([`super::read`]). A template adds what its own rules
//! need: each table's number and each column's template key. A table is bound when its title is
//! one of the template's (after the year and 部门/单位) and its columns, side by side, are as many
//! as the template's table (or one of its variants) has; its columns then take the template's
//! keys in order. A table that does not fit stays as read, known by its kind, and the rules by
//! kind check it. An empty table (its statement printed, no figures) takes the template's
//! columns.

use crate::positional::{Template, final_account_title, title_in};
use yusuan_core::disclosure::{Disclosure, Row, Side, Table};
use yusuan_core::template::TableSpec;

/// The template a document's tables follow, if any: at least three of its titles among the
/// tables read.
pub fn detect(d: &Disclosure) -> Option<&'static Template> {
    crate::positional::TEMPLATES
        .iter()
        .map(|tpl| {
            let n = d
                .tables
                .iter()
                .filter(|t| title_in(tpl, &t.title).is_some())
                .count();
            (n, tpl)
        })
        .filter(|(n, _)| *n >= 3)
        .max_by_key(|(n, _)| *n)
        .map(|(_, t)| t)
}

/// Binds the tables of `d` to `tpl`: numbers, template keys, the document's year and kind from
/// the titles. Tables of the template printed twice keep their first reading.
pub fn bind(d: &mut Disclosure, tpl: &'static Template, lines: &[&str]) {
    d.template = tpl.id.to_string();
    if tpl.bare
        && let Some((dept, year, kind)) = lines.iter().find_map(|l| final_account_title(l))
    {
        if d.department.is_empty() {
            d.department = dept;
        }
        d.year = year;
        d.kind = kind;
    }
    let mut bound: Vec<u8> = Vec::new();
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
        if let Some(spec) = fitting(tpl, spec, &t) {
            for (c, (key, side)) in t.columns.iter_mut().zip(spec.columns) {
                c.key = (*key).to_string();
                c.side = *side;
            }
            t.number = spec.number;
            t.kind = None;
            bound.push(spec.number);
        } else if t.rows.iter().all(|r| r.cells.iter().all(Option::is_none)) {
            t = empty(spec, t);
            bound.push(spec.number);
        }
        out.push(t);
    }
    // Template tables first, in their order; then what did not fit, as read.
    out.sort_by_key(|t| if t.number == 0 { u8::MAX } else { t.number });
    d.tables = out;
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
