//! V003 页码连续

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use yusuan_core::diag::{Diagnostic, Label, Severity};

/// V003
pub struct V003;

static META: RuleMeta = RuleMeta {
    id: "V003",
    family: Family::Page,
    template: None,
    severity: Severity::Warning,
    title: "页码连续",
    what: "页眉页脚印的页码（“3”“- 3 -”“—3—”“第 3 页”“3/40”）应逐页加一：两页之间印的页码之差，不超过两页在文件中相隔的页数，也不倒退、不重复。没有页码的页（封面、目录、分部标题页）跳过；从 1 重新起算视为新的一部分。只对 PDF 检查。",
    why: "页码跳号说明有页被删、漏印或重复，读者据目录查找时会找错页。",
    example: "烟台市民政局 2026 部门预算：第 33 页印“32”，第 34 页印“34”，跳过了 33。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：公开内容应完整、规范、便于查阅。",
    fixture: Fixture {
        base: Base::GenericPdf,
        pass: &[],
        fail: &[(
            "12\t@view glyphs=31 drawings=0 unmapped=0 printed=9",
            "12\t@view glyphs=31 drawings=0 unmapped=0 printed=10",
        )],
    },
};

impl Rule for V003 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let numbered: Vec<_> = cx
            .disclosure
            .pages
            .iter()
            .filter_map(|p| p.printed_number.map(|n| (p, n)))
            .collect();
        for w in numbered.windows(2) {
            let ((a, na), (b, nb)) = (w[0], w[1]);
            let apart = b.number.saturating_sub(a.number);
            let message = if nb == 1 {
                continue;
            } else if nb <= na {
                format!(
                    "页码倒退或重复：第 {} 页印页码 {nb}，而第 {} 页已印 {na}",
                    b.number, a.number
                )
            } else if nb - na > apart {
                let skipped = if nb - na == 2 {
                    format!("跳过了 {}", na + 1)
                } else {
                    format!("跳过了 {}–{}", na + 1, nb - 1)
                };
                format!(
                    "页码不连续：第 {} 页印页码 {na}，第 {} 页印 {nb}，{skipped}",
                    a.number, b.number
                )
            } else {
                continue;
            };
            out.push(
                Diagnostic::new(META.id, META.severity, message, Label::at(b.at(), "页码"))
                    .with_help("核对是否缺页、多页或页码域设置错误，改正后同时核对目录的页码"),
            );
        }
    }
}
