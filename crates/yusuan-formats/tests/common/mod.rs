//! Shared by the document writers' tests: the reference example, derived, and its sentences.

use yusuan_core::disclosure::{Disclosure, Section};

const REFERENCE_SOURCE: &str = include_str!("../../../../examples/changji-sme-center-2025.toml");

/// The reference example's derived document.
pub fn reference() -> Disclosure {
    let b = yusuan_formats::source::parse(REFERENCE_SOURCE)
        .budget
        .expect("reference parses");
    yusuan_core::derive(&b)
}

/// Every narrative sentence of `d`, in order.
#[allow(dead_code)] // not every test file uses it
pub fn sentences(d: &Disclosure) -> Vec<String> {
    fn walk(s: &Section, out: &mut Vec<String>) {
        out.extend(s.sentences.iter().map(|x| x.text.clone()));
        s.subsections.iter().for_each(|x| walk(x, out));
    }
    let mut out = Vec::new();
    d.narrative.sections.iter().for_each(|s| walk(s, &mut out));
    out
}
