//! A text is a page whose glyphs are one character wide: `pdftotext -layout` output (or any
//! text whose columns are kept by spaces) → the same [`Page`]s of laid lines a PDF gives, so
//! that nothing after this layer knows which it came from.
//!
//! Pages are separated by form feeds. Every line of the text becomes one laid line (an empty
//! line an empty one), so a line's index in [`crate::pdf::join`] of the pages is its line in
//! the text. A line's cells are its runs of text separated by two or more spaces; a figure is
//! a cell of its own even when only one space separates it from its neighbour
//! (`合 计 3,773.71 2,989.71`). Positions are character columns × [`CHAR_WIDTH`].

use crate::pdf::{LaidCell, LaidLine, Page};

/// The width of one character of a text, in the PDF reader's units (1/100 pt): about a 10 pt
/// glyph, so tolerances written in type sizes hold for both.
pub const CHAR_WIDTH: i32 = 500;

/// The pages of a text.
pub fn pages(text: &str) -> Vec<Page> {
    let mut out = vec![Page {
        number: 1,
        ..Page::default()
    }];
    for l in text.split('\n') {
        for _ in 0..l.matches('\u{c}').count() {
            let number = out.len().saturating_add(1);
            out.push(Page {
                number: u32::try_from(number).unwrap_or(u32::MAX),
                ..Page::default()
            });
        }
        if let Some(p) = out.last_mut() {
            p.laid.push(line(&l.replace('\u{c}', "")));
        }
    }
    for p in &mut out {
        p.view.printed_number = printed_number(&p.laid);
    }
    out
}

/// The page number a text's page prints as its footer or header: its last (or first) line
/// with text is a bare number of up to four digits, alone and set in from the left margin
/// (centred or right, as a footer is; a table's figure stands beside its row's name).
fn printed_number(laid: &[LaidLine]) -> Option<u32> {
    let filled: Vec<&LaidLine> = laid.iter().filter(|l| !l.cells.is_empty()).collect();
    [filled.last(), filled.first()]
        .into_iter()
        .flatten()
        .find_map(|l| {
            let [c] = l.cells.as_slice() else {
                return None;
            };
            let t = c.text.trim();
            (t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()) && c.x0 >= 10 * CHAR_WIDTH)
                .then(|| t.parse().ok())
                .flatten()
        })
}

/// True for a figure as tables print them: `1,234.56`, `-3`, `0.000000`.
pub fn is_figure(s: &str) -> bool {
    let t = s.strip_prefix('-').unwrap_or(s);
    let mut digits = 0;
    let mut dots = 0;
    for c in t.chars() {
        match c {
            '0'..='9' => digits += 1,
            ',' if dots == 0 && digits > 0 => {}
            '.' if digits > 0 => dots += 1,
            _ => return false,
        }
    }
    digits > 0 && dots <= 1 && !t.ends_with(['.', ','])
}

/// One line of text → its cells.
fn line(text: &str) -> LaidLine {
    let chars: Vec<char> = text.trim_end_matches('\r').chars().collect();
    // Words: maximal runs of non-space characters, with their character columns.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        words.push((start, i));
    }
    let word = |(a, b): (usize, usize)| chars[a..b].iter().collect::<String>();
    let mut cells: Vec<(usize, usize)> = Vec::new();
    for w in words {
        let joins = cells.last().is_some_and(|&(a, b)| {
            w.0 - b == 1 && !is_figure(&word((a, b))) && !is_figure(&word(w))
        });
        match cells.last_mut() {
            Some(last) if joins => last.1 = w.1,
            _ => cells.push(w),
        }
    }
    let x = |c: usize| {
        i32::try_from(c)
            .unwrap_or(i32::MAX)
            .saturating_mul(CHAR_WIDTH)
    };
    LaidLine::new(
        cells
            .into_iter()
            .map(|(a, b)| LaidCell {
                text: word((a, b)),
                x0: x(a),
                x1: x(b),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_runs_and_figures_stand_alone() {
        let l = line("一、一般公共预算拨款收入   32,365.09 一、一般公共服务支出  26.06");
        let texts: Vec<&str> = l.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "一、一般公共预算拨款收入",
                "32,365.09",
                "一、一般公共服务支出",
                "26.06"
            ]
        );
        assert_eq!(l.cells[1].x0, 15 * CHAR_WIDTH);
        let l = line("合 计 3,773.71 2,989.71");
        let texts: Vec<&str> = l.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["合 计", "3,773.71", "2,989.71"]);
    }

    #[test]
    fn pages_keep_every_line() {
        let p = pages("a\n\nb\n\u{c}c\nd");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].laid.len(), 3);
        assert_eq!(p[1].laid.len(), 2);
        assert_eq!(crate::pdf::join(&p), "a\n\nb\n\u{c}c\nd");
    }

    #[test]
    fn figures() {
        for f in ["1,234.56", "-3", "0.000000", "2731.79"] {
            assert!(is_figure(f), "{f}");
        }
        for f in ["2010101-行政运行", "1.", ",5", "-", "1.2.3", "—"] {
            assert!(!is_figure(f), "{f}");
        }
    }
}
