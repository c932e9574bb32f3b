//! C004 说明了支出预算的增减

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// C004
pub struct C004;

static META: RuleMeta = RuleMeta {
    id: "C004",
    family: Family::Completeness,
    template: None,
    severity: Severity::Error,
    title: "说明了支出预算的增减",
    what: "情况说明须给出基本支出和项目支出与上年的比较（比较口径“基本支出”“项目支出”）。",
    why: "支出增减及原因是情况说明第三部分的必备内容。",
    example: "参考例：基本支出比上年增加 6.26 万元，项目支出减少 106.00 万元，并说明原因。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：部门预算公开内容包括部门职责、机构设置、预算收支情况、“三公”经费、机关运行经费、政府采购、国有资产占用、预算绩效等情况说明。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[("subject = \"项目支出\"", "subject = \"财政拨款收支总预算\"")],
    },
};

impl Rule for C004 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        use yusuan_core::budget::Subject;
        for (s, what) in [
            (Subject::Basic, "基本支出"),
            (Subject::ProjectSpending, "项目支出"),
        ] {
            if b.comparison(&s).is_none() {
                out.push(
                    finding(
                        &META,
                        format!("没有{what}与上年的比较说明"),
                        b.department.source.clone(),
                    )
                    .with_help(format!(
                        "加 [[comparison]]：subject = \"{what}\"、上年数和变动原因"
                    )),
                );
            }
        }
    }
}
