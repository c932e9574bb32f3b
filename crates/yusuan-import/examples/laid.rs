//! Prints a PDF's laid-out lines as `yusuan_import::pdf::dump` writes them: a line per line,
//! its page, then each cell as `x0:x1:text` (positions in 1/100 pt). For looking at layouts and
//! for writing fixtures on the Shanghai base.
//! `cargo run -p yusuan-import --example laid -- FILE.pdf [PAGE]`
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(file) = args.get(1) else {
        eprintln!("usage: laid FILE.pdf [PAGE]");
        std::process::exit(2);
    };
    let page = args.get(2).and_then(|p| p.parse::<u32>().ok());
    let bytes = std::fs::read(file).expect("read the file");
    let (pages, diags) = yusuan_import::pdf::pages(&bytes);
    for d in diags {
        eprintln!("{}", d.message);
    }
    let pages: Vec<_> = pages
        .into_iter()
        .filter(|p| page.is_none_or(|n| p.number == n))
        .collect();
    print!("{}", yusuan_import::pdf::dump(&pages));
}
