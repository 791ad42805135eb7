// Nothing a person did is lost: every self-assessment question and every worker step is a history entry,
// a reload comes back to the same place with everything entered, leaving with unsent work asks first, and
// what was kept for the tab is forgotten once it is sent.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { test, expect, screenshot } = require('./fixtures');
const { Inbox, signInAsWorker, serveStatic, freePort, ROOT, OUT } = require('./support');
const { questionOnScreen, walkQuestions, fillContact, fillCase, documentIdOf, expectNoAxeViolations } = require('./flows');

/** Answers the question on screen with something: the first choice, or text. */
async function answerSomething(page) {
  const form = page.locator('#question-form');
  if (await form.locator('textarea').count()) {
    await form.locator('textarea').first().fill('Testi vastaus');
  } else if (await form.locator('input[type=checkbox]').count()) {
    await form.locator('input[type=checkbox]').first().check();
  } else if (await form.locator('input[type=radio]').count()) {
    await form.locator('input[type=radio]').first().check();
  }
}

/** What the question form shows: each control's id with its value or whether it is ticked. */
const formValues = page => page.locator('#question-form').evaluate(form =>
  Array.from(form.querySelectorAll('input, textarea')).map(e => `${e.id}=${e.type === 'radio' || e.type === 'checkbox' ? e.checked : e.value}`));

const step = page => new URL(page.url()).hash;

test('self-assessment: each question is a history entry; a reload at every question keeps every answer, Back and Forward walk the answers, and sending forgets them', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  await page.locator('#begin').click();
  const seen = [];
  const values = {};
  for (let index = 0; index < 40; index += 1) {
    await page.waitForSelector('#question-form, #results');
    if (await page.locator('#results').count()) break;
    const id = await questionOnScreen(page);
    seen.push(id);
    expect(step(page), `question ${id} is in the address`).toBe(`#/?step=${id}`);
    await answerSomething(page);
    values[id] = await formValues(page);
    await page.reload();
    await page.waitForSelector('#question-form');
    expect(await questionOnScreen(page), 'the reload comes back to the same question').toBe(id);
    expect(await formValues(page), `the answer to ${id} is there after the reload`).toStrictEqual(values[id]);
    await page.locator('#next').click();
    await page.waitForFunction(previous => !document.querySelector(`[name="q-${previous}"], #q-${previous}`), id);
  }
  await page.waitForSelector('#results');
  expect(seen.length, 'questions walked').toBeGreaterThan(5);
  expect(step(page)).toBe('#/?step=results');
  expect(page.beforeUnloadPrompts, 'leaving with unsent answers asked first').toBeGreaterThan(0);

  // Back through every question, newest first: each with its answer.
  for (const id of [...seen].reverse()) {
    await page.goBack();
    await page.waitForFunction(wanted => document.querySelector(`[name="q-${wanted}"], #q-${wanted}`), id);
    expect(await formValues(page), `Back to ${id} shows its answer`).toStrictEqual(values[id]);
  }
  await page.goBack();
  await page.waitForSelector('#start');
  // Forward all the way to the results again.
  for (const id of seen) {
    await page.goForward();
    await page.waitForFunction(wanted => document.querySelector(`[name="q-${wanted}"], #q-${wanted}`), id);
  }
  await page.goForward();
  await page.waitForSelector('#results');

  const kept = await page.evaluate(() => JSON.parse(sessionStorage.getItem('tyokyky-self-answers')));
  expect(Object.keys(kept).sort(), 'the answers are kept for the tab').toStrictEqual([...Object.keys(kept)].sort());
  expect(Object.keys(kept).length, 'every answer kept').toBe(seen.length);
  expect(await page.evaluate(() => Object.keys(localStorage).length), 'nothing of the answers in lasting storage').toBe(0);

  await fillContact(page, 'Testi Historia');
  await page.locator('#send-contact').click();
  await page.waitForSelector('#receipt');
  expect(await page.evaluate(() => sessionStorage.getItem('tyokyky-self-answers')), 'sent: the kept answers are forgotten').toBeNull();
  // Back from the receipt does not reopen the answers.
  await page.goBack();
  await page.waitForTimeout(200);
  expect(await page.locator('#receipt').count(), 'still the receipt after Back').toBe(1);
  expect(await page.locator('#question-form').count()).toBe(0);
});

