//! `swrctl repo set ORG/IMAGE`: visibility, category and description.

use std::process::ExitCode;

use swr_core::access::attributes::{self, AttributesChange};

use super::access::image;
use super::shared::{self, Common, Failure};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Change an image's attributes; unnamed ones keep their value.
    Set(SetArgs),
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    /// Anyone may pull it without logging in (public images cannot be shared).
    #[arg(long, conflicts_with = "private")]
    pub public: bool,
    /// Only users with a permission, and accounts it is shared with, may pull it.
    #[arg(long)]
    pub private: bool,
    /// app_server, linux, windows, arm, framework_app, database, lang or other.
    #[arg(long)]
    pub category: Option<String>,
    /// Up to 30,000 characters (Markdown).
    #[arg(long)]
    pub description: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(command: &Command) -> ExitCode {
    match command {
        Command::Set(args) => shared::run(set(args)),
    }
}

async fn set(args: &SetArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let category = args
        .category
        .as_deref()
        .map(swr_api::rules::validate_category)
        .transpose()
        .map_err(|v| Failure::Usage(v.message.en))?;
    let change = AttributesChange {
        is_public: match (args.public, args.private) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        },
        category,
        description: args.description.clone(),
    };
    if change == AttributesChange::default() {
        return Err(Failure::Usage(
            "nothing to change: give --public or --private, --category or --description".into(),
        ));
    }
    let session = shared::session(args.common.profile.as_deref())?;
    let outcome = attributes::set(&session, &org, &name, &change).await?;
    if args.common.json {
        shared::print_json(&outcome)?;
    } else if !outcome.changed {
        outln!("{org}/{name} already has these attributes; nothing was sent");
    } else {
        let a = &outcome.after;
        outln!(
            "{org}/{name}: {}, category {}, description of {} characters",
            if a.is_public { "public" } else { "private" },
            a.category.map_or("(unknown)", |c| c.as_str()),
            a.description.chars().count()
        );
    }
    Ok(ExitCode::SUCCESS)
}
