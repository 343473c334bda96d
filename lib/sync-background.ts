// Team sync in the background (issue #7): when to run, one run at a time, and what a
// run's outcome does to the stored status, the plan in force and the manager's feedback.
// Everything that must survive the worker lives in storage or IndexedDB: alarms wake a
// new worker, the acknowledgements say where the last one stopped.
import { onStorageMutated } from './storage-mutated';
import { browser } from 'wxt/browser';
import type { PacerDb } from './db';
import { t } from './i18n';
import { onMessage } from './messages';
import { periodContaining } from './metrics/periods';
import { planSettings } from './settings';
import { SyncError, TeamClient } from './sync-client';
import { backoffMs, countRefused, forgetRefusals, pendingWork, runSync, type RunResult } from './sync';
import { planToApply, teamPlanStateOf } from './sync-plan';
import { syncStatus, teamApiKey, teamFeedback, teamPlan, teamSyncSettings, teamToken, type SyncStatus } from './sync-state';
import { checkApiKey } from './sync-api-key';
import { checkServerUrl } from './sync-url';
import { periodRange } from './sync-team';
import { storeSnapshot, teamSnapshots } from './sync-team-store';
import type { Plan } from './metrics/plan';

/** Every few minutes: picks up what other pages wrote while this worker slept, and pulls. */
export const ALARM_PERIODIC = 'pacer-sync';
/** Soon after new data: a one-shot, created only when none is pending, so a stream of events does not postpone it forever. */
export const ALARM_SOON = 'pacer-sync-soon';
/** After a failure, at the backoff's time. */
export const ALARM_RETRY = 'pacer-sync-retry';
const PERIOD_MINUTES = 2;
const SOON_MS = 3_000;
/** Chrome's shortest alarm for a packed extension. */
const WATCHDOG_MS = 30_000;
/** The plan and the manager's feedback change rarely: pulled at most this often by the schedule. */
const PULL_EVERY_MS = 5 * 60_000;

/** The status after a run: pure, so the tests can check the backoff and the words. */
export function statusAfter(previous: SyncStatus, result: RunResult, now: Date, random: number): SyncStatus {
  // Another server, team or rep: the run forgot the old bookkeeping (runSync), its refusals included.
  const refusedBefore = result.identity && result.identity !== previous.identity ? 0 : previous.rejected;
  const base: SyncStatus = {
    ...previous,
    lastAttemptAt: now.toISOString(),
    waiting: result.waiting,
    ...(result.whoami ? { whoami: result.whoami } : {}),
    ...(result.identity ? { identity: result.identity } : {}),
  };
  if (result.ok) {
    const { lastError: _e, nextRetryAt: _n, ...rest } = base;
    return { ...rest, lastSyncAt: now.toISOString(), ...(result.pulled ? { lastPullAt: now.toISOString() } : {}), failures: 0, rejected: refusedBefore + result.rejected };
  }
  const failures = previous.failures + 1;
  const next = new Date(now.getTime() + backoffMs(failures, random));
  return { ...base, failures, lastError: result.error.message, nextRetryAt: next.toISOString(), rejected: refusedBefore + (result.rejected ?? 0) };
}

let running: Promise<SyncStatus> | null = null;
let again = false;
let forced = false;
let retryRefused = false;

/**
 * Runs now, or once more right after the run in progress. Answers the status. `whenDue`
 * (the schedule, new data) waits out the backoff after a failure; the retry alarm, the
 * rep's "Sync now" and a new URL or token do not. `retryRefused` (the rep's "Send refused
 * events again") forgets the server's refusals first: between runs, never under one.
 */
export function requestSync(db: PacerDb, { whenDue = false, retryRefused: retry = false }: { whenDue?: boolean; retryRefused?: boolean } = {}): Promise<SyncStatus> {
  // A run asked for while the server is being forgotten starts after it, from storage as
  // the forget leaves it (sync off, no token): it never sees the old credentials.
  if (forgetting) {
    const after = () => requestSync(db, { whenDue, retryRefused: retry });
    return forgetting.then(after, after);
  }
  if (!whenDue || retry) forced = true;
  if (retry) retryRefused = true;
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let status: SyncStatus;
    do {
      again = false;
      const force = forced;
      const retry = retryRefused;
      forced = retryRefused = false;
      status = await syncOnce(db, force, retry);
    } while (again);
    return status;
  })().finally(() => (running = null));
  return running;
}

let forgetting: Promise<void> | null = null;

