// The manager's leaderboard (issue #7): one row per rep, sortable by attainment, activity
// score, win rate and pipeline. Sortable headers are buttons, and the sorted column says
// so with aria-sort. A rep's name opens their summary and weekly review.
import { t } from '../lib/i18n';
import type { RepRow } from '../lib/sync-client';
import { behindCell, formatMoney, formatNumber, formatPercent, repLabel, SORT_COLUMNS, sortReps, territoryLabel, type SortDir, type SortKey } from '../lib/sync-team';

export interface LeaderboardProps {
  reps: readonly RepRow[];
  currency: string;
  sortKey: SortKey;
  sortDir: SortDir;
  onSort: (key: SortKey) => void;
  onOpen?: (rep: RepRow) => void;
}

const cell = (key: SortKey, r: RepRow, currency: string) =>
  key === 'attainment' ? formatPercent(r.attainment)
  : key === 'winRate' ? formatPercent(r.winRate)
  : key === 'pipeline' ? formatMoney(r.pipeline, currency)
  : formatNumber(r.activityScore, 1);

export function TeamLeaderboard({ reps, currency, sortKey, sortDir, onSort, onOpen }: LeaderboardProps) {
  const rows = sortReps(reps, sortKey, sortDir);
  return (
    <table class="leaderboard" data-testid="leaderboard">
      <caption>{t('teamLeaderboardCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" class="num">#</th>
          <th scope="col">{t('teamColRep')}</th>
          {SORT_COLUMNS.map(c => (
            <th key={c.key} scope="col" class="num" aria-sort={c.key === sortKey ? sortDir : 'none'} data-sort={c.key}>
              <button type="button" class="sort" onClick={() => onSort(c.key)}>
                {c.label}
                <span aria-hidden="true">{c.key === sortKey ? (sortDir === 'descending' ? ' ▼' : ' ▲') : ''}</span>
              </button>
            </th>
          ))}
          <th scope="col">{t('teamColBehindOn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(r => (
          <tr key={r.rep} data-rep={r.rep} class={r.behind ? 'behind' : ''}>
            <td class="num">{r.rank}</td>
            <th scope="row">
              {onOpen ? (
                <button type="button" class="link" onClick={() => onOpen(r)} aria-label={t('teamOpenRep', repLabel(r))}>
                  {repLabel(r)}
                </button>
              ) : (
                repLabel(r)
              )}
              {r.territory && <span class="muted"> · {territoryLabel(r.territory)}</span>}
            </th>
            {SORT_COLUMNS.map(c => (
              <td key={c.key} class="num" data-col={c.key}>{cell(c.key, r, currency)}</td>
            ))}
            <td data-col="behind" class={r.behind ? 'error' : 'ok'}>{behindCell(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
