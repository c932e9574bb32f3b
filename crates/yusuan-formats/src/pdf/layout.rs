//! Page layout in integer geometry: every length is in 1/100 pt ([`Cpt`]), so the same document
//! always lays out the same way on every machine. Text is set glyph by glyph from the faces'
//! advances, broken into lines the Chinese way (any two Han characters may be split; closing
//! punctuation never starts a line, opening punctuation never ends one; a number or Latin word
//! is never split), and body paragraphs are justified. Tables repeat their header rows on every
//! page they run onto.

use super::fonts::{Face, Fonts};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::ops::Range;

/// A length in hundredths of a point.
pub(crate) type Cpt = i32;

/// A4, portrait, in 1/100 pt (210 × 297 mm).
pub(crate) const A4: (Cpt, Cpt) = (59_528, 84_189);
/// Margins: 2.5 cm top and bottom, 2 cm left and right (the common 公文 page less the binding).
const MARGIN_TB: Cpt = 7_087;
const MARGIN_LR: Cpt = 5_669;

/// Which face a run of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FaceId {
    /// 宋体-like.
    Body,
    /// 黑体-like.
    Heading,
}

/// One glyph placed on a line.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    /// Glyph id in its face (0, `.notdef`, when the face lacks the character).
    pub id: u32,
    /// Advance, including any justification space.
    pub advance: Cpt,
    /// The bytes of the line's text the glyph stands for (kept as the PDF's text).
    pub range: Range<usize>,
}

/// Something drawn on a page.
#[derive(Debug, Clone)]
pub(crate) enum Mark {
    /// A line of text: `y` is its baseline.
    Text {
        x: Cpt,
        y: Cpt,
        face: FaceId,
        size: Cpt,
        text: String,
        glyphs: Vec<Glyph>,
    },
    /// A straight rule.
    Line {
        from: (Cpt, Cpt),
        to: (Cpt, Cpt),
        width: Cpt,
    },
}

/// A laid-out page.
#[derive(Debug, Clone)]
pub(crate) struct PageBox {
    pub width: Cpt,
    pub height: Cpt,
    pub marks: Vec<Mark>,
}

/// Sets text in the document's faces, noting characters no face has.
pub(crate) struct Typesetter<'f> {
    pub fonts: &'f Fonts,
    pub missing: RefCell<BTreeSet<char>>,
}

/// Closing punctuation: never at the start of a line.
fn closes(c: char) -> bool {
    "，。、；：？！）》」』】”’％%…—·,.;:?!)]}".contains(c)
}

/// Opening punctuation: never at the end of a line.
fn opens(c: char) -> bool {
    "（《「『【“‘([{".contains(c)
}

/// Characters that stay together with their neighbours of the same kind: numbers and Latin words.
fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '%' | '-' | '/' | '_' | '+' | '@')
}

/// The text's unbreakable units, as byte ranges: a Han character or a word, with the closing
/// punctuation after it and the opening punctuation before it.
fn units(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    while i < chars.len() {
        let start = i;
        while i < chars.len() && opens(chars[i].1) {
            i += 1;
        }
        if i < chars.len() && word_char(chars[i].1) {
            while i < chars.len() && word_char(chars[i].1) {
                i += 1;
            }
        } else if i < chars.len() {
            i += 1;
        }
        while i < chars.len() && closes(chars[i].1) {
            i += 1;
        }
        // A unit that is only closing punctuation (at the very start) is still a unit.
        if i == start {
            i += 1;
        }
        out.push(end_of(start)..end_of(i));
    }
    out
}

/// How a line is aligned in its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
    /// Left, stretched to the full width (not the last line of a paragraph).
    Justify,
}

