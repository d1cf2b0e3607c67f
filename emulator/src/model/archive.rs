//! An archive (recording) and its lifecycle.

use crate::ids;
use crate::ids::project_id_value;
use crate::validate::Layout;
use serde::Deserialize;
use serde_json::{json, Value};

/// Post-call transcription options.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TranscriptionProperties {
    /// BCP-47 language code.
    pub primary_language_code: Option<String>,
    /// Whether a summary is produced.
    pub has_summary: Option<bool>,
}

/// An archive.
#[derive(Debug, Clone)]
pub struct Archive {
    /// Id (UUID).
    pub id: String,
    /// Project id.
    pub project_id: String,
    /// Session id.
    pub session_id: String,
    /// Status.
    pub status: String,
    /// Name.
    pub name: Option<String>,
    /// Creation time (ms).
    pub created_at: i64,
    /// Last update (ms).
    pub updated_at: i64,
    /// `composed` / `individual`.
    pub output_mode: String,
    /// `auto` / `manual`.
    pub stream_mode: String,
    /// Audio recorded.
    pub has_audio: bool,
    /// Video recorded.
    pub has_video: bool,
    /// Resolution (composed only).
    pub resolution: Option<String>,
    /// Layout (composed).
    pub layout: Option<Layout>,
    /// Tag allowing concurrent archives.
    pub multi_archive_tag: Option<String>,
    /// Max bitrate.
    pub max_bitrate: Option<i64>,
    /// Quantization parameter.
    pub quantization_parameter: Option<i64>,
    /// Transcription requested.
    pub has_transcription: bool,
    /// Transcription options.
    pub transcription_properties: Option<TranscriptionProperties>,
    /// Streams in a manual-mode archive (`{streamId, hasAudio, hasVideo}`).
    pub streams: Vec<Value>,
    /// Size in bytes (after stop).
    pub size: i64,
    /// Duration in seconds (after stop).
    pub duration: i64,
    /// Download URL (when available).
    pub url: Option<String>,
    /// Stop/failure reason.
    pub reason: String,
    /// Stopped; becomes `available` at the next read.
    pub pending_available: bool,
}

impl Archive {
    /// Completes a pending stop → `available` with size/duration/url.
    pub fn settle(&mut self) {
        if self.pending_available && self.status == "stopped" {
            self.pending_available = false;
            self.set_status("available");
        }
    }

    /// Forces a status, filling the fields that status implies.
    pub fn set_status(&mut self, status: &str) {
        let now = ids::now_ms();
        self.status = status.to_string();
        self.updated_at = now;
        self.pending_available = false;
        if matches!(status, "stopped" | "available" | "uploaded") && self.duration == 0 {
            self.duration = ((now - self.created_at) / 1000).max(1);
        }
        if matches!(status, "available" | "uploaded") {
            if self.size == 0 {
                self.size = self.duration * 125_000 + 4_096;
            }
            if status == "available" {
                let ext = if self.output_mode == "individual" {
                    "zip"
                } else {
                    "mp4"
                };
                self.url = Some(format!(
                    "https://archives.opentok-emulator.invalid/{}/{}/archive.{ext}",
                    self.project_id, self.id
                ));
            } else {
                self.url = None;
            }
        }
        if matches!(status, "deleted" | "expired" | "failed") {
            self.url = None;
        }
    }

    /// Wire form; `with_tag` includes `multiArchiveTag` (only start/stop answers carry it).
    pub fn to_json(&self, with_tag: bool) -> Value {
        let pid = project_id_value(&self.project_id);
        let mut v = json!({
            "id": self.id,
            "status": self.status,
            "name": self.name,
            "reason": self.reason,
            "sessionId": self.session_id,
            "projectId": pid,
            "partnerId": pid,
            "createdAt": self.created_at,
            "updatedAt": self.updated_at,
            "size": self.size,
            "duration": self.duration,
            "outputMode": self.output_mode,
            "streamMode": self.stream_mode,
            "hasAudio": self.has_audio,
            "hasVideo": self.has_video,
            "hasTranscription": self.has_transcription,
            "url": self.url,
            "event": "archive",
            "streams": self.streams,
        });
        if let Some(r) = &self.resolution {
            v["resolution"] = json!(r);
        }
        if let Some(b) = self.max_bitrate {
            v["maxBitrate"] = json!(b);
        }
        if let Some(q) = self.quantization_parameter {
            v["quantizationParameter"] = json!(q);
        }
        if with_tag {
            if let Some(t) = &self.multi_archive_tag {
                v["multiArchiveTag"] = json!(t);
            }
        }
        if self.has_transcription {
            let tp = self.transcription_properties.clone();
            let lang = tp
                .as_ref()
                .and_then(|t| t.primary_language_code.clone())
                .unwrap_or_else(|| "en-US".to_string());
            let summary = tp.and_then(|t| t.has_summary).unwrap_or(false);
            let done = matches!(self.status.as_str(), "available" | "uploaded");
            v["transcription"] = json!({
                "status": if done { "available" } else { "requested" },
                "reason": "",
                "url": if done { json!(format!("https://archives.opentok-emulator.invalid/{}/{}/transcription.zip", self.project_id, self.id)) } else { Value::Null },
                "primaryLanguageCode": lang,
                "hasSummary": summary,
            });
        }
        v
    }
}
