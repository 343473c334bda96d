// Security claims of issue #7, against the real server: PostgreSQL's row-level security decides,
// the gateway only verifies tokens and sets the role and claims.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startLocalTeamServer, type LocalTeamServer } from '../../server/local';
import { signToken } from '../../server/tokens';
import { SITE_IDS } from '../../lib/model';
import { event, rpc, seedTeam } from './helpers';

let server: LocalTeamServer;
let t1: Record<string, string>;
let t2: Record<string, string>;
let jtis1: Record<string, string>;

beforeAll(async () => {
  server = await startLocalTeamServer();
  ({ tokens: t1, jtis: jtis1 } = await seedTeam(server, 't1', 'Team One', [
    { id: 'ana', name: 'Ana', role: 'rep', territory: 'North' },
    { id: 'ben', name: 'Ben', role: 'rep', territory: 'South' },
    { id: 'mia', name: 'Mia', role: 'manager' },
    { id: 'rex', name: 'Rex', role: 'rep' },
  ]));
  ({ tokens: t2 } = await seedTeam(server, 't2', 'Team Two', [
    { id: 'ana', name: 'Other Ana', role: 'rep' },
    { id: 'max', name: 'Max', role: 'manager' },
  ]));
});
afterAll(() => server?.stop());

const ids = async (team: string, rep: string) =>
  (await server.db.query('SELECT id FROM pacer.events WHERE team = $1 AND rep = $2 ORDER BY id', [team, rep])).rows.map(r => r.id);

describe('a rep', () => {
  it('pushes their own events and reads them back', async () => {
    const e = event({ id: 'ana-1', amount: 1200, currency: 'EUR', deal_id: 'salesforce:006A', type: 'deal_won' });
    const pushed = await rpc(server.url, t1.ana, 'push_events', { events: [e] });
    expect(pushed).toEqual({ status: 200, body: { inserted: 1, duplicates: 0 } });
    const pulled = await rpc(server.url, t1.ana, 'pull_events', {});
    expect(pulled.status).toBe(200);
    expect(pulled.body.events).toEqual([
      expect.objectContaining({ id: 'ana-1', rep: 'ana', type: 'deal_won', amount: 1200, currency: 'EUR', deal_id: 'salesforce:006A' }),
    ]);
  });

  it('cannot write as rep B: the whole batch is refused by row-level security', async () => {
    const res = await rpc(server.url, t1.ana, 'push_events', { events: [event({ id: 'ana-ok' }), event({ id: 'as-ben', rep: 'ben' })] });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: '42501', message: expect.stringMatching(/row-level security/) });
    expect(await ids('t1', 'ben')).toEqual([]);
    expect(await ids('t1', 'ana')).not.toContain('ana-ok');
  });

  it('cannot write into team T2', async () => {
    const res = await rpc(server.url, t1.ana, 'push_events', { events: [event({ id: 'into-t2', team: 't2' })] });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('42501');
    expect(await ids('t2', 'ana')).toEqual([]);
    const deals = await rpc(server.url, t1.ana, 'push_deals', {
      deals: [{ id: 'salesforce:1', stage: 'Prospecting', status: 'open', last_seen_at: '2026-11-01T00:00:00Z', team: 't2' }],
    });
    expect(deals.status).toBe(403);
  });

  it("cannot read B's rows, even asking for them by name", async () => {
    await rpc(server.url, t1.ben, 'push_events', { events: [event({ id: 'ben-1' })] });
    await rpc(server.url, t1.ben, 'push_deals', {
      deals: [{ id: 'salesforce:ben-deal', stage: 'Qualification', status: 'open', last_seen_at: '2026-11-01T00:00:00Z', amount: 5000 }],
    });
    const asked = await rpc(server.url, t1.ana, 'pull_events', { rep: 'ben' });
    expect(asked.body.events).toEqual([]);
    const deals = await rpc(server.url, t1.ana, 'pull_deals', { rep: 'ben' });
    expect(deals.body.deals).toEqual([]);
    const review = await rpc(server.url, t1.ana, 'rep_review', { rep: 'ben', week: '2026-11-02' });
    expect(review.status).toBe(403);
    // The team summary gives a rep their own row and rank only.
    const summary = await rpc(server.url, t1.ana, 'team_summary', { from: '2026-10-01', to: '2027-01-01' });
    expect(summary.status).toBe(200);
    expect(summary.body.reps.map((r: { rep: string }) => r.rep)).toEqual(['ana']);
    expect(summary.body.reps[0].rank).toBeGreaterThanOrEqual(1);
    expect(summary.body.team).toMatchObject({ reps: 3, quota: null, won: null });
    expect(summary.body.territories).toEqual([]);
  });

  it('with the same rep id in another team is another person', async () => {
    const res = await rpc(server.url, t2.ana, 'pull_events', {});
    expect(res.body.events).toEqual([]);
  });

  it('cannot set a plan, an allocation or feedback', async () => {
    for (const [fn, args] of [
      ['set_team_plan', { plan: { currency: 'USD' }, effective_from: '2026-01-01' }],
      ['set_allocation', { rep: 'ana', effective_from: '2026-01-01', annual_quota: 1 }],
      ['set_feedback', { rep: 'ana', week: '2026-11-02', kudos: 'me!' }],
    ] as const) {
      const res = await rpc(server.url, t1.ana, fn, args);
      expect(res.status, fn).toBe(403);
      expect(res.body.code).toBe('42501');
    }
  });

  it('erases only their own events', async () => {
    await rpc(server.url, t1.ana, 'push_events', { events: [event({ id: 'ana-erase' })] });
    const res = await rpc(server.url, t1.ana, 'erase_my_events', { ids: ['ana-erase', 'ben-1'] });
    expect(res.body).toEqual({ erased: 1 });
    expect(await ids('t1', 'ben')).toEqual(['ben-1']);
  });
});

