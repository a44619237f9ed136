// Measures how the real app's window responds while it checks and pushes a big archive, against
// the same window at rest: gaps between animation frames (a frame late by more than ~16 ms is a
// visible stutter), round trips of an IPC command (what every click waits for), and how often the
// progress bar moves. Prints a table; asserts nothing (see scripts/bench-ui.sh).
//
// Usage (under a display and a Secret Service): node bench/responsiveness.mjs ARCHIVE

import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { appBinary, binDir, byTestId, choose, launchApp, newConfigDir, startSandbox } from '../harness.mjs';

const archive = process.argv[2];
if (!archive || !existsSync(archive)) {
  console.error('usage: node bench/responsiveness.mjs ARCHIVE');
  process.exit(2);
}
const file = basename(archive);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);

/** Runs in the page for `ms`: frame gaps, IPC round trips, and changes of the progress bar. */
function sample(browser, ms) {
  return browser.executeAsync((ms, file, done) => {
    const gaps = [];
    const ipc = [];
    let moves = 0;
    const observer = new MutationObserver((records) => {
      moves += records.filter((r) => r.attributeName === 'data-done').length;
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-done'] });
    const end = performance.now() + ms;
    let last = performance.now();
    const frames = new Promise((resolve) => {
      const frame = (t) => {
        gaps.push(t - last);
        last = t;
        if (t < end) requestAnimationFrame(frame);
        else resolve();
      };
      requestAnimationFrame(frame);
    });
    const calls = (async () => {
      while (performance.now() < end) {
        const start = performance.now();
        await window.__TAURI_INTERNALS__.invoke('uploads_view');
        ipc.push(performance.now() - start);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    Promise.all([frames, calls]).then(() => {
      observer.disconnect();
      const item = document.querySelector(`[data-testid="upload-item"][data-file="${file}"]`);
      done({ gaps, ipc, moves, state: item?.getAttribute('data-state') ?? null,
        validation: item?.getAttribute('data-validation') ?? null });
    });
  }, ms, file);
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};
const row = (label, s, ms) => {
  const f = (v) => v.toFixed(1).padStart(7);
  console.log(`${label.padEnd(22)}${f(pct(s.gaps, 50))}${f(pct(s.gaps, 95))}${f(Math.max(...s.gaps))}`
    + `${f(pct(s.ipc, 50))}${f(pct(s.ipc, 95))}${f(Math.max(...s.ipc))}${f(s.moves / (ms / 1000))}`);
};

// The registry is normally another machine: niced, the local one competes less for the cores.
const sandbox = await startSandbox([], { niceness: 19 });
const admin = sandbox.ready.accounts[0].users.find((u) => u.admin);
const configDir = newConfigDir('bench');
const env = { ...process.env, SWR_CONSOLE_CONFIG_DIR: configDir };
const added = spawnSync(join(binDir, 'swrctl'),
  ['profile', 'add', 'Bench', '--activate', '--region', sandbox.ready.region, '--ak', admin.ak,
    '--project-id', sandbox.ready.project_id, '--api-endpoint', sandbox.ready.api_endpoint,
    '--registry', sandbox.ready.registry], { env, input: admin.sk, encoding: 'utf8' });
if (added.status !== 0) throw new Error(added.stderr);

// As a machine without a GPU runs it: the app's own choice of compositing, not the e2e suite's.
const app = await launchApp({ configDir, logFile: join(configDir, 'app.log'), env: { SWR_CONSOLE_GPU: 'auto' } });
const { browser } = app;
await browser.setTimeout({ script: (seconds + 30) * 1000 });
try {
  // An empty queue lands on the Dashboard; the measurements are of the Uploads screen.
  await (await byTestId(browser, 'nav-uploads', 20_000)).click();
  await byTestId(browser, 'screen-uploads', 20_000);
  const ms = seconds * 1000;
  const idle = await sample(browser, ms);

  spawnSync(appBinary, [archive], { env });
  const item = await browser.$(`[data-testid="upload-item"][data-file="${file}"]`);
  await item.waitForExist({ timeout: 30_000 });
  const checking = await sample(browser, Math.min(ms, 3000));
  await browser.waitUntil(async () => (await item.getAttribute('data-validation')) === 'valid', { timeout: 600_000 });
  const org = await item.$('[data-testid="upload-organization"]');
  await choose(browser, org, 'demo-apps');
  const queue = await item.$('[data-testid="upload-queue"]');
  await browser.waitUntil(() => queue.isEnabled(), { timeout: 15_000 });
  await queue.click();
  await browser.waitUntil(async () => (await item.getAttribute('data-state')) === 'running', { timeout: 60_000 });
  const pushing = await sample(browser, ms);

  const size = statSync(archive).size;
  console.log(`\nSWR Console window while handling ${file} (${(size / 2 ** 30).toFixed(2)} GiB), ${seconds} s samples`);
  console.log(`${''.padEnd(22)}${'frame gap ms'.padStart(21)}${'IPC round trip ms'.padStart(21)}${'bar'.padStart(7)}`);
  console.log(`${'state'.padEnd(22)}${['p50', 'p95', 'max', 'p50', 'p95', 'max', 'moves/s'].map((h) => h.padStart(7)).join('')}`);
  row('at rest', idle, ms);
  row(`checking (${checking.validation})`, checking, Math.min(ms, 3000));
  row(`pushing (${pushing.state})`, pushing, ms);
  console.log(`\nratio pushing/at rest: frame gap p95 ${(pct(pushing.gaps, 95) / pct(idle.gaps, 95)).toFixed(2)}x, `
    + `IPC p95 ${(pct(pushing.ipc, 95) / pct(idle.ipc, 95)).toFixed(2)}x`);
  const cancel = await item.$('[data-testid="upload-cancel"]');
  if (await cancel.isExisting()) await cancel.click();
} finally {
  await app.close();
  sandbox.child.stdin.end();
}
