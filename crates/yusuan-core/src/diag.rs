//! Diagnostics are data: a code, a severity, a Chinese message, where, and help. Rendering
//! (terminal, JSON) lives at the edge.

use crate::source::SourceRef;
use serde::Serialize;

/// 严重程度
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 提示
    Info,
    /// 警告
    Warning,
    /// 错误
    Error,
}

impl Severity {
    /// 错误 / 警告 / 提示
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// A place a diagnostic points at, with a short label shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Where.
    pub at: SourceRef,
    /// What is there (may be empty).
    pub text: String,
}

/// 诊断 — one finding about an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code, e.g. `S008`.
    pub code: &'static str,
    /// Severity.
    pub severity: Severity,
    /// The message, in Chinese, saying what is wrong.
    pub message: String,
    /// The primary place.
    pub primary: Label,
    /// Other places involved.
    pub secondary: Vec<Label>,
    /// How to fix it, in Chinese.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `at`.
    pub fn error(code: &'static str, message: impl Into<String>, at: SourceRef) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            primary: Label {
                at,
                text: String::new(),
            },
            secondary: Vec::new(),
            help: None,
        }
    }

    /// Adds help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Adds a secondary place.
    pub fn with_secondary(mut self, at: SourceRef, text: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label {
            at,
            text: text.into(),
        });
        self
    }
}
