//! Charts as SVG, drawn here (no script, no library): bars of a figure over the years. Text in
//! the SVG is escaped; amounts arrive as exact fen and are scaled with integer arithmetic.

/// Escapes text for XML.
pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A bar's height: `fen` scaled to `max` over `room`; none for a negative or absent amount.
fn height(fen: i64, max: i64, room: i64) -> i64 {
    if fen > 0 {
        i64::try_from(i128::from(fen) * i128::from(room) / i128::from(max.max(1))).unwrap_or(0)
    } else {
        0
    }
}

/// One bar at `x` standing on `base`, `h` high, with its tooltip and its value above it.
fn bar(
    s: &mut String,
    (x, width, h, base): (i64, i64, i64, i64),
    class: &str,
    tip: &str,
    shown: &str,
) {
    s.push_str(&format!(
        r#"<rect x="{x}" y="{}" width="{width}" height="{h}" class="{class}"><title>{}</title></rect>"#,
        base - h,
        esc(tip)
    ));
    s.push_str(&format!(
        r#"<text x="{}" y="{}" class="bar-value" text-anchor="middle">{}</text>"#,
        x + width / 2,
        base - h - 6,
        esc(shown)
    ));
}

/// A bar chart: one bar per (label, fen, shown value), scaled to the largest. Negative or
/// absent amounts draw no bar.
pub(crate) fn bars(title: &str, bars: &[(String, i64, String)]) -> String {
    const W: i64 = 640;
    const H: i64 = 240;
    const TOP: i64 = 50;
    const BOTTOM: i64 = 40;
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let n = i64::try_from(bars.len()).unwrap_or(1).max(1);
    let slot = (W - 40) / n;
    let width = (slot * 3 / 5).clamp(8, 120);
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-label="{t}"><title>{t}</title><text x="20" y="22" class="chart-title">{t}</text>"#,
        t = esc(title)
    );
    let base = H - BOTTOM;
    s.push_str(&format!(
        r#"<line x1="20" y1="{base}" x2="{}" y2="{base}" class="axis"/>"#,
        W - 20
    ));
    for (i, (label, fen, shown)) in bars.iter().enumerate() {
        let i = i64::try_from(i).unwrap_or(0);
        let x = 20 + i * slot + (slot - width) / 2;
        let h = height(*fen, max, base - TOP);
        bar(
            &mut s,
            (x, width, h, base),
            "bar",
            &format!("{label} {shown}"),
            shown,
        );
        s.push_str(&format!(
            r#"<text x="{}" y="{}" class="bar-label" text-anchor="middle">{}</text>"#,
            x + width / 2,
            base + 20,
            esc(label)
        ));
    }
    s.push_str("</svg>");
    s
}

/// One bar's amount (fen) and the text shown for it.
pub(crate) type Bar = (i64, String);

/// A grouped bar chart: per group (a year), one bar per series (预算, 决算) where it has a
/// value, scaled to the largest, with a legend naming the series. Series `k` is drawn with
/// class `bar s{k}`.
pub(crate) fn grouped(
    title: &str,
    series: &[&str],
    groups: &[(String, Vec<Option<Bar>>)],
) -> String {
    const W: i64 = 640;
    const H: i64 = 260;
    const TOP: i64 = 60;
    const BOTTOM: i64 = 40;
    let max = groups
        .iter()
        .flat_map(|g| g.1.iter().flatten().map(|v| v.0))
        .max()
        .unwrap_or(0)
        .max(1);
    let n = i64::try_from(groups.len()).unwrap_or(1).max(1);
    let k = i64::try_from(series.len()).unwrap_or(1).max(1);
    let slot = (W - 40) / n;
    let width = (slot * 3 / 5 / k).clamp(6, 80);
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-label="{t}"><title>{t}</title><text x="20" y="22" class="chart-title">{t}</text>"#,
        t = esc(title)
    );
    for (i, name) in series.iter().enumerate() {
        let x = W - 20 - 70 * (k - i64::try_from(i).unwrap_or(0));
        s.push_str(&format!(
            r#"<rect x="{x}" y="32" width="12" height="12" class="bar s{i}"/><text x="{}" y="43" class="legend">{}</text>"#,
            x + 16,
            esc(name)
        ));
    }
    let base = H - BOTTOM;
    s.push_str(&format!(
        r#"<line x1="20" y1="{base}" x2="{}" y2="{base}" class="axis"/>"#,
        W - 20
    ));
    for (gi, (label, values)) in groups.iter().enumerate() {
        let gi = i64::try_from(gi).unwrap_or(0);
        let left = 20 + gi * slot + (slot - width * k) / 2;
        for (si, v) in values.iter().enumerate() {
            let Some((fen, shown)) = v else { continue };
            let x = left + i64::try_from(si).unwrap_or(0) * width;
            let h = height(*fen, max, base - TOP);
            let name = series.get(si).copied().unwrap_or_default();
            let tip = format!("{label} {name} {shown}");
            bar(
                &mut s,
                (x, width, h, base),
                &format!("bar s{si}"),
                &tip,
                shown,
            );
        }
        s.push_str(&format!(
            r#"<text x="{}" y="{}" class="bar-label" text-anchor="middle">{}</text>"#,
            left + width * k / 2,
            base + 20,
            esc(label)
        ));
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_bars_draw_each_series_where_it_has_a_value() {
        let svg = grouped(
            "支出合计（万元）：预算与决算",
            &["预算", "决算"],
            &[
                ("2024".into(), vec![None, Some((200, "2.00".into()))]),
                ("2025".into(), vec![Some((100, "1.00".into())), None]),
            ],
        );
        // A legend naming both series, one bar each where a value is: the 决算 of 2024 the
        // full height (260 − 40 − 60 = 160), the 预算 of 2025 half of it.
        assert!(
            svg.contains(">预算</text>") && svg.contains(">决算</text>"),
            "{svg}"
        );
        assert!(svg.contains(r#"height="160" class="bar s1""#), "{svg}");
        assert!(svg.contains(r#"height="80" class="bar s0""#), "{svg}");
        assert_eq!(svg.matches("<rect").count(), 4, "{svg}");
    }

    #[test]
    fn bars_scale_to_the_largest_and_escape_their_text() {
        let svg = bars(
            "支出合计 <按年>",
            &[
                ("2024".into(), 100, "1.00".into()),
                ("2025".into(), 50, "0.50".into()),
                ("<x>".into(), -3, "-0.03".into()),
            ],
        );
        assert!(svg.contains("支出合计 &lt;按年&gt;"));
        assert!(svg.contains("&lt;x&gt;"));
        assert!(!svg.contains("<x>"));
        // The largest bar is the full height (240 − 40 − 50 = 150), the half one half.
        assert!(svg.contains(r#"height="150""#), "{svg}");
        assert!(svg.contains(r#"height="75""#), "{svg}");
        assert!(svg.contains(r#"height="0""#), "{svg}");
    }
}
