use std::time::Duration;

use super::*;

fn api(status: u16, body: &str) -> ApiError {
    ApiError::from_response(status, Some("req-123".into()), None, body.as_bytes())
}

#[test]
fn shape_1_array_with_error_code_and_message() {
    let e = api(
        404,
        r#"[{"errorCode":"SVCSTG.SWR.4040010","errorMessage":"Image not found","detail":""}]"#,
    );
    assert_eq!(e.kind, ErrorKind::NotFound);
    assert_eq!(e.code, "SVCSTG.SWR.4040010");
    assert_eq!(e.message, "Image not found");
    assert_eq!(e.request_id.as_deref(), Some("req-123"));
    // A non-empty detail is kept with the message.
    let e = api(
        400,
        r#"[{"errorCode":"SVCSTG.SWR.4000014","errorMessage":"Invalid parameter","detail":"namespace too long"}]"#,
    );
    assert_eq!(e.message, "Invalid parameter (namespace too long)");
    assert_eq!(e.kind, ErrorKind::InvalidParameter);
}

#[test]
fn shape_2_object_with_camel_case_keys() {
    let e = api(
        409,
        r#"{"errorCode":"SVCSTG.SWR.4090006","errorMessage":"Image already exists"}"#,
    );
    assert_eq!(
        (e.kind, e.code.as_str()),
        (ErrorKind::Conflict, "SVCSTG.SWR.4090006")
    );
    let e = api(
        400,
        r#"{"errorCode":"SVCSTG.SWR.4000014","errorMsg":"bad limit"}"#,
    );
    assert_eq!(e.message, "bad limit");
}

#[test]
fn shape_3_api_gateway_object_carries_request_id() {
    let e = ApiError::from_response(
        401,
        None,
        None,
        br#"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information","request_id":"gw-9"}"#,
    );
    assert_eq!(e.kind, ErrorKind::AuthenticationFailed);
    assert_eq!(e.code, "APIGW.0301");
    assert_eq!(e.message, "Incorrect IAM authentication information");
    assert_eq!(e.request_id.as_deref(), Some("gw-9"));
    // The header wins over the body.
    let e = ApiError::from_response(
        401,
        Some("hdr-1".into()),
        None,
        br#"{"error_code":"APIGW.0301","error_msg":"x","request_id":"gw-9"}"#,
    );
    assert_eq!(e.request_id.as_deref(), Some("hdr-1"));
}

#[test]
fn shape_4_code_and_message_also_nested() {
    let e = api(403, r#"{"code":"SWR.403","message":"no permission"}"#);
    assert_eq!(
        (e.kind, e.code.as_str(), e.message.as_str()),
        (ErrorKind::Forbidden, "SWR.403", "no permission")
    );
    let e = api(
        500,
        r#"{"error":{"code":"SVCSTG.SWR.5000001","message":"db down"}}"#,
    );
    assert_eq!(
        (e.kind, e.code.as_str()),
        (ErrorKind::ServerError, "SVCSTG.SWR.5000001")
    );
    assert_eq!(e.message, "db down");
}

#[test]
fn raw_text_and_unknown_json_fall_back_to_status() {
    let e = api(502, "<html>Bad Gateway</html>");
    assert_eq!((e.kind, e.code.as_str()), (ErrorKind::ServerError, "502"));
    assert_eq!(e.message, "<html>Bad Gateway</html>");
    let e = api(400, r#"["just a string"]"#);
    assert_eq!(e.code, "400");
    assert_eq!(e.message, r#"["just a string"]"#);
    let e = api(404, "");
    assert_eq!((e.code.as_str(), e.message.as_str()), ("404", ""));
    let long = "x".repeat(2000);
    let e = api(500, &long);
    assert!(e.message.chars().count() <= 513);
}

#[test]
fn classification_uses_swr_codes() {
    let cases = [
        (
            400,
            "SVCSTG.SWR.4000031",
            "invalid AK/SK",
            ErrorKind::AuthenticationFailed,
        ),
        (
            406,
            "SVCSTG.SWR.4060012",
            "repo not empty",
            ErrorKind::NotEmpty,
        ),
        (
            406,
            "SVCSTG.SWR.4060074",
            "namespace not empty",
            ErrorKind::NotEmpty,
        ),
        (
            409,
            "SVCSTG.SWR.4090023",
            "system busy",
            ErrorKind::RateLimited,
        ),
        (
            400,
            "SVCSTG.SWR.4000015",
            "Namespace quota exceeded",
            ErrorKind::QuotaExceeded,
        ),
        (429, "429", "", ErrorKind::RateLimited),
        (503, "503", "", ErrorKind::RateLimited),
        (504, "504", "", ErrorKind::ServerError),
        (422, "422", "", ErrorKind::InvalidParameter),
    ];
    for (status, code, message, kind) in cases {
        assert_eq!(
            ErrorKind::classify(status, code, message),
            kind,
            "{status} {code}"
        );
    }
}

#[test]
fn errors_expose_status_code_request_id_and_messages() {
    let err = Error::from(api(
        400,
        r#"[{"errorCode":"SVCSTG.SWR.4000014","errorMessage":"limit must be <= 1000"}]"#,
    ));
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.code(), Some("SVCSTG.SWR.4000014"));
    assert_eq!(err.request_id(), Some("req-123"));
    assert!(!err.is_retryable());
    let msg = err.user_message();
    assert!(msg.en.contains("limit must be <= 1000"), "{}", msg.en);
    assert!(msg.zh_cn.contains("limit must be <= 1000"));
    let text = err.to_string();
    assert!(text.contains("400") && text.contains("req-123"), "{text}");

    let report = err.report();
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["kind"], "invalidParameter");
    assert_eq!(json["requestId"], "req-123");
    assert_eq!(json["retryable"], false);
}

#[test]
fn every_kind_has_messages_in_both_languages() {
    use ErrorKind::*;
    let all = [
        AuthenticationFailed,
        Forbidden,
        NotFound,
        Conflict,
        NotEmpty,
        QuotaExceeded,
        InvalidParameter,
        RateLimited,
        ServerError,
        Network,
        Timeout,
        Tls,
        InvalidInput,
        InvalidResponse,
        Configuration,
    ];
    let mut seen = std::collections::HashSet::new();
    for k in all {
        let m = k.user_message();
        assert!(!m.en.is_empty() && !m.zh_cn.is_empty(), "{k}");
        assert!(!m.zh_cn.is_ascii(), "{k} zh message is not Chinese");
        assert!(seen.insert(m.en), "{k} shares its message");
    }
}

#[test]
fn retryable_kinds() {
    let busy = Error::from(ApiError::from_response(
        429,
        None,
        Some(Duration::from_secs(3)),
        b"",
    ));
    assert!(busy.is_retryable());
    assert!(Error::Network {
        kind: ErrorKind::Timeout,
        message: "t".into()
    }
    .is_retryable());
    assert!(!Error::Tls {
        message: "bad cert".into()
    }
    .is_retryable());
}
