//! `SDK-HMAC-SHA256` request signing, exactly as the Huawei Cloud SDK core does it (reference §2).
//!
//! The signer is a pure function of the request parts, the credentials and the date, so the
//! published vectors can be replayed byte for byte. The verifier in [`verify`] rebuilds the same
//! canonical request from what a server received; the sandbox uses it to check real signatures.
//!
//! Invariants worth knowing before touching this module:
//! * the query string the client sends must be [`Signed::canonical_query`] verbatim — the server
//!   re-sorts and re-encodes what it receives, so any other spelling only works by luck;
//! * `Content-Type` and `User-Agent` are signed, so nothing may rewrite them after signing;
//! * header names containing `_` are sent but never signed.

mod canonical;
mod date;
mod verify;

#[cfg(test)]
mod vector_tests;

pub use canonical::{canonical_query, canonical_uri, encode_component, parse_raw_query};
pub use date::{format_sdk_date, parse_sdk_date, InvalidSdkDate};
pub use verify::{verify_request, VerifiedCaller, VerifyError, VerifyInput, DEFAULT_MAX_SKEW};

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The only algorithm SWR's SDK uses by default.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
/// Header carrying the signing time, `YYYYMMDDTHHMMSSZ`.
pub const HEADER_SDK_DATE: &str = "X-Sdk-Date";
/// Header carrying the project id.
pub const HEADER_PROJECT_ID: &str = "X-Project-Id";
/// Header carrying an STS token for temporary credentials (it is signed).
pub const HEADER_SECURITY_TOKEN: &str = "X-Security-Token";
/// SHA-256 of the empty payload.
pub const EMPTY_PAYLOAD_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Everything the signer needs. Header names may use any case. `Debug` redacts the SK.
#[derive(Clone, Copy)]
pub struct SignInput<'a> {
    /// HTTP method; upper-cased for the canonical request.
    pub method: &'a str,
    /// `host[:port]` of the endpoint; becomes the `Host` header unless `headers` has one.
    pub host: &'a str,
    /// Path as sent on the wire, path parameters already percent-encoded.
    pub path: &'a str,
    /// Raw (unencoded) query pairs, in any order.
    pub query: &'a [(String, String)],
    /// Headers to sign and send, excluding `Host` and `Authorization`. An `X-Sdk-Date` present
    /// here wins over `date` (as in the SDK, where a pre-set date is the signing time).
    pub headers: &'a [(String, String)],
    /// Exact body bytes (empty for none).
    pub body: &'a [u8],
    /// Access key id.
    pub ak: &'a str,
    /// Secret access key.
    pub sk: &'a str,
    /// Signing time, `YYYYMMDDTHHMMSSZ` (see [`format_sdk_date`]).
    pub date: &'a str,
}

impl std::fmt::Debug for SignInput<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInput")
            .field("method", &self.method)
            .field("host", &self.host)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &redacted_headers(self.headers))
            .field("body_len", &self.body.len())
            .field("ak", &self.ak)
            .field("sk", &crate::secret::REDACTED)
            .field("date", &self.date)
            .finish()
    }
}

/// Header pairs for `Debug`, with the STS token replaced.
fn redacted_headers(headers: &[(String, String)]) -> Vec<(&str, &str)> {
    headers
        .iter()
        .map(|(n, v)| {
            if n.eq_ignore_ascii_case(HEADER_SECURITY_TOKEN) {
                (n.as_str(), crate::secret::REDACTED)
            } else {
                (n.as_str(), v.as_str())
            }
        })
        .collect()
}

/// The result of signing: intermediate strings (for tests and diagnostics) and the headers to
/// send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    /// The canonical request that was hashed.
    pub canonical_request: String,
    /// `SDK-HMAC-SHA256\n<date>\n<hex sha256 of canonical request>`.
    pub string_to_sign: String,
    /// `;`-joined, sorted, lower-case names of the signed headers.
    pub signed_headers: String,
    /// Value of the `Authorization` header.
    pub authorization: String,
    /// Every header to send, in order: the input headers (values trimmed), `X-Sdk-Date` if it
    /// was added, `Host` if it was added, then `Authorization`.
    pub headers_out: Vec<(String, String)>,
    /// The query string to put on the URL (without `?`); empty when there is no query.
    pub canonical_query: String,
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Raw HMAC-SHA256.
pub fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail; the fallback keeps the
    // function total without a panic path.
    match <Hmac<Sha256> as Mac>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(message);
            mac.finalize().into_bytes().into()
        }
        Err(_) => [0u8; 32],
    }
}

/// Signs a request.
pub fn sign_request(input: &SignInput<'_>) -> Signed {
    // Values are sent trimmed, as the SDK does; HTTP would drop the outer whitespace anyway.
    let mut headers_out: Vec<(String, String)> = input
        .headers
        .iter()
        .map(|(n, v)| (n.clone(), v.trim().to_owned()))
        .collect();
    let date = match find_header(&headers_out, HEADER_SDK_DATE) {
        Some(d) => d.to_owned(),
        None => {
            headers_out.push((HEADER_SDK_DATE.to_owned(), input.date.to_owned()));
            input.date.to_owned()
        }
    };
    if find_header(&headers_out, "host").is_none() {
        headers_out.push(("Host".to_owned(), input.host.to_owned()));
    }

    let signable: Vec<(String, &str)> = headers_out
        .iter()
        .filter(|(name, _)| canonical::is_signable_header(name))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.as_str()))
        .collect();
    let parts = CanonicalParts {
        method: input.method,
        uri: canonical_uri(input.path),
        query: canonical_query(input.query),
        headers: signable,
        payload_hash: sha256_hex(input.body),
    };
    let (canonical_request, signed_headers) = parts.build();
    let canonical_query = parts.query;
    let string_to_sign = string_to_sign(&date, &canonical_request);
    let signature = hex::encode(hmac_sha256(input.sk.as_bytes(), string_to_sign.as_bytes()));
    let authorization = format!(
        "{ALGORITHM} Access={}, SignedHeaders={signed_headers}, Signature={signature}",
        input.ak
    );
    headers_out.push(("Authorization".to_owned(), authorization.clone()));
    Signed {
        canonical_query,
        canonical_request,
        string_to_sign,
        signed_headers,
        authorization,
        headers_out,
    }
}

/// Inputs of the canonical request once each part is in canonical form (except headers, which
/// are sorted here).
struct CanonicalParts<'a> {
    method: &'a str,
    uri: String,
    query: String,
    /// Lower-case names with raw values; sorted and trimmed by [`CanonicalParts::build`].
    headers: Vec<(String, &'a str)>,
    payload_hash: String,
}

impl CanonicalParts<'_> {
    /// Returns the canonical request and the signed-headers list.
    fn build(&self) -> (String, String) {
        let mut headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.trim()))
            .collect();
        headers.sort_by(|a, b| a.0.cmp(b.0));
        let canonical_headers: String = headers.iter().map(|(n, v)| format!("{n}:{v}\n")).collect();
        let signed_headers = headers
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(";");
        let canonical_request = [
            self.method.to_ascii_uppercase().as_str(),
            &self.uri,
            &self.query,
            &canonical_headers,
            &signed_headers,
            &self.payload_hash,
        ]
        .join("\n");
        (canonical_request, signed_headers)
    }
}

fn string_to_sign(date: &str, canonical_request: &str) -> String {
    format!(
        "{ALGORITHM}\n{date}\n{}",
        sha256_hex(canonical_request.as_bytes())
    )
}

/// First value of a header, case-insensitively.
fn find_header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
