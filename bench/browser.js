// Browser figures a person feels, at 4× CPU throttling in headless Chromium: time to interactive of the
// self-assessment and the worker flow (a fresh browser context, so an empty cache, per load; on loopback and
// on a slow connection), and the latency from an answer change to the re-evaluated findings painted. The
// release app in dist/ is served by the real inbox (target/debug/tyokyky-inbox), as in the e2e tests.
// Beside them, the floor: a plain page (bench/floor/index.html: no framework, a handler that rewrites a short
// list on every change) served from loopback by this script, whose input latency is timed in the same run
// with the same probe, throttling and number of inputs; the app's p50 and p95 are printed as ratios to its.
// Then first contentful paint of the app's two pages and of the plain page on the slow connection with the
// CPU not throttled (the goal for the loading shell names the connection only), a fresh context per load.
//
//   node bench/browser.js [--runs N] [--slow-runs N] [--paint-runs N] [--inputs N] [--json FILE] [--quick] [--surveyjs]
//
// --runs: loads of each screen on loopback (15); --slow-runs: on the slow connection (as --runs; 0 skips it);
// --paint-runs: loads of each page for first paint on the slow connection, CPU not throttled (as --slow-runs;
// 0 skips it); --inputs: timed answer changes per screen, the plain page's too (200); --json: the raw numbers
// and the summaries to FILE. `--quick` (2 loads on loopback, 20 inputs per screen, 2 first-paint loads of
// each page) checks that the script still works; there are no thresholds anywhere, but a missing selector, a
// missing measurement or inputs that change nothing make it exit non-zero.
// --surveyjs: also the yardstick, the same questions rendered by the form library SurveyJS (bench/surveyjs,
// built by its build.js into bench/surveyjs/dist/ and served here from loopback with its compressed copies,
// as the inbox serves the app): loaded in turn with the app's screens, with the same throttling, networks and
// probe, and printed beside the self-assessment with the ratio app/SurveyJS. Without that build it stops
// before measuring, saying how to build it; with --quick it is skipped instead.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
// The inbox, Debian's Chromium and its flags as the e2e tests have them.
const { Inbox, ROOT, CHROMIUM, CHROMIUM_ARGS } = require('../tests/e2e/support.js');
const { compressed } = require('../scripts/precompress.js');
const { chromium } = require(path.join(ROOT, 'tests/e2e/node_modules/playwright-core'));
const CPU_SLOWDOWN = 4;
const SURVEYJS_DIST = path.join(__dirname, 'surveyjs', 'dist');
const SURVEYJS_BUILD = 'cd bench/surveyjs && npm ci && npm run build';
const FLOOR_PAGE = path.join(__dirname, 'floor', 'index.html');
// The input latency goal: the app's p95 at most this many times the plain page's, on both flows.
const FLOOR_LATENCY_GOAL = 1.25;
// The loading shell's goal: first contentful paint at most this long after navigation on the slow connection.
const FIRST_PAINT_GOAL_MS = 300;
const VIEWPORT = { width: 1000, height: 900 };
const LOCALE = 'fi-FI';
// No network emulation: loopback to the inbox on this machine.
const LOOPBACK = { name: 'loopback', label: 'loopback (no network emulation)', conditions: null };
// Roughly DevTools' "slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
const SLOW = {
  name: 'slow',
  label: 'slow 4G-ish: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up',
  conditions: { offline: false, latency: 150, downloadThroughput: 200000, uploadThroughput: 93750 },
};

/**
 * The screens whose time to interactive is measured. Each `targets` entry is an element that counts as
 * interactive once it is in the DOM and enabled (yew delegates events at its root, so nothing else is
 * needed); `click` clicks it at once, to time the screen behind it without a person's delay.
 */
const SCREENS = [
  {
    name: 'self', label: 'self-assessment (/)', origin: 'app', route: '/', wasm: true,
    targets: [
      { name: 'start', label: 'start button #begin enabled', selector: '#begin', click: true },
      { name: 'question', label: 'first question input (#begin clicked at once)', selector: '#question-form [name^="q-"]' },
    ],
  },
  {
    name: 'worker', label: 'worker case opening (/worker.html#/worker)', origin: 'app', route: '/worker.html#/worker', wasm: true,
    targets: [{ name: 'field', label: 'first field of form#case-opening enabled', selector: 'form#case-opening input' }],
  },
];

/**
 * The yardstick (--surveyjs): the self-assessment's questions rendered by SurveyJS (bench/surveyjs). Its first
 * page is the app's first question, the 0–10 score, with the survey's title and intro above it: the target is
 * that question's first input (a visually hidden radio inside each rating label), in the DOM and enabled.
 */
const SURVEYJS_SCREEN = {
  name: 'surveyjs', label: 'SurveyJS, the same questions (bench/surveyjs/dist)', origin: 'surveyjs', route: '/', wasm: false,
  targets: [{ name: 'question', label: 'first question input (SurveyJS first page)', selector: '#survey .sd-question input, #survey .sd-question textarea' }],
};

/**
 * The answer changes timed for input latency: `region` is what must change (the findings panel, or the
 * urgent help notice), `inputs` cycle in order and each one should change it.
 */
