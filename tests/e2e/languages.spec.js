// Languages as data, proven with the pseudo-locales the build makes from English (scripts/build.sh,
// docs/languages.md): `en-XA` (every letter accented, 40 % longer, each message in brackets) and `ar-XB`
// (right to left). In each, on a 320 px wide phone, two walks: the self-assessment from its start to its
// results, and the worker flow (worker.html, the language set as a host page sets it) from the case
// opening through the assessment, the plan and the named worker to the summary (first with what stops
// finishing, and the field it sends to), the plan sent with its printable plan and record, the worker's
// list, and a revision of the plan with what changed. Every screen is checked: no text that did not come
// through the message files (in `en-XA`: plain ASCII letters outside brackets; in `ar-XB`: Latin text
// outside its right-to-left override), no text cut off or overflowing the page, no text laid over other
// text, in `ar-XB` a mirrored layout (radios and checkboxes right of their labels, arrows turned), and no
// axe violation.
'use strict';

const { test, expect } = require('./fixtures');
const { expectNoAxeViolations, documentIdOf } = require('./flows');

/**
 * The texts on screen that did not come through the message system, in the pseudo-locale `tag`: each a
 * short description of where. Not messages, and so not counted: the law's Finnish text (`lang="fi"`), the
 * language switch (each language named in itself), what a person typed (in a field, or among `data`, shown
 * back on a later screen), other data among `data` (a plan's reference, the time the browser wrote with
 * Intl), and a rule's id where a line names its rule (`data-rule`: the professional record does, to trace
 * each finding to its rule).
 */
async function unmessaged(page, tag, data = []) {
  return page.evaluate(([tag, data]) => {
    const root = document.querySelector('[data-tyokyky]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[lang="fi"], .tk-language-switch, script, style, [hidden]')) continue;
      if (parent.closest('[aria-hidden="true"]') || !parent.getClientRects().length) continue;
      const rule = parent.closest('[data-rule]')?.dataset.rule;
      const text = [...data, ...(rule ? [rule] : [])].reduce((left, own) => left.split(own).join(''), node.textContent);
      // What is left outside the messages: in `en-XA`, outside the brackets; in `ar-XB`, outside the
      // right-to-left override (U+202E … U+202C). A message's text cut in two on screen (a service's
      // first sentence, and the rest) keeps the mark at its start and its end: one half has the opening
      // one with no end, the other the closing one with no start.
      const outside = tag === 'en-XA'
        ? text.replace(/^[^[\]]*\]/, '').replace(/\[[^\]]*\]?/g, '')
        : text.replace(/^[^\u202e]*\u202c/, '').replace(/\u202e[^\u202c]*\u202c?/g, '');
      if (/[A-Za-z]{2,}/.test(outside)) found.push(`${parent.tagName.toLowerCase()}${parent.id ? '#' + parent.id : ''}: ${JSON.stringify(text.trim().slice(0, 60))}`);
    }
    return found;
  }, [tag, data]);
}

/** Elements whose text is cut off (wider or taller than their box while hiding the overflow), and the page's own overflow. */
async function clipped(page) {
  return page.evaluate(() => {
    const found = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) {
      found.push(`the page is ${document.documentElement.scrollWidth - document.documentElement.clientWidth} px wider than the screen`);
    }
    for (const element of document.querySelectorAll('[data-tyokyky] *')) {
      const style = getComputedStyle(element);
      // Text for screen readers only is in a 1 px box on purpose.
      if (element.closest('.tk-visually-hidden')) continue;
      const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      if (hides && element.textContent.trim() && element.scrollWidth > element.clientWidth + 1) {
        found.push(`${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''} cut off`);
      }
    }
    return found;
  });
}

/**
 * Text laid over other text: pairs of visible text-bearing elements (those with text of their own, and
 * labels, buttons, links, legends and summaries) where a box of one crosses a box of the other by more
 * than 2 px both across and down, and neither element holds the other. An element's boxes are its
 * layout boxes (one a line for inline ones, so a link wrapped over two lines is not taken as the
 * rectangle around both) and the boxes of its own text, so text that runs out of its box onto a
 * neighbour's counts too. The 2 px leave room for sub-pixel rounding and for glyphs whose accents reach
 * a hair above the line; real overlap of two texts is far more than that. Nothing absolutely positioned
 * is let off: the app's only such elements, the score scale's radios and text for screen readers only,
 * show no text.
 */
