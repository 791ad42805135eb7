// The reading load and the modelled completion time of the citizen's self-assessment, per language: one fixed
// synthetic person walks the real app (dist/, served by target/debug/tyokyky-inbox) in headless Chromium on a
// phone-sized page (390×844 CSS px), from the start screen through every question to the results, asks to be
// contacted and sends the contact form. The self-assessment promises "about five minutes"; these figures say
// whether the text allows it.
//
//   node bench/reading.js [--json FILE] [--quick]
//
// --json: the raw numbers (and the text of each screen) to FILE. --quick: Finnish only, to check that the walk
// still works. There are no thresholds; the run exits non-zero only when the walk breaks: a selector not found,
// a question the persona has no answer for, a screen with no words, no results or no contact form, or a page
// error.
//
// What is counted, screen by screen:
// - Words: the rendered text of the app's main area (`#main`, so not the header with the service name and the
//   language switch, nor the footer), its `innerText` split on whitespace. `innerText` leaves out what is not
//   rendered: `display: none` and the content of a closed <details> (checked on every screen). Text hidden
//   visually for screen readers (a box of 1×1 px or clipped, such as the "Change: <question>" of the results)
//   is not read by a sighted person and is subtracted (reported apart as `screenReaderWords`).
// - Taps: every click, check or fill the walk makes; a fill is one tap, and its characters are counted apart.
//   Choosing plain-language Finnish on the language switch is one tap of the start screen (Finnish, Swedish
//   and English come from the browser's language).
// - Results page: its height, the y position (CSS px from the page top) of the "ask to be contacted" button
//   `#ask-contact`, and the words before it in reading order (the page is one column).
//
// THE TIME MODEL (figures, not measurements of people):
// - Reading speed: silent reading of standard text by adults, the IReST study (Trauzettel-Klosinski S,
//   Dietz K, et al. Standardized assessment of reading performance: the new International Reading Speed
//   Texts IReST. Investigative Ophthalmology & Visual Science 2012; 53(9): 5452–5461): Finnish 161, Swedish
//   218, English 228 words per minute. Plain-language Finnish (selkokieli) is written for slower readers; its
//   reader is ASSUMED to read 120 words per minute (an assumption, not a source).
// - Each tap 2 s (deciding and tapping on a phone); each typed character 0.3 s.
// - Each screen: its words at the language's reading speed, plus its taps and typed characters. On the
//   results, the person reads what comes before the contact button, then taps it (the time to read the whole
//   results page is reported too). The receipt after sending is recorded but not counted.
// - The free text (`own_words`) is optional: times are given with it (its tap and characters) and without it.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
// The inbox, Debian's Chromium and its flags as the e2e tests have them.
const { Inbox, ROOT, DIST, CHROMIUM, CHROMIUM_ARGS } = require('../tests/e2e/support.js');
const { chromium } = require(path.join(ROOT, 'tests/e2e/node_modules/playwright-core'));

// ---- The time model ------------------------------------------------------------------------------------------
/** Words per minute, silent reading by adults (IReST 2012); plain-language Finnish: an assumption. */
const READING_WPM = { fi: 161, sv: 218, en: 228, 'fi-x-selko': 120 };
const READING_SOURCE = {
  fi: 'IReST 2012', sv: 'IReST 2012', en: 'IReST 2012', 'fi-x-selko': 'assumed (selkokieli is written for slower readers)',
};
/** Seconds per tap (deciding and tapping on a phone). */
const SECONDS_PER_TAP = 2;
/** Seconds per typed character. */
const SECONDS_PER_CHARACTER = 0.3;
/** What the self-assessment promises. */
const PROMISED_MINUTES = 5;

// ---- The walk --------------------------------------------------------------------------------------------------
/** A phone: 390×844 CSS px, touch, as an iPhone 12–15 is. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
/**
 * The languages: the browser's language for the first three; plain-language Finnish is chosen on the
 * language switch (one tap), as a person would.
 */
const LANGUAGES = [
  { tag: 'fi', label: 'Finnish', locale: 'fi-FI' },
  { tag: 'sv', label: 'Swedish', locale: 'sv-FI' },
  { tag: 'en', label: 'English', locale: 'en-GB' },
  { tag: 'fi-x-selko', label: 'plain-language Finnish', locale: 'fi-FI', switchButton: 'Selkosuomi' },
];
/**
 * The persona's answer to each question, as the id of the control to tick (`#q-<question>-<value>`), or text to
 * type. Chosen so that both follow-ups are asked (illness → care contact, pension goal → pension status): 15
 * question screens. Not urgent, so no urgent help is shown.
 */