const LATENCY_SCREENS = [
  {
    name: 'worker-assessment', label: 'worker assessment step (after a filled case opening), findings panel',
    short: 'worker assessment step, findings panel',
    route: '/worker.html#/worker', ready: 'form#case-opening', region: '.tk-findings',
    // A case in progress: the opening answered (the profession findings wait for special_support), then step 2.
    open: async page => {
      await page.fill('#opened_on', '2026-02-02');
      await page.click('#initiator-client');
      await page.fill('#age', '36');
      await page.click('#special_support-no');
      await page.click('a.tk-steps__link[href="#/worker/assessment"]');
      await page.waitForSelector('form#assessment');
    },
    inputs: [
      ['click needs_support: yes', page => page.click('#needs_support-yes')],
      ['click needs_support: no', page => page.click('#needs_support-no')],
      ['select responsible profession', page => page.selectOption('#assessment_responsible_profession', 'social_worker')],
      ['select no profession', page => page.selectOption('#assessment_responsible_profession', '')],
      ['type a letter in the summary', page => page.press('#assessment_summary', 'x')],
      ['erase it (Backspace)', page => page.press('#assessment_summary', 'Backspace')],
    ],
  },
  {
    name: 'self-urgent', label: 'self-assessment question 2 (right_now), urgent help notice',
    short: 'self-assessment question 2, urgent help notice',
    route: '/', ready: '#begin', region: '#urgent-help',
    // From the start screen to the question whose answers show or hide the urgent help.
    open: async page => {
      await page.click('#begin');
      await page.click('#next');
      await page.waitForSelector('#q-right_now-none');
    },
    inputs: [
      ['tick "no place to sleep"', page => page.click('#q-right_now-no_place_to_sleep')],
      ['tick "none of these"', page => page.click('#q-right_now-none')],
    ],
  },
];

/**
 * The floor of input latency: the plain page (bench/floor/index.html), whose own handler rewrites its list
 * of the choices (`#summary`) on every change. Its inputs are of the kinds the app's screens have (a checkbox
 * ticked and unticked, radio buttons, a select) and each one changes the list.
 */
const FLOOR_LATENCY_SCREEN = {
  name: 'floor', label: 'plain page (the floor): bench/floor/index.html, its list of the choices',
  short: 'plain page (the floor)',
  route: '/', ready: 'form#choices', region: '#summary',
  inputs: [
    ['tick "no place to sleep"', page => page.click('#now-sleep')],
    ['untick it', page => page.click('#now-sleep')],
    ['click support: yes', page => page.click('#support-yes')],
    ['click support: no', page => page.click('#support-no')],
    ['select a profession', page => page.selectOption('#profession', 'social_worker')],
    ['select none', page => page.selectOption('#profession', '')],
  ],
};

/**
 * The pages whose first paint is timed on the slow connection with the CPU not throttled: the app's two
 * (their loading shell, in index.html and worker.html) and the plain page as their floor.
 */
const PAINT_PAGES = [
  { name: 'self', label: 'self-assessment (/)', origin: 'app', route: '/' },
  { name: 'worker', label: 'worker page (/worker.html#/worker)', origin: 'app', route: '/worker.html#/worker' },
  { name: 'floor', label: 'plain page (the floor)', origin: 'floor', route: '/' },
];

// The most inputs allowed to change nothing before the figure is refused as measuring nothing.
const MAX_UNCHANGED_SHARE = 0.05;
const NO_CHANGE_WAIT_MS = 1000;

function parseArgs(argv) {
  const options = { runs: 15, slowRuns: null, paintRuns: null, inputs: 200, json: null, quick: false, surveyjs: false };
  const number = (flag, value, least = 1) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < least) throw new Error(`${flag} needs a whole number ≥ ${least}, got ${value}`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--quick') options.quick = true;
    else if (flag === '--surveyjs') options.surveyjs = true;
    else if (flag === '--runs') options.runs = number(flag, argv[++i]);
    else if (flag === '--slow-runs') options.slowRuns = number(flag, argv[++i], 0);
    else if (flag === '--paint-runs') options.paintRuns = number(flag, argv[++i], 0);
    else if (flag === '--inputs') options.inputs = number(flag, argv[++i]);
    else if (flag === '--json') options.json = argv[++i];
    else throw new Error(`unknown option ${flag} (see the comment at the top of bench/browser.js)`);
  }
  if (options.quick) Object.assign(options, { runs: 2, slowRuns: 0, paintRuns: 2, inputs: 20 });
  if (options.slowRuns === null) options.slowRuns = options.runs;
  if (options.paintRuns === null) options.paintRuns = options.slowRuns;
  if (options.json === undefined) throw new Error('--json needs a file name');
  return options;
}

/** The value at quantile `q` of `values` (nearest rank), or null for none. */
function quantile(values, q) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

function summarize(values) {
  return {
    n: values.length, median: quantile(values, 0.5), p90: quantile(values, 0.9), p95: quantile(values, 0.95),
    min: quantile(values, 0), max: quantile(values, 1),
  };
}

/**
 * Injected before any script of the page: notes `performance.now()` the first time each target is in the
 * DOM and enabled (clicking it at once if asked), and when the app's WASM starts and finishes instantiating.
 * `window.__ttiDone` resolves with the marks once every target is there.
 */
function ttiProbe(targets) {
  const marks = {};
  window.__tti = marks;
  let done;
  window.__ttiDone = new Promise(resolve => { done = resolve; });
  const check = () => {
    for (const target of targets) {
      if (marks[target.name] !== undefined) continue;
      const element = document.querySelector(target.selector);
      if (element && !element.matches(':disabled')) {
        marks[target.name] = performance.now();
        if (target.click) element.click();
      }
    }
    if (targets.every(target => marks[target.name] !== undefined)) {
      observer.disconnect();
      done(marks);
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      const started = performance.now();
      return original.apply(this, args).then(result => {
        if (marks.wasmInstantiated === undefined) Object.assign(marks, { wasmInstantiateStart: started, wasmInstantiated: performance.now() });
        return result;
      });
    };
  }
}

