//! `uniffi-bindgen`, built from the same uniffi version as `opentok-uniffi`.
fn main() {
    uniffi::uniffi_bindgen_main()
}
