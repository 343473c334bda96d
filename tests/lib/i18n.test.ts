// The interface's languages (issue #9, item 6): the locale files are complete and
// consistent, and t() follows the browser's language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { cycleTimerView } from '../../lib/cycle-timer';
import { dayCount, formatCurrency, formatDate, formatMessage, formatNumber, t, type LocaleMessage } from '../../lib/i18n';

// Node's URL: happy-dom's global one resolves file: URLs against http://localhost.
const LOCALES_DIR = fileURLToPath(new NodeURL('../../public/_locales/', import.meta.url));
const read = (lang: string) => JSON.parse(readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as Record<string, LocaleMessage>;
const LANGUAGES = readdirSync(LOCALES_DIR).sort();
const en = read('en');

/** `$NAME$` placeholders a message uses, lower-cased (Chrome matches them case-insensitively). */
const used = (m: LocaleMessage) => [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map(x => x[1]!.toLowerCase()).sort();

describe('locale files', () => {
  it('exist for English, German, French and Spanish', () => {
    expect(LANGUAGES).toEqual(['de', 'en', 'es', 'fr']);
  });

  it.each(LANGUAGES)('%s has every key of the default locale (en), and no other', lang => {
    expect(Object.keys(read(lang)).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LANGUAGES)('%s: each message uses the same placeholders as English, each declared with the same substitution', lang => {
    const messages = read(lang);
    for (const [key, base] of Object.entries(en)) {
      const m = messages[key]!;
      expect(used(m), `${lang}.${key}`).toEqual(used(base));
      const contents = (x: LocaleMessage) => Object.fromEntries(Object.entries(x.placeholders ?? {}).map(([n, p]) => [n.toLowerCase(), p.content]));
      expect(contents(m), `${lang}.${key}`).toEqual(contents(base));
      for (const name of used(m)) expect(contents(m)[name], `${lang}.${key} declares $${name}$`).toBeDefined();
      expect(m.message.trim(), `${lang}.${key} is not empty`).not.toBe('');
    }
  });

  it.each(LANGUAGES)('%s: keys and the store name and description fit what browsers accept', lang => {
    const messages = read(lang);
    for (const key of Object.keys(messages)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
    expect(messages.extName!.message.length).toBeLessThanOrEqual(75);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});

describe('formatMessage (Chrome substitution rules)', () => {
  it('fills named placeholders from $1…$9, case-insensitively, and turns $$ into $', () => {
    const entry = { message: '$Stage$ costs $$5 after $DAYS$', placeholders: { stage: { content: '$1' }, days: { content: '$2' } } };
    expect(formatMessage(entry, ['Proposal', '3 days'])).toBe('Proposal costs $5 after 3 days');
  });
  it('leaves a missing substitution empty, never "undefined"', () => {
    expect(formatMessage({ message: 'in $STAGE$', placeholders: { stage: { content: '$1' } } })).toBe('in ');
  });
});

describe('t()', () => {
  const original = fakeBrowser.i18n.getMessage;
  afterEach(() => {
    fakeBrowser.i18n.getMessage = original;
  });

  it('gives English where there is no extension i18n API (tests, Node)', () => {
    expect(t('timerPaceOk')).toBe('on pace');
    expect(t('timerBadge', ['Negotiation', 3])).toBe('Negotiation · 3d in stage');
  });

  it("follows the browser's language when the browser answers", () => {
    const de = read('de');
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string[]) => (de[key] ? formatMessage(de[key]!, subs) : '')) as typeof fakeBrowser.i18n.getMessage;
    expect(t('timerPaceOk')).toBe('im Plan');
    const view = cycleTimerView({ stage: 'Verhandlung', stageEnteredAt: '2026-11-20T12:00:00Z', targetDays: 21 }, new Date('2026-11-27T12:00:00Z'), 'de-DE');
    expect(view.badge).toBe('Verhandlung · 7 T in Phase');
    expect(view.label).toBe('Pacer-Verkaufszyklus-Timer: Verhandlung, 7 Tage in der Phase, im Plan');
    expect(view.tip.stageRest).toBe(', seit 20.11.2026. Ziel: 21 Tage, der Deal ist also im Plan.');
  });
});

describe('numbers, currencies and dates in the locale', () => {
  it.each([
    ['en-US', '1,234.5', '$1,235', 'Nov 27, 2026'],
    ['de-DE', '1.234,5', '1.235 $', '27.11.2026'],
    ['fr-FR', '1 234,5', '1 235 $US', '27 nov. 2026'],
    ['es-ES', '1234,5', '1235 US$', '27 nov 2026'],
  ])('%s', (locale, number, currency, date) => {
    const normalise = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(normalise(formatNumber(1234.5, locale))).toBe(number);
    expect(normalise(formatCurrency(1234.5, 'USD', locale))).toBe(currency);
    expect(normalise(formatDate('2026-11-27T12:00:00Z', locale))).toBe(date);
  });

  it('days by the plural rules of the language', () => {
    expect([dayCount(0, 'en'), dayCount(1, 'en'), dayCount(2, 'en')]).toEqual(['0 days', '1 day', '2 days']);
  });

  it('an unreadable date is empty, never "Invalid Date"', () => {
    expect(formatDate('garbage', 'en-US')).toBe('');
  });
});
