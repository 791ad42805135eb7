// End-to-end test of the inbox outgrowing one machine: two inboxes on one PostgreSQL database behind
// Debian's HAProxy, one of them killed (SIGKILL) in the middle of a load of documents and started again.
//
// - PostgreSQL: a throw-away cluster (scripts/pg-cluster.sh), removed afterwards.
// - Two inboxes on it, each serving the built app, with the same worker's token and outbox key, so that
//   either can answer any request of the app.
// - HAProxy in front, as a deployment would have it: round robin, each inbox checked on `/api/health`
//   every 500 ms (down after 2 failed checks, up after 2 good ones). A browser is kept on one inbox by a
//   cookie while that inbox is up. No redispatch: a request whose inbox is gone comes back to its client as
//   a 5xx, and the client sends it again with the same idempotency key, so every failover is the clients'
//   own and is counted here.
// - The load: documents posted from Node, 50 a second and at most 16 at a time, each retried with the same
//   body and key until it is acknowledged, as the app's outbox does. The inbox the browser is on is killed
//   as the app sends a contact request, after the first 300 acknowledgements; the app's own retries deliver
//   it through the other inbox, which keeps the browser from then on. The killed inbox comes back after 700
//   acknowledgements and takes its share of the rest.
// - Afterwards every acknowledged document is in the database exactly once, under the id its receipt gave,
//   as the inboxes' listing (through the balancer) and PostgreSQL itself (psql) both show.
// How to run it: playwright.config.js.
'use strict';

const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { test, expect, screenshot } = require('./fixtures');
const { Inbox, INBOX_BIN, ROOT, freePort } = require('./support');
const { walkQuestions, fillContact } = require('./flows');

const HAPROXY = process.env.HAPROXY_BIN || '/usr/sbin/haproxy';
const DOCUMENTS = 1000;
const IN_FLIGHT = 16;
/** Documents a second: a steady load, so that the outage spans several seconds of it. */
const RATE = 50;
const KILL_AT = 300;
const RESTART_AT = 700;
/** The cookie that keeps a browser on one inbox, and the header that names the inbox that answered. */
const COOKIE = 'inbox';
const SERVED_BY = 'x-served-by';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** HAProxy's configuration: `inboxes` by name, the balancer on `port`, its stats socket at `socket`. */
function haproxyConfig({ port, socket, inboxes }) {
  return [
    'global',
    `  stats socket ${socket} mode 600 level user`,
    'defaults',
    '  mode http',
    '  timeout connect 300ms',
    '  timeout client 30s',
    '  timeout server 30s',
    '  timeout check 500ms',
    '  retries 2',
    'frontend tyokyky',
    `  bind 127.0.0.1:${port}`,
    '  default_backend inboxes',
    'backend inboxes',
    '  balance roundrobin',
    '  option httpchk GET /api/health',
    '  http-check expect status 200',
    `  cookie ${COOKIE} insert indirect`,
    `  http-response set-header ${SERVED_BY} %[srv_name]`,
    '  default-server inter 500ms fall 2 rise 2',
    ...Object.entries(inboxes).map(([name, inbox]) => `  server ${name} 127.0.0.1:${inbox.port} check cookie ${name}`),
    '',
  ].join('\n');
}

/** HAProxy as a child process, with its stats socket for the servers' states. */
class Balancer {
  constructor(dir) {
    this.dir = dir;
    this.socket = path.join(dir, 'haproxy.sock');
    this.child = null;
  }