test('self-assessment: an address naming a step not reached shows the start, and one naming no step is put right, the answers kept', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/#/?step=sent');
  await page.waitForSelector('#start');
  expect(step(page), 'the address is put right').toBe('#/');
  await page.locator('#begin').click();
  await page.waitForSelector('#question-form');
  await answerSomething(page);
  await page.waitForFunction(() => sessionStorage.getItem('tyokyky-self-answers'));
  await page.evaluate(() => { location.hash = '/?step=nowhere'; });
  await page.waitForFunction(() => location.hash !== '#/?step=nowhere');
  expect(await page.locator('#question-form').count(), 'an unknown step leaves the question on screen').toBe(1);
});

test('kiosk: the screens add no history entries and nothing is kept in storage', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/?mode=kiosk&idle=600&warn=30');
  await page.waitForSelector('#start');
  const entries = await page.evaluate(() => history.length);
  await page.locator('#begin').click();
  for (let index = 0; index < 3; index += 1) {
    await page.waitForSelector('#question-form');
    await answerSomething(page);
    await page.locator('#next').click();
  }
  expect(await page.evaluate(() => history.length), 'no history entries').toBe(entries);
  expect(await page.evaluate(() => [sessionStorage.length, Object.keys(localStorage)]), 'nothing in storage but the inbox\'s public key')
    .toStrictEqual([0, ['tyokyky-outbox-key']]);
  expect(step(page), 'nothing in the address').not.toContain('step=');
});

test('worker flow: a reload at every step finds the case as it was, and Back and Forward keep it', async ({ page, inbox }) => {
  const go = async (name, form) => {
    await page.getByRole('link', { name }).click();
    await page.waitForSelector(form);
  };
  const reload = async form => {
    await page.reload();
    await page.waitForSelector(form);
  };
  await page.goto(inbox.base + '/worker.html#/worker');
  await page.waitForSelector('form#case-opening');
  await page.locator('#initiator-client').check();
  await page.getByLabel('Asiakkaan ikä vuosina').fill('36');
  await page.locator('#urgent-no').check();
  await page.locator('#special_support-yes').check();
  await reload('form#case-opening');
  expect(await page.getByLabel('Asiakkaan ikä vuosina').inputValue(), 'the age after a reload').toBe('36');
  expect(await page.locator('#special_support-yes').isChecked(), 'a yes/no after a reload').toBe(true);

  await go('2. Palvelutarpeen arviointi', 'form#assessment');
  await page.getByLabel('Asiakkaan oma mielipide ja näkemys palvelutarpeestaan').fill('Haluaa takaisin työelämään');
  await reload('form#assessment');
  expect(await page.getByLabel('Asiakkaan oma mielipide ja näkemys palvelutarpeestaan').inputValue()).toBe('Haluaa takaisin työelämään');

  await go('3. Asiakassuunnitelma', 'form#plan');
  await page.locator('#plan_unnecessary-no').check();
  await page.locator('#item_goals').fill('Työkokeilu keväällä');
  await page.locator('#joint_plan-yes').check();
  await page.locator('#add-partner').click();
  await page.locator('#partner-1-name').fill('Kela');
  await page.locator('#partner-1-sharing-consent').check();
  await reload('form#plan');
  expect(await page.locator('#item_goals').inputValue()).toBe('Työkokeilu keväällä');
  expect(await page.locator('#partner-1-name').inputValue(), 'a partner after a reload').toBe('Kela');
  expect(await page.locator('#partner-1-sharing-consent').isChecked(), 'its sharing after a reload').toBe(true);

  await go('4. Omatyöntekijä', 'form#named-worker');
  await page.getByLabel('Omatyöntekijän nimi').fill('Testi Sosiaalityöntekijä');
  await page.getByLabel('Omatyöntekijän ammatti').selectOption('social_worker');
  await page.locator('#named_worker_in_office-yes').check();
  await reload('form#named-worker');
  expect(await page.getByLabel('Omatyöntekijän nimi').inputValue()).toBe('Testi Sosiaalityöntekijä');

  await go('5. Yhteenveto ja valmistuminen', '#finish-plan');
  await reload('#finish-plan');
  expect(await page.locator('.tk-summary').textContent(), 'the summary after a reload').toContain('Työkokeilu keväällä');

  // Back and Forward through the steps: the answers stay.
  await page.goBack();
  await page.waitForSelector('form#named-worker');
  await page.goBack();
  await page.waitForSelector('form#plan');
  expect(await page.locator('#partner-1-name').inputValue()).toBe('Kela');
  await page.goForward();
  await page.waitForSelector('form#named-worker');
  expect(await page.getByLabel('Omatyöntekijän nimi').inputValue()).toBe('Testi Sosiaalityöntekijä');
  expect(page.beforeUnloadPrompts, 'reloading with unsent work asked first').toBeGreaterThan(0);
  expect(await page.evaluate(() => Object.keys(localStorage).length), 'the case is not in lasting storage').toBe(0);
  expect(await page.evaluate(() => sessionStorage.getItem('tyokyky-worker-case')), 'kept for the tab').toContain('Testi Sosiaalityöntekijä');
});

