//! N011 “主要原因是”后没有原因

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::{all_texts, finding};
use yusuan_core::diag::{Diagnostic, Severity};

/// N011
pub struct N011;

static META: RuleMeta = RuleMeta {
    id: "N011",
    family: Family::Narrative,
    template: None,
    severity: Severity::Warning,
    title: "“主要原因是”后没有原因",
    what: "“主要原因是”“原因是”之后应写出原因，不能直接接句号、逗号或结束。",
    why: "空着的原因多是模板未填写；只说增减、不说原因，说明不完整。",
    example: "“比上年预算减少 28.00 万元，下降 84.85%，主要原因是。”",
    basis: "《地方预决算公开操作规程》：说明预算收支增减变化的原因。",
    fixture: Fixture {
        base: Base::ReferenceText,
        pass: &[],
        fail: &[(
            "主要原因是部门根据实际工作需要，弥补财政资金不足部分，本",
            "主要原因是。弥补财政资金不足部分，本",
        )],
    },
};

/// Whether `text` has a “原因是” with nothing after it.
pub(crate) fn empty_reason(text: &str) -> bool {
    text.match_indices("原因是").any(|(i, m)| {
        let rest = text[i + m.len()..].trim_start_matches([' ', '：', ':']);
        rest.is_empty() || rest.starts_with(['。', '，', '；', ',', ';'])
    })
}

impl Rule for N011 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (text, at, what) in all_texts(cx) {
            if empty_reason(&text) {
                out.push(
                    finding(&META, format!("{what}“原因是”后没有写出原因：{text}"), at)
                        .with_help("写明增减变化的主要原因"),
                );
            }
        }
    }
}
