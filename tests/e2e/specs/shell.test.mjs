// The app shell: it opens, every section can be visited, the language switches to Chinese and
// back, the theme follows the override, About tells the version, and the choices survive a
// restart of the app.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byTestId, launchApp, newConfigDir, repoRoot, screenshot } from '../harness.mjs';

const appVersion = JSON.parse(
  readFileSync(join(repoRoot, 'src-tauri', 'tauri.conf.json'), 'utf8'),
).version;

async function text(browser, id) {
  return (await byTestId(browser, id)).getText();
}

async function themeAttribute(browser) {
  return browser.execute(() => document.documentElement.getAttribute('data-theme'));
}

describe('app shell', () => {
  const configDir = newConfigDir('shell');
  let app;
  let browser;

  before(async () => {
    app = await launchApp({ configDir });
    browser = app.browser;
  });

  after(async () => {
    await app?.close();
  });

  it('opens on the shell with no profile configured', async () => {
    await byTestId(browser, 'sidebar');
    const header = await byTestId(browser, 'header-profile');
    await browser.waitUntil(async () => (await header.getAttribute('data-state')) === 'none', {
      timeout: 10_000,
      timeoutMsg: 'the header never settled on "no profile"',
    });
    assert.match(await header.getText(), /No profile/);
    assert.equal(await browser.getTitle(), 'SWR Console');
    await screenshot(browser, '01-shell');
  });

  it('visits every section in the sidebar', async () => {
    const links = await browser.$$('[data-testid="sidebar"] [data-testid^="nav-"]');
    const ids = [];
    for (const link of links) ids.push(await link.getAttribute('data-testid'));
    assert.ok(ids.includes('nav-settings'), `sidebar entries: ${ids.join(', ')}`);
    for (const id of ids.filter((x) => x !== 'nav-about')) {
      await (await byTestId(browser, id)).click();
      const section = id.slice('nav-'.length);
      await byTestId(browser, `screen-${section}`);
      await screenshot(browser, `02-section-${section}`);
    }
  });

  it('switches the interface to Chinese and back', async () => {
    await (await byTestId(browser, 'nav-settings')).click();
    await byTestId(browser, 'screen-settings');
    assert.match(await text(browser, 'nav-settings'), /Settings/);

    await (await byTestId(browser, 'settings-language-zh-CN')).click();
    await browser.waitUntil(async () => (await text(browser, 'nav-settings')).includes('设置'), {
      timeout: 5_000,
      timeoutMsg: 'the sidebar did not switch to Chinese',
    });
    assert.match(await text(browser, 'header-profile'), /未选择连接配置/);
    await screenshot(browser, '03-settings-zh-CN');

    await (await byTestId(browser, 'settings-language-en')).click();
    await browser.waitUntil(async () => (await text(browser, 'nav-settings')).includes('Settings'), {
      timeout: 5_000,
      timeoutMsg: 'the sidebar did not switch back to English',
    });
    assert.match(await text(browser, 'header-profile'), /No profile/);
  });

  it('follows the theme override', async () => {
    await (await byTestId(browser, 'settings-theme-dark')).click();
    await browser.waitUntil(async () => (await themeAttribute(browser)) === 'dark', {
      timeout: 5_000,
      timeoutMsg: 'dark theme was not applied',
    });
    const darkBackground = await browser.execute(
      () => getComputedStyle(document.body).backgroundColor,
    );
    await screenshot(browser, '04-settings-dark');

    await (await byTestId(browser, 'settings-theme-light')).click();
    await browser.waitUntil(async () => (await themeAttribute(browser)) === 'light', {
      timeout: 5_000,
      timeoutMsg: 'light theme was not applied',
    });
    const lightBackground = await browser.execute(
      () => getComputedStyle(document.body).backgroundColor,
    );
    assert.notEqual(darkBackground, lightBackground, 'the page looks the same in both themes');
    await screenshot(browser, '05-settings-light');
  });

  it('shows the version and the bundled licenses in About', async () => {
    await (await byTestId(browser, 'nav-about')).click();
    await byTestId(browser, 'about-dialog');
    assert.match(await text(browser, 'about-version'), new RegExp(appVersion.replaceAll('.', '\\.')));
    const licenses = await byTestId(browser, 'about-licenses');
    await browser.waitUntil(async () => (await licenses.getAttribute('data-state')) === 'ready', {
      timeout: 15_000,
      timeoutMsg: 'the license list never loaded',
    });
    // The list holds every component; only the rows in view are on the page.
    const listed = Number(await (await byTestId(browser, 'about-licenses-table')).getAttribute('aria-rowcount')) - 1;
    assert.ok(listed > 300, `only ${listed} components in the license list`);
    const rows = await browser.$$('[data-testid="about-license-row"]');
    assert.ok(rows.length > 0, 'no license row is drawn');
    await screenshot(browser, '06-about');
    // Hundreds of components, only those in view on the page: the filter finds one by name.
    // Text is read with innerText, since WebKitWebDriver reads no text from grid cells.
    const filter = await byTestId(browser, 'about-licenses-filter');
    for (const name of ['tauri', 'react-dom']) {
      await filter.setValue(name);
      await browser
        .waitUntil(
          async () =>
            (await browser.execute(
              () => [...document.querySelectorAll('[data-testid="about-license-row"]')].map((row) => row.innerText.split(/\s+/)[0]),
            )).includes(name),
          { timeout: 5_000 },
        )
        .catch(() => assert.fail(`the license list has no row for ${name}`));
    }
    await (await byTestId(browser, 'about-close')).click();
    await (await browser.$('[data-testid="about-dialog"]')).waitForDisplayed({ reverse: true });
  });

  it('remembers language and theme after a restart', async () => {
    await (await byTestId(browser, 'nav-settings')).click();
    await (await byTestId(browser, 'settings-language-zh-CN')).click();
    await (await byTestId(browser, 'settings-theme-dark')).click();
    await browser.waitUntil(async () => (await themeAttribute(browser)) === 'dark');
    await app.close();

    app = await launchApp({ configDir });
    browser = app.browser;
    await browser.waitUntil(async () => (await text(browser, 'nav-settings')).includes('设置'), {
      timeout: 10_000,
      timeoutMsg: 'the language choice was not remembered',
    });
    await browser.waitUntil(async () => (await themeAttribute(browser)) === 'dark', {
      timeout: 5_000,
      timeoutMsg: 'the theme choice was not remembered',
    });
    await screenshot(browser, '07-restarted-zh-CN-dark');
  });
});
