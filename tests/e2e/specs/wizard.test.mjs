// The connection wizard on the real app against a real swr-sandbox: a wrong secret key is named
// as such, the right one verifies and becomes the active profile, the login outputs are masked
// until revealed, swrctl pushes with the profile the wizard saved (and fails on purpose once), and
// afterwards neither the secret key nor the login key is to be found in the config dir, the
// webview's data directories, its storage, the app's log or swrctl's output.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binDir, byTestId, copyArchive, launchApp, newConfigDir, screenshot, startSandbox } from '../harness.mjs';

const swrctl = join(binDir, 'swrctl');
const clipboardClearSecs = 3;

/** What the X clipboard holds now ('' when nothing is offered). */
function clipboardText() {
  const result = spawnSync('xclip', ['-o', '-selection', 'clipboard'], { encoding: 'utf8', timeout: 5_000 });
  if (result.error) throw new Error(`xclip is needed to read the clipboard: ${result.error.message}`);
  return result.status === 0 ? result.stdout : '';
}

/** Every file under `dir` whose bytes contain one of `needles`. */
function filesContaining(dir, needles) {
  const hits = [];
  if (!existsSync(dir)) return hits;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) continue;
    if (info.isDirectory()) hits.push(...filesContaining(path, needles));
    else if (info.isFile()) {
      const bytes = readFileSync(path);
      for (const needle of needles) if (bytes.includes(needle)) hits.push(`${path} holds ${needle.slice(0, 4)}…`);
    }
  }
  return hits;
}

async function typeInto(browser, id, value) {
  const input = await byTestId(browser, id);
  await input.clearValue();
  await input.setValue(value);
}

