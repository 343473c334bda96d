// Shaping for the scorecard's river and achievements (issue #6): pure functions from a
// Scorecard to strings the ScorecardRiver and ScorecardAchievements components render.
// Numbers are formatted with Intl for the locale (lib/scorecard-words' formatters); an unknown
// is the word "unknown", never NaN. Words come through t() in the interface's language
// (English in unit tests and Node).
import type { DealEarnings } from './metrics/commission';
import type { BookingsChart, CycleHistogram, WeeklyActivityChart } from './metrics/charts';
import { UNKNOWN_CURRENCY, type Money } from './metrics/money';
import { localDateOf } from './metrics/periods';
import type { Scorecard } from './metrics/scorecard';
import { pluralKey, t, type MessageKey } from './i18n';
import { driverLabel } from './driver-labels';
import { formatters, plural, type Formatters } from './scorecard-words';

/** Money as text: the converted total, plus what could not be converted; 'unknown' when no amount is known. */
export function formatMoney(m: Money, count: number, f: Formatters): string {
  const unconverted = Object.entries(m.unconverted).filter(([, v]) => v !== 0);
  const knownItems = count - m.unknownAmounts;
  if (count > 0 && knownItems <= 0) return f.unknown;
  const parts = [
    ...(m.total !== 0 || unconverted.length === 0 ? [f.money(m.total, m.currency)] : []),
    ...unconverted.map(([c, v]) => (c === UNKNOWN_CURRENCY ? t('scNoCurrency', f.int(v)) : f.money(v, c))),
  ];
  return parts.join(' + ');
}

/** Only http(s) links open a deal; anything else (javascript:, empty) is not a link. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// ---- the river ------------------------------------------------------------------------------

export interface RiverStageRow {
  stage: string;
  /** Open deals in the stage, formatted. */
  count: string;
  /** Open deals in the stage, as a number (for empty checks). */
  deals: number;
  /** Their value, formatted; 'unknown' when none of them has an amount. */
  value: string;
  /** Deals in the stage without an amount, as text ("2 without an amount"), or null. */
  caveat: string | null;
  /** Open deals past the stage's target, formatted. */
  overTarget: string;
  /** True for the stage where deals stall most. */
  stall: boolean;
}

export interface RiverDealRow {
  id: string;
  name: string;
  /** "23 d" */
  days: string;
  /** "14 d" */
  target: string;
  /** "23 d in stage, target 14 d": a label a screen reader reads whole. */
  summary: string;
  /** The deal in its CRM; null when the snapshot's URL is not http(s). */
  url: string | null;
}

export interface StallView {
  stage: string;
  /** Share that moved on from this stage (all history), or 'unknown'. */
  conversion: string;
  /** Median days in the stage before leaving it, or 'unknown'. */
  medianDays: string;
  targetDays: string;
  overTarget: string;
  deals: RiverDealRow[];
}

export interface RiverView {
  /** Open deals in all stages; 0 → the empty state. */
  openDeals: number;
  total: { count: string; value: string };
  /** Stages in pipeline order: the plan's first, then any other stage with open deals. */
  stages: RiverStageRow[];
  /** The stall stage; null when no open deal is past its stage's target. */
  stall: StallView | null;
}

