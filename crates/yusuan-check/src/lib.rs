//! # yusuan-check — the check engine
//!
//! A registry of documented rules ([`registry::RULES`]) runs on a [`Cx`]: the Disclosure as a
//! reader sees it, and the Budget when the document was derived from a source file. Every
//! finding is a [`Diagnostic`] with a stable rule ID, a severity, a Chinese message, the place
//! (source span or table cell), the other places involved, and the figures.
//!
//! Printed figures are intervals ([`interval`]): a difference that the rounding of the printed
//! figures explains is reported as 提示 (尾差), never as an error; one it cannot explain is an
//! error with expected, found and difference. There is no fixed tolerance.
//!
//! Like the core, this crate does no I/O.

#![deny(missing_docs)]

pub mod catalogue_doc;
pub mod engine;
pub mod interval;
pub mod kinds;
pub mod obligations;
pub mod registry;
pub mod rules;
pub mod sheet;

pub use engine::{Cx, Rule, RuleMeta};
use yusuan_core::diag::Diagnostic;

/// Whether a rule speaks of this document's template.
pub fn applies(meta: &RuleMeta, cx: &Cx<'_>) -> bool {
    meta.template.is_none_or(|t| t == cx.disclosure.template)
}

/// Runs every registered rule on `cx` and returns the findings, most severe first, then in
/// rule order.
pub fn check(cx: &Cx<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in registry::RULES.iter().filter(|r| applies(r.meta(), cx)) {
        rule.check(cx, &mut out);
    }
    out.sort_by_key(|d| std::cmp::Reverse(d.severity));
    out
}

/// 尾差说明 — the customary footnote of a table whose printed parts do not add up to its
/// printed totals because each cell was rounded on its own.
pub const ROUNDING_NOTE: &str = "本表各数分别四舍五入，合计数与各分项之和可能存在尾差。";

/// Adds [`ROUNDING_NOTE`] to every table in which the table rules (表内, 表间) find a
/// difference that rounding explains — exactly the tables a reader would otherwise query.
/// Returns the numbers of the tables noted.
pub fn add_rounding_notes(d: &mut yusuan_core::Disclosure) -> Vec<u8> {
    use yusuan_core::diag::Severity;
    let findings = check(&Cx {
        disclosure: d,
        budget: None,
        previous: None,
    });
    let mut tables: Vec<u8> = findings
        .iter()
        .filter(|f| f.severity == Severity::Info && f.figures.is_some())
        .filter(|f| {
            registry::RULES.iter().any(|r| {
                r.meta().id == f.code
                    && matches!(
                        r.meta().family,
                        engine::Family::Table | engine::Family::Cross
                    )
            })
        })
        .filter_map(|f| f.primary.cell.as_ref().map(|c| c.table))
        .collect();
    tables.sort_unstable();
    tables.dedup();
    for t in d.tables.iter_mut().filter(|t| tables.contains(&t.number)) {
        if !t.notes.iter().any(|n| n == ROUNDING_NOTE) {
            t.notes.push(ROUNDING_NOTE.to_string());
        }
    }
    tables
}
