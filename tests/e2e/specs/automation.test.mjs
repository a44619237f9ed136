// Automation on the real app against a real swr-sandbox: an image of a fresh organization gets a
// retention policy through the Retention tab (keep the 2 newest tags, `latest` never deleted),
// previewed tag by tag and saved through the typed confirmation; then a trigger through the
// Triggers tab (a regular expression, a CCE deployment), checked with the tester, fired by a
// push of a matching tag and not by another, disabled with its switch and deleted through its
// confirmation; and the app's journal of all of it.
// Every change is read back outside the app: with swrctl (a fresh listing, with credentials from
// the environment and a configuration directory of its own) and with skopeo straight from the
// registry, since a screen that only agrees with itself proves nothing. The tags are pushed by
// swrctl at least 1.1 s apart, so their push times (one-second resolution) order them. A
// screenshot of each state goes to tests/e2e/artifacts/.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Key } from 'webdriverio';
import { addSandboxProfile, binDir, byTestId, choose, copyArchive, launchApp, loginOf, newConfigDir, screenshot, startSandbox } from '../harness.mjs';

const swrctl = join(binDir, 'swrctl');
const organization = 'e2e-automation';
const image = `${organization}/svc`;
/** The tags pushed before the app starts, oldest first. */
const firstPushes = ['v1', 'v2', 'v3', 'latest', 'edge'];
/** The policy set through the Retention tab. */
const policy = { keepTags: 2, exceptTags: ['latest'] };
/** The trigger added through the Triggers tab. */
const trigger = {
  name: 'deploy-svc',
  condition: 'v[0-9]+',
  cluster: 'prod',
  namespace: 'default',
  workload: 'svc',
};

/**
 * What SWR's "keep the N newest" rule does to tags listed oldest first: exceptions are never
 * deleted and not counted, the N newest of the others stay, the rest goes.
 */
function keepNewest(oldestFirst, count, exceptions) {
  const counted = oldestFirst.filter((tag) => !exceptions.includes(tag)).reverse();
  const deleted = counted.slice(count);
  return { deleted, kept: oldestFirst.filter((tag) => !deleted.includes(tag)) };
}

const sorted = (values) => [...values].sort();

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
  const expected = sorted(wanted);
  let seen = [];
  await browser
    .waitUntil(
      async () => {
        seen = sorted(await attributesOf(browser, selector, name));
        return JSON.stringify(seen) === JSON.stringify(expected);
      },
      { timeout, interval: 150 },
    )
    .catch(() => assert.fail(`${what}: showed [${seen.join(', ')}], expected [${expected.join(', ')}]`));
}

/**
 * Waits until the elements matching `selector`, each read as its attributes `names` joined by a
 * space (e.g. "v1 delete"), are exactly `wanted` (any order).
 */
async function waitForRows(browser, selector, names, wanted, what, timeout = 20_000) {
  const expected = sorted(wanted);
  let seen = [];
  await browser
    .waitUntil(
      async () => {
        const read = await browser.execute(
          (s, ns) => [...document.querySelectorAll(s)].map((e) => ns.map((n) => e.getAttribute(n)).join(' ')),
          selector,
          names,
        );
        seen = sorted(read);
        return JSON.stringify(seen) === JSON.stringify(expected);
      },
      { timeout, interval: 150 },
    )
    .catch(() => assert.fail(`${what}: showed [${seen.join(', ')}], expected [${expected.join(', ')}]`));
}

/** Waits until the first element matching `selector` has `name` = `wanted`. */
async function waitForAttribute(browser, selector, name, wanted, what, timeout = 20_000) {
  let seen;
  await browser
    .waitUntil(
      async () => {
        const element = await browser.$(selector);
        seen = (await element.isExisting()) ? await element.getAttribute(name) : '(missing)';
        return seen === wanted;
      },
      { timeout, interval: 150 },
    )
    .catch(() => assert.fail(`${what}: ${name} is "${seen}", expected "${wanted}"`));
}

