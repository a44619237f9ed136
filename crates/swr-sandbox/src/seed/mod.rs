//! Seeds: data created once per data directory.

pub mod demo;
pub mod image;
pub mod retention_lab;
pub mod scale;

use crate::app::SharedApp;
use crate::cli::Seed;

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("demo seed: registry refused an image: {0}")]
    Registry(#[from] crate::upstream::UpstreamError),
    #[error("demo seed: {0}")]
    Invalid(String),
}

/// Applies `seed` unless this data directory already received it.
pub async fn apply(app: &SharedApp, seed: Seed) -> Result<(), SeedError> {
    let name = match seed {
        Seed::None => return Ok(()),
        Seed::Demo => "demo",
        Seed::Scale => "scale",
        Seed::RetentionLab => "retention-lab",
    };
    if app.store.lock().seeded.iter().any(|s| s == name) {
        tracing::info!(seed = name, "seed already applied to this data directory");
        return Ok(());
    }
    match seed {
        Seed::Demo => demo::apply(app).await?,
        Seed::Scale => scale::apply(app),
        Seed::RetentionLab => retention_lab::apply(app),
        Seed::None => {}
    }
    app.store.lock().seeded.push(name.to_string());
    app.store.persist_soon();
    tracing::info!(seed = name, "seed applied");
    Ok(())
}
