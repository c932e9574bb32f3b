//! Place each row's printed numbers into the table's columns.
//!
//! Text loses empty cells, so a row printing 3 numbers under 12 columns could mean many
//! things. The candidates for a row are the placements that keep its numbers in reading order
//! and satisfy the row's own column identities (the check engine's row rules) and what the row
//! is (a project row has no basic-spending columns). A table's solution then picks one
//! candidate per row so that every parent equals the sum of its children, column by column,
//! within rounding; a table left with several solutions is narrowed by the identities across
//! tables and, for table 7, by the economic classes the narrative's itemised uses name. What
//! still has more than one fit is reported, and those numbers are left unplaced — never guessed.

use std::collections::HashMap;
use yusuan_check::engine::{Cx, Family, Scope};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{Cell, Disclosure, Row, RowKind, Side, Table};

use crate::segment::{RawRow, RawTable};

/// Import diagnostic codes for column resolution. Stable; never reused.
pub mod codes {
    /// 一行的数字多于列数
    pub const TOO_MANY: &str = "I201";
    /// 一行的数字无法放入任何列（与表内勾稽矛盾）
    pub const NO_FIT: &str = "I202";
    /// 一行的数字有多种放法，无法唯一确定
    pub const AMBIGUOUS: &str = "I203";
    /// 表中有数字未能放入列，本表未核对
    pub const INCOMPLETE: &str = "I204";
    /// 一行的数字有多种放法，且无论怎样放本表都不平：按其中一种读入，本表照常核对
    pub const UNBALANCED: &str = "I207";
}

/// The most solutions kept for one table before it counts as ambiguous.
const MAX_SOLUTIONS: usize = 256;
/// The most ways of placing a table's parts scored against the other tables, per pass.
const MAX_SCORED: usize = 2_000;
/// The most candidate placements costed for each shift tried on a page.
const MAX_SHIFT_WORK: usize = 40_000;
/// The most placements kept per row and candidate when looking for those that break the
/// fewest sums (a table with a wrong figure).
const FEWEST_KEPT: usize = 16;
/// The most search steps for one table (hostile input stays bounded).
const MAX_STEPS: usize = 400_000;

/// A row being placed.
struct Prow {
    raw: RawRow,
    kind: RowKind,
    /// Candidate placements: for each printed number, its column index.
    cands: Vec<Vec<usize>>,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// Economic 类 names a project's itemised uses point to, by project name (from the narrative).
pub type Hints = HashMap<String, Vec<String>>;

fn columns_of(t: &RawTable, side: Side) -> Vec<usize> {
    (0..t.spec.columns.len())
        .filter(|&i| t.spec.columns[i].1 == side)
        .collect()
}

/// Every increasing choice of `k` indexes from `cols`.
fn choose(cols: &[usize], k: usize, out: &mut Vec<Vec<usize>>, cur: &mut Vec<usize>, from: usize) {
    if cur.len() == k {
        out.push(cur.clone());
        return;
    }
    if out.len() > 5000 {
        return;
    }
    for i in from..cols.len() {
        if cols.len() - i < k - cur.len() {
            break;
        }
        cur.push(cols[i]);
        choose(cols, k, out, cur, i + 1);
        cur.pop();
    }
}

/// A table of the rows with the given placements (rows without a placement are blank).
fn build(t: &RawTable, rows: &[Prow], pick: &[Option<usize>]) -> Table {
    let mut table = t.spec.empty_table(&t.org, t.unit, t.source.clone());
    table.rows = rows
        .iter()
        .zip(pick)
        .map(|(r, p)| {
            let mut cells = vec![None; t.spec.columns.len()];
            if let Some(ci) = p {
                for (n, &col) in r.cands[*ci].iter().enumerate() {
                    let (printed, at) = &r.raw.numbers[n];
                    cells[col] = Some(Cell {
                        printed: *printed,
                        exact: None,
                        source: at.clone(),
                    });
                }
            }
            Row {
                side: r.raw.side,
                code: r.raw.code.clone(),
                label: r.raw.label.clone(),
                kind: r.kind,
                cells,
                source: r.raw.source.clone(),
            }
        })
        .collect();
    table.empty_statement = t.empty_statement.clone();
    table.notes.clone_from(&t.notes);
    if let Some(title) = &t.title {
        title.clone_into(&mut table.title);
    }
    table
}

/// A table as resolved: its figures that found no place counted, and said.
fn finish(
    t: &RawTable,
    rows: &[Prow],
    pick: &[Option<usize>],
    diags: &mut Vec<Diagnostic>,
) -> Table {
    let mut table = build(t, rows, pick);
    table.unplaced = rows
        .iter()
        .zip(pick)
        .filter(|(_, p)| p.is_none())
        .map(|(r, _)| r.raw.numbers.len())
        .sum();
    if table.unplaced > 0 {
        diags.push(Diagnostic::new(
            codes::INCOMPLETE,
            Severity::Info,
            format!(
                "表{}「{}」有 {} 个数字未能确定所在列：本表的勾稽关系（表内与表间）未核对",
                t.spec.number, table.title, table.unplaced
            ),
            Label::at(t.source.clone(), ""),
        ));
    }
    table
}

/// Whether a table is of the reference (新疆 11-table) template, whose tables 7, 10 and 11
/// have rows of their own kinds.
fn reference(t: &RawTable) -> bool {
    t.template == yusuan_core::derive::TEMPLATE_ID
}

/// Whether a placement respects what the row is (reference table 11: projects hold project
/// spending, the 基本支出 row basic spending).
fn kind_allows(t: &RawTable, kind: RowKind, label: &str, key: &str) -> bool {
    if !reference(t) {
        return true;
    }
    match (t.spec.number, kind) {
        (11, RowKind::Project) => !key.contains("基本支出"),
        (11, RowKind::Item) if label == "基本支出" => !key.ends_with("项目支出"),
        _ => true,
    }
}

/// The row rules of the check engine for table `n` of `template` (rule IDs name their
/// template's tables: T01xx for the reference, T9nxx for 上海 预算, T8nxx for 上海 决算).
fn row_rules(template: &str, n: u8) -> Vec<&'static dyn yusuan_check::Rule> {
    let prefix = match template {
        yusuan_core::template::SHANGHAI_BUDGET_ID => format!("T9{n}"),
        yusuan_core::template::SHANGHAI_FINAL_ID => format!("T8{n}"),
        _ => format!("T{n:02}"),
    };
    yusuan_check::registry::RULES
        .iter()
        .copied()
        .filter(|r| {
            r.scope() == Scope::Row
                && r.meta().id.starts_with(&prefix)
                && r.meta().template.is_none_or(|t| t == template)
        })
        .collect()
}

