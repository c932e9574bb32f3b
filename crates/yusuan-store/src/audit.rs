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
            let findings = yusuan_check::check(&Cx {
                disclosure: &read.disclosure,
                budget: read.budget.as_ref(),
                previous: last.as_ref().map(|(_, d)| d),
            });
            Audited {
                read,
                findings,
                previous: last.map(|(h, _)| h),
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
/// `中共西安市委宣传部` → `西安市`), up to its first 省, 自治区, 市 or 县; `None` when the
/// name does not begin with one.
pub fn region(department: &str) -> Option<String> {
    let name: String = department.chars().filter(|c| !c.is_whitespace()).collect();
    let name = name.strip_prefix("中共").unwrap_or(&name);
    let chars: Vec<char> = name.chars().collect();
    for (i, w) in chars.iter().enumerate().take(8).skip(1) {
        let end = if *w == '自' && chars.get(i + 1..i + 3) == Some(&['治', '区']) {
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
        assert_eq!(region("示范区管理委员会"), None);
        assert_eq!(region(""), None);
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
