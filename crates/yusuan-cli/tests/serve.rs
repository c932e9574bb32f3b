//! `yusuan serve` over HTTP, as an inspector's browser uses it: the pages, an upload and its
//! report, a finding's page drawn with its place framed, the downloads, and what a hostile or
//! careless request gets (no token, another site, too large, too many pages, a broken file, a
//! path, markup in a document).

mod common;
mod server;

use common::{root, yusuan};
use server::{Server, get, multipart, request, upload, upload_files};
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("yusuan-serve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn corpus(name: &str) -> PathBuf {
    root().join("crates/yusuan-import/tests/corpus").join(name)
}

/// The hash in a `/doc/{hash}` redirect.
fn location(r: &server::Response) -> String {
    let l = r.header("location").expect("a redirect").to_string();
    assert!(l.starts_with("/doc/") && l.len() == 5 + 64, "{l}");
    l
}

#[test]
fn an_upload_gets_its_report_and_each_finding_its_page() {
    let dir = scratch("upload");
    let s = Server::start(&dir.join("yusuan.db"), "127.0.0.1:0", &[]);
    assert!(
        !s.said.contains("警告"),
        "loopback is not warned about: {}",
        s.said
    );

    // An empty store: the overview says how to fill it.
    let home = get(&s.addr, "/");
    assert_eq!(home.status, 200);
    assert!(home.text().contains("数据库中还没有文件"));
    let csp = home.header("content-security-policy").unwrap();
    assert!(
        csp.contains("default-src 'none'") && !csp.contains("unsafe"),
        "{csp}"
    );
    assert_eq!(home.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(home.header("x-frame-options"), Some("DENY"));

    // 上传检查: 普陀区财政局 2024 决算, which has real errors in its tables.
    let pdf = std::fs::read(corpus(
        "shanghai_putuo_caizhengju_2024_dept_final_account.pdf",
    ))
    .unwrap();
    let r = upload(&s.addr, "财政局2024决算.pdf", &pdf);
    assert_eq!(r.status, 303, "{}", r.text());
    let doc = location(&r);
    let report = get(&s.addr, &doc);
    assert_eq!(report.status, 200);
    let html = report.text();
    assert!(
        html.contains("上海市普陀区财政局") && html.contains("2024年部门决算"),
        "{html}"
    );
    assert!(html.contains("预算公开情况检查表") && html.contains("表3 支出决算表"));
    assert!(html.contains("X804") && html.contains("应为 326.71，印为 326.72"));
    // Each finding links to its page, with its line; the page view frames the cell.
    let at = html
        .find("class=\"finding\" id=\"finding-")
        .expect("a linked finding");
    let href = &html[at + html[at..].find("href=\"").unwrap() + 6..];
    let href = href[..href.find('"').unwrap()]
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    assert!(href.contains("/page/") && href.contains("line="), "{href}");
    let href = href.split('#').next().unwrap().to_string();
    let page = get(&s.addr, &href);
    assert_eq!(page.status, 200);
    let view = page.text();
    assert!(view.contains("<rect id=\"mark\""), "{view}");
    assert!(view.contains("X804") || view.contains("X805") || view.contains("N801"));
    let png_path = href.split('?').next().unwrap().to_string() + "/png";
    let png = get(&s.addr, &png_path);
    assert_eq!(png.status, 200);
    assert_eq!(png.header("content-type"), Some("image/png"));
    assert!(png.body.starts_with(b"\x89PNG\r\n\x1a\n") && png.body.len() > 10_000);
    // A page that is not there.
    assert_eq!(get(&s.addr, &format!("{doc}/page/99")).status, 404);
    assert_eq!(get(&s.addr, &format!("{doc}/page/99/png")).status, 404);

    // The tables as read, the sheet and the findings as downloads.
    let tables = get(&s.addr, &format!("{doc}/tables")).text();
    assert!(tables.contains("社会保障和就业支出") && tables.contains("326.72"));
    let xlsx = get(&s.addr, &format!("{doc}/sheet.xlsx"));
    assert_eq!(xlsx.status, 200);
    assert!(xlsx.body.starts_with(b"PK"));
    assert!(
        xlsx.header("content-disposition")
            .unwrap()
            .contains("attachment")
    );
    let csv = get(&s.addr, &format!("{doc}/findings.csv")).text();
    assert!(
        csv.starts_with("year,hash,department") && csv.contains("X804"),
        "{csv}"
    );

    // The same file again is the same document.
    let again = upload(&s.addr, "副本.pdf", &pdf);
    assert_eq!(location(&again), doc);

    // The library lists it; the overview counts it.
    let lib = get(&s.addr, "/library?region=%E4%B8%8A%E6%B5%B7%E5%B8%82").text();
    assert!(
        lib.contains("共 1 份") && lib.contains("上海市普陀区财政局"),
        "{lib}"
    );
    let none = get(&s.addr, "/library?year=1999").text();
    assert!(none.contains("共 0 份"));
    let lcsv = get(&s.addr, "/library.csv?stage=%E5%86%B3%E7%AE%97").text();
    assert!(
        lcsv.lines().count() == 2 && lcsv.contains("上海市普陀区财政局"),
        "{lcsv}"
    );
    let parquet = get(&s.addr, "/library.parquet");
    assert!(parquet.body.starts_with(b"PAR1") && parquet.body.ends_with(b"PAR1"));
    // The listed documents' findings and facts, not only the list.
    assert!(lib.contains("data=findings") && lib.contains("data=facts"));
    let lfind = get(
        &s.addr,
        "/library.csv?stage=%E5%86%B3%E7%AE%97&data=findings",
    );
    assert!(
        lfind
            .header("content-disposition")
            .is_some_and(|d| d.contains("%E6%A3%80%E6%9F%A5%E5%8F%91%E7%8E%B0")), // 检查发现
        "{:?}",
        lfind.header("content-disposition")
    );
    let lfind = lfind.text();
    assert!(
        lfind.starts_with("year,hash,department") && lfind.contains("X804"),
        "{lfind}"
    );
    let lfacts = get(&s.addr, "/library.parquet?data=facts");
    assert!(lfacts.body.starts_with(b"PAR1") && lfacts.body.len() > parquet.body.len());
    // Every listed document's inspection sheet in one workbook, with the 汇总.
    let sheets = get(&s.addr, "/library/sheets.xlsx?stage=%E5%86%B3%E7%AE%97");
    assert_eq!(sheets.status, 200);
    assert!(sheets.body.starts_with(b"PK"));
    assert!(lib.contains("/library/sheets.xlsx"));
    let none = get(&s.addr, "/library/sheets.xlsx?year=1999");
    assert_eq!(none.status, 404);
    let wrong = get(&s.addr, "/library.csv?data=secrets");
    assert_eq!(wrong.status, 400);
    assert!(wrong.text().contains("没有名为“secrets”的数据"));
    let home = get(&s.addr, "/").text();
    assert!(
        home.contains("X804") && home.contains("上海市"),
        "per rule and region"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn what_a_careless_or_hostile_request_gets() {
    let dir = scratch("hostile");
    let s = Server::start(
        &dir.join("yusuan.db"),
        "127.0.0.1:0",
        &["--max-upload-mb", "1", "--max-pages", "20"],
    );
    let pdf = std::fs::read(corpus("shanghai_putuo_wanli_jiedao_2023_dept_budget.pdf")).unwrap();

    // No token (a form posted from elsewhere, or a stale one).
    let (ctype, body) = multipart(&[], Some(("a.pdf", &pdf)));
    let r = request(
        &s.addr,
        "POST",
        "/upload",
        &[("Content-Type", &ctype)],
        &body,
    );
    assert_eq!(r.status, 403);
    assert!(r.text().contains("请重新选择文件上传"));
    // The right token from another site.
    let token = server::csrf(&s.addr);
    let (ctype, body) = multipart(&[("csrf", &token)], Some(("a.pdf", &pdf)));
    let r = request(
        &s.addr,
        "POST",
        "/upload",
        &[("Content-Type", &ctype), ("Origin", "http://evil.example")],
        &body,
    );
    assert_eq!(r.status, 403);
    assert!(r.text().contains("别的网站"));
    // Over the size limit (1 MB here).
    let big = vec![b'x'; 1_300_000];
    let r = upload(&s.addr, "大.txt", &big);
    assert!(r.status == 413 || r.status == 400, "{}", r.status);
    assert!(r.text().contains("MB"), "{}", r.text());
    // Over the page limit (20 here; the document has 35 pages).
    let r = upload(&s.addr, "长.pdf", &pdf);
    assert_eq!(r.status, 413, "{}", r.text());
    assert!(r.text().contains("超过上限 20 页"));
    // A type no reader takes.
    let r = upload(&s.addr, "说明.docx", b"PK\x03\x04");
    assert_eq!(r.status, 415);
    assert!(r.text().contains("不支持的文件类型"));
    // No file.
    let r = upload(&s.addr, "", b"");
    assert_eq!(r.status, 400);
    assert!(r.text().contains("没有收到文件"));
    // A broken PDF gets a report of what is wrong with it, not an error page.
    let r = upload(&s.addr, "坏.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog");
    assert_eq!(r.status, 303);
    let report = get(&s.addr, &location(&r)).text();
    assert!(report.contains("这份文件无法读取"), "{report}");
    // Markup in a document is shown as text, never run.
    let text = "<script>alert(1)</script>单位2025年部门预算\n一、部门主要职能\n<img src=x onerror=alert(2)>负责全市工作。\n";
    let r = upload(&s.addr, "<b>标记</b>.txt", text.as_bytes());
    assert_eq!(r.status, 303);
    let doc = location(&r);
    for page in [doc.clone(), "/library".into(), "/".into()] {
        let html = get(&s.addr, &page).text();
        assert!(
            !html.contains("<script>") && !html.contains("<img src=x") && !html.contains("<b>标记"),
            "{page}: {html}"
        );
    }
    // No path from the client reaches the file system.
    for path in [
        "/doc/../../etc/passwd",
        "/doc/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/style.css/../../Cargo.toml",
        "/doc/0000000000000000000000000000000000000000000000000000000000000000",
    ] {
        let r = get(&s.addr, path);
        assert_eq!(r.status, 404, "{path}");
        assert!(
            !r.text().contains("root:") && r.text().contains("没有找到"),
            "{path}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_department_over_the_years_and_a_warning_when_not_on_loopback() {
    let dir = scratch("department");
    let db = dir.join("yusuan.db");
    let out = yusuan(&[
        "batch",
        "-q",
        "--db",
        db.to_str().unwrap(),
        corpus("shanghai_putuo_wanli_jiedao_2023_dept_budget.pdf")
            .to_str()
            .unwrap(),
        corpus("shanghai_putuo_wanli_jiedao_2024_dept_budget.pdf")
            .to_str()
            .unwrap(),
        corpus("shanghai_putuo_caizhengju_2024_dept_final_account.pdf")
            .to_str()
            .unwrap(),
        corpus("shanghai_putuo_caizhengju_2025_dept_budget.pdf")
            .to_str()
            .unwrap(),
    ]);
    assert!(out.status.success());
    let s = Server::start(&db, "0.0.0.0:0", &[]);
    assert!(
        s.said.contains("警告") && s.said.contains("不只本机"),
        "{}",
        s.said
    );
    let addr = s.addr.replace("0.0.0.0", "127.0.0.1");
    let name = "%E4%B8%8A%E6%B5%B7%E5%B8%82%E6%99%AE%E9%99%80%E5%8C%BA%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C%E4%B8%87%E9%87%8C%E8%A1%97%E9%81%93%E5%8A%9E%E4%BA%8B%E5%A4%84";
    let html = get(&addr, &format!("/department?name={name}")).text();
    assert!(html.contains("2023") && html.contains("2024"), "{html}");
    // 支出合计 in 万元 each year, the change, the chart, and the classes side by side.
    assert!(html.contains("<svg") && html.contains("部门预算支出合计（万元）"));
    assert!(html.contains("比上年"), "{html}");
    assert!(
        html.contains("城乡社区支出") && html.contains("12131.99") && html.contains("11938.53"),
        "{html}"
    );
    // A 决算 prints 本年收入合计 / 本年支出合计: its key figures are those.
    let caizheng =
        "%E4%B8%8A%E6%B5%B7%E5%B8%82%E6%99%AE%E9%99%80%E5%8C%BA%E8%B4%A2%E6%94%BF%E5%B1%80";
    let html = get(&addr, &format!("/department?name={caizheng}")).text();
    assert!(
        html.contains("决算") && html.contains("2946.25") && html.contains("2940.05"),
        "{html}"
    );
    // Its 2024 决算 and 2025 预算 side by side in one chart, each year its own bar.
    assert!(
        html.contains("部门支出合计（万元）：预算与决算")
            && html.contains(r#"class="bar s0"><title>2025 预算"#)
            && html.contains(r#"class="bar s1"><title>2024 决算"#),
        "{html}"
    );
    // Its classes by year and stage: 一般公共服务支出 2106.66 in the 2024 决算.
    assert!(
        html.contains("<th>2024 决算</th>") && html.contains("<th>2025 预算</th>"),
        "{html}"
    );
    assert!(html.contains("2106.66"), "{html}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_report_with_many_findings_is_shown_a_page_at_a_time() {
    let dir = scratch("many");
    let db = dir.join("yusuan.db");
    let pdf = corpus("shanghai_putuo_caizhengju_2024_dept_final_account.pdf");
    let out = yusuan(&[
        "batch",
        "-q",
        "--db",
        db.to_str().unwrap(),
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    // Replace its findings by 450 of the rules' (after what reading said), as a store of a
    // badly broken document would hold.
    let (hash, reading): (String, i64) = {
        let c = rusqlite::Connection::open(&db).unwrap();
        let (id, hash): (i64, String) = c
            .query_row("SELECT id, hash FROM documents", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        let reading: i64 = c
            .query_row(
                "SELECT count(*) FROM findings WHERE document_id = ?1 AND origin = 'read'",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        c.execute(
            "DELETE FROM findings WHERE document_id = ?1 AND origin = 'check'",
            [id],
        )
        .unwrap();
        for i in 0..450 {
            c.execute(
                "INSERT INTO findings (document_id, ord, origin, rule, severity, message, page,
                   line, quoted, detail) VALUES (?1, ?2, 'check', 'T0201', 'error', ?3, 10, 158,
                   '', '{}')",
                rusqlite::params![id, reading + i, format!("第 {i} 号发现")],
            )
            .unwrap();
        }
        c.execute(
            "UPDATE documents SET errors = 450, warnings = 0, infos = 0 WHERE id = ?1",
            [id],
        )
        .unwrap();
        (hash, reading)
    };
    let s = Server::start(&db, "127.0.0.1:0", &[]);
    let first = get(&s.addr, &format!("/doc/{hash}")).text();
    assert!(first.contains("共 450 个，第 1 / 3 页"), "{first}");
    assert!(first.contains("第 0 号发现") && first.contains("第 199 号发现"));
    assert!(!first.contains("第 200 号发现"));
    let last = get(&s.addr, &format!("/doc/{hash}?page=3")).text();
    assert!(last.contains("第 3 / 3 页") && last.contains("第 449 号发现"));
    assert!(!last.contains("第 399 号发现"));
    // What reading said is on every page.
    if reading > 0 {
        assert!(last.contains("读取时的说明"));
    }
    // A page past the end is the last page.
    let past = get(&s.addr, &format!("/doc/{hash}?page=99")).text();
    assert!(past.contains("第 3 / 3 页"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Beijing's two files chosen together (its tables first) are read as one document, the
/// narrative before the tables; files that cannot be one document are refused with why.
#[test]
fn a_document_in_two_files_is_uploaded_as_one() {
    let dir = scratch("parts");
    let s = Server::start(&dir.join("yusuan.db"), "127.0.0.1:0", &[]);
    let part = |n: u8| {
        std::fs::read(root().join(format!(
            "crates/yusuan-import/tests/corpus/other/beijing_beijing_shenjiju_2026_dept_budget_part{n}.pdf"
        )))
        .unwrap()
    };
    let (a, b) = (part(1), part(2));
    let r = upload_files(
        &s.addr,
        &[
            ("附件2：北京市审计局2026年度部门预算报表.pdf", &b),
            ("附件1：北京市审计局2026年度部门预算情况说明.pdf", &a),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let report = get(&s.addr, &location(&r)).text();
    assert!(
        report.contains("附件1：北京市审计局2026年度部门预算情况说明.pdf + 附件2：北京市审计局2026年度部门预算报表.pdf"),
        "{report}"
    );
    assert!(
        report.contains("北京市审计局") && report.contains("31 页"),
        "{report}"
    );
    // The tables of 附件2 and the narrative of 附件1, in one report.
    assert!(
        report.contains(r#"<div class="n">11</div><div class="l">张公开表"#),
        "{report}"
    );
    assert!(
        !report.contains(r#"<div class="n">0</div><div class="l">句说明"#),
        "{report}"
    );
    // A page of the second file, drawn from it.
    let hash = location(&r).trim_start_matches("/doc/").to_string();
    let png = get(&s.addr, &format!("/doc/{hash}/page/12/png"));
    assert_eq!(png.status, 200);
    // A PDF and a table file are not one document.
    let r = upload_files(&s.addr, &[("a.pdf", &a), ("b.csv", b"table,row_code\n")]);
    assert_eq!(r.status, 415);
    assert!(r.text().contains("合并为一份读入"), "{}", r.text());
    let _ = std::fs::remove_dir_all(&dir);
}