/// A document of `tables` in `template`.
fn document(template: &str, tables: Vec<Table>) -> Disclosure {
    Disclosure {
        tables,
        template: template.to_string(),
        ..Disclosure::empty()
    }
}

/// How many of `rules` find an error on `d`.
fn errors(d: &Disclosure, rules: &[&'static dyn yusuan_check::Rule]) -> usize {
    let cx = Cx {
        disclosure: d,
        budget: None,
        previous: None,
    };
    rules.iter().filter(|r| r.finds_error(&cx)).count()
}

/// Prepares the rows of a table: kinds, parents, candidates.
fn prepare(t: &RawTable, units7: &[String], diags: &mut Vec<Diagnostic>) -> Vec<Prow> {
    let mut rows: Vec<Prow> = Vec::new();
    let mut has_unit = false;
    for raw in &t.raw_rows() {
        let code = raw.code.as_deref().unwrap_or("");
        let kind = if reference(t) {
            yusuan_formats::tables::csv::row_kind(t.spec.number, code, &raw.label, has_unit, units7)
        } else {
            crate::shanghai::row_kind(raw.code.as_deref(), &raw.label)
        };
        has_unit |= kind == RowKind::Unit;
        rows.push(Prow {
            raw: raw.clone(),
            kind,
            cands: Vec::new(),
            parent: None,
            children: Vec::new(),
        });
    }
    // Parents: by code within a unit block; units under the total; t11 items under units;
    // fixed rows of table 10 by the template's structure.
    let mut block_head: Option<usize> = None;
    let total_of = |side: Side, rows: &[Prow]| {
        rows.iter()
            .position(|r| r.kind == RowKind::Total && r.raw.side == side)
    };
    for i in 0..rows.len() {
        let side = rows[i].raw.side;
        let parent = match rows[i].kind {
            RowKind::Total => None,
            RowKind::Unit => {
                block_head = Some(i);
                total_of(side, &rows)
            }
            _ => match rows[i].raw.code.clone() {
                Some(code) if code.len() > 3 => {
                    let want = &code[..code.len() - 2];
                    (0..i)
                        .rev()
                        .take_while(|&j| Some(j) != block_head || rows[j].kind == RowKind::Unit)
                        .find(|&j| {
                            rows[j].raw.code.as_deref() == Some(want) && rows[j].raw.side == side
                        })
                }
                Some(_) => block_head.or_else(|| total_of(side, &rows)),
                // A Shanghai budget's two-sided table: its numbered items (一、… 二、…) add up
                // to its side's total (T9102, T9103, T9402, T9403). (A 决算's 总计 also holds
                // the balances carried over: not so there.)
                None if t.template == yusuan_core::template::SHANGHAI_BUDGET_ID
                    && t.spec.columns.iter().any(|(_, s)| *s != Side::Single)
                    && yusuan_check::kinds::top_item(&rows[i].raw.label) =>
                {
                    total_of(side, &rows)
                }
                None if reference(t) && t.spec.number == 11 => block_head,
                None if reference(t) && t.spec.number == 10 => match rows[i].raw.label.as_str() {
                    "其中：公务用车购置费" | "公务用车运行费" => rows
                        .iter()
                        .position(|r| r.raw.label == "公务用车购置及运行费（小计）"),
                    _ => total_of(side, &rows),
                },
                None => None,
            },
        };
        rows[i].parent = parent.filter(|&p| p != i);
    }
    for i in 0..rows.len() {
        if let Some(p) = rows[i].parent {
            rows[p].children.push(i);
        }
    }
    // Candidates.
    let rules = row_rules(t.template, t.spec.number);
    for i in 0..rows.len() {
        let cols = columns_of(t, rows[i].raw.side);
        let k = rows[i].raw.numbers.len();
        if k > cols.len() {
            diags.push(
                Diagnostic::error(
                    codes::TOO_MANY,
                    format!(
                        "表{}「{}」行印有 {k} 个数字，多于该表的 {} 列",
                        t.spec.number,
                        rows[i].raw.label,
                        cols.len()
                    ),
                    rows[i].raw.source.clone(),
                )
                .with_help("该行可能与下一行粘连，或表头识别有误"),
            );
            continue;
        }
        let mut all = Vec::new();
        choose(&cols, k, &mut all, &mut Vec::new(), 0);
        // One single-row document, its cells rewritten for each candidate.
        let one = Prow {
            raw: rows[i].raw.clone(),
            kind: rows[i].kind,
            cands: vec![Vec::new()],
            parent: None,
            children: Vec::new(),
        };
        let mut d = document(
            t.template,
            vec![build(t, std::slice::from_ref(&one), &[Some(0)])],
        );
        let mut kept = Vec::new();
        let mut loose = Vec::new();
        for c in all {
            if !c
                .iter()
                .all(|&col| kind_allows(t, rows[i].kind, &rows[i].raw.label, t.spec.columns[col].0))
            {
                continue;
            }
            if loose.len() < 64 {
                loose.push(c.clone());
            }
            if k > 0 && !rules.is_empty() && kept.len() < 2000 {
                let row = &mut d.tables[0].rows[0];
                row.cells.iter_mut().for_each(|x| *x = None);
                for (n, &col) in c.iter().enumerate() {
                    let (printed, at) = &rows[i].raw.numbers[n];
                    row.cells[col] = Some(Cell {
                        printed: *printed,
                        exact: None,
                        source: at.clone(),
                    });
                }
                if errors(&d, &rules) > 0 {
                    continue;
                }
            }
            kept.push(c);
        }
        if kept.is_empty() && k > 0 && t.anchors.is_empty() {
            // No placement satisfies the row's own identities: one of its figures is wrong.
            // The row is still placed where the sums of the rows above and below it (and
            // their fewest broken ones) put it, so that the check reports the wrong figure in
            // a table it still checks; only when that cannot be told is it left out.
            kept = std::mem::take(&mut loose);
        }
        if kept.is_empty() {
            diags.push(
                Diagnostic::error(
                    codes::NO_FIT,
                    format!(
                        "表{}「{}」行的数字放在任何列都不满足本行的勾稽关系",
                        t.spec.number, rows[i].raw.label
                    ),
                    rows[i].raw.source.clone(),
                )
                .with_help("本行数字可能有误；yusuan check 会指出不平衡之处"),
            );
        }
        rows[i].cands = kept;
    }
    rows
}

/// The interval of a row's value in column `col` under candidate `c` (blank = 0).
fn value(r: &Prow, c: usize, col: usize) -> (i64, i64) {
    let Some(n) = r.cands[c].iter().position(|&x| x == col) else {
        return (0, 0);
    };
    match r.raw.numbers[n].0.interval_fen() {
        Some((lo, hi)) => (lo.fen(), hi.fen()),
        None => (0, 0),
    }
}

/// One table assignment of a subtree: (row, candidate) pairs.
type Assignment = Vec<(usize, usize)>;

struct Search<'a> {
    rows: &'a [Prow],
    ncols: usize,
    steps: usize,
    memo: HashMap<(usize, usize), Vec<Assignment>>,
    /// Each row's figures' intervals by candidate and column (`c * ncols + col`), computed
    /// once: the search reads them in its innermost loops.
    vals: Vec<Vec<(i64, i64)>>,
}