/**
 * Opens a fresh context and page with the CPU `cpuSlowdown` times slower (1: as the machine is) and, if
 * given, the network slowed down; `errors` collects page errors.
 */
async function openThrottled(browser, network, errors, cpuSlowdown = CPU_SLOWDOWN) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: LOCALE });
  const page = await context.newPage();
  page.on('pageerror', error => errors.push(`page error: ${error.message}`));
  page.on('console', message => { if (message.type() === 'error') errors.push(`console error: ${message.text()}`); });
  const cdp = await context.newCDPSession(page);
  if (cpuSlowdown !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  if (network.conditions) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network.conditions);
  }
  return { context, page };
}

/**
 * One load of `screen` in a fresh context: the marks of its targets, first contentful paint, the WASM's
 * timings (the app) and every file the page downloaded (path, bytes over the wire, when received). `bases`:
 * the URL of each origin (`app`, `surveyjs`).
 */
async function loadOnce(browser, bases, screen, network) {
  const base = bases[screen.origin];
  const errors = [];
  const { context, page } = await openThrottled(browser, network, errors);
  try {
    await context.addInitScript(ttiProbe, screen.targets.map(({ name, selector, click }) => ({ name, selector, click })));
    const limit = network.conditions ? 120000 : 30000;
    await page.goto(base + screen.route, { waitUntil: 'commit', timeout: limit });
    const marks = await withTimeout(page.evaluate(() => window.__ttiDone), limit,
      () => `${screen.label}: not every target appeared in ${limit / 1000} s (${screen.targets.map(t => t.selector).join(', ')})`);
    const timings = await page.evaluate(() => new Promise(resolve => {
      // First contentful paint can come a frame after the last target; wait for it (or give up after 5 s).
      const finish = () => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const [navigation] = performance.getEntriesByType('navigation');
        const wasm = performance.getEntriesByType('resource').filter(entry => new URL(entry.name).pathname.endsWith('.wasm'));
        const downloads = [navigation, ...performance.getEntriesByType('resource')].filter(Boolean).map(entry => ({
          path: new URL(entry.name).pathname, bytes: entry.encodedBodySize, responseEnd: entry.responseEnd,
        }));
        resolve({
          downloads,
          fcp: fcp ? fcp.startTime : null,
          htmlResponseEnd: navigation ? navigation.responseEnd : null,
          wasmResponseEnd: wasm.length ? wasm[0].responseEnd : null,
          wasmBytes: wasm.length ? wasm[0].encodedBodySize : null,
          wasmDecodedBytes: wasm.length ? wasm[0].decodedBodySize : null,
        });
      };
      if (performance.getEntriesByName('first-contentful-paint').length) { finish(); return; }
      new PerformanceObserver(finish).observe({ type: 'paint', buffered: true });
      setTimeout(finish, 5000);
    }));
    const run = { ...timings, ...marks };
    const missing = ['fcp', 'htmlResponseEnd', ...(screen.wasm ? ['wasmResponseEnd', 'wasmInstantiated'] : []), ...screen.targets.map(t => t.name)]
      .filter(key => typeof run[key] !== 'number');
    if (missing.length) throw new Error(`${screen.label} on ${network.name}: missing ${missing.join(', ')}`);
    if (errors.length) throw new Error(`${screen.label} on ${network.name}:\n${errors.join('\n')}`);
    return run;
  } finally {
    await context.close();
  }
}

function withTimeout(promise, ms, message) {
  let timer;
  const limit = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message())), ms); });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/**
 * Time to interactive: `runs` loads of each screen on `network`, the screens taking turns so that a noisy
 * moment of a shared machine falls on both.
 */
