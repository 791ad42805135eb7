// What the end-to-end tests and the browser benchmark (bench/browser.js) share: where the built inbox, app
// and Chromium are, Chromium's flags, the real inbox as a child process with a worker's token, a browser
// context signed in as that worker, and a static server for another origin. Plain Node: nothing here
// depends on the test runner.
'use strict';

const { spawn } = require('node:child_process');
const http = require('node:http');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
/** Screenshots, printouts and accessibility trees the tests save (git-ignored). */
const OUT = path.join(__dirname, 'out');
const INBOX_BIN = process.env.TYOKYKY_INBOX_BIN || path.join(ROOT, 'target', 'debug', 'tyokyky-inbox');
const DIST = process.env.TYOKYKY_DIST || path.join(ROOT, 'dist');
/** Debian's Chromium: nothing here downloads a browser. */
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
// Flags that keep Chromium quiet on a machine with no network but loopback, and let it run as root
// (--no-sandbox; Playwright adds it too unless a sandbox is asked for).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * The worker's token (`--read-token`) every test inbox runs with, unless a test gives its own: the inbox
 * refuses every read of documents and drafts without a worker's credential, on loopback too.
 */
const READ_TOKEN = 'e2e-worker-token';

class Inbox {
  /**
   * `args`: more flags for the inbox, e.g. `['--submit-token', 't']`. Without a `--read-token` among them
   * the inbox gets `READ_TOKEN`; `readToken` is the one it has. `database`: a PostgreSQL URL the inbox
   * stores everything in (`--database`), which several inboxes may share; without it, the inbox has a
   * SQLite file in a data folder of its own.
   */
  constructor(args = [], { database } = {}) {
    this.database = database;
    this.dataDir = database ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'tyokyky-e2e-data-'));
    this.port = 0;
    this.child = null;
    const given = args.indexOf('--read-token');
    this.readToken = given >= 0 ? args[given + 1] : READ_TOKEN;
    this.args = given >= 0 ? args : [...args, '--read-token', READ_TOKEN];
  }

  /**
   * Starts the inbox (on the same port as before, if it ran before) and waits for its URL line. Unless
   * `args` give outbox keys, it gets one of its own at the first start, as an inbox that serves kiosks has.
   */
  async start() {
    if (!fs.existsSync(INBOX_BIN)) throw new Error(`no inbox binary at ${INBOX_BIN} (cargo build -p tyokyky-inbox)`);
    if (!this.args.some(arg => arg.startsWith('--outbox-key'))) {
      const key = require('node:child_process').execFileSync(INBOX_BIN, ['--new-outbox-key', 'e2e'], { encoding: 'utf8' }).trim();
      this.args = [...this.args, '--outbox-keys', key];
    }
    for (const page of ['index.html', 'worker.html']) {
      if (!fs.existsSync(path.join(DIST, page))) throw new Error(`no ${page} in ${DIST} (scripts/build.sh)`);
    }
    // A short grace on stopping: a browser's idle connection must not hold a test up for the default 10 s.
    const storage = this.database ? ['--database', this.database] : ['--data-dir', this.dataDir];
    const child = spawn(INBOX_BIN, ['--port', String(this.port), ...storage, '--dist', DIST,
      '--shutdown-grace', '2', ...this.args],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.exited = new Promise(resolve => child.once('exit', resolve));
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

  /** Whether the inbox process is still there (one ended by a signal has no exit code, only a signal code). */
  running() {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Kills the inbox without warning (SIGKILL) and waits for it to be gone. */
  async kill() {
    if (!this.running()) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Asks the inbox's own API, as a case-management system would: with the worker's token, or `token`. */
  async api(pathname, token = this.readToken) {
    const response = await fetch(this.base + pathname, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return { status: response.status, body: await response.json() };
  }

  /** Stops the inbox and keeps its data, as an outage would; `start()` brings it back on the same port. */
  async halt() {
    if (this.running()) {
      this.child.kill('SIGTERM');
      await this.exited;
    }
  }

  async stop() {
    await this.halt();
    if (this.dataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
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
    // Connections a browser keeps open would hold close() up: they are cut once the server stops listening.
    close: () => new Promise(done => { server.close(done); server.closeAllConnections(); }),
  })));
}

/**
 * Signs the pages of a browser context in as the test inboxes' worker, as a case system's session would:
 * every GET or DELETE to an `/api/` address that carries no `Authorization` of its own (the worker page
 * served by the inbox itself has no host to hand it a token) gets `Bearer <token>` on the way. Submitting
 * and saving drafts are left as the page sends them, so the tests of submit tokens still see the page's own.
 */
async function signInAsWorker(context, token = READ_TOKEN) {
  await context.route(url => url.pathname.startsWith('/api/'), route => {
    const request = route.request();
    const headers = request.headers();
    if (!['GET', 'DELETE'].includes(request.method()) || headers.authorization) return route.fallback();
    return route.fallback({ headers: { ...headers, authorization: `Bearer ${token}` } });
  });
}

/** A free loopback port (for a server that must know its origin before it starts). */
function freePort() {
  return new Promise(resolve => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

module.exports = { ROOT, OUT, INBOX_BIN, DIST, CHROMIUM, CHROMIUM_ARGS, READ_TOKEN, Inbox, signInAsWorker, serveStatic, freePort };