/// The state of [`Search::bound`]: the parent `node` under candidate `c`, its children, each
/// child's fewest broken sums and placements per candidate (and the order to try them), the
/// least the children from `k` on cost, their column bounds, the choice so far and its column
/// sums, and the best found.
struct Bound<'b> {
    node: usize,
    c: usize,
    children: &'b [usize],
    per_child: &'b [Vec<(usize, Vec<Assignment>)>],
    order: &'b [Vec<usize>],
    least_rest: &'b [usize],
    bounds: &'b [(i64, i64)],
    pick: Vec<usize>,
    sums: Vec<(i64, i64)>,
    best: &'b mut (usize, Vec<Assignment>),
}

/// The rows no other row sums into.
fn roots(rows: &[Prow]) -> Vec<usize> {
    (0..rows.len())
        .filter(|&i| rows[i].parent.is_none())
        .collect()
}

impl<'a> Search<'a> {
    fn new(rows: &'a [Prow], ncols: usize) -> Self {
        Search {
            rows,
            ncols,
            steps: 0,
            memo: HashMap::new(),
            vals: rows
                .iter()
                .map(|r| {
                    (0..r.cands.len())
                        .flat_map(|c| (0..ncols).map(move |col| value(r, c, col)))
                        .collect()
                })
                .collect(),
        }
    }

    /// [`value`] of row `row` under candidate `c` in column `col`, from the table.
    #[inline]
    fn val(&self, row: usize, c: usize, col: usize) -> (i64, i64) {
        self.vals[row][c * self.ncols + col]
    }

    /// Every way to place `root` and what sums into it, at most [`MAX_SOLUTIONS`].
    fn ways(&mut self, root: usize) -> Vec<Assignment> {
        let mut ways: Vec<Assignment> = Vec::new();
        for c in 0..self.rows[root].cands.len() {
            ways.extend(self.subtree(root, c));
            if ways.len() >= MAX_SOLUTIONS {
                ways.truncate(MAX_SOLUTIONS);
                break;
            }
        }
        ways
    }