describe('a manager', () => {
  it('reads the whole team but nothing of another team', async () => {
    const res = await rpc(server.url, t1.mia, 'pull_events', {});
    expect(new Set(res.body.events.map((e: { rep: string }) => e.rep))).toEqual(new Set(['ana', 'ben']));
    const other = await rpc(server.url, t2.max, 'pull_events', {});
    expect(other.body.events).toEqual([]);
  });

  it('cannot write events or deals, nor erase them', async () => {
    const res = await rpc(server.url, t1.mia, 'push_events', { events: [event({ id: 'by-mia' })] });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/manager/);
    const asRep = await rpc(server.url, t1.mia, 'push_events', { events: [event({ id: 'mia-as-ana', rep: 'ana' })] });
    expect(asRep.status).toBe(403);
    expect((await rpc(server.url, t1.mia, 'push_deals', { deals: [] })).status).toBe(403);
    expect((await rpc(server.url, t1.mia, 'erase_my_events', { ids: ['ana-1'] })).status).toBe(403);
    expect(await ids('t1', 'ana')).toContain('ana-1');
  });

  it("cannot write reps' data even with SQL: no grant, no policy (the database says no, not the gateway)", async () => {
    const client = new pg.Client({ connectionString: server.postgres.url('authenticator') });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE pacer_manager');
      await client.query("SELECT set_config('request.jwt.claims', $1, true)", [JSON.stringify({ role: 'pacer_manager', team: 't1', rep: 'mia' })]);
      await expect(
        client.query("INSERT INTO pacer.events (team, id, rep, type, at, site) VALUES ('t1', 'x', 'ana', 'call', now(), 'manual')"),
      ).rejects.toMatchObject({ code: '42501' });
      await client.query('ROLLBACK');
      for (const sql of ["UPDATE pacer.events SET amount = 0 WHERE team = 't1'", "DELETE FROM pacer.events WHERE team = 't1'"]) {
        for (const role of ['pacer_manager', 'pacer_rep']) {
          await client.query('BEGIN');
          await client.query(`SET LOCAL ROLE ${role}`);
          await client.query("SELECT set_config('request.jwt.claims', $1, true)", [JSON.stringify({ role, team: 't1', rep: role === 'pacer_rep' ? 'ana' : 'mia' })]);
          await expect(client.query(sql), `${role}: ${sql}`).rejects.toMatchObject({ code: '42501' });
          await client.query('ROLLBACK');
        }
      }
    } finally {
      await client.end();
    }
  });

  it('cannot reach the admin functions, the token list or the rollup, even with SQL', async () => {
    const client = new pg.Client({ connectionString: server.postgres.url('authenticator') });
    await client.connect();
    try {
      for (const [role, rep] of [['pacer_manager', 'mia'], ['pacer_rep', 'ana']] as const) {
        for (const sql of [
          "SELECT pacer.admin_erase_rep('t1', 'ben')",
          "SELECT pacer.admin_revoke_token('00000000-0000-0000-0000-000000000000')",
          'SELECT count(*) FROM pacer.tokens',
          'SELECT count(*) FROM pacer.activity_weeks',
          "SELECT pacer.rebuild_activity_weeks('t2')",
        ]) {
          await client.query('BEGIN');
          await client.query(`SET LOCAL ROLE ${role}`);
          await client.query("SELECT set_config('request.jwt.claims', $1, true)", [JSON.stringify({ role, team: 't1', rep })]);
          await expect(client.query(sql), `${role}: ${sql}`).rejects.toMatchObject({ code: '42501' });
          await client.query('ROLLBACK');
        }
      }
    } finally {
      await client.end();
    }
  });

  it('writes plans, allocations and feedback for their own team only', async () => {
    const plan = await rpc(server.url, t1.mia, 'set_team_plan', { plan: { currency: 'USD', timeZone: 'UTC' }, effective_from: '2026-01-01' });
    expect(plan.status).toBe(200);
    const alloc = await rpc(server.url, t1.mia, 'set_allocation', { rep: 'ana', effective_from: '2026-01-01', annual_quota: 400000 });
    expect(alloc.status).toBe(200);
    const foreign = await rpc(server.url, t1.mia, 'set_allocation', { rep: 'max', effective_from: '2026-01-01', annual_quota: 1 });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toMatch(/no rep 'max'/);
    const fb = await rpc(server.url, t1.mia, 'set_feedback', { rep: 'ana', week: '2026-11-02', kudos: 'Great calls', focus: 'Proposals' });
    expect(fb.status).toBe(200);
    expect((await rpc(server.url, t1.ana, 'my_feedback', { week: '2026-11-02' })).body).toMatchObject({ kudos: 'Great calls', focus: 'Proposals', by: 'mia' });
    expect((await rpc(server.url, t1.ben, 'my_feedback', { week: '2026-11-02' })).body).toMatchObject({ kudos: null, focus: null });
    expect((await rpc(server.url, t2.max, 'team_plan', {})).body).toMatchObject({ plan: null, allocations: [] });
  });
});

