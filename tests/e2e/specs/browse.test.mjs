// The browsing screens on the real app against a real swr-sandbox with its demo data: the
// Dashboard it lands on, the Images
// list and its search, an image's Overview with pull commands that land on the clipboard, the
// Tags tab with its version-range filter, an inspection whose layers are the registry's own, a
// deletion of two tags through the typed-confirmation preview, a copy of a tag to another
// organization, the Organizations list, the command palette, and the Images list in Chinese.
// What the app claims to have done is read back outside it, with swrctl (its own fresh listing,
// with credentials from the environment) and with skopeo straight from the registry, since a
// screen that only agrees with itself proves nothing. A screenshot of each state goes to
// tests/e2e/artifacts/.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Key } from 'webdriverio';
import { addSandboxProfile, binDir, byTestId, launchApp, loginOf, newConfigDir, screenshot, startSandbox } from '../harness.mjs';

const swrctl = join(binDir, 'swrctl');
const demoImages = ['demo-apps/api', 'demo-apps/web', 'demo-base/alpine-mini'];

/** What the X clipboard holds now ('' when nothing is offered). */
function clipboardText() {
  const result = spawnSync('xclip', ['-o', '-selection', 'clipboard'], { encoding: 'utf8', timeout: 5_000 });
  if (result.error) throw new Error(`xclip is needed to read the clipboard: ${result.error.message}`);
  return result.status === 0 ? result.stdout : '';
}

/** `name` of every element matching `selector`, in document order, read in one go. */
function attributesOf(browser, selector, name) {
  return browser.execute(
    (s, n) => [...document.querySelectorAll(s)].map((element) => element.getAttribute(n)),
    selector,
    name,
  );
}

/** Waits until the elements matching `selector` carry exactly the values `wanted` (any order). */
async function waitForSet(browser, selector, name, wanted, what, timeout = 20_000) {
  const expected = [...wanted].sort();
  let seen = [];
  await browser
    .waitUntil(
      async () => {
        seen = (await attributesOf(browser, selector, name)).sort();
        return JSON.stringify(seen) === JSON.stringify(expected);
      },
      { timeout, interval: 150 },
    )
    .catch(() => assert.fail(`${what}: showed [${seen.join(', ')}], expected [${expected.join(', ')}]`));
}

/** Waits until the element with `data-testid` reads exactly `wanted`. */
async function waitForText(browser, testId, wanted, timeout = 10_000) {
  let seen;
  await browser
    .waitUntil(
      async () => {
        seen = await (await byTestId(browser, testId)).getText();
        return seen === wanted;
      },
      { timeout, interval: 150 },
    )
    .catch(() => assert.fail(`${testId} reads "${seen}" instead of "${wanted}"`));
}

/** Replaces the text of a (React-controlled) field the way a user does: select all, type. */
async function typeInto(browser, element, value) {
  await element.click();
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys(Key.Backspace);
  if (value !== '') await element.addValue(value);
  await browser.waitUntil(async () => (await element.getValue()) === value, {
    timeout: 5_000,
    timeoutMsg: `the field kept "${value}" from being typed`,
  });
}

/** The Close button of a dialog's footer, or else of its title bar. */
async function closeDialog(browser, testId) {
  const footer = await browser.$(`[data-testid="${testId}"] .dialog-footer button`);
  const button = (await footer.isExisting()) ? footer : await browser.$(`[data-testid="${testId}"] .dialog-header button`);
  await button.click();
  await (await browser.$(`[data-testid="${testId}"]`)).waitForExist({ reverse: true, timeout: 10_000 });
}

