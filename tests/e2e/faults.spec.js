// End-to-end tests: faults: the disk of the inbox read-only or full during a burst, a damaged rule set at start.
//
// The disk faults are real file-system faults, made in the test's own temp folder (the tests run as root):
// the inbox's data folder is a small file system mounted there, the inbox on it a second inbox of its own.
// - full: a 4 MB tmpfs, filled by a filler file until the kernel answers ENOSPC; deleting the filler frees it.
// - read-only: a 16 MB ext4 image on a loop device, mounted `errors=remount-ro`; an error raised through
//   ext4's own `trigger_fs_error` makes the kernel turn it read-only, as it does on a failing disk. (A plain
//   `mount -o remount,ro` is refused while the inbox has the database open for writing.) It comes back as an
//   operator would bring it back: unmount, e2fsck, mount, while the inbox keeps running.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test, expect, screenshot } = require('./fixtures');
const { Inbox } = require('./support');
const { walkQuestions, fillContact, expectNoAxeViolations } = require('./flows');

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const sh = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

/** A small file system for an inbox's data, mounted in a temp folder of its own: `tmpfs` or `ext4`. */
class SmallDisk {
  constructor(type) {
    this.type = type;
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), `tyokyky-e2e-${type}-`));
    this.data = path.join(this.root, 'data');
    this.image = path.join(this.root, 'disk.img');
    this.filler = path.join(this.data, 'filler');
    fs.mkdirSync(this.data);
  }

  mount() {
    try {
      if (this.type === 'tmpfs') {
        sh('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', this.data]);
      } else {
        if (!fs.existsSync(this.image)) {
          fs.writeFileSync(this.image, '');
          fs.truncateSync(this.image, 16 * 1024 * 1024);
          sh('mkfs.ext4', ['-q', '-F', '-m', '0', this.image]);
        }
        sh('mount', ['-o', 'loop,errors=remount-ro', this.image, this.data]);
      }
    } catch (error) {
      throw new Error(`cannot mount a ${this.type} for the disk faults (these tests need root): ${error.stderr || error}`);
    }
  }

  mounted() {
    return fs.readFileSync('/proc/mounts', 'utf8').split('\n').find(line => line.split(' ')[1] === this.data);
  }

  /** Writes a filler file until the file system answers ENOSPC; returns the bytes it took. */
  fill() {
    const fd = fs.openSync(this.filler, 'w');
    let written = 0;
    try {
      for (const size of [1 << 20, 1 << 12, 1]) {
        const chunk = Buffer.alloc(size);
        for (;;) {
          try {
            const n = fs.writeSync(fd, chunk);
            written += n;
            if (n < size) break;
          } catch (error) {
            if (error.code !== 'ENOSPC') throw error;
            break;
          }
        }
      }
    } finally {
      fs.closeSync(fd);
    }
    expect(fs.statfsSync(this.data).bavail, 'no free blocks left').toBe(0);
    return written;
  }

  free() {
    fs.rmSync(this.filler);
  }

  /** Raises an ext4 error, which (errors=remount-ro) makes the kernel turn the file system read-only. */
  breakReadOnly() {
    const device = path.basename(this.mounted().split(' ')[0]);
    fs.writeFileSync(`/sys/fs/ext4/${device}/trigger_fs_error`, 'tyokyky e2e: disk fault');
    expect(this.mounted().split(' ')[3], `read-only now: ${this.mounted()}`).toMatch(/\bemergency_ro\b|\bro\b/);
    expect(canWrite(this.data), 'the data folder refuses writes').toBe(false);
  }

  /** Unmounts (waiting out a request that has the files open), checks and mounts the file system again. */
  async remount() {
    const started = Date.now();
    for (;;) {
      try {
        sh('umount', [this.data]);
        break;
      } catch (error) {
        if (Date.now() - started > 15000) throw new Error(`cannot unmount ${this.data}: ${error.stderr || error}`);
        await sleep(50);
      }
    }
    try {
      sh('e2fsck', ['-f', '-y', this.image]);
    } catch (error) {
      // 1: errors corrected (the error raised above is one); 4 and up: left uncorrected.
      if (error.status >= 4) throw new Error(`e2fsck: ${error.stdout}${error.stderr}`);
    }
    this.mount();
    expect(canWrite(this.data), 'the data folder takes writes again').toBe(true);
  }

  remove() {
    if (this.mounted()) {
      try { sh('umount', [this.data]); } catch { sh('umount', ['-l', this.data]); }
    }
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

function canWrite(folder) {
  try {
    fs.writeFileSync(path.join(folder, 'probe'), 'x');
    fs.rmSync(path.join(folder, 'probe'));
    return true;
  } catch {
    return false;
  }
}

/** An inbox of its own with its data on `disk`. */
async function inboxOn(disk, context) {
  const inbox = new Inbox();
  fs.rmSync(inbox.dataDir, { recursive: true, force: true });
  inbox.dataDir = disk.data;
  await inbox.start();
  context.allowOrigin(inbox.base);
  return inbox;
}

/** Stops the inbox but leaves its data (the mounted disk) to `SmallDisk.remove`. */
async function stopOn(inbox) {
  inbox.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyokyky-e2e-gone-'));
  await inbox.stop();
}

/** Every document the inbox stores, all pages. */
async function everything(inbox) {
  let stored = [];
  for (let after = 0; ;) {
    const page = (await inbox.api(`/api/documents?limit=500&after=${after}`)).body;
    stored = stored.concat(page.documents);
    if (page.next_after === null) return stored;
    after = page.next_after;
  }
}

/**
 * A burst of documents from two tabs of the app while the inbox's disk fails: one contact request goes
 * before the fault, then `breakDisk()`, then another contact request and a feedback at once. Each of those must be
 * answered 503 with `code`, shown as waiting (not failed), kept in the browser and retried; after
 * `mendDisk()` every one arrives by the app's own retries, and each is stored exactly once.
 */
async function burstThroughFault({ page, context }, disk, code, breakDisk, mendDisk) {
  const inbox = await inboxOn(disk, context);
  const started = Date.now();
  const attempts = [];       // idempotency keys, one per POST
  const bodies = new Map();  // idempotency key -> the document as the app sent it
  const resent = [];         // idempotency keys sent again with other bytes (checked at the end)
  const answers = [];        // { status, retryAfter } per answer
  try {
    const tabs = [page, await context.newPage()];
    for (const tab of tabs) {
      tab.on('request', request => {
        if (request.method() === 'POST' && request.url() === `${inbox.base}/api/documents`) {
          const key = JSON.parse(request.postData()).idempotency_key;
          attempts.push(key);
          if (bodies.has(key) && bodies.get(key) !== request.postData()) resent.push(key);
          bodies.set(key, request.postData());
        }
      });
      tab.on('response', response => {
        if (response.request().method() !== 'POST' || response.url() !== `${inbox.base}/api/documents`) return;
        answers.push({ status: response.status(), retryAfter: response.headers()['retry-after'] });
      });
    }
    const names = ['Testi Levy Yksi', 'Testi Levy Kaksi'];
    await Promise.all(tabs.map(async (tab, index) => {
      await tab.goto(inbox.base + '/');
      await tab.waitForSelector('#start');
      await walkQuestions(tab, {});
      await fillContact(tab, names[index]);
    }));
    await tabs[0].locator('#send-contact').click();
    await tabs[0].waitForSelector('#receipt');
    const references = [(await tabs[0].locator('#reference-code').textContent()).trim()];
    const before = (await inbox.api('/api/health')).body.documents;
    expect(before, 'the first request stored before the fault').toBe(1);

    breakDisk();
    page.expectedConsoleErrors = [/status of 503/];
    await tabs[0].locator('#give-feedback').click();
    await tabs[0].locator('label[for=feedback-score-8]').click();
    await tabs[0].getByLabel('Haluatko kertoa jotain muuta?').fill('Levy täynnä?');
    await Promise.all([tabs[1].locator('#send-contact').click(), tabs[0].locator('#send-feedback').click()]);
    for (const tab of tabs) {
      await tab.waitForSelector('#delivery-waiting');
      expect(await tab.locator('#send-failed').count(), 'waiting, not failed').toBe(0);
      const notice = await tab.locator('#delivery-waiting').textContent();
      expect(notice, `told in plain words that it waits and is kept: ${notice}`).toContain('Palvelu ei juuri nyt pysty ottamaan vastauksia vastaan');
      expect(notice, `told in plain words that it waits and is kept: ${notice}`).toContain('tässä selaimessa');
    }
    await expectNoAxeViolations(tabs[1], 'a request waiting for the inbox\'s disk');
    await screenshot(tabs[1], `faults-${disk.type}-waiting-fi`);
    const health = await inbox.api('/api/health');
    expect([health.status, health.body.error?.code], 'health reports the storage failing').toStrictEqual([503, code]);
    const kept = await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('tyokyky.outbox.v2.'))
      // A line per document: its key, its kind and its JSON.
      .flatMap(k => localStorage.getItem(k).split('\n').map(line => JSON.parse(line.split(' ').slice(2).join(' ')))));
    expect(kept.map(d => d.kind).sort(), 'both kept in the browser').toStrictEqual(['contact_request', 'feedback']);
    // Let the queue retry into the fault at least once.
    const refused = () => answers.filter(a => a.status === 503).length;
    for (let waited = 0; refused() < 3 && waited < 15000; waited += 100) await sleep(100);
    expect(refused(), `retried while the disk failed (${refused()} refusals)`).toBeGreaterThanOrEqual(3);
    expect((await inbox.api('/api/health')).body.error?.code, 'still failing').toStrictEqual(code);
    const during = answers.filter(a => a.status === 503);
    expect(during.map(a => a.retryAfter), `each refusal with Retry-After 2: ${JSON.stringify(during)}`).toStrictEqual(during.map(() => '2'));
    // What the inbox answers, seen from outside: the same bytes one of the tabs sent, sent again.
    const [waitingKey, waitingBody] = [...bodies].find(([key]) => key !== attempts[0]);
    const again = await fetch(inbox.base + '/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: waitingBody });
    const refusal = await again.json();
    expect([again.status, again.headers.get('retry-after'), refusal.error?.code], `the answer to ${waitingKey}`).toStrictEqual([503, '2', code]);
    expect(refusal.error.message, `the message says so: ${refusal.error.message}`).toContain('nothing was stored');
    expect(answers.filter(a => ![200, 201, 503].includes(a.status)), `no other answers: ${JSON.stringify(answers)}`).toStrictEqual([]);
    const faultLasted = Date.now();

    await mendDisk();
    // No "try now": the app's own retries (Retry-After 2 s as the floor of its backoff) deliver them.
    await tabs[1].waitForSelector('#receipt', { timeout: 30000 });
    await tabs[0].waitForSelector('#thanks', { timeout: 30000 });
    const recovered = Date.now() - faultLasted;

    const keys = [...new Set(attempts)];
    expect(keys.length, 'three documents sent').toBe(3);
    expect(resent, 'every attempt of a document sends the same bytes').toStrictEqual([]);
    const stored = (await everything(inbox)).filter(d => keys.includes(d.idempotency_key));
    for (const key of keys) expect(stored.filter(d => d.idempotency_key === key).length, `document ${key} stored once`).toBe(1);
    expect((await inbox.api('/api/health')).body, 'health ok, three stored').toStrictEqual({ status: 'ok', documents: 3, schema_version: 1 });
    references.push((await tabs[1].locator('#reference-code').textContent()).trim());
    for (const [index, reference] of references.entries()) {
      const item = stored.find(d => d.reference === reference);
      expect(item, `the inbox lists reference ${reference}`).toBeTruthy();
      const body = (await inbox.api(`/api/documents/${item.document_id}`)).body.document;
      expect(body.answers.name, 'the request as written').toStrictEqual(names[index]);
    }
    expect(await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('tyokyky.outbox')).length), 'nothing left in the browser once delivered').toBe(0);
    console.log(`      ${disk.type}: ${attempts.length} POSTs for ${keys.length} documents, ${refused()} answered 503 ${code}; ` +
      `delivered ${recovered} ms after the disk recovered; ${stored.length} stored, each once (${Date.now() - started} ms)`);
  } finally {
    await stopOn(inbox);
  }
}

