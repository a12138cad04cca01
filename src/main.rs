//! The `copil` binary: the command line, handed over to the library.
#![forbid(unsafe_code)]

use clap::Parser;

fn main() {
    let cli = copil::cli::Cli::parse();
    if let Err(error) = copil::cli::run(cli) {
        eprintln!("copil: {error}");
        std::process::exit(error.exit_code());
    }
}
