//! Rules, one per file, grouped by family. The central list is [`crate::registry::RULES`].
#![allow(missing_docs)]

pub mod classification;
pub mod completeness;
pub mod cross;
pub mod narrative;
pub mod page;
pub mod profile;
pub mod project;
pub(crate) mod support;
pub mod table;
pub mod three_public;
