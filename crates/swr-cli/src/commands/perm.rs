//! `swrctl perm ls|grant|revoke ORG[/IMAGE]...`: permissions of IAM users.
//!
//! A grant or revoke is planned first against what SWR holds now and printed as a diff; it is
//! then applied one request per user and scope, and each result is printed, so a run cut
//! short by a refusal says exactly what was done. Users are named by IAM user name; SWR cannot
//! list IAM users, so a user without any grant yet is also given by `--user-id`.

use std::process::ExitCode;

use serde::Serialize;
use swr_core::access::matrix;
use swr_core::access::permissions::{
    self, Action, BulkOutcome, BulkPlan, ItemStatus, PermissionList, Scope, Wanted,
};
use swr_core::access::Level;
use swr_core::sessions::Session;

use super::access::organization_or_image;
use super::shared::{self, Common, Destructive, Failure};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// List who holds which level.
    Ls(LsArgs),
    /// Grant a level, or change it for a user who already has one.
    Grant(ChangeArgs),
    /// Take a user's permission away.
    Revoke(ChangeArgs),
}

#[derive(Debug, clap::Args)]
pub struct LsArgs {
    /// `ORG` or `ORG/IMAGE`, one or more.
    #[arg(required = true)]
    pub scopes: Vec<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct ChangeArgs {
    /// `ORG` or `ORG/IMAGE`, one or more.
    #[arg(required = true)]
    pub scopes: Vec<String>,
    /// IAM user name; repeat for several users.
    #[arg(long = "user")]
    pub users: Vec<String>,
    /// IAM user id, for a user who holds no permission anywhere yet (with one --user).
    #[arg(long)]
    pub user_id: Option<String>,
    /// read, write or manage (grant only).
    #[arg(long)]
    pub level: Option<String>,
    #[command(flatten)]
    pub destructive: Destructive,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(command: &Command) -> ExitCode {
    match command {
        Command::Ls(args) => shared::run(list(args)),
        Command::Grant(args) => shared::run(change(args, true)),
        Command::Revoke(args) => shared::run(change(args, false)),
    }
}

fn scopes(texts: &[String]) -> Result<Vec<Scope>, Failure> {
    texts
        .iter()
        .map(|t| {
            let (org, image) = organization_or_image(t)?;
            Ok(Scope {
                organization: org,
                image,
            })
        })
        .collect()
}

async fn list(args: &LsArgs) -> Result<ExitCode, Failure> {
    let scopes = scopes(&args.scopes)?;
    let session = shared::session(args.common.profile.as_deref())?;
    let mut lists: Vec<PermissionList> = Vec::new();
    for scope in &scopes {
        lists.push(permissions::list(&session, scope).await?);
    }
    if args.common.json {
        shared::print_json(&lists)?;
        return Ok(ExitCode::SUCCESS);
    }
    for l in &lists {
        outln!("{}", l.scope.label());
        if let Some(own) = &l.own {
            outln!("  {:<24} {:<8} (you)", own.user_name, own.level.as_str());
        }
        for u in &l.users {
            outln!(
                "  {:<24} {:<8} {}",
                u.user_name,
                u.level.as_str(),
                u.user_id
            );
        }
        if l.users.is_empty() {
            outln!("  (no grants to other users)");
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn users(session: &Session, args: &ChangeArgs) -> Result<Vec<(String, String)>, Failure> {
    if args.users.is_empty() {
        return Err(Failure::Usage("name the user with --user NAME".into()));
    }
    if let Some(id) = &args.user_id {
        let [name] = args.users.as_slice() else {
            return Err(Failure::Usage(
                "--user-id goes with exactly one --user NAME".into(),
            ));
        };
        return Ok(vec![(id.clone(), name.clone())]);
    }
    let mut found = Vec::new();
    for name in &args.users {
        let user = matrix::find_user(session, name).await?;
        found.push((user.user_id, user.user_name));
    }
    Ok(found)
}

/// The plan and, unless `--dry-run`, what became of it.
#[derive(Debug, Serialize)]
struct Report {
    plan: BulkPlan,
    outcome: Option<BulkOutcome>,
}

async fn change(args: &ChangeArgs, grant: bool) -> Result<ExitCode, Failure> {
    let scopes = scopes(&args.scopes)?;
    let level = match (&args.level, grant) {
        (Some(l), true) => Some(Level::parse(l).map_err(|v| Failure::Usage(v.message.en))?),
        (None, true) => {
            return Err(Failure::Usage(
                "give the level with --level read|write|manage".into(),
            ))
        }
        (Some(_), false) => {
            return Err(Failure::Usage(
                "revoke takes no --level: it removes the user's permission".into(),
            ))
        }
        (None, false) => None,
    };
    let session = shared::session(args.common.profile.as_deref())?;
    let users = users(&session, args).await?;
    let wanted: Vec<Wanted> = scopes
        .iter()
        .flat_map(|scope| {
            users.iter().map(move |(id, name)| Wanted {
                scope: scope.clone(),
                user_id: id.clone(),
                user_name: name.clone(),
                level,
            })
        })
        .collect();
    let plan = permissions::plan(&session, &wanted).await?;
    if !args.common.json {
        print_plan(&plan);
    }
    let changes = plan.changes().count();
    if args.destructive.dry_run || changes == 0 {
        if args.common.json {
            shared::print_json(&Report {
                plan,
                outcome: None,
            })?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if !grant && !shared::confirm(&format!("Apply {changes} change(s)?"), args.destructive.yes)? {
        return Err(Failure::Failed("nothing was changed".into()));
    }
    let outcome = permissions::apply(&session, &plan).await;
    let failed = outcome.failed;
    if args.common.json {
        shared::print_json(&Report {
            plan,
            outcome: Some(outcome),
        })?;
    } else {
        print_outcome(&outcome);
    }
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn level_text(l: Option<Level>) -> &'static str {
    l.map_or("none", Level::as_str)
}

fn print_plan(plan: &BulkPlan) {
    for i in &plan.items {
        let what = match i.action {
            Action::Grant => "grant",
            Action::Change => "change",
            Action::Revoke => "revoke",
            Action::Unchanged => "unchanged",
        };
        outln!(
            "{what:<10} {:<32} {:<20} {} → {}",
            i.scope.label(),
            i.user_name,
            level_text(i.before),
            level_text(i.after)
        );
    }
}

fn print_outcome(outcome: &BulkOutcome) {
    for r in &outcome.results {
        let target = format!("{} {}", r.item.scope.label(), r.item.user_name);
        match &r.status {
            ItemStatus::Done => outln!("done       {target}"),
            ItemStatus::Unchanged => {}
            ItemStatus::Failed {
                message,
                request_id,
            } => {
                let id = request_id
                    .as_deref()
                    .map(|i| format!(" (request id {i})"))
                    .unwrap_or_default();
                outln!("FAILED     {target}: {message}{id}");
            }
        }
    }
    outln!("{} done, {} failed", outcome.done, outcome.failed);
}
