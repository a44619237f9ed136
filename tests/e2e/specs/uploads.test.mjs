// The Uploads screen on the real app against a real swr-sandbox. Archives made by skopeo and by
// our own generator are handed to the running app on the command line (`swr-console FILE...`,
// what "Open with" does; WebDriver cannot drag files from the desktop), each shows its report,
// an invalid one is refused with its reason, two are pushed and their tags read back through
// SWR, a cancel mid-upload leaves no tag, and an app closed mid-push brings its queue back and
// finishes it. A screenshot of each state goes to tests/e2e/artifacts/.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSandboxProfile, appBinary, binDir, byTestId, choose, copyArchive, launchApp, newConfigDir, screenshot, startSandbox } from '../harness.mjs';

const swrctl = join(binDir, 'swrctl');
// Every request to the sandbox waits this long, so a push of the big archive lasts seconds.
const latencyMs = 200;

/** A docker archive of eight random 4 MiB layers, written by our own generator (Python). */
function writeBigArchive(path) {
  const script = `
import hashlib, io, json, os, sys, tarfile
layers = []
for i in range(8):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as t:
        data = os.urandom(4 << 20)
        info = tarfile.TarInfo(f"data/part{i}.bin"); info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    layers.append(buf.getvalue())
diff_ids = ["sha256:" + hashlib.sha256(l).hexdigest() for l in layers]
config = json.dumps({"architecture": "amd64", "os": "linux", "config": {},
    "rootfs": {"type": "layers", "diff_ids": diff_ids}}).encode()
config_hex = hashlib.sha256(config).hexdigest()
with tarfile.open(sys.argv[1], mode="w") as t:
    def add(name, data):
        info = tarfile.TarInfo(name); info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    names = []
    for layer, diff_id in zip(layers, diff_ids):
        names.append(diff_id[7:] + "/layer.tar"); add(names[-1], layer)
    add(config_hex + ".json", config)
    add("manifest.json", json.dumps([{"Config": config_hex + ".json", "RepoTags": ["e2e/big:1"], "Layers": names}]).encode())
`;
  const result = spawnSync('python3', ['-c', script, path], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, result.stderr);
}

const itemSelector = (file) => `[data-testid="upload-item"][data-file="${file}"]`;

async function itemByFile(browser, file) {
  const item = await browser.$(itemSelector(file));
  await item.waitForExist({ timeout: 30_000, timeoutMsg: `${file} is not in the list` });
  return item;
}

async function waitForAttribute(browser, file, name, wanted, timeout = 60_000) {
  let seen;
  await browser
    .waitUntil(
      async () => {
        seen = await (await itemByFile(browser, file)).getAttribute(name);
        return Array.isArray(wanted) ? wanted.includes(seen) : seen === wanted;
      },
      { timeout, interval: 200 },
    )
    .catch(() => assert.fail(`${file}: ${name} stayed "${seen}", expected ${wanted}`));
}

async function inItem(browser, file, testId) {
  const element = await (await itemByFile(browser, file)).$(`[data-testid="${testId}"]`);
  await element.waitForExist({ timeout: 15_000, timeoutMsg: `${file} has no ${testId}` });
  return element;
}

