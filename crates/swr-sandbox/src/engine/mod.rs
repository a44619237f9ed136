//! What SWR does by itself when images change: record pushes, fire triggers, run retention,
//! run synchronisation jobs. Shared by the registry gateway, the management API and seeds.

pub mod push;
pub mod retention;
pub mod sync;
pub mod tags;
pub mod triggers;