impl<'f> Typesetter<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Self {
        Typesetter {
            fonts,
            missing: RefCell::new(BTreeSet::new()),
        }
    }

    pub(crate) fn face(&self, id: FaceId) -> &'f Face {
        match id {
            FaceId::Body => &self.fonts.body,
            FaceId::Heading => &self.fonts.heading,
        }
    }

    /// Width of `text` at `size`.
    pub(crate) fn width(&self, face: FaceId, size: Cpt, text: &str) -> Cpt {
        self.face(face).width(text, size)
    }

    /// Glyphs of `text`, at their natural advances.
    fn shape(&self, face: FaceId, size: Cpt, text: &str) -> Vec<Glyph> {
        let f = self.face(face);
        text.char_indices()
            .map(|(b, c)| {
                let id = match f.glyph(c) {
                    Some((id, _)) => id,
                    None => {
                        if !c.is_whitespace() {
                            self.missing.borrow_mut().insert(c);
                        }
                        0
                    }
                };
                Glyph {
                    id,
                    advance: f.advance(c, size),
                    range: b..b + c.len_utf8(),
                }
            })
            .collect()
    }

    /// Breaks `text` into lines no wider than `width` (the first line `indent` narrower).
    pub(crate) fn wrap(
        &self,
        face: FaceId,
        size: Cpt,
        text: &str,
        width: Cpt,
        indent: Cpt,
    ) -> Vec<String> {
        let f = self.face(face);
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut used = 0;
        for u in units(text) {
            let piece = &text[u];
            let w = f.width(piece, size);
            let avail = if lines.is_empty() {
                width - indent
            } else {
                width
            };
            if used + w > avail && !line.is_empty() {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                used = 0;
            }
            // A space never starts a line.
            if line.is_empty() && !lines.is_empty() && piece.trim().is_empty() {
                continue;
            }
            let avail = if lines.is_empty() {
                width - indent
            } else {
                width
            };
            if w > avail {
                // A unit wider than the line (a very long number or word): split by character.
                for c in piece.chars() {
                    let cw = f.advance(c, size);
                    if used + cw > avail && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        used = 0;
                    }
                    line.push(c);
                    used += cw;
                }
                continue;
            }
            line.push_str(piece);
            used += w;
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// One line of text in the box `x .. x + width`, baseline at `y`.
    pub(crate) fn line(
        &self,
        face: FaceId,
        size: Cpt,
        text: &str,
        (x, y): (Cpt, Cpt),
        width: Cpt,
        align: Align,
    ) -> Mark {
        let mut glyphs = self.shape(face, size, text);
        let natural: Cpt = glyphs.iter().map(|g| g.advance).sum();
        let slack = (width - natural).max(0);
        let x = match align {
            Align::Left | Align::Justify => x,
            Align::Center => x + slack / 2,
            Align::Right => x + slack,
        };
        // Justify only a line that is nearly full: stretching a short line looks wrong.
        if align == Align::Justify && glyphs.len() > 1 && slack * 8 < width {
            let gaps = i32::try_from(glyphs.len() - 1).unwrap_or(i32::MAX);
            let (each, rest) = (slack / gaps, slack % gaps);
            let n = glyphs.len() - 1;
            for (i, g) in glyphs.iter_mut().take(n).enumerate() {
                g.advance += each + Cpt::from(i32::try_from(i).unwrap_or(0) < rest);
            }
        }
        Mark::Text {
            x,
            y,
            face,
            size,
            text: text.to_string(),
            glyphs,
        }
    }

    /// Baseline offset of a line of `size` text centred in a line box of height `line_height`.
    pub(crate) fn baseline(&self, face: FaceId, size: Cpt, line_height: Cpt) -> Cpt {
        let f = self.face(face);
        let ascent = f.ascent * size / f.upm;
        let box_h = (f.ascent - f.descent) * size / f.upm;
        (line_height - box_h) / 2 + ascent
    }
}

/// How a block of text is set: face, size and line height.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub face: FaceId,
    pub size: Cpt,
    pub line_height: Cpt,
}

impl Style {
    pub(crate) const fn new(face: FaceId, size: Cpt, line_height: Cpt) -> Self {
        Style {
            face,
            size,
            line_height,
        }
    }
}

/// A table cell on a grid.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub text: String,
    pub align: Align,
    pub strong: bool,
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
}

/// A table ready to set: column widths, header rows (repeated on every page) and body rows.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    pub widths: Vec<Cpt>,
    /// Header cells; their rows count from 0.
    pub header: Vec<Cell>,
    pub header_rows: usize,
    /// Body rows, each a list of cells whose `row` is ignored.
    pub body: Vec<Vec<Cell>>,
    /// Text size in the table.
    pub size: Cpt,
}

