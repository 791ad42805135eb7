// Languages as data, proven with the pseudo-locales the build makes from English (scripts/build.sh,
// docs/languages.md): `en-XA` (every letter accented, 40 % longer, each message in brackets) and `ar-XB`
// (right to left). The self-assessment is walked from its start to its results in each, on a 320 px wide
// phone, and every screen is checked: no text that did not come through the message files (in `en-XA`:
// plain ASCII letters outside brackets; in `ar-XB`: Latin text without its right-to-left override), no
// text cut off or overflowing the page, a mirrored layout in `ar-XB`, and no axe violation.
'use strict';

const { test, expect } = require('./fixtures');
const { expectNoAxeViolations } = require('./flows');

/**
 * The texts on screen that did not come through the message system, in the pseudo-locale `tag`: each a
 * short description of where. The law's Finnish text (`lang="fi"`), the language switch (each language
 * named in itself) and what a person typed are not messages.
 */
async function unmessaged(page, tag) {
  return page.evaluate(tag => {
    const root = document.querySelector('[data-tyokyky]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[lang="fi"], .tk-language-switch, script, style, [hidden]')) continue;
      if (parent.closest('[aria-hidden="true"]') || !parent.getClientRects().length) continue;
      const text = node.textContent;
      const outside = tag === 'en-XA' ? text.replace(/\[[^\]]*\]?/g, '') : text;
      const latin = /[A-Za-z]{2,}/.test(outside);
      // A message's text cut in two on screen (a service's first sentence, and the rest) keeps the
      // override at its start and its end: either half has one of them.
      const overridden = tag === 'ar-XB' ? /[\u202e\u202c]/.test(text) : false;
      if (latin && !overridden) found.push(`${parent.tagName.toLowerCase()}${parent.id ? '#' + parent.id : ''}: ${JSON.stringify(text.trim().slice(0, 60))}`);
    }
    return found;
  }, tag);
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

/** In a right-to-left page, each radio button and checkbox is to the right of its label. */
async function unmirrored(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-tyokyky] input[type=radio], [data-tyokyky] input[type=checkbox]')]
    .map(input => [input, document.querySelector(`label[for="${input.id}"]`)])
    .filter(([input, label]) => label && input.getClientRects().length && label.getClientRects().length)
    .filter(([input, label]) => input.getBoundingClientRect().left < label.getBoundingClientRect().left)
    .map(([input]) => `#${input.id} is left of its label`));
}

for (const tag of ['en-XA', 'ar-XB']) {
  test(`languages: the self-assessment in the pseudo-locale ${tag} on a 320 px phone shows only messages, nothing cut off${tag === 'ar-XB' ? ', mirrored' : ''}, no axe violation`, async ({ page, inbox }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    await page.addInitScript(lang => { window.tyokykyConfig = { lang }; }, tag);
    await page.goto(inbox.base + '/');
    await page.waitForSelector('#start');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), 'the page in the pseudo-locale')
      .toStrictEqual([tag, tag === 'ar-XB' ? 'rtl' : 'ltr']);
    const problems = [];
    const check = async screen => {
      for (const found of await unmessaged(page, tag)) problems.push(`${screen}: not a message: ${found}`);
      for (const found of await clipped(page)) problems.push(`${screen}: ${found}`);
      if (tag === 'ar-XB') for (const found of await unmirrored(page)) problems.push(`${screen}: not mirrored: ${found}`);
    };
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
}
