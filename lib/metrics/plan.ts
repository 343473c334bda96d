// The rep's plan (issue #5): quota revisions, targets, pipeline stages, commission and
// gamification weights. Plain JSON, so settings storage can keep it as is; validatePlan
// is what the options page calls before saving.
import { DRIVERS, type Driver } from './drivers';
import { isCivilDate, isValidTimeZone, type PeriodOptions } from './periods';
import { stageTargetDays } from './stage-targets';

export interface PlanRevision {
  /** ISO date (YYYY-MM-DD, local) from which this revision is in force. */
  effectiveFrom: string;
  /** Quota for a whole fiscal year, in the plan's currency. */
  annualQuota: number;
  /** Quotas for fiscal Q1–Q4; when absent each quarter is a quarter of the annual quota. */
  quarterQuotas?: [number, number, number, number];
  note?: string;
}

export interface CommissionTier {
  /** Attainment (1 = 100 %) from which this rate applies, marginally: like tax brackets. */
  fromAttainment: number;
  /** Commission as a fraction of revenue (0.1 = 10 %). */
  rate: number;
}

export interface CommissionPlan {
  /** Attainment is measured against the quota of this period. */
  period: 'month' | 'quarter' | 'fiscalYear';
  /** Sorted by fromAttainment, the first at 0. */
  tiers: CommissionTier[];
  /** Revenue above `above` attainment (default 1 = 100 %) earns its tier rate × multiplier. */
  accelerator?: { above: number; multiplier: number };
  /** While attainment is below `below`, the whole payout is multiplied by `multiplier` (< 1). */
  decelerator?: { below: number; multiplier: number };
  /** No commission on revenue beyond maxAttainment; payout never above maxPayout. */
  cap?: { maxAttainment?: number; maxPayout?: number };
}

export type DriverTargets = Partial<Record<Driver, number>>;

export interface Plan extends PeriodOptions {
  /** 1–12. */
  fiscalYearStartMonth: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: number;
  /** IANA zone in which days, weeks and quarters are counted. */
  timeZone: string;
  /** ISO 4217 code of the plan: quotas, commission and totals are in it. */
  currency: string;
  /** How much one unit of another currency is worth in the plan's currency (EUR: 1.08 for a USD plan). */
  rates: Record<string, number>;
  /** Every revision ever entered, kept with its date; the one in force at a date governs it. */
  annual: PlanRevision[];
  weeklyTargets: DriverTargets;
  dailyTargets: DriverTargets;
  /** Open pipeline stages in order, as the CRM names them (closed stages excluded). */
  stages: string[];
  /** Days a deal should stay in each stage at most. */
  stageTargets: Record<string, number>;
  /** Win probability per stage (0–1); absent stages get a default by position. */
  stageProbabilities: Record<string, number>;
  /** Stages that count as early for "leads on deck"; empty means the first third of `stages`. */
  earlyStages: string[];
  /** Local dates (YYYY-MM-DD) that are not working days. */
  holidays: string[];
  commission: CommissionPlan;
  activityWeights: DriverTargets;
}

/** Salesforce's default opportunity pipeline, without the two closed stages. */
export const DEFAULT_STAGES: readonly string[] = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
];

export const DEFAULT_ACTIVITY_WEIGHTS: Readonly<Record<Driver, number>> = {
  calls: 1,
  emails: 0.5,
  conversations: 2,
  meetings: 5,
  linkedinViews: 0.2,
  linkedinConnects: 0.5,
  linkedinMessages: 0.5,
  linkedinInmails: 1,
  leads: 2,
  referralsGiven: 3,
  referralsReceived: 3,
  eventsAttended: 3,
  proposalsSubmitted: 10,
};

export const DEFAULT_COMMISSION: CommissionPlan = {
  period: 'quarter',
  tiers: [{ fromAttainment: 0, rate: 0.1 }],
  accelerator: { above: 1, multiplier: 1.5 },
  decelerator: { below: 0.5, multiplier: 0.5 },
};

const machineTimeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

/**
 * A plan to start from: no quota yet (quota-based figures show as unknown until one is
 * entered), targets from common B2B playbooks, Salesforce's default stages.
 */