export function riverView(s: Scorecard, locale?: string): RiverView {
  const f = formatters(locale);
  const stallStage = s.river.stage?.stage ?? null;
  const overByStage = new Map(s.river.stages.map(r => [r.stage, r.overTarget]));
  const stages = s.pipeline.stages.map((p): RiverStageRow => ({
    stage: p.stage,
    count: f.int(p.count),
    deals: p.count,
    value: formatMoney(p.value, p.count, f),
    caveat: p.value.unknownAmounts > 0 && p.value.unknownAmounts < p.count ? t('scWithoutAmount', f.int(p.value.unknownAmounts)) : null,
    overTarget: f.int(overByStage.get(p.stage) ?? 0),
    stall: p.stage === stallStage,
  }));
  const r = s.river.stage;
  const stall: StallView | null = r
    ? {
        stage: r.stage,
        conversion: f.pct(r.conversion),
        medianDays: f.wholeDays(r.medianDays),
        targetDays: f.wholeDays(r.targetDays),
        overTarget: f.int(r.overTarget),
        deals: s.river.deals.map(d => {
          const inStage = f.wholeDays(Math.floor(d.days));
          const target = f.wholeDays(d.targetDays);
          return { id: d.id, name: d.name || d.id, days: inStage, target, summary: t('scDealInStage', [inStage, target]), url: safeUrl(d.url) };
        }),
      }
    : null;
  return {
    openDeals: s.pipeline.count,
    total: { count: f.int(s.pipeline.count), value: formatMoney(s.pipeline.value, s.pipeline.count, f) },
    stages,
    stall,
  };
}

// ---- streaks, badges, personal bests ----------------------------------------------------------

export interface AchievementsView {
  streak: {
    /** False when the plan sets neither daily nor weekly targets: there is no streak to count. */
    hasTargets: boolean;
    /** Working days in a row, formatted; 'unknown' without targets. */
    current: string;
    best: string;
    /** 0 → the empty state that teaches how to start one. */
    days: number;
    todayMet: boolean | null;
  };
  badges: { id: string; label: string; date: string }[];
  bests: { key: 'callsDay' | 'callsWeek' | 'weekScore' | 'biggestDeal'; label: string; value: string; detail: string | null }[];
}

/** A local calendar date (YYYY-MM-DD) for the locale, without shifting it through a time zone. */
export function formatLocalDate(date: string | null | undefined, locale?: string): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return t('scUnknown');
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms)) return t('scUnknown');
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(ms);
}

/** Badge names by lib/metrics/gamification's ids; an id not listed keeps its English label. */
const BADGE_KEYS: Record<string, MessageKey> = {
  'first-deal-won': 'scBadgeFirstDealWon',
  'first-referral': 'scBadgeFirstReferral',
  'first-proposal-accepted': 'scBadgeFirstProposalAccepted',
  'ten-meetings-week': 'scBadgeTenMeetingsWeek',
  'fifty-calls-week': 'scBadgeFiftyCallsWeek',
  'ten-conversations-day': 'scBadgeTenConversationsDay',
  'five-day-streak': 'scBadgeFiveDayStreak',
  'twenty-day-streak': 'scBadgeTwentyDayStreak',
  'quarter-quota-hit': 'scBadgeQuarterQuotaHit',
};

/** A badge's name in the interface's language. */
export const badgeLabel = (badge: { id: string; label: string }): string => {
  const key = BADGE_KEYS[badge.id];
  return key ? t(key) : badge.label;
};

export function achievementsView(s: Scorecard, locale?: string): AchievementsView {
  const f = formatters(locale);
  const st = s.streak;
  const date = (d: string | null | undefined) => formatLocalDate(d, locale);
  const b = s.personalBests;
  let dealDay: string | null = null;
  if (b.biggestDealWon) {
    try {
      dealDay = localDateOf(b.biggestDealWon.closedAt, s.timeZone);
    } catch {
      dealDay = null;
    }
  }
  return {
    streak: {
      hasTargets: st !== null,
      current: f.int(st?.current),
      best: f.int(st?.best),
      days: st?.current ?? 0,
      todayMet: st ? st.todayMet : null,
    },
    badges: s.badges.map(x => ({ id: x.id, label: badgeLabel(x), date: date(x.earnedAt) })),
    bests: [
      {
        key: 'callsDay',
        label: t('scBestCallsDay'),
        value: f.int(b.mostCallsInADay?.value),
        detail: b.mostCallsInADay ? t('scOnDate', date(b.mostCallsInADay.day)) : null,
      },
      {
        key: 'callsWeek',
        label: t('scBestCallsWeek'),
        value: f.int(b.mostCallsInAWeek?.value),
        detail: b.mostCallsInAWeek ? t('scWeekOfDate', date(b.mostCallsInAWeek.weekStart)) : null,
      },
      {
        key: 'weekScore',
        label: t('scBestWeekScore'),
        value: f.one(b.bestWeekScore?.value),
        detail: b.bestWeekScore ? t('scWeekOfDate', date(b.bestWeekScore.weekStart)) : null,
      },
      {
        key: 'biggestDeal',
        label: t('scBestDeal'),
        value: b.biggestDealWon ? f.money(b.biggestDealWon.amount, b.biggestDealWon.currency) : f.unknown,
        detail: b.biggestDealWon ? `${b.biggestDealWon.name || b.biggestDealWon.dealId}, ${date(dealDay)}` : null,
      },
    ],
  };
}

