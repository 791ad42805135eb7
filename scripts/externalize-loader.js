// Trunk post-build hook: moves trunk's inline loader out of the page, so the app runs under a strict
// Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'`, no inline script), and gives host
// pages one stable file to load (the glue and the .wasm keep their hashed names). Two bundles are built
// (scripts/build.sh): the public one from index.html, whose loader is `embed.js`, and the worker one
// from worker.html, whose loader is `embed-worker.js` and whose page, which trunk writes as index.html,
// is renamed worker.html.
//
// embed.js loads the glue relative to its own address, adds the stylesheet if the page lacks it, starts
// the app (which mounts itself into every `[data-tyokyky]` element, or the whole page) and exports
// `mount(element, config)` for hosts that mount by hand.
//
// For the public bundle it also writes `sw.js`, the service worker that embed.js registers on a kiosk that
// owns its page: it keeps the app's own files (the page, embed.js, the glue, the .wasm, the stylesheet and
// the language files; never an /api/ answer) in the cache `tyokyky-app-files`, which the kiosk's wipe keeps
// on purpose (src/web/kiosk.rs), so a wipe or a reload while the connection is down shows the start screen.
// Files with a content hash are served from the cache first; the page and the other files from the
// network first, the cached copy when there is no answer.
//
// It minifies wasm-bindgen's JavaScript glue with terser (installed by scripts/setup.sh) and puts the new
// integrity hash in the page. Last, it writes the compressed copies of every file that a server sends
// (scripts/precompress.js).
'use strict';

const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('externalize-loader: TRUNK_STAGING_DIR is not set (run it as a trunk post_build hook)');
  process.exit(1);
}
const worker = path.basename(process.env.TRUNK_HTML_FILE || 'index.html') === 'worker.html';
const loaderName = worker ? 'embed-worker.js' : 'embed.js';
const indexPath = path.join(staging, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

// The page is minified in release builds (attributes without quotes where they need none).
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/.exec(html);
if (!inline) {
  console.error('externalize-loader: no inline module script in index.html; trunk changed its output');
  process.exit(1);
}
const glue = /from '\/?([^']+\.js)'/.exec(inline[1]);
const wasm = /module_or_path: '\/?([^']+\.wasm)'/.exec(inline[1]);
// The stylesheets in the page's order: main.css, and for the worker bundle worker.css after it.
const sheets = [...html.matchAll(/<link [^>]*rel="?stylesheet"?[^>]*>/g)]
  .map(link => [link[0], /href="?\/?([^"\s>]+\.css)/.exec(link[0])?.[1]])
  .filter(sheet => sheet[1]);
if (!glue || !wasm || !sheets.length) {
  console.error('externalize-loader: cannot find the glue, the .wasm or the stylesheet in index.html');
  process.exit(1);
}

// wasm-bindgen's glue, minified (trunk minifies the page and the stylesheet but not the glue), and the
// page's integrity hash of it made anew.
const gluePath = path.join(staging, glue[1]);
execFileSync('terser', [gluePath, '--module', '--compress', '--mangle', '--output', gluePath], { stdio: 'inherit' });
const integrity = `sha384-${crypto.createHash('sha384').update(fs.readFileSync(gluePath)).digest('base64')}`;
const glueLink = new RegExp(`<link [^>]*href="?/?${glue[1].replace(/[.]/g, '\\.')}"?[^>]*>`);
const preload = glueLink.exec(html);
if (!preload || !/integrity=/.test(preload[0])) {
  console.error('externalize-loader: cannot find the preload link of the glue with its integrity hash');
  process.exit(1);
}
html = html.replace(preload[0], preload[0].replace(/integrity="?sha384-[^"\s>]+"?/, `integrity="${integrity}"`));

// The loading shell paints with the page alone: its few rules (the component's custom properties, the page's
// body, the shell's name and status) are copied from the built stylesheet into the page, and the stylesheets
// are only preloaded by the page (fetched at once, blocking nothing); the loader links them, as it does on a
// host's page, long before the app has anything to show. On a slow connection the shell then shows as soon
// as the page arrives, a round trip or more before the stylesheet would. The inbox allows this inline style
// by its hash in its Content-Security-Policy (inbox/src/api.rs).
const css = fs.readFileSync(path.join(staging, sheets[0][1]), 'utf8');
const shellRules = css.match(/(:where\(\[data-tyokyky\]\)|body:has\(>\s?\[data-owns-page\]\)|\.tk-shell__name|\.tk-shell__status,\.tk-shell__failed)\{[^}]*\}/g) || [];
if (shellRules.length !== 4) {
  console.error(`externalize-loader: found ${shellRules.length} of the 4 rules of the loading shell in ${sheets[0][1]}`);
  process.exit(1);
}
const integrityOf = link => (/integrity="?(sha384-[^"\s>]+)/.exec(link) || [])[1] || '';
for (const [link] of sheets) html = html.replace(link, link.replace(/rel="?stylesheet"?/, 'as=style rel=preload'));
if (!html.includes('</title>')) {
  console.error('externalize-loader: the page has no </title> to place the styles by');
  process.exit(1);
}
html = html.replace('</title>', `</title><style>${shellRules.join('')}</style>`);

