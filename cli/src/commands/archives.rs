//! `opentok archive …`: start, stop, read, list, delete and lay out archives.

use clap::Subcommand;

use super::args::{call, id, paged, Call, Obj};
use super::args::{AddStreamOpts, LayoutOpts, PageOpts, SetLayoutOpts};

/// `opentok archive …`
#[derive(Subcommand)]
pub enum ArchiveCmd {
    /// Start recording a session.
    Start {
        /// The session to record.
        session_id: String,
        /// Archive name.
        #[arg(long)]
        name: Option<String>,
        /// Record audio (default true).
        #[arg(long, value_name = "BOOL")]
        has_audio: Option<bool>,
        /// Record video (default true).
        #[arg(long, value_name = "BOOL")]
        has_video: Option<bool>,
        /// composed (one file) or individual (one file per stream).
        #[arg(long, value_name = "MODE")]
        output_mode: Option<String>,
        /// Resolution of a composed archive, e.g. 1280x720.
        #[arg(long)]
        resolution: Option<String>,
        #[command(flatten)]
        layout: LayoutOpts,
        /// auto (every stream) or manual (add streams with `archive add-stream`).
        #[arg(long, value_name = "MODE")]
        stream_mode: Option<String>,
        /// Tag that allows several archives of one session at once.
        #[arg(long, value_name = "TAG")]
        multi_archive_tag: Option<String>,
        /// Maximum bitrate, bits per second.
        #[arg(long, value_name = "BPS")]
        max_bitrate: Option<i64>,
        /// Quantization parameter (15–40).
        #[arg(long, value_name = "QP")]
        quantization_parameter: Option<i64>,
        /// Produce a post-call transcription.
        #[arg(long)]
        has_transcription: bool,
        /// Transcription language, e.g. en-US.
        #[arg(long, value_name = "CODE")]
        transcription_language: Option<String>,
        /// Also summarize the transcription.
        #[arg(long)]
        transcription_summary: bool,
    },
    /// Stop a recording archive.
    Stop {
        /// The archive id.
        archive_id: String,
    },
    /// Read one archive.
    Get {
        /// The archive id.
        archive_id: String,
    },
    /// List archives, newest first.
    List {
        #[command(flatten)]
        page: PageOpts,
        /// Only archives of this session.
        #[arg(long)]
        session_id: Option<String>,
    },
    /// Delete an archive.
    Delete {
        /// The archive id.
        archive_id: String,
    },
    /// Change the layout of a composed archive.
    Layout {
        /// The archive id.
        archive_id: String,
        #[command(flatten)]
        layout: SetLayoutOpts,
    },
    /// Add a stream to a manual-mode archive.
    AddStream {
        /// The archive id.
        archive_id: String,
        #[command(flatten)]
        stream: AddStreamOpts,
    },
    /// Remove a stream from a manual-mode archive.
    RemoveStream {
        /// The archive id.
        archive_id: String,
        /// The stream to remove.
        stream_id: String,
    },
}

pub(super) fn plan(a: ArchiveCmd) -> Call {
    match a {
        ArchiveCmd::Start {
            session_id,
            name,
            has_audio,
            has_video,
            output_mode,
            resolution,
            layout,
            stream_mode,
            multi_archive_tag,
            max_bitrate,
            quantization_parameter,
            has_transcription,
            transcription_language,
            transcription_summary,
        } => {
            let tp = (transcription_language.is_some() || transcription_summary).then(|| {
                Obj::new()
                    .opt("primary_language_code", transcription_language)
                    .flag("has_summary", transcription_summary)
                    .build()
            });
            call(
                "start_archive",
                id("session_id", session_id)
                    .opt("name", name)
                    .opt("has_audio", has_audio)
                    .opt("has_video", has_video)
                    .opt("output_mode", output_mode)
                    .opt("resolution", resolution)
                    .opt("layout", layout.to_value())
                    .opt("stream_mode", stream_mode)
                    .opt("multi_archive_tag", multi_archive_tag)
                    .opt("max_bitrate", max_bitrate)
                    .opt("quantization_parameter", quantization_parameter)
                    .flag("has_transcription", has_transcription)
                    .opt("transcription_properties", tp),
            )
        }
        ArchiveCmd::Stop { archive_id } => call("stop_archive", id("archive_id", archive_id)),
        ArchiveCmd::Get { archive_id } => call("get_archive", id("archive_id", archive_id)),
        ArchiveCmd::List { page, session_id } => paged(
            "list_archives",
            page,
            Obj::new().opt("session_id", session_id),
        ),
        ArchiveCmd::Delete { archive_id } => call("delete_archive", id("archive_id", archive_id)),
        ArchiveCmd::Layout { archive_id, layout } => call(
            "set_archive_layout",
            id("archive_id", archive_id).put("layout", layout.to_value()),
        ),
        ArchiveCmd::AddStream { archive_id, stream } => call(
            "add_archive_stream",
            id("archive_id", archive_id)
                .put("stream_id", stream.stream_id)
                .opt("has_audio", stream.has_audio)
                .opt("has_video", stream.has_video),
        ),
        ArchiveCmd::RemoveStream {
            archive_id,
            stream_id,
        } => call(
            "remove_archive_stream",
            id("archive_id", archive_id).put("stream_id", stream_id),
        ),
    }
}
