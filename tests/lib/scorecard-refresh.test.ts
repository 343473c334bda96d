// The background keeps the saved scorecards current (issue #6, "Speed"), and the side panel
// shows them instead of computing on its own thread. The background (startScorecardRefresh)
// and the panel's model (watchScorecard) run here in one process over fake-indexeddb and
// WXT's fake browser, whose runtime messages reach every listener: the panel's request and
// the background's "saved" notices travel as they do between the worker and the page.
import { effect, signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readDataVersion, touchesScorecard } from '../../lib/data-version';
import { openDb, type PacerDb } from '../../lib/db';
import { storeBatch } from '../../lib/ingest';
import { onMessage, sendMessage } from '../../lib/messages';
import type { ActivityEvent } from '../../lib/model';
import { readScorecardInputs, refreshSnapshots, snapshotFrom, winsOf } from '../../lib/scorecard-refresh';
import { startScorecardRefresh } from '../../lib/scorecard-refresh-background';
import { scorecardPeriodSetting } from '../../lib/scorecard-refresh-period';
import type { RefreshTiming } from '../../lib/scorecard-refresh-schedule';
import { noticeOf, readSnapshot, saveSnapshot, type ScorecardSnapshot } from '../../lib/scorecard-snapshot';
import { COMPUTED, period, scorecard, scorecardUpdating, SCORECARD_SHOWN, watchScorecard, type WatchTiming } from '../../lib/scorecard-store';
import { planSettings } from '../../lib/settings';
import { call, plan, won } from '../metrics/make';

// Counts every scorecard computed, in the "background" or the "panel": "no computation" is observed, not assumed.
const computed = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../lib/metrics/scorecard', async importOriginal => {
  const real = await importOriginal<typeof import('../../lib/metrics/scorecard')>();
  return { ...real, scorecardFromAggregates: (...args: Parameters<typeof real.scorecardFromAggregates>) => (computed.n++, real.scorecardFromAggregates(...args)) };
});

const TZ = 'UTC';
const NOW = new Date('2026-03-16T12:00:00Z');
const P = plan();
const SEEN = '2026-03-16T10:00:00.000Z';
const EVENTS: ActivityEvent[] = [call('2026-01-05T10:00Z'), call('2026-03-16T09:00Z'), won('a', '2026-02-11T00:00Z', 30_000)];
const batch = (events: ActivityEvent[]) => ({ batchId: crypto.randomUUID(), site: 'salesforce' as const, seenAt: SEEN, events, deals: [] });
const aCall = (hour: number) => call(`2026-03-16T${String(hour).padStart(2, '0')}:00Z`);

/** A background that answers quickly (fast enough for a test, same rules as the real timing). */
const QUICK: RefreshTiming = { quietMs: 20, maxWaitMs: 100, restRatio: 1, leading: true };
/** A panel that waits long for the background: anything it computes itself is a failure of the background. */
const PATIENT: WatchTiming = { graceMs: 10_000, fallbackMs: 10_000, patienceMs: 10_000, everyMs: 100 };

let db: PacerDb;
const stops: (() => void)[] = [];
const background = (timing = QUICK) => {
  const stop = startScorecardRefresh(db, timing, () => NOW);
  stops.push(stop);
  return stop;
};
const panel = (timing = PATIENT) => {
  const stop = watchScorecard(db, signal(NOW), timing);
  stops.push(stop);
  return stop;
};
/** How many scorecards the panel computed itself (its fallback measures each). */
const panelComputations = () => performance.getEntriesByName(COMPUTED).length;
const shownSources = () => performance.getEntriesByName(SCORECARD_SHOWN).map(e => (e as PerformanceMark).detail as { source: string; exact: boolean });
const callsOnScreen = () => (scorecard.value.status === 'ready' ? scorecard.value.value.current.drivers.calls : undefined);
const current = async (p = 'quarter') => {
  const [s, v] = await Promise.all([readSnapshot(db, p), readDataVersion(db)]);
  return s?.dataVersion === v ? s : undefined;
};
/** Each scorecard the panel shows: its calls, and whether it was marked "Updating…". */
const recordShown = () => {
  const log: { updating: boolean; calls: number | undefined }[] = [];
  const dispose = effect(() => {
    const s = scorecard.value;
    if (s.status === 'ready') log.push({ updating: scorecardUpdating.value, calls: s.value.current.drivers.calls });
  });
  stops.push(dispose);
  return log;
};
const withoutTime = ({ computedAt: _c, ...rest }: ScorecardSnapshot) => rest;

beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`refresh-${crypto.randomUUID()}`);
  period.value = 'quarter';
  scorecard.value = { status: 'loading' }; // as a fresh page starts
  await planSettings.setValue(P);
  await storeBatch(db, batch(EVENTS), TZ);
  computed.n = 0;
  performance.clearMarks();
  performance.clearMeasures();
});
afterEach(async () => {
  stops.splice(0).reverse().forEach(stop => stop());
  await db.delete();
});

describe('which writes concern a scorecard', () => {
  it('events, day rows, deals, deal history and meta do; sync bookkeeping, people and saved scorecards do not', () => {
    const parts = (table: string) => ({ [`idb://pacer/${table}/`]: {} });
    for (const t of ['events', 'days', 'deals', 'dealHistory', 'meta']) expect(touchesScorecard('pacer', parts(t))).toBe(true);
    for (const t of ['syncedEvents', 'syncedDeals', 'people', 'sightings', 'scorecardSnapshots', 'importStaging']) expect(touchesScorecard('pacer', parts(t))).toBe(false);
    expect(touchesScorecard('pacer', { 'idb://pacer2/events/': {} })).toBe(false); // another database
    expect(touchesScorecard('pacer', { all: {} })).toBe(true); // Dexie could not say what changed
  });
});

describe('what a saved scorecard keeps', () => {
  it('only the won deals its charts draw: those closed within its period', async () => {
    await storeBatch(db, batch([won('old', '2025-11-20T10:00Z', 5_000), won('new', '2026-03-02T10:00Z', 7_000)]), TZ);
    const inputs = await readScorecardInputs(db);
    const all = winsOf(inputs, P);
    expect(all.map(w => w.id).sort()).toEqual(['a', 'new', 'old']);
    const quarter = snapshotFrom(inputs, P, 'quarter', NOW, all, 'background')!;
    expect(quarter.wins.map(w => w.id).sort()).toEqual(['a', 'new']); // Q1 2026
    const week = snapshotFrom(inputs, P, 'week', NOW, all, 'background')!;
    expect(week.wins).toEqual([]);
  });
});

