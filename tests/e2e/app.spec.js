// End-to-end tests of the self-assessment, the kiosk and the worker flow: the release app served by the real inbox, in Chromium.
// How to run them: playwright.config.js. Screenshots land in tests/e2e/out/.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { test, expect, axe, screenshot } = require('./fixtures');
const { Inbox, serveStatic, freePort, ROOT, OUT } = require('./support');
const {
  HOSTILE, expectNoAxeViolations, walkQuestions, check, waitForFrame, keyboard, idOf, overflow, fillContact,
  documentIdOf, fillCase, questionOnScreen,
} = require('./flows');

test('the accessibility check itself catches problems on a page built to fail it', async ({ page }) => {
  await page.setContent('<html><body><img src="x.png"><button></button><input type="text"></body></html>');
  const violations = (await axe(page)).map(line => line.split(' ')[0]);
  for (const rule of ['image-alt', 'button-name', 'label', 'html-has-lang', 'document-title']) {
    expect(violations, `axe missed ${rule}: ${violations}`).toContain(rule);
  }
});

test('self-assessment: a person answers every question, sees services with their reasons, asks to be contacted, and the request reaches the inbox verbatim', async ({ page, inbox }) => {
  const response = await page.goto(inbox.base + '/');
  const policy = response.headers()['content-security-policy'] || '';
  const strict = `the app runs under a strict CSP (a violation would be a console error): ${policy}`;
  expect(policy, strict).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy, strict).not.toContain('unsafe-inline');
  await page.waitForSelector('#start');
  expect(await page.locator('h1').textContent(), 'heading').toBe('Oma arvio työkyvystä ja arjesta');
  await expectNoAxeViolations(page, 'the start screen');
  const seen = await walkQuestions(page, {
    work_ability_score: page => page.locator('label[for=q-work_ability_score-4]').click(),
    right_now: check('#q-right_now-none'),
    illness_limits: check('#q-illness_limits-no'),
    activity: check('#q-activity-one_day_a_week'),
    job_seeker: check('#q-job_seeker-yes'),
    goal: check('#q-goal-work'),
    worries: check('#q-worries-debts'),
    own_words: page => page.locator('#q-own_words').fill(HOSTILE),
  }, { checkAxe: true });
  expect(seen.length, `questions asked (${seen})`).toBe(13);
  expect(seen, 'follow-ups only when they apply').not.toContain('care_contact');
  expect(seen, 'follow-ups only when they apply').not.toContain('pension_status');
  await page.waitForSelector('#results');
  expect(await page.locator('#urgent-help').count(), 'no urgent help without an urgent answer').toBe(0);
  // What happens next comes before the services; each service is a summary, its details on request.
  const top = async selector => (await page.locator(selector).boundingBox()).y;
  expect(await top('#ask-contact'), 'asking to be contacted comes before the services').toBeLessThan(await top('#suggested-services'));
  const work = page.locator('#service-kuntouttava-tyotoiminta');
  expect(await work.locator('.tk-reasons').isVisible(), 'the reasons wait behind "more"').toBe(false);
  await work.locator('summary').click();
  const reasons = await work.locator('.tk-reasons').textContent();
  for (const wanted of ['Oletko ilmoittautunut työttömäksi työnhakijaksi?', 'Mitä toivoisit nyt eniten?']) {
    expect(reasons, `reason "${wanted}" in: ${reasons}`).toContain(wanted);
  }
  expect(await page.locator('#service-talous-ja-velkaneuvonta').count(), 'debt advice for someone worried about debts').toBe(1);
  await expectNoAxeViolations(page, 'the results');
  await screenshot(page, 'self-results-fi');

  // The answers are a screen of their own; "change" opens the question and "next" comes back to them at
  // once, or by way of a question the new answer brings up.
  await page.locator('#check-answers').click();
  await page.waitForSelector('#your-answers');
  expect(await page.locator('#your-answers').textContent(), 'the answers shown verbatim').toContain(HOSTILE);
  await expectNoAxeViolations(page, 'the answers');
  await page.locator('#change-goal').click();
  expect(await page.locator('#q-goal-work').isChecked(), 'the answer is kept').toBe(true);
  await page.locator('#next').click();
  await page.waitForSelector('#your-answers');
  await page.locator('#change-illness_limits').click();
  await page.locator('#q-illness_limits-yes').check();
  await page.locator('#next').click();
  await page.waitForSelector('#q-care_contact-yes');
  await page.locator('#next').click();
  await page.waitForSelector('#your-answers');
  expect(await page.locator('#your-answers').textContent(), 'the new answer and its follow-up').toContain('Käytkö sen vuoksi');
  await page.locator('#to-results').click();
  await page.waitForSelector('#results');

  await page.locator('#ask-contact').click();
  await page.waitForSelector('#contact-form');
  await expectNoAxeViolations(page, 'the contact form');
  const before = (await inbox.api('/api/health')).body.documents;
  await page.locator('#send-contact').click();
  await page.waitForSelector('.tk-error-summary');
  expect(await page.locator('.tk-error-summary').evaluate(e => e === document.activeElement), 'summary has focus').toBe(true);
  expect(await page.locator('.tk-error-summary a').count(), 'name, a way to reach, consent').toBe(3);
  await expectNoAxeViolations(page, 'the contact form with errors');
  await page.getByLabel('Nimi').fill('Testi Henkilö');
  await page.getByLabel('Puhelinnumero').fill('040 000 0000');
  await page.getByLabel('svenska').check();
  await page.getByLabel('Lähetä myös vastaukseni').check();
  await page.getByLabel('Ymmärrän, mitä lähetetään').check();
  const consent = await page.locator('#contact-consent-text').textContent();
  const [request] = await Promise.all([
    page.waitForRequest(r => r.url() === `${inbox.base}/api/documents` && r.method() === 'POST'),
    page.locator('#send-contact').click(),
  ]);
  await page.waitForSelector('#receipt');
  await expectNoAxeViolations(page, 'the contact receipt');
  await screenshot(page, 'self-contact-receipt-fi');
  const code = (await page.locator('#reference-code').textContent()).trim();
  expect(code, `a short reference: ${code}`).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(await page.locator('#receipt').textContent(), 'when to expect the call, as the county sets it').toContain('Kiireettömään pyyntöön vastataan 3 arkipäivän kuluessa.');
  const sent = JSON.parse(request.postData());
  expect([sent.kind, sent.lang], 'kind and language').toStrictEqual(['contact_request', 'fi']);
  const listing = await inbox.api('/api/documents?kind=contact_request&limit=500');
  const item = listing.body.documents.find(d => d.reference === code);
  expect(item, `the inbox lists reference ${code}`).toBeTruthy();
  const stored = (await inbox.api(`/api/documents/${item.document_id}`)).body;
  const answers = stored.document.answers;
  expect([answers.name, answers.phone, answers.contact_language, answers.urgent, answers.channel], 'the request')
    .toStrictEqual(['Testi Henkilö', '040 000 0000', 'sv', false, 'self_service']);
  expect(answers.consent_text, 'the consent text as shown').toStrictEqual(consent);
  expect(answers.shared_answers.answers.own_words, 'free text verbatim').toStrictEqual(HOSTILE);
  expect(answers.shared_answers.answers.worries, 'multi answer').toStrictEqual(['debts']);
  expect(answers.shared_answers.suggested_services, 'suggestions recorded').toContain('kuntouttava-tyotoiminta');
  expect(await page.locator('#receipt-time time').getAttribute('datetime'), 'received time shown').not.toBeNull();
  expect(await page.evaluate(() => window.__pwned), 'no script from the text ran').toBeUndefined();
  expect((await inbox.api('/api/health')).body.documents, 'one document stored').toStrictEqual(before + 1);

  await page.locator('#give-feedback').click();
  await page.waitForSelector('#feedback-form');
  await expectNoAxeViolations(page, 'the feedback form');
  await page.locator('label[for=feedback-score-9]').click();
  await page.getByLabel('Haluatko kertoa jotain muuta?').fill('Selkeä');
  await page.locator('#send-feedback').click();
  await page.waitForSelector('#thanks');
  await expectNoAxeViolations(page, 'the end');
  expect(await page.locator('#kept-reference').textContent(), 'the reference stays in view after the feedback').toContain(code);
  const feedback = (await inbox.api('/api/documents?kind=feedback&limit=500')).body.documents.pop();
  const body = (await inbox.api(`/api/documents/${feedback.document_id}`)).body.document;
  expect(body.answers, 'anonymous feedback').toStrictEqual({ score: 9, comment: 'Selkeä', channel: 'self_service' });
  await page.locator('#finish').click();
  await page.waitForSelector('#start');
});

test('self-assessment: an urgent answer shows how to get help at once and marks the contact request urgent', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  await page.locator('#begin').click();
  await page.locator('#next').click();
  await page.locator('#q-right_now-no_place_to_sleep').check();
  const help = page.locator('#urgent-help');
  await help.waitFor();
  expect(await help.textContent(), 'the emergency number').toContain('112');
  expect(await help.textContent(), 'the social emergency service').toContain('Sosiaalipäivystys');
  expect(await page.locator('#call-112').getAttribute('href'), 'tap to call 112').toBe('tel:112');
  expect(await page.locator('#call-social-emergency').getAttribute('href'), 'tap to call the county\'s number').toBe('tel:+358900000000');
  const ticked = await page.locator('#q-right_now-no_place_to_sleep').boundingBox();
  expect(ticked.y, 'the ticked box stays where it was tapped').toBeLessThan(600);
  await expectNoAxeViolations(page, 'urgent help on a question');
  await screenshot(page, 'self-urgent-fi');
  while (!(await page.locator('#results').count())) await page.locator('#next').click();
  await help.waitFor();
  await expectNoAxeViolations(page, 'the results with urgent help');
  await page.locator('#ask-contact').click();
  await page.locator('#contact-urgent').waitFor();
  await expectNoAxeViolations(page, 'the urgent contact form');
  await page.getByLabel('Nimi').fill('Testi Kiireellinen');
  await page.getByLabel('Sähköpostiosoite').fill('testi@example.fi');
  await page.getByLabel('Ymmärrän, mitä lähetetään').check();
  await page.locator('#send-contact').click();
  await page.waitForSelector('#receipt');
  const code = (await page.locator('#reference-code').textContent()).trim();
  const item = (await inbox.api('/api/documents?kind=contact_request&limit=500')).body.documents.find(d => d.reference === code);
  const stored = (await inbox.api(`/api/documents/${item.document_id}`)).body.document.answers;
  expect([stored.urgent, stored.email, stored.shared_answers], 'urgent, reachable by e-mail, answers not shared unless chosen')
    .toStrictEqual([true, 'testi@example.fi', undefined]);
});

