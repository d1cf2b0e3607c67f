//! A live-streaming broadcast (HLS/RTMP).

use crate::ids::project_id_value;
use crate::validate::Layout;
use serde_json::{json, Value};

/// A broadcast.
#[derive(Debug, Clone)]
pub struct Broadcast {
    /// Id.
    pub id: String,
    /// Project.
    pub project_id: String,
    /// Session.
    pub session_id: String,
    /// `started` / `stopped`.
    pub status: String,
    /// Creation time (ms).
    pub created_at: i64,
    /// Update time (ms).
    pub updated_at: i64,
    /// Max duration (s).
    pub max_duration: i64,
    /// Max bitrate.
    pub max_bitrate: i64,
    /// Resolution.
    pub resolution: String,
    /// Layout.
    pub layout: Layout,
    /// `auto` / `manual`.
    pub stream_mode: String,
    /// Tag.
    pub multi_broadcast_tag: Option<String>,
    /// Audio.
    pub has_audio: bool,
    /// Video.
    pub has_video: bool,
    /// HLS output: (dvr, lowLatency).
    pub hls: Option<(bool, bool)>,
    /// RTMP outputs `{id, serverUrl, streamName}`.
    pub rtmp: Vec<Value>,
    /// Manual-mode streams.
    pub streams: Vec<Value>,
}

impl Broadcast {
    /// Wire form.
    pub fn to_json(&self) -> Value {
        let pid = project_id_value(&self.project_id);
        let live = self.status == "started";
        let rtmp: Vec<Value> = self
            .rtmp
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r["status"] = json!(if live { "live" } else { "offline" });
                r
            })
            .collect();
        let mut urls = json!({ "rtmp": rtmp });
        if let Some((dvr, _)) = self.hls {
            let mut url = format!(
                "https://broadcast.opentok-emulator.invalid/{}/{}/playlist.m3u8",
                self.project_id, self.id
            );
            if dvr {
                url.push_str("?DVR");
            }
            urls["hls"] = json!(url);
            urls["hlsStatus"] = json!(if live { "live" } else { "ended" });
        }
        let mut v = json!({
            "id": self.id,
            "sessionId": self.session_id,
            "projectId": pid,
            "partnerId": pid,
            "createdAt": self.created_at,
            "updatedAt": self.updated_at,
            "maxDuration": self.max_duration,
            "maxBitrate": self.max_bitrate,
            "resolution": self.resolution,
            "status": self.status,
            "broadcastUrls": urls,
            "streamMode": self.stream_mode,
            "streams": self.streams,
            "hasAudio": self.has_audio,
            "hasVideo": self.has_video,
            "event": "broadcast",
        });
        if let Some((dvr, low)) = self.hls {
            v["settings"] = json!({ "hls": { "dvr": dvr, "lowLatency": low } });
        }
        if let Some(t) = &self.multi_broadcast_tag {
            v["multiBroadcastTag"] = json!(t);
        }
        v
    }
}
