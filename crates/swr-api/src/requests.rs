//! The request ids of the calls a piece of work made.
//!
//! Mutating operations answer with an empty body, so their `X-Request-Id` would be lost with
//! the response. A change recorded in the console's journal must still carry it, because it is
//! what SWR support asks for. [`capture`] runs a future with a task-local list that every call
//! made inside it (answered or refused) appends its request id to; outside `capture` nothing
//! is kept.

use std::cell::RefCell;
use std::future::Future;

tokio::task_local! {
    static SEEN: RefCell<Vec<String>>;
}

/// Runs `work` and returns its output with the request ids of the SWR calls it made, in order.
pub async fn capture<F: Future>(work: F) -> (F::Output, Vec<String>) {
    SEEN.scope(RefCell::new(Vec::new()), async move {
        let output = work.await;
        let ids = SEEN.with(|seen| seen.take());
        (output, ids)
    })
    .await
}

/// Notes one answered call's request id, when a capture is running.
pub(crate) fn note(request_id: Option<&str>) {
    if let Some(id) = request_id {
        // `try_with` fails only outside `capture`, where nothing is kept.
        let _ = SEEN.try_with(|seen| seen.borrow_mut().push(id.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn ids_are_kept_inside_a_capture_only() {
        note(Some("outside"));
        let ((), ids) = capture(async {
            note(Some("a"));
            note(None);
            tokio::task::yield_now().await;
            note(Some("b"));
        })
        .await;
        assert_eq!(ids, ["a", "b"]);
    }
}
