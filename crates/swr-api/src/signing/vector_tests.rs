//! Replays `tests/data/signer-vectors.json` (produced by the official SDK) through the
//! signer and the verifier, and checks that the verifier refuses tampered requests.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use pretty_assertions::assert_eq;
use serde_json::Value;

use super::*;

fn vectors_file() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/signer-vectors.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {} ({e})", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn str_pairs(v: &Value) -> Vec<(String, String)> {
    match v {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
            .collect(),
        Value::Array(items) => items
            .iter()
            .map(|p| {
                (
                    p[0].as_str().unwrap().to_owned(),
                    p[1].as_str().unwrap().to_owned(),
                )
            })
            .collect(),
        other => panic!("unexpected pairs value {other}"),
    }
}

struct Vector {
    name: String,
    method: String,
    url: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: String,
    date: String,
    host: String,
    expected: Value,
}

fn vectors() -> (Vec<Vector>, String, String) {
    let file = vectors_file();
    let ak = file["credentials"]["ak"].as_str().unwrap().to_owned();
    let sk = file["credentials"]["sk"].as_str().unwrap().to_owned();
    let list = file["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| Vector {
            name: v["name"].as_str().unwrap().to_owned(),
            method: v["method"].as_str().unwrap().to_owned(),
            url: v["url"].as_str().unwrap().to_owned(),
            path: v["resource_path"].as_str().unwrap().to_owned(),
            query: str_pairs(&v["query"]),
            headers: str_pairs(&v["headers_in"]),
            body: v["body"].as_str().unwrap().to_owned(),
            date: v["date"].as_str().unwrap().to_owned(),
            host: v["host"].as_str().unwrap().to_owned(),
            expected: v["expected"].clone(),
        })
        .collect::<Vec<_>>();
    assert!(list.len() >= 13, "expected at least 13 vectors");
    (list, ak, sk)
}

fn sign(v: &Vector, ak: &str, sk: &str) -> Signed {
    sign_request(&SignInput {
        method: &v.method,
        host: &v.host,
        path: &v.path,
        query: &v.query,
        headers: &v.headers,
        body: v.body.as_bytes(),
        ak,
        sk,
        date: &v.date,
    })
}

fn sorted(mut pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    pairs.sort();
    pairs
}

#[test]
fn every_request_vector_signs_exactly_like_the_sdk() {
    let (list, ak, sk) = vectors();
    for v in &list {
        let s = sign(v, &ak, &sk);
        let e = &v.expected;
        assert_eq!(
            s.canonical_request,
            e["canonical_request"].as_str().unwrap(),
            "{}",
            v.name
        );
        assert_eq!(
            s.string_to_sign,
            e["string_to_sign"].as_str().unwrap(),
            "{}",
            v.name
        );
        assert_eq!(
            s.signed_headers,
            e["signed_headers"].as_str().unwrap(),
            "{}",
            v.name
        );
        assert_eq!(
            s.authorization,
            e["authorization"].as_str().unwrap(),
            "{}",
            v.name
        );
        assert_eq!(
            sorted(s.headers_out.clone()),
            sorted(str_pairs(&e["headers_out"])),
            "{}",
            v.name
        );
        // The URL the SDK requested is the wire path plus exactly the canonical query.
        let expected_url = if s.canonical_query.is_empty() {
            format!("https://{}{}", v.host, v.path)
        } else {
            format!("https://{}{}?{}", v.host, v.path, s.canonical_query)
        };
        assert_eq!(expected_url, v.url, "{}", v.name);
    }
}

#[test]
fn signer_adds_date_when_absent() {
    let s = sign_request(&SignInput {
        method: "get",
        host: "h.example",
        path: "/x",
        query: &[],
        headers: &[],
        body: b"",
        ak: "AK",
        sk: "SK",
        date: "20240102T030405Z",
    });
    assert!(s
        .headers_out
        .contains(&(HEADER_SDK_DATE.to_owned(), "20240102T030405Z".to_owned())));
    assert!(s
        .canonical_request
        .starts_with("GET\n/x/\n\nhost:h.example\nx-sdk-date:"));
    assert_eq!(s.signed_headers, "host;x-sdk-date");
}

