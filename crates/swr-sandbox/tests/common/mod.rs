//! The sandbox's own protocol tests: raw signed API calls, registry tokens and pushes made by
//! hand, over a sandbox started (and stopped when dropped) by `swr-testkit`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use base64::Engine as _;
use serde_json::Value;

/// A sandbox started by `swr-testkit`, addressed as the raw-protocol tests need: users by
/// position, and one of its served regions at a time.
pub struct Sandbox {
    /// The process; `None` for a view of another region of the same process.
    process: Option<swr_testkit::Sandbox>,
    /// The ready line, with the top-level endpoints of the region this handle addresses.
    pub info: Value,
}

impl Sandbox {
    pub fn start(data: &Path, extra: &[&str]) -> Self {
        let process = swr_testkit::Sandbox::start_in(data, extra);
        Self {
            info: process.info.clone(),
            process: Some(process),
        }
    }

    /// The same process seen through its served region `index` (`regions` in the readiness
    /// line): that region's API, registry, region id and project. Dropping it stops nothing.
    pub fn region(&self, index: usize) -> Self {
        let listed = &self.info["regions"][index];
        assert!(listed.is_object(), "no region {index} in {}", self.info);
        let mut info = self.info.clone();
        for key in ["api_endpoint", "registry", "region", "project_id"] {
            info[key] = listed[key].clone();
        }
        Self {
            process: None,
            info,
        }
    }

    pub fn api(&self) -> String {
        self.info["api_endpoint"].as_str().unwrap().to_string()
    }

    pub fn registry(&self) -> String {
        self.info["registry"].as_str().unwrap().to_string()
    }

    /// The AK and SK of user `index` of account `account`.
    pub fn user(&self, account: usize, index: usize) -> (String, String) {
        let u = &self.info["accounts"][account]["users"][index];
        (
            u["ak"].as_str().unwrap().to_string(),
            u["sk"].as_str().unwrap().to_string(),
        )
    }

    /// `Basic` header value of the long-term docker login of a user, in this handle's region.
    pub fn basic(&self, account: usize, index: usize) -> String {
        let (ak, sk) = self.user(account, index);
        let region = self.info["region"].as_str().unwrap();
        let raw = format!(
            "{}:{}",
            swr_api::login::login_username(region, &ak),
            swr_api::login::login_key(&ak, &sk)
        );
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(raw)
        )
    }

    /// Peak resident memory of the sandbox process (not its registry child), in KiB.
    pub fn peak_rss_kib(&self) -> u64 {
        self.process
            .as_ref()
            .map_or(0, swr_testkit::Sandbox::peak_rss_kib)
    }

    /// Stops the sandbox with SIGTERM, as a supervisor would, and waits for it.
    pub fn stop(self) {
        if let Some(process) = self.process {
            process.stop();
        }
    }
}

/// A management API call signed like the SDK signs it.
pub async fn call(
    sb: &Sandbox,
    who: (usize, usize),
    method: &str,
    path: &str,
    query: &[(&str, &str)],
    body: Option<Value>,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let (ak, sk) = sb.user(who.0, who.1);
    call_with_keys(sb, &ak, &sk, method, path, query, body, None).await
}

#[allow(clippy::too_many_arguments)]
pub async fn call_with_keys(
    sb: &Sandbox,
    ak: &str,
    sk: &str,
    method: &str,
    path: &str,
    query: &[(&str, &str)],
    body: Option<Value>,
    date: Option<&str>,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let api = sb.api();
    let host = api.trim_start_matches("http://").to_string();
    let body_bytes = body
        .map(|b| serde_json::to_vec(&b).unwrap())
        .unwrap_or_default();
    let query: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let headers = vec![("Content-Type".to_string(), "application/json".to_string())];
    let now = swr_api::signing::format_sdk_date(std::time::SystemTime::now());
    let signed = swr_api::signing::sign_request(&swr_api::signing::SignInput {
        method,
        host: &host,
        path,
        query: &query,
        headers: &headers,
        body: &body_bytes,
        ak,
        sk,
        date: date.unwrap_or(&now),
    });
    let mut url = format!("{api}{path}");
    if !signed.canonical_query.is_empty() {
        url = format!("{url}?{}", signed.canonical_query);
    }
    let client = reqwest::Client::new();
    let mut req = client.request(method.parse().unwrap(), &url);
    for (k, v) in &signed.headers_out {
        if !k.eq_ignore_ascii_case("host") {
            req = req.header(k, v);
        }
    }
    let resp = req.body(body_bytes).send().await.expect("API call");
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let text = resp.text().await.unwrap();
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    (status, headers, json)
}

