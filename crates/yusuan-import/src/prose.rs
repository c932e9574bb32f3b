//! The prose parts of a published text the checks need: the profile's staff figures
//! (第一部分), the projects' budgets and itemised uses (情况说明 七), and the performance
//! target tables' headers (department name, money lines).

use yusuan_core::catalog::{Catalog, LATEST_YEAR};
use yusuan_core::codes::EconCode;
use yusuan_core::disclosure::{
    AllocationLine, ClaimKind, Narrative, PerformanceKind, PerformanceTable, PrintedStaff,
    ProjectStatement,
};
use yusuan_core::money::{MoneyUnit, Unit, parse_printed};
use yusuan_core::source::SourceRef;

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The first integer after `key` in `s` (spaces skipped).
fn int_after(s: &str, key: &str) -> Option<(i64, usize)> {
    let at = s.find(key)? + key.len();
    let rest = &s[at..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let n = digits.parse().ok()?;
    Some((n, at + digits.len()))
}

/// 人员情况 from the profile: “编制数 15，实有人数 20人，其中：在职 14人，增加 0人；退休 6人，
/// 增加 0 人；离休 0人，增加 0人。” (broken over lines as the text gives it).
pub fn staff(text: &str) -> PrintedStaff {
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = lines.iter().position(|l| squash(l).contains("编制数")) else {
        return PrintedStaff::default();
    };
    let mut s = String::new();
    for l in &lines[start..lines.len().min(start + 12)] {
        s.push_str(&squash(l));
        if s.contains("离休") && s[s.find("离休").unwrap_or(0)..].contains('。') {
            break;
        }
    }
    let change = |s: &str, who: &str| -> Option<i32> {
        let at = s.find(who)?;
        let rest = &s[at..];
        let end = rest.find(['；', '。']).unwrap_or(rest.len());
        let part = &rest[..end];
        let (n, sign) = if let Some((n, _)) = int_after(part, "增加") {
            (n, 1)
        } else {
            (int_after(part, "减少")?.0, -1)
        };
        i32::try_from(n * sign).ok()
    };
    let count = |key: &str| int_after(&s, key).and_then(|(n, _)| u32::try_from(n).ok());
    PrintedStaff {
        authorized: count("编制数"),
        actual: count("实有人数"),
        in_service: count("在职"),
        retired: count("退休"),
        lixiu: count("离休"),
        in_service_change: change(&s, "在职"),
        retired_change: change(&s, "退休"),
        lixiu_change: change(&s, "离休"),
        source: SourceRef::Line {
            page: None,
            line: start + 1,
        },
    }
}

/// The economic 款 name a label names (the longest that ends it, or that it begins).
fn econ_name_in(label: &str) -> Option<String> {
    let cat = Catalog::get();
    let mut best: Option<String> = None;
    for (class, _) in cat.economic_classes(LATEST_YEAR) {
        for k in 0..100u8 {
            let Some(name) =
                cat.economic_name(EconCode::kuan_of(class.class_number(), k), LATEST_YEAR)
            else {
                continue;
            };
            let hit =
                label.ends_with(name) || (label.chars().count() >= 3 && name.starts_with(label));
            if hit
                && best
                    .as_ref()
                    .is_none_or(|b| b.chars().count() < name.chars().count())
            {
                best = Some(name.to_string());
            }
        }
    }
    best
}

/// Each project the narrative describes: “项目名称：X” … “预算安排规模：N 万元” … “资金分配情况：
/// 差旅费 0.5 万元、…”.
pub fn projects(n: &Narrative) -> Vec<ProjectStatement> {
    let mut out = Vec::new();
    for s in &n.sections {
        for sub in &s.subsections {
            let title = squash(&sub.title);
            let Some(name) = title
                .strip_prefix("项目名称：")
                .or_else(|| title.strip_prefix("项目名称:"))
            else {
                continue;
            };
            let mut p = ProjectStatement {
                name: name.to_string(),
                scale: None,
                allocation: Vec::new(),
                source: sub.source.clone(),
            };
            for sentence in &sub.sentences {
                let chars: Vec<char> = sentence.text.chars().collect();
                let text: String = chars.iter().collect();
                let alloc_from = text.find("资金分配").map(|b| text[..b].chars().count());
                for c in &sentence.claims {
                    let ClaimKind::Amount { value } = c.kind else {
                        continue;
                    };
                    let subject = squash(&c.subject);
                    if subject.ends_with("预算安排规模") && p.scale.is_none() {
                        p.scale = Some(value);
                    } else if alloc_from.is_some_and(|a| c.at.0 > a) {
                        // The item is the last piece of the clause: “…用于差旅费”, “、委托业务费”.
                        let piece = subject.rsplit(['、', '，', ',']).next().unwrap_or(&subject);
                        let piece = piece.rsplit("用于").next().unwrap_or(piece).to_string();
                        let label = econ_name_in(&piece)
                            .filter(|n| piece.ends_with(n.as_str()))
                            .unwrap_or(piece);
                        p.allocation.push(AllocationLine {
                            label,
                            amount: value,
                            source: sentence.source.clone(),
                        });
                    }
                }
            }
            out.push(p);
        }
    }
    out
}

/// A performance table of `kind` with nothing read yet, at line `line` (0-based).
fn blank(kind: PerformanceKind, line: usize) -> PerformanceTable {
    PerformanceTable {
        kind,
        unit: String::new(),
        project: None,
        contact: None,
        phone: None,
        funds: Vec::new(),
        goal: String::new(),
        indicators: Vec::new(),
        source: SourceRef::Line {
            page: None,
            line: line + 1,
        },
    }
}

/// The performance target tables' headers: the 部门整体绩效目标表's department name and money
/// lines, and each 项目支出绩效目标表's project, unit and money lines.
pub fn performance(text: &str) -> Vec<PerformanceTable> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let money = |s: &str| parse_printed(s, Unit::Money(MoneyUnit::Wan));
    for (i, l) in lines.iter().enumerate() {
        let sq = squash(l);
        let title = crate::narrative::performance_title(&sq);
        if title == Some("部门整体绩效目标表") {
            let mut t = blank(PerformanceKind::Overall, i);
            for (k, m) in lines.iter().enumerate().skip(i + 1).take(60) {
                let s = squash(m);
                if let Some(rest) = s
                    .strip_prefix("部门名称（盖章）")
                    .or_else(|| s.strip_prefix("部门名称(盖章)"))
                {
                    t.unit = rest.to_string();
                    t.source = SourceRef::Line {
                        page: None,
                        line: k + 1,
                    };
                }
                // “上级安排 0.00” as printed, or “上级安排（万元） 0.00” as yusuan writes it.
                let amount_after = |key: &str| {
                    s.strip_prefix(key)
                        .and_then(|v| money(v.strip_prefix("（万元）").unwrap_or(v)))
                };
                for (key, label) in [
                    ("资金总额", "资金总额"),
                    ("上级安排", "财政资金/上级安排"),
                    ("本级安排", "财政资金/本级安排"),
                ] {
                    if let Some(v) = amount_after(key) {
                        t.funds.push((label.to_string(), v));
                    }
                }
                if let Some(v) = s
                    .rsplit_once("其他")
                    .and_then(|(_, v)| money(v))
                    .or_else(|| amount_after("其他资金"))
                    && s.starts_with("其他资金")
                {
                    t.funds.push(("其他资金".to_string(), v));
                }
                if s.starts_with("一级指标") {
                    break;
                }
            }
            out.push(t);
        } else if title == Some("项目支出绩效目标表") {
            let mut t = blank(PerformanceKind::Project, i);
            let mut numbers: Vec<yusuan_core::money::Printed> = Vec::new();
            let mut after_total = false;
            for m in lines.iter().skip(i + 1).take(30) {
                let s = squash(m);
                if let Some(rest) = s.strip_prefix("预算单位") {
                    t.unit = rest.to_string();
                }
                if let Some(rest) = s.strip_prefix("项目名称") {
                    let name = rest.split("项目负责人").next().unwrap_or(rest);
                    t.project = Some(name.to_string());
                    t.contact = rest.split("项目负责人").nth(1).map(str::to_string);
                }
                if s.starts_with("年度预算总额") {
                    after_total = true;
                }
                if after_total {
                    numbers.extend(m.split_whitespace().filter_map(money));
                }
                if s.starts_with("项目总体目标") {
                    break;
                }
            }
            for (label, v) in ["年度预算总额", "财政拨款", "其他资金"].iter().zip(numbers)
            {
                t.funds.push((label.to_string(), v));
            }
            out.push(t);
        }
    }
    out
}
