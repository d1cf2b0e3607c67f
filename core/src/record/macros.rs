//! The declaration macros of result records, enums and pages (see [`crate::record`]).

/// Declares a result record: its fields, the JSON member each is read from, and `extra`, with the
/// derives every result record carries (UniFFI behind `uniffi`, JSON Schema behind `schema`).
/// A field's attributes other than its docs go in braces after its JSON name (`= "items" {
/// #[serde(default)] }`): they are for the Rust type only. Fields after `added:` came after the first Kotlin/Swift release: they follow `extra` (so
/// positional constructors keep working) and default to `None` in Kotlin and Swift.
macro_rules! result_record {
    (
        ffi $export:ident;
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[doc = $fdoc:literal])* $field:ident : $ty:ty = $key:literal $({ $(#[$fmeta:meta])* })?, )*
        }
        added { $( $(#[doc = $adoc:literal])* $afield:ident : $aty:ty = $akey:literal $({ $(#[$ameta:meta])* })?, )* }
    ) => {
        /// The UniFFI record of
        #[doc = concat!("[`", stringify!($name), "`]")]
        /// for the binding crate (see [`crate::record`]).
        #[cfg(feature = "uniffi")]
        #[doc(hidden)]
        #[macro_export]
        macro_rules! $export {
            () => {
                #[$crate::record::__uniffi::remote(Record)]
                $(#[$meta])*
                pub struct $name {
                    $( $(#[doc = $fdoc])* pub $field: $ty, )*
                    /// Members of the answer this record does not name, and named members whose
                    /// value could not be represented exactly: JSON name -> the value as JSON text.
                    pub extra: $crate::record::JsonMap,
                    $( $(#[doc = $adoc])* #[uniffi(default)] pub $afield: $aty, )*
                }
            };
        }

        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        $(#[$meta])*
        pub struct $name {
            $( $(#[doc = $fdoc])* $($(#[$fmeta])*)? #[serde(rename = $key)] pub $field: $ty, )*
            /// Members of the answer this record does not name, and named members whose value
            /// could not be represented exactly, as received.
            #[serde(flatten)]
            pub extra: $crate::record::JsonMap,
            $(
                $(#[doc = $adoc])*
                $($(#[$ameta])*)?
                #[serde(rename = $akey)]
                pub $afield: $aty,
            )*
        }

        impl $crate::record::Record for $name {
            fn read(
                m: &serde_json::Map<String, serde_json::Value>,
                path: &str,
                problems: &mut Vec<String>,
            ) -> Self {
                let mut extra = $crate::record::JsonMap::default();
                const NAMED: &[&str] = &[$($key,)* $($akey,)*];
                for (k, val) in m {
                    if !NAMED.contains(&k.as_str()) {
                        extra.insert(k.clone(), val.clone());
                    }
                }
                $( let $field: $ty = $crate::record::member(m, $key, path, &mut extra, problems); )*
                $( let $afield: $aty = $crate::record::member(m, $akey, path, &mut extra, problems); )*
                $name { $($field,)* extra, $($afield,)* }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                $crate::record::deserialize_strict(d)
            }
        }
    };
}
pub(crate) use result_record;

/// Declares an enum or a plain record, and (with the `uniffi` feature) the macro the binding crate
/// expands into its `#[uniffi::remote(..)]` declaration (see [`crate::record`]). The attributes in
/// `rust { .. }` (derives, serde) and a variant's `[..]` attributes are for the Rust type only.
macro_rules! ffi_export {
    (
        ffi $export:ident;
        $(#[doc = $doc:literal])*
        rust { $(#[$meta:meta])* }
        pub enum $name:ident {
            $( $(#[doc = $vdoc:literal])* $variant:ident $([$($vmeta:meta),*])?, )*
        }
    ) => {
        /// The UniFFI enum of
        #[doc = concat!("[`", stringify!($name), "`]")]
        /// for the binding crate (see [`crate::record`]).
        #[cfg(feature = "uniffi")]
        #[doc(hidden)]
        #[macro_export]
        macro_rules! $export {
            () => {
                #[$crate::record::__uniffi::remote(Enum)]
                $(#[doc = $doc])*
                pub enum $name { $( $(#[doc = $vdoc])* $variant, )* }
            };
        }

        $(#[doc = $doc])*
        $(#[$meta])*
        pub enum $name { $( $(#[doc = $vdoc])* $($(#[$vmeta])*)? $variant, )* }
    };
    (
        ffi $export:ident;
        $(#[doc = $doc:literal])*
        rust { $(#[$meta:meta])* }
        pub struct $name:ident { $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty, )* }
    ) => {
        /// The UniFFI record of
        #[doc = concat!("[`", stringify!($name), "`]")]
        /// for the binding crate (see [`crate::record`]).
        #[cfg(feature = "uniffi")]
        #[doc(hidden)]
        #[macro_export]
        macro_rules! $export {
            () => {
                #[$crate::record::__uniffi::remote(Record)]
                $(#[doc = $doc])*
                pub struct $name { $( $(#[$fmeta])* pub $field: $ty, )* }
            };
        }

        $(#[doc = $doc])*
        $(#[$meta])*
        pub struct $name { $( $(#[$fmeta])* pub $field: $ty, )* }
    };
}
pub(crate) use ffi_export;

/// Declares a page record (`{count, items}` on the wire; `total_count` and `items` in Rust,
/// Kotlin and Swift).
macro_rules! page_record {
    ($(#[$meta:meta])* $name:ident of $item:ty, ffi $export:ident) => {
        $crate::record::result_record! {
            ffi $export;
            $(#[$meta])*
            pub struct $name {
                /// Total number of items (across pages; `None` when the answer has no `count`).
                total_count: Option<i64> = "count",
                /// This page.
                items: Vec<$item> = "items" { #[serde(default)] },
            }
            added {}
        }

        impl $crate::record::ListPage for $name {
            type Item = $item;
            fn total(&self) -> Option<i64> {
                self.total_count
            }
            fn into_items(self) -> Vec<$item> {
                self.items
            }
        }
    };
}
pub(crate) use page_record;
