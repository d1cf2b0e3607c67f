#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let decoded = opentok_core::session_id::decode(s);
        let owned = opentok_core::session_id::check_owner(s, "123456");
        // The fast ownership path must agree with the general decoder.
        if let Ok(info) = &decoded {
            assert_eq!(owned.is_ok(), info.api_key == "123456");
        } else {
            assert!(owned.is_err());
        }
    }
});
