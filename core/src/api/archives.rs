//! Archives: `/v2/project/{apiKey}/archive…`.

use serde::{Deserialize, Serialize};

use super::{check_id, decode_with, project_path};
use super::{Layout, StreamMode};
use crate::error::Result;
use crate::wire::{Method, Obj, Operation, WireRequest};

crate::record::ffi_export! {
    ffi output_mode_ffi;
    /// Composed (one file) or individual (one file per stream).
    rust {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "lowercase")]
    }
    pub enum OutputMode {
        /// All streams composed into one file.
        Composed,
        /// One file per stream.
        Individual,
    }
}

/// Post-call transcription settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TranscriptionProperties {
    /// BCP-47 language code (e.g. `en-US`).
    #[serde(alias = "primaryLanguageCode")]
    pub primary_language_code: Option<String>,
    /// Also produce a summary.
    #[serde(alias = "hasSummary")]
    pub has_summary: Option<bool>,
    /// Keys the core does not know, sent in this object as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

/// `start_archive`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct StartArchive {
    /// Session to record.
    #[serde(alias = "sessionId")]
    pub session_id: String,
    /// Archive name.
    pub name: Option<String>,
    /// Record audio (server default true).
    #[serde(alias = "hasAudio")]
    pub has_audio: Option<bool>,
    /// Record video (server default true).
    #[serde(alias = "hasVideo")]
    pub has_video: Option<bool>,
    /// Composed or individual.
    #[serde(alias = "outputMode")]
    pub output_mode: Option<OutputMode>,
    /// Resolution (composed only).
    pub resolution: Option<String>,
    /// Layout (composed only).
    pub layout: Option<Layout>,
    /// Auto or manual stream selection.
    #[serde(alias = "streamMode")]
    pub stream_mode: Option<StreamMode>,
    /// Tag that allows several archives of one session at once.
    #[serde(alias = "multiArchiveTag")]
    pub multi_archive_tag: Option<String>,
    /// Maximum bitrate in bits per second (documented 100000–6000000).
    #[serde(alias = "maxBitrate")]
    pub max_bitrate: Option<i64>,
    /// Quantization parameter (documented 15–40, not with max_bitrate).
    #[serde(alias = "quantizationParameter")]
    pub quantization_parameter: Option<i64>,
    /// Produce a post-call transcription.
    #[serde(alias = "hasTranscription")]
    pub has_transcription: Option<bool>,
    /// Transcription settings (only with has_transcription).
    #[serde(alias = "transcriptionProperties")]
    pub transcription_properties: Option<TranscriptionProperties>,
    /// Keys the core does not know, sent in the body as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Operation for StartArchive {
    const NAME: &'static str = "start_archive";
    type Output = Archive;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        check_id("session_id", &self.session_id)?;
        let tp = self.transcription_properties.as_ref().map(|t| {
            Obj::new()
                .opt("primaryLanguageCode", t.primary_language_code.as_ref())
                .opt("hasSummary", t.has_summary)
                .extra(&t.extra)
                .build()
        });
        let body = Obj::new()
            .put("sessionId", &self.session_id)
            .opt("name", self.name.as_ref())
            .opt("hasAudio", self.has_audio)
            .opt("hasVideo", self.has_video)
            .opt("outputMode", self.output_mode)
            .opt("resolution", self.resolution.as_ref())
            .opt("layout", self.layout.as_ref().map(Layout::to_wire))
            .opt("streamMode", self.stream_mode)
            .opt("multiArchiveTag", self.multi_archive_tag.as_ref())
            .opt("maxBitrate", self.max_bitrate)
            .opt("quantizationParameter", self.quantization_parameter)
            .opt("hasTranscription", self.has_transcription)
            .opt("transcriptionProperties", tp)
            .extra(&self.extra)
            .build();
        Ok(WireRequest::new(Method::Post, project_path(project_id, "/archive")?).json(body))
    }
    decode_with!(json);
}

