// The team's weekly trend (issue #7): won revenue and activity score per week, on uPlot
// through the scorecard's chart wrapper; the numbers are in a table for screen readers.
import uPlot from 'uplot';
import { useMemo } from 'preact/hooks';
import type { TeamSummary } from '../lib/sync-client';
import { formatMoney, formatNumber, trendData } from '../lib/sync-team';
import { axis, ChartFigure, UPlotChart, type ChartColors } from './Chart';

const compactMoney = (v: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(v);

export function TeamTrend({ summary }: { summary: TeamSummary }) {
  const data = useMemo(() => trendData(summary), [summary]);
  if (data[0].length < 2) return <p class="muted">The trend shows once the period spans two weeks.</p>;
  const options = ({ width, height }: { width: number; height: number }, c: ChartColors): uPlot.Options => ({
    width,
    height,
    cursor: { show: false },
    legend: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: { x: { time: true }, won: { range: (_u, _min, max) => [0, Math.max(1, max)] }, score: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    axes: [axis(c), axis(c, { scale: 'won', size: 56, values: (_u, ticks) => ticks.map(t => compactMoney(t, summary.currency)) }), axis(c, { scale: 'score', side: 1, grid: { show: false } })],
    series: [{}, { scale: 'won', stroke: c.series[0], width: 2, label: 'Won' }, { scale: 'score', stroke: c.series[1], width: 2, dash: [4, 3], label: 'Activity score' }],
  });
  const total = data[1].reduce((a, b) => a + b, 0);
  return (
    <ChartFigure
      id="team-trend"
      title="Weekly trend"
      summary={`${formatMoney(total, summary.currency)} won over ${data[0].length} weeks.`}
      legend={[{ label: 'Won', color: 'var(--chart-1)' }, { label: 'Activity score', color: 'var(--chart-2)', dashed: true }]}
      table={
        <table>
          <caption>Won and activity score per week</caption>
          <thead><tr><th>Week</th><th>Won</th><th>Activity score</th></tr></thead>
          <tbody>
            {summary.trend.map(t => (
              <tr key={t.week}><td>{t.week}</td><td>{formatMoney(t.won, summary.currency)}</td><td>{formatNumber(t.activityScore, 1)}</td></tr>
            ))}
          </tbody>
        </table>
      }
    >
      <UPlotChart options={options} data={data} height={140} />
    </ChartFigure>
  );
}
