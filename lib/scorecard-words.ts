// The scorecard's words in the interface's language (issue #9, item 6). lib/scorecard-store.ts
// shapes the scorecard in English for Node tools and its tests; the side panel words it here,
// from the same numbers, through t(). English is byte-identical to the store's shaping
// (tests/components/scorecard-i18n.test.tsx holds the two side by side).
import type { ZonedPeriod } from './metrics/periods';
import type { Scorecard } from './metrics/scorecard';
import { driverLabel } from './driver-labels';
import { pluralKey, t, uiLocale, type MessageKey } from './i18n';
import {
  driverRows,
  formatters,
  goalSummary,
  UNKNOWN,
  type GoalSummary,
  type KpiRow,
  type PaceStatus,
  type PyramidFocus,
  type PyramidTier,
  type ScorecardPeriod,
} from './scorecard-store';

type Formatters = ReturnType<typeof formatters>;

/** 'unknown' from the store's formatters, in the interface's language; anything else as it is. */
export const known = (text: string): string => (text === UNKNOWN ? t('scUnknown') : text);

/** "12 d" from a formatted number; 'unknown' stays unknown (never "unknown d"). */
export const daysShort = (formatted: string): string => (formatted === UNKNOWN ? t('scUnknown') : t('scDaysShort', formatted));

export { pluralKey };

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

const DRIVER_ROW_LABEL: Record<string, () => string> = {
  calls: () => driverLabel('calls'),
  emails: () => driverLabel('emails'),
  meetings: () => driverLabel('meetings'),
  linkedin: () => t('scDriverLinkedin'),
  leads: () => t('scDriverLeads'),
  referrals: () => t('scDriverReferrals'),
  events: () => t('scDriverEvents'),
};

/** A scorecard driver row's name (SCORECARD_DRIVERS' key). */
export const driverRowLabel = (key: string): string => DRIVER_ROW_LABEL[key]?.() ?? key;

const PACE_KEYS: Record<PaceStatus, MessageKey> = { ahead: 'scPaceAhead', 'on pace': 'scPaceOn', behind: 'scPaceBehind' };
export const paceWord = (p: PaceStatus): string => t(PACE_KEYS[p]);

