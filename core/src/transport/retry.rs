//! The retry decision, shared by the native transport and host transports.

use std::time::{Duration, SystemTime};

use crate::wire::Method;

/// When and how often transient failures are retried.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// First backoff delay; doubles each retry, with jitter.
    pub base_delay: Duration,
    /// Longest single backoff delay (a server's `Retry-After` is honoured as given, within the budget).
    pub max_delay: Duration,
    /// No retry starts once this much time has passed since the first attempt.
    pub max_elapsed: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_elapsed: Duration::from_secs(30),
        }
    }
}

/// Why an attempt failed, as the retry decision sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// The server answered with this (non-2xx) status.
    Status(u16),
    /// The connection could not be opened: nothing reached the server, any method may be retried.
    Connect,
    /// The connection broke after the request may have been sent: idempotent methods are retried.
    Network,
    /// Never retried: TLS / certificate failures, oversize bodies, refused redirects.
    Final,
}

impl RetryPolicy {
    /// Backoff before retry number `attempt` (0-based) when the server gave no `Retry-After`;
    /// with `retry_after` (seconds) that delay, as given.
    pub fn delay(&self, attempt: u32, retry_after: Option<u64>) -> Duration {
        if let Some(s) = retry_after {
            return Duration::from_secs(s);
        }
        let exp = self.base_delay.saturating_mul(1u32 << attempt.min(16));
        let capped = exp.min(self.max_delay);
        // "Equal jitter": half fixed, half random.
        capped / 2 + capped.mul_f64(fastrand::f64() / 2.0)
    }

    /// The retry decision for hosts that send requests themselves, without a time budget:
    /// `status` `None` is a network error (retried for GET/DELETE only, since the host cannot tell
    /// whether the request left). Prefer [`Config::retry_delay`](super::Config::retry_delay), which also applies the call's
    /// total timeout and reads HTTP-date `Retry-After` values.
    pub fn next_delay(
        &self,
        method: Method,
        attempt: u32,
        status: Option<u16>,
        retry_after: Option<u64>,
        elapsed: Duration,
    ) -> Option<Duration> {
        let failure = status.map_or(Failure::Network, Failure::Status);
        self.retry_delay(
            method,
            attempt,
            failure,
            retry_after,
            elapsed,
            self.max_elapsed,
        )
    }

    /// The one retry decision, shared by the native transport and host transports.
    ///
    /// `attempt` counts retries already made (0 after the first attempt), `elapsed` is the time since
    /// the first attempt started and `budget` the call's total timeout. Returns the delay to wait
    /// before the next attempt, or `None` when the failure is final: not retryable for this method,
    /// retries used up, or the delay (a server's `Retry-After` included) does not fit in the budget.
    pub fn retry_delay(
        &self,
        method: Method,
        attempt: u32,
        failure: Failure,
        retry_after: Option<u64>,
        elapsed: Duration,
        budget: Duration,
    ) -> Option<Duration> {
        let retryable = match failure {
            Failure::Status(s) => method.is_idempotent() && matches!(s, 429 | 502 | 503 | 504),
            Failure::Connect => true,
            Failure::Network => method.is_idempotent(),
            Failure::Final => false,
        };
        if !retryable || attempt >= self.max_retries {
            return None;
        }
        let delay = self.delay(attempt, retry_after);
        // The next attempt must still have a useful slice of the budget once the delay is over.
        let slack = (budget / 4).min(Duration::from_millis(100));
        let starts_at = elapsed.checked_add(delay)?;
        if starts_at + slack > budget || starts_at > self.max_elapsed {
            return None;
        }
        Some(delay)
    }
}

/// Reads a `Retry-After` value: delay-seconds or an HTTP date (rounded up to whole seconds).
pub fn parse_retry_after(value: &str) -> Option<u64> {
    let v = value.trim();
    if let Ok(s) = v.parse::<u64>() {
        return Some(s);
    }
    let at = httpdate::parse_http_date(v).ok()?;
    let wait = at
        .duration_since(SystemTime::now())
        .unwrap_or(Duration::ZERO);
    Some(wait.as_secs() + u64::from(wait.subsec_nanos() > 0))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::transport::Config;

    #[test]
    fn retry_decisions() {
        let p = RetryPolicy::default();
        let budget = Duration::from_secs(20);
        let z = Duration::ZERO;
        // Retry-After that does not fit the budget: final at once.
        assert_eq!(
            p.retry_delay(Method::Get, 0, Failure::Status(429), Some(60), z, budget),
            None
        );
        // One that fits is honoured as given, beyond max_delay.
        assert_eq!(
            p.retry_delay(Method::Get, 0, Failure::Status(429), Some(10), z, budget),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            p.retry_delay(
                Method::Get,
                0,
                Failure::Status(503),
                Some(10),
                Duration::from_secs(11),
                budget
            ),
            None
        );
        // Methods and failure classes.
        assert_eq!(
            p.retry_delay(Method::Post, 0, Failure::Status(503), None, z, budget),
            None
        );
        assert!(p
            .retry_delay(Method::Post, 0, Failure::Connect, None, z, budget)
            .is_some());
        assert_eq!(
            p.retry_delay(Method::Post, 0, Failure::Network, None, z, budget),
            None
        );
        assert!(p
            .retry_delay(Method::Delete, 0, Failure::Network, None, z, budget)
            .is_some());
        assert_eq!(
            p.retry_delay(Method::Get, 0, Failure::Final, None, z, budget),
            None
        );
        assert_eq!(
            p.retry_delay(Method::Get, 0, Failure::Status(500), None, z, budget),
            None
        );
        assert_eq!(
            p.retry_delay(Method::Get, 2, Failure::Status(502), None, z, budget),
            None
        );
        // The host-transport form.
        let c = Config::default();
        assert_eq!(
            c.retry_delay(Method::Get, 0, Some(429), Some("60"), z),
            None
        );
        assert_eq!(
            c.retry_delay(Method::Get, 0, Some(429), Some(" 3 "), z),
            Some(Duration::from_secs(3))
        );
        assert!(c.retry_delay(Method::Get, 0, None, None, z).is_some());
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("120"), Some(120));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(0));
        assert_eq!(parse_retry_after("soon"), None);
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(90));
        assert!((89..=91).contains(&parse_retry_after(&later).unwrap()));
    }
}
