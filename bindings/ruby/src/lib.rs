//! ruby binding of opentok-core (placeholder).
