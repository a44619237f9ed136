//! `swrctl tag rm` and `swrctl tag cp`: delete tags through a plan, copy a tag registry-side.
//!
//! `rm` prints exactly what will go (and whether each image stays reachable through a kept
//! tag) before anything happens; `--dry-run` stops there, and without `--yes` it asks, refusing
//! when there is no terminal to ask on. Only the tags the plan printed are deleted.

use std::process::ExitCode;

use serde::Serialize;
use swr_core::browse::copy;
use swr_core::browse::deletion::{self, DeletionOutcome, DeletionPlan};
use swr_core::browse::reference::ImageRef;
use swr_core::browse::tags::TagIndex;

use super::shared::{self, Common, Destructive, Failure};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Delete tags (`ORG/IMAGE:TAG`), or every tag of a digest (`ORG/IMAGE@sha256:…`).
    Rm(RmArgs),
    /// Copy a tag to another tag, image or organization without downloading its layers.
    Cp(CpArgs),
}

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    #[command(flatten)]
    pub destructive: Destructive,
    /// `ORG/IMAGE:TAG` or `ORG/IMAGE@sha256:…`, one or more.
    #[arg(required = true)]
    pub references: Vec<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct CpArgs {
    /// `ORG/IMAGE:TAG` or `ORG/IMAGE@sha256:…`.
    pub source: String,
    /// `ORG/IMAGE:TAG`; the organization must exist, the image is created as a push would.
    pub target: String,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(command: &Command) -> ExitCode {
    match command {
        Command::Rm(args) => shared::run(remove(args)),
        Command::Cp(args) => shared::run(copy_one(args)),
    }
}

/// One image's part of a deletion, as `--json` prints it.
#[derive(Debug, Serialize)]
struct ImageDeletion {
    plan: DeletionPlan,
    /// `null` with `--dry-run`.
    outcome: Option<DeletionOutcome>,
}

async fn remove(args: &RmArgs) -> Result<ExitCode, Failure> {
    // Group the references by image, keeping the order they were given in.
    let mut groups: Vec<(ImageRef, Vec<String>)> = Vec::new();
    for text in &args.references {
        let r = ImageRef::parse(text)?;
        let reference = r.require_reference("rm")?.as_str().to_owned();
        match groups
            .iter_mut()
            .find(|(g, _)| g.repository() == r.repository())
        {
            Some((_, refs)) => refs.push(reference),
            None => groups.push((r, vec![reference])),
        }
    }
    let session = shared::session(args.common.profile.as_deref())?;
    let mut work = Vec::new();
    for (image, refs) in &groups {
        let index = TagIndex::fetch(&session, &image.organization, &image.image).await?;
        let plan = deletion::plan(&index, &image.organization, &image.image, refs)?;
        work.push(ImageDeletion {
            plan,
            outcome: None,
        });
    }
    let count: usize = work.iter().map(|w| w.plan.tags.len()).sum();
    if !args.common.json || !args.destructive.dry_run {
        print_plans(&work, args.destructive.dry_run);
    }
    if args.destructive.dry_run {
        if args.common.json {
            shared::print_json(&work)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let question = format!("Delete {count} tag{}?", if count == 1 { "" } else { "s" });
    if !shared::confirm(&question, args.destructive.yes)? {
        eprintln!("nothing was deleted");
        return Ok(ExitCode::FAILURE);
    }
    let mut failed = false;
    for w in &mut work {
        let tags: Vec<String> = w.plan.tags.iter().map(|t| t.tag.clone()).collect();
        let outcome = deletion::delete(&session, &w.plan.organization, &w.plan.image, &tags).await;
        let repository = &w.plan.confirmation;
        for t in &outcome.deleted {
            eprintln!("deleted {repository}:{t}");
        }
        for f in &outcome.failed {
            let id = f
                .request_id
                .as_deref()
                .map(|i| format!(" (request id {i})"))
                .unwrap_or_default();
            eprintln!("not deleted {repository}:{}: {}{id}", f.tag, f.message);
        }
        failed |= !outcome.failed.is_empty();
        w.outcome = Some(outcome);
    }
    if args.common.json {
        shared::print_json(&work)?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The plan goes to stderr (stdout stays for `--json`), before any question.
fn print_plans(work: &[ImageDeletion], dry_run: bool) {
    let verb = if dry_run {
        "would delete"
    } else {
        "will delete"
    };
    for w in work {
        let repository = &w.plan.confirmation;
        for t in &w.plan.tags {
            let fate = if t.image_gone {
                "the image goes with it".to_owned()
            } else {
                format!("the image stays as {}", t.kept_siblings.join(", "))
            };
            eprintln!("{verb} {repository}:{} ({}; {fate})", t.tag, t.digest);
        }
    }
}

async fn copy_one(args: &CpArgs) -> Result<ExitCode, Failure> {
    let source = ImageRef::parse(&args.source)?;
    let target = ImageRef::parse(&args.target)?;
    let session = shared::session(args.common.profile.as_deref())?;
    let outcome = copy::copy_tag(&session, &source, &target).await?;
    if args.common.json {
        shared::print_json(&outcome)?;
    } else {
        outln!(
            "copied {} to {} ({}): {} blobs mounted, {} copied, {} already there",
            outcome.source,
            outcome.target,
            outcome.digest,
            outcome.mounted,
            outcome.copied,
            outcome.present
        );
    }
    Ok(ExitCode::SUCCESS)
}
