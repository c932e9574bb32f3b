//! PDF read natively: each page's text layer with positions, read with `lopdf` and our own
//! content interpreter ([`content`]) and font decoding ([`fonts`]); glyphs are gathered into
//! lines by their baselines and laid out left to right, a gap wider than a third of the type
//! size becoming a space; pages are separated by form feeds, so every line knows its page.
//!
//! What cannot be read is said, with the pages: a file that is not a PDF, an encrypted one that
//! needs a password, pages of images without text (scans), and glyphs no font maps to text.

mod content;
mod fonts;
mod view;

use content::{Glyph, Interpreter, Rule, VRule};
use lopdf::{Dictionary, Document, Object};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::PageView;
use yusuan_core::source::{SourceRef, page_list};

/// PDF reader diagnostic codes. Stable; never reused.
pub mod codes {
    /// 不是可读的 PDF
    pub const UNREADABLE: &str = "I401";
    /// PDF 已加密
    pub const ENCRYPTED: &str = "I402";
    /// 页面没有文字层（扫描件）
    pub const NO_TEXT: &str = "I403";
    /// 字形无法转为文字
    pub const NO_UNICODE: &str = "I404";
}

/// Decompressed bytes allowed per stream (a decompression bomb is cut here).
const STREAM_LIMIT: usize = 64 * 1024 * 1024;

/// A page's text: its lines top to bottom.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// The lines, top to bottom, with their cells and positions.
    pub laid: Vec<LaidLine>,
    /// Images drawn on the page.
    pub images: usize,
    /// Glyphs that no font maps to text.
    pub unmapped: usize,
    /// What the page shows a person (for the page checks).
    pub view: PageView,
}

fn at(page: Option<u32>) -> SourceRef {
    SourceRef::Line { page, line: 1 }
}

fn diag(
    code: &'static str,
    severity: Severity,
    msg: String,
    page: Option<u32>,
    help: &str,
) -> Diagnostic {
    Diagnostic::new(code, severity, msg, Label::at(at(page), "")).with_help(help)
}

/// A run of glyphs on one baseline with no gap wider than half the type size: a cell's line,
/// or a piece of a paragraph's line.
#[derive(Debug, Clone)]
struct Segment {
    text: String,
    x0: i32,
    x1: i32,
    y: i32,
    size: i32,
}

/// Runs of glyphs on one baseline, left to right, split where the gap is wider than half the
/// type size or a column border runs between (a gap wider than a third of the size is a space
/// inside a run).
fn segments(mut glyphs: Vec<Glyph>, vrules: &[VRule]) -> Vec<Vec<Segment>> {
    glyphs.retain(|g| !g.text.trim().is_empty() || g.text == " ");
    glyphs.sort_by_key(|g| (g.y, g.x));
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        let tolerance = (g.size / 3).max(100);
        match rows.last_mut() {
            Some(row) if (g.y - row[0].y).abs() <= tolerance => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let mut out = Vec::new();
    for mut row in rows {
        row.sort_by_key(|g| g.x);
        // The same glyph drawn twice in (nearly) the same place — a fake bold, an overprint —
        // is one glyph.
        let mut kept: Vec<Glyph> = Vec::with_capacity(row.len());
        for g in row {
            let twin = kept.iter().rev().take(4).any(|k| {
                k.text == g.text
                    && (k.x - g.x).abs() <= g.size / 5
                    && (k.y - g.y).abs() <= g.size / 5
            });
            if !twin {
                kept.push(g);
            }
        }
        let row = kept;
        let mut segs: Vec<Segment> = Vec::new();
        let mut end: Option<i32> = None;
        // Where the last inked glyph ends: spaces after it bridge a word gap, not a column's.
        let mut inked_end: Option<i32> = None;
        for g in &row {
            let size = g.size.max(1);
            let gap = end.map(|e| g.x - e);
            if g.text == " " {
                end = Some(g.x + g.w.max(0));
                if let Some(s) = segs.last_mut()
                    && !s.text.ends_with(' ')
                {
                    s.text.push(' ');
                }
                continue;
            }
            let border = end.is_some_and(|e| {
                vrules
                    .iter()
                    .any(|v| v.x >= e - 50 && v.x <= g.x + 50 && v.y0 <= g.y && g.y <= v.y1)
            });
            // An amount and the words after it, set a space apart in one run
            // (`54,937.88 本年支出合计`), are two cells.
            let after_amount = segs.last().is_some_and(|s| {
                let t = s.text.trim_end();
                s.text.ends_with(' ')
                    && t.rsplit_once('.')
                        .is_some_and(|(i, f)| !i.is_empty() && f.len() >= 2)
                    && t.bytes()
                        .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'-'))
                    && !g.text.starts_with(|c: char| {
                        c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '%')
                    })
            });
            // A run of spaces wider than a character and a half after a word is a column's gap
            // typed out (`12、城乡社区          (6)资本性`): two cells. (After one character,
            // it is a word letter-spaced: `收      入`.)
            let padded = inked_end.is_some_and(|e| g.x - e > size * 3 / 2)
                && segs
                    .last()
                    .is_some_and(|s| s.text.trim().chars().count() > 1);
            match segs.last_mut() {
                Some(s)
                    if gap.is_some_and(|d| d <= size / 2)
                        && !border
                        && !after_amount
                        && !padded =>
                {
                    if gap.is_some_and(|d| d > size / 3) && !s.text.ends_with(' ') {
                        s.text.push(' ');
                    }
                    s.text.push_str(&g.text);
                    s.x1 = g.x + g.w.max(0);
                }
                _ => segs.push(Segment {
                    text: g.text.clone(),
                    x0: g.x,
                    x1: g.x + g.w.max(0),
                    y: row[0].y,
                    size,
                }),
            }
            end = Some(g.x + g.w.max(0));
            inked_end = end;
        }
        for s in &mut segs {
            s.text = s.text.trim().to_string();
        }
        segs.retain(|s| !s.text.is_empty());
        if !segs.is_empty() {
            out.push(segs);
        }
    }
    out
}

