// Shows that two builds of the app look the same: the same screens, in every language and at three sizes,
// photographed in each build and compared pixel by pixel. For a change that must not change what a person
// sees (a refactoring, moving texts into data, a new toolchain). Usage, from the repository's root:
//
//   node scripts/compare-screens.js --before DIST_A --after DIST_B [--inbox BIN] [--out DIR]
//        [--before-inbox BIN] [--after-inbox BIN] [--tolerance PIXELS] [--only REGEX]
//
// DIST_A and DIST_B are built app folders (scripts/build.sh); each is served by the inbox binary
// (target/debug/tyokyky-inbox, --inbox, or one per build), started once per build with a fresh data folder.
// The screens, each a full-page screenshot:
//   the self-assessment, in fi, fi-x-selko, sv and en, on a phone (360×740), a desktop (1280×800) and a
//   kiosk (1080×1920, the kiosk mode): the start, a question (the work-ability scale), the results, the
//   contact form and the receipt after sending;
//   the worker flow (worker.html), on the desktop, in the same languages: the opening, the assessment and
//   the plan as they first appear, and the summary of a filled-in case;
//   and each of these that has folded parts (`<details>`) once more with all of them open (`results-open`).
// A language is chosen with the visible language switch, as a person would. Both runs are made the same:
// a fixed clock, the same answers, the browser's randomness seeded (so the idempotency keys, and the short
// reference shown on the receipt, are the same), the inbox's time of receipt answered as a fixed time,
// animations and the text caret off, the mouse out of the way.
//
// It prints one line per screen (screen, size, language, differing pixels and their share) and writes the
// screenshots to DIR/before and DIR/after, and for each screen that differs an image of the differences to
// DIR/diff (the differing pixels red over a faded copy of the "before" screen; a page whose height changed
// is compared on the larger size, the missing part counting as different). DIR is tests/e2e/out/screens
// unless given. Anti-aliased pixels are not counted (pixelmatch's detection); a screen differs when more
// than --tolerance pixels (default 10) do. Exit 1 when any screen differs or could not be reached in either
// build, 2 on wrong usage. --only keeps the screens whose name (`start.phone.sv`) matches a pattern.
//
// Each build is photographed by this same script in a child process (`--capture`), since the inbox and the
// app folder are read from the environment when tests/e2e/support.js is loaded.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const E2E = path.join(ROOT, 'tests', 'e2e');

const SIZES = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
  kiosk: { width: 1080, height: 1920 },
};
/** Each language and the name its button in the language switch has (in itself, the same in every language). */
const LANGUAGES = { fi: 'Suomi', 'fi-x-selko': 'Selkosuomi', sv: 'Svenska', en: 'English' };
const SELF_SCREENS = ['start', 'question', 'results', 'contact', 'receipt'];
const WORKER_SCREENS = ['worker-opening', 'worker-assessment', 'worker-plan', 'worker-summary'];
/** The browser's clock and the inbox's time of receipt: a weekday morning, the same in both runs. */
const FIXED_TIME = '2026-03-10T09:30:00.000Z';

/** The key of the screen `key` with its folded parts open (`results.phone.sv` → `results-open.phone.sv`). */
const openKey = key => key.replace(/^([^.]+)/, '$1-open');

/** The screens, in order: `{ key, screen, size, lang }`, the key naming the files (`start.phone.sv`). */
function plan() {
  const screens = [];
  for (const size of Object.keys(SIZES)) {
    for (const lang of Object.keys(LANGUAGES)) {
      for (const screen of SELF_SCREENS) screens.push({ key: `${screen}.${size}.${lang}`, screen, size, lang });
    }
  }
  for (const lang of Object.keys(LANGUAGES)) {
    for (const screen of WORKER_SCREENS) screens.push({ key: `${screen}.desktop.${lang}`, screen, size: 'desktop', lang });
  }
  return screens;
}