  async start(inboxes) {
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    const config = path.join(this.dir, 'haproxy.cfg');
    fs.writeFileSync(config, haproxyConfig({ port: this.port, socket: this.socket, inboxes }));
    execFileSync(HAPROXY, ['-c', '-q', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    const child = spawn(HAPROXY, ['-f', config, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.output = '';
    child.stdout.on('data', chunk => { this.output += chunk; });
    child.stderr.on('data', chunk => { this.output += chunk; });
    this.exited = new Promise(resolve => child.once('exit', resolve));
    // Up once every inbox has passed its checks.
    await this.until(servers => Object.keys(inboxes).every(name => servers[name]?.status === 'UP'), 'every inbox up', 15000);
  }

  /** One command on the stats socket; resolves to its answer. */
  command(line) {
    return new Promise((resolve, reject) => {
      let answer = '';
      const connection = net.connect(this.socket, () => connection.end(`${line}\n`));
      connection.on('data', chunk => { answer += chunk; });
      connection.on('end', () => resolve(answer));
      connection.on('error', reject);
    });
  }

  /** The backend's servers by name, from `show stat`: status, checks that took it down, retries, 5xx. */
  async servers() {
    const [header, ...rows] = (await this.command('show stat')).trim().split('\n');
    const names = header.replace(/^# /, '').split(',');
    const servers = {};
    for (const row of rows) {
      const fields = Object.fromEntries(row.split(',').map((value, index) => [names[index], value]));
      if (fields.pxname === 'inboxes' && !['FRONTEND', 'BACKEND'].includes(fields.svname)) servers[fields.svname] = fields;
    }
    return servers;
  }

  /** Polls the servers' states until `ready(servers)`; fails after `timeout` ms naming `what`. */
  async until(ready, what, timeout = 10000) {
    const started = Date.now();
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`haproxy exited: ${this.output}`);
      try {
        if (ready(await this.servers())) return Date.now();
      } catch (error) {
        if (error.code !== 'ENOENT' && error.code !== 'ECONNREFUSED') throw error;
      }
      if (Date.now() - started > timeout) throw new Error(`haproxy: not ${what} in ${timeout} ms: ${JSON.stringify(await this.servers().catch(() => null))}`);
      await sleep(50);
    }
  }

  /**
   * Records each change of a server's state (`{ at, server, status }` in `changes`) until `stop()`, from
   * polls 50 ms apart.
   */
  watch() {
    this.changes = [];
    const last = {};
    this.watching = (async () => {
      while (!this.stopping) {
        for (const [name, server] of Object.entries(await this.servers().catch(() => ({})))) {
          const status = server.status.split(' ')[0];
          if (last[name] !== status) this.changes.push({ at: Date.now(), server: name, status });
          last[name] = status;
        }
        await sleep(50);
      }
    })();
  }

  /** When `server` first went to `status` at or after `since` (ms since the epoch). */
  changed(server, status, since) {
    return this.changes.find(change => change.server === server && change.status === status && change.at >= since)?.at;
  }

  async stop() {
    this.stopping = true;
    await this.watching;
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      await this.exited;
    }
  }
}

/** A feedback document of the load, with its own idempotency key. */
const loadDocument = index => ({
  schema_version: 1, kind: 'feedback', idempotency_key: crypto.randomUUID(), created_at: new Date().toISOString(), lang: 'fi',
  answers: { score: 1 + (index % 10), comment: `kuormapalaute ${index}`, channel: 'kiosk' },
});

/** Ends a load still running when the tests end (after a failure): its sends stop at once. */
const ending = new AbortController();

/**
 * Posts `document` to `base` until it is acknowledged (200 or 201), as the app's outbox does: the same
 * body and key every time, a network error or a 502, 503 or 504 tried again after a short, growing wait;
 * any other answer fails the test. Each failed attempt goes into `failures`.
 */
async function deliver(base, document, failures) {
  const body = JSON.stringify(document);
  for (let attempt = 1; ; attempt += 1) {
    let status = 0;
    let text = '';
    let servedBy = null;
    try {
      const response = await fetch(`${base}/api/documents`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: ending.signal,
      });
      text = await response.text();
      [status, servedBy] = [response.status, response.headers.get(SERVED_BY)];
    } catch {
      // Cut off on the way, there or back (the balancer closes the connection of a request its inbox
      // dropped): no receipt.
    }
    ending.signal.throwIfAborted();
    if (status === 200 || status === 201) return { status, attempts: attempt, servedBy, receipt: JSON.parse(text) };
    if (![0, 502, 503, 504].includes(status)) throw new Error(`document ${document.idempotency_key}: ${status} ${text}`);
    failures.push({ key: document.idempotency_key, status, at: Date.now() });
    if (attempt >= 100) throw new Error(`document ${document.idempotency_key}: still not acknowledged after ${attempt} attempts`);
    await sleep(Math.min(50 * attempt, 500) * (0.5 + Math.random() / 2));
  }
}

/** Every document the inbox behind `base` lists, all pages, with the worker's `token`. */
async function everything(base, token) {
  let stored = [];
  for (let after = 0; ;) {
    const response = await fetch(`${base}/api/documents?limit=500&after=${after}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status, 'the listing through the balancer').toBe(200);
    const page = await response.json();
    stored = stored.concat(page.documents);
    if (page.next_after === null) return stored;
    after = page.next_after;
  }
}

/** The rows `sql` reads from the PostgreSQL at `url`, a line each, columns between `|`, with Debian's psql. */
const psql = (url, sql) => execFileSync('psql', [url, '--no-psqlrc', '--tuples-only', '--no-align', '--set', 'ON_ERROR_STOP=1', '--command', sql],
  { encoding: 'utf8' }).trim();

const cluster = (command, dir) => execFileSync(path.join(ROOT, 'scripts', 'pg-cluster.sh'), [command, dir], { encoding: 'utf8' }).trim();

let work;      // the temp folder of the cluster and HAProxy
let database;  // the cluster's URL
let inboxes;   // { a, b }
let balancer;

test.beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tyokyky-e2e-balanced-'));
  // The cluster runs as PostgreSQL's own user, which must get through to its folder inside.
  fs.chmodSync(work, 0o711);
  database = cluster('start', path.join(work, 'pg'));
  const outboxKey = execFileSync(INBOX_BIN, ['--new-outbox-key', 'lb'], { encoding: 'utf8' }).trim();
  inboxes = { a: new Inbox(['--outbox-keys', outboxKey], { database }), b: new Inbox(['--outbox-keys', outboxKey], { database }) };
  // Both at once on the empty database: each runs the migrations at start, under a lock, so one makes the
  // tables and the other finds them made.
  await Promise.all(Object.values(inboxes).map(inbox => inbox.start()));
  balancer = new Balancer(work);
  await balancer.start(inboxes);
  balancer.watch();
});

// Each part is stopped even if stopping another failed; the cluster and the folder go last.
test.afterAll(async () => {
  ending.abort();
  const stopped = await Promise.allSettled([balancer?.stop(), ...Object.values(inboxes || {}).map(inbox => inbox.stop())]);
  if (work) {
    cluster('remove', path.join(work, 'pg'));
    fs.rmSync(work, { recursive: true, force: true });
  }
  for (const outcome of stopped) if (outcome.status === 'rejected') throw outcome.reason;
});

test('balanced: two inboxes on one PostgreSQL behind HAProxy; one is killed during a load of 1,000 documents and started again: every acknowledged document is stored once, and the app\'s requests arrive through the other', async ({ page, context }) => {
  test.setTimeout(120000);
  const base = balancer.base;
  context.allowOrigin(base);
  // The app's first attempt meets the killed inbox: the balancer answers it with a 5xx, which the page logs.
  page.expectedConsoleErrors = [/status of 50[234]/];
  const appAnswers = [];  // { status, servedBy, key } of the app's POSTs, in order
  page.on('response', response => {
    if (response.request().method() !== 'POST' || response.url() !== `${base}/api/documents`) return;
    const key = JSON.parse(response.request().postData()).idempotency_key;
    appAnswers.push({ status: response.status(), servedBy: response.headers()[SERVED_BY], key });
  });

  // Either inbox hands out the same outbox key, so that a kiosk's sealed request opens behind either.
  const outboxKeys = new Map();
  for (let tries = 0; outboxKeys.size < 2 && tries < 10; tries += 1) {
    const response = await fetch(`${base}/api/outbox-key`);
    expect(response.status, 'the outbox key through the balancer').toBe(200);
    outboxKeys.set(response.headers.get(SERVED_BY), await response.text());
  }
  expect([...outboxKeys.keys()].sort(), 'asked of both inboxes').toStrictEqual(['a', 'b']);
  expect(new Set(outboxKeys.values()).size, 'one key').toBe(1);

  // The browser, ready to send, on the inbox its cookie names: that one is to be killed.
  await page.goto(base + '/');
  await page.waitForSelector('#start');
  const pinned = (await context.cookies(base)).find(cookie => cookie.name === COOKIE)?.value;
  expect(Object.keys(inboxes), `the balancer keeps the browser on one inbox (cookie ${pinned})`).toContain(pinned);
  const victim = inboxes[pinned];
  const survivor = Object.keys(inboxes).find(name => name !== pinned);
  await walkQuestions(page, {});
  await fillContact(page, 'Testi Tasaaja');

  const documents = Array.from({ length: DOCUMENTS }, (_, index) => loadDocument(index));
  const failures = [];      // { key, status, at } of each failed send
  const acknowledged = [];  // { key, status, attempts, servedBy, receipt }, in the order of acknowledgement
  const waiting = [];       // { count, resolve } of whenAcknowledged
  const started = Date.now();
  let next = 0;
  const sender = async () => {
    while (next < documents.length) {
      const index = next++;
      const document = documents[index];
      await sleep(started + (index * 1000) / RATE - Date.now());
      acknowledged.push({ key: document.idempotency_key, ...await deliver(base, document, failures) });
      for (const waiter of waiting) if (acknowledged.length >= waiter.count) waiter.resolve();
    }
  };
  const load = Promise.all(Array.from({ length: IN_FLIGHT }, sender)).then(() => Date.now());
  // A failure of the load is awaited below; until then it must not count as unhandled.
  load.catch(() => {});
  const whenAcknowledged = count => Promise.race([
    new Promise(resolve => (acknowledged.length >= count ? resolve() : waiting.push({ count, resolve }))),
    load.then(() => { if (acknowledged.length < count) throw new Error(`the load ended with ${acknowledged.length} acknowledged`); }),
  ]);

  // After 300 acknowledgements the app sends its contact request, and the inbox the browser is on dies
  // just as the request leaves the browser; the app's outbox retries until the other inbox takes it.
  await whenAcknowledged(KILL_AT);
  let killedAt = null;
  let ackedAtKill = null;
  await page.route(`${base}/api/documents`, async route => {
    await victim.kill();
    killedAt = Date.now();
    ackedAtKill = acknowledged.length;
    await route.continue();
  }, { times: 1 });
  await page.locator('#send-contact').click();
  await page.waitForSelector('#receipt', { timeout: 30000 });
  const receivedAt = Date.now();
  await screenshot(page, 'balanced-contact-receipt-fi');
  const reference = (await page.locator('#reference-code').textContent()).trim();

  // After 700 acknowledgements (and the app's receipt) the killed inbox comes back on its port.
  await whenAcknowledged(RESTART_AT);
  const restartedAt = Date.now();
  const ackedAtRestart = acknowledged.length;
  await victim.start();
  await balancer.until(servers => servers[pinned].status === 'UP', `${pinned} up again`);
  const finishedAt = await load;

  // The app's feedback, after the restart: the browser stays on the inbox that took it over.
  await page.locator('#give-feedback').click();
  await page.locator('label[for=feedback-score-7]').click();
  await page.getByLabel('Haluatko kertoa jotain muuta?').fill('Tasaajan takaa');
  await page.locator('#send-feedback').click();
  await page.waitForSelector('#thanks');

  // The app: the contact request failed at the killed inbox and arrived through the other, which keeps
  // the browser from then on (its feedback too); nothing is left in the browser.
  const contactKey = appAnswers[0].key;
  const contactAnswers = appAnswers.filter(a => a.key === contactKey);
  expect(contactAnswers.length, `the app tried its request again: ${JSON.stringify(appAnswers)}`).toBeGreaterThanOrEqual(2);
  expect(contactAnswers.slice(0, -1).filter(a => ![502, 503, 504].includes(a.status)), 'each failed attempt a 5xx from the balancer').toStrictEqual([]);
  expect(contactAnswers.at(-1), 'acknowledged by the other inbox').toMatchObject({ status: 201, servedBy: survivor });
  const feedbackAnswers = appAnswers.filter(a => a.key !== contactKey);
  expect(feedbackAnswers, 'the feedback acknowledged at once by the same inbox').toMatchObject([{ status: 201, servedBy: survivor }]);
  expect((await context.cookies(base)).find(cookie => cookie.name === COOKIE)?.value, 'the browser kept on the other inbox').toBe(survivor);
  expect(await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('tyokyky.outbox')).length), 'nothing left in the browser once delivered').toBe(0);

  // The load: every document acknowledged, for its own key; both inboxes took part, the killed one again
  // after its restart; no 5xx came from an inbox itself.
  expect(acknowledged.length, 'every document of the load acknowledged').toBe(DOCUMENTS);
  expect(acknowledged.filter(({ key, receipt }) => receipt.idempotency_key !== key), 'each receipt for its own document').toStrictEqual([]);
  const after = acknowledged.slice(ackedAtRestart);
  expect(acknowledged.filter(a => a.servedBy === survivor).length, `${survivor} acknowledged documents`).toBeGreaterThan(0);
  expect(after.filter(a => a.servedBy === pinned).length, `${pinned} acknowledged documents after its restart`).toBeGreaterThan(0);
  const servers = await balancer.servers();
  expect([servers.a.hrsp_5xx, servers.b.hrsp_5xx], 'no 5xx from the inboxes themselves').toStrictEqual(['0', '0']);

  // The store, read through the balancer with the worker's token: every acknowledged document exactly
  // once, under the id of its receipt, and nothing else but the app's two.
  const stored = await everything(base, inboxes.a.readToken);
  const byKey = new Map();
  for (const item of stored) byKey.set(item.idempotency_key, [...(byKey.get(item.idempotency_key) || []), item]);
  const wrong = acknowledged.filter(({ key, receipt }) => byKey.get(key)?.length !== 1 || byKey.get(key)[0].document_id !== receipt.document_id);
  expect(wrong.map(({ key }) => [key, byKey.get(key)]), 'each acknowledged document stored once, under its receipt\'s id').toStrictEqual([]);
  expect(stored.length, 'one row per key').toBe(byKey.size);
  expect(stored.length, 'the load, the app\'s contact request and its feedback').toBe(DOCUMENTS + 2);
  expect(stored.filter(item => item.reference === reference).map(item => item.kind), `the app's request ${reference} stored once`).toStrictEqual(['contact_request']);
  expect(byKey.get(feedbackAnswers[0].key)?.map(item => item.kind), 'the app\'s feedback stored once').toStrictEqual(['feedback']);

  // The same, read from PostgreSQL itself: one row per key, each with its receipt's id.
  const [rows, keys, ids] = psql(database, 'SELECT count(*), count(DISTINCT idempotency_key), count(DISTINCT id) FROM documents').split('|').map(Number);
  expect([rows, keys, ids], 'rows, distinct keys and distinct ids in the database').toStrictEqual([DOCUMENTS + 2, DOCUMENTS + 2, DOCUMENTS + 2]);
  const idOf = new Map(psql(database, 'SELECT idempotency_key, id FROM documents').split('\n').map(line => line.split('|')));
  expect(acknowledged.filter(({ key, receipt }) => idOf.get(key) !== receipt.document_id).map(({ key }) => key),
    'each receipt\'s id is its key\'s row in the database').toStrictEqual([]);
  expect(idOf.get(contactKey), 'the app\'s request in the database under the id the listing gives').toBe(stored.find(item => item.reference === reference).document_id);

  const downAt = balancer.changed(pinned, 'DOWN', killedAt);
  const upAt = balancer.changed(pinned, 'UP', restartedAt);
  const failed = failures.reduce((counts, { status }) => ({ ...counts, [status || 'cut off']: (counts[status || 'cut off'] || 0) + 1 }), {});
  const seconds = time => `${((time - started) / 1000).toFixed(1)} s`;
  const count = (list, name) => list.filter(a => a.servedBy === name).length;
  console.log(`      balanced: ${DOCUMENTS} documents in ${seconds(finishedAt)}, ${RATE} a second, at most ${IN_FLIGHT} at a time (acknowledged by a ${count(acknowledged, 'a')}, ` +
    `b ${count(acknowledged, 'b')}); ${pinned} killed at ${seconds(killedAt)} with ${ackedAtKill} acknowledged, down in HAProxy ` +
    `${downAt - killedAt} ms later; restarted at ${seconds(restartedAt)} with ${ackedAtRestart} acknowledged, up ${upAt - restartedAt} ms later, ` +
    `then took ${count(after, pinned)} of the last ${after.length}`);
  console.log(`      balanced: ${failures.length} failed sends (${Object.entries(failed).map(([status, n]) => `${n} × ${status}`).join(', ')}), ` +
    `${acknowledged.filter(a => a.attempts > 1).length} documents failed over, ${acknowledged.filter(a => a.status === 200).length} of them ` +
    `answered 200 (stored before the answer was lost); the app's request arrived on attempt ${contactAnswers.length}, ` +
    `${receivedAt - killedAt} ms after the kill; ${stored.length} rows, one per key; HAProxy counted ${servers[pinned].econ} ` +
    `connection errors and ${servers[pinned].wretr} retries at ${pinned}`);
});

test('balanced: PostgreSQL stopped while the app sends: both inboxes answer 503 and the balancer finds them down; the app keeps its request, and delivers it once when the database is back, without a restart of either inbox', async ({ page, context }) => {
  test.setTimeout(120000);
  const base = balancer.base;
  context.allowOrigin(base);
  // While the database is down the balancer has no inbox to give the app's requests to (503).
  page.expectedConsoleErrors = [/status of 503/];
  const answers = [];
  page.on('response', response => {
    if (response.request().method() === 'POST' && response.url() === `${base}/api/documents`) answers.push(response.status());
  });
  await page.goto(base + '/');
  await page.waitForSelector('#start');
  await walkQuestions(page, {});
  await fillContact(page, 'Testi Tietokannaton');
  const before = Number(psql(database, 'SELECT count(*) FROM documents'));

  cluster('stop', path.join(work, 'pg'));
  const stoppedAt = Date.now();
  for (const inbox of Object.values(inboxes)) {
    const health = await inbox.api('/api/health');
    expect([health.status, health.body.error?.code], 'each inbox\'s health names the database').toStrictEqual([503, 'storage_unavailable']);
  }
  await balancer.until(servers => servers.a.status === 'DOWN' && servers.b.status === 'DOWN', 'both down while the database is');
  await page.locator('#send-contact').click();
  await page.waitForSelector('#delivery-waiting');
  expect(await page.locator('#send-failed').count(), 'waiting, not failed').toBe(0);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('tyokyky.outbox.v2.'))
    // A line per document: its key, its kind and its JSON.
    .flatMap(k => localStorage.getItem(k).split('\n').map(line => JSON.parse(line.split(' ').slice(2).join(' ')))));
  expect(kept.map(d => d.kind), 'the request kept in the browser').toStrictEqual(['contact_request']);
  for (let waited = 0; answers.length < 2 && waited < 15000; waited += 100) await sleep(100);
  expect(answers.length, `the app tried again while the database was down (${answers})`).toBeGreaterThanOrEqual(2);

  cluster('start', path.join(work, 'pg'));
  const restartedAt = Date.now();
  await balancer.until(servers => servers.a.status === 'UP' && servers.b.status === 'UP', 'both up again, neither restarted');
  await page.waitForSelector('#receipt', { timeout: 60000 });
  const deliveredAt = Date.now();
  const reference = (await page.locator('#reference-code').textContent()).trim();
  expect(answers.at(-1), 'acknowledged as new').toBe(201);
  expect(answers.slice(0, -1).filter(status => status !== 503), 'every earlier attempt refused with 503').toStrictEqual([]);
  expect(await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('tyokyky.outbox')).length), 'nothing left in the browser once delivered').toBe(0);
  expect(Number(psql(database, 'SELECT count(*) FROM documents')), 'one more document').toBe(before + 1);
  const stored = await everything(base, inboxes.a.readToken);
  expect(stored.filter(item => item.reference === reference).map(item => item.kind), `the request ${reference} stored once`).toStrictEqual(['contact_request']);
  console.log(`      balanced: database down for ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s; the app tried ${answers.length} times and had its receipt ` +
    `${deliveredAt - restartedAt} ms after the database was back`);
});
