//! A page's content stream interpreted for its text: the text and graphics state operators
//! that place glyphs (BT/ET, Tf, Td/TD/Tm/T*, Tc/Tw/Tz/TL/Ts, Tj/TJ/'/", cm, q/Q) and form
//! XObjects (Do), giving each glyph's text, position and advance.
//!
//! PDF geometry is real numbers by the file format, so matrices are floating point here — the
//! one place in this crate; every glyph leaves with integer coordinates in 1/100 pt, measured
//! from the page's top left. No amount passes here: figures are read later from the text.
// tidy:allow-float-file (PDF content-stream geometry)

use super::fonts::Font;
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use yusuan_core::disclosure::Hidden;

/// A straight segment of a path, from one point to another (PDF user space).
type Segment = ((f64, f64), (f64, f64));

/// A glyph placed on a page (1/100 pt, y downward from the top of the page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyph {
    /// The text it stands for (usually one character; `\u{fffd}` when unmappable).
    pub text: String,
    /// Left of its origin.
    pub x: i32,
    /// Its baseline.
    pub y: i32,
    /// Its advance.
    pub w: i32,
    /// Its size (the font size as drawn).
    pub size: i32,
}

/// A horizontal rule drawn on a page (1/100 pt, y downward): a table's row border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub y: i32,
    pub x0: i32,
    pub x1: i32,
}

/// A vertical rule (a table's column border): x, and its top and bottom (1/100 pt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VRule {
    pub x: i32,
    pub y0: i32,
    pub y1: i32,
}

/// What a page's content gave.
#[derive(Debug, Default)]
pub struct PageContent {
    pub glyphs: Vec<Glyph>,
    /// Horizontal rules (table borders), from stroked or filled paths.
    pub rules: Vec<Rule>,
    /// Vertical rules (column borders).
    pub vrules: Vec<VRule>,
    /// Images drawn (a page of images and no text is a scan).
    pub images: usize,
    /// Glyphs whose code no font maps to text.
    pub unmapped: usize,
    /// Paths painted (lines, boxes, fills), whatever their shape.
    pub painted: usize,
    /// Text a person cannot see: drawn off the page, or in an invisible render mode.
    pub hidden: Vec<(Hidden, String)>,
    /// White glyphs (by index in `glyphs`): hidden unless something dark lies beneath.
    pub white: Vec<usize>,
    /// Areas filled with a colour other than white, and images: what white text may stand on
    /// (x0, y0, x1, y1 in 1/100 pt, y down).
    pub grounds: Vec<(i32, i32, i32, i32)>,
    /// Glyphs (by index in `glyphs`) drawn in an invisible render mode (Tr 3, 7): hidden unless
    /// an image lies beneath (the text layer of a scan).
    pub invisible: Vec<usize>,
    /// White boxes and images, each with how many glyphs had been drawn before it: those under
    /// it are covered.
    pub covers: Vec<((i32, i32, i32, i32), usize)>,
    /// The glyphs (by index) drawn outside their clip.
    pub clipped: Vec<usize>,
}

type M = [f64; 6];
const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
/// The identity matrix: a page's content starts drawn with it.
pub const IDENTITY: M = ID;

fn mul(a: &M, b: &M) -> M {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn num(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => 0.0,
    }
}

fn cpt(v: f64) -> i32 {
    let v = (v * 100.0).round();
    if v.is_finite() {
        v.clamp(-1e9, 1e9) as i32
    } else {
        0
    }
}

#[derive(Clone)]
struct State {
    ctm: M,
    font: Option<Vec<u8>>,
    size: f64,
    tc: f64,
    tw: f64,
    th: f64,
    tl: f64,
    rise: f64,
    /// Text render mode (Tr): 3 and 7 draw nothing.
    render: i64,
    /// Whether the fill colour is white.
    white: bool,
    /// The clipping box (shown, 1/100 pt, y down), when a clip was set.
    clip: Option<(i32, i32, i32, i32)>,
}

/// Limits against hostile files: operators per page, form nesting.
const MAX_OPS: usize = 2_000_000;
const MAX_DEPTH: usize = 8;

pub struct Interpreter<'d> {
    doc: &'d Document,
    width: f64,
    height: f64,
    /// The page's /Rotate, in quarter turns clockwise (0–3): what is read is the page as shown.
    turns: u8,
    limit: usize,
    fonts: HashMap<ObjectId, Font>,
    ops: usize,
    pub out: PageContent,
}

