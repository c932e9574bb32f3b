//! Long-form CSV → read → check → render: never panics, on any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = yusuan_formats::source::decode_text(data) else { return };
    let (d, diags) = yusuan_formats::tables::csv::read(&text);
    for x in &diags {
        let _ = yusuan_formats::diag_text::render(x, "f.csv", &text);
    }
    let findings = yusuan_check::check(&yusuan_check::engine::Cx { disclosure: &d, budget: None, previous: None });
    for x in &findings {
        let _ = yusuan_formats::diag_text::render(x, "f.csv", &text);
    }
});