test('worker flow: on a shared computer the view locks after 15 minutes without activity; nothing of the case is on the screen, the host hears of it, and continuing brings the case back', async ({ page, inbox }) => {
  await page.clock.install();
  await page.goto(inbox.base + '/worker.html#/worker');
  await page.waitForSelector('form#case-opening');
  await page.evaluate(() => {
    window.lockEvents = [];
    document.addEventListener('tyokyky:locked', event => window.lockEvents.push(event.detail));
  });
  await page.getByRole('link', { name: '2. Palvelutarpeen arviointi' }).click();
  const view = page.getByLabel('Asiakkaan oma mielipide ja näkemys palvelutarpeestaan');
  await view.fill('Testi Lukitusmerkki haluaa työkokeiluun');
  await page.clock.runFor(14 * 60 * 1000);
  expect(await page.locator('#idle-lock').count(), 'not locked after 14 minutes').toBe(0);
  // Activity starts the count again.
  await page.keyboard.press('Shift');
  await page.clock.runFor(14 * 60 * 1000);
  expect(await page.locator('#idle-lock').count(), 'not locked 14 minutes after a key').toBe(0);
  await page.clock.runFor(62 * 1000);
  await page.waitForSelector('#idle-lock');
  expect(await page.locator('#screen-heading').textContent()).toBe('Näkymä on lukittu');
  expect(await page.locator('body').textContent(), 'nothing of the case on the screen').not.toContain('Lukitusmerkki');
  expect(await page.locator('form').count(), 'no form in the page').toBe(0);
  expect(await page.evaluate(() => window.lockEvents), 'the host heard it').toEqual([{ idle_seconds: 900 }]);
  await expectNoAxeViolations(page, 'the lock screen');
  await screenshot(page, 'worker-idle-lock');
  await page.locator('#idle-unlock').click();
  await page.waitForSelector('form#assessment');
  expect(await view.inputValue(), 'the case is back').toBe('Testi Lukitusmerkki haluaa työkokeiluun');
});

