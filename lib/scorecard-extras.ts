// Shaping for the scorecard's river and achievements (issue #6): pure functions from a
// Scorecard to strings the ScorecardRiver and ScorecardAchievements components render.
// Numbers are formatted with Intl for the locale; unknowns stay 'unknown', never NaN.
import { UNKNOWN_CURRENCY, type Money } from './metrics/money';
import { localDateOf } from './metrics/periods';
import type { Scorecard } from './metrics/scorecard';
import { formatters, UNKNOWN } from './scorecard-store';

export { UNKNOWN };

type Formatters = ReturnType<typeof formatters>;

/** Money as text: the converted total, plus what could not be converted; 'unknown' when no amount is known. */
export function formatMoney(m: Money, count: number, f: Formatters): string {
  const unconverted = Object.entries(m.unconverted).filter(([, v]) => v !== 0);
  const knownItems = count - m.unknownAmounts;
  if (count > 0 && knownItems <= 0) return UNKNOWN;
  const parts = [
    ...(m.total !== 0 || unconverted.length === 0 ? [f.money(m.total, m.currency)] : []),
    ...unconverted.map(([c, v]) => (c === UNKNOWN_CURRENCY ? `${f.int(v)} (no currency)` : f.money(v, c))),
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

const days = (f: Formatters, n: number | null | undefined) => {
  const t = f.int(n);
  return t === UNKNOWN ? UNKNOWN : `${t} d`;
};

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
    caveat: p.value.unknownAmounts > 0 && p.value.unknownAmounts < p.count ? `${f.int(p.value.unknownAmounts)} without an amount` : null,
    overTarget: f.int(overByStage.get(p.stage) ?? 0),
    stall: p.stage === stallStage,
  }));
  const r = s.river.stage;
  const stall: StallView | null = r
    ? {
        stage: r.stage,
        conversion: f.pct(r.conversion),
        medianDays: days(f, r.medianDays),
        targetDays: days(f, r.targetDays),
        overTarget: f.int(r.overTarget),
        deals: s.river.deals.map(d => {
          const inStage = days(f, Math.floor(d.days));
          const target = days(f, d.targetDays);
          return { id: d.id, name: d.name || d.id, days: inStage, target, summary: `${inStage} in stage, target ${target}`, url: safeUrl(d.url) };
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
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return UNKNOWN;
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms)) return UNKNOWN;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(ms);
}

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
      current: st ? f.int(st.current) : UNKNOWN,
      best: st ? f.int(st.best) : UNKNOWN,
      days: st?.current ?? 0,
      todayMet: st ? st.todayMet : null,
    },
    badges: s.badges.map(x => ({ id: x.id, label: x.label, date: date(x.earnedAt) })),
    bests: [
      { key: 'callsDay', label: 'Most calls in a day', value: f.int(b.mostCallsInADay?.value), detail: b.mostCallsInADay ? `on ${date(b.mostCallsInADay.day)}` : null },
      {
        key: 'callsWeek',
        label: 'Most calls in a week',
        value: f.int(b.mostCallsInAWeek?.value),
        detail: b.mostCallsInAWeek ? `week of ${date(b.mostCallsInAWeek.weekStart)}` : null,
      },
      { key: 'weekScore', label: 'Best weekly score', value: f.one(b.bestWeekScore?.value), detail: b.bestWeekScore ? `week of ${date(b.bestWeekScore.weekStart)}` : null },
      {
        key: 'biggestDeal',
        label: 'Biggest deal won',
        value: b.biggestDealWon ? f.money(b.biggestDealWon.amount, b.biggestDealWon.currency) : UNKNOWN,
        detail: b.biggestDealWon ? `${b.biggestDealWon.name || b.biggestDealWon.dealId}, ${date(dealDay)}` : null,
      },
    ],
  };
}