export function defaultPlan(timeZone: string = machineTimeZone()): Plan {
  return {
    fiscalYearStartMonth: 1,
    weekStartsOn: 1,
    timeZone,
    currency: 'USD',
    rates: {},
    annual: [{ effectiveFrom: '1970-01-01', annualQuota: 0 }],
    weeklyTargets: { calls: 50, emails: 40, conversations: 15, meetings: 8, linkedinConnects: 20, leads: 10, proposalsSubmitted: 2 },
    dailyTargets: { calls: 10, emails: 8, meetings: 2 },
    stages: [...DEFAULT_STAGES],
    stageTargets: Object.fromEntries(DEFAULT_STAGES.map(s => [s, stageTargetDays(s)])),
    stageProbabilities: {},
    earlyStages: [],
    holidays: [],
    commission: structuredClone(DEFAULT_COMMISSION),
    activityWeights: { ...DEFAULT_ACTIVITY_WEIGHTS },
  };
}

// ---- validation ---------------------------------------------------------------------------

export interface PlanError {
  /** Where the bad value is, e.g. 'annual[1].annualQuota', for the options page to show inline. */
  path: string;
  /** In English, for Node tools and logs; screens word `code` and `values` (lib/plan-words.ts). */
  message: string;
  code: PlanErrorCode;
  /** What the message names: the value given, a currency, a stage, numbers (unformatted). */
  values?: Record<string, string | number>;
}

export type PlanErrorCode =
  | 'not_object' | 'fiscal_month' | 'week_start' | 'time_zone_missing' | 'time_zone_unknown' | 'currency_code' | 'currency_unknown'
  | 'rates_not_map' | 'rate_currency_unknown' | 'rate_not_positive' | 'rate_plan_currency' | 'rate_missing'
  | 'annual_missing' | 'revision_not_object' | 'date_invalid' | 'revision_twice' | 'quota_not_number' | 'quota_negative'
  | 'quarters_four' | 'quarter_invalid' | 'quarters_sum' | 'targets_not_map' | 'unknown_driver' | 'target_invalid'
  | 'stages_not_list' | 'stages_empty' | 'stage_unnamed' | 'stage_twice' | 'early_not_stage' | 'stage_targets_not_map'
  | 'stage_target_invalid' | 'probabilities_not_map' | 'probability_invalid' | 'holidays_not_list'
  | 'commission_missing' | 'commission_period' | 'tiers_missing' | 'tier_not_object' | 'tier_from_invalid' | 'first_tier'
  | 'tiers_up' | 'tier_rate' | 'accelerator_above' | 'accelerator_multiplier' | 'decelerator_below' | 'decelerator_multiplier'
  | 'cap_not_object' | 'cap_attainment' | 'cap_payout';
type Err = (path: string, code: PlanErrorCode, message: string, values?: Record<string, string | number>) => void;
export type PlanValidation = { ok: true; plan: Plan } | { ok: false; errors: PlanError[] };

const supportedCurrencies: ReadonlySet<string> | null = (() => {
  try {
    return new Set(Intl.supportedValuesOf('currency'));
  } catch {
    return null;
  }
})();

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

export interface ValidateOptions {
  /** Currencies seen in the rep's deals and events: each needs a rate unless it is the plan's. */
  currenciesInUse?: Iterable<string>;
}

/**
 * Checks a plan as the options page produced it. Returns the plan normalised (revisions
 * sorted by date, holidays sorted and unique) or every error with its path.
 */
