//! V005 目录的页码与正文一致

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::source::SourceRef;

/// V005
pub struct V005;

static META: RuleMeta = RuleMeta {
    id: "V005",
    family: Family::Page,
    template: None,
    severity: Severity::Warning,
    title: "目录的页码与正文一致",
    what: "目录中写了页码的条目：所列部分应在正文中（标题或任何一处提到它），且其标题所在页印的页码等于目录写的页码。只对印有页码的 PDF 比较页码；没有写页码的条目不检查（各地目录与正文的措辞常不同，只凭措辞判断缺失会误报）。",
    why: "目录页码错了，读者按目录翻不到要看的部分；目录列了而正文没有的部分，是漏印或目录没有随正文修改。",
    example: "泉州市人民政府办公室 2026 部门预算目录的 25 个条目：“一、部门主要职责……2”在印页码 2 的第 5 页，都一致：通过。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：公开内容应完整、规范、便于查阅。",
    fixture: Fixture {
        base: Base::GenericPdf,
        pass: &[],
        fail: &[(
            "二、部门预算单位构成......................... 4",
            "二、部门预算单位构成......................... 6",
        )],
    },
};

impl Rule for V005 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let d = cx.disclosure;
        let printed = |page: u32| {
            d.pages
                .iter()
                .find(|v| v.number == page)
                .and_then(|v| v.printed_number)
        };
        for e in &d.contents {
            let Some(listed) = e.page else {
                continue;
            };
            if !e.named {
                out.push(
                    Diagnostic::new(
                        META.id,
                        META.severity,
                        format!("目录所列“{}”（第 {listed} 页）在正文中没有找到", e.title),
                        Label::at(e.source.clone(), "目录条目"),
                    )
                    .with_help("补上这一部分，或把它从目录中删去"),
                );
                continue;
            }
            let Some(SourceRef::Line { page: Some(at), .. }) = &e.found else {
                continue;
            };
            let Some(shown) = printed(*at) else {
                continue;
            };
            if shown != listed {
                out.push(
                    Diagnostic::new(
                        META.id,
                        META.severity,
                        format!(
                            "目录写“{}”在第 {listed} 页，正文中它在印页码 {shown} 的一页（文件第 {at} 页）",
                            e.title
                        ),
                        Label::at(e.source.clone(), "目录页码"),
                    )
                    .with_secondary(e.found.clone().unwrap_or_default(), "正文标题")
                    .with_help("更新目录的页码（在排版软件中更新目录域），使之与正文一致"),
                );
            }
        }
    }
}
