// Options → Team sync's "Forget this team server", in the background: after the run in
// progress (never under it), sync goes off and the URL, token, API key, pulled plan and
// feedback, the manager's team snapshots and the status are gone; a run asked for meanwhile
// never uses the old token; the rep's plan and every captured event stay; and a later
// connection (same server or another) pushes everything again, which the server ignores
// for ids it holds. Against WXT's fake browser and fake-indexeddb, the team server behind a
// stubbed fetch that keeps its contract (events keyed by id: a held id is a duplicate).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDb, type PacerDb } from '../../lib/db';
import type { ActivityEvent } from '../../lib/model';
import { planSettings } from '../../lib/settings';
import { forgetTeamServer, requestSync } from '../../lib/sync-background';
import { syncStatus, teamApiKey, teamFeedback, teamPlan, teamSyncSettings, teamToken } from '../../lib/sync-state';
import { storeSnapshot, teamSnapshots } from '../../lib/sync-team-store';

const WHO = { team: 'acme', teamName: 'Acme Sales', teamSize: 3, rep: 'sam', repName: 'Sam Rivera', role: 'rep', territory: 'West', shareNames: false };
const OLD_TOKEN = 'o'.repeat(40);
const PUBLISHABLE = 'sb_publishable_Xk3vP9qLr2TmW8sYc1NbVg_4hJdE0aF';

const call = (id: string): ActivityEvent => ({
  id, type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: `https://acme.lightning.force.com/lightning/r/Task/${id}/view`, capturedAt: '2026-11-27T10:00:00.000Z',
});

/** One team server: what it holds per event id, and the token each call came with. */
class Server {
  held = new Map<string, number>();
  tokens: string[] = [];
  hold: Promise<void> | null = null;
  pushStarted = 0;
  async answer(fn: string, args: Record<string, unknown>, token: string): Promise<Response> {
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    this.tokens.push(token);
    if (fn === 'whoami') return json(WHO);
    if (fn === 'team_plan') return json({ plan: null, allocation: { rep: 'sam', repName: 'Sam Rivera', territory: 'West', annual: [{ effectiveFrom: '2026-01-01', annualQuota: 480_000 }], updatedAt: '2026-01-02T00:00:00Z' } });
    if (fn === 'my_feedback') return json({ week: '2026-11-23', kudos: 'Great calls this week', focus: 'Book two demos', by: 'Dana' });
    if (fn === 'push_deals') return json({ inserted: 0, duplicates: 0 });
    if (fn === 'erase_my_events') return json({ erased: 0 });
    this.pushStarted++;
    if (this.hold) await this.hold;
    let inserted = 0;
    for (const { id } of args.events as { id: string }[]) this.held.set(id, (this.held.get(id) ?? 0) + 1), (inserted += this.held.get(id) === 1 ? 1 : 0);
    return json({ inserted, duplicates: (args.events as unknown[]).length - inserted });
  }
}

let db: PacerDb;
let servers: Record<string, Server>;
let cleared: string[];
beforeEach(async () => {
  fakeBrowser.reset();
  cleared = [];
  vi.spyOn(fakeBrowser.alarms, 'create').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.alarms, 'clear').mockImplementation((async (name: string) => (cleared.push(name), true)) as never);
  vi.spyOn(fakeBrowser.alarms, 'get').mockResolvedValue(undefined as never);
  servers = { 'https://pacer.example.com': new Server(), 'https://other.example.com': new Server() };
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const [base, fn] = String(input).split('/rpc/') as [string, string];
    const token = new Headers(init?.headers).get('Authorization')?.replace(/^Bearer /, '') ?? '';
    return servers[base]!.answer(fn, JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>, token);
  });
  db = openDb(`forget-${crypto.randomUUID()}`);
  await db.events.bulkAdd(['e1', 'e2'].map(call));
  await teamToken.setValue(OLD_TOKEN);
  await teamApiKey.setValue(PUBLISHABLE);
  await teamSyncSettings.setValue({ url: 'https://pacer.example.com', enabled: true });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const connect = async (url: string, token: string) => {
  await teamToken.setValue(token);
  await teamSyncSettings.setValue({ url, enabled: true });
};

