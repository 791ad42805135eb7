// Prints what the browser downloads from a built dist/ folder: every file raw, gzip -9 and brotli q11
// (node's zlib; there is no brotli CLI on these machines). Usage: node scripts/sizes.js [dist]
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const dist = path.resolve(process.argv[2] || 'dist');
const rows = fs.readdirSync(dist, { withFileTypes: true })
  .filter(entry => entry.isFile())
  .map(entry => {
    const bytes = fs.readFileSync(path.join(dist, entry.name));
    return {
      file: entry.name,
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
  })
  .sort((a, b) => b.raw - a.raw);
const total = rows.reduce((sum, row) => ({
  file: 'total', raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli,
}), { raw: 0, gzip: 0, brotli: 0 });
const line = row => `${row.file.padEnd(40)} ${String(row.raw).padStart(9)} ${String(row.gzip).padStart(9)} ${String(row.brotli).padStart(9)}`;
console.log(`${'file (bytes)'.padEnd(40)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)} ${'brotli'.padStart(9)}`);
rows.forEach(row => console.log(line(row)));
console.log(line(total));