    /// All assignments of `node`'s subtree given that `node` takes candidate `c`: lists of
    /// (row, candidate), at most MAX_SOLUTIONS.
    fn subtree(&mut self, node: usize, c: usize) -> Vec<Vec<(usize, usize)>> {
        if let Some(v) = self.memo.get(&(node, c)) {
            return v.clone();
        }
        let children = self.rows[node].children.clone();
        let mut combos: Vec<Vec<usize>> = Vec::new();
        if children.is_empty() {
            combos.push(Vec::new());
        } else {
            let mut cur = Vec::new();
            let mut sums = vec![(0i64, 0i64); self.ncols];
            let rest = self.rest_bounds(&children);
            self.children_combos(
                node,
                c,
                &children,
                &rest,
                0,
                &mut cur,
                &mut sums,
                &mut combos,
            );
        }
        let mut out: Vec<Vec<(usize, usize)>> = Vec::new();
        'combo: for combo in combos {
            // The product of the children's own subtree solutions.
            let mut partial: Vec<Vec<(usize, usize)>> = vec![vec![(node, c)]];
            for (k, &child) in children.iter().enumerate() {
                let subs = self.subtree(child, combo[k]);
                if subs.is_empty() {
                    continue 'combo;
                }
                let mut next = Vec::new();
                for p in &partial {
                    for s in &subs {
                        if next.len() >= MAX_SOLUTIONS {
                            break;
                        }
                        let mut v = p.clone();
                        v.extend_from_slice(s);
                        next.push(v);
                    }
                }
                partial = next;
            }
            out.extend(partial);
            if out.len() >= MAX_SOLUTIONS {
                out.truncate(MAX_SOLUTIONS);
                break;
            }
        }
        self.memo.insert((node, c), out.clone());
        out
    }

    /// For each `k` and column, the least and the most that `children[k..]` can still add
    /// (`k * ncols + col`), whatever candidates they take: the search stops early on a
    /// partial sum that cannot reach the parent's figure or has already passed it.
    fn rest_bounds(&self, children: &[usize]) -> Vec<(i64, i64)> {
        let n = self.ncols;
        let mut rest = vec![(0i64, 0i64); (children.len() + 1) * n];
        for k in (0..children.len()).rev() {
            let child = children[k];
            for col in 0..n {
                let (mut least, mut most) = (i64::MAX, i64::MIN);
                for cc in 0..self.rows[child].cands.len() {
                    let (lo, hi) = self.val(child, cc, col);
                    least = least.min(lo);
                    most = most.max(hi);
                }
                if least > most {
                    (least, most) = (0, 0);
                }
                let (l, m) = rest[(k + 1) * n + col];
                rest[k * n + col] = (l.saturating_add(least), m.saturating_add(most));
            }
        }
        rest
    }

    /// Children candidate combinations whose column sums meet the parent's figures.
    #[allow(clippy::too_many_arguments)]
    fn children_combos(
        &mut self,
        node: usize,
        c: usize,
        children: &[usize],
        rest: &[(i64, i64)],
        k: usize,
        cur: &mut Vec<usize>,
        sums: &mut Vec<(i64, i64)>,
        out: &mut Vec<Vec<usize>>,
    ) {
        self.steps += 1;
        if self.steps > MAX_STEPS || out.len() >= MAX_SOLUTIONS {
            return;
        }
        // What the remaining children can add cannot bring the sums within the parent's.
        let n = self.ncols;
        for col in 0..n {
            let (plo, phi) = self.val(node, c, col);
            let (least, most) = rest[k * n + col];
            let (slo, shi) = sums[col];
            if shi.saturating_add(most) < plo || slo.saturating_add(least) > phi {
                return;
            }
        }
        if k == children.len() {
            let ok = (0..self.ncols).all(|col| {
                let (plo, phi) = self.val(node, c, col);
                let (slo, shi) = sums[col];
                plo <= shi && slo <= phi
            });
            if ok {
                out.push(cur.clone());
            }
            return;
        }
        let child = children[k];
        for cc in 0..self.rows[child].cands.len() {
            // Every candidate tried counts against the budget: a row of many candidates under
            // a parent of many children is where hostile input makes the search explode.
            self.steps += 1;
            if self.steps > MAX_STEPS {
                return;
            }
            let mut over = false;
            for col in 0..self.ncols {
                let (lo, hi) = self.val(child, cc, col);
                sums[col].0 += lo;
                sums[col].1 += hi;
                // Amounts are not negative: a partial sum above the parent's figure cannot recover.
                if lo >= 0 && sums[col].0 > self.val(node, c, col).1 {
                    over = true;
                }
            }
            if !over {
                cur.push(cc);
                self.children_combos(node, c, children, rest, k + 1, cur, sums, out);
                cur.pop();
            }
            for col in 0..self.ncols {
                let (lo, hi) = self.val(child, cc, col);
                sums[col].0 -= lo;
                sums[col].1 -= hi;
            }
        }
    }
}

