// The scorecard's charts (issue #6): weekly activity by type (stacked bars), cumulative
// bookings against the quota line with the run-rate projection, and the distribution of
// cycle lengths. Data from lib/metrics/charts.ts, words and tables from
// lib/scorecard-extras.ts; this file only maps them onto uPlot. Dumb: props in, SVG-free.
import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import type { DailyAggregate } from '../lib/metrics/aggregate';
import {
  ACTIVITY_GROUPS,
  chartWeeks,
  cumulativeBookings,
  cycleHistogram,
  weeklyActivity,
  type BookingsChart,
  type CycleHistogram,
  type WeeklyActivityChart,
  type WonDeal,
} from '../lib/metrics/charts';
import { localDateOf } from '../lib/metrics/periods';
import type { Plan } from '../lib/metrics/plan';
import type { Scorecard } from '../lib/metrics/scorecard';
import { t } from '../lib/i18n';
import { activityChartView, activityGroupLabel, binLabel, bookingsChartView, cyclesChartView, formatShortDate, type ChartTable } from '../lib/scorecard-extras';
import type { ScorecardState } from '../lib/scorecard-store';
import { scorecardErrorText } from '../lib/scorecard-words';
import { axis, ChartFigure, UPlotChart, type ChartColors } from './Chart';

export interface ChartsProps {
  scorecard: ScorecardState;
  /** Every day row (the weekly activity reaches back before the period). */
  days: readonly DailyAggregate[];
  /** Won deals, rebuilt from the history the scorecard reads. */
  wins: readonly WonDeal[];
  plan: Plan | undefined;
  /** For tests; the browser's locale otherwise. */
  locale?: string;
}

export function Charts({ scorecard, days, wins, plan, locale }: ChartsProps) {
  return (
    <section aria-labelledby="sc-charts" class="sc-charts" style={{ minWidth: 0 }}>
      <h3 id="sc-charts" class="sub">{t('chartHeading')}</h3>
      {scorecard.status === 'loading' || (scorecard.status === 'ready' && !plan) ? (
        <p class="muted" aria-busy="true">
          {t('chartLoading')}
        </p>
      ) : scorecard.status === 'error' ? (
        <p class="error" role="alert">
          {t('chartError', scorecardErrorText(scorecard))}
        </p>
      ) : (
        <ChartsBody s={scorecard.value} days={days} wins={wins} plan={plan!} locale={locale} />
      )}
    </section>
  );
}

function ChartsBody({ s, days, wins, plan, locale }: { s: Scorecard; days: readonly DailyAggregate[]; wins: readonly WonDeal[]; plan: Plan; locale?: string }) {
  const now = new Date(s.generatedAt);
  const today = localDateOf(now, s.timeZone);
  const period = s.current.period;
  const activity = useMemo(() => weeklyActivity(days, chartWeeks(period, today, plan.weekStartsOn), s.timeZone), [days, period.startDate, period.endDate, today, plan]);
  const bookings = useMemo(() => cumulativeBookings(wins, plan, period, now), [wins, plan, period.startDate, period.endDate, s.generatedAt]);
  const cycles = useMemo(() => cycleHistogram(wins, period), [wins, period.from, period.to]);
  return (
    <>
      <ActivityChart chart={activity} locale={locale} />
      <BookingsChartView chart={bookings} currency={s.currency} today={today} locale={locale} />
      <CyclesChart histogram={cycles} locale={locale} />
    </>
  );
}

