//! 审核 — one file read and checked, with everything the store keeps of it: its content hash,
//! the document, what reading said, the rules' findings, and last year's document when one was
//! used. Never panics on any bytes: a reader that fails (or, against every intention, panics)
//! gives a `Failure` that says so, and the batch goes on.

use crate::read::{self, Failure, Read};
use sha2::{Digest, Sha256};
use std::time::Instant;
use yusuan_check::engine::Cx;
use yusuan_core::diag::Diagnostic;
use yusuan_core::disclosure::Disclosure;
use yusuan_core::sheet::Sheet;

/// A file's content hash: SHA-256, lower-case hex. The store's key for a document.
pub fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// A document read and checked.
pub struct Audited {
    /// The document as read.
    pub read: Read,
    /// What the rules found.
    pub findings: Vec<Diagnostic>,
    /// The hash of last year's document the checks used, when one was.
    pub previous: Option<String>,
    /// 预算公开情况检查表 — the inspection sheet.
    pub sheet: Sheet,
    /// The obligations ledger's verdicts.
    pub score: Score,
}

/// 完整性得分 — how well a document meets the obligations of the ledger
/// (`yusuan obligations`) its rules could judge: each obligation passed counts 1, one with
/// warnings ½, one failed 0; the score is their sum over the obligations judged, as a whole
/// percentage (half up). Obligations that could not be judged on the document (未评估) count
/// neither way. Documented in docs/web.md.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Obligations judged (not 未评估).
    pub evaluated: usize,
    /// 通过
    pub passed: usize,
    /// 有警告
    pub warned: usize,
    /// 未通过
    pub failed: usize,
}

impl Score {
    /// The score, 0–100, or `None` when no obligation could be judged.
    pub fn percent(&self) -> Option<u32> {
        if self.evaluated == 0 {
            return None;
        }
        let points = 2 * self.passed + self.warned; // in halves
        let p = (points * 100 * 2 + 2 * self.evaluated) / (2 * 2 * self.evaluated);
        u32::try_from(p).ok()
    }

    /// The verdicts of the ledger on a checked document.
    pub fn of(cx: &Cx<'_>, findings: &[Diagnostic]) -> Score {
        use yusuan_check::obligations::{Status, evaluate};
        let mut s = Score::default();
        for (_, status) in evaluate(cx, findings) {
            match status {
                Status::NotEvaluated => continue,
                Status::Passed => s.passed += 1,
                Status::Warnings => s.warned += 1,
                Status::Failed => s.failed += 1,
            }
            s.evaluated += 1;
        }
        s
    }
}

/// The inspection sheet of a document read and checked: the reader's print defects go on it
/// with the rules' findings; a budget source's sheet reads the document it makes.
pub fn sheet(name: &str, read: &Read, cx: &Cx<'_>, findings: &[Diagnostic]) -> Sheet {
    sheet_of(name, cx, &read.text, &read.diagnostics, findings)
}

/// The inspection sheet of a checked document, from the text it was read from and what
/// reading said (only its print defects go on the sheet). The `check --format sheet` command
/// and the store both make it here.
pub fn sheet_of(
    name: &str,
    cx: &Cx<'_>,
    text: &str,
    reading: &[Diagnostic],
    findings: &[Diagnostic],
) -> Sheet {
    // A budget source has no printed text: its sheet reads the document it makes.
    let made;
    let text = if cx.budget.is_some() {
        made = yusuan_formats::document::text(cx.disclosure);
        made.as_str()
    } else {
        text
    };
    let mut all: Vec<Diagnostic> = reading
        .iter()
        .filter(|d| yusuan_check::sheet::PRINT_DEFECTS.contains(&d.code))
        .cloned()
        .collect();
    all.extend(findings.iter().cloned());
    yusuan_check::sheet::build(cx, &all, text, name)
}

/// One file's audit: read and checked, or why it could not be.
pub struct Audit {
    /// The file's name as found (a path).
    pub name: String,
    /// Content hash.
    pub hash: String,
    /// Size in bytes.
    pub bytes: usize,
    /// The document, or why there is none.
    pub outcome: Result<Audited, Failure>,
    /// Milliseconds spent reading and checking.
    pub millis: u64,
}

/// Last year's document of the same department and stage (its content hash and the document),
/// for the comparisons with the previous year (N1004): what a lookup gives for a document read.
pub type Previous = Option<(String, Disclosure)>;