fn overlaps(a: (i32, i32), b: (i32, i32)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The table row a segment sits in: the nearest rules above and below it that span it.
fn band(s: &Segment, rules: &[Rule]) -> Option<(i32, i32)> {
    let top = i32::try_from(i64::from(s.y) - i64::from(s.size) * 6 / 10).unwrap_or(i32::MIN);
    let above = rules
        .iter()
        .filter(|r| r.y <= top && overlaps((r.x0, r.x1), (s.x0, s.x1)))
        .map(|r| r.y)
        .max()?;
    let below = rules
        .iter()
        .filter(|r| r.y >= s.y && overlaps((r.x0, r.x1), (s.x0, s.x1)))
        .map(|r| r.y)
        .min()?;
    (below - above <= 20_000).then_some((above, below))
}

/// Joins a cell's lines: no space between Chinese, a space between two Latin words.
fn join_lines(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if latin(out.chars().last()) && latin(p.chars().next()) {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

/// A cell of a laid-out line: its text and horizontal extent (1/100 pt).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidCell {
    /// The cell's text (its lines joined).
    pub text: String,
    /// Left edge.
    pub x0: i32,
    /// Right edge.
    pub x1: i32,
}

/// A line of a page with its cells: a table row (its cells left to right), or a line of text
/// (its runs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaidLine {
    /// The cells' texts joined by spaces.
    pub text: String,
    /// The cells, left to right.
    pub cells: Vec<LaidCell>,
    /// Top and bottom edges (1/100 pt from the page's top), when laid from a page; 0 otherwise.
    pub top: i32,
    /// Bottom edge.
    pub bottom: i32,
}

impl LaidLine {
    /// A line of these cells; its text is theirs joined by spaces.
    pub fn new(cells: Vec<LaidCell>) -> LaidLine {
        let text = cells
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        LaidLine {
            text,
            cells,
            top: 0,
            bottom: 0,
        }
    }
}

impl Page {
    /// The page's lines as text, top to bottom.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.laid.iter().map(|l| l.text.as_str())
    }
}

