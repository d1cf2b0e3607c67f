//! [`OpenTokClient`]: the client object, its constructors and the calls that are not plain
//! operations (tokens, raw JSON calls, sessions).

use std::sync::Arc;

use opentok_core::rt;
use serde_json::{json, Value};

use crate::answers::{session_answer, Answer};
use crate::args::{args_with, prune};
use crate::error::{arg_err, decode_err, parse_json, NativeError, Res};
use crate::types::{ClientConfig, SessionProperties, TokenOptions};
use crate::Session;

// ---------------------------------------------------------------------------------------------
// The client
// ---------------------------------------------------------------------------------------------

/// An OpenTok / Vonage Video API client. Thread-safe; share one per process.
#[derive(uniffi::Object)]
pub struct OpenTokClient {
    inner: opentok_core::OpenTok,
}

impl std::fmt::Debug for OpenTokClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

impl OpenTokClient {
    pub(crate) fn build(mut options: Value, config: &ClientConfig) -> Res<Arc<Self>> {
        if let (Value::Object(m), Value::Object(c)) = (
            &mut options,
            prune(serde_json::to_value(config).map_err(decode_err)?),
        ) {
            m.extend(c);
        }
        Ok(Arc::new(OpenTokClient {
            inner: opentok_core::OpenTok::from_json(options)?,
        }))
    }

    async fn run_raw(&self, op: &'static str, args: Res<Value>) -> Res<Value> {
        let args = args?;
        let client = self.inner.clone();
        let handle =
            rt::runtime()?.spawn(async move { opentok_core::call(&client, op, args).await });
        Ok(handle.await.map_err(|e| NativeError::Network {
            detail: format!("the request task failed: {e}"),
        })??)
    }

    fn run_raw_blocking(&self, op: &'static str, args: Res<Value>) -> Res<Value> {
        let args = args?;
        Ok(rt::block_on(opentok_core::call(&self.inner, op, args))??)
    }

    pub(crate) async fn run<T: Answer>(&self, op: &'static str, args: Res<Value>) -> Res<T> {
        T::answer(self.run_raw(op, args).await?)
    }

    pub(crate) fn run_blocking<T: Answer>(&self, op: &'static str, args: Res<Value>) -> Res<T> {
        T::answer(self.run_raw_blocking(op, args)?)
    }
}

#[uniffi::export]
impl OpenTokClient {
    /// A client for project credentials (api key + secret).
    #[uniffi::constructor]
    pub fn new(api_key: String, api_secret: String, config: ClientConfig) -> Res<Arc<Self>> {
        Self::build(
            json!({"api_key": api_key, "api_secret": api_secret}),
            &config,
        )
    }

    /// A client for Vonage application credentials (application id + RSA private key PEM).
    #[uniffi::constructor]
    pub fn with_application(
        application_id: String,
        private_key: String,
        config: ClientConfig,
    ) -> Res<Arc<Self>> {
        Self::build(
            json!({"application_id": application_id, "private_key": private_key}),
            &config,
        )
    }

    /// The base URL requests go to.
    pub fn api_url(&self) -> String {
        self.inner.api_url().to_owned()
    }

    /// The api key or application id used in request paths.
    pub fn project_id(&self) -> String {
        self.inner.credentials().project_id().to_owned()
    }

    /// Mints a client token. `now_seconds` is the host's clock (Unix seconds), so frozen-clock test
    /// helpers work; `nonce` is random when absent.
    pub fn generate_token(
        &self,
        session_id: String,
        options: TokenOptions,
        now_seconds: i64,
        nonce: Option<u64>,
    ) -> Res<String> {
        let v = prune(serde_json::to_value(&options).map_err(|e| arg_err(&e))?);
        let opts: opentok_core::TokenOptions = opentok_core::wire::parse_args(v)?;
        Ok(self
            .inner
            .generate_token_at(&session_id, &opts, now_seconds, nonce)?)
    }

    /// Runs any operation by name with snake_case JSON arguments; returns core's JSON answer.
    pub async fn call_json(&self, operation: String, args_json: String) -> Res<String> {
        let args = parse_json("args", &args_json)?;
        let client = self.inner.clone();
        let handle = rt::runtime()?
            .spawn(async move { opentok_core::call(&client, &operation, args).await });
        let out = handle.await.map_err(|e| NativeError::Network {
            detail: format!("the request task failed: {e}"),
        })??;
        Ok(out.to_string())
    }

    /// Blocking twin of [`OpenTokClient::call_json`].
    pub fn call_json_blocking(&self, operation: String, args_json: String) -> Res<String> {
        let args = parse_json("args", &args_json)?;
        Ok(rt::block_on(opentok_core::call(&self.inner, &operation, args))??.to_string())
    }

    /// Creates a session (its settings are the properties it was created with).
    pub async fn create_session(&self, properties: SessionProperties) -> Res<Session> {
        let raw = self
            .run_raw("create_session", args_with(json!({}), &properties))
            .await?;
        session_answer(&properties, raw)
    }

    /// Creates a session. (Blocking.)
    pub fn create_session_blocking(&self, properties: SessionProperties) -> Res<Session> {
        let raw = self.run_raw_blocking("create_session", args_with(json!({}), &properties))?;
        session_answer(&properties, raw)
    }
}
