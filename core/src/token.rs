//! Client tokens: JWT (HS256, default), legacy `T1==`, and RS256 for application credentials.
//! No I/O. The clock and nonce are parameters so tests can assert exact bytes.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::credentials::{Credentials, ProjectSecretHandle, RsaKeyHandle};
use crate::error::{Error, Result};
use crate::jwt;
use crate::session_id;

/// Longest allowed connection data, in characters.
pub const MAX_DATA_CHARS: usize = 1000;
/// Longest allowed space-joined initial layout class list, in characters.
pub const MAX_LAYOUT_CHARS: usize = 1000;
/// Latest allowed expiry, in seconds after now (30 days).
pub const MAX_EXPIRY_SECS: i64 = 30 * 24 * 3600;
/// Default lifetime of a client token (24 h).
pub const DEFAULT_TTL_SECS: i64 = 24 * 3600;

/// A client's role in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Can only subscribe.
    Subscriber,
    /// Can publish and subscribe (default).
    #[default]
    Publisher,
    /// Can publish but not subscribe.
    #[serde(alias = "publisher_only")]
    Publisheronly,
    /// Can publish, subscribe and moderate.
    Moderator,
}

impl Role {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Subscriber => "subscriber",
            Role::Publisher => "publisher",
            Role::Publisheronly => "publisheronly",
            Role::Moderator => "moderator",
        }
    }
}

impl FromStr for Role {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "subscriber" => Ok(Role::Subscriber),
            "publisher" => Ok(Role::Publisher),
            "publisheronly" | "publisher_only" | "publisherOnly" => Ok(Role::Publisheronly),
            "moderator" => Ok(Role::Moderator),
            other => Err(Error::invalid(
                "role",
                format!("`{other}` is not one of subscriber, publisher, publisheronly, moderator"),
            )),
        }
    }
}

/// Which token format to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TokenType {
    /// A JWT (HS256 for project credentials, RS256 for application credentials).
    #[default]
    #[serde(alias = "jwt", alias = "JWT")]
    Jwt,
    /// The legacy `T1==` format (project credentials only).
    #[serde(alias = "t1", alias = "T1")]
    T1,
}

impl FromStr for TokenType {
    type Err = Error;
    /// `JWT` (also `jwt`, or empty for the default) or `T1` (also `t1`).
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "" | "JWT" | "jwt" => Ok(TokenType::Jwt),
            "T1" | "t1" => Ok(TokenType::T1),
            other => Err(Error::invalid(
                "token_type",
                format!("`{other}` is not JWT or T1"),
            )),
        }
    }
}

/// Options for [`generate`].
///
/// `max_data_chars` and `max_expiry_secs` are the client-side limits (`None` = no limit); the
/// defaults are [`MAX_DATA_CHARS`] and [`MAX_EXPIRY_SECS`]. Language packages set the limits
/// their official SDK applies (Node: 1024 characters, no expiry cap; Ruby: fewer than 1000).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TokenOptions {
    /// Role (default publisher).
    pub role: Role,
    /// Expiry as Unix seconds (default now + 24 h; at most now + `max_expiry_secs`).
    pub expire_time: Option<i64>,
    /// Connection data (at most `max_data_chars` characters).
    pub data: Option<String>,
    /// Initial layout classes for the client's streams.
    pub initial_layout_class_list: Vec<String>,
    /// Token format.
    pub token_type: TokenType,
    /// Longest accepted `data`, in characters (`None`: no limit).
    pub max_data_chars: Option<usize>,
    /// Latest accepted `expire_time`, in seconds after now (`None`: no limit).
    pub max_expiry_secs: Option<i64>,
}

impl Default for TokenOptions {
    fn default() -> Self {
        TokenOptions {
            role: Role::default(),
            expire_time: None,
            data: None,
            initial_layout_class_list: Vec::new(),
            token_type: TokenType::default(),
            max_data_chars: Some(MAX_DATA_CHARS),
            max_expiry_secs: Some(MAX_EXPIRY_SECS),
        }
    }
}

/// Validates `opts` and mints a token for `session_id`.
///
/// `now` is the host's clock in Unix seconds; `nonce` is random when `None`.
pub fn generate(
    creds: &Credentials,
    session_id: &str,
    opts: &TokenOptions,
    now: i64,
    nonce: Option<u64>,
) -> Result<String> {
    let layout = validate(creds, session_id, opts, now)?;
    let g = Grant {
        session_id,
        role: opts.role,
        now,
        expire: opts.expire_time.unwrap_or(now + DEFAULT_TTL_SECS),
        nonce: nonce.unwrap_or_else(|| fastrand::u64(..1 << 53)),
        data: opts.data.as_deref(),
        layout: &layout,
    };
    match (creds, opts.token_type) {
        (Credentials::Project { api_key, secret }, TokenType::Jwt) => {
            project_jwt(api_key, secret, &g)
        }
        (Credentials::Project { api_key, secret }, TokenType::T1) => Ok(t1(api_key, secret, &g)),
        (
            Credentials::Application {
                application_id,
                key,
            },
            TokenType::Jwt,
        ) => application_jwt(application_id, key, &g),
        (Credentials::Application { .. }, TokenType::T1) => Err(Error::invalid(
            "token_type",
            "T1 tokens need project credentials (api key + secret)",
        )),
    }
}

/// What a token grants, validated; shared by the three token formats.
struct Grant<'a> {
    session_id: &'a str,
    role: Role,
    now: i64,
    expire: i64,
    nonce: u64,
    data: Option<&'a str>,
    layout: &'a str,
}

