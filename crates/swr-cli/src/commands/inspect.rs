//! `swrctl inspect ORG/IMAGE:TAG` (or `@sha256:…`): what is inside a pushed image, read from the
//! registry: platforms, layers, config and history. `--json` prints the app's inspection shape.
//! Each platform read is kept by digest in the app's own cache folder, so a second look at the
//! same image, from here or from the app, costs only the request that resolves its reference.

use std::process::ExitCode;

use swr_core::browse::inspect::{self, Inspection};
use swr_core::browse::reference::ImageRef;

use super::shared::{self, Common};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// `ORG/IMAGE:TAG` or `ORG/IMAGE@sha256:…`.
    pub reference: String,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(args: &Args) -> ExitCode {
    shared::run(async {
        let image = ImageRef::parse(&args.reference)?;
        let reference = image.require_reference("inspect")?;
        let session = shared::session(args.common.profile.as_deref())?;
        let cache = shared::inspect_cache();
        let found = inspect::inspect(
            &session,
            cache.as_deref(),
            &image.organization,
            &image.image,
            reference,
        )
        .await?;
        if args.common.json {
            shared::print_json(&found)?;
        } else {
            print_text(&found);
        }
        Ok(ExitCode::SUCCESS)
    })
}

fn print_text(found: &Inspection) {
    outln!("{}", found.reference);
    outln!("  digest      {}", found.digest);
    outln!("  media type  {}", found.media_type);
    for p in &found.platforms {
        outln!("");
        outln!("platform {}", p.name());
        outln!("  manifest    {}", p.digest);
        outln!("  config      {}", p.config_digest);
        outln!(
            "  size        {} bytes in {} layers",
            p.size,
            p.layers.len()
        );
        let c = &p.config;
        let fields = [
            ("entrypoint", c.entrypoint.join(" ")),
            ("cmd", c.cmd.join(" ")),
            ("user", c.user.clone()),
            ("workdir", c.working_dir.clone()),
            ("ports", c.exposed_ports.join(", ")),
            ("created", c.created.clone().unwrap_or_default()),
        ];
        for (name, value) in fields.iter().filter(|(_, v)| !v.is_empty()) {
            outln!("  {name:<11} {value}");
        }
        for e in &c.env {
            outln!("  env         {e}");
        }
        for l in &c.labels {
            outln!("  label       {}={}", l.key, l.value);
        }
        for h in &p.hints {
            outln!("  hint        {} -> {}", h.message, h.advice);
        }
        outln!("  layers");
        for l in &p.layers {
            let by = l.created_by.as_deref().unwrap_or("");
            outln!("    {}  {:>12}  {by}", short(&l.digest), l.size);
        }
    }
}

fn short(digest: &str) -> &str {
    let hex = digest.strip_prefix("sha256:").unwrap_or(digest);
    hex.get(..12).unwrap_or(hex)
}
