// Any backend, as a county integrator would try it: the component embedded in a portal page on another
// origin (examples/host.html under its own strict CSP) sends a contact request to a webhook that answers 204,
// a queue that answers 202, an API that answers 200 with its own JSON (each the minimal backend of
// conformance/minimal_server.py, a Python server that is not ours), a FHIR server's base (a transaction
// Bundle, tests/e2e/fhir_endpoint.py, validated as R4 afterwards) and the inbox as a relay that forwards to
// the county's own endpoint with a signature. Each time the person sees the receipt at once, the portal hears
// `tyokyky:submitted` with the reference, and the backend has the document once: no request after a 2xx.
'use strict';

const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { test, expect } = require('./fixtures');
const { Inbox, INBOX_BIN, serveStatic, freePort, ROOT } = require('./support');
const { expectNoAxeViolations, walkQuestions, fillContact } = require('./flows');

/** Starts a Python server of the tests and resolves to `{ url, stop() }` once it prints its address. */
function python(script, args) {
  const child = spawn('python3', [path.join(ROOT, script), ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    child.once('exit', code => reject(new Error(`${script} exited with ${code}`)));
    readline.createInterface({ input: child.stdout }).once('line', line => {
      const url = /(http:\/\/\S+)/.exec(line)?.[1];
      if (!url) return reject(new Error(`${script}: no address in ${line}`));
      resolve({ url, origin: new URL(url).origin, stop: () => child.kill() });
    });
  });
}

/** GET `url` as JSON. */
async function json(url) {
  return (await fetch(url)).json();
}