const PERSONA = {
  work_ability_score: '#q-work_ability_score-4',
  right_now: '#q-right_now-none',
  illness_limits: '#q-illness_limits-yes',
  care_contact: '#q-care_contact-yes',
  activity: '#q-activity-short_times',
  wants_company: '#q-wants_company-no',
  job_seeker: '#q-job_seeker-yes',
  can_work_now: '#q-can_work_now-no',
  background: '#q-background-none',
  goal: '#q-goal-pension_assessment',
  pension_status: '#q-pension_status-not_applied',
  worries: '#q-worries-money',
  has_dependants: '#q-has_dependants-no',
  wellbeing: '#q-wellbeing-mood',
  own_words: {
    fill: '#q-own_words',
    text: {
      fi: 'Selkä on kipeä ja jaksan vain vähän.',
      sv: 'Ryggen värker och jag orkar bara lite.',
      en: 'My back hurts and I have little energy.',
      'fi-x-selko': 'Selkä on kipeä ja jaksan vain vähän.',
    },
  },
};
/** The question whose typed text is optional (times with and without it). */
const FREE_TEXT_QUESTION = 'own_words';
/** The contact form: a synthetic person; the answers go along, and the consent is given. */
const CONTACT = { name: 'Testi Lukija', phone: '040 000 0000' };
/** How long to wait for a selector before the walk counts as broken. */
const SELECTOR_TIMEOUT_MS = 15000;

function parseArgs(argv) {
  const options = { json: null, quick: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--quick') options.quick = true;
    else if (flag === '--json') {
      options.json = argv[++i];
      if (!options.json) throw new Error('--json needs a file name');
    } else throw new Error(`unknown option ${flag} (see the comment at the top of bench/reading.js)`);
  }
  return options;
}

/**
 * Runs in the page: the words a sighted person reads in `#main` now, and the words before `before` (a
 * selector) in reading order, if given. See the header for what counts.
 */
function measureScreen(before) {
  const main = document.querySelector('#main');
  if (!main) return { error: 'no #main on the page' };
  const count = text => (text.match(/\S+/g) || []).length;
  // Visually hidden for screen readers: a box of at most 1×1 px that hides its overflow, or clipped away.
  const visuallyHidden = element => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return (box.width <= 1 && box.height <= 1 && style.overflow === 'hidden')
      || style.clipPath === 'inset(50%)' || /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clip);
  };
  const rendered = element => element.getClientRects().length > 0;
  const hiddenIn = root => [...root.querySelectorAll('*')].filter(e => rendered(e) && visuallyHidden(e))
    .filter((e, _, all) => !all.some(other => other !== e && other.contains(e)));
  // Words of a rendered element as seen: its innerText without the visually hidden parts.
  const seenWords = element => {
    if (!rendered(element)) return 0;
    if (visuallyHidden(element)) return 0;
    return count(element.innerText) - hiddenIn(element).reduce((sum, e) => sum + count(e.innerText), 0);
  };
  const text = main.innerText;
  const hidden = hiddenIn(main);
  const screenReaderWords = hidden.reduce((sum, e) => sum + count(e.innerText), 0);
  const words = count(text) - screenReaderWords;
  // A closed <details> must add nothing: its content (beyond the summary) must not be in the text counted.
  const leaks = [];
  for (const details of main.querySelectorAll('details:not([open])')) {
    for (const child of details.children) {
      if (child.tagName === 'SUMMARY') continue;
      const sample = child.textContent.trim().replace(/\s+/g, ' ').slice(0, 60);
      // Short samples (a provider such as "Kela") may well be in the visible text for another reason.
      if (sample.length >= 20 && text.replace(/\s+/g, ' ').includes(sample)) leaks.push(sample);
    }
  }
  const heading = main.querySelector('h1');
  const result = {
    heading: heading ? heading.innerText.trim().replace(/\s+/g, ' ') : null,
    words, screenReaderWords, closedDetails: main.querySelectorAll('details:not([open])').length, leaks,
    partialNote: Boolean(document.querySelector('#partial-note')),
    lang: document.documentElement.lang,
    pageHeight: document.documentElement.scrollHeight,
    // Anything sticking out sideways on the phone (CSS px): a layout problem, printed, not a failure.
    overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    text,
  };
  if (before) {
    const target = document.querySelector(before);
    if (!target) return { ...result, error: `no ${before} on the page` };
    // Down the path from #main to the target: everything before it on each level.
    let wordsBefore = 0;
    for (let container = main; container !== target;) {
      let next = null;
      for (const child of container.childNodes) {
        if (child === target || (child.nodeType === Node.ELEMENT_NODE && child.contains(target))) { next = child; break; }
        if (child.nodeType === Node.ELEMENT_NODE) wordsBefore += seenWords(child);
        else if (child.nodeType === Node.TEXT_NODE && rendered(container)) wordsBefore += count(child.data);
      }
      if (!next) return { ...result, error: `${before} is not inside #main` };
      container = next;
    }
    const box = target.getBoundingClientRect();
    Object.assign(result, {
      wordsBefore,
      targetTop: Math.round(box.top + window.scrollY),
      targetBottom: Math.round(box.bottom + window.scrollY),
    });
  }
  return result;
}