/**
 * Options → Team sync's "Forget this team server": after the run in progress (never under
 * one), turns sync off and deletes the URL, token and API key, the pulled plan and feedback,
 * the manager's team snapshots and the status (its error, whoami and identity). The rep's
 * plan keeps its values; events, deals and IndexedDB stay as they are.
 *
 * The pushed-ids bookkeeping (syncedEvents, syncedErasures, syncedDeals) is left in place:
 * with the identity gone, the next run on any server (this one again or another) finds no
 * known identity, so runSync forgets those acknowledgements and pushes everything again.
 * Nothing is lost; the server ignores ids it already holds (events keyed by id, deals by id,
 * erasures of erased ids erase nothing), so nothing counts twice.
 */
export function forgetTeamServer(db: PacerDb): Promise<void> {
  if (forgetting) return forgetting;
  forgetting = (async () => {
    // A run (and any run it owes: `again`) finishes first, with the credentials it started with.
    while (running) await running.catch(() => undefined);
    await teamSyncSettings.setValue({ url: '', enabled: false });
    await Promise.all([teamToken.setValue(''), teamApiKey.setValue('')]);
    await Promise.all([teamPlan.removeValue(), teamFeedback.removeValue(), teamSnapshots.removeValue()]);
    await syncStatus.setValue({ failures: 0, waiting: await pendingWork(db), rejected: 0 });
    await Promise.all([ALARM_PERIODIC, ALARM_SOON, ALARM_RETRY].map(name => browser.alarms.clear(name)));
  })().finally(() => (forgetting = null));
  return forgetting;
}

async function fail(previous: SyncStatus, db: PacerDb, error: SyncError, now: Date): Promise<SyncStatus> {
  const status = statusAfter(previous, { ok: false, error, pushed: { events: 0, deals: 0, erasures: 0 }, waiting: await pendingWork(db) }, now, Math.random());
  await syncStatus.setValue(status);
  await browser.alarms.create(ALARM_RETRY, { when: Date.parse(status.nextRetryAt!) });
  return status;
}

async function syncOnce(db: PacerDb, force: boolean, retryRefused = false): Promise<SyncStatus> {
  const [settings, token, apiKey, stored, plan] = await Promise.all([teamSyncSettings.getValue(), teamToken.getValue(), teamApiKey.getValue(), syncStatus.getValue(), planSettings.getValue()]);
  // Forgotten refusals are unsent events again: the count starts from nothing, and the run
  // adds those the server refuses again (recounted below, whatever the run's outcome).
  if (retryRefused) await forgetRefusals(db);
  const previous: SyncStatus = retryRefused ? { ...stored, rejected: 0 } : stored;
  const now = new Date();
  if (!settings.enabled) {
    const status = { ...previous, waiting: await pendingWork(db) };
    await syncStatus.setValue(status);
    return status;
  }
  if (!force && previous.failures > 0 && previous.nextRetryAt && Date.parse(previous.nextRetryAt) > now.getTime()) {
    const status = { ...previous, waiting: await pendingWork(db) };
    await syncStatus.setValue(status);
    return status;
  }
  const url = checkServerUrl(settings.url);
  if (!url.ok) return fail(previous, db, new SyncError('config', url.error), now);
  if (!token.trim()) return fail(previous, db, new SyncError('config', t('syncErrNoToken')), now);
  // The options page refuses a secret key before storing it; this is the last door before the network.
  const key = checkApiKey(apiKey);
  if (!key.ok) return fail(previous, db, new SyncError('config', key.error), now);
  if (globalThis.navigator?.onLine === false) return fail(previous, db, new SyncError('network', t('syncErrBrowserOffline')), now);

  // A watchdog: if this worker dies mid-run (Chrome stops idle or busy workers), the alarm
  // wakes the next one to resume; a finished run replaces it (cleared, or the backoff's time).
  await browser.alarms.create(ALARM_RETRY, { when: Date.now() + WATCHDOG_MS });
  const week = periodContaining('week', now, plan).startDate;
  const api = new TeamClient({ url: url.url, token: token.trim(), apiKey: key.key });
  // Pushing what was just captured needs no pull; the plan and feedback are pulled on every
  // forced run and at most every few minutes otherwise.
  const pull = force || !previous.lastPullAt || now.getTime() - Date.parse(previous.lastPullAt) >= PULL_EVERY_MS;
  const result = await runSync({
    db,
    api,
    serverUrl: url.url,
    ...(previous.identity ? { knownIdentity: previous.identity } : {}),
    week,
    pull,
  });
  const status = statusAfter(previous, result, new Date(), Math.random());
  if (result.ok && !result.pulled) {
    await browser.alarms.clear(ALARM_RETRY);
  } else if (result.ok) {
    await browser.alarms.clear(ALARM_RETRY);
    await teamFeedback.setValue(result.feedback ? { ...result.feedback, week: result.feedback.week ?? week, pulledAt: status.lastSyncAt! } : null);
    // The allocation is a rep's plan in force; a manager's own plan stays theirs.
    const state = result.whoami.role === 'rep' ? teamPlanStateOf(result.plan, result.whoami.teamName, new Date()) : null;
    await teamPlan.setValue(state ? { ...state, ...carried(await teamPlan.getValue()) } : null);
    const applied = await enforceTeamPlan(false);
    if (applied) status.lastError = applied;
    // A manager's popup works offline from the last pulled summary: keep this week's and
    // this quarter's fresh even when the popup was not opened. A failure here is not a sync failure.
    if (result.whoami.role === 'manager') await prefetchTeam(api, await planSettings.getValue(), new Date()).catch(() => undefined);
  } else {
    await browser.alarms.create(ALARM_RETRY, { when: Date.parse(status.nextRetryAt!) });
  }
  // A failed run does not say how many it refused before failing: the markers do.
  if (retryRefused) status.rejected = await countRefused(db);
  await syncStatus.setValue(status);
  return status;
}

