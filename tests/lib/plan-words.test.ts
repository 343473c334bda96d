// validatePlan's errors in the interface's language (issue #9, item 6): lib/metrics stays pure
// and English; the code and values it returns are worded by lib/plan-words.ts, which in English
// says exactly what validatePlan says, and in German, French and Spanish says it in those.
import { describe, expect, it, onTestFinished } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defaultPlan, validatePlan, type PlanError } from '../../lib/metrics/plan';
import { planErrorText } from '../../lib/plan-words';
import plans from '../bad-input/plans.json';
import { useLocale } from '../helpers/pseudo-locale';

/** A plan as tests/bad-input/plans.json describes its cases (as tests/bad-input/bad-input.test.ts builds them). */
function planFor(c: (typeof plans.cases)[number]): unknown {
  if ('whole' in c) return c.whole;
  const base = defaultPlan('Europe/Berlin') as unknown as Record<string, unknown>;
  const p: Record<string, unknown> = { ...base, annual: [{ effectiveFrom: '2026-01-01', annualQuota: 1_000_000, ...(c as { revision?: object }).revision }] };
  for (const [k, v] of Object.entries((c as { patch?: Record<string, unknown> }).patch ?? {})) {
    if (v === '$delete') delete p[k];
    else p[k] = v;
  }
  return p;
}

/** Errors of every kind validatePlan reports: the bad-input corpus plus plans broken on purpose. */
function allErrors(): PlanError[] {
  const base = () => structuredClone(defaultPlan('Europe/Berlin')) as unknown as Record<string, unknown>;
  const broken: unknown[] = [
    null,
    { ...base(), fiscalYearStartMonth: 13, weekStartsOn: 9, timeZone: '', currency: 'EURO' },
    { ...base(), timeZone: 'Mars/Olympus', currency: 'XQQ', rates: 'none' },
    { ...base(), currency: 'USD', rates: { XQQ: 1, EUR: -1, USD: 1.5 } },
    { ...base(), annual: [] },
    { ...base(), annual: [5, { effectiveFrom: 'soon', annualQuota: 'lots' }, { effectiveFrom: '2026-01-01', annualQuota: -1000.5, quarterQuotas: [1, 2] }] },
    { ...base(), annual: [{ effectiveFrom: '2026-01-01', annualQuota: 1000, quarterQuotas: [100, 200, 300, -1] }, { effectiveFrom: '2026-01-01', annualQuota: 10 }] },
    { ...base(), annual: [{ effectiveFrom: '2026-01-01', annualQuota: 1_000_000, quarterQuotas: [100_000, 200_000, 300_000, 300_000.25] }] },
    { ...base(), weeklyTargets: 'x', dailyTargets: { lunches: 1, calls: -2 }, activityWeights: { calls: Number.NaN } },
    { ...base(), stages: [], earlyStages: 'x', stageTargets: 3, stageProbabilities: 4, holidays: 'x' },
    { ...base(), stages: ['A', 'A', ''], earlyStages: ['B'], stageTargets: { A: 0 }, stageProbabilities: { A: 2 }, holidays: ['2026-02-30'] },
    { ...base(), commission: null },
    { ...base(), commission: { period: 'week', tiers: [] } },
    { ...base(), commission: { period: 'month', tiers: [7, { fromAttainment: 0.8, rate: 2 }, { fromAttainment: 0.5, rate: 0.1 }, { fromAttainment: -1, rate: 0.1 }] } },
    { ...base(), commission: { period: 'month', tiers: [{ fromAttainment: 0, rate: 0.1 }], accelerator: { above: -1, multiplier: 0.5 }, decelerator: { below: 2, multiplier: 3 }, cap: 5 } },
    { ...base(), commission: { period: 'month', tiers: [{ fromAttainment: 0, rate: 0.1 }], cap: { maxAttainment: 0, maxPayout: -1 } } },
  ];
  const fromCorpus = plans.cases.map(planFor);
  const errors = [...broken, ...fromCorpus].flatMap(p => {
    const r = validatePlan(p, { currenciesInUse: ['GBP'] });
    return r.ok ? [] : r.errors;
  });
  errors.push(...(() => { const r = validatePlan({ ...base(), rates: {} }, { currenciesInUse: ['GBP'] }); return r.ok ? [] : r.errors; })());
  return errors;
}

describe('planErrorText', () => {
  const errors = allErrors();

  it('the corpus reaches nearly every code validatePlan has', () => {
    expect(new Set(errors.map(e => e.code)).size).toBeGreaterThanOrEqual(45);
  });

  it('in English says exactly what validatePlan says', () => {
    for (const e of errors) expect(planErrorText(e), `${e.code} at ${e.path}`).toBe(e.message);
  });

  it.each(['de', 'fr', 'es'] as const)('in %s says it in that language: every message differs from the English, no placeholder or "undefined" left', lang => {
    useLocale(lang);
    for (const e of errors) {
      const text = planErrorText(e);
      expect(text, `${e.code} at ${e.path}`).not.toBe(e.message);
      expect(text, `${e.code} at ${e.path}`).not.toMatch(/\$[A-Z_]+\$|undefined|\[object/);
    }
  });

  it('writes the numbers it measured the German way', () => {
    useLocale('de');
    const ui = fakeBrowser.i18n.getUILanguage;
    fakeBrowser.i18n.getUILanguage = () => 'de-DE';
    onTestFinished(() => void (fakeBrowser.i18n.getUILanguage = ui));
    const sum = errors.find(e => e.code === 'quarters_sum' && e.values?.quota === 1_000_000)!;
    expect(planErrorText(sum)).toBe('Die Quartalsquoten ergeben zusammen 900.000,25, nicht die Jahresquote von 1.000.000.');
    expect(planErrorText(errors.find(e => e.code === 'rate_missing')!)).toMatch(/^Einige Deals sind in GBP, für das es keinen Kurs zu \w{3} gibt/);
  });

  it('keeps the English message of an error without a known code', () => {
    useLocale('de');
    expect(planErrorText({ code: 'no_such_code' as PlanError['code'], message: 'Something new.' })).toBe('Something new.');
  });
});
