// UI state for extension pages. Extension pages share the database's origin,
// so liveQuery keeps them current without any message round-trip.
import { computed, effect, signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { openDb, type PacerDb } from './db';
import type { PageState } from './messages';
import { countByType, type CountsByType } from './metrics/counts';
import { periodContaining, type Period, type PeriodOptions } from './metrics/periods';
import type { ActivityEvent, DealSnapshot } from './model';
import { watchActivePage } from './page-state';
import { identitiesOf } from './people';
import { planSettings } from './settings';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

let shared: PacerDb | undefined;
export const db = () => (shared ??= openDb());

/** The clock the UI reads; a minute tick is enough to roll over days and weeks. */
export const now = signal(new Date());

/**
 * Where days and weeks start: the rep's plan (its time zone and week start), so the popup's
 * "today" and "this week" are the scorecard's. Undefined until the plan is read: counting
 * before then would show a Monday week to a rep whose week starts on Sunday, then change.
 */
export const periodOptions = signal<PeriodOptions | undefined>(undefined);

export const week = computed<Period | undefined>(() => periodOptions.value && periodContaining('week', now.value, periodOptions.value));
export const today = computed<Period | undefined>(() => periodOptions.value && periodContaining('day', now.value, periodOptions.value));

export const weekCounts = signal<Loadable<CountsByType>>({ status: 'loading' });
export const todayCounts = signal<Loadable<CountsByType>>({ status: 'loading' });
export const activePage = signal<{ url?: string; state?: PageState }>({});
export const activeDeal = signal<Loadable<DealSnapshot | undefined>>({ status: 'loading' });
/** The latest events about the deal or person on the active tab, newest first. */
export const activeTouches = signal<ActivityEvent[]>([]);
const TOUCHES_SHOWN = 8;
const newestFirst = (events: ActivityEvent[]) => events.sort((a, b) => b.at.localeCompare(a.at)).slice(0, TOUCHES_SHOWN);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Keeps `periodOptions` on the plan in storage; a plan that cannot be read is said in `target`. */
function watchPlanPeriods(target: typeof weekCounts): () => void {
  const read = (plan: PeriodOptions) => {
    const { timeZone, weekStartsOn, fiscalYearStartMonth } = plan;
    const same = periodOptions.value;
    // The plan object changes with any edit (a quota, a rate); periods only with these three.
    if (!same || same.timeZone !== timeZone || same.weekStartsOn !== weekStartsOn || same.fiscalYearStartMonth !== fiscalYearStartMonth) {
      periodOptions.value = { timeZone, weekStartsOn, fiscalYearStartMonth };
    }
  };
  void planSettings.getValue().then(read, error => (target.value = { status: 'error', message: errorText(error) }));
  return planSettings.watch(plan => read(plan));
}

function watchCounts(period: () => Period | undefined, target: typeof weekCounts) {
  const stopPlan = watchPlanPeriods(target);
  const stopCounts = effect(() => {
    let range: Period | undefined;
    try {
      range = period();
    } catch (error) {
      // A plan whose zone this browser does not know: said, not thrown into the popup.
      target.value = { status: 'error', message: errorText(error) };
      return;
    }
    if (!range) return;
    const { from, to } = range;
    const sub = liveQuery(() => db().events.where('at').between(from, to, true, false).toArray()).subscribe({
      next: events => (target.value = { status: 'ready', value: countByType(events) }),
      error: error => (target.value = { status: 'error', message: errorText(error) }),
    });
    return () => sub.unsubscribe();
  });
  return () => {
    stopPlan();
    stopCounts();
  };
}

export const watchWeekCounts = () => watchCounts(() => week.value, weekCounts);
export const watchTodayCounts = () => watchCounts(() => today.value, todayCounts);

export function watchClock(intervalMs = 60_000) {
  const id = setInterval(() => (now.value = new Date()), intervalMs);
  return () => clearInterval(id);
}

/** Follows the active tab and the deal it shows. */
export function watchActiveDeal() {
  const stopPage = watchActivePage((tab, state) => {
    activePage.value = { ...(tab ? { url: tab.url } : {}), ...(state && state.url === tab?.url ? { state } : {}) };
  });
  const stopDeal = effect(() => {
    const dealId = activePage.value.state?.dealId;
    if (!dealId) {
      activeDeal.value = { status: 'ready', value: undefined };
      return;
    }
    const sub = liveQuery(() => db().deals.get(dealId)).subscribe({
      next: deal => (activeDeal.value = { status: 'ready', value: deal }),
      error: error => (activeDeal.value = { status: 'error', message: errorText(error) }),
    });
    return () => sub.unsubscribe();
  });
  const stopTouches = effect(() => {
    const { dealId, personId, profileUrl, person } = activePage.value.state ?? {};
    if (!dealId && !personId && !profileUrl) {
      activeTouches.value = [];
      return;
    }
    // A person's touches span sites: their LinkedIn profile and every CRM record that is them.
    const query = async () => {
      if (dealId) return newestFirst(await db().events.where('deal.id').equals(dealId).toArray());
      const ids = await identitiesOf(db(), {
        ...(profileUrl ?? person?.linkedinUrl ? { profileUrl: profileUrl ?? person?.linkedinUrl } : {}),
        ...(personId ? { crmId: personId } : {}),
      });
      const [byProfile, byCrm] = await Promise.all([
        ids.profileUrls.length ? db().events.where('person.profileUrl').anyOf(ids.profileUrls).toArray() : [],
        ids.crmIds.length ? db().events.where('person.crmId').anyOf(ids.crmIds).toArray() : [],
      ]);
      return newestFirst([...new Map([...byProfile, ...byCrm].map(e => [e.id, e])).values()]);
    };
    const sub = liveQuery(query).subscribe({ next: events => (activeTouches.value = events), error: () => (activeTouches.value = []) });
    return () => sub.unsubscribe();
  });
  return () => {
    stopPage();
    stopDeal();
    stopTouches();
  };
}
