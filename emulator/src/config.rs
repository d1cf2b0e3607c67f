//! The emulator's configuration: project credentials, an optional Vonage application, admin routes.

/// Default API key.
pub const DEFAULT_API_KEY: &str = "123456";
/// Default API secret.
pub const DEFAULT_API_SECRET: &str = "0123456789abcdef0123456789abcdef01234567";

/// Emulator configuration.
#[derive(Clone)]
pub struct Config {
    /// The project API key (default `123456`).
    pub api_key: String,
    /// The project API secret (default `0123456789abcdef0123456789abcdef01234567`).
    pub api_secret: String,
    /// A Vonage application id whose RS256 JWTs are accepted too.
    pub application_id: Option<String>,
    /// The application's public key (SPKI `BEGIN PUBLIC KEY`) or its private key PEM.
    pub application_public_key_pem: Option<String>,
    /// Enables the `/_emulator/*` admin routes.
    pub admin: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_key: DEFAULT_API_KEY.to_string(),
            api_secret: DEFAULT_API_SECRET.to_string(),
            application_id: None,
            application_public_key_pem: None,
            admin: true,
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("api_key", &self.api_key)
            .field("api_secret", &"<redacted>")
            .field("application_id", &self.application_id)
            .field(
                "application_public_key_pem",
                &self.application_public_key_pem.as_ref().map(|_| "<pem>"),
            )
            .field("admin", &self.admin)
            .finish()
    }
}
