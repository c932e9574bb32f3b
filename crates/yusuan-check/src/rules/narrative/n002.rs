//! N002 标点重复或括号不配对

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::{all_texts, finding};
use yusuan_core::diag::{Diagnostic, Severity};

/// N002
pub struct N002;

static META: RuleMeta = RuleMeta {
    id: "N002",
    family: Family::Narrative,
    template: None,
    severity: Severity::Warning,
    title: "标点重复或括号不配对",
    what: "文字中不应出现重复的标点（“。。”“，，”“、、”“，。”等）或不配对的括号、引号（半角与全角括号视为同一种）。",
    why: "重复标点和缺半边的括号多是删改后的残留，常伴随内容缺失。",
    example: "“部门事业单位离退休人数无变化，，预算较上年无变化”。",
    basis: "《标点符号用法》（GB/T 15834—2011）。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "reason = \"部门事业单位离退休人数无变化，预算较上年无变化\"",
            "reason = \"部门事业单位离退休人数无变化，，预算较上年无变化\"",
        )],
    },
};

/// What is wrong with the punctuation of `text`, if anything.
pub(crate) fn problem(text: &str) -> Option<String> {
    const MARKS: &str = "。，、；：！？";
    let chars: Vec<char> = text.chars().collect();
    for w in chars.windows(2) {
        if MARKS.contains(w[0]) && MARKS.contains(w[1]) {
            return Some(format!("标点重复“{}{}”", w[0], w[1]));
        }
    }
    let count = |set: &str| chars.iter().filter(|c| set.contains(**c)).count();
    for (open, close, name) in [
        ("（(", "）)", "括号"),
        ("“", "”", "引号"),
        ("《", "》", "书名号"),
    ] {
        if count(open) != count(close) {
            return Some(format!("{name}不配对"));
        }
    }
    None
}

impl Rule for N002 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (text, at, what) in all_texts(cx) {
            if let Some(p) = problem(&text) {
                out.push(finding(&META, format!("{what}{p}：{text}"), at));
            }
        }
    }
}