async function overlapping(page) {
  return page.evaluate(() => {
    const name = element => {
      const text = element.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}${element.classList.length ? '.' + [...element.classList].join('.') : ''} ${JSON.stringify(text)}`;
    };
    const labelled = new Set(['LABEL', 'BUTTON', 'A', 'LEGEND', 'SUMMARY']);
    // The layer an element is drawn in: an overlay (`position: fixed`, the idle lock's dialog) or a sticky
    // panel covers what scrolls under it on purpose, so only elements of the same layer are compared.
    const layerOf = element => {
      for (let at = element; at; at = at.parentElement) {
        if (['fixed', 'sticky'].includes(getComputedStyle(at).position)) return at;
      }
      return null;
    };
    const shown = [];
    for (const element of document.querySelectorAll('[data-tyokyky] *')) {
      if (['SCRIPT', 'STYLE', 'TEMPLATE', 'OPTION', 'OPTGROUP', 'svg'].includes(element.tagName)) continue;
      // Text for screen readers only sits in a clipped 1 px box on purpose; what is hidden from everyone
      // (aria-hidden decoration, `hidden`, invisible or transparent) is not read on screen.
      if (element.closest('.tk-visually-hidden, [aria-hidden="true"], [hidden]')) continue;
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const own = [...element.childNodes].filter(node => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
      if (!own.length && !(labelled.has(element.tagName) && element.textContent.trim())) continue;
      const boxes = [...element.getClientRects()];
      for (const node of own) {
        const range = document.createRange();
        range.selectNodeContents(node);
        boxes.push(...range.getClientRects());
      }
      const sized = boxes.filter(box => box.width > 0 && box.height > 0);
      if (sized.length) shown.push({ element, boxes: sized, layer: layerOf(element) });
    }
    const found = [];
    const crossing = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2
      && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
    for (let i = 0; i < shown.length; i += 1) {
      for (let j = i + 1; j < shown.length; j += 1) {
        const [a, b] = [shown[i], shown[j]];
        if (a.layer !== b.layer || a.element.contains(b.element) || b.element.contains(a.element)) continue;
        if (a.boxes.some(x => b.boxes.some(y => crossing(x, y)))) found.push(`${name(a.element)} overlaps ${name(b.element)}`);
      }
    }
    return found;
  });
}

/**
 * What is not mirrored in a right-to-left page: each radio button and checkbox is to the right of its
 * label, and each left or right arrow (← →) in the text is turned (drawn mirrored: an element of its own,
 * not inline, whose transform flips it across). Unicode does not mirror these arrows, so unturned, "← back"
 * would point forward.
 */
async function unmirrored(page) {
  return page.evaluate(() => {
    const found = [...document.querySelectorAll('[data-tyokyky] input[type=radio], [data-tyokyky] input[type=checkbox]')]
      .map(input => [input, document.querySelector(`label[for="${input.id}"]`)])
      .filter(([input, label]) => label && input.getClientRects().length && label.getClientRects().length)
      .filter(([input, label]) => input.getBoundingClientRect().left < label.getBoundingClientRect().left)
      .map(([input]) => `#${input.id} is left of its label`);
    const walker = document.createTreeWalker(document.querySelector('[data-tyokyky]'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !/[\u2190\u2192]/.test(node.textContent) || !parent.getClientRects().length) continue;
      const style = getComputedStyle(parent);
      if (style.direction !== 'rtl') continue;
      const turned = style.display !== 'inline' && style.transform !== 'none' && new DOMMatrixReadOnly(style.transform).a < 0;
      if (!turned) {
        const where = `${parent.tagName.toLowerCase()}${parent.id ? '#' + parent.id : ''}${parent.classList.length ? '.' + [...parent.classList].join('.') : ''}`;
        found.push(`${where}: an arrow not turned: ${JSON.stringify(node.textContent.trim().slice(0, 40))}`);
      }
    }
    return found;
  });
}

