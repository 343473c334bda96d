// Supabase's `apikey` header: the publishable key is accepted and sent on every call, only
// when set; a secret key (service_role JWT or sb_secret_) and a bad paste are refused before
// they are stored or sent; the key never reaches an error message, the status or a log.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDb, type PacerDb } from '../../lib/db';
import { t } from '../../lib/i18n';
import { checkApiKey, isSecretKey, jwtPayload } from '../../lib/sync-api-key';
import { requestSync } from '../../lib/sync-background';
import { redactToken, SyncError, TeamClient } from '../../lib/sync-client';
import { syncStatus, teamApiKey, teamSyncSettings, teamToken } from '../../lib/sync-state';
import { teamConnection } from '../../lib/sync-team-store';

/** A Supabase-style legacy key: a JWT whose payload names the project and the role (signature irrelevant here). */
const supabaseJwt = (role: string) =>
  ['{"alg":"HS256","typ":"JWT"}', JSON.stringify({ iss: 'supabase', ref: 'qwertyuiopasdfghjklz', role, iat: 1700000000, exp: 2015576000 })]
    .map(part => Buffer.from(part).toString('base64url'))
    .concat('dGhpcy1pcy1hLXNpZ25hdHVyZS1vZi0zMi1ieXRlcw')
    .join('.');
const ANON = supabaseJwt('anon');
const SERVICE_ROLE = supabaseJwt('service_role');
const PUBLISHABLE = 'sb_publishable_Xk3vP9qLr2TmW8sYc1NbVg_4hJdE0aF';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoicGFjZXJfcmVwIn0.c2VjcmV0LXNpZ25hdHVyZS1kby1ub3QtbG9n';
const WHO = { team: 'acme', teamName: 'Acme Sales', teamSize: 3, rep: 'sam', repName: 'Sam Rivera', role: 'rep', territory: null, shareNames: false };

describe('checkApiKey', () => {
  it('accepts the publishable key in either style, trimmed; empty means none', () => {
    expect(checkApiKey(`  ${PUBLISHABLE}\n`)).toEqual({ ok: true, key: PUBLISHABLE });
    expect(checkApiKey(ANON)).toEqual({ ok: true, key: ANON });
    expect(checkApiKey('')).toEqual({ ok: true, key: '' });
    expect(checkApiKey(' \n\t ')).toEqual({ ok: true, key: '' });
  });

  it.each([
    ['a space inside', 'sb_publishable_Xk3vP9 qLr2TmW8'],
    ['a line break inside (a key copied across two lines)', `${ANON.slice(0, 40)}\n${ANON.slice(40)}`],
    ['a tab inside', 'sb_publishable_\tXk3v'],
    ['a character outside ASCII', 'sb_publishable_Xk3v…'],
  ])('refuses a key with %s', (_why, key) => {
    expect(checkApiKey(key)).toEqual({ ok: false, error: t('syncApiKeyBadChars') });
  });

  it('refuses the secret keys: a service_role JWT and an sb_secret_ key', () => {
    expect(checkApiKey(SERVICE_ROLE)).toEqual({ ok: false, error: t('syncApiKeySecret') });
    expect(checkApiKey('sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz')).toEqual({ ok: false, error: t('syncApiKeySecret') });
    expect(t('syncApiKeySecret')).toMatch(/must never be put in a browser/);
  });

  it('reads a JWT payload without verifying it; anything else is no JWT', () => {
    expect(jwtPayload(SERVICE_ROLE)).toMatchObject({ role: 'service_role', ref: 'qwertyuiopasdfghjklz' });
    expect(jwtPayload(PUBLISHABLE)).toBeNull();
    expect(jwtPayload('a.%%%.c')).toBeNull();
    expect(jwtPayload(`a.${Buffer.from('[1]').toString('base64url')}.c`)).toBeNull();
    expect(isSecretKey(ANON)).toBe(false);
  });
});

/** A server that answers every call and keeps the headers it was sent. */
function recordingFetch(answer: (fn: string, headers: Headers) => Response) {
  const seen: { fn: string; headers: Headers }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const fn = String(input).split('/rpc/')[1]!;
    const headers = new Headers(init?.headers);
    seen.push({ fn, headers });
    return answer(fn, headers);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, seen };
}
const ok = (fn: string) => new Response(JSON.stringify(fn === 'whoami' ? WHO : { inserted: 0, duplicates: 0 }), { status: 200 });

