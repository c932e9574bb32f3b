//! N010 年份与预算年度一致

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::{all_texts, finding};
use yusuan_core::diag::{Diagnostic, Severity};

/// N010
pub struct N010;

static META: RuleMeta = RuleMeta {
    id: "N010",
    family: Family::Narrative,
    template: None,
    severity: Severity::Error,
    title: "年份与预算年度一致",
    what: "文字中的年份应与预算年度相符：“YYYY 年预算／收支／一般公共预算／财政拨款”是本年度；“比 YYYY 年”和“截至 YYYY 年底（末）”是上一年度。在比较或说明原因的分句中写上一年度的预算（“原因是 2024 年预算无此项”）不算遗留。",
    why: "套用往年说明而未改年份，是公开文件中最常见的错误之一；2026 年预算应与 2025 年比较。",
    example: "2025 年预算中写“截至 2023 年底”占用国有资产：年份错误。参考例为“截至 2024 年底”，一致。",
    basis: "《地方预决算公开操作规程》：公开内容应真实、准确。",
    fixture: Fixture {
        base: Base::ReferenceText,
        // Last year's budget named in a comparison or a reason is not a year left over.
        pass: &[(
            "基本支出253.74万元，占52.78%，比上年预算增加6.26万元，增长2.53%",
            "基本支出253.74万元，占52.78%，比2024年预算增加6.26万元，增长2.53%，原因是2024年预算未含此项",
        )],
        fail: &[
            ("截至 2024 年底", "截至 2023 年底"),
            // …but in a clause of its own it is this year's.
            (
                "基本支出253.74万元，占52.78%，比上年预算增加6.26万元，增长2.53%",
                "2024年预算基本支出253.74万元，占52.78%，比上年预算增加6.26万元，增长2.53%",
            ),
        ],
    },
};

/// Every year written in `text` (`2025 年`, `2025年`) with the words before and after it.
pub(crate) fn years(text: &str) -> Vec<(i32, String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= chars.len() {
        let is_year = chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if !is_year {
            i += 1;
            continue;
        }
        let mut k = i + 4;
        while k < chars.len() && chars[k] == ' ' {
            k += 1;
        }
        if chars.get(k) == Some(&'年') {
            let y: i32 = chars[i..i + 4]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            let before: String = chars[i.saturating_sub(4)..i]
                .iter()
                .filter(|c| **c != ' ')
                .collect();
            let after: String = chars[k + 1..(k + 8).min(chars.len())]
                .iter()
                .filter(|c| **c != ' ')
                .collect();
            out.push((y, before, after));
        }
        i = k.max(i + 1);
    }
    out
}

/// “比 2024 年”, “较2024年”, “与 2024 年相比”, “截至 2024 年底” speak of the year before.
fn last_year_context(before: &str, after: &str) -> bool {
    ["比", "较", "与", "同"].iter().any(|w| before.ends_with(w))
        || after.contains("相比")
        || after.contains("比较")
        || (before.ends_with("截至") && (after.starts_with('底') || after.starts_with('末')))
}

/// Words that make a sentence a comparison with an earlier year.
const COMPARISON: &[&str] = &[
    "比", "较", "相比", "同比", "上年", "原因", "增加", "减少", "增长", "下降", "持平",
];

/// The clause (between `，；。：` marks) in which the year `y`, between `before` and `after`, is
/// written.
fn clause_of(text: &str, before: &str, y: i32, after: &str) -> String {
    let squashed: String = text.chars().filter(|c| *c != ' ').collect();
    let needle = format!("{before}{y}年{after}");
    let Some(at) = squashed.find(&needle) else {
        return String::new();
    };
    let marks = ['，', '；', '。', '：', ',', ';'];
    let year_at = at + before.len();
    let start = squashed[..year_at].rfind(marks).map_or(0, |k| {
        k + squashed[k..].chars().next().map_or(0, char::len_utf8)
    });
    let end = squashed[year_at..]
        .find(marks)
        .map_or(squashed.len(), |k| year_at + k);
    squashed[start..end].to_string()
}

/// True when the year expected is the budget year.
fn want_is_year(expected: &Option<(i32, &str)>, year: i32) -> bool {
    expected.is_some_and(|(w, _)| w == year)
}

impl Rule for N010 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let year = cx.budget.map_or(cx.disclosure.year, |b| b.year);
        if year == 0 {
            return;
        }
        for (text, at, what) in all_texts(cx) {
            for (y, before, after) in years(&text) {
                let expected = if last_year_context(&before, &after)
                    || (before.ends_with("截至")
                        && (after.starts_with('底') || after.starts_with('末')))
                {
                    Some((year - 1, "上一年度"))
                } else if [
                    "预算",
                    "部门预算",
                    "单位预算",
                    "收支",
                    "一般公共预算",
                    "财政拨款",
                ]
                .iter()
                .any(|w| after.starts_with(w))
                    && !last_year_context(&before, &after)
                {
                    Some((year, "预算年度"))
                } else {
                    None
                };
                // `原因是2025年预算无此内容`, `2025年预算数为…，2026年增加…`: last year's budget
                // named in a comparison is not a year left over.
                let compared = want_is_year(&expected, year)
                    && y == year - 1
                    && COMPARISON
                        .iter()
                        .any(|w| clause_of(&text, &before, y, &after).contains(w));
                if let Some((want, which)) = expected
                    && y != want
                    && !compared
                {
                    out.push(
                            finding(&META, format!("{year} 年预算的{what}写了“{before}{y} 年{after}…”，此处应为{which} {want} 年"), at.clone())
                                .with_help(format!("改为 {want} 年")),
                        );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_years_and_their_context() {
        let y = super::years("截至 2024 年底，2025年预算比2024 年增加");
        assert_eq!(y.len(), 3);
        assert_eq!(
            (y[0].0, y[0].1.as_str(), y[0].2.starts_with('底')),
            (2024, "截至", true)
        );
        assert!(y[1].2.starts_with("预算"));
        assert!(y[2].1.ends_with('比'));
    }
}
