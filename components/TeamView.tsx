// The popup's team summary (issue #7, item 5). The manager sees the whole team for the
// chosen period; a rep sees their own numbers and rank only. Offline, both show the
// last pulled snapshot and say when it is from.
import type { ComponentChildren } from 'preact';
import { useSignal } from '@preact/signals';
import type { RepRow, TeamSummary } from '../lib/sync-client';
import type { TeamState } from '../lib/sync-team-store';
import { behindText, formatMoney, formatNumber, formatPercent, repLabel, teamLine, TIER_LABELS, type SortDir, type SortKey } from '../lib/sync-team';
import { formatTime } from '../lib/sync-view';
import { TeamLeaderboard } from './TeamLeaderboard';
import { TeamTrend } from './TeamTrend';

export function AsOf({ state, now }: { state: Extract<TeamState, { status: 'ready' }>; now: Date }) {
  const asOf = formatTime(state.snapshot.summary.asOf, now);
  return (
    <p class={state.stale ? 'error' : 'muted'} data-testid="as-of" role="status">
      As of {asOf}
      {state.stale ? `. Offline: showing the last pulled numbers (${state.stale})` : state.refreshing ? ' (refreshing…)' : ''}
    </p>
  );
}

export function TeamStateView({ state, children }: { state: TeamState; children: (s: Extract<TeamState, { status: 'ready' }>) => ComponentChildren }) {
  if (state.status === 'loading') return <p class="muted" aria-busy="true">Loading the team's numbers…</p>;
  if (state.status === 'error') return <p class="error" role="alert">Could not load the team's numbers: {state.message}</p>;
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
        <strong>{summary.team.name}</strong>, {summary.team.reps} reps: {teamLine(summary)}.
      </p>
      <TeamLeaderboard reps={summary.reps} currency={summary.currency} sortKey={sortKey} sortDir={sortDir} onSort={onSort} onOpen={onOpen} />
      <p><button type="button" class="secondary" onClick={onExport}>Export table (CSV)</button></p>
      <h2 id="team-behind">Who is behind</h2>
      {behind.length === 0 ? (
        <p class="ok">Everyone is on pace.</p>
      ) : (
        <ul aria-labelledby="team-behind" data-testid="team-behind">
          {behind.map(r => (
            <li key={r.rep} data-rep={r.rep}>
              {repLabel(r)}: {behindText(r).toLowerCase()}
              {r.pacing ? ` (${formatMoney(Math.abs(r.pacing.delta), summary.currency)} behind pace)` : ''}
            </li>
          ))}
        </ul>
      )}
      <h2 id="team-stalled">Stalled deals</h2>
      {summary.stalled.length === 0 ? (
        <p class="muted">No open deal is past its stage's time target.</p>
      ) : (
        <table data-testid="team-stalled">
          <caption>Open deals past their stage's time target, oldest first</caption>
          <thead><tr><th scope="col">Deal</th><th scope="col">Rep</th><th scope="col">Stage</th><th scope="col" class="num">Days</th><th scope="col" class="num">Amount</th></tr></thead>
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
            {allStalled.value ? `Show the oldest ${STALLED_SHOWN}` : `Show all ${stalled.length} stalled deals`}
          </button>
        </p>
      )}
      {summary.territories.length > 1 && (
        <>
          <h2 id="team-territories">Territories</h2>
          <table data-testid="team-territories">
            <caption>Won against quota by territory</caption>
            <thead><tr><th scope="col">Territory</th><th scope="col" class="num">Reps</th><th scope="col" class="num">Won</th><th scope="col" class="num">Attainment</th><th scope="col" class="num">Pipeline</th></tr></thead>
            <tbody>
              {summary.territories.map(t => (
                <tr key={t.territory ?? '-'}><th scope="row">{t.territory ?? 'No territory'}</th><td class="num">{t.reps}</td><td class="num">{formatMoney(t.won, summary.currency)}</td><td class="num">{formatPercent(t.attainment)}</td><td class="num">{formatMoney(t.pipeline, summary.currency)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>Trend</h2>
      <TeamTrend summary={summary} />
    </div>
  );
}

/** A rep's own row and rank: what a token without the manager role may see. */
export function TeamRepView({ summary }: { summary: TeamSummary }) {
  const me = summary.reps.find(r => r.rep === summary.viewer.rep) ?? summary.reps[0];
  if (!me) return <p class="muted">The team server has no numbers for you in this period yet.</p>;
  return (
    <div data-testid="team-rank">
      <p class="big" aria-label={`Rank ${me.rank} of ${summary.team.reps} in ${summary.team.name}`}>
        #{me.rank} <span class="muted" style={{ fontSize: '14px', fontWeight: 400 }}>of {summary.team.reps} in {summary.team.name}</span>
      </p>
      <table>
        <caption>Your numbers on the team server this period</caption>
        <tbody>
          <tr><th scope="row">Attainment</th><td class="num">{formatPercent(me.attainment)}</td></tr>
          <tr><th scope="row">Won</th><td class="num">{formatMoney(me.won, summary.currency)}</td></tr>
          <tr><th scope="row">Activity score</th><td class="num">{formatNumber(me.activityScore, 1)}</td></tr>
          <tr><th scope="row">Win rate</th><td class="num">{formatPercent(me.winRate)}</td></tr>
          <tr><th scope="row">Pipeline</th><td class="num">{formatMoney(me.pipeline, summary.currency)}</td></tr>
        </tbody>
      </table>
      <p class={me.behind ? 'error' : 'ok'}>{behindText(me)}{me.behindTier && me.behindTier !== 'deals' ? `: the pyramid's ${TIER_LABELS[me.behindTier].toLowerCase()} tier is behind its target` : ''}.</p>
    </div>
  );
}
