// Team sync's push (issue #7): batching, backoff, resuming after the worker dies,
// idempotency by event id, and the allow-list of what leaves the browser. The team
// server here is an in-memory stand-in with the server's contract (duplicates ignored
// by id, one team's rows per token); tests/browser/sync*.test.ts run against the real one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type PacerDb } from '../../lib/db';
import { deleteEvents } from '../../lib/ingest';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
import { backoffMs, BATCH_LIMITS, pendingWork, runSync, sortedMinus, waitingEstimate, type TeamApi } from '../../lib/sync';
import { SyncError, type WhoAmI } from '../../lib/sync-client';
import { toServerDeal, toServerEvent, type ServerDeal, type ServerEvent } from '../../lib/sync-map';

const WHO: WhoAmI = { team: 't1', teamName: 'Acme Sales', rep: 'r1', repName: 'Sam', role: 'rep', territory: 'West', shareNames: false, teamSize: 8 };

const call = (id: string, at = '2026-11-27T10:00:00.000Z'): ActivityEvent => ({
  id, type: 'call', at, site: 'salesforce', url: `https://acme.lightning.force.com/lightning/r/Task/${id}/view`, capturedAt: at,
  person: { name: 'Dana Park', profileUrl: 'https://www.linkedin.com/in/dana-park/', crmId: 'salesforce:003A' },
  deal: { id: 'salesforce:006A', name: 'Globex renewal' },
  meta: { outcome: 'Connected', subject: 'Pricing call with Dana, her budget is 40k', crmActivityId: '00T1' },
});

/** The server's contract in memory: rows keyed by id, resends ignored, calls counted. */
class FakeServer implements TeamApi {
  events = new Map<string, ServerEvent>();
  deals: ServerDeal[] = [];
  erased: string[] = [];
  calls: string[] = [];
  eventBatches: number[] = [];
  /** Fails the next n calls with this error, after doing (`afterWrite`) or before doing the work. */
  failNext: { n: number; error: SyncError; afterWrite?: boolean } | null = null;
  who: WhoAmI = WHO;
  refuse?: (e: ServerEvent) => boolean;

  private gate(afterWrite: boolean) {
    if (this.failNext && this.failNext.n > 0 && !!this.failNext.afterWrite === afterWrite) {
      this.failNext.n--;
      throw this.failNext.error;
    }
  }
  async whoami() { this.calls.push('whoami'); return this.who; }
  async pushEvents(events: ServerEvent[]) {
    this.calls.push('push_events');
    this.gate(false);
    const bad = events.find(e => this.refuse?.(e));
    if (bad) throw new SyncError('rejected', `events: ${bad.id} has a bad type`, 400);
    this.eventBatches.push(events.length);
    let inserted = 0;
    for (const e of events) if (!this.events.has(e.id)) (this.events.set(e.id, e), inserted++);
    this.gate(true);
    return { inserted, duplicates: events.length - inserted };
  }
  async pushDeals(deals: ServerDeal[]) { this.calls.push('push_deals'); this.deals.push(...deals); return { inserted: deals.length }; }
  async eraseEvents(ids: string[]) {
    this.calls.push('erase_my_events');
    this.erased.push(...ids);
    let erased = 0;
    for (const id of ids) if (this.events.delete(id)) erased++;
    return { erased };
  }
  async teamPlan() {
    this.calls.push('team_plan');
    return { plan: null, allocation: { rep: 'r1', repName: 'Sam', territory: 'West', annual: [{ effectiveFrom: '2026-01-01', annualQuota: 480_000 }], updatedAt: '2026-01-02T00:00:00.000Z' } };
  }
  async myFeedback(week: string) { this.calls.push('my_feedback'); return { week, kudos: 'Great demo with Globex', focus: 'Book 8 meetings' }; }
}

let db: PacerDb;
beforeEach(() => (db = openDb(`sync-${crypto.randomUUID()}`)));
afterEach(async () => db.delete());

const seed = (n: number, prefix = 'e') => db.events.bulkAdd(Array.from({ length: n }, (_, i) => call(`${prefix}${String(i).padStart(5, '0')}`)));
const run = (server: FakeServer, extra: Partial<Parameters<typeof runSync>[0]> = {}) =>
  runSync({ db, api: server, serverUrl: 'https://pacer.example.com', knownIdentity: 'https://pacer.example.com|t1|r1', week: '2026-11-23', sleep: async () => {}, ...extra });

