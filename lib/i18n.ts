// The interface's words come from the extension's locale files
// (public/_locales/<lang>/messages.json), which the browser picks by its own language
// and falls back to English (manifest default_locale). Numbers, currencies and dates
// follow the browser's locale through Intl.
import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

// Unit tests have no extension i18n API: there `t()` formats the English messages
// itself. In a build the branch is dead code, so the JSON is not bundled (the browser
// always answers there: the default locale has every key).
let fallback: Readonly<Record<string, LocaleMessage>> | undefined = import.meta.env.MODE === 'test' ? en : undefined;

/** Messages for `t()` where there is no extension i18n API (Node scripts, other test setups). */
export function useFallbackMessages(messages: Readonly<Record<string, LocaleMessage>>): void {
  fallback = messages;
}

/** The browser's message for `key`, with `$1`…`$9` filled from `substitutions`. */
export function t(key: MessageKey, substitutions?: string | number | readonly (string | number)[]): string {
  const subs = substitutions === undefined ? [] : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  let text = '';
  try {
    // Untyped on purpose: WXT's generated key types lag behind the locale files until `wxt prepare`.
    const getMessage = browser.i18n?.getMessage as ((name: string, substitutions?: string[]) => string) | undefined;
    text = getMessage?.(key, subs) ?? '';
  } catch {
    // No i18n API here (tests, Node): fall through to the fallback messages.
  }
  if (text) return text;
  const entry = fallback?.[key];
  // A key the locale files lack shows as itself: visible in review, never an empty label.
  return entry ? formatMessage(entry, subs) : key;
}

/**
 * Chrome's substitution rules for one messages.json entry: `$NAME$` takes its
 * placeholder's content, `$n` in that content takes the n-th substitution, `$$` is `$`.
 */
export function formatMessage(entry: LocaleMessage, substitutions: readonly string[] = []): string {
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const fill = (content: string) => content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const content = placeholders[name.toLowerCase()];
      return content === undefined ? whole : fill(content);
    })
    .replace(/\$\$/g, '$');
}

/** The language the browser's interface is in (BCP 47), for Intl. */
export function uiLocale(): string | undefined {
  try {
    const lang = browser.i18n?.getUILanguage();
    if (lang) return lang.replace('_', '-');
  } catch {
    // No i18n API (tests): Intl's default, which is the runtime's locale.
  }
  return globalThis.navigator?.language || undefined;
}

// Intl objects are costly to build and the timer formats every second: one per locale and options.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** `oneKey` or `otherKey` for `n` by the locale's plural rules (the interface's, unless given). */
export function pluralKey(n: number, oneKey: MessageKey, otherKey: MessageKey, locale = uiLocale()): MessageKey {
  return cached(`plural|${locale}`, () => new Intl.PluralRules(locale)).select(n) === 'one' ? oneKey : otherKey;
}

/** `oneKey` or `otherKey` by the interface language's plural rules, with `n` formatted as `$1` (`options` as for Intl.NumberFormat). */
export function tPlural(n: number, oneKey: MessageKey, otherKey: MessageKey, options?: Intl.NumberFormatOptions): string {
  const locale = uiLocale();
  return t(pluralKey(n, oneKey, otherKey, locale), formatNumber(n, locale, options));
}

/** "1 day" / "5 days", by the locale's plural rules. */
export function dayCount(n: number, locale = uiLocale()): string {
  return t(pluralKey(n, 'timerDaysOne', 'timerDaysOther', locale), formatNumber(n, locale));
}

export const formatNumber = (n: number, locale = uiLocale(), options?: Intl.NumberFormatOptions): string =>
  cached(`number|${locale}|${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(locale, options)).format(n);

export const formatCurrency = (amount: number, currency: string, locale = uiLocale()): string =>
  cached(`currency|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 })).format(amount);

/** A date the way the rep's browser writes dates ("Nov 3, 2026", "3. Nov. 2026"); "" for an unreadable one. */
export function formatDate(iso: string, locale = uiLocale()): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(d);
}