/** Two animation frames: the app's re-render after an input is on screen. */
const settle = page => page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** The id of the question on screen (its controls are named `q-<id>`, a free-text field is `#q-<id>`). */
async function questionOnScreen(page) {
  const control = page.locator('#question-form [name^="q-"], #question-form textarea').first();
  await control.waitFor({ timeout: SELECTOR_TIMEOUT_MS });
  return (await control.evaluate(e => e.name || e.id)).replace(/^q-/, '');
}

/** A walk's record of one screen: what it showed and what the person did there. */
class Screen {
  constructor(kind, id) {
    Object.assign(this, { kind, id, taps: 0, characters: 0, freeTextCharacters: 0, freeTextTaps: 0, actions: [] });
  }

  async tap(page, selector, what, how = 'click') {
    const locator = page.locator(selector);
    try {
      await locator.waitFor({ timeout: SELECTOR_TIMEOUT_MS });
      if (how === 'check') await locator.check({ timeout: SELECTOR_TIMEOUT_MS });
      else await locator.click({ timeout: SELECTOR_TIMEOUT_MS });
    } catch (error) {
      throw new Error(`${this.kind} ${this.id}: could not ${how} ${selector} (${what}): ${error.message.split('\n')[0]}`);
    }
    this.taps += 1;
    this.actions.push(`${how} ${selector}`);
  }

  async fill(page, selector, text, { freeText = false } = {}) {
    const locator = page.locator(selector);
    try {
      await locator.fill(text, { timeout: SELECTOR_TIMEOUT_MS });
    } catch (error) {
      throw new Error(`${this.kind} ${this.id}: could not fill ${selector}: ${error.message.split('\n')[0]}`);
    }
    const characters = [...text].length;
    this.taps += 1;
    this.characters += characters;
    if (freeText) { this.freeTextTaps += 1; this.freeTextCharacters += characters; }
    this.actions.push(`fill ${selector} (${characters} characters)`);
  }

  /** Reads the screen as it is now (after the person's answers, before the tap that leaves it). */
  async measure(page, before = null) {
    await settle(page);
    const measured = await page.evaluate(measureScreen, before);
    if (measured.error) throw new Error(`${this.kind} ${this.id}: ${measured.error}`);
    if (measured.leaks.length) {
      throw new Error(`${this.kind} ${this.id}: the content of a closed <details> is counted: ${measured.leaks.join(' | ')}`);
    }
    Object.assign(this, measured);
    this.name = measured.heading || this.id;
    return this;
  }
}