/// Lines from placed glyphs, each with its cells and their positions. Glyphs on one baseline
/// form a line, left to right. In a ruled table, all that lies between the same two rules is
/// one row — a cell whose text wraps over several lines (and is centred against its
/// neighbours) is joined back, cell by cell — so a table row reads as one line however its
/// cells wrap.
pub fn laid_lines(glyphs: Vec<Glyph>, rules: &[Rule], vrules: &[VRule]) -> Vec<LaidLine> {
    let figure = |t: &str| {
        let t = t.trim();
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-'))
    };
    let mut out: Vec<((i32, i32), LaidLine)> = Vec::new();
    let mut rows: std::collections::BTreeMap<(i32, i32), Vec<Segment>> = Default::default();
    for line in segments(glyphs, vrules) {
        let mut free: Vec<Segment> = Vec::new();
        let bands: Vec<Option<(i32, i32)>> = line.iter().map(|s| band(s, rules)).collect();
        // A rule missing under one figure makes its band two rows tall; a figure on the
        // same baseline as a one-row band belongs to that row. (A header word spanning two
        // header rows keeps its own band.)
        let inner = bands.iter().flatten().min_by_key(|(a, b)| b - a).copied();
        for (s, b) in line.into_iter().zip(bands) {
            let b = match (b, inner) {
                (Some(b), Some(i)) if b.0 <= i.0 && i.1 <= b.1 && figure(&s.text) => Some(i),
                _ => b,
            };
            match b {
                Some(b) => rows.entry(b).or_default().push(s),
                None => free.push(s),
            }
        }
        if let Some(first) = free.first() {
            let key = (first.y - first.size, first.x0);
            let cells: Vec<LaidCell> = free
                .iter()
                .map(|s| LaidCell {
                    text: s.text.clone(),
                    x0: s.x0,
                    x1: s.x1,
                })
                .collect();
            let top = free.iter().map(|s| s.y - s.size).min().unwrap_or(0);
            let bottom = free.iter().map(|s| s.y + s.size / 4).max().unwrap_or(0);
            out.push((
                key,
                LaidLine {
                    top,
                    bottom,
                    ..LaidLine::new(cells)
                },
            ));
        }
    }
    for ((above, below), mut segs) in rows {
        // Cells: segments whose horizontal extents overlap, left to right.
        segs.sort_by_key(|s| (s.x0, s.y));
        let mut groups: Vec<(i32, i32, Vec<Segment>)> = Vec::new();
        for s in segs {
            // A wrapped name whose last line is a character or two set left of where the
            // first line begins (`其他行政事业单位养老支` over `出`): the tail does not overlap
            // the first line, which stands above it less than a character's width to its right.
            // Where the tail stands a full line under the row's middle, where no one-line
            // cell beside it stands, it may be longer (`(1)工资福` over `利支出`, `非财政拨` over
            // `款资金结余` ending where the head begins) and, where
            // the head line is set in from the cell's edge (`(6)资本性` over `支出`, two
            // characters to its left), further off.
            let middle = above + (below - above) / 2;
            let wrapped = |x1: i32, c: &[Segment]| {
                let gap = s.x0.saturating_sub(x1);
                let chars = c.iter().map(|g| g.text.chars().count()).sum::<usize>();
                let under_middle = c.iter().all(|g| g.y > middle + s.size * 7 / 10);
                !figure(&s.text)
                    && c.iter()
                        .all(|g| !figure(&g.text) && g.y.saturating_sub(s.y) >= s.size / 2)
                    && ((gap < s.size && chars <= 2)
                        || (under_middle
                            && ((gap < s.size && chars <= 8) || (gap < s.size * 3 && chars <= 4))))
            };
            match groups.last_mut() {
                Some((_, x1, c)) if s.x0 < *x1 || wrapped(*x1, c) => {
                    *x1 = (*x1).max(s.x1);
                    c.push(s);
                }
                _ => groups.push((s.x0, s.x1, vec![s])),
            }
        }
        let left = groups.first().map_or(0, |c| c.0);
        let cells: Vec<LaidCell> = groups
            .into_iter()
            .map(|(x0, x1, mut c)| {
                c.sort_by_key(|s| (s.y, s.x0));
                LaidCell {
                    text: join_lines(&c.iter().map(|s| s.text.as_str()).collect::<Vec<_>>()),
                    x0,
                    x1,
                }
            })
            .collect();
        out.push((
            (above, left),
            LaidLine {
                top: above,
                bottom: below,
                ..LaidLine::new(cells)
            },
        ));
    }
    out.sort_by_key(|(k, _)| *k);
    out.into_iter().map(|(_, l)| l).collect()
}

/// How many pages a PDF has, without reading them (`None` when it is not a PDF lopdf opens):
/// what an upload's page limit is checked against before the document is read.
pub fn page_count(bytes: &[u8]) -> Option<usize> {
    Document::load_mem(bytes).ok().map(|d| d.get_pages().len())
}

