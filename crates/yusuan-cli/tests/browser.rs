//! The web UI in a real browser (Debian's headless Chromium, driven through chromedriver's
//! WebDriver protocol over plain HTTP): upload the reference example's PDF, open its report,
//! click a finding, and see its page drawn with the place framed. Screenshots of every page go
//! to `$CARGO_TARGET_TMPDIR/yusuan-screenshots/`.
//!
//! Needs `chromium` and `chromedriver` (Debian's chromium and chromium-driver; `.ci/run`
//! installs them and sets `YUSUAN_REQUIRE_BROWSER`, so CI fails without them). Elsewhere the
//! test says it skipped.

mod common;
mod server;

use common::{root, yusuan};
use serde_json::{Value, json};
use server::{Server, request};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";

/// A chromedriver on a free port, with one browser session; both end when dropped.
struct Browser {
    driver: Child,
    addr: String,
    session: String,
}

impl Browser {
    fn start() -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let addr = format!("127.0.0.1:{port}");
        let start = Instant::now();
        while std::net::TcpStream::connect(&addr).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = std::env::temp_dir().join(format!("yusuan-chromium-{}", std::process::id()));
        let mut b = Browser {
            driver,
            addr,
            session: String::new(),
        };
        let v = b.call(
            "POST",
            "/session",
            Some(json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": CHROMIUM,
                    "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                             "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync",
                             "--disable-dev-shm-usage", "--window-size=1280,1400",
                             format!("--user-data-dir={}", profile.display())]
                }
            }}})),
        );
        b.session = v["sessionId"].as_str().expect("a session").to_string();
        b
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let r = request(
            &self.addr,
            method,
            path,
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        );
        let v: Value = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
        assert!(
            r.status < 300,
            "WebDriver {method} {path}: {} {v}",
            r.status
        );
        v["value"].clone()
    }

    fn s(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    fn go(&self, url: &str) {
        self.call("POST", &self.s("/url"), Some(json!({ "url": url })));
    }

    fn url(&self) -> String {
        self.call("GET", &self.s("/url"), None)
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    fn find(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            &self.s("/element"),
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string()
    }

    fn script(&self, js: &str) -> Value {
        self.call(
            "POST",
            &self.s("/execute/sync"),
            Some(json!({"script": js, "args": []})),
        )
    }

    fn wait_for(&self, what: &str, ok: impl Fn(&Browser) -> bool) {
        let start = Instant::now();
        while !ok(self) {
            if start.elapsed() > Duration::from_secs(60) {
                let page = self.script("return document.body ? document.body.innerText : ''");
                panic!("timed out waiting for {what}; at {}: {page}", self.url());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn screenshot(&self, dir: &Path, name: &str) -> PathBuf {
        let b64 = self.call("GET", &self.s("/screenshot"), None);
        let png = base64(b64.as_str().unwrap());
        assert!(png.starts_with(b"\x89PNG"));
        let path = dir.join(name);
        std::fs::write(&path, png).unwrap();
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = request(
                &self.addr,
                "DELETE",
                &format!("/session/{}", self.session),
                &[],
                &[],
            );
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn base64(s: &str) -> Vec<u8> {
    let val = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => 0,
        }
    };
    let bytes: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    let mut out = Vec::new();
    for chunk in bytes.chunks(4) {
        let pad = chunk.iter().filter(|&&c| c == b'=').count();
        let n = chunk.iter().fold(0u32, |acc, &c| (acc << 6) | val(c));
        let n = n << (6 * (4 - chunk.len() as u32));
        let three = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&three[..3 - pad.min(2)]);
    }
    out
}

fn available() -> bool {
    let ok = Path::new(CHROMIUM).exists()
        && Command::new("chromedriver")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("YUSUAN_REQUIRE_BROWSER").is_none(),
            "YUSUAN_REQUIRE_BROWSER is set but chromium or chromedriver is missing"
        );
        eprintln!(
            "skipped: chromium and chromedriver are not installed (Debian: chromium chromium-driver)"
        );
    }
    ok
}

#[test]
fn upload_the_reference_click_a_finding_and_see_it_framed_on_its_page() {
    if !available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("yusuan-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("yusuan-screenshots");
    std::fs::create_dir_all(&shots).unwrap();

    // The reference example's PDF as an office publishes it (needs the CJK fonts; without them
    // a real published PDF of the corpus stands in).
    let pdf = dir.join("昌吉州中小企业发展服务中心2025年部门预算.pdf");
    let made = yusuan(&[
        "render",
        root()
            .join("examples/changji-sme-center-2025.toml")
            .to_str()
            .unwrap(),
        "--to",
        "pdf",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    if !made.status.success() {
        assert!(
            std::env::var_os("YUSUAN_REQUIRE_PDF_TOOLS").is_none(),
            "render --to pdf failed"
        );
        std::fs::copy(
            root().join("crates/yusuan-import/tests/corpus/shanghai_putuo_caizhengju_2024_dept_final_account.pdf"),
            &pdf,
        )
        .unwrap();
    }
    // A store with some documents already, so the library, overview and department pages
    // have something to show.
    let db = dir.join("yusuan.db");
    let corpus = root().join("crates/yusuan-import/tests/corpus");
    let out = yusuan(&[
        "batch",
        "-q",
        "--db",
        db.to_str().unwrap(),
        corpus
            .join("shanghai_putuo_wanli_jiedao_2023_dept_budget.pdf")
            .to_str()
            .unwrap(),
        corpus
            .join("shanghai_putuo_wanli_jiedao_2024_dept_budget.pdf")
            .to_str()
            .unwrap(),
        corpus
            .join("other/shandong_yantai_minzhengju_2026_dept_budget.pdf")
            .to_str()
            .unwrap(),
        corpus
            .join("other/shaanxi_xian_shiweixuanchuanbu_2021_dept_budget.pdf")
            .to_str()
            .unwrap(),
    ]);
    assert!(out.status.success());
    let s = Server::start(&db, "127.0.0.1:0", &[]);
    let base = format!("http://{}", s.addr);
    let b = Browser::start();

    // 上传检查: choose the file, press the button.
    b.go(&format!("{base}/upload"));
    b.screenshot(&shots, "1-upload.png");
    let input = b.find("#file");
    b.call(
        "POST",
        &b.s(&format!("/element/{input}/value")),
        Some(json!({"text": pdf.display().to_string()})),
    );
    let button = b.find("#submit");
    b.call(
        "POST",
        &b.s(&format!("/element/{button}/click")),
        Some(json!({})),
    );
    b.wait_for("the report", |b| b.url().contains("/doc/"));
    let report_url = b.url();
    b.find("#sheet");
    let title = b.script("return document.querySelector('h1').textContent");
    assert!(
        title.as_str().unwrap_or("").contains("2025年部门预算"),
        "{title}"
    );
    b.screenshot(&shots, "2-report.png");

    // Click the first finding that has a place on a page.
    let link = b.find("#findings a.finding");
    let said =
        b.script("return document.querySelector('#findings a.finding').closest('tr').textContent");
    b.call(
        "POST",
        &b.s(&format!("/element/{link}/click")),
        Some(json!({})),
    );
    b.wait_for("the finding's page", |b| b.url().contains("/page/"));
    b.find("#finding");
    b.find("#mark");
    // The page's picture is drawn (by the server) and the frame stands on it.
    b.wait_for("the page's picture", |b| {
        b.script("const i = document.querySelector('.pageview img'); return i.complete && i.naturalWidth > 0")
            .as_bool()
            .unwrap_or(false)
    });
    // The link scrolled the frame into view.
    let seen = b.script(
        "const r = document.querySelector('#mark').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight",
    );
    assert_eq!(seen, json!(true), "the frame is in view");
    let mark = b.script(
        "const r = document.querySelector('#mark').getBoundingClientRect(); const i = document.querySelector('.pageview img').getBoundingClientRect(); return [r.width > 4, r.height > 4, r.left >= i.left, r.right <= i.right + 1, r.top >= i.top, r.bottom <= i.bottom + 1]",
    );
    assert_eq!(
        mark,
        json!([true, true, true, true, true, true]),
        "the frame lies on the page: {said}"
    );
    let shot = b.screenshot(&shots, "3-finding-on-its-page.png");

    // The other pages, for the record.
    b.go(&format!("{base}/"));
    b.find("#rules");
    b.screenshot(&shots, "4-overview.png");
    b.go(&format!("{base}/library"));
    b.find("#documents");
    b.screenshot(&shots, "5-library.png");
    b.go(&format!("{base}/department?name=%E4%B8%8A%E6%B5%B7%E5%B8%82%E6%99%AE%E9%99%80%E5%8C%BA%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C%E4%B8%87%E9%87%8C%E8%A1%97%E9%81%93%E5%8A%9E%E4%BA%8B%E5%A4%84"));
    b.find("#years");
    b.screenshot(&shots, "6-department.png");
    b.go(&format!("{report_url}/tables"));
    b.screenshot(&shots, "7-tables.png");
    eprintln!(
        "screenshots: {} (the finding: {})",
        shots.display(),
        shot.display()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
