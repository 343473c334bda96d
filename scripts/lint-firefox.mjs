#!/usr/bin/env node
// `npm run lint:firefox` (issue #9, item 5): builds the Firefox extension, runs Mozilla's
// `web-ext lint` over it (the checks addons.mozilla.org runs on upload) and fails on any
// error. Then checks, statically, what can be checked without a Firefox here: the
// sidebar, popup and options pages the manifest names exist, and every script and
// stylesheet they load is in the build. PACER_OUT_DIR picks the build directory.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const outDir = resolve(process.env.PACER_OUT_DIR ?? '.output');
const dir = join(outDir, 'firefox-mv2');
const run = (cmd, args, options = {}) => spawnSync(cmd, args, { encoding: 'utf8', shell: false, ...options });

if (!process.argv.includes('--no-build')) {
  console.log(`$ wxt build -b firefox  (into ${dir})`);
  const build = run('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`$ web-ext lint --source-dir ${dir}`);
const lint = run('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json']);
let report;
try {
  report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{')));
} catch {
  console.error(lint.stdout, lint.stderr);
  console.error('web-ext lint did not produce a report.');
  process.exit(1);
}
const line = m => `  ${m.code}: ${m.message}${m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : ''}`;
for (const kind of ['errors', 'warnings', 'notices']) {
  console.log(`${kind}: ${report[kind].length}`);
  for (const m of report[kind]) console.log(line(m));
}
const problems = report.errors.map(line);

// The pages Firefox opens: sidebar (Chrome's side panel), popup, options.
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const pages = {
  sidebar: manifest.sidebar_action?.default_panel,
  popup: manifest.browser_action?.default_popup ?? manifest.action?.default_popup,
  options: manifest.options_ui?.page,
};
for (const [name, page] of Object.entries(pages)) {
  if (!page) {
    problems.push(`the manifest names no ${name} page`);
    continue;
  }
  const file = join(dir, page);
  if (!existsSync(file)) {
    problems.push(`${name} page ${page} is not in the build`);
    continue;
  }
  const html = readFileSync(file, 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map(m => m[1]).filter(r => !/^(https?:|data:)/.test(r));
  const missing = refs.filter(r => !existsSync(r.startsWith('/') ? join(dir, r) : join(dirname(file), r)));
  if (missing.length) problems.push(`${name} page ${page} loads what the build lacks: ${missing.join(', ')}`);
  if (refs.some(r => /^https?:/.test(r))) problems.push(`${name} page ${page} loads remote code`);
  console.log(`${name}: ${page}, ${refs.length} local scripts and styles, all present: ${missing.length === 0}`);
}
// Locales: the manifest's __MSG_…__ keys must exist in the default locale.
const defaultMessages = JSON.parse(readFileSync(join(dir, '_locales', manifest.default_locale ?? 'en', 'messages.json'), 'utf8'));
for (const key of JSON.stringify(manifest).match(/__MSG_(\w+)__/g) ?? []) {
  if (!defaultMessages[key.slice(6, -2)]) problems.push(`manifest uses ${key}, which the default locale lacks`);
}

if (problems.length) {
  console.error(`\nlint:firefox failed:\n${problems.map(p => `- ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('\nlint:firefox: no errors');
