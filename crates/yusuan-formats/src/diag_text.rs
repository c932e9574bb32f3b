//! Diagnostics for a terminal, in the style of rustc: the message, `--> file:line:col`, the
//! source line with a caret underline at the right display width (Chinese counts double), the
//! other places involved, and help.

use unicode_width::UnicodeWidthStr;
use yusuan_core::diag::{Diagnostic, Label};
use yusuan_core::source::SourceRef;

fn excerpt(src: &str, label: &Label, gutter: usize, out: &mut String, mark: char) {
    let SourceRef::Span {
        start, end, line, ..
    } = label.at
    else {
        return;
    };
    let Some(line_text) = src.lines().nth(line - 1) else {
        return;
    };
    let line_start = src[..start.min(src.len())].rfind('\n').map_or(0, |i| i + 1);
    let col_bytes = start - line_start;
    let before = line_text
        .get(..col_bytes.min(line_text.len()))
        .unwrap_or("");
    let span_end_in_line = (end - line_start).min(line_text.len()).max(col_bytes);
    let marked = line_text.get(col_bytes..span_end_in_line).unwrap_or("");
    let width = marked.width().max(1);
    let pad = " ".repeat(gutter);
    out.push_str(&format!("{pad} │\n{line:>gutter$} │ {line_text}\n"));
    let underline: String = std::iter::repeat_n(mark, width).collect();
    let text = if label.text.is_empty() {
        String::new()
    } else {
        format!(" {}", label.text)
    };
    out.push_str(&format!(
        "{pad} │ {}{underline}{text}\n",
        " ".repeat(before.width())
    ));
}

/// Renders a diagnostic about `file` (whose text is `src`).
pub fn render(d: &Diagnostic, file: &str, src: &str) -> String {
    let mut out = format!("{}[{}]: {}\n", d.severity.label(), d.code, d.message);
    let lines: Vec<usize> = std::iter::once(&d.primary)
        .chain(&d.secondary)
        .filter_map(|l| {
            if let SourceRef::Span { line, .. } = l.at {
                Some(line)
            } else {
                None
            }
        })
        .collect();
    let gutter = lines.iter().max().map_or(1, |l| l.to_string().len());
    let pad = " ".repeat(gutter);
    match &d.primary.at {
        SourceRef::Span { line, col, .. } => {
            out.push_str(&format!("{pad}--> {file}:{line}:{col}\n"))
        }
        other => out.push_str(&format!("{pad}--> {file}：{other}\n")),
    }
    excerpt(src, &d.primary, gutter, &mut out, '^');
    for s in &d.secondary {
        if let SourceRef::Span { line, col, .. } = &s.at {
            out.push_str(&format!("{pad}::: {file}:{line}:{col}\n"));
        }
        excerpt(src, s, gutter, &mut out, '-');
    }
    if let Some(h) = &d.help {
        out.push_str(&format!("{pad} = 帮助：{h}\n"));
    }
    out
}
