//! C012 公开表齐全

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::source::SourceRef;
use yusuan_core::template::XINJIANG_BUDGET_11;

/// C012
pub struct C012;

static META: RuleMeta = RuleMeta {
    id: "C012",
    family: Family::Completeness,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Error,
    title: "公开表齐全",
    what: "模板规定的公开表（本模板为表1 至表11）都应公开；没有数据的表也要公开，并注明为空表。",
    why: "部门预算公开表是公开的核心内容，缺表即公开不完整；空表也须公开并说明原因。",
    example: "参考例公开了全部 11 张表，其中表8、表9、表10 为空表并附说明。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：部门预算应公开全部预算表格，空表也须公开并说明。",
    fixture: Fixture {
        base: Base::ReferenceText,
        pass: &[],
        fail: &[("\n国有资本经营预算支出情况表\n", "\n")],
    },
};

impl Rule for C012 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        // Only a document read from a publication can lack a table (a CSV lists every table).
        if cx.disclosure.tables.is_empty() {
            return;
        }
        for spec in &XINJIANG_BUDGET_11 {
            if cx.disclosure.table(spec.number).is_none() {
                out.push(
                    Diagnostic::new(
                        META.id,
                        META.severity,
                        format!("没有找到表{}“{}”", spec.number, spec.title),
                        Label::at(
                            SourceRef::Line {
                                page: None,
                                line: 1,
                            },
                            "",
                        ),
                    )
                    .with_help("公开全部预算表；没有数据的表也要公开，并注明为空表及原因"),
                );
            }
        }
    }
}
