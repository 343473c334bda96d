// Events the team server refused can be sent again (Options → Team sync, "Send refused events
// again"): the background forgets the refusals, and only them, between runs, then pushes those
// events like any unsent one. Against WXT's fake browser and fake-indexeddb, with the team
// server answering through a stubbed fetch that keeps its contract (a batch with one bad event
// is refused whole with HTTP 400, ids it holds are ignored).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDb, type PacerDb } from '../../lib/db';
import type { ActivityEvent } from '../../lib/model';
import { countRefused, forgetRefusals, refusalReasons } from '../../lib/sync';
import { requestSync } from '../../lib/sync-background';
import { syncStatus, teamSyncSettings, teamToken } from '../../lib/sync-state';

const WHO = { team: 'acme', teamName: 'Acme Sales', teamSize: 3, rep: 'sam', repName: 'Sam Rivera', role: 'rep', territory: 'West', shareNames: false };

const call = (id: string): ActivityEvent => ({
  id, type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: `https://acme.lightning.force.com/lightning/r/Task/${id}/view`, capturedAt: '2026-11-27T10:00:00.000Z',
});

/** The team server behind fetch: every id it was sent (refused batches too), what it holds, and a switch for what it refuses. */
class Server {
  sent: string[][] = [];
  held = new Map<string, number>();
  /** Why it refuses an event, or null: an older server version's rule, say. */
  refuse: (id: string) => string | null = () => null;
  /** While set, push_events waits for it: a run in progress. */
  hold: Promise<void> | null = null;
  pushStarted = 0;
  who = WHO;

  async answer(fn: string, args: Record<string, unknown>): Promise<Response> {
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (fn === 'whoami') return json(this.who);
    if (fn === 'team_plan') return json({ plan: null, allocation: null });
    if (fn === 'my_feedback') return json(null);
    if (fn === 'push_deals') return json({ inserted: (args.deals as unknown[]).length, duplicates: 0 });
    if (fn === 'erase_my_events') return json({ erased: 0 });
    if (fn !== 'push_events') return json({ message: `no ${fn}` }, 404);
    this.pushStarted++;
    if (this.hold) await this.hold;
    const ids = (args.events as { id: string }[]).map(e => e.id);
    this.sent.push(ids);
    const bad = ids.findIndex(id => this.refuse(id) !== null);
    if (bad >= 0) return json({ code: '23514', message: `events[${bad}] ${this.refuse(ids[bad]!)}` }, 400);
    let inserted = 0;
    for (const id of ids) if (!this.held.has(id)) (this.held.set(id, 1), inserted++);
    return json({ inserted, duplicates: ids.length - inserted });
  }
  /** Every id sent since the n-th push. */
  sentSince = (n: number) => this.sent.slice(n).flat().sort();
}

let db: PacerDb;
let server: Server;
beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.alarms, 'create').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.alarms, 'clear').mockResolvedValue(true as never);
  vi.spyOn(fakeBrowser.alarms, 'get').mockResolvedValue(undefined as never);
  server = new Server();
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const fn = String(input).split('/rpc/')[1]!;
    return server.answer(fn, JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>);
  });
  db = openDb(`refused-${crypto.randomUUID()}`);
  await db.events.bulkAdd(['e1', 'e2', 'e3', 'old-1', 'old-2'].map(call));
  await teamToken.setValue('x'.repeat(40));
  await teamSyncSettings.setValue({ url: 'https://pacer.example.com', enabled: true });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** The older server refuses ids starting with "old-": run once so two events are refused the usual way. */
async function refuseTwo(reason = 'violates check constraint "events_v1_rule"') {
  server.refuse = id => (id.startsWith('old-') ? reason : null);
  const status = await requestSync(db);
  expect(status).toMatchObject({ rejected: 2, waiting: { events: 0 } });
  expect(status).not.toHaveProperty('lastError');
  expect([...server.held.keys()].sort()).toEqual(['e1', 'e2', 'e3']);
  return (await db.syncedEvents.bulkGet(['e1', 'e2', 'e3'])).map(row => row!.at);
}

