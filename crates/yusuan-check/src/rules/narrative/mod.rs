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
pub mod n012;
pub mod n1001;
pub mod n1002;
pub mod n1003;
pub mod n1004;
pub mod n801;
pub mod n901;

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

/// The denominator of [`percent_bounds`]: fractions are expressed over 2·10⁸ (room for up
/// to six decimals of a percentage).
pub(crate) const PERCENT_DEN: i128 = 200_000_000;

/// A printed percentage's interval as a fraction of one: [lo, hi) over [`PERCENT_DEN`].
/// `98.96` (2 decimals) stands for [98.955%, 98.965%); `99` for [98.5%, 99.5%).
pub(crate) fn percent_bounds(p: &yusuan_core::money::Printed) -> (i128, i128) {
    let d = u32::from(p.decimals.min(6));
    // Half a printed unit as a share of PERCENT_DEN: 1 / (2·10^(d+2)) of one.
    let per_half = PERCENT_DEN / (2 * 10i128.pow(d + 2));
    let u = i128::from(p.units);
    ((2 * u - 1) * per_half, (2 * u + 1) * per_half)
}

/// A growth statement: “本年 A 万元，比上年增加（减少）C 万元，增长（下降）R%”.
pub(crate) struct Growth<'a> {
    /// The rate claim (its subject names what grew).
    pub claim: &'a yusuan_core::disclosure::Claim,
    /// This year's amount.
    pub amount: yusuan_core::money::Printed,
    /// The change and its direction word.
    pub change: (
        yusuan_core::money::Printed,
        yusuan_core::disclosure::Direction,
    ),
    /// The rate and its direction word.
    pub rate: (
        yusuan_core::money::Printed,
        yusuan_core::disclosure::Direction,
    ),
    /// The base when the sentence states it (`比 2025 年年初预算数 69043.50 万元增加…`).
    pub base: Option<yusuan_core::money::Printed>,
    /// What grew, as the amount's clause names it (`2026年度收入预算`); the rate's own subject
    /// may be its comparison clause (`比 2025 年年初预算数`).
    pub subject: &'a str,
}

impl Growth<'_> {
    /// What grew, for a message: the amount's subject, else the rate's.
    pub fn what(&self) -> &str {
        let s = self.subject.trim();
        if s.is_empty() {
            self.claim.subject.trim()
        } else {
            s
        }
    }
}

/// True when the amount at `at` is the base of a comparison: its clause opens with 比, 较, 与
/// or 同 (`比2025年年初预算数69043.50万元`).
pub(crate) fn is_base(text: &str, at: usize) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let end = at.min(chars.len());
    let start = chars[..end]
        .iter()
        .rposition(|c| "，：；。,;:、".contains(*c))
        .map_or(0, |k| k + 1);
    let clause: String = chars[start..end]
        .iter()
        .filter(|c| !c.is_whitespace())
        .collect();
    clause.starts_with(['比', '较', '与', '同'])
}

/// Every sentence of the narrative in document order, with the sentence before it in its
/// section (none for a section's first).
pub(crate) fn sentences_after(n: &Narrative) -> Vec<(Option<&Sentence>, &Sentence)> {
    fn walk<'a>(s: &'a Section, out: &mut Vec<(Option<&'a Sentence>, &'a Sentence)>) {
        let mut prev = None;
        for x in &s.sentences {
            out.push((prev, x));
            prev = Some(x);
        }
        for sub in &s.subsections {
            walk(sub, out);
        }
    }
    let mut out = Vec::new();
    for s in &n.sections {
        walk(s, &mut out);
    }
    out
}

/// Every growth statement of a sentence (see [`growths_from`]); a sentence opening with its
/// comparison (`与上年相比增加 15 万元，增长 3.08%。`) compares the last amount of the sentence
/// before it (`…（类）支出 502 万元，主要用于对口支援…。`).
pub(crate) fn growths_after<'a>(prev: Option<&'a Sentence>, s: &'a Sentence) -> Vec<Growth<'a>> {
    use yusuan_core::disclosure::ClaimKind;
    let opens_with_comparison = {
        let t: String = s.text.chars().filter(|c| !c.is_whitespace()).collect();
        ["比上年", "较上年", "与上年", "同比", "比上一年", "较上一年"]
            .iter()
            .any(|w| t.starts_with(w))
    };
    let own_amount = s
        .claims
        .iter()
        .any(|c| matches!(c.kind, ClaimKind::Amount { .. }));
    let carried = prev
        .filter(|_| opens_with_comparison && !own_amount)
        .and_then(|p| {
            p.claims.iter().rev().find_map(|c| match &c.kind {
                ClaimKind::Amount { value } if !is_base(&p.text, c.at.0) => {
                    Some((*value, c.subject.as_str()))
                }
                _ => None,
            })
        });
    growths_from(s, carried)
}

/// Every growth statement of a sentence: a rate preceded, since the last amount (or the
/// amount `carried` from the sentence before), by a change.
fn growths_from<'a>(
    s: &'a Sentence,
    carried: Option<(yusuan_core::money::Printed, &'a str)>,
) -> Vec<Growth<'a>> {
    use yusuan_core::disclosure::ClaimKind;
    let mut out = Vec::new();
    let mut amount = carried.map(|c| c.0);
    let mut subject = carried.map_or("", |c| c.1);
    let mut base = None;
    let mut change = None;
    for c in &s.claims {
        match &c.kind {
            ClaimKind::Amount { value } if amount.is_some() && is_base(&s.text, c.at.0) => {
                base = Some(*value);
                change = None;
            }
            ClaimKind::Amount { value } => {
                amount = Some(*value);
                subject = c.subject.as_str();
                base = None;
                change = None;
            }
            ClaimKind::Change {
                amount: v,
                direction,
            } => change = Some((*v, *direction)),
            ClaimKind::Rate { value, direction } => {
                if let (Some(a), Some(ch)) = (amount, change) {
                    out.push(Growth {
                        claim: c,
                        amount: a,
                        change: ch,
                        rate: (*value, *direction),
                        base,
                        subject,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// The table cell a sentence restates, and its label for a finding: a row the table does not
/// print (`row_name`) is a blank cell.
pub(crate) fn restated_cell<'t>(
    t: &'t yusuan_core::disclosure::Table,
    row: Option<usize>,
    col: usize,
    row_name: &str,
) -> (
    Option<&'t yusuan_core::money::Printed>,
    yusuan_core::diag::Label,
) {
    use crate::kinds::{cell_label, missing_cell, printed};
    match row {
        Some(r) => (printed(t, r, col), cell_label(t, r, col)),
        None => (None, missing_cell(t, None, row_name, &t.columns[col].key)),
    }
}

/// The row of `t` reached by a path of subject names — 类, then a 款 under it, then a 项 under
/// that (`一般公共服务支出`, `政府办公厅（室）及相关机构事务`, `行政运行`), names compared as K002
/// compares them.
pub(crate) fn path_row(t: &yusuan_core::disclosure::Table, names: &[String]) -> Option<usize> {
    use crate::rules::classification::k002::normal;
    let mut prefix = String::new();
    let mut found = None;
    for (level, name) in names.iter().enumerate() {
        let len = 3 + 2 * level;
        let i = t.rows.iter().position(|r| {
            r.code
                .as_deref()
                .is_some_and(|c| c.len() == len && c.starts_with(&prefix))
                && normal(&r.label) == normal(name)
        })?;
        prefix = t.rows[i].code.clone().unwrap_or_default();
        found = Some(i);
    }
    found
}
