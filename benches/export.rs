//! Each export format for a 10,000-commitment meeting. Target: under one second each; the
//! PDF, laid out by typst, under one second for the seed meeting (22 commitments) and ten
//! for 10,000.

use std::hint::black_box;

use copil::config::Config;
use copil::export::{self, Format, TextLayout};
use copil::model::generate;
use copil::record::Record;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn exports(c: &mut Criterion) {
    let config = Config::builtin();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    for n in [20, 10_000] {
        let meeting = generate::meeting(n, 1);
        for format in [Format::Docx, Format::Html, Format::Md, Format::Txt] {
            group.bench_function(BenchmarkId::new(format.extension(), n), |b| {
                b.iter(|| {
                    let record = Record::build(black_box(&meeting), &config.marks, &config.export);
                    export::render(&record, format, TextLayout::default()).unwrap()
                })
            });
        }
    }
    group.finish();
}

/// The PDF: the seed meeting's 22 commitments, with observations, and 10,000.
fn pdf(c: &mut Criterion) {
    let config = Config::builtin();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(20));
    for n in [22, 10_000] {
        let meeting = generate::meeting(n, 1);
        group.bench_function(BenchmarkId::new("pdf", n), |b| {
            b.iter(|| {
                let record = Record::build(black_box(&meeting), &config.marks, &config.export);
                export::render(&record, Format::Pdf, TextLayout::default()).unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, exports, pdf);
criterion_main!(benches);