impl Search<'_> {
    /// The placements of `node`'s subtree given that `node` takes candidate `c` that break
    /// the fewest column sums (parent = Σ children, column by column, within rounding): that
    /// number, and up to [`FEWEST_KEPT`] such placements.
    fn fewest(
        &mut self,
        node: usize,
        c: usize,
        memo: &mut HashMap<(usize, usize), (usize, Vec<Assignment>)>,
    ) -> (usize, Vec<Assignment>) {
        if let Some(v) = memo.get(&(node, c)) {
            return v.clone();
        }
        let children = self.rows[node].children.clone();
        // Each child's best per candidate.
        let mut per_child: Vec<Vec<(usize, Vec<Assignment>)>> = Vec::new();
        for &child in &children {
            let mut opts = Vec::new();
            for cc in 0..self.rows[child].cands.len() {
                opts.push(self.fewest(child, cc, memo));
            }
            per_child.push(opts);
        }
        let mut best: (usize, Vec<Assignment>) = (usize::MAX, Vec::new());
        if children.is_empty() {
            best = (0, vec![vec![(node, c)]]);
        } else if per_child.iter().all(|o| !o.is_empty()) {
            // Branch and bound over the children's candidates, the cheapest first: a partial
            // choice stops when what it costs already, the least the other children cost, and
            // the columns no choice of theirs can balance any more exceed the best found.
            let order: Vec<Vec<usize>> = per_child
                .iter()
                .map(|opts| {
                    let mut o: Vec<usize> = (0..opts.len())
                        .filter(|&i| opts[i].0 != usize::MAX)
                        .collect();
                    o.sort_by_key(|&i| opts[i].0);
                    o
                })
                .collect();
            if order.iter().all(|o| !o.is_empty()) {
                let mut least_rest = vec![0usize; children.len() + 1];
                for k in (0..children.len()).rev() {
                    least_rest[k] = least_rest[k + 1].saturating_add(per_child[k][order[k][0]].0);
                }
                let bounds = self.rest_bounds(&children);
                let mut bb = Bound {
                    node,
                    c,
                    children: &children,
                    per_child: &per_child,
                    order: &order,
                    least_rest: &least_rest,
                    bounds: &bounds,
                    pick: vec![0; children.len()],
                    sums: vec![(0, 0); self.ncols],
                    best: &mut best,
                };
                if !self.bound(&mut bb, 0, 0) {
                    best = (usize::MAX, Vec::new());
                }
            }
        }
        memo.insert((node, c), best.clone());
        best
    }

    /// One step of [`Search::fewest`]'s branch and bound: the children from `k` on, with
    /// `spent` the cost of those chosen before. False when the step budget ran out.
    fn bound(&mut self, b: &mut Bound<'_>, k: usize, spent: usize) -> bool {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return false;
        }
        let n = self.ncols;
        // The columns no choice of the remaining children can bring within the parent's.
        let lost = (0..n)
            .filter(|&col| {
                let (plo, phi) = self.val(b.node, b.c, col);
                let (least, most) = b.bounds[k * n + col];
                let (slo, shi) = b.sums[col];
                shi.saturating_add(most) < plo || slo.saturating_add(least) > phi
            })
            .count();
        let floor = spent.saturating_add(b.least_rest[k]).saturating_add(lost);
        let full = b.best.1.len() >= FEWEST_KEPT;
        if floor > b.best.0 || full && floor == b.best.0 {
            return true;
        }
        if k == b.children.len() {
            // `lost` is now the number of columns broken, exactly.
            let cost = spent.saturating_add(lost);
            // The product of the children's best placements, at most FEWEST_KEPT kept.
            let mut ways: Vec<Assignment> = vec![vec![(b.node, b.c)]];
            for (j, &p) in b.pick.iter().enumerate() {
                let mut next = Vec::new();
                for w in &ways {
                    for s in &b.per_child[j][p].1 {
                        if next.len() < FEWEST_KEPT {
                            let mut v = w.clone();
                            v.extend_from_slice(s);
                            next.push(v);
                        }
                    }
                }
                ways = next;
            }
            if cost < b.best.0 {
                *b.best = (cost, ways);
            } else {
                for w in ways {
                    if b.best.1.len() < FEWEST_KEPT && !b.best.1.contains(&w) {
                        b.best.1.push(w);
                    }
                }
            }
            return true;
        }
        let child = b.children[k];
        for &cc in &b.order[k] {
            for col in 0..n {
                let (lo, hi) = self.val(child, cc, col);
                b.sums[col].0 = b.sums[col].0.saturating_add(lo);
                b.sums[col].1 = b.sums[col].1.saturating_add(hi);
            }
            b.pick[k] = cc;
            let ok = self.bound(b, k + 1, spent.saturating_add(b.per_child[k][cc].0));
            for col in 0..n {
                let (lo, hi) = self.val(child, cc, col);
                b.sums[col].0 = b.sums[col].0.saturating_sub(lo);
                b.sums[col].1 = b.sums[col].1.saturating_sub(hi);
            }
            if !ok {
                return false;
            }
        }
        true
    }

    /// The placements of `root`'s subtree that break the fewest column sums (several when
    /// they tie: the identities across tables then choose, as for any table); empty when the
    /// search ran out of steps.
    fn fewest_broken(&mut self, root: usize) -> Vec<Assignment> {
        let mut memo = HashMap::new();
        let mut best: (usize, Vec<Assignment>) = (usize::MAX, Vec::new());
        for c in 0..self.rows[root].cands.len() {
            let (cost, ways) = self.fewest(root, c, &mut memo);
            if cost < best.0 {
                best = (cost, ways);
            } else if cost == best.0 && cost != usize::MAX {
                best.1.extend(ways);
            }
        }
        if best.0 == usize::MAX || self.steps > MAX_STEPS {
            return Vec::new();
        }
        best.1.truncate(MAX_SOLUTIONS);
        best.1
    }
}

/// All solutions of a table: one candidate per row (`None` for rows without candidates).
fn solutions(rows: &[Prow], ncols: usize) -> Vec<Vec<Option<usize>>> {
    solutions_full(rows, ncols, false).0
}

/// All solutions of a table read from reading-order text (no positions to go by): where a
/// figure is wrong and no placement holds every sum, those breaking the fewest.
fn solutions_or_fewest(rows: &[Prow], ncols: usize) -> Vec<Vec<Option<usize>>> {
    solutions_full(rows, ncols, true).0
}

/// The rows of the parts of a table (a root row and what sums into it) that no placement makes
/// add up: each placement of them breaks a sum (a figure in them is wrong).
fn unbalanced_rows(rows: &[Prow], ncols: usize) -> std::collections::BTreeSet<usize> {
    let mut search = Search::new(rows, ncols);
    let mut out = std::collections::BTreeSet::new();
    for root in roots(rows) {
        if search.ways(root).is_empty() {
            for s in search.fewest_broken(root) {
                out.extend(s.iter().map(|&(r, _)| r));
            }
        }
    }
    out
}

/// All solutions, and whether the search stopped short (its budget spent, or more solutions
/// than it keeps): then the list is not all there is, and no choice may be made from it.
fn solutions_full(rows: &[Prow], ncols: usize, fewest: bool) -> (Vec<Vec<Option<usize>>>, bool) {
    let mut cut = false;
    let mut search = Search::new(rows, ncols);
    let mut all: Vec<Vec<Option<usize>>> = vec![vec![None; rows.len()]];
    for root in roots(rows) {
        let mut root_solutions = search.ways(root);
        cut |= root_solutions.len() >= MAX_SOLUTIONS;
        if root_solutions.is_empty() {
            // An inconsistent subtree (a figure in it is wrong): the one placement that
            // breaks the fewest sums, if one does — the check then reports the sums that do
            // not hold. Else its rows stay unplaced (layout text may still place them by
            // position).
            if fewest {
                root_solutions = search.fewest_broken(root);
            }
            if root_solutions.is_empty() {
                continue;
            }
        }
        let mut next = Vec::new();
        for a in &all {
            for s in &root_solutions {
                if next.len() >= MAX_SOLUTIONS {
                    break;
                }
                let mut v = a.clone();
                for &(r, c) in s {
                    v[r] = Some(c);
                }
                next.push(v);
            }
        }
        cut |= next.len() >= MAX_SOLUTIONS;
        all = next;
    }
    (all, cut || search.steps > MAX_STEPS)
}

