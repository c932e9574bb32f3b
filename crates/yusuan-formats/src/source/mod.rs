//! The budget source format: a TOML file a finance officer writes and git can diff.
//!
//! `parse` is a pure function of the text: it returns the [`Budget`] when the file is sound,
//! and every problem it found (not only the first), each with a Chinese message, a code and the
//! line and column. The format is documented in `docs/source-format.md`; `yusuan init` writes
//! [`TEMPLATE`], a commented starting point.

mod reader;
pub mod workbook;
mod write;

use yusuan_core::Budget;
use yusuan_core::diag::Diagnostic;

pub use reader::parse;
pub use write::write;

/// A commented template for a new department (`yusuan init`).
pub const TEMPLATE: &str = include_str!("template.toml");

/// The result of reading a source file: the budget (when no error was found) and diagnostics.
#[derive(Debug)]
pub struct Parsed {
    /// The budget, `None` when any error was found.
    pub budget: Option<Budget>,
    /// Every problem found, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Source-format diagnostic codes. Stable; never reused.
pub mod codes {
    /// TOML 语法错误
    pub const SYNTAX: &str = "S001";
    /// 缺少必填字段
    pub const MISSING: &str = "S002";
    /// 字段类型不对
    pub const TYPE: &str = "S003";
    /// 未知字段
    pub const UNKNOWN_KEY: &str = "S004";
    /// 科目编码格式错误或级次不对
    pub const BAD_CODE: &str = "S005";
    /// 科目表中没有该科目
    pub const UNKNOWN_CODE: &str = "S006";
    /// 未知资金来源
    pub const UNKNOWN_FUND: &str = "S007";
    /// 金额格式错误
    pub const BAD_AMOUNT: &str = "S008";
    /// 重复账目
    pub const DUPLICATE: &str = "S009";
    /// 引用了未声明的项目
    pub const UNKNOWN_PROJECT: &str = "S010";
    /// 取值不在允许范围内
    pub const BAD_VALUE: &str = "S011";
    /// 文件不是 UTF-8 编码
    pub const ENCODING: &str = "S012";
}

/// Decodes a text file's bytes: UTF-8 (with or without BOM), or else GB18030 (which includes
/// GBK and GB2312, common in government files) when the bytes are valid GB18030; anything else
/// is an error naming the line of the first bad byte. Returns the text and the encoding's name.
#[allow(clippy::result_large_err)] // the error is the diagnostic the caller prints
pub fn decode_text(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, &'static str), Diagnostic> {
    match decode(bytes) {
        Ok(t) => Ok((std::borrow::Cow::Borrowed(t), "UTF-8")),
        Err(utf8_error) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                Err(utf8_error)
            } else {
                Ok((text, "GB18030"))
            }
        }
    }
}

/// Decodes a source file's bytes: UTF-8 (with or without BOM) only; anything else is an error
/// naming the line of the first bad byte.
#[allow(clippy::result_large_err)] // the error is the diagnostic the caller prints
pub fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        let line = bytes[..good].iter().filter(|b| **b == b'\n').count() + 1;
        Diagnostic::error(
            codes::ENCODING,
            format!(
                "文件不是 UTF-8 编码：第 {line} 行（第 {} 字节）起无法按 UTF-8 解读",
                good + 1
            ),
            yusuan_core::source::SourceRef::Line { page: None, line },
        )
        .with_help("请用文本编辑器将文件另存为 UTF-8 编码")
    })
}
