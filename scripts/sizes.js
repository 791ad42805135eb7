// Prints what the browser downloads from a built dist/ folder (scripts/build.sh) before the first question:
// every file of the public bundle raw, gzip -9 and brotli q11 (compressed as precompress.js compresses what is served), plus the
// language files of a person who does not start in Finnish (Finnish is built into the .wasm; another
// language's files are in dist/locales/<tag>/ and fetched when it is chosen, with those of the languages
// that stand in for it). The total counts the language that fetches the most: the worst case. Usage:
//   node scripts/sizes.js [dist] [--budget bench/size-budget.json]
// Then the same for the worker's page (the worker bundle). With --budget it fails (exit 1) when either gzip
// total exceeds its budget written in the repo; the bytes are deterministic, so this is not a timed test.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { compressed } = require('./precompress.js');

const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget');
const budgetFile = budgetAt >= 0 ? args.splice(budgetAt, 2)[1] : null;
const dist = path.resolve(args[0] || 'dist');
/** The sizes of the files of `folder` (not its subfolders), largest first; names relative to dist. */
function measure(folder) {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true })
    // The .gz and .br copies written by precompress.js are what this script measures, not more downloads.
    .filter(entry => entry.isFile() && !/\.(gz|br)$/.test(entry.name))
    .map(entry => {
      const bytes = fs.readFileSync(path.join(folder, entry.name));
      const { gzip, brotli } = compressed(bytes);
      return {
        file: path.relative(dist, path.join(folder, entry.name)), raw: bytes.length, gzip: gzip.length, brotli: brotli.length,
      };
    })
    .sort((a, b) => b.raw - a.raw);
}

// Two bundles share dist/: the public one (index.html, embed.js, tyokyky-*) and the worker one
// (worker.html, embed-worker.js, tyokyky-worker-*, worker-*.css); they share main-*.css and the language files.
const isWorker = row => /^(worker\.html|embed-worker\.js|tyokyky-worker-|worker-[0-9a-f]+\.css)/.test(row.file);
const isShared = row => /\.css$/.test(row.file) && !isWorker(row);
const all = measure(dist);
const rows = all.filter(row => !isWorker(row));
const sum = (list, name) => list.reduce((total, row) => ({
  file: name, raw: total.raw + row.raw, gzip: total.gzip + row.gzip, brotli: total.brotli + row.brotli,
}), { file: name, raw: 0, gzip: 0, brotli: 0 });
// Each language folder (dist/locales/<tag>/) with the languages that stand in for it (`fallback` of its
// language.toml, in turn; Finnish is built in): what choosing it fetches, `file` of each folder summed.
const localesDir = path.join(dist, 'locales');
const folders = fs.existsSync(localesDir)
  ? fs.readdirSync(localesDir, { withFileTypes: true }).filter(entry => entry.isDirectory()).map(entry => entry.name).sort()
  : [];
function fallbacks(tag) {
  const file = path.join(localesDir, tag, 'language.toml');
  if (!fs.existsSync(file)) return [];
  const line = /^fallback\s*=\s*\[([^\]]*)\]/m.exec(fs.readFileSync(file, 'utf8'));
  return line ? [...line[1].matchAll(/"([^"]+)"/g)].map(match => match[1]) : [];
}
function chain(tag) {
  const seen = [tag];
  for (let at = 0; at < seen.length; at += 1) {
    for (const next of fallbacks(seen[at])) if (!seen.includes(next)) seen.push(next);
  }
  return seen;
}
function fetched(tag, names, withFinnish) {
  const rows = chain(tag)
    .filter(each => withFinnish || each !== 'fi')
    .flatMap(each => measure(path.join(localesDir, each)).filter(row => names.includes(path.basename(row.file))));
  return rows.length ? sum(rows, rows.length > 1 ? `${tag}: ${rows.map(row => row.file).join(' + ')}` : rows[0].file) : null;
}
// Its messages and its translations of the rules' texts (the bundles carry the Finnish alone).
// The languages the switch offers (locales/languages.toml); the pseudo-locales of the tests are not.
const offeredFile = path.join(localesDir, 'languages.toml');
const offered = fs.existsSync(offeredFile)
  ? [...(/^offered\s*=\s*\[([^\]]*)\]/m.exec(fs.readFileSync(offeredFile, 'utf8'))?.[1] || '').matchAll(/"([^"]+)"/g)].map(match => match[1])
  : folders;
const languages = folders.filter(tag => tag !== 'fi' && offered.includes(tag))
  .map(tag => fetched(tag, ['citizen.ftl', 'texts.ftl'], false)).filter(Boolean);