const CELL_PAD_X: Cpt = 300;
const CELL_PAD_Y: Cpt = 200;
const RULE: Cpt = 50;

/// A heading of the flow, kept for the contents page and the PDF's bookmarks.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// 0 for a part (第一部分…), 1 for what is under it.
    pub level: u8,
    pub title: String,
    /// Index of the page in the flow's pages.
    pub page: usize,
    /// Top of the heading on that page.
    pub y: Cpt,
}

/// Pages filled top to bottom.
pub(crate) struct Flow<'t, 'f> {
    pub ts: &'t Typesetter<'f>,
    pub pages: Vec<PageBox>,
    pub entries: Vec<Entry>,
    y: Cpt,
}

impl<'t, 'f> Flow<'t, 'f> {
    pub(crate) fn new(ts: &'t Typesetter<'f>) -> Self {
        Flow {
            ts,
            pages: Vec::new(),
            entries: Vec::new(),
            y: 0,
        }
    }

    fn page(&self) -> Option<&PageBox> {
        self.pages.last()
    }

    pub(crate) fn left(&self) -> Cpt {
        MARGIN_LR
    }

    /// Width of the text area of the current page.
    pub(crate) fn width(&self) -> Cpt {
        self.page().map_or(A4.0, |p| p.width) - 2 * MARGIN_LR
    }

    fn bottom(&self) -> Cpt {
        self.page().map_or(A4.1, |p| p.height) - MARGIN_TB
    }

    pub(crate) fn is_landscape(&self) -> bool {
        self.page().is_some_and(|p| p.width > p.height)
    }

    /// Starts a new page.
    pub(crate) fn new_page(&mut self, landscape: bool) {
        let (width, height) = if landscape { (A4.1, A4.0) } else { A4 };
        self.pages.push(PageBox {
            width,
            height,
            marks: Vec::new(),
        });
        self.y = MARGIN_TB;
    }

    /// Whether nothing has been set on the current page yet.
    fn at_top(&self) -> bool {
        self.page().is_none_or(|p| p.marks.is_empty())
    }

    /// Makes sure `height` fits below, starting a new page (same orientation) if not.
    pub(crate) fn need(&mut self, height: Cpt) {
        if self.pages.is_empty() {
            self.new_page(false);
        } else if self.y + height > self.bottom() && !self.at_top() {
            let landscape = self.is_landscape();
            self.new_page(landscape);
        }
    }

    pub(crate) fn space(&mut self, h: Cpt) {
        if !self.at_top() {
            self.y += h;
        }
    }

    fn push(&mut self, m: Mark) {
        if self.pages.is_empty() {
            self.new_page(false);
        }
        if let Some(p) = self.pages.last_mut() {
            p.marks.push(m);
        }
    }

    /// Records a heading for the contents and bookmarks at the current position.
    pub(crate) fn entry(&mut self, level: u8, title: &str) {
        let page = self.pages.len().saturating_sub(1);
        self.entries.push(Entry {
            level,
            title: title.to_string(),
            page,
            y: self.y,
        });
    }

    /// Lines of text, each `line_height` tall; the block is kept on one page when it is short,
    /// else broken between lines.
    pub(crate) fn lines(&mut self, style: Style, text: &str, indent: Cpt, align: Align, keep: Cpt) {
        let Style {
            face,
            size,
            line_height,
        } = style;
        let width = self.width();
        let lines = self.ts.wrap(face, size, text, width, indent);
        let n = Cpt::try_from(lines.len()).unwrap_or(Cpt::MAX / line_height.max(1));
        // Keep a heading with what follows (`keep`) and a short paragraph whole.
        self.need((line_height * n.min(3)) + keep);
        let base = self.ts.baseline(face, size, line_height);
        let last = lines.len() - 1;
        for (i, l) in lines.iter().enumerate() {
            self.need(line_height);
            let x = self.left() + if i == 0 { indent } else { 0 };
            let w = width - if i == 0 { indent } else { 0 };
            let a = if align == Align::Justify && i == last {
                Align::Left
            } else {
                align
            };
            let m = self.ts.line(face, size, l, (x, self.y + base), w, a);
            self.push(m);
            self.y += line_height;
        }
    }