test('embedding: a case system mounts the worker flow with the case open on its screen; the plan records the organisation, the worker and the case, and the client\'s print shows them with the short reference', async ({ page, context }) => {
  const portalPort = await freePort();
  const portalOrigin = `http://127.0.0.1:${portalPort}`;
  // The case system hands the worker flow the worker's token (examples/worker.js), the inbox's read token.
  const inbox = new Inbox(['--cors-origin', portalOrigin, '--submit-token', 'portal-session-token', '--read-token', 'case-worker-token']);
  await inbox.start();
  context.allowOrigin(inbox.base);
  context.allowOrigin(portalOrigin);
  const portal = await serveStatic(path.join(ROOT, 'examples'), [['http://127.0.0.1:8080', inbox.base], ['http://127.0.0.1:9000', portalOrigin]], portalPort);
  try {
    await page.goto(`${portal.base}/worker.html`);
    await page.waitForSelector('#tyokyky #case-context');
    const shown = await page.locator('#case-context').textContent();
    for (const wanted of ['ASIA-2026-0042', 'Testi Asiakas', 'Testi Ohjaaja, sosiaaliohjaaja, 040 000 0001', 'Esimerkin hyvinvointialue']) {
      expect(shown, `the case context shows "${wanted}"`).toContain(wanted);
    }
    expect(await page.locator('#case-context-missing').count(), 'no "trying out" notice').toBe(0);
    await expectNoAxeViolations(page, 'the worker flow in a case system');
    // On a shared computer: a draft the backend cannot take waits in this browser, and signing out
    // leaves nothing of the case behind.
    await page.route('**/api/drafts/**', route => route.abort());
    page.expectedConsoleErrors = [/ERR_FAILED/];
    await page.getByLabel('Asiakkaan ikä vuosina').fill('58');
    await page.waitForSelector('#draft-waiting');
    const kept = () => page.evaluate(() => [sessionStorage.getItem('tyokyky-worker-case'), localStorage.getItem('tyokyky-worker-draft-waiting')]);
    expect((await kept()).map(Boolean), 'kept for the tab and waiting for the backend').toStrictEqual([true, true]);
    await page.locator('#sign-out').click();
    await page.waitForSelector('text=Olet kirjautunut ulos.');
    expect(await kept(), 'nothing of the case after signing out').toStrictEqual([null, null]);
    await page.unroute('**/api/drafts/**');
    await page.goto(`${portal.base}/worker.html`);
    await page.waitForSelector('#tyokyky #case-context');
    expect(await page.getByLabel('Asiakkaan ikä vuosina').inputValue(), 'the next sign-in starts clean').toBe('');
    await fillCase(page);
    await page.locator('#finish-plan').click();
    await page.waitForSelector('#plan-receipt');
    const reference = (await page.locator('#plan-receipt-id').textContent()).trim();
    const stored = (await inbox.api(`/api/documents/${await documentIdOf(inbox, reference)}`)).body.document.answers;
    expect(stored.context, 'the case context recorded in the plan').toStrictEqual({
      organisation: 'Esimerkin hyvinvointialue, työikäisten sosiaalityö',
      case_reference: 'ASIA-2026-0042',
      worker: { name: 'Testi Ohjaaja', role: 'sosiaaliohjaaja', phone: '040 000 0001', email: 'testi.ohjaaja@example.fi' },
      client_name: 'Testi Asiakas',
    });
    const pdf = path.join(OUT, 'client-plan-case-system-fi.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const wanted of [reference, 'ASIA-2026-0042', 'Testi Asiakas', 'Testi Ohjaaja, sosiaaliohjaaja, 040 000 0001, testi.ohjaaja@example.fi',
      'Esimerkin hyvinvointialue, työikäisten sosiaalityö']) {
      expect(text, `the client's print has "${wanted}"`).toContain(wanted);
    }
  } finally {
    await page.close().catch(() => {});
    await portal.close();
    await inbox.stop();
  }
});

test('worker flow: without a case context from a host, the flow says it is for trying out and the plan records none', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/worker.html#/worker');
  await page.waitForSelector('#case-context-missing');
  expect(await page.locator('#case-context').count()).toBe(0);
});

/** The drafts the inbox holds (newest version of each). */
const draftsIn = async inbox => (await inbox.api('/api/drafts')).body.drafts;

