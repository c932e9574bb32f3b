//! Published text (pdftotext-style) → Disclosure. Today only the narrative (第三部分) is read;
//! the tables and the other parts come with the full importer.

use crate::narrative;
use yusuan_core::budget::DocKind;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::{Disclosure, Profile};

/// Reads a published text: the narrative's sections, sentences and claims. The department and
/// year are taken from the narrative's first heading when they can be (`关于XX 2025 年…`).
pub fn read(text: &str) -> (Disclosure, Vec<Diagnostic>) {
    let (narrative, diags) = narrative::read(text);
    let (department, year) = narrative
        .sections
        .first()
        .and_then(|s| {
            let t: String = s.title.chars().filter(|c| !c.is_whitespace()).collect();
            let t = t.strip_prefix("关于")?;
            let y = t.find(|c: char| c.is_ascii_digit())?;
            let year: i32 = t.get(y..y + 4)?.parse().ok()?;
            Some((t[..y].to_string(), year))
        })
        .unwrap_or_default();
    // 单位预算 documents title their parts “…单位预算情况说明”, “…单位预算公开表”.
    let squashed: String = text
        .chars()
        .take(20_000)
        .filter(|c| !c.is_whitespace())
        .collect();
    let kind = if squashed.contains("单位预算情况说明") || squashed.contains("单位预算公开表")
    {
        DocKind::Unit
    } else {
        DocKind::Department
    };
    let d = Disclosure {
        department,
        year,
        kind,
        template: yusuan_core::derive::TEMPLATE_ID.to_string(),
        profile: Profile::default(),
        tables: Vec::new(),
        performance: Vec::new(),
        narrative,
        projects: Vec::new(),
    };
    (d, diags)
}
