import { render } from 'preact';
import { computed, signal } from '@preact/signals';
import { useEffect, useLayoutEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CountsTable } from '../../components/CountsTable';
import { Scorecard } from '../../components/Scorecard';
import { ScorecardAchievements } from '../../components/ScorecardAchievements';
import { ScorecardRiver } from '../../components/ScorecardRiver';
import { Charts } from '../../components/Charts';
import { period, prefetchScorecard, scorecard, scorecardDays, scorecardPlan, scorecardUpdating, scorecardWins, watchScorecard } from '../../lib/scorecard-store';
import { ThisPage } from '../../components/ThisPage';
import { whatThisDealEarns } from '../../lib/metrics/commission';
import { earningsView, type EarningsView } from '../../lib/scorecard-extras';
import { scorecardErrorText } from '../../lib/scorecard-words';
import { t } from '../../lib/i18n';
import '../../components/theme.css';
import { CaptureToggle } from '../../components/CaptureToggle';
import { TeamSidePanel } from '../../components/TeamSidePanel';
import { teamSyncSettings, type TeamSyncSettings } from '../../lib/sync-state';
import { ManualEntries } from '../../components/ManualEntries';
import { focusQuickAdd, listenForQuickAdd, QuickAdd } from '../../components/QuickAdd';
import { deleteManual, editManual, logManual, watchManual } from '../../lib/manual';
import type { ActivityEvent } from '../../lib/model';
import { planSettings } from '../../lib/settings';
import { FOCUS_QUICK_ADD_KEY } from '../../lib/quick-add-command';
import { activeDeal, activePage, activeTouches, db, now, watchActiveDeal, watchClock, type Loadable } from '../../lib/store';
import { sumDays } from '../../lib/metrics/aggregate';
import type { CountsByType } from '../../lib/metrics/counts';
import { periodContaining } from '../../lib/metrics/periods';

const MANUAL_SHOWN = 8;
const manualEntries = signal<Loadable<ActivityEvent[]>>({ status: 'loading' });
const editing = signal<ActivityEvent | undefined>(undefined);
const planCurrency = signal('USD');
/**
 * Team sync's line appears once the rep has set sync up. Mounted only then: its count of
 * what waits to be sent reads every event id on each write, which with 100,000 events
 * stored made a burst of captures a hundred long tasks (npm run bench:sidepanel).
 */
const teamSyncSetUp = signal(false);
const isSetUp = (s: TeamSyncSettings | null | undefined) => !!s && (s.enabled || s.url !== '');

/**
 * This week's counts by type, from the day rows the scorecard already reads (the plan's
 * week): one read path for the whole panel, rather than a second query of the week's
 * events re-run on every write.
 */