/** One walk in `language`: the screens from the start to the receipt. */
async function walk(browser, base, language) {
  const errors = [];
  const context = await browser.newContext({ ...PHONE, locale: language.locale });
  const page = await context.newPage();
  page.on('pageerror', error => errors.push(`page error: ${error.message}`));
  page.on('console', message => { if (message.type() === 'error') errors.push(`console error: ${message.text()}`); });
  const screens = [];
  try {
    await page.goto(`${base}/`);
    await page.waitForSelector('#start', { timeout: SELECTOR_TIMEOUT_MS });

    // The start screen, in the language wanted.
    const start = new Screen('start', 'start');
    if (language.switchButton) {
      try {
        await page.getByRole('button', { name: language.switchButton, exact: true }).click({ timeout: SELECTOR_TIMEOUT_MS });
      } catch (error) {
        throw new Error(`start: no language button "${language.switchButton}": ${error.message.split('\n')[0]}`);
      }
      start.taps += 1;
      start.actions.push(`click the language button "${language.switchButton}"`);
    }
    await page.waitForFunction(tag => document.documentElement.lang === tag, language.tag, { timeout: SELECTOR_TIMEOUT_MS })
      .catch(() => { throw new Error(`the page did not turn to ${language.tag}`); });
    await page.waitForSelector('#start', { timeout: SELECTOR_TIMEOUT_MS });
    screens.push(await start.measure(page));
    await start.tap(page, '#begin', 'start');

    // Every question screen until the results.
    for (let step = 0; ; step += 1) {
      if (step >= 40) throw new Error(`no results after 40 screens: ${screens.map(s => s.id).join(', ')}`);
      await page.waitForSelector('#question-form, #results', { timeout: SELECTOR_TIMEOUT_MS })
        .catch(() => { throw new Error(`neither a question (#question-form) nor the results (#results) after ${screens.at(-1).id}`); });
      if (await page.locator('#results').count()) break;
      const id = await questionOnScreen(page);
      if (screens.some(s => s.id === id)) throw new Error(`question ${id} asked twice`);
      const screen = new Screen('question', id);
      const answer = PERSONA[id];
      if (answer === undefined) throw new Error(`question ${id}: the persona has no answer for it (bench/reading.js, PERSONA)`);
      if (typeof answer === 'string') await screen.tap(page, answer, 'the answer', 'check');
      else await screen.fill(page, answer.fill, answer.text[language.tag], { freeText: id === FREE_TEXT_QUESTION });
      screens.push(await screen.measure(page));
      await screen.tap(page, '#next', 'next');
      await page.waitForFunction(previous => !document.querySelector(`[name="q-${previous}"], #q-${previous}`), id,
        { timeout: SELECTOR_TIMEOUT_MS }).catch(() => { throw new Error(`question ${id}: still on screen after #next`); });
    }

    // The results: the contact button's place, then a tap on it.
    const results = new Screen('results', 'results');
    screens.push(await results.measure(page, '#ask-contact'));
    await results.tap(page, '#ask-contact', 'ask to be contacted');

    // The contact form, filled in and sent.
    await page.waitForSelector('#contact-form', { timeout: SELECTOR_TIMEOUT_MS })
      .catch(() => { throw new Error('no contact form (#contact-form) after #ask-contact'); });
    const contact = new Screen('contact', 'contact');
    await contact.fill(page, '#contact-name', CONTACT.name);
    await contact.fill(page, '#contact-phone', CONTACT.phone);
    await contact.tap(page, '#contact-share-answers', 'send the answers too', 'check');
    await contact.tap(page, '#contact-consent', 'the consent', 'check');
    screens.push(await contact.measure(page));
    await contact.tap(page, '#send-contact', 'send');

    // The receipt: recorded, not counted.
    await page.waitForSelector('#receipt', { timeout: SELECTOR_TIMEOUT_MS })
      .catch(() => { throw new Error('no receipt (#receipt) after sending the contact form'); });
    const receipt = new Screen('receipt', 'receipt');
    screens.push(await receipt.measure(page));

    const empty = screens.filter(s => s.words <= 0);
    if (empty.length) throw new Error(`screens with no words: ${empty.map(s => `${s.kind} ${s.id}`).join(', ')}`);
    const wrongLanguage = screens.filter(s => s.lang !== language.tag);
    if (wrongLanguage.length) throw new Error(`screens not in ${language.tag}: ${wrongLanguage.map(s => `${s.id} (${s.lang})`).join(', ')}`);
    if (errors.length) throw new Error(errors.join('\n'));
    return screens;
  } finally {
    await context.close();
  }
}

/** Seconds one screen takes in the model, with or without the free text. */
function screenSeconds(screen, wpm, { freeText = true, wholeResults = false } = {}) {
  const words = screen.kind === 'results' && !wholeResults ? screen.wordsBefore : screen.words;
  const taps = screen.taps - (freeText ? 0 : screen.freeTextTaps);
  const characters = screen.characters - (freeText ? 0 : screen.freeTextCharacters);
  return (words / wpm) * 60 + taps * SECONDS_PER_TAP + characters * SECONDS_PER_CHARACTER;
}

