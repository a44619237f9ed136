//! Heavy local work (reading archives, hashing, compressing) runs on threads of lower
//! scheduling priority, so that on a machine with few cores the desktop window stays smooth and
//! the network keeps being fed while a push or a check keeps every core busy.

/// Niceness of background threads: 0 is normal, 19 the lowest.
pub const NICE: i32 = 10;

/// Lowers the calling thread's priority to [`NICE`]. On Linux niceness belongs to each thread
/// (and threads it starts inherit it); elsewhere this does nothing, because the same call
/// would lower the whole process, window included.
pub fn lower_current_thread_priority() {
    #[cfg(target_os = "linux")]
    if let Err(err) = rustix::process::setpriority_process(None, NICE) {
        tracing::debug!(%err, "cannot lower a worker thread's priority");
    }
}

/// Starts `work` at once on a new thread of lower priority; the returned future hands back its
/// result. A fresh thread (not one of tokio's pooled blocking threads) so that the lowered
/// priority ends with it.
pub fn run<T: Send + 'static>(
    name: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> impl std::future::Future<Output = Result<T, BackgroundError>> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let started = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            lower_current_thread_priority();
            let _ = tx.send(work());
        })
        .map_err(|e| BackgroundError(format!("cannot start a worker thread: {e}")));
    async move {
        started?;
        rx.await
            .map_err(|_| BackgroundError("the worker thread stopped without an answer".into()))
    }
}

/// A background thread could not be started or died (it panicked).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BackgroundError(String);

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn work_runs_at_lower_priority_and_the_caller_keeps_its_own() {
        let before = priority();
        let inside = super::run("test-worker", priority).await.unwrap();
        if cfg!(target_os = "linux") {
            assert_eq!(inside, before.max(super::NICE));
        }
        assert_eq!(priority(), before);
    }

    fn priority() -> i32 {
        #[cfg(target_os = "linux")]
        return rustix::process::getpriority_process(None).unwrap();
        #[cfg(not(target_os = "linux"))]
        0
    }

    #[tokio::test]
    async fn work_starts_before_its_result_is_awaited() {
        let (tx, rx) = std::sync::mpsc::channel();
        let worker = super::run("test-eager", move || tx.send(()).unwrap());
        rx.recv_timeout(std::time::Duration::from_secs(10))
            .expect("the work ran without being awaited");
        worker.await.unwrap();
    }

    #[tokio::test]
    async fn a_panicking_worker_is_an_error_not_a_hang() {
        let result = super::run("test-panic", || -> u8 { panic!("boom") }).await;
        assert!(result.is_err());
    }
}
