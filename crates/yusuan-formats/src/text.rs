//! Published text (pdftotext-style) → Disclosure: the narrative (第三部分) and the 名词解释
//! (第四部分); the importer adds the tables, the profile and the performance tables.

use crate::narrative;
use yusuan_core::budget::DocKind;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::Disclosure;

/// Reads a published text: the narrative's sections, sentences and claims. The department and
/// year are taken from the narrative's first heading that names them (`关于XX 2025 年…`).
pub fn read(text: &str) -> (Disclosure, Vec<Diagnostic>) {
    let (narrative, diags) = narrative::read(text);
    let (department, year) = narrative
        .sections
        .iter()
        .find_map(|s| {
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
    let glossary = glossary(text, &department);
    let d = Disclosure {
        department,
        year,
        kind,
        narrative,
        glossary,
        ..Disclosure::empty()
    };
    (d, diags)
}

/// 第四部分 名词解释: the entries after the heading, up to the signature (the department's name
/// and the date printed under the last entry).
fn glossary(text: &str, department: &str) -> Vec<(String, String)> {
    let Some(start) = text.lines().position(|l| l.trim().starts_with("第四部分")) else {
        return Vec::new();
    };
    let squash = |l: &str| -> String {
        l.chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{c}')
            .collect()
    };
    let is_date = |l: &str| {
        let s = squash(l);
        s.ends_with('日')
            && s.contains('年')
            && s.contains('月')
            && s.chars().filter(char::is_ascii_digit).count() >= 4
    };
    let body: Vec<String> = text
        .lines()
        .skip(start + 1)
        .map(squash)
        .filter(|l| !l.is_empty() && !l.chars().all(|c| c.is_ascii_digit()))
        .take_while(|l| !is_date(l) && (department.is_empty() || *l != department))
        .collect();
    yusuan_core::glossary::parse(&body.join("\n"))
}
