// The popup's team summary (issue #7, item 5). The manager sees the whole team for the
// chosen period; a rep sees their own numbers and rank only. Offline, both show the
// last pulled snapshot and say when it is from.
import type { ComponentChildren } from 'preact';
import { useSignal } from '@preact/signals';
import { t, tPlural } from '../lib/i18n';
import type { RepRow, TeamSummary } from '../lib/sync-client';
import type { TeamState } from '../lib/sync-team-store';
import { behindText, formatMoney, formatNumber, formatPercent, repLabel, teamLine, territoryLabel, tierName, type SortDir, type SortKey } from '../lib/sync-team';
import { formatTime } from '../lib/sync-view';
import { tParts } from './t-parts';
import { TeamLeaderboard } from './TeamLeaderboard';
import { TeamTrend } from './TeamTrend';

export function AsOf({ state, now }: { state: Extract<TeamState, { status: 'ready' }>; now: Date }) {
  const asOf = formatTime(state.snapshot.summary.asOf, now);
  return (
    <p class={state.stale ? 'error' : 'muted'} data-testid="as-of" role="status">
      {state.stale ? t('teamAsOfOffline', [asOf, state.stale]) : state.refreshing ? t('teamAsOfRefreshing', asOf) : t('teamAsOf', asOf)}
    </p>
  );
}

export function TeamStateView({ state, children }: { state: TeamState; children: (s: Extract<TeamState, { status: 'ready' }>) => ComponentChildren }) {
  if (state.status === 'loading') return <p class="muted" aria-busy="true">{t('teamLoading')}</p>;
  if (state.status === 'error') return <p class="error" role="alert">{t('teamLoadError', state.message)}</p>;
  return <>{children(state)}</>;
}

export interface ManagerViewProps {
  summary: TeamSummary;
  sortKey: SortKey;
  sortDir: SortDir;
  onSort: (key: SortKey) => void;
  onOpen: (rep: RepRow) => void;
  onExport: () => void;
}

/** Stalled deals shown before "Show all": the oldest are the ones to talk about. */
const STALLED_SHOWN = 8;

