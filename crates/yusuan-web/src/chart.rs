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
    let bar = (slot * 3 / 5).clamp(8, 120);
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
        let x = 20 + i * slot + (slot - bar) / 2;
        let h = if *fen > 0 {
            i64::try_from(i128::from(*fen) * i128::from(base - TOP) / i128::from(max)).unwrap_or(0)
        } else {
            0
        };
        s.push_str(&format!(
            r#"<rect x="{x}" y="{}" width="{bar}" height="{h}" class="bar"><title>{} {}</title></rect>"#,
            base - h,
            esc(label),
            esc(shown)
        ));
        s.push_str(&format!(
            r#"<text x="{}" y="{}" class="bar-value" text-anchor="middle">{}</text>"#,
            x + bar / 2,
            base - h - 6,
            esc(shown)
        ));
        s.push_str(&format!(
            r#"<text x="{}" y="{}" class="bar-label" text-anchor="middle">{}</text>"#,
            x + bar / 2,
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
