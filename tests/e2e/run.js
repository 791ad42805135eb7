// End-to-end tests of the self-assessment, the kiosk and the worker flow: the release app served by the real inbox, in Chromium.
// Run through the README's test command; alone: `node tests/e2e/run.js` after a release build and
// `cargo build -p tyokyky-inbox`. Screenshots land in tests/e2e/out/.
'use strict';

const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { run, axe, screenshot, expect, expectEqual, Inbox, serveStatic, ROOT } = require('./harness');

const {
  HOSTILE, expectNoAxeViolations, questionOnScreen, walkQuestions, check, freePort, waitForFrame, tabTo, keyboard,
  idOf, overflow, fillContact,
} = require('./flows');

const tests = [
  ['the accessibility check itself catches problems on a page built to fail it', async ({ page }) => {
    await page.setContent('<html><body><img src="x.png"><button></button><input type="text"></body></html>');
    const violations = (await axe(page)).map(line => line.split(' ')[0]);
    for (const rule of ['image-alt', 'button-name', 'label', 'html-has-lang', 'document-title']) {
      expect(violations.includes(rule), `axe missed ${rule}: ${violations}`);
    }
  }],

  ['self-assessment: a person answers every question, sees services with their reasons, asks to be contacted, and the request reaches the inbox verbatim', async ({ page, inbox }) => {
    const response = await page.goto(inbox.base + '/');
    const policy = response.headers()['content-security-policy'] || '';
    expect(policy.includes("script-src 'self' 'wasm-unsafe-eval'") && !policy.includes('unsafe-inline'),
      `the app runs under a strict CSP (a violation would be a console error): ${policy}`);
    await page.waitForSelector('#start');
    expectEqual(await page.locator('h1').textContent(), 'Oma arvio työkyvystä ja arjesta', 'heading');
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
    expectEqual(seen.length, 15, `questions asked (${seen})`);
    expect(!seen.includes('care_contact') && !seen.includes('pension_status'), 'follow-ups only when they apply');
    await page.waitForSelector('#results');
    expect(await page.locator('#urgent-help').count() === 0, 'no urgent help without an urgent answer');
    const work = page.locator('#service-kuntouttava-tyotoiminta');
    const reasons = await work.locator('.tk-reasons').textContent();
    for (const wanted of ['Oletko ilmoittautunut työttömäksi työnhakijaksi?', 'Mitä toivoisit nyt eniten?']) {
      expect(reasons.includes(wanted), `reason "${wanted}" in: ${reasons}`);
    }
    expect(await page.locator('#service-talous-ja-velkaneuvonta').count() === 1, 'debt advice for someone worried about debts');
    expect((await page.locator('#your-answers').textContent()).includes(HOSTILE), 'the answers shown verbatim');
    await expectNoAxeViolations(page, 'the results');
    await screenshot(page, 'self-results-fi');

    // A change link goes back to that question; the answers stay.
    await page.locator('#change-goal').click();
    expect(await page.locator('#q-goal-work').isChecked(), 'the answer is kept');
    await page.locator('#next').click();
    while (!(await page.locator('#results').count())) await page.locator('#next').click();

    await page.locator('#ask-contact').click();
    await page.waitForSelector('#contact-form');
    await expectNoAxeViolations(page, 'the contact form');
    const before = (await inbox.api('/api/health')).body.documents;
    await page.locator('#send-contact').click();
    await page.waitForSelector('.tk-error-summary');
    expect(await page.locator('.tk-error-summary').evaluate(e => e === document.activeElement), 'summary has focus');
    expectEqual(await page.locator('.tk-error-summary a').count(), 3, 'name, a way to reach, consent');
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
    expect(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code), `a short reference: ${code}`);
    const sent = JSON.parse(request.postData());
    expectEqual([sent.kind, sent.lang], ['contact_request', 'fi'], 'kind and language');
    const listing = await inbox.api('/api/documents?kind=contact_request&limit=500');
    const item = listing.body.documents.find(d => d.reference === code);
    expect(item, `the inbox lists reference ${code}`);
    const stored = (await inbox.api(`/api/documents/${item.document_id}`)).body;
    const answers = stored.document.answers;
    expectEqual([answers.name, answers.phone, answers.contact_language, answers.urgent, answers.channel],
      ['Testi Henkilö', '040 000 0000', 'sv', false, 'self_service'], 'the request');
    expectEqual(answers.consent_text, consent, 'the consent text as shown');
    expectEqual(answers.shared_answers.answers.own_words, HOSTILE, 'free text verbatim');
    expectEqual(answers.shared_answers.answers.worries, ['debts'], 'multi answer');
    expect(answers.shared_answers.suggested_services.includes('kuntouttava-tyotoiminta'), 'suggestions recorded');
    expectEqual(await page.locator('#receipt-time time').getAttribute('datetime') !== null, true, 'received time shown');
    expectEqual(await page.evaluate(() => window.__pwned), undefined, 'no script from the text ran');
    expectEqual((await inbox.api('/api/health')).body.documents, before + 1, 'one document stored');

    await page.locator('#give-feedback').click();
    await page.waitForSelector('#feedback-form');
    await expectNoAxeViolations(page, 'the feedback form');
    await page.locator('label[for=feedback-score-9]').click();
    await page.getByLabel('Haluatko kertoa jotain muuta?').fill('Selkeä');
    await page.locator('#send-feedback').click();
    await page.waitForSelector('#thanks');
    await expectNoAxeViolations(page, 'the end');
    const feedback = (await inbox.api('/api/documents?kind=feedback&limit=500')).body.documents.pop();
    const body = (await inbox.api(`/api/documents/${feedback.document_id}`)).body.document;
    expectEqual(body.answers, { score: 9, comment: 'Selkeä', channel: 'self_service' }, 'anonymous feedback');
    await page.locator('#finish').click();
    await page.waitForSelector('#start');
  }],

  ['self-assessment: an urgent answer shows how to get help at once and marks the contact request urgent', async ({ page, inbox }) => {
    await page.goto(inbox.base + '/');
    await page.waitForSelector('#start');
    await page.locator('#begin').click();
    await page.locator('#next').click();
    await page.locator('#q-right_now-no_place_to_sleep').check();
    const help = page.locator('#urgent-help');
    await help.waitFor();
    expect((await help.textContent()).includes('112'), 'the emergency number');
    expect((await help.textContent()).includes('Sosiaalipäivystys'), 'the social emergency service');
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
    expectEqual([stored.urgent, stored.email, stored.shared_answers], [true, 'testi@example.fi', undefined],
      'urgent, reachable by e-mail, answers not shared unless chosen');
  }],

  ['kiosk: half a questionnaire, then inactivity: a warning with a countdown, and the wipe leaves nothing in the DOM, storage or history', async ({ page, inbox }) => {
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
    expect(next.height >= 44, `touch target ${next.height} px`);
    await page.locator('#next').click();
    await page.locator('#q-right_now-none').check();
    await page.locator('#next').click();
    await page.locator('#q-illness_limits-yes').check();
    await page.locator('#next').click();
    await page.locator('#q-care_contact-yes').check();
    expectEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [1, 1], 'the app wrote nothing');
    expectEqual(await page.locator('form[autocomplete=off]').count(), 1, 'no autocomplete');

    // The warning counts down; "continue" keeps the answers.
    await page.waitForSelector('#kiosk-warning', { timeout: 5000 });
    await expectNoAxeViolations(page, 'the kiosk warning');
    await screenshot(page, 'kiosk-warning-fi');
    await page.locator('#kiosk-continue').click();
    expect(await page.locator('#kiosk-warning').count() === 0, 'continue closes the warning');
    expect(await page.locator('#q-care_contact-yes').isChecked(), 'the answer is still there');

    // Then nothing more: the wipe.
    await page.waitForSelector('#kiosk-warning', { timeout: 5000 });
    await page.waitForSelector('#start', { timeout: 10000 });
    expectEqual(await page.evaluate(() => document.querySelectorAll('input:checked').length), 0, 'no answers in the DOM');
    expect(await page.locator('#kiosk-warning').count() === 0, 'the warning is gone');
    const left = await page.evaluate(async () => [localStorage.length, sessionStorage.length,
      (await indexedDB.databases()).length, (await caches.keys()).length]);
    expectEqual(left, [0, 0, 0, 0], 'local, session, IndexedDB and Cache Storage empty');
    expect(/\/\?mode=kiosk&idle=5&warn=3(#\/)?$/.test(page.url()), `back at the start: ${page.url()}`);
    await page.goBack();
    const previous = await page.content();
    expect(!previous.includes('q-care_contact') && !previous.includes('Käytkö sen vuoksi'), 'going back shows nothing of the visit');
    await page.goForward();
    await page.waitForSelector('#start');
    expectEqual(await page.evaluate(() => document.querySelectorAll('input:checked').length), 0, 'still nothing');
  }],

  ['kiosk: a contact request from a shared screen, its reference printed without the name, and "finish" wipes the visit', async ({ page, inbox }) => {
    await page.goto(inbox.base + '/?mode=kiosk#/worker');
    await page.waitForSelector('#start');
    expect(await page.locator('#case-opening').count() === 0, 'no worker flow on a kiosk');
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
    expectEqual([stored.channel, stored.shared_answers.answers.own_words], ['kiosk', 'Testi kioskilla'], 'from the kiosk');
    expect(!(await page.content()).includes('Testi Kioski'), 'the name is gone from the page once delivered');

    const pdf = path.join(__dirname, 'out', 'kiosk-reference-fi.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A6' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text.includes(code), `the printout has the reference ${code}: ${text}`);
    for (const personal of ['Testi Kioski', '040 000 0002', 'Testi kioskilla', 'Aloita alusta']) {
      expect(!text.includes(personal), `nothing else in the printout ("${personal}")`);
    }
    await page.emulateMedia({ media: 'screen' });

    await page.locator('#give-feedback').click();
    await page.locator('#skip-feedback').click();
    await page.locator('#finish').click();
    await page.waitForSelector('#start');
    expectEqual(await page.evaluate(async () => [localStorage.length, sessionStorage.length,
      (await indexedDB.databases()).length, (await caches.keys()).length]), [0, 0, 0, 0], 'storages empty');
  }],

  ['languages: Finnish is built in and another language is fetched when chosen; one that cannot be fetched is named and the page stays as it was; a damaged file shows what arrived', async ({ page, inbox }) => {
    const fetched = [];
    page.on('request', request => { if (request.url().includes('/locales/')) fetched.push(new URL(request.url()).pathname); });
    page.expectedConsoleErrors = [/ERR_CONNECTION_FAILED/];
    let failSwedish = true;
    await page.route('**/locales/sv.ftl', route => {
      if (failSwedish) { failSwedish = false; return route.abort('connectionfailed'); }
      return route.fallback();
    });
    await page.goto(inbox.base + '/');
    await page.waitForSelector('#start');
    expectEqual(fetched, [], 'no language file for a Finnish start');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.waitForSelector('#locale-failed');
    expect((await page.locator('#locale-failed').textContent()).includes('Svenska'), 'the notice names the language');
    expectEqual(await page.evaluate(() => document.documentElement.lang), 'fi', 'the page stays in Finnish');
    expectEqual(await page.getByRole('button', { name: 'Suomi', exact: true }).getAttribute('aria-pressed'), 'true', 'Finnish stays pressed');
    await expectNoAxeViolations(page, 'the notice of a language that could not be fetched');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    expectEqual(await page.locator('#locale-failed').count(), 0, 'the notice is gone once Swedish arrived');
    // English cut in half on the way: what arrived is English, Finnish stands in for the rest, and the page says so.
    await page.route('**/locales/en.ftl', async route => {
      const response = await route.fetch();
      const body = await response.text();
      await route.fulfill({ response, body: body.slice(0, Math.floor(body.length / 2)) });
    });
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForSelector('#partial-note');
    expectEqual(await page.locator('.tk-header__service').textContent(), 'Work ability support', 'a message from the first half is English');
    expectEqual(await page.locator('#begin').textContent(), 'Aloita', 'a message from the lost half is Finnish');
    expect(!/\[[a-z0-9-]+\]/.test(await page.locator('#main').textContent()), 'no missing message ids');
    await expectNoAxeViolations(page, 'English with Finnish standing in');
    // Back to Swedish: it is kept, nothing is fetched again.
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    expectEqual(fetched, ['/locales/sv.ftl', '/locales/sv.ftl', '/locales/en.ftl'], 'each language fetched when chosen, and kept');
  }],

  ['a browser that prefers Swedish starts in Swedish, and the start screen passes axe in every language', async ({ page, inbox }) => {
    await page.goto(inbox.base + '/');
    await page.waitForSelector('#start');
    expectEqual(await page.locator('h1').textContent(), 'Egen bedömning av arbetsförmåga och vardag', 'Swedish heading');
    expectEqual(await page.evaluate(() => document.documentElement.lang), 'sv', 'html lang');
    expectEqual(await page.getByRole('button', { name: 'Svenska' }).getAttribute('aria-pressed'), 'true', 'switch');
    await expectNoAxeViolations(page, 'the Swedish start');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expectEqual(await page.locator('h1').textContent(), 'Your own view of your work ability and daily life', 'English heading');
    await expectNoAxeViolations(page, 'the English start');
  }, { locale: 'sv-FI' }],

  ['embedding: a portal page on another origin mounts the component under its own strict CSP, themes it, hands over the token and hears the submission', async ({ page, context }) => {
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
      expectEqual(looks.heading, 'rgb(91, 42, 134)', 'themed through the custom properties');
      expectEqual(looks.margin, '32px', "the portal's own body style is left alone");
      expect(looks.title.startsWith('Esimerkkikunnan'), 'the component does not take over the title');
      await walkQuestions(page, {});
      await fillContact(page, 'Testi Portaali');
      const [request] = await Promise.all([
        page.waitForRequest(r => r.url() === `${inbox.base}/api/documents` && r.method() === 'POST'),
        page.locator('#send-contact').click(),
      ]);
      expectEqual(request.headers()['authorization'], 'Bearer portal-session-token', 'the token from the portal');
      expectEqual(request.headers()['x-portal'], 'esimerkki', 'extra headers from the portal');
      await page.waitForSelector('#receipt');
      const code = (await page.locator('#reference-code').textContent()).trim();
      await page.waitForFunction(c => document.getElementById('events').textContent.includes(`tyokyky:submitted contact_request ${c}`), code);
      const listing = (await inbox.api('/api/documents?kind=contact_request')).body.documents;
      expectEqual(listing.filter(d => d.reference === code).length, 1, 'stored once in the inbox');
    } finally {
      // The page first, so nothing of it holds a connection to the servers being stopped.
      await page.close().catch(() => {});
      await portal.close();
      await inbox.stop();
    }
  }],

  ['embedding: an iframe tells only its parent origin what was sent, and takes the token from it', async ({ page, context }) => {
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
      expectEqual(listing.filter(d => d.reference === code).length, 1, 'sent with the token the parent handed over');
    } finally {
      // The page first, so nothing of it holds a connection to the servers being stopped.
      await page.close().catch(() => {});
      await portal.close();
      await inbox.stop();
    }
  }],

  ['keyboard only: the self-assessment from the start to a contact request, with focus on each heading and on the error summary', async ({ page, inbox }) => {
    await page.goto(inbox.base + '/');
    await page.waitForSelector('#start');
    await keyboard(page, 'press', 'begin');
    await page.waitForSelector('#question-form');
    expectEqual(await page.evaluate(() => document.activeElement.id), 'screen-heading', 'focus on the first question');
    await keyboard(page, 'check', 'q-work_ability_score-0');
    for (let presses = 0; presses < 5; presses += 1) await page.keyboard.press('ArrowRight');
    expect(await page.locator('#q-work_ability_score-5').isChecked(), 'the score chosen with the arrow keys');
    await keyboard(page, 'press', 'next');
    await page.waitForFunction(() => !document.querySelector('[name="q-work_ability_score"]'));
    await keyboard(page, 'check', 'q-right_now-none');
    await keyboard(page, 'press', 'next');
    let screens = 2;
    while (!(await page.locator('#results').count())) {
      expectEqual(await page.evaluate(() => document.activeElement.id), 'screen-heading', `focus on the heading of screen ${screens + 1}`);
      await keyboard(page, 'press', 'next');
      await page.waitForTimeout(50);
      screens += 1;
      expect(screens < 30, 'the results come');
    }
    await keyboard(page, 'press', 'ask-contact');
    await page.waitForSelector('#contact-form');
    await keyboard(page, 'press', 'send-contact');
    await page.waitForSelector('.tk-error-summary');
    expect(await page.locator('.tk-error-summary').evaluate(e => e === document.activeElement), 'focus on the error summary');
    await keyboard(page, 'fill', 'contact-name', 'Testi Näppäimistö');
    await keyboard(page, 'fill', 'contact-phone', '040 000 0003');
    await keyboard(page, 'check', 'contact-consent');
    await keyboard(page, 'press', 'send-contact');
    await page.waitForSelector('#receipt');
    expectEqual(await page.evaluate(() => document.activeElement.id), 'screen-heading', 'focus on the receipt heading');
  }],

  ['keyboard only: the worker flow from the case opening to a finished plan in the inbox', async ({ page, inbox }) => {
    await page.goto(inbox.base + '/#/worker');
    await page.waitForSelector('form#case-opening');
    const step = async name => {
      const id = await page.getByRole('link', { name }).evaluate(link => { link.id = link.id || `step-${link.textContent.trim().slice(0, 2)}`; return link.id; });
      await keyboard(page, 'press', id);
      await page.waitForFunction(() => document.activeElement?.id === 'screen-heading');
    };
    await keyboard(page, 'fill', await idOf(page, 'Vireilletulopäivä'), '02022026');
    expectEqual(await page.getByLabel('Vireilletulopäivä').inputValue(), '2026-02-02', 'a date typed on the keyboard');
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
    const id = (await page.locator('#plan-receipt-id').textContent()).trim();
    expectEqual((await inbox.api(`/api/documents/${id}`)).status, 200, 'the plan made by keyboard is in the inbox');
  }],

  ['reflow: every self-assessment screen and worker step fits 320 CSS px, and 200 % text at 640 px, without sideways scrolling', async ({ page, inbox }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(inbox.base + '/');
    await page.waitForSelector('#start');
    const check = async screen => {
      expectEqual(await overflow(page), 0, `${screen} at 320 px`);
      await page.setViewportSize({ width: 640, height: 640 });
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      expectEqual(await overflow(page), 0, `${screen} at 200 % text`);
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
  }],

  ['languages: every self-assessment screen, the statement, the worker steps and the kiosk pass axe in Swedish, English and plain-language Finnish', async ({ page, inbox }) => {
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
      expect(!/\[[a-z0-9-]+\]/.test(texts), `no missing message ids on the start (${tag})`);
      await walkQuestions(page, { own_words: p => p.locator('textarea').fill('x') }, { checkAxe: true });
      screens += 15;
      await axeHere('the results');
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
        expect(await page.locator('#partial-note').count() === 1, 'plain-language Finnish says where it falls back');
      }
      for (const [route, form] of [['/#/worker', 'form#case-opening'], ['/#/worker/assessment', 'form#assessment'], ['/#/worker/plan', 'form#plan'], ['/#/worker/named-worker', 'form#named-worker'], ['/#/worker/summary', '.tk-worker__form']]) {
        await page.evaluate(hash => { location.hash = hash; }, route.slice(1));
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
  }],

  ['screen-reader view: every question is announced as a level-1 heading inside a named group with named choices, and the tree is saved', async ({ page, inbox }) => {
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
      expect(tree.includes(`heading "${question}" [level=1]`), `the question is a level-1 heading:\n${tree}`);
      const choices = await page.locator('#question-form input[type=radio], #question-form input[type=checkbox]').count();
      if (await page.locator('[name="q-work_ability_score"]').count()) {
        const described = await page.locator('#question-form fieldset').getAttribute('aria-describedby');
        const description = await page.evaluate(ids => ids.split(' ').map(id => document.getElementById(id)?.textContent || '').join(' '), described);
        expect(description.includes('0 =') && description.includes('10 ='), `the ends of the scale are described: ${description}`);
      }
      if (choices > 0) {
        expect(tree.includes(`group "${question}`), `the choices are a group named by the question:\n${tree}`);
        expect(!/- (radio|checkbox)( \[|$)/m.test(tree), `every choice has a name:\n${tree}`);
      } else {
        expect(tree.includes(`textbox "${question}"`), `the text box is named by the question:\n${tree}`);
      }
      await page.locator('#next').click();
      await page.waitForTimeout(30);
    }
    const results = await page.locator('#main').ariaSnapshot();
    trees.push(results);
    for (const wanted of ['heading "Palvelut, jotka voisivat auttaa sinua" [level=1]', 'button "Pyydä yhteydenottoa"', 'term', 'button "Muuta']) {
      expect(results.includes(wanted), `the results read out with ${wanted}`);
    }
    require('node:fs').writeFileSync(path.join(__dirname, 'out', 'aria-self-assessment-fi.txt'), trees.join('\n\n---\n\n'));
  }],

  ['worker flow: a disabled client whose relative called the day before Good Friday gets a start date after Easter, with the reason and the law', async ({ page, inbox }) => {
    await page.goto(inbox.base + '/#/worker');
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
    expect((await finding.locator('.tk-finding__due').textContent()).includes('15.4.2026'), 'start date 15.4.2026');
    await finding.locator('.tk-finding__why summary').click();
    const why = await finding.locator('.tk-finding__why').textContent();
    expect(why.includes('pitkäperjantai') && why.includes('2. pääsiäispäivä') || why.includes('toinen pääsiäispäivä'), `Easter explained: ${why}`);
    await finding.locator('.tk-citation summary').click();
    const citation = await finding.locator('.tk-citation').textContent();
    expect(citation.includes('vammaispalvelulaissa tarkoitettu vammainen henkilö'), 'verbatim 677/2023 text');
    expect(await finding.locator('.tk-citation a').getAttribute('href') === 'https://www.finlex.fi/fi/laki/ajantasa/2014/20141301', 'Finlex link');
    await expectNoAxeViolations(page, 'the case opening with findings');
    await screenshot(page, 'worker-case-opening-fi');
    await page.locator('#urgent-yes').check();
    await page.locator('.tk-findings__alert').waitFor();
    expect((await page.locator('.tk-findings__alert').textContent()).includes('112'), 'urgent routing shown');
    await expectNoAxeViolations(page, 'the urgent alert');
  }],

  ['worker flow: a client needing special support whose named worker is a sosionomi without a paired social worker is blocked by 42 § 3 mom until one is added', async ({ page, inbox }) => {
    await page.goto(inbox.base + '/#/worker');
    await page.waitForSelector('form#case-opening');
    await page.getByLabel('Vireilletulopäivä').fill('2026-02-02');
    await page.getByLabel('Asiakas itse').check();
    await page.getByLabel('Asiakkaan ikä vuosina').fill('36');
    await page.locator('#special_support-yes').check();
    await page.getByRole('link', { name: '4. Omatyöntekijä' }).click();
    await page.waitForSelector('form#named-worker');
    expectEqual(await page.locator('[aria-current=step]').textContent(), '4. Omatyöntekijä', 'current step');
    await page.getByLabel('Omatyöntekijän nimi').fill('Testi Sosionomi');
    await page.getByLabel('Omatyöntekijän ammatti').selectOption('sosionomi');
    await page.locator('#named_worker_in_office-no').check();
    const pairing = page.locator('#finding-shl-42-special-support-social-worker');
    await pairing.waitFor();
    expect((await pairing.textContent()).includes('Puuttuu'), 'the pairing is missing');
    expect((await pairing.locator('.tk-citation summary').textContent()) === '1301/2014 42 § 3 mom.', 'cites 42 § 3 mom');
    expect(await page.locator('.tk-findings__group', { has: pairing }).locator('h3').textContent() === 'Estää valmistumisen', 'it blocks finishing');
    await expectNoAxeViolations(page, 'the named worker step with a blocking finding');
    await screenshot(page, 'worker-named-worker-blocked-fi');

    await page.getByLabel('Työparin ammatti').selectOption('social_worker');
    await page.locator('#co_worker_in_office-yes').check();
    await page.waitForFunction(() => document.querySelector('#finding-shl-42-special-support-social-worker')?.textContent.includes('Kunnossa'));
    await page.getByLabel('Kuinka usein omatyöntekijä ja asiakas tapaavat?').fill('Kahden viikon välein henkilökohtaisesti');
    await page.waitForFunction(() => document.querySelector('#finding-shl-42-meeting-frequency')?.textContent.includes('Kunnossa'));
    expectEqual(await page.locator('.tk-findings__group h3', { hasText: 'Estää valmistumisen' }).count(), 0, 'nothing blocks any more');

    await page.getByRole('link', { name: '1. Asian vireilletulo' }).click();
    await page.waitForSelector('form#case-opening');
    expectEqual(await page.getByLabel('Asiakkaan ikä vuosina').inputValue(), '36', 'answers kept across steps');
    await page.goBack();
    await page.waitForSelector('form#named-worker');
    expectEqual(await page.getByLabel('Omatyöntekijän nimi').inputValue(), 'Testi Sosionomi', 'kept after browser back');
  }],

  ['worker flow: the assessment step lists the 37 § content until it is written, and the client view can be replaced by the obstacle', async ({ page, inbox }) => {
    await page.goto(inbox.base + '/#/worker/assessment');
    await page.waitForSelector('form#assessment');
    const summary = page.locator('#finding-shl-37-summary');
    await summary.waitFor();
    expect((await summary.textContent()).includes('Puuttuu'), 'summary missing');
    await page.getByLabel('Yhteenveto asiakkaan tilanteesta sekä palvelujen ja erityisen tuen tarpeesta').fill('Pitkään työttömänä, selkävaivoja');
    await page.waitForFunction(() => document.querySelector('#finding-shl-37-summary')?.textContent.includes('Kunnossa'));
    await page.getByLabel('Jos asiakkaan näkemystä ei saatu: mikä oli ilmeinen este?').fill('Asiakas sairaalahoidossa');
    await page.waitForFunction(() => document.querySelector('#finding-shl-37-client-view')?.textContent.includes('Kunnossa'));
    await page.locator('#needs_support-yes').check();
    await page.locator('#finding-shl-37-nature-of-need').waitFor();
    await page.getByLabel('Pitkäaikainen').check();
    await page.waitForFunction(() => document.querySelector('#finding-shl-37-nature-of-need')?.textContent.includes('Kunnossa'));
    await expectNoAxeViolations(page, 'the assessment step');
  }],

  ['worker flow: a joint plan flags the partner without consent, and a client aiming for work who cannot take part even half a day meets a service gap', async ({ page, inbox }) => {
    await page.goto(inbox.base + '/#/worker/plan');
    await page.waitForSelector('form#plan');
    await page.getByLabel('Työ', { exact: true }).check();
    await page.locator('#unemployed_job_seeker-yes').check();
    await page.locator('#can_use_employment_services-no').check();
    await page.locator('#can_attend_half_days_weekly-no').check();
    await page.locator('#illness_reduces_work_ability-no').check();
    await page.locator('#service-gap').waitFor();
    expect((await page.locator('#service-gap').textContent()).includes('Palveluaukko'), 'gap shown');
    expect((await page.locator('[data-service=jarjestojen-toiminta]').textContent()).includes('Sopii'), 'participation still fits');
    await page.locator('#can_attend_half_days_weekly-yes').check();
    await page.waitForFunction(() => !document.querySelector('#service-gap'));
    expect((await page.locator('[data-service=kuntouttava-tyotoiminta]').textContent()).includes('Sopii'), 'rehabilitative work fits');
    await page.locator('#service-kuntouttava-tyotoiminta').check();

    await page.locator('#plan_unnecessary-no').check();
    await page.locator('#made_with_client-yes').check();
    await page.locator('#add-partner').click();
    await page.getByLabel('Nimi').fill('Kunnan työllisyyspalvelut');
    await page.getByLabel('Mistä vastaa').fill('Työkokeilun järjestäminen');
    await page.locator('#partner-1-consent').check();
    await page.locator('#add-partner').click();
    await page.locator('#partner-2-name').fill('Kela');
    await page.locator('#partner-2-sector').selectOption('kela');
    await page.locator('#partner-2-responsibility').fill('Ammatillisen kuntoutuksen selvitys');
    await page.locator('#joint_plan-yes').check();
    const consent = page.locator('#finding-shl-39-joint-plan-consent');
    await consent.waitFor();
    expect((await consent.textContent()).includes('Puuttuu'), 'the partner without consent is flagged');
    await page.locator('#partner-2-consent').check();
    await page.waitForFunction(() => document.querySelector('#finding-shl-39-joint-plan-consent')?.textContent.includes('Kunnossa'));
    await page.locator('#partner-2-consent').uncheck();
    await expectNoAxeViolations(page, 'the plan step');
    await screenshot(page, 'worker-plan-fi');
  }],

  ['worker flow: a whole case from opening to a finished plan in the inbox, printed for the client', async ({ page, inbox }) => {
    const step = name => page.getByRole('link', { name }).click();
    await page.goto(inbox.base + '/#/worker');
    await page.waitForSelector('form#case-opening');
    await page.getByLabel('Vireilletulopäivä').fill('2026-02-02');
    await page.getByLabel('Asiakas itse').check();
    await page.getByLabel('Asiakkaan ikä vuosina').fill('36');
    for (const id of ['client_language-sv', 'urgent-no', 'highest_care_allowance-no', 'vpl_disabled-no', 'special_support-yes', 'has_dependants-no']) {
      await page.locator('#' + id).check();
    }
    await step('2. Palvelutarpeen arviointi');
    await page.waitForSelector('form#assessment');
    await page.getByLabel('Arvioinnista vastaavan ammatti').selectOption('social_worker');
    await page.locator('#assessment_responsible_in_office-yes').check();
    await page.getByLabel('Yhteenveto asiakkaan tilanteesta sekä palvelujen ja erityisen tuen tarpeesta').fill('Pitkään työttömänä; <b>selkä</b> kipeä');
    await page.getByLabel('Ammattihenkilön johtopäätökset asiakkuuden edellytyksistä').fill('Asiakkuuden edellytykset täyttyvät');
    await page.getByLabel('Asiakkaan oma mielipide ja näkemys palvelutarpeestaan').fill('Haluaa takaisin työelämään');
    await page.locator('#need_client-needed').check();
    await page.locator('#need_professional-needed').check();
    await page.locator('#needs_support-yes').check();
    await page.locator('#need_nature-long-term').check();
    await page.locator('#close_network_mapping-no').check();
    await step('3. Asiakassuunnitelma');
    await page.waitForSelector('form#plan');
    await page.getByLabel('Työ', { exact: true }).check();
    for (const id of ['unemployed_job_seeker-yes', 'can_use_employment_services-yes', 'can_attend_half_days_weekly-yes', 'illness_reduces_work_ability-no']) {
      await page.locator('#' + id).check();
    }
    await page.locator('#service-tyokokeilu').check();
    await page.locator('#plan_unnecessary-no').check();
    await page.locator('#made_with_client-yes').check();
    await page.locator('#item_support_need').fill('Tarvitsee tukea työelämään paluussa');
    await page.locator('#item_services_needed').fill('Työkokeilu ja omatyöntekijän tuki');
    await page.locator('#item_goals').fill('Työkokeilu alkaa maaliskuussa');
    await page.locator('#item_follow_up').fill('Tarkistetaan kolmen kuukauden kuluttua');
    await page.locator('#joint_plan-no').check();
    await step('4. Omatyöntekijä');
    await page.waitForSelector('form#named-worker');
    await page.getByLabel('Omatyöntekijän nimi').fill('Testi Sosionomi');
    await page.getByLabel('Omatyöntekijän ammatti').selectOption('sosionomi');
    await page.locator('#named_worker_in_office-no').check();
    await page.getByLabel('Kuinka usein omatyöntekijä ja asiakas tapaavat?').fill('Kahden viikon välein');
    await step('5. Yhteenveto ja valmistuminen');
    await page.waitForSelector('#finish-plan');
    expect(await page.locator('#finish-plan').isDisabled(), 'finishing is blocked without the paired social worker');
    expect((await page.locator('#blocking-findings').textContent()).includes('42 § 3 mom.'), 'the blocking finding cites 42 § 3 mom');
    await expectNoAxeViolations(page, 'the blocked summary');

    // The error-summary pattern: the blocking finding links to its step and puts focus on the field.
    await page.locator('#blocking-findings a', { hasText: '42 § 3 mom.' }).click();
    await page.waitForSelector('form#named-worker');
    await page.waitForFunction(() => document.activeElement?.id === 'named_worker_profession');
    // … and the message stands at the field, tied to it for screen readers.
    expectEqual(await page.locator('#named_worker_profession').getAttribute('aria-invalid'), 'true', 'aria-invalid');
    expectEqual(await page.locator('#named_worker_profession').getAttribute('aria-describedby'), 'named_worker_profession-error', 'described by the message');
    expect((await page.locator('#named_worker_profession-error').textContent()).includes('sosiaalityöntekijä'), 'the message at the field');
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
    const sent = JSON.parse(request.postData());
    expectEqual([sent.kind, sent.lang], ['client_plan', 'sv'], 'a client plan in the client\'s language');
    const id = (await page.locator('#plan-receipt-id').textContent()).trim();
    const stored = (await inbox.api(`/api/documents/${id}`)).body.document.answers;
    const pairing = stored.findings.find(f => f.rule_id === 'shl-42-special-support-social-worker');
    expectEqual([pairing.status, pairing.cites], ['met', '1301/2014 42 § 3 mom.'], 'the pairing is recorded as met');
    expect(stored.findings.every(f => !f.blocks_finishing), 'nothing blocking was sent');
    expectEqual(stored.case.assessment.summary, 'Pitkään työttömänä; <b>selkä</b> kipeä', 'text verbatim');
    expectEqual(stored.rules.source_hash.length, 64, 'rules hash recorded');
    expectEqual(stored.catalogue.county, 'Esimerkin hyvinvointialue', 'catalogue recorded');
    expectEqual(stored.case.plan.services.map(s => s.service_id), ['tyokokeilu'], 'chosen service');
    await expectNoAxeViolations(page, 'the plan receipt');
    await screenshot(page, 'worker-plan-receipt-fi');

    // The worker works in Finnish; the client is served in Swedish, so their plan prints in Swedish.
    const pdf = path.join(__dirname, 'out', 'client-plan-sv.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const wanted of ['Klientplan', 'Työkokeilu alkaa maaliskuussa', 'Arbetsprövning', 'Testi Sosionomi', id,
      'senast lör 2.5.2026', 'utan dröjsmål (inget fast datum)', 'Beslutet ska verkställas senast tre månader']) {
      expect(text.includes(wanted), `the printed plan has "${wanted}"`);
    }
    for (const chrome of ['Suomi', 'Tulosta suunnitelma', 'Mitä laki edellyttää', 'without_delay', '2026-05-02', 'Asiakassuunnitelma']) {
      expect(!text.includes(chrome), `no UI chrome ("${chrome}") in the printout`);
    }
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Aloita uusi asia' }).click();
    await page.waitForSelector('form#case-opening');
    expectEqual(await page.getByLabel('Asiakkaan ikä vuosina').inputValue(), '', 'the form is cleared');
  }],

  ['delivery: while the backend cannot be reached the request waits with "try now", survives a reload, and arrives once', async ({ page, inbox }) => {
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
    expect(notice.includes('Yhteys palveluun ei toiminut.') && notice.includes('tässä selaimessa'), `told in plain words: ${notice}`);
    expectEqual(await page.getByLabel('Nimi').inputValue(), 'Testi Katkos', 'the name is kept on the page');
    await expectNoAxeViolations(page, 'waiting to retry');
    await screenshot(page, 'delivery-waiting-fi');
    const kept = await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('tyokyky.outbox.v1.'))
      .flatMap(k => JSON.parse(localStorage.getItem(k))));
    expectEqual(kept.map(d => d.kind), ['contact_request'], 'kept in the browser');

    await page.reload();
    await page.waitForSelector('#earlier-documents');
    expect((await page.locator('#earlier-documents').textContent()).includes('lähetetään nyt'), 'the earlier document is on its way');
    await page.unroute('**/api/documents');
    await page.waitForFunction(() => (document.querySelector('#earlier-documents')?.textContent || '').includes('on nyt perillä'),
      null, { timeout: 20000 });
    const key = kept[0].idempotency_key;
    expect(posts.length >= 3 && posts.every(p => p.idempotency_key === key), `every attempt with the same key (${posts.length})`);
    const listing = await inbox.api('/api/documents?limit=500');
    expectEqual(listing.body.documents.filter(d => d.idempotency_key === key).length, 1, 'stored exactly once');
    expectEqual(await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('tyokyky.outbox')).length), 0,
      'nothing left in storage once delivered');
  }],

  ['delivery: with the inbox stopped, requests from three tabs wait, and all arrive exactly once when it is back', async ({ page, inbox, context }) => {
    const pages = [page, await context.newPage(), await context.newPage()];
    const names = ['Testi Yksi', 'Testi Kaksi', 'Testi Kolme'];
    for (const [index, tab] of pages.entries()) {
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
      expectEqual(listing.filter(d => d.reference === code).length, 1, `request ${code} stored once`);
    }
  }],

  ['delivery: a 400 from the backend is shown with its reason and not retried', async ({ page, inbox }) => {
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
    expectEqual([detail.kind, detail.status], ['contact_request', 400], 'the page hears a tyokyky:error event');
    const notice = await page.locator('#send-failed').textContent();
    expect(notice.includes('malformed JSON'), `the reason is named: ${notice}`);
    await page.waitForTimeout(3000);
    expectEqual(posts, 1, 'not retried');
    expectEqual((await inbox.api('/api/health')).body.documents, before, 'nothing stored');
    await expectNoAxeViolations(page, 'a rejection');
  }],

  ['delivery: an answer lost on the way back is retried and stored once; a reused key with another body is a 409, shown and not retried', async ({ page, inbox }) => {
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
    expectEqual(contacts.filter(d => d.reference === code).length, 1, 'stored once, the retry got the original receipt');

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
    expect(notice.includes('idempotency_key is already stored'), `the conflict is named: ${notice}`);
    await page.waitForTimeout(2500);
    expectEqual(attempt, 2, 'a 409 is not retried');
  }],

  ['inbox: a kill -9 during a burst of 200 documents loses nothing that was acknowledged and stores nothing twice', async ({ inbox }) => {
    const documents = Array.from({ length: 200 }, (_, index) => ({
      schema_version: 1, kind: 'feedback', idempotency_key: crypto.randomUUID(), created_at: '2026-11-22T00:00:00Z', lang: 'fi',
      answers: { score: 1 + (index % 10), comment: `palaute ${index} <script>x</script>`, channel: 'kiosk' },
    }));
    const acknowledged = new Map();
    const post = async document => {
      try {
        const response = await fetch(inbox.base + '/api/documents', {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document),
        });
        if (response.status === 200 || response.status === 201) acknowledged.set(document.idempotency_key, await response.json());
        return response.status;
      } catch {
        return 0;
      }
    };
    const burst = Promise.all(documents.map(post));
    while (acknowledged.size < 40) await new Promise(resolve => setTimeout(resolve, 5));
    await inbox.kill();
    const statuses = await burst;
    const beforeKill = new Map(acknowledged);
    expect(beforeKill.size < documents.length, `the kill landed during the burst (${beforeKill.size} acknowledged)`);
    await inbox.start();
    // Every document again, as the app's queue would: same key, same body.
    for (const document of documents) {
      let status = 0;
      for (let tries = 0; tries < 5 && status !== 200 && status !== 201; tries += 1) status = await post(document);
      expect(status === 200 || status === 201, `document ${document.idempotency_key} stored (${status})`);
    }
    for (const [key, receipt] of beforeKill) {
      expectEqual(acknowledged.get(key).document_id, receipt.document_id, `acknowledged before the kill, still there: ${key}`);
    }
    const keys = new Set(documents.map(d => d.idempotency_key));
    let stored = [];
    for (let after = 0; ;) {
      const page = (await inbox.api(`/api/documents?kind=feedback&limit=500&after=${after}`)).body;
      stored = stored.concat(page.documents.filter(d => keys.has(d.idempotency_key)));
      if (page.next_after === null) break;
      after = page.next_after;
    }
    expectEqual(stored.length, 200, 'every document stored');
    expectEqual(new Set(stored.map(d => d.idempotency_key)).size, 200, 'none twice');
    console.log(`      burst: ${beforeKill.size} of 200 acknowledged before kill -9, ${statuses.filter(s => s === 0).length} cut off; all 200 stored once after restart`);
  }],

  ['embedding: a setting the component cannot use is named where the component would be, and the other components on the page still mount', async ({ page, inbox }) => {
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
      expectEqual(await element.getAttribute('role'), 'alert', `${id} is announced`);
      const text = await element.textContent();
      for (const word of words) expect(text.includes(word), `${id} names ${word}: ${text}`);
      expectEqual(await element.locator('form, button').count(), 0, `${id} shows no form`);
    }
  }],
];

// Hostile input and faults (issue 9) live in files of their own.
tests.push(...require('./hostile').tests, ...require('./faults').tests);

run(tests).then(ok => process.exit(ok ? 0 : 1), error => {
  console.error(error);
  process.exit(1);
});
