//! One module per command; `main.rs` only parses the arguments and dispatches.

pub(crate) mod batch;
pub(crate) mod catalogue;
pub(crate) mod check;
pub(crate) mod convert;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod render;
pub(crate) mod serve;
pub(crate) mod tables;
