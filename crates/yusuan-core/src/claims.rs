//! The figures a Chinese budget sentence states — amounts (… 万元), shares (占 x%), changes
//! against last year (比上年增加/减少 x 万元), growth rates (增长/下降 x%), headcounts (x 人) —
//! each with the subject it is about. Pure text analysis: the narrative reader and the
//! narrative generator share it, so what is generated reads back the same.

use crate::disclosure::{Claim, ClaimKind, Direction};
use crate::money::{MoneyUnit, Unit, parse_printed};

/// A number in the text: its character range and its digits.
struct Num {
    start: usize,
    end: usize,
    text: String,
}

fn numbers(chars: &[char]) -> Vec<Num> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            let mut text = String::new();
            while i < chars.len() {
                let c = chars[i];
                let digit_after = |k: usize| chars.get(k).is_some_and(|c| c.is_ascii_digit());
                let decimal_point = c == '.' && digit_after(i + 1) && !text.contains('.');
                if c.is_ascii_digit() || decimal_point {
                    text.push(c);
                } else if c == ','
                    && !text.contains('.')
                    && (1..=3).all(|k| digit_after(i + k))
                    && !digit_after(i + 4)
                {
                    // a thousands separator: 1,480.74 (not the comma between two numbers)
                } else {
                    break;
                }
                i += 1;
            }
            out.push(Num {
                start,
                end: i,
                text,
            });
        } else {
            i += 1;
        }
    }
    out
}

/// The clause a position is in: from the last `，：；。` before it, or from the `、` that ends the
/// item before it in a list of amounts (`基本支出5915.38万元、项目支出9269.43万元`).
fn clause_before(chars: &[char], pos: usize) -> String {
    // A list item may follow an amount with no mark at all (`…32365.09万元1.一般公共预算…`).
    let start = (0..pos)
        .rev()
        .find(|&k| {
            "，：；。,;:".contains(chars[k])
                || chars[k] == '、' && k > 0 && matches!(chars[k - 1], '元' | '%' | '％')
                || chars[k] == '元' && k + 1 < pos && chars[k + 1].is_ascii_digit()
        })
        .map_or(0, |k| k + 1);
    chars[start..pos].iter().collect()
}

/// What follows a number, spaces skipped.
fn unit_after(chars: &[char], end: usize) -> (String, usize) {
    let mut k = end;
    while k < chars.len() && chars[k] == ' ' {
        k += 1;
    }
    let rest: String = chars[k..chars.len().min(k + 2)].iter().collect();
    (rest, k)
}

/// Cleans a clause into the subject it names: `其中：一般公共预算 ` → `一般公共预算`.
fn subject_of(clause: &str) -> String {
    let mut s = clause
        .trim()
        .trim_start_matches("其中")
        .trim_start_matches('：')
        .trim()
        .to_string();
    for suffix in ["预算数为", "为", "共计"] {
        if let Some(t) = s.strip_suffix(suffix)
            && !t.trim().is_empty()
        {
            s = t.trim().to_string();
        }
    }
    // Items like "1、一般公共服务支出（类）" keep their name, not their number; a code
    // (`2010301-行政运行`) is kept.
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let numbered = digits > 0
        && digits <= 2
        && s.chars()
            .nth(digits)
            .is_some_and(|c| matches!(c, '、' | '．' | '.'));
    let s = if numbered {
        s.chars().skip(digits + 1).collect()
    } else {
        s
    };
    s.trim().to_string()
}

/// Drops a leading year (`2025 年`) from a subject.
fn strip_year(s: &str) -> String {
    let t = s
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    // subject_of already drops leading digits, so a bare leading 年 is a year's remains.
    match t.strip_prefix('年') {
        Some(rest) => rest.trim().to_string(),
        None => s.trim().to_string(),
    }
}

