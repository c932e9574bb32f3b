//! N005 上年为零不能称增长 100%

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::{finding, wan};
use yusuan_core::diag::{Diagnostic, Severity};

/// N005
pub struct N005;

static META: RuleMeta = RuleMeta {
    id: "N005",
    family: Family::Narrative,
    template: None,
    severity: Severity::Warning,
    title: "上年为零不能称增长 100%",
    what: "上年预算为 0 的科目，本年安排不能说“增长 100%”：增长率 = 增减额 ÷ 上年数，上年为 0 时没有增长率，应说“新增”。",
    why: "增长率以上年数为分母；上年为 0 时任何增加都不是 100%。",
    example: "参考例：201 13 99 其他商贸事务支出上年 0，本年 222.00 万元，说明写“增长 100.00%……该款项较上年增长 100%”。",
    basis: "增长率的定义（rate = change ÷ last year；零基数不能“增长100%”）。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[("该款项较上年增长 100%", "该款项为本年新增")],
        fail: &[],
    },
};

impl Rule for N005 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        for c in &b.comparisons {
            if !c.last_year.is_zero() {
                continue;
            }
            let now = b.this_year(&c.subject);
            let Some(reason) = &c.reason else { continue };
            let squashed: String = reason.chars().filter(|c| !c.is_whitespace()).collect();
            if now.fen() > 0 && (squashed.contains("增长100%") || squashed.contains("增长100.00%"))
            {
                out.push(
                    finding(
                        &META,
                        format!(
                            "“{}”上年预算为 0、本年 {} 万元，说明却称“增长 100%”",
                            c.subject.key(),
                            wan(now)
                        ),
                        c.spans.or("reason", &c.source).clone(),
                    )
                    .with_help("上年为 0 时写“新增”，不写增长率"),
                );
            }
        }
    }
}