test('loading: the page says "loading" in the browser\'s language while the app downloads, and says so in that language if it cannot start', async ({ browser, inbox }) => {
  for (const [locale, loading, failed] of [['sv-FI', 'Laddar…', 'Tjänsten startade inte'], ['fi-FI', 'Ladataan…', 'Palvelu ei käynnistynyt'], ['en-GB', 'Loading…', 'The service did not start']]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    // The .wasm is held back until the shell has been looked at, then refused.
    let release;
    const held = new Promise(resolve => { release = resolve; });
    await page.route(/\.wasm$/, async route => { await held; return route.fulfill({ status: 503, body: '' }); });
    page.on('console', () => {});
    await page.goto(inbox.base + '/');
    const status = page.locator('.tk-shell__status');
    await status.waitFor();
    expect((await status.textContent()).trim(), `${locale}: one language only`).toBe(loading);
    expect(await page.locator('.tk-shell__name').isVisible(), 'the service is named').toBe(true);
    release();
    const message = page.locator('[data-tyokyky] .tk-shell__failed');
    await message.waitFor();
    expect(await message.textContent(), `${locale}: the failure is said`).toContain(failed);
    expect(await message.getAttribute('role'), 'and announced').toBe('alert');
    await context.close();
  }
});

test('kiosk: half a questionnaire, then inactivity: a warning with a countdown, and the wipe leaves nothing in the DOM, storage or history', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/?mode=kiosk&idle=5&warn=3');
  await page.waitForSelector('#start');
  // Something left in every storage (by a host page, say): the wipe must empty them all.
  await page.evaluate(async () => {
    localStorage.setItem('left', '1');
    sessionStorage.setItem('left', '1');
    await new Promise(resolve => { const open = indexedDB.open('leftover'); open.onsuccess = () => { open.result.close(); resolve(); }; });
    await caches.open('leftover');
  });
  await expectNoAxeViolations(page, 'the kiosk start');
  await page.locator('#begin').click();
  await page.locator('label[for=q-work_ability_score-3]').click();
  const next = await page.locator('#next').boundingBox();
  expect(next.height, `touch target ${next.height} px`).toBeGreaterThanOrEqual(64);
  // "Finish and wipe" asks first: "go on answering" keeps the answer.
  await page.locator('#kiosk-start-over').click();
  await page.waitForSelector('#kiosk-confirm');
  await expectNoAxeViolations(page, 'the kiosk\'s question before wiping');
  await page.locator('#kiosk-keep').click();
  expect(await page.locator('#q-work_ability_score-3').isChecked(), 'kept after "go on answering"').toBe(true);
  await page.locator('#next').click();
  await page.locator('#q-right_now-none').check();
  await page.locator('#next').click();
  await page.locator('#q-illness_limits-yes').check();
  await page.locator('#next').click();
  await page.locator('#q-care_contact-yes').check();
  expect(await page.evaluate(() => [Object.keys(localStorage).sort(), sessionStorage.length]), 'the app wrote nothing but the inbox\'s public key')
    .toStrictEqual([['left', 'tyokyky-outbox-key'], 1]);
  expect(await page.locator('form[autocomplete=off]').count(), 'no autocomplete').toBe(1);

  // The warning counts down; "continue" keeps the answers.
  await page.waitForSelector('#kiosk-warning', { timeout: 5000 });
  await expectNoAxeViolations(page, 'the kiosk warning');
  await screenshot(page, 'kiosk-warning-fi');
  await page.locator('#kiosk-continue').click();
  expect(await page.locator('#kiosk-warning').count(), 'continue closes the warning').toBe(0);
  expect(await page.locator('#q-care_contact-yes').isChecked(), 'the answer is still there').toBe(true);

  // Then nothing more: the wipe.
  await page.waitForSelector('#kiosk-warning', { timeout: 5000 });
  await page.waitForSelector('#start', { timeout: 10000 });
  expect(await page.evaluate(() => document.querySelectorAll('input:checked').length), 'no answers in the DOM').toBe(0);
  expect(await page.locator('#kiosk-warning').count(), 'the warning is gone').toBe(0);
  // Kept on purpose: the inbox's public key and the cache of the app's own files (src/web/kiosk.rs).
  const left = await page.evaluate(async () => [Object.keys(localStorage), sessionStorage.length,
    (await indexedDB.databases()).length, (await caches.keys()).filter(name => name !== 'tyokyky-app-files').length]);
  expect(left, 'local, session, IndexedDB and Cache Storage empty').toStrictEqual([['tyokyky-outbox-key'], 0, 0, 0]);
  expect(page.url(), `back at the start: ${page.url()}`).toMatch(/\/\?mode=kiosk&idle=5&warn=3(#\/)?$/);
  await page.goBack();
  const previous = await page.content();
  expect(previous, 'going back shows nothing of the visit').not.toContain('q-care_contact');
  expect(previous, 'going back shows nothing of the visit').not.toContain('Käytkö sen vuoksi');
  await page.goForward();
  await page.waitForSelector('#start');
  expect(await page.evaluate(() => document.querySelectorAll('input:checked').length), 'still nothing').toBe(0);
});

test('two bundles: the public page downloads no worker flow, sends a worker route to worker.html, and embed.js refuses the worker mode; the worker page has no self-assessment', async ({ page, inbox }) => {
  const requested = [];
  page.on('request', request => requested.push(new URL(request.url()).pathname));
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  expect(requested.filter(file => /worker/.test(file)), 'nothing of the worker bundle on the public page').toStrictEqual([]);
  const refused = await page.evaluate(async () => {
    const embed = await import('/embed.js');
    const element = document.createElement('div');
    document.body.append(element);
    const tried = config => { try { embed.mount(element, config); return 'mounted'; } catch (error) { return error.message; } };
    const answers = [tried({ mode: 'worker' }), tried({ case: { organisation: 'O', caseReference: 'R', worker: { name: 'N' } } })];
    element.remove();
    return answers;
  });
  expect(refused).toStrictEqual([
    'tyokyky: the worker flow is in embed-worker.js (beside embed.js); load that for data-mode / mode `worker`',
    'tyokyky: `case` is for the worker flow, in embed-worker.js (beside embed.js)',
  ]);
  // An old link to a worker step opens the worker page at that step.
  await page.goto(inbox.base + '/#/worker/plan');
  await page.waitForSelector('form#plan');
  expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe('/worker.html#/worker/plan');
  expect(requested.some(file => /^\/tyokyky-worker-.*\.wasm$/.test(file)), 'the worker page loads its own bundle').toBe(true);
  // The worker bundle has no self-assessment: its start is the worker's, and embed-worker.js refuses the
  // citizen's modes by name.
  await page.goto(inbox.base + '/worker.html#/');
  await page.waitForSelector('#case-opening');
  expect(await page.locator('#start').count(), 'no self-assessment on the worker page').toBe(0);
  const refusedByWorker = await page.evaluate(async () => {
    const embed = await import('/embed-worker.js');
    const element = document.createElement('div');
    document.body.append(element);
    const tried = config => { try { embed.mount(element, config); return 'mounted'; } catch (error) { return error.message; } };
    const answers = [tried({ mode: 'kiosk' }), tried({ mode: 'self' })];
    element.remove();
    return answers;
  });
  const citizenModes = 'tyokyky: the self-assessment and the kiosk are in embed.js (beside embed-worker.js); load that for data-mode / mode `self` or `kiosk`';
  expect(refusedByWorker).toStrictEqual([citizenModes, citizenModes]);
});

test('kiosk: a contact request from a shared screen, its reference printed without the name, and "finish" wipes the visit', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/?mode=kiosk#/worker');
  await page.waitForSelector('#start');
  expect(await page.locator('#case-opening').count(), 'no worker flow on a kiosk').toBe(0);
  await walkQuestions(page, { own_words: page => page.locator('#q-own_words').fill('Testi kioskilla') });
  await page.locator('#ask-contact').click();
  await page.getByLabel('Nimi').fill('Testi Kioski');
  await page.getByLabel('Puhelinnumero').fill('040 000 0002');
  await page.getByLabel('Lähetä myös vastaukseni').check();
  await page.getByLabel('Ymmärrän, mitä lähetetään').check();
  await page.locator('#send-contact').click();
  await page.waitForSelector('#receipt');
  await expectNoAxeViolations(page, 'the kiosk receipt');
  const code = (await page.locator('#reference-code').textContent()).trim();
  const item = (await inbox.api('/api/documents?kind=contact_request&limit=500')).body.documents.find(d => d.reference === code);
  const stored = (await inbox.api(`/api/documents/${item.document_id}`)).body.document.answers;
  expect([stored.channel, stored.shared_answers.answers.own_words], 'from the kiosk').toStrictEqual(['kiosk', 'Testi kioskilla']);
  expect(await page.content(), 'the name is gone from the page once delivered').not.toContain('Testi Kioski');

  const pdf = path.join(OUT, 'kiosk-reference-fi.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A6' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text, `the printout has the reference ${code}: ${text}`).toContain(code);
  for (const personal of ['Testi Kioski', '040 000 0002', 'Testi kioskilla', 'Aloita alusta']) {
    expect(text, `nothing else in the printout ("${personal}")`).not.toContain(personal);
  }
  await page.emulateMedia({ media: 'screen' });

  await page.locator('#give-feedback').click();
  await page.locator('#skip-feedback').click();
  await page.locator('#finish').click();
  await page.waitForSelector('#start');
  expect(await page.evaluate(async () => [Object.keys(localStorage), sessionStorage.length,
    (await indexedDB.databases()).length, (await caches.keys()).filter(name => name !== 'tyokyky-app-files').length]),
  'storages empty but for the inbox\'s public key and the app\'s files').toStrictEqual([['tyokyky-outbox-key'], 0, 0, 0]);
});

