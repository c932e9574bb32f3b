//! The HTML document: self-contained, deterministic, complete, escaped; its text is the
//! document's text.

mod common;
use common::{reference, sentences};

use yusuan_formats::html;

/// The visible text: tags dropped, entities decoded, whitespace removed.
fn visible_text(html: &str) -> String {
    let body = &html[html.find("<body>").expect("body")..];
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn one_file_with_nothing_fetched() {
    let h = html::render(&reference());
    assert!(h.starts_with("<!DOCTYPE html>"));
    for banned in ["<script", "<link", "<img", "src=", "@import", "url("] {
        assert!(!h.contains(banned), "{banned} found");
    }
    // The only URL is the SVG namespace, which is a name, not a request.
    let urls = h.matches("http").count();
    assert_eq!(
        urls,
        h.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    assert!(h.contains("@media print") && h.contains("@page"));
}

#[test]
fn same_document_same_bytes() {
    assert_eq!(html::render(&reference()), html::render(&reference()));
}

#[test]
fn every_part_table_and_sentence_is_there() {
    let d = reference();
    let text = visible_text(&html::render(&d));
    for t in &d.tables {
        assert!(
            text.contains(&format!("表{}{}", t.number, t.title)),
            "table {} missing",
            t.number
        );
    }
    for part in [
        "第一部分",
        "第二部分",
        "第三部分",
        "第四部分名词解释",
        "目录",
    ] {
        assert!(text.contains(part), "{part} missing");
    }
    let all: Vec<String> = sentences(&d)
        .iter()
        .map(|x| x.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    assert!(all.len() > 40);
    for s in &all {
        assert!(text.contains(s.as_str()), "sentence missing: {s}");
    }
    // Figures as printed, right aligned.
    assert!(text.contains("一般公共服务支出406.78"));
    assert!(html::render(&d).contains("<td class=\"num\">475.74</td>"));
}

#[test]
fn multi_level_headers_are_merged() {
    let h = html::render(&reference());
    // 表11: three levels — 财政拨款 over 小计, 基本支出 (over 人员经费, 公用经费), 项目支出;
    // the stub and 合计 span all three.
    let t11 = &h[h.find("id=\"t11\"").unwrap()..];
    let head = &t11[..t11.find("</thead>").unwrap()];
    assert!(head.contains("<th colspan=\"1\" rowspan=\"3\">合计</th><th colspan=\"4\" rowspan=\"1\">财政拨款</th><th colspan=\"4\" rowspan=\"1\">非财政拨款</th>"), "{head}");
    assert_eq!(
        head.matches("<th colspan=\"2\" rowspan=\"1\">基本支出</th>")
            .count(),
        2
    );
    assert_eq!(head.matches(">人员经费</th>").count(), 2);
    // 表1: two sides under 收入 and 支出.
    let t1 = &h[h.find("id=\"t1\"").unwrap()..h.find("id=\"t2\"").unwrap()];
    assert!(t1.contains(">收入</th>") && t1.contains(">支出</th>"));
}

#[test]
fn charts_show_the_printed_figures() {
    let h = html::render(&reference());
    let text = visible_text(&h);
    // Functional classes of table 3, with their shares of the total.
    assert!(text.contains("支出预算按功能分类（类）"));
    assert!(text.contains("一般公共服务支出411.78万元（85.66%）"));
    assert!(text.contains("基本支出253.74万元（52.78%）"));
    assert!(text.contains("项目支出227.00万元（47.22%）"));
    assert!(text.contains("一般公共预算基本支出按经济分类（类）"));
    assert_eq!(h.matches("<svg").count(), 3);
}

#[test]
fn text_from_the_document_is_escaped() {
    let mut d = reference();
    d.department = "<b>某单位</b> & \"引号\"".into();
    d.narrative.sections[0].sentences[0].text = "<script>alert(1)</script>。".into();
    let h = html::render(&d);
    assert!(!h.contains("<script>") && !h.contains("<b>某单位"));
    assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    d.narrative.sections[0].sentences[0].text = "控制\u{1}字符。".into();
    assert!(html::render(&d).contains("控制\u{fffd}字符。"));
    assert!(h.contains("&lt;b&gt;某单位&lt;/b&gt; &amp; &quot;引号&quot;"));
}
