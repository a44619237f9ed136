//! `swrctl sync ls|add|rm|run|status ORG/IMAGE`: copying an image's tags to other regions.
//!
//! `ls` prints each rule with its gap: which tags are missing or differ (by manifest digest)
//! in the target region. Reading another region uses the same credentials with that region's
//! endpoints (`--region-endpoint` of the profile, or `SWR_REGION_ENDPOINTS`).

use std::process::ExitCode;

use swr_core::automation::sync::{self, GapState, RegionSessions, RuleInput, SyncNow};
use swr_core::sessions::{Session, SessionError};

use super::access::image;
use super::shared::{self, Common, Destructive, Failure};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Rules of the image, each with the tags missing or different in its region.
    Ls(ImageArgs),
    /// Add a rule: copy tags to REGION/NAMESPACE (every new tag with --auto).
    Add(AddArgs),
    /// Remove a rule.
    Rm(RmArgs),
    /// Copy TAGs to REGION/NAMESPACE now.
    Run(RunArgs),
    /// The image's sync jobs and their status.
    Status(ImageArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImageArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct Target {
    /// Target region id, e.g. cn-east-3.
    #[arg(long)]
    pub region: String,
    /// Organization in the target region (it must exist there).
    #[arg(long)]
    pub namespace: String,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    #[command(flatten)]
    pub target: Target,
    /// Copy every tag pushed from now on.
    #[arg(long)]
    pub auto: bool,
    /// Replace a tag that already exists in the target with another image (without it, such
    /// a tag is left as it is and the job fails).
    #[arg(long = "override")]
    pub overwrite: bool,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    #[command(flatten)]
    pub target: Target,
    #[command(flatten)]
    pub destructive: Destructive,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    /// Tags to copy.
    #[arg(required = true)]
    pub tags: Vec<String>,
    #[command(flatten)]
    pub target: Target,
    /// Replace tags that exist in the target with another image.
    #[arg(long = "override")]
    pub overwrite: bool,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(command: &Command) -> ExitCode {
    match command {
        Command::Ls(args) => shared::run(list(args)),
        Command::Add(args) => shared::run(add(args)),
        Command::Rm(args) => shared::run(remove(args)),
        Command::Run(args) => shared::run(sync_now(args)),
        Command::Status(args) => shared::run(status(args)),
    }
}

/// The other regions of swrctl's credentials.
struct Regions<'a> {
    profile: Option<&'a str>,
}

impl RegionSessions for Regions<'_> {
    fn region(&self, region: &str) -> Result<Session, SessionError> {
        let conn = super::push::connection_in(self.profile, Some(region))
            .map_err(|m| SessionError::Api(swr_api::Error::Configuration { message: m }))?;
        Session::from_configs(region, conn.api, conn.registry, None)
    }
}

async fn list(args: &ImageArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let session = shared::session(args.common.profile.as_deref())?;
    let regions = Regions {
        profile: args.common.profile.as_deref(),
    };
    let gaps = sync::gaps(&session, &regions, &org, &name).await?;
    if args.common.json {
        shared::print_json(&gaps)?;
        return Ok(ExitCode::SUCCESS);
    }
    if gaps.is_empty() {
        outln!("{org}/{name} has no sync rules");
    }
    for g in &gaps {
        outln!(
            "{}/{}/{name}: {} missing, {} different, {} the same",
            g.region,
            g.namespace,
            g.missing,
            g.differs,
            g.same
        );
        if let Some(p) = &g.problem {
            outln!("  cannot read the target: {p}");
        }
        for r in g.rows.iter().filter(|r| r.state != GapState::Same) {
            let what = match r.state {
                GapState::Missing => "missing".to_owned(),
                _ => format!(
                    "differs: {} there",
                    r.remote_digest.as_deref().unwrap_or_default()
                ),
            };
            outln!("  {:<32} {what}", r.tag);
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn add(args: &AddArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let session = shared::session(args.common.profile.as_deref())?;
    let rule = RuleInput {
        region: args.target.region.clone(),
        namespace: args.target.namespace.clone(),
        auto: args.auto,
        overwrite: args.overwrite,
    };
    sync::add_rule(&session, &org, &name, &rule).await?;
    outln!(
        "{org}/{name} syncs to {}/{}{}",
        rule.region,
        rule.namespace,
        if rule.auto {
            " on every push"
        } else {
            " when asked"
        }
    );
    Ok(ExitCode::SUCCESS)
}

async fn remove(args: &RmArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let (region, ns) = (&args.target.region, &args.target.namespace);
    if args.destructive.dry_run {
        outln!("would remove the rule syncing {org}/{name} to {region}/{ns}");
        return Ok(ExitCode::SUCCESS);
    }
    let question = format!("Stop syncing {org}/{name} to {region}/{ns}?");
    if !shared::confirm(&question, args.destructive.yes)? {
        return Err(Failure::Failed("nothing was changed".into()));
    }
    let session = shared::session(args.common.profile.as_deref())?;
    sync::delete_rule(&session, &org, &name, region, ns).await?;
    outln!("removed the rule syncing {org}/{name} to {region}/{ns}");
    Ok(ExitCode::SUCCESS)
}

async fn sync_now(args: &RunArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let session = shared::session(args.common.profile.as_deref())?;
    let request = SyncNow {
        tags: args.tags.clone(),
        region: args.target.region.clone(),
        namespace: args.target.namespace.clone(),
        overwrite: args.overwrite,
    };
    sync::sync_now(&session, &org, &name, &request).await?;
    outln!(
        "started copying {} to {}/{}; follow it with swrctl sync status {org}/{name}",
        args.tags.join(", "),
        args.target.region,
        args.target.namespace
    );
    Ok(ExitCode::SUCCESS)
}

async fn status(args: &ImageArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let session = shared::session(args.common.profile.as_deref())?;
    let jobs = sync::jobs(&session, &org, &name).await?;
    if args.common.json {
        shared::print_json(&jobs)?;
        return Ok(ExitCode::SUCCESS);
    }
    if jobs.is_empty() {
        outln!("{org}/{name} has no sync jobs");
    }
    for j in &jobs {
        outln!(
            "{} {:<8} {}:{} → {}/{}",
            j.created_at,
            j.status,
            name,
            j.tag,
            j.remote_region_id,
            j.remote_namespace
        );
    }
    Ok(ExitCode::SUCCESS)
}