test('languages: Finnish is built in and another language is fetched when chosen; one that cannot be fetched is named and the page stays as it was; a damaged file shows what arrived', async ({ page, inbox }) => {
  const fetched = [];
  page.on('request', request => { if (request.url().includes('/locales/')) fetched.push(new URL(request.url()).pathname); });
  page.expectedConsoleErrors = [/ERR_CONNECTION_FAILED/];
  let failSwedish = true;
  await page.route('**/locales/sv/citizen.ftl', route => {
    if (failSwedish) { failSwedish = false; return route.abort('connectionfailed'); }
    return route.fallback();
  });
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  expect(fetched, 'no language file for a Finnish start').toStrictEqual([]);
  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.waitForSelector('#locale-failed');
  expect(await page.locator('#locale-failed').textContent(), 'the notice names the language').toContain('Svenska');
  expect(await page.evaluate(() => document.documentElement.lang), 'the page stays in Finnish').toBe('fi');
  expect(await page.getByRole('button', { name: 'Suomi', exact: true }).getAttribute('aria-pressed'), 'Finnish stays pressed').toBe('true');
  await expectNoAxeViolations(page, 'the notice of a language that could not be fetched');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'sv');
  expect(await page.locator('#locale-failed').count(), 'the notice is gone once Swedish arrived').toBe(0);
  // English cut in half on the way: what arrived is English, Finnish stands in for the rest, and the page says so.
  await page.route('**/locales/en/citizen.ftl', async route => {
    const response = await route.fetch();
    const body = await response.text();
    await route.fulfill({ response, body: body.slice(0, Math.floor(body.length / 2)) });
  });
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForSelector('#partial-note');
  expect(await page.locator('.tk-header__service').textContent(), 'a message from the first half is English').toBe('Work ability support');
  expect(await page.locator('#accessibility-link').textContent(), 'a message from the lost half is Finnish').toBe('Saavutettavuusseloste');
  expect(await page.locator('#main').textContent(), 'no missing message ids').not.toMatch(/\[[a-z0-9-]+\]/);
  await expectNoAxeViolations(page, 'English with Finnish standing in');
  // Back to Swedish: it is kept, nothing is fetched again.
  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'sv');
  expect(fetched, 'each language fetched when chosen, and kept').toStrictEqual(['/locales/sv/citizen.ftl', '/locales/sv/citizen.ftl', '/locales/sv/texts.ftl', '/locales/en/citizen.ftl', '/locales/en/texts.ftl']);
});

test.describe(() => {
  test.use({ locale: 'sv-FI' });

  test('a browser that prefers Swedish starts in Swedish, and the start screen passes axe in every language', async ({ page, inbox }) => {
    await page.goto(inbox.base + '/');
    await page.waitForSelector('#start');
    expect(await page.locator('h1').textContent(), 'Swedish heading').toBe('Egen bedömning av arbetsförmåga och vardag');
    expect(await page.evaluate(() => document.documentElement.lang), 'html lang').toBe('sv');
    expect(await page.getByRole('button', { name: 'Svenska' }).getAttribute('aria-pressed'), 'switch').toBe('true');
    await expectNoAxeViolations(page, 'the Swedish start');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('h1').textContent(), 'English heading').toBe('Your own view of your work ability and daily life');
    await expectNoAxeViolations(page, 'the English start');
  });
});

test('embedding: a portal page on another origin mounts the component under its own strict CSP, themes it, hands over the token and hears the submission', async ({ page, context }) => {
  // The portal runs on one origin, the inbox (which requires a token to submit) on another.
  const portalPort = await freePort();
  const portalOrigin = `http://127.0.0.1:${portalPort}`;
  const inbox = new Inbox(['--cors-origin', portalOrigin, '--frame-ancestor', portalOrigin, '--submit-token', 'portal-session-token']);
  await inbox.start();
  context.allowOrigin(inbox.base);
  context.allowOrigin(portalOrigin);
  const portal = await serveStatic(path.join(ROOT, 'examples'), [['http://127.0.0.1:8080', inbox.base], ['http://127.0.0.1:9000', portalOrigin]], portalPort);
  try {
    await page.goto(`${portal.base}/host.html`);
    await page.waitForSelector('#tyokyky #start');
    await page.waitForFunction(() => document.getElementById('events').textContent.includes('tyokyky:ready self'));
    await expectNoAxeViolations(page, 'the portal page with the component');
    await screenshot(page, 'embedded-portal-fi');
    const looks = await page.evaluate(() => ({
      heading: getComputedStyle(document.querySelector('#tyokyky h1')).color,
      margin: getComputedStyle(document.body).marginTop,
      title: document.title,
    }));
    expect(looks.heading, 'themed through the custom properties').toBe('rgb(91, 42, 134)');
    expect(looks.margin, "the portal's own body style is left alone").toBe('32px');
    expect(looks.title, 'the component does not take over the title').toMatch(/^Esimerkkikunnan/);
    await walkQuestions(page, {});
    await fillContact(page, 'Testi Portaali');
    const [request] = await Promise.all([
      page.waitForRequest(r => r.url() === `${inbox.base}/api/documents` && r.method() === 'POST'),
      page.locator('#send-contact').click(),
    ]);
    expect(request.headers()['authorization'], 'the token from the portal').toBe('Bearer portal-session-token');
    expect(request.headers()['x-portal'], 'extra headers from the portal').toBe('esimerkki');
    await page.waitForSelector('#receipt');
    const code = (await page.locator('#reference-code').textContent()).trim();
    await page.waitForFunction(c => document.getElementById('events').textContent.includes(`tyokyky:submitted contact_request ${c}`), code);
    const listing = (await inbox.api('/api/documents?kind=contact_request')).body.documents;
    expect(listing.filter(d => d.reference === code).length, 'stored once in the inbox').toBe(1);
  } finally {
    // The page first, so nothing of it holds a connection to the servers being stopped.
    await page.close().catch(() => {});
    await portal.close();
    await inbox.stop();
  }
});

test('embedding: a kiosk inside a portal\'s page wipes only what is its own: the portal\'s storage and page survive "start over"', async ({ page, context }) => {
  const portalPort = await freePort();
  const portalOrigin = `http://127.0.0.1:${portalPort}`;
  const inbox = new Inbox(['--cors-origin', portalOrigin, '--submit-token', 'portal-session-token']);
  await inbox.start();
  context.allowOrigin(inbox.base);
  context.allowOrigin(portalOrigin);
  const portal = await serveStatic(path.join(ROOT, 'examples'), [['http://127.0.0.1:8080', inbox.base], ['http://127.0.0.1:9000', portalOrigin], ['data-mode="self"', 'data-mode="kiosk"']], portalPort);
  try {
    await page.goto(`${portal.base}/host.html`);
    await page.waitForSelector('#tyokyky #start');
    await page.evaluate(() => {
      localStorage.setItem('portal-key', 'kept');
      sessionStorage.setItem('portal-session', 'kept');
      window.portalMarker = 'same page';
    });
    await page.locator('#begin').click();
    await page.locator('label[for=q-work_ability_score-3]').click();
    await page.locator('#kiosk-start-over').click();
    await page.locator('#kiosk-confirm-wipe').click();
    await page.waitForSelector('#tyokyky #start');
    expect(await page.locator('#kiosk-start-over').count(), '"finish and wipe" only once there is something to wipe').toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('#tyokyky input:checked').length), 'nothing of the visit in the component').toBe(0);
    expect(await page.evaluate(() => [localStorage.getItem('portal-key'), sessionStorage.getItem('portal-session'), window.portalMarker]),
      'the portal\'s storage and page are untouched').toStrictEqual(['kept', 'kept', 'same page']);
    // And the next visit starts clean: the inactivity wipe works again on the fresh component.
    await page.locator('#begin').click();
    await page.waitForSelector('#question-form');
  } finally {
    await page.close().catch(() => {});
    await portal.close();
    await inbox.stop();
  }
});

test('embedding: an iframe tells only its parent origin what was sent, and takes the token from it', async ({ page, context }) => {
  const portalPort = await freePort();
  const portalOrigin = `http://127.0.0.1:${portalPort}`;
  const inbox = new Inbox(['--frame-ancestor', portalOrigin, '--submit-token', 'portal-session-token']);
  await inbox.start();
  context.allowOrigin(inbox.base);
  context.allowOrigin(portalOrigin);
  const portal = await serveStatic(path.join(ROOT, 'examples'), [['http://127.0.0.1:8080', inbox.base], ['http://127.0.0.1:9000', portalOrigin]], portalPort);
  try {
    await page.goto(`${portal.base}/iframe.html`);
    const frame = await waitForFrame(page, inbox.base);
    await frame.waitForSelector('#start');
    await page.waitForFunction(() => document.getElementById('messages').textContent.includes('tyokyky:ready'));
    await expectNoAxeViolations(page, 'the portal page with the frame');
    await walkQuestions(frame, {});
    await fillContact(frame, 'Testi Kehys');
    await frame.locator('#send-contact').click();
    await frame.waitForSelector('#receipt');
    const code = (await frame.locator('#reference-code').textContent()).trim();
    await page.waitForFunction(c => document.getElementById('messages').textContent.includes(`tyokyky:submitted contact_request ${c}`), code);
    const listing = (await inbox.api('/api/documents?kind=contact_request')).body.documents;
    expect(listing.filter(d => d.reference === code).length, 'sent with the token the parent handed over').toBe(1);
  } finally {
    // The page first, so nothing of it holds a connection to the servers being stopped.
    await page.close().catch(() => {});
    await portal.close();
    await inbox.stop();
  }
});