const weekByType = computed((): Loadable<CountsByType> => {
  const s = scorecard.value;
  const plan = scorecardPlan.value;
  if (s.status === 'error') return { status: 'error', message: scorecardErrorText(s) };
  if (s.status !== 'ready' || !plan) return { status: 'loading' };
  try {
    const week = periodContaining('week', now.value, plan);
    return { status: 'ready', value: sumDays(scorecardDays.value, week.startDate, week.endDate).counts };
  } catch (error) {
    return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
});

/** What closing the deal on the active tab earns: undefined until the scorecard and plan are read. */
const dealEarnings = computed((): EarningsView | null | undefined => {
  const d = activeDeal.value;
  const s = scorecard.value;
  const plan = scorecardPlan.value;
  if (d.status !== 'ready' || !d.value) return null;
  if (s.status !== 'ready' || !plan) return undefined;
  const c = s.value.commission.result;
  return earningsView(whatThisDealEarns(d.value, plan, { attained: c.attained, quota: c.quota }), plan.currency);
});

function watchManualEntries() {
  return watchManual(db(), MANUAL_SHOWN, value => {
    manualEntries.value = { status: 'ready', value };
    // Edited or deleted elsewhere (another window): stop editing what is gone.
    if (editing.value && !value.some(e => e.id === editing.value!.id)) editing.value = undefined;
  }, error => (manualEntries.value = { status: 'error', message: error instanceof Error ? error.message : String(error) }));
}

/** Performance marks a benchmark reads (scripts/bench-sidepanel.ts): the first scorecard drawn with data, and every redraw with new data. */
export const SCORECARD_RENDERED = 'pacer:scorecard-rendered';
export const SCORECARD_UPDATED = 'pacer:scorecard-updated';
/** The first scorecard drawn that is current (not a saved one marked "Updating…"). */
export const SCORECARD_EXACT = 'pacer:scorecard-exact';
let markedScorecard: unknown;
let markedExact = false;

function useScorecardMarks() {
  useLayoutEffect(() => {
    const s = scorecard.value;
    if (s.status !== 'ready' || !scorecardPlan.value || s.value === markedScorecard) return;
    performance.mark(markedScorecard === undefined ? SCORECARD_RENDERED : SCORECARD_UPDATED);
    markedScorecard = s.value;
    if (!markedExact && !scorecardUpdating.value) {
      performance.mark(SCORECARD_EXACT);
      markedExact = true;
    }
  });
}

function SidePanel() {
  useScorecardMarks();
  useEffect(() => {
    void planSettings.getValue().then(p => (planCurrency.value = p.currency));
    void teamSyncSettings.getValue().then(s => (teamSyncSetUp.value = isSetUp(s)));
    const stops = [
      watchClock(), watchActiveDeal(), watchManualEntries(), watchScorecard(db(), now),
      planSettings.watch(p => (planCurrency.value = p.currency)),
      teamSyncSettings.watch(s => (teamSyncSetUp.value = isSetUp(s))),
      // The manifest's quick-add command (Alt+Shift+L) reaches this page while it is open.
      listenForQuickAdd(() => { window.focus(); focusQuickAdd(); }, window, browser.commands),
    ];
    // Opened by the quick-add command while the panel was closed: the background left a flag.
    void browser.storage.session.get(FOCUS_QUICK_ADD_KEY).then(flags => {
      const at = flags[FOCUS_QUICK_ADD_KEY] as number | undefined;
      if (at === undefined) return;
      void browser.storage.session.remove(FOCUS_QUICK_ADD_KEY);
      if (Date.now() - at < 10_000) requestAnimationFrame(() => focusQuickAdd());
    });
    return () => stops.forEach(stop => stop());
  }, []);
  return (
    <main>
      <h1>Pacer</h1>
      <CaptureToggle />
      {teamSyncSetUp.value && <TeamSidePanel now={now.value} />}
      <section class="card" aria-labelledby="this-page">
        <h2 id="this-page">{t('scThisPage')}</h2>
        <ThisPage page={activePage.value} deal={activeDeal.value} touches={activeTouches.value} now={now.value} earnings={dealEarnings.value} />
      </section>
      <section class="card" aria-labelledby="scorecard" aria-busy={scorecardUpdating.value}>
        <h2 id="scorecard">{t('scScorecard')}</h2>
        {/* Always in the page, so screen readers hear it appear; the saved scorecard below is from before the latest changes. */}
        <p class="muted" role="status" aria-live="polite" data-testid="scorecard-updating" style={{ margin: 0 }}>
          {scorecardUpdating.value ? t('scUpdating') : ''}
        </p>
        <p style={{ margin: '0 0 8px' }}>
          <a href={browser.runtime.getURL('/review.html')} target="_blank" rel="noopener">{t('scReviewLink')}</a>
        </p>
        <Scorecard
          period={period.value}
          onPeriod={p => (period.value = p)}
          scorecard={scorecard.value}
          days={scorecardDays.value}
          onOpenOptions={() => void browser.runtime.openOptionsPage()}
        />
        <ScorecardRiver scorecard={scorecard.value} />
        <Charts scorecard={scorecard.value} days={scorecardDays.value} wins={scorecardWins.value} plan={scorecardPlan.value} />
        <ScorecardAchievements scorecard={scorecard.value} onOpenOptions={() => void browser.runtime.openOptionsPage()} />
      </section>
      <section class="card" aria-labelledby="this-week">
        <h2 id="this-week">{t('reviewThisWeek')}</h2>
        <CountsTable caption={t('scWeekCaption')} counts={weekByType.value} emptyHint={t('scWeekEmpty')} />
      </section>
      <section class="card" aria-labelledby="quick-add">
        <h2 id="quick-add">{editing.value ? t('scEditEntry') : t('scLogByHand')}</h2>
        <QuickAdd
          now={now.value}
          defaultCurrency={planCurrency.value}
          editing={editing.value}
          onLog={entry => logManual(db(), entry, new Date())}
          onEdit={async (oldId, entry) => {
            await editManual(db(), oldId, entry, new Date());
            editing.value = undefined;
          }}
          onCancelEdit={() => (editing.value = undefined)}
        />
      </section>
      <section class="card" aria-labelledby="logged-by-hand">
        <h2 id="logged-by-hand">{t('scLoggedByHand')}</h2>
        <ManualEntries
          entries={manualEntries.value}
          editingId={editing.value?.id}
          onEdit={e => (editing.value = e)}
          onDelete={async id => {
            await deleteManual(db(), id, new Date());
            if (editing.value?.id === id) editing.value = undefined;
          }}
        />
      </section>
    </main>
  );
}

// The page's language is that of the words shown, so screen readers pronounce them right.
document.documentElement.lang = t('page_lang');
document.title = t('scPanelTitle');
prefetchScorecard(db()); // the saved scorecard's reads run beside the first render
render(<SidePanel />, document.getElementById('app')!);