/// Reads the pages of a PDF: their text, and what could not be read.
pub fn pages(bytes: &[u8]) -> (Vec<Page>, Vec<Diagnostic>) {
    match std::panic::catch_unwind(|| read_pages(bytes)) {
        Ok(r) => r,
        Err(_) => (
            Vec::new(),
            vec![diag(
                codes::UNREADABLE,
                Severity::Error,
                "不是可读的 PDF 文件：文件结构已损坏，无法解析".into(),
                None,
                "请用 PDF 阅读器打开后“另存为”PDF 再试",
            )],
        ),
    }
}

fn read_pages(bytes: &[u8]) -> (Vec<Page>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if !bytes.starts_with(b"%PDF")
        && !bytes[..bytes.len().min(1024)]
            .windows(4)
            .any(|w| w == b"%PDF")
    {
        diags.push(diag(
            codes::UNREADABLE,
            Severity::Error,
            "不是 PDF 文件：文件开头没有 %PDF 标记".into(),
            None,
            "请确认文件是 PDF；文本请存为 .txt，表格请存为 .xlsx",
        ));
        return (Vec::new(), diags);
    }
    let doc = match Document::load_mem(bytes) {
        Ok(d) => d,
        Err(lopdf::Error::Decryption(_)) | Err(lopdf::Error::NotEncrypted) => {
            diags.push(encrypted());
            return (Vec::new(), diags);
        }
        Err(e) => {
            let msg = format!("{e}");
            if msg.contains("ncrypt") || msg.contains("assword") {
                diags.push(encrypted());
            } else {
                diags.push(diag(
                    codes::UNREADABLE,
                    Severity::Error,
                    format!("不是可读的 PDF 文件：{msg}"),
                    None,
                    "请用 PDF 阅读器打开后“另存为”PDF 再试",
                ));
            }
            return (Vec::new(), diags);
        }
    };
    if doc.is_encrypted() {
        diags.push(encrypted());
        return (Vec::new(), diags);
    }
    let mut out = Vec::new();
    let mut fonts = std::collections::HashMap::new();
    for (number, id) in doc.get_pages() {
        let Ok(page) = doc.get_object(id).and_then(Object::as_dict) else {
            continue;
        };
        let resources = match doc.get_page_resources(id) {
            Ok((Some(own), _)) => own.clone(),
            Ok((None, inherited)) => inherited
                .first()
                .and_then(|r| doc.get_object(*r).ok())
                .and_then(|r| r.as_dict().ok())
                .cloned()
                .unwrap_or_default(),
            Err(_) => Dictionary::new(),
        };
        let content = doc
            .get_page_content_with_limit(id, STREAM_LIMIT)
            .unwrap_or_default();
        let mut it = Interpreter::new(&doc, content::page_size(&doc, page), STREAM_LIMIT)
            .rotated(content::page_rotation(&doc, page))
            .with_fonts(std::mem::take(&mut fonts));
        it.run(&content, &resources, content::IDENTITY, 0);
        let (c, read) = it.finish();
        fonts = read;
        // What a person does not see is not read (a cell's text cut off by its clip, a title
        // covered by an image): V002 says it is there.
        let height = content::shown_height(&doc, page);
        let (mut view, unseen) = view::of(number, &c, height);
        view.size = (content::shown_width(&doc, page), height);
        let glyphs: Vec<Glyph> = c
            .glyphs
            .into_iter()
            .enumerate()
            .filter(|(i, _)| unseen.binary_search(i).is_err())
            .map(|(_, g)| g)
            .collect();
        let laid = laid_lines(glyphs, &c.rules, &c.vrules);
        out.push(Page {
            number,
            laid,
            images: c.images,
            unmapped: c.unmapped,
            view,
        });
    }
    let scanned: Vec<u32> = out
        .iter()
        .filter(|p| p.laid.is_empty() && p.images > 0)
        .map(|p| p.number)
        .collect();
    if !out.is_empty() && out.iter().all(|p| p.laid.is_empty()) {
        diags.push(diag(
            codes::NO_TEXT,
            Severity::Error,
            format!(
                "PDF 没有文字层：{} 页都只有图像（扫描件）或空白，无法读取文字",
                out.len()
            ),
            None,
            "请取得原始电子版 PDF，或先用 OCR 软件识别后另存为带文字层的 PDF",
        ));
    } else if !scanned.is_empty() {
        diags.push(diag(
            codes::NO_TEXT,
            Severity::Warning,
            format!(
                "第 {} 页只有图像没有文字层（扫描件），这些页的内容未读入",
                page_list(&scanned)
            ),
            scanned.first().copied(),
            "请取得原始电子版 PDF，或先用 OCR 识别这些页",
        ));
    }
    let unmapped: Vec<u32> = out
        .iter()
        .filter(|p| p.unmapped > 0)
        .map(|p| p.number)
        .collect();
    if !unmapped.is_empty() {
        let n: usize = out.iter().map(|p| p.unmapped).sum();
        diags.push(diag(
            codes::NO_UNICODE,
            Severity::Warning,
            format!(
                "第 {} 页有 {n} 个字形无法转为文字（字体缺少 Unicode 映射），读作 �",
                page_list(&unmapped)
            ),
            unmapped.first().copied(),
            "这类 PDF 复制出的文字也是乱码；请取得原始电子版，或用 OCR 识别",
        ));
    }
    if out.is_empty() {
        diags.push(diag(
            codes::UNREADABLE,
            Severity::Error,
            "PDF 中没有页面".into(),
            None,
            "请确认文件完整",
        ));
    }
    (out, diags)
}

