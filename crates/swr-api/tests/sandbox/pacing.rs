//! The account pacer against an API gateway that throttles: a long listing slows down and
//! completes instead of failing, while the same burst sent unpaced and without retries is
//! refused with 429.

use std::sync::Arc;

use futures::TryStreamExt;
use swr_api::model::TagListQuery;
use swr_api::retry::RetryPolicy;
use swr_api::{Client, ErrorKind, RateLimiter};

use swr_testkit::Sandbox;

#[tokio::test]
async fn a_throttled_listing_slows_down_and_completes() {
    // 5 requests a second per account; the 20,000 tags of `scale-tags/many` take 20 pages.
    let sb = Sandbox::start(&["--seed", "scale", "--api-qps", "5"]);
    let user = sb.user(0, true).clone();

    let mut unpaced = sb.api_config(&user);
    unpaced.retry = RetryPolicy::none();
    let unpaced = Client::new(unpaced).unwrap();
    let burst = futures::future::join_all((0..12).map(|_| unpaced.list_namespaces(false))).await;
    let refused = burst.iter().filter(|r| r.is_err()).count();
    assert!(refused > 0, "the sandbox throttles an unpaced burst");
    for r in burst.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(r.status(), Some(429), "{r}");
        assert_eq!(r.kind(), ErrorKind::RateLimited, "{r}");
    }

    let mut paced = sb.api_config(&user);
    paced.rate_limiter = Some(Arc::new(RateLimiter::for_account()));
    let paced = Client::new(paced).unwrap();
    let tags: Vec<_> = paced
        .list_tags_v3("scale-tags", "many", TagListQuery::default(), 1000)
        .try_collect()
        .await
        .expect("the listing completes");
    assert_eq!(tags.len(), 20_000);
}
