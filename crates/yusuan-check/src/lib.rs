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