describe('tokens', () => {
  it('no token is refused', async () => {
    const res = await rpc(server.url, undefined, 'whoami');
    expect(res).toMatchObject({ status: 401, body: { code: 'PGRST302' } });
  });

  it('an expired token is refused', async () => {
    const expired = await server.admin.issueToken('t1', 'ana', { days: 1, now: Math.floor(Date.now() / 1000) - 2 * 86400 });
    const res = await rpc(server.url, expired.token, 'whoami');
    expect(res).toMatchObject({ status: 401, body: { code: 'PGRST303', message: expect.stringMatching(/expired/) } });
  });

  it('a tampered token is refused: claims edited, or signed with another secret', async () => {
    const [h, payload, sig] = t1.ana!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const edited = Buffer.from(JSON.stringify({ ...claims, rep: 'ben' })).toString('base64url');
    const res = await rpc(server.url, `${h}.${edited}.${sig}`, 'pull_events', {});
    expect(res).toMatchObject({ status: 401, body: { code: 'PGRST301' } });
    const forged = await signToken(randomBytes(32).toString('hex'), { role: 'pacer_manager', team: 't1', rep: 'mia' });
    expect((await rpc(server.url, forged.token, 'whoami')).status).toBe(401);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect((await rpc(server.url, none, 'whoami')).status).toBe(401);
  });

  it('a well-signed token the server never issued is refused by the database', async () => {
    const minted = await signToken(server.jwtSecret, { role: 'pacer_rep', team: 't1', rep: 'ana' });
    expect((await rpc(server.url, minted.token, 'whoami')).body).toMatchObject({ code: 'PT401' });
  });

  it('a token claiming the manager role for a rep is refused', async () => {
    const minted = await signToken(server.jwtSecret, { role: 'pacer_manager', team: 't1', rep: 'ana' });
    await server.db.query("INSERT INTO pacer.tokens (jti, team, rep, role, expires_at) VALUES ($1, 't1', 'ana', 'pacer_manager', now() + interval '1 day')", [minted.claims.jti]);
    expect((await rpc(server.url, minted.token, 'pull_events', {})).status).toBe(401);
  });

  it('a revoked token is refused from the next call on, the member keeps other tokens', async () => {
    const extra = await server.admin.issueToken('t1', 'rex');
    expect((await rpc(server.url, extra.token, 'whoami')).body).toMatchObject({ rep: 'rex', role: 'rep', teamSize: 3, teamName: 'Team One' });
    expect(await server.admin.revokeToken(extra.jti, 'lost laptop')).toBe(true);
    const res = await rpc(server.url, extra.token, 'whoami');
    expect(res).toMatchObject({ status: 401, body: { code: 'PT401', message: expect.stringMatching(/revoked/) } });
    expect((await rpc(server.url, t1.rex, 'whoami')).status).toBe(200);
    expect(jtis1.rex).not.toBe(extra.jti);
  });
});