const loader = `// tyokyky loader: a stable name for host pages (made by scripts/externalize-loader.js at build time).
const base = new URL('./', import.meta.url);
for (const [sheet, integrity] of ${JSON.stringify(sheets.map(sheet => [sheet[1], integrityOf(sheet[0])]))}) {
  const name = sheet.replace(/-[0-9a-f]+\\.css$/, '');
  if (!document.querySelector(\`link[data-tyokyky-css="\${name}"]\`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    // The integrity the page's own preload has (on a host's page of another origin the stylesheet is
    // fetched without CORS, where an integrity attribute would block it).
    if (base.origin === location.origin) link.integrity = integrity;
    link.href = new URL(sheet, base).href;
    link.dataset.tyokykyCss = name;
    document.head.append(link);
  }
}
// The page's loading shell (index.html, worker.html) says "loading" in the browser's language, and says
// so when the app cannot start.
const elements = document.querySelectorAll('[data-tyokyky]');
const lang = [...(navigator.languages || []), navigator.language].map(tag => String(tag).slice(0, 2)).find(tag => ['fi', 'sv', 'en'].includes(tag)) || 'fi';
for (const shell of document.querySelectorAll('[data-tyokyky-shell]')) {
  for (const part of shell.querySelectorAll('[lang]')) if (part.lang !== lang) part.remove();
}
const failed = {
  fi: ['Työkyvyn tuki', 'Palvelu ei käynnistynyt. Tarkista verkkoyhteys ja lataa sivu uudelleen, tai käytä uudempaa selainta.'],
  sv: ['Stöd för arbetsförmågan', 'Tjänsten startade inte. Kontrollera nätverket och ladda om sidan, eller använd en nyare webbläsare.'],
  en: ['Work ability support', 'The service did not start. Check your connection and reload the page, or use a newer browser.'],
};
let glue;
try {
  if (typeof WebAssembly !== 'object') throw new Error('no WebAssembly');
  glue = await import(new URL('${glue[1]}', base).href);
  await glue.default({ module_or_path: new URL('${wasm[1]}', base) });
} catch (error) {
  // The page the app owns gets its main landmark and heading; inside a host's page, the message alone.
  for (const element of elements) {
    const message = document.createElement('p');
    Object.assign(message, { textContent: failed[lang][1], lang, className: 'tk-shell__failed' });
    message.setAttribute('role', 'alert');
    if (element.hasAttribute('data-owns-page')) {
      const main = document.createElement('main');
      Object.assign(main, { className: 'tk-shell', lang });
      const heading = document.createElement('h1');
      Object.assign(heading, { className: 'tk-shell__name', textContent: failed[lang][0] });
      main.append(heading, message);
      element.replaceChildren(main);
    } else {
      element.replaceChildren(message);
    }
  }
  throw error;
}
${worker ? '' : `// A kiosk that owns its page keeps the app's files for a wipe or reload while the connection is down (sw.js).
const config = window.tyokykyConfig || {};
if (navigator.serviceWorker && [...elements].some(element => element.hasAttribute('data-owns-page')
  && (config.mode || element.dataset.mode || new URLSearchParams(location.search).get('mode')) == 'kiosk')) {
  navigator.serviceWorker.register(new URL('sw.js', base)).catch(() => {});
}
`}const where = base.href.endsWith('/') ? base.href.slice(0, -1) : base.href;
// The FHIR module (fhir/ beside this loader), imported and started the first time a document goes to a
// FHIR server; a failed import is tried again at the next document.
let fhirModule;
const fhir = json => (fhirModule ||= import(new URL('fhir/fhir.js', base).href).then(async module => {
  await module.default({ module_or_path: new URL('fhir/fhir_bg.wasm', base) });
  return module;
}).catch(error => { fhirModule = undefined; throw error; })).then(module => module.transaction(json));
/** Mounts the app into \`element\`; see src/web/embed.rs for \`config\`. Returns a handle with setToken(token), signOut() and unmount(). */
export function mount(element, config = {}) {
  return glue.mount(element, { base: where, fhir, ...config });
}
/** The handles of the apps this loader mounted into the page's \`[data-tyokyky]\` elements. */
export const mounted = [];
for (const element of elements) {
  try {
    element.querySelector('[data-tyokyky-shell]')?.remove();
    mounted.push(mount(element, window.tyokykyConfig));
  } catch (error) {
    element.textContent = String(error.message || error);
    element.setAttribute('role', 'alert');
    console.error(error);
  }
}
`;
fs.writeFileSync(path.join(staging, loaderName), loader);
// The loader is minified like the glue: it is downloaded on every first visit.
execFileSync('terser', [path.join(staging, loaderName), '--module', '--compress', '--mangle', '--output', path.join(staging, loaderName)], { stdio: 'inherit' });