    /// One line with a left part and a right part (编制部门 … 单位：万元).
    pub(crate) fn split_line(&mut self, face: FaceId, size: Cpt, left: &str, right: &str) {
        let line_height = size * 16 / 10;
        self.need(line_height);
        let base = self.ts.baseline(face, size, line_height);
        let w = self.width();
        let r = self.ts.line(
            face,
            size,
            right,
            (self.left(), self.y + base),
            w,
            Align::Right,
        );
        let right_w = self.ts.width(face, size, right);
        let l = self.ts.line(
            face,
            size,
            left,
            (self.left(), self.y + base),
            (w - right_w - size).max(size),
            Align::Left,
        );
        self.push(l);
        self.push(r);
        self.y += line_height;
    }

    /// One line made of several pieces, each `(face, size, text, x, align, width)`.
    pub(crate) fn row_of(
        &mut self,
        pieces: &[(FaceId, Cpt, String, Cpt, Align, Cpt)],
        line_height: Cpt,
    ) {
        self.need(line_height);
        for (face, size, text, x, align, width) in pieces {
            let base = self.ts.baseline(*face, *size, line_height);
            let m = self
                .ts
                .line(*face, *size, text, (*x, self.y + base), *width, *align);
            self.push(m);
        }
        self.y += line_height;
    }

    /// Sets `cell` in the box at `(x, y)` of `w × h`.
    fn cell(&mut self, g: &Grid, cell: &Cell, (x, y): (Cpt, Cpt), (w, h): (Cpt, Cpt)) {
        for (from, to) in [
            ((x, y), (x + w, y)),
            ((x, y + h), (x + w, y + h)),
            ((x, y), (x, y + h)),
            ((x + w, y), (x + w, y + h)),
        ] {
            self.push(Mark::Line {
                from,
                to,
                width: RULE,
            });
        }
        let face = if cell.strong {
            FaceId::Heading
        } else {
            FaceId::Body
        };
        let line_h = g.size * 14 / 10;
        let lines = self
            .ts
            .wrap(face, g.size, &cell.text, w - 2 * CELL_PAD_X, 0);
        let n = Cpt::try_from(lines.len()).unwrap_or(1);
        let top = y + (h - n * line_h) / 2;
        let base = self.ts.baseline(face, g.size, line_h);
        for (i, l) in lines.iter().enumerate() {
            let ly = top + Cpt::try_from(i).unwrap_or(0) * line_h + base;
            let align = if cell.align == Align::Justify {
                Align::Left
            } else {
                cell.align
            };
            let m = self.ts.line(
                face,
                g.size,
                l,
                (x + CELL_PAD_X, ly),
                w - 2 * CELL_PAD_X,
                align,
            );
            self.push(m);
        }
    }

    fn span_width(g: &Grid, c: &Cell) -> Cpt {
        g.widths.iter().skip(c.col).take(c.colspan).sum()
    }

    fn col_x(&self, g: &Grid, col: usize) -> Cpt {
        self.left() + g.widths.iter().take(col).sum::<Cpt>()
    }

    /// The height a cell's text needs at its width.
    fn cell_height(&self, g: &Grid, c: &Cell) -> Cpt {
        let face = if c.strong {
            FaceId::Heading
        } else {
            FaceId::Body
        };
        let n = self
            .ts
            .wrap(
                face,
                g.size,
                &c.text,
                Self::span_width(g, c) - 2 * CELL_PAD_X,
                0,
            )
            .len();
        Cpt::try_from(n).unwrap_or(1) * (g.size * 14 / 10) + 2 * CELL_PAD_Y
    }

