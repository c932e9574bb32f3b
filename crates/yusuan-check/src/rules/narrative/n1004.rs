//! N1004 比上年的增减与上年公开的数一致
//!
//! Given last year's document of the same department (`yusuan check FILE --previous LAST`),
//! a sentence that states this year's amount and its change against last year
//! (`部门收入预算为15184.81万元，比上年增加4385.72万元`) is held to the figure last year's
//! document printed for the same subject: this year's amount minus that base must be the
//! change, within what rounding allows.

use super::n1001::{Looked, look_up, targets_of, under_headings};
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::interval;
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{ClaimKind, Direction};

/// N1004
pub struct N1004;

static META: RuleMeta = RuleMeta {
    id: "N1004",
    family: Family::Narrative,
    template: None,
    severity: Severity::Error,
    title: "比上年的增减与上年公开的数一致",
    what: "给出上年同一部门的公开文件时（yusuan check 本年.pdf --previous 上年.pdf）：说明中“本年 A 万元，比上年增加（减少）C 万元”的，在上年文件中按同样的含义找到该项的数 B（收入、支出总额，各项资金，基本、项目支出，“三公”经费及各项，功能分类科目等，与 N1001 相同），A − B 应等于 C（增加）或 −C（减少），允许各数四舍五入造成的误差。比的是执行数、决算数或其他年份的，不核对；上年文件不是上一年度同一阶段（预算对预算、决算对决算）的，本规则不运行。",
    why: "增减额是本年数减上年数；说明中的增减与上年公开的数对不上，不是本年数错了，就是增减算错了，读者据此判断的变化也就错了。",
    example: "泉州市人民政府办公室 2026：“部门收入预算为15184.81万元，比上年增加4385.72万元”，上年（2025）文件收支总表收入总计 10799.09 万元：15184.81 − 10799.09 = 4385.72，一致。",
    basis: "增减额的定义：本年数 − 上年数；《地方预决算公开操作规程》（财预〔2016〕143号）要求说明预算增减变化。",
    fixture: Fixture {
        base: Base::GenericPdfWithPrevious,
        pass: &[],
        fail: &[(
            "9013:50617:15184.81万元，比上年增加 4385.72万元，主要原因是本年",
            "9013:50617:15184.81万元，比上年增加 4485.72万元，主要原因是本年",
        )],
    },
};

/// Words that make a comparison one with another figure than last year's document prints.
const NOT_LAST_YEARS_DOCUMENT: &[&str] = &["执行", "决算", "实际", "调整", "同期", "累计"];

impl Rule for N1004 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(prev) = cx.previous else {
            return;
        };
        let d = cx.disclosure;
        if prev.year != d.year - 1 || prev.stage != d.stage {
            return;
        }
        let last = Cx {
            disclosure: prev,
            budget: None,
            previous: None,
        };
        for (heading, s) in under_headings(&d.narrative.sections) {
            let chars: Vec<char> = s.text.chars().collect();
            // The amounts stated since the last change: a change is read with its amount only
            // when one amount precedes it (`A 万元，比上年增加 C 万元`), not after a list of them.
            let mut amounts = Vec::new();
            for c in &s.claims {
                match &c.kind {
                    ClaimKind::Amount { value } if !super::is_base(&s.text, c.at.0) => {
                        amounts.push((c, *value));
                    }
                    ClaimKind::Change {
                        amount: change,
                        direction,
                    } => {
                        let [(a, value)] = std::mem::take(&mut amounts)[..] else {
                            continue;
                        };
                        // The comparison between the amount and its change: with 上年 (or last
                        // year by number), and not with an execution or final figure.
                        let between: String = chars[a.at.1.min(c.at.0)..c.at.0].iter().collect();
                        let last_year = format!("{}年", d.year - 1);
                        if !(between.contains("上年") || between.contains(&last_year))
                            || NOT_LAST_YEARS_DOCUMENT.iter().any(|w| between.contains(w))
                        {
                            continue;
                        }
                        let Looked::Up(subject, _) = look_up(cx, heading, s, a) else {
                            continue;
                        };
                        let bases = targets_of(&last, &subject, true);
                        if bases.is_empty() {
                            continue;
                        }
                        let (alo, ahi) = interval(Some(&value));
                        let (clo, chi) = interval(Some(change));
                        let (clo, chi) = match direction {
                            Direction::Increase => (clo, chi),
                            Direction::Decrease => (-chi, -clo),
                            // 持平 and 新增 are N1003's and N005's.
                            Direction::Flat | Direction::New => continue,
                        };
                        let agrees = bases.iter().any(|b| {
                            let (blo, bhi) = b.interval();
                            alo - bhi <= chi && clo <= ahi - blo
                        });
                        if agrees {
                            continue;
                        }
                        let b = &bases[0];
                        let (blo, bhi) = b.interval();
                        let mid = |lo: i64, hi: i64| (lo + hi) / 2;
                        let actual = mid(alo, ahi) - mid(blo, bhi);
                        let word = if actual >= 0 { "增加" } else { "减少" };
                        let wan = |fen: i64| {
                            let v = fen.unsigned_abs();
                            format!("{}.{:02}", v / 1_000_000, (v % 1_000_000 + 5_000) / 10_000)
                        };
                        let said = if *direction == Direction::Increase {
                            "增加"
                        } else {
                            "减少"
                        };
                        // (No label into last year's file: a label's place is in this one.)
                        let diag = Diagnostic::new(
                            META.id,
                            META.severity,
                            format!(
                                "说明称“{}”{value} 万元，比上年{said} {change} 万元；上年文件印为 {}（{}），相差应为{word} {} 万元",
                                subject.trim(),
                                b.shown(),
                                b.place(),
                                wan(actual)
                            ),
                            Label::at(s.source.clone(), format!("{said} {change} 万元")),
                        )
                        .with_help("核对本年数、上年数和增减额：增减额 = 本年数 − 上年数");
                        out.push(diag);
                    }
                    _ => {}
                }
            }
        }
    }
}
