//! V — 页面与版式: what the PDF's pages show a person, beside what a machine reads from them
//! (`Disclosure::pages`, read from a PDF only): blank pages, text no one can see, page numbers
//! out of sequence, text printed over text, a contents page whose page numbers are wrong.

pub mod v001;
pub mod v002;
pub mod v003;
pub mod v004;
pub mod v005;

pub(crate) use yusuan_core::source::page_list;
