// The admin command and the transport rules: HTTPS off loopback, plain HTTP only on loopback.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { networkInterfaces } from 'node:os';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../server/admin';
import { isLoopbackAddress, startGateway } from '../../server/gateway';
import { startLocalTeamServer, type LocalTeamServer } from '../../server/local';
import { rpc } from './helpers';

let server: LocalTeamServer;
beforeAll(async () => {
  server = await startLocalTeamServer();
});
afterAll(() => server?.stop());

const admin = async (...argv: string[]) => {
  const lines: string[] = [];
  const code = await runAdmin(argv, { PACER_ADMIN_DATABASE_URL: server.postgres.url(), PACER_JWT_SECRET: server.jwtSecret }, l => lines.push(l));
  return { code, out: lines.join('\n') };
};

describe('npm run server:admin', () => {
  it('creates a team, adds members with territories, issues a token once, lists, revokes and erases', async () => {
    expect(await admin('team', 'create', 'west', 'West Coast')).toEqual({ code: 0, out: 'Team west created.' });
    expect((await admin('member', 'add', 'west', 'kim', 'Kim Lee', '--role', 'rep', '--territory', 'Bay Area')).code).toBe(0);
    expect((await admin('member', 'add', 'west', 'lou', 'Lou Park', '--role', 'manager')).code).toBe(0);

    const issued = await admin('token', 'issue', 'west', 'kim', '--days', '30');
    expect(issued.code).toBe(0);
    const token = issued.out.trim().split('\n').at(-1)!;
    const jti = /id ([0-9a-f-]{36})/.exec(issued.out)![1]!;
    expect((await rpc(server.url, token, 'whoami')).body).toMatchObject({ team: 'west', rep: 'kim', territory: 'Bay Area', role: 'rep' });

    const listed = await admin('token', 'list', 'west');
    expect(listed.out).toContain(jti);
    expect(listed.out).not.toContain(token.split('.')[2]!); // never the token itself

    await rpc(server.url, token, 'push_events', { events: [{ id: 'k1', type: 'call', at: '2026-11-02T09:00:00Z', site: 'hubspot' }] });
    expect(await admin('token', 'revoke', jti, '--reason', 'left the team')).toEqual({ code: 0, out: `Token ${jti} revoked.` });
    expect((await rpc(server.url, token, 'whoami')).status).toBe(401);
    expect((await admin('token', 'list', 'west')).out).toMatch(/revoked/);

    const erased = await admin('rep', 'erase', 'west', 'kim');
    expect(erased.out).toBe('Erased kim: 1 events, 0 deal snapshots, 0 allocations, 0 feedback notes; tokens revoked.');
    const { rows } = await server.db.query("SELECT count(*)::int AS n FROM pacer.events WHERE team = 'west'");
    expect(rows[0].n).toBe(0);
  });

  it('says what went wrong in words', async () => {
    const said: string[] = [];
    const original = console.error;
    console.error = (line: string) => said.push(line);
    try {
      expect((await admin('team', 'create', 'west', 'Again')).code).toBe(1);
      expect((await admin('member', 'add', 'nowhere', 'x', 'X', '--role', 'rep')).code).toBe(1);
      expect((await admin('team', 'create', 'Bad Id!', 'X')).code).toBe(1);
    } finally {
      console.error = original;
    }
    expect(said).toEqual([
      'That team already exists.',
      'No such team: create it first (team create).',
      expect.stringMatching(/^A value is not allowed \(teams_id_check\)/),
    ]);
    expect(await admin('token', 'issue', 'west', 'nobody')).toMatchObject({ code: 1 });
    expect((await admin('member', 'add', 'west', 'x', 'X', '--role', 'boss')).code).toBe(2);
    expect(await admin('token', 'revoke', '00000000-0000-0000-0000-000000000000')).toEqual({ code: 1, out: 'No token with id 00000000-0000-0000-0000-000000000000.' });
  });
});

describe('transport', () => {
  it('answers 503 in PostgREST shape while PostgreSQL is down, and recovers when it is back', async () => {
    await server.admin.createTeam('up', 'Uptime');
    await server.admin.addMember('up', 'ivy', 'Ivy', 'rep');
    const { token } = await server.admin.issueToken('up', 'ivy');
    expect((await rpc(server.url, token, 'whoami')).status).toBe(200);
    await server.postgres.kill();
    const down = await rpc(server.url, token, 'push_events', { events: [{ id: 'u1', type: 'call', at: '2026-11-02T09:00:00Z', site: 'manual' }] });
    expect(down).toMatchObject({ status: 503, body: { code: 'PGRST001', message: expect.stringMatching(/unreachable/) } });
    await server.postgres.restart();
    const back = await rpc(server.url, token, 'push_events', { events: [{ id: 'u1', type: 'call', at: '2026-11-02T09:00:00Z', site: 'manual' }] });
    expect(back).toEqual({ status: 200, body: { inserted: 1, duplicates: 0 } });
  });

  it('refuses to serve plain HTTP anywhere but loopback', async () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.10']) {
      await expect(startGateway({ databaseUrl: server.postgres.url('authenticator'), jwtSecret: server.jwtSecret, host })).rejects.toThrow(/Refusing to serve plain HTTP/);
    }
    expect(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1', '127.0.0.2'].every(isLoopbackAddress)).toBe(true);
    expect(['192.0.2.2', '10.0.0.1', 'fd00::2', '::ffff:10.0.0.1', undefined].some(isLoopbackAddress)).toBe(false);
  });

  it('serves HTTPS on every interface with a certificate, and plain HTTP to that port gets nothing', async () => {
    const pems = await generate([{ name: 'commonName', value: 'pacer.test' }], { keySize: 2048, algorithm: 'sha256' });
    const tlsGateway = await startGateway({
      databaseUrl: server.postgres.url('authenticator'),
      jwtSecret: server.jwtSecret,
      host: '0.0.0.0',
      tls: { cert: pems.cert, key: pems.private },
      log: () => {},
    });
    try {
      const port = Number(new URL(tlsGateway.url).port);
      const external = Object.values(networkInterfaces()).flat().find(i => i && !i.internal && i.family === 'IPv4')?.address ?? '127.0.0.1';
      const viaHttps = await new Promise<number>((resolve, reject) => {
        const req = httpsRequest({ host: external, port, path: '/rpc/whoami', method: 'POST', rejectUnauthorized: false }, res => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end('{}');
      });
      expect(viaHttps).toBe(401); // reached the gateway over TLS: no token, so 401
      const viaHttp = await new Promise<string>(resolve => {
        const req = httpRequest({ host: external, port, path: '/rpc/whoami', method: 'POST', timeout: 3000 }, res => {
          res.resume();
          resolve(`status ${res.statusCode}`);
        });
        req.on('error', e => resolve(`error ${(e as NodeJS.ErrnoException).code ?? e.message}`));
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.end('{}');
      });
      expect(viaHttp).not.toMatch(/^status 2/);
    } finally {
      await tlsGateway.close();
    }
  });
});
