//! The two typefaces of a PDF: a 宋体-like body face and a 黑体-like heading face, read from
//! font files at run time (a CJK font is 20 MB; it is never compiled in). Found on the system
//! (Debian's fonts-noto-cjk and the usual places of other systems), or given by the office with
//! `--font` / `--heading-font`. Text is measured here, in font units, with integers.

use skrifa::raw::{FileRef, FontRef, TableProvider};
use skrifa::{MetadataProvider, string::StringId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the body face is looked for, in order: Noto Serif CJK (思源宋体) first, the closest
/// free 宋体; then other systems' 宋体 and, last, any CJK face at all.
const BODY_CANDIDATES: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-serif-cjk-fonts/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "C:\\Windows\\Fonts\\simsun.ttc",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
];

/// Where the heading face is looked for: Noto Sans CJK (思源黑体), bold first.
const HEADING_CANDIDATES: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "C:\\Windows\\Fonts\\simhei.ttf",
    "/System/Library/Fonts/STHeiti Medium.ttc",
];

/// The message for a machine without any CJK font: what is missing and how to fix it.
pub const NO_FONT: &str = "生成 PDF 需要中文字体，但在本机未找到（已查找思源宋体/思源黑体 Noto Serif/Sans CJK SC 等）。\
请安装 fonts-noto-cjk（Debian/Ubuntu：sudo apt install fonts-noto-cjk），\
或用 --font 字体文件（.ttf/.otf/.ttc）指定单位自己的宋体/仿宋。";

/// One typeface: a font file (or one face of a collection) and its measures.
pub struct Face {
    /// The file's bytes, shared with the PDF writer.
    pub(crate) data: Arc<Vec<u8>>,
    /// The face's index in a collection (0 for a single font).
    pub(crate) index: u32,
    /// Where it was read from.
    pub path: PathBuf,
    /// Its family name, as the font names itself.
    pub family: String,
    /// Font units per em.
    pub(crate) upm: i32,
    /// Ascender and descender (negative), in font units.
    pub(crate) ascent: i32,
    pub(crate) descent: i32,
    /// char → (glyph id, advance in font units); `None` when the font has no glyph for it.
    cache: RefCell<HashMap<char, Option<(u32, i32)>>>,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}#{})",
            self.family,
            self.path.display(),
            self.index
        )
    }
}

fn family(font: &FontRef<'_>) -> String {
    font.localized_strings(StringId::FAMILY_NAME)
        .english_or_first()
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// Whether a family name is the Simplified Chinese member of a CJK collection.
fn is_simplified(family: &str) -> bool {
    family.ends_with(" SC") || family.contains(" SC ") || family.contains("GB")
}

impl Face {
    /// Reads a font file; in a collection, the Simplified Chinese face (else the first).
    pub fn load(path: &Path) -> Result<Face, String> {
        let shown = path.display();
        let data = std::fs::read(path).map_err(|e| format!("无法读取字体文件 {shown}：{e}"))?;
        let bad = || format!("{shown} 不是可用的字体文件（应为 .ttf、.otf 或 .ttc）");
        let (index, family, upm, ascent, descent) = {
            let file = FileRef::new(&data).map_err(|_| bad())?;
            let faces: Vec<(u32, FontRef<'_>)> = match file {
                FileRef::Font(f) => vec![(0, f)],
                FileRef::Collection(c) => (0..c.len())
                    .filter_map(|i| c.get(i).ok().map(|f| (i, f)))
                    .collect(),
            };
            let (index, font) = faces
                .iter()
                .find(|(_, f)| is_simplified(&family(f)))
                .or(faces.first())
                .ok_or_else(bad)?;
            if font.charmap().map('中').is_none() {
                return Err(format!(
                    "字体 {shown}（{}）不含中文字形，不能用于 PDF",
                    family(font)
                ));
            }
            let upm = font.head().map_err(|_| bad())?.units_per_em();
            let hhea = font.hhea().map_err(|_| bad())?;
            (
                *index,
                family(font),
                i32::from(upm.max(1)),
                i32::from(hhea.ascender().to_i16()),
                i32::from(hhea.descender().to_i16()),
            )
        };
        Ok(Face {
            data: Arc::new(data),
            index,
            path: path.to_path_buf(),
            family,
            upm,
            ascent,
            descent,
            cache: RefCell::new(HashMap::new()),
        })
    }

    /// The glyph for `ch` and its advance in font units, or `None` if the font lacks it.
    pub(crate) fn glyph(&self, ch: char) -> Option<(u32, i32)> {
        if let Some(g) = self.cache.borrow().get(&ch) {
            return *g;
        }
        let g = FontRef::from_index(&self.data, self.index)
            .ok()
            .and_then(|font| {
                let id = font.charmap().map(ch)?;
                let advance = font.hmtx().ok()?.advance(id).unwrap_or(0);
                Some((id.to_u32(), i32::from(advance)))
            });
        self.cache.borrow_mut().insert(ch, g);
        g
    }

    /// Advance of `ch` at `size` (both in 1/100 pt); a missing glyph counts as half an em.
    pub(crate) fn advance(&self, ch: char, size: i32) -> i32 {
        match self.glyph(ch) {
            Some((_, a)) => a * size / self.upm,
            None => size / 2,
        }
    }

    /// Width of `text` at `size`, in 1/100 pt.
    pub(crate) fn width(&self, text: &str, size: i32) -> i32 {
        text.chars().map(|c| self.advance(c, size)).sum()
    }
}

/// The faces a PDF is set in.
#[derive(Debug)]
pub struct Fonts {
    /// 宋体-like: body text and table cells.
    pub body: Face,
    /// 黑体-like: headings, table headers and totals.
    pub heading: Face,
}

fn first_found(candidates: &[&str]) -> Option<Face> {
    candidates
        .iter()
        .map(Path::new)
        .filter(|p| p.is_file())
        .find_map(|p| Face::load(p).ok())
}

impl Fonts {
    /// The body face from `body` if given, else found on the system; the heading face likewise
    /// (falling back to the body face, so one CJK font is enough).
    pub fn locate(body: Option<&Path>, heading: Option<&Path>) -> Result<Fonts, String> {
        let body = match body {
            Some(p) => Face::load(p)?,
            None => first_found(BODY_CANDIDATES).ok_or_else(|| NO_FONT.to_string())?,
        };
        let heading = match heading {
            Some(p) => Face::load(p)?,
            None => match first_found(HEADING_CANDIDATES) {
                Some(f) => f,
                None => Face::load(&body.path)?,
            },
        };
        Ok(Fonts { body, heading })
    }
}
