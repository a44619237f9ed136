//! Shared helpers of the list operations: page sizes, the `filter` syntax, offset pages.

use crate::client::{Call, Response};
use crate::error::Error;
use crate::paging::{next_offset, OffsetRequest, Page, MAX_PAGE_SIZE};

/// Clamps a page size into what SWR accepts.
pub(crate) fn page_size(limit: u32) -> u32 {
    limit.clamp(1, MAX_PAGE_SIZE)
}

/// Builds the legacy `key::value|key::value` filter. `|` cannot be escaped in that syntax, so it
/// is dropped from values rather than letting a search text inject another key.
pub(crate) fn filter(pairs: &[(&str, Option<String>)]) -> String {
    pairs
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}::{}", v.replace('|', ""))))
        .collect::<Vec<_>>()
        .join("|")
}

/// Adds `limit`/`offset` (sent as strings, as the SDK does for the v2 lists).
pub(crate) fn with_offset(call: Call, req: OffsetRequest) -> Call {
    call.query("limit", page_size(req.limit))
        .query("offset", req.offset)
}

/// Turns a bare-array answer of an offset list into a page, with the total taken from
/// `Content-Range` (or `fallback_total` when the header is missing).
pub(crate) fn offset_page<T>(
    response: &Response,
    items: Vec<T>,
    req: OffsetRequest,
    fallback_total: Option<i64>,
) -> Result<Page<T, u64>, Error> {
    let total = response
        .content_range_total()
        .or_else(|| fallback_total.and_then(|t| u64::try_from(t).ok()));
    let req = OffsetRequest {
        limit: page_size(req.limit),
        ..req
    };
    let next = next_offset(req, items.len(), total);
    Ok(Page { items, next, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_skips_missing_values_and_strips_pipes() {
        assert_eq!(
            filter(&[
                ("namespace", Some("team-a".into())),
                ("name", None),
                ("limit", Some("10".into())),
                ("order_column", Some("name".into())),
            ]),
            "namespace::team-a|limit::10|order_column::name"
        );
        assert_eq!(
            filter(&[("name", Some("a|offset::9".into()))]),
            "name::aoffset::9"
        );
    }

    #[test]
    fn page_sizes_are_clamped() {
        assert_eq!(page_size(0), 1);
        assert_eq!(page_size(50), 50);
        assert_eq!(page_size(5000), 1000);
    }
}
