//! 表格网格 — one page's part of a table region → columns with their header words, and rows
//! with their stub and their figures in columns. Geometry only: no word here has a meaning
//! beyond being a figure, a code or text; [`super`] gives them one.
//!
//! Columns are found from the figures (right-aligned: their right edges cluster), so a column
//! that prints no figure on a page is not one of that page's columns; header words fall to
//! the column they stand over. A two-sided table is split where text starts again right of a
//! figure column (the 支出 half's stub).

use crate::pdf::{LaidCell, LaidLine};
use crate::textpage::is_figure;

/// A line of a region with where it stands.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// 1-based page.
    pub page: u32,
    /// 1-based line in the document's text.
    pub no: usize,
    /// The laid-out line.
    pub laid: &'a LaidLine,
}

/// A value column of one page: where its figures stand, and the header words over it.
#[derive(Debug, Clone)]
pub struct GridColumn {
    /// 0 = the one side or 收入, 1 = 支出.
    pub side: usize,
    /// Leftmost left edge of its figures.
    pub left: i32,
    /// Rightmost right edge of its figures (the anchor: figures are right-aligned).
    pub right: i32,
    /// Header words standing over this column alone, top to bottom (a wrapped leaf).
    pub leaf: Vec<String>,
    /// Header words spanning this column and others, top to bottom.
    pub parents: Vec<String>,
}

/// A row of one side: its stub and its figures by column.
#[derive(Debug, Clone)]
pub struct GridRow {
    /// 0 = the one side or 收入, 1 = 支出.
    pub side: usize,
    /// Stub cells' texts, left to right (codes and names).
    pub stub: Vec<String>,
    /// Their left edges.
    pub stub_x: Vec<i32>,
    /// (column index in the page's columns, figure text).
    pub figures: Vec<(usize, String)>,
    /// Figures that fit no column.
    pub stray: Vec<String>,
    /// Where the row's first line stands.
    pub page: u32,
    /// Its line.
    pub no: usize,
    /// Where its figures stand, when on another line than its name (a name set a line above
    /// or below its figures): page and line.
    pub figures_at: Option<(u32, usize)>,
}

/// One page's part of a table.
#[derive(Debug, Clone, Default)]
pub struct PageGrid {
    /// Value columns, left to right.
    pub columns: Vec<GridColumn>,
    /// Rows in print order (收入 rows of a line before its 支出 row).
    pub rows: Vec<GridRow>,
    /// Whether the page has header words.
    pub has_header: bool,
    /// Where each side after the first begins, left to right: one place for a two-sided
    /// table, more for one printed as several lists side by side (收入 beside 支出 by 功能分类,
    /// by 部门经济分类 and by 政府经济分类, each list its own names and figures).
    pub splits: Vec<i32>,
    /// Per side, the header words over its names (`支出功能分科目（按大类）`), when the page
    /// prints three lists or more: what tells the lists apart.
    pub stub_heads: Vec<String>,
}

/// The side at `x` (0 left of every split).
fn side_at(splits: &[i32], x: i32) -> usize {
    splits.iter().take_while(|&&s| x >= s).count()
}

/// Half-way between two positions (never overflowing).
fn halfway(a: i32, b: i32) -> i32 {
    a / 2 + b / 2
}

/// True for a code cell: digits only, 2, 3, 5 or 7 of them (`201`, `01`, `2010101`).
pub fn is_code(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    !t.is_empty()
        && t.bytes().all(|b| b.is_ascii_digit())
        && matches!(t.len(), 2 | 3 | 5 | 7)
        && s.split_whitespace()
            .all(|p| matches!(p.len(), 2 | 3 | 5 | 7))
}

/// The figure cells of a line: cells that are figures, not leading codes.
fn figure_cells(l: &LaidLine) -> Vec<&LaidCell> {
    figure_indices(l).into_iter().map(|i| &l.cells[i]).collect()
}

/// The indices of [`figure_cells`].
fn figure_indices(l: &LaidLine) -> Vec<usize> {
    let mut out = Vec::new();
    let mut leading = true;
    for (i, c) in l.cells.iter().enumerate() {
        let t = c.text.trim();
        if leading && is_code(t) && !t.contains(['.', ',']) {
            // A code only when text or another code follows it.
            let next = l.cells.get(i + 1).map(|n| n.text.trim());
            if next.is_some_and(|n| !is_figure(n) || is_code(n)) {
                continue;
            }
        }
        leading = false;
        // A bare integer with text after it is a code of a middle column (`509 05 差旅费`),
        // not a figure: figures stand right of a row's words.
        let bare = t.bytes().all(|b| b.is_ascii_digit());
        let text_after = l.cells[i + 1..]
            .iter()
            .any(|n| !n.text.trim().is_empty() && !is_figure(n.text.trim()));
        if is_figure(t) && !(bare && text_after) {
            out.push(i);
        }
    }
    out
}

/// True when a line prints a figure.
pub fn has_figures(l: &LaidLine) -> bool {
    !figure_cells(l).is_empty()
}

/// A line's words, with a word set letter-spaced (`合  计`, `小  计`) as one: single characters
/// less than two of their widths apart are joined — but not 类 beside 款 or 项, each the header
/// of a code column of its own (`项  目` is one word).
fn spaced_words(cells: &[LaidCell]) -> Vec<LaidCell> {
    let mut out: Vec<LaidCell> = Vec::new();
    let single = |c: &LaidCell| {
        let t = c.text.trim();
        t.chars().count() == 1 && !t.starts_with(|ch: char| ch.is_ascii_digit())
    };
    let code_head = |t: &str| matches!(t.trim(), "类" | "款" | "项");
    let mut last_single = false;
    for c in cells {
        let here = single(c);
        if let Some(prev) = out.last_mut()
            && here
            && last_single
            && !(code_head(&prev.text) && code_head(&c.text))
            && c.x0.saturating_sub(prev.x1) <= c.x1.saturating_sub(c.x0).max(1).saturating_mul(2)
        {
            prev.text.push_str(c.text.trim());
            prev.x1 = c.x1;
            continue;
        }
        last_single = here;
        out.push(c.clone());
    }
    out
}

