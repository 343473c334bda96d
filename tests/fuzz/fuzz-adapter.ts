// Every content-script adapter under 10,000 random DOM mutations of its real fixtures
// (issue #9, item 3). After each round of mutations the page is read and observed as
// the content script does, and a few random elements are "clicked":
// - nothing throws (an exception would reach the CRM's page through a callback);
// - nothing nonsensical is recorded: no NaN or Infinity, no amount past a quadrillion,
//   no invalid instant or date, no empty id, no event type outside the vocabulary;
// - readings are deterministic and events idempotent: reading the same page twice gives
//   the same events, and one id never names two different facts;
// - health is a verdict with reasons (ok with nothing missing, or naming what is).
// FUZZ_SEED=<n> replays a run; a failure prints the seed and the last mutations.
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers/fixtures';
import { baseSeed, Damage, expectNone, healthProblems, problems, Rng } from './harness';
import { SCENARIOS, type Pass, type Scenario } from './scenarios';

const MUTATIONS = Number(process.env.FUZZ_MUTATIONS ?? 10_000);
/**
 * A page's life: a fresh copy of a fixture, then bursts of 1, 2, 4 … 64 mutations with a
 * reading after each burst (the content script debounces a burst into one read). Light
 * damage and heavy damage both get read; no page is damaged into nothing for long.
 */
const BURSTS = [1, 2, 4, 8, 16, 32, 64] as const;

function eventProblems(pass: Pass): string[] {
  const found = [...problems(pass.events, '$.events'), ...problems(pass.deals, '$.deals'), ...problems(pass.people, '$.people')];
  const byId = new Map<string, string>();
  for (const e of pass.events) {
    const json = JSON.stringify(e);
    const seen = byId.get(e.id);
    if (seen !== undefined && seen !== json) found.push(`id ${e.id} names two different facts`);
    byId.set(e.id, json);
    if (!e.id) found.push('an event without an id');
  }
  return found;
}

/** Registers the fuzz run of one site's adapter (one test file per site, so they run in parallel). */
export function fuzzAdapter(site: Scenario['site']): void {
  const scenario = SCENARIOS.find(s => s.site === site)!;
  describe(`${site} under random DOM damage`, () => fuzzOne(site, scenario));
}

function fuzzOne(site: string, scenario: Scenario) {
  it(`survives ${MUTATIONS.toLocaleString('en')} mutations of its fixtures`, () => {
    const seed = (baseSeed() ^ [...site].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7)) >>> 0;
    const rng = new Rng(seed);
    // Parsed once; each life damages a copy (parsing a 500 KB LinkedIn page takes long).
    // Anchors are aimed at where they match: removing one the page never had is no damage.
    const templates = scenario.fixtures.map(([file, href]) => {
      const doc = loadFixture(file);
      return { file, url: new URL(href), doc, anchors: scenario.anchors.filter(s => doc.querySelector(s)) };
    });
    let log: string[] = [];
    let applied = 0;
    let round = 0;
    const kinds = new Map<string, number>();
    let events = 0;
    let unhealthy = 0;
    const spent = { clone: 0, refresh: 0, mutate: 0, read: 0, click: 0 };
    const timed = <T,>(key: keyof typeof spent, fn: () => T): T => {
      const t0 = performance.now();
      try {
        return fn();
      } finally {
        spent[key] += performance.now() - t0;
      }
    };
    for (let life = 0; applied < MUTATIONS; life++) {
      const template = templates[life % templates.length]!;
      const damage = timed('clone', () => new Damage(template.doc.cloneNode(true) as Document, rng, template.anchors.length ? template.anchors : scenario.anchors));
      const { doc } = damage;
      const { url } = template;
      log = [`life ${life}: a fresh ${template.file}`];
      for (const burst of BURSTS) {
        if (applied >= MUTATIONS) break;
        round++;
        timed('refresh', () => damage.refresh());
        timed('mutate', () => {
          for (let i = 0; i < burst && applied < MUTATIONS; i++, applied++) log.push(damage.mutate());
        });
        const ctx = { seed, round, log, what: `${site}` };
        let pass: Pass | undefined;
        const thrown: string[] = [];
        try {
          pass = timed('read', () => scenario.pass(doc, url, scenario.now));
          if (round % 4 === 0) {
            const again = scenario.pass(doc, url, scenario.now);
            if (JSON.stringify(again) !== JSON.stringify(pass)) thrown.push('reading the same page twice gave different results');
          }
          scenario.timerAnchor?.(doc);
          const t0 = performance.now();
          damage.refresh();
          for (let k = 0; k < 3; k++) {
            const target = damage.anyElement();
            if (!target) break;
            const { event, confirm } = scenario.click(target, doc, url, scenario.now);
            confirm?.();
            if (event) expectNone([...problems([event], '$.action'), ...(event.id ? [] : ['an action without an id'])], { ...ctx, what: `${site} action` });
          }
          spent.click += performance.now() - t0;
        } catch (error) {
          thrown.push(`threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 4).join('\n')}` : String(error)}`);
        }
        expectNone(thrown, ctx);
        expectNone([...healthProblems(pass!.reading.health), ...eventProblems(pass!)], { ...ctx, what: `${site} ${pass!.reading.kind} reading` });
        kinds.set(pass!.reading.kind, (kinds.get(pass!.reading.kind) ?? 0) + 1);
        events += pass!.events.length;
        if (!pass!.reading.health.ok) unhealthy++;
      }
    }
    if (process.env.FUZZ_DEBUG) console.log(site, JSON.stringify(Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, Math.round(v)]))));
    expect(applied).toBe(MUTATIONS);
    // The damage was real: some readings were hurt (health says so), some still found things.
    expect(unhealthy, `seed ${seed}`).toBeGreaterThan(0);
    expect(events + [...kinds.entries()].filter(([k]) => k !== 'unknown').length, `seed ${seed}`).toBeGreaterThan(0);
  }, 240_000);
}
