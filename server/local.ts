// A whole team server on loopback: a throwaway PostgreSQL (pg-local.ts) with the migrations,
// the gateway connected as `authenticator`, and an Admin on the owner's connection. Tests, the
// benchmark and the demo start it; `npm run server -- --local` is the same for trying it out.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Admin } from './admin';
import { startGateway, type Gateway, type GatewayOptions } from './gateway';
import { startLocalPostgres, type LocalPostgres } from './pg-local';

export interface LocalTeamServer {
  readonly url: string;
  readonly jwtSecret: string;
  readonly postgres: LocalPostgres;
  readonly gateway: Gateway;
  /** Owner connection pool (admin commands, direct checks in tests). */
  readonly db: pg.Pool;
  readonly admin: Admin;
  /** Stops and starts the gateway on the same port (a gateway crash/restart). */
  restartGateway(): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalTeamServer(
  options: { jwtSecret?: string; port?: number; gateway?: Partial<GatewayOptions> } = {},
): Promise<LocalTeamServer> {
  const jwtSecret = options.jwtSecret ?? randomBytes(32).toString('base64url');
  const postgres = await startLocalPostgres();
  const db = new pg.Pool({ connectionString: postgres.url(), max: 4 });
  db.on('error', () => {});
  const gatewayOptions = () => ({
    databaseUrl: postgres.url('authenticator'),
    jwtSecret,
    host: '127.0.0.1',
    log: () => {},
    ...options.gateway,
  });
  let gateway = await startGateway({ ...gatewayOptions(), port: options.port ?? 0 });
  const port = Number(new URL(gateway.url).port);
  const admin = new Admin(db, jwtSecret);
  return {
    get url() {
      return gateway.url;
    },
    jwtSecret,
    postgres,
    get gateway() {
      return gateway;
    },
    db,
    admin,
    restartGateway: async () => {
      await gateway.close();
      gateway = await startGateway({ ...gatewayOptions(), port });
    },
    stop: async () => {
      await gateway.close();
      await db.end().catch(() => {});
      await postgres.stop();
    },
  };
}
