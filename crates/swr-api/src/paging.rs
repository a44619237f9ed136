//! Pages and lazy streams over every page.
//!
//! SWR pages lists three ways (reference §1.6): offsets with the total in `Content-Range`,
//! integer markers and string markers. Each list operation exposes one page at a time (what a
//! table needs) and a stream that fetches the next page only when the previous one has been
//! consumed (what `swrctl ls` and bulk actions need).

use std::future::Future;

use futures::stream::{self, BoxStream, StreamExt, TryStreamExt};
use serde::Serialize;

use crate::error::Error;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Page<T, C> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Cursor of the next page; `None` on the last page.
    pub next: Option<C>,
    /// Total number of matching items, when the server says.
    pub total: Option<u64>,
}

/// Where an offset-paged list starts and how many items a page holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OffsetRequest {
    /// 0-based index of the first item.
    pub offset: u64,
    /// Page size (SWR: default 100, at most 1000).
    pub limit: u32,
}

impl Default for OffsetRequest {
    fn default() -> Self {
        Self {
            offset: 0,
            limit: DEFAULT_PAGE_SIZE,
        }
    }
}

/// Default page size of the v2/v3 lists.
pub const DEFAULT_PAGE_SIZE: u32 = 100;
/// Largest page size SWR accepts for repository and tag lists.
pub const MAX_PAGE_SIZE: u32 = 1000;

/// The next offset after a page of `received` items, or `None` when the list is exhausted.
///
/// A short or empty page ends the list even when the total says otherwise, so a server that
/// miscounts can never make a stream loop for ever.
pub(crate) fn next_offset(req: OffsetRequest, received: usize, total: Option<u64>) -> Option<u64> {
    let received = u64::try_from(received).unwrap_or(u64::MAX);
    if received == 0 || received < u64::from(req.limit) {
        return None;
    }
    let next = req.offset.saturating_add(received);
    match total {
        Some(t) if next >= t => None,
        _ => Some(next),
    }
}

/// Streams every item, fetching pages lazily from `first` on.
///
/// Stops when a page has no next cursor, or repeats the cursor it was fetched with (a server bug
/// that would otherwise loop for ever).
pub(crate) fn stream_pages<T, C, F, Fut>(first: C, fetch: F) -> BoxStream<'static, Result<T, Error>>
where
    T: Send + 'static,
    C: Clone + PartialEq + Send + 'static,
    F: FnMut(C) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Page<T, C>, Error>> + Send + 'static,
{
    stream::try_unfold((Some(first), fetch), |(cursor, mut fetch)| async move {
        let Some(current) = cursor else {
            return Ok::<_, Error>(None);
        };
        let page = fetch(current.clone()).await?;
        let next = page.next.filter(|n| *n != current);
        Ok(Some((page.items, (next, fetch))))
    })
    .map_ok(|items| stream::iter(items.into_iter().map(Ok)))
    .try_flatten()
    .boxed()
}

/// Streams every item of an offset-paged list from the start, `page_size` items a page.
///
/// `fetch` returns one page whose `next` is the offset of the following page (as the `*_page`
/// operations do); the limit carries over from page to page.
pub(crate) fn stream_offset_pages<T, F, Fut>(
    page_size: u32,
    mut fetch: F,
) -> BoxStream<'static, Result<T, Error>>
where
    T: Send + 'static,
    F: FnMut(OffsetRequest) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Page<T, u64>, Error>> + Send + 'static,
{
    let first = OffsetRequest {
        offset: 0,
        limit: page_size,
    };
    stream_pages(first, move |req: OffsetRequest| {
        let page = fetch(req);
        async move {
            let page = page.await?;
            Ok(Page {
                next: page.next.map(|offset| OffsetRequest { offset, ..req }),
                items: page.items,
                total: page.total,
            })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_advance_until_short_page_or_total() {
        let req = OffsetRequest {
            offset: 0,
            limit: 10,
        };
        assert_eq!(next_offset(req, 10, Some(25)), Some(10));
        assert_eq!(
            next_offset(
                OffsetRequest {
                    offset: 20,
                    limit: 10
                },
                5,
                Some(25)
            ),
            None
        );
        assert_eq!(
            next_offset(
                OffsetRequest {
                    offset: 10,
                    limit: 10
                },
                10,
                Some(20)
            ),
            None
        );
        assert_eq!(next_offset(req, 10, None), Some(10));
        assert_eq!(next_offset(req, 0, Some(100)), None);
        assert_eq!(next_offset(req, 3, None), None);
    }

    #[tokio::test]
    async fn stream_fetches_every_page_in_order() {
        let data: Vec<u32> = (0..23).collect();
        let calls = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = calls.clone();
        let s = stream_pages(
            OffsetRequest {
                offset: 0,
                limit: 10,
            },
            move |req| {
                let data = data.clone();
                counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                async move {
                    let start = usize::try_from(req.offset).unwrap();
                    let items: Vec<u32> = data.iter().skip(start).take(10).copied().collect();
                    let next = next_offset(req, items.len(), Some(23))
                        .map(|offset| OffsetRequest { offset, ..req });
                    Ok(Page {
                        items,
                        next,
                        total: Some(23),
                    })
                }
            },
        );
        let all: Vec<u32> = s.try_collect().await.unwrap();
        assert_eq!(all, (0..23).collect::<Vec<_>>());
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn stream_is_lazy_and_stops_on_repeated_marker() {
        let calls = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = calls.clone();
        let mut s = stream_pages(0i64, move |marker| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            async move {
                // Always claims there is more, at the same marker after the first page.
                Ok(Page {
                    items: vec![marker],
                    next: Some(5),
                    total: None,
                })
            }
        });
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 0);
        assert_eq!(s.next().await.transpose().unwrap(), Some(0));
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
        let rest: Vec<i64> = s.try_collect().await.unwrap();
        assert_eq!(rest, vec![5]);
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn stream_surfaces_errors() {
        let s = stream_pages(0u64, |_| async {
            Err::<Page<u8, u64>, _>(Error::Configuration {
                message: "x".into(),
            })
        });
        let r: Result<Vec<u8>, Error> = s.try_collect().await;
        assert!(r.is_err());
    }
}
