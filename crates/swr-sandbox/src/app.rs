//! Shared services of one running sandbox, handed to every handler.

use std::sync::Arc;
use std::time::Duration;

use crate::faults::Faults;
use crate::state::Store;
use crate::upstream::Upstream;

/// Settings fixed at start-up.
#[derive(Debug, Clone)]
pub struct Settings {
    pub region: String,
    /// `127.0.0.1:Q`, the registry host clients push to (the gateway).
    pub registry_host: String,
    pub token_ttl: Duration,
    pub secret_ttl: Duration,
}

pub struct App {
    pub store: Store,
    pub upstream: Upstream,
    pub settings: Settings,
    pub faults: Faults,
}

pub type SharedApp = Arc<App>;