describe('what leaves the browser', () => {
  it('sends an event as id, type, time, site, deal id and the outcome: no url, subject, CRM ids, profile or name', () => {
    expect(toServerEvent(call('e1'), { shareNames: false })).toEqual({
      id: 'e1', type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', deal_id: 'salesforce:006A', meta: { outcome: 'Connected' },
    });
  });

  it("adds the person's name only when the team enables shareNames, and still nothing else about them", () => {
    const sent = toServerEvent(call('e1'), { shareNames: true });
    expect(sent.person_name).toBe('Dana Park');
    expect(JSON.stringify(sent)).not.toMatch(/linkedin|003A|budget|00T1|lightning/);
  });

  it('keeps amounts and stage moves, drops a currency without an amount and a NaN amount', () => {
    const won: ActivityEvent = { ...call('w'), type: 'deal_won', amount: 12_500, currency: 'eur', meta: { fromStage: 'Negotiation', toStage: 'Closed Won', discount: 0.1 } };
    expect(toServerEvent(won, { shareNames: false })).toMatchObject({ amount: 12_500, currency: 'EUR', meta: { fromStage: 'Negotiation', toStage: 'Closed Won', discount: 0.1 } });
    expect(toServerEvent({ ...won, amount: Number.NaN }, { shareNames: false })).not.toHaveProperty('amount');
    expect(toServerEvent({ ...won, amount: Number.NaN }, { shareNames: false })).not.toHaveProperty('currency');
  });

  it('sends a deal without its url and with amount only when known', () => {
    const d: DealSnapshot = { id: 'salesforce:006A', name: 'Globex renewal', stage: 'Proposal', stageEnteredAt: '2026-11-01T00:00:00.000Z', amount: null, currency: null, status: 'open', url: 'https://acme.lightning.force.com/x', lastSeenAt: '2026-11-27T10:00:00.000Z' };
    expect(toServerDeal(d)).toEqual({ id: 'salesforce:006A', name: 'Globex renewal', stage: 'Proposal', stage_entered_at: '2026-11-01T00:00:00.000Z', status: 'open', last_seen_at: '2026-11-27T10:00:00.000Z' });
  });
});

describe('what waits', () => {
  it('is a merge of sorted key lists', () => {
    expect(sortedMinus(['a', 'b', 'c', 'd'], ['b', 'd', 'e'])).toEqual(['a', 'c']);
    expect(sortedMinus([], ['a'])).toEqual([]);
    expect(sortedMinus(['a'], [])).toEqual(['a']);
  });
});

