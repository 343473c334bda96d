// The manager's popup (issue #7, item 5): pure shaping of a TeamSummary for the table,
// its sorting, the CSV export and the trend chart. Tested without a DOM. The words come
// from the locale files; the CSV's header and codes stay English (a data contract).
import { csvLine } from './csv';
import { driverLabel } from './driver-labels';
import { t, uiLocale, type MessageKey } from './i18n';
import { DRIVERS, type Driver } from './metrics/drivers';
import { periodContaining, type PeriodOptions } from './metrics/periods';
import type { RepRow, TeamSummary, Tier } from './sync-client';

export type TeamPeriod = 'week' | 'month' | 'quarter' | 'year';

/** The local dates [from, to) of the period containing `now`, in the plan's calendar. */
export function periodRange(period: TeamPeriod, now: Date, plan: PeriodOptions): { from: string; to: string; label: string } {
  const p = periodContaining(period === 'year' ? 'fiscalYear' : period, now, plan);
  return { from: p.startDate, to: p.endDate, label: p.label };
}

export type SortKey = 'attainment' | 'activityScore' | 'winRate' | 'pipeline';
export type SortDir = 'descending' | 'ascending';
const SORT_LABELS: Record<SortKey, MessageKey> = { attainment: 'teamAttainment', activityScore: 'teamActivityScore', winRate: 'teamWinRate', pipeline: 'teamPipeline' };
/** The leaderboard's sortable columns, in order, named in the interface's language. */
export const SORT_COLUMNS: readonly { key: SortKey; readonly label: string }[] = (Object.keys(SORT_LABELS) as SortKey[]).map(key => ({
  key,
  get label() {
    return t(SORT_LABELS[key]);
  },
}));

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

/** What team_summary calls the reps without a territory (server/migrations/006_summaries.sql): a code, not a name. */
export const UNASSIGNED = 'Unassigned';

/** A territory as the popup names it: the server's "Unassigned" group in the interface's language. */
export const territoryLabel = (territory: string | null): string =>
  territory === null ? t('teamNoTerritory') : territory === UNASSIGNED ? t('teamUnassigned') : territory;

const TIER_NAMES: Record<Tier, MessageKey> = { calls: 'teamTierCalls', meetings: 'teamTierMeetings', proposals: 'teamTierProposals', deals: 'teamTierDeals' };
/** A tier of the pyramid inside a sentence or a table cell: "meetings", "deals (quota)". */
export const tierName = (tier: Tier): string => t(TIER_NAMES[tier]);

// Whole phrases per tier: languages decline the tier's name after "behind on".
const BEHIND: Record<Tier, { start: MessageKey; mid: MessageKey }> = {
  calls: { start: 'teamBehindCalls', mid: 'teamBehindCallsMid' },
  meetings: { start: 'teamBehindMeetings', mid: 'teamBehindMeetingsMid' },
  proposals: { start: 'teamBehindProposals', mid: 'teamBehindProposalsMid' },
  deals: { start: 'teamBehindDeals', mid: 'teamBehindDealsMid' },
};

/** The tier a rep is behind on; the quota when the server names none. */
const behindTier = (r: Pick<RepRow, 'behindTier'>): Tier => r.behindTier ?? 'deals';

/**
 * "Behind on meetings", "Behind on deals (quota)", or "On pace"; `mid` for after
 * "Name: " ("behind on meetings").
 */
export function behindText(r: Pick<RepRow, 'behind' | 'behindTier'>, position: 'start' | 'mid' = 'start'): string {
  if (!r.behind && !r.behindTier) return t(position === 'start' ? 'teamOnPace' : 'teamOnPaceMid');
  return t(BEHIND[behindTier(r)][position]);
}

/** The leaderboard's "Behind on" cell: the tier's name, or "On pace". */
export const behindCell = (r: Pick<RepRow, 'behind' | 'behindTier'>): string => (!r.behind && !r.behindTier ? t('teamOnPace') : tierName(behindTier(r)));

export const formatPercent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
export const formatMoney = (v: number | null, currency: string) =>
  v === null ? '—' : new Intl.NumberFormat(uiLocale(), { style: 'currency', currency, maximumFractionDigits: 0 }).format(v);
export const formatNumber = (v: number | null, digits = 0) => (v === null ? '—' : new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: digits }).format(v));

/** A rep's drivers against their targets, in the order the metrics list them; drivers with neither are left out. */
export function driverRows(r: RepRow): { driver: Driver; label: string; actual: number; target: number | null; behind: boolean }[] {
  return DRIVERS
    .map(driver => ({ driver, d: r.drivers[driver] }))
    .filter(({ d }) => d && (d.actual > 0 || d.target !== null))
    .map(({ driver, d }) => ({ driver, label: driverLabel(driver), actual: d!.actual, target: d!.target, behind: d!.target !== null && d!.actual < d!.target }));
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
  const team = s.team;
  if (team.won === null) return '';
  const won = formatMoney(team.won, s.currency);
  const parts = [team.quota ? t('teamWonOfQuota', [won, formatMoney(team.quota, s.currency), formatPercent(team.attainment)]) : t('teamWon', won)];
  if (team.pacing) {
    const d = team.pacing.delta;
    parts.push(Math.abs(d) < 0.5 ? t('teamOnPaceInline') : t(d < 0 ? 'teamBehindPace' : 'teamAheadOfPace', formatMoney(Math.abs(d), s.currency)));
  }
  return parts.join(', ');
}
