// Prints what the browser downloads from a built dist/ folder before the first question: every file of the
// folder raw, gzip -9 and brotli q11 (compressed as precompress.js compresses what is served), plus the
// language file of a person who does not start in Finnish (Finnish is built into the .wasm; the others are
// in dist/locales/ and fetched when chosen). The total counts the largest of them: the worst case. Usage:
//   node scripts/sizes.js [dist] [--budget bench/size-budget.json]
// With --budget it fails (exit 1) when that gzip total exceeds the budget written in the repo; the bytes are
// deterministic, so this is not a timed test.
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

const rows = measure(dist);
// Finnish is built in; its file is in dist/locales/ only for hosts that want it.
const languages = measure(path.join(dist, 'locales')).filter(row => path.basename(row.file) !== 'fi.ftl');
const largest = languages.reduce((max, row) => (max && max.gzip >= row.gzip ? max : row), null);
const total = rows.concat(largest ? [largest] : []).reduce((sum, row) => ({
  file: 'total', raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli,
}), { raw: 0, gzip: 0, brotli: 0 });
if (largest) total.file = `total (with ${largest.file})`;
const line = row => `${row.file.padEnd(40)} ${String(row.raw).padStart(9)} ${String(row.gzip).padStart(9)} ${String(row.brotli).padStart(9)}`;
console.log(`${'file (bytes)'.padEnd(40)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)} ${'brotli'.padStart(9)}`);
rows.forEach(row => console.log(line(row)));
if (languages.length) {
  console.log('languages fetched when chosen (the largest counts in the total):');
  languages.forEach(row => console.log(line(row)));
}
console.log(line(total));

if (budgetFile) {
  const budget = JSON.parse(fs.readFileSync(budgetFile, 'utf8'));
  const over = total.gzip - budget.total_gzip_bytes;
  const goal = `goal ${budget.goal_gzip_bytes} B (${(total.gzip / budget.goal_gzip_bytes).toFixed(2)}× of it now)`;
  if (over > 0) {
    console.error(`size budget exceeded: ${total.gzip} B gzip > ${budget.total_gzip_bytes} B in ${budgetFile} (by ${over} B); ${goal}`);
    process.exit(1);
  }
  console.log(`size budget: ${total.gzip} B gzip of ${budget.total_gzip_bytes} B allowed (${-over} B to spare); ${goal}`);
}
