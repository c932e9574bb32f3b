//! V004 文字没有叠印在其他文字上

use super::page_list;
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use yusuan_core::diag::{Diagnostic, Label, Severity};

/// V004
pub struct V004;

static META: RuleMeta = RuleMeta {
    id: "V004",
    family: Family::Page,
    template: None,
    severity: Severity::Warning,
    title: "文字没有叠印在其他文字上",
    what: "同一位置印了两个不同的字（单元格内容溢出压到下一行、两段文字排在同一处），读者看到的是叠在一起的字迹。同一个字重复印在同一处（加粗效果）不算；被截掉、被盖住、看不见的文字由 V002 检查。只对 PDF 检查。",
    why: "叠印的文字读者无法辨认，公开的内容等于没有公开。",
    example: "泉州市人民政府办公室 2026 部门预算没有叠印的文字：通过。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：公开内容应清晰、便于查阅。",
    fixture: Fixture {
        base: Base::GenericPdf,
        pass: &[],
        fail: &[(
            "12\t@view glyphs=31 drawings=0 unmapped=0",
            "12\t@view glyphs=31 drawings=0 unmapped=0 over=计|预",
        )],
    },
};

impl Rule for V004 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let on: Vec<_> = cx
            .disclosure
            .pages
            .iter()
            .filter(|p| !p.overprinted.is_empty())
            .collect();
        let Some(first) = on.first() else {
            return;
        };
        let numbers: Vec<u32> = on.iter().map(|p| p.number).collect();
        let pairs: Vec<String> = first
            .overprinted
            .iter()
            .take(3)
            .map(|(a, b)| format!("“{a}”与“{b}”"))
            .collect();
        out.push(
            Diagnostic::new(
                META.id,
                META.severity,
                format!(
                    "第 {} 页有文字叠印在其他文字上（如第 {} 页{}），读者难以辨认",
                    page_list(&numbers),
                    first.number,
                    pairs.join("、")
                ),
                Label::at(first.at(), "叠印"),
            )
            .with_help("调整行高、列宽或分页，让每段文字各占其位后重新导出 PDF"),
        );
    }
}
