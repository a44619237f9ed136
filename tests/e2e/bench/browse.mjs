// Measures the browsing screens of the real app on a large account: swr-sandbox's `scale` seed
// (10,000 repositories in scale-0 … scale-4, and scale-tags/many with 20,000 tags). These are the
// figures a user feels on a big account:
//  1. Images, warm index: Settings → Images once the index is loaded, from the click to the first
//     loaded row in the DOM and to the frame after it (target ≤ 300 ms). Going back to a list is
//     the most frequent move; it should cost no new read from SWR.
//  2. Images, cold index: Refresh, from the click until the index is rebuilt from SWR and the
//     list shows all 10,001 images again (10,000 + scale-tags/many).
//  3. Tags list of 20,000: the virtualized list scrolled top to bottom in one step per animation
//     frame, each as far as the time since the last one asks (a fast wheel: top to bottom in
//     ~3 s), with the gaps between frames (targets p95 ≤ 20 ms, max ≤ 50 ms) and how many frames
//     began with rows still loading in view; with the list, and the Settings screen, at rest
//     for reference (the window's own frame rate under this display).
//  4. Tag filter on 20,000 tags: from a new filter pasted over the old one (one editing command
//     and its input event) to the count (rendered with the rows, from the same window) showing its
//     result (target: within a frame, ~16 ms); first as typed, then again with the answer already
//     in the UI's cache.
//  5. Memory (VmRSS from /proc, with its anonymous part RssAnon and its part that is Mesa's
//     OpenGL, and Pss) of the app's own process (Rust, with GTK and WebKit's UI side) and of its
//     WebKitWebProcess (targets ≤ 150 MB and ≤ 300 MB), once the index and the tag list are
//     loaded, and again after everything above.
// Times 1, 2 and 4 are taken inside the page: performance.now() just before the click or input
// event is dispatched (by the page's own DOM, so WebDriver's round trips are not in them) and in
// a MutationObserver when the awaited element or text appears; WebKit's clock has a resolution of
// 1 ms. The load average is printed too: figures from a busy machine are not the app's. Prints
// tables; asserts nothing (see scripts/bench-browse-ui.sh).
//
// Usage (under a display and a Secret Service): node bench/browse.mjs

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { appProcesses, binDir, byTestId, launchApp, newConfigDir, startSandbox } from '../harness.mjs';

const scrollSeconds = Number(process.env.BENCH_SCROLL_SECONDS ?? 3);
const WARM_RUNS = 5;
const COLD_RUNS = 3;
const IMAGES = 10_001;
const TAGS = 20_000;
// The tags are 1.0.0 … 1.19999.0. Three rounds of six kinds of filter (text, range, glob, a narrow
// text, a lower bound, cleared), so that a p95 rests on 18 runs. Each count differs from the one
// before, so each change shows: 1,111 / 100 / 1,111 / 11 / 10 / all, then 1,111 / 100 / 1,111 /
// 11 / 20 / all, then 1,111 / 50 / 1,111 / 11 / 5 / all.
const FILTERS = [
  '1.19', '>=1.100 <1.200', '*.5*', '1.1999', '<1.10', '',
  '1.17', '>=1.500 <1.600', '*.3*', '1.1777', '<1.20', '',
  '1.16', '>=1.700 <1.750', '*.8*', '1.1666', '<1.5', '',
];
/**
 * Filters typed one key at a time (`\b` is a backspace), each from a text put in first: every key
 * that changes the count is timed as above. A paste over the whole text, an emptied filter and
 * the first key typed into an empty one make WebKitGTK repaint the whole window when it paints
 * without compositing (8–12 ms at 1280×800); other keys, a space among them, repaint the filter
 * box alone. So a user's typing is measured here apart from the pastes above.
 */
const TYPED = [
  { from: '1.1', keys: '999\b\b\b' },
  { from: '1.', keys: '123\b\b\b' },
  { from: '<1.1', keys: '000\b\b\b' },
  { from: '>=1.100', keys: ' <1.200' },
];
/** Each filter once: the backend's share is measured per filter, not per run. */
const DISTINCT_FILTERS = [...new Set(FILTERS)];
/** A filter as the report names it. */
const filterLabel = (value) => (value === '' ? '(cleared)' : value);

/**
 * In the page: clicks the sidebar link `nav`, and times until `selector` is in the DOM and until
 * the frame after that starts.
 */