describe('browsing images, tags and organizations', () => {
  const configDir = newConfigDir('browse');
  let sandbox;
  let admin;
  let app;
  let browser;
  /** Credentials for swrctl from the environment only: no profile, nothing the app keeps. */
  let cliEnv;
  let creds;

  /** Lines of `swrctl ls PATH`, a listing fetched afresh from SWR. */
  const ls = (path) => {
    const listed = spawnSync(swrctl, ['ls', ...(path ? [path] : [])], { env: cliEnv, encoding: 'utf8', timeout: 120_000 });
    assert.equal(listed.status, 0, listed.stderr);
    return listed.stdout.split('\n').filter((line) => line !== '');
  };
  /** The manifest bytes the registry serves for `org/image:tag`, read by skopeo. */
  const rawManifest = (reference) =>
    spawnSync(
      'skopeo',
      ['inspect', '--raw', '--tls-verify=false', '--creds', creds, `docker://${sandbox.ready.registry}/${reference}`],
      { timeout: 60_000 },
    );
  const manifestDigest = (reference) => {
    const read = rawManifest(reference);
    assert.equal(read.status, 0, `skopeo could not read ${reference}: ${read.stderr}`);
    return `sha256:${createHash('sha256').update(read.stdout).digest('hex')}`;
  };
  const tagRow = (tag) => browser.$(`[data-testid="tag-row"][data-tag="${tag}"]`);
  const inTagRow = async (tag, testId) => {
    const element = await (await tagRow(tag)).$(`[data-testid="${testId}"]`);
    await element.waitForDisplayed({ timeout: 15_000, timeoutMsg: `the row of ${tag} has no ${testId}` });
    return element;
  };

  before(async () => {
    sandbox = await startSandbox();
    admin = sandbox.ready.accounts[0].users.find((u) => u.admin);
    creds = loginOf(sandbox, admin);
    cliEnv = {
      ...process.env,
      SWR_CONSOLE_CONFIG_DIR: newConfigDir('browse-cli'),
      SWR_REGION: sandbox.ready.region,
      SWR_AK: admin.ak,
      SWR_SK: admin.sk,
      SWR_PROJECT_ID: sandbox.ready.project_id,
      SWR_API_ENDPOINT: sandbox.ready.api_endpoint,
      SWR_REGISTRY: sandbox.ready.registry,
    };

    addSandboxProfile(configDir, sandbox, admin);

    app = await launchApp({ configDir });
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

  it('lands on the Dashboard, whose totals agree with a fresh listing', async () => {
    // The upload queue is empty, so the app opens on the Dashboard.
    await byTestId(browser, 'screen-dashboard', 20_000);
    const tile = (name) => browser.$(`[data-testid="dashboard-tile"][data-tile="${name}"] .tile-value`);
    const organizations = ls();
    const listed = spawnSync(swrctl, ['ls', '--json'], { env: cliEnv, encoding: 'utf8', timeout: 120_000 });
    assert.equal(listed.status, 0, listed.stderr);
    const images = JSON.parse(listed.stdout).reduce((sum, org) => sum + org.imageCount, 0);
    await browser
      .waitUntil(
        async () =>
          (await (await tile('organizations')).getText()) === String(organizations.length) &&
          (await (await tile('images')).getText()) === String(images),
        { timeout: 20_000, interval: 200 },
      )
      .catch(() => assert.fail(`the tiles never showed ${organizations.length} organizations and ${images} images`));
    await screenshot(browser, 'browse-dashboard');
  });

  it('lists the demo images and narrows them by search', async () => {
    await (await byTestId(browser, 'nav-images')).click();
    await byTestId(browser, 'screen-images');
    await waitForSet(browser, '[data-testid="image-row"]', 'data-image', demoImages, 'the image list');
    await waitForText(browser, 'images-count', '3 of 3 images');
    await screenshot(browser, 'browse-images');

    await typeInto(browser, await byTestId(browser, 'images-search'), 'web');
    await waitForSet(browser, '[data-testid="image-row"]', 'data-image', ['demo-apps/web'], 'the search for "web"');
    await waitForText(browser, 'images-count', '1 of 3 images');
    await screenshot(browser, 'browse-images-search');
  });

  it('shows the pull commands of an image and copies the docker one', async () => {
    await (await browser.$('[data-testid="image-row"][data-image="demo-apps/web"]')).click();
    const page = await byTestId(browser, 'image-page');
    assert.equal(await page.getAttribute('data-image'), 'demo-apps/web');
    await (await browser.$('[data-testid="pull-command"][data-tool="docker"]')).waitForDisplayed({ timeout: 20_000 });
    const commands = await attributesOf(browser, '[data-testid="pull-command"]', 'data-tool');
    assert.ok(commands.includes('docker') && commands.length > 1, `pull commands for: ${commands.join(', ')}`);
    const dockerLine = await browser.$('[data-testid="pull-command"][data-tool="docker"]');
    const command = await dockerLine.getProperty('textContent');
    assert.equal(command, `docker pull ${sandbox.ready.registry}/demo-apps/web:latest`);
    // Every tool's line names the sandbox's registry.
    const texts = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="pull-command"]')].map((e) => e.textContent),
    );
    for (const text of texts) assert.ok(text.includes(`${sandbox.ready.registry}/demo-apps/web`), `a pull line reads ${text}`);

    await (await browser.$('[data-testid="pull-copy"][data-tool="docker"]')).click();
    await browser
      .waitUntil(() => clipboardText() === command, { timeout: 10_000, interval: 200 })
      .catch(() => assert.fail(`the clipboard holds "${clipboardText()}" instead of "${command}"`));
    await browser.waitUntil(
      async () => (await (await browser.$('[data-testid="pull-copy"][data-tool="docker"]')).getText()).includes('Copied'),
      { timeout: 5_000, timeoutMsg: 'the button does not say the command was copied' },
    );
    await screenshot(browser, 'browse-overview');
  });

  it('lists the tags with their OS/arch and filters them by version range', async () => {
    await (await byTestId(browser, 'tab-tags')).click();
    const rows = '[data-testid="tag-row"]';
    await waitForSet(browser, rows, 'data-tag', ['latest', 'v1.0.0', 'v1.1.0'], 'the tag list');
    await waitForText(browser, 'tags-count', '3 of 3 tags');
    // Each tag's OS/arch is what its image config says, as skopeo reads it.
    for (const tag of ['latest', 'v1.0.0', 'v1.1.0']) {
      const read = spawnSync(
        'skopeo',
        ['inspect', '--config', '--tls-verify=false', '--creds', creds, `docker://${sandbox.ready.registry}/demo-apps/web:${tag}`],
        { timeout: 60_000 },
      );
      assert.equal(read.status, 0, `skopeo could not read the config of ${tag}: ${read.stderr}`);
      const config = JSON.parse(read.stdout.toString('utf8'));
      const platform = `${config.os}/${config.architecture}`;
      // The cell is drawn anew once its answer comes, so it is looked up each time.
      const shown = async () => (await inTagRow(tag, 'tag-platforms')).getText();
      await browser
        .waitUntil(async () => (await shown()) === platform, { timeout: 15_000, interval: 200 })
        .catch(async () => assert.fail(`the OS/arch of ${tag} reads "${await shown()}", not ${platform}`));
    }
    await screenshot(browser, 'browse-tags');

    const filter = await byTestId(browser, 'tags-filter');
    await typeInto(browser, filter, '>=1.1');
    // `latest` is not a version, so a range leaves it out.
    await waitForSet(browser, rows, 'data-tag', ['v1.1.0'], 'the filter >=1.1');
    await waitForText(browser, 'tags-count', '1 of 3 tags');
    await screenshot(browser, 'browse-tags-range');

    await typeInto(browser, filter, '>=abc');
    const problem = await byTestId(browser, 'tags-filter-problem');
    assert.ok((await problem.getText()).trim().length > 0, 'an invalid range shows no problem text');
    assert.equal(await filter.getAttribute('aria-invalid'), 'true');
    await screenshot(browser, 'browse-tags-invalid-range');

    await typeInto(browser, filter, '');
    await waitForSet(browser, rows, 'data-tag', ['latest', 'v1.0.0', 'v1.1.0'], 'the cleared filter');
    await (await browser.$('[data-testid="tags-filter-problem"]')).waitForExist({ reverse: true, timeout: 5_000 });
  });

  it('inspects a tag and shows the layers the registry lists', async () => {
    await (await inTagRow('v1.0.0', 'tag-inspect')).click();
    const panel = await byTestId(browser, 'inspect-panel');
    await (await browser.$('[data-testid="inspect-layer"]')).waitForExist({
      timeout: 30_000,
      timeoutMsg: 'the inspection shows no layer',
    });
    const shown = await attributesOf(browser, '[data-testid="inspect-layer"]', 'data-digest');
    const read = rawManifest('demo-apps/web:v1.0.0');
    assert.equal(read.status, 0, `skopeo could not read the manifest: ${read.stderr}`);
    const manifest = JSON.parse(read.stdout.toString('utf8'));
    assert.deepEqual(shown, manifest.layers.map((layer) => layer.digest));
    assert.ok((await panel.getText()).includes(manifest.config.digest), 'the panel does not name the config digest');
    await screenshot(browser, 'browse-inspect');
    await closeDialog(browser, 'inspect-panel');
  });

  it('deletes two tags through the preview, and SWR and the registry no longer have them', async () => {
    for (const tag of ['v1.0.0', 'v1.1.0']) await (await inTagRow(tag, 'row-select')).click();
    await waitForText(browser, 'tags-selected', '2 selected');
    await (await byTestId(browser, 'tags-delete')).click();
    await byTestId(browser, 'deletion-dialog');
    await waitForSet(browser, '[data-testid="deletion-item"]', 'data-tag', ['v1.0.0', 'v1.1.0'], 'the deletion preview');
    // v1.0.0's image goes with it; v1.1.0's stays, since `latest` is the same image.
    const gone = await browser.$('[data-testid="deletion-item"][data-tag="v1.0.0"]');
    assert.equal(await gone.getAttribute('data-image-gone'), 'true');
    const kept = await browser.$('[data-testid="deletion-item"][data-tag="v1.1.0"]');
    assert.equal(await kept.getAttribute('data-image-gone'), 'false');
    assert.match(await kept.getText(), /also tagged latest/);

    const confirm = await byTestId(browser, 'deletion-confirm');
    const input = await byTestId(browser, 'deletion-confirm-input');
    assert.equal(await confirm.isEnabled(), false, 'deleting is possible before the name is typed');
    await typeInto(browser, input, 'demo-apps/we');
    assert.equal(await confirm.isEnabled(), false, 'a partly typed name allows deleting');
    await typeInto(browser, input, 'demo-apps/web');
    await browser.waitUntil(() => confirm.isEnabled(), { timeout: 5_000, timeoutMsg: 'the typed name does not allow deleting' });
    await screenshot(browser, 'browse-delete-preview');

    await confirm.click();
    const result = await byTestId(browser, 'deletion-result', 60_000);
    assert.match(await result.getText(), /Deleted 2 tags: /);
    assert.match(await result.getText(), /v1\.0\.0/);
    assert.match(await result.getText(), /v1\.1\.0/);
    assert.equal(await browser.$$('[data-testid="deletion-failure"]').length, 0);
    await screenshot(browser, 'browse-delete');

    const listed = ls('demo-apps/web');
    assert.deepEqual(listed, ['demo-apps/web:latest']);
    assert.notEqual(rawManifest('demo-apps/web:v1.0.0').status, 0, 'the registry still serves v1.0.0');
    // The image v1.1.0 shared with `latest` is still there.
    manifestDigest('demo-apps/web:latest');

    await closeDialog(browser, 'deletion-dialog');
    await waitForSet(browser, '[data-testid="tag-row"]', 'data-tag', ['latest'], 'the tag list after deleting');
  });

  it('copies a tag to another organization, and the copy is the same image', async () => {
    await (await inTagRow('latest', 'row-select')).click();
    const copyButton = await byTestId(browser, 'tags-copy');
    await browser.waitUntil(() => copyButton.isEnabled(), { timeout: 5_000, timeoutMsg: 'Copy to… stays disabled' });
    await copyButton.click();
    await byTestId(browser, 'copy-dialog');
    const target = await byTestId(browser, 'copy-target');
    // It starts as the same image with the tag left to fill in.
    assert.equal(await target.getValue(), 'demo-apps/web:');
    await typeInto(browser, target, 'demo-base/web-copy:promoted');
    await screenshot(browser, 'browse-copy-target');
    // The backend checks the target's names before the button lets it through.
    const copySubmit = await byTestId(browser, 'copy-submit');
    await browser.waitUntil(() => copySubmit.isEnabled(), { timeout: 10_000, timeoutMsg: 'Copy stays disabled' });
    await copySubmit.click();
    const result = await byTestId(browser, 'copy-result', 60_000);
    assert.match(await result.getText(), /Copied to demo-base\/web-copy:promoted/);
    await screenshot(browser, 'browse-copy');

    assert.equal(manifestDigest('demo-base/web-copy:promoted'), manifestDigest('demo-apps/web:latest'));
    assert.deepEqual(ls('demo-base/web-copy'), ['demo-base/web-copy:promoted']);
    await closeDialog(browser, 'copy-dialog');

    await (await byTestId(browser, 'nav-images')).click();
    await byTestId(browser, 'screen-images');
    const refresh = await byTestId(browser, 'images-refresh');
    await browser.waitUntil(() => refresh.isEnabled(), { timeout: 20_000 });
    await refresh.click();
    await waitForSet(
      browser,
      '[data-testid="image-row"]',
      'data-image',
      [...demoImages, 'demo-base/web-copy'],
      'the image list after Refresh',
      30_000,
    );
    await screenshot(browser, 'browse-images-refreshed');
  });

  it('lists the organizations with their image counts', async () => {
    await (await byTestId(browser, 'nav-organizations')).click();
    await byTestId(browser, 'screen-organizations');
    await waitForSet(browser, '[data-testid="organization-row"]', 'data-organization', ['demo-apps', 'demo-base'], 'the organizations');
    for (const organization of ['demo-apps', 'demo-base']) {
      const row = await browser.$(`[data-testid="organization-row"][data-organization="${organization}"]`);
      const count = await (await row.$('[role="gridcell"].cell-number')).getProperty('innerText');
      assert.equal(count, String(ls(organization).length), `${organization} shows ${count} images`);
    }
    await screenshot(browser, 'browse-organizations');
  });

  it('opens an image from the command palette', async () => {
    await browser.keys([Key.Ctrl, 'k']);
    const input = await byTestId(browser, 'palette-input');
    await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.dataset.testid)) === 'palette-input', {
      timeout: 5_000,
      timeoutMsg: 'the palette input does not take the focus',
    });
    await input.addValue('alpine');
    const first = await browser.$('[data-testid="palette-item"][aria-selected="true"]');
    await browser
      .waitUntil(async () => (await first.isExisting()) && (await first.getAttribute('data-target')) === 'demo-base/alpine-mini', {
        timeout: 15_000,
      })
      .catch(() => assert.fail('the palette does not offer demo-base/alpine-mini first'));
    await waitForSet(browser, '[data-testid="palette-item"]', 'data-target', ['demo-base/alpine-mini'], 'the palette results');
    await screenshot(browser, 'browse-palette');

    await browser.keys(Key.Enter);
    await (await browser.$('[data-testid="palette"]')).waitForExist({ reverse: true, timeout: 5_000 });
    await browser.waitUntil(
      async () => (await (await byTestId(browser, 'image-page')).getAttribute('data-image')) === 'demo-base/alpine-mini',
      { timeout: 10_000, timeoutMsg: 'Enter did not open demo-base/alpine-mini' },
    );
    await (await browser.$('[data-testid="pull-command"][data-tool="docker"]')).waitForDisplayed({ timeout: 20_000 });
    await screenshot(browser, 'browse-palette-opened');
  });

  it('shows the image list in Chinese', async () => {
    await (await byTestId(browser, 'nav-settings')).click();
    await (await byTestId(browser, 'settings-language-zh-CN')).click();
    await browser.waitUntil(async () => (await (await byTestId(browser, 'nav-settings')).getText()).includes('设置'), {
      timeout: 5_000,
      timeoutMsg: 'the sidebar did not switch to Chinese',
    });
    await (await byTestId(browser, 'nav-images')).click();
    await waitForSet(
      browser,
      '[data-testid="image-row"]',
      'data-image',
      [...demoImages, 'demo-base/web-copy'],
      'the image list in Chinese',
    );
    assert.equal(await (await browser.$('#images-title')).getText(), '镜像');
    await waitForText(browser, 'images-count', '4 / 4 个镜像');
    await screenshot(browser, 'browse-images-zh-CN');
  });
});
