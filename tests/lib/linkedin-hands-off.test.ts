/** @vitest-environment node */
// Observe, never automate: the code that runs on LinkedIn's pages must not be able
// to act for the rep. This pins it at the source: none of these calls appear in
// the LinkedIn reader, its runner or what they import from Pacer's own code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const source = (rel: string) => readFileSync(fileURLToPath(new URL(`../../${rel}`, import.meta.url)), 'utf8');
const FILES = [
  'lib/sites/linkedin.ts',
  'lib/sites/linkedin-labels.ts',
  'lib/linkedin-content.ts',
  'lib/linkedin-observe.ts',
  'lib/sites/dom.ts',
  'lib/outbox.ts',
  'lib/fence.ts',
  'lib/confirm-watch.ts',
  'entrypoints/linkedin.ts',
];
// Comments may mention these words; code may not call them.
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe.each(FILES)('%s', file => {
  const text = code(source(file));
  it.each([
    ['click or submit', /\.(click|submit|requestSubmit)\s*\(/],
    ['scroll', /\.(scroll|scrollTo|scrollBy|scrollIntoView|scrollIntoViewIfNeeded)\s*\(|\.scroll(Top|Left)\s*=/],
    ['focus', /\.(focus|blur|select)\s*\(/],
    ['navigate', /location\.(assign|replace|reload)\s*\(|location\.href\s*=(?!=)|history\.(pushState|replaceState|back|go)\s*\(/],
    ['request', /\bfetch\s*\(|XMLHttpRequest|sendBeacon|new WebSocket|new EventSource/],
    ['post to the page', /postMessage\s*\(|dispatchEvent\s*\(/],
    ['add to the DOM', /\.(appendChild|append|prepend|insertBefore|insertAdjacent\w*|replaceWith|replaceChildren|setAttribute|removeAttribute|remove)\s*\(|\.innerHTML\s*=|\.textContent\s*=|\.style\./],
  ])('never calls anything that would %s', (_what, pattern) => {
    expect(text.match(pattern)?.[0] ?? null).toBeNull();
  });
});