test('faults: the inbox\'s disk fills during a burst: 503 storage_full, the documents wait in the app, and all arrive exactly once when space is freed', async ({ page, context }) => {
  const disk = new SmallDisk('tmpfs');
  try {
    disk.mount();
    await burstThroughFault({ page, context }, disk, 'storage_full', () => disk.fill(), async () => disk.free());
  } finally {
    disk.remove();
  }
});

test('faults: the inbox\'s disk turns read-only during a burst: 503 storage_read_only, the documents wait in the app, and all arrive exactly once when it is writable again, without restarting the inbox', async ({ page, context }) => {
  const disk = new SmallDisk('ext4');
  try {
    disk.mount();
    await burstThroughFault({ page, context }, disk, 'storage_read_only', () => disk.breakReadOnly(), () => disk.remount());
  } finally {
    disk.remove();
  }
});

// The rules are built into the .wasm as code and data (the build stops on a bad rule file with located
// messages, and checks everything it bakes). What can still reach a browser is a bundle damaged on its
// way: here the .wasm is cut short as it is downloaded. The loading shell must say that the service did
// not start, announced, never leave a blank page.
test('faults: a bundle damaged on its way (the .wasm cut short) says the service did not start, never a blank page', async ({ browser, inbox }) => {
  // A context of its own: the loader reports the failed start as an error of the page, which is expected here.
  const context = await browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  await page.route('**/*_bg.wasm', async route => {
    const response = await route.fetch();
    const bytes = Buffer.from(await response.body());
    await route.fulfill({ status: 200, headers: { 'content-type': 'application/wasm' }, body: bytes.subarray(0, bytes.length >> 1) });
  });
  await page.goto(inbox.base + '/');
  const message = page.locator('[data-tyokyky] .tk-shell__failed');
  await message.waitFor();
  expect(await message.textContent(), 'the failure is said').toContain('Palvelu ei käynnistynyt');
  expect(await message.getAttribute('role'), 'and announced').toBe('alert');
  expect(await page.locator('#begin, form').count(), 'no form from a damaged bundle').toBe(0);
  await expectNoAxeViolations(page, 'the failed start of a damaged bundle');
  await context.close();
});
