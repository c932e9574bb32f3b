//! `yusuan batch`: every document under the paths read and checked on all cores into the store,
//! with progress (a bar on a terminal, one line per document otherwise) and a summary.

use crate::*;
use std::io::IsTerminal;
use std::time::Instant;
use yusuan_store::batch::{self, Event, Outcome};

/// How progress is shown.
struct Progress {
    bar: bool,
    quiet: bool,
    total: usize,
    start: Instant,
    failed: usize,
    skipped: usize,
    pass: &'static str,
}

impl Progress {
    fn event(&mut self, e: Event) {
        match e {
            Event::Found(n) => {
                self.total = n;
                if !self.quiet {
                    eprintln!("找到 {n} 份文件，开始读取和检查");
                }
            }
            Event::Recheck(n) => {
                self.total = n;
                self.start = Instant::now();
                self.pass = "复查";
                if self.bar {
                    eprintln!();
                }
                if !self.quiet {
                    eprintln!("其中 {n} 份的上年文件在本批中，与上年文件核对后重新检查");
                }
            }
            Event::Done {
                done,
                name,
                outcome,
            } => {
                match &outcome {
                    Outcome::Failed(_) => self.failed += 1,
                    Outcome::Skipped => self.skipped += 1,
                    Outcome::Stored { .. } => {}
                }
                if self.quiet {
                    return;
                }
                if self.bar {
                    self.draw(done);
                } else {
                    let what = match outcome {
                        Outcome::Stored {
                            errors,
                            warnings,
                            with_previous,
                        } => format!(
                            "已存入（{errors} 个错误，{warnings} 个警告{}）",
                            if with_previous {
                                "，已与上年文件核对"
                            } else {
                                ""
                            }
                        ),
                        Outcome::Skipped => "跳过（库中已有）".to_string(),
                        Outcome::Failed(why) => format!("无法读取：{why}"),
                    };
                    eprintln!("[{}{done}/{}] {name}：{what}", self.pass, self.total);
                }
            }
        }
    }

    fn draw(&self, done: usize) {
        const WIDTH: usize = 30;
        let filled = (done * WIDTH).checked_div(self.total).unwrap_or(WIDTH);
        let secs = self.start.elapsed().as_millis();
        // Documents per second and time left, in whole tenths: no floats.
        let rate10 = (done as u128 * 10_000)
            .checked_div(secs.max(1))
            .unwrap_or(0);
        let left = (secs * (self.total.saturating_sub(done)) as u128)
            .checked_div(done.max(1) as u128 * 1000)
            .unwrap_or(0);
        let mut line = format!(
            "\r\x1b[2K{}[{}{}] {done}/{} 份 · {}.{} 份/秒 · 剩余约 {left} 秒",
            self.pass,
            "#".repeat(filled),
            "-".repeat(WIDTH - filled.min(WIDTH)),
            self.total,
            rate10 / 10,
            rate10 % 10
        );
        if self.skipped > 0 {
            line.push_str(&format!(" · 跳过 {}", self.skipped));
        }
        if self.failed > 0 {
            line.push_str(&format!(" · 无法读取 {}", self.failed));
        }
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(line.as_bytes()).and_then(|_| err.flush());
    }
}

pub(crate) fn cmd_batch(
    paths: &[PathBuf],
    db: &Path,
    force: bool,
    quiet: bool,
    jobs: Option<usize>,
) -> ExitCode {
    let Some(files) = expand(paths) else {
        return ExitCode::from(2);
    };
    let jobs = jobs
        .filter(|&j| j > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let mut progress = Progress {
        bar: std::io::stderr().is_terminal(),
        quiet,
        total: 0,
        start: Instant::now(),
        failed: 0,
        skipped: 0,
        pass: "",
    };
    let start = Instant::now();
    let result = batch::run(&files, db, &batch::Options { jobs, force }, &mut |e| {
        progress.event(e)
    });
    if progress.bar && !quiet {
        eprintln!();
    }
    let s = match result {
        Ok(s) => s,
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::from(2);
        }
    };
    let ms = start.elapsed().as_millis().max(1);
    let rate10 = (s.counts.stored as u128 * 10_000) / ms;
    let mut out = format!(
        "共找到 {} 份文件：新存入 {} 份（其中 {} 份无法读取），跳过库中已有的 {} 份；存入的文件共有 {} 个错误、{} 个警告。用时 {}.{} 秒（{}.{} 份/秒，{jobs} 个线程）。数据库：{}\n",
        s.counts.found,
        s.counts.stored,
        s.counts.failed,
        s.counts.skipped,
        s.errors,
        s.warnings,
        ms / 1000,
        (ms % 1000) / 100,
        rate10 / 10,
        rate10 % 10,
        db.display()
    );
    if s.parts > 0 {
        out.push_str(&format!(
            "分册公开的文件（如“附件1…情况说明”与“附件2…报表”）按一份读入：{} 个文件并入了同一部门的另一份文件。\n",
            s.parts
        ));
    }
    if s.rechecked > 0 {
        out.push_str(&format!(
            "其中 {} 份的上年文件在本批中，已与之核对后重新检查。\n",
            s.rechecked
        ));
    }
    if !s.failures.is_empty() {
        out.push_str("无法读取的文件：\n");
        for (name, why) in s.failures.iter().take(20) {
            let why = why.strip_prefix(&format!("{name}：")).unwrap_or(why);
            out.push_str(&format!("  {name}：{why}\n"));
        }
        if s.failures.len() > 20 {
            out.push_str(&format!(
                "  另有 {} 份，见数据库中 status = 'failed' 的文件\n",
                s.failures.len() - 20
            ));
        }
    }
    outln(out.trim_end());
    ExitCode::SUCCESS
}
