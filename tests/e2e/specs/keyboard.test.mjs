// The keyboard alone, on the real app against a real swr-sandbox: a new user sets up a profile
// through the wizard, pushes an archive from Uploads, then browses to an image and works its
// tags without touching the mouse. Every control is reached with Tab, shows where the focus is,
// and is worked with Enter, Space, arrows or typing. What changed is read back with swrctl.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Key } from 'webdriverio';
import { appBinary, binDir, byTestId, chosen, copyArchive, launchApp, newConfigDir, screenshot, startSandbox } from '../harness.mjs';

const swrctl = join(binDir, 'swrctl');
/** More Tab presses than any screen has stops before the control a test is after. */
const maxTabs = 80;

/**
 * Presses Tab until the focused element matches `selector`, and checks that the focus can be
 * seen there: an outline on the element, or on the card or option that holds a hidden input.
 */
async function tabTo(browser, selector) {
  for (let presses = 0; presses <= maxTabs; presses += 1) {
    const focus = await browser.execute((wanted) => {
      const element = document.activeElement;
      if (!element || !element.matches(wanted)) return null;
      const ringed = [element, element.closest('label')].find(
        (candidate) => candidate && getComputedStyle(candidate).outlineStyle !== 'none',
      );
      return { ring: ringed !== undefined, visible: element.matches(':focus-visible') };
    }, selector);
    if (focus) {
      assert.ok(focus.visible && focus.ring, `${selector} has the focus but shows no focus ring`);
      return;
    }
    await browser.keys(Key.Tab);
  }
  assert.fail(`Tab never reached ${selector} in ${maxTabs} presses`);
}

/**
 * Tabs to a field, empties it and types `value` key by key. One action per key: WebKitWebDriver
 * drops the second of two equal keys sent in one action ("//" arrives as "/").
 */
async function typeInto(browser, selector, value) {
  await tabTo(browser, selector);
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys(Key.Backspace);
  for (const key of value) await browser.keys(key);
  const typed = await browser.execute(() => document.activeElement?.value);
  assert.equal(typed, value, `${selector} did not take what was typed`);
}

const byId = (id) => `[data-testid="${id}"]`;

