// Switches t() to another locale file in unit tests, and finds the words a screen shows
// that did not come through t() (issue #9, item 6: "nothing left in English").
//
//   usePseudoLocale();            // every message comes back as ⟦message⟧
//   render(...);
//   expect(untranslated(root, { data: ['Acme renewal', 'Proposal'] })).toEqual([]);
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { formatMessage, type LocaleMessage } from '../../lib/i18n';

export const OPEN = '⟦';
export const CLOSE = '⟧';

// Node's URL: happy-dom's global one resolves file: URLs against http://localhost.
const LOCALES_DIR = fileURLToPath(new NodeURL('../../public/_locales/', import.meta.url));

/** A locale file as the browser reads it. */
export const readLocale = (lang: 'en' | 'de' | 'fr' | 'es'): Record<string, LocaleMessage> =>
  JSON.parse(readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as Record<string, LocaleMessage>;

type GetMessage = typeof fakeBrowser.i18n.getMessage;
const original = fakeBrowser.i18n.getMessage;
// Registered when a test file imports this module (its top level): every test of the file ends in English again.
afterEach(() => {
  fakeBrowser.i18n.getMessage = original;
});

function stub(getMessage: (key: string, subs: string[]) => string) {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => getMessage(key, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])) as GetMessage;
}

/** From now until the end of the test, t() answers from this locale file, as the browser would. */
export function useLocale(lang: 'en' | 'de' | 'fr' | 'es'): void {
  const messages = readLocale(lang);
  stub((key, subs) => (messages[key] ? formatMessage(messages[key]!, subs) : ''));
}

/** From now until the end of the test, t() answers every message wrapped in ⟦ ⟧ (substitutions inside). */
export function usePseudoLocale(): void {
  const messages = readLocale('en');
  stub((key, subs) => (messages[key] ? `${OPEN}${formatMessage(messages[key]!, subs)}${CLOSE}` : ''));
}

/** The text with every ⟦…⟧ removed, innermost first (messages nest: a tier's name inside a sentence). */
export function stripMarked(text: string): string {
  let out = text;
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return out;
}

export interface UntranslatedOptions {
  /** Words that are data, not interface: names, stages, companies from the data set. */
  data?: readonly string[];
  /** Whether a leftover word is data (e.g. a month abbreviation Intl wrote); letters-free words always are. */
  isData?: (word: string) => boolean;
}

const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'] as const;

/**
 * Every word under `root` (its text nodes, in order, so a sentence split around an
 * element is read whole; and each aria-label, title, placeholder, alt) left once the
 * translated ⟦…⟧ parts and the data are taken out: [] when nothing is left in English.
 */
export function untranslated(root: Element, options: UntranslatedOptions = {}): string[] {
  const pieces: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement?.tagName;
    // A line between nodes: table cells never run together, and ⟦…⟧ still spans an element put inside a message.
    if (parent !== 'SCRIPT' && parent !== 'STYLE') text += `${n.nodeValue ?? ''}\n`;
  }
  pieces.push(text);
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value) pieces.push(value);
    }
  }
  const data = [...(options.data ?? [])].sort((a, b) => b.length - a.length);
  const left: string[] = [];
  for (const piece of pieces) {
    let rest = stripMarked(piece);
    if (rest.includes(OPEN) || rest.includes(CLOSE)) left.push(`unbalanced markers in: ${piece}`);
    for (const d of data) rest = rest.split(d).join(' ');
    for (const word of rest.split(/[\s,.;:()[\]/+–—-]+/)) {
      if (!/\p{L}/u.test(word)) continue;
      if (options.isData?.(word)) continue;
      left.push(word);
    }
  }
  return left;
}