function timeNavigation(browser, nav, selector) {
  return browser.executeAsync((nav, selector, done) => {
    const found = () => document.querySelector(selector) !== null;
    let start = 0;
    const timer = setTimeout(() => {
      observer.disconnect();
      done({ error: `${selector} did not appear within 120 s` });
    }, 120_000);
    const seen = () => {
      const dom = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame((frame) => done({ dom: dom - start, frame: Math.max(frame, dom) - start }));
    };
    const observer = new MutationObserver(() => {
      if (found()) seen();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    start = performance.now();
    document.querySelector(`[data-testid="${nav}"]`).click();
  }, nav, selector);
}

/**
 * In the page: clicks Refresh on the Images screen and times until it is enabled again (the index
 * is rebuilt) and until the list has settled on `count` with its rows.
 */
function timeRefresh(browser, count) {
  return browser.executeAsync((count, done) => {
    const button = document.querySelector('[data-testid="images-refresh"]');
    let start = 0;
    let pending = false;
    let built = null;
    const check = () => {
      if (button.disabled) pending = true;
      if (!pending || button.disabled) return;
      const now = performance.now();
      built ??= now;
      const grid = document.querySelector('[data-testid="images-list"]');
      const text = document.querySelector('[data-testid="images-count"]')?.textContent ?? '';
      if (grid?.getAttribute('aria-busy') !== 'true' && text === count
        && document.querySelector('[data-testid="image-row"]') !== null) {
        observer.disconnect();
        clearTimeout(timer);
        done({ built: built - start, shown: now - start, text });
      }
    };
    const timer = setTimeout(() => {
      observer.disconnect();
      done({ error: `the list did not show "${count}" within 300 s`,
        text: document.querySelector('[data-testid="images-count"]')?.textContent });
    }, 300_000);
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    start = performance.now();
    button.click();
    check();
  }, count);
}

/**
 * In the page: puts `value` into the tag filter as a paste over its selected text does (one
 * editing command, one input event) and times until the count changes (the rows change in the
 * same render) and until the next frame. `mode` 'key' types `value` (one character, or `\b` for
 * a backspace) at the end of the text instead, as a key press does; 'key' and 'set' accept a
 * count that does not change (`unchanged`) where 'paste' calls it an error.
 */
function timeFilter(browser, value, mode = 'paste') {
  return browser.executeAsync((value, mode, done) => {
    const input = document.querySelector('[data-testid="tags-filter"]');
    const count = () => document.querySelector('[data-testid="tags-count"]')?.textContent ?? '';
    const before = count();
    let start = 0;
    // When the page of the new filter was asked for and answered (the IPC request, a fetch of
    // the app's own scheme): what comes before is the screen's work on the input, what comes
    // after is the way of the answer to the screen.
    const fetch = window.fetch;
    let asked = NaN;
    let answered = NaN;
    window.fetch = (resource, init) => {
      const call = fetch(resource, init);
      if (String(resource).includes('query_tags') && Number.isNaN(asked)) {
        asked = performance.now();
        call.then(() => { answered = performance.now(); }, () => {});
      }
      return call;
    };
    const finish = (result) => {
      window.fetch = fetch;
      done({ ...result, asked: asked - start, answered: answered - start });
    };
    const strict = mode === 'paste';
    const timer = setTimeout(() => {
      observer.disconnect();
      finish(strict ? { error: `the count stayed "${before}" for 10 s after "${value}"` } : { unchanged: true, text: before });
    }, strict ? 10_000 : 1500);
    const observer = new MutationObserver(() => {
      const text = count();
      if (text === before) return;
      const dom = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame((frame) => finish({ dom: dom - start, frame: Math.max(frame, dom) - start, text }));
    });
    // Through the editor, as the user's paste goes. Assigning `value` instead is not what a user
    // does, and WebKit repaints the whole window when a focused field's text gets shorter that way.
    input.focus();
    if (mode === 'key') input.setSelectionRange(input.value.length, input.value.length);
    else input.select();
    // The selection is drawn first, in a frame of its own.
    requestAnimationFrame(() => setTimeout(() => {
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      start = performance.now();
      if (value === '' || value === '\b') document.execCommand('delete');
      else document.execCommand('insertText', false, value);
    }));
  }, value, mode);
}

/**
 * In the page: the backend's share of a filter, without the screen: the round trip of the command
 * the tag list asks for its first page, per filter, and of a command that does nothing but answer
 * (the IPC floor). Each is asked `runs` times; the medians come back.
 */
function timeIpc(browser, filters, runs) {
  return browser.executeAsync(async (filters, runs, done) => {
    try {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const timed = async (call, times = runs) => {
        const took = [];
        for (let i = 0; i < times; i++) {
          const start = performance.now();
          await call();
          took.push(performance.now() - start);
        }
        return median(took);
      };
      const { active } = await invoke('list_profiles');
      /** The first page the tag list asks for under `filter`. */
      const firstPage = (filter) => invoke('query_tags', {
        profileId: active,
        organization: 'scale-tags',
        image: 'many',
        query: { filter, sort: 'version', descending: true },
        offset: 0,
        limit: 200,
      });
      const floor = await timed(() => invoke('check_value', { kind: 'tag', value: 'v1' }));
      const pages = {};
      for (const filter of filters) pages[filter] = await timed(() => firstPage(filter));
      // A filter no one asked for yet, once: the backend filters the 20,000 tags afresh.
      const fresh = {};
      for (const filter of ['2.3', '*.7*', '>=1.300 <1.400', '1.1888']) fresh[filter] = await timed(() => firstPage(filter), 1);
      done({ floor, pages, fresh });
    } catch (e) {
      done({ error: String(e) });
    }
  }, filters, runs);
}

/**
 * In the page: gaps between animation frames for `ms`; with `scroll`, `list` is scrolled from top
 * to bottom in that time, once per frame to where the time says. Counts the frames that began
 * with a row of the viewport still loading. Without a `list`, the screen at rest.
 */
function sampleFrames(browser, list, ms, scroll) {
  return browser.executeAsync((list, ms, scroll, done) => {
    const box = document.querySelector(`[data-testid="${list}"] .vgrid-scroll`) ?? document.createElement('div');
    box.scrollTop = 0;
    const bottom = box.scrollHeight - box.clientHeight;
    const gaps = [];
    let blank = 0;
    const loadingInView = () => {
      const top = box.scrollTop;
      for (const row of box.querySelectorAll('.vgrid-loading')) {
        const y = Number(row.getAttribute('data-index')) * 36;
        if (y + 36 > top && y < top + box.clientHeight) return true;
      }
      return false;
    };
    // Two frames first, so the reset to the top is behind us.
    requestAnimationFrame(() => requestAnimationFrame((first) => {
      const start = first;
      let last = first;
      const frame = (t) => {
        gaps.push(t - last);
        last = t;
        if (loadingInView()) blank += 1;
        if (t - start >= ms + (scroll ? 100 : 0)) {
          done({ gaps, blank, ms: t - start, top: box.scrollTop, bottom });
          return;
        }
        if (scroll) box.scrollTop = Math.min(bottom, ((t - start) / ms) * bottom);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }));
  }, list, ms, scroll);
}

/** Every process under `root` (by parent id, read from /proc), `root` included. */
function processTree(root) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/** `field` (VmRSS, RssAnon) of /proc/PID/status, in MB. */
const status = (pid, field) => {
  try {
    const kib = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return (Number(kib ?? 0) * 1024) / 1e6;
  } catch {
    return 0;
  }
};
const program = (pid) => {
  try {
    return basename(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]);
  } catch {
    return '';
  }
};

/**
 * `Pss` of /proc/PID/smaps_rollup in MB: the process's resident memory with each page shared
 * with other processes counted in part (the app and its web process map the same WebKit and GTK
 * libraries, which VmRSS counts in full in each).
 */
const pss = (pid) => {
  try {
    const kib = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return (Number(kib ?? 0) * 1024) / 1e6;
  } catch {
    return 0;
  }
};

/**
 * Resident pages of Mesa's OpenGL (its drivers and the LLVM library they link) in MB, from
 * /proc/PID/smaps. WebKitGTK opens an EGL display in the app and in its web process even when it
 * paints without compositing (it aborts without one), and loading Mesa's software driver
 * relocates most of LLVM: about 50 MB of VmRSS in each process that no choice of the app's
 * removes.
 */
const MESA = /\/(libLLVM[^/]*|libz3[^/]*|dri\/[^/]*|libgallium[^/]*|libglapi[^/]*|lib(EGL|GLX)_mesa[^/]*)$/;
const mesa = (pid) => {
  try {
    let kib = 0;
    let counted = false;
    for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
      if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) counted = MESA.test(line.trim());
      else if (counted && line.startsWith('Rss:')) kib += Number(/(\d+) kB/.exec(line)?.[1] ?? 0);
    }
    return (kib * 1024) / 1e6;
  } catch {
    return 0;
  }
};

