//! One way into the keyring for the whole process, and a short memory of what went through it.
//!
//! On Linux every keyring call is a new D-Bus connection to the Secret Service that opens a
//! session (a Diffie-Hellman exchange), looks the item up, reads it and hangs up. The app needs
//! a profile's secret key for every command it runs, often several commands at once, so without
//! this gate a busy screen made a burst of such connections every second. gnome-keyring-daemon
//! (42 in Debian 12, and later versions too) has a race in exactly that pattern: when short-lived
//! connections open sessions close together, it can handle a session request before it has a
//! record of the caller, and then aborts. Until it is started and unlocked again, no application
//! of the desktop session can read its secrets.
//!
//! So the vault is reached through one lock, which means at most one keyring connection from
//! this process at a time (commands that want the same key meanwhile wait and then share the
//! answer), and what the vault last said of an account (its secret, or that it has none) is used
//! for [`FRESH_FOR`]. An access key's secret never changes (IAM gives a new key pair a new access
//! key id); the changes to pick up are a corrected secret key saved by `swrctl` while the app
//! runs, and a minute is soon enough for that. Changes made through this store are seen at once.
//!
//! A keyring call can take a while: a D-Bus round trip, or an unlock prompt that waits for the
//! user without a time limit; and a caller that finds the lock taken waits for the call inside.
//! The app's commands run on a few tokio workers, so a wait that held a worker would hold every
//! command queued behind it, those that need no key included. A caller that has to wait
//! therefore first hands its worker's other tasks to another thread (`block_in_place`); one that
//! finds a fresh answer takes it without waiting.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

use swr_api::Sensitive;

use super::{CredentialError, Vault};

/// How long what the vault said of an account is used without asking it again.
pub const FRESH_FOR: Duration = Duration::from_secs(60);

/// The vault behind one lock, with what it said lately.
pub(super) struct Gate {
    vault: Box<dyn Vault>,
    fresh_for: Duration,
    /// Held for the whole of each vault call: that is what keeps the calls one at a time.
    recent: Mutex<HashMap<String, Remembered>>,
}

struct Remembered {
    at: Instant,
    /// `None`: the vault had nothing under the account.
    secret: Option<Sensitive<String>>,
}

impl Gate {
    pub(super) fn new(vault: Box<dyn Vault>, fresh_for: Duration) -> Self {
        Self {
            vault,
            fresh_for,
            recent: Mutex::new(HashMap::new()),
        }
    }

    pub(super) fn get(&self, account: &str) -> Result<Option<Sensitive<String>>, CredentialError> {
        if let Some(recent) = self.try_lock() {
            if let Some(secret) = self.fresh(&recent, account) {
                return Ok(secret);
            }
        }
        off_the_runtime(|| self.read(account))
    }

    /// What the vault said of `account`, if it is still fresh.
    fn fresh(
        &self,
        recent: &HashMap<String, Remembered>,
        account: &str,
    ) -> Option<Option<Sensitive<String>>> {
        recent
            .get(account)
            .filter(|known| known.at.elapsed() < self.fresh_for)
            .map(|known| known.secret.clone())
    }

    fn read(&self, account: &str) -> Result<Option<Sensitive<String>>, CredentialError> {
        let mut recent = self.lock();
        // Another caller may have asked while this one waited for the lock.
        if let Some(secret) = self.fresh(&recent, account) {
            return Ok(secret);
        }
        let read = self.vault.get(account);
        match &read {
            // An absent one is remembered too: a proxy without a password is looked up by
            // every command.
            Ok(secret) => {
                recent.insert(account.to_owned(), Remembered::now(secret.clone()));
            }
            // A failure is not: the next look asks again.
            Err(_) => {
                recent.remove(account);
            }
        }
        read
    }

    pub(super) fn set(
        &self,
        account: &str,
        secret: &Sensitive<String>,
    ) -> Result<(), CredentialError> {
        off_the_runtime(|| {
            let mut recent = self.lock();
            // Until the write is done, what the vault holds is not known here: a failed write
            // leaves the next look to ask it.
            recent.remove(account);
            self.vault.set(account, secret.expose())?;
            recent.insert(account.to_owned(), Remembered::now(Some(secret.clone())));
            Ok(())
        })
    }

