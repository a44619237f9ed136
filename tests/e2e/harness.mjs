// Starts the real SWR Console binary under tauri-driver and hands back a WebDriver session.
//
// The app is the debug build that embeds the UI (`--features custom-protocol`), started by
// WebKitWebDriver through tauri-driver, each on a free loopback port. Every session gets its own
// configuration directory so tests never see a user's settings and can restart the app to check
// what it remembers.

import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInterface } from 'node:readline';
import { remote } from 'webdriverio';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const artifactsDir = join(here, 'artifacts');
/**
 * Where cargo puts the binaries (it honours CARGO_TARGET_DIR, and so do we): the debug build, or
 * the one `SWR_BUILD_PROFILE` names (`release` for the benchmarks).
 */
export const binDir = join(
  process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(repoRoot, 'target'),
  process.env.SWR_BUILD_PROFILE ?? 'debug',
);
export const appBinary = process.env.SWR_CONSOLE_BIN ?? join(binDir, 'swr-console');
export const sandboxBinary = process.env.SWR_SANDBOX_BIN ?? join(binDir, 'swr-sandbox');

/**
 * Starts swr-sandbox with the demo data (or another `seed`, e.g. `scale`) and `extraArgs` (e.g.
 * faults) in a fresh data dir and resolves with its child process and ready line. Closing its
 * stdin stops it.
 */
