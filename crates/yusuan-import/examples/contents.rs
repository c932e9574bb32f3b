//! Prints a document's contents entries and where each part was found in the body.
//! `cargo run --release -p yusuan-import --example contents -- FILE...`
fn main() {
    for file in std::env::args().skip(1) {
        let bytes = std::fs::read(&file).unwrap_or_default();
        let d = if file.ends_with(".pdf") {
            yusuan_import::import_pdf(&bytes).0
        } else {
            yusuan_import::import_text(&String::from_utf8_lossy(&bytes)).0
        };
        println!("== {file}");
        for e in &d.contents {
            let printed = match &e.found {
                Some(yusuan_core::source::SourceRef::Line { page: Some(p), .. }) => d
                    .pages
                    .iter()
                    .find(|v| v.number == *p)
                    .and_then(|v| v.printed_number),
                _ => None,
            };
            println!(
                "  {:?} {} → {:?} printed {:?}",
                e.page, e.title, e.found, printed
            );
        }
    }
}
