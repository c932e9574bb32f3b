//! N1002 写明上年数时，增减额等于本年数减上年数

use super::sentences;
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::{interval, wan2};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{ClaimKind, Direction};
use yusuan_core::money::Printed;

/// N1002
pub struct N1002;

static META: RuleMeta = RuleMeta {
    id: "N1002",
    family: Family::Narrative,
    template: None,
    severity: Severity::Error,
    title: "写明上年数时，增减额等于本年数减上年数",
    what: "“本年 A 万元，比上年 B 万元增加（减少）C 万元”中，A − B 应等于 C（增加）或 −C（减少），允许各数四舍五入造成的误差。",
    why: "句中三个数自相矛盾时，至少一个是错的；读者无从知道哪个。",
    example: "北京市审计局 2026：“收入预算 32852.05 万元，比 2025 年年初预算数 30385.62 万元增加 2466.43 万元”：32852.05 − 30385.62 = 2466.43，一致。",
    basis: "增减额的定义：本年数 − 上年数。",
    fixture: Fixture {
        base: Base::ReferenceText,
        pass: &[(
            "基本支出253.74万元，占52.78%，比上年预算增加6.26万元，增长2.53%",
            "基本支出253.74万元，占52.78%，比上年预算247.48万元增加6.26万元，增长2.53%",
        )],
        fail: &[(
            "基本支出253.74万元，占52.78%，比上年预算增加6.26万元，增长2.53%",
            "基本支出253.74万元，占52.78%，比上年预算247.48万元增加7.26万元，增长2.53%",
        )],
    },
};

impl Rule for N1002 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (_, s) in sentences(&cx.disclosure.narrative) {
            let mut amount: Option<&Printed> = None;
            let mut subject = "";
            let mut base: Option<&Printed> = None;
            for c in &s.claims {
                match &c.kind {
                    ClaimKind::Amount { value }
                        if amount.is_some() && super::is_base(&s.text, c.at.0) =>
                    {
                        base = Some(value);
                    }
                    ClaimKind::Amount { value } => {
                        amount = Some(value);
                        subject = c.subject.as_str();
                        base = None;
                    }
                    ClaimKind::Change {
                        amount: change,
                        direction,
                    } => {
                        let (Some(a), Some(b)) = (amount, base) else {
                            continue;
                        };
                        let (alo, ahi) = interval(Some(a));
                        let (blo, bhi) = interval(Some(b));
                        let (clo, chi) = interval(Some(change));
                        let (clo, chi) = match direction {
                            Direction::Decrease => (-chi, -clo),
                            _ => (clo, chi),
                        };
                        // A − B ∈ [alo − bhi, ahi − blo]; the change must meet it.
                        if alo - bhi <= chi && clo <= ahi - blo {
                            base = None;
                            continue;
                        }
                        let word = match direction {
                            Direction::Decrease => "减少",
                            _ => "增加",
                        };
                        let diff =
                            crate::interval::shown(Some(a)) - crate::interval::shown(Some(b));
                        out.push(
                            Diagnostic::new(
                                META.id,
                                META.severity,
                                format!(
                                    "“{}”本年 {a} 万元、上年 {b} 万元，相差 {} 万元，说明却写{word} {change} 万元",
                                    subject.trim(),
                                    wan2(diff)
                                ),
                                Label::at(s.source.clone(), format!("{word} {change} 万元")),
                            )
                            .with_help("增减额 = 本年数 − 上年数：核对三个数"),
                        );
                        base = None;
                    }
                    _ => {}
                }
            }
        }
    }
}
