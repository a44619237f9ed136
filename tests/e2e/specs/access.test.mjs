// Access on the real app against a real swr-sandbox with its demo data: an image's attributes
// (category, a Markdown description with its preview, public and back to private through the
// confirmation), the organization's Users screen raising the IAM user from read to write through
// the diff, a share with the second account for a year and its end, a bulk grant on the
// permission matrix with its diff, and the journal of all of it with its filters.
// Every change is read back outside the app: with swrctl (a fresh listing, with credentials from
// the environment and a configuration directory of its own) and with skopeo pulling from the
// registry as the other users, since a screen that only agrees with itself proves nothing. The
// IAM user's pushes go through swrctl with its own keys and its own configuration directory, so
// its journal is not the app's. A screenshot of each state goes to tests/e2e/artifacts/.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Key } from 'webdriverio';
import { addSandboxProfile, binDir, byTestId, choose, chosen, copyArchive, launchApp, newConfigDir, screenshot, skopeoCopy, startSandbox } from '../harness.mjs';

const swrctl = join(binDir, 'swrctl');
/** A private image of the first account, with tags v2–v4 (retention removed v1). */
const image = { organization: 'demo-apps', name: 'api', path: 'demo-apps/api', pullable: 'demo-apps/api:v4' };
const description = ['# API service', '', 'Serves the **demo** apps over HTTP.'];
/** The day a share typed as a date ends: a year from today (UTC), as the date input writes it. */
const yearAhead = (() => {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 365);
  return day.toISOString().slice(0, 10);
})();

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

/** Replaces the text of a textarea with `lines`, pressing Enter between them. */
async function typeLines(browser, element, lines) {
  await element.click();
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys(Key.Backspace);
  for (const [index, line] of lines.entries()) {
    if (index > 0) await browser.keys(Key.Enter);
    if (line !== '') await element.addValue(line);
  }
  const wanted = lines.join('\n');
  await browser
    .waitUntil(async () => (await element.getValue()) === wanted, { timeout: 5_000 })
    .catch(async () => assert.fail(`the textarea holds ${JSON.stringify(await element.getValue())}`));
}

/**
 * Sets a date input. How keys reach a `type="date"` field differs between WebKit versions, so the
 * value goes in through the element's own setter and the events a date picker sends.
 */
async function setDate(browser, element, day) {
  await browser.execute(
    (input, value) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    element,
    day,
  );
  await browser.waitUntil(async () => (await element.getValue()) === day, {
    timeout: 5_000,
    timeoutMsg: `the date input did not take ${day}`,
  });
}

/** Waits until a button can be pressed, then presses it. */
async function press(browser, testId, timeout = 15_000) {
  const button = await byTestId(browser, testId, timeout);
  await browser.waitUntil(() => button.isEnabled(), { timeout, timeoutMsg: `${testId} stays disabled` });
  await button.click();
}

/** `[data-testid=…]` with a `data-user` naming `user` by IAM user name or by id. */
const byUser = (testId, user, more = '') =>
  [user.user_name, user.user_id].map((u) => `[data-testid="${testId}"][data-user="${u}"]${more}`).join(', ');

