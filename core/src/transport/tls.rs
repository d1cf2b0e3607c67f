//! The TLS trust store: the operating system's roots (honouring `SSL_CERT_FILE` / `SSL_CERT_DIR`),
//! the bundled Mozilla roots when the system has none, plus a user CA bundle.

use std::ffi::OsString;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;
use rustls::{ClientConfig, RootCertStore};

use crate::error::{Error, Result};

type EnvKey = (Option<OsString>, Option<OsString>);

/// The system roots, loaded once per value of `SSL_CERT_FILE` / `SSL_CERT_DIR` (reading the store
/// parses every certificate on disk; a client build or a post-fork rebuild must stay cheap).
static SYSTEM_ROOTS: Mutex<Option<(EnvKey, Arc<RootCertStore>)>> = Mutex::new(None);

fn env_key() -> EnvKey {
    (
        std::env::var_os("SSL_CERT_FILE"),
        std::env::var_os("SSL_CERT_DIR"),
    )
}

fn system_roots() -> Arc<RootCertStore> {
    let key = env_key();
    let mut guard = SYSTEM_ROOTS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((k, store)) = guard.as_ref() {
        if *k == key {
            return store.clone();
        }
    }
    let mut store = RootCertStore::empty();
    // Unreadable or malformed entries are skipped, as OpenSSL does; what loaded is used.
    let loaded = rustls_native_certs::load_native_certs();
    let (_added, _ignored) = store.add_parsable_certificates(loaded.certs);
    if store.is_empty() && key.0.is_none() && key.1.is_none() {
        // No system store at all (a bare container): keep working with the bundled roots.
        store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    }
    let store = Arc::new(store);
    *guard = Some((key, store.clone()));
    store
}

/// Adds the certificates of `bundle` (PEM text, or the path of a PEM file or of a directory of them).
fn add_bundle(store: &mut RootCertStore, bundle: &str) -> Result<()> {
    let bad = |reason: String| Error::invalid("ca_bundle", reason);
    let mut certs: Vec<CertificateDer<'static>> = Vec::new();
    if bundle.contains("-----BEGIN") {
        certs.extend(CertificateDer::pem_slice_iter(bundle.as_bytes()).flatten());
    } else {
        let path = Path::new(bundle);
        let files: Vec<std::path::PathBuf> = if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| bad(format!("cannot read the directory: {e}")))?;
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        } else {
            vec![path.to_owned()]
        };
        for f in files {
            let bytes = std::fs::read(&f).map_err(|e| {
                bad(format!(
                    "cannot read {}: {}",
                    f.display(),
                    e.kind().to_string().to_lowercase()
                ))
            })?;
            certs.extend(CertificateDer::pem_slice_iter(&bytes).flatten());
        }
    }
    let (added, _) = store.add_parsable_certificates(certs);
    if added == 0 {
        return Err(bad(
            "holds no usable PEM certificate (give PEM text, a PEM file or a directory of them)"
                .into(),
        ));
    }
    Ok(())
}

/// The rustls configuration of one client: system roots plus `ca_bundle`, HTTP/1.1 ALPN.
pub(super) fn client_config(ca_bundle: Option<&str>) -> Result<ClientConfig> {
    let system = system_roots();
    let roots = match ca_bundle {
        None => system,
        Some(b) => {
            let mut store = (*system).clone();
            add_bundle(&mut store, b)?;
            Arc::new(store)
        }
    };
    // An empty store (SSL_CERT_FILE naming a missing file) is not refused here: plain-http URLs
    // (the emulator) still work, and an https call then fails with a certificate error.
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Network(format!("cannot set up TLS: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

/// True when `e` (or anything it wraps) is a TLS failure: certificate, handshake, alert.
pub(super) fn is_tls_error(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if err.downcast_ref::<rustls::Error>().is_some() {
            return true;
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            // io::Error::source() skips the wrapped error itself; look at it directly.
            if let Some(inner) = io.get_ref() {
                if is_tls_error(inner) {
                    return true;
                }
            }
        }
        cur = err.source();
    }
    false
}
