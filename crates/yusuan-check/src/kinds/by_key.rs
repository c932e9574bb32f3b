//! Identities of any region's tables, by what the tables and their columns mean.
//!
//! A reader by meaning gives each table a kind (`Table::kind`: `支出总表`, `收支总表`…) and each
//! column a key from the column vocabulary (`合计`, `基本支出`, `财政拨款/合计`…). The rules here
//! select tables by kind and columns by key, never by number or position, so one rule covers
//! every region whose vocabulary is known. They run only on tables that carry a kind and whose
//! every printed figure was placed: a sum over a table with a figure left out would report a
//! defect the document does not have.
//!
//! Each identity is applied only where the table shows all it needs and nothing it does not
//! know: a column whose key no identity accounts for may be a part the identity leaves out.

use super::{cell_label, printed, report};
use crate::engine::{Cx, Rule, RuleMeta};
use crate::interval::{balance, sum_identity};
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::{RowKind, Side, Table};

/// The tables a reader recognised by meaning, complete (every figure placed).
pub(crate) fn keyed_tables<'a>(cx: &Cx<'a>) -> impl Iterator<Item = &'a Table> {
    cx.disclosure
        .tables
        .iter()
        .filter(|t| t.kind.is_some() && t.unplaced == 0)
}

/// The sides a table has (Single, or Income and Expenditure).
fn sides(t: &Table) -> Vec<Side> {
    let mut s: Vec<Side> = t.columns.iter().map(|c| c.side).collect();
    s.sort();
    s.dedup();
    s
}

/// A cell named by the table's printed title: `「支出总表」「201 03 01 行政运行」行「合计」列`.
pub(crate) fn named(t: &Table, row: usize, col: usize) -> String {
    let r = &t.rows[row];
    let row = match &r.code {
        Some(c) => format!("{c} {}", r.label),
        None => r.label.clone(),
    };
    format!("「{}」「{row}」行「{}」列", t.title, t.columns[col].key)
}

/// Checks the cell `whole` (row, column) against the sum of the cells `parts` and reports
/// what does not hold, saying `what` (the whole's name is put before it).
fn sum_at(
    meta: &RuleMeta,
    t: &Table,
    whole: (usize, usize),
    parts: &[(usize, usize)],
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    let values: Vec<_> = parts.iter().map(|&(r, c)| printed(t, r, c)).collect();
    let verdict = sum_identity(printed(t, whole.0, whole.1), &values);
    let what = format!("{}{what}", named(t, whole.0, whole.1));
    let others = parts.iter().map(|&(r, c)| cell_label(t, r, c)).collect();
    if let Some(d) = report(
        meta,
        verdict,
        &what,
        cell_label(t, whole.0, whole.1),
        others,
    ) {
        out.push(d);
    }
}

/// 列间恒等式 — `whole` = Σ `parts` in every row, on a side whose every value column is
/// `whole`, a part, `covered` (a column the identity knows is not one of its parts) or below
/// one of them (`财政拨款/一般公共预算` is below `财政拨款/合计`'s head `财政拨款`).
#[derive(Debug, Clone, Copy)]
pub struct KeyIdentity {
    /// The whole's key.
    pub whole: &'static str,
    /// The parts' keys; at least two must be printed.
    pub parts: &'static [&'static str],
    /// Keys that must be printed for the identity to apply.
    pub requires: &'static [&'static str],
    /// Keys that are neither the whole nor a part, and do not stop the identity.
    pub covered: &'static [&'static str],
}

fn head(key: &str) -> &str {
    key.split('/').next().unwrap_or(key)
}

