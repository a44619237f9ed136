//! Shared services of one region of a running sandbox, handed to every handler.

use std::sync::Arc;
use std::time::Duration;

use crate::faults::Faults;
use crate::regions::Regions;
use crate::state::Store;
use crate::upstream::Upstream;

/// Settings fixed at start-up.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The region this `App` is.
    pub region: String,
    /// `127.0.0.1:Q`, the registry host clients push to (the gateway).
    pub registry_host: String,
    pub token_ttl: Duration,
    pub secret_ttl: Duration,
}

pub struct App {
    pub store: Store,
    /// The backing registry, seen through this region's path prefix.
    pub upstream: Upstream,
    pub settings: Settings,
    /// Shared by every region: limits and cuts count per process, as one client sees them.
    pub faults: Arc<Faults>,
    /// Every region of the process, this one included.
    pub regions: Arc<Regions>,
}

pub type SharedApp = Arc<App>;

/// Writes the state whenever it was marked dirty, off the async workers; runs for the life of
/// the process (shutdown writes once more, synchronously).
pub async fn flush_loop(app: SharedApp) {
    loop {
        app.store.dirtied().await;
        // Let a burst of changes (a push with its retention run) land in one write.
        tokio::time::sleep(Duration::from_millis(100)).await;
        let writer = app.clone();
        match tokio::task::spawn_blocking(move || writer.store.persist()).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::error!("state not saved: {e}"),
            Err(e) => tracing::error!("state writer failed: {e}"),
        }
    }
}
