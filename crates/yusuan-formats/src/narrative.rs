//! The narrative (情况说明) written back as text: one paragraph per section, headings as
//! printed. Reading a published narrative is the importer's (`yusuan_import::narrative`).

use yusuan_core::disclosure::{Narrative, Section};

/// The narrative as text, one paragraph per section: `一、title`, the sentences, then each
/// `（一）title` with its own. [`read`] reads it back to the same sections and sentences.
pub fn render(n: &Narrative) -> String {
    let mut out = String::new();
    for s in &n.sections {
        render_section(s, &mut out);
    }
    out
}

/// A section's heading as printed: `一、title`, `（一）title`; `None` for the untitled run of
/// text a published narrative may open with.
pub fn heading(s: &Section) -> Option<String> {
    match (s.number.is_empty(), s.title.is_empty()) {
        (true, true) => None,
        (true, false) => Some(s.title.clone()),
        _ if s.number.starts_with('（') => Some(format!("{}{}", s.number, s.title)),
        _ => Some(format!("{}、{}", s.number, s.title)),
    }
}

/// A section's own sentences as one printed paragraph; `None` when it has none.
pub fn paragraph(s: &Section) -> Option<String> {
    (!s.sentences.is_empty()).then(|| s.sentences.iter().map(|x| x.text.as_str()).collect())
}

fn render_section(s: &Section, out: &mut String) {
    if let Some(h) = heading(s) {
        out.push_str(&h);
        out.push('\n');
    }
    if let Some(p) = paragraph(s) {
        out.push_str(&p);
        out.push('\n');
    }
    for sub in &s.subsections {
        render_section(sub, out);
    }
}
