//! A PDF font as far as text extraction needs it: how its strings split into character codes,
//! what Unicode text each code stands for, and how wide each glyph is.
//!
//! Handled: composite fonts (Type0) with `Identity-H`/`-V` and a `ToUnicode` map (what WPS,
//! Word, LibreOffice and yusuan write), the predefined Chinese CMaps (`UniGB-UCS2-H` and
//! `UniGB-UTF16-H`, whose codes are Unicode; `GBK-EUC-H`, `GB-EUC-H` and relatives, whose codes
//! are GBK), and simple fonts (one byte per code, `ToUnicode` or a standard Latin encoding).
//! A Type3 font's codes are text only through its ToUnicode map. A code nothing maps is
//! counted, so the reader can say which pages hold text it cannot show.

use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// How a font's string bytes become codes, and codes become text.
#[derive(Debug, Default)]
pub struct Font {
    /// Code lengths by first byte, from the ToUnicode codespace (when given).
    codespace: Vec<(usize, u32, u32)>,
    /// Bytes per code when no codespace says otherwise.
    default_len: usize,
    /// Whether codes are GBK (1 byte below 0x81, else 2).
    gbk: bool,
    /// Whether codes are UCS-2 / UTF-16 themselves.
    unicode_codes: bool,
    /// code → text, from ToUnicode.
    to_unicode: HashMap<u32, String>,
    /// Whether the font is simple (one byte, Latin fallback).
    simple: bool,
    /// Whether it is a Type3 font: its codes name glyphs it draws itself, so without a
    /// ToUnicode map they are no text at all (no Latin fallback).
    type3: bool,
    /// Glyph widths in thousandths of the font size.
    widths: HashMap<u32, i64>,
    default_width: i64,
}

/// The objects a font dictionary refers to, dereferenced.
fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, x)| x)
}

fn number(o: &Object) -> Option<i64> {
    match o {
        Object::Integer(i) => Some(*i),
        Object::Real(r) => Some(r.round() as i64),
        _ => None,
    }
}

/// Hex string bytes as a big-endian number, and its length.
fn code_of(bytes: &[u8]) -> (u32, usize) {
    let v = bytes
        .iter()
        .take(4)
        .fold(0u32, |a, b| (a << 8) | u32::from(*b));
    (v, bytes.len().min(4))
}

fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| (u16::from(c[0]) << 8) | u16::from(*c.get(1).unwrap_or(&0)))
        .collect();
    String::from_utf16_lossy(&units)
}

/// The tokens of a CMap: hex strings, array brackets and words.
#[derive(Debug, PartialEq)]
enum Tok {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(String),
}

