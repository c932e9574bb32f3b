//! Import (and import + check) of the reference example's published text, of PDFs read
//! natively (the reference's rendered PDF and the Shanghai corpus documents), and of the
//! Shanghai documents' layout texts (`pdftotext -layout`) and one reading-order text.
//! Run: `cargo bench -p yusuan-import --bench import`. Compare with poppler on the same files:
//! `time (for i in $(seq 20); do pdftotext -layout FILE /dev/null; done)`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const TEXT: &str = include_str!("../../../examples/changji-sme-center-2025-budget.published.txt");

fn bench(c: &mut Criterion) {
    c.bench_function("import reference text", |b| {
        b.iter(|| yusuan_import::import_text(black_box(TEXT)))
    });
    c.bench_function("import + check reference text", |b| {
        b.iter(|| {
            let (d, _) = yusuan_import::import_text(black_box(TEXT));
            yusuan_check::check(&yusuan_check::engine::Cx {
                disclosure: &d,
                budget: None,
                previous: None,
            })
            .len()
        })
    });
}

fn pdfs(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let files = [
        "data/changji-2025-rendered.pdf",
        "corpus/shanghai_putuo_shehuifuliyuan_2024_unit_budget.pdf",
        "corpus/shanghai_putuo_zhengfu_bangongshi_2025_dept_budget.pdf",
        "corpus/shanghai_putuo_shehui_gongzuobu_2024_dept_final_account.pdf",
        "corpus/shanghai_putuo_wanli_jiedao_2023_dept_budget.pdf",
        "corpus/shanghai_putuo_caizhengju_2024_dept_final_account.pdf",
    ];
    for f in files {
        let bytes = std::fs::read(dir.join(f)).expect("test PDF");
        let name = f.rsplit('/').next().unwrap_or(f);
        c.bench_function(&format!("pdf import + check {name}"), |b| {
            b.iter(|| {
                let (d, _, _) = yusuan_import::import_pdf(black_box(&bytes));
                yusuan_check::check(&yusuan_check::engine::Cx {
                    disclosure: &d,
                    budget: None,
                    previous: None,
                })
                .len()
            })
        });
    }
}

fn texts(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let files = [
        "shanghai_putuo_zhengfu_bangongshi_2025_dept_budget.txt",
        "shanghai_putuo_wanli_jiedao_2023_dept_budget.txt",
        "shanghai_putuo_caizhengju_2024_dept_final_account.txt",
        "shanghai_putuo_shiquanlu_jiedao_2026_unit_budget_pages.txt",
    ];
    for f in files {
        let text = std::fs::read_to_string(dir.join(f)).expect("test text");
        c.bench_function(&format!("text import + check {f}"), |b| {
            b.iter(|| {
                let (d, _) = yusuan_import::import_text(black_box(&text));
                yusuan_check::check(&yusuan_check::engine::Cx {
                    disclosure: &d,
                    budget: None,
                    previous: None,
                })
                .len()
            })
        });
    }
}

criterion_group!(benches, bench, pdfs, texts);
criterion_main!(benches);