/// A received request built from a vector's outputs, as a server would see it.
struct Received {
    method: String,
    path: String,
    query: Option<String>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Received {
    fn from_vector(v: &Vector) -> Self {
        let query = v.url.split_once('?').map(|(_, q)| q.to_owned());
        Self {
            method: v.method.clone(),
            path: v.path.clone(),
            query,
            headers: str_pairs(&v.expected["headers_out"]),
            body: v.body.as_bytes().to_vec(),
        }
    }

    fn verify(
        &self,
        ak: &str,
        sk: &str,
        now: SystemTime,
        skew: Option<Duration>,
    ) -> Result<VerifiedCaller, VerifyError> {
        let (ak, sk) = (ak.to_owned(), sk.to_owned());
        verify_request(
            &VerifyInput {
                method: &self.method,
                raw_path: &self.path,
                raw_query: self.query.as_deref(),
                headers: &self.headers,
                body: &self.body,
            },
            move |access| (access == ak).then(|| sk.clone()),
            now,
            skew,
        )
    }

    fn set_header(&mut self, name: &str, value: &str) {
        for (n, v) in &mut self.headers {
            if n.eq_ignore_ascii_case(name) {
                *v = value.to_owned();
            }
        }
    }
}

fn vector_time(v: &Vector) -> SystemTime {
    parse_sdk_date(&v.date).unwrap()
}

#[test]
fn verifier_accepts_every_vector() {
    let (list, ak, sk) = vectors();
    for v in &list {
        let r = Received::from_vector(v);
        let caller = r
            .verify(&ak, &sk, SystemTime::now(), None)
            .unwrap_or_else(|e| panic!("{}: {e}", v.name));
        assert_eq!(caller.access_key, ak);
        // Within the window when the server clock matches the signing time.
        let at = vector_time(v) + Duration::from_secs(60);
        assert!(
            r.verify(&ak, &sk, at, Some(DEFAULT_MAX_SKEW)).is_ok(),
            "{}",
            v.name
        );
    }
}

#[test]
fn verifier_accepts_lower_case_header_names_and_unencoded_dollar() {
    let (list, ak, sk) = vectors();
    let v = list.iter().find(|v| v.path.contains("%24")).unwrap();
    let mut r = Received::from_vector(v);
    for (n, _) in &mut r.headers {
        *n = n.to_ascii_lowercase();
    }
    r.path = r.path.replace("%24", "$");
    assert!(r.verify(&ak, &sk, SystemTime::now(), None).is_ok());
}

#[test]
fn verifier_rejects_tampered_requests() {
    let (list, ak, sk) = vectors();
    let now = SystemTime::now();
    for v in &list {
        let base = Received::from_vector(v);
        let check = |r: &Received, expected: VerifyError, what: &str| {
            assert_eq!(
                r.verify(&ak, &sk, now, None).unwrap_err(),
                expected,
                "{}: {what}",
                v.name
            );
        };

        let mut r = Received::from_vector(v);
        r.body.extend_from_slice(b" ");
        check(&r, VerifyError::SignatureMismatch, "body");

        let mut r = Received::from_vector(v);
        r.path = format!("{}x", base.path.trim_end_matches('/'));
        check(&r, VerifyError::SignatureMismatch, "path");

        let mut r = Received::from_vector(v);
        r.query = Some(match &base.query {
            Some(q) => format!("{q}&extra=1"),
            None => "extra=1".to_owned(),
        });
        check(&r, VerifyError::SignatureMismatch, "query");

        let mut r = Received::from_vector(v);
        r.method = if v.method == "GET" { "DELETE" } else { "GET" }.to_owned();
        check(&r, VerifyError::SignatureMismatch, "method");

        let mut r = Received::from_vector(v);
        r.set_header("host", "evil.example");
        check(&r, VerifyError::SignatureMismatch, "host header");

        let mut r = Received::from_vector(v);
        r.set_header("x-sdk-date", "20240102T030406Z");
        check(&r, VerifyError::SignatureMismatch, "date header");

        assert_eq!(
            base.verify(&ak, "wrong-secret", now, None).unwrap_err(),
            VerifyError::SignatureMismatch,
            "{}: wrong SK",
            v.name
        );
        assert_eq!(
            base.verify("OTHERAK", &sk, now, None).unwrap_err(),
            VerifyError::UnknownAccessKey {
                access_key: ak.clone()
            },
            "{}: unknown AK",
            v.name
        );
        let late = vector_time(v) + Duration::from_secs(16 * 60);
        assert_eq!(
            base.verify(&ak, &sk, late, Some(DEFAULT_MAX_SKEW))
                .unwrap_err(),
            VerifyError::DateOutOfWindow {
                date: v.date.clone(),
                skew_seconds: -16 * 60
            },
            "{}: skew",
            v.name
        );
        let early = vector_time(v) - Duration::from_secs(16 * 60);
        assert!(matches!(
            base.verify(&ak, &sk, early, Some(DEFAULT_MAX_SKEW)),
            Err(VerifyError::DateOutOfWindow {
                skew_seconds: 960,
                ..
            })
        ));
    }
}

#[test]
fn verifier_rejects_signed_header_changes() {
    let (list, ak, sk) = vectors();
    let v = list.iter().find(|v| v.name == "get_no_query").unwrap();
    let now = SystemTime::now();

    let mut r = Received::from_vector(v);
    r.set_header("user-agent", "something else");
    assert_eq!(
        r.verify(&ak, &sk, now, None),
        Err(VerifyError::SignatureMismatch)
    );

    let mut r = Received::from_vector(v);
    r.headers.retain(|(n, _)| n != "X-Project-Id");
    assert_eq!(
        r.verify(&ak, &sk, now, None),
        Err(VerifyError::SignedHeaderMissing {
            header: "x-project-id".into()
        })
    );

    // Unsigned headers may change freely.
    let mut r = Received::from_vector(v);
    r.headers.push(("X_Trace_Id".into(), "anything".into()));
    r.headers.push(("Accept-Encoding".into(), "gzip".into()));
    assert!(r.verify(&ak, &sk, now, None).is_ok());
}

#[test]
fn verifier_reports_authorization_and_date_problems() {
    let (list, ak, sk) = vectors();
    let v = list.iter().find(|v| v.name == "get_no_query").unwrap();
    let now = SystemTime::now();

    let mut r = Received::from_vector(v);
    r.headers.retain(|(n, _)| n != "Authorization");
    assert_eq!(
        r.verify(&ak, &sk, now, None),
        Err(VerifyError::MissingAuthorization)
    );

    let mut r = Received::from_vector(v);
    let auth = v.expected["authorization"].as_str().unwrap();
    r.set_header(
        "authorization",
        &auth.replace("SDK-HMAC-SHA256", "SDK-HMAC-SM3"),
    );
    assert_eq!(
        r.verify(&ak, &sk, now, None),
        Err(VerifyError::UnsupportedAlgorithm {
            algorithm: "SDK-HMAC-SM3".into()
        })
    );

    for broken in [
        "SDK-HMAC-SHA256",
        "SDK-HMAC-SHA256 Access=AK",
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date",
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=00",
        "SDK-HMAC-SHA256 Access=AK, Signature=00, Signature=00",
        "SDK-HMAC-SHA256 Access=AK, Bogus=1",
        "SDK-HMAC-SHA256 garbage",
    ] {
        let mut r = Received::from_vector(v);
        r.set_header("authorization", broken);
        assert!(
            matches!(
                r.verify(&ak, &sk, now, None),
                Err(VerifyError::MalformedAuthorization { .. })
            ),
            "{broken}"
        );
    }

    let mut r = Received::from_vector(v);
    r.headers.retain(|(n, _)| n != "X-Sdk-Date");
    assert_eq!(r.verify(&ak, &sk, now, None), Err(VerifyError::MissingDate));

    let mut r = Received::from_vector(v);
    r.set_header("x-sdk-date", "2024-01-02T03:04:05Z");
    assert_eq!(
        r.verify(&ak, &sk, now, None),
        Err(VerifyError::InvalidDate {
            value: "2024-01-02T03:04:05Z".into()
        })
    );
}

#[test]
fn sign_then_verify_round_trip_with_live_date() {
    let now = SystemTime::now();
    let date = format_sdk_date(now);
    let query = vec![
        ("filter".to_owned(), "namespace::a|name::b/c".to_owned()),
        ("limit".to_owned(), "10".to_owned()),
    ];
    let headers = vec![("Content-Type".to_owned(), "application/json".to_owned())];
    let body = br#"["u1"]"#;
    let s = sign_request(&SignInput {
        method: "DELETE",
        host: "127.0.0.1:9000",
        path: "/v2/manage/namespaces/a/repos/b%24c/access",
        query: &query,
        headers: &headers,
        body,
        ak: "AK1",
        sk: "SK1",
        date: &date,
    });
    let res = verify_request(
        &VerifyInput {
            method: "DELETE",
            raw_path: "/v2/manage/namespaces/a/repos/b%24c/access",
            raw_query: Some(&s.canonical_query),
            headers: &s.headers_out,
            body,
        },
        |a| (a == "AK1").then(|| "SK1".to_owned()),
        now,
        Some(DEFAULT_MAX_SKEW),
    );
    assert_eq!(
        res,
        Ok(VerifiedCaller {
            access_key: "AK1".into()
        })
    );
}

#[test]
fn every_login_key_vector_matches() {
    let file = vectors_file();
    let keys = file["login_keys"].as_array().unwrap();
    assert!(keys.len() >= 3);
    for k in keys {
        let ak = k["ak"].as_str().unwrap();
        let sk = k["sk"].as_str().unwrap();
        let region = k["project_name"].as_str().unwrap();
        assert_eq!(
            crate::login::login_key(ak, sk),
            k["login_key"].as_str().unwrap()
        );
        assert_eq!(
            crate::login::login_username(region, ak),
            k["username"].as_str().unwrap()
        );
    }
}

#[test]
fn sign_input_debug_hides_the_secret_key() {
    let input = SignInput {
        method: "GET",
        host: "h",
        path: "/",
        query: &[],
        headers: &[("X-Security-Token".into(), "sts-token-secret".into())],
        body: b"",
        ak: "AKVISIBLE",
        sk: "the-secret-key-value",
        date: "20240102T030405Z",
    };
    let text = format!("{input:?}");
    assert!(text.contains("AKVISIBLE"));
    assert!(!text.contains("the-secret-key-value"), "{text}");
    assert!(!text.contains("sts-token-secret"), "{text}");
}
