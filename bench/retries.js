// The delivery queue's retry schedule as a backend sees it: the release app in dist/, served by the real
// inbox (target/debug/tyokyky-inbox) in headless Chromium, sends a contact request to a backend that
// answers every POST with 503 (no Retry-After), and then with Retry-After; the times of the attempts that
// reach the backend are printed; then a queue of ten documents kept from an earlier visit (as the outbox
// keeps them in localStorage), all answered 503: the most attempts in any minute, against the queue's bound.
//
// The page's clock is Playwright's (page.clock), installed paused: its timers and Date run on a fake time
// that only this script moves, a second at a time, waiting in real time at each step until the page is
// quiet (no request in flight, none just started), so ten minutes of the schedule take about a minute and
// a loaded machine changes nothing. An attempt's time is the page's (fake) time when it started its
// request; a timer that falls due within a step fires at its own time, so a wait shows as the queue chose
// it.
//
//   node bench/retries.js [--minutes N] [--json FILE] [--quick]
//
// --minutes: how long the backend keeps failing (10); --quick: 2 minutes, a check that the script still
// works (it exits non-zero when no retry came at all or an attempt came sooner than the queue allows).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { Inbox, ROOT, CHROMIUM, CHROMIUM_ARGS } = require('../tests/e2e/support.js');
const { chromium } = require(path.join(ROOT, 'tests/e2e/node_modules/playwright-core'));
const { walkQuestions, fillContact } = require('../tests/e2e/flows.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const QUICK = args.includes('--quick');
const MINUTES = Number(option('--minutes', QUICK ? 2 : 10));
const JSON_OUT = option('--json', null);
// The queue's own figures (src/state/delivery/queue.rs), which the printed schedule is compared with.
const FIRST_WAIT_S = [2, 4];
const ATTEMPTS_PER_MINUTE = 6;

/**
 * Moves the page's fake clock on by `seconds`, a second at a time. Before each step and after the last it
 * waits (in real time) until the page has been quiet for two turns in a row: no request of its in flight
 * and none started since the turn before (both counted in the page, by the wrapper below, so no event can
 * lag). A loaded machine then cannot move the clock on between the queue's deciding to send and the
 * request going out, nor while an answer is on its way.
 */
async function run(page, seconds) {
  const activity = () => page.evaluate(() => [window.__attempts.length, window.__pending]);
  const quiet = async () => {
    let [last] = await activity();
    for (let turns = 0, waited = 0; turns < 2 && waited < 10000; waited += 30) {
      await page.waitForTimeout(30);
      const [started, pending] = await activity();
      turns = pending === 0 && started === last ? turns + 1 : 0;
      last = started;
    }
  };
  for (let second = 0; second < seconds; second += 1) {
    await quiet();
    await page.clock.runFor(1000);
  }
  await quiet();
}

async function schedule(browser, inbox, { retryAfter, documents }) {
  const context = await browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  const start = Date.UTC(2026, 11, 1, 9, 0, 0);
  // Paused: the page's time moves only when run() moves it, never with the real time a loaded machine
  // spends between the queue's counting a request and the request's leaving.
  await page.clock.install({ time: start });
  await page.clock.pauseAt(start);
  // An attempt's time is read in the page as the request starts (its own fake clock), not when the route
  // below gets it, which under load can be a clock step or two later.
  await page.addInitScript(() => {
    const fetch = window.fetch;
    window.__attempts = [];
    window.__pending = 0;
    window.fetch = function (input, init) {
      if (!(input instanceof Request && input.method === 'POST' && input.url.endsWith('/api/documents'))) {
        return fetch.call(this, input, init);
      }
      window.__attempts.push({ at: Date.now(), key: input.headers.get('Idempotency-Key') });
      window.__pending += 1;
      const answer = fetch.call(this, input, init);
      const done = () => { window.__pending -= 1; };
      answer.then(done, done);
      return answer;
    };
  });
  let routed = 0;
  await page.route('**/api/documents', async route => {
    routed += 1;
    const headers = retryAfter ? { 'Retry-After': String(retryAfter) } : {};
    return route.fulfill({ status: 503, contentType: 'application/json', headers, body: '{"error":{"code":"storage_unavailable","message":"down"}}' });
  });
  if (documents > 1) {
    // Documents kept from an earlier visit, as the outbox keeps them: a line `<key> <kind> <json>` each.
    const lines = Array.from({ length: documents }, (_, i) => {
      const key = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
      return `${key} feedback {"idempotency_key":"${key}"}`;
    });
    await page.addInitScript(text => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('tyokyky.outbox.v2.earlier', text);
        sessionStorage.setItem('seeded', '1');
      }
    }, lines.join('\n'));
  }
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  if (documents === 1) {
    await walkQuestions(page, {});
    await fillContact(page, 'Testi Henkilö');
    await page.locator('#send-contact').click();
  }
  await run(page, MINUTES * 60);
  const attempts = (await page.evaluate(() => window.__attempts)).map(({ at, key }) => ({ at: (at - start) / 1000, key }));
  await context.close();
  if (attempts.length !== routed) throw new Error(`the page started ${attempts.length} attempts, the backend saw ${routed}`);
  return attempts;
}

function perMinute(attempts) {
  let most = 0;
  for (const first of attempts) {
    const within = attempts.filter(a => a.at >= first.at && a.at < first.at + 60).length;
    most = Math.max(most, within);
  }
  return most;
}

(async () => {
  const inbox = new Inbox();
  await inbox.start();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const results = {};
  try {
    const plain = await schedule(browser, inbox, { retryAfter: null, documents: 1 });
    const waits = plain.slice(1).map((a, i) => a.at - plain[i].at);
    const seconds = list => list.map(value => value.toFixed(1)).join(', ');
    console.log(`503 without Retry-After, ${MINUTES} min: ${plain.length} attempts at ${seconds(plain.map(a => a.at - plain[0].at))} s`);
    console.log(`  waits between attempts: ${seconds(waits)} s`);
    const later = await schedule(browser, inbox, { retryAfter: 90, documents: 1 });
    const laterWaits = later.slice(1).map((a, i) => a.at - later[i].at);
    console.log(`503 with Retry-After: 90, ${MINUTES} min: ${later.length} attempts at ${seconds(later.map(a => a.at - later[0].at))} s`);
    console.log(`  waits between attempts: ${seconds(laterWaits)} s`);
    const burst = await schedule(browser, inbox, { retryAfter: null, documents: 10 });
    const keys = new Set(burst.map(a => a.key));
    console.log(`ten documents in one queue, ${MINUTES} min: ${burst.length} attempts for ${keys.size} documents; at most ${perMinute(burst)} in any minute (the bound: ${ATTEMPTS_PER_MINUTE})`);
    Object.assign(results, { plain, waits, later, laterWaits, burst, mostPerMinute: perMinute(burst) });
    const problems = [];
    if (plain.length < 3) problems.push('fewer than three attempts: the queue did not retry');
    // A second's slack over the queue's own figures.
    if (waits[0] !== undefined && (waits[0] < FIRST_WAIT_S[0] || waits[0] > FIRST_WAIT_S[1] + 1)) problems.push(`the first wait ${waits[0]} s is not 2–4 s`);
    if (laterWaits.some(wait => wait < 90)) problems.push('an attempt came sooner than Retry-After allowed');
    if (perMinute(burst) > ATTEMPTS_PER_MINUTE) problems.push(`more than ${ATTEMPTS_PER_MINUTE} attempts in a minute`);
    if (problems.length) {
      console.error(problems.join('\n'));
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await inbox.stop();
  }
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
})().catch(error => {
  console.error(error);
  process.exit(1);
});
