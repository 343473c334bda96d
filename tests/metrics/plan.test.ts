import { describe, expect, it } from 'vitest';
import { defaultPlan, validatePlan, type Plan } from '../../lib/metrics/plan';

const base = (): Plan => ({ ...defaultPlan('Europe/Berlin'), annual: [{ effectiveFrom: '2026-01-01', annualQuota: 400_000 }] });
const errorsOf = (p: unknown, options?: Parameters<typeof validatePlan>[1]) => {
  const r = validatePlan(p, options);
  return r.ok ? [] : r.errors;
};

describe('defaultPlan', () => {
  it('is valid as it is', () => {
    const r = validatePlan(defaultPlan('UTC'));
    expect(r.ok).toBe(true);
  });
  it('has every stage target of the default pipeline and no quota yet', () => {
    const p = defaultPlan('America/New_York');
    expect(p.timeZone).toBe('America/New_York');
    expect(p.annual).toEqual([{ effectiveFrom: '1970-01-01', annualQuota: 0 }]);
    expect(Object.keys(p.stageTargets)).toEqual(p.stages);
  });
  it('uses the machine zone when none is given', () => expect(defaultPlan().timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone));
});

describe('validatePlan', () => {
  it.each<[string, (p: Plan) => unknown, string, RegExp]>([
    ['month 13', p => ({ ...p, fiscalYearStartMonth: 13 }), 'fiscalYearStartMonth', /month from 1 \(January\) to 12 \(December\), not 13/],
    ['month 0', p => ({ ...p, fiscalYearStartMonth: 0 }), 'fiscalYearStartMonth', /not 0/],
    ['a fractional month', p => ({ ...p, fiscalYearStartMonth: 4.5 }), 'fiscalYearStartMonth', /not 4.5/],
    ['week day 7', p => ({ ...p, weekStartsOn: 7 }), 'weekStartsOn', /0 \(Sunday\) to 6 \(Saturday\), not 7/],
    ['an unknown zone', p => ({ ...p, timeZone: 'Europe/Atlantis' }), 'timeZone', /"Europe\/Atlantis" is not a time zone/],
    ['a lower-case currency', p => ({ ...p, currency: 'usd' }), 'currency', /three-letter ISO code/],
    ['an unknown currency', p => ({ ...p, currency: 'XYZ' }), 'currency', /XYZ is not a known ISO 4217 currency/],
    ['a rate for an unknown currency', p => ({ ...p, rates: { ABC: 1.2 } }), 'rates.ABC', /"ABC" is not a known ISO 4217/],
    ['a negative rate', p => ({ ...p, rates: { EUR: -1 } }), 'rates.EUR', /positive number, not -1/],
    ['a zero rate', p => ({ ...p, rates: { EUR: 0 } }), 'rates.EUR', /positive number, not 0/],
    ['a rate for the plan currency', p => ({ ...p, rates: { USD: 1.1 } }), 'rates.USD', /plan currency, so its rate is 1/],
    ['no revision', p => ({ ...p, annual: [] }), 'annual', /at least one annual quota/],
    ['a negative quota', p => ({ ...p, annual: [{ effectiveFrom: '2026-01-01', annualQuota: -5 }] }), 'annual[0].annualQuota', /cannot be negative \(-5\)/],
    ['a quota that is not a number', p => ({ ...p, annual: [{ effectiveFrom: '2026-01-01', annualQuota: '100k' }] }), 'annual[0].annualQuota', /must be a number, not 100k/],
    ['a date that does not exist', p => ({ ...p, annual: [{ effectiveFrom: '2026-02-30', annualQuota: 1 }] }), 'annual[0].effectiveFrom', /"2026-02-30" is not a date/],
    ['two revisions on one day', p => ({ ...p, annual: [{ effectiveFrom: '2026-01-01', annualQuota: 1 }, { effectiveFrom: '2026-01-01', annualQuota: 2 }] }), 'annual[1].effectiveFrom', /Two revisions take effect on 2026-01-01/],
    ['three quarter quotas', p => ({ ...p, annual: [{ effectiveFrom: '2026-01-01', annualQuota: 3, quarterQuotas: [1, 1, 1] }] }), 'annual[0].quarterQuotas', /four numbers/],
    ['a negative quarter quota', p => ({ ...p, annual: [{ effectiveFrom: '2026-01-01', annualQuota: 0, quarterQuotas: [1, -1, 0, 0] }] }), 'annual[0].quarterQuotas[1]', /Q2 quota must be a number of 0 or more/],
    ['quarters that do not add up', p => ({ ...p, annual: [{ effectiveFrom: '2026-01-01', annualQuota: 120_000, quarterQuotas: [30_000, 30_000, 30_000, 40_000] }] }), 'annual[0].quarterQuotas', /add up to 130,000, not the annual quota of 120,000/],
    ['an unknown driver target', p => ({ ...p, weeklyTargets: { dials: 50 } }), 'weeklyTargets.dials', /"dials" is not an activity Pacer counts/],
    ['a negative daily target', p => ({ ...p, dailyTargets: { calls: -1 } }), 'dailyTargets.calls', /0 or more, not -1/],
    ['a weight that is not a number', p => ({ ...p, activityWeights: { calls: Number.NaN } }), 'activityWeights.calls', /not NaN/],
    ['no stages', p => ({ ...p, stages: [] }), 'stages', /at least one stage/],
    ['a stage listed twice', p => ({ ...p, stages: ['A', 'B', 'A'] }), 'stages[2]', /"A" is listed twice/],
    ['an early stage not in the pipeline', p => ({ ...p, earlyStages: ['Nope'] }), 'earlyStages[0]', /not one of the pipeline's stages/],
    ['a zero stage target', p => ({ ...p, stageTargets: { Prospecting: 0 } }), 'stageTargets.Prospecting', /above 0, not 0/],
    ['a probability of 120', p => ({ ...p, stageProbabilities: { Prospecting: 120 } }), 'stageProbabilities.Prospecting', /between 0 and 1 \(0.25 is 25 %\), not 120/],
    ['a holiday that is no date', p => ({ ...p, holidays: ['Christmas'] }), 'holidays[0]', /"Christmas" is not a date/],
    ['commission per week', p => ({ ...p, commission: { ...p.commission, period: 'week' } }), 'commission.period', /per month, quarter or fiscalYear/],
    ['a first tier above 0', p => ({ ...p, commission: { ...p.commission, tiers: [{ fromAttainment: 0.5, rate: 0.1 }] } }), 'commission.tiers[0].fromAttainment', /first tier must start at 0 %/],
    ['tiers going down', p => ({ ...p, commission: { ...p.commission, tiers: [{ fromAttainment: 0, rate: 0.1 }, { fromAttainment: 1, rate: 0.2 }, { fromAttainment: 0.5, rate: 0.3 }] } }), 'commission.tiers[2].fromAttainment', /Tiers must go up: 50 % comes after 100 %/],
    ['a rate of 10 (meant 10 %)', p => ({ ...p, commission: { ...p.commission, tiers: [{ fromAttainment: 0, rate: 10 }] } }), 'commission.tiers[0].rate', /between 0 and 1 \(0.1 is 10 %\), not 10/],
    ['an accelerator below 1×', p => ({ ...p, commission: { ...p.commission, accelerator: { above: 1, multiplier: 0.5 } } }), 'commission.accelerator.multiplier', /1 or more/],
    ['a decelerator above 1×', p => ({ ...p, commission: { ...p.commission, decelerator: { below: 0.5, multiplier: 2 } } }), 'commission.decelerator.multiplier', /between 0 and 1/],
    ['a negative payout cap', p => ({ ...p, commission: { ...p.commission, cap: { maxPayout: -1 } } }), 'commission.cap.maxPayout', /cannot be negative/],
  ])('%s', (_name, change, path, message) => {
    const errors = errorsOf(change(base()));
    expect(errors.map(e => e.path)).toContain(path);
    expect(errors.find(e => e.path === path)!.message).toMatch(message);
  });

  it('reports a currency in use without a rate', () => {
    const errors = errorsOf({ ...base(), rates: { EUR: 1.08 } }, { currenciesInUse: ['USD', 'EUR', 'GBP'] });
    expect(errors).toEqual([
      {
        path: 'rates.GBP',
        code: 'rate_missing',
        values: { code: 'GBP', currency: 'USD' },
        message: 'Some deals are in GBP, which has no rate to USD: add one, or those amounts are shown apart and left out of totals.',
      },
    ]);
  });

  it('reports every error at once', () => {
    const errors = errorsOf({ ...base(), fiscalYearStartMonth: 13, weekStartsOn: -1, annual: [{ effectiveFrom: '2026-01-01', annualQuota: -1 }] });
    expect(errors.map(e => e.path)).toEqual(['fiscalYearStartMonth', 'weekStartsOn', 'annual[0].annualQuota']);
  });

  it.each([null, 'plan', [], 42])('rejects %s as a plan', p => expect(errorsOf(p)).toEqual([{ path: '', code: 'not_object', message: 'The plan must be an object.' }]));

  it('returns the plan normalised: revisions by date, holidays sorted once', () => {
    const p = {
      ...base(),
      annual: [
        { effectiveFrom: '2026-07-01', annualQuota: 500_000, quarterQuotas: [100_000, 100_000, 150_000, 150_000], note: 'Q3 update' },
        { effectiveFrom: '2026-01-01', annualQuota: 400_000 },
      ],
      holidays: ['2026-12-25', '2026-01-01', '2026-12-25'],
    };
    const r = validatePlan(p);
    expect(r.ok && r.plan.annual.map(a => a.effectiveFrom)).toEqual(['2026-01-01', '2026-07-01']);
    expect(r.ok && r.plan.annual[1]!.note).toBe('Q3 update');
    expect(r.ok && r.plan.holidays).toEqual(['2026-01-01', '2026-12-25']);
    expect(p.annual[0]!.effectiveFrom).toBe('2026-07-01'); // the input is not touched
  });

  it('accepts quarter quotas that add up within rounding', () => {
    const r = validatePlan({ ...base(), annual: [{ effectiveFrom: '2026-01-01', annualQuota: 100_000, quarterQuotas: [33_333.33, 33_333.33, 33_333.34, 0] }] });
    expect(r.ok).toBe(true);
  });
});