if (!worker) {
  // The citizens' messages of every language and its translations of the rules' texts
  // (locales/<tag>/citizen.ftl, texts.ftl): a kiosk may be switched to any.
  const locales = fs.readdirSync(path.join(staging, 'locales'), { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .flatMap(entry => ['citizen.ftl', 'texts.ftl']
      .filter(name => fs.existsSync(path.join(staging, 'locales', entry.name, name)))
      .map(name => `locales/${entry.name}/${name}`));
  // The glue, the .wasm and the stylesheets carry a content hash: a new build has new names.
  const hashed = [glue[1], wasm[1], ...sheets.map(sheet => sheet[1])];
  const files = ['./', loaderName, ...hashed, ...locales];
  fs.writeFileSync(path.join(staging, 'sw.js'), `// tyokyky's service worker (made by scripts/externalize-loader.js): the app's own files for a kiosk
// whose connection is down; never an /api/ answer.
const name = 'tyokyky-app-files';
const at = list => list.map(file => new URL(file, location).href);
const files = at(${JSON.stringify(files)});
const hashed = at(${JSON.stringify(hashed)});
const page = files[0];
self.oninstall = event => event.waitUntil(caches.open(name).then(cache => cache.addAll(files)).then(() => self.skipWaiting()));
self.onactivate = event => event.waitUntil(caches.open(name).then(async cache => {
  for (const request of await cache.keys()) if (!files.includes(request.url)) await cache.delete(request);
}).then(() => self.clients.claim()));
self.onfetch = event => {
  const request = event.request;
  const url = new URL(request.url);
  url.search = '';
  const key = url.href == page + 'index.html' ? page : url.href;
  if (request.method != 'GET' || url.pathname.includes('/api/') || !files.includes(key)) return;
  const keep = response => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(name).then(cache => cache.put(key, copy)));
    }
    return response;
  };
  event.respondWith(hashed.includes(key)
    ? caches.match(key).then(cached => cached || fetch(request).then(keep))
    : fetch(request).then(keep, () => caches.match(key).then(cached => cached || Response.error())));
};
`);
  execFileSync('terser', [path.join(staging, 'sw.js'), '--compress', '--mangle', '--output', path.join(staging, 'sw.js')], { stdio: 'inherit' });
}

html = html.replace(inline[0], `<script type="module" src="/${loaderName}"></script>`);
const pageName = worker ? 'worker.html' : 'index.html';
fs.writeFileSync(path.join(staging, pageName), html);
if (worker) fs.unlinkSync(indexPath);
console.log(`externalize-loader: ${pageName} loads ${loaderName} (${glue[1]}, ${wasm[1]}, ${sheets.map(sheet => sheet[1]).join(', ')})`);

// Last, once every file is final: the compressed copies a server sends.
console.log(`externalize-loader: precompressed ${require('./precompress.js').precompress(staging)} files`);