export function validatePlan(input: unknown, options: ValidateOptions = {}): PlanValidation {
  const errors: PlanError[] = [];
  const err: Err = (path, code, message, values) => errors.push({ path, code, message, ...(values ? { values } : {}) });
  if (!isRecord(input)) return { ok: false, errors: [{ path: '', code: 'not_object', message: 'The plan must be an object.' }] };
  const p = input;

  if (!Number.isInteger(p.fiscalYearStartMonth) || (p.fiscalYearStartMonth as number) < 1 || (p.fiscalYearStartMonth as number) > 12) {
    err('fiscalYearStartMonth', 'fiscal_month', `The fiscal year must start in a month from 1 (January) to 12 (December), not ${String(p.fiscalYearStartMonth)}.`, { value: String(p.fiscalYearStartMonth) });
  }
  if (!Number.isInteger(p.weekStartsOn) || (p.weekStartsOn as number) < 0 || (p.weekStartsOn as number) > 6) {
    err('weekStartsOn', 'week_start', `The week must start on a day from 0 (Sunday) to 6 (Saturday), not ${String(p.weekStartsOn)}.`, { value: String(p.weekStartsOn) });
  }
  if (p.timeZone === undefined || p.timeZone === null || p.timeZone === '') err('timeZone', 'time_zone_missing', 'The plan needs a time zone: not a time zone set yet (use an IANA name like Europe/Berlin).');
  else if (!isValidTimeZone(p.timeZone)) err('timeZone', 'time_zone_unknown', `"${String(p.timeZone)}" is not a time zone this browser knows (use an IANA name like Europe/Berlin).`, { value: String(p.timeZone) });

  const currencyCode = (v: unknown): v is string => typeof v === 'string' && /^[A-Z]{3}$/.test(v);
  const knownCurrency = (c: string) => supportedCurrencies === null || supportedCurrencies.has(c);
  if (!currencyCode(p.currency)) err('currency', 'currency_code', `The plan currency must be a three-letter ISO code like USD or EUR, not "${String(p.currency)}".`, { value: String(p.currency) });
  else if (!knownCurrency(p.currency)) err('currency', 'currency_unknown', `${p.currency} is not a known ISO 4217 currency.`, { code: p.currency });

  const rates = isRecord(p.rates) ? p.rates : null;
  if (!rates) err('rates', 'rates_not_map', 'Exchange rates must be a list of currency → rate.');
  else {
    for (const [code, rate] of Object.entries(rates)) {
      if (!currencyCode(code) || !knownCurrency(code)) err(`rates.${code}`, 'rate_currency_unknown', `"${code}" is not a known ISO 4217 currency.`, { code });
      else if (!isNum(rate) || rate <= 0) err(`rates.${code}`, 'rate_not_positive', `The rate for ${code} must be a positive number, not ${String(rate)}.`, { code, value: String(rate) });
      else if (code === p.currency && rate !== 1) err(`rates.${code}`, 'rate_plan_currency', `${code} is the plan currency, so its rate is 1, not ${fmt(rate)}.`, { code, rate });
    }
  }
  if (options.currenciesInUse && currencyCode(p.currency)) {
    for (const c of new Set(options.currenciesInUse)) {
      if (c !== p.currency && !(rates && isNum(rates[c]) && (rates[c] as number) > 0)) {
        err(`rates.${c}`, 'rate_missing', `Some deals are in ${c}, which has no rate to ${p.currency}: add one, or those amounts are shown apart and left out of totals.`, { code: c, currency: p.currency });
      }
    }
  }

  // Quota revisions.
  const annual: PlanRevision[] = [];
  if (!Array.isArray(p.annual) || p.annual.length === 0) err('annual', 'annual_missing', 'The plan needs at least one annual quota.');
  else {
    const dates = new Set<string>();
    p.annual.forEach((r: unknown, i: number) => {
      const at = `annual[${i}]`;
      if (!isRecord(r)) return err(at, 'revision_not_object', 'Each quota revision must be an object.');
      let ok = true;
      if (!isCivilDate(r.effectiveFrom)) {
        err(`${at}.effectiveFrom`, 'date_invalid', `"${String(r.effectiveFrom)}" is not a date (YYYY-MM-DD).`, { value: String(r.effectiveFrom) });
        ok = false;
      } else if (dates.has(r.effectiveFrom)) {
        err(`${at}.effectiveFrom`, 'revision_twice', `Two revisions take effect on ${r.effectiveFrom}: keep one.`, { date: r.effectiveFrom });
        ok = false;
      } else dates.add(r.effectiveFrom);
      if (!isNum(r.annualQuota)) {
        err(`${at}.annualQuota`, 'quota_not_number', `The annual quota must be a number, not ${String(r.annualQuota)}.`, { value: String(r.annualQuota) });
        ok = false;
      } else if (r.annualQuota < 0) {
        err(`${at}.annualQuota`, 'quota_negative', `The annual quota cannot be negative (${fmt(r.annualQuota)}).`, { quota: r.annualQuota });
        ok = false;
      }
      if (r.quarterQuotas !== undefined) {
        const q = r.quarterQuotas;
        if (!Array.isArray(q) || q.length !== 4) {
          err(`${at}.quarterQuotas`, 'quarters_four', 'Quarter quotas must be four numbers, Q1 to Q4.');
          ok = false;
        } else {
          q.forEach((v: unknown, k: number) => {
            if (!isNum(v) || v < 0) {
              err(`${at}.quarterQuotas[${k}]`, 'quarter_invalid', `The Q${k + 1} quota must be a number of 0 or more, not ${String(v)}.`, { quarter: k + 1, value: String(v) });
              ok = false;
            }
          });
          if (ok && isNum(r.annualQuota)) {
            const sum = (q as number[]).reduce((a, b) => a + b, 0);
            if (Math.abs(sum - r.annualQuota) > 0.005 * Math.max(1, r.annualQuota)) {
              err(`${at}.quarterQuotas`, 'quarters_sum', `The quarter quotas add up to ${fmt(sum)}, not the annual quota of ${fmt(r.annualQuota)}.`, { sum, quota: r.annualQuota });
              ok = false;
            }
          }
        }
      }
      if (ok) {
        const rev: PlanRevision = { effectiveFrom: r.effectiveFrom as string, annualQuota: r.annualQuota as number };
        if (r.quarterQuotas !== undefined) rev.quarterQuotas = [...(r.quarterQuotas as number[])] as PlanRevision['quarterQuotas'];
        if (typeof r.note === 'string') rev.note = r.note;
        annual.push(rev);
      }
    });
  }

  const targets = (key: 'weeklyTargets' | 'dailyTargets' | 'activityWeights', what: string) => {
    const t = p[key];
    if (!isRecord(t)) return err(key, 'targets_not_map', `${what} must be a list of driver → number.`, { kind: key });
    for (const [k, v] of Object.entries(t)) {
      if (!(DRIVERS as readonly string[]).includes(k)) err(`${key}.${k}`, 'unknown_driver', `"${k}" is not an activity Pacer counts (${DRIVERS.join(', ')}).`, { value: k });
      else if (!isNum(v) || v < 0) err(`${key}.${k}`, 'target_invalid', `${what} for ${k} must be a number of 0 or more, not ${String(v)}.`, { kind: key, driver: k, value: String(v) });
    }
  };
  targets('weeklyTargets', 'A weekly target');
  targets('dailyTargets', 'A daily target');
  targets('activityWeights', 'A weight');

  const stringList = (key: 'stages' | 'earlyStages', allowEmpty: boolean): string[] | null => {
    const v = p[key];
    if (!Array.isArray(v) || (!allowEmpty && v.length === 0)) {
      if (allowEmpty) err(key, 'stages_not_list', 'Must be a list of stage names.');
      else err(key, 'stages_empty', 'The pipeline needs at least one stage.');
      return null;
    }
    const seen = new Set<string>();
    v.forEach((s: unknown, i: number) => {
      if (typeof s !== 'string' || s.trim() === '') err(`${key}[${i}]`, 'stage_unnamed', 'A stage needs a name.');
      else if (seen.has(s)) err(`${key}[${i}]`, 'stage_twice', `"${s}" is listed twice.`, { stage: s });
      else seen.add(s);
    });
    return v as string[];
  };
  const stages = stringList('stages', false);
  const earlyStages = stringList('earlyStages', true);
  if (stages && earlyStages) {
    earlyStages.forEach((s, i) => {
      if (typeof s === 'string' && !stages.includes(s)) err(`earlyStages[${i}]`, 'early_not_stage', `"${s}" is not one of the pipeline's stages.`, { stage: s });
    });
  }
  if (!isRecord(p.stageTargets)) err('stageTargets', 'stage_targets_not_map', 'Stage targets must be a list of stage → days.');
  else {
    for (const [s, v] of Object.entries(p.stageTargets)) {
      if (!isNum(v) || v <= 0) err(`stageTargets.${s}`, 'stage_target_invalid', `The target for "${s}" must be a number of days above 0, not ${String(v)}.`, { stage: s, value: String(v) });
    }
  }
  if (!isRecord(p.stageProbabilities)) err('stageProbabilities', 'probabilities_not_map', 'Stage probabilities must be a list of stage → probability.');
  else {
    for (const [s, v] of Object.entries(p.stageProbabilities)) {
      if (!isNum(v) || v < 0 || v > 1) err(`stageProbabilities.${s}`, 'probability_invalid', `The probability for "${s}" must be between 0 and 1 (0.25 is 25 %), not ${String(v)}.`, { stage: s, value: String(v) });
    }
  }

  if (!Array.isArray(p.holidays)) err('holidays', 'holidays_not_list', 'Holidays must be a list of dates.');
  else p.holidays.forEach((h: unknown, i: number) => {
    if (!isCivilDate(h)) err(`holidays[${i}]`, 'date_invalid', `"${String(h)}" is not a date (YYYY-MM-DD).`, { value: String(h) });
  });

  validateCommission(p.commission, err);

  if (errors.length > 0) return { ok: false, errors };
  const plan = structuredClone(p) as unknown as Plan;
  plan.annual = annual.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  plan.holidays = [...new Set(plan.holidays)].sort();
  return { ok: true, plan };
}

