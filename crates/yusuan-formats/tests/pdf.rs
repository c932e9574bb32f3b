//! The PDF, read back through its text layer with poppler's `pdftotext`: every part, table and
//! sentence is there as text, the contents page's numbers are the pages things are on, a long
//! table repeats its header on every page, and the same document gives the same bytes.
//!
//! These tests need a CJK font (Debian: fonts-noto-cjk) and poppler-utils. `.ci/run` installs
//! both and sets `YUSUAN_REQUIRE_PDF_TOOLS=1`, so in CI a missing tool fails the test; on a
//! machine without them the tests say so and pass.

mod common;
use common::{reference, sentences};

use std::path::PathBuf;
use std::process::Command;
use yusuan_core::disclosure::Disclosure;
use yusuan_formats::pdf::{self, Fonts};

fn required() -> bool {
    std::env::var_os("YUSUAN_REQUIRE_PDF_TOOLS").is_some()
}

/// The system's CJK fonts and pdftotext, or `None` (with a note) where they are missing.
fn tools() -> Option<Fonts> {
    let fonts = match Fonts::locate(None, None) {
        Ok(f) => f,
        Err(e) if !required() => {
            eprintln!("跳过 PDF 测试：{e}");
            return None;
        }
        Err(e) => panic!("{e}"),
    };
    let poppler = Command::new("pdftotext").arg("-v").output().is_ok();
    if !poppler {
        assert!(!required(), "pdftotext (poppler-utils) is required");
        eprintln!("跳过 PDF 测试：没有 pdftotext（poppler-utils）");
        return None;
    }
    Some(fonts)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("yusuan-pdf-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The text of pages `from..=to` (1-based, physical), in content-stream order.
fn text_of(pdf: &[u8], name: &str, pages: Option<(usize, usize)>) -> String {
    // Each call its own file: tests run in parallel, and several count pages.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = scratch(&format!("{n}-{name}"));
    std::fs::write(&path, pdf).unwrap();
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-raw");
    if let Some((from, to)) = pages {
        cmd.args(["-f", &from.to_string(), "-l", &to.to_string()]);
    }
    let out = cmd.arg(&path).arg("-").output().expect("pdftotext runs");
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn page_count(pdf: &[u8]) -> usize {
    text_of(pdf, "count.pdf", None).matches('\u{c}').count()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_part_table_and_sentence_is_in_the_text_layer() {
    let Some(fonts) = tools() else { return };
    let d = reference();
    let out = pdf::render(&d, &fonts).expect("renders");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    assert!(out.bytes.starts_with(b"%PDF-"));
    // The text without the page footers, so a sentence running over a page reads whole.
    let text: String = text_of(&out.bytes, "all.pdf", None)
        .replace('\u{c}', "\n")
        .lines()
        .filter(|l| !(l.starts_with("- ") && l.ends_with(" -")))
        .collect();
    let text = squash(&text);
    for part in [
        "昌吉回族自治州中小企业发展服务中心2025年部门预算",
        "目录",
        "第一部分2025年昌吉回族自治州中小企业发展服务中心部门概况",
        "第二部分2025年部门预算公开表",
        "第三部分2025年昌吉回族自治州中小企业发展服务中心部门预算情况说明",
        "部门整体绩效目标表（2025年）",
        "第四部分名词解释",
        "编制部门：昌吉回族自治州中小企业发展服务中心",
        "单位：万元",
    ] {
        assert!(text.contains(part), "missing {part}");
    }
    for t in &d.tables {
        assert!(text.contains(&squash(&t.title)), "表{} missing", t.number);
    }
    for s in sentences(&d) {
        assert!(text.contains(&squash(&s)), "sentence missing: {s}");
    }
    // A figure from deep in a table, as printed.
    assert!(text.contains("2080505机关事业单位基本养老保险缴费支出23.93"));
    assert!(
        text.contains("收入总计480.74支出总计480.74"),
        "表1's totals line"
    );
}

#[test]
fn contents_page_numbers_are_the_pages_the_entries_are_on() {
    let Some(fonts) = tools() else { return };
    let pdf = pdf::render(&reference(), &fonts).unwrap().bytes;
    let pages = page_count(&pdf);
    // The cover, then the contents until the first body page (“- 1 -” in its footer).
    let first_body = (1..=pages)
        .find(|&p| text_of(&pdf, "p.pdf", Some((p, p))).contains("- 1 -"))
        .expect("a page numbered 1");
    let contents = text_of(&pdf, "toc.pdf", Some((2, first_body - 1)));
    let mut checked = 0;
    for line in contents.lines() {
        let Some((title, number)) = line.rsplit_once(' ') else {
            continue;
        };
        let Ok(n) = number.trim().parse::<usize>() else {
            continue;
        };
        let title = title.trim_end_matches(['·', ' ']).trim_end_matches('…');
        let page = text_of(
            &pdf,
            "p.pdf",
            Some((first_body + n - 1, first_body + n - 1)),
        );
        assert!(page.contains(&format!("- {n} -")), "page {n}'s footer");
        assert!(
            squash(&page).contains(&squash(title)),
            "contents says {title:?} is on page {n}:\n{page}"
        );
        checked += 1;
    }
    assert!(checked >= 25, "{checked} entries checked:\n{contents}");
}

/// The reference with table 3 made long: its rows repeated until it runs over several pages.
fn with_long_table() -> Disclosure {
    let mut d = reference();
    let t = &mut d.tables[2];
    let rows = t.rows.clone();
    for _ in 0..6 {
        t.rows
            .extend(rows.iter().filter(|r| r.code.is_some()).cloned());
    }
    d
}

#[test]
fn a_long_table_repeats_its_header_on_every_page() {
    let Some(fonts) = tools() else { return };
    let d = with_long_table();
    let pdf = pdf::render(&d, &fonts).unwrap().bytes;
    let pages = page_count(&pdf);
    let table_pages: Vec<String> = (1..=pages)
        .map(|p| text_of(&pdf, "long.pdf", Some((p, p))))
        .filter(|t| t.contains("行政事业单位养老支出") && !t.contains("情况说明"))
        .collect();
    let table3: Vec<&String> = table_pages
        .iter()
        .filter(|t| !t.contains("部门收入总体情况表") && !t.contains("财政拨款（补助）"))
        .collect();
    assert!(table3.len() >= 3, "表3 runs over {} pages", table3.len());
    for page in &table3 {
        for head in ["科目编码", "功能分类科目名称", "基本支出", "项目支出"] {
            assert!(page.contains(head), "header {head} repeated:\n{page}");
        }
    }
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let Some(fonts) = tools() else { return };
    let d = reference();
    let a = pdf::render(&d, &fonts).unwrap().bytes;
    let b = pdf::render(&d, &fonts).unwrap().bytes;
    assert!(a == b, "two renderings differ");
}

#[test]
fn a_character_no_font_has_is_reported_not_dropped_silently() {
    let Some(fonts) = tools() else { return };
    let mut d = reference();
    d.profile.functions.push_str("（\u{1F600}）");
    let out = pdf::render(&d, &fonts).expect("still renders");
    assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
    assert!(
        out.warnings[0].contains('\u{1F600}') && out.warnings[0].contains("--font"),
        "{}",
        out.warnings[0]
    );
}

#[test]
fn a_file_that_is_not_a_font_is_refused_in_chinese() {
    let path = scratch("not-a-font.ttf");
    std::fs::write(&path, b"this is not a font").unwrap();
    let e = Fonts::locate(Some(&path), Some(&path)).unwrap_err();
    assert!(
        e.contains("不是可用的字体文件") && e.contains("not-a-font.ttf"),
        "{e}"
    );
    let e = Fonts::locate(Some(&scratch("missing.ttf")), None).unwrap_err();
    assert!(
        e.contains("无法读取字体文件") && e.contains("missing.ttf"),
        "{e}"
    );
}

/// Every word's box on every page, from `pdftotext -bbox`: (page width, page height, word box).
fn word_boxes(pdf: &[u8]) -> Vec<(f64, f64, [f64; 4], String)> {
    let path = scratch("bbox.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let html = String::from_utf8(out.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut page = (0.0, 0.0);
    let mut out = Vec::new();
    for tag in html.split('<').skip(1) {
        if tag.starts_with("page ") {
            page = (attr(tag, "width"), attr(tag, "height"));
        } else if tag.starts_with("word ") {
            let word = tag.split('>').nth(1).unwrap_or("").to_string();
            let b = ["xMin", "yMin", "xMax", "yMax"].map(|n| attr(tag, n));
            out.push((page.0, page.1, b, word));
        }
    }
    out
}

#[test]
fn nothing_is_set_outside_the_page_even_a_goal_longer_than_a_page() {
    let Some(fonts) = tools() else { return };
    let mut d = reference();
    let long =
        "提升中小企业公共服务平台的服务能力和水平，提高平台点击率、知晓率、注册率。".repeat(120);
    d.performance[0].goal = long.clone();
    let pdf = pdf::render(&d, &fonts).unwrap().bytes;
    let boxes = word_boxes(&pdf);
    assert!(boxes.len() > 1000);
    for (w, h, b, word) in &boxes {
        // Inside the page, with at least 1 cm (28 pt) to each edge.
        assert!(
            b[0] >= 28.0 && b[1] >= 28.0 && b[2] <= w - 28.0 && b[3] <= h - 28.0,
            "{word:?} at {b:?} on a {w}×{h} page"
        );
    }
    // The whole goal is there, over several pages.
    let text: String = text_of(&pdf, "goal.pdf", None)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.matches("知晓率、注册率。").count() >= 120);
}
