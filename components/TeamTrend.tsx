// The team's weekly trend (issue #7): won revenue and activity score per week, on uPlot
// through the scorecard's chart wrapper; the numbers are in a table for screen readers.
import uPlot from 'uplot';
import { useMemo } from 'preact/hooks';
import { t, uiLocale } from '../lib/i18n';
import type { TeamSummary } from '../lib/sync-client';
import { formatMoney, formatNumber, trendData } from '../lib/sync-team';
import { axis, ChartFigure, UPlotChart, type ChartColors } from './Chart';

// Week starts are UTC midnights (lib/sync-team.ts trendData): written as the browser's locale writes a day and month.
const weekDay = (seconds: number) => new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(seconds * 1000);

const compactMoney = (v: number, currency: string) =>
  new Intl.NumberFormat(uiLocale(), { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(v);

export function TeamTrend({ summary }: { summary: TeamSummary }) {
  const data = useMemo(() => trendData(summary), [summary]);
  if (data[0].length < 2) return <p class="muted">{t('teamTrendTooShort')}</p>;
  const options = ({ width, height }: { width: number; height: number }, c: ChartColors): uPlot.Options => ({
    width,
    height,
    cursor: { show: false },
    legend: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: { x: { time: true }, won: { range: (_u, _min, max) => [0, Math.max(1, max)] }, score: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    axes: [axis(c, { values: (_u, ticks) => ticks.map(weekDay) }), axis(c, { scale: 'won', size: 56, values: (_u, ticks) => ticks.map(tick => compactMoney(tick, summary.currency)) }), axis(c, { scale: 'score', side: 1, grid: { show: false } })],
    series: [{}, { scale: 'won', stroke: c.series[0], width: 2, label: t('teamWonLabel') }, { scale: 'score', stroke: c.series[1], width: 2, dash: [4, 3], label: t('teamActivityScore') }],
  });
  const total = data[1].reduce((a, b) => a + b, 0);
  return (
    <ChartFigure
      id="team-trend"
      title={t('teamWeeklyTrend')}
      summary={t('teamTrendSummary', [formatMoney(total, summary.currency), formatNumber(data[0].length)])}
      legend={[{ label: t('teamWonLabel'), color: 'var(--chart-1)' }, { label: t('teamActivityScore'), color: 'var(--chart-2)', dashed: true }]}
      table={
        <table>
          <caption>{t('teamTrendCaption')}</caption>
          <thead><tr><th>{t('teamColWeek')}</th><th>{t('teamWonLabel')}</th><th>{t('teamActivityScore')}</th></tr></thead>
          <tbody>
            {summary.trend.map(w => (
              <tr key={w.week}><td>{w.week}</td><td>{formatMoney(w.won, summary.currency)}</td><td>{formatNumber(w.activityScore, 1)}</td></tr>
            ))}
          </tbody>
        </table>
      }
    >
      <UPlotChart options={options} data={data} height={140} />
    </ChartFigure>
  );
}
