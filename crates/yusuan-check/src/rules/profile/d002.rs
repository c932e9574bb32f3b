//! D002 人员增减的说法前后一致

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::{all_texts, finding};
use yusuan_core::diag::{Diagnostic, Label, Severity};

/// D002
pub struct D002;

static META: RuleMeta = RuleMeta {
    id: "D002",
    family: Family::Profile,
    template: None,
    severity: Severity::Error,
    title: "人员增减的说法前后一致",
    what: "变动原因中“增加 N 人”“减少 N 人”的说法，应与部门概况中在职人数的增减一致。",
    why: "同一事实在文件中两处说法不同，至少一处不实（同一数字前后两个值）。",
    example: "参考例：第一部分称在职“增加 0人”，第三部分第三、五节以“部门较上年预算增加 1人”解释基本支出增长：矛盾。",
    basis: "部门预算公开第一部分（人员情况）与第三部分（收支增减原因）。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[("in_service_change = 0    #", "in_service_change = 1    #")],
        fail: &[],
    },
};

/// Whose headcount a change speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Who {
    /// 在职 (the default)
    InService,
    /// 退休
    Retired,
    /// 离休
    Lixiu,
}

/// Every “增加 N 人” / “减少 N 人” in a text (not “人次”), as a signed count, with whose
/// headcount it is (退休/离休 named shortly before; otherwise 在职).
pub(crate) fn headcount_changes(text: &str) -> Vec<(i64, Who)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < chars.len() {
        let sign = match (chars[i], chars[i + 1]) {
            ('增', '加') => 1,
            ('减', '少') => -1,
            _ => {
                i += 1;
                continue;
            }
        };
        let mut j = i + 2;
        while j < chars.len() && chars[j].is_whitespace() {
            j += 1;
        }
        let start = j;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        let digits: String = chars[start..j].iter().collect();
        while j < chars.len() && chars[j].is_whitespace() {
            j += 1;
        }
        if !digits.is_empty()
            && chars.get(j) == Some(&'人')
            && chars.get(j + 1) != Some(&'次')
            && let Ok(n) = digits.parse::<i64>()
        {
            let before: String = chars[i.saturating_sub(10)..i].iter().collect();
            let who = if before.contains("离休") {
                Who::Lixiu
            } else if before.contains("退休") {
                Who::Retired
            } else {
                Who::InService
            };
            out.push((sign * n, who));
        }
        i = j.max(i + 1);
    }
    out
}

impl Rule for D002 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let s = &cx.disclosure.profile.staff;
        let word = |n: i64| {
            if n >= 0 {
                format!("增加 {n} 人")
            } else {
                format!("减少 {} 人", -n)
            }
        };
        for (text, at, what) in all_texts(cx) {
            for (n, who) in headcount_changes(&text) {
                let (stated, key, whose) = match who {
                    Who::InService => (s.in_service_change, "in_service_change", "在职"),
                    Who::Retired => (s.retired_change, "retired_change", "退休"),
                    Who::Lixiu => (s.lixiu_change, "lixiu_change", "离休"),
                };
                let Some(stated) = stated.map(i64::from) else {
                    continue;
                };
                if n == stated {
                    continue;
                }
                let profile_at = match cx.budget {
                    Some(b) => b
                        .department
                        .staff
                        .spans
                        .or(key, &b.department.staff.source)
                        .clone(),
                    None => s.source.clone(),
                };
                out.push(
                    finding(
                        &META,
                        format!(
                            "{what}称人员{}，而部门概况称{whose}人数{}",
                            word(n),
                            word(stated)
                        ),
                        at.clone(),
                    )
                    .with_label(Label::at(profile_at, format!("{whose}{}", word(stated))))
                    .with_help("统一人员增减的说法：改正部门概况的人数变化或变动原因"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_headcount_changes() {
        use super::Who::*;
        assert_eq!(
            super::headcount_changes("部门较上年预算增加 1人，公用经费增加"),
            [(1, InService)]
        );
        assert_eq!(
            super::headcount_changes("在职减少2 人；退休增加 0 人"),
            [(-2, InService), (0, Retired)]
        );
        assert!(super::headcount_changes("培训增加 200人次").is_empty());
        assert!(super::headcount_changes("公用经费增加。增加预算100万元").is_empty());
    }
}
