//! Integration tests of every swr-api operation against the project's SWR emulator, plus the
//! retry rule against a connection-dropping listener, and the request pacer against the
//! sandbox's API rate limit.
//!
//! Each test starts its own sandbox (fresh data directory), so tests are independent and can run
//! in parallel.

// A failed expectation in a helper is a failed test, exactly as in the test bodies.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod images;

mod account;
mod errors;
mod namespaces;
mod pacing;
mod permissions;
mod repos;
mod retention;
mod retries;
mod sharing;
mod sync;
mod tags;
mod triggers;