impl KeyIdentity {
    /// The columns `(whole, parts)` of `t` on `side` when the identity applies there.
    fn columns(&self, t: &Table, side: Side) -> Option<(usize, Vec<usize>)> {
        let on_side: Vec<(usize, &str)> = t
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.side == side)
            .map(|(i, c)| (i, c.key.as_str()))
            .collect();
        let mut keys: Vec<&str> = on_side.iter().map(|(_, k)| *k).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        if keys.len() != n {
            return None; // a key printed twice: which is meant is not known
        }
        let find = |k: &str| on_side.iter().find(|(_, key)| *key == k).map(|(i, _)| *i);
        let whole = find(self.whole)?;
        if self.requires.iter().any(|k| find(k).is_none()) {
            return None;
        }
        let parts: Vec<usize> = self.parts.iter().filter_map(|k| find(k)).collect();
        if parts.len() < 2 {
            return None;
        }
        let known: Vec<&str> = std::iter::once(self.whole)
            .chain(self.parts.iter().copied())
            .chain(self.covered.iter().copied())
            .collect();
        let accounted = |k: &str| {
            known.contains(&k)
                || (k.contains('/') && known.iter().any(|n| n.contains('/') && head(n) == head(k)))
        };
        if !on_side.iter().all(|(_, k)| accounted(k)) {
            return None;
        }
        Some((whole, parts))
    }
}

/// T0001 — column identities by key, in every row of every recognised table.
pub struct ColumnIdentities {
    /// Identity and docs.
    pub meta: RuleMeta,
    /// The identities, by column key.
    pub identities: &'static [KeyIdentity],
}

impl Rule for ColumnIdentities {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for t in keyed_tables(cx) {
            for side in sides(t) {
                for id in self.identities {
                    let Some((w, parts)) = id.columns(t, side) else {
                        continue;
                    };
                    for (ri, r) in t.rows.iter().enumerate() {
                        if r.side != side {
                            continue;
                        }
                        if printed(t, ri, w).is_none()
                            && parts.iter().all(|&c| printed(t, ri, c).is_none())
                        {
                            continue;
                        }
                        let names: Vec<&str> =
                            parts.iter().map(|&c| t.columns[c].key.as_str()).collect();
                        let cells: Vec<(usize, usize)> = parts.iter().map(|&c| (ri, c)).collect();
                        let what = format!("应等于{}之和", names.join("、"));
                        sum_at(&self.meta, t, (ri, w), &cells, &what, out);
                    }
                }
            }
        }
    }
}

/// The coded rows of one side, as blocks: a code printed again starts a new block (a table
/// listed unit by unit prints each unit's classes anew).
fn code_blocks(t: &Table, side: Side) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    let mut seen = std::collections::HashSet::new();
    for (i, r) in t.rows.iter().enumerate() {
        if r.side != side {
            continue;
        }
        let Some(code) = r.code.as_deref() else {
            continue;
        };
        if !seen.insert(code) {
            out.push(Vec::new());
            seen.clear();
            seen.insert(code);
        }
        out.last_mut().expect("one block").push(i);
    }
    out
}

/// The code of the parent level: 项 `2010301` → 款 `20103` → 类 `201`; economic `30101` → `301`.
fn parent_code(code: &str) -> Option<&str> {
    (code.len() > 3 && code.is_ascii() && code.len() % 2 == 1).then(|| &code[..code.len() - 2])
}

/// T0002 — in every recognised table with codes, a class or 款 row equals the sum of the rows
/// one level below it, in every column.
pub struct CodeHierarchy {
    /// Identity and docs.
    pub meta: RuleMeta,
}

impl Rule for CodeHierarchy {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for t in keyed_tables(cx) {
            for side in sides(t) {
                for block in code_blocks(t, side) {
                    let code = |i: usize| t.rows[i].code.as_deref().unwrap_or("");
                    let mut children_of: std::collections::HashMap<&str, Vec<usize>> =
                        std::collections::HashMap::new();
                    for &c in &block {
                        if let Some(p) = parent_code(code(c)) {
                            children_of.entry(p).or_default().push(c);
                        }
                    }
                    for &p in &block {
                        let Some(children) = children_of.get(code(p)) else {
                            continue;
                        };
                        for (ci, c) in t.columns.iter().enumerate() {
                            if c.side != side {
                                continue;
                            }
                            let cells: Vec<(usize, usize)> =
                                children.iter().map(|&r| (r, ci)).collect();
                            sum_at(&self.meta, t, (p, ci), &cells, "应等于其下级科目之和", out);
                        }
                    }
                }
            }
        }
    }
}

