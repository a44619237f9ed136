// Every screen in light and dark, in English and Chinese, on the real app against the demo seed
// of swr-sandbox. Each one is saved as `looks-<language>-<theme>-<screen>.png` under
// tests/e2e/artifacts/ to be looked at side by side. What a test can tell about them it checks:
// the language and theme took effect on every screen, no screen shows a translation key instead
// of words, and every screen sits on the same page background in one theme (one app, not a set
// of pages with colours of their own). Last, compact density: list rows get shorter.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Key } from 'webdriverio';
import { addSandboxProfile, byTestId, launchApp, newConfigDir, screenshot, startSandbox } from '../harness.mjs';

const click = async (browser, selector) => {
  const element = await browser.$(selector);
  await element.waitForClickable({ timeout: 15_000, timeoutMsg: `${selector} cannot be clicked` });
  await element.click();
};
const nav = (id) => (browser) => click(browser, `[data-testid="nav-${id}"]`);

/** Each screen: how to get there from the one before, and what shows once it has its data. */
const SCREENS = [
  { name: 'dashboard', open: nav('dashboard'), ready: '[data-testid="dashboard-tile"]' },
  { name: 'uploads', open: nav('uploads'), ready: '[data-testid="screen-uploads"]' },
  { name: 'images', open: nav('images'), ready: '[data-testid="image-row"]' },
  {
    name: 'image-overview',
    open: (browser) => click(browser, '[data-testid="image-row"][data-image="demo-apps/web"]'),
    ready: '[data-testid="pull-copy"]',
  },
  // The OS/arch of the rows comes in one answer once the list is still.
  {
    name: 'image-tags',
    open: (browser) => click(browser, '[data-testid="tab-tags"]'),
    ready: '[data-testid="tag-platforms"][aria-busy="false"]',
  },
  { name: 'organizations', open: nav('organizations'), ready: '[data-testid="organization-row"]' },
  { name: 'permissions', open: nav('permissions'), ready: '[data-testid="screen-permissions"]' },
  { name: 'journal', open: nav('journal'), ready: '[data-testid="screen-journal"]' },
  { name: 'profiles', open: nav('profiles'), ready: '[data-testid="screen-profiles"]' },
  { name: 'settings', open: nav('settings'), ready: '[data-testid="screen-settings"]' },
  { name: 'about', open: nav('about'), ready: '[data-testid="about-license-row"]' },
];

/** What the page says about itself: language, theme, background, and any leftover i18n keys. */
function readPage(browser) {
  return browser.execute(() => {
    const content = document.querySelector('main.content');
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node.textContent ?? '');
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const name of ['aria-label', 'placeholder', 'title']) texts.push(element.getAttribute(name) ?? '');
    }
    return {
      lang: document.documentElement.lang,
      theme: document.documentElement.dataset.theme,
      background: content ? getComputedStyle(content).backgroundColor : null,
      // "image.tabs.label": a key shown because its translation is missing.
      keys: texts.flatMap((text) => text.match(/\b[a-z][a-zA-Z]+(?:\.[a-z][a-zA-Z]+){2,}\b/g) ?? []),
    };
  });
}

describe('every screen in both themes and both languages', () => {
  const configDir = newConfigDir('looks');
  let sandbox;
  let app;
  let browser;

  before(async () => {
    sandbox = await startSandbox();
    const admin = sandbox.ready.accounts[0].users.find((u) => u.admin);
    addSandboxProfile(configDir, sandbox, admin);
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

  it('starts on a webview storage of its own: no column widths from another run', async () => {
    assert.deepEqual(await browser.execute(() => Object.keys(window.localStorage)), []);
  });

  for (const language of ['en', 'zh-CN']) {
    for (const theme of ['light', 'dark']) {
      it(`${language}, ${theme}`, async () => {
        await nav('settings')(browser);
        await click(browser, `[data-testid="settings-language-${language}"]`);
        await click(browser, `[data-testid="settings-theme-${theme}"]`);
        await browser.waitUntil(async () => {
          const page = await readPage(browser);
          return page.lang === language && page.theme === theme;
        }, { timeout: 5_000, timeoutMsg: `${language} in ${theme} was not applied` });

        const backgrounds = new Map();
        for (const screen of SCREENS) {
          await screen.open(browser);
          await browser
            .$(screen.ready)
            .waitForDisplayed({ timeout: 20_000, timeoutMsg: `${screen.name} did not show ${screen.ready}` });
          const page = await readPage(browser);
          assert.equal(page.lang, language, `${screen.name} is not in ${language}`);
          assert.equal(page.theme, theme, `${screen.name} is not in the ${theme} theme`);
          assert.deepEqual(page.keys, [], `${screen.name} shows translation keys instead of words`);
          backgrounds.set(screen.name, page.background);
          await screenshot(browser, `looks-${language}-${theme}-${screen.name}`);
          if (screen.name === 'about') {
            await browser.keys(Key.Escape);
            await (await browser.$('[data-testid="about-dialog"]')).waitForExist({ reverse: true, timeout: 5_000 });
          }
        }
        assert.equal(new Set(backgrounds.values()).size, 1, `the screens sit on different backgrounds: ${JSON.stringify([...backgrounds])}`);
      });
    }
  }

  it('compact density fits more rows in a list', async () => {
    const rowHeight = async (selector) => {
      await browser.$(selector).waitForDisplayed({ timeout: 20_000 });
      return browser.execute((s) => document.querySelector(s).getBoundingClientRect().height, selector);
    };
    await nav('images')(browser);
    const comfortable = await rowHeight('[data-testid="image-row"]');
    await nav('settings')(browser);
    await click(browser, '[data-testid="settings-density-compact"]');
    await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dataset.density)) === 'compact', {
      timeout: 5_000,
      timeoutMsg: 'compact density was not applied',
    });
    await nav('images')(browser);
    const compact = await rowHeight('[data-testid="image-row"]');
    assert.ok(compact < comfortable, `a compact row is ${compact}px, a comfortable one ${comfortable}px`);
    await screenshot(browser, 'looks-compact-images');
    await click(browser, '[data-testid="image-row"][data-image="demo-apps/web"]');
    await click(browser, '[data-testid="tab-tags"]');
    await rowHeight('[data-testid="tag-row"]');
    await screenshot(browser, 'looks-compact-image-tags');
  });
});
