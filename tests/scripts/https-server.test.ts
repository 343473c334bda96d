/** @vitest-environment node */
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostResolverRules, hostWithoutPort, startHttpsServer, type RouteRequest } from '../../scripts/lib/https-server';

interface Reply {
  status: number;
  type: string | undefined;
  body: string;
}

/** What Chromium does with --host-resolver-rules: connect to 127.0.0.1, but speak to `host`. */
function fetchAs(port: number, host: string, path: string, init: { method?: string; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { Host: host }, servername: host, rejectUnauthorized: false, agent: false },
      res => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('startHttpsServer', () => {
  const seen: RouteRequest[] = [];
  let server: Awaited<ReturnType<typeof startHttpsServer>>;

  beforeAll(async () => {
    server = await startHttpsServer([
      {
        host: /\.lightning\.force\.com$/,
        path: /^\/lightning\/r\/Opportunity\/\w+\/view$/,
        handle: req => {
          seen.push(req);
          return { body: `<h1>Opportunity on ${req.host}</h1>` };
        },
      },
      {
        host: /^www\.linkedin\.com$/,
        path: /^\/api\//g, // a /g pattern must still match every request
        handle: async req => ({ status: 201, type: 'application/json', body: JSON.stringify({ q: req.query.get('q'), got: req.body, method: req.method }) }),
      },
      {
        host: /^broken\.example$/,
        path: /.*/,
        handle: () => {
          throw new Error('handler exploded');
        },
      },
    ]);
  }, 30_000);

  afterAll(() => server?.close());

  it('listens on a random port', () => {
    expect(server.port).toBeGreaterThan(0);
  });

  it('answers a matching host and path', async () => {
    const reply = await fetchAs(server.port, 'acme.lightning.force.com', '/lightning/r/Opportunity/006Hs00001AbCdEfGh/view?ws=1');
    expect(reply).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<h1>Opportunity on acme.lightning.force.com</h1>' });
    expect(seen.at(-1)).toMatchObject({ host: 'acme.lightning.force.com', path: '/lightning/r/Opportunity/006Hs00001AbCdEfGh/view', method: 'GET', body: '' });
    expect(seen.at(-1)?.query.get('ws')).toBe('1');
  });

  it('takes the host from the Host header without its port', async () => {
    const reply = await fetchAs(server.port, `acme.lightning.force.com:${server.port}`, '/lightning/r/Opportunity/006x/view');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('<h1>Opportunity on acme.lightning.force.com</h1>');
  });

  it('passes method, query and body, and honours status and type', async () => {
    for (let i = 0; i < 2; i++) {
      const reply = await fetchAs(server.port, 'www.linkedin.com', '/api/search?q=sam', { method: 'POST', body: 'hello' });
      expect(reply).toEqual({ status: 201, type: 'application/json', body: '{"q":"sam","got":"hello","method":"POST"}' });
    }
  });

  it.each([
    ['an unknown host', 'www.example.com', '/lightning/r/Opportunity/006x/view'],
    ['an unknown path', 'acme.lightning.force.com', '/lightning/o/Opportunity/list'],
  ])('answers 404 for %s', async (_name, host, path) => {
    const reply = await fetchAs(server.port, host, path);
    expect(reply.status).toBe(404);
    expect(reply.body).toBe(`Not found: ${host}${path}\n`);
  });

  it('answers 500 when a handler throws', async () => {
    const reply = await fetchAs(server.port, 'broken.example', '/');
    expect(reply.status).toBe(500);
    expect(reply.body).toContain('handler exploded');
  });

  it('builds the URL a mapped browser opens', () => {
    expect(server.url('www.linkedin.com', '/in/sam-rivera/')).toBe('https://www.linkedin.com/in/sam-rivera/');
    expect(server.url('acme.lightning.force.com', 'lightning/page/home')).toBe('https://acme.lightning.force.com/lightning/page/home');
  });
});

describe('close', () => {
  it('stops listening', async () => {
    const server = await startHttpsServer([{ host: /.*/, path: /.*/, handle: () => ({ body: 'ok' }) }]);
    expect((await fetchAs(server.port, 'a.example', '/')).body).toBe('ok');
    await server.close();
    await expect(fetchAs(server.port, 'a.example', '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('hostWithoutPort', () => {
  it.each([
    ['acme.lightning.force.com', 'acme.lightning.force.com'],
    ['WWW.LinkedIn.com:8443', 'www.linkedin.com'],
    ['[::1]:8443', '::1'],
    [undefined, ''],
  ])('%s → %s', (header, host) => expect(hostWithoutPort(header)).toBe(host));
});

describe('hostResolverRules', () => {
  it('maps every host on port 443 to the server, and nothing else', () => {
    expect(hostResolverRules(8443, ['*.lightning.force.com', 'www.linkedin.com'])).toBe(
      'MAP *.lightning.force.com:443 127.0.0.1:8443, MAP www.linkedin.com:443 127.0.0.1:8443',
    );
  });

  it.each([
    [0, ['www.linkedin.com']],
    [8443, []],
    [8443, ['www.linkedin.com, MAP * 1.2.3.4']],
  ] as const)('refuses port %i with hosts %j', (port, hosts) => {
    expect(() => hostResolverRules(port, [...hosts])).toThrow(RangeError);
  });
});
