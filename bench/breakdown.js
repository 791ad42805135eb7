// Where the bytes of a bundle's WebAssembly are: twiggy's item sizes summed by owner (the app's modules, the
// engine's layers, each crate, the data segments), so that a cut can be aimed and measured.
//
//   cargo install twiggy --locked            # once (not installed by scripts/setup.sh)
//   scripts/build.sh                         # or trunk build --release: leaves the named .wasm in target/
//   node bench/breakdown.js [tyokyky|tyokyky-worker] [--top N]
//
// It reads target/wasm32-unknown-unknown/release/<bin>.wasm, the module as rustc wrote it: before
// wasm-bindgen and wasm-opt, so with the functions' names. Those later steps drop the bindings' describe
// functions and shrink the rest by about a fifth; the shares among what is left are what this prints. The
// names section and wasm-bindgen's custom section are left out of the total.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 40;
const bin = args.find((arg, index) => !arg.startsWith('--') && index !== topIndex + 1) || 'tyokyky';
const wasm = path.join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', `${bin}.wasm`);
if (!fs.existsSync(wasm)) {
  console.error(`no ${wasm}: build the app first (scripts/build.sh)`);
  process.exit(1);
}

let csv;
try {
  csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 30 });
} catch (error) {
  console.error(`twiggy failed (cargo install twiggy --locked): ${error.message}`);
  process.exit(1);
}

/** A CSV line of twiggy's: the name may be quoted and hold commas. */
function fields(line) {
  const out = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { current += '"'; i += 1; } else if (c === '"') quoted = false; else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(current); current = ''; } else current += c;
  }
  out.push(current);
  return out;
}

/** The owner of an item: a module of the app or the engine, a crate, the data, or the bindings' glue. */
function owner(name) {
  if (name.startsWith('custom section') || name.endsWith('names" subsection')) return null;
  if (name.startsWith('data segment') || /^data\[\d+\]$/.test(name)) return 'data segments (embedded rules, catalogue, questionnaire, messages; tables)';
  if (/__wbindgen_describe|wasm_bindgen::describe|^import |^export /.test(name)) return 'bindings (describe functions, imports, exports; mostly gone after wasm-bindgen)';
  // The first path in the name: `<a::B as c::D>::f` is owned by a::B, `a::b::f` by a.
  const match = /([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::([A-Za-z_][A-Za-z0-9_]*)(?:::([A-Za-z_][A-Za-z0-9_]*))?/.exec(name);
  if (!match) return 'other';
  const [, crate, second, third] = match;
  if (crate === 'tyokyky') return `app: ${second}${third && /^[a-z_]+$/.test(third) ? `::${third}` : ''}`;
  if (crate === 'tyokyky_engine') return `engine: ${second}`;
  if (['serde', 'serde_core', 'serde_json', 'serde_derive'].includes(crate)) return 'serde, serde_json';
  if (crate.startsWith('fluent') || ['intl_memoizer', 'intl_pluralrules', 'unic_langid_impl', 'type_map'].includes(crate)) return 'fluent and its locale crates';
  if (['core', 'alloc', 'std', 'dlmalloc', 'hashbrown'].includes(crate)) return `${crate} (standard library)`;
  return crate;
}

const totals = new Map();
let sum = 0;
for (const line of csv.split('\n').slice(1)) {
  if (!line.trim()) continue;
  const [name, size] = fields(line);
  const who = owner(name);
  if (who === null) continue;
  const bytes = Number(size);
  totals.set(who, (totals.get(who) || 0) + bytes);
  sum += bytes;
}
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
console.log(`${bin}.wasm before wasm-bindgen and wasm-opt, commit ${commit}: ${sum.toLocaleString('en')} bytes of code and data`);
const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]);
for (const [who, bytes] of rows.slice(0, top)) {
  console.log(`${bytes.toString().padStart(9)}  ${((100 * bytes) / sum).toFixed(1).padStart(5)} %  ${who}`);
}
if (rows.length > top) {
  const rest = rows.slice(top).reduce((total, [, bytes]) => total + bytes, 0);
  console.log(`${rest.toString().padStart(9)}  ${((100 * rest) / sum).toFixed(1).padStart(5)} %  ${rows.length - top} more owners`);
}
