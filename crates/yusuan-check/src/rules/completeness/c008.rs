//! C008 说明了政府采购

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// C008
pub struct C008;

static META: RuleMeta = RuleMeta {
    id: "C008",
    family: Family::Completeness,
    template: None,
    severity: Severity::Error,
    title: "说明了政府采购",
    what: "情况说明须说明政府采购预算（货物、工程、服务）和面向中小企业预留的份额（[procurement]）。",
    why: "政府采购及中小企业预留份额是预算公开的必备内容（政府采购促进中小企业发展管理办法）。",
    example: "参考例：政府采购预算 2.47 万元，面向中小企业预留 2.47 万元。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：部门预算公开内容包括部门职责、机构设置、预算收支情况、“三公”经费、机关运行经费、政府采购、国有资产占用、预算绩效等情况说明。《政府采购促进中小企业发展管理办法》（财库〔2020〕46号）。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(C008_BLOCK, "")],
    },
};

impl Rule for C008 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        if b.procurement.source == yusuan_core::source::SourceRef::None {
            out.push(
                finding(
                    &META,
                    "没有政府采购情况（[procurement]）".into(),
                    b.department.source.clone(),
                )
                .with_help(
                    "加 [procurement]：货物、工程、服务预算和面向中小企业预留金额；没有采购也写 0",
                ),
            );
        }
    }
}

/// The section removed by the failing fixture.
const C008_BLOCK: &str = "[procurement]\ngoods = 13000.00\nworks = 0\nservices = 11700.00\nsme_reserved = 24700.00\nsmall_micro_reserved = 24700.00\n\n";
