//! C001 说明了主要职能

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// C001
pub struct C001;

static META: RuleMeta = RuleMeta {
    id: "C001",
    family: Family::Completeness,
    template: None,
    severity: Severity::Error,
    title: "说明了主要职能",
    what: "第一部分部门概况须说明部门的主要职能。",
    why: "主要职能是部门预算公开的必备内容，读者据此判断支出是否与职能相符。",
    example: "参考例：“为全州中小企业的发展提供技术创新、市场开拓……等服务”。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：部门预算公开内容包括部门职责、机构设置、预算收支情况、“三公”经费、机关运行经费、政府采购、国有资产占用、预算绩效等情况说明。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "functions = \"为全州中小企业的发展提供技术创新、市场开拓、信息交流、人才引进、业务培训、对外合作等服务；负责推进中小企业担保体系建设等任务。\"",
            "functions = \"\"",
        )],
    },
};

impl Rule for C001 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        let d = &b.department;
        if d.functions.trim().is_empty() {
            out.push(
                finding(
                    &META,
                    "没有说明部门的主要职能".into(),
                    d.spans.or("functions", &d.source).clone(),
                )
                .with_help("在 [department] 的 functions 中写明主要职能"),
            );
        }
    }
}
