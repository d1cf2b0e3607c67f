//! Moved: the JSON-arguments codec is [`crate::wire::parse_args`], the by-name dispatcher is
//! [`crate::dispatch`]. This path stays for code that imported `parse_args` from here.

pub use crate::wire::parse_args;
