import { render } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/TeamSync.css';
import { CaptureToggle } from '../../components/CaptureToggle';
import { PeriodSwitcher } from '../../components/Scorecard';
import { TeamRepDetail } from '../../components/TeamRepDetail';
import { AsOf, TeamManagerView, TeamRepView, TeamStateView } from '../../components/TeamView';
import { formatNumber, t } from '../../lib/i18n';
import { total } from '../../lib/metrics/counts';
import { periodContaining } from '../../lib/metrics/periods';
import { planSettings } from '../../lib/settings';
import { todayCounts, watchClock, watchTodayCounts, watchWeekCounts, weekCounts, type Loadable } from '../../lib/store';
import type { CountsByType } from '../../lib/metrics/counts';
import type { RepRow } from '../../lib/sync-client';
import { csvFileName, leaderboardCsv, sortReps, type SortDir, type SortKey, type TeamPeriod } from '../../lib/sync-team';
import { loadTeamSummary, teamConnection, type TeamConnection, type TeamState } from '../../lib/sync-team-store';
import { CountsTable } from '../../components/CountsTable';

function Total({ label, counts }: { label: string; counts: Loadable<CountsByType> }) {
  const value = counts.status === 'ready' ? formatNumber(total(counts.value)) : '–';
  return (
    <div>
      <div class="muted">{label}</div>
      <div class="big" aria-label={t('popupTotalLabel', [label, value])}>{value}</div>
    </div>
  );
}

async function openSidePanel() {
  // Chrome's side panel; Firefox's sidebar. Both need the click's user gesture.
  const sidePanel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } }).sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar) return sidebar.open();
  const win = await browser.windows.getCurrent();
  if (sidePanel && win.id !== undefined) await sidePanel.open({ windowId: win.id });
  window.close();
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The rep's own activity: the popup as it is without team sync. */
function Personal() {
  useEffect(() => {
    const stops = [watchClock(), watchTodayCounts(), watchWeekCounts()];
    return () => stops.forEach(stop => stop());
  }, []);
  return (
    <>
      <div class="grid2">
        <Total label={t('popupToday')} counts={todayCounts.value} />
        <Total label={t('popupThisWeek')} counts={weekCounts.value} />
      </div>
      <h2>{t('popupToday')}</h2>
      <CountsTable caption={t('popupActivityTodayCaption')} counts={todayCounts.value} emptyHint={t('popupNothingToday')} />
    </>
  );
}

function Buttons() {
  return (
    <p style={{ display: 'flex', gap: '8px', marginTop: '12px' }}>
      <button type="button" onClick={() => void openSidePanel()}>{t('popupOpenScorecard')}</button>
      <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>{t('popupOptions')}</button>
    </p>
  );
}

/** The team for the chosen period, from the team server (or its last pulled snapshot). */
function Team({ conn }: { conn: TeamConnection }) {
  const period = useSignal<TeamPeriod>('quarter');
  const state = useSignal<TeamState>({ status: 'loading' });
  const sortKey = useSignal<SortKey>('attainment');
  const sortDir = useSignal<SortDir>('descending');
  const open = useSignal<RepRow | null>(null);
  const week = useSignal<string>('');
  const now = new Date();

  useEffect(() => {
    let live = true;
    void planSettings.getValue().then(plan => {
      week.value = periodContaining('week', now, plan).startDate;
      return loadTeamSummary(conn, period.value, plan, now, s => live && (state.value = s));
    });
    return () => void (live = false);
  }, [period.value]);

  const onSort = (key: SortKey) => {
    if (sortKey.value === key) sortDir.value = sortDir.value === 'descending' ? 'ascending' : 'descending';
    else (sortKey.value = key), (sortDir.value = 'descending');
  };

  const s = state.value;
  // Known from the last sync before the summary arrives, so a manager's popup does not flash the personal view.
  const manager = (s.status === 'ready' ? s.snapshot.summary.viewer.role : conn.whoami?.role) === 'manager';
  return (
    <main style={{ width: manager ? '600px' : '340px' }}>
      <h1>{s.status === 'ready' ? s.snapshot.summary.team.name : t('popupYourTeam')}</h1>
      <CaptureToggle />
      <PeriodSwitcher period={period.value} onPeriod={p => ((period.value = p), (open.value = null))} />
      <TeamStateView state={s}>
        {ready => {
          const summary = ready.snapshot.summary;
          const rep = open.value && summary.reps.find(r => r.rep === open.value!.rep);
          return (
            <>
              <AsOf state={ready} now={now} />
              {summary.viewer.role !== 'manager' ? (
                <TeamRepView summary={summary} />
              ) : rep ? (
                <TeamRepDetail
                  rep={rep}
                  currency={summary.currency}
                  stalled={summary.stalled}
                  week={week.value}
                  loadReview={() => conn.client.repReview(rep.rep, week.value)}
                  saveFeedback={async (kudos, focus) => void (await conn.client.setFeedback(rep.rep, week.value, kudos, focus))}
                  onClose={() => (open.value = null)}
                />
              ) : (
                <TeamManagerView
                  summary={summary}
                  sortKey={sortKey.value}
                  sortDir={sortDir.value}
                  onSort={onSort}
                  onOpen={r => (open.value = r)}
                  onExport={() => download(csvFileName(summary), leaderboardCsv(sortReps(summary.reps, sortKey.value, sortDir.value), summary.currency))}
                />
              )}
            </>
          );
        }}
      </TeamStateView>
      {/* A rep's own activity stays in view, also while the team's numbers load or cannot be had. */}
      {!manager && (
        <>
          <h2>{t('popupYourActivity')}</h2>
          <Personal />
        </>
      )}
      {manager && (
        <p>
          {/* A full page in a tab: the popup is too small for the plan and every rep's allocation. */}
          <button type="button" class="secondary" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/team-plan.html') }).then(() => window.close())}>
            {t('popupTeamPlan')}
          </button>
        </p>
      )}
      <Buttons />
    </main>
  );
}

function Popup() {
  // undefined while reading the settings; null when team sync is off: the personal popup.
  const conn = useSignal<TeamConnection | null | undefined>(undefined);
  useEffect(() => void teamConnection().then(c => (conn.value = c), () => (conn.value = null)), []);
  if (conn.value) return <Team conn={conn.value} />;
  return (
    <main style={{ width: '320px' }}>
      <h1>{t('popupYourNumbers')}</h1>
      <CaptureToggle />
      <Personal />
      <Buttons />
    </main>
  );
}

// The page's language is that of the words shown, so screen readers pronounce them right.
document.documentElement.lang = t('page_lang');
render(<Popup />, document.getElementById('app')!);
