//! uniffi binding of opentok-core (placeholder).