/// Reads `bytes` (named `name`) and checks the document, against the document `previous`
/// finds for it (last year's, of the same department and stage) when it finds one.
pub fn audit(name: &str, bytes: &[u8], previous: &dyn Fn(&Read) -> Previous) -> Audit {
    let start = Instant::now();
    let hash = hash(bytes);
    let outcome = guarded(name, || {
        read::read(name, bytes).map(|read| {
            let last = previous(&read).filter(|(_, p)| {
                p.year == read.disclosure.year - 1 && p.stage == read.disclosure.stage
            });
            let cx = Cx {
                disclosure: &read.disclosure,
                budget: read.budget.as_ref(),
                previous: last.as_ref().map(|(_, d)| d),
            };
            let findings = yusuan_check::check(&cx);
            let score = Score::of(&cx, &findings);
            let sheet = sheet(name, &read, &cx, &findings);
            Audited {
                read,
                findings,
                previous: last.map(|(h, _)| h),
                sheet,
                score,
            }
        })
    });
    Audit {
        name: name.to_string(),
        hash,
        bytes: bytes.len(),
        outcome,
        millis: u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX),
    }
}

/// Runs `f`, turning a panic (a bug of ours, never the document's fault) into a `Failure` that
/// says so, so that one bad file does not end a batch of thousands.
pub fn guarded<T>(name: &str, f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Failure {
                message: format!(
                    "{name}：读取或检查时程序内部出错（{why}），这不是文件本身的问题，请报告给 yusuan 的维护者"
                ),
                diagnostics: Vec::new(),
                text: String::new(),
            })
        }
    }
}

/// The place a model element points at, as (page, line).
pub fn place(at: &yusuan_core::source::SourceRef) -> (Option<u32>, Option<usize>) {
    use yusuan_core::source::SourceRef;
    match at {
        SourceRef::Line { page, line } => (*page, Some(*line)),
        SourceRef::Span { line, .. } => (None, Some(*line)),
        _ => (None, None),
    }
}

/// Region: the place name the department's name begins with (`上海市财政局` → `上海市`,
/// `中共西安市委宣传部` → `西安市`), up to its first 省, 自治区, 自治州, 市 or 县; `None` when the
/// name does not begin with one.
pub fn region(department: &str) -> Option<String> {
    let name: String = department.chars().filter(|c| !c.is_whitespace()).collect();
    let name = name.strip_prefix("中共").unwrap_or(&name);
    let chars: Vec<char> = name.chars().collect();
    for (i, w) in chars.iter().enumerate().take(8).skip(1) {
        let end = if *w == '自' && matches!(chars.get(i + 1..i + 3), Some(['治', '区' | '州']))
        {
            i + 3
        } else if matches!(w, '省' | '市' | '县') {
            i + 1
        } else {
            continue;
        };
        return Some(chars[..end].iter().collect());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_is_the_leading_place_name() {
        assert_eq!(region("上海市财政局").as_deref(), Some("上海市"));
        assert_eq!(region("中共西安市委宣传部").as_deref(), Some("西安市"));
        assert_eq!(
            region("广西壮族自治区财政厅").as_deref(),
            Some("广西壮族自治区")
        );
        assert_eq!(region("广东省财政厅").as_deref(), Some("广东省"));
        assert_eq!(
            region("昌吉回族自治州中小企业发展服务中心").as_deref(),
            Some("昌吉回族自治州")
        );
        assert_eq!(region("示范区管理委员会"), None);
        assert_eq!(region(""), None);
    }

    #[test]
    fn the_score_counts_warnings_half_and_rounds_half_up() {
        let s = |evaluated, passed, warned| Score {
            evaluated,
            passed,
            warned,
            failed: evaluated - passed - warned,
        };
        assert_eq!(s(0, 0, 0).percent(), None);
        assert_eq!(s(4, 4, 0).percent(), Some(100));
        assert_eq!(s(4, 2, 1).percent(), Some(63)); // 62.5 → 63
        assert_eq!(s(3, 1, 0).percent(), Some(33));
        assert_eq!(s(3, 2, 0).percent(), Some(67));
        assert_eq!(s(5, 0, 0).percent(), Some(0));
    }

    #[test]
    fn a_file_no_reader_takes_is_a_failure_not_a_panic() {
        let a = audit("x.doc", b"\xff\xfe", &|_| None);
        let f = a.outcome.err().expect("unsupported");
        assert!(f.message.contains("不支持的文件类型"), "{}", f.message);
        let a = audit("broken.pdf", b"%PDF-1.4\n garbage", &|_| None);
        assert!(a.outcome.is_err());
        assert_eq!(a.hash.len(), 64);
    }
}