/**
 * Checks the screen on `page` in the pseudo-locale `tag` and adds what is wrong to `problems`, each line
 * starting with `screen`; `data` are texts on screen that are not messages: what a person typed (shown
 * back on the summary and the plan), a reference, a time.
 */
async function checkScreen(page, tag, screen, problems, data = []) {
  for (const found of await unmessaged(page, tag, data)) problems.push(`${screen}: not a message: ${found}`);
  for (const found of await clipped(page)) problems.push(`${screen}: ${found}`);
  for (const found of await overlapping(page)) problems.push(`${screen}: ${found}`);
  if (tag === 'ar-XB') for (const found of await unmirrored(page)) problems.push(`${screen}: not mirrored: ${found}`);
}

/** Opens `url` in the pseudo-locale `tag` (as a host page's `lang` would) on a 320 px wide phone. */
async function openIn(page, tag, url, selector) {
  await page.setViewportSize({ width: 320, height: 720 });
  await page.addInitScript(lang => { window.tyokykyConfig = { lang }; }, tag);
  await page.goto(url);
  await page.waitForSelector(selector);
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), 'the page in the pseudo-locale')
    .toStrictEqual([tag, tag === 'ar-XB' ? 'rtl' : 'ltr']);
}

for (const tag of ['en-XA', 'ar-XB']) {
  test(`languages: the self-assessment in the pseudo-locale ${tag} on a 320 px phone shows only messages, nothing cut off or overlapping${tag === 'ar-XB' ? ', mirrored' : ''}, no axe violation`, async ({ page, inbox }) => {
    await openIn(page, tag, inbox.base + '/', '#start');
    const problems = [];
    const check = screen => checkScreen(page, tag, screen, problems);
    await check('start');
    await expectNoAxeViolations(page, `the start in ${tag}`);
    await page.locator('#begin').click();
    let screens = 0;
    for (let step = 0; step < 40; step += 1) {
      await page.waitForSelector('#question-form, #results');
      if (await page.locator('#results').count()) break;
      screens += 1;
      const radio = page.locator('#question-form input[type=radio]').first();
      if (await radio.count()) await radio.check();
      await check(`question ${screens}`);
      if (screens === 1) await expectNoAxeViolations(page, `a question in ${tag}`);
      const heading = await page.locator('#screen-heading').textContent();
      await page.locator('#next').click();
      await page.waitForFunction(previous => document.getElementById('screen-heading')?.textContent !== previous || document.getElementById('results'), heading);
    }
    await check('results');
    await expectNoAxeViolations(page, `the results in ${tag}`);
    expect(screens, 'the questions were walked').toBeGreaterThan(5);
    expect(problems, problems.join('\n')).toStrictEqual([]);
  });

  test(`languages: the worker flow in the pseudo-locale ${tag} on a 320 px phone, from the case opening to a finished plan, the worker's list and a revision, shows only messages, nothing cut off or overlapping${tag === 'ar-XB' ? ', mirrored' : ''}, no axe violation`, async ({ page, inbox }) => {
    await openIn(page, tag, inbox.base + '/worker.html#/worker', 'form#case-opening');
    const problems = [];
    // What the worker types, in Finnish as with a Finnish client: the summary and the plan show it back.
    const typed = ['Pitkään työttömänä', 'Asiakkuuden edellytykset täyttyvät', 'Haluaa takaisin työelämään',
      'Tarvitsee tukea työelämään paluussa', 'Työkokeilu ja omatyöntekijän tuki', 'Työkokeilu alkaa maaliskuussa',
      'Tarkistetaan kolmen kuukauden kuluttua', 'Testi Sosionomi', 'Kahden viikon välein'];
    const data = [...typed];
    const check = async (screen, axe = true) => {
      await checkScreen(page, tag, screen, problems, data);
      if (axe) await expectNoAxeViolations(page, `${screen} in ${tag}`);
    };
    // The steps by their links' addresses: their names are in the pseudo-locale.
    const step = async (route, selector) => {
      await page.locator(`.tk-steps__link[href$="${route}"]`).click();
      await page.waitForSelector(selector);
      await page.waitForFunction(() => document.activeElement?.id === 'screen-heading');
    };
    const choose = async ids => { for (const id of ids) await page.locator('#' + id).check(); };

    // The same case as flows.js `fillCase`, by the fields' ids, and first with no co-worker, so that the
    // summary shows what stops finishing.
    await check('the case opening');
    await page.locator('#initiator-client').check();
    await page.locator('#age').fill('36');
    await choose(['urgent-no', 'highest_care_allowance-no', 'vpl_disabled-no', 'special_support-yes', 'has_dependants-no']);
    await check('the case opening, answered', false);
    await step('#/worker/assessment', 'form#assessment');
    await page.locator('#assessment_responsible_profession').selectOption('social_worker');
    await choose(['assessment_responsible_in_office-yes']);
    await page.locator('#assessment_summary').fill(typed[0]);
    await page.locator('#assessment_conclusions').fill(typed[1]);
    await page.locator('#assessment_client_view').fill(typed[2]);
    await choose(['need_client-needed', 'need_professional-needed', 'needs_support-yes', 'need_nature-long-term', 'close_network_mapping-no']);
    await check('the assessment');
    await step('#/worker/plan', 'form#plan');
    await choose(['goal-work', 'unemployed_job_seeker-yes', 'can_use_employment_services-yes', 'can_attend_half_days_weekly-yes',
      'illness_reduces_work_ability-no', 'service-tyokokeilu', 'plan_unnecessary-no', 'made_with_client-yes']);
    for (const [id, text] of [['item_support_need', typed[3]], ['item_services_needed', typed[4]], ['item_goals', typed[5]], ['item_follow_up', typed[6]]]) {
      await page.locator('#' + id).fill(text);
    }
    await choose(['joint_plan-no']);
    await check('the plan');
    await step('#/worker/named-worker', 'form#named-worker');
    await page.locator('#named_worker_name').fill(typed[7]);
    await page.locator('#named_worker_profession').selectOption('sosionomi');
    await choose(['named_worker_in_office-no']);
    await page.locator('#meeting_frequency').fill(typed[8]);
    await check('the named worker');
    await step('#/worker/summary', '#blocking-findings');
    await check('the summary with what stops finishing');
    // Its link goes to the field to fix, which now says what is missing.
    await page.locator('#blocking-findings a').first().click();
    await page.waitForSelector('form#named-worker .tk-error-message');
    await check('the named worker with a field\'s message');
    await page.locator('#co_worker_profession').selectOption('social_worker');
    await choose(['co_worker_in_office-yes']);
    await step('#/worker/summary', '#ready-to-finish');
    await check('the summary, ready to finish');
    await page.locator('#finish-plan').click();
    await page.waitForSelector('#plan-receipt');
    // Data on the receipt and in the professional record: the plan's reference, the time it was received
    // as the browser writes it (Intl, in the language's `intl` locale), and the name and hash of the rules
    // that judged it.
    data.push(...(await page.locator('#plan-receipt dd').allTextContents()).map(text => text.trim()));
    const reference = (await page.locator('#plan-receipt-id').textContent()).trim();
    const { rules } = (await inbox.api(`/api/documents/${await documentIdOf(inbox, reference)}`)).body.document.answers;
    data.push(rules.name, rules.source_hash);
    await check('the plan sent');
    await page.locator('#plan-to-cases').click();
    await page.waitForSelector('#worker-cases');
    await page.waitForSelector('#revise-plan-0');
    await check('the worker\'s list');

    // The plan revised: what changed is listed on the summary, before and after.
    await page.locator('#revise-plan-0').click();
    await page.waitForSelector('#revising');
    await check('the case opening of a revision');
    await step('#/worker/plan', 'form#plan');
    const goals = 'Osa-aikatyö syksyllä';
    const reason = 'Työkokeilu päättyi, tavoite muuttui';
    data.push(goals, reason);
    await page.locator('#item_goals').fill(goals);
    await step('#/worker/summary', '#revision-changes');
    await page.locator('#revision-reason').fill(reason);
    await page.waitForSelector('#ready-to-finish');
    await check('the summary of a revision');
    expect(problems, problems.join('\n')).toStrictEqual([]);
  });
}
