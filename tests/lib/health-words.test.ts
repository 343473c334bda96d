// Adapter health in the interface's language (issue #9, item 6). The readers in lib/sites
// name what they did not find in fixed English; every such name they can produce has a
// message in all four locale files, so no health line is left half in English.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anchorText, HEALTH_ANCHOR_KEYS, missingText } from '../../lib/health-words';
import { LABELS } from '../../lib/sites/custom';
import { readLocale, useLocale } from '../helpers/pseudo-locale';

const SITES_DIR = fileURLToPath(new NodeURL('../../lib/sites/', import.meta.url));
const sources = [
  ...readdirSync(SITES_DIR).filter(f => f.endsWith('.ts')).map(f => readFileSync(join(SITES_DIR, f), 'utf8')),
  readFileSync(fileURLToPath(new NodeURL('../../lib/custom-adapters-combine.ts', import.meta.url)), 'utf8'),
];

/**
 * The literal anchor names the readers put in health: arguments of missing()/unknown(),
 * pushes onto `absent`/`health` lists, listReading's anchor, an unreadable stage history,
 * and the plain strings of those lists.
 */
function anchorsInSources(): string[] {
  const found = new Set<string>();
  const patterns = [
    /\b(?:missing|unknown)\(((?:\s*'[^']+'\s*,?)+)\)/g,
    /\b(?:absent|health)\.(?:push|add)\(\s*'([^']+)'/g,
    /\blistReading\([^)]*?,\s*'([^']+)'\)/g,
    /unreadable: '([^']+)'/g,
    /absent: noStage \? \['([^']+)'\]/g,
    /missing\(isPipeline\(url\) \? '([^']+)' : '([^']+)'\)/g,
    /\['(a record id in the URL)'\]/g,
  ];
  for (const src of sources) {
    for (const re of patterns) {
      for (const m of src.matchAll(re)) {
        for (const group of m.slice(1)) for (const lit of group?.matchAll(/'([^']+)'/g) ?? []) found.add(lit[1]!);
        for (const group of m.slice(1)) if (group && !group.includes("'")) found.add(group);
      }
    }
  }
  return [...found].sort();
}

describe('health anchors', () => {
  it('the readers name at least the anchors the side panel is known to show', () => {
    expect(anchorsInSources()).toEqual(expect.arrayContaining(['Path', 'activity timeline', 'record name', 'profile top card', 'deals list column: stage', 'Stage History date']));
    expect(anchorsInSources().length).toBeGreaterThanOrEqual(45);
  });

  it.each(anchorsInSources())('"%s" has a message', anchor => {
    expect(HEALTH_ANCHOR_KEYS[anchor], `add "${anchor}" to lib/health-words.ts and the locale files`).toBeDefined();
  });

  it.each(['de', 'fr', 'es'] as const)('%s: every anchor message exists and differs from the raw English name where the language differs', lang => {
    const messages = readLocale(lang);
    const en = readLocale('en');
    for (const key of Object.values(HEALTH_ANCHOR_KEYS)) {
      expect(messages[key], key).toBeDefined();
      expect(en[key], key).toBeDefined();
    }
  });

  it('in English, a name is itself (the side panel said exactly this before)', () => {
    for (const anchor of Object.keys(HEALTH_ANCHOR_KEYS)) expect(anchorText(anchor)).toBe(anchor);
    expect(missingText(['Path', 'record name'])).toBe('Path, no record name');
  });

  it('in German, names and lists read as German', () => {
    useLocale('de');
    expect(anchorText('activity timeline')).toBe('Aktivitätszeitachse');
    expect(missingText(['Path', 'record name'])).toBe('Pfad, Datensatzname');
  });

  it("a custom CRM's field keeps the rep's selector, its name translated; an unknown name is shown as it is", () => {
    expect(anchorText(`${LABELS.closeDate} (.cell[data-name="close date"])`)).toBe('close date (.cell[data-name="close date"])');
    useLocale('de');
    expect(anchorText(`${LABELS.closeDate} (.cell[data-name="close date"])`)).toBe('Abschlussdatum (.cell[data-name="close date"])');
    expect(anchorText(`${LABELS.stage} (#stage)`)).toBe('Phase (#stage)');
    expect(anchorText('a brand-new anchor')).toBe('a brand-new anchor');
  });
});
