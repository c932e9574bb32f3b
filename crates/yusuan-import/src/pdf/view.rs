//! 页面 — what a page shows a person, beside what a machine reads from it: the glyphs seen, the
//! drawings, text that cannot be seen (off the page, invisible, white on white), text printed
//! over other text, and the page number printed in its header or footer. The page checks
//! (V rules) read it.

use super::content::{Glyph, PageContent};
use yusuan_core::disclosure::{Hidden, HiddenText, PageView};

/// The longest hidden run kept (characters): enough to quote, not a page of it.
const QUOTE: usize = 60;

fn quote(text: String) -> String {
    let n = text.chars().count();
    if n > QUOTE {
        let mut q: String = text.chars().take(QUOTE).collect();
        q.push('…');
        q
    } else {
        text
    }
}

/// A character that leaves ink a reader must read (not a rule, a dot or a space).
fn inked(t: &str) -> bool {
    t.chars()
        .any(|c| c.is_alphanumeric() || ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The view of one page from its content, and the glyphs (by index) a person does not see
/// because something is drawn over them or they fall outside their clip — not read, as a
/// person does not read them. `height` is the shown page's height (1/100 pt).
pub fn of(number: u32, c: &PageContent, height: i32) -> (PageView, Vec<usize>) {
    let mut hidden = Vec::new();
    for why in [Hidden::OffPage, Hidden::Clipped] {
        let text: String = c
            .hidden
            .iter()
            .filter(|(w, _)| *w == why)
            .map(|(_, t)| t.as_str())
            .collect();
        if inked(&text) {
            hidden.push(HiddenText {
                why,
                text: quote(text.trim().to_string()),
            });
        }
    }
    // Invisible text over an image is a scan's text layer: seen through the image.
    if c.images == 0 {
        let invisible: String = c
            .invisible
            .iter()
            .map(|&i| c.glyphs[i].text.as_str())
            .collect();
        if invisible.chars().any(|ch| !ch.is_whitespace()) {
            hidden.push(HiddenText {
                why: Hidden::Invisible,
                text: quote(invisible.trim().to_string()),
            });
        }
    }
    let on_ground = |g: &Glyph| {
        let (cx, cy) = (g.x + g.w / 2, g.y - g.size / 3);
        c.grounds.iter().any(|&(x0, y0, x1, y1)| {
            cx >= x0 - 50 && cx <= x1 + 50 && cy >= y0 - 50 && cy <= y1 + 50
        })
    };
    let white: String = c
        .white
        .iter()
        .map(|&i| &c.glyphs[i])
        .filter(|g| inked(&g.text) && !on_ground(g))
        .map(|g| g.text.as_str())
        .collect();
    if !white.is_empty() {
        hidden.push(HiddenText {
            why: Hidden::WhiteOnWhite,
            text: quote(white),
        });
    }
    let covered = covered(c);
    let mut unseen = covered.clone();
    unseen.extend(&c.clipped);
    unseen.sort_unstable();
    unseen.dedup();
    let text: String = covered.iter().map(|&i| c.glyphs[i].text.as_str()).collect();
    if inked(&text) {
        hidden.push(HiddenText {
            why: Hidden::Covered,
            text: quote(text),
        });
    }
    let invisible = c.invisible.len();
    let view = PageView {
        number,
        first_line: 0,
        glyphs: c.glyphs.len().saturating_sub(invisible),
        drawings: c.painted + c.images,
        unmapped: c.unmapped,
        hidden,
        overprinted: overprinted(c, &unseen),
        printed_number: printed_number(&c.glyphs, height),
        ..PageView::default()
    };
    (view, unseen)
}

/// The glyphs (by index) a white box drawn after them covers.
fn covered(c: &PageContent) -> Vec<usize> {
    let mut out = Vec::new();
    if c.covers.is_empty() {
        return out;
    }
    for (i, g) in c.glyphs.iter().enumerate() {
        if !inked(&g.text) {
            continue;
        }
        let (cx, cy) = (g.x + g.w / 2, g.y - g.size / 3);
        let under = c.covers.iter().any(|&((x0, y0, x1, y1), before)| {
            i < before && cx > x0 && cx < x1 && cy > y0 && cy < y1
        });
        if under {
            out.push(i);
        }
    }
    out
}

/// Different characters drawn at the same place: a person sees a blot. (The same character
/// drawn twice, a bold effect, is not.)
fn overprinted(c: &PageContent, unseen: &[usize]) -> Vec<(String, String)> {
    let mut seen: Vec<&Glyph> = c
        .glyphs
        .iter()
        .enumerate()
        .filter(|(i, g)| {
            inked(&g.text)
                && unseen.binary_search(i).is_err()
                && c.invisible.binary_search(i).is_err()
                && c.white.binary_search(i).is_err()
        })
        .map(|(_, g)| g)
        .collect();
    seen.sort_by_key(|g| (g.y, g.x));
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, a) in seen.iter().enumerate() {
        let near = a.size.max(100) * 3 / 10;
        for b in seen[i + 1..].iter().take_while(|b| b.y - a.y <= near) {
            if (b.x - a.x).abs() <= near && a.text != b.text {
                let pair = (a.text.clone(), b.text.clone());
                if out.len() < 20 && !out.contains(&pair) {
                    out.push(pair);
                }
            }
        }
    }
    out
}

/// The page number printed in the footer (or else the header): a line of its own in the
/// bottom eighth or the top twelfth of the page reading `3`, `- 3 -`, `—3—`, `第 3 页`,
/// `第 3 页 共 40 页` or `3/40`.
fn printed_number(glyphs: &[Glyph], height: i32) -> Option<u32> {
    let band = |top: bool| -> Option<u32> {
        let inside = |g: &&Glyph| {
            if top {
                g.y <= height / 12
            } else {
                g.y >= height - height / 8
            }
        };
        let mut near: Vec<&Glyph> = glyphs.iter().filter(inside).collect();
        near.sort_by_key(|g| (g.y, g.x));
        // Lines: glyphs on one baseline.
        let mut lines: Vec<Vec<&Glyph>> = Vec::new();
        for g in near {
            match lines.last_mut() {
                Some(l) if (g.y - l[0].y).abs() <= l[0].size.max(100) / 2 => l.push(g),
                _ => lines.push(vec![g]),
            }
        }
        let numbers: Vec<u32> = lines
            .iter_mut()
            .filter_map(|l| {
                l.sort_by_key(|g| g.x);
                let text: String = l
                    .iter()
                    .map(|g| g.text.as_str())
                    .collect::<String>()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                page_number(&text)
            })
            .collect();
        // One line that is a number: two would be a table's figures.
        match numbers.as_slice() {
            [n] => Some(*n),
            _ => None,
        }
    };
    band(false).or_else(|| band(true))
}

/// The number a page-number line states.
fn page_number(text: &str) -> Option<u32> {
    let dashes: &[char] = &['-', '—', '－', '–', '_'];
    let core = text.trim_matches(dashes);
    let core = core
        .strip_prefix('第')
        .and_then(|r| r.split_once('页'))
        .filter(|(_, rest)| rest.is_empty() || (rest.starts_with('共') && rest.ends_with('页')))
        .map_or(core, |(n, _)| n);
    let core = core.split_once('/').map_or(core, |(n, _)| n);
    if core.is_empty() || core.len() > 4 || !core.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    core.parse().ok().filter(|&n| n > 0)
}

/// The view as one field of a page dump: `@view glyphs=… drawings=… unmapped=… printed=…`
/// then `hidden=why:text` and `over=a|b` items, tab-free.
pub fn dump(v: &PageView) -> String {
    let mut s = format!(
        "@view glyphs={} drawings={} unmapped={}",
        v.glyphs, v.drawings, v.unmapped
    );
    if let Some(n) = v.printed_number {
        s.push_str(&format!(" printed={n}"));
    }
    for h in &v.hidden {
        s.push_str(&format!(
            " hidden={}:{}",
            h.why.key(),
            h.text.replace([' ', '\t'], "\u{3000}")
        ));
    }
    for (a, b) in &v.overprinted {
        s.push_str(&format!(" over={a}|{b}"));
    }
    s
}

/// A view from its [`dump`] field; `None` if the field is not one.
pub fn undump(number: u32, field: &str) -> Option<PageView> {
    let rest = field.strip_prefix("@view")?;
    let mut v = PageView {
        number,
        ..PageView::default()
    };
    for item in rest.split(' ').filter(|i| !i.is_empty()) {
        let (key, value) = item.split_once('=')?;
        match key {
            "glyphs" => v.glyphs = value.parse().ok()?,
            "drawings" => v.drawings = value.parse().ok()?,
            "unmapped" => v.unmapped = value.parse().ok()?,
            "printed" => v.printed_number = value.parse().ok(),
            "hidden" => {
                let (why, text) = value.split_once(':')?;
                let why = [
                    Hidden::OffPage,
                    Hidden::Invisible,
                    Hidden::WhiteOnWhite,
                    Hidden::Covered,
                    Hidden::Clipped,
                ]
                .into_iter()
                .find(|h| h.key() == why)?;
                v.hidden.push(HiddenText {
                    why,
                    text: text.replace('\u{3000}', " "),
                });
            }
            "over" => {
                let (a, b) = value.split_once('|')?;
                v.overprinted.push((a.to_string(), b.to_string()));
            }
            _ => return None,
        }
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x: i32, y: i32) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            w: 1000,
            size: 1000,
        }
    }

    #[test]
    fn page_numbers_in_the_forms_printed() {
        for (t, n) in [
            ("3", Some(3)),
            ("-3-", Some(3)),
            ("—12—", Some(12)),
            ("第3页", Some(3)),
            ("第3页共40页", Some(3)),
            ("3/40", Some(3)),
            ("2025", Some(2025)),
            ("合计", None),
            ("第3部分", None),
            ("0", None),
            ("12345", None),
        ] {
            assert_eq!(page_number(t), n, "{t}");
        }
    }

    #[test]
    fn the_footer_number_is_read_and_figures_are_not() {
        let height = 84_000;
        let footer = vec![
            g("-", 29_000, 80_000),
            g("7", 30_000, 80_000),
            g("-", 31_000, 80_000),
        ];
        assert_eq!(printed_number(&footer, height), Some(7));
        // Two number lines at the bottom are a table's last figures, not a page number.
        let figures = vec![g("7", 30_000, 76_000), g("8", 30_000, 80_000)];
        assert_eq!(printed_number(&figures, height), None);
        // A number in the middle of the page is not a page number.
        assert_eq!(printed_number(&[g("7", 30_000, 40_000)], height), None);
    }

    #[test]
    fn different_characters_at_one_place_are_overprinted_and_bold_is_not() {
        let c = PageContent {
            glyphs: vec![
                g("合", 1000, 5000),
                g("合", 1020, 5000),
                g("计", 1000, 9000),
                g("预", 1010, 9010),
            ],
            ..PageContent::default()
        };
        assert_eq!(overprinted(&c, &[]), [("计".to_string(), "预".to_string())]);
    }

    #[test]
    fn a_view_survives_its_dump() {
        let v = PageView {
            number: 4,
            first_line: 0,
            glyphs: 10,
            drawings: 2,
            unmapped: 1,
            hidden: vec![HiddenText {
                why: Hidden::WhiteOnWhite,
                text: "本 单位".into(),
            }],
            overprinted: vec![("计".into(), "预".into())],
            printed_number: Some(3),
            ..PageView::default()
        };
        assert_eq!(undump(4, &dump(&v)), Some(v));
    }
}