describe('access: attributes, permissions, sharing and the journal', () => {
  const configDir = newConfigDir('access');
  const work = mkdtempSync(join(tmpdir(), 'swr-e2e-access-'));
  let sandbox;
  let admin;
  /** The first account's IAM user (read on demo-apps in the seed). */
  let iam;
  /** The second account: its name to share with, and its admin to pull as. */
  let partner;
  let partnerAdmin;
  let app;
  let browser;
  /** Credentials for swrctl from the environment only: no profile, nothing the app keeps. */
  let cliEnv;
  /** The IAM user's swrctl, with a configuration directory (and so a journal) of its own. */
  let iamEnv;
  const iamConfigDir = newConfigDir('access-iam');
  let pulls = 0;

  const run = (env, args) => spawnSync(swrctl, args, { env, encoding: 'utf8', timeout: 120_000 });
  /** The JSON a swrctl command prints, run with `env`; the command must succeed. */
  const json = (env, args) => {
    const out = run(env, args);
    assert.equal(out.status, 0, `swrctl ${args.join(' ')}: ${out.stderr}`);
    return JSON.parse(out.stdout);
  };
  /** The image as a fresh `swrctl ls ORG --json` lists it. */
  const listedImage = () => {
    const row = json(cliEnv, ['ls', image.organization, '--json']).find((r) => r.name === image.name);
    assert.ok(row, `swrctl ls ${image.organization} does not list ${image.name}`);
    return row;
  };
  /** Level of `user` per organization, from a fresh `swrctl perm ls ORG... --json`. */
  const levelsOf = (user, ...organizations) =>
    Object.fromEntries(
      json(cliEnv, ['perm', 'ls', ...organizations, '--json']).map((list) => [
        list.scope.organization,
        list.users.find((u) => u.userId === user.user_id)?.level ?? 'none',
      ]),
    );
  /** Pulls `reference` as `user` with skopeo, every blob read and checked. */
  const pull = (user, reference) => {
    pulls += 1;
    return skopeoCopy(sandbox, user, reference, `docker-archive:${join(work, `pull-${pulls}.tar`)}`);
  };
  const assertPulls = (user, reference, why) => {
    const out = pull(user, reference);
    assert.equal(out.status, 0, `${user.user_name} cannot pull ${reference} ${why}: ${out.stderr}`);
  };
  const assertRefused = (user, reference, why) => {
    assert.notEqual(pull(user, reference).status, 0, `${user.user_name} pulls ${reference} ${why}`);
  };
  /** A docker archive of the public demo image, written by skopeo, that the IAM user pushes. */
  const iamArchive = join(work, 'iam-push.tar');
  /** The IAM user's `swrctl push` of the archive to demo-apps/iam-push:`tag`. */
  const iamPush = (tag) =>
    run(iamEnv, ['push', '--json', '--org', 'demo-apps', '--name', 'iam-push', '--tag', tag, iamArchive]);
  /** Tags SWR lists for an image, read by the admin ([] when the image does not exist). */
  const tagsOf = (path) => {
    const listed = run(cliEnv, ['ls', path, '--json']);
    return listed.status === 0 ? JSON.parse(listed.stdout).map((t) => t.tag) : [];
  };

  /** Opens an image from the Images list and one of its tabs. */
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

  /** Saves the attributes form and waits until the app says so. */
  async function saveAttributes() {
    await press(browser, 'attributes-save');
    await byTestId(browser, 'attributes-saved', 30_000);
    assert.equal(await browser.$$('[data-testid="attributes-error"]').length, 0, 'the save shows an error');
  }

  /** Chooses a visibility, confirms it in the dialog and saves. */
  async function changeVisibility(choice, shot) {
    await (await byTestId(browser, `attributes-visibility-${choice}`)).click();
    await byTestId(browser, 'attributes-confirm');
    await screenshot(browser, shot);
    await (await byTestId(browser, 'attributes-confirm-ok')).click();
    await waitForGone(browser, '[data-testid="attributes-confirm"]', 'the visibility confirmation');
    assert.equal(await (await byTestId(browser, `attributes-visibility-${choice}`)).isSelected(), true);
    await saveAttributes();
  }

  /** The diff dialog: its items' action, user and scope, read in one go. */
  const diffItems = () =>
    browser.execute(() =>
      [...document.querySelectorAll('[data-testid="permission-diff"] [data-testid="permission-diff-item"]')].map((e) => ({
        action: e.getAttribute('data-action'),
        user: e.getAttribute('data-user'),
        scope: e.getAttribute('data-scope'),
        text: e.textContent,
      })),
    );

  /** Applies the open diff and waits until every item's result is `done`. */
  async function applyDiff(count, shot) {
    await press(browser, 'permission-diff-apply');
    const results = '[data-testid="permission-diff"] [data-testid="permission-result"]';
    await waitForSet(browser, results, 'data-status', Array(count).fill('done'), 'the results of the diff', 60_000);
    const summary = await byTestId(browser, 'permission-result-summary');
    assert.match(await summary.getText(), new RegExp(String(count)), 'the summary does not count the changes');
    await screenshot(browser, shot);
    await press(browser, 'permission-diff-close');
    await waitForGone(browser, '[data-testid="permission-diff"]', 'the diff dialog');
  }

  /** Asserts that a diff item's text names `before` ahead of `after`. */
  const assertLevels = (item, before, after) => {
    const text = item.text.toLowerCase();
    const [b, a] = [text.indexOf(before), text.lastIndexOf(after)];
    assert.ok(b >= 0 && a > b, `the ${item.action} of ${item.scope} does not read ${before} → ${after}: "${item.text}"`);
  };

  /** Journal rows as [operation, target, outcome], newest first, read in one go. */
  const journalRows = () =>
    browser.execute(() =>
      [...document.querySelectorAll('[data-testid="journal-row"]')].map((e) =>
        [e.getAttribute('data-operation'), e.getAttribute('data-target'), e.getAttribute('data-outcome')].join(' | '),
      ),
    );
  async function waitForJournal(wanted, what) {
    let seen = [];
    await browser
      .waitUntil(
        async () => {
          seen = await journalRows();
          return JSON.stringify(seen) === JSON.stringify(wanted);
        },
        { timeout: 20_000, interval: 200 },
      )
      .catch(() => assert.fail(`${what}: the screen shows\n  ${seen.join('\n  ')}\nexpected\n  ${wanted.join('\n  ')}`));
  }

  before(async () => {
    sandbox = await startSandbox();
    const [first, second] = sandbox.ready.accounts;
    admin = first.users.find((u) => u.admin);
    iam = first.users.find((u) => !u.admin);
    partner = second.domain_name;
    partnerAdmin = second.users.find((u) => u.admin);
    assert.ok(admin && iam && partner && partnerAdmin, 'the sandbox lacks the demo accounts');
    const endpoints = {
      SWR_REGION: sandbox.ready.region,
      SWR_PROJECT_ID: sandbox.ready.project_id,
      SWR_API_ENDPOINT: sandbox.ready.api_endpoint,
      SWR_REGISTRY: sandbox.ready.registry,
      SWR_INSECURE: '1',
    };
    cliEnv = {
      ...process.env,
      ...endpoints,
      SWR_CONSOLE_CONFIG_DIR: newConfigDir('access-cli'),
      SWR_AK: admin.ak,
      SWR_SK: admin.sk,
    };
    iamEnv = { ...process.env, ...endpoints, SWR_CONSOLE_CONFIG_DIR: iamConfigDir, SWR_AK: iam.ak, SWR_SK: iam.sk };

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

  it('changes category and description, and SWR lists them', async () => {
    await byTestId(browser, 'screen-dashboard', 20_000);
    await openImageTab(image.path, 'attributes');
    await byTestId(browser, 'attributes-tab');
    const category = await byTestId(browser, 'attributes-category');
    const text = await byTestId(browser, 'attributes-description');
    // The form starts from what SWR holds: the seed's values.
    const seeded = listedImage();
    await browser
      .waitUntil(async () => (await chosen(category)) === seeded.category && (await text.getValue()) === seeded.description, {
        timeout: 20_000,
      })
      .catch(() => assert.fail(`the form does not show ${seeded.category} / "${seeded.description}"`));
    assert.equal(await (await byTestId(browser, 'attributes-visibility-private')).isSelected(), true);
    await screenshot(browser, 'access-attributes');

    await choose(browser, category, 'database');
    await typeLines(browser, text, description);
    const wanted = description.join('\n');
    // The preview renders the Markdown: a heading, not a line starting with '#'.
    const preview = await byTestId(browser, 'attributes-preview');
    await browser
      .waitUntil(
        () =>
          browser.execute(
            (root) => [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].some((h) => h.textContent.trim() === 'API service'),
            preview,
          ),
        { timeout: 10_000, interval: 150 },
      )
      .catch(async () => assert.fail(`the preview shows no heading: ${await preview.getHTML()}`));
    assert.ok(!(await preview.getText()).includes('# API service'), 'the preview shows the Markdown source');
    const counted = await (await byTestId(browser, 'attributes-description-count')).getText();
    assert.ok(counted.includes(String(Array.from(wanted).length)), `the count reads "${counted}"`);
    await screenshot(browser, 'access-attributes-edited');

    await saveAttributes();
    await screenshot(browser, 'access-attributes-saved');
    const listed = listedImage();
    assert.equal(listed.category, 'database');
    assert.equal(listed.description, wanted);
    assert.equal(listed.isPublic, false);
  });

  it('makes the image public through the confirmation, then private again', async () => {
    assertRefused(partnerAdmin, image.pullable, 'while the image is private and not shared');

    await changeVisibility('public', 'access-attributes-public-confirm');
    await screenshot(browser, 'access-attributes-public');
    assert.equal(listedImage().isPublic, true, 'SWR does not list the image as public');
    assertPulls(partnerAdmin, image.pullable, 'once it is public');

    // A public image cannot be shared: the Sharing tab says so and its form is off.
    await (await byTestId(browser, 'tab-sharing')).click();
    await byTestId(browser, 'sharing-tab');
    await byTestId(browser, 'sharing-public-note');
    assert.equal(await (await byTestId(browser, 'sharing-add-submit')).isEnabled(), false, 'a public image can be shared');
    await screenshot(browser, 'access-sharing-public');

    await (await byTestId(browser, 'tab-attributes')).click();
    await byTestId(browser, 'attributes-tab');
    await changeVisibility('private', 'access-attributes-private-confirm');
    await screenshot(browser, 'access-attributes-private');
    const listed = listedImage();
    assert.equal(listed.isPublic, false, 'SWR still lists the image as public');
    assert.equal(listed.category, 'database', 'the visibility change lost the category');
    assert.equal(listed.description, description.join('\n'), 'the visibility change lost the description');
    assertRefused(partnerAdmin, image.pullable, 'once it is private again');
  });

  it('shares the image with the other account for a year, then stops sharing', async () => {
    await openImageTab(image.path, 'sharing');
    await byTestId(browser, 'sharing-tab');
    await waitForGone(browser, '[data-testid="sharing-public-note"]', 'the public note of a private image');
    assert.deepEqual(json(cliEnv, ['share', 'ls', image.path, '--json']), []);

    await typeInto(browser, await byTestId(browser, 'sharing-add-account'), partner);
    await (await byTestId(browser, 'sharing-add-until')).click();
    await setDate(browser, await byTestId(browser, 'sharing-add-date'), yearAhead);
    await typeInto(browser, await byTestId(browser, 'sharing-add-description'), 'e2e: the partner pulls the API');
    await screenshot(browser, 'access-sharing-form');
    await press(browser, 'sharing-add-submit');

    const row = `[data-testid="sharing-row"][data-account="${partner}"]`;
    await (await browser.$(row)).waitForDisplayed({ timeout: 30_000, timeoutMsg: `no share row for ${partner}` });
    await waitForSet(browser, '[data-testid="sharing-row"]', 'data-account', [partner], 'the shares');
    const expiry = await (await browser.$(`${row} [data-testid="sharing-row-expiry"]`)).getText();
    const days = Number(/(\d[\d,]*)/.exec(expiry)?.[1].replaceAll(',', ''));
    assert.ok(days >= 364 && days <= 365, `the share row reads "${expiry}"`);
    assert.ok((await (await browser.$(`${row} [data-testid="sharing-row-deadline"]`)).getText()).trim() !== '');
    assert.equal(await browser.$$('[data-testid="sharing-add-error"]').length, 0);
    await screenshot(browser, 'access-sharing-added');

    const shares = json(cliEnv, ['share', 'ls', image.path, '--json']);
    assert.equal(shares.length, 1, JSON.stringify(shares));
    assert.equal(shares[0].account, partner);
    assert.ok(shares[0].deadline.startsWith(`${yearAhead}T23:59:59`), `SWR holds the deadline ${shares[0].deadline}`);
    assert.equal(shares[0].expired, false);
    assert.equal(shares[0].description, 'e2e: the partner pulls the API');
    assertPulls(partnerAdmin, image.pullable, 'while it is shared with them');

    await (await browser.$(`${row} [data-testid="sharing-row-remove"]`)).click();
    const confirm = await byTestId(browser, 'sharing-remove-confirm');
    assert.ok((await confirm.getText()).includes(partner), 'the confirmation does not name the account');
    await screenshot(browser, 'access-sharing-remove-confirm');
    await press(browser, 'sharing-remove-ok');
    await waitForGone(browser, '[data-testid="sharing-remove-confirm"]', 'the stop-sharing confirmation');
    await waitForGone(browser, row, `the share row of ${partner}`);
    await screenshot(browser, 'access-sharing-removed');

    assert.deepEqual(json(cliEnv, ['share', 'ls', image.path, '--json']), []);
    assertRefused(partnerAdmin, image.pullable, 'after the share ended');
  });

  it("raises the IAM user to write on the organization's Users screen, and then it can push", async () => {
    copyArchive(sandbox, admin, 'demo-base/alpine-mini:3.20', `docker-archive:${iamArchive}:e2e/iam-push:1`);
    // Its keys work (it may read demo-apps), but read is not enough to push.
    assertPulls(iam, image.pullable, 'with read on demo-apps');
    const refused = iamPush('1');
    assert.notEqual(refused.status, 0, 'the IAM user pushed with read only');
    assert.deepEqual(tagsOf('demo-apps/iam-push'), [], 'a refused push left a tag');
    assert.deepEqual(levelsOf(iam, 'demo-apps'), { 'demo-apps': 'read' });

    await (await byTestId(browser, 'nav-organizations')).click();
    await byTestId(browser, 'screen-organizations');
    const link = await browser.$(
      '[data-testid="organization-row"][data-organization="demo-apps"] [data-testid="organization-users-link"], ' +
        '[data-testid="organization-users-link"][data-organization="demo-apps"]',
    );
    await link.waitForDisplayed({ timeout: 20_000, timeoutMsg: 'demo-apps has no link to its users' });
    await link.click();
    await byTestId(browser, 'organization-users-screen', 20_000);

    const row = `[data-testid="permission-row"][data-user="${iam.user_name}"]`;
    await waitForAttribute(browser, row, 'data-level', 'read', `the row of ${iam.user_name}`);
    // The caller's own level is shown as SWR reports it, with nothing to change.
    const [listed] = json(cliEnv, ['perm', 'ls', 'demo-apps', '--json']);
    if (listed.own) {
      const own = await browser.$('[data-testid="permission-row"][data-own="true"]');
      await own.waitForExist({ timeout: 10_000, timeoutMsg: 'the own level is not shown' });
      assert.equal(await own.getAttribute('data-user'), listed.own.userName);
      assert.equal(await own.getAttribute('data-level'), listed.own.level);
      assert.equal((await own.$$('[data-testid="permission-row-level"]')).length, 0, 'the own row can be changed');
      assert.equal((await own.$$('[data-testid="permission-row-revoke"]')).length, 0, 'the own row can be revoked');
    }
    await screenshot(browser, 'access-organization-users');

    const level = await browser.$(`${row} [data-testid="permission-row-level"]`);
    await level.waitForDisplayed({ timeout: 10_000 });
    await choose(browser, level, 'write');
    await byTestId(browser, 'permission-diff', 20_000);
    await waitForSet(browser, '[data-testid="permission-diff-item"]', 'data-action', ['change'], 'the diff of the level change');
    const [item] = await diffItems();
    assert.ok([iam.user_name, iam.user_id].includes(item.user), `the diff names ${item.user}`);
    assert.equal(item.scope, 'demo-apps');
    assertLevels(item, 'read', 'write');
    await screenshot(browser, 'access-permission-diff');
    // Nothing changes before the diff is applied.
    assert.deepEqual(levelsOf(iam, 'demo-apps'), { 'demo-apps': 'read' });

    await applyDiff(1, 'access-permission-result');
    await waitForAttribute(browser, row, 'data-level', 'write', `the row of ${iam.user_name} after applying`);
    await screenshot(browser, 'access-organization-users-changed');

    assert.deepEqual(levelsOf(iam, 'demo-apps'), { 'demo-apps': 'write' });
    const pushed = iamPush('2');
    assert.equal(pushed.status, 0, `the IAM user cannot push with write: ${pushed.stderr}`);
    assert.deepEqual(tagsOf('demo-apps/iam-push'), ['2']);
  });

  it('grants read on both organizations at once through the matrix and its diff', async () => {
    await (await byTestId(browser, 'nav-permissions')).click();
    await byTestId(browser, 'screen-permissions', 20_000);
    assert.equal(await chosen(await byTestId(browser, 'permissions-organization')), '', 'the matrix is not of every organization');
    await byTestId(browser, 'permission-matrix', 20_000);
    const cell = (column) => byUser('matrix-cell', iam, `[data-column="${column}"]`);
    await waitForAttribute(browser, cell('demo-apps'), 'data-level', 'write', 'demo-apps × the IAM user');
    assert.equal(await (await browser.$(cell('demo-apps'))).getAttribute('data-origin'), 'organization');
    await waitForAttribute(browser, cell('demo-base'), 'data-level', 'none', 'demo-base × the IAM user');
    await screenshot(browser, 'access-matrix');

    await (await browser.$(byUser('matrix-row', iam, ' [data-testid="row-select"]'))).click();
    for (const column of ['demo-apps', 'demo-base']) {
      await (await browser.$(`[data-testid="matrix-select-column"][data-column="${column}"]`)).click();
    }
    await choose(browser, await byTestId(browser, 'bulk-level'), 'read');
    await screenshot(browser, 'access-matrix-selected');
    await press(browser, 'bulk-apply');

    await byTestId(browser, 'permission-diff', 20_000);
    await waitForSet(browser, '[data-testid="permission-diff-item"]', 'data-scope', ['demo-apps', 'demo-base'], 'the bulk diff');
    const items = await diffItems();
    const byScope = Object.fromEntries(items.map((i) => [i.scope, i]));
    assert.equal(byScope['demo-base'].action, 'grant');
    assert.equal(byScope['demo-apps'].action, 'change');
    assertLevels(byScope['demo-apps'], 'write', 'read');
    for (const i of items) assert.ok([iam.user_name, iam.user_id].includes(i.user), `the diff names ${i.user}`);
    await screenshot(browser, 'access-bulk-diff');
    assert.deepEqual(levelsOf(iam, 'demo-apps', 'demo-base'), { 'demo-apps': 'write', 'demo-base': 'none' });

    await applyDiff(2, 'access-bulk-result');
    await waitForAttribute(browser, cell('demo-apps'), 'data-level', 'read', 'demo-apps × the IAM user after applying');
    await waitForAttribute(browser, cell('demo-base'), 'data-level', 'read', 'demo-base × the IAM user after applying');
    await screenshot(browser, 'access-matrix-after');

    assert.deepEqual(levelsOf(iam, 'demo-apps', 'demo-base'), { 'demo-apps': 'read', 'demo-base': 'read' });
    // Read again: the IAM user's push is refused once more.
    const refused = iamPush('3');
    assert.notEqual(refused.status, 0, 'the IAM user pushed after going back to read');
    assert.deepEqual(tagsOf('demo-apps/iam-push'), ['2']);
  });

  it("lists the app's changes in the journal, the same ones swrctl reads from the app's folder", async () => {
    const appJournal = json({ ...process.env, SWR_CONSOLE_CONFIG_DIR: configDir }, ['journal', '--json']);
    const key = (e) => [e.operation, e.target, e.outcome].join(' | ');
    const user = (org) => `${org} → ${iam.user_name}`;
    const share = `${image.path} → ${partner}`;
    const expected = [
      ['imageAttributes', image.path],
      ['imageAttributes', image.path],
      ['imageAttributes', image.path],
      ['shareAdd', share],
      ['shareRemove', share],
      ['permissionChange', user('demo-apps')],
      ['permissionChange', user('demo-apps')],
      ['permissionGrant', user('demo-base')],
    ].map(([operation, target]) => `${operation} | ${target} | done`);
    assert.deepEqual(appJournal.map(key).sort(), [...expected].sort(), 'the journal in the app folder');
    for (const e of appJournal) {
      assert.equal(e.source, 'app', `${key(e)} was not written by the app`);
      assert.equal(e.profile, 'Sandbox');
      assert.equal(typeof e.requestId, 'string', `${key(e)} has no request id`);
    }
    // Oldest first: what each change read before it and asked for.
    const oldest = [...appJournal].reverse();
    const attributes = oldest.filter((e) => e.operation === 'imageAttributes');
    assert.equal(JSON.parse(attributes[0].after).category, 'database');
    assert.equal(JSON.parse(attributes[0].before).category, 'framework_app');
    assert.equal(JSON.parse(attributes[0].after).description, description.join('\n'));
    assert.deepEqual(JSON.parse(attributes[1].after), { isPublic: true });
    assert.deepEqual(JSON.parse(attributes[2].after), { isPublic: false });
    const changes = oldest.filter((e) => e.operation === 'permissionChange').map((e) => [e.before, e.after]);
    assert.deepEqual(changes, [['read', 'write'], ['write', 'read']]);
    const grant = oldest.find((e) => e.operation === 'permissionGrant');
    assert.deepEqual([grant.before, grant.after], [null, 'read']);
    // The IAM user's pushes went through its own swrctl, into its own folder.
    const iamJournal = json({ ...process.env, SWR_CONSOLE_CONFIG_DIR: iamConfigDir }, ['journal', '--json']);
    assert.deepEqual(iamJournal.map(key), [
      'push | demo-apps/iam-push | failed',
      'push | demo-apps/iam-push:2 | done',
      'push | demo-apps/iam-push | failed',
    ]);

    await (await byTestId(browser, 'nav-journal')).click();
    await byTestId(browser, 'screen-journal', 20_000);
    await waitForJournal(appJournal.map(key), 'the journal screen');
    const count = await (await byTestId(browser, 'journal-count')).getText();
    assert.ok(count.includes(String(appJournal.length)), `the count reads "${count}"`);
    assert.equal(await browser.$$('[data-testid="journal-row"][data-operation="push"]').length, 0);
    await screenshot(browser, 'access-journal');

    const operation = await byTestId(browser, 'journal-operation');
    await choose(browser, operation, 'permissionChange');
    await waitForJournal(
      appJournal.filter((e) => e.operation === 'permissionChange').map(key),
      'the journal filtered to level changes',
    );
    await screenshot(browser, 'access-journal-operation');
    await choose(browser, operation, '');
    await waitForJournal(appJournal.map(key), 'the journal with every operation');

    const search = await byTestId(browser, 'journal-search');
    await typeInto(browser, search, partner);
    await waitForJournal(
      appJournal.filter((e) => e.target.includes(partner)).map(key),
      `the journal searched for ${partner}`,
    );
    await screenshot(browser, 'access-journal-search');
    await typeInto(browser, search, '');
    await waitForJournal(appJournal.map(key), 'the journal with the search cleared');
  });
});
