// Steps shared by the end-to-end test files: walking the self-assessment, the contact form, keyboard-only
// moves, and small page helpers.
'use strict';

const { axe, expect } = require('./fixtures');

const HOSTILE = 'Lyhyempi työpäivä <script>window.__pwned = 1</script><img src=x onerror="alert(1)"> & "lainaus"';

async function expectNoAxeViolations(page, screen) {
  const violations = await axe(page);
  expect(violations, `axe found ${violations.length} violations on ${screen}:\n${violations.join('\n')}`).toStrictEqual([]);
}

/** The question id of the question on screen (its controls are named `q-<id>`). */
async function questionOnScreen(page) {
  const name = await page.locator('#question-form [name^="q-"], #question-form textarea').first().evaluate(e => e.name || e.id);
  return name.replace(/^q-/, '');
}

/**
 * Walks the self-assessment from its start screen to the results, answering with `answers[id]` (a
 * function of the page) and skipping the rest; runs axe on every question screen when `checkAxe`.
 * Returns the question ids seen, in order.
 */
async function walkQuestions(page, answers, { checkAxe = false } = {}) {
  await page.locator('#begin').click();
  const seen = [];
  for (let step = 0; step < 40; step += 1) {
    await page.waitForSelector('#question-form, #results');
    if (await page.locator('#results').count()) return seen;
    const id = await questionOnScreen(page);
    expect(seen, `question ${id} asked twice`).not.toContain(id);
    seen.push(id);
    expect(await page.evaluate(() => document.activeElement.id), `focus on the heading of ${id}`).toBe('screen-heading');
    if (answers[id]) await answers[id](page);
    if (checkAxe) await expectNoAxeViolations(page, `question ${id}`);
    await page.locator('#next').click();
    await page.waitForFunction(previous => !document.querySelector(`[name="q-${previous}"], #q-${previous}`), id);
  }
  throw new Error(`no results after 40 screens: ${seen}`);
}

const check = selector => page => page.locator(selector).check();

