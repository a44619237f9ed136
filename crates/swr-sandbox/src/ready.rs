//! The readiness line: the first line on stdout, one JSON object with everything a client
//! needs. Its top-level fields describe the first region (what a single-region sandbox always
//! printed); `regions` lists every served region, the first one included.

use std::net::SocketAddr;

use crate::app::SharedApp;

#[derive(serde::Serialize)]
struct ReadyUser<'a> {
    user_name: &'a str,
    user_id: &'a str,
    ak: &'a str,
    sk: &'a str,
    admin: bool,
}

#[derive(serde::Serialize)]
struct ReadyAccount<'a> {
    domain_name: &'a str,
    domain_id: &'a str,
    users: Vec<ReadyUser<'a>>,
}

#[derive(serde::Serialize)]
struct ReadyRegion {
    region: String,
    api_endpoint: String,
    registry: String,
    project_id: String,
}

/// Fields in the documented order.
#[derive(serde::Serialize)]
struct Ready<'a> {
    api_endpoint: String,
    registry: &'a str,
    region: &'a str,
    project_id: &'a str,
    accounts: Vec<ReadyAccount<'a>>,
    regions: Vec<ReadyRegion>,
}

/// The line for `regions` (each with its management API address), the first region first.
pub fn line(regions: &[(SharedApp, SocketAddr)]) -> String {
    let Some((first, first_api)) = regions.first() else {
        return String::new();
    };
    let listed: Vec<ReadyRegion> = regions
        .iter()
        .map(|(app, api)| ReadyRegion {
            region: app.settings.region.clone(),
            api_endpoint: format!("http://{api}"),
            registry: app.settings.registry_host.clone(),
            project_id: app.store.lock().project_id.clone(),
        })
        .collect();
    let db = first.store.lock();
    let ready = Ready {
        api_endpoint: format!("http://{first_api}"),
        registry: &first.settings.registry_host,
        region: &db.region,
        project_id: &db.project_id,
        accounts: db
            .accounts
            .iter()
            .map(|a| ReadyAccount {
                domain_name: &a.domain_name,
                domain_id: &a.domain_id,
                users: a
                    .users
                    .iter()
                    .map(|u| ReadyUser {
                        user_name: &u.user_name,
                        user_id: &u.user_id,
                        ak: &u.ak,
                        sk: &u.sk,
                        admin: u.admin,
                    })
                    .collect(),
            })
            .collect(),
        regions: listed,
    };
    serde_json::to_string(&ready).unwrap_or_default()
}