    /// Heights of the header rows: each row as tall as its one-row cells, then a merged cell's
    /// shortfall added to the last row it spans.
    fn header_heights(&self, g: &Grid) -> Vec<Cpt> {
        let mut h = vec![g.size * 14 / 10 + 2 * CELL_PAD_Y; g.header_rows];
        let mut cells: Vec<&Cell> = g.header.iter().collect();
        cells.sort_by_key(|c| c.rowspan);
        for c in cells.into_iter().filter(|c| c.row < g.header_rows) {
            let need = self.cell_height(g, c);
            let end = (c.row + c.rowspan).min(g.header_rows);
            let have: Cpt = h[c.row..end].iter().sum();
            if need > have && end > c.row {
                h[end - 1] += need - have;
            }
        }
        h
    }

    fn draw_header(&mut self, g: &Grid, heights: &[Cpt]) {
        let top = self.y;
        for c in &g.header {
            let y = top + heights.iter().take(c.row).sum::<Cpt>();
            let h: Cpt = heights.iter().skip(c.row).take(c.rowspan).sum();
            let x = self.col_x(g, c.col);
            let w = Self::span_width(g, c);
            self.cell(g, c, (x, y), (w, h));
        }
        self.y = top + heights.iter().sum::<Cpt>();
    }

    /// A row cut into rows of at most `max_lines` lines: each cell's lines in runs.
    fn split_tall(&self, g: &Grid, row: &[Cell], max_lines: usize) -> Vec<Vec<Cell>> {
        let wrapped: Vec<Vec<String>> = row
            .iter()
            .map(|c| {
                let face = if c.strong {
                    FaceId::Heading
                } else {
                    FaceId::Body
                };
                let w = Self::span_width(g, c) - 2 * CELL_PAD_X;
                self.ts.wrap(face, g.size, &c.text, w, 0)
            })
            .collect();
        let n = wrapped.iter().map(Vec::len).max().unwrap_or(0);
        (0..n)
            .step_by(max_lines)
            .map(|start| {
                row.iter()
                    .zip(&wrapped)
                    .map(|(c, lines)| Cell {
                        text: lines
                            .iter()
                            .skip(start)
                            .take(max_lines)
                            .map(String::as_str)
                            .collect(),
                        ..c.clone()
                    })
                    .collect()
            })
            .collect()
    }

    /// Sets a table; a row never splits unless it is taller than a page, and the header rows repeat on each new page. `tail` is
    /// the height of what must follow the last row on its page (the table's notes).
    pub(crate) fn table(&mut self, g: &Grid, tail: Cpt) {
        let heights = self.header_heights(g);
        let header: Cpt = heights.iter().sum();
        // A row taller than a page (a long 绩效目标, say) is cut into rows that each fit.
        let line_h = g.size * 14 / 10;
        let room = self.bottom() - MARGIN_TB - header - 2 * CELL_PAD_Y;
        let max_lines = usize::try_from(room / line_h.max(1)).unwrap_or(1).max(1);
        let body: Vec<Vec<Cell>> = g
            .body
            .iter()
            .flat_map(|r| {
                if r.iter().map(|c| self.cell_height(g, c)).max().unwrap_or(0) > room {
                    self.split_tall(g, r, max_lines)
                } else {
                    vec![r.clone()]
                }
            })
            .collect();
        let rows: Vec<Cpt> = body
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| self.cell_height(g, c))
                    .max()
                    .unwrap_or(g.size * 14 / 10 + 2 * CELL_PAD_Y)
            })
            .collect();
        self.need(header + rows.first().copied().unwrap_or(0));
        self.draw_header(g, &heights);
        let last = body.len().saturating_sub(1);
        for (k, (r, h)) in body.iter().zip(rows).enumerate() {
            let keep = if k == last { tail } else { 0 };
            if self.y + h + keep > self.bottom() && k > 0 {
                let landscape = self.is_landscape();
                self.new_page(landscape);
                self.draw_header(g, &heights);
            }
            for c in r {
                let x = self.col_x(g, c.col);
                let w = Self::span_width(g, c);
                self.cell(g, c, (x, self.y), (w, h));
            }
            self.y += h;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::units;

    fn split(text: &str) -> Vec<&str> {
        units(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn numbers_stay_whole_and_punctuation_stays_with_its_character() {
        assert_eq!(
            split("支出475.74万元，占（比）100%。"),
            ["支", "出", "475.74", "万", "元，", "占", "（比）", "100%。"]
        );
    }
}
