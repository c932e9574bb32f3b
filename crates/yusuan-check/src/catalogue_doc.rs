//! The rule catalogue as Markdown, generated from the registry (docs/rules.md is this text; a
//! test fails when it drifts).

use crate::registry::{RETIRED, RULES};

/// Renders every rule's docs as Markdown.
pub fn markdown() -> String {
    let mut out = String::from(
        "# 检查规则目录\n\n由 `yusuan-check` 的规则注册表生成（`cargo test` 检查本文件与代码一致；\
         重新生成：`UPDATE_DOCS=1 cargo test -p yusuan-check --test docs`）。\
         每条规则的编号固定、永不复用。级别：错误 / 警告 / 提示；\
         印刷数的差异若能由各数分别四舍五入解释，一律报为“提示”（尾差）。\n",
    );
    let mut family = None;
    for r in RULES {
        let m = r.meta();
        if family != Some(m.family) {
            out.push_str(&format!(
                "\n## {} — {}\n",
                m.family.letter(),
                m.family.label()
            ));
            family = Some(m.family);
        }
        out.push_str(&format!(
            "\n### {} {}\n\n- 级别：{}\n- 适用：{}\n- 检查内容：{}\n- 为什么：{}\n- 示例：{}\n- 依据：{}\n",
            m.id,
            m.title,
            m.severity.label(),
            m.template.map_or("所有公开文件".to_string(), |t| format!("模板 {t}")),
            m.what,
            m.why,
            m.example,
            m.basis
        ));
    }
    out.push_str("\n## 已停用的编号\n\n");
    if RETIRED.is_empty() {
        out.push_str("（无）\n");
    }
    for (id, why) in RETIRED {
        out.push_str(&format!("- {id}：{why}\n"));
    }
    out
}
