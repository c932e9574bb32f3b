//! Diagnostics for a terminal, in the style of rustc: the message, `--> file:line:col` (or the
//! page/line, or the table cell), the source line with a caret underline at the right display
//! width (Chinese counts double), the other places involved, the figures, and help.

use unicode_width::UnicodeWidthStr;
use yusuan_core::diag::{Diagnostic, Label};
use yusuan_core::source::SourceRef;

/// The line of `src` a label points at, and the byte range to underline within it.
fn excerpt_range(src: &str, at: &SourceRef) -> Option<(usize, String, usize, usize)> {
    match *at {
        SourceRef::Span {
            start, end, line, ..
        } => {
            let line_text = src.lines().nth(line.checked_sub(1)?)?;
            let line_start = src
                .get(..start.min(src.len()))?
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let from = (start - line_start).min(line_text.len());
            let to = end.saturating_sub(line_start).clamp(from, line_text.len());
            Some((line, line_text.to_string(), from, to))
        }
        SourceRef::Line { line, .. } => {
            let line_text = src.lines().nth(line.checked_sub(1)?)?;
            Some((line, line_text.to_string(), 0, line_text.len()))
        }
        _ => None,
    }
}

fn excerpt(src: &str, label: &Label, gutter: usize, out: &mut String, mark: char) {
    let Some((line, text, from, to)) = excerpt_range(src, &label.at) else {
        return;
    };
    let before = text.get(..from).unwrap_or("");
    let marked = text.get(from..to).unwrap_or("");
    let width = marked.width().max(1);
    let pad = " ".repeat(gutter);
    out.push_str(&format!("{pad} │\n{line:>gutter$} │ {text}\n"));
    let underline: String = std::iter::repeat_n(mark, width).collect();
    let note = if label.text.is_empty() {
        String::new()
    } else {
        format!(" {}", label.text)
    };
    out.push_str(&format!(
        "{pad} │ {}{underline}{note}\n",
        " ".repeat(before.width())
    ));
}

/// Where a label points, in words: `file:12:5`, `file:第 3 行`, or the table cell.
fn place(file: &str, l: &Label) -> String {
    let cell = l.cell.as_ref().map(|c| c.to_string());
    let loc = match &l.at {
        SourceRef::Span { line, col, .. } => Some(format!("{file}:{line}:{col}")),
        SourceRef::Line {
            page: Some(p),
            line,
        } => Some(format!("{file}：第 {p} 页第 {line} 行")),
        SourceRef::Line { page: None, line } => Some(format!("{file}:{line}")),
        SourceRef::Cell { sheet, cell } => Some(format!("{file}：{sheet}!{cell}")),
        SourceRef::Derived | SourceRef::None => None,
    };
    match (loc, cell) {
        (Some(l), Some(c)) => format!("{l}（{c}）"),
        (Some(l), None) => l,
        (None, Some(c)) if l.at == SourceRef::Derived => format!("{file}：{c}（由账目生成）"),
        (None, Some(c)) => format!("{file}：{c}"),
        (None, None) => file.to_string(),
    }
}

/// Renders a diagnostic about `file` (whose text is `src`). A 提示 (info) is rendered compactly:
/// its message, its place and the interval that explains it.
pub fn render(d: &Diagnostic, file: &str, src: &str) -> String {
    let mut out = format!("{}[{}]: {}\n", d.severity.label(), d.code, d.message);
    if d.severity == yusuan_core::diag::Severity::Info {
        out.push_str(&format!("  --> {}\n", place(file, &d.primary)));
        if let Some(a) = d.figures.as_ref().and_then(|f| f.allowed.as_ref()) {
            out.push_str(&format!("   = {a}\n"));
        }
        return out;
    }
    let gutter = std::iter::once(&d.primary)
        .chain(&d.secondary)
        .filter_map(|l| excerpt_range(src, &l.at).map(|(line, ..)| line.to_string().len()))
        .max()
        .unwrap_or(1);
    let pad = " ".repeat(gutter);
    out.push_str(&format!("{pad}--> {}\n", place(file, &d.primary)));
    if excerpt_range(src, &d.primary.at).is_some() {
        excerpt(src, &d.primary, gutter, &mut out, '^');
    } else if !d.primary.text.is_empty() {
        out.push_str(&format!("{pad} │ {}\n", d.primary.text));
    }
    for s in &d.secondary {
        if excerpt_range(src, &s.at).is_some() {
            out.push_str(&format!("{pad}::: {}\n", place(file, s)));
            excerpt(src, s, gutter, &mut out, '-');
        } else {
            let text = if s.text.is_empty() {
                String::new()
            } else {
                format!(" = {}", s.text)
            };
            out.push_str(&format!("{pad}::: {}{text}\n", place(file, s)));
        }
    }
    if let Some(f) = &d.figures {
        out.push_str(&format!(
            "{pad} = 应为 {}，印为 {}，相差 {}\n",
            f.expected, f.found, f.difference
        ));
        if let Some(a) = &f.allowed {
            out.push_str(&format!("{pad} = {a}\n"));
        }
    }
    if let Some(h) = &d.help {
        out.push_str(&format!("{pad} = 帮助：{h}\n"));
    }
    out
}
