// The image page's Sync tab on the real app, against a sandbox that serves two regions: a rule
// to the second region, the gap view listing what is missing there, a sync of those tags whose
// copies skopeo reads from the second region's registry digest for digest, and the gap view
// showing nothing missing afterwards and the new tag after a push. Every change is read back
// outside the app, with swrctl (credentials from the environment) or skopeo.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Key } from 'webdriverio';
import { addSandboxProfile, binDir, byTestId, choose, copyArchive, launchApp, newConfigDir, screenshot, startSandbox } from '../harness.mjs';

const swrctl = join(binDir, 'swrctl');
const ORG = 'e2e-sync';
const IMAGE = `${ORG}/svc`;

const attributesOf = (browser, selector, name) =>
  browser.execute((s, n) => [...document.querySelectorAll(s)].map((e) => e.getAttribute(n)), selector, name);

async function press(browser, testId, timeout = 15_000) {
  const button = await byTestId(browser, testId, timeout);
  await browser.waitUntil(() => button.isEnabled(), { timeout, timeoutMsg: `${testId} stays disabled` });
  await button.click();
}

async function typeInto(browser, element, value) {
  await element.click();
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys(Key.Backspace);
  if (value !== '') await element.addValue(value);
}

describe('region sync', () => {
  const configDir = newConfigDir('sync');
  const work = mkdtempSync(join(tmpdir(), 'swr-e2e-sync-'));
  const archive = join(work, 'svc.tar');
  let sandbox;
  let east;
  let admin;
  let app;
  let browser;
  let cliEnv;

  const run = (env, args) => spawnSync(swrctl, args, { env, encoding: 'utf8', timeout: 120_000 });
  const json = (env, args) => {
    const out = run(env, args);
    assert.equal(out.status, 0, `swrctl ${args.join(' ')}: ${out.stderr}`);
    return JSON.parse(out.stdout);
  };
  const push = (tag) => {
    const out = run(cliEnv, ['push', '--json', '--org', ORG, '--name', 'svc', '--tag', tag, archive]);
    assert.equal(out.status, 0, `push ${tag}: ${out.stderr}`);
  };
  const tags = () => json(cliEnv, ['ls', IMAGE, '--json']).map((t) => t.tag).sort();
  /** The digest of the manifest a registry serves for a reference ('' when it serves none). */
  const digestIn = (region, registry, reference) => {
    const key = createHmac('sha256', admin.sk).update(admin.ak).digest('hex');
    const out = spawnSync(
      'skopeo',
      ['inspect', '--raw', '--tls-verify=false', '--creds', `${region}@${admin.ak}:${key}`, `docker://${registry}/${reference}`],
      { encoding: 'buffer', timeout: 60_000 },
    );
    return out.status === 0 ? `sha256:${createHash('sha256').update(out.stdout).digest('hex')}` : '';
  };
  const gap = () => browser.$(`[data-testid="sync-gap"][data-region="${east.region}"]`);

  before(async () => {
    sandbox = await startSandbox(['--regions', 'cn-north-4,cn-east-3']);
    east = sandbox.ready.regions.find((r) => r.region === 'cn-east-3');
    assert.ok(east, 'the sandbox does not serve cn-east-3');
    admin = sandbox.ready.accounts[0].users.find((u) => u.admin);
    const base = { ...process.env, SWR_AK: admin.ak, SWR_SK: admin.sk, SWR_INSECURE: '1' };
    cliEnv = {
      ...base,
      SWR_REGION: sandbox.ready.region,
      SWR_PROJECT_ID: sandbox.ready.project_id,
      SWR_API_ENDPOINT: sandbox.ready.api_endpoint,
      SWR_REGISTRY: sandbox.ready.registry,
      SWR_CONSOLE_CONFIG_DIR: newConfigDir('sync-cli'),
      SWR_REGION_ENDPOINTS: `${east.region}=${east.api_endpoint},${east.registry},${east.project_id}`,
    };
    const eastEnv = {
      ...base,
      SWR_REGION: east.region,
      SWR_PROJECT_ID: east.project_id,
      SWR_API_ENDPOINT: east.api_endpoint,
      SWR_REGISTRY: east.registry,
      SWR_CONSOLE_CONFIG_DIR: newConfigDir('sync-east'),
    };
    for (const env of [cliEnv, eastEnv]) {
      const made = run(env, ['org', 'create', ORG]);
      assert.equal(made.status, 0, made.stderr);
    }
    copyArchive(sandbox, admin, 'demo-base/alpine-mini:3.20', `docker-archive:${archive}:svc:1`);
    for (const tag of ['v1', 'v2', 'latest']) push(tag);

    addSandboxProfile(configDir, sandbox, admin, ['--region-endpoint', `${east.region}=${east.api_endpoint},${east.registry},${east.project_id}`]);
    app = await launchApp({ configDir });
    browser = app.browser;
  });

  after(async () => {
    try {
      await app?.close();
    } finally {
      sandbox?.child.kill();
    }
  });

  it('adds a rule to the second region and the gap view lists every tag as missing there', async () => {
    await (await byTestId(browser, 'nav-images')).click();
    await byTestId(browser, 'screen-images');
    const row = await browser.$(`[data-testid="image-row"][data-image="${IMAGE}"]`);
    await row.waitForDisplayed({ timeout: 30_000, timeoutMsg: `the Images list does not show ${IMAGE}` });
    await row.click();
    await (await byTestId(browser, 'tab-sync')).click();
    await byTestId(browser, 'sync-tab', 20_000);

    await choose(browser, await byTestId(browser, 'sync-rule-region'), east.region);
    await typeInto(browser, await byTestId(browser, 'sync-rule-namespace'), ORG);
    await press(browser, 'sync-rule-add');
    await browser.$(`[data-testid="sync-rule"][data-region="${east.region}"]`).waitForExist({ timeout: 20_000 });
    const rules = json(cliEnv, ['sync', 'ls', IMAGE, '--json']);
    assert.deepEqual(rules.map((r) => [r.region, r.namespace, r.missing]), [[east.region, ORG, 3]]);

    await (await gap()).waitForExist({ timeout: 20_000, timeoutMsg: 'no gap view for the rule' });
    await browser.waitUntil(async () => (await (await gap()).getAttribute('data-missing')) === '3', {
      timeout: 20_000,
      timeoutMsg: 'the gap view does not show the three tags missing',
    });
    const missing = (await attributesOf(browser, '[data-testid="sync-gap-row"]', 'data-tag')).sort();
    assert.deepEqual(missing, tags());
    await screenshot(browser, 'sync-gap');
  });

  it('syncs the missing tags; skopeo reads the same manifests from the second region', async () => {
    await press(browser, 'sync-select-gap');
    await press(browser, 'sync-run');
    let states = [];
    await browser
      .waitUntil(
        async () => {
          states = await attributesOf(browser, '[data-testid="sync-job"]', 'data-status');
          return states.length >= 3 && states.every((s) => s === 'success');
        },
        { timeout: 60_000 },
      )
      .catch(() => {
        const jobs = json(cliEnv, ['sync', 'status', IMAGE, '--json']).map((j) => `${j.tag}:${j.status}`);
        assert.fail(`the sync jobs did not all succeed: the tab shows [${states.join(', ')}], swrctl [${jobs.join(', ')}]`);
      });
    for (const tag of tags()) {
      const there = digestIn(east.region, east.registry, `${IMAGE}:${tag}`);
      assert.notEqual(there, '', `${tag} cannot be read from ${east.region}`);
      assert.equal(there, digestIn(sandbox.ready.region, sandbox.ready.registry, `${IMAGE}:${tag}`), `${tag} differs in ${east.region}`);
    }
    await press(browser, 'sync-gap-refresh');
    await browser.waitUntil(async () => (await (await gap()).getAttribute('data-missing')) === '0', {
      timeout: 20_000,
      timeoutMsg: 'the gap view still shows a gap after the sync',
    });
    await screenshot(browser, 'sync-done');
  });

  it('shows the gap again after a new push, and the journal has the rule and the sync', async () => {
    push('v3');
    await press(browser, 'sync-gap-refresh');
    await browser.waitUntil(async () => (await attributesOf(browser, '[data-testid="sync-gap-row"]', 'data-tag')).join() === 'v3', {
      timeout: 20_000,
      timeoutMsg: 'the gap view does not show the new tag alone',
    });
    assert.equal(digestIn(east.region, east.registry, `${IMAGE}:v3`), '', 'v3 reached the second region unasked');
    await screenshot(browser, 'sync-new-gap');

    const journal = json({ ...process.env, SWR_CONSOLE_CONFIG_DIR: configDir }, ['journal', '--json']);
    const ops = journal.map((e) => `${e.operation}:${e.outcome}`).sort();
    assert.deepEqual(ops, ['syncRuleCreate:done', 'syncRun:done']);
  });
});
