//! D003 部门名称前后一致

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::PerformanceKind;

/// D003
pub struct D003;

static META: RuleMeta = RuleMeta {
    id: "D003",
    family: Family::Profile,
    template: None,
    severity: Severity::Error,
    title: "部门名称前后一致",
    what: "各公开表的编制部门、部门整体绩效目标表的部门名称，应与文件的部门名称相同。",
    why: "公开文件的主体只有一个；名称不一致会使读者无法确认表格属于哪个部门，常见于套用其他单位的表格。",
    example: "参考例：部门整体绩效目标表的部门名称印为“昌吉回族自治州中小企业发展局”，而文件是“昌吉回族自治州中小企业发展服务中心”的预算：错误。",
    basis: "《地方预决算公开操作规程》：公开内容应真实、完整、准确。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[(
            "printed_name = \"昌吉回族自治州中小企业发展局\"   # as printed on the 部门整体绩效目标表 (sic)\n",
            "",
        )],
        fail: &[],
    },
};

impl Rule for D003 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let d = cx.disclosure;
        if d.department.is_empty() {
            return;
        }
        let name_at = cx
            .budget
            .map(|b| b.department.spans.or("name", &b.department.source).clone());
        let push = |out: &mut Vec<Diagnostic>,
                    what: String,
                    found: &str,
                    at: yusuan_core::source::SourceRef| {
            let mut diag = Diagnostic::new(
                META.id,
                META.severity,
                format!("{what}印为“{found}”，与部门名称“{}”不一致", d.department),
                Label::at(at, found.to_string()),
            )
            .with_help("改为本部门的规范全称");
            if let Some(n) = &name_at {
                diag.secondary.push(Label::at(n.clone(), "部门名称"));
            }
            out.push(diag);
        };
        for t in &d.tables {
            if !t.org.is_empty() && t.org != d.department {
                push(
                    out,
                    format!("表{}的编制部门", t.number),
                    &t.org,
                    t.source.clone(),
                );
            }
        }
        for p in d
            .performance
            .iter()
            .filter(|p| p.kind == PerformanceKind::Overall)
        {
            if p.unit != d.department {
                let at = cx
                    .budget
                    .and_then(|b| b.overall_performance.as_ref())
                    .and_then(|o| o.spans.get("printed_name").cloned())
                    .unwrap_or_else(|| p.source.clone());
                push(out, "部门整体绩效目标表的部门名称".to_string(), &p.unit, at);
            }
        }
    }
}
