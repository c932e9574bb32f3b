//! N007 增减率等于增减额除以上年数

use super::percent_bounds;
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::{interval, shown};
use yusuan_core::diag::{Diagnostic, Figures, Label, Severity};
use yusuan_core::disclosure::Direction;
use yusuan_core::money::Printed;

/// N007
pub struct N007;

static META: RuleMeta = RuleMeta {
    id: "N007",
    family: Family::Narrative,
    template: None,
    severity: Severity::Error,
    title: "增减率等于增减额除以上年数",
    what: "“本年 A 万元，比上年增加（减少）C 万元，增长（下降）R%”中，R 应等于 C ÷ 上年数，上年数 = A − C（增加）或 A + C（减少）；句中写明上年数时（“比上年预算 B 万元增加 C 万元”）即用 B。比较另起一句时（“……支出 502 万元，主要用于……。与上年相比增加 15 万元，增长 3.08%。”），本年数取前一句的金额。允许各数四舍五入造成的误差。",
    why: "增长率的定义：变动额 ÷ 上年数。率与额对不上，至少一处是错的。",
    example: "参考例：基本支出 253.74 万元，增加 6.26 万元，增长 2.53%（6.26 ÷ 247.48 = 2.53%）：一致。",
    basis: "增长率的定义：rate = change ÷ last year。",
    fixture: Fixture {
        base: Base::ReferenceText,
        // The base stated in the sentence (`比上年预算247.48万元增加…`) is the base.
        pass: &[(
            "基本支出253.74万元，占52.78%，比上年预算增加6.26万元，增长2.53%",
            "基本支出253.74万元，占52.78%，比上年预算247.48万元增加6.26万元，增长2.53%",
        )],
        fail: &[(
            "基本支出253.74万元，占52.78%，比上年预算增加6.26万元，增长2.53%",
            "基本支出253.74万元，占52.78%，比上年预算增加6.26万元，增长3.53%",
        )],
    },
};

/// The last-year interval implied by this year and the change, in fen.
pub(crate) fn last_year(a: &Printed, c: &Printed, d: Direction) -> (i64, i64) {
    let (alo, ahi) = interval(Some(a));
    let (clo, chi) = interval(Some(c));
    match d {
        Direction::Decrease => (alo + clo, ahi + chi),
        _ => (alo - chi, ahi - clo),
    }
}

impl Rule for N007 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (prev, s) in super::sentences_after(&cx.disclosure.narrative) {
            for g in super::growths_after(prev, s) {
                let (a, (ch, d), (r, _)) = (g.amount, g.change, g.rate);
                let (llo, lhi) = match &g.base {
                    Some(b) => interval(Some(b)),
                    None => last_year(&a, &ch, d),
                };
                if llo <= 0 {
                    continue; // a zero base has no growth rate: N009
                }
                let (clo, chi) = interval(Some(&ch));
                let (clo, chi) = (clo.max(0), chi.max(0));
                let (plo, phi) = percent_bounds(&r);
                // rate ∈ [clo/lhi, chi/llo]; printed ∈ [plo, phi) / PERCENT_DEN.
                let consistent = i128::from(clo) * super::PERCENT_DEN < phi * i128::from(lhi)
                    && i128::from(chi) * super::PERCENT_DEN >= plo * i128::from(llo);
                if consistent {
                    continue;
                }
                let last = match (&g.base, d) {
                    (Some(b), _) => shown(Some(b)),
                    (None, Direction::Decrease) => shown(Some(&a)) + shown(Some(&ch)),
                    (None, _) => shown(Some(&a)) - shown(Some(&ch)),
                };
                let expected = if last > 0 {
                    (i128::from(shown(Some(&ch))) * 100_000 / i128::from(last) + 5) / 10
                } else {
                    0
                };
                let exp = format!("{}.{:02}", expected / 100, expected % 100);
                out.push(
                    Diagnostic::new(
                        META.id,
                        META.severity,
                        format!(
                            "“{}”本年 {a} 万元、变动 {ch} 万元，上年应为 {} 万元，变动率应为 {exp}%，说明印为 {r}%",
                            g.what(),
                            crate::interval::wan2(last)
                        ),
                        Label::at(s.source.clone(), format!("{r}%")),
                    )
                    .with_figures(Figures { expected: format!("{exp}%"), found: format!("{r}%"), difference: String::new(), allowed: None })
                    .with_help("变动率 = 变动额 ÷ 上年数"),
                );
            }
        }
    }
}