fn validate(
    creds: &Credentials,
    session_id: &str,
    opts: &TokenOptions,
    now: i64,
) -> Result<String> {
    match creds {
        Credentials::Project { api_key, .. } => {
            session_id::check_owner(session_id, api_key)?;
        }
        Credentials::Application { .. } => {
            session_id::decode(session_id)?;
        }
    }
    if let Some(exp) = opts.expire_time {
        if exp <= now {
            return Err(Error::invalid(
                "expire_time",
                format!("{exp} is not in the future"),
            ));
        }
        if let Some(max) = opts.max_expiry_secs {
            if exp > now.saturating_add(max) {
                let when = if max == MAX_EXPIRY_SECS {
                    "30 days".to_owned()
                } else {
                    format!("{max} seconds")
                };
                return Err(Error::invalid(
                    "expire_time",
                    format!("{exp} is more than {when} from now"),
                ));
            }
        }
    }
    if let (Some(d), Some(max)) = (&opts.data, opts.max_data_chars) {
        if d.chars().count() > max {
            return Err(Error::invalid(
                "data",
                format!("must be at most {max} characters"),
            ));
        }
    }
    let layout = opts.initial_layout_class_list.join(" ");
    if layout.chars().count() > MAX_LAYOUT_CHARS {
        return Err(Error::invalid(
            "initial_layout_class_list",
            "joined with spaces must be at most 1000 characters",
        ));
    }
    Ok(layout)
}

/// Claims of a project client token, in the order the vectors pin.
#[derive(Serialize)]
struct ProjectTokenClaims<'a> {
    iss: &'a str,
    ist: &'static str,
    iat: i64,
    exp: i64,
    session_id: &'a str,
    create_time: i64,
    nonce: u64,
    role: Role,
    expire_time: i64,
    initial_layout_class_list: &'a str,
    scope: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    connection_data: Option<&'a str>,
}

/// Claims of an application client token (RS256).
#[derive(Serialize)]
struct ApplicationTokenClaims<'a> {
    application_id: &'a str,
    iat: i64,
    jti: &'a str,
    exp: i64,
    sub: &'static str,
    acl: Acl,
    scope: &'static str,
    session_id: &'a str,
    role: Role,
    initial_layout_class_list: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    connection_data: Option<&'a str>,
}

/// `{"paths":{"/session/**":{}}}`
#[derive(Serialize)]
struct Acl {
    paths: AclPaths,
}

#[derive(Serialize)]
struct AclPaths {
    #[serde(rename = "/session/**")]
    session: Empty,
}

/// Serializes as `{}`.
#[derive(Serialize)]
struct Empty {}

fn project_jwt(api_key: &str, secret: &ProjectSecretHandle, g: &Grant<'_>) -> Result<String> {
    secret.0.hs256.sign(&ProjectTokenClaims {
        iss: api_key,
        ist: "project",
        iat: g.now,
        exp: g.expire,
        session_id: g.session_id,
        create_time: g.now,
        nonce: g.nonce,
        role: g.role,
        expire_time: g.expire,
        initial_layout_class_list: g.layout,
        scope: "session.connect",
        connection_data: g.data,
    })
}

fn application_jwt(application_id: &str, key: &RsaKeyHandle, g: &Grant<'_>) -> Result<String> {
    key.0.sign(&ApplicationTokenClaims {
        application_id,
        iat: g.now,
        jti: &jwt::uuid_v4(),
        exp: g.expire,
        sub: "video",
        acl: Acl {
            paths: AclPaths { session: Empty {} },
        },
        scope: "session.connect",
        session_id: g.session_id,
        role: g.role,
        initial_layout_class_list: g.layout,
        connection_data: g.data,
    })
}

/// Form-encodes like Node's `querystring.escape` (space → `%20`).
fn push_escaped(out: &mut String, v: &str) {
    for &b in v.as_bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')'
            )
        {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 0xf)]));
        }
    }
}

fn t1(api_key: &str, secret: &ProjectSecretHandle, g: &Grant<'_>) -> String {
    let mut ds = String::with_capacity(256);
    ds.push_str("session_id=");
    push_escaped(&mut ds, g.session_id);
    ds.push_str("&create_time=");
    ds.push_str(itoa::Buffer::new().format(g.now));
    ds.push_str("&nonce=");
    ds.push_str(itoa::Buffer::new().format(g.nonce));
    ds.push_str("&role=");
    ds.push_str(g.role.as_str());
    ds.push_str("&expire_time=");
    ds.push_str(itoa::Buffer::new().format(g.expire));
    if let Some(d) = g.data {
        ds.push_str("&connection_data=");
        push_escaped(&mut ds, d);
    }
    ds.push_str("&initial_layout_class_list=");
    push_escaped(&mut ds, g.layout);
    ds.push_str("&scope=session.connect");
    let mut mac = secret.0.sha1.clone();
    ::hmac::Mac::update(&mut mac, ds.as_bytes());
    let tag = ::hmac::Mac::finalize(mac).into_bytes();
    let mut inner = String::with_capacity(ds.len() + api_key.len() + 60);
    inner.push_str("partner_id=");
    inner.push_str(api_key);
    inner.push_str("&sig=");
    for b in tag.iter() {
        inner.push(char::from(b"0123456789abcdef"[(b >> 4) as usize]));
        inner.push(char::from(b"0123456789abcdef"[(b & 0xf) as usize]));
    }
    inner.push(':');
    inner.push_str(&ds);
    let mut out = String::with_capacity(4 + inner.len() * 4 / 3 + 4);
    out.push_str("T1==");
    jwt::b64_standard(inner.as_bytes(), &mut out);
    out
}