test('drafts: the case is saved as a draft as it is made, and continued in another browser from the worker\'s list', async ({ page, inbox, browser }) => {
  await page.goto(inbox.base + '/worker.html#/worker');
  await page.waitForSelector('form#case-opening');
  await page.locator('#initiator-client').check();
  await page.getByLabel('Asiakkaan ikä vuosina').fill('52');
  await page.waitForSelector('#draft-saved');
  await page.getByRole('link', { name: '2. Palvelutarpeen arviointi' }).click();
  await page.getByLabel('Asiakkaan oma mielipide ja näkemys palvelutarpeestaan').fill('Haluaa osa-aikatyötä');
  await expect.poll(async () => (await draftsIn(inbox)).length, 'one draft, however many saves').toBe(1);
  await expect.poll(async () => {
    const [draft] = await draftsIn(inbox);
    return (await inbox.api(`/api/drafts/${draft.draft_id}`)).body.case.assessment.client_view;
  }, 'the last change is saved a moment after it is made').toBe('Haluaa osa-aikatyötä');
  const [draft] = await draftsIn(inbox);
  expect(draft.version, 'each save is the next version').toBeGreaterThan(1);
  expect(await page.evaluate(() => Object.keys(localStorage).length), 'nothing waits in lasting storage once saved').toBe(0);

  // Another computer: a fresh browser context, the same backend.
  const other = await browser.newContext();
  await signInAsWorker(other);
  try {
    const second = await other.newPage();
    await second.goto(inbox.base + '/worker.html#/worker/cases');
    await second.waitForSelector('#cases-drafts li');
    await expectNoAxeViolations(second, 'the worker\'s list');
    await screenshot(second, 'worker-cases');
    await second.locator(`#cases-drafts button[data-draft="${draft.draft_id}"]`).click();
    await second.waitForSelector('form#case-opening');
    expect(await second.getByLabel('Asiakkaan ikä vuosina').inputValue(), 'the draft opened on another computer').toBe('52');
    await second.getByRole('link', { name: '2. Palvelutarpeen arviointi' }).click();
    expect(await second.getByLabel('Asiakkaan oma mielipide ja näkemys palvelutarpeestaan').inputValue()).toBe('Haluaa osa-aikatyötä');
  } finally {
    await other.close();
  }
});

test('drafts: the same draft changed on two computers shows the conflict, and the worker\'s choice is saved as the next version', async ({ page, inbox, browser }) => {
  await page.goto(inbox.base + '/worker.html#/worker');
  await page.waitForSelector('form#case-opening');
  await page.getByLabel('Asiakkaan ikä vuosina').fill('40');
  await page.waitForSelector('#draft-saved');
  const [draft] = await draftsIn(inbox);
  // The refused save is an HTTP 409, which the browser logs.
  page.expectedConsoleErrors = [/status of 409/];
  const other = await browser.newContext();
  await signInAsWorker(other);
  try {
    const second = await other.newPage();
    await second.goto(inbox.base + '/worker.html#/worker/cases');
    await second.locator(`#cases-drafts button[data-draft="${draft.draft_id}"]`).click();
    await second.waitForSelector('form#case-opening');
    await second.getByLabel('Asiakkaan ikä vuosina').fill('41');
    await expect.poll(async () => (await draftsIn(inbox))[0].version, 'the other computer saved its change').toBe(draft.version + 1);
    // This computer changes the same draft, not knowing: its save is refused as a conflict, never an overwrite.
    await page.getByLabel('Asiakkaan ikä vuosina').fill('42');
    await page.waitForSelector('#draft-conflict');
    await expectNoAxeViolations(page, 'the draft conflict');
    await screenshot(page, 'worker-draft-conflict');
    expect(await page.locator('#draft-conflict').textContent()).toContain(`versio ${draft.version + 1}`);
    await page.locator('#keep-mine').click();
    await page.waitForSelector('#draft-saved');
    const latest = (await inbox.api(`/api/drafts/${draft.draft_id}`)).body;
    expect([latest.version, latest.case.client.age], 'this computer\'s case saved after theirs').toStrictEqual([draft.version + 2, 42]);
  } finally {
    await other.close();
  }
});