/** Waits until nothing matches `selector`. */
async function waitForGone(browser, selector, what, timeout = 20_000) {
  await browser
    .waitUntil(async () => (await browser.$$(selector).length) === 0, { timeout, interval: 150 })
    .catch(() => assert.fail(`${what} is still shown`));
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

/** Waits until a button can be pressed, then presses it. */
async function press(browser, testId, timeout = 15_000) {
  const button = await byTestId(browser, testId, timeout);
  await browser.waitUntil(() => button.isEnabled(), { timeout, timeoutMsg: `${testId} stays disabled` });
  await button.click();
}

/** Waits until the button with `data-testid` is enabled (`wanted` true) or disabled (false). */
async function waitForEnabled(browser, testId, wanted, why, timeout = 10_000) {
  const button = await byTestId(browser, testId);
  await browser
    .waitUntil(async () => (await button.isEnabled()) === wanted, { timeout, interval: 150 })
    .catch(() => assert.fail(`${testId} is ${wanted ? 'disabled' : 'enabled'} ${why}`));
}

/** Clicks a checkbox or switch; one drawn over by its styled track is clicked in the page. */
async function flip(browser, element) {
  if (await element.isDisplayed()) await element.click();
  else await browser.execute((input) => input.click(), element);
}

describe('automation: retention and triggers', () => {
  const configDir = newConfigDir('automation');
  const work = mkdtempSync(join(tmpdir(), 'swr-e2e-automation-'));
  const archive = join(work, 'svc.tar');
  let sandbox;
  let admin;
  let app;
  let browser;
  /** Credentials for swrctl from the environment only: no profile, nothing the app keeps. */
  let cliEnv;
  let creds;
  /** What the saved policy deleted, worked out from the push order. */
  const planned = keepNewest(firstPushes, policy.keepTags, policy.exceptTags);

  const run = (env, args) => spawnSync(swrctl, args, { env, encoding: 'utf8', timeout: 120_000 });
  /** The JSON a swrctl command prints, run with `env`; the command must succeed. */
  const json = (env, args) => {
    const out = run(env, args);
    assert.equal(out.status, 0, `swrctl ${args.join(' ')}: ${out.stderr}`);
    return JSON.parse(out.stdout);
  };
  /** The tags SWR lists for the image now, as `swrctl ls ORG/IMAGE --json` rows. */
  const tagRows = () => json(cliEnv, ['ls', image, '--json']);
  const tagsOf = () => sorted(tagRows().map((row) => row.tag));
  /** `swrctl retention show ORG/IMAGE --json`: `{policy, history}`. */
  const retention = () => json(cliEnv, ['retention', 'show', image, '--json']);
  /** The image's triggers as `swrctl trigger ls ORG/IMAGE --json` lists them. */
  const triggers = () => json(cliEnv, ['trigger', 'ls', image, '--json']);
  /** `swrctl push` of the archive as `image:tag`, after a pause that puts it in a later second. */
  const push = async (tag) => {
    await sleep(1_100);
    const out = run(cliEnv, ['push', '--json', '--org', organization, '--name', 'svc', '--tag', tag, archive]);
    assert.equal(out.status, 0, `swrctl push ${image}:${tag}: ${out.stderr}`);
  };
  /** skopeo's read of `image:tag` straight from the registry. */
  const inspect = (tag) =>
    spawnSync(
      'skopeo',
      ['inspect', '--raw', '--tls-verify=false', '--creds', creds, `docker://${sandbox.ready.registry}/${image}:${tag}`],
      { timeout: 60_000 },
    );
  const manifestDigest = (tag) => {
    const read = inspect(tag);
    assert.equal(read.status, 0, `skopeo could not read ${image}:${tag}: ${read.stderr}`);
    return `sha256:${createHash('sha256').update(read.stdout).digest('hex')}`;
  };
  const assertInRegistry = (tag, why) => {
    const read = inspect(tag);
    assert.equal(read.status, 0, `skopeo cannot read ${image}:${tag} ${why}: ${read.stderr}`);
  };
  const assertNotInRegistry = (tag, why) => {
    assert.notEqual(inspect(tag).status, 0, `the registry still serves ${image}:${tag} ${why}`);
  };
  /** Polls `read` until `check` passes on its value (SWR may run a push's aftermath a moment later). */
  const eventually = async (read, check, what, timeout = 30_000) => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = read();
      try {
        check(value);
        return value;
      } catch (err) {
        if (Date.now() > deadline) assert.fail(`${what}: ${err.message}`);
      }
      await sleep(500);
    }
  };

  const triggerRow = `[data-testid="trigger-row"][data-trigger="${trigger.name}"]`;

  /** Opens the image from the Images list and one of its tabs. */
  async function openImageTab(path, tab) {
    await (await byTestId(browser, 'nav-images')).click();
    await byTestId(browser, 'screen-images');
    const row = await browser.$(`[data-testid="image-row"][data-image="${path}"]`);
    await row.waitForDisplayed({ timeout: 30_000, timeoutMsg: `the Images list does not show ${path}` });
    await row.click();
    await browser.waitUntil(
      async () => (await (await byTestId(browser, 'image-page')).getAttribute('data-image')) === path,
      { timeout: 10_000, timeoutMsg: `${path} did not open` },
    );
    await (await byTestId(browser, `tab-${tab}`)).click();
  }

  /** Switches to another tab of the image page, whose root has `root` as test id. */
  async function openTab(tab, root) {
    await (await byTestId(browser, `tab-${tab}`)).click();
    return byTestId(browser, root, 20_000);
  }

  /** Unfolds a trigger's history, if it is folded, so its rows show. */
  async function unfoldHistory() {
    const rows = `${triggerRow} [data-testid="trigger-history-row"]`;
    const first = await browser.$(rows);
    if ((await first.isExisting()) && (await first.isDisplayed())) return;
    const history = await browser.$(`${triggerRow} [data-testid="trigger-history"]`);
    await history.waitForExist({ timeout: 10_000, timeoutMsg: `${trigger.name} has no history` });
    const summary = await history.$('summary');
    await ((await summary.isExisting()) ? summary : history).click();
    await (await browser.$(rows)).waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the history does not unfold' });
  }

  before(async () => {
    sandbox = await startSandbox();
    admin = sandbox.ready.accounts[0].users.find((u) => u.admin);
    creds = loginOf(sandbox, admin);
    cliEnv = {
      ...process.env,
      SWR_CONSOLE_CONFIG_DIR: newConfigDir('automation-cli'),
      SWR_REGION: sandbox.ready.region,
      SWR_AK: admin.ak,
      SWR_SK: admin.sk,
      SWR_PROJECT_ID: sandbox.ready.project_id,
      SWR_API_ENDPOINT: sandbox.ready.api_endpoint,
      SWR_REGISTRY: sandbox.ready.registry,
      SWR_INSECURE: '1',
    };

    addSandboxProfile(configDir, sandbox, admin);

    // The image every tag is pushed from: the sandbox's public demo image, as a docker archive.
    copyArchive(sandbox, admin, 'demo-base/alpine-mini:3.20', `docker-archive:${archive}:e2e/svc:1`);

    // A fresh organization, and the image's tags pushed one by one, before the app reads them.
    const created = run(cliEnv, ['org', 'create', organization]);
    assert.equal(created.status, 0, `swrctl org create: ${created.stderr}`);
    for (const tag of firstPushes) await push(tag);

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

  it('starts from five tags pushed in order, with no policy and no trigger', async () => {
    const rows = tagRows();
    assert.deepEqual(sorted(rows.map((r) => r.tag)), sorted(firstPushes));
    const pushed = Object.fromEntries(rows.map((r) => [r.tag, r.pushed]));
    for (const [at, tag] of firstPushes.entries()) {
      if (at === 0) continue;
      const before = firstPushes[at - 1];
      assert.ok(
        pushed[before] < pushed[tag],
        `${before} (${pushed[before]}) is not older than ${tag} (${pushed[tag]}): push times do not order the tags`,
      );
    }
    const shown = retention();
    assert.equal(shown.policy, null);
    assert.deepEqual(shown.history, []);
    assert.deepEqual(triggers(), []);
    for (const tag of firstPushes) assertInRegistry(tag, 'after its push');

    await byTestId(browser, 'screen-dashboard', 20_000);
    await openImageTab(image, 'tags');
    await waitForSet(browser, '[data-testid="tag-row"]', 'data-tag', firstPushes, 'the Tags tab', 30_000);
    await screenshot(browser, 'automation-tags');
  });

  it('previews a policy tag by tag, saves it through the confirmation, and SWR deletes exactly those tags', async () => {
    await openTab('retention', 'retention-tab');
    await byTestId(browser, 'retention-current', 20_000);
    await waitForGone(browser, '[data-testid="retention-log-row"]', 'a retention history of a new image');
    await waitForEnabled(browser, 'retention-save', false, 'before any preview');

    await (await byTestId(browser, 'retention-keep-tags')).click();
    assert.equal(await (await byTestId(browser, 'retention-keep-tags')).isSelected(), true);
    await typeInto(browser, await byTestId(browser, 'retention-value'), String(policy.keepTags));
    await typeInto(browser, await byTestId(browser, 'retention-except-tags'), policy.exceptTags.join(', '));
    await typeInto(browser, await byTestId(browser, 'retention-except-regex'), '');
    await screenshot(browser, 'automation-retention-form');

    const items = '[data-testid="retention-preview-list"] [data-testid="retention-item"]';
    const expectedItems = firstPushes.map((tag) => `${tag} ${planned.deleted.includes(tag) ? 'delete' : 'keep'}`);
    const previewAndCheck = async () => {
      await press(browser, 'retention-preview');
      await byTestId(browser, 'retention-preview-list', 30_000);
      await waitForRows(browser, items, ['data-tag', 'data-verdict'], expectedItems, 'the preview', 30_000);
    };
    await previewAndCheck();
    // Each kept tag says why: `latest` as an exception, the others by their rank among the newest.
    for (const tag of planned.kept) {
      const text = await (await browser.$(`${items}[data-tag="${tag}"]`)).getText();
      if (policy.exceptTags.includes(tag)) assert.match(text, /exception/i, `${tag} is not kept as an exception: "${text}"`);
      else assert.match(text, /newest/i, `${tag} is not kept as one of the newest: "${text}"`);
    }
    const summary = await (await byTestId(browser, 'retention-preview-summary')).getText();
    assert.match(summary, new RegExp(`\\b${planned.deleted.length} deleted`), `the summary reads "${summary}"`);
    assert.match(summary, new RegExp(`\\b${planned.kept.length} kept`), `the summary reads "${summary}"`);
    // Every tag was pushed from one archive: a deleted tag whose digest a kept tag shares is
    // warned about (the image stays), and 1.1 s apart no two tags tie at the count.
    const digests = Object.fromEntries(firstPushes.map((tag) => [tag, manifestDigest(tag)]));
    const held = planned.deleted.filter((tag) => planned.kept.some((k) => digests[k] === digests[tag]));
    await waitForSet(
      browser,
      '[data-testid="retention-warning"]',
      'data-kind',
      held.map(() => 'digestStillHeld'),
      'the warnings of the preview',
    );
    await screenshot(browser, 'automation-retention-preview');
    await waitForEnabled(browser, 'retention-save', true, 'after a preview of the form');

    // An edit makes the preview stale: saving needs a preview of what is in the form.
    const value = await byTestId(browser, 'retention-value');
    await typeInto(browser, value, String(policy.keepTags + 1));
    await waitForEnabled(browser, 'retention-save', false, 'after the form changed since the preview');
    await screenshot(browser, 'automation-retention-stale');
    await typeInto(browser, value, String(policy.keepTags));
    await previewAndCheck();
    // Nothing is deleted by previewing.
    assert.deepEqual(tagsOf(), sorted(firstPushes));
    assert.equal(retention().policy, null);

    await press(browser, 'retention-save');
    const confirm = await byTestId(browser, 'retention-confirm');
    assert.match(await confirm.getText(), new RegExp(`\\b${planned.deleted.length}\\b`), 'the confirmation does not say how many tags go');
    const typed = await confirm.$('input:not([type="checkbox"]):not([type="radio"])');
    await typed.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the confirmation asks for no typed name' });
    await waitForEnabled(browser, 'retention-confirm-ok', false, 'before the name is typed');
    await typeInto(browser, typed, image.slice(0, -1));
    await waitForEnabled(browser, 'retention-confirm-ok', false, 'with a partly typed name');
    await typeInto(browser, typed, image);
    await waitForEnabled(browser, 'retention-confirm-ok', true, `with ${image} typed`);
    await screenshot(browser, 'automation-retention-confirm');
    // Still nothing changed before the confirmation.
    assert.deepEqual(tagsOf(), sorted(firstPushes));

    await press(browser, 'retention-confirm-ok');
    const saved = await byTestId(browser, 'retention-saved', 60_000);
    const savedText = await saved.getText();
    assert.match(savedText, new RegExp(`\\b${planned.deleted.length}\\b`), `the outcome reads "${savedText}"`);
    assert.match(savedText, /preview/i, `the outcome does not say whether it matched the preview: "${savedText}"`);
    if (await (await browser.$('[data-testid="retention-confirm"]')).isExisting()) {
      await (await browser.$('[data-testid="retention-confirm"] .dialog-header button')).click();
      await waitForGone(browser, '[data-testid="retention-confirm"]', 'the confirmation after saving');
    }
    await waitForSet(browser, '[data-testid="retention-log-row"]', 'data-tag', planned.deleted, 'the retention history', 30_000);
    let current = '';
    await browser
      .waitUntil(
        async () => {
          current = await (await byTestId(browser, 'retention-current')).getText();
          return new RegExp(`\\b${policy.keepTags}\\b`).test(current) && current.includes('latest');
        },
        { timeout: 20_000, interval: 200 },
      )
      .catch(() => assert.fail(`the current policy reads "${current}", not the saved one`));
    await screenshot(browser, 'automation-retention-saved');

    // Outside the app: exactly the previewed tags are gone from SWR and from the registry.
    assert.deepEqual(tagsOf(), sorted(planned.kept));
    for (const tag of planned.deleted) assertNotInRegistry(tag, 'after the policy deleted it');
    for (const tag of planned.kept) assertInRegistry(tag, 'although the policy keeps it');
    const shown = retention();
    assert.equal(shown.policy.input.keepTags, policy.keepTags);
    assert.equal(shown.policy.input.keepDays, null);
    assert.deepEqual(shown.policy.input.exceptTags, policy.exceptTags);
    assert.deepEqual(shown.policy.input.exceptRegex, []);
    assert.deepEqual(sorted(shown.history.map((log) => log.tag)), sorted(planned.deleted));
  });

  it('adds a trigger through the form and tests tags against it', async () => {
    await openTab('triggers', 'triggers-tab');
    await waitForGone(browser, '[data-testid="trigger-row"]', 'a trigger of a new image');

    await press(browser, 'trigger-add-open');
    await typeInto(browser, await byTestId(browser, 'trigger-name'), trigger.name);
    // The radio is drawn by its label (a segmented control): clicked as the label's click would.
    const regular = await browser.$('[data-testid="trigger-type-regular"]');
    await regular.waitForExist({ timeout: 10_000 });
    await browser.execute((el) => el.click(), regular);
    await typeInto(browser, await byTestId(browser, 'trigger-condition'), trigger.condition);
    await choose(browser, await byTestId(browser, 'trigger-mode'), 'cce');
    await typeInto(browser, await byTestId(browser, 'trigger-cluster-name'), trigger.cluster);
    await typeInto(browser, await byTestId(browser, 'trigger-namespace'), trigger.namespace);
    await choose(browser, await byTestId(browser, 'trigger-app-type'), 'deployments');
    await typeInto(browser, await byTestId(browser, 'trigger-application'), trigger.workload);
    await screenshot(browser, 'automation-trigger-form');
    assert.deepEqual(triggers(), [], 'a trigger exists before the form was submitted');

    await press(browser, 'trigger-add-submit');
    const row = await browser.$(triggerRow);
    await row.waitForDisplayed({ timeout: 30_000, timeoutMsg: `no row for ${trigger.name}` });
    await waitForSet(browser, '[data-testid="trigger-row"]', 'data-trigger', [trigger.name], 'the triggers');
    assert.equal(await row.getAttribute('data-enabled'), 'true');
    assert.equal(await browser.$$('[data-testid="trigger-add-error"]').length, 0, 'the form shows an error');
    const rowText = await row.getText();
    for (const part of [trigger.condition, trigger.cluster, trigger.namespace, trigger.workload]) {
      assert.ok(rowText.includes(part), `the row of ${trigger.name} does not show ${part}: "${rowText}"`);
    }
    await screenshot(browser, 'automation-trigger-added');

    const listed = triggers();
    assert.equal(listed.length, 1, JSON.stringify(listed));
    const [held] = listed;
    assert.equal(held.name, trigger.name);
    assert.equal(String(held.enable), 'true');
    assert.equal(held.trigger_type, 'regular');
    assert.equal(held.condition, trigger.condition);
    assert.equal(held.trigger_mode, 'cce');
    assert.equal(held.cluster_name, trigger.cluster);
    assert.equal(held.cluster_ns, trigger.namespace);
    assert.equal(held.app_type, 'deployments');
    assert.equal(held.application, trigger.workload);
    assert.deepEqual(held.trigger_history, []);

    // The tester: v9 fires it, v9-rc does not (the expression must match the whole tag); swrctl
    // predicts the same.
    const result = `[data-testid="trigger-test-result"][data-trigger="${trigger.name}"]`;
    const testTag = async (tag, fires, shot) => {
      await typeInto(browser, await byTestId(browser, 'trigger-test-tag'), tag);
      await press(browser, 'trigger-test-run');
      await waitForAttribute(browser, result, 'data-fires', String(fires), `the test of ${tag}`, 30_000);
      const [predicted] = json(cliEnv, ['trigger', 'test', image, tag, '--json']);
      assert.equal(predicted.trigger, trigger.name);
      assert.equal(predicted.fires, fires, `swrctl says ${trigger.name} ${predicted.fires ? 'fires' : 'does not fire'} on ${tag}`);
      const text = await (await browser.$(result)).getText();
      assert.ok(text.includes(tag), `the result does not show the tag ${tag}: "${text}"`);
      assert.ok(text.includes(predicted.because), `the result does not say "${predicted.because}": "${text}"`);
      await screenshot(browser, shot);
    };
    await testTag('v9', true, 'automation-trigger-test-fires');
    await testTag('v9-rc', false, 'automation-trigger-test-no-match');
    // Testing changes nothing.
    assert.deepEqual(triggers()[0].trigger_history, []);
  });

  it('fires on a pushed tag that matches and not on one that does not', async () => {
    await push('v4');
    await push('nightly');
    const history = (list) => list.find((t) => t.name === trigger.name).trigger_history.map((h) => `${h.tag} ${h.result}`);
    await eventually(triggers, (list) => assert.deepEqual(history(list), ['v4 success']), 'the history swrctl lists');

    // The saved policy runs again after each push: the newest two besides `latest` stay.
    let left = planned.kept;
    const goneLater = [];
    for (const tag of ['v4', 'nightly']) {
      const next = keepNewest([...left, tag], policy.keepTags, policy.exceptTags);
      goneLater.push(...next.deleted);
      left = next.kept;
    }
    await eventually(tagsOf, (tags) => assert.deepEqual(tags, sorted(left)), 'the tags after the pushes');
    for (const tag of goneLater) assertNotInRegistry(tag, 'after the policy ran on a push');
    assert.deepEqual(sorted(retention().history.map((log) => log.tag)), sorted([...planned.deleted, ...goneLater]));

    // The tab read again: away to Retention (whose history has the new deletions) and back.
    await openTab('retention', 'retention-tab');
    await waitForSet(
      browser,
      '[data-testid="retention-log-row"]',
      'data-tag',
      [...planned.deleted, ...goneLater],
      'the retention history after the pushes',
      30_000,
    );
    await screenshot(browser, 'automation-retention-after-pushes');
    await openTab('triggers', 'triggers-tab');
    await (await browser.$(triggerRow)).waitForDisplayed({ timeout: 30_000, timeoutMsg: `no row for ${trigger.name}` });
    await waitForRows(
      browser,
      `${triggerRow} [data-testid="trigger-history-row"]`,
      ['data-tag', 'data-result'],
      ['v4 success'],
      'the history of the trigger',
      30_000,
    );
    await unfoldHistory();
    await screenshot(browser, 'automation-trigger-history');
    assert.deepEqual(history(triggers()), ['v4 success']);
  });

  it('disables the trigger with its switch and deletes it through the confirmation', async () => {
    const toggle = await browser.$(`${triggerRow} [data-testid="trigger-enabled"]`);
    await toggle.waitForExist({ timeout: 10_000, timeoutMsg: `${trigger.name} has no switch` });
    assert.equal(await toggle.isSelected(), true, 'the switch of an enabled trigger is off');
    await flip(browser, toggle);
    await waitForAttribute(browser, triggerRow, 'data-enabled', 'false', `the row of ${trigger.name}`, 30_000);
    await screenshot(browser, 'automation-trigger-disabled');
    const disabled = triggers();
    assert.equal(disabled.length, 1, JSON.stringify(disabled));
    assert.equal(String(disabled[0].enable), 'false', 'SWR still holds the trigger enabled');

    await press(browser, 'trigger-delete');
    const confirm = await byTestId(browser, 'trigger-delete-confirm');
    assert.ok((await confirm.getText()).includes(trigger.name), 'the confirmation does not name the trigger');
    await screenshot(browser, 'automation-trigger-delete-confirm');
    // Nothing is deleted before the confirmation.
    assert.equal(triggers().length, 1);
    await press(browser, 'trigger-delete-ok');
    await waitForGone(browser, '[data-testid="trigger-delete-confirm"]', 'the delete confirmation', 30_000);
    await waitForGone(browser, '[data-testid="trigger-row"]', `the row of ${trigger.name}`, 30_000);
    await screenshot(browser, 'automation-trigger-deleted');
    assert.deepEqual(triggers(), []);
  });

  it("lists the app's changes in the journal, the same ones swrctl reads from the app's folder", async () => {
    const appJournal = json({ ...process.env, SWR_CONSOLE_CONFIG_DIR: configDir }, ['journal', '--json']);
    const key = (e) => [e.operation, e.target, e.outcome].join(' | ');
    const named = `${image} → ${trigger.name}`;
    const expected = [
      ['retentionSet', image],
      ['triggerCreate', named],
      ['triggerChange', named],
      ['triggerDelete', named],
    ].map(([operation, target]) => `${operation} | ${target} | done`);
    assert.deepEqual(sorted(appJournal.map(key)), sorted(expected), 'the journal in the app folder');
    for (const e of appJournal) {
      assert.equal(e.source, 'app', `${key(e)} was not written by the app`);
      assert.equal(e.profile, 'Sandbox');
      assert.equal(typeof e.requestId, 'string', `${key(e)} has no request id`);
    }
    // Oldest first, in the order the app made them.
    assert.deepEqual(
      [...appJournal].reverse().map((e) => e.operation),
      ['retentionSet', 'triggerCreate', 'triggerChange', 'triggerDelete'],
    );
    const set = appJournal.find((e) => e.operation === 'retentionSet');
    assert.equal(set.before, null, 'a first policy has nothing before it');
    const asked = JSON.parse(set.after);
    assert.equal(asked.keepTags, policy.keepTags);
    assert.deepEqual(asked.exceptTags, policy.exceptTags);
    const change = appJournal.find((e) => e.operation === 'triggerChange');
    assert.deepEqual([change.before, change.after], ['enabled', 'disabled']);

    await (await byTestId(browser, 'nav-journal')).click();
    await byTestId(browser, 'screen-journal', 20_000);
    let seen = [];
    await browser
      .waitUntil(
        async () => {
          seen = await browser.execute(() =>
            [...document.querySelectorAll('[data-testid="journal-row"]')].map((e) =>
              [e.getAttribute('data-operation'), e.getAttribute('data-target'), e.getAttribute('data-outcome')].join(' | '),
            ),
          );
          return JSON.stringify(seen) === JSON.stringify(appJournal.map(key));
        },
        { timeout: 20_000, interval: 200 },
      )
      .catch(() => assert.fail(`the journal screen shows\n  ${seen.join('\n  ')}\nexpected\n  ${appJournal.map(key).join('\n  ')}`));
    await screenshot(browser, 'automation-journal');
  });
});