export function startSandbox(extraArgs = [], { niceness = 0, seed = 'demo' } = {}) {
  if (!existsSync(sandboxBinary)) throw new Error(`swr-sandbox missing at ${sandboxBinary}`);
  const data = mkdtempSync(join(tmpdir(), 'swr-e2e-sandbox-'));
  // `niceness` runs it (and its registry) below the app, as a remote registry would be.
  const [program, ...prefix] = niceness ? ['nice', '-n', String(niceness), sandboxBinary] : [sandboxBinary];
  const child = spawn(
    program,
    [...prefix, '--data', data, '--listen', '127.0.0.1:0', '--registry-bin', '/usr/bin/docker-registry', '--seed', seed,
      '--exit-on-stdin-eof', ...extraArgs],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('swr-sandbox not ready within 90 s')), 90_000);
    child.once('exit', (code) => reject(new Error(`swr-sandbox exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ child, ready: JSON.parse(line) });
    });
  });
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise((done) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`tauri-driver did not listen on ${port}`);
    await sleep(100);
  }
}

function findTauriDriver() {
  const candidates = [
    process.env.TAURI_DRIVER,
    join(process.env.CARGO_HOME ?? join(process.env.HOME ?? '/root', '.cargo'), 'bin', 'tauri-driver'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error('tauri-driver is not installed: run `cargo install tauri-driver --locked`');
  }
  return found;
}

/** Process ids whose command line passes `match` (Linux: read from /proc). */
function processes(match) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (match(readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0'))) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function kill(pids) {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Process ids of the running app binary (the harness runs one at a time). */
export const appProcesses = () => processes((argv) => argv[0] === appBinary);

/**
 * Makes sure a session's processes are gone before the next launch: the WebKitWebDriver that
 * tauri-driver leaves behind, and the app, which may outlive its session (a second launch would
 * then only hand its arguments to it). The app gets `graceMs` to finish on its own.
 */
async function reap(nativePort, graceMs) {
  kill(processes((argv) => argv[0].endsWith('WebKitWebDriver') && argv.includes(`--port=${nativePort}`)));
  const deadline = Date.now() + graceMs;
  while (appProcesses().length > 0 && Date.now() < deadline) await sleep(100);
  kill(appProcesses());
  while (appProcesses().length > 0) await sleep(50);
}

/** A fresh configuration directory for one app profile of the tests. */
export function newConfigDir(name) {
  return mkdtempSync(join(tmpdir(), `swr-console-e2e-${name}-`));
}

/**
 * Launches the app. `configDir` keeps settings between launches; `env` adds variables for the
 * app process (tauri-driver and WebKitWebDriver pass their environment on to it); `logFile`
 * collects the output of the drivers and the app instead of the test's own.
 */
export async function launchApp(options = {}) {
  if (!existsSync(appBinary)) {
    throw new Error(`app binary missing at ${appBinary}: build it with tests/e2e/run.sh`);
  }
  try {
    return await launchOnce(options);
  } catch (err) {
    // WebKitWebDriver sometimes is not listening yet when tauri-driver forwards the new
    // session; one more try with fresh ports.
    console.error(`launching the app failed (${err.message}); trying once more`);
    return launchOnce(options);
  }
}

async function launchOnce({ configDir, env = {}, logFile } = {}) {
  const port = await freePort();
  const nativePort = await freePort();
  const logFd = logFile ? openSync(logFile, 'a') : null;
  const driver = spawn(
    findTauriDriver(),
    ['--port', String(port), '--native-port', String(nativePort), '--native-driver', '/usr/bin/WebKitWebDriver'],
    {
      stdio: logFile ? ['ignore', logFd, logFd] : ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        LANGUAGE: 'en_US',
        SWR_CONSOLE_CONFIG_DIR: configDir ?? newConfigDir('default'),
        // WebKitWebDriver takes screenshots from the compositor; on a display without a GPU the
        // app would paint without one and a screenshot would never answer. The benchmarks
        // measure the app as such a machine runs it (`SWR_CONSOLE_GPU: 'auto'`).
        SWR_CONSOLE_GPU: 'on',
        ...env,
      },
    },
  );
  const exited = new Promise((done) => driver.once('exit', done));
  if (logFd !== null) void exited.then(() => closeSync(logFd));
  try {
    await waitForPort(port, 20_000);
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'warn',
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'wry',
        'wdio:enforceWebDriverClassic': true,
        'tauri:options': { application: appBinary },
      },
    });
    return {
      browser,
      /** Ends the session; `crash` ends the app at once instead, as a crash or power cut would. */
      async close({ crash = false } = {}) {
        try {
          if (crash) {
            kill(appProcesses());
            await browser.deleteSession().catch(() => {});
          } else {
            await browser.deleteSession();
          }
        } finally {
          driver.kill('SIGTERM');
          await exited;
          await reap(nativePort, 5_000);
        }
      },
    };
  } catch (err) {
    driver.kill('SIGKILL');
    await exited;
    await reap(nativePort, 0);
    throw err;
  }
}

/**
 * Saves `user` of the sandbox as the active profile "Sandbox" in `configDir` with swrctl, the
 * secret key on stdin; `extraArgs` adds to `swrctl profile add` (e.g. `--region-endpoint`).
 */
export function addSandboxProfile(configDir, sandbox, user, extraArgs = []) {
  const added = spawnSync(
    join(binDir, 'swrctl'),
    ['profile', 'add', 'Sandbox', '--activate', '--region', sandbox.ready.region, '--ak', user.ak,
      '--project-id', sandbox.ready.project_id, '--api-endpoint', sandbox.ready.api_endpoint,
      '--registry', sandbox.ready.registry, ...extraArgs],
    { env: { ...process.env, SWR_CONSOLE_CONFIG_DIR: configDir }, input: user.sk, encoding: 'utf8', timeout: 60_000 },
  );
  if (added.status !== 0) throw new Error(`swrctl profile add failed: ${added.stderr}`);
}

/**
 * The long-term login of `user` as skopeo's `--creds` take it: `<region>@<AK>`, and the hex
 * HMAC-SHA256 of the AK keyed by the SK as the password.
 */
export function loginOf(sandbox, user) {
  const key = createHmac('sha256', user.sk).update(user.ak).digest('hex');
  return `${sandbox.ready.region}@${user.ak}:${key}`;
}

/**
 * Copies `docker://<registry>/<source>` as `user` to `destination` (`docker-archive:FILE:NAME`,
 * `oci-archive:…`) with skopeo, every blob read and checked; `extraArgs` adds to `skopeo copy`
 * (e.g. `--additional-tag`). Returns skopeo's result; `copyArchive` is the one that must work.
 */
export function skopeoCopy(sandbox, user, source, destination, extraArgs = []) {
  const out = spawnSync(
    'skopeo',
    ['copy', '-q', '--src-tls-verify=false', '--src-creds', loginOf(sandbox, user), ...extraArgs,
      `docker://${sandbox.ready.registry}/${source}`, destination],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (out.error) throw new Error(`skopeo could not run: ${out.error.message}`);
  return out;
}

/** Writes the sandbox's image `source` as an archive at `destination` (see `skopeoCopy`), or throws why not. */
export function copyArchive(sandbox, user, source, destination, extraArgs = []) {
  const out = skopeoCopy(sandbox, user, source, destination, extraArgs);
  if (out.status !== 0) throw new Error(`skopeo could not write ${destination}: ${out.stderr}`);
}

/** Saves a PNG of the window under tests/e2e/artifacts/, after the UI has settled. */
export async function screenshot(browser, name) {
  mkdirSync(artifactsDir, { recursive: true });
  await sleep(150);
  await browser.saveScreenshot(join(artifactsDir, `${name}.png`));
}

/** Waits until an element with `data-testid` is displayed and returns it. */
export async function byTestId(browser, id, timeout = 10_000) {
  const element = await browser.$(`[data-testid="${id}"]`);
  await element.waitForDisplayed({ timeout });
  return element;
}

/**
 * Chooses `value` in one of the app's select lists (a button that opens a list box) as a user
 * does: opens the list, waits for the entry (lists fill as their data arrives) and clicks it.
 */
export async function choose(browser, trigger, value, timeout = 30_000) {
  await trigger.waitForEnabled({ timeout });
  // The list is opened with the keyboard. Opened by a press on its button, it ignores the first
  // release it sees unless the pointer has moved 10 px since the press (Radix's select): meant for
  // the button's own release, that rule takes the entry's click instead when the list is drawn
  // only after the button was released, and the entry stays unchosen (about one run in four of
  // the uploads spec here). Enter opens it with no press to answer.
  await browser.execute((element) => element.focus(), trigger);
  await browser.keys('Enter');
  await browser.waitUntil(async () => (await trigger.getAttribute('aria-expanded')) === 'true', {
    timeout: 5_000,
    timeoutMsg: `the list of "${value}" did not open with Enter`,
  });
  const list = await browser.$(`#${await trigger.getAttribute('aria-controls')}`);
  const option = await list.$(`[role="option"][data-value="${value}"]`);
  // Clickable, not only shown: the list is placed beside its button a moment after it opens, and
  // a click at where the entry was before lands outside the list, which closes it unchosen.
  await option.waitForClickable({ timeout }).catch(async () => {
    const offered = await browser.execute((el) => [...el.querySelectorAll('[role="option"]')].map((o) => o.dataset.value), list);
    throw new Error(`no entry "${value}" in the list; it offers ${JSON.stringify(offered)}`);
  });
  await option.click();
  // The choice may open a preview first (a permission change), so what is checked is that the
  // list closed; callers read the outcome they expect.
  await browser.waitUntil(async () => (await trigger.getAttribute('aria-expanded')) === 'false', {
    timeout: 5_000,
    timeoutMsg: `the list stayed open after "${value}" was clicked`,
  });
}

/** The value a select list shows as chosen, or null when it shows its placeholder. */
export function chosen(trigger) {
  return trigger.getAttribute('data-value');
}
