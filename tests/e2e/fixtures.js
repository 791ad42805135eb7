// The fixtures of the end-to-end tests, on top of @playwright/test's own:
//   inbox     the real inbox, a fresh one for each test (its own data folder and port), stopped after it
//   problems  what went wrong beside the test's own assertions; the test fails unless it is empty at the end
//   context   the test's browser context (empty storage), where nothing off the inbox's origin is allowed
//             unless the test lets it in with `context.allowOrigin(url)`, signed in as the inboxes' worker
//             (support.js `signInAsWorker`: the pages' reads carry the worker's token)
//   page      its page; a page error, a dialog or a console error is a problem, unless the console error
//             matches one of the test's `page.expectedConsoleErrors`; the "leave this page?" prompt is
//             accepted and counted in `page.beforeUnloadPrompts`
// and axe-core through @axe-core/playwright, and screenshots into tests/e2e/out/.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { test: base, expect } = require('@playwright/test');
const { AxeBuilder } = require('@axe-core/playwright');
const { Inbox, OUT, signInAsWorker } = require('./support');

// WCAG 2.0, 2.1 and 2.2 A and AA, plus axe's best practices.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const test = base.extend({
  inbox: async ({}, use) => {
    const inbox = new Inbox();
    try {
      await inbox.start();
      await use(inbox);
    } finally {
      await inbox.stop();
    }
  },

  problems: async ({}, use) => {
    await use([]);
  },

  context: async ({ context, inbox, problems }, use) => {
    // Only the inbox's origin, unless a test lets in another (a host portal, a second inbox).
    const allowed = new Set([new URL(inbox.base).origin]);
    context.allowOrigin = origin => allowed.add(new URL(origin).origin);
    await context.route(url => !allowed.has(url.origin), route => {
      problems.push(`request off localhost: ${route.request().url()}`);
      return route.abort();
    });
    // Registered after the guard, so it runs first and falls back to it with the token added.
    await signInAsWorker(context);
    await use(context);
  },

  page: async ({ page, problems }, use) => {
    page.on('pageerror', error => problems.push(`page error: ${error.message}`));
    // The browser's own "leave this page?" prompt is the app guarding unsaved work: it is counted (a test
    // may check it came) and accepted, as a person who means to leave would. Any other dialog is a problem.
    page.beforeUnloadPrompts = 0;
    page.on('dialog', dialog => {
      if (dialog.type() === 'beforeunload') {
        page.beforeUnloadPrompts += 1;
        dialog.accept();
        return;
      }
      problems.push(`dialog opened: ${dialog.message()}`);
      dialog.dismiss();
    });
    page.on('console', message => {
      if (message.type() === 'error' && !page.expectedConsoleErrors?.some(re => re.test(message.text()))) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    await use(page);
    expect(problems, 'no page error, dialog, console error or request off the allowed origins').toEqual([]);
  },
});

/** Runs axe-core in the page (its main frame); returns the violations as readable lines. */
async function axe(page) {
  // AxeBuilder evaluates axe through the DevTools protocol, so the app's Content-Security-Policy (no
  // inline script), which the tests keep on, does not stand in its way. Frames are checked on their own
  // pages (the app in a frame is the app), so axe runs in the main frame only; legacy mode runs it there
  // with axe.run, instead of opening a blank page for every check to gather the frames' results in
  // (which made the axe-heavy tests about 2.5 times slower). No CSSOM preload: for a cross-origin
  // stylesheet axe would parse it in an inline <style>, which a strict CSP rightly refuses.
  const result = await new AxeBuilder({ page })
    .options({ iframes: false, preload: false })
    .withTags(AXE_TAGS)
    .setLegacyMode(true)
    .analyze();
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
}

/** Saves a full-page screenshot as tests/e2e/out/<name>.png. */
async function screenshot(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

module.exports = { test, expect, axe, screenshot, AXE_TAGS };
