// The team token (issue #7, item 7): kept in storage.local only, never in storage.sync,
// never in a log line, a status or an error message, even when the server echoes it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDb, type PacerDb } from '../../lib/db';
import { requestSync } from '../../lib/sync-background';
import { redactToken } from '../../lib/sync-client';
import { syncStatus, teamSyncSettings, teamToken } from '../../lib/sync-state';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoicGFjZXJfcmVwIn0.c2VjcmV0LXNpZ25hdHVyZS1kby1ub3QtbG9n';

let db: PacerDb;
let logged: string[];
beforeEach(async () => {
  fakeBrowser.reset();
  for (const name of ['create', 'clear', 'get'] as const) vi.spyOn(fakeBrowser.alarms, name).mockResolvedValue(undefined as never);
  db = openDb(`token-${crypto.randomUUID()}`);
  await db.events.add({ id: 'e1', type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: '2026-11-27T10:00:00.000Z' });
  logged = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(a => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' ')));
  }
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** A hostile or careless server that repeats the Authorization header back in its error. */
const echoingServer = (status: number) =>
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
    const auth = new Headers(init?.headers).get('Authorization') ?? '';
    return new Response(JSON.stringify({ code: 'PGRST301', message: `bad token ${auth}`, hint: auth }), { status });
  });

describe('the team token', () => {
  it('is stored in storage.local only', async () => {
    await teamToken.setValue(TOKEN);
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).toContain(TOKEN);
    expect(JSON.stringify(await fakeBrowser.storage.sync.get())).not.toContain(TOKEN);
  });

  it.each([401, 500])('never reaches a log, the status or storage.sync when the server answers %i with it', async status => {
    const fetch = echoingServer(status);
    await teamToken.setValue(TOKEN);
    await teamSyncSettings.setValue({ url: 'https://pacer.example.com', enabled: true });
    const result = await requestSync(db);
    expect(fetch).toHaveBeenCalled();
    expect(new Headers(fetch.mock.calls[0]![1]?.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(result.lastError).toBeTruthy();
    const everything = [JSON.stringify(result), JSON.stringify(await syncStatus.getValue()), JSON.stringify(await fakeBrowser.storage.sync.get()), ...logged].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(TOKEN.split('.')[2]);
  });

  it('is redacted from a server message, and so is anything shaped like a JWT; ordinary words stay', () => {
    expect(redactToken(`invalid token ${TOKEN}!`, TOKEN)).toBe('invalid token [token]!');
    expect(redactToken('leaked eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abc_DEF-123 here', 'another-token-of-some-length')).toBe('leaked [token] here');
    expect(redactToken('internal error (try later)', 't')).toBe('internal error (try later)');
  });
});
