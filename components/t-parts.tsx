import type { ComponentChildren } from 'preact';
import { formatNumber, t, uiLocale, type MessageKey } from '../lib/i18n';

// Private-use characters mark where each element goes: they never occur in a message,
// and getMessage passes substitutions through untouched.
const marker = (i: number) => `\uE000${i}\uE001`;

/**
 * A translated sentence with elements (links, code) inside it, wherever the
 * translation puts them: `elements[i]` fills the message's `$i+1` placeholder.
 */
export function tParts(key: MessageKey, ...elements: ComponentChildren[]): ComponentChildren[] {
  return t(key, elements.map((_, i) => marker(i)))
    .split(/\uE000(\d)\uE001/)
    .map((part, i) => (i % 2 === 1 ? elements[Number(part)] : part))
    .filter(part => part !== '');
}

// One PluralRules per locale: built once, consulted for every count on the page.
const pluralRules = new Map<string, Intl.PluralRules>();

/** `oneKey` or `otherKey` by the browser language's plural rules, with `n` formatted as `$1` (`options` as for Intl.NumberFormat). */
export function tPlural(n: number, oneKey: MessageKey, otherKey: MessageKey, options?: Intl.NumberFormatOptions): string {
  const locale = uiLocale();
  const key = locale ?? '';
  let rules = pluralRules.get(key);
  if (!rules) pluralRules.set(key, (rules = new Intl.PluralRules(locale)));
  return t(rules.select(n) === 'one' ? oneKey : otherKey, formatNumber(n, locale, options));
}