export function TeamManagerView({ summary, sortKey, sortDir, onSort, onOpen, onExport }: ManagerViewProps) {
  const behind = summary.reps.filter(r => r.behind).sort((a, b) => a.rank - b.rank);
  const allStalled = useSignal(false);
  const stalled = [...summary.stalled].sort((a, b) => b.days_in_stage - a.days_in_stage);
  const shownStalled = allStalled.value ? stalled : stalled.slice(0, STALLED_SHOWN);
  return (
    <div data-testid="team-view">
      <p data-testid="team-totals" class="team-totals">
        {tParts('teamTotals', <strong>{summary.team.name}</strong>, tPlural(summary.team.reps, 'teamRepsOne', 'teamRepsOther'), teamLine(summary))}
      </p>
      <TeamLeaderboard reps={summary.reps} currency={summary.currency} sortKey={sortKey} sortDir={sortDir} onSort={onSort} onOpen={onOpen} />
      <p><button type="button" class="secondary" onClick={onExport}>{t('teamExportCsv')}</button></p>
      <h2 id="team-behind">{t('teamWhoIsBehind')}</h2>
      {behind.length === 0 ? (
        <p class="ok">{t('teamEveryoneOnPace')}</p>
      ) : (
        <ul aria-labelledby="team-behind" data-testid="team-behind">
          {behind.map(r => (
            <li key={r.rep} data-rep={r.rep}>
              {r.pacing
                ? t('teamBehindItemPace', [repLabel(r), behindText(r, 'mid'), formatMoney(Math.abs(r.pacing.delta), summary.currency)])
                : t('teamBehindItem', [repLabel(r), behindText(r, 'mid')])}
            </li>
          ))}
        </ul>
      )}
      <h2 id="team-stalled">{t('teamStalledTitle')}</h2>
      {summary.stalled.length === 0 ? (
        <p class="muted">{t('teamNoStalled')}</p>
      ) : (
        <table data-testid="team-stalled">
          <caption>{t('teamStalledCaption')}</caption>
          <thead><tr><th scope="col">{t('teamColDeal')}</th><th scope="col">{t('teamColRep')}</th><th scope="col">{t('teamColStage')}</th><th scope="col" class="num">{t('teamColDays')}</th><th scope="col" class="num">{t('teamColAmount')}</th></tr></thead>
          <tbody>
            {shownStalled.map(s => (
              <tr key={`${s.rep}|${s.deal_id}`}>
                <td>{s.name ?? s.deal_id}</td>
                <td>{s.repName ?? s.rep}</td>
                <td>{s.stage}</td>
                <td class="num">{s.days_in_stage}{s.target_days !== null ? ` / ${s.target_days}` : ''}</td>
                <td class="num">{s.amount === null ? '—' : formatMoney(s.amount, s.currency ?? summary.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {stalled.length > STALLED_SHOWN && (
        <p>
          <button type="button" class="secondary" aria-expanded={allStalled.value} onClick={() => (allStalled.value = !allStalled.value)}>
            {allStalled.value ? t('teamStalledShowOldest', STALLED_SHOWN) : t('teamStalledShowAll', stalled.length)}
          </button>
        </p>
      )}
      {summary.territories.length > 1 && (
        <>
          <h2 id="team-territories">{t('teamTerritoriesTitle')}</h2>
          <table data-testid="team-territories">
            <caption>{t('teamTerritoriesCaption')}</caption>
            <thead><tr><th scope="col">{t('teamColTerritory')}</th><th scope="col" class="num">{t('teamColReps')}</th><th scope="col" class="num">{t('teamWonLabel')}</th><th scope="col" class="num">{t('teamAttainment')}</th><th scope="col" class="num">{t('teamPipeline')}</th></tr></thead>
            <tbody>
              {summary.territories.map(ter => (
                <tr key={ter.territory ?? '-'}><th scope="row">{territoryLabel(ter.territory)}</th><td class="num">{formatNumber(ter.reps)}</td><td class="num">{formatMoney(ter.won, summary.currency)}</td><td class="num">{formatPercent(ter.attainment)}</td><td class="num">{formatMoney(ter.pipeline, summary.currency)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>{t('teamTrendTitle')}</h2>
      <TeamTrend summary={summary} />
    </div>
  );
}

/** A rep's own row and rank: what a token without the manager role may see. */
export function TeamRepView({ summary }: { summary: TeamSummary }) {
  const me = summary.reps.find(r => r.rep === summary.viewer.rep) ?? summary.reps[0];
  if (!me) return <p class="muted">{t('teamRepNoNumbers')}</p>;
  return (
    <div data-testid="team-rank">
      <p class="big" aria-label={t('teamRankLabel', [me.rank, summary.team.reps, summary.team.name])}>
        #{me.rank} <span class="muted" style={{ fontSize: '14px', fontWeight: 400 }}>{t('teamRankOf', [summary.team.reps, summary.team.name])}</span>
      </p>
      <table>
        <caption>{t('teamYourNumbersCaption')}</caption>
        <tbody>
          <tr><th scope="row">{t('teamAttainment')}</th><td class="num">{formatPercent(me.attainment)}</td></tr>
          <tr><th scope="row">{t('teamWonLabel')}</th><td class="num">{formatMoney(me.won, summary.currency)}</td></tr>
          <tr><th scope="row">{t('teamActivityScore')}</th><td class="num">{formatNumber(me.activityScore, 1)}</td></tr>
          <tr><th scope="row">{t('teamWinRate')}</th><td class="num">{formatPercent(me.winRate)}</td></tr>
          <tr><th scope="row">{t('teamPipeline')}</th><td class="num">{formatMoney(me.pipeline, summary.currency)}</td></tr>
        </tbody>
      </table>
      <p class={me.behind ? 'error' : 'ok'}>
        {me.behindTier && me.behindTier !== 'deals' ? t('teamRepStatusTier', [behindText(me), tierName(me.behindTier)]) : t('teamRepStatus', behindText(me))}
      </p>
    </div>
  );
}
