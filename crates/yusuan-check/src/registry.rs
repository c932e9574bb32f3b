//! 规则目录 — the central table of rules. Every rule is listed here once, explicitly; IDs are
//! stable and never reused: a rule that is withdrawn moves to [`RETIRED`] with the reason.

use crate::engine::Rule;
use crate::rules;

/// Every active rule, in ID order within each family.
pub static RULES: &[&dyn Rule] = &[
    &rules::table::t0101::RULE,
    &rules::table::t0102::RULE,
    &rules::table::t0103::RULE,
    &rules::table::t0104::RULE,
    &rules::table::t0105::RULE,
    &rules::table::t0106::RULE,
    &rules::table::t0107::RULE,
    &rules::table::t0108::RULE,
    &rules::table::t0109::RULE,
    &rules::table::t0110::RULE,
    &rules::table::t0111::RULE,
    &rules::table::t0201::RULE,
    &rules::table::t0202::RULE,
    &rules::table::t0203::RULE,
    &rules::table::t0204::RULE,
    &rules::table::t0301::RULE,
    &rules::table::t0302::RULE,
    &rules::table::t0303::RULE,
    &rules::table::t0401::RULE,
    &rules::table::t0402::RULE,
    &rules::table::t0403::RULE,
    &rules::table::t0404::RULE,
    &rules::table::t0405::RULE,
    &rules::table::t0501::RULE,
    &rules::table::t0502::RULE,
    &rules::table::t0503::RULE,
    &rules::table::t0601::RULE,
    &rules::table::t0602::RULE,
    &rules::table::t0603::RULE,
    &rules::table::t0701::RULE,
    &rules::table::t0702::RULE,
    &rules::table::t0703::RULE,
    &rules::table::t0704::RULE,
    &rules::table::t0801::RULE,
    &rules::table::t0802::RULE,
    &rules::table::t0803::RULE,
    &rules::table::t0901::RULE,
    &rules::table::t0902::RULE,
    &rules::table::t0903::RULE,
    &rules::table::t1001::RULE,
    &rules::table::t1002::RULE,
    &rules::table::t1003::RULE,
    &rules::table::t1101::RULE,
    &rules::table::t1102::RULE,
    &rules::table::t1103::RULE,
    &rules::table::t1104::RULE,
    &rules::table::t1105::RULE,
    &rules::cross::x001::RULE,
    &rules::cross::x002::RULE,
    &rules::cross::x003::RULE,
    &rules::cross::x004::RULE,
    &rules::cross::x005::RULE,
    &rules::cross::x006::RULE,
    &rules::cross::x007::RULE,
    &rules::cross::x008::RULE,
    &rules::cross::x009::RULE,
    &rules::cross::x010::RULE,
    &rules::cross::x011::RULE,
    &rules::cross::x012::RULE,
    &rules::cross::x013::RULE,
    &rules::cross::x014::RULE,
    &rules::cross::x015::RULE,
    &rules::cross::x016::RULE,
    &rules::cross::x017::RULE,
    &rules::cross::x018::RULE,
    &rules::cross::x019::RULE,
    &rules::cross::x020::RULE,
    &rules::cross::x021::RULE,
    &rules::cross::x022::RULE,
    &rules::cross::x023::RULE,
    &rules::cross::x024::RULE,
    &rules::cross::x025::RULE,
    &rules::cross::x026::RULE,
    &rules::cross::x027::RULE,
    &rules::cross::x028::RULE,
    &rules::cross::x029::RULE,
    &rules::cross::x030::RULE,
];

/// Withdrawn rule IDs, with why and where their checks went. Never reuse these IDs.
pub static RETIRED: &[(&str, &str)] = &[];

/// The rule with this ID.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.meta().id.eq_ignore_ascii_case(id))
}
