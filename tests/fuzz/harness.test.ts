/** @vitest-environment happy-dom */
// The fuzzers' own rules must be able to fail: each invariant catches what it is for,
// runs replay from their seed, and a failure names the seed.
import { describe, expect, it } from 'vitest';
import { Damage, expectNone, FuzzFailure, healthProblems, problems, Rng } from './harness';

describe('problems()', () => {
  it.each([
    ['NaN amount', { amount: NaN }, 'is NaN'],
    ['Infinity amount', { deals: [{ amount: Infinity }] }, 'is Infinity'],
    ['insane amount', { amount: 1e18 }, 'no sane amount'],
    ['invalid instant', { events: [{ at: '2026-02-31T10:00:00Z' }] }, 'no valid instant'],
    ['instant from year 10000', { capturedAt: '+010000-01-01T00:00:00.000Z' }, 'no valid instant'],
    ['rolled-over close date', { closeDate: '2026-02-31' }, 'no valid date'],
    ['empty id', { events: [{ id: '' }] }, 'empty id'],
    ['event type outside the vocabulary', { events: [{ type: 'telepathy' }] }, 'not an event type'],
    ['unknown site', { site: 'myspace' }, 'not a site'],
    ['currency not a code', { currency: '€' }, 'not a currency code'],
    ['discount past 100 %', { discount: 1.5 }, 'no discount fraction'],
  ])('catches %s', (_name, value, says) => {
    expect(problems(value).join('\n')).toContain(says);
  });

  it('passes a sane event', () => {
    expect(problems({ events: [{ id: 'x', type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'hubspot', amount: 1200, currency: 'EUR' }] })).toEqual([]);
  });
});

describe('healthProblems()', () => {
  it('wants a verdict with reasons', () => {
    expect(healthProblems({ ok: true, missing: [] })).toEqual([]);
    expect(healthProblems({ ok: false, missing: ['Path'] })).toEqual([]);
    expect(healthProblems({ ok: true, missing: ['Path'] })).not.toEqual([]);
    expect(healthProblems({ ok: false, missing: [] })).not.toEqual([]);
    expect(healthProblems(undefined)).not.toEqual([]);
  });
});

describe('replay', () => {
  it('the same seed damages the same page the same way', () => {
    const run = (seed: number) => {
      const doc = new DOMParser().parseFromString('<main><ul>' + '<li><a href="/x">row</a> <span>$1,000</span></li>'.repeat(30) + '</ul></main>', 'text/html');
      const damage = new Damage(doc, new Rng(seed), ['li', 'a']);
      const log = Array.from({ length: 200 }, () => damage.mutate());
      return [log, doc.body.innerHTML];
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });

  it('a failure names the seed, the round and the last mutations', () => {
    const fail = () => expectNone(['$.amount is NaN'], { seed: 1234, round: 7, log: ['remove <div>', 'text of <span> = "∞"'], what: 'salesforce deal reading' });
    expect(fail).toThrow(FuzzFailure);
    expect(fail).toThrow(/FUZZ_SEED=1234 \(round 7\)[\s\S]*text of <span>/);
  });
});