/// The claims of a sentence.
pub fn claims(text: &str) -> Vec<Claim> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Claim> = Vec::new();
    let mut subject = String::new();
    for n in numbers(&chars) {
        let (unit, k) = unit_after(&chars, n.end);
        let clause = clause_before(&chars, n.start);
        let direction = if clause.contains("增加") || clause.contains("增长") {
            Some(Direction::Increase)
        } else if clause.contains("减少") || clause.contains("下降") {
            Some(Direction::Decrease)
        } else {
            None
        };
        let at = (n.start, k + unit.chars().count().min(2));
        // Amounts in 万元, or in 元 (some documents state small sums, or all, in 元).
        let money = if unit.starts_with("万元") {
            Some(MoneyUnit::Wan)
        } else if unit.starts_with('元') {
            Some(MoneyUnit::Yuan)
        } else {
            None
        };
        if let Some(money) = money {
            let Some(p) = parse_printed(&n.text, Unit::Money(money)) else {
                continue;
            };
            let trimmed = clause.trim_end();
            let is_change =
                clause.contains("比上年") || ["增加", "减少"].iter().any(|w| trimmed.ends_with(w));
            match (is_change, direction) {
                (true, Some(direction)) => {
                    // “因公出国（境）费增加 0.00 万元”, “…经费预算比上年预算增加 0.00 万元”: a
                    // subject named in the clause itself replaces the running one.
                    // (“比2023年度增加…” names no subject: the comparison starts at 比.)
                    let cut = clause
                        .find("比上年")
                        .or_else(|| clause.find('比'))
                        .or_else(|| clause.rfind("增加"))
                        .or_else(|| clause.rfind("减少"))
                        .unwrap_or(0);
                    let named = strip_year(&subject_of(&clause[..cut]));
                    if !named.is_empty() {
                        subject = named;
                    }
                    out.push(Claim {
                        subject: subject.clone(),
                        kind: ClaimKind::Change {
                            amount: p,
                            direction,
                        },
                        at,
                    })
                }
                _ => {
                    subject = subject_of(&clause);
                    // “…（项）：2025 年预算数为 184.78 万元”: the subject is the clause before.
                    let raw = clause.trim();
                    let year_led = raw.chars().take(4).all(|c| c.is_ascii_digit())
                        && raw.chars().skip(4).find(|c| *c != ' ') == Some('年');
                    if subject.is_empty() || year_led {
                        let start = chars[..n.start]
                            .iter()
                            .rposition(|c| "，：；。,;:".contains(*c))
                            .unwrap_or(0);
                        let before = clause_before(&chars, start);
                        if !before.trim().is_empty() {
                            subject = subject_of(&before);
                        }
                    }
                    out.push(Claim {
                        subject: subject.clone(),
                        kind: ClaimKind::Amount { value: p },
                        at,
                    });
                }
            }
        } else if unit.starts_with('%') || unit.starts_with('％') {
            let Some(p) = parse_printed(&n.text, Unit::Percent) else {
                continue;
            };
            if clause.trim_end().ends_with('占') || clause.contains('占') && direction.is_none() {
                out.push(Claim {
                    subject: subject.clone(),
                    kind: ClaimKind::Share { value: p },
                    at,
                });
            } else if let Some(direction) = direction {
                out.push(Claim {
                    subject: subject.clone(),
                    kind: ClaimKind::Rate {
                        value: p,
                        direction,
                    },
                    at,
                });
            }
        } else if unit.starts_with('人')
            && !unit.starts_with("人次")
            && let Ok(count) = n.text.parse::<i64>()
        {
            let signed = if direction == Some(Direction::Decrease) {
                -count
            } else {
                count
            };
            out.push(Claim {
                subject: subject_of(&clause),
                kind: ClaimKind::Headcount {
                    count: signed,
                    change: direction.is_some(),
                },
                at,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::claims;
    use crate::disclosure::ClaimKind;

    fn amounts(text: &str) -> Vec<(String, String)> {
        claims(text)
            .into_iter()
            .filter_map(|c| match c.kind {
                ClaimKind::Amount { value } => Some((c.subject, value.to_string())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn each_item_of_a_list_of_amounts_is_its_own_subject() {
        // Quanzhou: items separated by 、 after their amounts.
        assert_eq!(
            amounts("其中：基本支出5915.38万元、项目支出9269.43万元、事业单位经营支出0.00万元。"),
            [
                ("基本支出".to_string(), "5915.38".to_string()),
                ("项目支出".to_string(), "9269.43".to_string()),
                ("事业单位经营支出".to_string(), "0.00".to_string())
            ]
        );
        // Beijing: a heading's amount run into the numbered items under it.
        assert_eq!(
            amounts("本年财政拨款收入32365.09万元1.一般公共预算拨款收入32365.09万元"),
            [
                ("本年财政拨款收入".to_string(), "32365.09".to_string()),
                ("一般公共预算拨款收入".to_string(), "32365.09".to_string())
            ]
        );
    }

    #[test]
    fn a_classification_code_stays_in_the_subject_and_an_item_number_does_not() {
        assert_eq!(
            amounts("2010301-行政运行3452.35万元。"),
            [("2010301-行政运行".to_string(), "3452.35".to_string())]
        );
        assert_eq!(
            amounts("3.公务接待费9.54万元。"),
            [("公务接待费".to_string(), "9.54".to_string())]
        );
    }
}
