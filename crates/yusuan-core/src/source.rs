//! Where a record came from.
//!
//! Every budget fact, table cell, sentence and figure carries a [`SourceRef`]. Readers are pure
//! functions of bytes and record positions inside their input; the caller knows the file name.

use serde::Serialize;
use std::fmt;

/// 来源位置 — the place in an input a record was read from, or how it was made.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SourceRef {
    /// Not read from any input (built in code, or a default).
    #[default]
    None,
    /// Computed by `derive` from the budget ledger.
    Derived,
    /// A byte range in a text input (a budget source file), with its 1-based line and column
    /// (column counted in characters).
    Span {
        /// Byte offset of the start.
        start: usize,
        /// Byte offset one past the end.
        end: usize,
        /// 1-based line of the start.
        line: usize,
        /// 1-based column (in characters) of the start.
        col: usize,
    },
    /// A line of an extracted text, optionally on a page.
    Line {
        /// 1-based page, when known.
        page: Option<u32>,
        /// 1-based line.
        line: usize,
    },
    /// A spreadsheet cell.
    Cell {
        /// Sheet name.
        sheet: String,
        /// A1-style reference.
        cell: String,
    },
}

impl SourceRef {
    /// A span in `text` from byte `start` to `end`, with line and column computed. For many
    /// lookups in one text, build a [`LineIndex`] once instead.
    pub fn span_in(text: &str, start: usize, end: usize) -> SourceRef {
        LineIndex::new(text).span(start, end)
    }
}

/// The start of every line of a text, for turning byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The span from byte `start` to `end` (clamped to the text), with its 1-based line and
    /// column (in characters).
    pub fn span(&self, start: usize, end: usize) -> SourceRef {
        let start = start.min(self.text.len());
        let end = end.clamp(start, self.text.len());
        let line = self.starts.partition_point(|&s| s <= start);
        let line_start = self.starts[line - 1];
        let col = self
            .text
            .get(line_start..start)
            .map_or(1, |s| s.chars().count() + 1);
        SourceRef::Span {
            start,
            end,
            line,
            col,
        }
    }
}

impl fmt::Display for SourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceRef::None => write!(f, "（无来源）"),
            SourceRef::Derived => write!(f, "（由账目生成）"),
            SourceRef::Span { line, col, .. } => write!(f, "第 {line} 行第 {col} 列"),
            SourceRef::Line {
                page: Some(p),
                line,
            } => write!(f, "第 {p} 页第 {line} 行"),
            SourceRef::Line { page: None, line } => write!(f, "第 {line} 行"),
            SourceRef::Cell { sheet, cell } => write!(f, "{sheet}!{cell}"),
        }
    }
}

/// Page numbers as a short list: `3、5–7、12`.
pub fn page_list(pages: &[u32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < pages.len() {
        let mut j = i;
        while j + 1 < pages.len() && pages[j + 1] == pages[j] + 1 {
            j += 1;
        }
        out.push(if j > i {
            format!("{}–{}", pages[i], pages[j])
        } else {
            pages[i].to_string()
        });
        i = j + 1;
    }
    out.join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_lines_and_columns_count_characters() {
        let text = "第一行\n预算 = 1\n";
        let start = text.find('=').unwrap();
        assert_eq!(
            SourceRef::span_in(text, start, start + 1),
            SourceRef::Span {
                start,
                end: start + 1,
                line: 2,
                col: 4
            }
        );
    }
}
