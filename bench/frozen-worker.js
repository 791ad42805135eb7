// What the browser alone costs on the worker's page: the worker's assessment step, filled as bench/browser.js
// fills it, is frozen into a plain page (its elements, form state and styles, no script of the app) with the
// plain page's handler (bench/floor/index.html): every change rewrites a short list, here at the top of the
// findings panel. Its input latency is timed beside the plain page and the live worker step, in one run,
// with bench/browser.js's probe, throttling and inputs. The frozen page's ratio to the plain page is what
// style, layout and paint of a page of this size and these styles cost before the app does anything.
//
//   node bench/frozen-worker.js [--inputs N] [--keep FILE]
//
// --inputs: timed inputs per page (200; the plain page's in two halves around the others); --keep: also write
// the frozen page to FILE, to look at.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const bench = require('./browser.js');

const WORKER = bench.LATENCY_SCREENS.find(screen => screen.name === 'worker-assessment');

/** The same inputs as the live worker step; the region is where the frozen handler writes. */
const FROZEN_SCREEN = {
  name: 'frozen-worker', label: 'frozen worker assessment step (no app), a short list rewritten in its findings panel',
  short: 'frozen worker page (no app)',
  route: '/', ready: 'form#assessment', region: '.tk-findings',
  inputs: WORKER.inputs,
};

/**
 * Runs in the live page: its markup with the form's state written as attributes, every stylesheet's rules
 * inlined, the app's scripts and links removed, and the plain handler added.
 */
function freeze() {
  for (const input of document.querySelectorAll('input')) {
    if (input.checked) input.setAttribute('checked', '');
    else input.removeAttribute('checked');
    if (input.type !== 'radio' && input.type !== 'checkbox') input.setAttribute('value', input.value);
  }
  for (const area of document.querySelectorAll('textarea')) area.textContent = area.value;
  for (const option of document.querySelectorAll('option')) {
    if (option.selected) option.setAttribute('selected', '');
    else option.removeAttribute('selected');
  }
  const css = [...document.styleSheets].map(sheet => [...sheet.cssRules].map(rule => rule.cssText).join('\n')).join('\n');
  const clone = document.documentElement.cloneNode(true);
  for (const node of clone.querySelectorAll('script, link, style, noscript')) node.remove();
  const style = document.createElement('style');
  style.textContent = css;
  clone.querySelector('head').append(style);
  const list = document.createElement('ul');
  list.id = 'frozen-lines';
  clone.querySelector('.tk-findings h2').after(list);
  const script = document.createElement('script');
  script.textContent = `'use strict';
    const lines = document.getElementById('frozen-lines');
    function render() {
      const form = document.querySelector('form#assessment');
      const checked = [...form.querySelectorAll('input:checked')].slice(0, 4).map(input => input.name + ': ' + input.value);
      const select = form.querySelector('select');
      const area = form.querySelector('textarea');
      const texts = [...checked, 'Valinta: ' + (select ? select.value || 'ei valittu' : '-'),
        'Yhteenveto: ' + (area ? area.value.length : 0) + ' merkkiä', 'Muutoksia: ' + (++render.count)];
      lines.replaceChildren(...texts.map(text => { const line = document.createElement('li'); line.textContent = text; return line; }));
    }
    render.count = 0;
    document.addEventListener('change', render);
    document.addEventListener('input', render);
    render();`;
  clone.querySelector('body').append(script);
  return { html: `<!doctype html>\n${clone.outerHTML}`, elements: document.body.querySelectorAll('*').length };
}

function parseArgs(argv) {
  const options = { inputs: 200, keep: null };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--inputs') options.inputs = Number(argv[++i]);
    else if (argv[i] === '--keep') options.keep = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!(options.inputs >= 2)) throw new Error('--inputs needs a number of at least 2');
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const inbox = new bench.Inbox();
  let browser = null;
  const servers = [];
  try {
    browser = await bench.chromium.launch({ executablePath: bench.CHROMIUM, headless: true, args: bench.CHROMIUM_ARGS });
    const base = await inbox.start();
    // The worker step, filled at full speed, frozen.
    const errors = [];
    const { context, page } = await bench.openThrottled(browser, bench.LOOPBACK, errors, 1);
    await page.goto(base + WORKER.route);
    await page.waitForSelector(WORKER.ready, { timeout: 60000 });
    await WORKER.open(page);
    await page.waitForSelector('.tk-findings .tk-finding');
    const frozen = await page.evaluate(freeze);
    await context.close();
    if (errors.length) throw new Error(errors.join('\n'));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tyokyky-frozen-')), 'index.html');
    fs.writeFileSync(file, frozen.html);
    if (options.keep) fs.copyFileSync(file, options.keep);
    const floor = await bench.serveFloor(bench.FLOOR_PAGE);
    servers.push(floor);
    const copy = await bench.serveFloor(file);
    servers.push(copy);

    console.log('tyokyky: the worker page frozen, beside the plain page and the live worker step');
    console.log(`commit ${bench.gitCommit()}, build dist/${bench.distBuild()}, ${new Date().toISOString()}, `
      + `Chromium ${browser.version()}, load average ${os.loadavg().map(v => v.toFixed(2)).join(' ')}`);
    console.log(`the frozen page: ${frozen.elements} elements in its body, ${copy.bytes.raw} B (${copy.bytes.brotli} B brotli)`);
    const half = Math.ceil(options.inputs / 2);
    const floorFirst = await bench.measureLatency(browser, floor.base, bench.FLOOR_LATENCY_SCREEN, half);
    const frozenResult = await bench.measureLatency(browser, copy.base, FROZEN_SCREEN, options.inputs);
    bench.printLatency(frozenResult);
    const live = await bench.measureLatency(browser, base, WORKER, options.inputs);
    bench.printLatency(live);
    const floorSecond = await bench.measureLatency(browser, floor.base, bench.FLOOR_LATENCY_SCREEN, options.inputs - half);
    const floorResult = bench.joinLatency(bench.FLOOR_LATENCY_SCREEN, floorFirst, floorSecond);
    bench.printLatency(floorResult);
    bench.compareLatencyWithFloor(floorResult, [frozenResult, live], [bench.FLOOR_LATENCY_SCREEN, FROZEN_SCREEN, WORKER]);
  } finally {
    if (browser) await browser.close();
    for (const server of servers) await server.close();
    await inbox.stop();
  }
}

main().catch(error => {
  console.error(`\nbenchmark failed: ${error.stack || error}`);
  process.exitCode = 1;
});
