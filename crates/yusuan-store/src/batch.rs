//! 批量检查 — many files read and checked on all cores into the store. Workers read, hash,
//! look the hash up (a stored document is skipped unless forced), read and check the file
//! (against last year's document of the same department when the store has it) and hand the
//! result to one writer, which stores each document in its own transaction. Documents whose
//! last-year document arrived after them (later in the batch, or in this batch when they came
//! in an earlier one) are checked again at the end.

use crate::audit::{self, Audit};
use crate::db::{RunCounts, Store, StoreError, Stored};
use crate::read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use yusuan_core::diag::Severity;

/// Files larger than this are recorded as unreadable without being read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// Read and check files the store already has.
    pub force: bool,
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Read, checked and stored, with its findings' counts.
    Stored {
        /// 错误
        errors: usize,
        /// 警告
        warnings: usize,
        /// Checked against last year's document.
        with_previous: bool,
    },
    /// The store had it.
    Skipped,
    /// Could not be read: why (stored as a failed document).
    Failed(String),
}

/// Progress, as it happens.
#[derive(Debug, Clone)]
pub enum Event {
    /// The documents found (a document published in several files counts once), before any
    /// is read.
    Found(usize),
    /// One file done (in completion order); `done` counts files done so far.
    Done {
        /// Files done so far.
        done: usize,
        /// The file.
        name: String,
        /// What happened.
        outcome: Outcome,
    },
    /// The second pass begins: documents checked again now that last year's is stored.
    Recheck(usize),
}

/// A batch's result.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// The run's id in the store.
    pub run: i64,
    /// The counts kept in `runs`.
    pub counts: RunCounts,
    /// Documents checked again in the second pass.
    pub rechecked: usize,
    /// Findings of the stored documents: errors, warnings.
    pub errors: usize,
    /// 警告
    pub warnings: usize,
    /// The files that could not be read, with why.
    pub failures: Vec<(String, String)>,
    /// Files read as parts of another's document (published in several files): how many
    /// fewer documents than files there were.
    pub parts: usize,
}

/// What a worker reads: a file found, the files of one document published in parts (see
/// [`crate::parts`]), or a stored document checked again.
enum Job {
    File(PathBuf),
    Parts(Vec<PathBuf>),
    Again(Stored),
}

/// A worker's result for the writer.
enum Done {
    Audit(Box<Audit>, Vec<u8>),
    Skipped(String),
}

/// Reads a file whole, refusing one over the size limit (recorded as a failure under the hash
/// of its bytes, read in pieces).
fn read_file(path: &Path) -> Result<Vec<u8>, (String, String)> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let shown = path.display().to_string();
    let io = |e: std::io::Error| (String::new(), format!("{shown}：无法读取：{e}"));
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len <= MAX_FILE_BYTES {
        return std::fs::read(path).map_err(io);
    }
    let mut f = std::fs::File::open(path).map_err(io)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    let hash: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Err((
        hash,
        format!("{shown}：有 {len} 字节，超过上限 {MAX_FILE_BYTES} 字节，未读取"),
    ))
}

/// Last year's document for `d` from the store, read again from its stored bytes.
pub fn previous_from(store: &Store, r: &read::Read) -> audit::Previous {
    previous_for(store, &r.disclosure, r.format)
}

/// Last year's document for `d` (read as `format`) from the store, read again from its stored
/// bytes: what `batch`, an upload and `check --db` compare with.
pub fn previous_for(
    store: &Store,
    d: &yusuan_core::disclosure::Disclosure,
    format: read::Format,
) -> audit::Previous {
    if d.department.trim().is_empty() || d.year == 0 {
        return None;
    }
    let stored = store
        .previous_of(d.department.trim(), d.year, d.stage.word(), format.word())
        .ok()??;
    let bytes = store.content(&stored.hash).ok()??;
    let r = read::read(&stored.file_name, &bytes).ok()?;
    Some((stored.hash, r.disclosure))
}

/// A file that could not be read, recorded under `hash` with why.
fn unreadable(name: String, hash: String, why: String) -> Done {
    let failed = Audit {
        name,
        hash,
        bytes: 0,
        outcome: Err(read::Failure {
            message: why,
            diagnostics: Vec::new(),
            text: String::new(),
        }),
        millis: 0,
    };
    Done::Audit(Box::new(failed), Vec::new())
}

/// One worker's job done: `None` when the store already has the file (and not forced).
fn work(job: &Job, store: &Store, force: bool) -> Done {
    let (name, bytes) = match job {
        Job::File(path) => {
            let name = path.display().to_string();
            match read_file(path) {
                Ok(bytes) => (name, bytes),
                Err((hash, why)) => {
                    let hash = if hash.is_empty() {
                        audit::hash(name.as_bytes())
                    } else {
                        hash
                    };
                    if !force && store.has(&hash).unwrap_or(false) {
                        return Done::Skipped(name);
                    }
                    return unreadable(name, hash, why);
                }
            }
        }
        Job::Parts(paths) => {
            let name = crate::parts::joined_name(paths);
            let mut all = Vec::new();
            for p in paths {
                match read_file(p) {
                    Ok(bytes) => all.push(bytes),
                    Err((_, why)) => {
                        let hash = audit::hash(name.as_bytes());
                        return unreadable(name, hash, why);
                    }
                }
            }
            let refs: Vec<&[u8]> = all.iter().map(Vec::as_slice).collect();
            (name, crate::parts::pack(&refs))
        }
        Job::Again(s) => match store.content(&s.hash) {
            Ok(Some(bytes)) => (s.file_name.clone(), bytes),
            _ => return Done::Skipped(s.file_name.clone()),
        },
    };
    if !matches!(job, Job::Again(_)) && !force && store.has(&audit::hash(&bytes)).unwrap_or(false) {
        return Done::Skipped(name);
    }
    let a = audit::audit(&name, &bytes, &|r| previous_from(store, r));
    Done::Audit(Box::new(a), bytes)
}