async function prefetchTeam(api: TeamClient, plan: Plan, now: Date): Promise<void> {
  for (const period of ['quarter', 'week'] as const) {
    const { from, to } = periodRange(period, now, plan);
    await storeSnapshot(`${from}|${to}`, { fetchedAt: new Date().toISOString(), summary: await api.teamSummary(from, to) });
  }
}

const carried = (old: Awaited<ReturnType<typeof teamPlan.getValue>>) => (old?.replacedLocalEditAt ? { replacedLocalEditAt: old.replacedLocalEditAt } : {});

/**
 * Puts the team's plan in force when the rep's plan differs from it in a team-governed
 * field. `localEdit` says the difference came from the rep's own edit (recorded, so the
 * UI can say it was replaced). Answers a message when the team's plan cannot be used.
 */
async function enforceTeamPlan(localEdit: boolean): Promise<string | undefined> {
  const [settings, team, local] = await Promise.all([teamSyncSettings.getValue(), teamPlan.getValue(), planSettings.getValue()]);
  if (!settings.enabled || !team) return undefined;
  const apply = planToApply(local, team);
  if (apply.kind === 'invalid') return apply.message;
  if (apply.kind === 'unchanged') return undefined;
  await planSettings.setValue(apply.plan);
  if (localEdit) await teamPlan.setValue({ ...team, replacedLocalEditAt: new Date().toISOString() });
  return undefined;
}

async function schedule(): Promise<void> {
  const { enabled } = await teamSyncSettings.getValue();
  if (!enabled) {
    await Promise.all([ALARM_PERIODIC, ALARM_SOON, ALARM_RETRY].map(name => browser.alarms.clear(name)));
    return;
  }
  if (!(await browser.alarms.get(ALARM_PERIODIC))) await browser.alarms.create(ALARM_PERIODIC, { periodInMinutes: PERIOD_MINUTES });
}

async function soon(): Promise<void> {
  const { enabled } = await teamSyncSettings.getValue();
  if (enabled && !(await browser.alarms.get(ALARM_SOON))) await browser.alarms.create(ALARM_SOON, { when: Date.now() + SOON_MS });
}

async function runIfEnabled(db: PacerDb): Promise<void> {
  if ((await teamSyncSettings.getValue()).enabled) await requestSync(db);
}

/** The tables whose writes give sync something to send. */
const WATCHED = ['events', 'tombstones', 'deals'];

/** Wires team sync into the background. Call from main(), synchronously: listeners first. */
export function startTeamSync(db: PacerDb): void {
  browser.alarms.onAlarm.addListener(alarm => {
    if (alarm.name === ALARM_RETRY) void requestSync(db);
    if (alarm.name === ALARM_PERIODIC || alarm.name === ALARM_SOON) void requestSync(db, { whenDue: true });
  });
  onMessage('syncNow', () => requestSync(db));
  onMessage('retryRefused', () => requestSync(db, { retryRefused: true }));
  onMessage('forgetTeamServer', () => forgetTeamServer(db));
  // Any context's write (capture here, manual logging in the side panel, an import in the
  // options page) reaches this worker through Dexie's cross-context change events.
  const prefixes = WATCHED.map(t => `idb://${db.name}/${t}/`);
  onStorageMutated(parts => {
    if (Object.keys(parts).some(key => prefixes.some(p => key.startsWith(p)))) void soon();
  });
  teamSyncSettings.watch(() => void schedule().then(() => runIfEnabled(db)));
  teamToken.watch(() => void runIfEnabled(db));
  teamApiKey.watch(() => void runIfEnabled(db));
  // The rep edited the plan while the team's is in force: put the team's back, and say so.
  planSettings.watch(() => void enforceTeamPlan(true));
  // Back online (a background page hears this; a service worker relies on the retry alarm).
  globalThis.addEventListener?.('online', () => void runIfEnabled(db));
  // A new worker (after the browser restarted, or Chrome stopped the last one) resumes.
  void schedule().then(soon);
}
