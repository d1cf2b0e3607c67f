//! node binding of opentok-core (placeholder).