    pub(super) fn delete(&self, account: &str) -> Result<(), CredentialError> {
        off_the_runtime(|| {
            let mut recent = self.lock();
            recent.remove(account);
            self.vault.delete(account)?;
            recent.insert(account.to_owned(), Remembered::now(None));
            Ok(())
        })
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Remembered>> {
        // Every change is one map operation after the vault call, so a poisoned map is whole.
        self.recent
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The map, unless a vault call holds it.
    fn try_lock(&self) -> Option<MutexGuard<'_, HashMap<String, Remembered>>> {
        match self.recent.try_lock() {
            Ok(recent) => Some(recent),
            Err(TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        }
    }
}

/// Runs `wait`, which may block, without holding up the rest of a multi-threaded tokio runtime
/// when called on one of its workers; anywhere else (a current-thread runtime as in `swrctl`, a
/// plain thread) it just runs.
fn off_the_runtime<T>(wait: impl FnOnce() -> T) -> T {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current() {
        Ok(runtime) if runtime.runtime_flavor() == RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(wait)
        }
        _ => wait(),
    }
}

impl Remembered {
    fn now(secret: Option<Sensitive<String>>) -> Self {
        Self {
            at: Instant::now(),
            secret,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{mpsc, Arc};

    use super::*;
    use crate::credentials::tests::sk;
    use crate::credentials::{CredentialStore, MemoryVault, Persistence};

    /// A keyring that counts its reads and how many calls were in it at once; each call takes
    /// `delay`, as a round trip to the Secret Service does.
    #[derive(Default)]
    struct Keyring {
        entries: MemoryVault,
        delay: Duration,
        reads: AtomicUsize,
        inside: AtomicUsize,
        most_inside: AtomicUsize,
    }

    impl Keyring {
        fn slow(delay: Duration) -> Arc<Self> {
            Arc::new(Self {
                delay,
                ..Self::default()
            })
        }

        fn call<T>(&self, op: impl FnOnce(&MemoryVault) -> T) -> T {
            let now_inside = self.inside.fetch_add(1, Ordering::SeqCst) + 1;
            self.most_inside.fetch_max(now_inside, Ordering::SeqCst);
            std::thread::sleep(self.delay);
            let out = op(&self.entries);
            self.inside.fetch_sub(1, Ordering::SeqCst);
            out
        }

        fn reads(&self) -> usize {
            self.reads.load(Ordering::SeqCst)
        }
    }

    /// Stores in two processes share one keyring.
    impl Vault for Arc<Keyring> {
        fn set(&self, account: &str, secret: &str) -> Result<(), CredentialError> {
            self.call(|v| v.set(account, secret))
        }

        fn get(&self, account: &str) -> Result<Option<Sensitive<String>>, CredentialError> {
            self.reads.fetch_add(1, Ordering::SeqCst);
            self.call(|v| v.get(account))
        }

        fn delete(&self, account: &str) -> Result<(), CredentialError> {
            self.call(|v| v.delete(account))
        }
    }

    /// A keyring whose reads wait until the test answers, as an unlock prompt waits for the
    /// user; after 5 s unanswered it gives up, so that a test that cannot answer fails instead
    /// of hanging.
    struct Prompting {
        asked: Mutex<mpsc::Sender<()>>,
        answered: Mutex<mpsc::Receiver<()>>,
    }

    impl Vault for Prompting {
        fn set(&self, _: &str, _: &str) -> Result<(), CredentialError> {
            Ok(())
        }

        fn get(&self, _: &str) -> Result<Option<Sensitive<String>>, CredentialError> {
            self.asked.lock().unwrap().send(()).unwrap();
            match self
                .answered
                .lock()
                .unwrap()
                .recv_timeout(Duration::from_secs(5))
            {
                Ok(()) => Ok(Some(Sensitive::new("sk-one".to_owned()))),
                Err(_) => Err(CredentialError::KeyringUnavailable(
                    "nobody answered the unlock prompt".to_owned(),
                )),
            }
        }

        fn delete(&self, _: &str) -> Result<(), CredentialError> {
            Ok(())
        }
    }

    fn store(keyring: &Arc<Keyring>) -> CredentialStore {
        CredentialStore::new(Box::new(keyring.clone()))
    }

    #[test]
    fn a_secret_is_read_from_the_keyring_once_while_it_is_fresh() {
        let keyring = Keyring::slow(Duration::ZERO);
        keyring.set("AK1", "sk-one").unwrap();
        let app = store(&keyring);
        for _ in 0..5 {
            assert_eq!(app.secret_key("AK1").unwrap().expose(), "sk-one");
        }
        assert_eq!(app.persistence("AK1"), Some(Persistence::Keyring));
        assert_eq!(keyring.reads(), 1);
    }

    #[test]
    fn a_saved_secret_is_used_without_reading_it_back() {
        let keyring = Keyring::slow(Duration::ZERO);
        let app = store(&keyring);
        app.save("AK1", &sk("sk-one"), Persistence::Keyring)
            .unwrap();
        app.save("AK1", &sk("sk-fixed"), Persistence::Keyring)
            .unwrap();
        assert_eq!(app.secret_key("AK1").unwrap().expose(), "sk-fixed");
        assert_eq!(keyring.reads(), 0);
        assert_eq!(
            keyring.entries.get("AK1").unwrap().unwrap().expose(),
            "sk-fixed"
        );
    }

    #[test]
    fn a_deleted_secret_is_gone_at_once() {
        let keyring = Keyring::slow(Duration::ZERO);
        let app = store(&keyring);
        app.save("AK1", &sk("sk-one"), Persistence::Keyring)
            .unwrap();
        app.secret_key("AK1").unwrap();
        app.delete("AK1").unwrap();
        assert!(matches!(
            app.secret_key("AK1"),
            Err(CredentialError::Missing(_))
        ));
        assert_eq!(keyring.reads(), 0);
    }

    #[test]
    fn a_key_another_process_adds_is_found_once_the_answer_is_stale() {
        let keyring = Keyring::slow(Duration::ZERO);
        let window = Duration::from_millis(30);
        let app = CredentialStore::keeping_secrets_for(Box::new(keyring.clone()), window);
        for _ in 0..3 {
            assert!(matches!(
                app.secret_key("AK1"),
                Err(CredentialError::Missing(_))
            ));
        }
        assert_eq!(
            keyring.reads(),
            1,
            "an absent key is not asked for again while fresh"
        );
        store(&keyring)
            .save("AK1", &sk("sk-one"), Persistence::Keyring)
            .unwrap();
        std::thread::sleep(window * 2);
        assert_eq!(app.secret_key("AK1").unwrap().expose(), "sk-one");
    }

    #[test]
    fn a_correction_another_process_saves_is_seen_once_the_copy_is_stale() {
        let keyring = Keyring::slow(Duration::ZERO);
        let window = Duration::from_millis(30);
        let app = CredentialStore::keeping_secrets_for(Box::new(keyring.clone()), window);
        let cli = store(&keyring);
        cli.save("AK1", &sk("sk-typo"), Persistence::Keyring)
            .unwrap();
        assert_eq!(app.secret_key("AK1").unwrap().expose(), "sk-typo");
        cli.save("AK1", &sk("sk-fixed"), Persistence::Keyring)
            .unwrap();
        std::thread::sleep(window * 2);
        assert_eq!(app.secret_key("AK1").unwrap().expose(), "sk-fixed");
        assert_eq!(keyring.reads(), 2);
    }

    #[test]
    fn commands_that_want_a_key_at_once_make_one_keyring_call_at_a_time() {
        let keyring = Keyring::slow(Duration::from_millis(20));
        keyring.entries.set("AK1", "sk-one").unwrap();
        keyring.entries.set("AK2", "sk-two").unwrap();
        let app = Arc::new(store(&keyring));
        let lookups: Vec<_> = (0..8)
            .map(|i| {
                let app = app.clone();
                std::thread::spawn(move || {
                    let ak = if i % 2 == 0 { "AK1" } else { "AK2" };
                    app.secret_key(ak).unwrap().expose().clone()
                })
            })
            .collect();
        let secrets: Vec<String> = lookups.into_iter().map(|t| t.join().unwrap()).collect();
        assert_eq!(secrets.iter().filter(|s| *s == "sk-one").count(), 4);
        assert_eq!(secrets.iter().filter(|s| *s == "sk-two").count(), 4);
        assert_eq!(keyring.most_inside.load(Ordering::SeqCst), 1);
        assert_eq!(
            keyring.reads(),
            2,
            "each key is read once, the other lookups share it"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn a_command_waiting_on_a_keyring_prompt_leaves_the_others_running() {
        let (asked, prompt) = mpsc::channel();
        let (answer, answered) = mpsc::channel();
        let app = Arc::new(CredentialStore::new(Box::new(Prompting {
            asked: Mutex::new(asked),
            answered: Mutex::new(answered),
        })));
        let lookup = tokio::spawn({
            let app = app.clone();
            async move { app.secret_key("AK1").map(|sk| sk.expose().clone()) }
        });
        prompt
            .recv_timeout(Duration::from_secs(5))
            .expect("the lookup reached the keyring");
        // Another command, on the runtime's only worker, while the lookup waits on the prompt.
        tokio::spawn(async move { answer.send(()).unwrap() })
            .await
            .unwrap();
        assert_eq!(lookup.await.unwrap().unwrap(), "sk-one");
    }
}
