//! The reference example's whole document as Markdown, text and HTML, snapshotted: any change
//! to what an office would publish shows in review as a diff of the document itself.

mod common;
use common::reference;
use yusuan_formats::{document, html};

#[test]
fn reference_document_markdown() {
    insta::assert_snapshot!(document::markdown(&reference()));
}

#[test]
fn reference_document_text() {
    insta::assert_snapshot!(document::text(&reference()));
}

#[test]
fn reference_document_html() {
    insta::assert_snapshot!(html::render(&reference()));
}
