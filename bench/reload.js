// The time from a reload to the restored screen, as a person who reloads in the middle of their work feels
// it: a self-assessment question with its answer, and a worker step with the case kept for the tab. On
// loopback, no CPU throttling, the release app in dist/ served by the real inbox. No thresholds: it prints
// the median and the range, and exits non-zero only when a screen does not come back as it was.
//
//   node bench/reload.js [--runs N]
'use strict';

const path = require('node:path');
const { Inbox, ROOT, CHROMIUM, CHROMIUM_ARGS } = require('../tests/e2e/support.js');
const { chromium } = require(path.join(ROOT, 'tests/e2e/node_modules/playwright-core'));

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 15;

/** Reloads `runs` times; each time, the milliseconds until `restored(arg)` holds in the page. */
async function timeReloads(page, restored, runs, arg = null) {
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    const started = Date.now();
    await page.reload({ waitUntil: 'commit' });
    await page.waitForFunction(restored, arg, { timeout: 10000, polling: 'raf' });
    times.push(Date.now() - started);
  }
  return times;
}

const summary = times => {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]} ms (${sorted[0]}–${sorted[sorted.length - 1]} ms, ${times.length} reloads)`;
};

(async () => {
  const inbox = new Inbox();
  await inbox.start();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, locale: 'fi-FI' });
    // Reloading asks first while there is unsent work; a person who reloads means it.
    page.on('dialog', dialog => dialog.accept());

    await page.goto(inbox.base + '/');
    await page.locator('#begin').click();
    await page.locator('#question-form input[type=radio]').first().check();
    const question = await page.locator('#question-form input[type=radio]').first().getAttribute('id');
    const self = await timeReloads(page, id => document.getElementById(id)?.checked === true, RUNS, question);
    console.log(`self-assessment question, reload to the answer shown again: ${summary(self)}`);

    await page.goto(inbox.base + '/worker.html#/worker/plan');
    await page.locator('#plan_unnecessary-no').check();
    await page.locator('#item_goals').fill('Työkokeilu keväällä');
    const worker = await timeReloads(page, () => document.getElementById('item_goals')?.value === 'Työkokeilu keväällä', RUNS);
    console.log(`worker plan step, reload to the case shown again: ${summary(worker)}`);
  } finally {
    await browser.close();
    await inbox.stop();
  }
})().catch(error => {
  console.error(error);
  process.exit(1);
});