/// T0003 — the total row of a recognised table equals the sum of its top-level coded rows (the
/// classes, or whatever level is the highest printed), in every column. Applied only where
/// every row with figures is the total or coded, and no code is printed twice.
pub struct TotalOfTops {
    /// Identity and docs.
    pub meta: RuleMeta,
}

impl Rule for TotalOfTops {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for t in keyed_tables(cx) {
            for side in sides(t) {
                let rows: Vec<usize> = (0..t.rows.len())
                    .filter(|&i| t.rows[i].side == side)
                    .filter(|&i| t.rows[i].cells.iter().any(Option::is_some))
                    .collect();
                let totals: Vec<usize> = rows
                    .iter()
                    .copied()
                    .filter(|&i| t.rows[i].kind == RowKind::Total)
                    .collect();
                let [total] = totals[..] else {
                    continue;
                };
                let coded: Vec<usize> = rows
                    .iter()
                    .copied()
                    .filter(|&i| t.rows[i].code.is_some())
                    .collect();
                if coded.is_empty()
                    || coded.len() + 1 != rows.len()
                    || code_blocks(t, side).len() != 1
                {
                    continue;
                }
                let codes: Vec<&str> = coded
                    .iter()
                    .filter_map(|&i| t.rows[i].code.as_deref())
                    .collect();
                let tops: Vec<usize> = coded
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let mut c = t.rows[i].code.as_deref().unwrap_or("");
                        while let Some(p) = parent_code(c) {
                            if codes.contains(&p) {
                                return false;
                            }
                            c = p;
                        }
                        true
                    })
                    .collect();
                for (ci, c) in t.columns.iter().enumerate() {
                    if c.side != side {
                        continue;
                    }
                    let cells: Vec<(usize, usize)> = tops.iter().map(|&r| (r, ci)).collect();
                    sum_at(
                        &self.meta,
                        t,
                        (total, ci),
                        &cells,
                        "应等于各最高级科目之和",
                        out,
                    );
                }
            }
        }
    }
}

/// The grand total row of a side: its last total row (收入总计 / 支出总计 / 收入合计…).
fn grand_total(t: &Table, side: Side) -> Option<usize> {
    (0..t.rows.len())
        .rev()
        .find(|&i| t.rows[i].side == side && t.rows[i].kind == RowKind::Total)
}

/// T0004 — a two-sided table's income total equals its expenditure total, column by column
/// (the sides' columns paired in order, when both sides print the same number of columns).
pub struct SidesBalance {
    /// Identity and docs.
    pub meta: RuleMeta,
}

impl Rule for SidesBalance {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for t in keyed_tables(cx) {
            let inc: Vec<usize> = col_indices(t, Side::Income);
            let exp: Vec<usize> = col_indices(t, Side::Expenditure);
            // A 支出 half printed as several lists side by side (by 功能分类, by 经济分类…, each
            // keyed `预算数〔its heading〕`): each list's total against the one 收入 total.
            let base = |c: usize| t.columns[c].key.split('〔').next().unwrap_or_default();
            let lists = inc.len() == 1
                && exp.len() >= 2
                && exp
                    .iter()
                    .all(|&c| t.columns[c].key.contains('〔') && base(c) == base(inc[0]));
            let pairs: Vec<(usize, usize)> = if lists {
                exp.iter().map(|&ce| (inc[0], ce)).collect()
            } else if !inc.is_empty() && inc.len() == exp.len() {
                inc.iter().copied().zip(exp.iter().copied()).collect()
            } else {
                continue;
            };
            let (Some(ri), Some(re)) = (
                grand_total(t, Side::Income),
                grand_total(t, Side::Expenditure),
            ) else {
                continue;
            };
            for (ci, ce) in pairs {
                let (a, b) = (printed(t, ri, ci), printed(t, re, ce));
                if a.is_none() && b.is_none() {
                    continue;
                }
                let verdict = balance(&[a], &[b]);
                let what = format!("{}应等于{}", named(t, ri, ci), named(t, re, ce));
                if let Some(d) = report(
                    &self.meta,
                    verdict,
                    &what,
                    cell_label(t, ri, ci),
                    vec![cell_label(t, re, ce)],
                ) {
                    out.push(d);
                }
            }
        }
    }
}

