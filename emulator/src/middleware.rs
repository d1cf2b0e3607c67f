//! Cross-cutting request handling: request ids, the request log, fault injection, authentication and
//! the `{code, message}` shape of every error body.

use crate::error::{error_response, ApiError};
use crate::ids;
use crate::state::{lock, AppState, Fault, Recorded, MAX_RECORDED_REQUESTS};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

/// Largest request body accepted.
const MAX_BODY: usize = 16 * 1024 * 1024;

/// Per-connection handle that closes the connection without a response (used by `drop` faults).
#[derive(Clone, Debug)]
pub struct ConnDropper(pub Arc<tokio::sync::Notify>);

/// Marks responses whose body was chosen by an injected fault (left untouched).
#[derive(Clone, Copy, Debug)]
struct FaultAnswer;

fn is_admin(path: &str) -> bool {
    path == "/_emulator" || path.starts_with("/_emulator/")
}

fn take_fault(st: &AppState, method: &str, path: &str) -> Option<Fault> {
    let mut faults = lock(&st.faults);
    let idx = faults.iter().position(|f| {
        f.path.as_deref().map_or(true, |p| path.starts_with(p))
            && f.method
                .as_deref()
                .map_or(true, |m| m.eq_ignore_ascii_case(method))
    })?;
    let f = faults[idx].clone();
    let left = faults[idx].count.unwrap_or(1).saturating_sub(1);
    if left == 0 {
        faults.remove(idx);
    } else {
        faults[idx].count = Some(left);
    }
    if faults.is_empty() {
        st.has_faults.store(false, Ordering::Release);
    }
    Some(f)
}

fn record(st: &AppState, parts: &axum::http::request::Parts, body: &bytes::Bytes) {
    let rec = Recorded {
        method: parts.method.as_str().to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().unwrap_or("").to_string(),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: body.clone(),
    };
    let mut log = lock(&st.requests);
    if log.len() >= MAX_RECORDED_REQUESTS {
        log.pop_front();
    }
    log.push_back(rec);
}

/// A response whose body fails while being sent (closes the connection mid-response); used for
/// `drop` faults when the server is embedded without the emulator's own connection handling.
fn broken_body_response() -> Response {
    let stream = futures_util::stream::once(async {
        Err::<bytes::Bytes, std::io::Error>(std::io::Error::other("connection dropped by fault"))
    });
    Response::new(Body::from_stream(stream))
}

async fn apply_fault(fault: Fault, parts: &axum::http::request::Parts) -> Option<Response> {
    if let Some(ms) = fault.latency_ms.filter(|ms| *ms > 0) {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    if fault.drop == Some(true) {
        if let Some(d) = parts.extensions.get::<ConnDropper>() {
            d.0.notify_one();
            std::future::pending::<()>().await;
        }
        return Some(broken_body_response());
    }
    if fault.malformed == Some(true) {
        let mut resp = (StatusCode::OK, "{\"id\": \"malformed").into_response();
        resp.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        resp.extensions_mut().insert(FaultAnswer);
        return Some(resp);
    }
    if let Some(code) = fault.status {
        let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut resp = match fault.body {
            Some(body) => {
                let ct = fault.content_type.clone().unwrap_or_else(|| {
                    if serde_json::from_str::<serde_json::Value>(&body).is_ok() {
                        "application/json".to_owned()
                    } else {
                        "text/plain; charset=utf-8".to_owned()
                    }
                });
                let mut r = (status, body).into_response();
                if let Ok(v) = HeaderValue::from_str(&ct) {
                    r.headers_mut().insert(header::CONTENT_TYPE, v);
                }
                r
            }
            None => error_response(
                status,
                i64::from(code),
                &format!("Injected fault: status {code}"),
            ),
        };
        for (k, v) in fault.headers.iter().flatten() {
            if let (Ok(k), Ok(v)) = (
                header::HeaderName::from_bytes(k.as_bytes()),
                HeaderValue::from_str(v),
            ) {
                resp.headers_mut().insert(k, v);
            }
        }
        if let Some(secs) = fault.retry_after {
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                resp.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        resp.extensions_mut().insert(FaultAnswer);
        return Some(resp);
    }
    None
}

/// Outermost layer: request id, request log and faults (public routes), JSON error bodies.
pub async fn outer(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let request_id = ids::uuid_v4();
    let mut resp = if is_admin(req.uri().path()) {
        next.run(req).await
    } else {
        let (parts, body) = req.into_parts();
        match axum::body::to_bytes(body, MAX_BODY).await {
            Err(_) => ApiError::too_large("Request body too large or unreadable").into_response(),
            Ok(bytes) => {
                record(&st, &parts, &bytes);
                let fault = if st.has_faults.load(Ordering::Acquire) {
                    take_fault(&st, parts.method.as_str(), parts.uri.path())
                } else {
                    None
                };
                let injected = match fault {
                    Some(f) => apply_fault(f, &parts).await,
                    None => None,
                };
                match injected {
                    Some(r) => r,
                    None => {
                        next.run(Request::from_parts(parts, Body::from(bytes)))
                            .await
                    }
                }
            }
        }
    };
    if resp.status().as_u16() >= 400 && resp.extensions().get::<FaultAnswer>().is_none() {
        let is_json = resp
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.contains("json"));
        if !is_json {
            resp = jsonify(resp).await;
        }
    }
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    resp
}

/// Re-wraps a non-JSON error response (axum rejections, 405) as `{code, message}`.
async fn jsonify(resp: Response) -> Response {
    let (parts, body) = resp.into_parts();
    let text = axum::body::to_bytes(body, 64 * 1024)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .unwrap_or_default();
    let message = if !text.is_empty() {
        text
    } else if parts.status == StatusCode::METHOD_NOT_ALLOWED {
        "Method not allowed".to_string()
    } else {
        parts
            .status
            .canonical_reason()
            .unwrap_or("Error")
            .to_string()
    };
    let mut out = error_response(parts.status, i64::from(parts.status.as_u16()), &message);
    for (k, v) in parts.headers.iter() {
        if k != header::CONTENT_TYPE && k != header::CONTENT_LENGTH {
            out.headers_mut().insert(k.clone(), v.clone());
        }
    }
    out
}

/// Route layer of the public routes: checks the auth header and the project id in the path.
pub async fn auth(State(st): State<AppState>, mut req: Request, next: Next) -> Response {
    let identity = match st.verifier.verify(req.headers(), ids::now_secs()) {
        Ok(i) => i,
        Err(e) => return e.into_response(),
    };
    if let Some(rest) = req.uri().path().strip_prefix("/v2/project/") {
        let pid = rest.split('/').next().unwrap_or("");
        if pid != identity.0 {
            return ApiError::forbidden(format!(
                "The project id in the URL ({pid}) does not match the credentials ({})",
                identity.0
            ))
            .into_response();
        }
    }
    req.extensions_mut().insert(identity);
    next.run(req).await
}

/// Fallback for unknown paths.
pub async fn not_found(req: Request) -> Response {
    ApiError::not_found(format!("Not found: {} {}", req.method(), req.uri().path())).into_response()
}
