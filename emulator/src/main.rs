//! `opentok-emulator [--port N] [--host H] [--api-key K] [--api-secret S]
//! [--application-id ID --public-key FILE] [--no-admin]`

use std::process::ExitCode;

fn main() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("opentok-emulator: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(opentok_emulator::run_cli(std::env::args_os())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(opentok_emulator::CliError::Usage(e)) => e.exit(),
        Err(e) => {
            eprintln!("opentok-emulator: {e}");
            ExitCode::FAILURE
        }
    }
}