/// For each root row (a row no other row sums into) whose subtree can be placed in several
/// ways, keeps the ways that contradict the settled tables least, judged with the rest of the
/// table left blank (the rest contributes alike to every way). Returns whether anything was
/// narrowed; the rows' candidates are cut to those the kept ways use.
fn narrow_roots(
    t: &RawTable,
    rows: &mut [Prow],
    settled: &[Table],
    rules: &[&'static dyn yusuan_check::Rule],
) -> bool {
    let ncols = t.spec.columns.len();
    let mut allowed: Vec<Option<Vec<usize>>> = vec![None; rows.len()];
    let mut scored = 0usize;
    {
        let mut search = Search::new(rows, ncols);
        for root in roots(rows) {
            let ways = search.ways(root);
            // A search cut short has not seen every way: nothing may be chosen from it.
            if search.steps > MAX_STEPS {
                break;
            }
            if ways.len() < 2 || ways.len() >= MAX_SOLUTIONS {
                continue;
            }
            scored += ways.len();
            if scored > MAX_SCORED {
                break;
            }
            let score = |way: &Assignment| -> usize {
                let mut pick = vec![None; rows.len()];
                for &(r, c) in way {
                    pick[r] = Some(c);
                }
                let mut tables = settled.to_vec();
                tables.push(build(t, rows, &pick));
                let d = document(t.template, tables);
                let cx = Cx {
                    disclosure: &d,
                    budget: None,
                    previous: None,
                };
                rules
                    .iter()
                    .map(|r| {
                        let mut out = Vec::new();
                        r.check(&cx, &mut out);
                        out.iter().filter(|x| x.severity == Severity::Error).count()
                    })
                    .sum()
            };
            let scores: Vec<usize> = ways.iter().map(score).collect();
            let best = scores.iter().copied().min().unwrap_or(0);
            if scores.iter().all(|&x| x == best) {
                continue;
            }
            for (way, _) in ways.iter().zip(&scores).filter(|(_, s)| **s == best) {
                for &(r, c) in way {
                    let a = allowed[r].get_or_insert_with(Vec::new);
                    if !a.contains(&c) {
                        a.push(c);
                    }
                }
            }
        }
    }
    let mut narrowed = false;
    for (r, a) in rows.iter_mut().zip(allowed) {
        if let Some(a) = a {
            let kept: Vec<Vec<usize>> = a.iter().map(|&c| r.cands[c].clone()).collect();
            if kept.len() < r.cands.len() {
                r.cands = kept;
                narrowed = true;
            }
        }
    }
    narrowed
}

/// How far a number printed at `x` stands from the header of column `col`, in characters
/// (a column whose header was not found counts as far).
fn distance(t: &RawTable, col: usize, x: i32) -> i64 {
    match t.anchors.get(col).copied().flatten() {
        Some(a) => i64::from((x - a).abs()),
        None => 40,
    }
}

/// How far candidate `c` of row `r` puts its numbers from their columns' headers, with each
/// page's numbers moved by that page's shift.
fn cost(t: &RawTable, r: &Prow, c: usize, shift: &HashMap<u32, i32>) -> i64 {
    r.cands[c]
        .iter()
        .zip(&r.raw.xs)
        .map(|(&col, &(page, x))| distance(t, col, x + shift.get(&page).copied().unwrap_or(0)))
        .sum()
}

/// The solutions of a table whose text keeps the layout. The arithmetic candidates of each
/// row are narrowed to those nearest the columns' headers. A page without the header (a
/// table continued) may be laid out at another scale: its numbers are shifted by the amount
/// that brings the rows' best candidates nearest their headers. When the nearest candidates
/// do not add up, the table's arithmetic alone decides, nearest first.
fn positioned(t: &RawTable, rows: &mut [Prow]) -> Vec<Vec<Option<usize>>> {
    let ncols = t.spec.columns.len();
    let positioned = |r: &Prow| r.raw.xs.len() == r.raw.numbers.len() && !r.raw.xs.is_empty();
    let mut pages: Vec<u32> = rows
        .iter()
        .filter(|r| positioned(r))
        .flat_map(|r| r.raw.xs.iter().map(|&(p, _)| p))
        .collect();
    pages.sort_unstable();
    pages.dedup();
    let mut shift: HashMap<u32, i32> = HashMap::new();
    for &p in pages.iter().filter(|&&p| p != t.header_page) {
        let on_page: Vec<&Prow> = rows
            .iter()
            .filter(|r| positioned(r) && r.raw.xs.iter().all(|&(q, _)| q == p))
            .filter(|r| !r.cands.is_empty())
            .collect();
        let score = |s: i32| -> i64 {
            let one = HashMap::from([(p, s)]);
            on_page
                .iter()
                .map(|r| {
                    (0..r.cands.len())
                        .map(|c| cost(t, r, c, &one))
                        .min()
                        .unwrap_or(0)
                })
                .sum()
        };
        // Costing every candidate for every shift is bounded: past it the page is taken as laid
        // out like the header's.
        let work: usize = on_page.iter().map(|r| r.cands.len() * r.raw.xs.len()).sum();
        if work > MAX_SHIFT_WORK {
            continue;
        }
        let best = (-60..=60)
            .min_by_key(|&s: &i32| (score(s), s.abs()))
            .unwrap_or(0);
        shift.insert(p, best);
    }
    let all: Vec<Vec<Vec<usize>>> = rows.iter().map(|r| r.cands.clone()).collect();
    for r in rows
        .iter_mut()
        .filter(|r| positioned(r) && r.cands.len() > 1)
    {
        let costs: Vec<i64> = (0..r.cands.len()).map(|c| cost(t, r, c, &shift)).collect();
        let min = costs.iter().copied().min().unwrap_or(0);
        r.cands = r
            .cands
            .iter()
            .zip(&costs)
            .filter(|(_, k)| **k == min)
            .map(|(c, _)| c.clone())
            .collect();
    }
    let placed = |s: &Vec<Option<usize>>| s.iter().filter(|x| x.is_some()).count();
    let near = solutions(rows, ncols);
    let wanted = rows.iter().filter(|r| !r.cands.is_empty()).count();
    let near_placed = near.iter().map(placed).max().unwrap_or(0);
    if near_placed >= wanted {
        return by_position(rows, near);
    }
    // The nearest candidates contradict the table's sums: back to all of them.
    let narrowed: Vec<Vec<Vec<usize>>> = rows.iter().map(|r| r.cands.clone()).collect();
    for (r, c) in rows.iter_mut().zip(&all) {
        r.cands.clone_from(c);
    }
    let (sols, cut) = solutions_full(rows, ncols, false);
    let best_placed = sols.iter().map(placed).max().unwrap_or(0);
    if cut || best_placed <= near_placed {
        for (r, c) in rows.iter_mut().zip(narrowed) {
            r.cands = c;
        }
        return by_position(rows, near);
    }
    // Of the placements that add up, the nearest the headers; the rows keep only the
    // candidates those use, so what narrows the table later starts from them.
    let total = |s: &Vec<Option<usize>>| -> i64 {
        s.iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| cost(t, &rows[i], c, &shift)))
            .sum()
    };
    let full: Vec<Vec<Option<usize>>> = sols
        .into_iter()
        .filter(|s| placed(s) == best_placed)
        .collect();
    let min = full.iter().map(&total).min().unwrap_or(0);
    let kept: Vec<Vec<Option<usize>>> = full.into_iter().filter(|s| total(s) == min).collect();
    for (i, r) in rows.iter_mut().enumerate() {
        let mut used: Vec<usize> = kept.iter().filter_map(|s| s[i]).collect();
        used.sort_unstable();
        used.dedup();
        if !used.is_empty() {
            r.cands = used.iter().map(|&c| r.cands[c].clone()).collect();
        }
    }
    let sols = solutions(rows, ncols);
    by_position(rows, sols)
}

