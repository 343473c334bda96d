import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../lib/i18n';

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

// Counts by the language's plural rules live with t() (lib/i18n.ts); components take them from here too.
export { tPlural } from '../lib/i18n';
