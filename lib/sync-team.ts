// The manager's popup (issue #7, item 5): pure shaping of a TeamSummary for the table,
// its sorting, the CSV export and the trend chart. Tested without a DOM.
import { csvLine } from './csv';
import { DRIVER_LABELS, type Driver } from './metrics/drivers';
import { periodContaining, type PeriodOptions } from './metrics/periods';
import type { RepRow, TeamSummary, Tier } from './sync-client';

export type TeamPeriod = 'week' | 'month' | 'quarter' | 'year';
export const TEAM_PERIODS: readonly { value: TeamPeriod; label: string }[] = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
];

/** The local dates [from, to) of the period containing `now`, in the plan's calendar. */
export function periodRange(period: TeamPeriod, now: Date, plan: PeriodOptions): { from: string; to: string; label: string } {
  const p = periodContaining(period === 'year' ? 'fiscalYear' : period, now, plan);
  return { from: p.startDate, to: p.endDate, label: p.label };
}

export type SortKey = 'attainment' | 'activityScore' | 'winRate' | 'pipeline';
export type SortDir = 'descending' | 'ascending';
export const SORT_COLUMNS: readonly { key: SortKey; label: string }[] = [
  { key: 'attainment', label: 'Attainment' },
  { key: 'activityScore', label: 'Activity score' },
  { key: 'winRate', label: 'Win rate' },
  { key: 'pipeline', label: 'Pipeline' },
];

/** Sorted by one column; unknown (null) values last either way, then by rank. */
export function sortReps(reps: readonly RepRow[], key: SortKey, dir: SortDir): RepRow[] {
  const sign = dir === 'descending' ? -1 : 1;
  return [...reps].sort((a, b) => {
    const x = a[key], y = b[key];
    if (x === null && y === null) return a.rank - b.rank;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x - y) * sign || a.rank - b.rank;
  });
}

export const repLabel = (r: Pick<RepRow, 'rep' | 'repName'>) => r.repName ?? r.rep;

export const TIER_LABELS: Record<Tier, string> = {
  calls: 'Calls',
  meetings: 'Meetings',
  proposals: 'Proposals',
  deals: 'Deals (quota)',
};

/** "Behind on meetings", "Behind on the quota", or "On pace". */
export function behindText(r: Pick<RepRow, 'behind' | 'behindTier'>): string {
  if (!r.behind && !r.behindTier) return 'On pace';
  if (r.behindTier === 'deals' || !r.behindTier) return 'Behind on deals (quota)';
  return `Behind on ${TIER_LABELS[r.behindTier].toLowerCase()}`;
}

export const formatPercent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
export const formatMoney = (v: number | null, currency: string) =>
  v === null ? '—' : new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(v);
export const formatNumber = (v: number | null, digits = 0) => (v === null ? '—' : new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(v));

/** A rep's drivers against their targets, in the order the metrics list them; drivers with neither are left out. */
export function driverRows(r: RepRow): { driver: Driver; label: string; actual: number; target: number | null; behind: boolean }[] {
  return (Object.keys(DRIVER_LABELS) as Driver[])
    .map(driver => ({ driver, d: r.drivers[driver] }))
    .filter(({ d }) => d && (d.actual > 0 || d.target !== null))
    .map(({ driver, d }) => ({ driver, label: DRIVER_LABELS[driver], actual: d!.actual, target: d!.target, behind: d!.target !== null && d!.actual < d!.target }));
}

export const CSV_HEADER = ['rank', 'rep', 'territory', 'quota', 'won', 'attainment', 'activity_score', 'win_rate', 'pipeline', 'pipeline_deals', 'behind_tier', 'currency'] as const;

/** The leaderboard as CSV, in the order shown; text cells a spreadsheet would run are defused (lib/csv.ts). */
export function leaderboardCsv(rows: readonly RepRow[], currency: string): string {
  return (
    csvLine([...CSV_HEADER]) +
    rows.map(r => csvLine([r.rank, repLabel(r), r.territory, r.quota, r.won, r.attainment, r.activityScore, r.winRate, r.pipeline, r.pipelineCount, r.behindTier, currency])).join('')
  );
}

export const csvFileName = (s: Pick<TeamSummary, 'team' | 'from' | 'to'>) =>
  `pacer-team-${s.team.id.replace(/[^\w-]+/g, '_')}-${s.from}-to-${s.to}.csv`;

/** uPlot columns for the weekly trend: [week starts in seconds, won, activity score]. */
export function trendData(s: Pick<TeamSummary, 'trend'>): [number[], number[], number[]] {
  const rows = [...s.trend].sort((a, b) => a.week.localeCompare(b.week));
  return [rows.map(r => Date.parse(`${r.week}T00:00:00Z`) / 1000), rows.map(r => r.won), rows.map(r => r.activityScore)];
}

/** Team totals in words: "$1.2M won of $2M quota (60 %), $30k behind pace". */
export function teamLine(s: TeamSummary): string {
  const t = s.team;
  if (t.won === null) return '';
  const parts = [`${formatMoney(t.won, s.currency)} won${t.quota ? ` of ${formatMoney(t.quota, s.currency)} quota (${formatPercent(t.attainment)})` : ''}`];
  if (t.pacing) {
    const d = t.pacing.delta;
    parts.push(Math.abs(d) < 0.5 ? 'on pace' : `${formatMoney(Math.abs(d), s.currency)} ${d < 0 ? 'behind' : 'ahead of'} pace`);
  }
  return parts.join(', ');
}
