//! V002 没有读者看不见的文字

use super::page_list;
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::Hidden;

/// V002
pub struct V002;

static META: RuleMeta = RuleMeta {
    id: "V002",
    family: Family::Page,
    template: None,
    severity: Severity::Warning,
    title: "没有读者看不见的文字",
    what: "PDF 中机器读得到、读者却看不见的文字：画在页面之外、在裁剪区域之外被截掉（表格单元格放不下的内容常如此）、被色块或图片盖住、设为不可见（扫描件图片上的识别文字除外）、白字印在白底上。每一种列出所在的页和一段文字。只对 PDF 检查。",
    why: "读者看到的与检索、摘录、读屏软件读到的不一样：被截掉的项目名称、指标值读者看不到，盖住的旧标题、页面外的重复段落会让复制出的文字前后矛盾。",
    example: "北京市民政局 2026 部门预算表格册第 26 页：绩效目标表的单元格放不下项目名称“11000023T000002064522-慈善北京文化建设…”，截掉的部分读者看不到。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：公开内容应真实、完整、便于查阅。",
    fixture: Fixture {
        base: Base::GenericPdf,
        pass: &[],
        fail: &[(
            "12\t@view glyphs=31 drawings=0 unmapped=0",
            "12\t@view glyphs=31 drawings=0 unmapped=0 hidden=white:本单位无政府性基金预算支出",
        )],
    },
};

impl Rule for V002 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let pages = &cx.disclosure.pages;
        for why in [
            Hidden::OffPage,
            Hidden::Clipped,
            Hidden::Covered,
            Hidden::Invisible,
            Hidden::WhiteOnWhite,
        ] {
            let on: Vec<_> = pages
                .iter()
                .filter_map(|p| p.hidden.iter().find(|h| h.why == why).map(|h| (p, h)))
                .collect();
            let Some((first, example)) = on.first() else {
                continue;
            };
            let numbers: Vec<u32> = on.iter().map(|(p, _)| p.number).collect();
            out.push(
                Diagnostic::new(
                    META.id,
                    META.severity,
                    format!(
                        "第 {} 页有文字{}，机器读得到、读者看不见：“{}”",
                        page_list(&numbers),
                        why.label(),
                        example.text
                    ),
                    Label::at(first.at(), why.label()),
                )
                .with_help(match why {
                    Hidden::Clipped => "加宽或加高单元格、缩小字号，让内容完整显示后再导出 PDF",
                    Hidden::Covered => "删去被盖住的文字，或移开盖在上面的色块、图片",
                    Hidden::OffPage => "删去页面之外的文字，检查分页后重新导出 PDF",
                    Hidden::Invisible | Hidden::WhiteOnWhite => "删去看不见的文字，或改为正常显示",
                }),
            );
        }
    }
}