/** The totals of one language's walk (the receipt left out). */
function totals(language, screens) {
  const wpm = READING_WPM[language.tag];
  const counted = screens.filter(s => s.kind !== 'receipt');
  const sum = (list, value) => list.reduce((total, s) => total + value(s), 0);
  const of = kind => counted.filter(s => s.kind === kind);
  const results = of('results')[0];
  const minutes = options => sum(counted, s => screenSeconds(s, wpm, options)) / 60;
  const withFreeText = minutes({ freeText: true });
  const withoutFreeText = minutes({ freeText: false });
  return {
    wpm,
    questionScreens: of('question').length,
    words: {
      start: sum(of('start'), s => s.words),
      questions: sum(of('question'), s => s.words),
      results: results.words,
      resultsBeforeContactButton: results.wordsBefore,
      contact: sum(of('contact'), s => s.words),
      all: sum(counted, s => s.words),
    },
    taps: sum(counted, s => s.taps),
    tapsWithoutFreeText: sum(counted, s => s.taps - s.freeTextTaps),
    characters: sum(counted, s => s.characters),
    freeTextCharacters: sum(counted, s => s.freeTextCharacters),
    minutes: {
      withFreeText,
      withoutFreeText,
      toResults: sum(counted.filter(s => s.kind === 'start' || s.kind === 'question'), s => screenSeconds(s, wpm)) / 60,
      withFreeTextReadingWholeResults: minutes({ freeText: true, wholeResults: true }),
      withoutFreeTextReadingWholeResults: minutes({ freeText: false, wholeResults: true }),
    },
    withinPromise: { withFreeText: withFreeText <= PROMISED_MINUTES, withoutFreeText: withoutFreeText <= PROMISED_MINUTES },
    results: {
      pageHeight: results.pageHeight,
      contactButtonTop: results.targetTop,
      contactButtonBottom: results.targetBottom,
      viewportHeight: PHONE.viewport.height,
    },
  };
}

const pad = (text, width) => String(text).padEnd(width);
const padLeft = (text, width) => String(text).padStart(width);
const clip = (text, width) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const thousands = value => value.toLocaleString('en-US');
const yesNo = value => (value ? 'yes' : 'no');

function printLanguage(language, screens, sums) {
  const wpm = sums.wpm;
  console.log(`\n== ${language.label} (${language.tag}), read at ${wpm} words/min (${READING_SOURCE[language.tag]}) ==`);
  console.log(`  ${pad('screen', 22)}${pad('heading', 52)}${padLeft('words', 7)}${padLeft('taps', 6)}${padLeft('typed', 7)}${padLeft('s', 7)}`);
  for (const screen of screens) {
    const label = screen.kind === 'question' ? `q ${screen.id}` : screen.kind;
    const seconds = screen.kind === 'receipt' ? '–' : screenSeconds(screen, wpm).toFixed(0);
    console.log(`  ${pad(label, 22)}${pad(clip(screen.name, 50), 52)}${padLeft(screen.words, 7)}${padLeft(screen.taps, 6)}`
      + `${padLeft(screen.characters || '', 7)}${padLeft(seconds, 7)}${screen.partialNote ? '  (partial-note shown)' : ''}`
      + `${screen.overflowX > 0 ? `  (${screen.overflowX} px wider than the phone)` : ''}`);
    if (screen.kind === 'results') {
      console.log(`  ${pad('', 22)}${pad('… of which before #ask-contact (the model reads these)', 52)}${padLeft(screen.wordsBefore, 7)}`);
    }
  }
  console.log('  (the receipt is not counted; screen-reader-only words left out: '
    + `${screens.reduce((total, s) => total + s.screenReaderWords, 0)})`);
  const w = sums.words;
  console.log(`  words: start ${w.start}, ${sums.questionScreens} question screens ${thousands(w.questions)}, results ${thousands(w.results)} `
    + `(${thousands(w.resultsBeforeContactButton)} before the contact button), contact form ${w.contact}; all ${thousands(w.all)}`);
  console.log(`  taps ${sums.taps} (${sums.tapsWithoutFreeText} without the free text); characters typed ${sums.characters} `
    + `(${sums.freeTextCharacters} of them the free text)`);
  const r = sums.results;
  console.log(`  results page ${thousands(r.pageHeight)} px high (${(r.pageHeight / r.viewportHeight).toFixed(1)} screens of ${r.viewportHeight} px); `
    + `#ask-contact at y ${thousands(r.contactButtonTop)}–${thousands(r.contactButtonBottom)} px `
    + `(${(r.contactButtonTop / r.pageHeight * 100).toFixed(0)} % down the page)`);
  const m = sums.minutes;
  console.log(`  minutes: ${m.withFreeText.toFixed(1)} with the free text, ${m.withoutFreeText.toFixed(1)} without it `
    + `(to the results ${m.toResults.toFixed(1)}; reading the whole results page ${m.withFreeTextReadingWholeResults.toFixed(1)} / `
    + `${m.withoutFreeTextReadingWholeResults.toFixed(1)})`);
  console.log(`  within ${PROMISED_MINUTES} minutes: ${yesNo(sums.withinPromise.withoutFreeText)} (without the free text), `
    + `${yesNo(sums.withinPromise.withFreeText)} (with it)`);
}

