//! The pooled reqwest client's recipe (kept so a forked child can rebuild one cheaply).

use std::time::Duration;

use crate::credentials::redact_url;
use crate::error::{Error, Result};

/// What a reqwest client is built from; kept so a forked child can rebuild one cheaply.
pub(super) struct Recipe {
    pub(super) connect_timeout: Duration,
    pub(super) proxy: Option<reqwest::Proxy>,
    pub(super) direct: bool,
    pub(super) tls: rustls::ClientConfig,
}

impl Recipe {
    pub(super) fn build(&self) -> Result<reqwest::Client> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .tcp_nodelay(true)
            .redirect(reqwest::redirect::Policy::none())
            .use_preconfigured_tls(self.tls.clone());
        if let Some(p) = &self.proxy {
            builder = builder.proxy(p.clone());
        } else if self.direct {
            builder = builder.no_proxy();
        }
        builder.build().map_err(|e| {
            Error::Network(format!("cannot build the HTTP client: {}", root_cause(&e)))
        })
    }
}

/// True when `url`'s host is loopback (decided on the parsed host, not on text).
pub(super) fn is_loopback(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

pub(super) fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    redact_url(&cur.to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn loopback(u: &str) -> bool {
        is_loopback(&reqwest::Url::parse(u).unwrap())
    }

    #[test]
    fn loopback_is_decided_on_the_parsed_host() {
        for yes in [
            "http://localhost:1",
            "http://LOCALHOST",
            "http://127.0.0.1:9",
            "http://127.1",
            "http://[::1]:80",
        ] {
            assert!(loopback(yes), "{yes}");
        }
        for no in [
            "http://localhost:1@example.com:80",
            "http://127.0.0.1@example.com",
            "http://localhost.example.com",
            "http://127.0.0.1.example.com",
            "https://api.opentok.com",
        ] {
            assert!(!loopback(no), "{no}");
        }
    }
}
