//! C013 空表附有说明

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::source::SourceRef;

/// C013
pub struct C013;

static META: RuleMeta = RuleMeta {
    id: "C013",
    family: Family::Completeness,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Error,
    title: "空表附有说明",
    what: "没有数据的公开表应附一句说明：为什么为空（如“…没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表”）。",
    why: "空表不说明原因，读者无法区分“没有这类支出”与“漏填”。",
    example: "参考例表8、表9、表10 都附有空表说明。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：空表应说明原因。",
    fixture: Fixture {
        base: Base::ReferenceText,
        pass: &[],
        fail: &[(
            "昌吉回族自治州中小企业发展服务中心 2025 年没有使用政府性基金预算拨款安排的支出，政府性基金预\n\n算支出情况表为空表。\n",
            "",
        )],
    },
};

impl Rule for C013 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for t in &cx.disclosure.tables {
            // A table a CSV does not list is not “published empty”: it is simply not in the file.
            if t.source == SourceRef::None {
                continue;
            }
            // A table whose figures the reader could not place has figures: not empty.
            if t.unplaced > 0 {
                continue;
            }
            let empty = t.rows.iter().all(|r| r.cells.iter().all(Option::is_none));
            if empty
                && t.empty_statement
                    .as_deref()
                    .is_none_or(|s| s.trim().is_empty())
            {
                out.push(
                    Diagnostic::new(
                        META.id,
                        META.severity,
                        format!("表{}“{}”没有数据，也没有说明为什么为空", t.number, t.title),
                        Label::at(t.source.clone(), ""),
                    )
                    .with_help(format!(
                        "在表下注明：“{}{}年没有……，{}为空表。”",
                        cx.disclosure.department, cx.disclosure.year, t.title
                    )),
                );
            }
        }
    }
}