describe('connection wizard', () => {
  const configDir = newConfigDir('wizard');
  const dataHome = mkdtempSync(join(tmpdir(), 'swr-e2e-data-'));
  const cacheHome = mkdtempSync(join(tmpdir(), 'swr-e2e-cache-'));
  const logFile = join(mkdtempSync(join(tmpdir(), 'swr-e2e-log-')), 'app.log');
  let sandbox;
  let app;
  let browser;
  let admin;
  // Everything swrctl printed, searched for secrets at the end.
  const cliOutput = [];

  before(async () => {
    sandbox = await startSandbox();
    admin = sandbox.ready.accounts[0].users.find((u) => u.admin);
    app = await launchApp({
      configDir,
      logFile,
      env: {
        XDG_DATA_HOME: dataHome,
        XDG_CACHE_HOME: cacheHome,
        SWR_CONSOLE_LOG: 'debug',
        // Watch the clipboard wipe after a few seconds instead of the default minute.
        SWR_CONSOLE_CLIPBOARD_CLEAR_SECS: String(clipboardClearSecs),
      },
    });
    browser = app.browser;
  });

  after(async () => {
    try {
      await app?.close();
    } finally {
      // Stopped whatever happened to the app, or the suite would wait on it forever.
      sandbox?.child.stdin.end();
    }
  });

  it('names a wrong secret key, then verifies the right one', async () => {
    await (await byTestId(browser, 'nav-profiles')).click();
    await byTestId(browser, 'wizard');
    await byTestId(browser, 'wizard-region-cn-north-4');
    await screenshot(browser, 'wizard-regions');
    await typeInto(browser, 'wizard-region-search', sandbox.ready.region);
    const region = await byTestId(browser, `wizard-region-${sandbox.ready.region}`);
    await region.click();
    assert.equal(await region.getAttribute('data-selected'), 'true', 'the chosen region is marked');
    await screenshot(browser, 'wizard-region-chosen');
    await (await byTestId(browser, 'wizard-next')).click();

    await typeInto(browser, 'wizard-name', 'Sandbox E2E');
    await typeInto(browser, 'wizard-ak', admin.ak);
    await typeInto(browser, 'wizard-sk', `${admin.sk}-wrong`);
    await (await browser.$('[data-testid="wizard-advanced"] summary')).click();
    await typeInto(browser, 'wizard-project-id', sandbox.ready.project_id);

    // The backend's profile rules show on the field they are about, before anything is saved.
    await typeInto(browser, 'wizard-api-endpoint', 'http://swr.example.com');
    await (await byTestId(browser, 'wizard-save-verify')).click();
    const fieldText = async (id) => (await (await byTestId(browser, id)).$('..')).getText();
    await browser.waitUntil(async () => (await fieldText('wizard-api-endpoint')).includes('Plain http is allowed only for this machine'), {
      timeout: 10_000,
      timeoutMsg: 'the plain-http rule did not appear on the API endpoint field',
    });
    assert.equal(await (await byTestId(browser, 'wizard-api-endpoint')).getAttribute('aria-invalid'), 'true');
    assert.doesNotMatch(await fieldText('wizard-registry'), /Plain http/);
    assert.equal(await (await browser.$('[data-testid="wizard-verify-result"]')).isExisting(), false, 'nothing was saved or verified');
    await screenshot(browser, 'wizard-rule-on-field');

    await typeInto(browser, 'wizard-api-endpoint', sandbox.ready.api_endpoint);
    await typeInto(browser, 'wizard-registry', sandbox.ready.registry);
    await (await byTestId(browser, 'wizard-save-verify')).click();

    const failed = await byTestId(browser, 'wizard-verify-result', 30_000);
    assert.equal(await failed.getAttribute('data-failure'), 'wrongCredentials');
    assert.match(await failed.getText(), /SWR rejected the access key/);
    await screenshot(browser, 'wizard-wrong-sk');

    await (await byTestId(browser, 'wizard-back')).click();
    await typeInto(browser, 'wizard-sk', admin.sk);
    await (await byTestId(browser, 'wizard-save-verify')).click();
    await browser.waitUntil(
      async () => (await (await byTestId(browser, 'wizard-verify-result', 30_000)).getAttribute('data-state')) === 'verified',
      { timeout: 30_000, timeoutMsg: 'the right secret key never verified (is a Secret Service running?)' },
    );
    // The header re-renders from "no profile" to the new one: look the element up each time.
    let shown = '';
    await browser
      .waitUntil(
        async () => {
          shown = await (await browser.$('[data-testid="header-profile-name"]')).getProperty('textContent');
          return shown === 'Sandbox E2E';
        },
        { timeout: 10_000 },
      )
      .catch(() => assert.fail(`the header shows "${shown}" instead of the new profile`));
  });

  it('shows the logins masked until revealed', async () => {
    await (await byTestId(browser, 'wizard-next')).click();
    const docker = await byTestId(browser, 'login-text-docker');
    assert.match(await docker.getText(), /\*{8}/);
    const loginKey = createHmac('sha256', admin.sk).update(admin.ak).digest('hex');
    assert.doesNotMatch(await docker.getText(), new RegExp(loginKey));
    await (await byTestId(browser, 'login-reveal-docker')).click();
    await browser.waitUntil(async () => (await docker.getText()).includes(loginKey), {
      timeout: 10_000,
      timeoutMsg: 'revealing did not show the login key',
    });
    assert.equal(
      await docker.getText(),
      `docker login -u ${sandbox.ready.region}@${admin.ak} -p ${loginKey} ${sandbox.ready.registry}`,
    );
    // The backend copies (and will wipe) the clipboard; the page only says so.
    await (await byTestId(browser, 'login-copy-podman')).click();
    const status = await browser.$('[data-testid="login-output-podman"] [role="status"]');
    await status.waitForExist({ timeout: 10_000, timeoutMsg: 'copying failed' });
    assert.match(await status.getProperty('textContent'), new RegExp(`cleared in ${clipboardClearSecs} seconds`));
    await screenshot(browser, 'wizard-outputs');
    assert.ok(clipboardText().includes(loginKey), 'the copied podman login is not on the clipboard');
    await browser.waitUntil(async () => !clipboardText().includes(loginKey), {
      timeout: (clipboardClearSecs + 10) * 1000,
      interval: 500,
      timeoutMsg: 'the login key stayed on the clipboard after the wipe delay',
    });
  });

  it('pushes with the saved profile, and a push that fails on purpose names the refusal', () => {
    const env = { ...process.env, SWR_CONSOLE_CONFIG_DIR: configDir, XDG_DATA_HOME: dataHome, XDG_CACHE_HOME: cacheHome };
    const cli = (...args) => {
      const result = spawnSync(swrctl, args, { env, encoding: 'utf8', timeout: 120_000 });
      cliOutput.push(result.stdout ?? '', result.stderr ?? '');
      return result;
    };
    // A demo image of the sandbox, saved as an archive with skopeo, is what gets pushed.
    const tags = cli('ls', '--profile', 'Sandbox E2E', '--json', 'demo-base/alpine-mini');
    assert.equal(tags.status, 0, tags.stderr);
    const first = JSON.parse(tags.stdout)[0];
    assert.ok(first, 'the demo image has no tag');
    const source = `demo-base/alpine-mini:${first.tag}`;
    const archive = join(mkdtempSync(join(tmpdir(), 'swr-e2e-archive-')), 'image.tar');
    copyArchive(sandbox, admin, source, `docker-archive:${archive}:e2e/image:latest`);

    const pushed = cli('push', '--profile', 'Sandbox E2E', '--org', 'demo-apps', '--name', 'e2e-pushed', '--tag', 'v1', '--json', archive);
    assert.equal(pushed.status, 0, pushed.stdout + pushed.stderr);
    const listed = cli('ls', '--profile', 'Sandbox E2E', '--json', 'demo-apps/e2e-pushed');
    assert.deepEqual(JSON.parse(listed.stdout).map((t) => t.tag), ['v1']);

    const refused = cli('push', '--profile', 'Sandbox E2E', '--org', 'no-such-org', '--json', archive);
    assert.equal(refused.status, 1);
    assert.match(refused.stdout + refused.stderr, /denied/i);
  });

  it('leaves no secret key or login key in files, webview storage, the log or swrctl output', async () => {
    const loginKey = createHmac('sha256', admin.sk).update(admin.ak).digest('hex');
    const needles = [admin.sk, loginKey];
    const storage = await browser.execute(() =>
      JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }),
    );
    for (const needle of needles) assert.ok(!storage.includes(needle), 'a secret is in webview storage');
    // Let the webview flush what it keeps on disk before looking.
    await app.close();
    app = null;
    const hits = [configDir, dataHome, cacheHome].flatMap((dir) => filesContaining(dir, needles));
    assert.deepEqual(hits, []);
    // The app logged at debug level, including the failed verification, and never a secret.
    const log = readFileSync(logFile, 'utf8');
    assert.match(log, /verification failed/);
    for (const needle of needles) assert.ok(!log.includes(needle), 'a secret is in the app log');
    const printed = cliOutput.join('\n');
    assert.ok(printed.includes('e2e-pushed'), 'swrctl output was not collected');
    for (const needle of needles) assert.ok(!printed.includes(needle), 'a secret is in swrctl output');
    assert.ok(readFileSync(join(configDir, 'profiles.json'), 'utf8').includes(admin.ak));
  });
});