// ---- the charts' words and tables -------------------------------------------------------------

/** A chart's numbers as a table: one row per x, formatted cells, raw values for tests. */
export interface ChartTable {
  columns: string[];
  rows: { key: string; label: string; cells: string[]; values: (number | null)[] }[];
}

export interface ChartView {
  summary: string;
  table: ChartTable;
}

/** "Mar 2" in the locale: a local calendar date, without shifting it through a time zone. */
export function formatShortDate(date: string, locale?: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isFinite(ms)) return t('scUnknown');
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(ms);
}

const ACTIVITY_GROUP_LABEL: Record<string, () => string> = {
  calls: () => driverLabel('calls'),
  emails: () => driverLabel('emails'),
  meetings: () => driverLabel('meetings'),
  linkedin: () => t('chartGroupLinkedin'),
  other: () => t('chartGroupOther'),
};

/** An activity chart series' name (lib/metrics/charts' ACTIVITY_GROUPS key) in the interface's language. */
export const activityGroupLabel = (group: { key: string; label: string }): string => ACTIVITY_GROUP_LABEL[group.key]?.() ?? group.label;

export function activityChartView(c: WeeklyActivityChart, locale?: string): ChartView {
  const f = formatters(locale);
  const total = c.totals.reduce((a, b) => a + b, 0);
  const shortDate = (d: string) => formatShortDate(d, locale);
  const columns = [t('chartWeekOf'), ...c.series.map(activityGroupLabel), t('chartAll')];
  const rows = c.weeks.map((w, i) => {
    const values = [...c.series.map(s => s.values[i]!), c.totals[i]!];
    return { key: w, label: shortDate(w), cells: values.map(v => f.int(v)), values };
  });
  if (c.weeks.length === 0 || total === 0) {
    return { summary: t('chartActivityEmpty', f.int(c.weeks.length)), table: { columns, rows } };
  }
  let best = 0;
  c.totals.forEach((n, i) => (best = n > c.totals[best]! ? i : best));
  const byType = c.series
    .map(s => ({ label: activityGroupLabel(s), n: s.values.reduce((a, b) => a + b, 0) }))
    .filter(s => s.n > 0)
    .map(s => `${s.label} ${f.int(s.n)}`)
    .join(', ');
  const last = c.totals[c.totals.length - 1]!;
  return {
    summary: t('chartActivitySummary', [f.int(total), f.int(c.weeks.length), byType, shortDate(c.weeks[best]!), f.int(c.totals[best]), f.int(last)]),
    table: { columns, rows },
  };
}

/** One full stop where a date that ends a sentence already ends with one ("bis 31. Dez."). */
const oneStop = (sentence: string) => sentence.replace(/(\p{L})\.\./gu, '$1.');

