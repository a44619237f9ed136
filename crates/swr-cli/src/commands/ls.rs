//! `swrctl ls [ORG[/IMAGE]]`: organizations, the images of one, or the tags of an image.

use std::process::ExitCode;

use swr_api::model::repos::RepoListQuery;
use swr_api::model::tags::TagListQuery;
use swr_api::{Client, OffsetRequest};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Nothing for organizations, `ORG` for its images, `ORG/IMAGE` for tags.
    pub path: Option<String>,
    /// Profile id or name (default: environment variables, else the active profile).
    #[arg(long)]
    pub profile: Option<String>,
    /// JSON output.
    #[arg(long)]
    pub json: bool,
}

const PAGE: u32 = 100;

pub fn run(args: &Args) -> ExitCode {
    let result = super::push::connection(args.profile.as_deref())
        .and_then(|conn| Client::new(conn.api).map_err(|e| e.to_string()))
        .and_then(|client| {
            let rt = super::push::runtime()?;
            rt.block_on(list(&client, args.path.as_deref()))
        });
    match result {
        Ok(names) => {
            if args.json {
                println!("{}", serde_json::Value::from(names));
            } else {
                for n in names {
                    println!("{n}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn list(client: &Client, path: Option<&str>) -> Result<Vec<String>, String> {
    let path = path.map(|p| p.trim_matches('/')).filter(|p| !p.is_empty());
    let mut out = Vec::new();
    match path.map(|p| p.split_once('/')) {
        None => {
            let namespaces = client
                .list_namespaces(false)
                .await
                .map_err(|e| e.to_string())?;
            out.extend(namespaces.into_iter().map(|n| n.name));
        }
        Some(None) => {
            let org = path.unwrap_or_default();
            let query = RepoListQuery {
                namespace: Some(org.to_owned()),
                ..RepoListQuery::default()
            };
            let mut page = OffsetRequest {
                offset: 0,
                limit: PAGE,
            };
            loop {
                let p = client
                    .list_repos_page(&query, page)
                    .await
                    .map_err(|e| e.to_string())?;
                out.extend(p.items.into_iter().map(|r| format!("{org}/{}", r.name)));
                match p.next {
                    Some(offset) => page.offset = offset,
                    None => break,
                }
            }
        }
        Some(Some((org, image))) => {
            let mut page = OffsetRequest {
                offset: 0,
                limit: PAGE,
            };
            loop {
                let p = client
                    .list_tags_page(org, image, &TagListQuery::default(), page)
                    .await
                    .map_err(|e| e.to_string())?;
                out.extend(
                    p.items
                        .into_iter()
                        .map(|t| format!("{org}/{image}:{}", t.tag)),
                );
                match p.next {
                    Some(offset) => page.offset = offset,
                    None => break,
                }
            }
        }
    }
    Ok(out)
}
