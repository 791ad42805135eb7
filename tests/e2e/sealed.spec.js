// End-to-end tests of a kiosk that loses its connection to the inbox: a contact request it cannot deliver
// is sealed in the browser for the inbox alone, survives the wipe (which then shows the start screen from
// the service worker's cache, not the browser's error page) without anything of the person readable in any
// storage, and arrives once the inbox is back; an envelope for a key the inbox no longer has is refused
// and dropped. The real inbox binary, stopped and started again on the same port and database.
// How to run them: playwright.config.js.
'use strict';

const { execFileSync } = require('node:child_process');
const { test, expect, screenshot } = require('./fixtures');
const { Inbox, INBOX_BIN } = require('./support');
const { walkQuestions, fillContact } = require('./flows');

/** A new outbox key line for the inbox (`--new-outbox-key`). */
const newKey = id => execFileSync(INBOX_BIN, ['--new-outbox-key', id], { encoding: 'utf8' }).trim();

/** Records the host events of the page (across its reloads) into `heard`. */
async function listen(page, heard) {
  await page.exposeFunction('tyokykyHeard', (type, detail) => heard.push({ type, detail }));
  await page.addInitScript(() => {
    for (const type of ['tyokyky:sealed', 'tyokyky:submitted', 'tyokyky:error']) {
      document.addEventListener(type, event => window.tyokykyHeard(type, event.detail));
    }
  });
}

/** A kiosk on `inbox`'s own page that has fetched the inbox's key and whose app files are cached. */
async function kiosk(page, inbox) {
  await page.goto(inbox.base + '/?mode=kiosk&idle=600&warn=30');
  await page.waitForSelector('#start');
  await page.waitForFunction(() => localStorage.getItem('tyokyky-outbox-key'));
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => (await (await caches.open('tyokyky-app-files')).keys()).length >= 5);
}

/** Everything in the page's storages as text: local and session storage, IndexedDB and Cache Storage. */
async function everything(page) {
  return page.evaluate(async () => {
    const texts = [];
    for (const storage of [localStorage, sessionStorage]) {
      for (const key of Object.keys(storage)) texts.push(`${key}=${storage.getItem(key)}`);
    }
    for (const database of await indexedDB.databases()) texts.push(`indexedDB ${database.name}`);
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        texts.push(`cache ${name} ${request.url} ${await response.text()}`);
      }
    }
    return texts;
  });
}

