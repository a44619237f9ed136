//! Query conventions shared by the list operations (reference §1.6–1.7).
//!
//! v2 lists take `limit`+`offset` (or the same keys inside the legacy `filter=k::v|k::v`
//! string, which then overrides the plain parameters) and answer with `Content-Range:
//! {offset}-{count}/{total}`; v3 lists take `limit` and a `marker`. Page sizes default to 100
//! and may not exceed 1000.

use std::collections::HashMap;

use axum::http::{HeaderName, HeaderValue};

use super::error::{ApiError, ApiResult};

pub type Query = HashMap<String, String>;

pub const DEFAULT_LIMIT: usize = 100;
pub const MAX_LIMIT: usize = 1000;

/// Splits `k::v|k::v` into a map.
pub fn parse_filter(filter: &str) -> Query {
    filter
        .split('|')
        .filter_map(|pair| pair.split_once("::"))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The effective parameters: the `filter` keys when a filter is given, else the plain ones.
pub fn effective(query: &Query) -> Query {
    match query.get("filter") {
        Some(f) if !f.is_empty() => parse_filter(f),
        _ => query.clone(),
    }
}

fn number(params: &Query, key: &str) -> ApiResult<Option<usize>> {
    match params.get(key) {
        None => Ok(None),
        Some(v) => v.trim().parse::<usize>().map(Some).map_err(|_| {
            ApiError::invalid(format!("{key} must be a non-negative integer, got '{v}'"))
        }),
    }
}

/// A page size within 1..=max.
pub fn limit(params: &Query, default: usize, max: usize) -> ApiResult<usize> {
    let limit = number(params, "limit")?.unwrap_or(default);
    if limit == 0 || limit > max {
        return Err(ApiError::invalid(format!(
            "limit must be between 1 and {max}"
        )));
    }
    Ok(limit)
}

/// `(offset, limit)` of a v2 list.
pub fn offset_page(params: &Query) -> ApiResult<(usize, usize)> {
    Ok((
        number(params, "offset")?.unwrap_or(0),
        limit(params, DEFAULT_LIMIT, MAX_LIMIT)?,
    ))
}

/// `desc` (true) or `asc`; absent means the list's natural order.
pub fn order(params: &Query) -> ApiResult<Option<(String, bool)>> {
    match (params.get("order_column"), params.get("order_type")) {
        (None, None) => Ok(None),
        (Some(c), Some(t)) if t == "desc" || t == "asc" => Ok(Some((c.clone(), t == "desc"))),
        (Some(_), Some(t)) => Err(ApiError::invalid(format!(
            "order_type must be desc or asc, got '{t}'"
        ))),
        _ => Err(ApiError::invalid(
            "order_column and order_type must be used together",
        )),
    }
}

/// Cuts a page out of `items` and returns it with its `Content-Range` header.
pub fn page<T: Clone>(
    items: &[T],
    offset: usize,
    limit: usize,
) -> (Vec<T>, (HeaderName, HeaderValue)) {
    let total = items.len();
    let slice: Vec<T> = items.iter().skip(offset).take(limit).cloned().collect();
    let range = format!("{offset}-{}/{total}", slice.len());
    let value = HeaderValue::from_str(&range).unwrap_or(HeaderValue::from_static("0-0/0"));
    (slice, (axum::http::header::CONTENT_RANGE, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_overrides_plain_parameters() {
        let mut q = Query::new();
        q.insert("namespace".into(), "plain".into());
        q.insert("filter".into(), "namespace::f|limit::5|offset::10".into());
        let p = effective(&q);
        assert_eq!(p.get("namespace").map(String::as_str), Some("f"));
        assert_eq!(offset_page(&p).unwrap(), (10, 5));
    }

    #[test]
    fn out_of_range_limits_are_refused() {
        let mut q = Query::new();
        q.insert("limit".into(), "1001".into());
        assert!(offset_page(&q).is_err());
        q.insert("limit".into(), "-1".into());
        assert!(offset_page(&q).is_err());
    }

    #[test]
    fn content_range_is_offset_count_total() {
        let items: Vec<u32> = (0..245).collect();
        let (slice, (_, v)) = page(&items, 200, 100);
        assert_eq!(slice.len(), 45);
        assert_eq!(v.to_str().unwrap(), "200-45/245");
    }
}
