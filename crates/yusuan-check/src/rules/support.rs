//! Small helpers shared by hand-written rules.

use crate::engine::RuleMeta;
use yusuan_core::Budget;
use yusuan_core::diag::{Diagnostic, Label};
use yusuan_core::money::Fen;
use yusuan_core::source::SourceRef;

/// A finding of the rule's own severity at `at`.
pub fn finding(meta: &RuleMeta, message: String, at: SourceRef) -> Diagnostic {
    Diagnostic::new(meta.id, meta.severity, message, Label::at(at, ""))
}

/// An exact amount as 万元 with two decimals.
pub fn wan(f: Fen) -> String {
    f.to_wan2().to_string()
}

/// Every free text of a document — the budget source's texts when checking a source (its
/// narrative is generated from them, so they are where a wording problem must be fixed), the
/// narrative's sentences when checking a published text — with where it was written and what
/// it is, for the wording rules.
pub fn all_texts(cx: &crate::engine::Cx<'_>) -> Vec<(String, SourceRef, String)> {
    if let Some(b) = cx.budget {
        return texts(b);
    }
    crate::rules::narrative::sentences(&cx.disclosure.narrative)
        .into_iter()
        .map(|(_, s)| (s.text.clone(), s.source.clone(), "情况说明".to_string()))
        .collect()
}

/// Every free text of a budget with where it was written and what it is.
pub fn texts(b: &Budget) -> Vec<(String, SourceRef, String)> {
    let mut out = Vec::new();
    let d = &b.department;
    let at = |spans: &yusuan_core::budget::FieldSpans, key: &str, fallback: &SourceRef| {
        spans.or(key, fallback).clone()
    };
    out.push((
        d.name.clone(),
        at(&d.spans, "name", &d.source),
        "部门名称".to_string(),
    ));
    out.push((
        d.functions.clone(),
        at(&d.spans, "functions", &d.source),
        "主要职能".to_string(),
    ));
    for o in &d.offices {
        out.push((
            o.clone(),
            at(&d.spans, "offices", &d.source),
            "内设机构".to_string(),
        ));
    }
    for p in &b.projects {
        out.push((
            p.name.clone(),
            at(&p.spans, "name", &p.source),
            format!("项目“{}”的名称", p.name),
        ));
        for (key, text, what) in [
            ("basis", &p.basis, "设立的政策依据"),
            ("executor", &p.executor, "项目承担单位"),
            ("purpose", &p.purpose, "资金分配情况"),
        ] {
            out.push((
                text.clone(),
                at(&p.spans, key, &p.source),
                format!("项目“{}”的{what}", p.name),
            ));
        }
        if let Some(u) = &p.carry_over_use {
            out.push((
                u.clone(),
                at(&p.spans, "carry_over_use", &p.source),
                format!("项目“{}”的结转资金用途", p.name),
            ));
        }
        for a in &p.allocation {
            out.push((
                a.label.clone(),
                a.source.clone(),
                format!("项目“{}”的资金分配项", p.name),
            ));
        }
        if let Some(perf) = &p.performance {
            out.push((
                perf.goal.clone(),
                at(&p.spans, "performance", &p.source),
                format!("项目“{}”的总体目标", p.name),
            ));
            for i in &perf.indicators {
                out.push((
                    i.name.clone(),
                    i.source.clone(),
                    format!("项目“{}”的绩效指标", p.name),
                ));
            }
        }
    }
    for c in &b.comparisons {
        if let Some(r) = &c.reason {
            out.push((
                r.clone(),
                at(&c.spans, "reason", &c.source),
                format!("“{}”的变动原因", c.subject.key()),
            ));
        }
    }
    if let Some(o) = &b.overall_performance {
        out.push((
            o.goal.clone(),
            at(&o.spans, "goal", &o.source),
            "部门整体绩效目标".to_string(),
        ));
        for i in &o.indicators {
            out.push((
                i.name.clone(),
                i.source.clone(),
                "部门整体绩效指标".to_string(),
            ));
        }
    }
    let n = &b.notes;
    for (code, text) in &n.class_usage {
        out.push((
            text.clone(),
            at(&n.spans, "class_usage", &SourceRef::None),
            format!("{code} 类支出用途"),
        ));
    }
    if let Some(t) = &n.other_matters {
        out.push((
            t.clone(),
            at(&n.spans, "other_matters", &SourceRef::None),
            "其他需说明的事项".to_string(),
        ));
    }
    out.retain(|(t, at, _)| !t.trim().is_empty() && *at != SourceRef::None);
    out
}
