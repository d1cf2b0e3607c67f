//! `opentok render …`: Experience Composer renders.

use clap::Subcommand;

use super::args::PageOpts;
use super::args::{call, id, paged, with_token, Call, Obj};

/// `opentok render …`
#[derive(Subcommand)]
pub enum RenderCmd {
    /// Start an Experience Composer render of a web page into a session.
    Start {
        /// The session id.
        session_id: String,
        /// The page to render (http:// or https://).
        url: String,
        /// Token for the render (default: a moderator token minted locally).
        #[arg(long)]
        token: Option<String>,
        /// Maximum duration in seconds (60–36000).
        #[arg(long, value_name = "SECONDS")]
        max_duration: Option<i64>,
        /// Resolution, e.g. 1280x720.
        #[arg(long)]
        resolution: Option<String>,
        /// URL that receives status callbacks.
        #[arg(long, value_name = "URL")]
        status_callback_url: Option<String>,
        /// Name of the published stream.
        #[arg(long)]
        name: Option<String>,
    },
    /// Read one render.
    Get {
        /// The render id.
        render_id: String,
    },
    /// Stop a render.
    Stop {
        /// The render id.
        render_id: String,
    },
    /// List renders.
    List {
        #[command(flatten)]
        page: PageOpts,
    },
}

pub(super) fn plan(r: RenderCmd) -> Call {
    match r {
        RenderCmd::Start {
            session_id,
            url,
            token,
            max_duration,
            resolution,
            status_callback_url,
            name,
        } => with_token(call(
            "start_render",
            id("session_id", session_id)
                .put("url", url)
                .opt("token", token)
                .opt("max_duration", max_duration)
                .opt("resolution", resolution)
                .opt("status_callback_url", status_callback_url)
                .opt(
                    "properties",
                    name.map(|n| Obj::new().put("name", n).build()),
                ),
        )),
        RenderCmd::Get { render_id } => call("get_render", id("render_id", render_id)),
        RenderCmd::Stop { render_id } => call("stop_render", id("render_id", render_id)),
        RenderCmd::List { page } => paged("list_renders", page, Obj::new()),
    }
}
