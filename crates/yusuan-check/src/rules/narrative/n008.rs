//! N008 增减方向用词与数字一致

use super::sentences;
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{ClaimKind, Direction};

/// N008
pub struct N008;

static META: RuleMeta = RuleMeta {
    id: "N008",
    family: Family::Narrative,
    template: None,
    severity: Severity::Error,
    title: "增减方向用词与数字一致",
    what: "同一项目的变动额与变动率方向应一致（“增加 … 增长”“减少 … 下降”）；变动为 0 时应说“持平”或“无变化”，说“增加 0.00 万元，增长 0.00%”给出提示。",
    why: "方向词是读者理解变动的第一信息；额说增加、率说下降，必有一处错。",
    example: "“比上年预算增加 6.26 万元，下降 2.53%”：错误。参考例“三公”经费“增加 0.00 万元，增长 0.00%”：提示，宜写“与上年持平”。",
    basis: "增减的定义：本年 − 上年 的符号。",
    fixture: Fixture {
        base: Base::ReferenceText,
        pass: &[],
        fail: &[(
            "比上年预算增加6.26万元，增长2.53%",
            "比上年预算增加6.26万元，下降2.53%",
        )],
    },
};

impl Rule for N008 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (_, s) in sentences(&cx.disclosure.narrative) {
            let mut change: Option<(yusuan_core::money::Printed, Direction)> = None;
            let mut zero: Vec<String> = Vec::new();
            for c in &s.claims {
                match &c.kind {
                    ClaimKind::Amount { .. } => change = None,
                    ClaimKind::Change { amount, direction } => {
                        change = Some((*amount, *direction));
                        if amount.units == 0
                            && matches!(direction, Direction::Increase | Direction::Decrease)
                        {
                            let name = if c.subject.is_empty() {
                                "变动".to_string()
                            } else {
                                format!("“{}”", c.subject)
                            };
                            if !zero.contains(&name) {
                                zero.push(name);
                            }
                        }
                    }
                    ClaimKind::Rate { direction, .. } => {
                        let Some((amount, d)) = change else { continue };
                        if amount.units != 0 && *direction != d {
                            out.push(
                                Diagnostic::new(
                                    META.id,
                                    META.severity,
                                    format!(
                                        "“{}”变动额说“{}”，变动率却说“{}”",
                                        c.subject,
                                        if d == Direction::Increase {
                                            "增加"
                                        } else {
                                            "减少"
                                        },
                                        if *direction == Direction::Increase {
                                            "增长"
                                        } else {
                                            "下降"
                                        }
                                    ),
                                    Label::at(s.source.clone(), ""),
                                )
                                .with_help("统一增减方向"),
                            );
                        }
                    }
                    _ => {}
                }
            }
            if !zero.is_empty() {
                out.push(
                    Diagnostic::new(
                        META.id,
                        Severity::Info,
                        format!("{}变动为 0，却用了“增加”或“减少”", zero.join("、")),
                        Label::at(s.source.clone(), ""),
                    )
                    .with_help("变动为 0 时写“与上年持平”"),
                );
            }
        }
    }
}