impl<'d> Interpreter<'d> {
    pub fn new(doc: &'d Document, (width, height): (f64, f64), limit: usize) -> Self {
        Interpreter {
            doc,
            width,
            height,
            turns: 0,
            limit,
            fonts: HashMap::new(),
            ops: 0,
            out: PageContent::default(),
        }
    }

    /// Fonts already read from this document (by an earlier page's interpreter): a font
    /// shared by every page is read once.
    pub fn with_fonts(mut self, fonts: HashMap<ObjectId, Font>) -> Self {
        self.fonts = fonts;
        self
    }

    /// What was drawn, and the fonts read, for the next page.
    pub fn finish(self) -> (PageContent, HashMap<ObjectId, Font>) {
        (self.out, self.fonts)
    }

    /// The page as shown turned by its /Rotate (degrees clockwise, a multiple of 90).
    pub fn rotated(mut self, degrees: i64) -> Self {
        self.turns = u8::try_from(degrees.rem_euclid(360) / 90).unwrap_or(0);
        self
    }

    /// A point of the page (PDF space: y up) as shown, turned by /Rotate, in PDF space again
    /// (origin bottom left of the page as shown), and the height of the page as shown.
    fn shown(&self, (x, y): (f64, f64)) -> ((f64, f64), f64) {
        let (w, h) = (self.width, self.height);
        match self.turns {
            1 => ((y, w - x), w),
            2 => ((w - x, h - y), h),
            3 => ((h - y, x), w),
            _ => ((x, y), h),
        }
    }

    fn deref<'a>(&'a self, o: &'a Object) -> &'a Object {
        self.doc.dereference(o).map_or(o, |(_, x)| x)
    }

    /// The font named `name` in `resources`, read once per document object.
    fn font(&mut self, resources: &Dictionary, name: &[u8]) -> Option<ObjectId> {
        let fonts = resources
            .get(b"Font")
            .ok()
            .map(|f| self.deref(f))?
            .as_dict()
            .ok()?;
        let id = fonts.get(name).ok()?.as_reference().ok()?;
        if !self.fonts.contains_key(&id) {
            let dict = self.doc.get_object(id).ok()?.as_dict().ok()?;
            let f = Font::read(self.doc, dict, self.limit);
            self.fonts.insert(id, f);
        }
        Some(id)
    }

