//! # yusuan-formats — the formats at the edge
//!
//! - [`source`]: the TOML budget source format (read), and the `init` template.
//! - [`tables`]: the derived tables as text (East-Asian width aligned), Markdown, CSV (the
//!   stable open-data long form) and JSON.
//! - [`diag_text`]: diagnostics rendered rustc-style with the source excerpt.
//!
//! Readers are pure functions of text; the caller attaches file names.

#![deny(missing_docs)]

pub mod diag_json;
pub mod diag_text;
pub mod narrative;
pub mod source;
pub mod tables;
pub mod text;