async function measureTti(browser, bases, screens, network, runs) {
  const results = screens.map(screen => ({ network: network.name, networkLabel: network.label, screen: screen.name, screenLabel: screen.label, runs: [] }));
  for (let run = 0; run < runs; run += 1) {
    for (const [index, screen] of screens.entries()) {
      const result = await loadOnce(browser, bases, screen, network);
      if (network.conditions) {
        // The emulation must really slow the download, or the figure is a loopback figure under another name:
        // the largest file (the app's .wasm, SurveyJS's script) cannot arrive sooner than its bytes allow.
        const largest = result.downloads.reduce((max, d) => (max && max.bytes >= d.bytes ? max : d), null);
        const floor = largest.bytes / network.conditions.downloadThroughput * 1000;
        if (largest.responseEnd < 0.9 * floor) throw new Error(`network emulation not applied: ${largest.path} of ${largest.bytes} B done at ${largest.responseEnd} ms`);
      }
      results[index].runs.push(result);
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  for (const result of results) {
    const screen = screens.find(s => s.name === result.screen);
    const keys = ['htmlResponseEnd', ...(screen.wasm ? ['wasmResponseEnd', 'wasmInstantiateStart', 'wasmInstantiated'] : []), 'fcp', ...screen.targets.map(t => t.name)];
    result.summary = Object.fromEntries(keys.map(key => [key, summarize(result.runs.map(r => r[key]))]));
  }
  return results;
}

/**
 * Installed in a loaded page: times one armed input at a time, from the first `click`, `change` or `input`
 * event (its `timeStamp`, the clock of `performance.now()`) to the frame after the first change inside
 * `region` (rAF, then a message: roughly when that frame is painted). Also when the DOM had changed (the
 * mutation observer's callback, right after the app's work): the part the app controls, without the wait
 * for the next frame.
 */
function latencyProbe(region) {
  let armed = false;
  let start = null;
  let changed = false;
  let finish = null;
  let measured = null;
  const note = event => { if (armed && start === null) start = event.timeStamp; };
  for (const type of ['click', 'change', 'input']) document.addEventListener(type, note, true);
  // A change inside the region, or the region itself added or removed.
  const element = node => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
  const inside = node => Boolean(element(node)?.closest(region));
  const isOrHolds = node => node.nodeType === Node.ELEMENT_NODE && (node.matches(region) || Boolean(node.querySelector(region)));
  new MutationObserver(records => {
    if (!armed || start === null || changed) return;
    const touches = records.some(record => inside(record.target) || [...record.addedNodes, ...record.removedNodes].some(isOrHolds));
    if (!touches) return;
    changed = true;
    const updated = performance.now() - start;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => finish({ painted: performance.now() - start, updated });
      channel.port2.postMessage(0);
    });
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  window.__latency = {
    arm() {
      armed = true;
      start = null;
      changed = false;
      measured = new Promise(resolve => { finish = resolve; });
    },
    /**
     * The latency of the armed input in ms (to the change painted, and to the DOM changed), or why there is
     * none: `{ms, updated}`, `{noInput}` or `{noChange}`.
     */
    async result(waitMs) {
      const times = await Promise.race([measured, new Promise(resolve => setTimeout(() => resolve(null), waitMs))]);
      const sawInput = start !== null;
      armed = false;
      if (times !== null) return { ms: times.painted, updated: times.updated };
      return sawInput ? { noChange: true } : { noInput: true };
    },
  };
}

/** `count` inputs on one screen, cycling through its inputs, each timed before the next. */
async function measureLatency(browser, base, screen, count) {
  const errors = [];
  const { context, page } = await openThrottled(browser, LOOPBACK, errors);
  const samples = [];
  const unchanged = [];
  try {
    await page.goto(base + screen.route);
    await page.waitForSelector(screen.ready, { timeout: 60000 });
    if (screen.open) await screen.open(page);
    await page.evaluate(latencyProbe, screen.region);
    for (let i = 0; i < count; i += 1) {
      const [kind, act] = screen.inputs[i % screen.inputs.length];
      await page.evaluate(() => window.__latency.arm());
      await act(page);
      const result = await page.evaluate(wait => window.__latency.result(wait), NO_CHANGE_WAIT_MS);
      if (result.noInput) throw new Error(`${screen.label}: "${kind}" fired no click, change or input event`);
      if (result.noChange) unchanged.push({ index: i, kind });
      else if (!(result.ms >= 0 && result.ms < 10000)) throw new Error(`${screen.label}: "${kind}" timed at ${result.ms} ms; event.timeStamp is not on the clock of performance.now()`);
      else samples.push({ index: i, kind, ms: result.ms, updated: result.updated });
      if (i % 10 === 9) process.stderr.write('.');
    }
    process.stderr.write('\n');
    if (errors.length) throw new Error(`${screen.label}:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
  return latencyResult(screen, count, samples, unchanged);
}

/** The timed inputs of one screen summed up: all of them, each kind, and to the DOM changed. */
function latencyResult(screen, count, samples, unchanged) {
  if (!samples.length || unchanged.length > MAX_UNCHANGED_SHARE * count) {
    throw new Error(`${screen.label}: ${unchanged.length} of ${count} inputs changed nothing in ${screen.region} `
      + `(${[...new Set(unchanged.map(u => u.kind))].join('; ')}); the benchmark would measure nothing`);
  }
  const byKind = screen.inputs.map(([kind]) => ({ kind, ...summarize(samples.filter(s => s.kind === kind).map(s => s.ms)) }));
  return {
    screen: screen.name, screenLabel: screen.label, region: screen.region, inputs: count, samples, unchanged,
    summary: summarize(samples.map(s => s.ms)), updated: summarize(samples.map(s => s.updated)), byKind,
  };
}

/**
 * The floor's inputs are timed in two halves, each in a fresh page: one before the app's screens and one
 * after (`measureLatency` with half the count each), so that a busier or quieter stretch of a shared machine
 * during the run weighs on the floor as on the app. The two are summed up as one screen of `count` inputs.
 */
function joinLatency(screen, first, second) {
  const shift = sample => ({ ...sample, index: sample.index + first.inputs });
  return latencyResult(screen, first.inputs + second.inputs,
    [...first.samples, ...second.samples.map(shift)], [...first.unchanged, ...second.unchanged.map(shift)]);
}

/**
 * The app's input latency beside the floor's: each latency screen's p50 and p95 (input to painted) as a
 * ratio to the plain page's, against the goal p95 ≤ FLOOR_LATENCY_GOAL × the floor's p95. `screens`: where
 * each result's short name is found.
 */
function compareLatencyWithFloor(floor, latency, screens = [FLOOR_LATENCY_SCREEN, ...LATENCY_SCREENS]) {
  const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : null);
  const fixed = value => (value === null ? '–' : value.toFixed(1));
  const times = value => (value === null ? '–' : `${value.toFixed(2)}×`);
  console.log(`\n== Input latency beside the plain page (the floor), the same run, probe, throttling and number of inputs; `
    + `goal: p95 ≤ ${FLOOR_LATENCY_GOAL}× the floor's p95, on both flows ==`);
  console.log(`  ${pad('ms from input event to the change painted', 50)}${['p50', 'p95', 'p50/floor', 'p95/floor', 'goal'].map(h => padLeft(h, 11)).join('')}`);
  const rows = [floor, ...latency].map(result => {
    const row = {
      screen: result.screen, screenLabel: result.screenLabel, p50: result.summary.median, p95: result.summary.p95,
      ratioP50: ratio(result.summary.median, floor.summary.median), ratioP95: ratio(result.summary.p95, floor.summary.p95),
    };
    const short = screens.find(s => s.name === result.screen).short;
    row.goalMet = row.ratioP95 !== null && row.ratioP95 <= FLOOR_LATENCY_GOAL;
    const goal = result === floor ? '' : (row.goalMet ? 'met' : 'not met');
    console.log(`  ${pad(short, 50)}${[fixed(row.p50), fixed(row.p95), times(row.ratioP50), times(row.ratioP95), goal].map(v => padLeft(v, 11)).join('')}`);
    return row;
  });
  return { goalRatioP95: FLOOR_LATENCY_GOAL, floorP50: floor.summary.median, floorP95: floor.summary.p95, rows: rows.slice(1) };
}

/**
 * One load of `page` on `network` in a fresh context with the CPU not throttled, until its first contentful
 * paint: when that was and when the HTML was received, in ms from navigation start. The load is left
 * unfinished (the context is closed at once): what comes after the first paint is not measured here.
 */
async function paintOnce(browser, bases, page, network) {
  const errors = [];
  const { context, page: tab } = await openThrottled(browser, network, errors, 1);
  try {
    const limit = 60000;
    await tab.goto(bases[page.origin] + page.route, { waitUntil: 'commit', timeout: limit });
    // Both figures once there (the HTML may still be arriving when a first part of it is painted).
    const run = await withTimeout(tab.evaluate(() => new Promise(resolve => {
      const check = () => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const [navigation] = performance.getEntriesByType('navigation');
        if (fcp && navigation && navigation.responseEnd > 0) resolve({ fcp: fcp.startTime, htmlResponseEnd: navigation.responseEnd });
        else setTimeout(check, 20);
      };
      check();
    })), limit, () => `${page.label} on ${network.name}: no first contentful paint (or no HTML received) in ${limit / 1000} s`);
    const missing = ['fcp', 'htmlResponseEnd'].filter(key => typeof run[key] !== 'number');
    if (missing.length) throw new Error(`${page.label} on ${network.name}, CPU not throttled: missing ${missing.join(', ')}`);
    // The emulation must really delay the page, or the figure is a loopback figure under another name: the
    // HTML cannot arrive sooner than one round trip.
    if (network.conditions && run.htmlResponseEnd < network.conditions.latency) {
      throw new Error(`network emulation not applied: ${page.label}'s HTML received at ${run.htmlResponseEnd} ms`);
    }
    if (errors.length) throw new Error(`${page.label} on ${network.name}, CPU not throttled:\n${errors.join('\n')}`);
    return run;
  } finally {
    await context.close();
  }
}

/** First paint: `runs` loads of each page on `network`, CPU not throttled, the pages taking turns. */
async function measureFirstPaint(browser, bases, pages, network, runs) {
  const results = pages.map(page => ({ page: page.name, pageLabel: page.label, runs: [] }));
  for (let run = 0; run < runs; run += 1) {
    for (const [index, page] of pages.entries()) {
      results[index].runs.push(await paintOnce(browser, bases, page, network));
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  for (const result of results) {
    result.summary = { fcp: summarize(result.runs.map(r => r.fcp)), htmlResponseEnd: summarize(result.runs.map(r => r.htmlResponseEnd)) };
    result.withinGoal = result.runs.filter(r => r.fcp <= FIRST_PAINT_GOAL_MS).length;
  }
  return {
    network: network.name, networkLabel: network.label, cpuSlowdown: 1, goalMs: FIRST_PAINT_GOAL_MS, loads: runs, pages: results,
  };
}

const ms = value => (value === null || value === undefined ? '–' : value.toFixed(0));
const pad = (text, width) => String(text).padEnd(width);
const padLeft = (text, width) => String(text).padStart(width);

function printTti(results, screens) {
  const labels = {
    htmlResponseEnd: 'HTML received (responseEnd)',
    wasmResponseEnd: '.wasm received (responseEnd)',
    wasmInstantiateStart: '.wasm instantiation called',
    wasmInstantiated: '.wasm compiled + instantiated',
    fcp: 'first contentful paint',
  };
  for (const result of results) {
    const screen = screens.find(s => s.name === result.screen);
    for (const target of screen.targets) labels[target.name] = `TTI: ${target.label}`;
    const [first] = result.runs;
    const files = screen.wasm ? `.wasm ${first.wasmBytes} B over the wire, ${first.wasmDecodedBytes} B decoded`
      : `${pageFiles(first.downloads).length} files, ${pageFiles(first.downloads).reduce((sum, d) => sum + d.bytes, 0)} B over the wire`;
    console.log(`\n${result.screenLabel} — ${result.networkLabel}, ${result.runs.length} loads; ${files}`);
    console.log(`  ${pad('ms from navigation start', 50)}${['median', 'p90', 'min', 'max'].map(h => padLeft(h, 8)).join('')}`);
    for (const [key, s] of Object.entries(result.summary)) {
      console.log(`  ${pad(labels[key], 50)}${[s.median, s.p90, s.min, s.max].map(v => padLeft(ms(v), 8)).join('')}`);
    }
  }
}

function printLatency(result) {
  const fixed = value => (value === null ? '–' : value.toFixed(1));
  console.log(`\n${result.screenLabel} — ${result.inputs} inputs, ${result.unchanged.length} changed nothing (excluded)`);
  console.log(`  ${pad('ms from input event to the change painted', 50)}${['p50', 'p95', 'max', 'n'].map(h => padLeft(h, 8)).join('')}`);
  const row = (label, s) => console.log(`  ${pad(label, 50)}${[fixed(s.median), fixed(s.p95), fixed(s.max), String(s.n)].map(v => padLeft(v, 8)).join('')}`);
  row('all inputs', result.summary);
  for (const kind of result.byKind) row(`  ${kind.kind}`, kind);
  row(`all inputs, to the DOM changed (${result.screen === FLOOR_LATENCY_SCREEN.name ? 'the page' : 'the app'}'s work)`, result.updated);
}

function printFirstPaint(firstPaint) {
  console.log(`\n${firstPaint.networkLabel}; CPU not throttled; a fresh browser context (empty cache) per load, `
    + `${firstPaint.loads} loads of each page, the pages taking turns`);
  console.log(`  ${pad('ms from navigation start', 58)}${['median', 'p90', 'min', 'max', `≤ ${firstPaint.goalMs} ms`].map(h => padLeft(h, 9)).join('')}`);
  for (const result of firstPaint.pages) {
    const s = result.summary.fcp;
    console.log(`  ${pad(`${result.pageLabel}: first contentful paint`, 58)}${[s.median, s.p90, s.min, s.max].map(v => padLeft(ms(v), 9)).join('')}`
      + padLeft(`${result.withinGoal}/${result.runs.length}`, 9));
  }
  for (const result of firstPaint.pages) {
    const s = result.summary.htmlResponseEnd;
    console.log(`  ${pad(`${result.pageLabel}: HTML received`, 58)}${[s.median, s.p90, s.min, s.max].map(v => padLeft(ms(v), 9)).join('')}`);
  }
}

/**
 * Serves the plain page (bench/floor/index.html) on a free loopback port: at `/`, its brotli or gzip copy
 * when the browser accepts it (compressed once, as scripts/precompress.js compresses dist/ for the inbox),
 * so that it comes over the emulated connection as the app's HTML does. Anything else (the browser's favicon
 * request) gets an empty answer: a 404 would be a console error, which fails the run.
 */
/** The encodings a request accepts, by name (`br`, `gzip`, …). */
function acceptedEncodings(request) {
  return String(request.headers['accept-encoding'] || '').split(',').map(e => e.trim().split(';')[0]);
}

/** `server` listening on a free loopback port: its base URL, `close()`, and `extra`. */
function listenOnLoopback(server, extra = {}) {
  return new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve({
    base: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise(done => { server.close(done); server.closeAllConnections(); }),
    ...extra,
  })));
}

function serveFloor(file) {
  const http = require('node:http');
  const raw = fs.readFileSync(file);
  const { gzip, brotli } = compressed(raw);
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url, 'http://x').pathname;
    if (pathname !== '/' && pathname !== '/index.html') { response.writeHead(204, { 'cache-control': 'no-store' }); response.end(); return; }
    const accepted = acceptedEncodings(request);
    const encoding = ['br', 'gzip'].find(e => accepted.includes(e));
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    response.end(encoding === 'br' ? brotli : encoding === 'gzip' ? gzip : raw);
  });
  return listenOnLoopback(server, { bytes: { raw: raw.length, gzip: gzip.length, brotli: brotli.length } });
}

