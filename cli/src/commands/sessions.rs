//! `opentok session create`: the `create_session` operation.

use clap::Subcommand;

use super::args::{call, Call, Obj};

/// `opentok session …`
#[derive(Subcommand)]
pub enum SessionCmd {
    /// Create a session (prints its id).
    Create {
        /// `routed` (through the Media Router; needed for archives, broadcasts, …) or `relayed`
        /// (core's default, as in the official SDKs).
        #[arg(long, value_name = "MODE")]
        media_mode: Option<String>,
        /// `manual` (default) or `always` (archive automatically; needs routed).
        #[arg(long, value_name = "MODE")]
        archive_mode: Option<String>,
        /// IPv4 address used as a location hint.
        #[arg(long, value_name = "IP")]
        location: Option<String>,
        /// Name of automatic archives (only with `--archive-mode always`).
        #[arg(long)]
        archive_name: Option<String>,
        /// Resolution of automatic archives, e.g. 1280x720 (only with `--archive-mode always`).
        #[arg(long)]
        archive_resolution: Option<String>,
        /// Turn on end-to-end encryption (routed sessions only).
        #[arg(long)]
        e2ee: bool,
    },
}

pub(super) fn plan(s: SessionCmd) -> Call {
    match s {
        SessionCmd::Create {
            media_mode,
            archive_mode,
            location,
            archive_name,
            archive_resolution,
            e2ee,
        } => call(
            "create_session",
            Obj::new()
                .opt("media_mode", media_mode)
                .opt("archive_mode", archive_mode)
                .opt("location", location)
                .opt("archive_name", archive_name)
                .opt("archive_resolution", archive_resolution)
                .flag("e2ee", e2ee),
        ),
    }
}
