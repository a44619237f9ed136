//! Test support shared by every crate's integration tests: a real `swr-sandbox` in front of the
//! Debian `docker-registry`, one per test, on free loopback ports with its own data directory;
//! API and registry clients for its users; and `skopeo`, a client we did not write, to read
//! back what was pushed.
//!
//! Nothing is mocked and nothing is skipped: a missing tool fails the test with the Debian
//! package to install. The sandbox binary is `SWR_SANDBOX_BIN`, else the one in the test's own
//! target directory, built with `cargo build -p swr-sandbox` when missing or older than its
//! sources.
//!
//! This crate is a dev-dependency only; it is never part of a shipped binary.

// A failed expectation in a helper is a failed test, as in the test bodies.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod binary;
mod clients;
mod closed_port;
pub mod oci_layout;
mod ready;
mod sandbox;
mod skopeo;

pub use closed_port::ClosedPort;
pub use ready::{Account, Ready, Region, User};
pub use sandbox::Sandbox;

/// Fails the test unless `path` exists, naming the Debian package that provides it.
pub fn require(path: &str, package: &str) {
    assert!(
        std::path::Path::new(path).exists(),
        "{path} is missing: install the Debian package `{package}`"
    );
}