fn encrypted() -> Diagnostic {
    diag(
        codes::ENCRYPTED,
        Severity::Error,
        "PDF 已加密，需要密码才能读取文字".into(),
        None,
        "请取得未加密的版本，或用 PDF 阅读器输入密码后“另存为”不加密的 PDF",
    )
}

/// The PDF's text: each page's lines, pages separated by form feeds (so line numbers and pages
/// can be told), and what could not be read.
pub fn text(bytes: &[u8]) -> (String, Vec<Diagnostic>) {
    let (pages, diags) = pages(bytes);
    (join(&pages), diags)
}

/// The pages' laid-out lines as text, one line per line: its page, then each cell as
/// `x0:x1:text`, tab-separated; a page's first line carries the page's view (`@view …`, what
/// the page shows a person). [`undump`] reads it back; tests use it to edit a real PDF's
/// cells (a fixture), and it shows what the reader by meaning sees.
pub fn dump(pages: &[Page]) -> String {
    let mut out = String::new();
    for p in pages {
        // The page's view rides on its first line (a blank page's only line), so the dump has
        // as many lines as the text and a place in one is a place in the other.
        if p.laid.is_empty() {
            out.push_str(&format!("{}\t{}\n", p.number, view::dump(&p.view)));
        }
        for (i, l) in p.laid.iter().enumerate() {
            out.push_str(&p.number.to_string());
            if i == 0 {
                out.push_str(&format!("\t{}", view::dump(&p.view)));
            }
            for c in &l.cells {
                out.push_str(&format!(
                    "\t{}:{}:{}",
                    c.x0,
                    c.x1,
                    c.text.replace('\t', " ")
                ));
            }
            out.push('\n');
        }
    }
    out
}

/// Pages from a [`dump`]; a malformed line is skipped.
pub fn undump(text: &str) -> Vec<Page> {
    let mut pages: Vec<Page> = Vec::new();
    for line in text.lines() {
        let mut fields = line.split('\t');
        let Some(number) = fields.next().and_then(|n| n.parse::<u32>().ok()) else {
            continue;
        };
        if pages.last().is_none_or(|p| p.number != number) {
            pages.push(Page {
                number,
                ..Page::default()
            });
        }
        let mut rest: Vec<&str> = fields.collect();
        if let Some(v) = rest.first().and_then(|f| view::undump(number, f)) {
            if let Some(p) = pages.last_mut() {
                p.view = v;
            }
            rest.remove(0);
            if rest.is_empty() {
                continue;
            }
        }
        let cells: Vec<LaidCell> = rest
            .into_iter()
            .filter_map(|f| {
                let mut parts = f.splitn(3, ':');
                let x0 = parts.next()?.parse().ok()?;
                let x1 = parts.next()?.parse().ok()?;
                Some(LaidCell {
                    text: parts.next()?.to_string(),
                    x0,
                    x1,
                })
            })
            .collect();
        if let Some(p) = pages.last_mut() {
            p.laid.push(LaidLine::new(cells));
        }
    }
    pages
}