test('keyboard only: the self-assessment from the start to a contact request, with focus on each heading and on the error summary', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  await keyboard(page, 'press', 'begin');
  await page.waitForSelector('#question-form');
  expect(await page.evaluate(() => document.activeElement.id), 'focus on the first question').toBe('screen-heading');
  await keyboard(page, 'check', 'q-work_ability_score-0');
  for (let presses = 0; presses < 5; presses += 1) await page.keyboard.press('ArrowRight');
  expect(await page.locator('#q-work_ability_score-5').isChecked(), 'the score chosen with the arrow keys').toBe(true);
  await keyboard(page, 'press', 'next');
  await page.waitForFunction(() => !document.querySelector('[name="q-work_ability_score"]'));
  await keyboard(page, 'check', 'q-right_now-none');
  await keyboard(page, 'press', 'next');
  let screens = 2;
  while (!(await page.locator('#results').count())) {
    expect(await page.evaluate(() => document.activeElement.id), `focus on the heading of screen ${screens + 1}`).toBe('screen-heading');
    await keyboard(page, 'press', 'next');
    await page.waitForTimeout(50);
    screens += 1;
    expect(screens, 'the results come').toBeLessThan(30);
  }
  await keyboard(page, 'press', 'ask-contact');
  await page.waitForSelector('#contact-form');
  await keyboard(page, 'press', 'send-contact');
  await page.waitForSelector('.tk-error-summary');
  expect(await page.locator('.tk-error-summary').evaluate(e => e === document.activeElement), 'focus on the error summary').toBe(true);
  await keyboard(page, 'fill', 'contact-name', 'Testi Näppäimistö');
  await keyboard(page, 'fill', 'contact-phone', '040 000 0003');
  await keyboard(page, 'check', 'contact-consent');
  await keyboard(page, 'press', 'send-contact');
  await page.waitForSelector('#receipt');
  expect(await page.evaluate(() => document.activeElement.id), 'focus on the receipt heading').toBe('screen-heading');
});

test('keyboard only: the worker flow from the case opening to a finished plan in the inbox', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/worker.html#/worker');
  await page.waitForSelector('form#case-opening');
  const step = async name => {
    const id = await page.getByRole('link', { name }).evaluate(link => { link.id = link.id || `step-${link.textContent.trim().slice(0, 2)}`; return link.id; });
    await keyboard(page, 'press', id);
    await page.waitForFunction(() => document.activeElement?.id === 'screen-heading');
  };
  await keyboard(page, 'fill', await idOf(page, 'Vireilletulopäivä'), '02022026');
  expect(await page.getByLabel('Vireilletulopäivä').inputValue(), 'a date typed on the keyboard').toBe('2026-02-02');
  await keyboard(page, 'check', await idOf(page, 'Asiakas itse'));
  await keyboard(page, 'fill', await idOf(page, 'Asiakkaan ikä vuosina'), '36');
  for (const id of ['client_language-fi', 'urgent-no', 'highest_care_allowance-no', 'vpl_disabled-no', 'special_support-no', 'has_dependants-no']) {
    await keyboard(page, 'check', id);
  }
  await step('2. Palvelutarpeen arviointi');
  await page.waitForSelector('form#assessment');
  await keyboard(page, 'select', await idOf(page, 'Arvioinnista vastaavan ammatti'), 'social_worker');
  await keyboard(page, 'check', 'assessment_responsible_in_office-yes');
  await keyboard(page, 'fill', await idOf(page, 'Yhteenveto asiakkaan tilanteesta sekä palvelujen ja erityisen tuen tarpeesta'), 'Pitkään työttömänä');
  await keyboard(page, 'fill', await idOf(page, 'Ammattihenkilön johtopäätökset asiakkuuden edellytyksistä'), 'Edellytykset täyttyvät');
  await keyboard(page, 'fill', await idOf(page, 'Asiakkaan oma mielipide ja näkemys palvelutarpeestaan'), 'Haluaa töihin');
  for (const id of ['need_client-needed', 'need_professional-needed', 'needs_support-yes', 'need_nature-long-term', 'close_network_mapping-no']) {
    await keyboard(page, 'check', id);
  }
  await step('3. Asiakassuunnitelma');
  await page.waitForSelector('form#plan');
  await keyboard(page, 'check', await idOf(page, 'Työ', { exact: true }));
  for (const id of ['unemployed_job_seeker-yes', 'can_use_employment_services-yes', 'can_attend_half_days_weekly-yes', 'illness_reduces_work_ability-no', 'service-tyokokeilu', 'plan_unnecessary-no', 'made_with_client-yes']) {
    await keyboard(page, 'check', id);
  }
  for (const [id, text] of [['item_support_need', 'Tukea työelämään'], ['item_services_needed', 'Työkokeilu'], ['item_goals', 'Työkokeilu alkaa'], ['item_follow_up', 'Kolmen kuukauden päästä']]) {
    await keyboard(page, 'fill', id, text);
  }
  await keyboard(page, 'check', 'joint_plan-no');
  await step('4. Omatyöntekijä');
  await page.waitForSelector('form#named-worker');
  await keyboard(page, 'fill', await idOf(page, 'Omatyöntekijän nimi'), 'Testi Sosiaalityöntekijä');
  await keyboard(page, 'select', await idOf(page, 'Omatyöntekijän ammatti'), 'social_worker');
  await keyboard(page, 'check', 'named_worker_in_office-yes');
  await keyboard(page, 'fill', await idOf(page, 'Kuinka usein omatyöntekijä ja asiakas tapaavat?'), 'Viikoittain');
  await step('5. Yhteenveto ja valmistuminen');
  await page.waitForSelector('#ready-to-finish');
  await keyboard(page, 'press', 'finish-plan');
  await page.waitForSelector('#plan-receipt');
  const reference = (await page.locator('#plan-receipt-id').textContent()).trim();
  expect(reference, 'a short reference to read aloud').toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const id = await documentIdOf(inbox, reference);
  expect((await inbox.api(`/api/documents/${id}`)).status, 'the plan made by keyboard is in the inbox').toBe(200);
});

test('reflow: every self-assessment screen and worker step fits 320 CSS px, and 200 % text at 640 px, without sideways scrolling', async ({ page, inbox }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  const check = async screen => {
    expect(await overflow(page), `${screen} at 320 px`).toBe(0);
    await page.setViewportSize({ width: 640, height: 640 });
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    expect(await overflow(page), `${screen} at 200 % text`).toBe(0);
    await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
    await page.setViewportSize({ width: 320, height: 640 });
  };
  await check('the start');
  await page.locator('#begin').click();
  while (!(await page.locator('#results').count())) {
    await page.waitForSelector('#question-form');
    await check(`question "${(await page.locator('h1').textContent()).slice(0, 30)}"`);
    await page.locator('#next').click();
    await page.waitForTimeout(30);
  }
  await check('the results');
  await page.locator('#ask-contact').click();
  await check('the contact form');
  await page.goto(inbox.base + '/#/accessibility');
  await page.waitForSelector('#accessibility-statement');
  await check('the accessibility statement');
  for (const [route, form] of [['#/worker', 'form#case-opening'], ['#/worker/assessment', 'form#assessment'], ['#/worker/plan', 'form#plan'], ['#/worker/named-worker', 'form#named-worker'], ['#/worker/summary', '.tk-worker__form']]) {
    await page.evaluate(hash => { location.hash = hash; }, route);
    await page.waitForSelector(form);
    await check(`worker ${route}`);
  }
  await screenshot(page, 'accessibility-statement-320');
});

test('languages: every self-assessment screen, the statement, the worker steps and the kiosk pass axe in Swedish, English and plain-language Finnish', async ({ page, inbox }) => {
  const counts = {};
  for (const [button, tag] of [['Svenska', 'sv'], ['English', 'en'], ['Selkosuomi', 'fi-x-selko']]) {
    await page.goto(inbox.base + '/');
    await page.waitForSelector('#start');
    await page.getByRole('button', { name: button }).click();
    // Other languages than Finnish arrive from the server when chosen.
    await page.waitForFunction(expected => document.documentElement.lang === expected, tag);
    let screens = 0;
    const axeHere = async screen => { await expectNoAxeViolations(page, `${screen} (${tag})`); screens += 1; };
    await axeHere('the start');
    const texts = await page.locator('#main').textContent();
    expect(texts, `no missing message ids on the start (${tag})`).not.toMatch(/\[[a-z0-9-]+\]/);
    const asked = await walkQuestions(page, {
      work_ability_score: async p => { await p.locator('#why summary').click(); await axeHere('a question with "why we ask" open'); },
      own_words: p => p.locator('textarea').fill('x'),
    }, { checkAxe: true });
    screens += asked.length;
    await axeHere('the results');
    if (await page.locator('#suggested-services summary').count()) {
      await page.locator('#suggested-services summary').first().click();
      await axeHere('the results with a service\'s details open');
    }
    await page.locator('#check-answers').click();
    await page.waitForSelector('#your-answers');
    await axeHere('the answers');
    const answers = await page.locator('#main').textContent();
    expect(answers, `no missing message ids on the answers (${tag})`).not.toMatch(/\[[a-z0-9-]+\]/);
    await page.locator('#to-results').click();
    await page.locator('#ask-contact').click();
    await axeHere('the contact form');
    await page.locator('#send-contact').click();
    await page.waitForSelector('.tk-error-summary');
    await axeHere('the contact form with errors');
    await page.locator('#contact-name').fill('Testi Kieli');
    await page.locator('#contact-email').fill('testi.kieli@example.fi');
    await page.locator('#contact-consent').check();
    await page.locator('#send-contact').click();
    await page.waitForSelector('#receipt');
    await axeHere('the receipt');
    await page.locator('#give-feedback').click();
    await axeHere('feedback');
    await page.locator('#skip-feedback').click();
    await axeHere('the end');
    await page.locator('#accessibility-link').click();
    await page.waitForSelector('#accessibility-statement');
    await axeHere('the accessibility statement');
    if (tag === 'fi-x-selko') {
      expect(await page.locator('#partial-note').count(), 'plain-language Finnish has every public message: no fall-back notice').toBe(0);
    }
    // The worker flow is the worker bundle's page, where the language is chosen again.
    await page.goto(inbox.base + '/worker.html#/worker');
    await page.waitForSelector('form#case-opening');
    await page.getByRole('button', { name: button }).click();
    await page.waitForFunction(expected => document.documentElement.lang === expected, tag);
    for (const [route, form] of [['#/worker', 'form#case-opening'], ['#/worker/assessment', 'form#assessment'], ['#/worker/plan', 'form#plan'], ['#/worker/named-worker', 'form#named-worker'], ['#/worker/summary', '.tk-worker__form']]) {
      await page.evaluate(hash => { location.hash = hash; }, route);
      await page.waitForSelector(form);
      await axeHere(`worker ${route}`);
    }
    // The kiosk in the same language: its start and its first question.
    await page.goto(inbox.base + '/?mode=kiosk&idle=600&warn=30');
    await page.waitForSelector('#start');
    await page.getByRole('button', { name: button }).click();
    await axeHere('the kiosk start');
    await page.locator('#begin').click();
    await page.waitForSelector('#question-form');
    await axeHere('a kiosk question');
    counts[tag] = screens;
  }
  console.log(`      axe: ${Object.entries(counts).map(([tag, n]) => `${tag} ${n} screens`).join(', ')}`);
});

