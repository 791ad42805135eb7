// A small harness for the end-to-end tests: the real inbox as a child process, Debian's Chromium through
// playwright-core, axe-core injected from node_modules, and a plain "N passed, N failed" summary.
'use strict';

const { spawn } = require('node:child_process');
const http = require('node:http');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(__dirname, 'out');
const INBOX_BIN = process.env.TYOKYKY_INBOX_BIN || path.join(ROOT, 'target', 'debug', 'tyokyky-inbox');
const DIST = process.env.TYOKYKY_DIST || path.join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
// Flags that keep Chromium quiet on a machine with no network but loopback.
const CHROMIUM_ARGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const TEST_LIMIT_MS = 180000;
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

class Inbox {
  /** `args`: more flags for the inbox, e.g. `['--submit-token', 't']`. */
  constructor(args = []) {
    this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyokyky-e2e-data-'));
    this.port = 0;
    this.child = null;
    this.args = args;
  }

  /** Starts the inbox (on the same port as before, if it ran before) and waits for its URL line. */
  async start() {
    if (!fs.existsSync(INBOX_BIN)) throw new Error(`no inbox binary at ${INBOX_BIN} (cargo build -p tyokyky-inbox)`);
    if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`no built app in ${DIST} (trunk build --release)`);
    const child = spawn(INBOX_BIN, ['--port', String(this.port), '--data-dir', this.dataDir, '--dist', DIST, ...this.args],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let stderr = '';
    child.stderr.on('data', chunk => { stderr += chunk; });
    this.base = await new Promise((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`inbox did not start in 10 s: ${stdout}${stderr}`)), 10000);
      child.stdout.on('data', chunk => {
        stdout += chunk;
        const match = /listening on (http:\/\/[^/\s]+)\//.exec(stdout);
        if (match) { clearTimeout(timer); resolve(match[1]); }
      });
      child.on('exit', code => { clearTimeout(timer); reject(new Error(`inbox exited (${code}): ${stderr}`)); });
    });
    this.port = Number(new URL(this.base).port);
    return this.base;
  }

  /** Kills the inbox without warning (SIGKILL) and waits for it to be gone. */
  async kill() {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise(resolve => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** Asks the inbox's own API, as a case-management system would (with `token` if it needs one). */
  async api(pathname, token) {
    const response = await fetch(this.base + pathname, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return { status: response.status, body: await response.json() };
  }

  async stop() {
    if (this.child && this.child.exitCode === null) {
      const exited = new Promise(resolve => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * Serves the files of `dir` on a free loopback port, as another origin (a host portal), with each
 * `[from, to]` of `replacements` applied to the text files. Resolves to `{ base, close() }`.
 */
function serveStatic(dir, replacements, port = 0) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((request, response) => {
    const name = path.basename(new URL(request.url, 'http://x').pathname) || 'index.html';
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) { response.writeHead(404); response.end(); return; }
    let text = fs.readFileSync(file, 'utf8');
    for (const [from, to] of replacements) text = text.split(from).join(to);
    response.writeHead(200, { 'content-type': `${types[path.extname(file)] || 'text/plain'}; charset=utf-8` });
    response.end(text);
  });
  return new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve({
    base: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise(done => server.close(done)),
  })));
}

/** A fresh browser context per test: empty storage, nothing allowed off the inbox's origin. */
async function openPage(browser, inbox, problems, locale) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale });
  // Only the inbox's origin, unless a test lets in another (a host portal, a second inbox).
  const allowed = new Set([new URL(inbox.base).origin]);
  context.allowOrigin = origin => allowed.add(new URL(origin).origin);
  await context.route(url => !allowed.has(url.origin), route => {
    problems.push(`request off localhost: ${route.request().url()}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  page.on('dialog', dialog => { problems.push(`dialog opened: ${dialog.message()}`); dialog.dismiss(); });
  page.on('console', message => {
    if (message.type() === 'error' && !page.expectedConsoleErrors?.some(re => re.test(message.text()))) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  return { context, page };
}

/** Runs axe-core in the page; returns the violations as readable lines. */
async function axe(page) {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (no inline script) would
  // refuse a <script> tag, and the tests keep that policy on.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async tags => {
    // Frames are checked on their own pages (the app in a frame is the app). No CSSOM preload: for a
    // cross-origin stylesheet axe would parse it in an inline <style>, which a strict CSP rightly refuses.
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, iframes: false, preload: false });
    return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
  return violations;
}

async function screenshot(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Runs the tests in order, each with its own page, and prints one line per test and a summary. A test is
 * `[name, async ({page, inbox, context, problems}) => …, {locale}]`; the browser's language is Finnish
 * unless `locale` says otherwise.
 */
async function run(tests) {
  const inbox = new Inbox();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  let passed = 0;
  let failed = 0;
  try {
    await inbox.start();
    // `E2E_ONLY=<part of a name>` runs only the matching tests (for working on one by hand).
    const only = process.env.E2E_ONLY;
    for (const [name, body, options = {}] of tests.filter(([name]) => !only || name.includes(only))) {
      const problems = [];
      const { context, page } = await openPage(browser, inbox, problems, options.locale || 'fi-FI');
      const started = Date.now();
      try {
        // A test that hangs fails by name instead of stalling the whole run.
        let timer;
        const limit = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no result in ${TEST_LIMIT_MS / 1000} s`)), TEST_LIMIT_MS); });
        await Promise.race([body({ page, inbox, context, problems }), limit]).finally(() => clearTimeout(timer));
        if (problems.length) throw new Error(problems.join('\n'));
        passed += 1;
        console.log(`ok    ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`FAIL  ${name}\n      ${String(error.stack || error).split('\n').join('\n      ')}`);
        await screenshot(page, `failed-${name.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => {});
      } finally {
        await Promise.race([context.close(), new Promise(resolve => setTimeout(resolve, 15000))]);
      }
    }
  } finally {
    await browser.close();
    await inbox.stop();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function expectEqual(actual, expected, what) {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

module.exports = { run, axe, screenshot, expect, expectEqual, Inbox, serveStatic, ROOT };