    /// Interprets `content` drawn with `ctm` and `resources`.
    pub fn run(&mut self, content: &[u8], resources: &Dictionary, ctm: M, depth: usize) {
        let Ok(ops) = Content::decode(content) else {
            return;
        };
        let mut gs = State {
            ctm,
            font: None,
            size: 0.0,
            tc: 0.0,
            tw: 0.0,
            th: 1.0,
            tl: 0.0,
            rise: 0.0,
            render: 0,
            white: false,
            clip: None,
        };
        // A clip set by W/W* takes effect when its path is ended.
        let mut clipping = false;
        let mut stack: Vec<State> = Vec::new();
        let (mut tm, mut tlm) = (ID, ID);
        let mut font_id: Option<ObjectId> = None;
        // The current path's straight segments, in user space, until it is painted.
        let mut path: Vec<((f64, f64), (f64, f64))> = Vec::new();
        let mut at = (0.0, 0.0);
        let mut start = (0.0, 0.0);
        for op in &ops.operations {
            self.ops += 1;
            if self.ops > MAX_OPS {
                return;
            }
            let a = &op.operands;
            let n = |i: usize| a.get(i).map_or(0.0, num);
            match op.operator.as_str() {
                "q" => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                        font_id = gs.font.as_ref().and_then(|f| self.font(resources, f));
                    }
                }
                "cm" if a.len() == 6 => {
                    gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &gs.ctm)
                }
                "BT" => {
                    tm = ID;
                    tlm = ID;
                }
                "Tf" if a.len() == 2 => {
                    if let Ok(name) = a[0].as_name() {
                        gs.font = Some(name.to_vec());
                        font_id = self.font(resources, name);
                    }
                    gs.size = n(1);
                }
                "Tr" => gs.render = n(0) as i64,
                "g" => gs.white = n(0) >= 0.99,
                "rg" => gs.white = (0..3).all(|i| n(i) >= 0.99),
                "k" => gs.white = (0..4).all(|i| n(i) <= 0.01),
                "sc" | "scn" => {
                    let v: Vec<f64> = a
                        .iter()
                        .filter(|o| !matches!(o, Object::Name(_)))
                        .map(num)
                        .collect();
                    gs.white = match v.len() {
                        1 | 3 => v.iter().all(|&c| c >= 0.99),
                        4 => v.iter().all(|&c| c <= 0.01),
                        _ => false,
                    };
                }
                "cs" => gs.white = false,
                "Tc" => gs.tc = n(0),
                "Tw" => gs.tw = n(0),
                "Tz" => gs.th = n(0) / 100.0,
                "TL" => gs.tl = n(0),
                "Ts" => gs.rise = n(0),
                "Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "TD" => {
                    gs.tl = -n(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "Tm" if a.len() == 6 => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator == "'" || op.operator == "\"" {
                        if op.operator == "\"" {
                            gs.tw = n(0);
                            gs.tc = n(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], &tlm);
                        tm = tlm;
                    }
                    let items: Vec<&Object> = match op.operator.as_str() {
                        "TJ" => a
                            .first()
                            .and_then(|x| x.as_array().ok())
                            .map(|v| v.iter().collect())
                            .unwrap_or_default(),
                        _ => a.last().into_iter().collect(),
                    };
                    for item in items {
                        match item {
                            Object::String(bytes, _) => {
                                self.show(bytes, font_id, &gs, &mut tm);
                            }
                            other => {
                                let tx = -num(other) / 1000.0 * gs.size * gs.th;
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(name) = a.first().and_then(|x| x.as_name().ok()) {
                        self.xobject(resources, name, &gs, depth);
                    }
                }
                "BI" => self.image(&gs.ctm),
                "m" => {
                    at = (n(0), n(1));
                    start = at;
                }
                "l" => {
                    let to = (n(0), n(1));
                    path.push((at, to));
                    at = to;
                }
                "h" => {
                    path.push((at, start));
                    at = start;
                }
                "re" => {
                    let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                    // A thin filled rectangle is a rule; a box has four edges.
                    if h.abs() < 2.0 {
                        path.push(((x, y + h / 2.0), (x + w, y + h / 2.0)));
                    } else if w.abs() < 2.0 {
                        path.push(((x + w / 2.0, y), (x + w / 2.0, y + h)));
                    } else {
                        path.push(((x, y), (x + w, y)));
                        path.push(((x, y + h), (x + w, y + h)));
                        path.push(((x, y), (x, y + h)));
                        path.push(((x + w, y), (x + w, y + h)));
                    }
                    at = (x, y);
                    start = at;
                }
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                    if clipping {
                        gs.clip = self.clip_to(&path, &gs);
                        clipping = false;
                    }
                    let fills = !matches!(op.operator.as_str(), "S" | "s");
                    if !path.is_empty() {
                        self.out.painted += 1;
                        let corners: Vec<(f64, f64)> =
                            path.iter().flat_map(|&(a, b)| [a, b]).collect();
                        if fills && !gs.white {
                            self.ground(&corners, &gs.ctm);
                        } else if fills && self.out.covers.len() < 10_000 {
                            // A white box drawn over glyphs already drawn hides them.
                            let b = self.bbox(&corners, &gs.ctm);
                            self.out.covers.push((b, self.out.glyphs.len()));
                        }
                    }
                    for (a, b) in path.drain(..) {
                        self.rule(a, b, &gs.ctm);
                    }
                }
                "c" | "v" | "y" => {
                    // A curve: drawn (so the page is not blank), not a rule.
                    if let (Some(x), Some(y)) = (a.len().checked_sub(2), a.len().checked_sub(1)) {
                        at = (n(x), n(y));
                    }
                    self.out.painted += 1;
                }
                "W" | "W*" => clipping = true,
                "n" => {
                    if clipping {
                        gs.clip = self.clip_to(&path, &gs);
                        clipping = false;
                    }
                    path.clear();
                }
                _ => {}
            }
        }
    }

    fn xobject(&mut self, resources: &Dictionary, name: &[u8], gs: &State, depth: usize) {
        let Some(xs) = resources
            .get(b"XObject")
            .ok()
            .map(|x| self.deref(x))
            .and_then(|x| x.as_dict().ok())
        else {
            return;
        };
        let Some(x) = xs.get(name).ok().map(|x| self.deref(x)) else {
            return;
        };
        let Ok(stream) = x.as_stream() else {
            return;
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.image(&gs.ctm),
            Ok(b"Form") if depth < MAX_DEPTH => {
                let m = stream
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|m| m.as_array().ok())
                    .filter(|m| m.len() == 6)
                    .map_or(ID, |m| {
                        [
                            num(&m[0]),
                            num(&m[1]),
                            num(&m[2]),
                            num(&m[3]),
                            num(&m[4]),
                            num(&m[5]),
                        ]
                    });
                let content = stream
                    .decompressed_content_with_limit(self.limit)
                    .unwrap_or_else(|_| stream.content.clone());
                let own = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .map(|r| self.deref(r))
                    .and_then(|r| r.as_dict().ok())
                    .cloned()
                    .unwrap_or_else(|| resources.clone());
                self.run(&content, &own, mul(&m, &gs.ctm), depth + 1);
            }
            _ => {}
        }
    }

    /// Records the box around `points` (user space) as a ground white text may stand on.
    fn ground(&mut self, points: &[(f64, f64)], ctm: &M) {
        if self.out.grounds.len() < 10_000 {
            let b = self.bbox(points, ctm);
            self.out.grounds.push(b);
        }
    }

    /// Records an image: a ground for white text, and a cover over the glyphs drawn before it.
    fn image(&mut self, ctm: &M) {
        self.out.images += 1;
        let unit = [(0.0, 0.0), (1.0, 1.0)];
        self.ground(&unit, ctm);
        if self.out.covers.len() < 10_000 {
            let b = self.bbox(&unit, ctm);
            self.out.covers.push((b, self.out.glyphs.len()));
        }
    }

    /// The clip after intersecting the current one with the box of `path` (a path of curves
    /// only, which is not followed, leaves the clip as it was).
    fn clip_to(&self, path: &[Segment], gs: &State) -> Option<(i32, i32, i32, i32)> {
        if path.is_empty() {
            return gs.clip;
        }
        let corners: Vec<(f64, f64)> = path.iter().flat_map(|&(a, b)| [a, b]).collect();
        let b = self.bbox(&corners, &gs.ctm);
        Some(match gs.clip {
            Some(c) => (c.0.max(b.0), c.1.max(b.1), c.2.min(b.2), c.3.min(b.3)),
            None => b,
        })
    }

    /// The box around `points` (user space) as shown (1/100 pt, y down).
    fn bbox(&self, points: &[(f64, f64)], ctm: &M) -> (i32, i32, i32, i32) {
        let shown: Vec<(f64, f64)> = points
            .iter()
            .map(|&(x, y)| {
                let p = (
                    x * ctm[0] + y * ctm[2] + ctm[4],
                    x * ctm[1] + y * ctm[3] + ctm[5],
                );
                let ((sx, sy), height) = self.shown(p);
                (sx, height - sy)
            })
            .collect();
        let xs = shown.iter().map(|p| p.0);
        let ys = shown.iter().map(|p| p.1);
        let (x0, x1) = (
            xs.clone().fold(f64::MAX, f64::min),
            xs.fold(f64::MIN, f64::max),
        );
        let (y0, y1) = (
            ys.clone().fold(f64::MAX, f64::min),
            ys.fold(f64::MIN, f64::max),
        );
        (cpt(x0), cpt(y0), cpt(x1), cpt(y1))
    }

    /// Records a painted segment that is horizontal on the page (and long enough to be a
    /// border rather than a stroke of a drawing).
    fn rule(&mut self, a: (f64, f64), b: (f64, f64), ctm: &M) {
        let p = |(x, y): (f64, f64)| {
            (
                x * ctm[0] + y * ctm[2] + ctm[4],
                x * ctm[1] + y * ctm[3] + ctm[5],
            )
        };
        let ((a, height), (b, _)) = (self.shown(p(a)), self.shown(p(b)));
        let many = self.out.rules.len() + self.out.vrules.len() >= 100_000;
        if many {
            return;
        }
        if (a.1 - b.1).abs() < 0.5 && (a.0 - b.0).abs() >= 4.0 {
            let y = cpt(height - a.1);
            let (x0, x1) = (cpt(a.0.min(b.0)), cpt(a.0.max(b.0)));
            self.out.rules.push(Rule { y, x0, x1 });
        } else if (a.0 - b.0).abs() < 0.5 && (a.1 - b.1).abs() >= 4.0 {
            let (y0, y1) = (cpt(height - a.1.max(b.1)), cpt(height - a.1.min(b.1)));
            self.out.vrules.push(VRule {
                x: cpt(a.0),
                y0,
                y1,
            });
        }
    }

    /// Places the glyphs of one string and advances the text matrix.
    fn show(&mut self, bytes: &[u8], font: Option<ObjectId>, gs: &State, tm: &mut M) {
        let Some(font) = font.and_then(|id| self.fonts.get(&id)) else {
            return;
        };
        for (code, len) in font.codes(bytes) {
            let trm = mul(
                &[gs.size * gs.th, 0.0, 0.0, gs.size, 0.0, gs.rise],
                &mul(tm, &gs.ctm),
            );
            let w0 = font.width(code) as f64 / 1000.0;
            let space = if len == 1 && code == 32 { gs.tw } else { 0.0 };
            let tx = (w0 * gs.size + gs.tc + space) * gs.th;
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
            let next = mul(tm, &gs.ctm);
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            // Text outside the page is not shown (an overflowing text box, say): not read. A
            // glyph stands on its baseline, so one whose baseline is less than half its size
            // below the top edge shows (almost) nothing either.
            let ((x, y), height) = self.shown((trm[4], trm[5]));
            let width = if self.turns % 2 == 1 {
                self.height
            } else {
                self.width
            };
            let text = match font.text(code, len) {
                Some(t) => t,
                None => {
                    self.out.unmapped += 1;
                    "\u{fffd}".to_string()
                }
            };
            if x < -2.0 || x > width + 2.0 || y < -2.0 || y > height - size / 2.0 {
                // Not read (a person does not see it), but said.
                if self.out.hidden.len() < 1_000 {
                    self.out.hidden.push((Hidden::OffPage, text));
                }
                continue;
            }
            // Placed as the page is shown: a page turned by /Rotate reads left to right.
            let ((sx, sy), height) = self.shown((trm[4], trm[5]));
            let ((ex, _), _) = self.shown((next[4], next[5]));
            let glyph = Glyph {
                text,
                x: cpt(sx),
                y: cpt(height - sy),
                w: cpt(ex - sx),
                size: cpt(size),
            };
            let (cx, cy) = (glyph.x + glyph.w / 2, glyph.y - glyph.size / 3);
            let clipped = gs.clip.is_some_and(|(x0, y0, x1, y1)| {
                cx < x0 - 50 || cx > x1 + 50 || cy < y0 - 50 || cy > y1 + 50
            });
            if clipped {
                if self.out.hidden.len() < 1_000 {
                    self.out.hidden.push((Hidden::Clipped, glyph.text.clone()));
                }
                self.out.clipped.push(self.out.glyphs.len());
            } else if matches!(gs.render, 3 | 7) {
                if self.out.invisible.len() < 10_000 {
                    self.out.invisible.push(self.out.glyphs.len());
                }
            } else if gs.white && !glyph.text.trim().is_empty() && self.out.white.len() < 10_000 {
                self.out.white.push(self.out.glyphs.len());
            }
            self.out.glyphs.push(glyph);
        }
    }
}