test('kiosk: with the inbox stopped a contact request is sealed, the wipe shows the start screen, nothing of the person is in any storage, and the request arrives once the inbox is back', async ({ page, context }) => {
  const inbox = new Inbox(['--outbox-keys', newKey('k1')]);
  try {
    await inbox.start();
    context.allowOrigin(inbox.base);
    const heard = [];
    await listen(page, heard);
    await kiosk(page, inbox);
    page.expectedConsoleErrors = [/ERR_CONNECTION_REFUSED|ERR_FAILED|Failed to load resource/];
    const marker = 'Testi Sinettimerkki';
    await walkQuestions(page, { own_words: page => page.locator('#q-own_words').fill('Sinettimerkin omat sanat') });
    await fillContact(page, marker);
    await page.getByLabel('Lähetä myös vastaukseni').check();
    await inbox.halt();

    await page.locator('#send-contact').click();
    await page.waitForSelector('#sealed-note');
    const code = (await page.locator('#reference-code').textContent()).trim();
    expect(await page.locator('h1').textContent(), 'the screen says it waits here').toBe('Pyyntösi odottaa tällä laitteella');
    expect(await page.locator('#sealed-note').textContent()).toContain('lähtee itsestään, kun yhteys palaa');
    expect(await page.content(), 'the name is gone from the page once sealed').not.toContain(marker);
    await expect.poll(() => heard.filter(e => e.type === 'tyokyky:sealed').map(e => e.detail)).toStrictEqual([{ kind: 'contact_request', reference: code }]);
    for (const [width, height, name] of [[390, 844, 'phone'], [1080, 1920, 'kiosk']]) {
      await page.setViewportSize({ width, height });
      await screenshot(page, `kiosk-sealed-${name}-fi`);
    }
    const sealedItem = await page.evaluate(() => localStorage.getItem('tyokyky-sealed'));
    expect(sealedItem, 'kept sealed').toMatch(/^[0-9a-f-]{36} contact_request \{"kid":"k1","epk":"[^"]+","iv":"[^"]+","ct":"[^"]+"\}$/);

    // The wipe, while the inbox is still down: the start screen comes back from the cache.
    await page.locator('#kiosk-start-over').click();
    await page.locator('#kiosk-confirm-wipe').click();
    await page.waitForSelector('#start', { timeout: 20000 });
    expect(await page.locator('h1').textContent(), 'the start screen, not an error page').toBe('Oma arvio työkyvystä ja arjesta');
    const stored = await everything(page);
    expect(stored.filter(text => /Sinettimerk|040 000 0009/.test(text)), 'nothing of the person in any storage').toStrictEqual([]);
    expect(await page.evaluate(() => Object.keys(localStorage).sort()), 'only the sealed request and the public key')
      .toStrictEqual(['tyokyky-outbox-key', 'tyokyky-sealed']);
    expect(await page.evaluate(() => localStorage.getItem('tyokyky-sealed')), 'the same envelope').toBe(sealedItem);
    const cached = stored.filter(text => text.startsWith('cache ')).map(text => new URL(text.split(' ')[2]).pathname);
    expect(cached.filter(url => url.includes('/api/')), 'no /api/ answer cached').toStrictEqual([]);
    expect(cached, 'the page and the app files are cached').toEqual(expect.arrayContaining(['/', '/embed.js']));
    expect(await page.locator('#earlier-documents').count(), 'the next person is not told of it').toBe(0);

    // The inbox comes back with the same database: the request arrives, and the host hears it.
    await inbox.start();
    await expect.poll(() => heard.filter(e => e.type === 'tyokyky:submitted').length, { timeout: 90000 }).toBe(1);
    const submitted = heard.find(e => e.type === 'tyokyky:submitted').detail;
    expect([submitted.kind, submitted.reference, submitted.sealed]).toStrictEqual(['contact_request', code, true]);
    const item = (await inbox.api('/api/documents?kind=contact_request&limit=500')).body.documents.filter(d => d.reference === code);
    expect(item.length, 'stored once').toBe(1);
    const document = (await inbox.api(`/api/documents/${item[0].document_id}`)).body.document.answers;
    expect([document.name, document.channel, document.shared_answers.answers.own_words]).toStrictEqual([marker, 'kiosk', 'Sinettimerkin omat sanat']);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('tyokyky-sealed')), { message: 'removed once delivered' }).toBe(null);
  } finally {
    await inbox.stop();
  }
});

test('kiosk: a request sealed for a key the inbox no longer has is refused by name, dropped and not tried again', async ({ page, context }) => {
  const inbox = new Inbox(['--outbox-keys', newKey('old')]);
  try {
    await inbox.start();
    context.allowOrigin(inbox.base);
    const heard = [];
    await listen(page, heard);
    await kiosk(page, inbox);
    page.expectedConsoleErrors = [/ERR_CONNECTION_REFUSED|ERR_FAILED|Failed to load resource/];
    await walkQuestions(page, {});
    await fillContact(page, 'Testi Vanhaavain');
    await inbox.halt();
    await page.locator('#send-contact').click();
    await page.waitForSelector('#sealed-note');
    const code = (await page.locator('#reference-code').textContent()).trim();
    const posts = [];
    page.on('request', request => { if (request.method() === 'POST' && request.url().endsWith('/api/sealed')) posts.push(request.url()); });
    // The inbox comes back with another key only.
    inbox.args = inbox.args.map(arg => (arg.startsWith('old:') ? newKey('new') : arg));
    await inbox.start();
    await expect.poll(() => heard.filter(e => e.type === 'tyokyky:error').length, { timeout: 90000 }).toBe(1);
    const refused = heard.find(e => e.type === 'tyokyky:error').detail;
    expect([refused.kind, refused.status, refused.reference, refused.sealed]).toStrictEqual(['contact_request', 422, code, true]);
    expect(refused.message, 'the refusal names the key').toContain('`old`');
    expect(await page.evaluate(() => localStorage.getItem('tyokyky-sealed')), 'dropped').toBe(null);
    const tried = posts.length;
    await page.waitForTimeout(5000);
    expect(posts.length, 'not tried again').toBe(tried);
    expect((await inbox.api('/api/documents?limit=500')).body.documents.length, 'nothing stored').toBe(0);
  } finally {
    await inbox.stop();
  }
});
