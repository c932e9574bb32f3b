//! Scale, measured: `cargo bench -p yusuan-cli --bench scale`.
//!
//! 1. Generates 1,000 random budgets (the property tests' strategy, seeded), renders each to
//!    PDF with the project's own renderer, and adds the corpus's PDFs.
//! 2. Batch-imports them all with `yusuan batch` (all cores): documents per second, peak
//!    resident memory (VmHWM, sampled), database size.
//! 3. Stores 100,000 findings on one document, starts `yusuan serve`, and loads it from
//!    loopback (4 clients): p50/p99 latency of the overview, the library, and that
//!    document's report (first and last page of its findings).
//!
//! Targets (issue 12): ≥ 50 PDFs/s on 2 cores, peak RSS < 500 MB, p99 < 100 ms.
//! `YUSUAN_SCALE_DOCS` changes the number of generated documents.

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn generate(dir: &Path, n: usize) -> usize {
    std::fs::create_dir_all(dir).unwrap();
    let have = std::fs::read_dir(dir).unwrap().count();
    if have >= n {
        return have;
    }
    let fonts = yusuan_formats::pdf::Fonts::locate(None, None)
        .expect("the PDF renderer needs a CJK font (Debian: fonts-noto-cjk)");
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    let strategy = yusuan_testkit::budget();
    let start = Instant::now();
    let mut made = 0;
    let mut i = 0;
    while made < n {
        i += 1;
        let budget = strategy.new_tree(&mut runner).unwrap().current();
        let mut d = yusuan_core::derive(&budget);
        yusuan_check::add_rounding_notes(&mut d);
        let Ok(out) = yusuan_formats::pdf::render(&d, &fonts) else {
            continue;
        };
        std::fs::write(dir.join(format!("generated-{i:05}.pdf")), out.bytes).unwrap();
        made += 1;
    }
    eprintln!(
        "rendered {made} PDFs in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    made
}

/// Peak resident memory of a process, in kB, from /proc (0 when it has ended).
fn peak_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn get(addr: &str, path: &str) -> (u16, usize) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let status = String::from_utf8_lossy(&raw[9..12]).parse().unwrap_or(0);
    (status, raw.len())
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn main() {
    let n: usize = std::env::var("YUSUAN_SCALE_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("yusuan-scale");
    let inbox = work.join(format!("inbox-{n}"));
    let generated = generate(&inbox.join("generated"), n);
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../yusuan-import/tests/corpus");
    let mut real = 0;
    std::fs::create_dir_all(inbox.join("corpus")).unwrap();
    for dir in [corpus.clone(), corpus.join("other")] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "pdf") {
                std::fs::copy(&p, inbox.join("corpus").join(p.file_name().unwrap())).unwrap();
                real += 1;
            }
        }
    }
    let db = work.join("scale.db");
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
    let exe = env!("CARGO_BIN_EXE_yusuan");

    // 2. The batch.
    let start = Instant::now();
    let mut child = Command::new(exe)
        .args([
            "batch",
            "-q",
            "--db",
            db.to_str().unwrap(),
            inbox.to_str().unwrap(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        peak = peak.max(peak_kb(pid));
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = start.elapsed();
    let mut summary = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut summary)
        .unwrap();
    let docs = generated + real;
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|e| std::fs::metadata(format!("{}{e}", db.display())).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "batch: {docs} PDFs ({generated} generated, {real} real) in {:.2} s = {:.1} PDFs/s on {} cores; peak RSS {} MB; database {} MB",
        took.as_secs_f64(),
        docs as f64 / took.as_secs_f64(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        peak / 1024,
        size / (1024 * 1024)
    );
    println!("  {}", summary.trim());

    // 3. 100,000 findings on one document, then the server under load.
    let c = rusqlite::Connection::open(&db).unwrap();
    let (id, hash): (i64, String) = c
        .query_row(
            "SELECT id, hash FROM documents WHERE status = 'read' ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    c.execute_batch("BEGIN").unwrap();
    c.execute("DELETE FROM findings WHERE document_id = ?1", [id])
        .unwrap();
    {
        let mut q = c
            .prepare(
                "INSERT INTO findings (document_id, ord, origin, rule, severity, message, page,
                   line, quoted, detail) VALUES (?1, ?2, 'check', ?3, ?4, ?5, ?6, ?7, '', '{}')",
            )
            .unwrap();
        for i in 0..100_000i64 {
            q.execute(rusqlite::params![
                id,
                i,
                ["T0201", "X804", "N1001", "C012"][(i % 4) as usize],
                if i % 3 == 0 { "error" } else { "warning" },
                format!("第 {i} 个发现：应为 {}.00，印为 {}.01", i, i),
                1 + i % 20,
                1 + i % 500
            ])
            .unwrap();
        }
    }
    c.execute(
        "UPDATE documents SET errors = 33334, warnings = 66666, infos = 0 WHERE id = ?1",
        [id],
    )
    .unwrap();
    c.execute("DELETE FROM rule_counts WHERE document_id = ?1", [id])
        .unwrap();
    c.execute(
        "INSERT INTO rule_counts (document_id, rule, errors, warnings, infos)
         SELECT document_id, rule, sum(severity = 'error'), sum(severity = 'warning'), 0
         FROM findings WHERE document_id = ?1 GROUP BY rule",
        [id],
    )
    .unwrap();
    c.execute_batch("COMMIT").unwrap();
    drop(c);
    let mut server = Command::new(exe)
        .args([
            "serve",
            "--db",
            db.to_str().unwrap(),
            "--addr",
            "127.0.0.1:0",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(server.stderr.take().unwrap());
    let mut line = String::new();
    let addr = loop {
        line.clear();
        assert!(err.read_line(&mut line).unwrap() > 0, "serve ended");
        if let Some(rest) = line.split("http://").nth(1) {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    let endpoints = [
        ("概览 /", "/".to_string()),
        ("文件库 /library", "/library".to_string()),
        (
            "文件库 筛选+搜索",
            "/library?stage=%E9%A2%84%E7%AE%97&q=generated&page=3".to_string(),
        ),
        ("报告（10 万条发现，第 1 页）", format!("/doc/{hash}")),
        (
            "报告（10 万条发现，第 500 页）",
            format!("/doc/{hash}?page=500"),
        ),
    ];
    for (_, path) in &endpoints {
        let (status, _) = get(&addr, path);
        assert_eq!(status, 200, "{path}");
    }
    let clients = 4;
    let rounds = 60;
    let mut all: Vec<Vec<Duration>> = vec![Vec::new(); endpoints.len()];
    let start = Instant::now();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..clients)
            .map(|_| {
                let (addr, endpoints) = (&addr, &endpoints);
                s.spawn(move || {
                    let mut mine: Vec<Vec<Duration>> = vec![Vec::new(); endpoints.len()];
                    for _ in 0..rounds {
                        for (i, (_, path)) in endpoints.iter().enumerate() {
                            let t = Instant::now();
                            let (status, _) = get(addr, path);
                            assert_eq!(status, 200);
                            mine[i].push(t.elapsed());
                        }
                    }
                    mine
                })
            })
            .collect();
        for h in handles {
            for (i, v) in h.join().unwrap().into_iter().enumerate() {
                all[i].extend(v);
            }
        }
    });
    let total = start.elapsed();
    let requests: usize = all.iter().map(Vec::len).sum();
    println!(
        "serve: {requests} requests from {clients} clients in {:.2} s ({:.0} requests/s); server peak RSS {} MB",
        total.as_secs_f64(),
        requests as f64 / total.as_secs_f64(),
        peak_kb(server.id()) / 1024
    );
    for ((name, _), mut v) in endpoints.iter().zip(all) {
        v.sort();
        println!(
            "  {name}: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            percentile(&v, 50).as_secs_f64() * 1000.0,
            percentile(&v, 99).as_secs_f64() * 1000.0,
            v.last().unwrap().as_secs_f64() * 1000.0
        );
    }
    let _ = server.kill();
    let _ = server.wait();
}