/** A change in a ratio as percentage points ("+3.5 pt"). */
function points(n: number | null, locale?: string): string {
  if (n === null || !Number.isFinite(n)) return t('scUnknown');
  const signedOne = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return t('scPoints', signedOne.format(Math.round(n * 1000) / 10));
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** The KPI rows (as lib/scorecard-store's kpiRows), worded. */
export function kpiRowsWords(s: Scorecard, locale?: string): KpiRow[] {
  const f = formatters(locale);
  const cur = s.current;
  const prev = s.previous;
  const days = (n: number | null) => (n === null ? t('scUnknown') : daysShort(f.one(n)));
  const signedDays = (n: number | null) => (n === null ? t('scUnknown') : daysShort(f.signed(n)));
  return [
    { key: 'winRate', label: t('scKpiWinRate'), value: known(f.pct(cur.winRate.rate)), change: points(diff(cur.winRate.rate, prev.winRate.rate), locale) },
    { key: 'cycle', label: t('scKpiCycle'), value: days(cur.salesCycle.median), change: signedDays(diff(cur.salesCycle.median, prev.salesCycle.median)) },
    {
      key: 'proposals',
      label: t('scKpiProposals'),
      value: cur.proposals.submitted === 0 ? t('scUnknown') : t('scPartOfWhole', [f.int(cur.proposals.accepted), f.int(cur.proposals.submitted), known(f.pct(cur.proposals.rate))]),
      change: points(diff(cur.proposals.rate, prev.proposals.rate), locale),
    },
    { key: 'discount', label: t('scKpiDiscount'), value: known(f.pct(cur.discounting.average)), change: points(diff(cur.discounting.average, prev.discounting.average), locale) },
    // Coverage is "now": the scorecard keeps no previous value.
    { key: 'coverage', label: t('scKpiCoverage'), value: s.coverage.coverage === null ? t('scUnknown') : t('scTimes', f.one(s.coverage.coverage)), change: t('scUnknown') },
  ];
}

/** The goals (as lib/scorecard-store's goalSummary), worded. */
export function goalSummaryWords(s: Scorecard, locale?: string): GoalSummary {
  const g = goalSummary(s, locale);
  const f = formatters(locale);
  const pace = s.pacing.workingDays ?? s.pacing.linear;
  const a = s.current.attainment;
  const by = f.money(Math.abs(pace.ahead), s.currency);
  const pacing = g.status === 'on pace' ? t('scOnPaceGoal') : t(g.status === 'ahead' ? 'scAheadBy' : 'scBehindBy', known(by));
  const caveats = [
    ...Object.entries(a.unconverted)
      .filter(([, v]) => v !== 0)
      .map(([cur, v]) => t('scWithoutRate', [f.int(v), cur])),
    ...(a.unknownAmounts > 0 ? [plural(a.unknownAmounts, 'scWonNoAmountOne', 'scWonNoAmountOther', f.int(a.unknownAmounts), locale)] : []),
  ];
  return {
    ...g,
    attained: known(g.attained),
    quota: known(g.quota),
    attainment: known(g.attainment),
    pacing,
    projected: known(g.projected),
    commission: known(g.commission),
    caveat: caveats.length ? t('scNotCounted', caveats.join('; ')) : null,
  };
}

const TIER_KEYS: Record<PyramidTier, MessageKey> = { drivers: 'scTierDrivers', kpis: 'scTierKpis', goals: 'scTierGoals' };
export const tierWord = (tier: PyramidTier): string => t(TIER_KEYS[tier]);

/** The pyramid (as lib/scorecard-store's pyramidFocus), worded. */
export function pyramidFocusWords(s: Scorecard, locale?: string): PyramidFocus {
  const f = formatters(locale);
  const drivers = driverRows(s)
    .filter(r => r.pace === 'behind')
    .map(r => driverRowLabel(r.driver));
  const kpis: string[] = [];
  if (s.coverage.coverage !== null && s.coverage.coverage < 1) kpis.push(t('scKpiCoverage'));
  if (s.change.winRate !== null && s.change.winRate < 0) kpis.push(t('scKpiWinRate'));
  const goals = s.current.quota > 0 && s.pacing.status === 'behind' ? [t('scQuota')] : [];
  const [tier, behind]: [PyramidTier | null, string[]] = drivers.length ? ['drivers', drivers] : kpis.length ? ['kpis', kpis] : goals.length ? ['goals', goals] : [null, []];
  const p = s.pyramid;
  const catchUp =
    p.gap > 0
      ? [
          { label: t('scQuotaToClose'), value: known(f.money(p.gap, s.currency)) },
          { label: t('scDealsToWin'), value: known(f.int(p.deals)) },
          { label: t('scDealsToWork'), value: known(f.int(p.dealsToWork)) },
          { label: t('scProposals'), value: known(f.int(p.proposals)) },
          { label: driverLabel('meetings'), value: known(f.int(p.meetings)) },
          { label: driverLabel('calls'), value: known(f.int(p.calls)) },
        ]
      : [];
  return { tier, behind, catchUp };
}

/** A sparkline's accessible name (as lib/scorecard-store's sparklineSummary), worded. */
export function sparklineSummaryWords(label: string, data: readonly [readonly number[], readonly number[]], locale?: string): string {
  const ys = data[1];
  if (ys.length === 0) return t('scSparkEmpty', label);
  const f: Formatters = formatters(locale);
  const total = ys.reduce((a, b) => a + b, 0);
  return t('scSpark', [label, f.int(ys.length), f.int(total), f.int(Math.max(...ys)), f.int(ys[ys.length - 1])]);
}
