#!/usr/bin/env bash
# Builds the app's two bundles (release) into dist/, which the inbox serves:
#   index.html + embed.js         the public bundle: self-assessment, kiosk (src/main.rs)
#   worker.html + embed-worker.js the worker bundle: the same and the worker flow (src/bin/worker.rs)
#   fhir/fhir.js + fhir_bg.wasm   the FHIR module, loaded only for documents routed to a FHIR server
#   privacy/<tag>.html            the privacy notice, one per language with a privacy.toml: static pages
# They share the stylesheet and the language files. Trunk builds one page per run and empties its dist
# folder, so the worker bundle is built beside and copied in.
set -euo pipefail
cd "$(dirname "$0")/.."
export TRUNK_SKIP_VERSION_CHECK=true

# The output folder: dist/, or TYOKYKY_DIST (scripts/county-build.sh builds a county's bundle elsewhere).
DIST="${TYOKYKY_DIST:-dist}"
# The pseudo-locales for the tests, made from English as the app fetches it (`en-XA` accented, `ar-XB`
# right to left; not offered in the language switch): its folder with its texts merged with what the
# rules' files write inline (a catalogue's English), written into locales/ (not kept in git), where trunk
# copies them from and the build script bakes the table of languages.
RULES_SELECTION=(--dir "${TYOKYKY_RULES_DIR:-rules}" --catalogue "${TYOKYKY_CATALOGUE:-example-county}"
  --questionnaire "${TYOKYKY_QUESTIONNAIRE:-self_assessment}")
rm -rf locales/en-XA locales/ar-XB target/pseudo-source
cargo run --quiet --locked -p tyokyky-rules -- languages texts "${RULES_SELECTION[@]}" --locales locales \
  --out target/pseudo-source/texts > /dev/null
cp -R locales/en target/pseudo-source/en
cat target/pseudo-source/texts/en/texts.ftl target/pseudo-source/texts/en/worker-texts.ftl \
  > target/pseudo-source/en/texts.ftl
cargo run --quiet --locked -p tyokyky-rules -- languages pseudo --from target/pseudo-source/en --tag en-XA \
  --style accented --out locales/en-XA > /dev/null
cargo run --quiet --locked -p tyokyky-rules -- languages pseudo --from target/pseudo-source/en --tag ar-XB \
  --style rtl --out locales/ar-XB > /dev/null
trunk build index.html --release --locked --dist "$DIST"
trunk build worker.html --release --locked --dist target/dist-worker
cp -R target/dist-worker/. "$DIST"/
# Each language's translations of the rules', the catalogue's and the questionnaire's texts as the app
# fetches them with the language (the bundles carry the Finnish alone): the folder's own `texts.ftl`
# (the translators' file, with the Finnish in comments) and the rules' inline translations, merged
# without comments over the copy trunk made.
cargo run --quiet --locked -p tyokyky-rules -- languages texts "${RULES_SELECTION[@]}" --locales locales \
  --out "$DIST"/locales > /dev/null
node scripts/precompress.js "$DIST"/locales

# The FHIR module (src/bin/fhir.rs): the engine's FHIR export, which the app imports from fhir/ beside
# the loader the first time a host's route sends a document to a FHIR server. Built as trunk builds the
# bundles (the same wasm-bindgen and wasm-opt, the glue minified), but as an ES module that the bundles
# do not load.
cargo build --release --locked --target wasm32-unknown-unknown --features fhir --bin tyokyky-fhir
rm -rf "$DIST"/fhir
wasm-bindgen --target web --no-typescript --out-dir "$DIST"/fhir --out-name fhir \
  target/wasm32-unknown-unknown/release/tyokyky-fhir.wasm
wasm-opt -Oz --converge --strip-producers --strip-target-features \
  "$DIST"/fhir/fhir_bg.wasm -o "$DIST"/fhir/fhir_bg.wasm
terser "$DIST"/fhir/fhir.js --module --compress --mangle --output "$DIST"/fhir/fhir.js
node scripts/precompress.js "$DIST"/fhir

# The privacy notice: the county's facts (`[privacy]` of the catalogue the app embeds) filled into the
# notice's prose (locales/<tag>/privacy.toml), written natively as static pages with their stylesheet, so the app's
# bundles carry none of it. The prose files themselves, which trunk copies with locales/, are not served.
cargo run --quiet --locked -p tyokyky-rules -- privacy --dir "${TYOKYKY_RULES_DIR:-rules}" \
  --catalogue "${TYOKYKY_CATALOGUE:-example-county}" --locales locales --stylesheet style/privacy.css \
  --out "$DIST"/privacy
rm -f "$DIST"/locales/*/privacy.toml
# Served compressed like the rest (the inbox sends `<file>.br` or `<file>.gz` when the browser accepts it).
node scripts/precompress.js "$DIST"/privacy