const largestOf = list => list.reduce((max, row) => (max && max.gzip >= row.gzip ? max : row), null);
const largest = largestOf(languages);
const total = sum(rows.concat(largest ? [largest] : []), largest ? `total (with ${largest.file})` : 'total');
const line = row => `${row.file.padEnd(40)} ${String(row.raw).padStart(9)} ${String(row.gzip).padStart(9)} ${String(row.brotli).padStart(9)}`;
console.log(`${'public bundle (bytes)'.padEnd(40)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)} ${'brotli'.padStart(9)}`);
rows.forEach(row => console.log(line(row)));
if (languages.length) {
  console.log('languages fetched when chosen (the largest counts in the total):');
  languages.forEach(row => console.log(line(row)));
}
console.log(line(total));

// The worker's page: its own files, the stylesheet, and the most a worker in one language fetches.
const workerRows = all.filter(row => isWorker(row) || isShared(row));
let workerTotal = null;
if (workerRows.some(isWorker)) {
  // What a worker in each offered language fetches besides the bundle: its public files (citizen.ftl and
  // texts.ftl, none for Finnish), its worker flow's (worker.ftl, and worker-texts.ftl for the texts only
  // the worker flow shows), and, when its worker flow lacks something, the worker flow's files of the
  // languages standing in for it (Finnish's worker.ftl last) — as src/state/i18n.rs fetches them. The
  // largest counts. Whole: every message of Finnish's worker.ftl, and all of the texts, as the first line
  // of worker-texts.ftl counts them (`### N of the N texts only the worker flow shows`).
  const ids = file => fs.existsSync(file)
    ? new Set([...fs.readFileSync(file, 'utf8').matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map(match => match[1]))
    : new Set();
  const finnishWorker = ids(path.join(localesDir, 'fi', 'worker.ftl'));
  const whole = tag => {
    const own = ids(path.join(localesDir, tag, 'worker.ftl'));
    const textsFile = path.join(localesDir, tag, 'worker-texts.ftl');
    const counted = fs.existsSync(textsFile) ? /^### (\d+) of the (\d+) /.exec(fs.readFileSync(textsFile, 'utf8')) : null;
    return tag === 'fi' || ([...finnishWorker].every(id => own.has(id)) && counted && counted[1] === counted[2]);
  };
  const named = (tag, names) => measure(path.join(localesDir, tag)).filter(row => names.includes(path.basename(row.file)));
  const workerLanguages = folders.filter(tag => offered.includes(tag))
    .map(tag => {
      const rows = (tag === 'fi' ? [] : named(tag, ['citizen.ftl', 'texts.ftl']))
        .concat(named(tag, ['worker.ftl', 'worker-texts.ftl']))
        .concat(whole(tag) ? [] : chain(tag).filter(each => each !== tag).flatMap(each => named(each, ['worker.ftl', 'worker-texts.ftl'])));
      return rows.length ? sum(rows, `${tag}: ${rows.map(row => row.file).join(' + ')}`) : null;
    })
    .filter(Boolean);
  const largestWorker = largestOf(workerLanguages);
  const counted = workerRows.concat(largestWorker ? [largestWorker] : []);
  workerTotal = sum(counted, 'worker total (with the largest languages)');
  console.log(`\n${'worker bundle (bytes)'.padEnd(40)}`);
  workerRows.forEach(row => console.log(line(row)));
  workerLanguages.forEach(row => console.log(line(row)));
  console.log(line(workerTotal));
}

if (budgetFile) {
  const budget = JSON.parse(fs.readFileSync(budgetFile, 'utf8'));
  const over = total.gzip - budget.total_gzip_bytes;
  const goal = `goal ${budget.goal_gzip_bytes} B (${(total.gzip / budget.goal_gzip_bytes).toFixed(2)}× of it now)`;
  let failed = false;
  if (over > 0) {
    console.error(`size budget exceeded: public bundle ${total.gzip} B gzip > ${budget.total_gzip_bytes} B in ${budgetFile} (by ${over} B); ${goal}`);
    failed = true;
  } else {
    console.log(`size budget: public bundle ${total.gzip} B gzip of ${budget.total_gzip_bytes} B allowed (${-over} B to spare); ${goal}`);
  }
  if (!workerTotal) {
    console.error('size budget: no worker bundle in the folder (build both with scripts/build.sh)');
    failed = true;
  } else {
    const workerOver = workerTotal.gzip - budget.worker_total_gzip_bytes;
    if (workerOver > 0) {
      console.error(`size budget exceeded: worker bundle ${workerTotal.gzip} B gzip > ${budget.worker_total_gzip_bytes} B (by ${workerOver} B)`);
      failed = true;
    } else {
      console.log(`size budget: worker bundle ${workerTotal.gzip} B gzip of ${budget.worker_total_gzip_bytes} B allowed (${-workerOver} B to spare)`);
    }
  }
  if (failed) process.exit(1);
}