describe('refused events, sent again', () => {
  it('are pushed after the retry once the server accepts them, and acknowledged once', async () => {
    const ackedAt = await refuseTwo();
    const before = server.sent.length;
    server.refuse = () => null; // the admin relaxed the rule

    const status = await requestSync(db, { retryRefused: true });

    expect(status).toMatchObject({ rejected: 0, failures: 0, waiting: { events: 0 } });
    expect(await syncStatus.getValue()).toMatchObject({ rejected: 0 });
    expect(server.sentSince(before)).toEqual(['old-1', 'old-2']);
    expect([...server.held.entries()].sort()).toEqual([['e1', 1], ['e2', 1], ['e3', 1], ['old-1', 1], ['old-2', 1]]);
    expect(await db.syncedEvents.bulkGet(['old-1', 'old-2'])).toEqual([
      { id: 'old-1', at: expect.any(String) },
      { id: 'old-2', at: expect.any(String) },
    ]);
    // What the server had acknowledged is not touched: same rows, same times, never resent.
    expect((await db.syncedEvents.bulkGet(['e1', 'e2', 'e3'])).map(row => row!.at)).toEqual(ackedAt);
    expect(await countRefused(db)).toBe(0);

    // A later run sends nothing of them again.
    const after = server.sent.length;
    await requestSync(db);
    expect(server.sentSince(after)).toEqual([]);
  });

  it('stay refused when the server refuses them again: the new reason, and counted once', async () => {
    await refuseTwo('violates check constraint "events_v1_rule"');
    const before = server.sent.length;
    server.refuse = id => (id === 'old-2' ? 'is still refused: .type is not an event type' : null);

    const status = await requestSync(db, { retryRefused: true });

    expect(server.sent.slice(before)).toEqual([['old-1', 'old-2'], ['old-1'], ['old-2']]); // the pair refused whole, then halved
    expect(status).toMatchObject({ rejected: 1, waiting: { events: 0 } });
    expect(server.held.has('old-1')).toBe(true);
    expect(server.held.has('old-2')).toBe(false);
    expect(await refusalReasons(db)).toEqual([{ reason: 'The team server rejected the data (HTTP 400): events[0] is still refused: .type is not an event type.', count: 1 }]);

    // Refused again, and again: the count follows the markers, it never adds up.
    for (let i = 0; i < 2; i++) expect(await requestSync(db, { retryRefused: true })).toMatchObject({ rejected: 1 });
    expect(await syncStatus.getValue()).toMatchObject({ rejected: 1 });
  });

  it('a retry asked while a run is in progress waits for it, then forgets the refusals and sends them', async () => {
    await refuseTwo();
    server.refuse = () => null;
    await db.events.add(call('e4'));
    let release!: () => void;
    server.hold = new Promise(r => (release = r));
    const pushes = server.pushStarted;
    const before = server.sent.length;

    const running = requestSync(db);
    await vi.waitFor(() => expect(server.pushStarted).toBe(pushes + 1));
    const retry = requestSync(db, { retryRefused: true });
    await new Promise(r => setTimeout(r, 20));
    // Not under the run in progress: the refusals are still there while it pushes e4.
    expect(await countRefused(db)).toBe(2);

    server.hold = null;
    release();
    const [first, second] = await Promise.all([running, retry]);
    expect(second).toEqual(first); // both callers get the status after the retry
    expect(second).toMatchObject({ rejected: 0, waiting: { events: 0 } });
    expect(server.sent.slice(before)).toEqual([['e4'], ['old-1', 'old-2']]);
    expect([...server.held.values()].every(n => n === 1)).toBe(true);
    expect(server.held.size).toBe(6);
  });

  it('counts every refusal when the server refuses so many that runs end in an error', async () => {
    await db.events.bulkAdd(Array.from({ length: 23 }, (_, i) => call(`old-x${String(i).padStart(2, '0')}`)));
    server.refuse = id => (id.startsWith('old-') ? 'violates check constraint "events_v1_rule"' : null);
    const counts = async () => [(await syncStatus.getValue()).rejected, await countRefused(db)];

    // Ten refusals per run at most; past them the run ends: "The team server refuses Pacer's events".
    expect(await requestSync(db)).toMatchObject({ rejected: 10, failures: 1, lastError: expect.stringContaining("refuses Pacer's events") });
    expect(await requestSync(db)).toMatchObject({ rejected: 20, failures: 2 });
    expect(await requestSync(db)).toMatchObject({ rejected: 25, failures: 0, waiting: { events: 0 } });
    expect(await counts()).toEqual([25, 25]);

    // Sent again while the server still refuses them: counted afresh, never added to the old count.
    expect(await requestSync(db, { retryRefused: true })).toMatchObject({ rejected: 10, failures: 1, waiting: { events: 15 } });
    expect(await counts()).toEqual([10, 10]);
    await requestSync(db);
    expect(await requestSync(db)).toMatchObject({ rejected: 25, failures: 0 });
    expect(await counts()).toEqual([25, 25]);
    expect(server.held.size).toBe(3);
  });

  it('another rep or team starts the count over, as it starts the bookkeeping over', async () => {
    await refuseTwo();
    server.who = { ...WHO, rep: 'sam-2' };
    server.refuse = id => (id === 'old-1' ? 'violates check constraint "events_v1_rule"' : null);
    expect(await requestSync(db)).toMatchObject({ rejected: 1, waiting: { events: 0 } });
    expect(await countRefused(db)).toBe(1);
  });

  it('a retry whose run fails loses nothing: the events wait to be sent, none counted as refused', async () => {
    await refuseTwo();
    vi.mocked(globalThis.fetch).mockResolvedValue(new Response('{"message":"token revoked"}', { status: 401 }));

    const status = await requestSync(db, { retryRefused: true });

    expect(status).toMatchObject({ rejected: 0, failures: 1, waiting: { events: 2 }, lastError: expect.stringContaining('token revoked') });
    expect(await db.events.count()).toBe(5);
  });
});

describe('the refusal markers', () => {
  beforeEach(async () => {
    await db.syncedEvents.bulkPut([
      { id: 'e1', at: '2026-11-27T10:00:00.000Z' },
      { id: 'e2', at: '2026-11-27T10:00:00.000Z', rejected: 'events[0].type x is not an event type' },
      { id: 'e3', at: '2026-11-27T10:00:00.000Z', rejected: 'events[0].site is not one of …' },
      { id: 'old-1', at: '2026-11-27T10:00:00.000Z', rejected: 'events[0].type x is not an event type' },
    ]);
  });

  it('list each reason once with how many, the commonest first', async () => {
    expect(await refusalReasons(db)).toEqual([
      { reason: 'events[0].type x is not an event type', count: 2 },
      { reason: 'events[0].site is not one of …', count: 1 },
    ]);
    expect(await countRefused(db)).toBe(3);
  });

  it('are forgotten alone: an acknowledgement stays', async () => {
    expect(await forgetRefusals(db)).toBe(3);
    expect(await db.syncedEvents.toArray()).toEqual([{ id: 'e1', at: '2026-11-27T10:00:00.000Z' }]);
    expect(await refusalReasons(db)).toEqual([]);
  });
});
