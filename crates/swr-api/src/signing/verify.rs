//! The server side of `SDK-HMAC-SHA256` (reference §2.5), used by the sandbox.
//!
//! The verifier never trusts the client's idea of the canonical request: it rebuilds it from the
//! method, raw path, raw query, the headers named in `SignedHeaders` and the body bytes exactly as
//! received, then compares signatures in constant time.

use std::time::{Duration, SystemTime};

use subtle::ConstantTimeEq;

use super::{
    canonical, hmac_sha256, parse_sdk_date, sha256_hex, string_to_sign, CanonicalParts, ALGORITHM,
};

/// A reasonable clock-skew window for live use; disable it (`None`) to replay fixed-date vectors.
pub const DEFAULT_MAX_SKEW: Duration = Duration::from_secs(15 * 60);

/// A request as received by a server.
#[derive(Debug, Clone, Copy)]
pub struct VerifyInput<'a> {
    /// HTTP method.
    pub method: &'a str,
    /// Path exactly as received (still percent-encoded).
    pub raw_path: &'a str,
    /// Query string exactly as received, without `?`.
    pub raw_query: Option<&'a str>,
    /// Every received header, names in any case.
    pub headers: &'a [(String, String)],
    /// Body bytes as received.
    pub body: &'a [u8],
}

/// Who signed a request that verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedCaller {
    /// The access key id from `Authorization`.
    pub access_key: String,
}

/// Why a signature was refused. Access keys are identifiers, not secrets, so they may appear here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// No `Authorization` header.
    #[error("the request has no Authorization header")]
    MissingAuthorization,
    /// `Authorization` does not have the `ALG Access=…, SignedHeaders=…, Signature=…` form.
    #[error("the Authorization header is malformed: {reason}")]
    MalformedAuthorization {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The algorithm is not `SDK-HMAC-SHA256`.
    #[error("signature algorithm `{algorithm}` is not supported")]
    UnsupportedAlgorithm {
        /// The algorithm named by the client (truncated).
        algorithm: String,
    },
    /// No secret key is known for the access key.
    #[error("access key `{access_key}` is unknown")]
    UnknownAccessKey {
        /// The access key named by the client (truncated).
        access_key: String,
    },
    /// No `X-Sdk-Date` header.
    #[error("the request has no X-Sdk-Date header")]
    MissingDate,
    /// `X-Sdk-Date` is not `YYYYMMDDTHHMMSSZ`.
    #[error("X-Sdk-Date `{value}` is not of the form YYYYMMDDTHHMMSSZ")]
    InvalidDate {
        /// The received value (truncated).
        value: String,
    },
    /// `X-Sdk-Date` is too far from the server's clock.
    #[error("X-Sdk-Date `{date}` is {skew_seconds} s away from the server clock")]
    DateOutOfWindow {
        /// The received value.
        date: String,
        /// Signed difference request time minus server time, in seconds.
        skew_seconds: i64,
    },
    /// A header listed in `SignedHeaders` was not received.
    #[error("signed header `{header}` is missing from the request")]
    SignedHeaderMissing {
        /// The missing header (lower case).
        header: String,
    },
    /// The recomputed signature differs from the one sent.
    #[error("the request signature does not match")]
    SignatureMismatch,
}

/// Parsed `Authorization` header.
struct Authorization<'a> {
    access: &'a str,
    signed_headers: Vec<&'a str>,
    signature: &'a str,
}

fn truncated(value: &str) -> String {
    value.chars().take(64).collect()
}

