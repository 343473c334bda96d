// The scorecard's words, in the interface's language (issue #9, item 6): the one place the
// numbers, codes and keys of lib/scorecard-store.ts become text, through t(). Node tools and
// unit tests get English: lib/i18n's fallback messages when no browser i18n API answers.
// Numbers follow `locale` (the browser's locale when not given) through Intl; an unknown
// number is the word "unknown" in the interface's language, never NaN.
import type { ZonedPeriod } from './metrics/periods';
import type { Scorecard } from './metrics/scorecard';
import { driverLabel } from './driver-labels';
import { pluralKey, t, uiLocale, type MessageKey } from './i18n';
import {
  goalSummary,
  kpiRows,
  pyramidFocus,
  sparklineTotals,
  type CatchUpKey,
  type KpiKey,
  type PaceStatus,
  type PyramidItem,
  type PyramidTier,
  type ScorecardDriver,
  type ScorecardFailure,
  type ScorecardPeriod,
} from './scorecard-store';

type Num = number | null | undefined;
const isKnown = (n: Num): n is number => n !== null && n !== undefined && Number.isFinite(n);

/** Number formatting for a locale (the runtime's when not given); every unknown number comes out as `unknown`. */
export function formatters(locale?: string) {
  const unknown = t('scUnknown');
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const one = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const signedOne = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const money = (currency: string) => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }); // a currency code Intl does not know
    }
  };
  const known = (n: Num, text: (n: number) => string): string => (isKnown(n) ? text(n) : unknown);
  return {
    unknown,
    int: (n: Num) => known(n, x => int.format(x)),
    one: (n: Num) => known(n, x => one.format(x)),
    pct: (n: Num) => known(n, x => pct.format(x)),
    signed: (n: Num) => known(n, x => signedOne.format(x)),
    money: (n: Num, currency: string) => known(n, x => money(currency).format(x)),
    /** A change in a share as percentage points ("+3.5 pt"). */
    points: (n: Num) => known(n, x => t('scPoints', signedOne.format(Math.round(x * 1000) / 10))),
    /** Days to one decimal ("12.5 d"). */
    days: (n: Num) => known(n, x => t('scDaysShort', one.format(x))),
    /** Whole days ("12 d"). */
    wholeDays: (n: Num) => known(n, x => t('scDaysShort', int.format(x))),
    /** A change in days ("+2 d"). */
    signedDays: (n: Num) => known(n, x => t('scDaysShort', signedOne.format(x))),
    /** A multiple ("2.5×"). */
    times: (n: Num) => known(n, x => t('scTimes', one.format(x))),
  };
}

export type Formatters = ReturnType<typeof formatters>;

/** `oneKey` or `otherKey` for `n`, with `formatted` (n as the screen writes it) as `$1`. */
export const plural = (n: number, oneKey: MessageKey, otherKey: MessageKey, formatted: string, locale = uiLocale()): string =>
  t(pluralKey(n, oneKey, otherKey, locale), formatted);

const PERIOD_KEYS: Record<ScorecardPeriod, MessageKey> = { week: 'scPeriodWeek', month: 'scPeriodMonth', quarter: 'scPeriodQuarter', year: 'scPeriodYear' };

/** The period switch's option names. */
export const periodOptionLabel = (p: ScorecardPeriod): string => t(PERIOD_KEYS[p]);

/**
 * The period's name above the scorecard ("Week of 2026-11-23", "Q4 FY2026", "2026-11").
 * The metrics' English label is taken apart rather than rebuilt, so a fiscal year that
 * straddles two calendar years keeps its "2026/27".
 */
export function periodName(p: Pick<ZonedPeriod, 'kind' | 'label' | 'startDate' | 'fiscalQuarter'>): string {
  const fy = /FY(\S+)$/.exec(p.label)?.[1];
  switch (p.kind) {
    case 'week':
      return t('scPeriodWeekOf', p.startDate);
    case 'quarter':
      return fy === undefined ? p.label : t('scPeriodQuarterOf', [p.fiscalQuarter, t('scFiscalYear', fy)]);
    case 'fiscalYear':
      return fy === undefined ? p.label : t('scFiscalYear', fy);
    default:
      return p.label; // a month is "2026-11", a day its date: digits only
  }
}

/** Why the scorecard could not be built (the store's error), as the sentence after "Could not build the scorecard:". */
export function scorecardErrorText(e: { message: string; failure?: ScorecardFailure }): string {
  if (e.failure === 'period') return t('syncErrPeriod', e.message);
  if (e.failure === 'plan') return t('plan_read_failed', e.message);
  return e.message;
}

const DRIVER_ROW_LABEL: Record<ScorecardDriver, () => string> = {
  calls: () => driverLabel('calls'),
  emails: () => driverLabel('emails'),
  meetings: () => driverLabel('meetings'),
  linkedin: () => t('scDriverLinkedin'),
  leads: () => t('scDriverLeads'),
  referrals: () => t('scDriverReferrals'),
  events: () => t('scDriverEvents'),
};

/** A scorecard driver row's name. */
export const driverRowLabel = (key: ScorecardDriver): string => DRIVER_ROW_LABEL[key]();

const PACE_KEYS: Record<PaceStatus, MessageKey> = { ahead: 'scPaceAhead', 'on pace': 'scPaceOn', behind: 'scPaceBehind' };
export const paceWord = (p: PaceStatus): string => t(PACE_KEYS[p]);

