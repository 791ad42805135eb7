// The end-to-end tests on @playwright/test: the release app in dist/ served by the real inbox
// (target/debug/tyokyky-inbox), in Debian's Chromium. From the repository's root, after
// `trunk build --release` and `cargo build -p tyokyky-inbox`:
//
//   tests/e2e/node_modules/.bin/playwright test -c tests/e2e/playwright.config.js [--grep 'part of a name']
//
// Screenshots, printouts and accessibility trees the tests save land in tests/e2e/out/; a failed test
// leaves its trace and a screenshot in tests/e2e/out/results/ (open a trace with
// `tests/e2e/node_modules/.bin/playwright show-trace <trace.zip>`), and the HTML report is in
// tests/e2e/out/report/.
'use strict';

const path = require('node:path');
const { defineConfig } = require('@playwright/test');
const { CHROMIUM, CHROMIUM_ARGS, OUT } = require('./support');

module.exports = defineConfig({
  testDir: __dirname,
  testMatch: '*.spec.js',
  outputDir: path.join(OUT, 'results'),
  // One test at a time: the machine has two cores, and the timed parts (the kiosk's inactivity, the
  // app's retry backoff) must not starve; the disk-fault tests also mount file systems as root.
  workers: 1,
  fullyParallel: false,
  // No retries: a flaky test must show as a failure.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // A test that hangs fails by name instead of stalling the whole run.
  timeout: 180000,
  reporter: [['list'], ['html', { outputFolder: path.join(OUT, 'report'), open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    headless: true,
    viewport: { width: 1000, height: 900 },
    // The browser's language is Finnish unless a test says otherwise.
    locale: 'fi-FI',
    // The same limits as Playwright's library defaults, so a missing element fails in 30 s, not at the
    // test's limit.
    actionTimeout: 30000,
    navigationTimeout: 30000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