test('screen-reader view: every question is announced as a level-1 heading inside a named group with named choices, and the tree is saved', async ({ page, inbox }) => {
  // No screen reader runs here; the accessibility tree that one reads is the next best thing.
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  await page.locator('#begin').click();
  const trees = [];
  while (!(await page.locator('#results').count())) {
    await page.waitForSelector('#question-form');
    const question = (await page.locator('h1').textContent()).trim();
    const tree = await page.locator('#main').ariaSnapshot();
    trees.push(tree);
    expect(tree, `the question is a level-1 heading:\n${tree}`).toContain(`heading "${question}" [level=1]`);
    const choices = await page.locator('#question-form input[type=radio], #question-form input[type=checkbox]').count();
    if (await page.locator('[name="q-work_ability_score"]').count()) {
      const described = await page.locator('#question-form fieldset').getAttribute('aria-describedby');
      const description = await page.evaluate(ids => ids.split(' ').map(id => document.getElementById(id)?.textContent || '').join(' '), described);
      expect(description, `the ends of the scale are described: ${description}`).toContain('0 =');
      expect(description, `the ends of the scale are described: ${description}`).toContain('10 =');
    }
    if (choices > 0) {
      expect(tree, `the choices are a group named by the question:\n${tree}`).toContain(`group "${question}`);
      expect(tree, `every choice has a name:\n${tree}`).not.toMatch(/- (radio|checkbox)( \[|$)/m);
    } else {
      expect(tree, `the text box is named by the question:\n${tree}`).toContain(`textbox "${question}"`);
    }
    await page.locator('#next').click();
    await page.waitForTimeout(30);
  }
  const results = await page.locator('#main').ariaSnapshot();
  trees.push(results);
  for (const wanted of ['heading "Palvelut, jotka voisivat auttaa sinua" [level=1]', 'heading "Mitä seuraavaksi?" [level=2]', 'button "Pyydä yhteydenottoa"']) {
    expect(results, `the results read out with ${wanted}`).toContain(wanted);
  }
  await page.locator('#check-answers').click();
  await page.waitForSelector('#your-answers');
  const answers = await page.locator('#main').ariaSnapshot();
  trees.push(answers);
  for (const wanted of ['heading "Tarkista vastauksesi" [level=1]', 'term', 'button "Muuta']) {
    expect(answers, `the answers read out with ${wanted}`).toContain(wanted);
  }
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'aria-self-assessment-fi.txt'), trees.join('\n\n---\n\n'));
});

test('worker flow: a disabled client whose relative called the day before Good Friday gets a start date after Easter, with the reason and the law', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/worker.html#/worker');
  await page.waitForSelector('form#case-opening');
  await expectNoAxeViolations(page, 'the empty case opening');
  await page.getByLabel('Vireilletulopäivä').fill('2026-04-02');
  await page.getByLabel('Omainen tai muu läheinen').check();
  await page.getByLabel('Asiakkaan ikä vuosina').fill('44');
  await page.locator('#vpl_disabled-yes').check();
  await page.locator('#highest_care_allowance-no').check();
  await page.locator('#urgent-no').check();
  const finding = page.locator('#finding-shl-36-start-within-7-working-days');
  await finding.locator('.tk-finding__due').waitFor();
  expect(await finding.locator('.tk-finding__due').textContent(), 'start date 15.4.2026').toContain('15.4.2026');
  await finding.locator('.tk-finding__why summary').click();
  const why = await finding.locator('.tk-finding__why').textContent();
  expect(why.includes('pitkäperjantai') && why.includes('2. pääsiäispäivä') || why.includes('toinen pääsiäispäivä'), `Easter explained: ${why}`).toBeTruthy();
  await finding.locator('.tk-citation summary').click();
  const citation = await finding.locator('.tk-citation').textContent();
  expect(citation, 'verbatim 677/2023 text').toContain('vammaispalvelulaissa tarkoitettu vammainen henkilö');
  expect(await finding.locator('.tk-citation a').getAttribute('href'), 'Finlex link').toBe('https://www.finlex.fi/fi/laki/ajantasa/2014/20141301');
  await expectNoAxeViolations(page, 'the case opening with findings');
  await screenshot(page, 'worker-case-opening-fi');
  await page.locator('#urgent-yes').check();
  await page.locator('.tk-findings__alert').waitFor();
  expect(await page.locator('.tk-findings__alert').textContent(), 'urgent routing shown').toContain('112');
  await expectNoAxeViolations(page, 'the urgent alert');
});

test('worker flow: a disabled client reported by another authority who phones a week later gets the 7-day start from the call and the 3-month implementation from the notice', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/worker.html#/worker');
  await page.waitForSelector('form#case-opening');
  await page.getByLabel('Vireilletulopäivä').fill('2025-03-03');
  expect(await page.locator('#contacted_on').count(), 'no contact day asked before the case is known to have come in otherwise').toBe(0);
  await page.getByLabel('Toinen viranomainen (ilmoitus)').check();
  await page.locator('#contacted_on').waitFor();
  expect(await page.locator('#contacted_on-hint').textContent(), 'the hint says which clock runs from it').toContain('36 § 2 mom');
  await page.getByLabel('Asiakkaan ikä vuosina').fill('45');
  await page.locator('#vpl_disabled-yes').check();
  await page.locator('#highest_care_allowance-no').check();
  await page.locator('#urgent-no').check();
  const start = page.locator('#finding-shl-36-start-within-7-working-days-of-later-contact');
  expect(await start.count(), 'no 7-day clock before the client has made contact').toBe(0);
  await page.getByLabel('Asiakkaan oma yhteydenottopäivä').fill('2025-03-10');
  await start.locator('.tk-finding__due').waitFor();
  expect(await start.locator('.tk-finding__due').textContent(), 'start counted from the call').toContain('19.3.2025');
  const implementation = page.locator('#finding-shl-45-implement-within-3-months');
  await implementation.locator('.tk-finding__due').waitFor();
  expect(await implementation.locator('.tk-finding__due').textContent(), 'implementation counted from the notice').toContain('3.6.2025');
  await expectNoAxeViolations(page, 'the case opening with a later contact');
  await screenshot(page, 'worker-case-opening-later-contact-fi');
});

test('worker flow: a client needing special support whose named worker is a sosionomi without a paired social worker is blocked by 42 § 3 mom until one is added', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/worker.html#/worker');
  await page.waitForSelector('form#case-opening');
  await page.getByLabel('Vireilletulopäivä').fill('2026-02-02');
  await page.getByLabel('Asiakas itse').check();
  await page.getByLabel('Asiakkaan ikä vuosina').fill('36');
  await page.locator('#special_support-yes').check();
  await page.getByRole('link', { name: '4. Omatyöntekijä' }).click();
  await page.waitForSelector('form#named-worker');
  expect(await page.locator('[aria-current=step]').textContent(), 'current step').toBe('4. Omatyöntekijä');
  await page.getByLabel('Omatyöntekijän nimi').fill('Testi Sosionomi');
  await page.getByLabel('Omatyöntekijän ammatti').selectOption('sosionomi');
  await page.locator('#named_worker_in_office-no').check();
  const pairing = page.locator('#finding-shl-42-special-support-social-worker');
  await pairing.waitFor();
  expect(await pairing.textContent(), 'the pairing is missing').toContain('Puuttuu');
  expect(await pairing.locator('.tk-citation summary').textContent(), 'cites 42 § 3 mom').toBe('1301/2014 42 § 3 mom.');
  expect(await page.locator('.tk-findings__group', { has: pairing }).locator('h3').textContent(), 'it blocks finishing').toBe('Estää valmistumisen');
  await expectNoAxeViolations(page, 'the named worker step with a blocking finding');
  await screenshot(page, 'worker-named-worker-blocked-fi');

  await page.getByLabel('Työparin ammatti').selectOption('social_worker');
  await page.locator('#co_worker_in_office-yes').check();
  await page.waitForFunction(() => document.querySelector('#finding-shl-42-special-support-social-worker')?.textContent.includes('Kunnossa'));
  await page.getByLabel('Kuinka usein omatyöntekijä ja asiakas tapaavat?').fill('Kahden viikon välein henkilökohtaisesti');
  await page.waitForFunction(() => document.querySelector('#finding-shl-42-meeting-frequency')?.textContent.includes('Kunnossa'));
  expect(await page.locator('.tk-findings__group h3', { hasText: 'Estää valmistumisen' }).count(), 'nothing blocks any more').toBe(0);

  await page.getByRole('link', { name: '1. Asian vireilletulo' }).click();
  await page.waitForSelector('form#case-opening');
  expect(await page.getByLabel('Asiakkaan ikä vuosina').inputValue(), 'answers kept across steps').toBe('36');
  await page.goBack();
  await page.waitForSelector('form#named-worker');
  expect(await page.getByLabel('Omatyöntekijän nimi').inputValue(), 'kept after browser back').toBe('Testi Sosionomi');
});

test('worker flow: the assessment step lists the 37 § content until it is written, and the client view can be replaced by the obstacle', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/worker.html#/worker/assessment');
  await page.waitForSelector('form#assessment');
  const summary = page.locator('#finding-shl-37-summary');
  await summary.waitFor();
  expect(await summary.textContent(), 'summary missing').toContain('Puuttuu');
  await page.getByLabel('Yhteenveto asiakkaan tilanteesta sekä palvelujen ja erityisen tuen tarpeesta').fill('Pitkään työttömänä, selkävaivoja');
  await page.waitForFunction(() => document.querySelector('#finding-shl-37-summary')?.textContent.includes('Kunnossa'));
  await page.getByLabel('Jos asiakkaan näkemystä ei saatu: mikä oli ilmeinen este?').fill('Asiakas sairaalahoidossa');
  await page.waitForFunction(() => document.querySelector('#finding-shl-37-client-view')?.textContent.includes('Kunnossa'));
  await page.locator('#needs_support-yes').check();
  await page.locator('#finding-shl-37-nature-of-need').waitFor();
  await page.getByLabel('Pitkäaikainen').check();
  await page.waitForFunction(() => document.querySelector('#finding-shl-37-nature-of-need')?.textContent.includes('Kunnossa'));
  await expectNoAxeViolations(page, 'the assessment step');
});

