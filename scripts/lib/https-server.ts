// A small HTTPS server that answers under real host names, for the demo and the
// browser tests. Chromium is started with `--host-resolver-rules=<hostResolverRules(…)>`
// and `--ignore-certificate-errors`, so `https://acme.lightning.force.com/…` reaches
// this server on 127.0.0.1 and content scripts see the host they match in production.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface RouteRequest {
  /** The Host header, lower-cased, without the port. */
  host: string;
  /** The URL path, without the query string. */
  path: string;
  query: URLSearchParams;
  method: string;
  body: string;
}

export interface RouteResponse {
  /** 200 unless told. */
  status?: number;
  /** The Content-Type; `text/html; charset=utf-8` unless told. */
  type?: string;
  body: string;
}

export interface Route {
  host: RegExp;
  path: RegExp;
  handle(req: RouteRequest): RouteResponse | Promise<RouteResponse>;
}

export interface HttpsServer {
  port: number;
  /** The address a browser started with `hostResolverRules(port, …)` opens: port 443, which the rules map here. */
  url(host: string, path: string): string;
  close(): Promise<void>;
}

interface Pems {
  key: string;
  cert: string;
}

// One certificate per process: generating it takes tens of milliseconds, and
// browsers launched with --ignore-certificate-errors never look at its names.
let pems: Promise<Pems> | undefined;

function certificate(): Promise<Pems> {
  pems ??= generate([{ name: 'commonName', value: 'pacer-test-server' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  }).then(
    result => ({ key: result.private, cert: result.cert }),
    (error: unknown) => {
      pems = undefined; // let the next start try again
      throw error;
    },
  );
  return pems;
}

/** `acme.lightning.force.com:8443` → `acme.lightning.force.com`; `[::1]:8443` → `::1`. */
export function hostWithoutPort(header: string | undefined): string {
  const value = (header ?? '').trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return value.slice(1, end > 0 ? end : undefined);
  }
  const colon = value.lastIndexOf(':');
  return colon >= 0 ? value.slice(0, colon) : value;
}

// RegExp.test on a /g or /y pattern resumes from lastIndex, so the same route
// would match every other request.
const matches = (pattern: RegExp, text: string) => {
  pattern.lastIndex = 0;
  return pattern.test(text);
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

async function answer(routes: readonly Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const host = hostWithoutPort(req.headers.host);
  const target = new URL(req.url ?? '/', 'https://placeholder.invalid');
  const path = target.pathname;
  const route = routes.find(r => matches(r.host, host) && matches(r.path, path));
  if (!route) {
    req.resume(); // drain any body so the connection can be reused
    send(res, 404, 'text/plain; charset=utf-8', `Not found: ${host}${path}\n`);
    return;
  }
  const body = await readBody(req);
  const reply = await route.handle({ host, path, query: target.searchParams, method: req.method ?? 'GET', body });
  send(res, reply.status ?? 200, reply.type ?? 'text/html; charset=utf-8', reply.body);
}

/** Serves `routes` over HTTPS on 127.0.0.1; the first route whose host and path match answers. */
export async function startHttpsServer(routes: Route[], opts: { port?: number } = {}): Promise<HttpsServer> {
  const { key, cert } = await certificate();
  const server: Server = createServer({ key, cert }, (req, res) => {
    answer(routes, req, res).catch((error: unknown) => {
      // A failing handler is a bug in the test or demo: say so in the page, loudly.
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      if (res.headersSent) res.destroy();
      else send(res, 500, 'text/plain; charset=utf-8', `Route failed: ${message}\n`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url: (host, path) => `https://${host}${path.startsWith('/') ? path : `/${path}`}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

/**
 * The value for Chromium's `--host-resolver-rules=`: every `host:443` (wildcards such as
 * `*.lightning.force.com` allowed) goes to this server. Other hosts still resolve normally.
 */
export function hostResolverRules(port: number, hosts: string[]): string {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new RangeError(`Not a TCP port: ${port}`);
  if (hosts.length === 0) throw new RangeError('hostResolverRules needs at least one host');
  for (const host of hosts) {
    if (!/^[a-z0-9*.-]+$/i.test(host)) throw new RangeError(`Not a host name pattern: ${JSON.stringify(host)}`);
  }
  return hosts.map(host => `MAP ${host}:443 127.0.0.1:${port}`).join(', ');
}
