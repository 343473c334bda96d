// The weekly 1:1 review (issue #6, item 2): this week against last week and against the
// plan's targets for four drivers, praise and opportunities worded from the numbers alone,
// and the whole thing as Markdown to paste into the 1:1 doc. Pure, except readReviewDays.
import type { PacerDb } from './db';
import { t, type MessageKey } from './i18n';
import { driversFromAggregates, type DailyAggregate } from './metrics/aggregate';
import type { Driver } from './metrics/drivers';
import { addDays, periodContaining, previousPeriod, type ZonedPeriod } from './metrics/periods';
import type { Plan } from './metrics/plan';
import { targetsFor } from './metrics/scorecard';

/** The drivers a 1:1 looks at, in the order it reads them. */
export const REVIEW_DRIVERS = ['calls', 'meetings', 'leads', 'proposalsSubmitted'] as const satisfies readonly Driver[];
export type ReviewDriver = (typeof REVIEW_DRIVERS)[number];

/** English names (Node tools, tests); the page shows reviewLabel's. */
export const REVIEW_LABELS: Record<ReviewDriver, string> = {
  calls: 'Calls made',
  meetings: 'Meetings attended',
  leads: 'Good leads (leads created)',
  proposalsSubmitted: 'Proposals made',
};

const KEY_PART: Record<ReviewDriver, 'calls' | 'meetings' | 'leads' | 'proposals'> = {
  calls: 'calls',
  meetings: 'meetings',
  leads: 'leads',
  proposalsSubmitted: 'proposals',
};

/** A row's name in the interface's language ("Calls made", "Getätigte Anrufe"). */
export const reviewLabel = (driver: ReviewDriver): string => t(`praise_label_${KEY_PART[driver]}` as MessageKey);

/** The short name used in sentences ("Calls: 54 against a target of 50"). */
const short = (driver: ReviewDriver): string => t(`praise_short_${KEY_PART[driver]}` as MessageKey);

/** One concrete next step per driver, for a shortfall of `gap`. */
const nextStep = (driver: ReviewDriver, gap: string, one: boolean): string =>
  t(`praise_step_${KEY_PART[driver]}_${one ? 'one' : 'other'}` as MessageKey, gap);

export interface ReviewRow {
  driver: ReviewDriver;
  label: string;
  thisWeek: number;
  lastWeek: number;
  /** This week's target (weekly target × working days ÷ 5); null when the plan sets none. */
  target: number | null;
  /** thisWeek − lastWeek. */
  change: number;
  /** thisWeek ≥ target; null without a target. */
  met: boolean | null;
}

/** The review's rows: day rows outside a week are ignored, so both arrays may hold anything. */
export function weeklyReview(
  thisWeekDays: readonly DailyAggregate[],
  lastWeekDays: readonly DailyAggregate[],
  plan: Pick<Plan, 'weeklyTargets' | 'dailyTargets' | 'holidays' | 'weekStartsOn' | 'fiscalYearStartMonth'>,
  period: ZonedPeriod,
): ReviewRow[] {
  const previous = previousPeriod(period, { timeZone: period.timeZone, weekStartsOn: plan.weekStartsOn, fiscalYearStartMonth: plan.fiscalYearStartMonth });
  const now = driversFromAggregates(thisWeekDays, period);
  const before = driversFromAggregates(lastWeekDays, previous);
  const targets = targetsFor(plan, period);
  return REVIEW_DRIVERS.map(driver => {
    const thisWeek = now[driver];
    const target = targets[driver] ?? null;
    return {
      driver,
      label: reviewLabel(driver),
      thisWeek,
      lastWeek: before[driver],
      target,
      change: thisWeek - before[driver],
      met: target === null ? null : thisWeek >= target,
    };
  });
}

