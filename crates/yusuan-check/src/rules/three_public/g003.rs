//! G003 运行经费的变动原因引用了项目支出

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::budget::Subject;
use yusuan_core::diag::{Diagnostic, Label, Severity};

/// G003
pub struct G003;

static META: RuleMeta = RuleMeta {
    id: "G003",
    family: Family::ThreePublic,
    severity: Severity::Warning,
    title: "运行经费的变动原因引用了项目支出",
    what: "运行经费（机关或事业单位运行经费，即一般公共预算基本支出中的公用经费）的变动原因，不应归于某个项目的经费：若原因文字与某个项目名称有 8 个字以上相同，提示核对。",
    why: "运行经费是基本支出中的公用经费；项目经费属于项目支出，不计入运行经费。用项目经费的增减解释运行经费的变动，说明口径混淆或原因失实。",
    example: "参考例：运行经费 32.35 万元“增长 130.74%，主要原因是增加昌吉州促进产业高质量发展工作领导小组办公室日常工作经费”——该办公室工作经费是项目支出。",
    basis: "名词解释“机关运行经费”：行政单位（含参公事业单位）的公用经费；部门预算情况说明第十二部分。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[(
            "reason = \"增加昌吉州促进产业高质量发展工作领导小组办公室日常工作经费\"",
            "reason = \"部门较上年预算增加 1 人，公用经费相应增加\"",
        )],
        fail: &[],
    },
};

/// The longest run of characters `a` and `b` share.
fn longest_common(a: &str, b: &str) -> String {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut best = (0, 0);
    let mut prev = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        let mut cur = vec![0usize; b.len() + 1];
        for j in 1..=b.len() {
            if a[i - 1] == b[j - 1] {
                cur[j] = prev[j - 1] + 1;
                if cur[j] > best.0 {
                    best = (cur[j], i);
                }
            }
        }
        prev = cur;
    }
    a[best.1 - best.0..best.1].iter().collect()
}

impl Rule for G003 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        let Some(c) = b.comparison(&Subject::RunningCost) else {
            return;
        };
        let Some(reason) = &c.reason else { return };
        for p in &b.projects {
            let common = longest_common(reason, &p.name);
            if common.chars().count() >= 8 {
                let at = c.spans.or("reason", &c.source).clone();
                let d = finding(
                    &META,
                    format!("运行经费的变动原因提到“{common}”，这是项目“{}”的内容；项目支出不属于运行经费", p.name),
                    at,
                )
                .with_label(Label::at(p.spans.or("name", &p.source).clone(), "项目在这里声明"))
                .with_help("运行经费只含基本支出中的公用经费：请说明公用经费本身变动的原因");
                out.push(d);
                break;
            }
        }
    }
}
