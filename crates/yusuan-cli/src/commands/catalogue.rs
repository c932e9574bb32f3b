//! `yusuan rules`, `yusuan explain`, `yusuan obligations`: the rule catalogue and the obligations ledger.

use crate::*;

pub(crate) fn cmd_rules() -> ExitCode {
    let mut text = String::from("编号   级别  规则\n");
    let mut family = None;
    for r in registry::RULES {
        let m = r.meta();
        if family != Some(m.family) {
            text.push_str(&format!("\n{} — {}\n", m.family.letter(), m.family.label()));
            family = Some(m.family);
        }
        text.push_str(&format!(
            "{:<6} {}  {}\n",
            m.id,
            m.severity.label(),
            m.title
        ));
    }
    text.push_str(&format!(
        "\n共 {} 条规则。yusuan explain 编号 查看说明。\n",
        registry::RULES.len()
    ));
    out(&text);
    ExitCode::SUCCESS
}

pub(crate) fn cmd_explain(id: &str) -> ExitCode {
    if let Some((_, why)) = registry::RETIRED
        .iter()
        .find(|(r, _)| r.eq_ignore_ascii_case(id))
    {
        outln(&format!("{id} 已停用：{why}"));
        return ExitCode::SUCCESS;
    }
    let Some(rule) = registry::find(id) else {
        eprintln!("错误：没有编号为“{id}”的规则。yusuan rules 列出全部规则。");
        return ExitCode::from(2);
    };
    let m = rule.meta();
    println!(
        "{} {}\n级别：{}　　类别：{}\n\n检查内容\n  {}\n\n为什么\n  {}\n\n示例\n  {}\n\n依据\n  {}",
        m.id,
        m.title,
        m.severity.label(),
        m.family.label(),
        m.what,
        m.why,
        m.example,
        m.basis
    );
    ExitCode::SUCCESS
}

pub(crate) fn cmd_obligations(file: Option<&Path>) -> ExitCode {
    let Some(path) = file else {
        for o in obligations::OBLIGATIONS {
            let rules = if o.rules.is_empty() {
                "（尚无规则，总是“未评估”）".to_string()
            } else {
                o.rules.join(" ")
            };
            println!(
                "{} {}\n    依据：{}\n    规则：{}",
                o.id, o.text, o.basis, rules
            );
        }
        return ExitCode::SUCCESS;
    };
    let Some(l) = load_document(path, RoundingArg::Separate) else {
        return ExitCode::from(2);
    };
    let cx = Cx {
        disclosure: &l.disclosure,
        budget: l.budget.as_ref(),
        previous: None,
    };
    let findings = yusuan_check::check(&cx);
    let mut counts = std::collections::BTreeMap::new();
    for (o, status) in obligations::evaluate(&cx, &findings) {
        *counts.entry(status.label()).or_insert(0) += 1;
        let n = findings
            .iter()
            .filter(|d| o.rules.contains(&d.code) && d.severity >= Severity::Warning)
            .count();
        let detail = if n > 0 {
            format!("（{n} 处问题）")
        } else {
            String::new()
        };
        // Pad by display width: Chinese characters are two columns wide.
        let label = status.label();
        let pad = " ".repeat(6usize.saturating_sub(label.chars().count() * 2));
        outln(&format!("{label}{pad} {} {}{detail}", o.id, o.text));
    }
    let summary: Vec<String> = counts.iter().map(|(k, v)| format!("{k} {v} 项")).collect();
    println!(
        "\n{}：{}。“未评估”表示现有输入无法检查该项，不计为通过。",
        path.display(),
        summary.join("，")
    );
    ExitCode::SUCCESS
}
