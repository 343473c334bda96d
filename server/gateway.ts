// The thin HTTP gateway (issue #7): verifies the JWT, then runs the call exactly as PostgREST
// does: one transaction, `SET LOCAL ROLE <token role>`, the claims in `request.jwt.claims`,
// `api.check_token()`, then `api.<function>(<named args>)`. Everything about who may see or
// write what lives in the database (server/migrations), so PostgREST or Supabase over the same
// migrations behaves the same. Tokens are never logged.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import pg from 'pg';
import { secretKey, verifyToken, type PacerClaims } from './tokens';

export interface GatewayOptions {
  /** Connection string for the `authenticator` role (it can do nothing but switch roles). */
  databaseUrl: string;
  jwtSecret: string;
  host?: string;
  port?: number;
  /** PEM certificate and key: HTTPS. Without them the gateway only listens on loopback. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Connections to PostgreSQL (default 10). */
  poolSize?: number;
  /** Called with one line per failed request (never the token). */
  log?: (line: string) => void;
}

export interface Gateway {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 8 * 1024 * 1024;

interface ApiError {
  status: number;
  code: string;
  message: string;
  details?: string | null;
  hint?: string | null;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);
export const isLoopbackAddress = (address: string | undefined) =>
  !!address && (LOOPBACK_HOSTS.has(address) || address.startsWith('127.') || address.startsWith('::ffff:127.'));

/** Chrome's extension ids are 32 letters a–p; Firefox's are per-install UUIDs. */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/;

interface FunctionSig {
  args: { name: string; type: string }[];
  /** Arguments that have defaults: the last `optional` ones. */
  optional: number;
  readOnly: boolean;
  /** json/jsonb: the answer goes out as PostgreSQL's text, never parsed and re-serialised here. */
  returnsJson: boolean;
}

/** PostgREST's SQLSTATE → HTTP status table (the parts Pacer's functions can raise). */
export function httpStatusFor(code: string | undefined): number {
  if (!code) return 500;
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  if (code === '42501') return 403;
  if (code === '23505' || code === '23503') return 409;
  if (code === '42883' || code === '42P01') return 404;
  if (code.startsWith('08') || code.startsWith('53') || code === '57P01' || code === '57P02' || code === '57P03') return 503;
  if (code.startsWith('22') || code.startsWith('23') || code === 'P0001') return 400;
  if (code.startsWith('25') || code.startsWith('40') || code.startsWith('XX') || code.startsWith('58') || code.startsWith('57')) return 500;
  if (code.startsWith('42')) return 400;
  return 500;
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);

function toApiError(e: unknown): ApiError {
  const err = e as { code?: string; message?: string; detail?: string; hint?: string };
  if (err?.code && /^[0-9A-Z]{5}$/.test(err.code)) {
    const status = httpStatusFor(err.code);
    return { status, code: err.code, message: err.message ?? 'Database error', details: err.detail ?? null, hint: err.hint ?? null };
  }
  // No SQLSTATE: the connection itself failed (PostgreSQL down, restarting, or killed mid-call).
  const transient = (err?.code && CONNECTION_ERRORS.has(err.code)) || /terminat|Connection|connect|ended/i.test(err?.message ?? '');
  return transient
    ? { status: 503, code: 'PGRST001', message: 'The team database is unreachable right now; Pacer will retry.', details: null, hint: null }
    : { status: 500, code: 'PGRST000', message: 'The gateway failed to run the call.', details: null, hint: null };
}

export async function startGateway(o: GatewayOptions): Promise<Gateway> {
  const key = secretKey(o.jwtSecret);
  const host = o.host ?? '127.0.0.1';
  if (!o.tls && !isLoopbackAddress(host)) {
    throw new Error(`Refusing to serve plain HTTP on ${host}: give a TLS certificate and key (PACER_TLS_CERT, PACER_TLS_KEY), or listen on loopback.`);
  }
  const log = o.log ?? (line => console.error(line));
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: o.poolSize ?? 10, connectionTimeoutMillis: 5000 });
  // An idle connection dropped by a PostgreSQL restart must not take the gateway down.
  pool.on('error', () => {});

  let signatures: Map<string, FunctionSig> | undefined;
  let signaturesLoadedAt = 0;
  const loadSignatures = async () => {
    const { rows } = await pool.query<{ name: string; arg_names: string[] | null; arg_types: string[]; defaults: number; volatility: string; returns: string }>(
      `SELECT p.proname AS name, p.proargnames AS arg_names, p.proargtypes::oid[]::regtype[]::text[] AS arg_types,
              p.pronargdefaults AS defaults, p.provolatile AS volatility, p.prorettype::regtype::text AS returns
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'api' AND p.prokind = 'f'`,
    );
    signatures = new Map(
      rows.map(r => [
        r.name,
        {
          args: r.arg_types.map((type, i) => ({ name: r.arg_names?.[i] ?? `$${i + 1}`, type })),
          optional: r.defaults,
          readOnly: r.volatility !== 'v',
          returnsJson: r.returns === 'jsonb' || r.returns === 'json',
        },
      ]),
    );
    signaturesLoadedAt = Date.now();
    return signatures;
  };

  const sockets = new Set<Socket>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(e => {
      log(`gateway: ${(e as Error).message}`);
      send(res, 500, { code: 'PGRST000', message: 'The gateway failed.', details: null, hint: null });
    });
  };
  const server = o.tls ? createHttpsServer({ cert: o.tls.cert, key: o.tls.key }, handler) : createHttpServer(handler);
  server.on('connection', s => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const origin = req.headers.origin;
    if (typeof origin === 'string' && EXTENSION_ORIGIN.test(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      // `apikey` is Supabase's gateway header: a rep who filled it in while pointing at this
      // gateway still passes the preflight (the value is ignored here; the token decides).
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, Prefer, apikey');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    // A token must never cross a network in clear text: plain HTTP serves loopback peers only.
    if (!o.tls && !isLoopbackAddress(req.socket.remoteAddress)) {
      return fail(res, { status: 426, code: 'PT426', message: 'Plain HTTP is refused except on loopback: use https.' });
    }
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, { ok: true });
    const match = /^\/rpc\/([a-z_][a-z0-9_]*)$/.exec(url.pathname);
    if (!match) return fail(res, { status: 404, code: 'PGRST202', message: `Not found: ${url.pathname}. Calls are POST /rpc/<function>.` });
    if (req.method !== 'POST') return fail(res, { status: 405, code: 'PGRST117', message: 'Only POST (and OPTIONS) are allowed.' });

    const auth = req.headers.authorization;
    const bearer = typeof auth === 'string' ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined;
    if (!bearer) return fail(res, { status: 401, code: 'PGRST302', message: 'No token: send Authorization: Bearer <token>.' });
    const verified = await verifyToken(key, bearer);
    if ('failure' in verified) return fail(res, { status: 401, ...verified.failure });

    let body: unknown;
    try {
      const raw = await readBody(req);
      body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch (e) {
      if ((e as Error).message === 'too large') {
        return fail(res, { status: 413, code: 'PT413', message: `The request is over ${MAX_BODY_BYTES / 1024 / 1024} MB: send smaller batches.` });
      }
      return fail(res, { status: 400, code: 'PGRST102', message: 'The body is not valid JSON.' });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return fail(res, { status: 400, code: 'PGRST102', message: 'The body must be a JSON object of named arguments.' });
    }

    let sig: FunctionSig | undefined;
    try {
      sig = (signatures ?? (await loadSignatures())).get(match[1]!);
      // A migration applied while we run: look again, at most every 10 s.
      if (!sig && Date.now() - signaturesLoadedAt > 10_000) sig = (await loadSignatures()).get(match[1]!);
    } catch (e) {
      return fail(res, toApiError(e));
    }
    const args = body as Record<string, unknown>;
    const unknown = Object.keys(args).filter(k => !sig?.args.some(a => a.name === k));
    const missing = sig?.args.slice(0, sig.args.length - sig.optional).filter(a => !Object.hasOwn(args, a.name)) ?? [];
    if (!sig || unknown.length || missing.length) {
      return fail(res, {
        status: 404,
        code: 'PGRST202',
        message: `Could not find the function api.${match[1]}(${Object.keys(args).sort().join(', ')}).`,
        hint: sig ? `It takes: ${sig.args.map(a => a.name).join(', ') || 'no arguments'}.` : null,
      });
    }
    const result = await call(verified.claims, match[1]!, sig, args);
    if ('error' in result) return fail(res, result.error);
    sendJson(res, 200, result.json);
  }

  async function call(claims: PacerClaims, fn: string, sig: FunctionSig, args: Record<string, unknown>): Promise<{ json: string } | { error: ApiError }> {
    const params: unknown[] = [];
    const named = sig.args
      .filter(a => Object.hasOwn(args, a.name))
      .map(a => {
        const v = args[a.name];
        params.push(v === null ? null : a.type === 'jsonb' || a.type === 'json' || typeof v === 'object' ? JSON.stringify(v) : String(v));
        return `"${a.name}" := $${params.length}::${a.type}`;
      });
    const invocation = `api."${fn}"(${named.join(', ')})`;
    const sql = `SELECT ${sig.returnsJson ? `${invocation}::text` : invocation} AS result`;
    // A pooled connection PostgreSQL dropped (a restart) fails on BEGIN, before anything ran:
    // then, and only then, the call is tried again on another connection (a few stale ones at most).
    for (let attempt = 0; ; attempt++) {
      const outcome = await callOnce(claims, fn, sig, sql, params);
      if ('retry' in outcome && attempt < 3) continue;
      return 'retry' in outcome ? { error: outcome.error } : outcome;
    }
  }

  async function callOnce(
    claims: PacerClaims,
    fn: string,
    sig: FunctionSig,
    sql: string,
    params: unknown[],
  ): Promise<{ json: string } | { error: ApiError } | { retry: true; error: ApiError }> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      return { error: toApiError(e) };
    }
    let broken = false;
    let begun = false;
    // PostgreSQL going away between two statements of this transaction is reported as an
    // 'error' event on the checked-out client; unhandled, it would take the gateway down.
    const onError = () => (broken = true);
    client.on('error', onError);
    try {
      await client.query(sig.readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
      begun = true;
      // The role comes from a verified token and is one of two names (tokens.ts), so quoting is enough.
      await client.query(`SET LOCAL ROLE "${claims.role}"`);
      await client.query("SELECT set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
      await client.query('SELECT api.check_token()');
      const { rows } = await client.query<{ result: unknown }>(sql, params);
      await client.query('COMMIT');
      const result = rows[0]?.result ?? null;
      return { json: sig.returnsJson && typeof result === 'string' ? result : JSON.stringify(result) };
    } catch (e) {
      const error = toApiError(e);
      if (error.status === 503 || error.code === 'PGRST000') broken = true;
      else await client.query('ROLLBACK').catch(() => (broken = true));
      if (!begun && broken) return { retry: true, error };
      if (error.status >= 500) log(`gateway: api.${fn} failed: ${error.code} ${error.message}`);
      return { error };
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${o.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    server,
    close: async () => {
      await new Promise<void>(resolve => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      await pool.end().catch(() => {});
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, value: unknown) {
  sendJson(res, status, JSON.stringify(value));
}

function sendJson(res: ServerResponse, status: number, body: string) {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function fail(res: ServerResponse, e: ApiError) {
  send(res, e.status, { code: e.code, message: e.message, details: e.details ?? null, hint: e.hint ?? null });
}

/** `npm run server -- --local | --demo`: a throwaway PostgreSQL on loopback, empty or with the demo team. */
async function mainLocal(demo: boolean) {
  const port = Number(process.env.PACER_PORT ?? 8787);
  let stop: () => Promise<void>;
  if (demo) {
    const { startDemoTeam } = await import('./demo-team');
    const team = await startDemoTeam({ port });
    stop = team.stop;
    console.log(`Pacer team server (demo team "${team.teamName}") on ${team.url}`);
    console.log(`Manager token (Morgan Lee):\n${team.managerToken}\nRep token (Sam Rivera):\n${team.repToken}`);
  } else {
    const { startLocalTeamServer } = await import('./local');
    const server = await startLocalTeamServer({ port, jwtSecret: process.env.PACER_JWT_SECRET });
    stop = server.stop;
    console.log(`Pacer team server on ${server.url}, PostgreSQL in a temporary directory (gone when this stops).`);
    console.log(`Admin commands in another terminal:\n  export PACER_ADMIN_DATABASE_URL=${server.postgres.url()} PACER_JWT_SECRET=${server.jwtSecret}`);
    console.log('  npm run server:admin -- team create acme "Acme Sales"');
  }
  const shutdown = () => stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** `npm run server`: configuration from the environment (README "Team server"). */
async function main() {
  const env = process.env;
  if (process.argv.includes('--local') || process.argv.includes('--demo')) return mainLocal(process.argv.includes('--demo'));
  const databaseUrl = env.PACER_DATABASE_URL;
  const jwtSecret = env.PACER_JWT_SECRET;
  if (!databaseUrl || !jwtSecret) {
    console.error('Set PACER_DATABASE_URL (the authenticator role) and PACER_JWT_SECRET; see README "Team server".');
    process.exit(2);
  }
  const tls = env.PACER_TLS_CERT && env.PACER_TLS_KEY ? { cert: readFileSync(env.PACER_TLS_CERT), key: readFileSync(env.PACER_TLS_KEY) } : undefined;
  const gateway = await startGateway({
    databaseUrl,
    jwtSecret,
    tls,
    host: env.PACER_HOST ?? (tls ? '0.0.0.0' : '127.0.0.1'),
    port: Number(env.PACER_PORT ?? 8787),
    poolSize: env.PACER_POOL_SIZE ? Number(env.PACER_POOL_SIZE) : undefined,
  });
  console.log(`Pacer team server listening on ${gateway.url}`);
  const stop = () => gateway.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch(e => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