/**
 * VmRSS, RssAnon, Pss and Mesa's part in MB of the app's process, its WebKitWebProcess(es) and
 * WebKitNetworkProcess.
 */
function memory() {
  const [app] = appProcesses();
  if (app === undefined) return null;
  const tree = processTree(app);
  const of = (pids) => ({
    rss: pids.reduce((sum, pid) => sum + status(pid, 'VmRSS'), 0),
    anon: pids.reduce((sum, pid) => sum + status(pid, 'RssAnon'), 0),
    pss: pids.reduce((sum, pid) => sum + pss(pid), 0),
    mesa: pids.reduce((sum, pid) => sum + mesa(pid), 0),
  });
  const named = (name) => of(tree.filter((pid) => program(pid) === name));
  return { app: of([app]), web: named('WebKitWebProcess'), network: named('WebKitNetworkProcess') };
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};
const f = (v, width = 8) => (Number.isFinite(v) ? v.toFixed(1) : '-').padStart(width);
const stats = (values) => `${f(pct(values, 50))}${f(pct(values, 95))}${f(Math.max(...values))}`;
const runs = (values) => values.map((v) => f(v, 0)).join(' ');

/** Runs `measure` and fails loudly if the page reported that it gave up. */
async function measured(what, measure) {
  const result = await measure();
  if (result?.error) throw new Error(`${what}: ${result.error}`);
  return result;
}