describe('uploads', () => {
  const configDir = newConfigDir('uploads');
  const work = mkdtempSync(join(tmpdir(), 'swr-e2e-uploads-'));
  const files = {
    docker: join(work, 'alpine.tar'),
    oci: join(work, 'alpine-oci.tar'),
    broken: join(work, 'broken.tar'),
    big: join(work, 'big.tar'),
  };
  let sandbox;
  let admin;
  let app;
  let browser;
  let env;

  const cli = (...args) => spawnSync(swrctl, args, { env, encoding: 'utf8', timeout: 120_000 });
  /** The references of the tags SWR lists for an image ([] when the image does not exist). */
  const tagsOf = (image) => {
    const listed = cli('ls', '--json', image);
    return listed.status === 0 ? JSON.parse(listed.stdout).map((t) => `${image}:${t.tag}`) : [];
  };
  /** Hands files to the running app the way a file manager's "Open with" does. */
  const openWithApp = (...paths) => {
    const second = spawnSync(appBinary, paths, { env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(second.status, 0, `the second launch failed: ${second.stderr}`);
  };

  before(async () => {
    sandbox = await startSandbox(['--fault-latency-ms', String(latencyMs)]);
    admin = sandbox.ready.accounts[0].users.find((u) => u.admin);
    env = { ...process.env, SWR_CONSOLE_CONFIG_DIR: configDir };
    addSandboxProfile(configDir, sandbox, admin);

    // Two archives written by skopeo from a demo image of the sandbox: a docker archive of one
    // image with two tags (as `docker save web:v1 web:latest` writes), and an OCI archive whose
    // only name is a tag (the user has to name the image).
    const source = 'demo-base/alpine-mini:3.20';
    copyArchive(sandbox, admin, source, `docker-archive:${files.docker}:e2e/alpine:3.20`, ['--additional-tag', 'e2e/alpine:latest']);
    copyArchive(sandbox, admin, source, `oci-archive:${files.oci}:1.0`);
    writeFileSync(files.broken, 'these are release notes, not an image archive\n');
    writeBigArchive(files.big);

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

  it('takes files from the command line, shows their reports and refuses an invalid one', async () => {
    // From another screen: handing files to the app brings up Uploads.
    await (await byTestId(browser, 'nav-settings')).click();
    await byTestId(browser, 'screen-settings');
    openWithApp(files.docker, files.oci, files.broken);
    await byTestId(browser, 'screen-uploads', 20_000);

    for (const file of ['alpine.tar', 'alpine-oci.tar']) {
      await waitForAttribute(browser, file, 'data-validation', 'valid');
      assert.equal(await (await itemByFile(browser, file)).getAttribute('data-state'), 'draft');
    }
    const report = await inItem(browser, 'alpine.tar', 'upload-report');
    assert.match(await report.getText(), /e2e\/alpine:3\.20/);

    await waitForAttribute(browser, 'broken.tar', 'data-validation', 'invalid');
    const findings = await inItem(browser, 'broken.tar', 'upload-findings');
    assert.ok((await findings.getText()).length > 0, 'the invalid file shows no reason');
    const queueBroken = await inItem(browser, 'broken.tar', 'upload-queue');
    assert.equal(await queueBroken.isEnabled(), false, 'an invalid archive can be queued');
    await screenshot(browser, 'uploads-reports');
  });

  it('pushes two files one after another and SWR lists their tags', async () => {
    for (const file of ['alpine.tar', 'alpine-oci.tar']) {
      const org = await inItem(browser, file, 'upload-organization');
      await choose(browser, org, 'demo-apps');
    }
    // The OCI archive's image has no name: the form says so until one is given.
    const problem = await inItem(browser, 'alpine-oci.tar', 'upload-problem');
    assert.ok((await problem.getText()).length > 0);
    await screenshot(browser, 'uploads-target-problem');
    const name = await inItem(browser, 'alpine-oci.tar', 'upload-image-name');
    await name.clearValue();
    await name.setValue('alpine-oci');

    const registry = sandbox.ready.registry;
    const expected = {
      'alpine.tar': `${registry}/demo-apps/alpine:3.20`,
      'alpine-oci.tar': `${registry}/demo-apps/alpine-oci:1.0`,
    };
    for (const [file, reference] of Object.entries(expected)) {
      await browser
        .waitUntil(async () => (await (await inItem(browser, file, 'upload-reference')).getText()).includes(reference), {
          timeout: 15_000,
        })
        .catch(async () => {
          // What the item shows instead: its target as the form holds it, and its preview.
          const shown = await browser.execute((selector) => {
            const item = document.querySelector(selector);
            const text = (id) => item?.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
            return {
              organization: item?.querySelector('[data-testid="upload-organization"]')?.getAttribute('data-value') ?? null,
              name: item?.querySelector('[data-testid="upload-image-name"]')?.value ?? null,
              preview: text('upload-reference'),
              problem: text('upload-problem'),
            };
          }, itemSelector(file));
          assert.fail(`${file} does not preview ${reference}: ${JSON.stringify(shown)}`);
        });
    }
    // Both tags of the docker archive are kept, as `swrctl push` keeps them.
    const tags = await inItem(browser, 'alpine.tar', 'upload-image-tags');
    assert.equal(await tags.getValue(), '3.20, latest');
    await screenshot(browser, 'uploads-ready');

    // The lower item first: an item that starts pushing grows, and moves what is under it
    // while a click is on its way there.
    for (const file of ['alpine-oci.tar', 'alpine.tar']) {
      await (await inItem(browser, file, 'upload-queue')).click();
      await waitForAttribute(browser, file, 'data-state', ['queued', 'running', 'done'], 10_000);
    }
    await screenshot(browser, 'uploads-queued');
    for (const file of ['alpine.tar', 'alpine-oci.tar']) {
      await waitForAttribute(browser, file, 'data-state', 'done', 120_000);
    }
    await browser.execute(() => document.querySelector('[data-testid="screen-uploads"]')?.scrollIntoView());
    await screenshot(browser, 'uploads-done');
    const pushed = await inItem(browser, 'alpine.tar', 'upload-reference');
    assert.match(await pushed.getText(), /demo-apps\/alpine:3\.20/);

    assert.ok(tagsOf('demo-apps/alpine').includes('demo-apps/alpine:3.20'));
    assert.ok(tagsOf('demo-apps/alpine').includes('demo-apps/alpine:latest'), 'the second tag was not pushed');
    assert.ok(tagsOf('demo-apps/alpine-oci').includes('demo-apps/alpine-oci:1.0'));
  });

  /** Adds the big archive, targets demo-apps and queues it; resolves when bytes are moving. */
  async function startBigPush() {
    openWithApp(files.big);
    await waitForAttribute(browser, 'big.tar', 'data-validation', 'valid');
    const org = await inItem(browser, 'big.tar', 'upload-organization');
    await choose(browser, org, 'demo-apps');
    const queue = await inItem(browser, 'big.tar', 'upload-queue');
    await browser.waitUntil(() => queue.isEnabled(), { timeout: 15_000 });
    await queue.click();
    await waitUntilBytesMove();
  }

  async function waitUntilBytesMove() {
    await browser
      .waitUntil(
        async () => {
          const progress = await browser.$(`${itemSelector('big.tar')} [data-testid="upload-progress"]`);
          if (!(await progress.isExisting())) return false;
          const done = Number(await progress.getAttribute('data-done'));
          const total = Number(await progress.getAttribute('data-total'));
          return done > 0 && done < total;
        },
        { timeout: 60_000, interval: 100 },
      )
      .catch(() => assert.fail('the big archive never showed bytes moving'));
  }

  it('cancels mid-upload and leaves no tag', async () => {
    await startBigPush();
    await screenshot(browser, 'uploads-running');
    await (await inItem(browser, 'big.tar', 'upload-cancel')).click();
    await waitForAttribute(browser, 'big.tar', 'data-state', 'cancelled', 30_000);
    await screenshot(browser, 'uploads-cancelled');
    assert.deepEqual(tagsOf('demo-apps/big'), [], 'a cancelled upload left a tag');
  });

  it('brings the queue back after the app stopped mid-push and finishes it', async () => {
    await (await inItem(browser, 'big.tar', 'upload-retry')).click();
    await waitUntilBytesMove();
    // Closed hard, mid-push, as a crash or a power cut would.
    await app.close({ crash: true });
    assert.deepEqual(tagsOf('demo-apps/big'), [], 'a tag appeared before all blobs were in');

    app = await launchApp({ configDir });
    browser = app.browser;
    await byTestId(browser, 'screen-uploads', 20_000);
    const banner = await byTestId(browser, 'uploads-resumed', 20_000);
    assert.match(await banner.getText(), /1/);
    await screenshot(browser, 'uploads-resumed');

    // The user browses while it finishes: a toast says the push landed and opens its image.
    await (await byTestId(browser, 'nav-images')).click();
    await byTestId(browser, 'screen-images');
    const toast = await byTestId(browser, 'notice-upload-pushed', 120_000);
    assert.match(await toast.getText(), /demo-apps\/big:1/);
    // The list on screen takes the new image in without a refresh.
    await browser.$('[data-testid="image-row"][data-image="demo-apps/big"]').waitForExist({ timeout: 20_000 });
    await screenshot(browser, 'uploads-toast-pushed');
    await (await toast.$('[data-testid="toast-action"]')).click();
    await browser.$('[data-testid="tag-row"][data-tag="1"]').waitForExist({ timeout: 20_000 });
    assert.deepEqual(tagsOf('demo-apps/big'), ['demo-apps/big:1']);

    await (await byTestId(browser, 'nav-uploads')).click();
    await waitForAttribute(browser, 'big.tar', 'data-state', 'done', 20_000);
    // The earlier items are still listed as done after the restart.
    assert.equal(await (await itemByFile(browser, 'alpine.tar')).getAttribute('data-state'), 'done');
    await screenshot(browser, 'uploads-after-restart');
  });
});
