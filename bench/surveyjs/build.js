// Builds the comparison page of `node bench/browser.js --surveyjs`: the self-assessment's questions
// (rules/questionnaires/self_assessment.toml, in Finnish) rendered by SurveyJS, the general form library,
// into dist/ as index.html + one minified script + its stylesheet. The questionnaire is read at build time
// and turned into a SurveyJS JSON, so the page asks what the app asks:
//
//   score  → rating 0–10 as a row of buttons, as the app shows it (SurveyJS would fold it into a drop-down
//            where it does not fit); low and high as the descriptions of its ends
//   choice → radiogroup           multi → checkbox (an `exclusive` option: isExclusive)
//   yes_no → boolean shown as two radio buttons (Kyllä / Ei), as the app shows it
//   text   → comment (a text area)
//   [[page]] → a page (its title); `show_if` → visibleIf; `help` → the description; title and intro → the
//   survey's title and description; SurveyJS's own texts (buttons, progress) in Finnish.
//
// `why` is left out (the app shows it only on request, SurveyJS has no such element); so is `sensitive`,
// which changes only what the app stores. SurveyJS's stylesheet is its "fontless" one: the default one loads
// Open Sans from Google's servers, which a page on loopback cannot reach and the app does not do either.
//
//   cd bench/surveyjs && npm ci && npm run build     # writes dist/ (about 2 s)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const { parse } = require('smol-toml');
const { compressed } = require('../../scripts/precompress.js');

const HERE = __dirname;
const ROOT = path.resolve(HERE, '..', '..');
const QUESTIONNAIRE = path.join(ROOT, 'rules', 'questionnaires', 'self_assessment.toml');
const DIST = path.join(HERE, 'dist');
const LANGUAGE = 'fi';

/** The Finnish of a localized text (`{ fi = …, sv = … }`), or undefined for none. */
function fi(text, where) {
  if (text === undefined) return undefined;
  if (typeof text !== 'object' || typeof text[LANGUAGE] !== 'string') throw new Error(`${where}: no "${LANGUAGE}" text`);
  return text[LANGUAGE];
}

/** A `show_if` condition as a SurveyJS expression. */
function visibleIf(condition, where) {
  const keys = Object.keys(condition);
  if (keys.length !== 2 || typeof condition.question !== 'string') throw new Error(`${where}: show_if ${JSON.stringify(condition)} not mapped`);
  const name = `{${condition.question}}`;
  if ('is' in condition) return `${name} = ${condition.is ? 'true' : 'false'}`;
  if ('eq' in condition) return `${name} = '${condition.eq}'`;
  throw new Error(`${where}: show_if ${JSON.stringify(condition)} not mapped`);
}

/** One question of the questionnaire as a SurveyJS element. */
function element(question) {
  const where = `question ${question.id}`;
  const common = { name: question.id, title: fi(question.text, where) };
  const help = fi(question.help, where);
  if (help !== undefined) common.description = help;
  if (question.show_if) common.visibleIf = visibleIf(question.show_if, where);
  if (question.required) common.isRequired = true;
  const choices = () => question.options.map(option => ({
    value: option.value, text: fi(option.text, `${where}, option ${option.value}`), ...(option.exclusive ? { isExclusive: true } : {}),
  }));
  switch (question.type) {
    case 'score':
      return {
        type: 'rating', ...common, rateMin: 0, rateMax: 10, displayMode: 'buttons',
        minRateDescription: fi(question.low, where), maxRateDescription: fi(question.high, where),
      };
    case 'choice': return { type: 'radiogroup', ...common, choices: choices() };
    case 'multi': return { type: 'checkbox', ...common, choices: choices() };
    case 'yes_no': return { type: 'boolean', ...common, renderAs: 'radio', labelTrue: 'Kyllä', labelFalse: 'Ei' };
    case 'text': return { type: 'comment', ...common, rows: 6 };
    default: throw new Error(`${where}: type ${question.type} not mapped`);
  }
}

/** The questionnaire as a SurveyJS survey JSON: its pages in order, each with its questions. */
function surveyJson(questionnaire) {
  const pages = questionnaire.page.map(page => ({ name: page.id, title: fi(page.title, `page ${page.id}`), elements: [] }));
  for (const question of questionnaire.question) {
    const page = pages.find(p => p.name === question.page);
    if (!page) throw new Error(`question ${question.id}: no page ${question.page}`);
    page.elements.push(element(question));
  }
  return {
    locale: LANGUAGE,
    title: fi(questionnaire.title, 'title'),
    description: fi(questionnaire.intro, 'intro'),
    showProgressBar: true,
    progressBarType: 'pages',
    pages,
  };
}

const PAGE = `<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TITLE</title>
<link rel="stylesheet" href="survey.css">
<script defer src="survey.js"></script>
</head>
<body>
<main id="survey"></main>
</body>
</html>
`;

const ENTRY = `import { Model } from 'survey-core';
import 'survey-core/i18n/finnish';
import { renderSurvey } from 'survey-js-ui';
import json from './questionnaire.json';
renderSurvey(new Model(json), document.getElementById('survey'));
`;

async function main() {
  const questionnaire = parse(fs.readFileSync(QUESTIONNAIRE, 'utf8'));
  const json = surveyJson(questionnaire);
  const questions = json.pages.reduce((count, page) => count + page.elements.length, 0);
  fs.rmSync(DIST, { recursive: true, force: true });
  fs.mkdirSync(DIST);
  const work = fs.mkdtempSync(path.join(HERE, '.build-'));
  try {
    fs.writeFileSync(path.join(work, 'questionnaire.json'), JSON.stringify(json));
    fs.writeFileSync(path.join(work, 'entry.js'), ENTRY);
    await esbuild.build({
      entryPoints: [path.join(work, 'entry.js')],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      nodePaths: [path.join(HERE, 'node_modules')],
      outfile: path.join(DIST, 'survey.js'),
      logLevel: 'warning',
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  fs.copyFileSync(path.join(HERE, 'node_modules', 'survey-core', 'survey-core.fontless.min.css'), path.join(DIST, 'survey.css'));
  const title = json.title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  fs.writeFileSync(path.join(DIST, 'index.html'), PAGE.replace('TITLE', title));
  // Compressed copies beside each file, as the app's build writes them, for the benchmark's server to send.
  const files = fs.readdirSync(DIST);
  for (const name of files) {
    const { gzip, brotli } = compressed(fs.readFileSync(path.join(DIST, name)));
    fs.writeFileSync(path.join(DIST, `${name}.gz`), gzip);
    fs.writeFileSync(path.join(DIST, `${name}.br`), brotli);
  }
  console.log(`bench/surveyjs/dist: ${questions} questions on ${json.pages.length} pages`);
  for (const name of files) {
    const bytes = fs.statSync(path.join(DIST, name)).size;
    console.log(`  ${name.padEnd(12)} ${String(bytes).padStart(9)} B raw ${String(fs.statSync(path.join(DIST, `${name}.gz`)).size).padStart(8)} B gzip -9`);
  }
}

main().catch(error => {
  console.error(error.stack || String(error));
  process.exitCode = 1;
});
