//! Prints what each page of a PDF shows a person (the page checks' input): glyphs seen,
//! drawings, hidden text, overprinted text, the printed page number.
//! `cargo run --release -p yusuan-import --example views -- FILE.pdf...`
fn main() {
    for file in std::env::args().skip(1) {
        let bytes = std::fs::read(&file).unwrap_or_default();
        let (pages, _) = yusuan_import::pdf::pages(&bytes);
        println!("== {file}");
        for p in &pages {
            let v = &p.view;
            let flag = if v.is_blank() { " BLANK" } else { "" };
            println!(
                "  p{} printed={:?} glyphs={} drawings={} unmapped={} hidden={:?} over={:?}{flag}",
                v.number,
                v.printed_number,
                v.glyphs,
                v.drawings,
                v.unmapped,
                v.hidden,
                v.overprinted
            );
        }
    }
}
