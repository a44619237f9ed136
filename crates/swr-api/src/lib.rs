//! Client library for the management API of Huawei Cloud SWR (shared edition).
//!
//! Everything the desktop console, `swrctl` and the local sandbox need to agree on lives here so
//! that there is exactly one implementation of each contract:
//!
//! * [`signing`] — the `SDK-HMAC-SHA256` request signer and its verifying counterpart;
//! * [`login`] — long-term docker login credentials derived locally from an AK/SK pair;
//! * [`rules`] — the naming and value rules SWR enforces, with bilingual messages;
//! * [`secret`] — a wrapper that keeps secrets out of `Debug`/`Display` output;
//! * [`region`] and [`config`] — regions, endpoints and per-profile overrides;
//! * [`rate`] — the pacer that keeps one account under SWR's request rate;
//! * [`requests`] — the request ids of the calls a change made, for the journal;
//! * [`Client`] with the typed operations of [`ops`], the wire types of [`model`], paging in
//!   [`paging`] and one [`Error`] type.
//!
//! The crate has no dependency on Tauri; the UI reaches it through the app's bindings.

mod client;
pub mod config;
pub mod error;
pub mod http;
pub mod limits;
pub mod login;
pub mod model;
pub mod ops;
pub mod paging;
pub mod path;
pub mod rate;
pub mod region;
pub mod requests;
pub mod retry;
pub mod rules;
pub mod secret;
pub mod signing;

pub use client::Client;
pub use config::{ClientConfig, Credentials, EndpointOverrides, Endpoints, TransportOptions};
pub use error::{Error, ErrorKind};
pub use paging::{OffsetRequest, Page};
pub use rate::RateLimiter;
pub use secret::Sensitive;
