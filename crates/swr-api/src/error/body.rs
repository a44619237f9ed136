//! Reading the four error-body shapes SWR and its API gateway produce (reference §3).

use serde_json::Value;

/// How much of a non-JSON body is kept as the message.
const MAX_RAW_MESSAGE: usize = 512;

/// Code and message found in an error body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorBody {
    /// Error code, e.g. `SVCSTG.SWR.4040010` or `APIGW.0301`.
    pub code: Option<String>,
    /// Human-readable message (for non-JSON bodies, the start of the raw text).
    pub message: Option<String>,
    /// A request id carried in the body (API gateway errors).
    pub request_id: Option<String>,
}

/// Parses an error body:
/// 1. an array whose first element has `errorCode` / `errorMessage` (/ `detail`);
/// 2. an object with `errorCode` + `errorMessage` or `errorMsg`;
/// 3. an object with `error_code` + `error_msg` (API gateway, usually with `request_id`);
/// 4. an object with `code` + `message`, possibly nested one level down;
///
/// otherwise the raw text (cut short) is the message.
pub fn parse_error_body(body: &[u8]) -> ErrorBody {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Array(items)) => items
            .first()
            .and_then(from_value)
            .unwrap_or_else(|| raw(body)),
        Ok(value @ Value::Object(_)) => from_value(&value).unwrap_or_else(|| raw(body)),
        _ => raw(body),
    }
}

fn raw(body: &[u8]) -> ErrorBody {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    let mut message: String = text.chars().take(MAX_RAW_MESSAGE).collect();
    if text.chars().count() > MAX_RAW_MESSAGE {
        message.push('…');
    }
    ErrorBody {
        code: None,
        message: (!message.is_empty()).then_some(message),
        request_id: None,
    }
}

fn text(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Key pairs tried in order; the first whose code key is present wins.
const SHAPES: &[(&str, &[&str])] = &[
    ("errorCode", &["errorMessage", "errorMsg"]),
    ("error_code", &["error_msg", "error_message"]),
    ("code", &["message", "msg"]),
];

fn from_value(value: &Value) -> Option<ErrorBody> {
    let obj = value.as_object()?;
    for (code_key, message_keys) in SHAPES {
        if let Some(code) = text(value, code_key) {
            let mut message = message_keys.iter().find_map(|k| text(value, k));
            if let Some(detail) = text(value, "detail").filter(|d| !d.is_empty()) {
                message = Some(match message {
                    Some(m) if !m.is_empty() => format!("{m} ({detail})"),
                    _ => detail,
                });
            }
            return Some(ErrorBody {
                code: Some(code),
                message,
                request_id: text(value, "request_id"),
            });
        }
    }
    // e.g. `{"error": {"code": "...", "message": "..."}}`
    obj.values().find_map(|v| match v {
        Value::Object(_) => from_value(v),
        _ => None,
    })
}
