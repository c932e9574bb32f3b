//! N006 占比与其分子、分母一致

use super::{percent_bounds, sentences};
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::interval;
use yusuan_core::diag::{Diagnostic, Figures, Label, Severity};
use yusuan_core::disclosure::ClaimKind;
use yusuan_core::money::Printed;

/// N006
pub struct N006;

static META: RuleMeta = RuleMeta {
    id: "N006",
    family: Family::Narrative,
    template: None,
    severity: Severity::Error,
    title: "占比与其分子、分母一致",
    what: "情况说明中的“占 x%”应等于该项金额 ÷ 所属总额（同一部分中“其中：”之前的总额），允许两数各自四舍五入造成的误差。",
    why: "占比 = 部分 ÷ 整体；说明中的占比算错，读者对结构的判断就错。",
    example: "参考例：一般公共预算 475.74 万元占收入预算 480.74 万元的 98.96%；一般公共服务支出 406.78 万元占一般公共预算拨款 475.74 万元的 85.50%：一致。",
    basis: "占比的定义：share = part ÷ whole。",
    fixture: Fixture {
        base: Base::ReferenceText,
        pass: &[],
        fail: &[(
            "基本支出253.74万元，占52.78%",
            "基本支出253.74万元，占55.78%",
        )],
    },
};

impl Rule for N006 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let mut whole: Option<(usize, Printed, String)> = None;
        for (top, s) in sentences(&cx.disclosure.narrative) {
            if whole.as_ref().is_some_and(|(t, _, _)| *t != top) {
                whole = None;
            }
            let chars: Vec<char> = s.text.chars().collect();
            let mut part: Option<(Printed, String)> = None;
            for c in &s.claims {
                match &c.kind {
                    ClaimKind::Amount { value } => {
                        let after: String =
                            chars[c.at.1.min(chars.len())..].iter().take(4).collect();
                        if after
                            .trim_start_matches(['，', ',', ' '])
                            .starts_with("其中")
                        {
                            whole = Some((top, *value, c.subject.clone()));
                        }
                        part = Some((*value, c.subject.clone()));
                    }
                    ClaimKind::Share { value } => {
                        let (Some((_, w, wname)), Some((a, aname))) = (&whole, &part) else {
                            continue;
                        };
                        let (alo, ahi) = interval(Some(a));
                        let (wlo, whi) = interval(Some(w));
                        if wlo <= 0 {
                            continue;
                        }
                        let (plo, phi) = percent_bounds(value);
                        // share ∈ [alo/whi, ahi/wlo]; printed ∈ [plo, phi) / PERCENT_DEN.
                        let consistent = i128::from(alo) * super::PERCENT_DEN
                            < phi * i128::from(whi)
                            && i128::from(ahi) * super::PERCENT_DEN >= plo * i128::from(wlo);
                        if consistent {
                            continue;
                        }
                        let shown = |p: &Printed| crate::interval::shown(Some(p));
                        let expected =
                            (i128::from(shown(a)) * 100_000 / i128::from(shown(w)) + 5) / 10;
                        let exp = format!("{}.{:02}", expected / 100, expected % 100);
                        out.push(
                            Diagnostic::new(
                                META.id,
                                META.severity,
                                format!("“{aname}”{a} 万元占“{wname}”{w} 万元应为 {exp}%，说明印为 {value}%"),
                                Label::at(s.source.clone(), format!("占 {value}%")),
                            )
                            .with_figures(Figures { expected: format!("{exp}%"), found: format!("{value}%"), difference: String::new(), allowed: None })
                            .with_help("按 部分 ÷ 整体 重算占比"),
                        );
                    }
                    _ => {}
                }
            }
        }
    }
}