/// The page's /Rotate in degrees (inherited from its page tree; 0 when absent).
pub fn page_rotation(doc: &Document, page: &Dictionary) -> i64 {
    let mut dict = Some(page.clone());
    for _ in 0..32 {
        let Some(d) = dict else { break };
        if let Ok(r) = d.get(b"Rotate") {
            let r = doc.dereference(r).map_or(r, |(_, x)| x);
            return match r {
                Object::Integer(i) => *i,
                Object::Real(f) => (*f as i64 / 90) * 90,
                _ => 0,
            };
        }
        dict = d
            .get(b"Parent")
            .ok()
            .and_then(|p| doc.dereference(p).ok())
            .and_then(|(_, x)| x.as_dict().ok())
            .cloned();
    }
    0
}

/// The page's size (width, height) in points, from its MediaBox.
pub fn page_size(doc: &Document, page: &Dictionary) -> (f64, f64) {
    let media = page
        .get(b"MediaBox")
        .ok()
        .map(|m| doc.dereference(m).map_or(m, |(_, x)| x))
        .and_then(|m| m.as_array().ok())
        .filter(|m| m.len() == 4);
    match media {
        Some(m) => {
            let n = |o: &Object| match o {
                Object::Integer(i) => *i as f64,
                Object::Real(r) => f64::from(*r),
                _ => 0.0,
            };
            ((n(&m[2]) - n(&m[0])).abs(), (n(&m[3]) - n(&m[1])).abs())
        }
        None => (612.0, 792.0),
    }
}

/// The width of a page as shown (after /Rotate), in 1/100 pt.
pub fn shown_width(doc: &Document, page: &Dictionary) -> i32 {
    let (w, h) = page_size(doc, page);
    if page_rotation(doc, page).rem_euclid(180) == 90 {
        cpt(h)
    } else {
        cpt(w)
    }
}

/// The height of the page as shown (its rotation applied), in 1/100 pt.
pub fn shown_height(doc: &Document, page: &Dictionary) -> i32 {
    let (w, h) = page_size(doc, page);
    if page_rotation(doc, page).rem_euclid(180) == 90 {
        cpt(w)
    } else {
        cpt(h)
    }
}
