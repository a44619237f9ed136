//! What SWR does by itself when images change: record pushes, fire triggers, run retention,
//! queue synchronisation jobs. Shared by the registry gateway, the management API and seeds.

pub mod push;
pub mod retention;
pub mod tags;
pub mod triggers;
