//! C005 增减变动都有原因

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// C005
pub struct C005;

static META: RuleMeta = RuleMeta {
    id: "C005",
    family: Family::Completeness,
    template: None,
    severity: Severity::Warning,
    title: "增减变动都有原因",
    what: "每个与上年不同的比较口径都应写明变动原因，原因不能为空或只有标点（“主要原因是。”）。",
    why: "只给增减数、不给原因，读者无法判断变动是否合理；空原因常是模板未填。",
    example: "参考例每项变动都写了原因。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：部门预算公开内容包括部门职责、机构设置、预算收支情况、“三公”经费、机关运行经费、政府采购、国有资产占用、预算绩效等情况说明。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "reason = \"增加昌吉州促进产业高质量发展工作领导小组办公室日常工作经费\"",
            "reason = \"\"",
        )],
    },
};

impl Rule for C005 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        for c in &b.comparisons {
            let now = b.this_year(&c.subject);
            if now == c.last_year {
                continue;
            }
            let empty = c.reason.as_deref().is_none_or(|r| {
                r.chars()
                    .all(|ch| ch.is_whitespace() || "。，、；：.,;:".contains(ch))
            });
            if empty {
                out.push(
                    finding(
                        &META,
                        format!(
                            "“{}”比上年变动 {} 万元，没有写明原因",
                            c.subject.key(),
                            crate::interval::signed(now.fen() - c.last_year.fen())
                        ),
                        c.spans.or("reason", &c.source).clone(),
                    )
                    .with_help("写明变动的主要原因"),
                );
            }
        }
    }
}