/// Rows the table's sums left unplaced (their part of the table does not add up) are placed
/// where their figures stand, when that is one place: the PDF reader does no more, and check
/// then reports the sums that do not hold, as it would on the PDF.
fn by_position(rows: &[Prow], mut sols: Vec<Vec<Option<usize>>>) -> Vec<Vec<Option<usize>>> {
    for s in &mut sols {
        for (i, r) in rows.iter().enumerate() {
            if s[i].is_none() && r.cands.len() == 1 && !r.raw.numbers.is_empty() {
                s[i] = Some(0);
            }
        }
    }
    sols
}

/// Resolves the columns of every table. `hints` narrows table 7 by the economic classes a
/// project's itemised uses name.
pub fn resolve(raw: &[RawTable], hints: &Hints) -> (Vec<Table>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let units7: Vec<String> = raw
        .iter()
        .filter(|t| reference(t) && t.spec.number == 7)
        .flat_map(|t| {
            t.raw_rows()
                .into_iter()
                .filter(|r| r.code.is_none() && !matches!(r.label.as_str(), "总计" | "合计"))
                .map(|r| r.label)
        })
        .collect();
    // Per table: its index, its rows, its remaining solutions (one candidate per row).
    type Pending = (usize, Vec<Prow>, Vec<Vec<Option<usize>>>);
    let mut pending: Vec<Pending> = Vec::new();
    for (i, t) in raw.iter().enumerate() {
        let mut rows = prepare(t, &units7, &mut diags);
        let ncols = t.spec.columns.len();
        let sols = if t.anchors.is_empty() {
            solutions_or_fewest(&rows, ncols)
        } else {
            positioned(t, &mut rows)
        };
        pending.push((i, rows, sols));
    }
    let cross: Vec<&'static dyn yusuan_check::Rule> = yusuan_check::registry::RULES
        .iter()
        .copied()
        .filter(|r| r.meta().family == Family::Cross)
        .collect();
    let cross_of = |template: &str| -> Vec<&'static dyn yusuan_check::Rule> {
        cross
            .iter()
            .copied()
            .filter(|r| r.meta().template.is_none_or(|x| x == template))
            .collect()
    };
    let mut resolved: Vec<Option<Table>> = vec![None; raw.len()];
    // Unique tables first; then narrow the others against what is settled, until nothing moves.
    loop {
        let mut progress = false;
        for (i, rows, sols) in pending.iter_mut() {
            if resolved[*i].is_some() {
                continue;
            }
            let t = &raw[*i];
            if sols.len() > 1 {
                // Keep the solutions that contradict no settled table.
                let settled: Vec<Table> = resolved.iter().flatten().cloned().collect();
                let scored: Vec<usize> = sols
                    .iter()
                    .map(|s| {
                        let mut tables = settled.clone();
                        tables.push(build(t, rows, s));
                        errors(&document(t.template, tables), &cross_of(t.template))
                    })
                    .collect();
                let best = scored.iter().copied().min().unwrap_or(0);
                let kept: Vec<Vec<Option<usize>>> = sols
                    .iter()
                    .zip(&scored)
                    .filter(|(_, e)| **e == best)
                    .map(|(s, _)| s.clone())
                    .collect();
                if kept.len() < sols.len() {
                    *sols = kept;
                    progress = true;
                }
                // Still several: narrow each independent part of the table (a root row and
                // what sums into it) on its own, since their combinations are too many to
                // list whole.
                if sols.len() > 1 {
                    let settled: Vec<Table> = resolved.iter().flatten().cloned().collect();
                    if narrow_roots(t, rows, &settled, &cross_of(t.template)) {
                        *sols = if t.anchors.is_empty() {
                            solutions_or_fewest(rows, t.spec.columns.len())
                        } else {
                            solutions(rows, t.spec.columns.len())
                        };
                        progress = true;
                    }
                }
                if sols.len() > 1 && reference(t) && t.spec.number == 7 {
                    let hinted: Vec<Vec<Option<usize>>> = sols
                        .iter()
                        .filter(|s| follows_hints(t, rows, s, hints))
                        .cloned()
                        .collect();
                    if !hinted.is_empty() && hinted.len() < sols.len() {
                        *sols = hinted;
                        progress = true;
                    }
                }
            }
            if sols.len() <= 1 {
                let pick = sols
                    .first()
                    .cloned()
                    .unwrap_or_else(|| vec![None; rows.len()]);
                resolved[*i] = Some(finish(t, rows, &pick, &mut diags));
                progress = true;
            }
        }
        if !progress {
            break;
        }
    }
    // What is still ambiguous: place the rows all solutions agree on, report the rest. A row
    // of a part that no placement makes add up (reading-order text, a figure wrong) is placed
    // as in the equally broken placement that sets rows out most like their siblings, and
    // said: the table is checked, and the sums it breaks name the row.
    for (i, rows, sols) in &pending {
        if resolved[*i].is_some() {
            continue;
        }
        let t = &raw[*i];
        let unbalanced = if t.anchors.is_empty() {
            unbalanced_rows(rows, t.spec.columns.len())
        } else {
            Default::default()
        };
        // Of the solutions, the one whose rows are set out most like their siblings (items of
        // one parent print the same columns): for the rows that no placement balances.
        let alike = |s: &Vec<Option<usize>>| -> usize {
            (0..rows.len())
                .filter(|&r| {
                    let Some(c) = s[r] else { return false };
                    let mine = &rows[r].cands[c];
                    let sibs: Vec<&Vec<usize>> = (0..rows.len())
                        .filter(|&o| o != r && rows[o].parent == rows[r].parent)
                        .filter_map(|o| s[o].map(|co| &rows[o].cands[co]))
                        .collect();
                    let same = sibs.iter().filter(|x| **x == mine).count();
                    2 * same >= sibs.len()
                })
                .count()
        };
        let likeliest = if unbalanced.is_empty() {
            None
        } else {
            sols.iter().max_by_key(|s| alike(s))
        };
        let mut pick: Vec<Option<usize>> = vec![None; rows.len()];
        for r in 0..rows.len() {
            let first = sols[0][r];
            if sols.iter().all(|s| s[r] == first) {
                pick[r] = first;
            } else if unbalanced.contains(&r)
                && let Some(chosen) = likeliest.and_then(|s| s[r])
            {
                pick[r] = Some(chosen);
                diags.push(
                    Diagnostic::new(
                        codes::UNBALANCED,
                        Severity::Warning,
                        format!(
                            "表{}「{}」行的数字 {} 可以放在不同的列，而无论怎样放本表的合计都不成立：按其中一种读入并核对，其中至少有一个数字有误",
                            t.spec.number,
                            rows[r].raw.label,
                            rows[r].raw.figures(),
                        ),
                        Label::at(rows[r].raw.source.clone(), ""),
                    )
                    .with_help("核对本行各数及其所在列；用 PDF 读取可以确定各数的列"),
                );
            } else {
                let options: Vec<String> = {
                    let mut o: Vec<String> = sols
                        .iter()
                        .filter_map(|s| s[r])
                        .map(|c| {
                            rows[r].cands[c]
                                .iter()
                                .map(|&col| t.spec.columns[col].0)
                                .collect::<Vec<_>>()
                                .join("、")
                        })
                        .collect();
                    o.sort();
                    o.dedup();
                    o
                };
                diags.push(
                    Diagnostic::new(
                        codes::AMBIGUOUS,
                        Severity::Warning,
                        format!(
                            "表{}「{}」行的数字 {} 可以放在不同的列（{}），无法唯一确定，未读入",
                            t.spec.number,
                            rows[r].raw.label,
                            rows[r].raw.figures(),
                            options.join(" 或 ")
                        ),
                        Label::at(rows[r].raw.source.clone(), ""),
                    )
                    .with_help(if t.anchors.is_empty() {
                        "文本丢失了空白单元格；用 PDF 读取（保留列位置）可以确定"
                    } else {
                        "文本中该行数字的位置与表头对不齐；用 PDF 读取可以确定"
                    }),
                );
            }
        }
        resolved[*i] = Some(finish(t, rows, &pick, &mut diags));
    }
    (resolved.into_iter().flatten().collect(), diags)
}

