//! N001 文字中遗留占位符

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::{all_texts, finding};
use yusuan_core::diag::{Diagnostic, Severity};

/// N001
pub struct N001;

static META: RuleMeta = RuleMeta {
    id: "N001",
    family: Family::Narrative,
    template: None,
    severity: Severity::Error,
    title: "文字中遗留占位符",
    what: "部门名称、职能、项目说明、变动原因、绩效目标等文字中不得留有模板占位符：XX、××、某某、“（请填写…）”“（部门名称）”之类，模板留给填写人选择的两个方向（“增加（减少）”“增长/下降”），空着的括号或引号（“（）万元”““””），以及模板的填写说明。",
    why: "占位符说明套用模板后没有填写，公开出去即是错误信息。",
    example: "“XX 部门 2025 年收支总预算……”。yusuan init 生成的模板故意带有“（部门名称）”等占位符，未填写时本规则会指出。",
    basis: "《地方预决算公开操作规程》：公开内容应真实、准确。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[("functions = \"为全州", "functions = \"XX为全州")],
    },
};

/// The placeholder found in `text`, if any.
pub(crate) fn placeholder(text: &str) -> Option<String> {
    for p in [
        "XX",
        "ＸＸ",
        "××",
        "某某",
        "（请填写",
        "(请填写",
        "填写说明",
        "按实际填写",
    ] {
        if text.contains(p) {
            return Some(p.to_string());
        }
    }
    // Both directions left for the writer to choose (`增加（减少）`, `增长/下降`).
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let pairs = [
        ("增加", "减少"),
        ("增长", "下降"),
        ("上升", "下降"),
        ("增加", "下降"),
    ];
    for (a, b) in pairs {
        for (x, y) in [(a, b), (b, a)] {
            for form in [
                format!("{x}（{y}）"),
                format!("{x}({y})"),
                format!("{x}/{y}"),
                format!("{x}／{y}"),
            ] {
                if compact.contains(&form) {
                    return Some(form);
                }
            }
        }
    }
    // Brackets or quotes left empty for a figure or a name (`（）万元`, `“”`).
    for empty in ["（）", "()", "“”", "【】"] {
        if compact.contains(empty) {
            return Some(empty.to_string());
        }
    }
    // “（部门名称）”, “（项目名称）”, “（指标名称）”… as the init template writes them.
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '（'
            && let Some(len) = chars[i + 1..].iter().position(|c| *c == '）')
        {
            let inner: String = chars[i + 1..i + 1 + len].iter().collect();
            if len <= 12
                && [
                    "名称",
                    "职能",
                    "联系人",
                    "联系电话",
                    "负责人",
                    "依据",
                    "目标",
                    "用途",
                    "原因",
                    "承担单位",
                ]
                .iter()
                .any(|w| inner.ends_with(w))
            {
                return Some(format!("（{inner}）"));
            }
        }
    }
    None
}

impl Rule for N001 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (text, at, what) in all_texts(cx) {
            if let Some(p) = placeholder(&text) {
                out.push(
                    finding(&META, format!("{what}中留有占位符“{p}”：{text}"), at)
                        .with_help("填写实际内容"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_placeholders() {
        assert_eq!(
            super::placeholder("（部门名称）").as_deref(),
            Some("（部门名称）")
        );
        assert_eq!(super::placeholder("XX局").as_deref(), Some("XX"));
        assert_eq!(super::placeholder("购买SSL证书(阿里云加密证书）"), None);
        assert_eq!(
            super::placeholder("主要用于在职职工工资福利支出（含社保）"),
            None
        );
        // The Shanghai 决算 template's own wording.
        assert_eq!(
            super::placeholder("比2023年度增加（减少）1.2万元，增长（下降）3%").as_deref(),
            Some("增加（减少）")
        );
        assert_eq!(
            super::placeholder("比上年增长/下降 3%").as_deref(),
            Some("增长/下降")
        );
        assert_eq!(super::placeholder("共（）万元").as_deref(), Some("（）"));
        // A sentence that chose its direction has none.
        assert_eq!(
            super::placeholder("比上年增加1.2万元（增长3%），减少了会议费"),
            None
        );
    }
}