fn col_indices(t: &Table, side: Side) -> Vec<usize> {
    (0..t.columns.len())
        .filter(|&c| t.columns[c].side == side)
        .collect()
}

/// Whether a label is numbered as a top-level item: `一、…`, `二、…` (not `（一）`, `1.`).
fn top_numbered(label: &str) -> bool {
    let s = label.trim_start();
    let digits = s
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    digits > 0 && s.chars().nth(digits) == Some('、')
}

/// T0005 — on each side of a two-sided table, the year's subtotal (本年收入合计, 本年支出合计)
/// equals the sum of the items numbered 一、二、… printed above it, and the side's grand total
/// equals that subtotal plus the rows between them (上年结转, 结转下年…).
pub struct SideItems {
    /// Identity and docs.
    pub meta: RuleMeta,
}

impl Rule for SideItems {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for t in keyed_tables(cx) {
            for side in [Side::Income, Side::Expenditure] {
                let rows: Vec<usize> = (0..t.rows.len())
                    .filter(|&i| t.rows[i].side == side)
                    .collect();
                let Some(sub) = rows.iter().copied().find(|&i| {
                    let l: String = t.rows[i].label.split_whitespace().collect();
                    l.starts_with("本年") && l.ends_with("合计")
                }) else {
                    continue;
                };
                let items: Vec<usize> = rows
                    .iter()
                    .copied()
                    .filter(|&i| i < sub && top_numbered(&t.rows[i].label))
                    .collect();
                let total = grand_total(t, side).filter(|&g| g > sub);
                // Rows between the subtotal and the total: items of the same level only
                // (a `其中` line or a sub-item would count twice).
                let between: Option<Vec<usize>> = total.map(|g| {
                    rows.iter()
                        .copied()
                        .filter(|&i| i > sub && i < g)
                        .filter(|&i| t.rows[i].cells.iter().any(Option::is_some))
                        .collect()
                });
                let between = between.filter(|b| {
                    b.iter().all(|&i| {
                        let l = t.rows[i].label.trim_start();
                        // A numbered line after the subtotal itemises the line above it
                        // (上年结转结余: 一、一般公共预算拨款 …), so the level is not known.
                        !(l.starts_with("其中")
                            || l.starts_with('（')
                            || l.starts_with('(')
                            || l.starts_with(|c: char| c.is_ascii_digit())
                            || top_numbered(l))
                            && t.rows[i].code.is_none()
                    })
                });
                for ci in col_indices(t, side) {
                    if items.len() >= 2 {
                        let cells: Vec<(usize, usize)> = items.iter().map(|&r| (r, ci)).collect();
                        sum_at(
                            &self.meta,
                            t,
                            (sub, ci),
                            &cells,
                            "应等于其上所列各项之和",
                            out,
                        );
                    }
                    if let (Some(g), Some(b)) = (total, &between) {
                        let mut parts = vec![sub];
                        parts.extend(b);
                        let names: Vec<&str> =
                            parts.iter().map(|&r| t.rows[r].label.as_str()).collect();
                        let cells: Vec<(usize, usize)> = parts.iter().map(|&r| (r, ci)).collect();
                        let what = format!("应等于{}之和", names.join("、"));
                        sum_at(&self.meta, t, (g, ci), &cells, &what, out);
                    }
                }
            }
        }
    }
}

/// How many of `identities` one row's figures break on `side` of `t` (`cells[i]` is column
/// `i`'s figure): what a reader asks of the placements a text's layout leaves open.
pub fn row_breaks(
    identities: &[KeyIdentity],
    t: &Table,
    side: Side,
    cells: &[Option<&yusuan_core::money::Printed>],
) -> usize {
    identities
        .iter()
        .filter_map(|id| id.columns(t, side))
        .filter(|(w, parts)| {
            let whole = cells.get(*w).copied().flatten();
            let values: Vec<_> = parts
                .iter()
                .map(|&c| cells.get(c).copied().flatten())
                .collect();
            (whole.is_some() || values.iter().any(Option::is_some))
                && crate::interval::sum_broken(whole, &values)
        })
        .count()
}