test('worker flow: a joint plan names the partner without consent and cannot be finished until the worker records consent, keeps the partner out or cites a special act; a client aiming for work who cannot take part even half a day meets a service gap', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/worker.html#/worker/plan');
  await page.waitForSelector('form#plan');
  await page.getByLabel('Työ', { exact: true }).check();
  await page.locator('#unemployed_job_seeker-yes').check();
  await page.locator('#can_use_employment_services-no').check();
  await page.locator('#can_attend_half_days_weekly-no').check();
  await page.locator('#illness_reduces_work_ability-no').check();
  await page.locator('#service-gap').waitFor();
  expect(await page.locator('#service-gap').textContent(), 'gap shown').toContain('Palveluaukko');
  expect(await page.locator('[data-service=jarjestojen-toiminta]').textContent(), 'participation still fits').toContain('Sopii');
  await page.locator('#can_attend_half_days_weekly-yes').check();
  await page.waitForFunction(() => !document.querySelector('#service-gap'));
  expect(await page.locator('[data-service=kuntouttava-tyotoiminta]').textContent(), 'rehabilitative work fits').toContain('Sopii');
  await page.locator('#service-kuntouttava-tyotoiminta').check();

  await page.locator('#plan_unnecessary-no').check();
  await page.locator('#made_with_client-yes').check();
  expect(await page.locator('#plan_made_on').inputValue(), 'the plan is made today unless the worker says otherwise').toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page.locator('#add-partner').click();
  await page.getByLabel('Nimi').fill('Kunnan työllisyyspalvelut');
  await page.getByLabel('Mistä vastaa').fill('Työkokeilun järjestäminen');
  expect(await page.locator('#partner-1-sharing').count(), 'no sharing is asked before the plan is joint').toBe(0);
  await page.locator('#joint_plan-yes').check();
  await page.locator('#partner-1-sharing-consent').check();
  await page.locator('#add-partner').click();
  await page.locator('#partner-2-name').fill('Kela');
  await page.locator('#partner-2-sector').selectOption('kela');
  await page.locator('#partner-2-responsibility').fill('Ammatillisen kuntoutuksen selvitys');
  const consent = page.locator('#finding-shl-39-joint-plan-consent');
  await consent.waitFor();
  await page.waitForFunction(() => document.querySelector('#finding-shl-39-joint-plan-consent .tk-finding__about')?.textContent.includes('Kela'));
  expect(await consent.textContent(), 'the partner without consent is flagged').toContain('Puuttuu');
  expect(await consent.locator('.tk-finding__about').textContent(), 'by name, and only that partner').toBe('Koskee: Kela');
  expect(await page.locator('.tk-findings__group', { has: consent }).locator('h3').textContent(), 'it stops finishing').toBe('Estää valmistumisen');

  // Shared under a special act: an exception that needs its provision written down.
  await page.locator('#partner-2-sharing-special-act').check();
  const exception = page.locator('#finding-shl-39-joint-plan-without-consent-by-special-act');
  await exception.waitFor();
  await page.waitForFunction(() => document.querySelector('#finding-shl-39-joint-plan-consent')?.textContent.includes('Kunnossa'));
  expect(await exception.textContent(), 'the provision is still missing').toContain('Koskee: Kela');
  await page.locator('#partner-2-legal-basis').fill('Laki kuntouttavasta työtoiminnasta (189/2001) 9 §');
  await page.waitForFunction(() => document.querySelector('#finding-shl-39-joint-plan-without-consent-by-special-act')?.textContent.includes('Kunnossa'));
  await screenshot(page, 'worker-plan-special-act-fi');

  // Kept out of the shared part: no exception, and consent is met.
  await page.locator('#partner-2-sharing-not-shared').check();
  await page.waitForFunction(() => !document.querySelector('#finding-shl-39-joint-plan-without-consent-by-special-act'));
  expect(await consent.textContent(), 'every partner is decided').toContain('Kunnossa');
  await expectNoAxeViolations(page, 'the plan step');
  await screenshot(page, 'worker-plan-fi');
});

test('worker flow: a whole case from opening to a finished plan in the inbox, printed for the client', async ({ page, inbox }) => {
  const step = name => page.getByRole('link', { name }).click();
  await page.goto(inbox.base + '/worker.html#/worker');
  await page.waitForSelector('form#case-opening');
  await fillCase(page, { openedOn: '2026-02-02', clientLanguage: 'sv', summary: 'Pitkään työttömänä; <b>selkä</b> kipeä', pair: false });
  expect(await page.locator('#finish-plan').isDisabled(), 'finishing is blocked without the paired social worker').toBe(true);
  expect(await page.locator('#blocking-findings').textContent(), 'the blocking finding cites 42 § 3 mom').toContain('42 § 3 mom.');
  await expectNoAxeViolations(page, 'the blocked summary');

  // The error-summary pattern: the blocking finding links to its step and puts focus on the field.
  await page.locator('#blocking-findings a', { hasText: '42 § 3 mom.' }).click();
  await page.waitForSelector('form#named-worker');
  await page.waitForFunction(() => document.activeElement?.id === 'named_worker_profession');
  // … and the message stands at the field, tied to it for screen readers.
  expect(await page.locator('#named_worker_profession').getAttribute('aria-invalid'), 'aria-invalid').toBe('true');
  expect(await page.locator('#named_worker_profession').getAttribute('aria-describedby'), 'described by the message').toBe('named_worker_profession-error');
  expect(await page.locator('#named_worker_profession-error').textContent(), 'the message at the field').toContain('sosiaalityöntekijä');
  await expectNoAxeViolations(page, 'the named worker step with messages at the fields');
  await page.getByLabel('Työparin ammatti').selectOption('social_worker');
  await page.locator('#co_worker_in_office-yes').check();
  await step('5. Yhteenveto ja valmistuminen');
  await page.waitForSelector('#ready-to-finish');
  const [request] = await Promise.all([
    page.waitForRequest(r => r.url().endsWith('/api/documents') && r.method() === 'POST'),
    page.locator('#finish-plan').click(),
  ]);
  await page.waitForSelector('#plan-receipt');
  await page.waitForFunction(() => sessionStorage.getItem('tyokyky-worker-case') === null);
  const sent = JSON.parse(request.postData());
  expect([sent.kind, sent.lang], 'a client plan in the client\'s language').toStrictEqual(['client_plan', 'sv']);
  const id = (await page.locator('#plan-receipt-id').textContent()).trim();
  const stored = (await inbox.api(`/api/documents/${await documentIdOf(inbox, id)}`)).body.document.answers;
  expect(stored.context, 'no case context from the host: none recorded').toBeUndefined();
  const pairing = stored.findings.find(f => f.rule_id === 'shl-42-special-support-social-worker');
  expect([pairing.status, pairing.cites], 'the pairing is recorded as met').toStrictEqual(['met', '1301/2014 42 § 3 mom.']);
  expect(stored.findings.filter(f => f.blocks_finishing), 'nothing blocking was sent').toStrictEqual([]);
  expect(stored.case.assessment.summary, 'text verbatim').toBe('Pitkään työttömänä; <b>selkä</b> kipeä');
  expect(stored.rules.source_hash.length, 'rules hash recorded').toBe(64);
  expect(stored.catalogue.county, 'catalogue recorded').toBe('Esimerkin hyvinvointialue');
  expect(stored.case.plan.services.map(s => s.service_id), 'chosen service').toStrictEqual(['tyokokeilu']);
  await expectNoAxeViolations(page, 'the plan receipt');
  await screenshot(page, 'worker-plan-receipt-fi');

  // The worker works in Finnish; the client is served in Swedish, so their plan prints in Swedish (its
  // texts fetched when the receipt shows).
  await page.waitForFunction(() => document.querySelector('#printable-plan')?.getAttribute('lang') === 'sv'
    && document.querySelector('#printable-plan').textContent.includes('Klientplan'));
  const pdf = path.join(OUT, 'client-plan-sv.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const wanted of ['Klientplan', 'Työkokeilu alkaa maaliskuussa', 'Arbetsprövning', 'Testi Sosionomi', id,
    'senast lör 2.5.2026', 'utan dröjsmål (inget fast datum)', 'Beslutet ska verkställas senast tre månader']) {
    expect(text, `the printed plan has "${wanted}"`).toContain(wanted);
  }
  for (const chrome of ['Suomi', 'Tulosta suunnitelma', 'Mitä laki edellyttää', 'without_delay', '2026-05-02', 'Asiakassuunnitelma']) {
    expect(text, `no UI chrome ("${chrome}") in the printout`).not.toContain(chrome);
  }
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Aloita uusi asia' }).click();
  await page.waitForSelector('form#case-opening');
  expect(await page.getByLabel('Asiakkaan ikä vuosina').inputValue(), 'the form is cleared').toBe('');
});

