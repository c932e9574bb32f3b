//! N003 部门与单位用语不符

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::{all_texts, finding};
use yusuan_core::budget::DocKind;
use yusuan_core::diag::{Diagnostic, Severity};

/// N003
pub struct N003;

static META: RuleMeta = RuleMeta {
    id: "N003",
    family: Family::Narrative,
    template: None,
    severity: Severity::Warning,
    title: "部门与单位用语不符",
    what: "单位预算的文字不应自称“本部门”，部门预算的文字不应自称“本单位”。",
    why: "部门预算汇总本级和所属单位，单位预算只含一个单位；用语混用多是套用了另一种文件的模板。",
    example: "单位预算中写“本部门无其他需说明事项”。参考例是部门预算，用“本部门”，一致。",
    basis: "《地方预决算公开操作规程》：部门预算与单位预算分别公开。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[("kind = \"部门预算\"", "kind = \"单位预算\"")],
    },
};

impl Rule for N003 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let kind = cx.budget.map_or(cx.disclosure.kind, |b| b.kind);
        let (wrong, right) = match kind {
            DocKind::Unit => ("本部门", "本单位"),
            DocKind::Department => ("本单位", "本部门"),
        };
        for (text, at, what) in all_texts(cx) {
            if text.contains(wrong) {
                out.push(
                    finding(
                        &META,
                        format!("这是{}预算，{what}却写“{wrong}”：{text}", kind.word()),
                        at,
                    )
                    .with_help(format!("改为“{right}”")),
                );
            }
        }
    }
}
