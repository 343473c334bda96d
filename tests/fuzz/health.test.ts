/** @vitest-environment happy-dom */
// Health reports the damage (issue #9, item 3): when the anchors a reader relies on are
// gone, the reading says so (not ok, naming what is missing) instead of quietly
// reading less. Over every fixture that reads healthy, with every anchor removed at once,
// and with each anchor removed alone: whenever that loses what the page was read as
// (a deal, a person, a list), health must not be ok.
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers/fixtures';
import { baseSeed, Rng } from './harness';
import { SCENARIOS } from './scenarios';

/** Anchors tried one at a time per fixture: a seeded sample (FUZZ_SEED), so big pages stay quick. */
const ONE_AT_A_TIME = 12;

const removeAll = (doc: Document, selectors: readonly string[]) => {
  for (const s of selectors) for (const el of doc.querySelectorAll(s)) el.remove();
};

const cases = SCENARIOS.flatMap(s => s.fixtures.map(([file, url]) => [s.site, file, url, s] as const));

describe.each(cases)('%s %s', (_site, file, href, scenario) => {
  const url = new URL(href);
  const cleanDoc = loadFixture(file);
  const clean = scenario.pass(cleanDoc, url, scenario.now).reading;

  it('with every anchor gone, health is not ok and names what is missing', () => {
    const doc = loadFixture(file);
    removeAll(doc, scenario.anchors);
    const { health } = scenario.pass(doc, url, scenario.now).reading;
    expect(health.ok).toBe(false);
    expect(health.missing.length).toBeGreaterThan(0);
  }, 30_000);

  it.runIf(clean.health.ok && clean.kind !== 'unknown')('with any one anchor gone, a reading that loses the page is not ok', () => {
    const lost: string[] = [];
    const present = scenario.anchors.filter(s => cleanDoc.querySelector(s));
    const rng = new Rng(baseSeed());
    const sample = present.length <= ONE_AT_A_TIME ? present : Array.from({ length: ONE_AT_A_TIME }, () => present.splice(rng.int(present.length), 1)[0]!);
    for (const selector of sample) {
      const doc = cleanDoc.cloneNode(true) as Document;
      removeAll(doc, [selector]);
      const reading = scenario.pass(doc, url, scenario.now).reading;
      if (reading.kind !== clean.kind && reading.health.ok) lost.push(`${selector}: read as ${reading.kind}, health ok`);
    }
    expect(lost, `FUZZ_SEED=${baseSeed()}`).toEqual([]);
  }, 30_000);
});
