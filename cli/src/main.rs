//! `opentok` command-line tool (placeholder).
fn main() {}
