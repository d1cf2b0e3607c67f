//! python binding of opentok-core (placeholder).
