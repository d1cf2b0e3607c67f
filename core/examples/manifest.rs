//! Prints the operation manifest (JSON) that `make check-generated` generates type declarations from:
//! `cargo run --release -q -p opentok-core --features schema --example manifest`.

fn main() {
    let doc = opentok_core::manifest();
    match serde_json::to_string_pretty(&doc) {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("manifest: {e}");
            std::process::exit(1);
        }
    }
}