describe('keyboard only', () => {
  const configDir = newConfigDir('keyboard');
  const work = mkdtempSync(join(tmpdir(), 'swr-e2e-keyboard-'));
  const archive = join(work, 'alpine.tar');
  let sandbox;
  let admin;
  let app;
  let browser;
  const env = { ...process.env, SWR_CONSOLE_CONFIG_DIR: configDir };

  before(async () => {
    sandbox = await startSandbox();
    admin = sandbox.ready.accounts[0].users.find((u) => u.admin);
    // A docker archive written by skopeo from one of the sandbox's demo images.
    copyArchive(sandbox, admin, 'demo-base/alpine-mini:3.20', `docker-archive:${archive}:keys/keyboard-alpine:3.20`);
    app = await launchApp({ configDir });
    browser = app.browser;
  });

  after(async () => {
    try {
      await app?.close();
    } finally {
      sandbox?.child.stdin.end();
    }
  });

  it('sets up and verifies a profile in the wizard', async () => {
    await tabTo(browser, byId('nav-profiles'));
    await browser.keys(Key.Enter);
    await byTestId(browser, 'wizard');

    await typeInto(browser, byId('wizard-region-search'), sandbox.ready.region);
    // Tab enters the group of regions; Space chooses the one that has the focus.
    await tabTo(browser, `${byId(`wizard-region-${sandbox.ready.region}`)} input`);
    await browser.keys(Key.Space);
    const region = await byTestId(browser, `wizard-region-${sandbox.ready.region}`);
    await browser.waitUntil(async () => (await region.getAttribute('data-selected')) === 'true', {
      timeout: 5_000,
      timeoutMsg: 'Space did not choose the region',
    });
    await screenshot(browser, 'keyboard-wizard-region');
    await tabTo(browser, byId('wizard-next'));
    await browser.keys(Key.Enter);

    await typeInto(browser, byId('wizard-name'), 'Keyboard');
    await typeInto(browser, byId('wizard-ak'), admin.ak);
    await typeInto(browser, byId('wizard-sk'), admin.sk);
    // The advanced endpoints are folded away; Enter on the summary unfolds them.
    await tabTo(browser, `${byId('wizard-advanced')} summary`);
    await browser.keys(Key.Enter);
    await typeInto(browser, byId('wizard-project-id'), sandbox.ready.project_id);
    await typeInto(browser, byId('wizard-api-endpoint'), sandbox.ready.api_endpoint);
    await typeInto(browser, byId('wizard-registry'), sandbox.ready.registry);
    await screenshot(browser, 'keyboard-wizard-credentials');
    await tabTo(browser, byId('wizard-save-verify'));
    await browser.keys(Key.Enter);

    await browser.waitUntil(
      async () => (await (await byTestId(browser, 'wizard-verify-result', 30_000)).getAttribute('data-state')) === 'verified',
      { timeout: 30_000, timeoutMsg: 'the profile typed in with the keyboard did not verify' },
    );
    const listed = spawnSync(swrctl, ['profile', 'list', '--json'], { env, encoding: 'utf8', timeout: 30_000 });
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual(
      JSON.parse(listed.stdout).map((row) => [row.profile.name, row.active, row.secretKeyStored]),
      [['Keyboard', true, true]],
      'the profile is saved, active, with its secret key in the keyring',
    );
  });

  it('chooses an organization and queues an archive in Uploads, and the tag is pushed', async () => {
    // A file manager's "Open with" hands the file over; the rest is keys.
    const second = spawnSync(appBinary, [archive], { env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(second.status, 0, `the second launch failed: ${second.stderr}`);
    await byTestId(browser, 'screen-uploads', 20_000);
    const item = `[data-testid="upload-item"][data-file="alpine.tar"]`;
    await browser
      .waitUntil(async () => (await (await browser.$(item)).getAttribute('data-validation')) === 'valid', { timeout: 60_000 })
      .catch(() => assert.fail('the archive was not validated'));
    const organization = await browser.$(`${item} ${byId('upload-organization')}`);
    await organization.waitForEnabled({ timeout: 30_000 });

    // ↓ opens a focused list, arrows walk its entries and Enter chooses, as on every desktop.
    await tabTo(browser, `${item} ${byId('upload-organization')}`);
    await browser.keys(Key.ArrowDown);
    const list = await browser.$(`#${await organization.getAttribute('aria-controls')}`);
    await list
      .$('[role="option"][data-value="demo-apps"]')
      .waitForExist({ timeout: 30_000, timeoutMsg: 'the organizations never loaded' });
    const highlighted = () => browser.execute((el) => el.querySelector('[data-highlighted]')?.dataset.value ?? null, list);
    for (let presses = 0; presses < 20 && (await highlighted()) !== 'demo-apps'; presses += 1) {
      await browser.keys(Key.ArrowDown);
    }
    assert.equal(await highlighted(), 'demo-apps', 'arrow keys never reached demo-apps');
    await screenshot(browser, 'keyboard-uploads-organization-list');
    await browser.keys(Key.Enter);
    await browser
      .waitUntil(async () => (await chosen(organization)) === 'demo-apps', { timeout: 5_000 })
      .catch(() => assert.fail('Enter did not choose demo-apps'));

    await tabTo(browser, `${item} ${byId('upload-queue')}`);
    await screenshot(browser, 'keyboard-uploads-ready');
    await browser.keys(Key.Enter);
    await browser
      .waitUntil(async () => (await (await browser.$(item)).getAttribute('data-state')) === 'done', { timeout: 120_000 })
      .catch(() => assert.fail('the archive queued with the keyboard was not pushed'));

    const tags = spawnSync(swrctl, ['ls', '--json', 'demo-apps/keyboard-alpine'], { env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(tags.status, 0, tags.stderr);
    assert.deepEqual(JSON.parse(tags.stdout).map((t) => t.tag), ['3.20']);
  });

  it('walks the images with arrows, sorts and widens the tag columns, selects tags and inspects one', async () => {
    await tabTo(browser, byId('nav-images'));
    await browser.keys(Key.Enter);
    await byTestId(browser, 'screen-images');
    await browser.waitUntil(async () => (await browser.$$('[data-testid="image-row"]')).length >= 3, {
      timeout: 30_000,
      timeoutMsg: 'the images never listed',
    });

    // One row of the list is a tab stop; arrows move between rows, Enter opens the image.
    await tabTo(browser, '[data-testid="image-row"]');
    const focusedImage = () => browser.execute(() => document.activeElement?.getAttribute('data-image'));
    for (let presses = 0; presses < 10 && (await focusedImage()) !== 'demo-apps/web'; presses += 1) {
      await browser.keys(Key.ArrowDown);
    }
    assert.equal(await focusedImage(), 'demo-apps/web', 'the arrows never reached demo-apps/web');
    await screenshot(browser, 'keyboard-images-row');
    await browser.keys(Key.Enter);
    await byTestId(browser, 'image-page');

    // The open tab is the tabs' one stop; the arrow moves to the next tab and opens it.
    await tabTo(browser, byId('tab-overview'));
    await browser.keys(Key.ArrowRight);
    await browser.waitUntil(async () => (await browser.$$('[data-testid="tag-row"]')).length === 3, {
      timeout: 30_000,
      timeoutMsg: 'the three tags of demo-apps/web never listed',
    });

    // A header sorts with Enter; Alt+Right widens its column.
    await tabTo(browser, byId('sort-pushed'));
    await browser.keys(Key.Enter);
    const pushed = await browser.$('[role="columnheader"][data-column="pushed"]');
    await browser.waitUntil(async () => (await pushed.getAttribute('aria-sort')) === 'descending', {
      timeout: 5_000,
      timeoutMsg: 'Enter on the Pushed header did not sort by it',
    });
    const width = () => browser.execute(() => document.querySelector('[data-column="pushed"]')?.getBoundingClientRect().width ?? 0);
    const before = await width();
    await browser.keys([Key.Alt, Key.ArrowRight]);
    await browser.waitUntil(async () => (await width()) > before, {
      timeout: 5_000,
      timeoutMsg: 'Alt+Right on the Pushed header did not widen it',
    });

    // Space selects the focused row; Shift+Space extends to the next; Ctrl+A takes every tag.
    await tabTo(browser, '[data-testid="tag-row"]');
    await browser.keys(Key.Space);
    await browser.keys(Key.ArrowDown);
    await browser.keys([Key.Shift, Key.Space]);
    const selected = () => browser.execute(() => [...document.querySelectorAll('[data-testid="tag-row"][aria-selected="true"]')].length);
    await browser.waitUntil(async () => (await selected()) === 2, { timeout: 5_000, timeoutMsg: 'Space and Shift+Space did not select two rows' });
    assert.match(await (await byTestId(browser, 'tags-selected')).getText(), /2/);
    await browser.keys([Key.Ctrl, 'a']);
    await browser.waitUntil(async () => (await selected()) === 3, { timeout: 5_000, timeoutMsg: 'Ctrl+A did not select every tag' });
    await screenshot(browser, 'keyboard-tags-selected');

    // Enter inspects the focused tag; Escape closes the report and the focus is back on the row.
    const row = await browser.execute(() => document.activeElement?.getAttribute('data-tag'));
    await browser.keys(Key.Enter);
    await byTestId(browser, 'inspect-panel', 30_000);
    await browser.keys(Key.Escape);
    await browser.waitUntil(async () => (await browser.$$('[data-testid="inspect-panel"]')).length === 0, {
      timeout: 5_000,
      timeoutMsg: 'Escape did not close the inspection',
    });
    const back = await browser.execute(() => document.activeElement?.getAttribute('data-tag'));
    assert.equal(back, row, 'the focus did not come back to the inspected row');
  });
});