test('delivery: while the backend cannot be reached the request waits with "try now", survives a reload, and arrives once', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  await walkQuestions(page, {});
  await fillContact(page, 'Testi Katkos');
  const posts = [];
  page.on('request', r => { if (r.method() === 'POST') posts.push(JSON.parse(r.postData())); });
  page.expectedConsoleErrors = [/ERR_CONNECTION_REFUSED|ERR_FAILED|Failed to load resource/];
  await page.route('**/api/documents', route => route.abort('connectionrefused'));
  await page.locator('#send-contact').click();
  await page.waitForSelector('#delivery-waiting');
  const notice = await page.locator('#delivery-waiting').textContent();
  expect(notice, `told in plain words: ${notice}`).toContain('Yhteys palveluun ei toiminut.');
  expect(notice, `told in plain words: ${notice}`).toContain('tässä selaimessa');
  expect(await page.getByLabel('Nimi').inputValue(), 'the name is kept on the page').toBe('Testi Katkos');
  await expectNoAxeViolations(page, 'waiting to retry');
  await screenshot(page, 'delivery-waiting-fi');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('tyokyky.outbox.v2.'))
    // A line per document: its key, its kind and its JSON.
    .flatMap(k => localStorage.getItem(k).split('\n').map(line => JSON.parse(line.split(' ').slice(2).join(' ')))));
  expect(kept.map(d => d.kind), 'kept in the browser').toStrictEqual(['contact_request']);

  await page.reload();
  await page.waitForSelector('#earlier-documents');
  expect(await page.locator('#earlier-documents').textContent(), 'the earlier document is on its way').toContain('lähetetään nyt');
  await page.unroute('**/api/documents');
  await page.waitForFunction(() => (document.querySelector('#earlier-documents')?.textContent || '').includes('on nyt perillä'),
    null, { timeout: 20000 });
  const key = kept[0].idempotency_key;
  expect(posts.length, `every attempt with the same key (${posts.length})`).toBeGreaterThanOrEqual(3);
  expect(posts.map(p => p.idempotency_key), `every attempt with the same key (${posts.length})`).toStrictEqual(posts.map(() => key));
  const listing = await inbox.api('/api/documents?limit=500');
  expect(listing.body.documents.filter(d => d.idempotency_key === key).length, 'stored exactly once').toBe(1);
  expect(await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('tyokyky.outbox')).length), 'nothing left in storage once delivered').toBe(0);
});

test('delivery: with the inbox stopped, requests from three tabs wait, and all arrive exactly once when it is back', async ({ page, inbox, context }) => {
  const pages = [page, await context.newPage(), await context.newPage()];
  const names = ['Testi Yksi', 'Testi Kaksi', 'Testi Kolme'];
  for (const [index, tab] of pages.entries()) {
    // A tab in the background gets no animation frames, which Playwright's clicks wait for.
    await tab.bringToFront();
    await tab.goto(inbox.base + '/');
    await tab.waitForSelector('#start');
    await walkQuestions(tab, {});
    await fillContact(tab, names[index]);
  }
  await inbox.kill();
  page.expectedConsoleErrors = [/ERR_CONNECTION_REFUSED|Failed to load resource/];
  for (const tab of pages) {
    await tab.locator('#send-contact').click();
    await tab.waitForSelector('#delivery-waiting');
  }
  await inbox.start();
  for (const tab of pages) {
    if (await tab.locator('#try-now').count()) await tab.locator('#try-now').click().catch(() => {});
    await tab.waitForSelector('#receipt', { timeout: 20000 });
  }
  const listing = (await inbox.api('/api/documents?kind=contact_request&limit=500')).body.documents;
  for (const tab of pages) {
    const code = (await tab.locator('#reference-code').textContent()).trim();
    expect(listing.filter(d => d.reference === code).length, `request ${code} stored once`).toBe(1);
  }
});

test('delivery: a 400 from the backend is shown in the person\'s language and not retried', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  await walkQuestions(page, {});
  await fillContact(page, 'Testi Hylätty');
  const before = (await inbox.api('/api/health')).body.documents;
  let posts = 0;
  page.expectedConsoleErrors = [/status of 400/];
  // The request reaches the real inbox, damaged on the way: malformed JSON.
  await page.route('**/api/documents', route => { posts += 1; return route.continue({ postData: 'not json' }); });
  const told = page.evaluate(() => new Promise(resolve => document.addEventListener('tyokyky:error', e => resolve(e.detail))));
  await page.locator('#send-contact').click();
  await page.waitForSelector('#send-failed');
  const detail = await told;
  expect([detail.kind, detail.status], 'the page hears a tyokyky:error event').toStrictEqual(['contact_request', 400]);
  const notice = await page.locator('#send-failed').textContent();
  expect(notice, `said in Finnish, without the backend's English: ${notice}`).toContain('Palvelussa on vika');
  expect(notice, `said in Finnish, without the backend's English: ${notice}`).not.toContain('malformed');
  await page.waitForTimeout(3000);
  expect(posts, 'not retried').toBe(1);
  expect((await inbox.api('/api/health')).body.documents, 'nothing stored').toStrictEqual(before);
  await expectNoAxeViolations(page, 'a rejection');
});

test('delivery: any backend that answers 2xx has the document, once: a webhook\'s 204, a queue\'s 202 and an API\'s own JSON each give the person the receipt at once', async ({ page, inbox }) => {
  const answers = [
    { name: 'a webhook', status: 204, body: '' },
    { name: 'a queue', status: 202, body: '{"status":"queued"}' },
    { name: 'an API with its own JSON', status: 200, body: '{"ok":true,"id":"abc"}' },
  ];
  for (const answer of answers) {
    await page.goto(inbox.base + '/');
    await page.waitForSelector('#start');
    await walkQuestions(page, {});
    await fillContact(page, `Testi ${answer.status}`);
    const posts = [];
    // A backend of another kind, in the inbox's place: it never gives this product's receipt.
    await page.route('**/api/documents', route => {
      const request = route.request();
      posts.push({ header: request.headers()['idempotency-key'], key: JSON.parse(request.postData()).idempotency_key });
      return route.fulfill({ status: answer.status, contentType: 'application/json', body: answer.body });
    });
    const told = page.evaluate(() => new Promise(resolve => document.addEventListener('tyokyky:submitted', e => resolve(e.detail))));
    await page.locator('#send-contact').click();
    await page.waitForSelector('#receipt', { timeout: 5000 });
    const reference = (await page.locator('#reference-code').textContent()).trim();
    const detail = await told;
    expect(detail.reference, `${answer.name}: the host page hears the reference`).toBe(reference);
    await page.waitForTimeout(3000);
    expect(posts.length, `${answer.name}: posted once, never retried after a ${answer.status}`).toBe(1);
    expect(posts[0].header, `${answer.name}: the key as the Idempotency-Key header too`).toBe(posts[0].key);
    await page.unroute('**/api/documents');
  }
  await expectNoAxeViolations(page, 'a receipt from another backend');
});

test('delivery: a refusal that names a field is said in the person\'s language at that field, and the refused request is not sent again unchanged', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  await walkQuestions(page, {});
  await fillContact(page, 'Testi Numero');
  page.expectedConsoleErrors = [/status of 422/];
  // The real inbox refuses a phone number the page would not let through: the page's check is the same as
  // the inbox's, so the number is changed on the way.
  let posts = 0;
  let spoil = true;
  await page.route('**/api/documents', route => {
    posts += 1;
    if (!spoil) return route.continue();
    const body = JSON.parse(route.request().postData());
    body.answers.phone = 'abc';
    return route.continue({ postData: JSON.stringify(body) });
  });
  await page.locator('#send-contact').click();
  await page.waitForSelector('#send-failed');
  const notice = await page.locator('#send-failed').textContent();
  expect(notice, `the field named in Finnish: ${notice}`).toContain('Palvelu ei hyväksynyt tätä tietoa: Puhelinnumero');
  expect(notice, `no raw reason: ${notice}`).not.toMatch(/answers\.phone|invalid/);
  expect(await page.locator('#refused-field').getAttribute('href'), 'a link to the field').toBe('#contact-phone');
  expect(await page.locator('#contact-phone').getAttribute('aria-invalid'), 'the field is marked').toBe('true');
  expect(await page.locator('#retry').count(), 'no "try again" for a refused request').toBe(0);
  await expectNoAxeViolations(page, 'a refusal at a field');
  await page.locator('#send-contact').click();
  await page.waitForTimeout(1500);
  expect(posts, 'the same request is not sent again').toBe(1);
  spoil = false;
  await page.locator('#contact-phone').fill('040 000 0001');
  await page.locator('#send-contact').click();
  await page.waitForSelector('#receipt');
  expect(posts, 'the changed request is sent').toBe(2);
});

test('delivery: an answer lost on the way back is retried and stored once; a reused key with another body is a 409, shown and not retried', async ({ page, inbox }) => {
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  await walkQuestions(page, {});
  await fillContact(page, 'Testi Kadonnut');
  page.expectedConsoleErrors = [/ERR_FAILED|ERR_CONNECTION|Failed to load resource|status of 409/];
  let attempt = 0;
  await page.route('**/api/documents', async route => {
    attempt += 1;
    if (attempt === 1) {
      await route.fetch();          // the inbox stores it …
      return route.abort('failed'); // … but the answer never arrives
    }
    return route.continue();
  });
  await page.locator('#send-contact').click();
  await page.waitForSelector('#delivery-waiting');
  await page.locator('#try-now').click();
  await page.waitForSelector('#receipt');
  const code = (await page.locator('#reference-code').textContent()).trim();
  const contacts = (await inbox.api('/api/documents?kind=contact_request&limit=500')).body.documents;
  expect(contacts.filter(d => d.reference === code).length, 'stored once, the retry got the original receipt').toBe(1);

  // Feedback: the first attempt arrives but its answer is lost; the retry is changed on the way.
  attempt = 0;
  await page.unroute('**/api/documents');
  await page.route('**/api/documents', async route => {
    attempt += 1;
    if (attempt === 1) {
      await route.fetch();
      return route.abort('failed');
    }
    const body = JSON.parse(route.request().postData());
    body.answers.comment = 'toinen teksti';
    return route.continue({ postData: JSON.stringify(body) });
  });
  await page.locator('#give-feedback').click();
  await page.locator('label[for=feedback-score-6]').click();
  await page.locator('#send-feedback').click();
  await page.waitForSelector('#delivery-waiting');
  await page.locator('#try-now').click();
  await page.waitForSelector('#send-failed');
  const notice = await page.locator('#send-failed').textContent();
  expect(notice, `the conflict is said in Finnish: ${notice}`).toContain('on jo lähetetty');
  await page.waitForTimeout(2500);
  expect(attempt, 'a 409 is not retried').toBe(2);
});

