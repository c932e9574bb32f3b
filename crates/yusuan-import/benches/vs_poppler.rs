//! Import + check of every corpus PDF (Shanghai and the other regions) against
//! `pdftotext -layout` on the same file, in the same run: the median of several runs of each,
//! and their ratio. The target: yusuan under 1.0× poppler on every document.
//! Run: `cargo bench -p yusuan-import --bench vs_poppler` (poppler-utils must be installed;
//! without it the poppler column says so). Numbers depend on the machine and its load: run it
//! on an idle machine and read the ratios, not the milliseconds.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 7;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ours(bytes: &[u8]) -> Duration {
    median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                let (d, _, _) = yusuan_import::import_pdf(std::hint::black_box(bytes));
                let n = yusuan_check::check(&yusuan_check::engine::Cx {
                    disclosure: &d,
                    budget: None,
                    previous: None,
                })
                .len();
                std::hint::black_box(n);
                t.elapsed()
            })
            .collect(),
    )
}

fn poppler(path: &Path) -> Option<Duration> {
    let mut v = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let out = Command::new("pdftotext")
            .args(["-layout", "-enc", "UTF-8"])
            .arg(path)
            .arg("-")
            .output()
            .ok()?;
        if !out.status.success() {
            return None;
        }
        v.push(t.elapsed());
    }
    Some(median(v))
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this once with no work.
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [root.clone(), root.join("other")] {
        let mut here: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("the corpus")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
            .collect();
        here.sort();
        files.extend(here);
    }
    println!(
        "{:<72} {:>6} {:>10} {:>10} {:>7}",
        "document", "pages", "yusuan ms", "poppler ms", "ratio"
    );
    let mut worst: f64 = 0.0;
    for f in &files {
        let bytes = std::fs::read(f).expect("a corpus PDF");
        let pages = yusuan_import::pdf::pages(&bytes).0.len();
        let y = ours(&bytes);
        let p = poppler(f);
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        match p {
            Some(p) => {
                let ratio = y.as_secs_f64() / p.as_secs_f64().max(1e-9);
                worst = worst.max(ratio);
                println!(
                    "{name:<72} {pages:>6} {:>10.1} {:>10.1} {ratio:>6.2}×",
                    ms(y),
                    ms(p)
                );
            }
            None => println!(
                "{name:<72} {pages:>6} {:>10.1} {:>10} {:>7}",
                ms(y),
                "无 pdftotext",
                "-"
            ),
        }
    }
    println!("worst ratio: {worst:.2}× (median of {RUNS} runs each)");
}
