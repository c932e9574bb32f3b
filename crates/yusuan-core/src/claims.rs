//! The figures a Chinese budget sentence states — amounts (… 万元), shares (占 x%), changes
//! against last year (比上年增加/减少 x 万元), growth rates (增长/下降 x%), headcounts (x 人) —
//! each with the subject it is about. Pure text analysis: the narrative reader and the
//! narrative generator share it, so what is generated reads back the same.

use crate::disclosure::{Claim, ClaimKind, Direction};
use crate::money::{MoneyUnit, Printed, Unit, parse_printed};

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

/// 比较基数的口径 — what a comparison is made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Period {
    /// 上年预算 / 上年年初预算 / 上年预算数
    PriorBudget,
    /// 上年执行数 / 预算执行数 / 预计执行数
    PriorExecution,
    /// 上年决算
    PriorFinal,
    /// 年初预算 (in a 决算: the year's own opening budget)
    OpeningBudget,
    /// 上年, with nothing said of which figure
    Prior,
}

impl Period {
    /// The words a comparison clause uses for it.
    pub fn label(self) -> &'static str {
        match self {
            Period::PriorBudget => "上年预算",
            Period::PriorExecution => "上年执行数",
            Period::PriorFinal => "上年决算",
            Period::OpeningBudget => "年初预算",
            Period::Prior => "上年",
        }
    }
}

/// 比较基数 — what a statement compares itself with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Comparison {
    /// Which figure.
    pub period: Period,
    /// The year it names (`比2025年年初预算`), when it names one.
    pub year: Option<i32>,
    /// The base amount, when the sentence states it (`比上年预算 B 万元`).
    pub amount: Option<Printed>,
}

/// 陈述 — one statement about an amount, with everything the sentence adds to it: its share,
/// what it is compared with, the change, the rate, 持平, and the reason.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Statement {
    /// What it is about, as the sentence names it.
    pub subject: String,
    /// The amount.
    pub amount: Printed,
    /// 占…%
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Printed>,
    /// 比（较、与）…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compared_with: Option<Comparison>,
    /// 增加（减少）… 万元
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<(Printed, Direction)>,
    /// 增长（下降）…%
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<(Printed, Direction)>,
    /// 持平 (or 相同): no change, said in words.
    pub flat: bool,
    /// 主要原因是… (the text after it; empty when the sentence announces a reason and gives none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The comparison a clause makes (`比2025年年初预算数`, `较上年`, `与上年预算数相同`).
fn comparison(clause: &str) -> Option<Comparison> {
    let c: String = clause.chars().filter(|c| !c.is_whitespace()).collect();
    let at = ["比", "较", "与", "同"]
        .iter()
        .filter_map(|w| c.find(w))
        .min()?;
    let c = &c[at..];
    let period = if c.contains("执行") {
        Period::PriorExecution
    } else if c.contains("决算") {
        Period::PriorFinal
    } else if c.contains("上年") && c.contains("预算") {
        Period::PriorBudget
    } else if c.contains("年初预算") || c.contains("年初") {
        if c.contains("上年") {
            Period::PriorBudget
        } else {
            Period::OpeningBudget
        }
    } else if c.contains("上年") || c.contains("去年") {
        Period::Prior
    } else if c.contains("预算") {
        Period::PriorBudget
    } else if c.chars().any(|ch| ch.is_ascii_digit()) && c.contains('年') {
        Period::Prior
    } else {
        return None;
    };
    let digits: String = c
        .chars()
        .skip_while(|ch| !ch.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let year = (digits.len() == 4)
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| (1990..=2100).contains(y));
    Some(Comparison {
        period,
        year,
        amount: None,
    })
}

/// The statements of a sentence: each amount with what follows it up to the next amount — its
/// share, comparison (and the base amount the comparison states), change, rate, 持平 — and the
/// sentence's reason for the last of them.
pub fn statements(text: &str, claims: &[Claim]) -> Vec<Statement> {
    let chars: Vec<char> = text.chars().collect();
    let slice = |a: usize, b: usize| -> String {
        chars[a.min(chars.len())..b.min(chars.len())]
            .iter()
            .collect()
    };
    let mut out: Vec<Statement> = Vec::new();
    let mut last_end = 0;
    for c in claims {
        let before = slice(last_end, c.at.0);
        // A reason given before the next figure is the statement's before it.
        if let Some(st) = out.last_mut()
            && st.reason.is_none()
        {
            st.reason = reason_in(&before);
        }
        match &c.kind {
            ClaimKind::Amount { value } => {
                let is_base = {
                    let clause: String = before
                        .rsplit(['，', '：', '；', '。', ',', ';', ':', '、'])
                        .next()
                        .unwrap_or("")
                        .chars()
                        .filter(|ch| !ch.is_whitespace())
                        .collect();
                    clause.starts_with(['比', '较', '与', '同'])
                };
                match out.last_mut() {
                    Some(st) if is_base && st.change.is_none() => {
                        let mut cmp = comparison(&before).unwrap_or(Comparison {
                            period: Period::Prior,
                            year: None,
                            amount: None,
                        });
                        cmp.amount = Some(*value);
                        st.compared_with = Some(cmp);
                    }
                    _ => out.push(Statement {
                        subject: c.subject.clone(),
                        amount: *value,
                        share: None,
                        compared_with: None,
                        change: None,
                        rate: None,
                        flat: false,
                        reason: None,
                    }),
                }
            }
            ClaimKind::Share { value } => {
                if let Some(st) = out.last_mut() {
                    st.share = Some(*value);
                }
            }
            ClaimKind::Change { amount, direction } => {
                if let Some(st) = out.last_mut() {
                    if st.compared_with.is_none() {
                        st.compared_with = comparison(&before);
                    }
                    st.change = Some((*amount, *direction));
                }
            }
            ClaimKind::Rate { value, direction } => {
                if let Some(st) = out.last_mut() {
                    if st.compared_with.is_none() {
                        st.compared_with = comparison(&before);
                    }
                    st.rate = Some((*value, *direction));
                }
            }
            _ => {}
        }
        let b: String = before.chars().filter(|ch| !ch.is_whitespace()).collect();
        if b.contains("持平") || b.contains("相同") {
            // 持平 said before a new amount belongs to the statement before it.
            let n = out.len();
            let k = if n >= 2 && matches!(c.kind, ClaimKind::Amount { .. }) {
                n - 2
            } else {
                n.saturating_sub(1)
            };
            if let Some(st) = out.get_mut(k) {
                st.flat = true;
            }
        }
        last_end = c.at.1;
    }
    let rest: String = slice(last_end, chars.len());
    let squeezed: String = rest.chars().filter(|ch| !ch.is_whitespace()).collect();
    if let Some(st) = out.last_mut() {
        if squeezed.contains("持平") || squeezed.contains("相同") {
            if st.compared_with.is_none() {
                st.compared_with = comparison(&squeezed);
            }
            st.flat = true;
        }
        if st.reason.is_none() {
            st.reason = reason_in(&rest);
        }
    }
    out
}