describe('forgetting the team server', () => {
  it('turns sync off and deletes the credentials, the pulled plan and feedback, the team snapshots and the status; the plan and the events stay', async () => {
    const synced = await requestSync(db);
    expect(synced).toMatchObject({ failures: 0, whoami: WHO, identity: 'https://pacer.example.com|acme|sam' });
    expect(await teamPlan.getValue()).toMatchObject({ teamName: 'Acme Sales', fromAllocation: true });
    expect(await teamFeedback.getValue()).toMatchObject({ kudos: 'Great calls this week' });
    await storeSnapshot('2026-11-23|2026-11-29', { fetchedAt: '2026-11-27T10:00:00.000Z', summary: {} as never });
    const plan = await planSettings.getValue();
    expect(plan.annual.at(-1)).toMatchObject({ annualQuota: 480_000 }); // the team's allocation was in force
    cleared = [];

    await forgetTeamServer(db);

    expect(await teamSyncSettings.getValue()).toEqual({ url: '', enabled: false });
    expect(await fakeBrowser.storage.local.get(['teamToken', 'teamApiKey'])).toEqual({ teamToken: '', teamApiKey: '' });
    expect(await fakeBrowser.storage.local.get(['teamPlan', 'teamFeedback', 'teamSnapshots'])).toEqual({});
    expect(await teamSnapshots.getValue()).toEqual({});
    expect(await syncStatus.getValue()).toEqual({ failures: 0, rejected: 0, waiting: { events: 0, deals: 0, erasures: 0 } });
    expect(cleared.sort()).toEqual(['pacer-sync', 'pacer-sync-retry', 'pacer-sync-soon']);
    expect(await planSettings.getValue()).toEqual(plan); // the rep's plan keeps its values
    expect(await db.events.count()).toBe(2);
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain(OLD_TOKEN);
  });

  it('waits for the run in progress, and a run asked for meanwhile never sends the old token', async () => {
    const server = servers['https://pacer.example.com']!;
    let release!: () => void;
    server.hold = new Promise(r => (release = r));
    const running = requestSync(db);
    await vi.waitFor(() => expect(server.pushStarted).toBe(1));

    const forgetting = forgetTeamServer(db);
    const asked = requestSync(db); // "Sync now", an alarm, a new capture
    await new Promise(r => setTimeout(r, 20));
    // Not under the run: its credentials are still there while it pushes.
    expect(await teamToken.getValue()).toBe(OLD_TOKEN);

    const calls = server.tokens.length;
    server.hold = null;
    release();
    await Promise.all([running, forgetting]);
    const after = await asked;

    expect(server.tokens.slice(calls)).toEqual([OLD_TOKEN, OLD_TOKEN]); // the run in progress finished: it pulled the plan and the feedback
    expect(await teamToken.getValue()).toBe('');
    expect(after).not.toHaveProperty('whoami');
    expect(after).not.toHaveProperty('identity');
    // The run asked for meanwhile came after the forget, found sync off, and sent nothing.
    expect(server.tokens.length).toBe(calls + 2);
    expect(await teamPlan.getValue()).toBeNull();
  });

  it('then connecting to the same server again sends every event again, and the server counts each once', async () => {
    const server = servers['https://pacer.example.com']!;
    await requestSync(db);
    await forgetTeamServer(db);
    await db.events.add(call('e3')); // captured while disconnected

    await connect('https://pacer.example.com', 'n'.repeat(40));
    const status = await requestSync(db);

    expect(status).toMatchObject({ failures: 0, waiting: { events: 0 }, identity: 'https://pacer.example.com|acme|sam' });
    expect([...server.held.entries()].sort()).toEqual([['e1', 2], ['e2', 2], ['e3', 1]]); // sent again after the forget: the server ignored the held ids
    expect(server.tokens.slice(-4).every(t => t === 'n'.repeat(40))).toBe(true);
  });

  it('then connecting to another server sends it everything', async () => {
    await requestSync(db);
    await forgetTeamServer(db);

    await connect('https://other.example.com', 'n'.repeat(40));
    const status = await requestSync(db);

    expect(status).toMatchObject({ failures: 0, waiting: { events: 0 }, identity: 'https://other.example.com|acme|sam' });
    expect([...servers['https://other.example.com']!.held.keys()].sort()).toEqual(['e1', 'e2']);
    expect(servers['https://other.example.com']!.tokens).not.toContain(OLD_TOKEN);
  });
});
