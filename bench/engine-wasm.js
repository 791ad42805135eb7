// Runs the WASM engine benchmark (bench/engine-wasm) in headless Chromium and prints a table.
//
//   node bench/engine-wasm.js [--quick] <dir>...
//
// Every <dir> is a `wasm-bindgen --target web` output of tyokyky-bench-engine-wasm (bench/engine-wasm.sh
// makes them); an optional <dir>/variant.txt names the build in the table. Each dir is served on a loopback
// port with node:http and opened in Chromium, which imports the module and calls `run(iterations, rounds)`.
//
// Timing: Chromium coarsens `performance.now()` (100 µs on an ordinary page, 5 µs on a cross-origin
// isolated one, plus jitter), while one evaluation takes microseconds. So each round times many
// evaluations (ITERATIONS) and divides, and the page is served with COOP/COEP so that it is cross-origin
// isolated and gets the finer clock. The table gives the median, min and max over the rounds.
// `--quick` (CI smoke run) uses few iterations: its figures only show that everything runs.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const { chromium } = require(path.join(ROOT, 'tests/e2e/node_modules/playwright-core'));

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const GOAL_US = 50;
const MODULE = 'tyokyky_bench_engine_wasm.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const dirs = args.filter(arg => arg !== '--quick');
// The same rounds and iterations as the native bench (engine/benches/evaluate.rs) unless quick.
const ITERATIONS = quick ? 50 : 20000;
const ROUNDS = quick ? 3 : 9;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };
const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>engine bench</title><link rel="icon" href="data:,"></head><body></body></html>';

/** Serves `dir` (and an empty page at `/`) on 127.0.0.1, cross-origin isolated; resolves to the server. */
function serve(dir) {
  const server = http.createServer((request, response) => {
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store' };
    const name = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (name === '/') {
      response.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] });
      response.end(PAGE);
      return;
    }
    const file = path.join(dir, path.normalize(name));
    const type = TYPES[path.extname(file)];
    if (!file.startsWith(dir + path.sep) || !type || !fs.existsSync(file)) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': type });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** Runs the benchmark of one build in a fresh page; resolves to its report and the page's clock facts. */
async function bench(browser, dir) {
  const server = await serve(dir);
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  page.on('response', response => { if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`); });
  page.on('console', message => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const result = await page.evaluate(async ({ module, iterations, rounds }) => {
      const wasm = await import(`/${module}`);
      await wasm.default();
      return { json: wasm.run(iterations, rounds), isolated: self.crossOriginIsolated };
    }, { module: MODULE, iterations: ITERATIONS, rounds: ROUNDS });
    if (problems.length) throw new Error(problems.join('\n'));
    return { report: JSON.parse(result.json), isolated: result.isolated };
  } finally {
    await page.close();
    server.close();
  }
}

function git(...command) {
  try {
    return execFileSync('git', command, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '?';
  }
}

const us = ns => (ns / 1000).toFixed(2);

async function main() {
  if (dirs.length === 0) throw new Error('usage: node bench/engine-wasm.js [--quick] <dir>...');
  const started = Date.now();
  const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : '';
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    console.log('WASM engine benchmark: rules/ evaluated for the cases of bench/engine-cases.json');
    console.log(`date:      ${new Date().toISOString()}`);
    console.log(`commit:    ${git('rev-parse', '--short', 'HEAD')}${dirty}`);
    console.log(`chromium:  ${browser.version()} (${CHROMIUM}, headless)`);
    console.log(`command:   ${process.env.BENCH_COMMAND || `node bench/engine-wasm.js ${args.join(' ')}`}`);
    console.log(`rounds:    ${ROUNDS} x ${ITERATIONS} evaluations (after 1 uncounted warm-up round); µs per evaluation${quick ? ' — QUICK: smoke run, figures not meaningful' : ''}`);
    let failed = false;
    for (const dir of dirs.map(d => path.resolve(d))) {
      const variantFile = path.join(dir, 'variant.txt');
      const variant = fs.existsSync(variantFile) ? fs.readFileSync(variantFile, 'utf8').trim() : path.basename(dir);
      const wasmFile = path.join(dir, 'tyokyky_bench_engine_wasm_bg.wasm');
      const size = fs.existsSync(wasmFile) ? `${(fs.statSync(wasmFile).size / 1024).toFixed(0)} KiB` : '? KiB';
      console.log('');
      console.log(`build:     ${variant}; ${size} of WASM`);
      let result;
      try {
        result = await bench(browser, dir);
      } catch (error) {
        console.log(`FAILED: ${error.message}`);
        failed = true;
        continue;
      }
      const { report, isolated } = result;
      console.log(`rule set:  ${report.rules} rules in ${report.versions} versions; RuleSet::from_json once: ${report.load_ms.toFixed(1)} ms; crossOriginIsolated: ${isolated}`);
      const width = Math.max(4, ...report.cases.map(c => c.name.length));
      console.log(`${'case'.padEnd(width)}  ${'median µs'.padStart(9)}  ${'min'.padStart(7)}  ${'max'.padStart(7)}  ${'findings'.padStart(8)}  goal ≤ ${GOAL_US} µs`);
      for (const c of report.cases) {
        const goal = c.median_ns <= GOAL_US * 1000 ? 'met' : 'MISSED';
        console.log(`${c.name.padEnd(width)}  ${us(c.median_ns).padStart(9)}  ${us(c.min_ns).padStart(7)}  ${us(c.max_ns).padStart(7)}  ${String(c.findings).padStart(8)}  ${goal}`);
      }
      if (report.cases.length === 0) {
        console.log('FAILED: no cases');
        failed = true;
      }
    }
    console.log('');
    console.log(`browser run: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (failed) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

// A hung page must not hang CI.
const watchdog = setTimeout(() => { console.error('engine-wasm.js: timed out after 300 s'); process.exit(1); }, 300_000);
watchdog.unref();

main().catch(error => {
  console.error(error && error.stack ? error.stack : error);
  process.exitCode = 1;
});
