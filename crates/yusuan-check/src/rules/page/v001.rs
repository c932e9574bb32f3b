//! V001 文件中间没有空白页

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use yusuan_core::diag::{Diagnostic, Label, Severity};

/// V001
pub struct V001;

static META: RuleMeta = RuleMeta {
    id: "V001",
    family: Family::Page,
    template: None,
    severity: Severity::Warning,
    title: "文件中间没有空白页",
    what: "PDF 的第一页与最后一页有内容之间，每一页都应有内容：没有文字（看得见与看不见的）、没有线条、没有图片的页是空白页。只对 PDF 检查。",
    why: "空白页多是排版或转换出错留下的（分节符、表格后的空段落），读者会以为缺了内容，页码也随之错位。",
    example: "泉州市人民政府办公室 2026 部门预算的 40 页都有内容：通过。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：公开内容应完整、规范、便于查阅。",
    fixture: Fixture {
        base: Base::GenericPdf,
        pass: &[],
        fail: &[(
            "12\t@view glyphs=31 drawings=0 unmapped=0",
            "12\t@view glyphs=0 drawings=0 unmapped=0",
        )],
    },
};

impl Rule for V001 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let pages = &cx.disclosure.pages;
        let (Some(first), Some(last)) = (
            pages.iter().position(|p| !p.is_blank()),
            pages.iter().rposition(|p| !p.is_blank()),
        ) else {
            return;
        };
        for p in pages[first..=last].iter().filter(|p| p.is_blank()) {
            out.push(
                Diagnostic::new(
                    META.id,
                    META.severity,
                    format!("第 {} 页是空白页：没有文字、线条或图片", p.number),
                    Label::at(p.at(), "空白页"),
                )
                .with_help("删去空白页，或在该页写明内容（如“本页无内容”），再核对页码与目录"),
            );
        }
    }
}