describe('the background', () => {
  it('after a write, saves the exact scorecard of the rep’s period, marked as its own, equal to computing it directly', async () => {
    background();
    await storeBatch(db, batch([aCall(11)]), TZ);
    const saved = await vi.waitFor(async () => (await current()) ?? Promise.reject(new Error('not yet')));
    expect(saved.source).toBe('background');
    const inputs = await readScorecardInputs(db);
    expect(withoutTime(saved)).toEqual(withoutTime(snapshotFrom(inputs, P, 'quarter', NOW, winsOf(inputs, P), 'background')!));
    expect(saved.scorecard.current.drivers.calls).toBe(3);
  });

  it('coalesces a burst: thirty writes cost a few computations, and the last one is included', async () => {
    background({ quietMs: 500, maxWaitMs: 60_000, restRatio: 1, leading: false }); // longer than any pause between these writes
    await Promise.all(Array.from({ length: 30 }, (_, i) => storeBatch(db, batch([call(`2026-03-16T10:${String(i).padStart(2, '0')}Z`)]), TZ)));
    const saved = await vi.waitFor(async () => (await current()) ?? Promise.reject(new Error('not yet')));
    expect(saved.scorecard.current.drivers.calls).toBe(32);
    expect(computed.n).toBeLessThan(5);
  });

  it('a write the scorecard does not read (team sync’s bookkeeping) computes nothing', async () => {
    background();
    await vi.waitFor(async () => expect(await current()).toBeDefined()); // the start-up check
    const before = computed.n;
    await db.syncedEvents.put({ id: EVENTS[0]!.id, at: SEEN });
    await new Promise(r => setTimeout(r, QUICK.quietMs * 10));
    expect(computed.n).toBe(before);
  });

  it('answers a panel’s request: computes nothing when the saved scorecard is current, recomputes it when not', async () => {
    background({ quietMs: 60_000, maxWaitMs: 60_000, restRatio: 1, leading: false }); // only requests make it run
    const first = await sendMessage('refreshScorecard', { period: 'quarter' });
    expect(first).toMatchObject({ period: 'quarter', dataVersion: await readDataVersion(db), source: 'background' });
    const n = computed.n;
    expect(await sendMessage('refreshScorecard', { period: 'quarter' })).toEqual(first);
    expect(computed.n).toBe(n); // current: nothing computed
    await storeBatch(db, batch([aCall(11)]), TZ);
    const again = await sendMessage('refreshScorecard', { period: 'quarter' });
    expect(again!.dataVersion).toBe(await readDataVersion(db));
    expect(computed.n).toBe(n + 1);
  });

  it('keeps the rep’s chosen period first, then the other periods the rep has looked at, never one nobody looked at', async () => {
    await scorecardPeriodSetting.setValue('week');
    const announced: string[] = [];
    stops.push(onMessage('scorecardSaved', notice => void announced.push(notice.period)));
    background();
    await vi.waitFor(async () => expect(await current('week')).toBeDefined());
    // The rep once looked at the quarter: its (now stale) row exists.
    await saveSnapshot(db, { ...(await current('week'))!, period: 'quarter', periodKey: 'old', dataVersion: 0 });
    announced.length = 0;
    await storeBatch(db, batch([aCall(11)]), TZ);
    await vi.waitFor(async () => expect(await current('quarter')).toBeDefined());
    expect(announced).toEqual(['week', 'quarter']);
    expect(await readSnapshot(db, 'year')).toBeUndefined();
    expect(await readSnapshot(db, 'month')).toBeUndefined();
  });

  it('stopped mid-computation, loses nothing: the saved scorecard is only behind, and the next worker brings it current as it starts', async () => {
    let dies = true;
    // The first worker dies inside its run (its clock is read after the plan, before anything is saved).
    const first = startScorecardRefresh(db, QUICK, () => {
      if (dies) throw new Error('worker stopped');
      return NOW;
    });
    await storeBatch(db, batch([aCall(11)]), TZ);
    await new Promise(r => setTimeout(r, QUICK.maxWaitMs * 3));
    first();
    expect(await current()).toBeUndefined(); // nothing current saved…
    expect(await db.events.count()).toBe(EVENTS.length + 1); // …and the data is all there
    dies = false;
    background(); // a new worker: its start-up check recomputes
    const saved = await vi.waitFor(async () => (await current()) ?? Promise.reject(new Error('not yet')));
    expect(saved.scorecard.current.drivers.calls).toBe(3);
  });
});

describe('the side panel with the background', () => {
  it('opened after a write: the saved scorecard marked "Updating…" at once, then the background’s exact one; the panel computes nothing', async () => {
    background({ quietMs: 60_000, maxWaitMs: 60_000, restRatio: 1, leading: false }); // serves only the panel's request
    await vi.waitFor(async () => expect(await current()).toBeDefined());
    await storeBatch(db, batch([aCall(11)]), TZ);
    const log = recordShown();
    panel();
    await vi.waitFor(() => expect(log.at(-1)).toEqual({ updating: false, calls: 3 }));
    expect(log[0]).toEqual({ updating: true, calls: 2 }); // the saved numbers, marked
    expect(log.some(l => !l.updating && l.calls === 2)).toBe(false); // never the old numbers unmarked
    expect(panelComputations()).toBe(0);
    expect(shownSources().at(-1)).toEqual({ source: 'background', dataVersion: await readDataVersion(db), exact: true });
  });

  it('while open, a captured event shows from the background’s snapshot, never marked, never computed by the panel', async () => {
    background();
    await vi.waitFor(async () => expect(await current()).toBeDefined());
    panel();
    await vi.waitFor(() => expect(callsOnScreen()).toBe(2));
    const log = recordShown();
    await storeBatch(db, batch([aCall(11)]), TZ);
    await vi.waitFor(() => expect(callsOnScreen()).toBe(3));
    expect(log.every(l => !l.updating)).toBe(true);
    expect(panelComputations()).toBe(0);
    expect(shownSources().at(-1)).toMatchObject({ source: 'background', exact: true });
  });

  it('when the background is slower than the grace time, marks the scorecard "Updating…" until the newer one arrives', async () => {
    background({ quietMs: 60_000, maxWaitMs: 60_000, restRatio: 1, leading: false }); // silent until asked
    await vi.waitFor(async () => expect(await current()).toBeDefined());
    panel({ graceMs: 10, fallbackMs: 10_000, patienceMs: 10_000, everyMs: 100 });
    await vi.waitFor(() => expect(callsOnScreen()).toBe(2));
    const log = recordShown();
    await storeBatch(db, batch([aCall(11)]), TZ);
    await vi.waitFor(() => expect(log.at(-1)).toEqual({ updating: false, calls: 3 }));
    expect(log).toContainEqual({ updating: true, calls: 2 }); // behind the data, and said so
    expect(panelComputations()).toBe(0);
  });

  it('remembers the rep’s period: the next open shows it, from the background’s snapshot', async () => {
    background();
    panel();
    await vi.waitFor(() => expect(scorecard.value.status).toBe('ready'));
    period.value = 'week';
    await vi.waitFor(() => expect(scorecard.value.status === 'ready' && scorecard.value.value.current.period.kind).toBe('week'));
    await vi.waitFor(async () => expect(await scorecardPeriodSetting.getValue()).toBe('week'));
    stops.pop()!();
    period.value = 'quarter'; // a fresh page starts on the default…
    scorecard.value = { status: 'loading' };
    panel();
    await vi.waitFor(() => expect(scorecard.value.status === 'ready' && scorecard.value.value.current.period.kind).toBe('week')); // …and opens on the rep's choice
    expect(period.value).toBe('week');
    expect(panelComputations()).toBe(0);
  });
});

