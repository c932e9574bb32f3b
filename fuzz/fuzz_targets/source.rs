//! Budget source → parse → derive → check → render: never panics, on any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = yusuan_formats::source::decode(data) else { return };
    let parsed = yusuan_formats::source::parse(text);
    for x in &parsed.diagnostics {
        let _ = yusuan_formats::diag_text::render(x, "f.toml", text);
    }
    if let Some(b) = parsed.budget {
        let d = yusuan_core::derive(&b);
        let findings = yusuan_check::check(&yusuan_check::engine::Cx { disclosure: &d, budget: Some(&b), previous: None });
        for x in &findings {
            let _ = yusuan_formats::diag_text::render(x, "f.toml", text);
        }
        let _ = yusuan_formats::tables::csv::render(&d);
    }
});
