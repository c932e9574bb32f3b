//! K005 说明中的科目名称与科目表一致

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::classification::year;
use crate::rules::support::finding;
use yusuan_core::catalog::Catalog;
use yusuan_core::codes::FuncCode;
use yusuan_core::diag::{Diagnostic, Severity};

/// K005
pub struct K005;

static META: RuleMeta = RuleMeta {
    id: "K005",
    family: Family::Classification,
    template: None,
    severity: Severity::Warning,
    title: "说明中的科目名称与科目表一致",
    what: "情况说明中“X（类）Y（款）Z（项）”写出的科目名称，应与当年科目表一致。只在科目表中找得到近似名称（一方是另一方的开头）时指出，以免把科目表未收的科目误报。",
    why: "科目名称写得不全或用了旧称，读者无法把说明对到表上的科目；常见于沿用往年说明。",
    example: "参考例：“资源勘探工业信息等支出（类）工业和信息产业（款）产业发展（项）”——215 05 款的名称是“工业和信息产业监管”。",
    basis: "财政部《政府收支分类科目》（按年度发布）。",
    fixture: Fixture {
        base: Base::ReferenceText,
        pass: &[(
            "资源勘探工业信息等支出（类）工业和信息产业（款）",
            "资源勘探工业信息等支出（类）工业和信息产业监管（款）",
        )],
        fail: &[],
    },
};

/// The “X（类）Y（款）Z（项）” chains of a text: each with the names as written.
fn chains(text: &str) -> Vec<Vec<(String, &'static str)>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(k) = rest.find("（类）") {
        let head = &rest[..k];
        // The class name: after the last delimiter or item number.
        let class = head
            .rsplit(['、', '，', '。', '：', ' '])
            .next()
            .unwrap_or(head)
            .trim();
        let mut chain = vec![(class.to_string(), "类")];
        let mut tail = &rest[k + "（类）".len()..];
        for level in ["款", "项"] {
            let marker = format!("（{level}）");
            match tail.find(&marker) {
                Some(j) if !tail[..j].contains(['，', '。', '：', '（']) => {
                    chain.push((tail[..j].trim().to_string(), level));
                    tail = &tail[j + marker.len()..];
                }
                _ => break,
            }
        }
        out.push(chain);
        rest = tail;
    }
    out
}

impl Rule for K005 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let cat = Catalog::get();
        let y = year(cx.disclosure);
        for (_, s) in crate::rules::narrative::sentences(&cx.disclosure.narrative) {
            let text: String = s.text.chars().filter(|c| !c.is_whitespace()).collect();
            for chain in chains(&text) {
                let Some((class_name, _)) = chain.first() else {
                    continue;
                };
                let Some((mut parent, _)) = cat
                    .functional_classes(y)
                    .into_iter()
                    .find(|(_, n)| n == class_name)
                else {
                    continue;
                };
                for (name, level) in chain.iter().skip(1) {
                    // The children of `parent` in the catalogue.
                    let children: Vec<(FuncCode, &str)> = (0..100u8)
                        .filter_map(|k| {
                            let code = FuncCode::parse(&format!("{parent}{k:02}")).ok()?;
                            cat.functional_name(code, y).map(|n| (code, n))
                        })
                        .collect();
                    if let Some((code, _)) = children.iter().find(|(_, n)| n == name) {
                        parent = *code;
                        continue;
                    }
                    let near = children
                        .iter()
                        .find(|(_, n)| n.starts_with(name.as_str()) || name.starts_with(*n));
                    if let Some((code, right)) = near {
                        out.push(
                            finding(&META, format!("说明把{level}级科目 {} 写作“{name}（{level}）”，科目表名称为“{right}”", code.spaced()), s.source.clone())
                                .with_help(format!("改为“{right}（{level}）”")),
                        );
                        parent = *code;
                        continue;
                    }
                    break; // not in our (partial) catalogue: nothing to say
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_chains() {
        let c = super::chains(
            "9、资源勘探工业信息等支出（类）工业和信息产业（款）产业发展（项）：2025年",
        );
        assert_eq!(c.len(), 1);
        assert_eq!(
            c[0].iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
            ["资源勘探工业信息等支出", "工业和信息产业", "产业发展"]
        );
        assert_eq!(
            super::chains("1、一般公共服务支出（类）406.78 万元")[0].len(),
            1
        );
    }
}