/** The frame of `page` whose address starts with `base`, once it is there. */
async function waitForFrame(page, base) {
  for (let tries = 0; tries < 100; tries += 1) {
    const frame = page.frames().find(f => f.url().startsWith(base));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error(`no frame from ${base}`);
}


// ---------------------------------------------------------------------------------------------------------
// Keyboard only: Tab to a control, then Space, arrows or typing, as a person without a mouse would.
// ---------------------------------------------------------------------------------------------------------

/** Presses Tab until the focused element has `id` (radios: until the focus is in its group, then arrows). */
async function tabTo(page, id) {
  const group = await page.evaluate(target => {
    const element = document.getElementById(target);
    return element && element.type === 'radio' ? element.name : null;
  }, id);
  for (let presses = 0; presses < 250; presses += 1) {
    const active = await page.evaluate(() => ({ id: document.activeElement?.id, name: document.activeElement?.name, type: document.activeElement?.type }));
    if (active.id === id) return;
    if (group && active.type === 'radio' && active.name === group) {
      // In a radio group the arrow keys move (and choose); walk to the wanted one.
      for (let steps = 0; steps < 15 && (await page.evaluate(() => document.activeElement.id)) !== id; steps += 1) {
        await page.keyboard.press('ArrowDown');
      }
      expect(await page.evaluate(() => document.activeElement.id), `arrows reach ${id}`).toStrictEqual(id);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** The keyboard actions for one field, by the control's id: check, fill, choose an option, press. */
async function keyboard(page, action, id, value) {
  await tabTo(page, id);
  switch (action) {
    case 'check':
      if (!(await page.evaluate(target => document.getElementById(target).checked, id))) await page.keyboard.press('Space');
      expect(await page.evaluate(target => document.getElementById(target).checked, id), `#${id} checked by keyboard`).toBe(true);
      break;
    case 'fill':
      await page.keyboard.type(value);
      break;
    case 'select':
      for (let steps = 0; steps < 20 && (await page.evaluate(target => document.getElementById(target).value, id)) !== value; steps += 1) {
        await page.keyboard.press('ArrowDown');
      }
      expect(await page.evaluate(target => document.getElementById(target).value, id), `#${id} chosen by keyboard`).toStrictEqual(value);
      break;
    case 'press':
      await page.keyboard.press('Enter');
      break;
    default:
      throw new Error(action);
  }
}

/** The id of the control a label names (to reach it by keyboard). */
const idOf = (page, label, options) => page.getByLabel(label, options).getAttribute('id');

/** Whether anything sticks out sideways (WCAG 1.4.10 reflow). */
const overflow = page => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Opens the contact form from the results and fills it in for `name`. */
async function fillContact(page, name) {
  await page.locator('#ask-contact').click();
  await page.getByLabel('Nimi').fill(name);
  await page.getByLabel('Puhelinnumero').fill('040 000 0009');
  await page.getByLabel('Ymmärrän, mitä lähetetään').check();
}

/**
 * Answers a worker case from the opening step to the summary: a client of 36 needing special support, an
 * assessment, a plan with a work trial, and a sosionomi as the named worker. Options: `openedOn` (a date
 * for the opening), `clientLanguage` (`sv`, `en`, …), `summary` (the assessment's summary) and `pair` (the
 * sosionomi is paired with a social worker in office, so that nothing blocks; default true). Leaves the
 * page on the summary.
 */
async function fillCase(page, { openedOn, clientLanguage, summary = 'Pitkään työttömänä', pair = true } = {}) {
  const step = async (name, selector) => {
    await page.getByRole('link', { name }).click();
    await page.waitForSelector(selector);
  };
  await page.waitForSelector('form#case-opening');
  if (openedOn) await page.getByLabel('Vireilletulopäivä').fill(openedOn);
  await page.getByLabel('Asiakas itse').check();
  await page.getByLabel('Asiakkaan ikä vuosina').fill('36');
  const opening = ['urgent-no', 'highest_care_allowance-no', 'vpl_disabled-no', 'special_support-yes', 'has_dependants-no'];
  for (const id of clientLanguage ? [`client_language-${clientLanguage}`, ...opening] : opening) {
    await page.locator('#' + id).check();
  }
  await step('2. Palvelutarpeen arviointi', 'form#assessment');
  await page.getByLabel('Arvioinnista vastaavan ammatti').selectOption('social_worker');
  await page.locator('#assessment_responsible_in_office-yes').check();
  await page.getByLabel('Yhteenveto asiakkaan tilanteesta sekä palvelujen ja erityisen tuen tarpeesta').fill(summary);
  await page.getByLabel('Ammattihenkilön johtopäätökset asiakkuuden edellytyksistä').fill('Asiakkuuden edellytykset täyttyvät');
  await page.getByLabel('Asiakkaan oma mielipide ja näkemys palvelutarpeestaan').fill('Haluaa takaisin työelämään');
  for (const id of ['need_client-needed', 'need_professional-needed', 'needs_support-yes', 'need_nature-long-term', 'close_network_mapping-no']) {
    await page.locator('#' + id).check();
  }
  await step('3. Asiakassuunnitelma', 'form#plan');
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
  await step('4. Omatyöntekijä', 'form#named-worker');
  await page.getByLabel('Omatyöntekijän nimi').fill('Testi Sosionomi');
  await page.getByLabel('Omatyöntekijän ammatti').selectOption('sosionomi');
  await page.locator('#named_worker_in_office-no').check();
  await page.getByLabel('Kuinka usein omatyöntekijä ja asiakas tapaavat?').fill('Kahden viikon välein');
  if (pair) {
    await page.getByLabel('Työparin ammatti').selectOption('social_worker');
    await page.locator('#co_worker_in_office-yes').check();
  }
  await step('5. Yhteenveto ja valmistuminen', pair ? '#ready-to-finish' : '#finish-plan');
}

/** The inbox's id of the document whose short reference (`K7Q4-MZ2P`) a person was shown. */
async function documentIdOf(inbox, reference) {
  const listing = (await inbox.api('/api/documents?limit=500')).body.documents;
  const found = listing.filter(d => d.reference === reference);
  expect(found.length, `one document with the reference ${reference}`).toBe(1);
  return found[0].document_id;
}

module.exports = {
  HOSTILE, expectNoAxeViolations, questionOnScreen, walkQuestions, check, waitForFrame, tabTo, keyboard,
  idOf, overflow, fillContact, documentIdOf, fillCase,
};
