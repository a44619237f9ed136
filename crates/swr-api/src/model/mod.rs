//! Wire types of the SWR management API.
//!
//! Field names are exactly those on the wire (reference §5/§6). Response fields are optional
//! unless the API always sends them, and unknown fields are ignored, so a newer server never
//! breaks an older console.

pub mod enums;

pub use enums::{Category, PermissionLevel, ShareDeadline};