fn parse_authorization(value: &str) -> Result<Authorization<'_>, VerifyError> {
    let value = value.trim();
    let (algorithm, rest) = value
        .split_once(' ')
        .ok_or(VerifyError::MalformedAuthorization {
            reason: "expected `SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...`",
        })?;
    if algorithm != ALGORITHM {
        return Err(VerifyError::UnsupportedAlgorithm {
            algorithm: truncated(algorithm),
        });
    }
    let (mut access, mut signed, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let (key, val) =
            part.trim()
                .split_once('=')
                .ok_or(VerifyError::MalformedAuthorization {
                    reason: "every part must be `Name=value`",
                })?;
        let slot = match key {
            "Access" => &mut access,
            "SignedHeaders" => &mut signed,
            "Signature" => &mut signature,
            _ => {
                return Err(VerifyError::MalformedAuthorization {
                    reason: "unknown part (expected Access, SignedHeaders, Signature)",
                })
            }
        };
        if slot.replace(val).is_some() {
            return Err(VerifyError::MalformedAuthorization {
                reason: "a part appears twice",
            });
        }
    }
    let access = access
        .filter(|a| !a.is_empty())
        .ok_or(VerifyError::MalformedAuthorization {
            reason: "Access is missing",
        })?;
    let signed = signed
        .filter(|s| !s.is_empty())
        .ok_or(VerifyError::MalformedAuthorization {
            reason: "SignedHeaders is missing",
        })?;
    let signature =
        signature
            .filter(|s| !s.is_empty())
            .ok_or(VerifyError::MalformedAuthorization {
                reason: "Signature is missing",
            })?;
    let signed_headers: Vec<&str> = signed.split(';').collect();
    // `host` and `x-sdk-date` are always signed by the SDK; accepting a signature without them
    // would let a captured request be replayed against another host or at another time.
    for required in ["host", "x-sdk-date"] {
        if !signed_headers.contains(&required) {
            return Err(VerifyError::MalformedAuthorization {
                reason: "SignedHeaders must include host and x-sdk-date",
            });
        }
    }
    Ok(Authorization {
        access,
        signed_headers,
        signature,
    })
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Verifies a signed request.
///
/// `lookup_sk` maps an access key to its secret key. `max_skew` bounds how far `X-Sdk-Date` may
/// be from `now` in either direction; `None` disables the check.
pub fn verify_request(
    input: &VerifyInput<'_>,
    lookup_sk: impl Fn(&str) -> Option<String>,
    now: SystemTime,
    max_skew: Option<Duration>,
) -> Result<VerifiedCaller, VerifyError> {
    let auth_value =
        header(input.headers, "authorization").ok_or(VerifyError::MissingAuthorization)?;
    let auth = parse_authorization(auth_value)?;
    let sk = lookup_sk(auth.access).ok_or_else(|| VerifyError::UnknownAccessKey {
        access_key: truncated(auth.access),
    })?;

    let date = header(input.headers, "x-sdk-date").ok_or(VerifyError::MissingDate)?;
    let signed_at = parse_sdk_date(date.trim()).map_err(|_| VerifyError::InvalidDate {
        value: truncated(date),
    })?;
    if let Some(max) = max_skew {
        let skew_seconds = match signed_at.duration_since(now) {
            Ok(ahead) => i64::try_from(ahead.as_secs()).unwrap_or(i64::MAX),
            Err(behind) => -i64::try_from(behind.duration().as_secs()).unwrap_or(i64::MAX),
        };
        if skew_seconds.unsigned_abs() > max.as_secs() {
            return Err(VerifyError::DateOutOfWindow {
                date: truncated(date),
                skew_seconds,
            });
        }
    }

    let mut signed_values = Vec::with_capacity(auth.signed_headers.len());
    for name in &auth.signed_headers {
        let value =
            header(input.headers, name).ok_or_else(|| VerifyError::SignedHeaderMissing {
                header: truncated(name),
            })?;
        signed_values.push(((*name).to_owned(), value));
    }
    let query_pairs = canonical::parse_raw_query(input.raw_query.unwrap_or(""));
    let parts = CanonicalParts {
        method: input.method,
        uri: canonical::canonical_uri(input.raw_path),
        query: canonical::canonical_query(&query_pairs),
        headers: signed_values,
        payload_hash: sha256_hex(input.body),
    };
    let (canonical_request, rebuilt_signed_headers) = parts.build();
    // The client's list must already be in canonical (sorted) order; otherwise the string it
    // signed cannot be the one rebuilt here.
    if rebuilt_signed_headers != auth.signed_headers.join(";") {
        return Err(VerifyError::SignatureMismatch);
    }
    let expected = hex::encode(hmac_sha256(
        sk.as_bytes(),
        string_to_sign(date.trim(), &canonical_request).as_bytes(),
    ));
    if bool::from(expected.as_bytes().ct_eq(auth.signature.as_bytes())) {
        Ok(VerifiedCaller {
            access_key: auth.access.to_owned(),
        })
    } else {
        Err(VerifyError::SignatureMismatch)
    }
}
