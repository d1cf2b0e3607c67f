#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else { return };
    let ops = opentok_core::OPERATIONS;
    let op = ops[usize::from(selector) % ops.len()];
    let _ = opentok_core::decode_response(op, serde_json::Value::Null, body);
    let _ = opentok_core::transport::error_from_response(400 + u16::from(selector % 200), body, None, None);
    if let Ok(args) = serde_json::from_slice::<serde_json::Value>(body) {
        let _ = opentok_core::build_request(op, args, "123456");
    }
});
