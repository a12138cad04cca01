//! Each export format for a 10,000-commitment meeting. Target: under one second each; the
//! PDF, laid out by typst, under one second for the seed meeting (22 commitments) and ten
//! for 10,000 — inside the program, as `E` during a meeting writes it again and again, and
//! as `copil export FILE --format pdf` writes it, a program started for it alone.

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

/// The PDF as a secretary gets it from the command line: the program started, the meeting
/// file read, the PDF written, the program gone (`pdf-program`).
fn pdf_program(c: &mut Criterion) {
    let config = Config::builtin();
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(20));
    for n in [22, 10_000] {
        let file = dir.path().join(format!("copil-{n}.toml"));
        let meeting = generate::meeting(n, 1);
        std::fs::write(&file, copil::store::write_meeting(&meeting, &config.marks)).unwrap();
        let pdf = file.with_extension("pdf");
        group.bench_function(BenchmarkId::new("pdf-program", n), |b| {
            b.iter(|| {
                let done = std::process::Command::new(env!("CARGO_BIN_EXE_copil"))
                    .args(["export", "--force", "--format", "pdf", "-o"])
                    .arg(&pdf)
                    .arg(&file)
                    .env("LC_ALL", "C.UTF-8")
                    .env("COPIL_DATA_DIR", dir.path().join("data"))
                    .env("COPIL_CONFIG_DIR", dir.path().join("config"))
                    .output()
                    .unwrap();
                assert!(
                    done.status.success(),
                    "{}",
                    String::from_utf8_lossy(&done.stderr)
                );
            })
        });
    }
    group.finish();
}

criterion_group!(benches, exports, pdf, pdf_program);
criterion_main!(benches);
