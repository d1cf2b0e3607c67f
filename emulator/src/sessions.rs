//! Session creation: `POST /session/create` (census §2.1).

use crate::auth::Identity;
use crate::error::{ApiError, ApiResult};
use crate::ids;
use crate::model::{MediaMode, Session};
use crate::state::{lock, AppState};
use crate::validate::{len_range, one_of, RESOLUTIONS};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::Extension;
use bytes::Bytes;
use serde_json::json;

/// Decodes `application/x-www-form-urlencoded` text.
pub fn parse_form(body: &[u8]) -> Vec<(String, String)> {
    fn decode(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() => {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                    match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                        Some(b) => {
                            out.push(b);
                            i += 2;
                        }
                        None => out.push(b'%'),
                    }
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    String::from_utf8_lossy(body)
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

/// Options for a new session (shared by the public route and the admin route).
#[derive(Debug, Default)]
pub struct NewSession {
    /// Media mode.
    pub media_mode: Option<MediaMode>,
    /// Archive mode.
    pub archive_mode: Option<String>,
    /// Location.
    pub location: Option<String>,
    /// Auto-archive name.
    pub archive_name: Option<String>,
    /// Auto-archive resolution.
    pub archive_resolution: Option<String>,
    /// End-to-end encryption.
    pub e2ee: bool,
}

/// Validates options and stores a new session; returns it.
pub fn create(st: &AppState, project: &str, opts: NewSession) -> ApiResult<Session> {
    let media_mode = opts.media_mode.unwrap_or(MediaMode::Routed);
    let archive_mode = opts.archive_mode.unwrap_or_else(|| "manual".to_string());
    one_of("archiveMode", &archive_mode, &["manual", "always"])?;
    let location = opts.location.unwrap_or_default();
    if !location.is_empty() && location.parse::<std::net::Ipv4Addr>().is_err() {
        return Err(ApiError::bad_request(format!(
            "Invalid value for field 'location': {location} (must be an IPv4 address)"
        )));
    }
    if archive_mode == "always" && media_mode == MediaMode::Relayed {
        return Err(ApiError::bad_request(
            "archiveMode 'always' requires a routed session (p2p.preference=disabled)",
        ));
    }
    if let Some(name) = &opts.archive_name {
        len_range("archiveName", name, 1, 80)?;
        if archive_mode != "always" {
            return Err(ApiError::bad_request(
                "Field 'archiveName' is only allowed with archiveMode 'always'",
            ));
        }
    }
    if let Some(res) = &opts.archive_resolution {
        one_of("archiveResolution", res, &RESOLUTIONS)?;
        if archive_mode != "always" {
            return Err(ApiError::bad_request(
                "Field 'archiveResolution' is only allowed with archiveMode 'always'",
            ));
        }
    }
    if opts.e2ee && (media_mode == MediaMode::Relayed || archive_mode == "always") {
        return Err(ApiError::bad_request(
            "Field 'e2ee' requires a routed session without archiveMode 'always'",
        ));
    }
    let session = Session {
        id: ids::new_session_id(project, &location),
        project_id: project.to_string(),
        media_mode,
        archive_mode,
        location,
        e2ee: opts.e2ee,
        archive_name: opts.archive_name,
        archive_resolution: opts.archive_resolution,
        created_at: ids::now_ms(),
        connections: Vec::new(),
        streams: Vec::new(),
        signals: Vec::new(),
        dtmf: Vec::new(),
        mute_all: None,
        disconnected: Vec::new(),
    };
    lock(&st.data)
        .sessions
        .insert(session.id.clone(), session.clone());
    Ok(session)
}

/// `POST /session/create` (form data; JSON answer when `Accept` mentions json, else XML).
pub async fn create_session(
    State(st): State<AppState>,
    Extension(Identity(project)): Extension<Identity>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    let mut opts = NewSession::default();
    for (k, v) in parse_form(&body) {
        match k.as_str() {
            "p2p.preference" => {
                opts.media_mode = Some(match v.as_str() {
                    "enabled" | "always" => MediaMode::Relayed,
                    "disabled" => MediaMode::Routed,
                    other => {
                        return Err(ApiError::bad_request(format!(
                            "Invalid value for field 'p2p.preference': {other} (expected enabled or disabled)"
                        )))
                    }
                })
            }
            "archiveMode" => opts.archive_mode = Some(v),
            "location" => opts.location = Some(v),
            "archiveName" => opts.archive_name = Some(v),
            "archiveResolution" => opts.archive_resolution = Some(v),
            "e2ee" => {
                opts.e2ee = match v.to_ascii_lowercase().as_str() {
                    "true" => true,
                    "false" | "" => false,
                    other => {
                        return Err(ApiError::bad_request(format!(
                            "Invalid value for field 'e2ee': {other} (expected true or false)"
                        )))
                    }
                }
            }
            _ => {}
        }
    }
    let s = create(&st, &project, opts)?;
    let create_dt = ids::format_date(s.created_at / 1000);
    let wants_json = headers.get_all(header::ACCEPT).iter().any(|v| {
        v.to_str()
            .is_ok_and(|t| t.to_ascii_lowercase().contains("json"))
    });
    let (ctype, body) = if wants_json {
        let v = json!([{
            "session_id": s.id,
            "project_id": project,
            "partner_id": project,
            "create_dt": create_dt,
            "media_server_url": "",
        }]);
        ("application/json", v.to_string())
    } else {
        (
            "application/xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sessions><Session><session_id>{}</session_id><partner_id>{}</partner_id><create_dt>{}</create_dt></Session></sessions>",
                s.id, xml_escape(&project), create_dt
            ),
        )
    };
    let mut resp = (StatusCode::OK, body).into_response();
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    Ok(resp)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::parse_form;

    #[test]
    fn form_decoding() {
        let f = parse_form(b"a=1&p2p.preference=enabled&location=10.0.0.1&n=a+b%21&x");
        assert_eq!(f[2], ("location".to_string(), "10.0.0.1".to_string()));
        assert_eq!(f[3].1, "a b!");
        assert_eq!(f[4].0, "x");
    }
}
