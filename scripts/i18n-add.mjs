#!/usr/bin/env node
// Adds interface messages to all four locale files at once, under a lock, so several
// people (or agents) translating different screens never overwrite each other's keys.
//
//   node scripts/i18n-add.mjs keys.json [--replace]
//
// keys.json: { "someKey": { "en": "…", "de": "…", "fr": "…", "es": "…",
//              "description": "…", "placeholders": { "count": { "content": "$1", "example": "3" } } } }
// A key already present with the same words is skipped; with different words it is an
// error unless --replace. Files keep their one-entry-per-line layout.
import { mkdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LANGS = ['en', 'de', 'fr', 'es'];
const root = fileURLToPath(new URL('..', import.meta.url));
const localeFile = lang => join(root, 'public', '_locales', lang, 'messages.json');
const lockDir = join(root, '.i18n.lock');

const [input, ...flags] = process.argv.slice(2);
if (!input) {
  console.error('usage: node scripts/i18n-add.mjs keys.json [--replace]');
  process.exit(2);
}
const replace = flags.includes('--replace');
const additions = JSON.parse(readFileSync(input, 'utf8'));

const compact = value =>
  value !== null && typeof value === 'object'
    ? `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${compact(v)}`).join(', ')}}`
    : JSON.stringify(value);
export const serialise = messages => `{\n${Object.entries(messages).map(([k, v]) => `  ${JSON.stringify(k)}: ${compact(v)}`).join(',\n')}\n}\n`;

function acquire() {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch {
      if (Date.now() > until) throw new Error(`${lockDir} held for 30 s; remove it if no one is adding keys`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

const problems = [];
for (const [key, entry] of Object.entries(additions)) {
  if (!/^[A-Za-z0-9_@]+$/.test(key)) problems.push(`${key}: keys are letters, digits, _ and @ only`);
  for (const lang of LANGS) if (typeof entry[lang] !== 'string' || !entry[lang].trim()) problems.push(`${key}: no ${lang} text`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

acquire();
try {
  const files = Object.fromEntries(LANGS.map(lang => [lang, JSON.parse(readFileSync(localeFile(lang), 'utf8'))]));
  let added = 0;
  let same = 0;
  for (const [key, entry] of Object.entries(additions)) {
    const next = Object.fromEntries(
      LANGS.map(lang => [
        lang,
        {
          message: entry[lang],
          ...(entry.description ? { description: entry.description } : {}),
          ...(entry.placeholders ? { placeholders: entry.placeholders } : {}),
        },
      ]),
    );
    const existing = files.en[key];
    if (existing) {
      if (LANGS.every(lang => compact(files[lang][key]) === compact(next[lang]))) {
        same++;
        continue;
      }
      if (!replace) problems.push(`${key} exists with other words (pass --replace to overwrite): en ${compact(existing)}`);
      else for (const lang of LANGS) files[lang][key] = next[lang];
      if (replace) added++;
      continue;
    }
    for (const lang of LANGS) files[lang][key] = next[lang];
    added++;
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  } else {
    for (const lang of LANGS) {
      const tmp = `${localeFile(lang)}.tmp`;
      writeFileSync(tmp, serialise(files[lang]));
      renameSync(tmp, localeFile(lang));
    }
    console.log(`added or replaced ${added}, already present ${same}`);
  }
} finally {
  rmdirSync(lockDir);
}