export function bookingsChartView(c: BookingsChart, currency: string, today: string, locale?: string): ChartView {
  const f = formatters(locale);
  const money = (n: number | null) => (n === null ? '—' : f.money(n, currency));
  const last = c.dates.length - 1;
  const rows = c.dates
    .map((d, i) => ({ d, i }))
    // One row a week (the seventh day of each run from the start), today, and the last day.
    .filter(({ d, i }) => (i + 1) % 7 === 0 || i === last || d === today)
    .map(({ d, i }) => ({
      key: d,
      label: formatShortDate(d, locale),
      cells: [money(c.actual[i]!), money(c.quota[i]!), money(c.projection[i]!)],
      values: [c.actual[i]!, c.quota[i]!, c.projection[i]!],
    }));
  const table = { columns: [t('chartDate'), t('chartBooked'), t('scQuota'), t('chartProjection')], rows };
  const caveat = c.leftOut > 0 ? ` ${plural(c.leftOut, 'chartLeftOutOne', 'chartLeftOutOther', f.int(c.leftOut), locale)}` : '';
  const end = c.dates.length ? formatShortDate(c.dates[last]!, locale) : f.unknown;
  if (c.projected === null) return { summary: oneStop(`${t('chartNotStarted', [money(c.quotaTotal), end])}${caveat}`), table };
  const booked =
    c.quotaTotal > 0 ? t('chartBookedOfQuota', [money(c.booked), money(c.quotaTotal), f.pct(c.booked / c.quotaTotal)]) : t('chartBookedNoQuota', money(c.booked));
  const finish = today >= (c.dates[last] ?? '') ? '' : t('chartRunRate', [money(c.projected), end]);
  return { summary: oneStop(`${booked}${finish}.${caveat}`), table };
}

export const binLabel = (b: { from: number; to: number }, locale?: string): string => {
  const f = formatters(locale);
  return t('scDaysShort', `${f.int(b.from)}–${f.int(b.to)}`);
};

export function cyclesChartView(h: CycleHistogram, locale?: string): ChartView {
  const f = formatters(locale);
  const table = {
    columns: [t('chartDaysToWin'), t('chartDealsWon')],
    rows: h.bins.map(b => ({ key: String(b.from), label: binLabel(b, locale), cells: [f.int(b.count)], values: [b.count] })),
  };
  if (h.count === 0) return { summary: t('chartCyclesEmpty'), table };
  let most = h.bins[0]!;
  for (const b of h.bins) if (b.count > most.count) most = b;
  return {
    summary: t(pluralKey(h.count, 'chartCyclesSummaryOne', 'chartCyclesSummaryOther', locale), [f.int(h.count), f.days(h.median), binLabel(most, locale), f.int(most.count)]),
    table,
  };
}

// ---- this page: what closing the deal earns ----------------------------------------------------

export interface EarningsView {
  /** "$4,410", or 'unknown'. */
  earns: string;
  /** Why it is unknown, in words a rep can act on; null when known. */
  reason: string | null;
  /** "$2,646 at the stage's 60 % win probability"; null when unknown. */
  expected: string | null;
  /** "Attainment would reach 112 %"; null when unknown. */
  after: string | null;
}

const EARNINGS_REASON: Record<NonNullable<DealEarnings['reason']>, MessageKey> = {
  'no amount': 'scEarnNoAmount',
  'no exchange rate': 'scEarnNoRate',
  'no quota': 'scEarnNoQuota',
  'not open': 'scEarnClosed',
};

/** What closing the open deal on the active tab adds to the commission estimate; null for a closed deal. */
export function earningsView(e: DealEarnings, currency: string, locale?: string): EarningsView | null {
  if (e.reason === 'not open') return null;
  const f = formatters(locale);
  if (e.earns === null) return { earns: f.unknown, reason: t(EARNINGS_REASON[e.reason ?? 'no amount']), expected: null, after: null };
  return {
    earns: f.money(e.earns, currency),
    reason: null,
    expected: e.expected === null || e.probability === null ? null : t('scEarnExpected', [f.money(e.expected, currency), f.pct(e.probability)]),
    after: e.attainmentAfter === null ? null : t('scEarnAfter', f.pct(e.attainmentAfter)),
  };
}