/// The pages' lines as one text, pages separated by form feeds.
pub fn join(pages: &[Page]) -> String {
    pages
        .iter()
        .map(|p| p.lines().collect::<Vec<_>>().join("\n"))
        .collect::<Vec<_>>()
        .join("\n\u{c}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x: i32, y: i32) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            w: 900,
            size: 900,
        }
    }

    #[test]
    fn glyphs_on_a_baseline_make_a_line_and_wide_gaps_spaces() {
        let glyphs = vec![
            g("4", 20_000, 10_050),
            g("合", 1_000, 10_000),
            g("计", 1_900, 10_000),
            g("8", 20_900, 10_050),
            g("表", 1_000, 5_000),
        ];
        let lines: Vec<String> = laid_lines(glyphs, &[], &[])
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(lines, ["表", "合计 48"]);
    }

    /// Glyphs of `text` set one after another from `x`, each `w` wide, then `spaces` space
    /// glyphs of a third of that.
    fn run(text: &str, x: i32, y: i32, spaces: usize) -> Vec<Glyph> {
        let mut out: Vec<Glyph> = text
            .chars()
            .enumerate()
            .map(|(i, c)| g(&c.to_string(), x + 900 * i as i32, y))
            .collect();
        let end = x + 900 * text.chars().count() as i32;
        out.extend((0..spaces).map(|i| Glyph {
            w: 300,
            ..g(" ", end + 300 * i as i32, y)
        }));
        out
    }

    #[test]
    fn a_column_gap_typed_as_spaces_parts_two_cells_and_letter_spacing_does_not() {
        // `12、城乡社区` then 30 spaces then `(6)资本性`: two cells.
        let mut glyphs = run("12、城乡社区", 1_000, 10_000, 30);
        glyphs.extend(run("(6)资本性", 1_000 + 900 * 7 + 9_000, 10_000, 0));
        // `收` then 10 spaces then `入`: one word, letter-spaced.
        glyphs.extend(run("收", 1_000, 5_000, 10));
        glyphs.extend(run("入", 1_000 + 900 + 3_000, 5_000, 0));
        let lines: Vec<Vec<String>> = laid_lines(glyphs, &[], &[])
            .into_iter()
            .map(|l| l.cells.into_iter().map(|c| c.text).collect())
            .collect();
        assert_eq!(lines, [vec!["收 入"], vec!["12、城乡社区", "(6)资本性"]]);
    }

    #[test]
    fn a_names_tail_set_left_of_its_indented_head_a_line_under_the_row_joins_it() {
        // A ruled row (rules at 20_000 and 23_300): `(6)资本性` set in at 43_662 on the row's
        // first line, `支出` from the cell's edge at 40_397 on its third, the figure between.
        let rules = [
            Rule {
                y: 20_000,
                x0: 0,
                x1: 80_000,
            },
            Rule {
                y: 23_300,
                x0: 0,
                x1: 80_000,
            },
        ];
        let mut glyphs = run("(6)资本性", 43_662, 21_000, 0);
        glyphs.extend(run("支出", 40_397, 23_000, 0));
        glyphs.extend(run("727500.00", 51_162, 22_000, 0));
        let lines: Vec<Vec<String>> = laid_lines(glyphs, &rules, &[])
            .into_iter()
            .map(|l| l.cells.into_iter().map(|c| c.text).collect())
            .collect();
        assert_eq!(lines, [vec!["(6)资本性支出", "727500.00"]]);
        // `非财政拨` set in, its tail `款资金结余` from the cell's edge ending where it begins.
        let mut glyphs = run("非财政拨", 12_127, 21_000, 0);
        glyphs.extend(run("款资金结余", 12_127 - 900 * 5, 23_000, 0));
        glyphs.extend(run("0.00", 22_592, 22_000, 0));
        let lines: Vec<Vec<String>> = laid_lines(glyphs, &rules, &[])
            .into_iter()
            .map(|l| l.cells.into_iter().map(|c| c.text).collect())
            .collect();
        assert_eq!(lines, [vec!["非财政拨款资金结余", "0.00"]]);
    }

    #[test]
    fn not_a_pdf_is_said_so() {
        let (pages, d) = pages(b"hello");
        assert!(pages.is_empty());
        assert_eq!(d[0].code, codes::UNREADABLE);
        assert!(d[0].message.contains("不是 PDF 文件"));
    }

    #[test]
    fn page_lists_are_short() {
        assert_eq!(page_list(&[3, 5, 6, 7, 12]), "3、5–7、12");
    }
}
