//! Reads a laid-out dump (as `laid` prints it, perhaps edited) by meaning, as `check` reads a
//! PDF, and prints the tables and what the reader said — to see what a fixture edit does.
//! `cargo run -p yusuan-import --example dump_tables -- FILE.dump`
fn main() {
    let Some(file) = std::env::args().nth(1) else {
        eprintln!("usage: dump_tables FILE.dump");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(file).expect("read the dump");
    let pages = yusuan_import::pdf::undump(&text);
    let (d, diags) =
        yusuan_import::read_by_meaning(&pages, &yusuan_import::pdf::join(&pages), true);
    for x in diags {
        eprintln!("{} {}", x.code, x.message);
    }
    print!("{}", yusuan_formats::tables::csv::render(&d));
}