/// Whether table 7 project rows sit in an economic 类 column their itemised uses name.
fn follows_hints(t: &RawTable, rows: &[Prow], s: &[Option<usize>], hints: &Hints) -> bool {
    rows.iter().zip(s).all(|(r, c)| {
        if r.kind != RowKind::Project {
            return true;
        }
        let Some(classes) = hints.get(&r.raw.label) else {
            return true;
        };
        let Some(c) = c else { return true };
        r.cands[*c].iter().all(|&col| {
            let key = t.spec.columns[col].0;
            key == "合计" || classes.iter().any(|k| k == key)
        })
    })
}

impl RawTable {
    /// The rows, with table 7's project rows named by project (the functional 项 name that
    /// precedes the project name in the text is dropped).
    pub fn raw_rows(&self) -> Vec<RawRow> {
        let cat = yusuan_core::catalog::Catalog::get();
        self.rows
            .iter()
            .map(|r| {
                let mut r = r.clone();
                if self.spec.number == 7
                    && let Some(code) = r.code.as_deref().filter(|c| c.len() == 7)
                    && let Some(name) = yusuan_core::codes::FuncCode::parse(code)
                        .ok()
                        .and_then(|c| cat.functional_name(c, yusuan_core::catalog::LATEST_YEAR))
                    && let Some(rest) = r.label.strip_prefix(name)
                    && !rest.is_empty()
                {
                    r.label = rest.to_string();
                }
                r
            })
            .collect()
    }
}