function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${commit} (working tree has changes)` : commit;
  } catch {
    return 'unknown';
  }
}

/** The public bundle's .wasm in dist/: the figures are of this build, whatever the commit says. */
function distBuild() {
  const wasm = fs.readdirSync(DIST).filter(name => name.endsWith('.wasm') && !name.startsWith('tyokyky-worker-'));
  if (wasm.length !== 1) throw new Error(`expected one public .wasm in ${DIST}, found ${wasm.join(', ') || 'none'} (a build in progress?)`);
  return `${wasm[0]} (${fs.statSync(path.join(DIST, wasm[0])).size} B)`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const languages = options.quick ? LANGUAGES.slice(0, 1) : LANGUAGES;
  const meta = {
    command: ['node', path.relative(process.cwd(), __filename) || __filename, ...process.argv.slice(2)].join(' '),
    commit: gitCommit(),
    build: distBuild(),
    date: new Date().toISOString(),
    phone: PHONE,
    model: {
      readingWordsPerMinute: READING_WPM, readingSource: READING_SOURCE, secondsPerTap: SECONDS_PER_TAP,
      secondsPerCharacter: SECONDS_PER_CHARACTER, promisedMinutes: PROMISED_MINUTES,
    },
    persona: PERSONA,
    contact: CONTACT,
  };
  const inbox = new Inbox();
  let browser = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    meta.chromium = browser.version();
    const base = await inbox.start();
    console.log('tyokyky reading load of the self-assessment');
    console.log(`commit ${meta.commit}, ${meta.date}, Chromium ${meta.chromium}, node ${process.version}, ${os.cpus().length} CPUs`);
    console.log(`command: ${meta.command}`);
    console.log(`build: dist/${meta.build}; served by target/debug/tyokyky-inbox`);
    console.log(`phone ${PHONE.viewport.width}×${PHONE.viewport.height} CSS px; model: reading ${Object.entries(READING_WPM).map(([t, v]) => `${t} ${v}`).join(', ')} `
      + `words/min; ${SECONDS_PER_TAP} s a tap, ${SECONDS_PER_CHARACTER} s a typed character`);
    const runs = [];
    for (const language of languages) {
      const screens = await walk(browser, base, language);
      const sums = totals(language, screens);
      printLanguage(language, screens, sums);
      runs.push({ language: language.tag, label: language.label, locale: language.locale, totals: sums, screens });
    }
    console.log(`\n${pad('summary', 24)}${['words', 'questions', 'results', 'contact', 'taps', 'typed', 'min', 'min w/o', '≤ 5 min'].map(h => padLeft(h, 10)).join('')}`);
    for (const run of runs) {
      const t = run.totals;
      console.log(`${pad(run.language, 24)}${[thousands(t.words.all), thousands(t.words.questions), thousands(t.words.results), t.words.contact, t.taps,
        t.characters, t.minutes.withFreeText.toFixed(1), t.minutes.withoutFreeText.toFixed(1),
        yesNo(t.withinPromise.withoutFreeText)].map(v => padLeft(v, 10)).join('')}`);
    }
    if (distBuild() !== meta.build) throw new Error(`dist/ changed during the run (${meta.build} → ${distBuild()}); run again`);
    if (options.json) {
      fs.writeFileSync(options.json, `${JSON.stringify({ meta, runs }, null, 2)}\n`);
      console.log(`raw numbers: ${options.json}`);
    }
  } finally {
    if (browser) await browser.close();
    await inbox.stop();
  }
}

main().catch(error => {
  console.error(`\nbenchmark failed: ${error.stack || error}`);
  process.exitCode = 1;
});