function usage(message) {
  if (message) console.error(message);
  console.error('usage: node scripts/compare-screens.js --before DIST_A --after DIST_B [--inbox BIN] [--out DIR]\n'
    + '       [--before-inbox BIN] [--after-inbox BIN] [--tolerance PIXELS] [--only REGEX]');
  process.exit(2);
}

function parseArgs(argv) {
  const options = {};
  const known = ['before', 'after', 'inbox', 'before-inbox', 'after-inbox', 'out', 'tolerance', 'only', 'capture', 'dist', 'into'];
  for (let i = 0; i < argv.length; i += 1) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match || !known.includes(match[1])) usage(`unknown argument: ${argv[i]}`);
    if (match[1] === 'capture') { options.capture = true; continue; }
    const value = match[2] !== undefined ? match[2] : argv[++i];
    if (value === undefined) usage(`--${match[1]} needs a value`);
    options[match[1]] = value;
  }
  return options;
}

// -------------------------------------------------------------------------------------------------------
// Capture: one build, every screen (run in a child process with TYOKYKY_DIST and TYOKYKY_INBOX_BIN set).
// -------------------------------------------------------------------------------------------------------

/** Replaces the page's randomness with a seeded generator (mulberry32), so two runs draw the same numbers. */
function seededRandomness(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  Math.random = next;
  const fill = array => {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(next() * 256);
    return array;
  };
  Object.defineProperty(Crypto.prototype, 'getRandomValues', { value: fill, configurable: true, writable: true });
  Object.defineProperty(Crypto.prototype, 'randomUUID', {
    value: () => {
      const b = fill(new Uint8Array(16));
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const hex = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    configurable: true,
    writable: true,
  });
}

/** A number from a screen set's name, to seed its randomness: the same in both runs, another for each set. */
function seedOf(name) {
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
}

async function capture(options) {
  // Loaded here: support.js reads TYOKYKY_DIST and TYOKYKY_INBOX_BIN, which the parent set for this build.
  const { Inbox, CHROMIUM, CHROMIUM_ARGS, signInAsWorker } = require(path.join(E2E, 'support.js'));
  const { walkQuestions } = require(path.join(E2E, 'flows.js'));
  const { chromium } = require(path.join(E2E, 'node_modules', 'playwright-core'));
  const into = path.resolve(options.into);
  fs.mkdirSync(into, { recursive: true });
  const only = options.only ? new RegExp(options.only) : null;
  const wanted = plan().filter(s => !only || only.test(s.key));
  const errors = {};

  const inbox = new Inbox();
  await inbox.start();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

  /** A fresh, signed-in context of `size` with the fixed clock, seeded randomness and fixed receipt times. */
  async function open(size, name) {
    const context = await browser.newContext({
      viewport: SIZES[size], deviceScaleFactor: 1, locale: 'fi-FI', timezoneId: 'Europe/Helsinki', reducedMotion: 'reduce',
    });
    await signInAsWorker(context);
    await context.clock.install({ time: new Date(FIXED_TIME) });
    await context.clock.setFixedTime(new Date(FIXED_TIME));
    await context.addInitScript(seededRandomness, seedOf(name));
    // The inbox's receipt carries its own clock's time, which the receipt shows: answered as the fixed time.
    await context.route(url => url.pathname === '/api/documents', async route => {
      if (route.request().method() !== 'POST') return route.fallback();
      const response = await route.fetch();
      const body = await response.text();
      let json;
      try { json = JSON.parse(body); } catch { return route.fulfill({ response, body }); }
      if (json && typeof json.received_at === 'string') json.received_at = FIXED_TIME;
      return route.fulfill({ response, body: JSON.stringify(json) });
    });
    const page = await context.newPage();
    page.on('pageerror', error => console.error(`  ${name}: page error: ${error.message}`));
    return { context, page };
  }

  async function chooseLanguage(page, lang) {
    if (await page.evaluate(() => document.documentElement.lang) !== lang) {
      await page.getByRole('button', { name: LANGUAGES[lang], exact: true }).click();
    }
    await page.waitForFunction(tag => document.documentElement.lang === tag, lang);
  }

  /** The whole page as `name`.png, once fonts are in and nothing moves. */
  async function photograph(page, name) {
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.fonts.ready.then(() => true));
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(into, `${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide', scale: 'css' });
    process.stdout.write('.');
  }

  /**
   * Takes the screen `key` if it is wanted; when it has folded parts (`<details>`: "why we ask", a service's
   * details, the law's references), also the screen with every one of them open, as `<screen>-open.…`, so
   * that the texts behind them are compared too. Then folds them again as they were.
   */
  async function shoot(page, key) {
    if (!wanted.some(s => s.key === key)) return;
    await photograph(page, key);
    const opened = await page.evaluate(() => {
      const closed = [...document.querySelectorAll('details:not([open])')];
      for (const details of closed) details.open = true;
      window.__compareScreensOpened = closed;
      return closed.length;
    });
    if (!opened) return;
    await photograph(page, openKey(key));
    await page.evaluate(() => { for (const details of window.__compareScreensOpened) details.open = false; });
  }

  /** Runs one set of screens, its failure recorded against the screens it did not reach. */
  async function run(set, keys, body) {
    if (!keys.some(key => wanted.some(s => s.key === key))) return;
    const { context, page } = await open(set.size, set.name);
    try {
      await body(page);
    } catch (error) {
      for (const key of keys) {
        if (!fs.existsSync(path.join(into, `${key}.png`))) errors[key] = error.message.split('\n')[0];
      }
      console.error(`\n  ${set.name}: ${error.message.split('\n')[0]}`);
    } finally {
      await context.close();
    }
  }

  try {
    for (const size of Object.keys(SIZES)) {
      for (const lang of Object.keys(LANGUAGES)) {
        const keys = SELF_SCREENS.map(screen => `${screen}.${size}.${lang}`);
        await run({ size, name: `self.${size}.${lang}` }, keys, async page => {
          const kiosk = size === 'kiosk';
          // A kiosk that waits an hour before wiping: its inactivity warning must not come up mid-run.
          await page.goto(inbox.base + (kiosk ? '/?mode=kiosk&idle=3600&warn=60' : '/'));
          await page.waitForSelector('#start');
          await chooseLanguage(page, lang);
          await shoot(page, `start.${size}.${lang}`);
          const check = id => p => p.locator(id).check();
          await walkQuestions(page, {
            work_ability_score: async p => {
              await shoot(p, `question.${size}.${lang}`);
              await p.locator('label[for=q-work_ability_score-6]').click();
            },
            right_now: check('#q-right_now-none'),
            illness_limits: check('#q-illness_limits-no'),
            activity: check('#q-activity-one_day_a_week'),
            job_seeker: check('#q-job_seeker-yes'),
            goal: check('#q-goal-work'),
            worries: check('#q-worries-debts'),
            own_words: p => p.locator('#q-own_words').fill('Haluaisin takaisin töihin, aluksi osa-aikaisesti.'),
          });
          await page.waitForSelector('#results');
          await shoot(page, `results.${size}.${lang}`);
          await page.locator('#ask-contact').click();
          await page.waitForSelector('#contact-form');
          await shoot(page, `contact.${size}.${lang}`);
          await page.locator('#contact-name').fill('Testi Henkilö');
          await page.locator('#contact-phone').fill('040 000 0000');
          await page.locator('#contact-consent').check();
          await page.locator('#send-contact').click();
          await page.waitForSelector('#receipt');
          await page.waitForSelector('#reference-code');
          await shoot(page, `receipt.${size}.${lang}`);
        });
      }
    }
    for (const lang of Object.keys(LANGUAGES)) {
      const keys = WORKER_SCREENS.map(screen => `${screen}.desktop.${lang}`);
      await run({ size: 'desktop', name: `worker.desktop.${lang}` }, keys, async page => {
        const step = async (hash, selector) => {
          await page.evaluate(to => { location.hash = to; }, hash);
          await page.waitForSelector(selector);
        };
        const check = async ids => { for (const id of ids) await page.locator('#' + id).check(); };
        await page.goto(inbox.base + '/worker.html#/worker');
        await page.waitForSelector('form#case-opening');
        await chooseLanguage(page, lang);
        await shoot(page, `worker-opening.desktop.${lang}`);
        // The case of the end-to-end tests (tests/e2e/flows.js fillCase), by the controls' ids.
        await check(['initiator-client']);
        await page.locator('#age').fill('36');
        await check(['urgent-no', 'highest_care_allowance-no', 'vpl_disabled-no', 'special_support-yes', 'has_dependants-no']);
        await step('#/worker/assessment', 'form#assessment');
        await shoot(page, `worker-assessment.desktop.${lang}`);
        await page.locator('#assessment_responsible_profession').selectOption('social_worker');
        await check(['assessment_responsible_in_office-yes']);
        await page.locator('#assessment_summary').fill('Pitkään työttömänä');
        await page.locator('#assessment_conclusions').fill('Asiakkuuden edellytykset täyttyvät');
        await page.locator('#assessment_client_view').fill('Haluaa takaisin työelämään');
        await check(['need_client-needed', 'need_professional-needed', 'needs_support-yes', 'need_nature-long-term', 'close_network_mapping-no']);
        await step('#/worker/plan', 'form#plan');
        await shoot(page, `worker-plan.desktop.${lang}`);
        await check(['goal-work', 'unemployed_job_seeker-yes', 'can_use_employment_services-yes', 'can_attend_half_days_weekly-yes',
          'illness_reduces_work_ability-no', 'service-tyokokeilu', 'plan_unnecessary-no', 'made_with_client-yes']);
        await page.locator('#item_support_need').fill('Tarvitsee tukea työelämään paluussa');
        await page.locator('#item_services_needed').fill('Työkokeilu ja omatyöntekijän tuki');
        await page.locator('#item_goals').fill('Työkokeilu alkaa maaliskuussa');
        await page.locator('#item_follow_up').fill('Tarkistetaan kolmen kuukauden kuluttua');
        await check(['joint_plan-no']);
        await step('#/worker/named-worker', 'form#named-worker');
        await page.locator('#named_worker_name').fill('Testi Sosionomi');
        await page.locator('#named_worker_profession').selectOption('sosionomi');
        await check(['named_worker_in_office-no']);
        await page.locator('#meeting_frequency').fill('Kahden viikon välein');
        await page.locator('#co_worker_profession').selectOption('social_worker');
        await check(['co_worker_in_office-yes']);
        await step('#/worker/summary', '#ready-to-finish');
        await shoot(page, `worker-summary.desktop.${lang}`);
      });
    }
  } finally {
    process.stdout.write('\n');
    await browser.close();
    await inbox.stop();
  }
  fs.writeFileSync(path.join(into, 'errors.json'), JSON.stringify(errors, null, 2));
}

// -------------------------------------------------------------------------------------------------------
// Compare: both builds captured, then each pair of screenshots pixel by pixel.
// -------------------------------------------------------------------------------------------------------

/** `png` on a canvas of `width`×`height`, the added part magenta (so that it counts as different). */
function padded(PNG, png, width, height) {
  if (png.width === width && png.height === height) return png.data;
  const out = new PNG({ width, height });
  for (let i = 0; i < out.data.length; i += 4) out.data.set([255, 0, 255, 255], i);
  PNG.bitblt(png, out, 0, 0, png.width, png.height, 0, 0);
  return out.data;
}

async function compare(options) {
  const { PNG } = require(path.join(E2E, 'node_modules', 'pngjs'));
  const { default: pixelmatch } = await import(path.join(E2E, 'node_modules', 'pixelmatch', 'index.js'));
  if (!options.before || !options.after) usage('--before and --after are needed');
  const out = path.resolve(options.out || path.join(E2E, 'out', 'screens'));
  const tolerance = options.tolerance === undefined ? 10 : Number(options.tolerance);
  if (!Number.isInteger(tolerance) || tolerance < 0) usage('--tolerance is a number of pixels');
  const defaultInbox = options.inbox || path.join(ROOT, 'target', 'debug', 'tyokyky-inbox');
  const builds = [
    { name: 'before', dist: options.before, inbox: options['before-inbox'] || defaultInbox },
    { name: 'after', dist: options.after, inbox: options['after-inbox'] || defaultInbox },
  ];
  for (const build of builds) {
    for (const [what, file] of [['app folder', path.join(build.dist, 'index.html')], ['inbox', build.inbox]]) {
      if (!fs.existsSync(file)) usage(`no ${what} for "${build.name}": ${file}`);
    }
  }
  fs.rmSync(out, { recursive: true, force: true });
  const errors = {};
  for (const build of builds) {
    const into = path.join(out, build.name);
    console.log(`${build.name}: ${path.resolve(build.dist)} served by ${path.resolve(build.inbox)}`);
    const args = [__filename, '--capture', '--into', into, ...(options.only ? ['--only', options.only] : [])];
    const child = spawnSync(process.execPath, args, {
      stdio: 'inherit',
      env: { ...process.env, TYOKYKY_DIST: path.resolve(build.dist), TYOKYKY_INBOX_BIN: path.resolve(build.inbox) },
    });
    if (child.status !== 0) {
      console.error(`capturing "${build.name}" failed (exit ${child.status})`);
      process.exit(1);
    }
    errors[build.name] = JSON.parse(fs.readFileSync(path.join(into, 'errors.json'), 'utf8'));
  }

  const only = options.only ? new RegExp(options.only) : null;
  const screens = plan().filter(s => !only || only.test(s.key));
  fs.mkdirSync(path.join(out, 'diff'), { recursive: true });
  const rows = [];
  let failed = 0;
  // Each screen, and after it the same screen with its folded parts open where either build has them.
  const exists = (build, key) => fs.existsSync(path.join(out, build.name, `${key}.png`));
  const compared = screens.flatMap(s => {
    const open = { ...s, key: openKey(s.key), screen: `${s.screen}-open`, optional: true };
    return builds.some(build => exists(build, open.key)) ? [s, open] : [s];
  });
  for (const { key, screen, size, lang, optional } of compared) {
    const files = builds.map(build => path.join(out, build.name, `${key}.png`));
    const missing = builds.filter((build, i) => !fs.existsSync(files[i]));
    if (missing.length) {
      failed += 1;
      const why = missing.map(build => `${build.name}: ${errors[build.name][key] || (optional ? 'nothing folded' : 'not taken')}`).join('; ');
      rows.push([screen, size, lang, 'UNREACHED', '', why]);
      continue;
    }
    const [a, b] = files.map(file => PNG.sync.read(fs.readFileSync(file)));
    const width = Math.max(a.width, b.width);
    const height = Math.max(a.height, b.height);
    const diff = new PNG({ width, height });
    const pixels = pixelmatch(padded(PNG, a, width, height), padded(PNG, b, width, height), diff.data, width, height, { threshold: 0.1 });
    const share = pixels / (width * height);
    const note = a.width !== b.width || a.height !== b.height ? `size ${a.width}×${a.height} → ${b.width}×${b.height}` : '';
    if (pixels > 0) fs.writeFileSync(path.join(out, 'diff', `${key}.png`), PNG.sync.write(diff));
    if (pixels > tolerance || note) failed += 1;
    rows.push([screen, size, lang, String(pixels), `${(share * 100).toFixed(4)} %`, note]);
  }
  const header = ['screen', 'size', 'language', 'pixels', 'share', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(row => row[i].length)));
  const line = row => row.map((cell, i) => (i === 3 || i === 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`${rows.length} screens, ${failed} differ or were not reached (tolerance ${tolerance} pixels); `
    + `screenshots in ${path.join(out, 'before')} and ${path.join(out, 'after')}, differences in ${path.join(out, 'diff')}`);
  process.exit(failed ? 1 : 0);
}

const options = parseArgs(process.argv.slice(2));
(options.capture ? capture(options) : compare(options)).catch(error => {
  console.error(error);
  process.exit(1);
});