/**
 * Serves SurveyJS's built page (flat: index.html, survey.js, survey.css) on a free loopback port the way the
 * inbox serves the app: the `.br` or `.gz` copy written beside each file when the browser accepts it.
 */
function serveSurveyjs(dir) {
  const http = require('node:http');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
  const server = http.createServer((request, response) => {
    // Anything else (the browser's favicon.ico) gets index.html, as from the inbox's fallback.
    let name = path.basename(new URL(request.url, 'http://x').pathname);
    if (!types[path.extname(name)] || !fs.existsSync(path.join(dir, name))) name = 'index.html';
    const file = path.join(dir, name);
    const accepted = acceptedEncodings(request);
    const encoding = ['br', 'gzip'].find(e => accepted.includes(e) && fs.existsSync(`${file}.${e === 'br' ? 'br' : 'gz'}`));
    const body = fs.readFileSync(encoding ? `${file}.${encoding === 'br' ? 'br' : 'gz'}` : file);
    response.writeHead(200, {
      'content-type': types[path.extname(name)], 'cache-control': 'no-store', vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    response.end(body);
  });
  return listenOnLoopback(server);
}

/** SurveyJS's build in bench/surveyjs/dist (its files and sizes), or null when it is not built. */
function surveyjsBuild() {
  if (!fs.existsSync(path.join(SURVEYJS_DIST, 'index.html'))) return null;
  const files = fs.readdirSync(SURVEYJS_DIST).filter(name => !/\.(gz|br)$/.test(name)).sort();
  return files.map(name => `${name} (${fs.statSync(path.join(SURVEYJS_DIST, name)).size} B)`).join(', ');
}

/** The versions of SurveyJS's packages the comparison page was built from (bench/surveyjs/node_modules). */
function surveyjsVersions() {
  return ['survey-core', 'survey-js-ui', 'esbuild'].map(name => {
    try {
      return `${name} ${JSON.parse(fs.readFileSync(path.join(__dirname, 'surveyjs', 'node_modules', name, 'package.json'), 'utf8')).version}`;
    } catch {
      return `${name} (not installed)`;
    }
  }).join(', ');
}

/**
 * The page's own downloads: not the browser's favicon request (answered with index.html), which may or may
 * not have been made by the time the load is measured.
 */
function pageFiles(downloads) {
  return downloads.filter(download => download.path !== '/favicon.ico');
}

/**
 * What a page downloaded in one load (its document and every resource), each as the file served: raw bytes
 * and gzip -9 as scripts/sizes.js counts them, and the bytes that came over the wire (encodedBodySize: the
 * served .br or .gz copy).
 */
function transferSizes(downloads, dir) {
  const rows = pageFiles(downloads).map(download => {
    const relative = download.path === '/' || download.path.endsWith('/') ? 'index.html' : download.path.replace(/^\/+/, '');
    const file = path.join(dir, relative);
    const bytes = fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : null;
    return {
      path: download.path, wire: download.bytes,
      raw: bytes ? bytes.length : null, gzip: bytes ? compressed(bytes).gzip.length : null,
    };
  });
  const total = key => rows.reduce((sum, row) => sum + (row[key] || 0), 0);
  return { rows, raw: total('raw'), gzip: total('gzip'), wire: total('wire') };
}

/**
 * The app's self-assessment beside SurveyJS's page with the same questions, per network: time to the first
 * question's input (and to #begin alone), first contentful paint, and the ratio app/SurveyJS; then what
 * each page downloaded (the first loopback load).
 */
function compareWithSurveyjs(tti) {
  const comparison = { networks: [], sizes: null };
  const goal = 0.3;
  console.log(`\n== The app beside SurveyJS (the same questions, the same run and method); goal: the first question's input at ≤ ${goal}× SurveyJS's time ==`);
  const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : null);
  const fixed = value => (value === null ? '–' : `${value.toFixed(2)}×`);
  for (const network of [LOOPBACK, SLOW]) {
    const self = tti.find(r => r.network === network.name && r.screen === 'self');
    const survey = tti.find(r => r.network === network.name && r.screen === 'surveyjs');
    if (!self || !survey) continue;
    console.log(`\n${network.label}; ${self.runs.length} loads of each`);
    console.log(`  ${pad('ms from navigation start', 52)}${['app med', 'app p90', 'SJS med', 'SJS p90', 'ratio med', 'ratio p90'].map(h => padLeft(h, 10)).join('')}`);
    const rows = [
      ['first question input (app: #begin clicked at once)', self.summary.question, survey.summary.question],
      ['app: #begin alone; SurveyJS: first question input', self.summary.start, survey.summary.question],
      ['first contentful paint', self.summary.fcp, survey.summary.fcp],
    ];
    const figures = rows.map(([label, app, other]) => {
      const row = { label, app, surveyjs: other, ratioMedian: ratio(app.median, other.median), ratioP90: ratio(app.p90, other.p90) };
      console.log(`  ${pad(label, 52)}${[ms(app.median), ms(app.p90), ms(other.median), ms(other.p90), fixed(row.ratioMedian), fixed(row.ratioP90)].map(v => padLeft(v, 10)).join('')}`);
      return row;
    });
    comparison.networks.push({ network: network.name, rows: figures });
  }
  const first = name => tti.find(r => r.network === LOOPBACK.name && r.screen === name)?.runs[0]
    ?? tti.find(r => r.screen === name).runs[0];
  const app = transferSizes(first('self').downloads, process.env.TYOKYKY_DIST || path.join(ROOT, 'dist'));
  const survey = transferSizes(first('surveyjs').downloads, SURVEYJS_DIST);
  comparison.sizes = { app, surveyjs: survey, ratioGzip: ratio(app.gzip, survey.gzip) };
  const num = value => (value === null ? '–' : String(value));
  console.log('\nWhat each page downloaded (its first loopback load; gzip -9 of the served file as scripts/sizes.js counts, and over the wire)');
  console.log(`  ${pad('bytes', 52)}${['raw', 'gzip -9', 'wire'].map(h => padLeft(h, 10)).join('')}`);
  for (const [label, sizes] of [['app, self-assessment', app], ['SurveyJS', survey]]) {
    for (const row of sizes.rows) console.log(`  ${pad(`${label}: ${row.path}`, 52)}${[num(row.raw), num(row.gzip), num(row.wire)].map(v => padLeft(v, 10)).join('')}`);
    console.log(`  ${pad(`${label}: total`, 52)}${[num(sizes.raw), num(sizes.gzip), num(sizes.wire)].map(v => padLeft(v, 10)).join('')}`);
  }
  console.log(`  ${pad('ratio app/SurveyJS, gzip -9', 52)}${padLeft(fixed(comparison.sizes.ratioGzip), 20)}`);
  return comparison;
}

/** The build in dist/ (each bundle's .wasm, name and size): the figures are of this build, whatever the commit says. */
function distBuild() {
  const dist = process.env.TYOKYKY_DIST || path.join(ROOT, 'dist');
  const wasm = fs.readdirSync(dist).filter(name => name.endsWith('.wasm'));
  const publicWasm = wasm.filter(name => !name.startsWith('tyokyky-worker-'));
  if (publicWasm.length !== 1 || wasm.length !== 2) {
    throw new Error(`expected the public and the worker .wasm in ${dist}, found ${wasm.join(', ') || 'none'} (a build in progress?)`);
  }
  return wasm.map(name => `${name} (${fs.statSync(path.join(dist, name)).size} B)`).join(', ');
}

function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${commit} (working tree has changes)` : commit;
  } catch {
    return 'unknown';
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const meta = {
    command: ['node', path.relative(process.cwd(), __filename) || __filename, ...process.argv.slice(2)].join(' '),
    options,
    commit: gitCommit(),
    build: distBuild(),
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    loadAverageAtStart: os.loadavg().map(v => Number(v.toFixed(2))),
    cpuSlowdown: CPU_SLOWDOWN,
    viewport: VIEWPORT,
    locale: LOCALE,
  };
  let screens = SCREENS;
  let surveyjs = null;
  let floor = null;
  if (options.surveyjs) {
    meta.surveyjsBuild = surveyjsBuild();
    if (meta.surveyjsBuild) {
      screens = [...SCREENS, SURVEYJS_SCREEN];
      meta.surveyjsVersions = surveyjsVersions();
    } else if (options.quick) {
      console.log(`SurveyJS skipped: bench/surveyjs/dist is not built (${SURVEYJS_BUILD})`);
    } else {
      throw new Error(`--surveyjs: bench/surveyjs/dist is not built; build it first: ${SURVEYJS_BUILD}`);
    }
  }
  const inbox = new Inbox();
  let browser = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    meta.chromium = browser.version();
    const base = await inbox.start();
    floor = await serveFloor(FLOOR_PAGE);
    meta.floorPage = { file: path.relative(ROOT, FLOOR_PAGE), ...floor.bytes };
    const bases = { app: base, floor: floor.base };
    if (screens.includes(SURVEYJS_SCREEN)) {
      surveyjs = await serveSurveyjs(SURVEYJS_DIST);
      bases.surveyjs = surveyjs.base;
    }
    console.log('tyokyky browser benchmark');
    console.log(`commit ${meta.commit}, ${meta.date}, Chromium ${meta.chromium}, node ${process.version}, `
      + `${meta.cpus} CPUs, load average ${meta.loadAverageAtStart.join(' ')}`);
    console.log(`command: ${meta.command}`);
    console.log(`build: dist/${meta.build}`);
    console.log(`CPU ${CPU_SLOWDOWN}× slower (CDP Emulation.setCPUThrottlingRate), a fresh browser context (empty cache) per load, `
      + `${VIEWPORT.width}×${VIEWPORT.height}, ${LOCALE}; dist/ served by target/debug/tyokyky-inbox`);
    console.log(`the floor: a plain page, bench/floor/index.html (${floor.bytes.raw} B, ${floor.bytes.brotli} B brotli), `
      + 'served from loopback by this script');
    if (surveyjs) {
      console.log(`SurveyJS: bench/surveyjs/dist/${meta.surveyjsBuild}; ${meta.surveyjsVersions}; `
        + 'served from loopback by this script (its .br/.gz copies, as the inbox serves dist/)');
    }

    // One load of each screen first, not counted: the browser's own first-use costs are not the app's.
    for (const screen of screens) await loadOnce(browser, bases, screen, LOOPBACK);

    console.log('\n== Time to interactive: from navigation start until the element is in the DOM and enabled ==');
    const tti = [];
    for (const [network, runs] of [[LOOPBACK, options.runs], [SLOW, options.slowRuns]]) {
      if (!runs) continue;
      const results = await measureTti(browser, bases, screens, network, runs);
      printTti(results, screens);
      tti.push(...results);
    }
    const comparison = surveyjs ? compareWithSurveyjs(tti) : null;

    console.log('\n== Input latency: from the input event until the re-evaluated region is painted (loopback) ==');
    // The floor's first half, the app's screens, the floor's second half (see joinLatency).
    const floorFirst = await measureLatency(browser, floor.base, FLOOR_LATENCY_SCREEN, Math.ceil(options.inputs / 2));
    const latency = [];
    for (const screen of LATENCY_SCREENS) {
      const result = await measureLatency(browser, base, screen, options.inputs);
      printLatency(result);
      latency.push(result);
    }
    const floorLatency = options.inputs > 1
      ? joinLatency(FLOOR_LATENCY_SCREEN, floorFirst, await measureLatency(browser, floor.base, FLOOR_LATENCY_SCREEN, Math.floor(options.inputs / 2)))
      : floorFirst;
    printLatency(floorLatency);
    const latencyFloor = { floor: floorLatency, ...compareLatencyWithFloor(floorLatency, latency) };

    let firstPaint = null;
    if (options.paintRuns) {
      console.log(`\n== First paint on the slow connection, CPU not throttled: from navigation start until first contentful paint; `
        + `goal ≤ ${FIRST_PAINT_GOAL_MS} ms (the app's loading shell), the plain page as the floor ==`);
      firstPaint = await measureFirstPaint(browser, bases, PAINT_PAGES, SLOW, options.paintRuns);
      printFirstPaint(firstPaint);
    }

    // Others may rebuild dist/ on a shared machine; figures from two builds would describe neither.
    if (distBuild() !== meta.build) throw new Error(`dist/ changed during the run (${meta.build} → ${distBuild()}); run again`);
    if (surveyjs && surveyjsBuild() !== meta.surveyjsBuild) throw new Error('bench/surveyjs/dist changed during the run; run again');
    meta.seconds = Math.round((Date.now() - started) / 1000);
    meta.loadAverageAtEnd = os.loadavg().map(v => Number(v.toFixed(2)));
    console.log(`\ntook ${meta.seconds} s; load average at the end ${meta.loadAverageAtEnd.join(' ')}`);
    if (options.json) {
      fs.writeFileSync(options.json, `${JSON.stringify({ meta, tti, latency, latencyFloor, firstPaint, comparison }, null, 2)}\n`);
      console.log(`raw numbers: ${options.json}`);
    }
  } finally {
    if (browser) await browser.close();
    if (surveyjs) await surveyjs.close();
    if (floor) await floor.close();
    await inbox.stop();
  }
}

if (require.main === module) {
  main().catch(error => {
    console.error(`\nbenchmark failed: ${error.stack || error}`);
    process.exitCode = 1;
  });
}

// For bench/frozen-worker.js, which times a frozen copy of the worker's page with the same probe.
module.exports = {
  CHROMIUM, CHROMIUM_ARGS, FLOOR_PAGE, FLOOR_LATENCY_SCREEN, LATENCY_SCREENS, LOOPBACK, Inbox, chromium,
  measureLatency, joinLatency, compareLatencyWithFloor, printLatency, openThrottled, serveFloor, gitCommit, distBuild,
};
