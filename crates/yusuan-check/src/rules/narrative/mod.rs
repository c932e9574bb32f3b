//! N — 情况说明（文字）: wording the department writes. On a budget source these rules read
//! the free texts (reasons, descriptions, goals); the narrative rules on published documents
//! come with the importer.

pub mod n001;
pub mod n002;
pub mod n003;
pub mod n004;
pub mod n005;
pub mod n006;
pub mod n007;
pub mod n008;
pub mod n009;
pub mod n010;
pub mod n011;

use yusuan_core::disclosure::{Narrative, Section, Sentence};

/// Every sentence of the narrative in document order, with the index of its top-level section.
pub(crate) fn sentences(n: &Narrative) -> Vec<(usize, &Sentence)> {
    fn walk<'a>(s: &'a Section, top: usize, out: &mut Vec<(usize, &'a Sentence)>) {
        out.extend(s.sentences.iter().map(|x| (top, x)));
        for sub in &s.subsections {
            walk(sub, top, out);
        }
    }
    let mut out = Vec::new();
    for (i, s) in n.sections.iter().enumerate() {
        walk(s, i, &mut out);
    }
    out
}

/// A printed percentage's interval as a fraction: [lo_num, hi_num) over 20000 (units of 0.01%).
pub(crate) fn percent_bounds(p: &yusuan_core::money::Printed) -> (i128, i128) {
    let scale = 10i128.pow(u32::from(2u8.saturating_sub(p.decimals)));
    let u = i128::from(p.units) * scale; // in units of 0.01%
    (2 * u - 1, 2 * u + 1)
}