macro_rules! archive_id_op {
    ($(#[$doc:meta])* $name:ident, $op:literal, $method:ident, $suffix:literal, $out:ty, $dec:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub struct $name {
            /// The archive id.
            #[serde(alias = "archiveId")]
            pub archive_id: String,
        }

        impl Operation for $name {
            const NAME: &'static str = $op;
            type Output = $out;

            fn request(&self, project_id: &str) -> Result<WireRequest> {
                let id = check_id("archive_id", &self.archive_id)?;
                let path = project_path(project_id, &format!("/archive/{id}{}", $suffix))?;
                let req = WireRequest::new(Method::$method, path);
                Ok(if matches!(Method::$method, Method::Post) { req.json(serde_json::json!({})) } else { req })
            }
            decode_with!($dec);
        }
    };
}

archive_id_op!(
    /// `stop_archive`: stops a recording archive.
    StopArchive, "stop_archive", Post, "/stop", Archive, json
);
archive_id_op!(
    /// `get_archive`: reads one archive.
    GetArchive, "get_archive", Get, "", Archive, json
);
archive_id_op!(
    /// `delete_archive`: deletes an available archive.
    DeleteArchive, "delete_archive", Delete, "", (), empty
);

/// `list_archives`: a page of archives, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ListArchives {
    /// Index of the first archive.
    pub offset: Option<i64>,
    /// Page size (≤ 1000; server default 50).
    pub count: Option<i64>,
    /// Only archives of this session.
    #[serde(alias = "sessionId")]
    pub session_id: Option<String>,
}

impl Operation for ListArchives {
    const NAME: &'static str = "list_archives";
    type Output = ArchiveList;

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        super::list_request(
            project_id,
            "archive",
            self.offset,
            self.count,
            self.session_id.as_ref(),
        )
    }
    decode_with!(json);
}

/// `set_archive_layout`: changes the layout of a composed archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SetArchiveLayout {
    /// The archive id.
    #[serde(alias = "archiveId")]
    pub archive_id: String,
    /// The new layout.
    pub layout: Layout,
}

impl Operation for SetArchiveLayout {
    const NAME: &'static str = "set_archive_layout";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        super::layout_request(
            project_id,
            "archive",
            "archive_id",
            &self.archive_id,
            &self.layout,
        )
    }
    decode_with!(empty);
}

/// `add_archive_stream`: adds a stream to a manual-mode archive.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct AddArchiveStream {
    /// The archive id.
    #[serde(alias = "archiveId")]
    pub archive_id: String,
    /// The stream to add.
    #[serde(alias = "streamId")]
    pub stream_id: String,
    /// Include its audio (default true).
    #[serde(alias = "hasAudio")]
    pub has_audio: Option<bool>,
    /// Include its video (default true).
    #[serde(alias = "hasVideo")]
    pub has_video: Option<bool>,
    /// Keys the core does not know, sent in the body as given.
    #[serde(flatten)]
    pub extra: crate::wire::lenient::Extra,
}

impl Operation for AddArchiveStream {
    const NAME: &'static str = "add_archive_stream";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        super::add_stream_request(
            project_id,
            ("archive", "archive_id", &self.archive_id),
            &self.stream_id,
            self.has_audio,
            self.has_video,
            &self.extra,
        )
    }
    decode_with!(empty);
}

/// `remove_archive_stream`: removes a stream from a manual-mode archive.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RemoveArchiveStream {
    /// The archive id.
    #[serde(alias = "archiveId")]
    pub archive_id: String,
    /// The stream to remove.
    #[serde(alias = "streamId")]
    pub stream_id: String,
}

impl Operation for RemoveArchiveStream {
    const NAME: &'static str = "remove_archive_stream";
    type Output = ();

