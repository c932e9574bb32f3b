//! PDF bytes → native text → import → check: never panics, never hangs, on any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (d, diags, text) = yusuan_import::import_pdf(data);
    for x in &diags {
        let _ = yusuan_formats::diag_text::render(x, "f.pdf", &text);
    }
    let findings = yusuan_check::check(&yusuan_check::engine::Cx { disclosure: &d, budget: None, previous: None });
    for x in &findings {
        let _ = yusuan_formats::diag_text::render(x, "f.pdf", &text);
    }
});
