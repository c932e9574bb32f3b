//! Check of the reference example: all rules on the derived document with its budget, and
//! the table rules on the published tables read from CSV.
//! Run: `cargo bench -p yusuan-check --bench check`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use yusuan_check::engine::Cx;

const EXAMPLE: &str = include_str!("../../../examples/changji-sme-center-2025.toml");
const GOLDEN: &str = include_str!("../../../tests/golden/changji-2025-tables.csv");

fn bench(c: &mut Criterion) {
    let budget = yusuan_formats::source::parse(EXAMPLE)
        .budget
        .expect("example parses");
    let derived = yusuan_core::derive(&budget);
    c.bench_function("check example (source, 115 rules)", |b| {
        b.iter(|| {
            yusuan_check::check(black_box(&Cx {
                disclosure: &derived,
                budget: Some(&budget),
                previous: None,
            }))
        })
    });
    let (published, _) = yusuan_formats::tables::csv::read(GOLDEN);
    c.bench_function("check published tables (csv)", |b| {
        b.iter(|| {
            yusuan_check::check(black_box(&Cx {
                disclosure: &published,
                budget: None,
                previous: None,
            }))
        })
    });
    c.bench_function("parse + derive + check example", |b| {
        b.iter(|| {
            let budget = yusuan_formats::source::parse(black_box(EXAMPLE))
                .budget
                .expect("parses");
            let d = yusuan_core::derive(&budget);
            yusuan_check::check(&Cx {
                disclosure: &d,
                budget: Some(&budget),
                previous: None,
            })
            .len()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
