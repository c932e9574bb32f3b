//! N1003 说“持平”而增减不为零

use super::sentences;
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::ClaimKind;

/// N1003
pub struct N1003;

static META: RuleMeta = RuleMeta {
    id: "N1003",
    family: Family::Narrative,
    template: None,
    severity: Severity::Warning,
    title: "说“持平”而增减不为零",
    what: "“增加（减少）C 万元，增长（下降）R%，与上年持平”中，C 或 R 不为零时不能说持平。只看紧接在增减额或增减率之后、自身不另写项目的“与上年（某年预算）持平”；“基本持平”不算。",
    why: "持平即没有变化；与同一句给出的非零增减相矛盾，读者不知该信哪个。",
    example: "泉州市人民政府办公室 2026：“公务用车运行费32.00万元，比上年增加0.00万元，增长0.00%，与上年持平”：增减为零，一致。",
    basis: "持平的含义：本年数等于上年数。",
    fixture: Fixture {
        base: Base::ReferenceText,
        pass: &[(
            "基本支出253.74万元，占52.78%，比上年预算增加6.26万元，增长2.53%",
            "基本支出253.74万元，占52.78%，比上年预算增加6.26万元，增长2.53%，公务接待费与上年持平",
        )],
        fail: &[(
            "基本支出253.74万元，占52.78%，比上年预算增加6.26万元，增长2.53%",
            "基本支出253.74万元，占52.78%，比上年预算增加6.26万元，增长2.53%，与上年持平",
        )],
    },
};

/// True when the words between a change and `持平` name no item of their own: `，与上年`,
/// `，与2025年预算`, `，和上年度`.
fn bare_comparison(between: &str) -> bool {
    let t: String = between
        .chars()
        .filter(|c| !c.is_whitespace() && !"，,、".contains(*c))
        .collect();
    t.chars().count() <= 12
        && t.starts_with(['与', '和', '同', '较', '比'])
        && !["费", "支出", "收入", "经费", "基本"]
            .iter()
            .any(|w| t.contains(w))
}

impl Rule for N1003 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (_, s) in sentences(&cx.disclosure.narrative) {
            let chars: Vec<char> = s.text.chars().collect();
            let text: String = chars.iter().collect();
            for (byte, _) in text.match_indices("持平") {
                let at = text[..byte].chars().count();
                // The last figure stated before it.
                let Some(last) = s
                    .claims
                    .iter()
                    .filter(|c| c.at.1 <= at)
                    .max_by_key(|c| c.at.1)
                else {
                    continue;
                };
                let nonzero = match &last.kind {
                    ClaimKind::Change { amount, .. } => amount.units != 0,
                    ClaimKind::Rate { value, .. } => value.units != 0,
                    _ => continue,
                };
                let between: String = chars[last.at.1.min(at)..at].iter().collect();
                if !nonzero || !bare_comparison(&between) {
                    continue;
                }
                let figure: String = chars[last.at.0..last.at.1.min(chars.len())]
                    .iter()
                    .collect();
                out.push(
                    Diagnostic::new(
                        META.id,
                        META.severity,
                        format!(
                            "情况说明写了变动“{}”，同一处又说“持平”：{}",
                            figure.trim().trim_end_matches(['，', '。', '；', ',']),
                            s.text
                        ),
                        Label::at(s.source.clone(), "持平"),
                    )
                    .with_help("有增减时写增减；没有增减时写“与上年持平”，不写非零的增减数"),
                );
            }
        }
    }
}