const loadBefore = loadavg()[0];
// The registry is normally another machine: niced, the local one competes less for the cores.
const sandbox = await startSandbox([], { niceness: 19, seed: 'scale' });
const admin = sandbox.ready.accounts[0].users.find((u) => u.admin);
const configDir = newConfigDir('bench-browse');
const env = { ...process.env, SWR_CONSOLE_CONFIG_DIR: configDir };
const added = spawnSync(join(binDir, 'swrctl'),
  ['profile', 'add', 'Bench', '--activate', '--region', sandbox.ready.region, '--ak', admin.ak,
    '--project-id', sandbox.ready.project_id, '--api-endpoint', sandbox.ready.api_endpoint,
    '--registry', sandbox.ready.registry], { env, input: admin.sk, encoding: 'utf8' });
if (added.status !== 0) throw new Error(added.stderr);

// As a machine without a GPU runs it: the app's own choice of compositing, not the e2e suite's,
// unless SWR_CONSOLE_GPU asks for one path to be measured.
const gpu = process.env.SWR_CONSOLE_GPU ?? 'auto';
const app = await launchApp({ configDir, logFile: join(configDir, 'app.log'), env: { SWR_CONSOLE_GPU: gpu } });
const { browser } = app;
await browser.setTimeout({ script: 600_000 });
try {
  // An empty queue lands on the Dashboard; everything here starts from the sidebar.
  await byTestId(browser, 'nav-images', 30_000);
  await sleep(2000);

  // 1. The first visit builds the index; the next ones find it loaded.
  const first = await measured('first Images', () => timeNavigation(browser, 'nav-images', '[data-testid="image-row"]'));
  const countText = await browser.execute(() => document.querySelector('[data-testid="images-count"]')?.textContent ?? '');
  if (!countText.startsWith(`${IMAGES.toLocaleString('en')} of`)) console.error(`the Images list reads "${countText}"`);
  const warm = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    await measured('Settings', () => timeNavigation(browser, 'nav-settings', '[data-testid="screen-settings"]'));
    await sleep(500);
    warm.push(await measured('warm Images', () => timeNavigation(browser, 'nav-images', '[data-testid="image-row"]')));
    await sleep(500);
  }

  // The window's own frame rate, on a screen without a list, for reference.
  await measured('Settings', () => timeNavigation(browser, 'nav-settings', '[data-testid="screen-settings"]'));
  await sleep(1000);
  const settingsRest = await sampleFrames(browser, null, 2000, false);
  await measured('Images', () => timeNavigation(browser, 'nav-images', '[data-testid="image-row"]'));

  // 3. The tags of scale-tags/many, reached as a user does: search, open, Tags tab.
  const search = await byTestId(browser, 'images-search');
  await search.setValue('many');
  const many = await browser.$('[data-testid="image-row"][data-image="scale-tags/many"]');
  await many.waitForExist({ timeout: 60_000 });
  await many.click();
  await (await byTestId(browser, 'tab-tags', 30_000)).click();
  await (await browser.$('[data-testid="tag-row"]')).waitForExist({ timeout: 120_000 });
  const tagsText = await (await byTestId(browser, 'tags-count')).getText();
  if (!tagsText.startsWith(`${TAGS.toLocaleString('en')} of`)) console.error(`the tag list reads "${tagsText}"`);
  await sleep(2000);
  const memoryLoaded = memory();

  const rest = await sampleFrames(browser, 'tags-list', 2000, false);
  const scrolled = await sampleFrames(browser, 'tags-list', scrollSeconds * 1000, true);
  await sleep(1000);
  const again = await sampleFrames(browser, 'tags-list', scrollSeconds * 1000, true);
  await sleep(1000);

  // 4. Each filter first as typed, then once more with its answer in the UI's cache.
  const filters = [];
  for (const pass of ['typed', 'cached']) {
    for (const value of FILTERS) {
      filters.push({ pass, value, ...(await measured(`filter ${value}`, () => timeFilter(browser, value))) });
      await sleep(500);
    }
  }
  const keys = [];
  for (const { from, keys: typed } of TYPED) {
    await measured(`filter ${from}`, () => timeFilter(browser, from, 'set'));
    await sleep(500);
    for (const key of typed) {
      keys.push({ from, key, ...(await measured(`key ${key}`, () => timeFilter(browser, key, 'key'))) });
      await sleep(300);
    }
    await sleep(500);
  }
  const ipc = await measured('IPC', () => timeIpc(browser, DISTINCT_FILTERS, 9));
  await sleep(2000);
  const memoryUsed = memory();

  // 2. Back on Images: rebuilds of the index from SWR.
  await measured('Images', () => timeNavigation(browser, 'nav-images', '[data-testid="image-row"]'));
  const images = await byTestId(browser, 'images-refresh');
  await browser.waitUntil(() => images.isEnabled(), { timeout: 60_000 });
  const cold = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    await sleep(1000);
    cold.push(await measured('Refresh', () => timeRefresh(browser, countText)));
  }
  await sleep(2000);
  const memoryRebuilt = memory();

  const loadAfter = loadavg()[0];
  const title = (text) => console.log(`\n${text}`);
  const header = (label, columns) => console.log(`${label.padEnd(34)}${columns.map((c) => c.padStart(8)).join('')}`);
  console.log(`\nSWR Console browsing a large account (swr-sandbox --seed scale): "${countText}", "${tagsText}"`);
  console.log(`load average (1 min) before ${loadBefore.toFixed(2)}, after ${loadAfter.toFixed(2)}`);
  console.log(`compositing: SWR_CONSOLE_GPU=${gpu}${gpu === 'auto' ? " (the app's own choice)" : ''}`);

  title('1. Images list, warm index: Settings → Images, ms from the click (in-page clock)');
  header('', ['p50', 'p95', 'max', 'target']);
  console.log(`${'first image row in the DOM'.padEnd(34)}${stats(warm.map((r) => r.dom))}${'300'.padStart(8)}   runs: ${runs(warm.map((r) => r.dom))}`);
  console.log(`${'next frame after it'.padEnd(34)}${stats(warm.map((r) => r.frame))}${'300'.padStart(8)}   runs: ${runs(warm.map((r) => r.frame))}`);
  console.log(`${'first visit (index built)'.padEnd(34)}${f(first.dom)}${''.padStart(24)}   next frame ${f(first.frame, 0)}`);

  title(`2. Images list, cold index: Refresh until "${countText}", ms from the click (in-page clock)`);
  header('', ['p50', 'p95', 'max']);
  console.log(`${'index rebuilt (button enabled)'.padEnd(34)}${stats(cold.map((r) => r.built))}   runs: ${runs(cold.map((r) => r.built))}`);
  console.log(`${'list settled with its rows'.padEnd(34)}${stats(cold.map((r) => r.shown))}   runs: ${runs(cold.map((r) => r.shown))}`);

  title(`3. Tags list of ${TAGS.toLocaleString('en')}: frame gaps, ms`);
  header('', ['p50', 'p95', 'max', 'frames', 'loading', 'seconds']);
  const frameRow = (label, s) => console.log(`${label.padEnd(34)}${stats(s.gaps)}${String(s.gaps.length).padStart(8)}`
    + `${String(s.blank).padStart(8)}${f(s.ms / 1000)}`);
  frameRow('Settings screen at rest', settingsRest);
  frameRow('tag list at rest', rest);
  frameRow('scrolling top to bottom', scrolled);
  frameRow('again (pages in the UI cache)', again);
  console.log(`${'target'.padEnd(34)}${''.padStart(8)}${'20.0'.padStart(8)}${'50.0'.padStart(8)}`
    + '   ("loading": frames that began with a placeholder row in view)');

  title(`4. Tag filter on ${TAGS.toLocaleString('en')} tags: ms from the input event to the new count (in-page clock)`);
  header('filter', ['matching', 'DOM', 'frame', 'cached', 'frame', 'asked', 'answered']);
  const typed = filters.filter((r) => r.pass === 'typed');
  const cachedRuns = filters.filter((r) => r.pass === 'cached');
  FILTERS.forEach((value, i) => {
    const [first, again] = [typed[i], cachedRuns[i]];
    const matching = first.text.split(' of ')[0];
    console.log(`${filterLabel(value).padEnd(34)}${matching.padStart(8)}${f(first.dom)}${f(first.frame)}`
      + `${f(again.dom)}${f(again.frame)}${f(first.asked)}${f(first.answered)}`);
  });
  header('', ['p50', 'p95', 'max', 'target']);
  console.log(`${'typed: DOM'.padEnd(34)}${stats(typed.map((r) => r.dom))}${'16.7'.padStart(8)}`);
  console.log(`${'typed: next frame'.padEnd(34)}${stats(typed.map((r) => r.frame))}`);
  console.log(`${'cached: DOM'.padEnd(34)}${stats(cachedRuns.map((r) => r.dom))}${'16.7'.padStart(8)}`);
  console.log(`${'cached: next frame'.padEnd(34)}${stats(cachedRuns.map((r) => r.frame))}`);
  console.log('("asked", "answered": when the typed filter\'s page was asked of the backend and answered, ms from the input event)');
  console.log('one key at a time (a space among them), ms from the key\'s input event to the new count:');
  for (const { from, keys: typed } of TYPED) {
    const own = keys.filter((k) => k.from === from);
    const shown = own.map((k) => `${k.key === '\b' ? '⌫' : JSON.stringify(k.key)} ${k.unchanged ? '=' : f(k.dom, 0)}`).join('  ');
    console.log(`  from ${JSON.stringify(from).padEnd(12)}${shown}   ("=": the count did not change)`);
  }
  const changed = keys.filter((k) => !k.unchanged);
  header('', ['p50', 'p95', 'max', 'target']);
  console.log(`${`keys: DOM (${changed.length} of ${keys.length})`.padEnd(34)}${stats(changed.map((k) => k.dom))}${'16.7'.padStart(8)}`);
  console.log(`${'keys: next frame'.padEnd(34)}${stats(changed.map((k) => k.frame))}`);
  console.log('of which the backend (median of 9 round trips of the first page, no rendering):');
  console.log(`${'  a command that only answers'.padEnd(34)}${f(ipc.floor)}`);
  for (const value of DISTINCT_FILTERS) {
    console.log(`${`  query_tags ${filterLabel(value)}`.padEnd(34)}${f(ipc.pages[value])}`);
  }
  for (const [value, ms] of Object.entries(ipc.fresh)) {
    console.log(`${`  query_tags ${value}, first time`.padEnd(34)}${f(ms)}`);
  }

  title('5. Memory in MB: VmRSS (of which RssAnon, and Mesa\'s OpenGL with LLVM) and Pss (shared pages counted in part)');
  header('', ['app', 'anon', 'mesa', 'pss', 'web', 'anon', 'mesa', 'pss', 'network']);
  const trio = (m) => `${f(m?.rss)}${`(${(m?.anon ?? NaN).toFixed(1)})`.padStart(8)}${f(m?.mesa)}${f(m?.pss)}`;
  const memoryRow = (label, m) => console.log(`${label.padEnd(34)}${trio(m?.app)}${trio(m?.web)}${f(m?.network?.rss)}`);
  memoryRow('index + 20,000 tags shown', memoryLoaded);
  memoryRow('after scrolling and filtering', memoryUsed);
  memoryRow(`after ${COLD_RUNS} index rebuilds`, memoryRebuilt);
  console.log(`${'target'.padEnd(34)}${'150'.padStart(8)}${''.padStart(24)}${'300'.padStart(8)}`
    + '   (app: the swr-console process, Rust with GTK and WebKit\'s UI side; web: its WebKitWebProcess)');
} finally {
  await app.close();
  sandbox.child.stdin.end();
}