/// The reason a stretch of a sentence gives (`主要原因是：人员经费收入增加；` → the text after
/// the mark, to the clause's end); `Some("")` when it announces one and gives none.
fn reason_in(text: &str) -> Option<String> {
    let squeezed: String = text.chars().filter(|ch| !ch.is_whitespace()).collect();
    for mark in ["主要原因是", "原因是", "主要是由于", "主要是因为", "主要是"]
    {
        if let Some(i) = squeezed.find(mark) {
            let after = squeezed[i + mark.len()..].trim_start_matches([':', '：']);
            let end = after.find(['；', ';', '。']).unwrap_or(after.len());
            return Some(after[..end].to_string());
        }
    }
    None
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

    use super::{Period, statements};

    fn one(text: &str) -> super::Statement {
        let st = statements(text, &claims(text));
        assert_eq!(st.len(), 1, "{text}: {st:#?}");
        st.into_iter().next().unwrap()
    }

    #[test]
    fn statements_in_each_familys_words() {
        // Quanzhou: amount, change against 上年, reason.
        let s = one(
            "2026 年,泉州市人民政府办公室部门收入预算为15184.81 万元，比上年增加 4385.72 万元，主要原因是本年新增市行政中心三年保安服务采购预算。",
        );
        assert_eq!(s.amount.to_string(), "15184.81");
        assert_eq!(s.compared_with.as_ref().unwrap().period, Period::Prior);
        assert_eq!(s.change.unwrap().0.to_string(), "4385.72");
        assert_eq!(
            s.reason.as_deref(),
            Some("本年新增市行政中心三年保安服务采购预算")
        );
        // Beijing: the base amount stated, with its year and kind.
        let s = one("收入预算32852.05万元，比2025年年初预算数30385.62万元增加2466.43万元。");
        let cmp = s.compared_with.unwrap();
        assert_eq!((cmp.period, cmp.year), (Period::OpeningBudget, Some(2025)));
        assert_eq!(cmp.amount.unwrap().to_string(), "30385.62");
        assert_eq!(s.change.unwrap().0.to_string(), "2466.43");
        // Shenzhen: 较…年初预算, a rate.
        let s = one(
            "2026年本单位机关运行经费财政拨款预算3,383.98万元，较2025年年初预算增加26.48万元，增长0.8%。",
        );
        assert_eq!(s.compared_with.unwrap().year, Some(2025));
        assert_eq!(s.rate.unwrap().0.to_string(), "0.8");
        // Wuxi: 与上年预算数相同 — 持平 in other words.
        let s = one("（2）政府性基金预算拨款收入 0 万元，与上年预算数相同。");
        assert!(s.flat);
        assert_eq!(s.compared_with.unwrap().period, Period::PriorBudget);
        // Suzhou: 持平 with a reason announced.
        let s = one(
            "因公出国（境）费32.00 万元，比上年增加 0.00 万元，增长 0.00%，与上年持平。主要原因是:本年没有出国出境经费",
        );
        assert!(s.flat);
        assert_eq!(s.reason.as_deref(), Some("本年没有出国出境经费"));
        // Xi'an 2026: a reason in the middle of a sentence belongs to the statement before it.
        let text = "本部门当年预算收入9,216.51万元，较上年增加208.95万元，增长2.32%，增长的主要原因是：人员经费收入增加；本部门当年预算支出9,216.51万元。";
        let st = statements(text, &claims(text));
        assert_eq!(st[0].reason.as_deref(), Some("人员经费收入增加"));
        assert_eq!(st[1].reason, None);
        // Yantai: a reason announced and not given.
        let s = one("“三公”经费预算24.6万元，比上年减少2.7万元，下降9.88％。主要原因是");
        assert_eq!(s.reason.as_deref(), Some(""));
        // Shanghai 决算: against the year before by number.
        let s = one("机关运行经费支出10.23万元，比2023年度增加10.23万元。");
        assert_eq!(s.compared_with.unwrap().year, Some(2023));
        // Xi'an: against the execution figure.
        let s = one("2021年本部门当年一般公共预算会议费32万元，较上年执行数减少14.2万元。");
        assert_eq!(s.compared_with.unwrap().period, Period::PriorExecution);
    }

    #[test]
    fn a_list_of_amounts_is_a_statement_each() {
        let text = "其中：基本支出5915.38万元、项目支出9269.43万元。";
        let st = statements(text, &claims(text));
        assert_eq!(st.len(), 2);
        assert_eq!(st[1].subject, "项目支出");
    }
}