/** The table a screen reader reads instead of the canvas; data-values carry the raw numbers for tests. */
function DataTable({ caption, table }: { caption: string; table: ChartTable }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c, i) => (
            <th key={c} scope="col" class={i ? 'num' : undefined}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map(r => (
          <tr key={r.key} data-key={r.key} data-values={JSON.stringify(r.values)}>
            <th scope="row">{r.label}</th>
            {r.cells.map((c, i) => (
              <td key={i} class="num">
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every k-th label, so labels never overlap at 320 px. */
const everyKth = (n: number, width: number, labelPx: number) => Math.max(1, Math.ceil((n * labelPx) / Math.max(1, width - 50)));
/** Roughly how wide AXIS_FONT draws a label; German dates and amounts run longer than English ("24. Nov.", "300.000 $"). */
const textPx = (label: string) => Math.ceil(label.length * 6.5);
/** Room for the longest of some labels, and at least `min`. */
const labelPx = (labels: readonly string[], min: number) => Math.max(min, ...labels.map(l => textPx(l) + 10));
/** A y axis as wide as its longest value label needs (uPlot asks again whenever the values change). */
const ySize = (min: number) => (_u: uPlot, values: string[] | null) => Math.max(min, ...(values ?? []).map(v => textPx(v) + 12));
const compact = (locale?: string, currency?: string) =>
  new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1, ...(currency ? { style: 'currency' as const, currency } : {}) });
const safeCompact = (locale?: string, currency?: string) => {
  try {
    return compact(locale, currency);
  } catch {
    return compact(locale);
  }
};

// ---- weekly activity by type ------------------------------------------------------------------

/** Stacked bars: each series is the running sum of the types up to it, drawn tallest first. */
export function stackedActivityData(c: WeeklyActivityChart): uPlot.AlignedData {
  const stacks: number[][] = [];
  let running = c.weeks.map(() => 0);
  for (const s of c.series) {
    running = running.map((v, i) => v + s.values[i]!);
    stacks.push(running);
  }
  return [c.x, ...stacks.reverse()];
}

function ActivityChart({ chart, locale }: { chart: WeeklyActivityChart; locale?: string }) {
  const view = activityChartView(chart, locale);
  const data = useMemo(() => stackedActivityData(chart), [chart]);
  const step = 7 * 86_400;
  const options = (size: { width: number; height: number }, c: ChartColors): uPlot.Options => {
    const k = everyKth(chart.x.length, size.width, labelPx(chart.weeks.map(w => formatShortDate(w, locale)), 44));
    const n = ACTIVITY_GROUPS.length;
    return {
      ...size,
      cursor: { show: false },
      legend: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: { time: false, range: (_u, min, max) => [min - step / 2, max + step / 2] }, y: { range: (_u, _min, max) => [0, Math.max(4, max * 1.08)] } },
      axes: [
        axis(c, { size: 30, grid: { show: false }, splits: () => chart.x, values: (_u, splits) => splits.map((_, i) => (i % k === 0 ? formatShortDate(chart.weeks[i]!, locale) : '')) }),
        axis(c, { size: ySize(36), values: (_u, splits) => splits.map(v => safeCompact(locale).format(v)) }),
      ],
      series: [
        {},
        ...ACTIVITY_GROUPS.map((_, i) => {
          const group = n - 1 - i; // stacks are reversed: the tallest (all types) first
          return { label: activityGroupLabel(ACTIVITY_GROUPS[group]!), fill: c.series[group], stroke: c.series[group], width: 0, paths: uPlot.paths.bars!({ size: [0.7, 40], align: 0 }), points: { show: false } };
        }),
      ],
    };
  };
  return (
    <ChartFigure
      id="activity"
      title={t('chartActivityTitle')}
      summary={view.summary}
      legend={ACTIVITY_GROUPS.map((g, i) => ({ label: activityGroupLabel(g), color: `var(--chart-${i + 1})` }))}
      table={<DataTable caption={t('chartActivityCaption')} table={view.table} />}
    >
      <UPlotChart options={options} data={data} />
    </ChartFigure>
  );
}

// ---- cumulative bookings -------------------------------------------------------------------------

function BookingsChartView({ chart, currency, today, locale }: { chart: BookingsChart; currency: string; today: string; locale?: string }) {
  const view = bookingsChartView(chart, currency, today, locale);
  const data = useMemo((): uPlot.AlignedData => [chart.x, chart.quota, chart.actual, chart.projection], [chart]);
  const options = (size: { width: number; height: number }, c: ChartColors): uPlot.Options => {
    const n = chart.x.length;
    const k = everyKth(n, size.width, labelPx(chart.dates.map(d => formatShortDate(d, locale)), 48));
    const ticks = chart.x.filter((_, i) => i % k === 0);
    return {
      ...size,
      cursor: { show: false },
      legend: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.05] } },
      axes: [
        axis(c, { size: 30, grid: { show: false }, splits: () => ticks, values: (_u, splits) => splits.map(x => formatShortDate(chart.dates[chart.x.indexOf(x)] ?? '', locale)) }),
        axis(c, { size: ySize(48), values: (_u, splits) => splits.map(v => safeCompact(locale, currency).format(v)) }),
      ],
      series: [
        {},
        { label: t('scQuota'), stroke: c.muted, width: 1.5, dash: [4, 4], points: { show: false } },
        { label: t('chartBooked'), stroke: c.accent, width: 2.5, points: { show: false } },
        { label: t('chartProjection'), stroke: c.accent, width: 1.5, dash: [6, 4], points: { show: false } },
      ],
    };
  };
  return (
    <ChartFigure
      id="bookings"
      title={t('chartBookingsTitle')}
      summary={view.summary}
      legend={[
        { label: t('chartBooked'), color: 'var(--accent)' },
        { label: t('scQuota'), color: 'var(--muted)', dashed: true },
        { label: t('chartProjection'), color: 'var(--accent)', dashed: true },
      ]}
      table={<DataTable caption={t('chartBookingsCaption')} table={view.table} />}
    >
      <UPlotChart options={options} data={data} />
    </ChartFigure>
  );
}

// ---- cycle lengths ----------------------------------------------------------------------------------

function CyclesChart({ histogram, locale }: { histogram: CycleHistogram; locale?: string }) {
  const view = cyclesChartView(histogram, locale);
  const data = useMemo((): uPlot.AlignedData => [histogram.bins.map((_, i) => i), histogram.bins.map(b => b.count)], [histogram]);
  const options = (size: { width: number; height: number }, c: ChartColors): uPlot.Options => {
    const n = histogram.bins.length;
    const k = everyKth(n, size.width, labelPx(histogram.bins.map(b => binLabel(b, locale)), 52));
    return {
      ...size,
      cursor: { show: false },
      legend: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: { time: false, range: () => [-0.5, Math.max(0, n - 1) + 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(2, max * 1.08)] } },
      axes: [
        axis(c, { size: 30, grid: { show: false }, splits: () => histogram.bins.map((_, i) => i), values: (_u, splits) => splits.map((i, j) => (j % k === 0 && histogram.bins[i] ? binLabel(histogram.bins[i]!, locale) : '')) }),
        axis(c, { size: ySize(30), incrs: [1, 2, 5, 10, 20, 50, 100], values: (_u, splits) => splits.map(v => safeCompact(locale).format(v)) }),
      ],
      series: [{}, { label: t('chartDealsWon'), fill: c.series[0], stroke: c.series[0], width: 0, paths: uPlot.paths.bars!({ size: [0.85, 64], align: 0 }), points: { show: false } }],
    };
  };
  return (
    <ChartFigure id="cycles" title={t('chartCyclesTitle')} summary={view.summary} table={<DataTable caption={t('chartCyclesCaption')} table={view.table} />}>
      {histogram.count > 0 && <UPlotChart options={options} data={data} height={130} />}
    </ChartFigure>
  );
}
