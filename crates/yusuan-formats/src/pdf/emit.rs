//! Laid-out pages → PDF bytes, with krilla: the faces embedded as subsets (only the glyphs
//! used, with a ToUnicode map so the text can be copied, searched and read back), bookmarks,
//! page labels matching the printed numbers, and document metadata.
//!
//! This is the one place the layout's integer geometry (1/100 pt) becomes the floating point
//! PDF coordinates krilla takes; lines that name a float type are marked for the tidy test.
//! No amount passes here: amounts were printed to text long before.

use super::fonts::Fonts;
use super::layout::{Cpt, Entry, FaceId, Mark, PageBox};
use krilla::Document;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::{NumberingStyle, PageLabel, PageSettings};
use krilla::paint::Stroke;
use krilla::text::{Font, GlyphId};
use std::collections::BTreeSet;
use std::num::NonZeroU32;
use std::ops::Range;

/// A glyph as krilla draws it.
struct Placed {
    id: u32,
    range: Range<usize>,
    /// Advance as a fraction of the font size, in 1/100 000 em.
    advance: i64,
}

/// krilla's coordinate type.
type Float = f32; // tidy:allow-float (PDF geometry)

/// Converts a layout length to PDF points.
fn pt(v: Cpt) -> Float {
    v as Float / 100.0
}

impl krilla::text::Glyph for Placed {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(self.id)
    }
    fn text_range(&self) -> Range<usize> {
        self.range.clone()
    }
    fn x_advance(&self, size: Float) -> Float {
        self.advance as Float / 100_000.0 * size
    }
    fn x_offset(&self, _: Float) -> Float {
        0.0
    }
    fn y_offset(&self, _: Float) -> Float {
        0.0
    }
    fn y_advance(&self, _: Float) -> Float {
        0.0
    }
    fn location(&self) -> Option<krilla::surface::Location> {
        None
    }
}

/// How the document's pages are numbered: `front` unnumbered-then-roman pages, then the body
/// from 1.
pub(crate) struct Numbering {
    pub front: usize,
}

/// Writes the pages as a PDF.
pub(crate) fn pdf(
    fonts: &Fonts,
    pages: &[PageBox],
    entries: &[Entry],
    numbering: &Numbering,
    title: &str,
) -> Result<Vec<u8>, String> {
    let load = |f: &super::fonts::Face| {
        Font::new(f.data.clone().into(), f.index)
            .ok_or_else(|| format!("字体 {} 无法嵌入 PDF", f.path.display()))
    };
    let body = load(&fonts.body)?;
    let heading = load(&fonts.heading)?;
    let mut doc = Document::new();
    for (i, p) in pages.iter().enumerate() {
        let mut settings = PageSettings::from_wh(pt(p.width), pt(p.height))
            .ok_or_else(|| "页面尺寸无效".to_string())?;
        if i == 0 {
            settings = settings.with_page_label(PageLabel::new(None, Some("封面".into()), None));
        } else if i == 1 && numbering.front > 1 {
            settings = settings.with_page_label(PageLabel::new(
                Some(NumberingStyle::LowerRoman),
                Some("目录 ".into()),
                NonZeroU32::new(1),
            ));
        } else if i == numbering.front {
            settings = settings.with_page_label(PageLabel::new(
                Some(NumberingStyle::Arabic),
                None,
                NonZeroU32::new(1),
            ));
        }
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        let mut rules = BTreeSet::new();
        for m in &p.marks {
            match m {
                Mark::Text {
                    x,
                    y,
                    face,
                    size,
                    text,
                    glyphs,
                } => {
                    let font = match face {
                        FaceId::Body => body.clone(),
                        FaceId::Heading => heading.clone(),
                    };
                    let placed: Vec<Placed> = glyphs
                        .iter()
                        .map(|g| Placed {
                            id: g.id,
                            range: g.range.clone(),
                            advance: i64::from(g.advance) * 100_000 / i64::from((*size).max(1)),
                        })
                        .collect();
                    surface.draw_glyphs(
                        Point::from_xy(pt(*x), pt(*y)),
                        &placed,
                        font,
                        text,
                        pt(*size),
                        false,
                    );
                }
                Mark::Line { from, to, width } => {
                    rules.insert((*width, *from, *to));
                }
            }
        }
        // All rules of a width in one path, each segment once (adjacent cells share edges).
        let widths: BTreeSet<Cpt> = rules.iter().map(|r| r.0).collect();
        for w in widths {
            let mut pb = PathBuilder::new();
            for (_, from, to) in rules.iter().filter(|r| r.0 == w) {
                pb.move_to(pt(from.0), pt(from.1));
                pb.line_to(pt(to.0), pt(to.1));
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    width: pt(w),
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        surface.finish();
        page.finish();
    }
    let mut outline = Outline::new();
    let mut part: Option<OutlineNode> = None;
    for e in entries {
        let node = OutlineNode::new(
            e.title.clone(),
            XyzDestination::new(e.page, Point::from_xy(0.0, pt(e.y))),
        );
        if e.level == 0 {
            if let Some(p) = part.take() {
                outline.push_child(p);
            }
            part = Some(node.with_open(true));
        } else if let Some(p) = part.as_mut() {
            p.push_child(node);
        } else {
            outline.push_child(node);
        }
    }
    if let Some(p) = part {
        outline.push_child(p);
    }
    doc.set_outline(outline);
    doc.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language("zh-CN".into())
            .creator("yusuan".into())
            .producer("yusuan".into()),
    );
    doc.finish().map_err(|e| format!("生成 PDF 失败：{e:?}"))
}