test('inbox: a kill -9 during a burst of 200 documents loses nothing that was acknowledged and stores nothing twice', async ({ inbox }) => {
  const documents = Array.from({ length: 200 }, (_, index) => ({
    schema_version: 1, kind: 'feedback', idempotency_key: crypto.randomUUID(), created_at: '2026-11-22T00:00:00Z', lang: 'fi',
    answers: { score: 1 + (index % 10), comment: `palaute ${index} <script>x</script>`, channel: 'kiosk' },
  }));
  // The burst keeps 50 requests in flight, and the kill goes out as the 40th acknowledgement arrives, so
  // it lands with at most 89 acknowledged and the rest in flight or still to be sent, however busy the
  // machine. (With all 200 sent at once and the kill after a poll, a busy machine could let the inbox
  // answer every one before the kill.)
  const IN_FLIGHT = 50;
  const KILL_AT = 40;
  const acknowledged = new Map();
  let killed = null;
  const post = async document => {
    try {
      const response = await fetch(inbox.base + '/api/documents', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document),
      });
      if (response.status === 200 || response.status === 201) acknowledged.set(document.idempotency_key, await response.json());
      if (!killed && acknowledged.size >= KILL_AT) killed = inbox.kill();
      return response.status;
    } catch {
      return 0;
    }
  };
  const statuses = [];
  let next = 0;
  const sender = async () => {
    while (next < documents.length) {
      const index = next++;
      statuses[index] = await post(documents[index]);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
  await killed;
  const beforeKill = new Map(acknowledged);
  expect(beforeKill.size, `the kill landed during the burst (${beforeKill.size} acknowledged)`).toBeLessThan(documents.length);
  await inbox.start();
  // Every document again, as the app's queue would: same key, same body.
  for (const document of documents) {
    let status = 0;
    for (let tries = 0; tries < 5 && status !== 200 && status !== 201; tries += 1) status = await post(document);
    expect([200, 201], `document ${document.idempotency_key} stored (${status})`).toContain(status);
  }
  for (const [key, receipt] of beforeKill) {
    expect(acknowledged.get(key).document_id, `acknowledged before the kill, still there: ${key}`).toStrictEqual(receipt.document_id);
  }
  const keys = new Set(documents.map(d => d.idempotency_key));
  let stored = [];
  for (let after = 0; ;) {
    const page = (await inbox.api(`/api/documents?kind=feedback&limit=500&after=${after}`)).body;
    stored = stored.concat(page.documents.filter(d => keys.has(d.idempotency_key)));
    if (page.next_after === null) break;
    after = page.next_after;
  }
  expect(stored.length, 'every document stored').toBe(200);
  expect(new Set(stored.map(d => d.idempotency_key)).size, 'none twice').toBe(200);
  console.log(`      burst: ${beforeKill.size} of 200 acknowledged before kill -9, ${statuses.filter(s => s === 0).length} cut off; all 200 stored once after restart`);
});

test('embedding: a setting the component cannot use is named where the component would be, and the other components on the page still mount', async ({ page, inbox }) => {
  // embed.js logs each refused mount as an error (for the host's developer) and shows it on the page.
  page.expectedConsoleErrors = [/tyokyky: data-/];
  await page.route(`${inbox.base}/bad-settings.html`, route => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Portaali</title></head><body><main>
      <div id="bad-mode" data-tyokyky data-mode="kioskk"></div>
      <div id="bad-lang" data-tyokyky data-lang="de"></div>
      <div id="bad-idle" data-tyokyky data-mode="kiosk" data-idle-seconds="soon"></div>
      <div id="good" data-tyokyky data-mode="self" data-lang="fi"></div>
      </main><script type="module" src="/embed.js"></script></body></html>`,
  }));
  await page.goto(`${inbox.base}/bad-settings.html`);
  await page.waitForSelector('#good #start');
  for (const [id, words] of [['bad-mode', ['data-mode', '`kioskk`']], ['bad-lang', ['data-lang', '`de`']],
    ['bad-idle', ['data-idle-seconds', '`soon`']]]) {
    const element = page.locator(`#${id}`);
    await element.waitFor();
    expect(await element.getAttribute('role'), `${id} is announced`).toBe('alert');
    const text = await element.textContent();
    for (const word of words) expect(text, `${id} names ${word}: ${text}`).toContain(word);
    expect(await element.locator('form, button').count(), `${id} shows no form`).toBe(0);
  }
});


test('layout: every radio button and checkbox of the self-assessment keeps its size beside its label, and every screen\'s headings keep their order (h1 > h2 > h3), on phones, tablets, desktops and the portrait kiosk, whose text and targets are made for standing people', async ({ page, inbox }) => {
  // One h1 first, no level skipped, and no heading larger than one above it in rank.
  const headingProblems = () => page.evaluate(() => {
    const headings = Array.from(document.querySelectorAll('#main h1, #main h2, #main h3, #main h4'))
      .filter(heading => heading.offsetParent !== null);
    const problems = [];
    const size = heading => parseFloat(getComputedStyle(heading).fontSize);
    const largest = {};
    headings.forEach((heading, index) => {
      const level = Number(heading.tagName[1]);
      const previous = index ? Number(headings[index - 1].tagName[1]) : 0;
      if (index === 0 && level !== 1) problems.push(`first heading is h${level}: ${heading.textContent}`);
      if (level > previous + 1) problems.push(`h${previous} then h${level}: ${heading.textContent}`);
      largest[level] = Math.max(largest[level] || 0, size(heading));
    });
    for (const level of [2, 3, 4]) {
      if (largest[level] && largest[level - 1] && largest[level] > largest[level - 1]) problems.push(`h${level} ${largest[level]} px > h${level - 1} ${largest[level - 1]} px`);
    }
    if (largest[1] && largest[2] && largest[2] >= largest[1]) problems.push(`h2 ${largest[2]} px not smaller than h1 ${largest[1]} px`);
    return problems;
  });
  // On the kiosk: no text under 22 px and no target under 64 px.
  const tooSmall = () => page.evaluate(() => {
    const problems = [];
    for (const element of document.querySelectorAll('#main *')) {
      if (element.offsetParent === null || element.closest('.tk-visually-hidden')) continue;
      const own = Array.from(element.childNodes).some(node => node.nodeType === 3 && node.textContent.trim());
      if (own && parseFloat(getComputedStyle(element).fontSize) < 22) problems.push(`text ${element.tagName} ${getComputedStyle(element).fontSize}: ${element.textContent.trim().slice(0, 30)}`);
      if (element.matches('button, a, label')) {
        const box = element.getBoundingClientRect();
        if (box.height < 64 && !element.matches('label')) problems.push(`target ${element.id || element.textContent.trim().slice(0, 20)} ${box.height.toFixed(0)} px high`);
      }
    }
    return problems;
  });
  // The controls' own size, whatever the length of the label beside them (a flex item shrinks unless told not to).
  const shrunk = () => page.evaluate(() => Array.from(document.querySelectorAll('input[type=radio], input[type=checkbox]'))
    .filter(input => input.offsetParent !== null && !input.classList.contains('tk-scale__input'))
    .map(input => ({ id: input.id, box: input.getBoundingClientRect() }))
    .filter(({ box }) => Math.round(box.width) !== Math.round(box.height) || box.width < 20)
    .map(({ id, box }) => `${id} ${box.width.toFixed(1)}×${box.height.toFixed(1)}`));
  const sizes = [[320, 640, ''], [390, 844, ''], [768, 1024, ''], [1366, 768, ''], [1080, 1920, '?mode=kiosk&idle=600&warn=30']];
  let checked = 0;
  for (const [width, height, query] of sizes) {
    await page.setViewportSize({ width, height });
    await page.goto(`${inbox.base}/${query}`);
    await page.locator('#begin').click();
    for (let step = 0; step < 40; step += 1) {
      await page.waitForSelector('#question-form, #results');
      if (await page.locator('#results').count()) break;
      const id = await questionOnScreen(page);
      expect(await shrunk(), `controls of ${id} at ${width}×${height}`).toStrictEqual([]);
      expect(await headingProblems(), `headings of ${id} at ${width}×${height}`).toStrictEqual([]);
      if (query) expect(await tooSmall(), `kiosk sizes on ${id}`).toStrictEqual([]);
      checked += 1;
      await page.locator('#next').click();
      await page.waitForFunction(previous => !document.querySelector(`[name="q-${previous}"], #q-${previous}`), id);
    }
    // The results, the answers and the contact form too.
    for (const [selector, next] of [['#results', '#check-answers'], ['#your-answers', '#to-results'], ['#results', '#ask-contact'], ['#contact-form', null]]) {
      await page.waitForSelector(selector);
      expect(await headingProblems(), `headings of ${selector} at ${width}×${height}`).toStrictEqual([]);
      if (query) expect(await tooSmall(), `kiosk sizes on ${selector}`).toStrictEqual([]);
      if (next) await page.locator(next).click();
    }
    await screenshot(page, `layout-contact-${width}x${height}`);
  }
  expect(checked, 'every question at every size').toBeGreaterThanOrEqual(5 * 10);
});

test('privacy notice: every screen links the county\'s notice in the language shown, in a new tab; the notice opens under the inbox\'s CSP, passes axe and links its other languages', async ({ page, context, inbox }) => {
  await page.goto(inbox.base + '/');
  await page.waitForSelector('#start');
  const link = page.locator('#privacy-link');
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.getAttribute('href')).toMatch(/\/privacy\/fi\.html$/);
  const [notice] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await notice.waitForLoadState();
  expect(await notice.locator('html').getAttribute('lang')).toBe('fi');
  expect(await notice.locator('h1').count(), 'one h1').toBe(1);
  expect(await notice.locator('main').textContent(), 'filled from the county\'s settings').toContain('Esimerkin hyvinvointialue');
  // The stylesheet is the page's own file, allowed by the inbox's Content-Security-Policy.
  expect(await notice.evaluate(() => Array.from(document.styleSheets).reduce((rules, sheet) => rules + sheet.cssRules.length, 0)), 'the stylesheet applies').toBeGreaterThan(0);
  await expectNoAxeViolations(notice, 'the privacy notice');
  await notice.setViewportSize({ width: 390, height: 844 });
  await screenshot(notice, 'privacy-notice-fi-phone');
  await notice.getByRole('link', { name: 'Svenska' }).click();
  await notice.waitForURL(/\/privacy\/sv\.html$/);
  expect(await notice.locator('html').getAttribute('lang')).toBe('sv');
  await expectNoAxeViolations(notice, 'the privacy notice in Swedish');
  await notice.close();
  // The link follows the language chosen in the app.
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  expect(await link.getAttribute('href')).toMatch(/\/privacy\/en\.html$/);
  expect(await link.textContent()).toBe('Privacy notice (opens in a new tab)');
});
