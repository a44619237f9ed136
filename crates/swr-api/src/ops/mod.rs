//! Typed operations, one module per API group; each adds methods to [`crate::Client`].
//!
//! Operations validate their inputs with [`crate::rules`] before sending, so a value SWR would
//! refuse fails fast with a specific message and no request. List operations come in two forms:
//! `*_page` for one page (tables) and a lazy stream over every page.

mod accessories;
mod account;
pub(crate) mod listing;
mod namespaces;
mod permissions;
pub(crate) mod repos;
mod retention;
mod sharing;
mod sync;
mod tags;
mod triggers;