describe('push', () => {
  it('is idempotent by id: a resend inserts nothing, a batch repeating an id stores it once', async () => {
    const batch = [event({ id: 'idem-1' }), event({ id: 'idem-2' }), event({ id: 'idem-1' })];
    expect((await rpc(server.url, t1.ben, 'push_events', { events: batch })).body).toEqual({ inserted: 2, duplicates: 1 });
    expect((await rpc(server.url, t1.ben, 'push_events', { events: batch })).body).toEqual({ inserted: 0, duplicates: 3 });
    const { rows } = await server.db.query("SELECT count(*)::int AS n FROM pacer.events WHERE team = 't1' AND id LIKE 'idem-%'");
    expect(rows[0].n).toBe(2);
  });

  it('takes an event from every site the extension records, the custom CRM included, and no other', async () => {
    const batch = SITE_IDS.map(site => event({ id: `site-${site}`, site }));
    expect((await rpc(server.url, t1.rex, 'push_events', { events: batch })).body).toEqual({ inserted: SITE_IDS.length, duplicates: 0 });
    const res = await rpc(server.url, t1.rex, 'push_events', { events: [event({ id: 'site-other', site: 'zoho' })] });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^events\[0\]\.site is not one of/);
  });

  it('refuses a malformed batch whole, naming the row and the field', async () => {
    const res = await rpc(server.url, t1.ben, 'push_events', { events: [event({ id: 'fine' }), event({ id: 'bad', at: 'yesterday' })] });
    expect(res).toEqual({ status: 400, body: { code: '22023', message: 'events[1].at is not an ISO 8601 time', details: null, hint: null } });
    expect(await ids('t1', 'ben')).not.toContain('fine');
    expect((await rpc(server.url, t1.ben, 'push_events', { events: [event({ meta: { body: 'x'.repeat(3000) } })] })).body.message).toMatch(/never a body/);
    expect((await rpc(server.url, t1.ben, 'push_events', { events: 'nope' })).status).toBe(400);
    expect((await rpc(server.url, t1.ben, 'push_events', '[1,2]')).body.code).toBe('PGRST102');
    const tooMany = Array.from({ length: 2001 }, (_, i) => event({ id: `many-${i}` }));
    expect((await rpc(server.url, t1.ben, 'push_events', { events: tooMany })).status).toBe(413);
  });

  it('drops person names unless the team shares them', async () => {
    await rpc(server.url, t1.ben, 'push_events', { events: [event({ id: 'named', person_name: 'Jane Prospect' })] });
    const { rows } = await server.db.query("SELECT person_name FROM pacer.events WHERE team = 't1' AND id = 'named'");
    expect(rows[0].person_name).toBeNull();
  });
});

describe('transport', () => {
  it('unknown functions and arguments are 404 in PostgREST shape; GET is 405', async () => {
    expect((await rpc(server.url, t1.ana, 'drop_everything', {})).body).toMatchObject({ code: 'PGRST202' });
    expect((await rpc(server.url, t1.ana, 'push_events', { events: [], evil: 1 })).status).toBe(404);
    expect((await fetch(`${server.url}/rpc/whoami`, { headers: { Authorization: `Bearer ${t1.ana}` } })).status).toBe(405);
  });

  it('answers CORS preflights for extension origins, errors included', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const pre = await fetch(`${server.url}/rpc/push_events`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    // Supabase's `apikey`, which the extension sends when the rep set one: allowed here too.
    const withKey = await fetch(`${server.url}/rpc/whoami`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,apikey' } });
    expect(withKey.status).toBe(204);
    expect(withKey.headers.get('access-control-allow-headers')!.toLowerCase().split(/,\s*/)).toEqual(expect.arrayContaining(['authorization', 'content-type', 'apikey']));
    const err = await fetch(`${server.url}/rpc/whoami`, { method: 'POST', headers: { Origin: origin } });
    expect(err.status).toBe(401);
    expect(err.headers.get('access-control-allow-origin')).toBe(origin);
    const site = await fetch(`${server.url}/rpc/whoami`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(site.headers.get('access-control-allow-origin')).toBeNull();
  });
});
