//! A call description and the raw response, with the decoding helpers every operation uses.

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::Error;

/// One request to make: operation name (for errors), method, wire path, raw query, body.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub op: &'static str,
    pub method: Method,
    /// Path below the endpoint, parameters already encoded (see [`crate::path`]).
    pub path: String,
    /// Raw (unencoded) query pairs; the signer sorts and encodes them.
    pub query: Vec<(String, String)>,
    /// Exact body bytes; `None` sends no body.
    pub body: Option<Vec<u8>>,
}

impl Call {
    pub fn new(op: &'static str, method: Method, path: String) -> Self {
        Self {
            op,
            method,
            path,
            query: Vec::new(),
            body: None,
        }
    }

    pub fn get(op: &'static str, path: String) -> Self {
        Self::new(op, Method::GET, path)
    }

    pub fn post(op: &'static str, path: String) -> Self {
        Self::new(op, Method::POST, path)
    }

    pub fn patch(op: &'static str, path: String) -> Self {
        Self::new(op, Method::PATCH, path)
    }

    pub fn delete(op: &'static str, path: String) -> Self {
        Self::new(op, Method::DELETE, path)
    }

    /// Adds a query pair.
    pub fn query(mut self, key: &str, value: impl ToString) -> Self {
        self.query.push((key.to_owned(), value.to_string()));
        self
    }

    /// Adds a query pair when the value is present.
    pub fn query_opt<V: ToString>(self, key: &str, value: Option<V>) -> Self {
        match value {
            Some(v) => self.query(key, v),
            None => self,
        }
    }

    /// Sets a JSON body.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self, Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::Configuration {
            message: format!("cannot encode the request body of {}: {e}", self.op),
        })?;
        self.body = Some(bytes);
        Ok(self)
    }
}

/// A 2xx/3xx answer.
#[derive(Debug, Clone)]
pub(crate) struct Response {
    pub op: &'static str,
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub request_id: Option<String>,
}

impl Response {
    /// Decodes the body. An empty body or `null` gives `T::default()`, because SWR answers some
    /// operations with no body, `{}` or `[]` interchangeably.
    pub fn json<T: DeserializeOwned + Default>(&self) -> Result<T, Error> {
        let trimmed = self.body.trim_ascii();
        if trimmed.is_empty() || trimmed == b"null" {
            return Ok(T::default());
        }
        serde_json::from_slice(trimmed).map_err(|e| Error::InvalidResponse {
            operation: self.op,
            status: self.status,
            message: format!("cannot read the body: {e}"),
            request_id: self.request_id.clone(),
        })
    }

    /// A response header as text.
    pub fn header(&self, name: &str) -> Option<String> {
        super::header_text(&self.headers, name)
    }

    /// The total after `/` in `Content-Range: <offset>-<count>/<total>`.
    pub fn content_range_total(&self) -> Option<u64> {
        parse_content_range_total(&self.header("content-range")?)
    }
}

/// Reads the total from a `Content-Range` value; only the number after `/` is trusted.
pub(crate) fn parse_content_range_total(value: &str) -> Option<u64> {
    let (_, total) = value.rsplit_once('/')?;
    total.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_range_total_is_the_number_after_the_slash() {
        assert_eq!(parse_content_range_total("0-100/245"), Some(245));
        assert_eq!(parse_content_range_total("100-199/245"), Some(245));
        assert_eq!(parse_content_range_total("items 0-0/0"), Some(0));
        assert_eq!(parse_content_range_total("0-100/*"), None);
        assert_eq!(parse_content_range_total("garbage"), None);
    }

    fn response(body: &'static str) -> Response {
        Response {
            op: "test",
            status: 200,
            headers: HeaderMap::new(),
            body: Bytes::from_static(body.as_bytes()),
            request_id: Some("r1".into()),
        }
    }

    #[test]
    fn empty_and_null_bodies_decode_to_default() {
        let v: Vec<String> = response("").json().unwrap();
        assert!(v.is_empty());
        let v: Vec<String> = response(" null ").json().unwrap();
        assert!(v.is_empty());
        let v: Vec<String> = response(r#"["a"]"#).json().unwrap();
        assert_eq!(v, vec!["a".to_owned()]);
        let err = response("{").json::<Vec<String>>().unwrap_err();
        assert_eq!(err.request_id(), Some("r1"));
        assert_eq!(err.kind(), crate::error::ErrorKind::InvalidResponse);
    }
}