describe('TeamClient and the apikey header', () => {
  it('sends apikey on every call when a key is set, beside the token', async () => {
    const { fetch, seen } = recordingFetch(ok);
    const client = new TeamClient({ url: 'https://qwertyuiopasdfghjklz.supabase.co/rest/v1', token: TOKEN, apiKey: PUBLISHABLE, fetch });
    await client.whoami();
    await client.pushEvents([]);
    expect(seen.map(s => [s.fn, s.headers.get('apikey'), s.headers.get('Authorization')])).toEqual([
      ['whoami', PUBLISHABLE, `Bearer ${TOKEN}`],
      ['push_events', PUBLISHABLE, `Bearer ${TOKEN}`],
    ]);
  });

  it.each([['no key', undefined], ['an empty key', ''], ['a blank key', '   ']])('sends no apikey header at all with %s', async (_name, apiKey) => {
    const { fetch, seen } = recordingFetch(ok);
    await new TeamClient({ url: 'https://pacer.example.com', token: TOKEN, fetch, ...(apiKey === undefined ? {} : { apiKey }) }).whoami();
    expect(seen[0]!.headers.has('apikey')).toBe(false);
    expect([...seen[0]!.headers.keys()].map(k => k.toLowerCase()).sort()).toEqual(['accept', 'authorization', 'content-type']);
  });

  it("Supabase's 401 about a missing key says what to paste where", async () => {
    const { fetch } = recordingFetch(() => new Response(JSON.stringify({ message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' }), { status: 401 }));
    const error = await new TeamClient({ url: 'https://qwertyuiopasdfghjklz.supabase.co/rest/v1', token: TOKEN, fetch }).whoami().then(() => null, (e: unknown) => e as SyncError);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(error!.message).toBe(
      'The server refused the API key: No API key found in request (No `apikey` request header or url param was found.). On Supabase, paste the project\'s publishable (anon) key under API key.',
    );
  });

  it.each([401, 403, 500, 400])('never puts the key in an error message when the server (status %i) echoes it back', async status => {
    for (const key of [PUBLISHABLE, ANON]) {
      const { fetch } = recordingFetch((_fn, headers) => new Response(JSON.stringify({ message: `Invalid API key ${headers.get('apikey')}`, hint: headers.get('apikey') }), { status }));
      const error = await new TeamClient({ url: 'https://pacer.example.com', token: TOKEN, apiKey: key, fetch }).whoami().then(() => null, (e: unknown) => e as SyncError);
      expect(error).toBeInstanceOf(SyncError);
      expect(error!.message).toContain('Invalid API key');
      expect(error!.message).not.toContain(key);
      expect(error!.message).not.toContain(key.slice(-20));
    }
  });

  it('redactToken blanks the key as it does the token; a short key would blank words, so it is left', () => {
    expect(redactToken(`bad ${PUBLISHABLE} and ${TOKEN}`, TOKEN, PUBLISHABLE)).toBe('bad [api key] and [token]');
    expect(redactToken('Invalid API key', TOKEN, 'key')).toBe('Invalid API key');
  });
});

describe('the background sync and the stored key', () => {
  let db: PacerDb;
  let logged: string[];
  beforeEach(async () => {
    fakeBrowser.reset();
    for (const name of ['create', 'clear', 'get'] as const) vi.spyOn(fakeBrowser.alarms, name).mockResolvedValue(undefined as never);
    db = openDb(`apikey-${crypto.randomUUID()}`);
    await db.events.add({ id: 'e1', type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: 'u', capturedAt: '2026-11-27T10:00:00.000Z' });
    await teamToken.setValue(TOKEN);
    await teamSyncSettings.setValue({ url: 'https://qwertyuiopasdfghjklz.supabase.co/rest/v1', enabled: true });
    logged = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await db.delete();
  });

  it('is kept in storage.local only, and every call of a run carries it', async () => {
    await teamApiKey.setValue(PUBLISHABLE);
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).toContain(PUBLISHABLE);
    expect(JSON.stringify(await fakeBrowser.storage.sync.get())).not.toContain(PUBLISHABLE);
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async input => {
      const fn = String(input).split('/rpc/')[1]!;
      const replies: Record<string, unknown> = { whoami: WHO, push_events: { inserted: 1, duplicates: 0 }, team_plan: { plan: null, allocation: null }, my_feedback: null };
      return new Response(JSON.stringify(replies[fn] ?? { inserted: 0, duplicates: 0 }), { status: 200 });
    });
    await requestSync(db);
    expect(fetch.mock.calls.length).toBeGreaterThanOrEqual(2);
    for (const [, init] of fetch.mock.calls) expect(new Headers(init?.headers).get('apikey')).toBe(PUBLISHABLE);
  });

  it('a secret key found in storage is never sent: the run fails in words, nothing goes out', async () => {
    await teamApiKey.setValue(SERVICE_ROLE);
    const fetch = vi.spyOn(globalThis, 'fetch');
    const status = await requestSync(db);
    expect(fetch).not.toHaveBeenCalled();
    expect(status.lastError).toBe(t('syncApiKeySecret'));
  });

  it('never reaches the status or a log when the server echoes it', async () => {
    await teamApiKey.setValue(PUBLISHABLE);
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
      const key = new Headers(init?.headers).get('apikey');
      return new Response(JSON.stringify({ message: `Invalid API key ${key}`, hint: key }), { status: 401 });
    });
    const status = await requestSync(db);
    expect(status.lastError).toMatch(/^The server refused the API key: Invalid API key \[api key\]/);
    const everything = [JSON.stringify(status), JSON.stringify(await syncStatus.getValue()), JSON.stringify(await fakeBrowser.storage.sync.get()), ...logged].join('\n');
    expect(everything).not.toContain(PUBLISHABLE);
  });

  it("the manager's popup connection sends it too, and never a secret key it finds stored", async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(WHO), { status: 200 }));
    await teamApiKey.setValue(PUBLISHABLE);
    await (await teamConnection())!.client.whoami();
    await teamApiKey.setValue(SERVICE_ROLE);
    await (await teamConnection())!.client.whoami();
    expect(fetch.mock.calls.map(([, init]) => new Headers(init?.headers).get('apikey'))).toEqual([PUBLISHABLE, null]);
  });
});