/// The typical width of a character on these lines (1/100 pt).
fn em(lines: &[Line<'_>]) -> i32 {
    let mut w: Vec<i32> = lines
        .iter()
        .flat_map(|l| l.laid.cells.iter())
        .filter(|c| is_figure(c.text.trim()))
        .filter_map(|c| {
            let n = i32::try_from(c.text.trim().chars().count()).ok()?;
            (n > 0 && c.x1 > c.x0).then(|| (c.x1 - c.x0) / n)
        })
        .collect();
    w.sort_unstable();
    w.get(w.len() / 2).copied().unwrap_or(500).max(100)
}

/// Reads one page's part of a table: `header` lines above the first figure, `body` from it.
/// `exact`: the positions are a PDF's (header words stand over their columns); a text's are
/// character columns, where `pdftotext` may set a header apart from its figures.
pub fn page_grid(header: &[Line<'_>], body: &[Line<'_>], two_sided: bool, exact: bool) -> PageGrid {
    page_grid_split(header, body, two_sided, exact, None)
}

/// [`page_grid`], its sides split where `given` says (a continued page of a PDF, set out as its
/// first page, may print nothing in a side that the first page's split found).
pub fn page_grid_split(
    header: &[Line<'_>],
    body: &[Line<'_>],
    two_sided: bool,
    exact: bool,
    given: Option<&[i32]>,
) -> PageGrid {
    let em = em(body);
    let tol = em * 5 / 2;
    // Column anchors: right edges of figures, clustered.
    let bare = |t: &str| t.len() <= 7 && t.bytes().all(|b| b.is_ascii_digit());
    let mut rights: Vec<(i32, i32, bool)> = body
        .iter()
        .flat_map(|l| figure_cells(l.laid))
        .map(|c| (c.x1, c.x0, bare(c.text.trim())))
        .collect();
    rights.sort_unstable();
    let mut cols: Vec<(i32, i32, i32)> = Vec::new(); // (left, right, last right seen)
    let mut all_bare: Vec<bool> = Vec::new();
    for (x1, x0, b) in rights {
        match cols.last_mut() {
            Some(c) if x1.saturating_sub(c.2) <= tol => {
                c.0 = c.0.min(x0);
                c.1 = c.1.max(x1);
                c.2 = x1;
                if let Some(a) = all_bare.last_mut() {
                    *a &= b;
                }
            }
            _ => {
                cols.push((x0, x1, x1));
                all_bare.push(b);
            }
        }
    }
    // A leading column of bare integers in a table of amounts with decimals is a code column
    // whose names were set on the lines around (`99` between `其他…养老支` and `出`).
    if !two_sided && all_bare.iter().any(|b| !b) {
        let lead = all_bare.iter().take_while(|b| **b).count();
        cols.drain(..lead);
    }
    // The 支出 half begins where text starts again right of the first column.
    let split = if two_sided {
        let first = cols.first().map_or(i32::MAX, |c| c.1);
        // A code followed by its name starts the half too (`302  商品和服务支出`).
        body.iter()
            .flat_map(|l| {
                let cells = &l.laid.cells;
                (0..cells.len()).filter_map(move |i| {
                    let c = &cells[i];
                    let t = c.text.trim();
                    let named = || {
                        cells[i + 1..]
                            .iter()
                            .map(|n| n.text.trim())
                            .find(|n| !is_code(n))
                            .is_some_and(|n| !is_figure(n))
                    };
                    (c.x0 > first && !is_figure(t) && (!is_code(t) || named())).then_some(c.x0)
                })
            })
            .min()
    } else {
        None
    };
    let mut splits: Vec<i32> = split.into_iter().collect();
    // Further lists side by side: names starting again between two figure columns right of
    // the first split, on three lines or more.
    if let Some(s0) = split {
        for w in cols.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a.1 < s0 {
                continue;
            }
            let starts: Vec<i32> = body
                .iter()
                .filter_map(|l| {
                    l.laid
                        .cells
                        .iter()
                        .filter(|c| {
                            let t = c.text.trim();
                            c.x0 > a.1 && c.x1 <= b.0 && !is_figure(t) && !is_code(t)
                        })
                        .map(|c| c.x0)
                        .min()
                })
                .collect();
            if starts.len() >= 3
                && let Some(&x) = starts.iter().min()
            {
                splits.push(x);
            }
        }
    }
    if let Some(g) = given.filter(|g| !g.is_empty() && two_sided) {
        splits = g.to_vec();
    }
    let sides = splits.len() + 1;
    let side_of = |x: i32| side_at(&splits, x);
    let mut columns: Vec<GridColumn> = cols
        .iter()
        .map(|&(left, right, _)| GridColumn {
            side: side_of(right),
            left,
            right,
            leaf: Vec::new(),
            parents: Vec::new(),
        })
        .collect();
    let mut grid = PageGrid {
        columns: Vec::new(),
        rows: Vec::new(),
        has_header: false,
        splits: splits.clone(),
        stub_heads: Vec::new(),
    };
    if columns.is_empty() {
        return grid;
    }
    // A column that prints no figure on this page still has its header words: in a PDF, a word
    // standing over no figure column, right of the stub, makes one.
    let starts: Vec<i32> = (0..sides)
        .map(|s| leftmost(&columns, s).unwrap_or(i32::MAX))
        .collect();
    let mut extra: Vec<GridColumn> = Vec::new();
    // A header word reaching over a figure column (or standing near its right edge) is its
    // leaf, or a parent spanning it.
    let reaches = |w: &LaidCell, c: &GridColumn| {
        let mid = halfway(w.x0, w.x1);
        c.side == side_of(mid)
            && ((mid >= c.left.saturating_sub(tol) && mid <= c.right.saturating_add(tol))
                || w.x1.min(c.right).saturating_sub(w.x0.max(c.left)) > 0)
    };
    let words: Vec<Vec<LaidCell>> = if exact {
        header.iter().map(|l| spaced_words(&l.laid.cells)).collect()
    } else {
        Vec::new()
    };
    // A figure column no leaf word reaches (a word with words under it is a parent) takes the
    // word centred in the gap before it (a wide cell whose figures stand far right of its
    // centred header): the rightmost such word on its line.
    let claimed: Vec<bool> = columns
        .iter()
        .map(|c| {
            words.iter().enumerate().any(|(li, line)| {
                line.iter().any(|w| {
                    reaches(w, c)
                        && !words[li + 1..]
                            .iter()
                            .flatten()
                            .any(|o| o.x0 < w.x1 && o.x1 > w.x0)
                })
            })
        })
        .collect();
    // Bottom line first: a leaf word makes its column before a word spanning several does.
    for line in words.iter().rev() {
        for (wi, w) in line.iter().enumerate() {
            // A side's label (`收入`, `支出` over a two-sided table's halves) or the words over
            // a half's stub (`科目编码`, `类`, `款`) head no value column.
            let word: String = w.text.split_whitespace().collect();
            if word.is_empty() || two_sided && (is_side_word(&word) || is_stub_word(&word)) {
                continue;
            }
            let mid = halfway(w.x0, w.x1);
            let side = side_of(mid);
            if w.x0 <= starts[side].saturating_sub(tol) || columns.iter().any(|c| reaches(w, c)) {
                continue;
            }
            // The figure column right of the word, and the gap before it.
            let next = columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.side == side && c.right > mid)
                .min_by_key(|(_, c)| c.right);
            let gap_start = columns
                .iter()
                .filter(|c| c.side == side && c.right <= mid)
                .map(|c| c.right)
                .max()
                .unwrap_or(i32::MIN);
            if let Some((ci, c)) = next
                && !claimed[ci]
                && !line[wi + 1..].iter().any(|o| {
                    let m = halfway(o.x0, o.x1);
                    m > gap_start && m <= c.right
                })
            {
                continue;
            }
            if extra.iter().any(|c| reaches(w, c)) {
                continue;
            }
            extra.push(GridColumn {
                side,
                left: w.x0,
                right: w.x1,
                leaf: Vec::new(),
                parents: Vec::new(),
            });
        }
    }
    if !extra.is_empty() {
        columns.extend(extra);
        columns.sort_by_key(|c| (c.side, c.left / 2 + c.right / 2));
    }
    if exact {
        // Where each side's names end: a header word right of them, though left of the first
        // figures, is a column's (a 三公 table's row may print no name at all).
        // (A side with no figure on the page keeps the stub as far as its first column.)
        let mut stub_end: Vec<Option<i32>> = vec![None; sides];
        let mut figures = vec![false; sides];
        let first: Vec<Option<i32>> = (0..sides).map(|s| leftmost(&columns, s)).collect();
        for l in body {
            for c in &l.laid.cells {
                let t = c.text.trim();
                let side = side_of(c.x0.max(c.x1 - 1));
                if is_figure(t) {
                    figures[side] = true;
                } else if !t.is_empty() && first[side].is_some_and(|s| c.x1 <= s) {
                    stub_end[side] = Some(stub_end[side].map_or(c.x1, |e| e.max(c.x1)));
                }
            }
        }
        for side in 0..sides {
            if !figures[side] {
                stub_end[side] = Some(i32::MAX);
            }
        }
        headers_exact(header, &mut columns, &splits, em, !two_sided, &stub_end);
    } else {
        headers(header, &mut columns, &splits, em);
    }
    if sides >= 3 {
        grid.stub_heads = (0..sides)
            .map(|side| {
                let end = leftmost(&columns, side).unwrap_or(i32::MAX);
                header
                    .iter()
                    .flat_map(|l| &l.laid.cells)
                    .filter(|c| side_of(halfway(c.x0, c.x1)) == side && c.x1 <= end)
                    .map(|c| c.text.split_whitespace().collect::<String>())
                    // (Not a side's label, nor a value column's word set left of its figures.)
                    .filter(|t| {
                        !is_side_word(t)
                            && super::vocab::Vocabulary::get()
                                .column_key(t)
                                .is_none_or(|(_, stub)| stub)
                    })
                    .collect()
            })
            .collect();
    }
    grid.has_header = columns
        .iter()
        .any(|c| !c.leaf.is_empty() || !c.parents.is_empty());
    // Rows.
    // The stub ends where the side's first column (figures or header word) begins.
    let ends: Vec<i32> = (0..sides)
        .map(|s| leftmost(&columns, s).unwrap_or(i32::MAX))
        .collect();
    for l in body {
        let figs = figure_indices(l.laid);
        let mut per_side: Vec<GridRow> = (0..sides)
            .map(|side| GridRow {
                side,
                stub: Vec::new(),
                stub_x: Vec::new(),
                figures: Vec::new(),
                stray: Vec::new(),
                page: l.page,
                no: l.no,
                figures_at: None,
            })
            .collect();
        for (ci, c) in l.laid.cells.iter().enumerate() {
            let t = c.text.trim();
            if t.is_empty() {
                continue;
            }
            let side = side_of(c.x0.max(c.x1 - 1));
            if !figs.contains(&ci) {
                // Text: the stub of its side (text inside the value columns is kept with
                // the stub too: a wrapped name may run into them).
                // (A 支出 name on a line without 收入 may be set left of its half, but never
                // as far left as the 收入 figures begin.)
                let side = if splits.is_empty() {
                    0
                } else {
                    side_of(c.x0.saturating_add(tol))
                        .max(usize::from(c.x0 > ends[0].saturating_sub(2 * em)))
                };
                per_side[side].stub.push(t.to_string());
                per_side[side].stub_x.push(c.x0);
                continue;
            }
            // The column whose anchor is nearest the figure's right edge, on its side.
            let best = columns
                .iter()
                .enumerate()
                .filter(|(_, col)| col.side == side)
                .min_by_key(|(_, col)| col.right.saturating_sub(c.x1).saturating_abs());
            match best {
                Some((i, col))
                    if col.right.saturating_sub(c.x1).saturating_abs() <= tol
                        || (c.x0 >= col.left.saturating_sub(tol)
                            && c.x1 <= col.right.saturating_add(tol)) =>
                {
                    per_side[side].figures.push((i, t.to_string()))
                }
                _ if c.x1 <= ends[side] => {
                    per_side[side].stub.push(t.to_string());
                    per_side[side].stub_x.push(c.x0);
                }
                _ => per_side[side].stray.push(t.to_string()),
            }
        }
        for r in per_side {
            if !r.stub.is_empty() || !r.figures.is_empty() || !r.stray.is_empty() {
                grid.rows.push(r);
            }
        }
    }
    if sides >= 3 {
        merge_lists_totals(&mut grid.rows);
    }
    grid.columns = columns;
    if !exact {
        merge_drifted(&mut grid);
    }
    code_columns_to_stub(&mut grid);
    grid
}

/// A page's sides renumbered `by` places on: a continued page of a table printed as several
/// lists side by side, whose first lists have ended.
pub fn shift_sides(g: &mut PageGrid, by: usize) {
    for c in &mut g.columns {
        c.side += by;
    }
    for r in &mut g.rows {
        r.side += by;
    }
    if !g.stub_heads.is_empty() {
        let mut heads = vec![String::new(); by];
        heads.append(&mut g.stub_heads);
        g.stub_heads = heads;
    }
}

/// In a table printed as several lists side by side, a line's row printed alike in every list
/// of the 支出 half (`本年支出合计`, `结转下年`, `支出总计`) is one row, with a figure in each
/// list's column.
fn merge_lists_totals(rows: &mut Vec<GridRow>) {
    let mut i = 0;
    while i < rows.len() {
        let (no, side) = (rows[i].no, rows[i].side);
        let label = rows[i].stub.concat();
        let twin = (side >= 1 && !label.is_empty())
            .then(|| {
                (i + 1..rows.len())
                    .take_while(|&j| rows[j].no == no)
                    .find(|&j| rows[j].side > side && rows[j].stub.concat() == label)
            })
            .flatten();
        match twin {
            Some(j) => {
                let r = rows.remove(j);
                rows[i].figures.extend(r.figures);
                rows[i].stray.extend(r.stray);
            }
            None => i += 1,
        }
    }
}

/// Columns of codes between the value columns (`部门预算支出经济科目编码 类 款` over `310 02` in a
/// 政府采购 table): headed by a stub word, every figure under them a bare number of one to
/// three digits. They hold no amounts: their figures join the row's stub (after its name), in
/// order, and the columns go.
fn code_columns_to_stub(g: &mut PageGrid) {
    let bare = |t: &str| (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    let codes: Vec<usize> = (0..g.columns.len())
        .filter(|&ci| {
            let c = &g.columns[ci];
            let headed = std::iter::once(c.leaf.concat())
                .chain(c.parents.iter().cloned())
                .any(|w| !w.is_empty() && is_stub_word(&w));
            let mut figures = g
                .rows
                .iter()
                .flat_map(|r| &r.figures)
                .filter(|(i, _)| *i == ci)
                .peekable();
            headed && figures.peek().is_some() && figures.all(|(_, t)| bare(t.trim()))
        })
        .collect();
    if codes.is_empty() {
        return;
    }
    for r in &mut g.rows {
        let mut moved: Vec<(usize, String)> = Vec::new();
        r.figures.retain(|(i, t)| {
            if codes.contains(i) {
                moved.push((*i, t.clone()));
                false
            } else {
                true
            }
        });
        moved.sort_by_key(|(i, _)| *i);
        for (_, t) in moved {
            r.stub.push(t);
            r.stub_x.push(i32::MAX);
        }
        for (i, _) in &mut r.figures {
            *i -= codes.iter().filter(|&&c| c < *i).count();
        }
    }
    let mut ci = 0;
    g.columns.retain(|_| {
        let keep = !codes.contains(&ci);
        ci += 1;
        keep
    });
}

/// In a text, the figures of one column drift right with the length of the names left of
/// them, and may cluster into two: a column with no header word beside a column with one,
/// never both filled on one line, is the same column.
fn merge_drifted(g: &mut PageGrid) {
    let headed = |c: &GridColumn| !c.leaf.is_empty() || !c.parents.is_empty();
    loop {
        let together = |a: usize, b: usize| {
            g.rows.iter().any(|r| {
                r.figures.iter().any(|(i, _)| *i == a) && r.figures.iter().any(|(i, _)| *i == b)
            })
        };
        let found = (0..g.columns.len()).find_map(|i| {
            if headed(&g.columns[i]) {
                return None;
            }
            [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter(|&j| j < g.columns.len())
                .find(|&j| {
                    g.columns[j].side == g.columns[i].side
                        && headed(&g.columns[j])
                        && !together(i, j)
                })
                .map(|j| (i, j))
        });
        let Some((from, into)) = found else {
            return;
        };
        let (l, r) = (g.columns[from].left, g.columns[from].right);
        let c = &mut g.columns[into];
        c.left = c.left.min(l);
        c.right = c.right.max(r);
        g.columns.remove(from);
        let target = if into > from { into - 1 } else { into };
        for row in &mut g.rows {
            for (i, _) in &mut row.figures {
                if *i == from {
                    *i = target;
                } else if *i > from {
                    *i -= 1;
                }
            }
        }
    }
}

/// A text's header words to the columns they stand over (a PDF's: [`headers_exact`]). A word
/// is a parent (spanning several columns) when, on the lines below it, words stand over two or
/// more columns within its reach (up to half-way to its neighbours on its line) and it stands
/// centred over them; else it is part of the leaf of the column nearest it.
fn headers(header: &[Line<'_>], columns: &mut [GridColumn], splits: &[i32], em: i32) {
    let joined = join_stacked(header);
    let header: Vec<Line<'_>> = header
        .iter()
        .zip(&joined)
        .map(|(l, laid)| Line { laid, ..*l })
        .collect();
    let header = header.as_slice();
    let centre = |c: &GridColumn| halfway(c.left, c.right);
    // In a text, `pdftotext` sets a header's words apart from their figures by as much as the
    // names left of them are wider than their characters: one shift for the page, the one
    // that brings the words nearest to the columns' centres; and a word farther than half the
    // columns' spacing from every centre stands over a blank column and names none.
    let (shift, reach) = text_shift(header, columns, splits, em);
    // The column a header word stands over: nearest centre, on its side, within reach.
    let nearest = |cols: &[GridColumn], x0: i32, x1: i32| -> Option<usize> {
        let (x0, x1) = (x0.saturating_add(shift), x1.saturating_add(shift));
        let mid = halfway(x0, x1);
        let side = side_at(splits, mid);
        let first_left = cols
            .iter()
            .filter(|c| c.side == side)
            .map(|c| c.left)
            .min()?;
        if x1 < first_left.saturating_sub(em) {
            return None; // over the stub
        }
        cols.iter()
            .enumerate()
            .filter(|(_, c)| c.side == side)
            .min_by_key(|(_, c)| centre(c).saturating_sub(mid).saturating_abs())
            .filter(|(_, c)| centre(c).saturating_sub(mid).saturating_abs() <= reach)
            .map(|(i, _)| i)
    };
    // The side whose value columns a header word stands over (not over its stub).
    let over_values = |cols: &[GridColumn], x0: i32, x1: i32| -> Option<usize> {
        let (x0, x1) = (x0.saturating_add(shift), x1.saturating_add(shift));
        let side = side_at(splits, halfway(x0, x1));
        let first_left = cols
            .iter()
            .filter(|c| c.side == side)
            .map(|c| c.left)
            .min()?;
        (x1 >= first_left.saturating_sub(em)).then_some(side)
    };
    // In a text, a stub word may stand anywhere over the first columns: it names none; nor
    // does a two-sided table's label of a half.
    let words: Vec<Vec<&LaidCell>> = header
        .iter()
        .map(|l| {
            l.laid
                .cells
                .iter()
                .filter(|c| {
                    let t = c.text.trim();
                    !t.is_empty()
                        && !is_stub_word(t)
                        && (splits.is_empty()
                            || !is_side_word(&t.split_whitespace().collect::<String>()))
                })
                .collect()
        })
        .collect();
    let mut leaves: Vec<(usize, i32, i32, String)> = Vec::new();
    for (li, line) in words.iter().enumerate() {
        for (wi, w) in line.iter().enumerate() {
            let mid = halfway(w.x0, w.x1);
            let lo = if wi == 0 {
                i32::MIN
            } else {
                halfway(line[wi - 1].x1, w.x0)
            };
            let hi = line.get(wi + 1).map_or(i32::MAX, |n| halfway(w.x1, n.x0));
            // Columns with words below this one, within its reach, with the line of each word.
            let under: Vec<(usize, usize)> = words[li + 1..]
                .iter()
                .enumerate()
                .flat_map(|(d, line)| line.iter().map(move |b| (li + 1 + d, b)))
                .filter(|(_, b)| {
                    let m = halfway(b.x0, b.x1);
                    m > lo && m < hi
                })
                .filter_map(|(l, b)| nearest(columns, b.x0, b.x1).map(|c| (c, l)))
                .collect();
            // A column whose one word stands higher than the deepest words under this one is a
            // cell spanning the header's rows beside it (`合计` beside `基本支出` over `小计
            // 人员经费 公用经费`), not under it.
            let deepest = under.iter().map(|&(_, l)| l).max().unwrap_or(0);
            let mut below: Vec<usize> = under
                .iter()
                .map(|&(c, _)| c)
                .filter(|&c| {
                    let lines: Vec<usize> = under
                        .iter()
                        .filter(|&&(o, _)| o == c)
                        .map(|&(_, l)| l)
                        .collect();
                    !(lines.len() == 1 && lines[0] < deepest)
                })
                .collect();
            below.sort_unstable();
            below.dedup();
            // Centred over the columns under it, or over the words under it on the deepest
            // line (some of which may head columns that print no figure here).
            let centred = |a: i32, b: i32, mid: i32| {
                let range = b.saturating_sub(a).saturating_abs();
                mid.saturating_sub(halfway(a, b)).saturating_abs() <= (range / 4).max(em * 3)
            };
            let lowest: Vec<i32> = words
                .get(deepest)
                .filter(|_| deepest > li)
                .map(|line| {
                    line.iter()
                        .map(|b| halfway(b.x0, b.x1))
                        .filter(|m| *m > lo && *m < hi)
                        .collect()
                })
                .unwrap_or_default();
            let spans = below.len() >= 2
                && (centred(
                    centre(&columns[below[0]]),
                    centre(&columns[*below.last().unwrap_or(&below[0])]),
                    mid,
                ) || lowest.len() >= 2
                    && centred(
                        lowest.iter().copied().min().unwrap_or(mid),
                        lowest.iter().copied().max().unwrap_or(mid),
                        mid,
                    ));
            let text = w.text.trim().to_string();
            if spans {
                for &c in &below {
                    columns[c].parents.push(text.clone());
                }
            } else if let Some(side) = over_values(columns, w.x0, w.x1) {
                leaves.push((side, w.x0, w.x1, text));
            }
        }
    }
    // The leaves' words, one slot per word or per words set over each other (a wrapped
    // leaf), go to the columns in order, each column taking at most one slot, as many as
    // can be matched within twice the reach, then nearest: a slot over a column that prints
    // no figure here (a 决算 table's 上级补助收入 … 附属单位上缴收入, blank in most departments)
    // names none, and a header set apart from its figures by more than half their spacing
    // (`合计  基本支出 项目支出` over three columns) still names them in order.
    for side in 0..=splits.len() {
        let mut slots: Vec<(i32, i32, Vec<String>)> = Vec::new();
        let mut mine: Vec<&(usize, i32, i32, String)> =
            leaves.iter().filter(|(s, ..)| *s == side).collect();
        mine.sort_by_key(|(_, x0, ..)| *x0);
        // A word over two words set apart spans them: a parent whose span was not seen, no
        // leaf (nor what joins two leaves into one slot).
        let over =
            |a: &(usize, i32, i32, String), b: &(usize, i32, i32, String)| a.1 < b.2 && b.1 < a.2;
        let spanning: Vec<bool> = mine
            .iter()
            .map(|w| {
                let under: Vec<_> = mine
                    .iter()
                    .filter(|o| !std::ptr::eq(*o, w) && over(w, o))
                    .collect();
                under.iter().any(|a| under.iter().any(|b| a.2 <= b.1))
            })
            .collect();
        let mine: Vec<_> = mine
            .into_iter()
            .zip(spanning)
            .filter(|(_, s)| !s)
            .map(|(w, _)| w)
            .collect();
        for (_, x0, x1, text) in mine {
            match slots.iter_mut().find(|(a, b, _)| *x0 < *b && *a < *x1) {
                Some(slot) => {
                    slot.0 = slot.0.min(*x0);
                    slot.1 = slot.1.max(*x1);
                    slot.2.push(text.clone());
                }
                None => slots.push((*x0, *x1, vec![text.clone()])),
            }
        }
        slots.sort_by_key(|(a, b, _)| halfway(*a, *b));
        let cols: Vec<usize> = (0..columns.len())
            .filter(|&c| columns[c].side == side)
            .collect();
        let far = reach.saturating_mul(2);
        let mids: Vec<i32> = slots.iter().map(|(a, b, _)| halfway(*a, *b)).collect();
        let centres: Vec<i32> = cols.iter().map(|&c| centre(&columns[c])).collect();
        // Their own shift (a sub-header's words, a parent's, pull the page's), from a
        // character left to as far right as the page's (figures are right-aligned in their
        // cells, header words centred: the words stand left of their figures' centres, not
        // right): the one that matches most words to columns, then at the least distance
        // and shift.
        let mut best: Option<(Fit, Vec<(usize, usize)>)> = None;
        let step = em.max(1);
        let steps = (far.saturating_mul(2) / step).clamp(0, 200);
        for k in -1..=steps {
            let s = k.saturating_mul(step);
            let (matched, distance, pairs) = align(&mids, &centres, s, far);
            let score = (
                matched,
                -distance.saturating_add(i64::from(s.saturating_abs())),
            );
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, pairs));
            }
        }
        // A slot's words that make no column's name together, of which one alone is one,
        // are that one and a parent whose span was not seen (`“三公”经费预算数` over
        // `公务接待费`, set apart from its columns).
        let vocab = super::vocab::Vocabulary::get();
        let known = |t: &str| vocab.column_key(t).is_some();
        for (k, c) in best.map(|(_, p)| p).unwrap_or_default() {
            let words = &slots[k].2;
            let named: Vec<&String> = words.iter().filter(|w| known(w)).collect();
            if words.len() >= 2 && !known(&words.concat()) && named.len() == 1 {
                columns[cols[c]].leaf.push(named[0].clone());
            } else {
                columns[cols[c]].leaf.extend(words.iter().cloned());
            }
        }
    }
}

/// How well header words fit their columns: (words matched, minus their distance and shift).
type Fit = (usize, i64);

/// Header slots (their centres) matched in order to columns (theirs), each at most once, the
/// slots shifted by `shift`, a pair at most `far` apart: the most pairs, then the least
/// distance. Gives (pairs, distance, pairs as (slot, column)).
fn align(mids: &[i32], centres: &[i32], shift: i32, far: i32) -> (usize, i64, Vec<(usize, usize)>) {
    let (n, m) = (mids.len(), centres.len());
    let cost = |k: usize, c: usize| -> Option<i64> {
        let d = centres[c]
            .saturating_sub(mids[k].saturating_add(shift))
            .saturating_abs();
        (d <= far).then_some(i64::from(d))
    };
    // best[k][c]: (matched, -distance) over the first k slots and c columns.
    let mut best = vec![vec![(0usize, 0i64); m + 1]; n + 1];
    for k in 1..=n {
        for c in 1..=m {
            let mut b = best[k - 1][c].max(best[k][c - 1]);
            if let Some(d) = cost(k - 1, c - 1) {
                let (cnt, neg) = best[k - 1][c - 1];
                b = b.max((cnt + 1, neg - d));
            }
            best[k][c] = b;
        }
    }
    let mut pairs = Vec::new();
    let (mut k, mut c) = (n, m);
    while k > 0 && c > 0 {
        if best[k][c] == best[k - 1][c] {
            k -= 1;
        } else if best[k][c] == best[k][c - 1] {
            c -= 1;
        } else {
            pairs.push((k - 1, c - 1));
            k -= 1;
            c -= 1;
        }
    }
    (best[n][m].0, -best[n][m].1, pairs)
}

/// A text's header cells whose lines `pdftotext` set as words of their own, one under the
/// other in a narrow column (`本年收入合` / `计`, `附属单` / `位上` / `缴收入`, `国有资本经营` /
/// `预` / `算财政拨` / `款`): words that overlap only each other on the nearest lines that
/// print anything there, joined top to bottom where what they make is a column's name in the
/// vocabulary. Words that make no name stay as printed (a parent over its one column, a leaf
/// of words the vocabulary does not know). Gives the header lines with the joined words, each
/// set on the line of its first piece (where its cell begins: a word beside it on a lower line
/// is not under it).
fn join_stacked(header: &[Line<'_>]) -> Vec<LaidLine> {
    let vocab = super::vocab::Vocabulary::get();
    // Names a single space apart (`基本支出 项目支出`) are two words.
    let apart = |c: &LaidCell| -> Vec<LaidCell> {
        let parts: Vec<&str> = c.text.split(' ').filter(|p| !p.is_empty()).collect();
        let n = i32::try_from(c.text.chars().count())
            .unwrap_or(i32::MAX)
            .max(1);
        if parts.len() < 2 || parts.iter().any(|p| vocab.column_key(p).is_none()) {
            return vec![c.clone()];
        }
        let step = c.x1.saturating_sub(c.x0) / n;
        let mut at = 0i32;
        let mut out = Vec::new();
        for p in c.text.split(' ') {
            let len = i32::try_from(p.chars().count()).unwrap_or(0);
            if !p.is_empty() {
                out.push(LaidCell {
                    text: p.to_string(),
                    x0: c.x0.saturating_add(at.saturating_mul(step)),
                    x1: c
                        .x0
                        .saturating_add(at.saturating_add(len).saturating_mul(step)),
                });
            }
            at = at.saturating_add(len).saturating_add(1);
        }
        out
    };
    let words: Vec<Vec<LaidCell>> = header
        .iter()
        .map(|l| {
            l.laid
                .cells
                .iter()
                .filter(|c| !c.text.trim().is_empty())
                .flat_map(apart)
                .collect()
        })
        .collect();
    let overlaps = |a: &LaidCell, b: &LaidCell| a.x0 < b.x1 && b.x0 < a.x1;
    // The word under each: on the nearest line below with a word overlapping it, the only
    // such word, itself overlapping only this one on its line.
    let mut below: Vec<Vec<Option<(usize, usize)>>> =
        words.iter().map(|l| vec![None; l.len()]).collect();
    let mut has_above: Vec<Vec<bool>> = words.iter().map(|l| vec![false; l.len()]).collect();
    for li in 0..words.len() {
        for wi in 0..words[li].len() {
            let a = &words[li][wi];
            let Some(lj) =
                (li + 1..words.len()).find(|&lj| words[lj].iter().any(|b| overlaps(a, b)))
            else {
                continue;
            };
            let under: Vec<usize> = (0..words[lj].len())
                .filter(|&bj| overlaps(a, &words[lj][bj]))
                .collect();
            if let [bj] = under[..]
                && words[li]
                    .iter()
                    .filter(|o| overlaps(o, &words[lj][bj]))
                    .count()
                    == 1
            {
                below[li][wi] = Some((lj, bj));
                has_above[lj][bj] = true;
            }
        }
    }
    let name = |t: &str| vocab.column_key(t).is_some();
    let mut gone: Vec<Vec<bool>> = words.iter().map(|l| vec![false; l.len()]).collect();
    let mut out: Vec<Vec<LaidCell>> = words.clone();
    for li in 0..words.len() {
        for wi in 0..words[li].len() {
            if has_above[li][wi] {
                continue;
            }
            let mut chain = vec![(li, wi)];
            while let Some(next) = below[chain[chain.len() - 1].0][chain[chain.len() - 1].1] {
                chain.push(next);
            }
            if chain.len() < 2 || chain.len() > 8 {
                continue;
            }
            let text = |from: usize, to: usize| -> String {
                chain[from..to]
                    .iter()
                    .map(|&(l, w)| words[l][w].text.trim())
                    .collect()
            };
            // The pieces covered by names, most first: best[i] over the first i pieces.
            let n = chain.len();
            let mut best: Vec<(usize, usize)> = vec![(0, 0); n + 1]; // (covered, group start)
            for i in 1..=n {
                best[i] = (best[i - 1].0, i - 1);
                for j in 0..i.saturating_sub(1) {
                    if name(&text(j, i)) && best[j].0 + (i - j) > best[i].0 {
                        best[i] = (best[j].0 + (i - j), j);
                    }
                }
            }
            let mut i = n;
            while i > 0 {
                let j = best[i].1;
                if i - j >= 2 {
                    let (ll, lw) = chain[j];
                    let mut cell = words[ll][lw].clone();
                    cell.text = text(j, i);
                    for &(l, w) in &chain[j..i] {
                        cell.x0 = cell.x0.min(words[l][w].x0);
                        cell.x1 = cell.x1.max(words[l][w].x1);
                        gone[l][w] = true;
                    }
                    gone[ll][lw] = false;
                    out[ll][lw] = cell;
                }
                i = j;
            }
        }
    }
    out.into_iter()
        .zip(gone)
        .map(|(cells, gone)| {
            let cells: Vec<LaidCell> = cells
                .into_iter()
                .zip(gone)
                .filter(|(_, g)| !g)
                .map(|(c, _)| c)
                .collect();
            LaidLine::new(cells)
        })
        .collect()
}

/// A PDF's header words onto its columns, from the line nearest the figures upwards. A unit
/// is a column, or the columns a word already spans; its extent is that of the header words
/// over it (a header cell's words are centred in the cell; figures are not). Each word takes,
/// on its side, the most consecutive units (two or more) that have words, lie within its reach
/// (not past a word beside it on its line or a line above: a sibling, or a cell spanning
/// rows) and whose words' extent is centred under it, and becomes their parent — a word with
/// no words under it spans nothing; else it takes the one unit nearest it: a column's leaf (a wrapped leaf's lines
/// join), or the parent of the columns a word below already spans. Two words of a line never
/// take the same unit. A word standing left of its side's first column heads the stub when it
/// is a stub word, a lone character or over the rows' names (`stub_end`: where each side's
/// names end); else it heads the first column. With
/// `stub_words` false a stub word heads no column anywhere (a half's stub in a two-sided
/// table).
fn headers_exact(
    header: &[Line<'_>],
    columns: &mut [GridColumn],
    splits: &[i32],
    em: i32,
    stub_words: bool,
    stub_end: &[Option<i32>],
) {
    /// Columns `k0..=k1` (in `order`), their extent, whether words stand over them, and
    /// whether a word of the current line has taken them.
    #[derive(Clone, Copy)]
    struct Unit {
        k0: usize,
        k1: usize,
        x0: i32,
        x1: i32,
        worded: bool,
        taken: bool,
        /// The line of its topmost word.
        top: usize,
        /// One column with only its leaf (no word spans it yet).
        bare: bool,
    }
    let centre = |c: &GridColumn| halfway(c.left, c.right);
    let mut order: Vec<usize> = (0..columns.len()).collect();
    order.sort_by_key(|&i| (columns[i].side, centre(&columns[i])));
    let mut units: Vec<Unit> = order
        .iter()
        .enumerate()
        .map(|(k, &i)| Unit {
            k0: k,
            k1: k,
            x0: columns[i].left,
            x1: columns[i].right,
            worded: false,
            taken: false,
            top: usize::MAX,
            bare: true,
        })
        .collect();
    // Words per column, bottom-up; reversed at the end.
    let mut leaf: Vec<Vec<String>> = vec![Vec::new(); columns.len()];
    let mut parents: Vec<Vec<String>> = vec![Vec::new(); columns.len()];
    let sides = splits.len() + 1;
    let starts: Vec<Option<i32>> = (0..sides).map(|s| leftmost(columns, s)).collect();
    // Letter-spaced words (`合  计`) closed up.
    let lines: Vec<Vec<LaidCell>> = header.iter().map(|l| spaced_words(&l.laid.cells)).collect();
    // Each side's extent: its columns and every header word over it, stub words included.
    let mut extent: Vec<(Option<i32>, Option<i32>)> = vec![(None, None); sides];
    let words = lines.iter().flatten().map(|w| (w.x0, w.x1));
    for (x0, x1) in columns.iter().map(|c| (c.left, c.right)).chain(words) {
        let side = side_at(splits, halfway(x0, x1));
        let e = &mut extent[side];
        e.0 = Some(e.0.map_or(x0, |v| v.min(x0)));
        e.1 = Some(e.1.map_or(x1, |v| v.max(x1)));
    }
    for (li, line) in lines.iter().enumerate().rev() {
        let mut spans: Vec<(usize, usize, i32, i32)> = Vec::new();
        // This line's leaf words per column, left to right.
        let mut line_leaf: Vec<Vec<String>> = vec![Vec::new(); columns.len()];
        for (wi, w) in line.iter().enumerate() {
            let text = w.text.trim();
            if text.is_empty() || !stub_words && is_stub_word(text) {
                continue;
            }
            let mid = halfway(w.x0, w.x1);
            let side = side_at(splits, mid);
            let Some(start) = starts[side] else {
                continue;
            };
            // Left of the side's first column: over the stub when it is a stub word, a single
            // character (`项  目`, `收  入` spaced wide), or over the rows' names; else (a
            // header centred in a wide cell, its figures set right) it heads the first column.
            if w.x1 < start.saturating_sub(em)
                && (is_stub_word(text)
                    || text.chars().count() == 1
                    || stub_end[side].is_some_and(|e| w.x0 < e))
            {
                continue; // over the stub
            }
            let side_of = |u: &Unit| columns[order[u.k0]].side;
            // A word centred in its cell is off its span's centre by up to two characters.
            let chars = i32::try_from(text.chars().count()).unwrap_or(1).max(1);
            let tol = (w.x1.saturating_sub(w.x0) / chars)
                .saturating_mul(2)
                .max(em.saturating_mul(2));
            // How far the word's cell can reach: not past a word beside it on its line or on a
            // line above (a sibling, or a cell spanning rows) — an ancestor overlaps it.
            // A word two or more lines above whose cell, centred on it, could reach over this
            // one is an ancestor, not a bound: the mirror of this word about its centre still
            // stands within the side (its columns and header words), and the cell so wide
            // covers no other word of its line.
            let (mut lo, mut hi) = (i32::MIN, i32::MAX);
            let (first, last) = extent[side];
            for (oi, oj, other) in lines[..=li]
                .iter()
                .enumerate()
                .flat_map(|(oi, l)| l.iter().enumerate().map(move |(oj, c)| (oi, oj, c)))
            {
                if (oi, oj) == (li, wi) || other.text.trim().is_empty() {
                    continue;
                }
                // (On the line next above, a word beside this one is a sibling whose cell spans
                // rows, its baseline a little higher.)
                if oi + 1 < li
                    && let (Some(first), Some(last)) = (first, last)
                {
                    let m = halfway(other.x0, other.x1);
                    let (a, b) = (
                        m.saturating_mul(2).saturating_sub(w.x1),
                        m.saturating_mul(2).saturating_sub(w.x0),
                    );
                    // Its cell would reach from this word to the mirror: inside the side, and
                    // over no other word of its own line.
                    let (from, to) = (a.min(w.x0), b.max(w.x1));
                    let clear = lines[oi].iter().enumerate().all(|(j, n)| {
                        std::ptr::eq(n, other) || j == oj || n.x1 <= from || n.x0 >= to
                    });
                    if clear && a >= first.saturating_sub(em) && b <= last.saturating_add(em) {
                        continue;
                    }
                }
                if other.x1 <= w.x0 {
                    lo = lo.max(other.x1);
                } else if other.x0 >= w.x1 {
                    hi = hi.min(other.x0);
                }
            }
            // The widest run of consecutive units with words, within reach, centred under it;
            // first one with no lone column whose leaf stands higher than the run's deepest
            // words (a cell spanning the header's rows beside this word: `合计` beside
            // `基本支出` over `小计 人员支出 公用支出`), else any.
            let centred = |strict: bool| -> Option<(usize, usize)> {
                for n in (2..=units.len()).rev() {
                    let mut pick: Option<(i32, usize)> = None;
                    for a in 0..units.len().saturating_sub(n - 1) {
                        let run = &units[a..a + n];
                        if run.iter().any(|u| {
                            !u.worded
                                || u.taken
                                || u.top <= li
                                || side_of(u) != side
                                || u.x0 < lo
                                || u.x1 > hi
                        }) {
                            continue;
                        }
                        let deepest = run.iter().map(|u| u.top).max().unwrap_or(0);
                        if strict && run.iter().any(|u| u.bare && u.top < deepest) {
                            continue;
                        }
                        let off = halfway(run[0].x0, run[n - 1].x1)
                            .saturating_sub(mid)
                            .saturating_abs();
                        if off <= tol && pick.is_none_or(|(o, _)| off < o) {
                            pick = Some((off, a));
                        }
                    }
                    if let Some((_, a)) = pick {
                        return Some((a, a + n - 1));
                    }
                }
                None
            };
            let best = centred(true).or_else(|| centred(false));
            let text = text.to_string();
            if let Some((ua, ub)) = best {
                for k in units[ua].k0..=units[ub].k1 {
                    parents[order[k]].push(text.clone());
                }
                for u in &mut units[ua..=ub] {
                    u.taken = true;
                }
                spans.push((ua, ub, w.x0, w.x1));
                continue;
            }
            let Some(u) = (0..units.len())
                .filter(|&u| !units[u].taken && side_of(&units[u]) == side)
                .min_by_key(|&u| {
                    halfway(units[u].x0, units[u].x1)
                        .saturating_sub(mid)
                        .saturating_abs()
                })
            else {
                continue;
            };
            let (k0, k1) = (units[u].k0, units[u].k1);
            if k0 == k1 && parents[order[k0]].is_empty() {
                line_leaf[order[k0]].push(text);
                // The unit's extent is now its words'.
                let unit = &mut units[u];
                if unit.worded {
                    unit.x0 = unit.x0.min(w.x0);
                    unit.x1 = unit.x1.max(w.x1);
                } else {
                    (unit.x0, unit.x1, unit.worded) = (w.x0, w.x1, true);
                }
                unit.top = li;
            } else {
                for k in k0..=k1 {
                    parents[order[k]].push(text.clone());
                }
                units[u].taken = true;
                spans.push((u, u, w.x0, w.x1));
            }
        }
        for (i, words) in line_leaf.into_iter().enumerate() {
            if !words.is_empty() {
                leaf[i].push(words.concat());
            }
        }
        // What a word of the line spanned is one unit from now on, as wide as its words.
        spans.sort_unstable();
        for &(ua, ub, x0, x1) in spans.iter().rev() {
            let merged = Unit {
                k0: units[ua].k0,
                k1: units[ub].k1,
                x0: units[ua].x0.min(x0),
                x1: units[ub].x1.max(x1),
                worded: true,
                taken: false,
                top: li,
                bare: false,
            };
            units.splice(ua..=ub, [merged]);
        }
        for u in &mut units {
            u.taken = false;
        }
    }
    for (i, c) in columns.iter_mut().enumerate() {
        c.leaf = leaf[i].iter().rev().cloned().collect();
        c.parents = parents[i].iter().rev().cloned().collect();
    }
}

/// Where a side's first value column begins.
fn leftmost(columns: &[GridColumn], side: usize) -> Option<i32> {
    columns
        .iter()
        .filter(|c| c.side == side)
        .map(|c| c.left)
        .min()
}

/// A two-sided table's label of a half (`收入`, `支出`, `收 入`, or its characters set far
/// apart: `收` … `入`).
fn is_side_word(w: &str) -> bool {
    matches!(
        w,
        "收入" | "支出" | "收入项目" | "支出项目" | "收" | "入" | "支" | "出"
    )
}

/// A word naming the row stub (`科目名称`, `项目`…), not a value column.
pub(crate) fn is_stub_word(w: &str) -> bool {
    let w: String = w.split_whitespace().collect();
    w.ends_with("科目编码")
        || w.ends_with("科目名称")
        || super::vocab::Vocabulary::get()
            .column_key(&w)
            .is_some_and(|(_, stub)| stub)
}

/// A text's header shift and reach (see [`headers`]): the shift, in steps of a character from
/// a character left to as far right as two columns' spacing, that minimises the distance of
/// the bottom header line's words to their nearest column centres (each distance capped at
/// the reach, so a word over a blank column does not pull); the smallest shift among equals.
fn text_shift(header: &[Line<'_>], columns: &[GridColumn], splits: &[i32], em: i32) -> (i32, i32) {
    let mut centres: Vec<(usize, i32)> = columns
        .iter()
        .map(|c| (c.side, halfway(c.left, c.right)))
        .collect();
    centres.sort_unstable();
    let spacing: Vec<i32> = centres
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| w[1].1.saturating_sub(w[0].1))
        .collect();
    let Some(&min_spacing) = spacing.iter().min() else {
        return (0, i32::MAX);
    };
    let reach = (min_spacing / 2).max(em);
    let first_left = |side: usize| leftmost(columns, side);
    // The header line with the most words over the value columns (the lowest among equals),
    // stub words left out.
    let words: Vec<i32> = header
        .iter()
        .rev()
        .map(|l| {
            l.laid
                .cells
                .iter()
                .filter(|c| !c.text.trim().is_empty() && !is_stub_word(c.text.trim()))
                .filter(|c| {
                    let side = side_at(splits, halfway(c.x0, c.x1));
                    first_left(side).is_some_and(|f| c.x1 >= f.saturating_sub(min_spacing))
                })
                .map(|c| halfway(c.x0, c.x1))
                .collect::<Vec<i32>>()
        })
        .filter(|w| w.len() >= 2)
        .flatten()
        .collect();
    if words.is_empty() {
        return (0, reach);
    }
    let cost = |shift: i32| -> i64 {
        words
            .iter()
            .map(|&m| {
                let m = m.saturating_add(shift);
                let d = centres
                    .iter()
                    .map(|(_, c)| c.saturating_sub(m).saturating_abs())
                    .min()
                    .unwrap_or(reach);
                i64::from(d.min(reach))
            })
            .sum()
    };
    let step = em.max(1);
    let mut best: (i64, i32) = (cost(0), 0);
    // From a character left to two columns' spacing right (at most 400 steps: hostile
    // positions stay bounded).
    let steps = (min_spacing.saturating_mul(2) / step).clamp(0, 400);
    for k in -1..=steps {
        let s = k.saturating_mul(step);
        let c = cost(s);
        if c < best.0 || (c == best.0 && s.saturating_abs() < best.1.saturating_abs()) {
            best = (c, s);
        }
    }
    (best.1, reach)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textpage;

    fn grid(text: &str, header_lines: usize, two_sided: bool) -> PageGrid {
        let pages = textpage::pages(text);
        let lines: Vec<Line<'_>> = pages[0]
            .laid
            .iter()
            .enumerate()
            .map(|(i, l)| Line {
                page: 1,
                no: i + 1,
                laid: l,
            })
            .collect();
        page_grid(
            &lines[..header_lines],
            &lines[header_lines..],
            two_sided,
            false,
        )
    }

    #[test]
    fn a_two_sided_table_splits_at_the_second_stub() {
        // Guangzhou's 收支总体情况表 as `pdftotext -layout` gives it.
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/corpus/other/guangdong_guangzhou_kexuejishuju_2026_dept_budget.txt"
        ))
        .unwrap();
        let lines: Vec<&str> = text.lines().skip(182).take(13).collect();
        let g = grid(&lines.join("\n"), 2, true);
        assert_eq!(g.columns.len(), 2);
        assert_eq!((g.columns[0].side, g.columns[1].side), (0, 1));
        let stubs: Vec<(usize, String)> =
            g.rows.iter().map(|r| (r.side, r.stub.join(""))).collect();
        assert_eq!(stubs[0], (0, "一、预算拨款".to_string()));
        assert_eq!(stubs[1], (1, "一、一般公共服务支出".to_string()));
        let social = g
            .rows
            .iter()
            .find(|r| r.stub.join("") == "八、社会保障和就业支出")
            .unwrap();
        assert_eq!(
            (social.side, social.figures.clone()),
            (1, vec![(1, "1,468.16".to_string())])
        );
    }

    fn cell(text: &str, x0: i32, x1: i32) -> LaidCell {
        LaidCell {
            text: text.into(),
            x0,
            x1,
        }
    }

    #[test]
    fn spanning_words_are_parents_and_a_column_without_figures_keeps_its_header() {
        // A PDF's header: 本年收入 over three columns, 上年结转 over two; the last column
        // prints no figure.
        let header = [
            LaidLine::new(vec![
                cell("本年收入", 26_000, 34_000),
                cell("上年结转", 52_000, 60_000),
            ]),
            LaidLine::new(vec![
                cell("科目", 1_000, 5_000),
                cell("合计", 13_000, 17_000),
                cell("一般公共预算", 20_000, 30_000),
                cell("政府性基金", 32_000, 40_000),
                cell("事业收入", 42_000, 48_000),
                cell("一般公共预算", 50_000, 58_000),
                cell("政府性基金", 60_000, 68_000),
            ]),
        ];
        let body = [LaidLine::new(vec![
            cell("201", 1_000, 2_500),
            cell("一般公共服务支出", 3_000, 11_000),
            cell("100.00", 14_000, 17_000),
            cell("60.00", 26_000, 29_000),
            cell("10.00", 36_000, 39_000),
            cell("25.00", 44_000, 47_000),
            cell("5.00", 55_000, 57_500),
        ])];
        fn line(laid: &LaidLine) -> Line<'_> {
            Line {
                page: 1,
                no: 1,
                laid,
            }
        }
        let h: Vec<Line<'_>> = header.iter().map(line).collect();
        let b: Vec<Line<'_>> = body.iter().map(line).collect();
        let g = page_grid(&h, &b, false, true);
        let leaves: Vec<String> = g.columns.iter().map(|c| c.leaf.concat()).collect();
        assert_eq!(
            leaves,
            [
                "合计",
                "一般公共预算",
                "政府性基金",
                "事业收入",
                "一般公共预算",
                "政府性基金"
            ]
        );
        assert_eq!(g.columns[1].parents, ["本年收入"]);
        assert_eq!(g.columns[4].parents, ["上年结转"]);
        assert_eq!(g.columns[5].parents, ["上年结转"]);
        assert_eq!(g.rows[0].figures.len(), 5);
        assert_eq!(g.rows[0].stub, ["201", "一般公共服务支出"]);
    }

    /// A PDF's header and body lines as `x0:x1:text` cells.
    fn laid(lines: &[&[(&str, i32, i32)]]) -> Vec<LaidLine> {
        lines
            .iter()
            .map(|l| LaidLine::new(l.iter().map(|&(t, a, b)| cell(t, a, b)).collect()))
            .collect()
    }

    fn exact_grid(header: &[LaidLine], body: &[LaidLine], two_sided: bool) -> PageGrid {
        fn line((i, laid): (usize, &LaidLine)) -> Line<'_> {
            Line {
                page: 1,
                no: i + 1,
                laid,
            }
        }
        let h: Vec<Line<'_>> = header.iter().enumerate().map(line).collect();
        let b: Vec<Line<'_>> = body.iter().enumerate().map(line).collect();
        page_grid(&h, &b, two_sided, true)
    }

    fn paths(g: &PageGrid) -> Vec<String> {
        g.columns
            .iter()
            .map(|c| {
                let mut p = c.parents.clone();
                p.push(c.leaf.concat());
                p.join("/")
            })
            .collect()
    }

    #[test]
    fn a_three_level_header_with_cells_spanning_rows_is_read_by_its_centres() {
        // 上海市普陀区财政局 2024 决算 表7 (p. 18), as laid out: the items' cells span two
        // header rows, so their words stand lower than 公务用车购置及运行费's, and 公务接待费
        // lower still; each item heads 预算数 and 决算数.
        let header = laid(&[
            &[("财政拨款“三公”经费", 36600, 47600)],
            &[("合计", 8099, 10299), ("因公出国（境）费", 17959, 26759)],
            &[("公务用车购置及运行费", 43180, 54180)],
            &[("公务接待费", 72251, 77751)],
            &[("小计", 34420, 36620), ("公务用车运行费", 57991, 65691)],
            &[("公务用车购置费", 44830, 52530)],
            &[
                ("预算数", 3159, 6459),
                ("决算数", 9739, 13039),
                ("预算数", 16319, 19619),
                ("决算数", 22899, 26199),
                ("预算数", 29480, 32780),
                ("决算数", 36060, 39360),
                ("预算数", 42640, 45940),
                ("决算数", 49220, 52520),
                ("预算数", 55801, 59101),
                ("决算数", 62381, 65681),
                ("预算数", 68961, 72261),
                ("决算数", 75541, 78841),
            ],
        ]);
        let body = laid(&[&[("0.95", 5359, 7284), ("0.95", 71161, 73086)]]);
        let g = exact_grid(&header, &body, false);
        let top = "财政拨款“三公”经费";
        let want: Vec<String> = [
            "合计/预算数",
            "合计/决算数",
            "因公出国（境）费/预算数",
            "因公出国（境）费/决算数",
            "公务用车购置及运行费/小计/预算数",
            "公务用车购置及运行费/小计/决算数",
            "公务用车购置及运行费/公务用车购置费/预算数",
            "公务用车购置及运行费/公务用车购置费/决算数",
            "公务用车购置及运行费/公务用车运行费/预算数",
            "公务用车购置及运行费/公务用车运行费/决算数",
            "公务接待费/预算数",
            "公务接待费/决算数",
        ]
        .iter()
        .map(|p| format!("{top}/{p}"))
        .collect();
        assert_eq!(paths(&g), want);
        // The second 0.95 is 公务接待费's 预算数.
        assert_eq!(g.rows[0].figures, [(0, "0.95".into()), (10, "0.95".into())]);
    }

    #[test]
    fn a_cell_spanning_the_header_rows_beside_a_group_is_not_in_it() {
        // 烟台市民政局 一般公共预算支出情况表 (p. 16): 合计 and 项目支出 span the header's rows
        // on either side of 基本支出, which heads 小计, 人员支出 and 日常公用支出 only — though
        // it stands centred over all five. Letter-spaced words (`合 计`) close up.
        let header = laid(&[
            &[("科目编码", 11244, 15012), ("基本支出", 52260, 56028)],
            &[
                ("科目名称", 23268, 27036),
                ("合", 35760, 36696),
                ("计", 37164, 38100),
                ("项目支出", 69228, 72996),
            ],
            &[
                ("类", 9840, 10776),
                ("款", 12684, 13620),
                ("项", 15564, 16397),
                ("小", 44244, 45180),
                ("计", 45648, 46584),
                ("人员支出", 52260, 56028),
                ("日常公用支出", 59796, 65448),
            ],
        ]);
        let body = laid(&[&[
            ("02", 15600, 16345),
            ("流浪乞讨人员救助支出", 19080, 26569),
            ("1,093.77", 38232, 41221),
            ("755.77", 47460, 49705),
            ("682.45", 55944, 58189),
            ("73.32", 64812, 66673),
            ("338.00", 72924, 75157),
        ]]);
        let g = exact_grid(&header, &body, false);
        assert_eq!(
            paths(&g),
            [
                "合计",
                "基本支出/小计",
                "基本支出/人员支出",
                "基本支出/日常公用支出",
                "项目支出"
            ]
        );
    }

    #[test]
    fn code_columns_between_the_value_columns_are_the_rows_codes() {
        // 西安市人民政府办公厅 2026 政府采购预算表 (p. 32): 数量, then the 部门 and 政府 economic
        // codes (类, 款) as columns of their own, then 预算金额.
        let header = laid(&[
            &[
                ("部门预算支出经济科目编码", 57641, 60041),
                ("政府预算支出经济科目编码", 60161, 62561),
            ],
            &[
                ("采购项目", 15469, 17869),
                ("数量", 55811, 57011),
                ("预算金额", 71167, 73567),
            ],
            &[
                ("类", 58058, 58658),
                ("款", 59317, 59917),
                ("类", 60578, 61178),
                ("款", 61838, 62438),
            ],
        ]);
        let body = laid(&[
            &[
                ("合计", 28984, 30184),
                ("81,987", 55759, 57559),
                ("4,186,460.00", 72255, 75855),
            ],
            &[
                ("日常公用经费", 11925, 15525),
                ("5", 57259, 57559),
                ("310", 57904, 58804),
                ("02", 59456, 60056),
                ("503", 60424, 61324),
                ("06", 61976, 62576),
                ("6,000.00", 73455, 75855),
            ],
        ]);
        let g = exact_grid(&header, &body, false);
        assert_eq!(paths(&g), ["数量", "预算金额"]);
        assert_eq!(g.rows[1].figures, [(0, "5".into()), (1, "6,000.00".into())]);
        assert_eq!(g.rows[1].stub, ["日常公用经费", "310", "02", "503", "06"]);
    }

    #[test]
    fn a_header_left_of_its_right_aligned_figures_heads_the_first_column() {
        // A wide cell whose header word is centred and whose figures are set right: the word
        // stands left of the figures but right of the rows' names. `项  目` spaced wide over
        // the names stays the stub's.
        let header = laid(&[&[
            ("项", 1000, 1600),
            ("目", 4000, 4600),
            ("预算数", 10500, 12300),
            ("备注", 20000, 21200),
        ]]);
        let body = laid(&[
            &[("工资福利支出", 1000, 4600), ("1,234.56", 14000, 16700)],
            &[("商品和服务支出", 1000, 5200), ("34.00", 15200, 16700)],
        ]);
        let g = exact_grid(&header, &body, false);
        assert_eq!(paths(&g), ["预算数", "备注"]);
        assert_eq!(g.rows[0].stub, ["工资福利支出"]);
    }

    #[test]
    fn in_a_text_a_cell_spanning_the_header_rows_beside_a_group_is_not_in_it() {
        // 苏州市科学技术局 财政拨款支出表（功能科目） (p. 18), as `pdftotext -layout` sets it: 合计
        // and 项目支出 span the header's rows beside 基本支出.
        let file = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/corpus/other/jiangsu_suzhou_kexuejishuju_2026_unit_budget.txt"
        ))
        .unwrap();
        let at = file
            .lines()
            .position(|l| l.trim() == "财政拨款支出表（功能科目）")
            .expect("the table");
        let lines: Vec<&str> = file
            .lines()
            .skip(at + 2)
            .filter(|l| !l.trim().is_empty())
            .take(6)
            .collect();
        let text = lines.join("\n");
        let g = grid(&text, 3, false);
        let paths: Vec<String> = g
            .columns
            .iter()
            .map(|c| {
                let mut p = c.parents.clone();
                p.push(c.leaf.concat());
                p.join("/")
            })
            .collect();
        assert_eq!(paths[0], "合计");
        assert_eq!(paths[1], "基本支出/小计");
    }

    fn leaf_paths(g: &PageGrid) -> Vec<String> {
        g.columns
            .iter()
            .map(|c| {
                let mut p = c.parents.clone();
                p.push(c.leaf.concat());
                p.join("/")
            })
            .collect()
    }

    #[test]
    fn in_a_text_a_name_wrapped_in_a_narrow_column_is_one_word_and_blank_columns_name_none() {
        // 上海市普陀区财政局 2024 收入决算表 (p. 8), as `pdftotext -layout` sets it: each name
        // wrapped over two or three lines in its narrow column, the lines of neighbouring
        // columns interleaved; only 本年收入合计, 财政拨款收入 and 其他收入 print figures.
        let text = "                项目                                                          附属单
                               本年收入合        财政拨款收        上级补助   事业收   经营收         其他收
  支出功能分类                                                                    位上
                     科目名称        计            入           收入     入     入           入
   科目编码                                                                     缴收入
201             一般公共服务支出         2,112.86     2,106.66                             6.20
201   06        财政事务             2,112.86   2,106.66                               6.20";
        let g = grid(text, 5, false);
        assert_eq!(leaf_paths(&g), ["本年收入合计", "财政拨款收入", "其他收入"]);
    }

    #[test]
    fn in_a_text_header_words_set_apart_from_their_figures_name_them_in_order() {
        // 上海市普陀区人民政府办公室 2025 “三公”经费预算表 (p. 20), as `pdftotext -layout` sets
        // it: the words stand a dozen characters left of their figures, and the 公务用车 group
        // prints none.
        let text = "                            “三公”经费预算数
                                                             机关运行经费预算
                                          公务用车购置及运行费
                                                                 数
   合计        因公出国(境)费     公务接待费
                                     小计      购置费       运行费
    867.50       839.00      28.50                                213.28";
        let g = grid(text, 6, false);
        let paths = leaf_paths(&g);
        assert_eq!(paths.len(), 4, "{paths:?}");
        assert!(paths[0].ends_with("合计"), "{paths:?}");
        assert!(paths[1].ends_with("因公出国(境)费"), "{paths:?}");
        assert!(paths[2].ends_with("公务接待费"), "{paths:?}");
        assert!(paths[3].ends_with("机关运行经费预算数"), "{paths:?}");
    }
}