describe('the panel’s fallback', () => {
  /** A saved scorecard one write behind the data. */
  const behind = async () => {
    const inputs = await readScorecardInputs(db);
    await saveSnapshot(db, snapshotFrom(inputs, P, 'quarter', NOW, winsOf(inputs, P), 'background')!);
    await storeBatch(db, batch([aCall(11)]), TZ);
  };

  it('a worker that stops while asked (the request fails): the panel computes the scorecard itself at once', async () => {
    await behind();
    stops.push(onMessage('refreshScorecard', () => Promise.reject(new Error('The message port closed before a response was received.'))));
    const log = recordShown();
    panel({ graceMs: 10, fallbackMs: 10_000, patienceMs: 10_000, everyMs: 100 });
    await vi.waitFor(() => expect(log.at(-1)).toEqual({ updating: false, calls: 3 }));
    expect(log[0]).toEqual({ updating: true, calls: 2 });
    expect(panelComputations()).toBe(1);
    expect(shownSources().at(-1)).toMatchObject({ source: 'panel', exact: true });
    expect((await current())?.source).toBe('panel'); // saved, so the next open is quick even so
  });

  it('a slow background within patience: the panel keeps waiting for it and computes nothing', async () => {
    await behind();
    stops.push(onMessage('refreshScorecard', async ({ period: p }) => {
      await new Promise(r => setTimeout(r, 300)); // a worker whose reads wait on a busy database
      await refreshSnapshots(db, { plan: P, periods: ['quarter'], now: NOW, force: false });
      return noticeOf((await readSnapshot(db, p))!);
    }));
    const log = recordShown();
    panel({ graceMs: 10, fallbackMs: 20, patienceMs: 10_000, everyMs: 100 });
    await vi.waitFor(() => expect(log.at(-1)).toEqual({ updating: false, calls: 3 }));
    expect(panelComputations()).toBe(0);
    expect(shownSources().at(-1)).toMatchObject({ source: 'background', exact: true });
  });

  it('a request that hangs past the patience: the panel computes the scorecard itself', async () => {
    await behind();
    stops.push(onMessage('refreshScorecard', () => new Promise<never>(() => {}))); // a worker that hangs
    const log = recordShown();
    panel({ graceMs: 10, fallbackMs: 20, patienceMs: 100, everyMs: 100 });
    await vi.waitFor(() => expect(log.at(-1)).toEqual({ updating: false, calls: 3 }));
    expect(log[0]).toEqual({ updating: true, calls: 2 });
    expect(panelComputations()).toBe(1);
  });

  it('no background at all: the panel computes, and keeps computing after writes', async () => {
    panel({ graceMs: 10, fallbackMs: 50, patienceMs: 1_000, everyMs: 50 });
    await vi.waitFor(() => expect(callsOnScreen()).toBe(2));
    await storeBatch(db, batch([aCall(11)]), TZ);
    await vi.waitFor(() => expect(callsOnScreen()).toBe(3));
    expect(shownSources().every(s => s.source === 'panel')).toBe(true);
    expect(panelComputations()).toBeGreaterThanOrEqual(2);
  });
});
