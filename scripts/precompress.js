// Writes a gzip (-9) and a brotli (q11) copy beside every text and .wasm file of a built app folder, so a
// server sends the bytes the size budget counts without compressing on every request: the reference inbox
// serves `<file>.br` or `<file>.gz` when the browser accepts it, and nginx does the same with
// `gzip_static on` / `brotli_static on`. Called by externalize-loader.js as the last step of a trunk build;
// by hand: `node scripts/precompress.js dist`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const COMPRESSIBLE = /\.(wasm|js|css|html|ftl|json|svg)$/;

/** Every compressible file under `folder` (subfolders too), as paths. */
function files(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return files(full);
    return entry.isFile() && COMPRESSIBLE.test(entry.name) ? [full] : [];
  });
}

/** `bytes` as gzip -9 and brotli q11: what is served, and what scripts/sizes.js counts. */
function compressed(bytes) {
  return {
    gzip: zlib.gzipSync(bytes, { level: 9 }),
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  };
}

/** Compresses every file of `folder`; returns how many. */
function precompress(folder) {
  const found = files(folder);
  for (const file of found) {
    const { gzip, brotli } = compressed(fs.readFileSync(file));
    fs.writeFileSync(`${file}.gz`, gzip);
    fs.writeFileSync(`${file}.br`, brotli);
  }
  return found.length;
}

module.exports = { compressed, precompress };

if (require.main === module) {
  const folder = process.argv[2];
  if (!folder || !fs.existsSync(folder)) {
    console.error('usage: node scripts/precompress.js <built app folder>');
    process.exit(2);
  }
  console.log(`precompress: ${precompress(folder)} files in ${folder}`);
}