fn tokens(text: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        match c {
            b'<' if text.get(i + 1) != Some(&b'<') => {
                let end = text[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(text.len(), |p| i + p);
                let hex: Vec<u8> = text[i + 1..end]
                    .iter()
                    .filter(|b| b.is_ascii_hexdigit())
                    .copied()
                    .collect();
                let mut bytes = Vec::with_capacity(hex.len() / 2 + 1);
                for pair in hex.chunks(2) {
                    let s = std::str::from_utf8(pair).unwrap_or("0");
                    let v = u8::from_str_radix(s, 16).unwrap_or(0);
                    bytes.push(if pair.len() == 1 { v << 4 } else { v });
                }
                out.push(Tok::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                out.push(Tok::Open);
                i += 1;
            }
            b']' => {
                out.push(Tok::Close);
                i += 1;
            }
            b'%' => {
                while i < text.len() && text[i] != b'\n' && text[i] != b'\r' {
                    i += 1;
                }
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < text.len() && !b"<>[]% \t\r\n/".contains(&text[i]) {
                    i += 1;
                }
                if i == start {
                    i += 1;
                }
                out.push(Tok::Word(
                    String::from_utf8_lossy(&text[start..i]).into_owned(),
                ));
            }
        }
    }
    out
}

/// Limits on what a hostile CMap may make the reader do.
const MAX_RANGE: u32 = 0x1_0000;

impl Font {
    /// Reads a ToUnicode CMap into the font.
    fn read_to_unicode(&mut self, cmap: &[u8]) {
        let toks = tokens(cmap);
        let mut i = 0;
        let hex = |t: Option<&Tok>| match t {
            Some(Tok::Hex(b)) => Some(b.clone()),
            _ => None,
        };
        while i < toks.len() {
            let Tok::Word(w) = &toks[i] else {
                i += 1;
                continue;
            };
            i += 1;
            match w.as_str() {
                "begincodespacerange" => {
                    while let (Some(lo), Some(hi)) = (hex(toks.get(i)), hex(toks.get(i + 1))) {
                        let (lo_v, len) = code_of(&lo);
                        let (hi_v, _) = code_of(&hi);
                        self.codespace.push((len, lo_v, hi_v));
                        i += 2;
                    }
                }
                "beginbfchar" => {
                    while let (Some(src), Some(dst)) = (hex(toks.get(i)), hex(toks.get(i + 1))) {
                        self.to_unicode.insert(code_of(&src).0, utf16(&dst));
                        i += 2;
                    }
                }
                "beginbfrange" => {
                    while let (Some(lo), Some(hi)) = (hex(toks.get(i)), hex(toks.get(i + 1))) {
                        let (lo, hi) = (code_of(&lo).0, code_of(&hi).0);
                        i += 2;
                        match toks.get(i) {
                            Some(Tok::Hex(dst)) => {
                                let units: Vec<u16> = utf16(dst).encode_utf16().collect();
                                for (k, code) in (lo..=hi).take(MAX_RANGE as usize).enumerate() {
                                    let mut u = units.clone();
                                    if let Some(l) = u.last_mut() {
                                        *l = l.wrapping_add(u16::try_from(k).unwrap_or(0));
                                    }
                                    self.to_unicode.insert(code, String::from_utf16_lossy(&u));
                                }
                                i += 1;
                            }
                            Some(Tok::Open) => {
                                i += 1;
                                let mut code = lo;
                                while let Some(Tok::Hex(dst)) = toks.get(i) {
                                    if code <= hi {
                                        self.to_unicode.insert(code, utf16(dst));
                                    }
                                    code = code.saturating_add(1);
                                    i += 1;
                                }
                                if toks.get(i) == Some(&Tok::Close) {
                                    i += 1;
                                }
                            }
                            _ => break,
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Reads the font dictionary `dict` of `doc`.
    pub fn read(doc: &Document, dict: &Dictionary, limit: usize) -> Font {
        let mut f = Font {
            default_len: 1,
            default_width: 1000,
            ..Font::default()
        };
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let encoding = dict.get(b"Encoding").ok().map(|e| deref(doc, e));
        if subtype == b"Type0" {
            f.default_len = 2;
            if let Some(Object::Name(name)) = encoding {
                let name = String::from_utf8_lossy(name.as_slice());
                if name.starts_with("UniGB-UCS2") || name.starts_with("UniGB-UTF16") {
                    f.unicode_codes = true;
                } else if name.contains("EUC") || name.starts_with("GBK") || name.starts_with("GBT")
                {
                    f.gbk = true;
                }
            }
            let descendant = dict
                .get(b"DescendantFonts")
                .ok()
                .map(|d| deref(doc, d))
                .and_then(|d| d.as_array().ok())
                .and_then(|a| a.first())
                .map(|d| deref(doc, d))
                .and_then(|d| d.as_dict().ok());
            if let Some(cid) = descendant {
                if let Some(dw) = cid.get(b"DW").ok().and_then(number) {
                    f.default_width = dw;
                }
                if let Some(w) = cid
                    .get(b"W")
                    .ok()
                    .map(|w| deref(doc, w))
                    .and_then(|w| w.as_array().ok())
                {
                    f.read_cid_widths(doc, w);
                }
            }
        } else {
            f.simple = true;
            f.type3 = subtype == b"Type3";
            let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0);
            if let Some(ws) = dict
                .get(b"Widths")
                .map(|w| deref(doc, w))
                .ok()
                .and_then(|w| w.as_array().ok())
            {
                for (k, w) in ws.iter().enumerate().take(256) {
                    if let (Some(w), Ok(code)) =
                        (number(deref(doc, w)), u32::try_from(first + k as i64))
                    {
                        f.widths.insert(code, w);
                    }
                }
            }
            f.default_width = 500;
        }
        if let Ok(stream) = dict
            .get(b"ToUnicode")
            .map(|t| deref(doc, t))
            .and_then(Object::as_stream)
        {
            let bytes = stream
                .decompressed_content_with_limit(limit)
                .unwrap_or_else(|_| stream.content.clone());
            f.read_to_unicode(&bytes);
        }
        f
    }

    fn read_cid_widths(&mut self, doc: &Document, w: &[Object]) {
        let mut i = 0;
        while i < w.len() {
            let Some(first) = number(deref(doc, &w[i])) else {
                break;
            };
            match w.get(i + 1).map(|x| deref(doc, x)) {
                Some(Object::Array(ws)) => {
                    for (k, x) in ws.iter().enumerate().take(MAX_RANGE as usize) {
                        if let (Some(x), Ok(code)) =
                            (number(deref(doc, x)), u32::try_from(first + k as i64))
                        {
                            self.widths.insert(code, x);
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let (Some(last), Some(x)) = (
                        number(last),
                        w.get(i + 2).map(|x| deref(doc, x)).and_then(number),
                    ) else {
                        break;
                    };
                    let span = (last - first).clamp(0, i64::from(MAX_RANGE));
                    for k in 0..=span {
                        if let Ok(code) = u32::try_from(first + k) {
                            self.widths.insert(code, x);
                        }
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    /// Splits a string's bytes into codes (with their byte length).
    pub fn codes(&self, bytes: &[u8]) -> Vec<(u32, usize)> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let len = if self.gbk {
                if bytes[i] >= 0x81 { 2 } else { 1 }
            } else if !self.codespace.is_empty() {
                (1..=4)
                    .find(|&l| {
                        i + l <= bytes.len() && {
                            let (v, _) = code_of(&bytes[i..i + l]);
                            self.codespace
                                .iter()
                                .any(|(cl, lo, hi)| *cl == l && (*lo..=*hi).contains(&v))
                        }
                    })
                    .unwrap_or(self.default_len)
            } else {
                self.default_len
            };
            let end = (i + len).min(bytes.len());
            out.push((code_of(&bytes[i..end]).0, end - i));
            i = end;
        }
        out
    }

    /// The text a code stands for, or `None` when nothing maps it.
    pub fn text(&self, code: u32, len: usize) -> Option<String> {
        if let Some(t) = self.to_unicode.get(&code) {
            return Some(t.clone());
        }
        if self.unicode_codes {
            return char::from_u32(code).map(String::from);
        }
        if self.gbk {
            let bytes: Vec<u8> = if len == 2 {
                vec![(code >> 8) as u8, code as u8]
            } else {
                vec![code as u8]
            };
            let (s, _, bad) = encoding_rs::GBK.decode(&bytes);
            return (!bad).then(|| s.into_owned());
        }
        if self.simple && !self.type3 {
            // A standard Latin encoding: ASCII as itself, the rest as Windows-1252.
            let b = u8::try_from(code).ok()?;
            let one = [b];
            let (s, _, bad) = encoding_rs::WINDOWS_1252.decode(&one);
            return (!bad && b >= 0x20).then(|| s.into_owned());
        }
        None
    }

    /// A glyph's width in thousandths of the font size.
    pub fn width(&self, code: u32) -> i64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_chars_ranges_and_arrays() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0010> <4E2D> endbfchar
2 beginbfrange <0020> <0022> <0030> <0030> <0031> [<9884> <7B97>] endbfrange
endcmap";
        let mut f = Font {
            default_len: 2,
            ..Font::default()
        };
        f.read_to_unicode(cmap);
        let text: String = f
            .codes(&[
                0x00, 0x10, 0x00, 0x20, 0x00, 0x22, 0x00, 0x30, 0x00, 0x31, 0x00, 0x03,
            ])
            .into_iter()
            .map(|(c, l)| f.text(c, l).unwrap_or_default())
            .collect();
        assert_eq!(text, "中02预算 ");
    }

    #[test]
    fn gbk_codes_are_one_or_two_bytes() {
        let f = Font {
            gbk: true,
            default_len: 2,
            ..Font::default()
        };
        let (bytes, _, _) = encoding_rs::GBK.encode("预算2025");
        let text: String = f
            .codes(&bytes)
            .into_iter()
            .map(|(c, l)| f.text(c, l).unwrap_or_default())
            .collect();
        assert_eq!(text, "预算2025");
    }
}
