//! Command-line entry point shared by the `opentok-emulator` binary and `opentok emulator`.

use crate::config::{Config, DEFAULT_API_KEY, DEFAULT_API_SECRET};
use crate::server::Emulator;
use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

/// Options of `opentok-emulator` (also usable with `#[command(flatten)]` in another clap parser).
#[derive(Debug, Clone, clap::Parser)]
#[command(
    name = "opentok-emulator",
    version,
    about = "A local stand-in for the OpenTok / Vonage Video REST API"
)]
pub struct CliOptions {
    /// Port to listen on (0 = a free port; the URL is printed on the first line of stdout).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Address to bind.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Project API key accepted by the server.
    #[arg(long, env = "OPENTOK_API_KEY", default_value = DEFAULT_API_KEY)]
    pub api_key: String,
    /// Project API secret used to verify X-OPENTOK-AUTH JWTs.
    #[arg(long, env = "OPENTOK_API_SECRET", default_value = DEFAULT_API_SECRET, hide_env_values = true, hide_default_value = true)]
    pub api_secret: String,
    /// Vonage application id whose RS256 bearer JWTs are accepted too.
    #[arg(long, requires = "public_key")]
    pub application_id: Option<String>,
    /// PEM file with the application's public key (or its private key).
    #[arg(long, value_name = "FILE", requires = "application_id")]
    pub public_key: Option<PathBuf>,
    /// Disable the /_emulator/* admin routes.
    #[arg(long)]
    pub no_admin: bool,
    /// Callback delivery (`--callback-url`, `--signature-secret`, …).
    #[command(flatten)]
    pub callbacks: crate::callbacks_delivery::CallbackOptions,
}

/// Errors of [`run_cli`].
#[derive(Debug)]
pub enum CliError {
    /// Bad arguments, or `--help` / `--version` (call `.exit()` on it to print and exit).
    Usage(clap::Error),
    /// Could not read the key file or bind the port.
    Io(std::io::Error),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(e) => write!(f, "{e}"),
            CliError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CliError {}

impl CliOptions {
    /// The emulator configuration these options describe (reads the key file).
    pub fn config(&self) -> std::io::Result<Config> {
        let pem = match &self.public_key {
            Some(p) => Some(std::fs::read_to_string(p)?),
            None => None,
        };
        Ok(Config {
            api_key: self.api_key.clone(),
            api_secret: self.api_secret.clone(),
            application_id: self.application_id.clone(),
            application_public_key_pem: pem,
            admin: !self.no_admin,
        })
    }
}

/// Starts the emulator, prints its URL as the first line of stdout (flushed), and serves forever.
pub async fn run(opts: CliOptions) -> std::io::Result<()> {
    let config = opts.config()?;
    let emu = Emulator::start_on(config, SocketAddr::new(opts.host, opts.port)).await?;
    emu.set_callbacks(opts.callbacks.to_config());
    {
        let mut out = std::io::stdout().lock();
        // One write for both lines (the URL, then the page's address), so a reader that stops
        // after the first line never makes the second one fail.
        out.write_all(format!("{0}\n{0}/_emulator/\n", emu.url()).as_bytes())?;
        out.flush()?;
    }
    std::future::pending::<()>().await;
    drop(emu);
    Ok(())
}

/// Parses `args` (the first item is the program name) and runs the emulator.
pub async fn run_cli<I, T>(args: I) -> Result<(), CliError>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::Parser as _;
    let opts = CliOptions::try_parse_from(args).map_err(CliError::Usage)?;
    run(opts).await.map_err(CliError::Io)
}