const formatter = (locale?: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

/** Praise for each target met, opportunities for each missed; rows without a target give neither. In the interface's language. */
export function praiseAndOpportunities(rows: readonly ReviewRow[], locale?: string): { praise: string[]; opportunities: string[] } {
  const f = formatter(locale).format;
  const praise: string[] = [];
  const opportunities: string[] = [];
  for (const r of rows) {
    if (r.target === null) continue;
    const name = short(r.driver);
    if (r.met) {
      // A target of 0 (a week of holidays) met with nothing done is not an achievement.
      if (r.target === 0 && r.thisWeek === 0) continue;
      const ahead = r.thisWeek - r.target;
      praise.push(ahead === 0 ? t('praise_on_target', [name, f(r.thisWeek), f(r.target)]) : t('praise_ahead', [name, f(r.thisWeek), f(r.target), f(ahead)]));
    } else {
      // Whole activities: a target of 9.6 calls still needs 10.
      const gap = Math.ceil(r.target - r.thisWeek);
      opportunities.push(t('praise_short_by', [name, f(r.thisWeek), f(r.target), f(gap), nextStep(r.driver, f(gap), gap === 1)]));
    }
  }
  return { praise, opportunities };
}

/** The week's first and last dates, e.g. "2026-03-16 to 2026-03-22". */
export const weekRange = (period: Pick<ZonedPeriod, 'startDate' | 'endDate'>): string => `${period.startDate} to ${addDays(period.endDate, -1)}`;

/** The week's first and last dates for the reader's locale ("Nov 23 – 29, 2026"), read as calendar dates (no zone shift). */
export function weekRangeLabel(period: Pick<ZonedPeriod, 'startDate' | 'endDate'>, locale?: string): string {
  const at = (date: string) => Date.parse(`${date}T00:00:00Z`);
  const first = at(period.startDate);
  const last = at(addDays(period.endDate, -1));
  if (!Number.isFinite(first) || !Number.isFinite(last)) return weekRange(period);
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).formatRange(first, last);
}

const signed = (n: number, f: (n: number) => string) => (n > 0 ? `+${f(n)}` : n < 0 ? `−${f(-n)}` : '0');
const metText = (met: boolean | null) => (met === null ? '—' : t(met ? 'praise_md_yes' : 'praise_md_no'));

/** The review as Markdown, in the interface's language: heading with the week's dates (ISO), the table, the lists, the notes. */
export function reviewMarkdown(
  rows: readonly ReviewRow[],
  praise: readonly string[],
  opportunities: readonly string[],
  notes: string,
  period: Pick<ZonedPeriod, 'startDate' | 'endDate'>,
  locale?: string,
): string {
  const f = formatter(locale).format;
  const list = (items: readonly string[]) => (items.length ? items.map(i => `- ${i}`) : [`_${t('praise_md_none')}_`]);
  const trimmed = notes.trim();
  const header = [t('reviewMeasure'), t('reviewThisWeek'), t('reviewLastWeek'), t('reviewTarget'), t('reviewChange'), t('praise_md_target_met')];
  return [
    `## ${t('praise_md_heading', [period.startDate, addDays(period.endDate, -1)])}`,
    '',
    `| ${header.join(' | ')} |`,
    '| --- | ---: | ---: | ---: | ---: | :---: |',
    ...rows.map(r => `| ${r.label} | ${f(r.thisWeek)} | ${f(r.lastWeek)} | ${r.target === null ? '—' : f(r.target)} | ${signed(r.change, f)} | ${metText(r.met)} |`),
    '',
    `### ${t('reviewPraise')}`,
    '',
    ...list(praise),
    '',
    `### ${t('reviewOpportunities')}`,
    '',
    ...list(opportunities),
    '',
    `### ${t('reviewNotes')}`,
    '',
    trimmed === '' ? `_${t('praise_md_no_notes')}_` : trimmed,
    '',
  ].join('\n');
}

export interface ReviewDays {
  period: ZonedPeriod;
  previous: ZonedPeriod;
  thisWeek: DailyAggregate[];
  lastWeek: DailyAggregate[];
}

/** The day rows of this week and last week (in the plan's zone), by key range only. */
export async function readReviewDays(db: Pick<PacerDb, 'days'>, plan: Plan, now: Date): Promise<ReviewDays> {
  const period = periodContaining('week', now, plan);
  const previous = previousPeriod(period, plan);
  const rows = await db.days.where('day').between(previous.startDate, period.endDate, true, false).toArray();
  return {
    period,
    previous,
    thisWeek: rows.filter(d => d.day >= period.startDate),
    lastWeek: rows.filter(d => d.day < period.startDate),
  };
}