const KPI_KEYS: Record<KpiKey, MessageKey> = {
  winRate: 'scKpiWinRate',
  cycle: 'scKpiCycle',
  proposals: 'scKpiProposals',
  discount: 'scKpiDiscount',
  coverage: 'scKpiCoverage',
};
const kpiLabel = (key: KpiKey): string => t(KPI_KEYS[key]);

export interface KpiRowWords {
  key: KpiKey;
  label: string;
  value: string;
  /** Against the previous period. */
  change: string;
}

/** The KPI rows (lib/scorecard-store's kpiRows), worded. */
export function kpiRowsWords(s: Scorecard, locale?: string): KpiRowWords[] {
  const f = formatters(locale);
  return kpiRows(s).map(r => {
    const label = kpiLabel(r.key);
    switch (r.key) {
      case 'cycle':
        return { key: r.key, label, value: f.days(r.value), change: f.signedDays(r.change) };
      case 'coverage':
        return { key: r.key, label, value: f.times(r.value), change: f.unknown };
      case 'proposals': {
        const a = r.accepted!;
        return { key: r.key, label, value: a.of === 0 ? f.unknown : t('scPartOfWhole', [f.int(a.count), f.int(a.of), f.pct(r.value)]), change: f.points(r.change) };
      }
      default:
        return { key: r.key, label, value: f.pct(r.value), change: f.points(r.change) };
    }
  });
}

export interface GoalSummaryWords {
  /** False when the plan sets no quota for the period: the UI asks for a plan. */
  hasPlan: boolean;
  status: PaceStatus;
  attained: string;
  quota: string;
  attainment: string;
  /** "Ahead by $1,200" / "Behind by $3,400" / "On pace". */
  pacing: string;
  projected: string;
  commission: string;
  /** "Not counted: …" (won amounts not in `attained`), or null. */
  caveat: string | null;
}

/** The goals (lib/scorecard-store's goalSummary), worded. */
export function goalSummaryWords(s: Scorecard, locale?: string): GoalSummaryWords {
  const g = goalSummary(s);
  const f = formatters(locale);
  const money = (n: Num) => f.money(n, g.currency);
  const pacing = g.status === 'on pace' ? t('scOnPaceGoal') : t(g.status === 'ahead' ? 'scAheadBy' : 'scBehindBy', money(Math.abs(g.ahead)));
  const { unconverted, unknownAmounts } = g.notCounted;
  const caveats = [
    ...unconverted.map(([currency, amount]) => t('scWithoutRate', [f.int(amount), currency])),
    ...(unknownAmounts > 0 ? [plural(unknownAmounts, 'scWonNoAmountOne', 'scWonNoAmountOther', f.int(unknownAmounts), locale)] : []),
  ];
  return {
    hasPlan: g.hasPlan,
    status: g.status,
    attained: money(g.attained),
    quota: money(g.quota),
    attainment: f.pct(g.attainment),
    pacing,
    projected: money(g.projected),
    commission: money(g.commission),
    caveat: caveats.length ? t('scNotCounted', caveats.join('; ')) : null,
  };
}

const TIER_KEYS: Record<PyramidTier, MessageKey> = { drivers: 'scTierDrivers', kpis: 'scTierKpis', goals: 'scTierGoals' };
export const tierWord = (tier: PyramidTier): string => t(TIER_KEYS[tier]);

/** What is behind, by name: a driver row, a KPI, or the quota. */
export function pyramidItemLabel(item: PyramidItem): string {
  if (item === 'quota') return t('scQuota');
  if (item === 'coverage' || item === 'winRate') return kpiLabel(item);
  return driverRowLabel(item);
}

const CATCH_UP_LABEL: Record<CatchUpKey, () => string> = {
  quotaToClose: () => t('scQuotaToClose'),
  dealsToWin: () => t('scDealsToWin'),
  dealsToWork: () => t('scDealsToWork'),
  proposals: () => t('scProposals'),
  meetings: () => driverLabel('meetings'),
  calls: () => driverLabel('calls'),
};

export interface PyramidFocusWords {
  /** The lowest tier that is behind; null when nothing is behind. */
  tier: PyramidTier | null;
  /** What is behind in that tier, by name. */
  behind: string[];
  catchUp: { key: CatchUpKey; label: string; value: string }[];
}

/** The pyramid (lib/scorecard-store's pyramidFocus), worded. */
export function pyramidFocusWords(s: Scorecard, locale?: string): PyramidFocusWords {
  const p = pyramidFocus(s);
  const f = formatters(locale);
  return {
    tier: p.tier,
    behind: p.behind.map(pyramidItemLabel),
    catchUp: p.catchUp.map(({ key, value }) => ({ key, label: CATCH_UP_LABEL[key](), value: key === 'quotaToClose' ? f.money(value, s.currency) : f.int(value) })),
  };
}

/** A sparkline's accessible name: "Calls per day over 23 days: total 42, best day 9, last day 3". */
export function sparklineSummaryWords(label: string, data: readonly [readonly number[], readonly number[]], locale?: string): string {
  const n = sparklineTotals(data);
  if (n === null) return t('scSparkEmpty', label);
  const f = formatters(locale);
  return t('scSpark', [label, f.int(n.days), f.int(n.total), f.int(n.best), f.int(n.last)]);
}