function validateCommission(c: unknown, err: Err): void {
  if (!isRecord(c)) return err('commission', 'commission_missing', 'The commission plan is missing.');
  if (!['month', 'quarter', 'fiscalYear'].includes(c.period as string)) {
    err('commission.period', 'commission_period', `Commission is measured per month, quarter or fiscalYear, not "${String(c.period)}".`, { value: String(c.period) });
  }
  if (!Array.isArray(c.tiers) || c.tiers.length === 0) err('commission.tiers', 'tiers_missing', 'The commission plan needs at least one tier.');
  else {
    let previous = -Infinity;
    c.tiers.forEach((t: unknown, i: number) => {
      const at = `commission.tiers[${i}]`;
      if (!isRecord(t)) return err(at, 'tier_not_object', 'Each tier must be an object.');
      if (!isNum(t.fromAttainment) || t.fromAttainment < 0) err(`${at}.fromAttainment`, 'tier_from_invalid', `A tier must start at an attainment of 0 or more (1 = 100 %), not ${String(t.fromAttainment)}.`, { value: String(t.fromAttainment) });
      else {
        if (i === 0 && t.fromAttainment !== 0) err(`${at}.fromAttainment`, 'first_tier', 'The first tier must start at 0 % attainment.');
        if (t.fromAttainment <= previous) err(`${at}.fromAttainment`, 'tiers_up', `Tiers must go up: ${fmt(t.fromAttainment * 100)} % comes after ${fmt(previous * 100)} %.`, { from: t.fromAttainment * 100, previous: previous * 100 });
        previous = t.fromAttainment;
      }
      if (!isNum(t.rate) || t.rate < 0 || t.rate > 1) err(`${at}.rate`, 'tier_rate', `A commission rate is a fraction of revenue between 0 and 1 (0.1 is 10 %), not ${String(t.rate)}.`, { value: String(t.rate) });
    });
  }
  if (c.accelerator !== undefined) {
    const a = c.accelerator;
    if (!isRecord(a) || !isNum(a.above) || a.above < 0) err('commission.accelerator.above', 'accelerator_above', 'The accelerator starts at an attainment of 0 or more (1 = 100 %).');
    if (!isRecord(a) || !isNum(a.multiplier) || a.multiplier < 1) err('commission.accelerator.multiplier', 'accelerator_multiplier', 'An accelerator multiplies the rate by 1 or more.');
  }
  if (c.decelerator !== undefined) {
    const d = c.decelerator;
    if (!isRecord(d) || !isNum(d.below) || d.below <= 0 || d.below > 1) err('commission.decelerator.below', 'decelerator_below', 'The decelerator threshold is an attainment above 0 and at most 1 (0.5 = 50 %).');
    if (!isRecord(d) || !isNum(d.multiplier) || d.multiplier < 0 || d.multiplier > 1) err('commission.decelerator.multiplier', 'decelerator_multiplier', 'A decelerator multiplies the rate by a number between 0 and 1.');
  }
  if (c.cap !== undefined) {
    const cap = c.cap;
    if (!isRecord(cap)) return err('commission.cap', 'cap_not_object', 'The cap must be an object.');
    if (cap.maxAttainment !== undefined && (!isNum(cap.maxAttainment) || cap.maxAttainment <= 0)) err('commission.cap.maxAttainment', 'cap_attainment', 'The attainment cap must be above 0 (2 = 200 %).');
    if (cap.maxPayout !== undefined && (!isNum(cap.maxPayout) || cap.maxPayout < 0)) err('commission.cap.maxPayout', 'cap_payout', 'The payout cap cannot be negative.');
  }
}