    fn request(&self, project_id: &str) -> Result<WireRequest> {
        super::remove_stream_request(
            project_id,
            ("archive", "archive_id", &self.archive_id),
            &self.stream_id,
            &crate::wire::lenient::Extra::new(),
        )
    }
    decode_with!(empty);
}

crate::record::result_record! {
    ffi stream_selection_ffi;
    /// A stream included in an archive or broadcast.
    pub struct StreamSelection {
        /// Stream id.
        stream_id: Option<String> = "streamId",
        /// Audio included.
        has_audio: Option<bool> = "hasAudio",
        /// Video included.
        has_video: Option<bool> = "hasVideo",
    }
    added {}
}

/// A stream recorded in an archive (the older name of [`StreamSelection`]).
pub type ArchiveStream = StreamSelection;

crate::record::result_record! {
    ffi transcription_ffi;
    /// Transcription state of an archive.
    pub struct Transcription {
        /// Status.
        status: Option<String> = "status",
        /// Download URL.
        url: Option<String> = "url",
        /// Failure reason.
        reason: Option<String> = "reason",
        /// Language.
        primary_language_code: Option<String> = "primaryLanguageCode",
        /// Whether a summary was requested.
        has_summary: Option<bool> = "hasSummary",
    }
    added {}
}

crate::record::result_record! {
    ffi archive_ffi;
    /// An archive as the API reports it.
    pub struct Archive {
        /// Archive id.
        id: String = "id",
        /// `available`, `expired`, `failed`, `paused`, `started`, `stopped`, `uploaded` or `deleted`.
        status: Option<String> = "status",
        /// Name.
        name: Option<String> = "name",
        /// Why it stopped or failed.
        reason: Option<String> = "reason",
        /// Session id.
        session_id: Option<String> = "sessionId",
        /// Project id (a number on the wire is read as its JSON text).
        project_id: Option<String> = "projectId" { #[cfg_attr(feature = "schema", schemars(with = "Option<serde_json::Value>"))] },
        /// Vonage application id.
        application_id: Option<String> = "applicationId",
        /// Creation time (ms since epoch).
        created_at: Option<i64> = "createdAt",
        /// Last update (ms since epoch).
        updated_at: Option<i64> = "updatedAt",
        /// Size in bytes.
        size: Option<i64> = "size",
        /// Duration in seconds.
        duration: Option<i64> = "duration",
        /// `composed` or `individual`.
        output_mode: Option<String> = "outputMode",
        /// `auto` or `manual`.
        stream_mode: Option<String> = "streamMode",
        /// Audio recorded.
        has_audio: Option<bool> = "hasAudio",
        /// Video recorded.
        has_video: Option<bool> = "hasVideo",
        /// Transcription requested.
        has_transcription: Option<bool> = "hasTranscription",
        /// Transcription state.
        transcription: Option<Transcription> = "transcription",
        /// Resolution.
        resolution: Option<String> = "resolution",
        /// Download URL once available.
        url: Option<String> = "url",
        /// Encryption password, if any.
        password: Option<String> = "password",
        /// SHA-256 of the file.
        sha256sum: Option<String> = "sha256sum",
        /// Callback event name, when read from a callback.
        event: Option<String> = "event",
        /// Streams in the archive (`None` when the answer has no `streams`).
        streams: Option<Vec<StreamSelection>> = "streams",
        /// Multi-archive tag.
        multi_archive_tag: Option<String> = "multiArchiveTag",
        /// Maximum bitrate.
        max_bitrate: Option<i64> = "maxBitrate",
        /// Quantization parameter.
        quantization_parameter: Option<i64> = "quantizationParameter",
    }
    added {
        /// Partner id (older name of the project id).
        partner_id: Option<String> = "partnerId" { #[cfg_attr(feature = "schema", schemars(with = "Option<serde_json::Value>"))] },
    }
}

crate::record::page_record!(
    /// A page of archives; `total_count` counts every page.
    ArchiveList of Archive, ffi archive_list_ffi
);