test('drafts: while the backend is down the draft waits in the browser and is saved when it is back, nothing lost', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/worker.html#/worker');
  await page.waitForSelector('form#case-opening');
  await page.getByLabel('Asiakkaan ikä vuosina').fill('33');
  await page.waitForSelector('#draft-saved');
  page.expectedConsoleErrors = [/Failed to load resource: net::ERR_CONNECTION_REFUSED/];
  await inbox.halt();
  await page.getByLabel('Asiakkaan ikä vuosina').fill('34');
  await page.waitForSelector('#draft-waiting');
  const waiting = await page.evaluate(() => JSON.parse(localStorage.getItem('tyokyky-worker-draft-waiting')));
  expect(waiting.case.client.age, 'kept in this browser while the backend is down').toBe(34);
  await inbox.start();
  await page.waitForSelector('#draft-saved', { timeout: 30000 });
  const [draft] = await draftsIn(inbox);
  expect((await inbox.api(`/api/drafts/${draft.draft_id}`)).body.case.client.age, 'saved once the backend is back').toBe(34);
  expect(await page.evaluate(() => localStorage.getItem('tyokyky-worker-draft-waiting')), 'and no longer kept in the browser').toBeNull();
});

test('drafts: a backend without drafts is detected, and the flow says the case lives in this tab only', async ({ page, inbox }) => {
  page.expectedConsoleErrors = [/status of 404/];
  await page.route('**/api/drafts/**', route => route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"code":"not_found","message":"no such route"}}' }));
  await page.goto(inbox.base + '/worker.html#/worker');
  await page.waitForSelector('form#case-opening');
  await page.getByLabel('Asiakkaan ikä vuosina').fill('29');
  await page.waitForSelector('#draft-not-supported');
  expect(await page.locator('#draft-not-supported').textContent()).toContain('ei tallenna luonnoksia');
});