/// A registry token for `scope`, using the Basic value given.
pub async fn token(sb: &Sandbox, basic: &str, scope: &str) -> (u16, Option<String>) {
    let url = format!(
        "http://{}/swr/auth/v2/registry/auth/?service=dockyard&scope={scope}",
        sb.registry()
    );
    let resp = reqwest::Client::new()
        .get(url)
        .header("Authorization", basic)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let body: Value = resp.json().await.unwrap_or(Value::Null);
    (status, body["token"].as_str().map(str::to_string))
}

/// Pushes a tiny image through the gateway the way docker does; returns the manifest digest.
pub async fn push_image(
    sb: &Sandbox,
    bearer: &str,
    name: &str,
    tag: &str,
    text: &str,
) -> Result<String, u16> {
    let img = swr_sandbox::seed::image::build(text).unwrap();
    let client = reqwest::Client::new();
    let base = format!("http://{}", sb.registry());
    for (digest, data) in [
        (&img.layer_digest, &img.layer),
        (&img.config_digest, &img.config),
    ] {
        let start = client
            .post(format!("{base}/v2/{name}/blobs/uploads/"))
            .bearer_auth(bearer)
            .send()
            .await
            .map_err(|_| 599u16)?;
        if start.status().as_u16() != 202 {
            return Err(start.status().as_u16());
        }
        let location = start.headers()["location"].to_str().unwrap().to_string();
        let url = if location.starts_with("http") {
            location
        } else {
            format!("{base}{location}")
        };
        let sep = if url.contains('?') { '&' } else { '?' };
        let put = client
            .put(format!("{url}{sep}digest={digest}"))
            .bearer_auth(bearer)
            .body(data.clone())
            .send()
            .await
            .map_err(|_| 599u16)?;
        if put.status().as_u16() != 201 {
            return Err(put.status().as_u16());
        }
    }
    let put = client
        .put(format!("{base}/v2/{name}/manifests/{tag}"))
        .bearer_auth(bearer)
        .header("Content-Type", swr_sandbox::seed::image::MANIFEST_TYPE)
        .body(img.manifest.clone())
        .send()
        .await
        .map_err(|_| 599u16)?;
    if put.status().as_u16() != 201 {
        return Err(put.status().as_u16());
    }
    Ok(img.manifest_digest)
}

/// Status of `GET /v2/<name>/manifests/<reference>` with a bearer token.
pub async fn manifest_status(sb: &Sandbox, bearer: &str, name: &str, reference: &str) -> u16 {
    reqwest::Client::new()
        .get(format!(
            "http://{}/v2/{name}/manifests/{reference}",
            sb.registry()
        ))
        .bearer_auth(bearer)
        .header("Accept", swr_sandbox::seed::image::MANIFEST_TYPE)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

pub async fn create_namespace(sb: &Sandbox, name: &str) {
    let (status, _, body) = call(
        sb,
        (0, 0),
        "POST",
        "/v2/manage/namespaces",
        &[],
        Some(serde_json::json!({"namespace": name})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
}

/// `GET` on the registry host with a bearer token: status and JSON body.
pub async fn registry_json(sb: &Sandbox, bearer: &str, path: &str) -> (u16, Value) {
    let resp = reqwest::Client::new()
        .get(format!("http://{}{path}", sb.registry()))
        .bearer_auth(bearer)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// The digest the registry host answers for `<name>:<tag>` (which must exist).
pub async fn manifest_digest(sb: &Sandbox, bearer: &str, name: &str, tag: &str) -> String {
    let resp = reqwest::Client::new()
        .get(format!(
            "http://{}/v2/{name}/manifests/{tag}",
            sb.registry()
        ))
        .bearer_auth(bearer)
        .header("Accept", swr_sandbox::seed::image::MANIFEST_TYPE)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200, "{name}:{tag}");
    resp.headers()["docker-content-digest"]
        .to_str()
        .unwrap()
        .to_string()
}

/// Sends one request as written, path included: HTTP clients resolve `..` before sending, an
/// attacker's tool does not. Returns the status code and the body.
pub async fn raw_request(
    sb: &Sandbox,
    method: &str,
    path: &str,
    bearer: &str,
    body: &[u8],
) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut sock = tokio::net::TcpStream::connect(sb.registry()).await.unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {bearer}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        sb.registry(),
        swr_sandbox::seed::image::MANIFEST_TYPE,
        body.len()
    );
    sock.write_all(head.as_bytes()).await.unwrap();
    sock.write_all(body).await.unwrap();
    let mut answer = Vec::new();
    sock.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer).to_string();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, answer)
}