test('any backend: a 204 webhook, a 202 queue, a 200 API with its own JSON, a FHIR server and the inbox relay each give the person the receipt at once, the portal the reference, and have the document once', async ({ page, context }) => {
  const portalPort = await freePort();
  const portalOrigin = `http://127.0.0.1:${portalPort}`;
  const servers = [];
  const saved = fs.mkdtempSync(path.join(os.tmpdir(), 'tyokyky-fhir-posted-'));
  try {
    const webhook = await python('conformance/minimal_server.py', ['--port', '0', '--answer', '204', '--origin', portalOrigin]);
    const queue = await python('conformance/minimal_server.py', ['--port', '0', '--answer', '202', '--origin', portalOrigin]);
    const api = await python('conformance/minimal_server.py', ['--port', '0', '--answer', '200', '--origin', portalOrigin]);
    const fhir = await python('tests/e2e/fhir_endpoint.py', ['--port', '0', '--origin', portalOrigin, '--save', saved]);
    // The county's own endpoint behind the relay: the inbox posts to it, not the browser.
    const county = await python('conformance/minimal_server.py', ['--port', '0', '--answer', '204']);
    servers.push(webhook, queue, api, fhir, county);
    const secret = execFileSync(INBOX_BIN, ['--new-forward-secret'], { encoding: 'utf8' }).trim();
    const inbox = new Inbox(['--cors-origin', portalOrigin, '--forward', county.url, '--forward-secret', secret]);
    await inbox.start();
    servers.push({ stop: () => inbox.stop() });
    for (const origin of [inbox.base, portalOrigin, webhook.url, queue.url, api.url, fhir.url]) context.allowOrigin(origin);

    const cases = [
      { name: 'a webhook answering 204', endpoint: webhook.url, backend: webhook },
      { name: 'a queue answering 202 {"status":"queued"}', endpoint: queue.url, backend: queue },
      { name: 'an API answering 200 with its own JSON', endpoint: api.url, backend: api },
      { name: 'a FHIR server', endpoint: `${inbox.base}/api/documents`, delivery: `contact_request=fhir ${fhir.url}`, backend: fhir },
      { name: 'the inbox as a relay', endpoint: `${inbox.base}/api/documents`, delivery: 'contact_request=relay', backend: county },
    ];
    const posts = [];
    page.on('request', request => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    for (const [index, each] of cases.entries()) {
      const connect = [inbox.base, webhook.origin, queue.origin, api.origin, fhir.origin].join(' ');
      const portal = await serveStatic(path.join(ROOT, 'examples'), [
        ['connect-src http://127.0.0.1:8080', `connect-src ${connect}`],
        ['data-endpoint="http://127.0.0.1:8080/api/documents"', `data-endpoint="${each.endpoint}"${each.delivery ? ` data-delivery="${each.delivery}"` : ''}`],
        // No token or extra header: these backends take none.
        ["window.tyokykyConfig = { token: 'portal-session-token', headers: { 'X-Portal': 'esimerkki' } };", 'window.tyokykyConfig = {};'],
        ['http://127.0.0.1:8080', inbox.base],
        ['http://127.0.0.1:9000', portalOrigin],
      ], portalPort);
      try {
        await page.goto(`${portal.base}/host.html`);
        await page.waitForSelector('#tyokyky #start');
        await walkQuestions(page, {});
        await fillContact(page, `Testi Taustajärjestelmä ${index + 1}`);
        const heard = page.evaluate(() => new Promise(resolve => document.addEventListener('tyokyky:submitted', event => resolve(event.detail), { once: true })));
        await page.locator('#send-contact').click();
        await page.waitForSelector('#receipt', { timeout: 10000 });
        const reference = (await page.locator('#reference-code').textContent()).trim();
        const detail = await heard;
        expect(detail.reference, `${each.name}: the portal hears the reference`).toBe(reference);
        await page.waitForFunction(code => document.getElementById('events').textContent.includes(`tyokyky:submitted contact_request ${code}`), reference);
        if (index === 3) await expectNoAxeViolations(page, 'the receipt after a FHIR server took it');
        each.reference = reference;
        each.key = detail.receipt.idempotency_key;
        each.location = detail.location;
      } finally {
        await portal.close();
      }
    }
    // Longer than the first retry would wait (2–4 s): a request after a 2xx would have come by now.
    await page.waitForTimeout(5000);
    for (const each of cases.slice(0, 3)) {
      const sent = posts.filter(url => url === each.endpoint);
      expect(sent.length, `${each.name}: one POST, never retried after its 2xx`).toBe(1);
      const { copies } = await json(each.backend.url.replace(/\/documents$/, '/stored'));
      expect(copies, `${each.name}: the document once`).toStrictEqual({ [each.key]: 1 });
    }
    const toFhir = posts.filter(url => url === fhir.url);
    expect(toFhir.length, 'the FHIR server: one transaction, never retried').toBe(1);
    const written = await json(fhir.url.replace(/\/fhir$/, '/written'));
    expect(written.transactions, 'the FHIR server: one transaction').toBe(1);
    expect(Object.keys(written.writes).some(target => target === `QuestionnaireResponse/${cases[3].key}`), `the request's response under its key: ${Object.keys(written.writes)}`).toBe(true);
    execFileSync(path.join(ROOT, 'tests/fhir/validate.sh'), ['--expect', '1', saved], { stdio: 'inherit' });
    const toInbox = posts.filter(url => url === `${inbox.base}/api/documents`);
    expect(toInbox.length, 'the relay: the browser posted to the inbox once').toBe(1);
    // The inbox forwards on its own schedule: the county's endpoint has it within a few seconds, once.
    await expect.poll(async () => (await json(county.url.replace(/\/documents$/, '/stored'))).copies, { timeout: 20000 })
      .toStrictEqual({ [cases[4].key]: 1 });
    console.log(`      any backend: ${cases.map(each => `${each.name} → ${each.reference}`).join('; ')}`);
  } finally {
    for (const server of servers.reverse()) await server.stop();
    fs.rmSync(saved, { recursive: true, force: true });
  }
});

test('any backend: a route the component cannot use is named on the portal\'s page, and nothing is sent', async ({ page, context }) => {
  const portalPort = await freePort();
  const portalOrigin = `http://127.0.0.1:${portalPort}`;
  const inbox = new Inbox(['--cors-origin', portalOrigin]);
  await inbox.start();
  context.allowOrigin(inbox.base);
  context.allowOrigin(portalOrigin);
  page.expectedConsoleErrors = [/data-delivery/];
  const posts = [];
  page.on('request', request => request.method() === 'POST' && posts.push(request.url()));
  try {
    for (const [route, says] of [
      ['feedback=soap https://hooks.example.fi', 'tyokyky: data-delivery / delivery: `feedback=soap https://hooks.example.fi`: the adapters are json, relay and fhir'],
      ['client_plan=fhir', 'tyokyky: data-delivery / delivery: `client_plan=fhir`: fhir needs the FHIR server\'s base address'],
    ]) {
      const portal = await serveStatic(path.join(ROOT, 'examples'), [
        ['data-endpoint="http://127.0.0.1:8080/api/documents"', `data-delivery="${route}"`],
        ['http://127.0.0.1:8080', inbox.base],
        ['http://127.0.0.1:9000', portalOrigin],
      ], portalPort);
      try {
        await page.goto(`${portal.base}/host.html`);
        const alert = page.locator('#tyokyky[role=alert]');
        await alert.waitFor();
        expect((await alert.textContent()).trim(), 'the setting and what is wrong with it').toBe(says);
        expect(await page.locator('#tyokyky #start').count(), 'no component with a route it cannot keep').toBe(0);
      } finally {
        await portal.close();
      }
    }
    expect(posts, 'nothing sent').toStrictEqual([]);
  } finally {
    await page.close().catch(() => {});
    await inbox.stop();
  }
});