/// The writer's side of a batch: the store, the run, and what has been counted.
struct Writer<'a> {
    db: &'a Path,
    store: &'a mut Store,
    run: i64,
    summary: &'a mut Summary,
    done: &'a mut usize,
}

/// Runs `jobs` on `opts.jobs` workers, writing each result as it comes; `on_event` hears of each.
fn run_jobs(
    w: &mut Writer<'_>,
    jobs: Vec<Job>,
    opts: &Options,
    on_event: &mut dyn FnMut(Event),
) -> Result<(), StoreError> {
    let Writer {
        db,
        store,
        run,
        summary,
        done,
    } = w;
    let (db, run) = (*db, *run);
    let next = AtomicUsize::new(0);
    let workers = opts.jobs.max(1).min(jobs.len().max(1));
    // Bounded: a slow writer holds the readers back instead of holding every document in memory.
    let (tx, rx) = mpsc::sync_channel::<Result<Done, StoreError>>(workers * 2);
    let mut written = std::collections::HashSet::new();
    std::thread::scope(|scope| -> Result<(), StoreError> {
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, jobs) = (&next, &jobs);
            scope.spawn(move || {
                let store = match Store::open_read_only(db) {
                    Ok(s) => s,
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                };
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    if tx.send(Ok(work(job, &store, opts.force))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut failure = None;
        for msg in rx {
            let result = match msg {
                Ok(r) => r,
                Err(e) => {
                    failure.get_or_insert(e);
                    // Stop handing out work; the workers finish what they hold.
                    next.store(usize::MAX / 2, Ordering::Relaxed);
                    continue;
                }
            };
            if failure.is_some() {
                continue;
            }
            **done += 1;
            let (name, outcome) = match result {
                Done::Skipped(name) => {
                    summary.counts.skipped += 1;
                    (name, Outcome::Skipped)
                }
                // The same content twice in one batch is stored once.
                Done::Audit(a, _) if written.contains(&a.hash) => {
                    summary.counts.skipped += 1;
                    (a.name, Outcome::Skipped)
                }
                Done::Audit(a, bytes) => {
                    if let Err(e) = store.put(run, &a, &bytes) {
                        failure = Some(e);
                        next.store(usize::MAX / 2, Ordering::Relaxed);
                        continue;
                    }
                    written.insert(a.hash.clone());
                    summary.counts.stored += 1;
                    let outcome = match &a.outcome {
                        Ok(x) => {
                            let n = |s| x.findings.iter().filter(|f| f.severity == s).count();
                            Outcome::Stored {
                                errors: n(Severity::Error),
                                warnings: n(Severity::Warning),
                                with_previous: x.previous.is_some(),
                            }
                        }
                        Err(f) => {
                            summary.counts.failed += 1;
                            summary.failures.push((a.name.clone(), f.message.clone()));
                            Outcome::Failed(f.message.clone())
                        }
                    };
                    (a.name, outcome)
                }
            };
            on_event(Event::Done {
                done: **done,
                name,
                outcome,
            });
        }
        failure.map_or(Ok(()), Err)
    })
}

/// Reads and checks `files` into the store at `db` (created when absent).
pub fn run(
    files: &[PathBuf],
    db: &Path,
    opts: &Options,
    on_event: &mut dyn FnMut(Event),
) -> Result<Summary, StoreError> {
    let mut store = Store::open(db)?;
    let paths = files
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let run = store.begin_run(&paths)?;
    let mut summary = Summary {
        run,
        ..Summary::default()
    };
    // Files of one document published in parts are read as one: a document each.
    let jobs: Vec<Job> = crate::parts::group(files)
        .into_iter()
        .map(|mut g| {
            if g.len() == 1 {
                Job::File(g.remove(0))
            } else {
                Job::Parts(g)
            }
        })
        .collect();
    summary.parts = files.len() - jobs.len();
    summary.counts.found = jobs.len();
    on_event(Event::Found(jobs.len()));
    let mut done = 0;
    let mut w = Writer {
        db,
        store: &mut store,
        run,
        summary: &mut summary,
        done: &mut done,
    };
    run_jobs(&mut w, jobs, opts, on_event)?;
    // Last year's document may have come after this year's in the batch: check those again.
    let again = store.awaiting_previous()?;
    if !again.is_empty() {
        summary.rechecked = again.len();
        on_event(Event::Recheck(again.len()));
        let mut second = Summary::default();
        let mut done2 = 0;
        let jobs = again.into_iter().map(Job::Again).collect();
        let forced = Options {
            force: true,
            ..opts.clone()
        };
        let mut w = Writer {
            db,
            store: &mut store,
            run,
            summary: &mut second,
            done: &mut done2,
        };
        run_jobs(&mut w, jobs, &forced, on_event)?;
    }
    let (errors, warnings): (i64, i64) = store
        .connection()
        .query_row(
            "SELECT coalesce(sum(errors), 0), coalesce(sum(warnings), 0) FROM documents
             WHERE run_id = ?1",
            [run],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| StoreError(format!("数据库 {} 出错：{e}", db.display())))?;
    summary.errors = usize::try_from(errors).unwrap_or(0);
    summary.warnings = usize::try_from(warnings).unwrap_or(0);
    store.end_run(run, summary.counts)?;
    Ok(summary)
}
