//! The `copil` binary: the command line, handed over to the library.
#![forbid(unsafe_code)]

fn main() {
    copil::log::started();
    let cli = copil::cli::parse();
    if let Err(error) = copil::cli::run(cli) {
        use std::io::Write;
        // Written without panicking, even to a terminal that has gone away.
        let _ = writeln!(std::io::stderr(), "copil: {error}");
        std::process::exit(error.exit_code());
    }
}