describe('a sync run', () => {
  it(`pushes in batches of at most ${BATCH_LIMITS.events}, then nothing waits`, async () => {
    await seed(1_200);
    server = new FakeServer();
    const result = await run(server);
    expect(result.ok).toBe(true);
    expect(server.eventBatches).toEqual([500, 500, 200]);
    expect(server.events.size).toBe(1_200);
    expect(await pendingWork(db)).toEqual({ events: 0, deals: 0, erasures: 0 });
  });

  it('a second run sends nothing: what the server acknowledged is remembered', async () => {
    await seed(30);
    server = new FakeServer();
    await run(server);
    await run(server);
    expect(server.eventBatches).toEqual([30]);
  });

  it('after the worker dies with a batch unacknowledged, the next run resends it and the server keeps each event once', async () => {
    await seed(1_200);
    server = new FakeServer();
    // The worker dies right after the server stored the second batch, before the answer arrived.
    let batches = 0;
    const killed = await run(server, {
      onBatch: () => {
        if (++batches === 1) server.failNext = { n: 1, error: new SyncError('network', 'Failed to fetch'), afterWrite: true };
      },
      quickRetriesMs: [],
    });
    expect(killed.ok).toBe(false);
    expect(server.events.size).toBe(1_000); // two batches reached the server, one was acknowledged locally
    expect((await pendingWork(db)).events).toBe(700);
    expect((await waitingEstimate(db)).events).toBe(700);
    const resumed = await run(server);
    expect(resumed.ok).toBe(true);
    expect(server.events.size).toBe(1_200);
    expect(await waitingEstimate(db)).toEqual({ events: 0, deals: 0, erasures: 0 });
    expect([...server.events.keys()].sort()).toEqual((await db.events.toCollection().primaryKeys()).sort());
    expect(await pendingWork(db)).toEqual({ events: 0, deals: 0, erasures: 0 });
  });

  it('rides out a short server restart with quick retries inside the run', async () => {
    await seed(10);
    server = new FakeServer();
    server.failNext = { n: 2, error: new SyncError('server', 'The team server had a problem (HTTP 503)') };
    const sleeps: number[] = [];
    const result = await run(server, { quickRetriesMs: [1000, 3000], sleep: async ms => void sleeps.push(ms) });
    expect(result.ok).toBe(true);
    expect(sleeps).toEqual([1000, 3000]);
    expect(server.events.size).toBe(10);
  });

  it('stops on a refused token without retrying, and says why in words', async () => {
    await seed(3);
    server = new FakeServer();
    server.failNext = { n: 1, error: new SyncError('auth', 'The team server refused your token: token revoked. Ask your manager for a new token.', 401) };
    const sleeps: number[] = [];
    const result = await run(server, { sleep: async ms => void sleeps.push(ms) });
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', message: expect.stringContaining('token revoked') } });
    expect(sleeps).toEqual([]);
    expect((await pendingWork(db)).events).toBe(3);
  });

  it('sets a malformed event aside and pushes the rest', async () => {
    await seed(9);
    await db.events.add({ ...call('zz-bad'), type: 'not_a_type' as ActivityEvent['type'] });
    server = new FakeServer();
    server.refuse = e => e.type !== 'call';
    const result = await run(server);
    expect(result).toMatchObject({ ok: true, rejected: 1 });
    expect(server.events.size).toBe(9);
    expect(await db.syncedEvents.get('zz-bad')).toMatchObject({ rejected: expect.stringContaining('bad type') });
    expect((await pendingWork(db)).events).toBe(0);
  });

  it('erases on the server what the rep deleted (tombstones), once', async () => {
    await seed(5);
    server = new FakeServer();
    await run(server);
    await deleteEvents(db, ['e00001', 'e00003'], new Date(), 'UTC');
    expect(await waitingEstimate(db)).toEqual({ events: 0, deals: 0, erasures: 2 });
    await run(server);
    await run(server);
    expect(server.erased).toEqual(['e00001', 'e00003']);
    expect([...server.events.keys()].sort()).toEqual(['e00000', 'e00002', 'e00004']);
    expect(await waitingEstimate(db)).toEqual(await pendingWork(db));
  });

  it('pushes a deal again only when what the server holds changed, not for a mere second look', async () => {
    const d: DealSnapshot = { id: 'salesforce:006A', name: 'Globex', stage: 'Proposal', stageEnteredAt: '2026-11-01T00:00:00.000Z', amount: 5000, currency: 'USD', status: 'open', url: 'u', lastSeenAt: '2026-11-27T10:00:00.000Z' };
    await db.deals.put(d);
    server = new FakeServer();
    await run(server);
    await run(server);
    await db.deals.put({ ...d, lastSeenAt: '2026-11-27T12:00:00.000Z' });
    await run(server);
    await db.deals.put({ ...d, stage: 'Negotiation', lastSeenAt: '2026-11-28T10:00:00.000Z' });
    await run(server);
    expect(server.deals.map(x => [x.stage, x.last_seen_at])).toEqual([['Proposal', '2026-11-27T10:00:00.000Z'], ['Negotiation', '2026-11-28T10:00:00.000Z']]);
  });

  it('starts over when the token belongs to another server, team or rep', async () => {
    await seed(4);
    server = new FakeServer();
    await run(server);
    const other = new FakeServer();
    other.who = { ...WHO, team: 't2' };
    const result = await run(other);
    expect(result).toMatchObject({ ok: true, identity: 'https://pacer.example.com|t2|r1' });
    expect(other.events.size).toBe(4);
  });

  it("pushes nothing with a manager's token (managers read the team) and asks for no feedback", async () => {
    await seed(3);
    server = new FakeServer();
    server.who = { ...WHO, role: 'manager' };
    const result = await run(server);
    expect(result).toMatchObject({ ok: true, feedback: null, waiting: { events: 0, deals: 0, erasures: 0 } });
    expect(server.calls).toEqual(['whoami', 'team_plan']);
    expect(server.events.size).toBe(0);
  });

  it('pushes without pulling when asked to (a run for freshly captured events)', async () => {
    await seed(2);
    server = new FakeServer();
    const result = await run(server, { pull: false });
    expect(result).toMatchObject({ ok: true, pulled: false, plan: null, feedback: null });
    expect(server.calls).toEqual(['whoami', 'push_events']);
  });

  it('pulls the allocation and the week’s feedback', async () => {
    server = new FakeServer();
    const result = await run(server);
    expect(result).toMatchObject({ ok: true, plan: { allocation: { annual: [{ annualQuota: 480_000 }] } }, feedback: { week: '2026-11-23', focus: 'Book 8 meetings' } });
  });
});

let server: FakeServer;

describe('backoff', () => {
  it('doubles from 30 s, with jitter between half and all of the step, capped at 30 min', () => {
    expect(backoffMs(0, 0.5)).toBe(0);
    expect([1, 2, 3, 4].map(n => backoffMs(n, 0))).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect([1, 2, 3, 4].map(n => backoffMs(n, 1))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(50, 1)).toBe(30 * 60_000);
    expect(backoffMs(50, 0)).toBe(15 * 60_000);
    const spread = new Set(Array.from({ length: 20 }, (_, i) => backoffMs(3, i / 20)));
    expect(spread.size).toBe(20);
  });
});