test('revising: a finished plan is reopened from the worker\'s list and revised; version 2 names version 1, shows what changed, the review that passed is a finding, and the inbox holds both', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/worker.html#/worker');
  await fillCase(page, { openedOn: '2026-01-05' });
  // The plan was made in January with a review in February, which has passed by the day of the revision.
  await page.getByRole('link', { name: '3. Asiakassuunnitelma' }).click();
  await page.locator('#plan_made_on').fill('2026-01-12');
  await page.locator('#review_date').fill('2026-02-15');
  expect(await page.locator('[data-rule="shl-39-plan-review-due"] .tk-badge--unmet').count(), 'no review due when the plan is made').toBe(0);
  await page.getByRole('link', { name: '5. Yhteenveto ja valmistuminen' }).click();
  await page.locator('#finish-plan').click();
  await page.waitForSelector('#plan-receipt');
  const first = (await page.locator('#plan-receipt-id').textContent()).trim();

  await page.goto(inbox.base + '/worker.html#/worker/cases');
  await page.waitForSelector('#cases-plans li');
  expect(await page.locator('#cases-plans').textContent(), 'the plan listed with its version and review').toMatch(new RegExp(`${first}, versio 1.*tarkistus 2026-02-15`));
  // Opened by the short reference a colleague reads out.
  await page.locator('#plan-reference').fill(first.toLowerCase());
  await page.locator('#open-reference').click();
  await page.waitForSelector('#revising');
  expect(await page.locator('#revising').textContent()).toContain(`suunnitelmaa ${first}`);
  expect(await page.getByLabel('Asiakkaan ikä vuosina').inputValue(), 'the plan\'s case is opened').toBe('36');
  await page.getByRole('link', { name: '3. Asiakassuunnitelma' }).click();
  await page.waitForSelector('form#plan');
  // Judged on the day of the revision: the agreed review day has passed.
  await page.waitForSelector('[data-rule="shl-39-plan-review-due"] .tk-badge--unmet');
  await page.locator('#item_goals').fill('Osa-aikatyö syksyllä');
  await page.locator('#review_date').fill('2027-03-01');
  await page.getByRole('link', { name: '5. Yhteenveto ja valmistuminen' }).click();
  await page.waitForSelector('#revision');
  const changes = await page.locator('#revision-changes').textContent();
  expect(changes, 'what changed, item by item').toContain('Työkokeilu alkaa maaliskuussa → Osa-aikatyö syksyllä');
  expect(await page.locator('#finish-plan').isDisabled(), 'a revision needs its reason').toBe(true);
  await page.locator('#revision-reason').fill('Työkokeilu päättyi, tavoite muuttui');
  await expectNoAxeViolations(page, 'the revision summary');
  await screenshot(page, 'worker-revision-summary');
  await page.locator('#finish-plan').click();
  await page.waitForSelector('#plan-receipt');
  const second = (await page.locator('#plan-receipt-id').textContent()).trim();

  // The client's print: the plan in plain words with its version, no rule ids, versions or sections.
  const printed = async (name, what) => {
    await page.evaluate(what => document.getElementById('plan-receipt').setAttribute('data-print', what), what);
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(OUT, `${name}.pdf`);
    await page.pdf({ path: pdf, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };
  const client = await printed('client-plan-revised-fi', 'plan');
  for (const wanted of ['Asiakassuunnitelma', 'Suunnitelman versio 2', 'Osa-aikatyö syksyllä', 'Testi Sosionomi', 'Omatyöntekijän työpari: Sosiaalityöntekijä', second, 'ma 1.3.2027']) {
    expect(client, `the client's print has "${wanted}"`).toContain(wanted);
  }
  for (const unwanted of ['shl-', '1301/2014', 'sääntöjen', 'tiiviste', 'Ammattilaisen kirjaus']) {
    expect(client, `no "${unwanted}" in the client's print`).not.toContain(unwanted);
  }
  const record = await printed('professional-record-revised-fi', 'record');
  for (const wanted of ['Ammattilaisen kirjaus', `korvaa suunnitelman ${first}`, 'Työkokeilu päättyi, tavoite muuttui', 'shl-39-plan-review-due', '1301/2014 39 § 3 mom.', 'tiiviste']) {
    expect(record, `the professional record has "${wanted}"`).toContain(wanted);
  }
  expect(record, 'the record leaves the client\'s plan out').not.toContain('Osa-aikatyö syksyllä');

  const plans = (await inbox.api('/api/documents?kind=client_plan')).body.documents;
  expect(plans.map(p => [p.reference, p.plan_version]), 'both versions kept').toStrictEqual([[first, 1], [second, 2]]);
  const revised = (await inbox.api(`/api/documents/${plans[1].document_id}`)).body.document;
  expect(revised.answers.case.plan.revision, 'version 2 names version 1 and why').toStrictEqual({
    version: 2, supersedes: plans[0].idempotency_key, supersedes_reference: first, reason: 'Työkokeilu päättyi, tavoite muuttui',
  });
  expect(revised.answers.findings.find(f => f.rule_id === 'shl-39-plan-review-due').status, 'a new review day agreed').toBe('met');
});

test('hand-off: a contact request from the self-assessment is opened as a case, prefilled from what the person chose to send, and the plan links back to it', async ({ page, inbox }) => {
  // A person asks to be contacted and shares their answers; another asks without sharing them.
  await page.goto(inbox.base + '/');
  await walkQuestions(page, { own_words: p => p.locator('#q-own_words').fill('Testi haluaa töihin') });
  await fillContact(page, 'Testi Jakaja');
  await page.getByLabel('Lähetä myös vastaukseni').check();
  await page.locator('#send-contact').click();
  await page.waitForSelector('#receipt');
  const shared = (await page.locator('#reference-code').textContent()).trim();
  await page.goto(inbox.base + '/?fresh#/');
  await walkQuestions(page, {});
  await fillContact(page, 'Testi Pidättyvä');
  await page.locator('#send-contact').click();
  await page.waitForSelector('#receipt');
  const kept = (await page.locator('#reference-code').textContent()).trim();

  await page.goto(inbox.base + '/worker.html#/worker/cases');
  await page.waitForSelector('#cases-requests li');
  const rows = page.locator('#cases-requests li');
  expect(await rows.first().textContent(), 'newest first').toContain(kept);
  await rows.filter({ hasText: kept }).getByRole('button').click();
  await page.waitForSelector('#from-request');
  expect(await page.locator('#from-request').textContent()).toContain('Testi Pidättyvä');
  await page.waitForSelector('#request-no-answers');

  await page.goto(inbox.base + '/worker.html#/worker/cases');
  await page.waitForSelector('#cases-requests li');
  await page.locator('#cases-requests li').filter({ hasText: shared }).getByRole('button').click();
  await page.waitForSelector('#from-request');
  const panel = await page.locator('#from-request').textContent();
  expect(panel).toContain(`Yhteydenottopyyntö ${shared}`);
  expect(panel).toContain('040 000 0009');
  expect(await page.locator('#request-services li').count(), 'the services the self-assessment suggested').toBeGreaterThan(0);
  expect(await page.locator('#request-answers').textContent(), 'the answers the person shared').toContain('Testi haluaa töihin');
  expect(await page.locator('#initiator-client').isChecked(), 'opened by the client\'s own contact').toBe(true);
  await expectNoAxeViolations(page, 'a case opened from a contact request');
  await screenshot(page, 'worker-from-request');

  await fillCase(page, {});
  await page.locator('#finish-plan').click();
  await page.waitForSelector('#plan-receipt');
  const reference = (await page.locator('#plan-receipt-id').textContent()).trim();
  const plan = (await inbox.api(`/api/documents/${await documentIdOf(inbox, reference)}`)).body.document.answers;
  const request = (await inbox.api('/api/documents?kind=contact_request')).body.documents.find(d => d.reference === shared);
  expect(plan.case.opening.from_request, 'the plan links back to the request').toStrictEqual({ key: request.idempotency_key, reference: shared });
});

test('revising: a case system hands over a finished plan by its short reference, and the worker flow opens it for review with what changed, also when continued on another computer', async ({ page, context, browser }) => {
  const portalPort = await freePort();
  const portalOrigin = `http://127.0.0.1:${portalPort}`;
  const inbox = new Inbox(['--cors-origin', portalOrigin]);
  await inbox.start();
  context.allowOrigin(inbox.base);
  context.allowOrigin(portalOrigin);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyokyky-host-'));
  let portal = null;
  try {
    await page.goto(inbox.base + '/worker.html#/worker');
    await fillCase(page, {});
    await page.locator('#finish-plan').click();
    await page.waitForSelector('#plan-receipt');
    const first = (await page.locator('#plan-receipt-id').textContent()).trim();
    // The case system's page for that plan: it names the plan to review.
    fs.writeFileSync(path.join(dir, 'review.html'), `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Tarkistus</title>
      <script src="review.js"></script><script type="module" src="${inbox.base}/embed-worker.js"></script></head>
      <body><main><div data-tyokyky data-mode="worker" data-lang="fi" data-endpoint="${inbox.base}/api/documents"></div></main></body></html>`);
    fs.writeFileSync(path.join(dir, 'review.js'), `window.tyokykyConfig = { openPlan: '${first}' };`);
    portal = await serveStatic(dir, [], portalPort);
    await page.goto(`${portal.base}/review.html`);
    await page.waitForSelector('#revising');
    expect(await page.locator('#revising').textContent()).toContain(first);
    await page.getByRole('link', { name: '3. Asiakassuunnitelma' }).click();
    await page.locator('#item_goals').fill('Uusi tavoite');
    // A reload goes on with the revision instead of opening the plan again.
    await page.reload();
    await page.waitForSelector('#revising');
    await page.getByRole('link', { name: '5. Yhteenveto ja valmistuminen' }).click();
    expect(await page.locator('#revision-changes').textContent()).toContain('Työkokeilu alkaa maaliskuussa → Uusi tavoite');
    await page.waitForSelector('#draft-saved');
    // The revision continued on another computer from its draft: the version it replaces is read again.
    const other = await browser.newContext();
    await signInAsWorker(other);
    try {
      const second = await other.newPage();
      await second.goto(inbox.base + '/worker.html#/worker/cases');
      await second.locator('#cases-drafts button').first().click();
      await second.waitForSelector('#revising');
      await second.getByRole('link', { name: '5. Yhteenveto ja valmistuminen' }).click();
      await second.waitForSelector('#revision-changes');
      expect(await second.locator('#revision-changes').textContent()).toContain('Työkokeilu alkaa maaliskuussa → Uusi tavoite');
    } finally {
      await other.close();
    }
  } finally {
    await page.close().catch(() => {});
    if (portal) await portal.close();
    await inbox.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
