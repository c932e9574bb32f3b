//! N009 上年为零不能称增长 100%（文字）

use super::n007::last_year;
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::Direction;

/// N009
pub struct N009;

static META: RuleMeta = RuleMeta {
    id: "N009",
    family: Family::Narrative,
    template: None,
    severity: Severity::Warning,
    title: "上年为零不能称增长 100%（文字）",
    what: "“本年 A 万元，比上年增加 A 万元”意味着上年为 0，此时没有增长率，不能写“增长 100%”，应写“新增”。",
    why: "增长率以上年数为分母，上年为 0 时无意义；“增长 100%”意味着上年与本年相等的一半，与事实不符。",
    example: "参考例：其他商贸事务支出“2025 年预算数为 222.00 万元，比上年预算增加 222.00 万元，增长 100.00%”。",
    basis: "增长率的定义：rate = change ÷ last year，零基数不能“增长100%”。",
    fixture: Fixture {
        base: Base::ReferenceText,
        pass: &[(
            "年预算数为 222.00 万元，比上年预算增加 222.00 万元，增长 100.00%",
            "年预算数为 222.00 万元，为本年新增",
        )],
        fail: &[],
    },
};

impl Rule for N009 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (prev, s) in super::sentences_after(&cx.disclosure.narrative) {
            for g in super::growths_after(prev, s) {
                let (a, (ch, cd), (value, rd)) = (g.amount, g.change, g.rate);
                if cd != Direction::Increase || rd != Direction::Increase {
                    continue;
                }
                let zero_base = a.units == ch.units
                    && a.decimals == ch.decimals
                    && a.units > 0
                    && g.base.is_none_or(|b| b.units == 0);
                let (_, lhi) = last_year(&a, &ch, Direction::Increase);
                if zero_base && lhi < 10_000 && value.units > 0 {
                    out.push(
                        Diagnostic::new(
                            META.id,
                            META.severity,
                            format!(
                                "“{}”上年为 0、本年 {a} 万元，说明却称“增长 {value}%”",
                                g.what()
                            ),
                            Label::at(s.source.clone(), format!("增长 {value}%")),
                        )
                        .with_help("上年为 0 时写“新增”，不写增长率"),
                    );
                    break; // once per sentence: the reason often repeats the rate
                }
            }
        }
    }
}
