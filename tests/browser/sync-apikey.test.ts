// Team sync through a Supabase-like API gateway: the built extension sends the `apikey`
// header the rep set, from the options page ("Test connection") and from the service worker
// (the background push). The gateway here is a small recording proxy in front of the REAL
// team server (server/local.ts): like Supabase's, it refuses a call without `apikey`; unlike
// it, it forwards CORS preflights untouched, so they pass only because our gateway allows
// `apikey` (server/gateway.ts). They are real preflights: the manifest grants no host
// permission for the team server, so extension pages and the worker are bound by CORS, and
// every call (Authorization, apikey) is preflighted.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { calls, captureEvents, configureSync, seriousViolations, serverIds, startTeam, stopAll, until, type TeamFixture } from './sync-helpers';

const KEY = 'sb_publishable_Xk3vP9qLr2TmW8sYc1NbVg_4hJdE0aF';

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/** Supabase's gateway in miniature: no `apikey`, no call; everything else goes to the gateway as it came. */
function startKeyedProxy(target: string): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const to = new URL(target);
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    if (req.method !== 'OPTIONS' && !req.headers.apikey) {
      res.writeHead(401, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': req.headers.origin ?? '*' });
      res.end(JSON.stringify({ message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' }));
      return;
    }
    const upstream = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, answer => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server })));
}

let team: TeamFixture;
let proxy: Awaited<ReturnType<typeof startKeyedProxy>>;
let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  team = await startTeam();
  proxy = await startKeyedProxy(team.server.url);
  browser = await launchWithExtension();
  options = await browser.extensionPage('options.html');
}, 180_000);
afterAll(async () => {
  await stopAll(browser, team);
  await new Promise(r => proxy?.server.close(r));
});

describe('team sync through a gateway that wants an apikey', () => {
  it('the connection test says the key is missing, then connects once it is filled in', async () => {
    const check = options.locator('[data-testid="team-check"]');
    await options.locator('#team-url').fill(proxy.url);
    await options.locator('#team-token').fill(team.tokens.sam!);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => check.textContent(), { timeout: 15_000 }).toMatch(/^The server refused the API key: No API key found in request/);

    await options.getByLabel('API key (Supabase only)').fill(KEY);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => check.textContent(), { timeout: 15_000 }).toBe('Connected: Acme Sales · Sam Rivera (rep, West).');
    // The preflight asked for apikey and our gateway allowed it: the call went through.
    const preflight = proxy.seen.find(s => s.method === 'OPTIONS' && /\bapikey\b/.test(String(s.headers['access-control-request-headers'])));
    expect(preflight).toBeTruthy();
    expect(proxy.seen.filter(s => s.method === 'POST').at(-1)!.headers.apikey).toBe(KEY);
  });

  it('the background sends it on every call, and it stays out of sync storage', async () => {
    await configureSync(options, proxy.url, team.tokens.sam!);
    const before = proxy.seen.length;
    await captureEvents(options, calls(5, 'keyed'));
    await until('the events on the server', async () => (await serverIds(team.server, 'acme', 'sam')).filter(id => id.startsWith('keyed-')).length === 5);
    const posts = proxy.seen.slice(before).filter(s => s.method === 'POST');
    expect(posts.map(s => s.path)).toContain('/rpc/push_events');
    for (const post of posts) expect(post.headers.apikey, post.path).toBe(KEY);
    const stored = await options.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { sync: { get(): Promise<object> }; local: { get(): Promise<object> } } } }).chrome;
      return { sync: JSON.stringify(await c.storage.sync.get()), local: JSON.stringify(await c.storage.local.get()) };
    });
    expect(stored.local).toContain(KEY);
    expect(stored.sync).not.toContain(KEY);
  });

  it('refuses a secret key inline, keeps the key it had, and the refusal passes axe', async () => {
    const secret = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';
    await options.getByLabel('API key (Supabase only)').fill(secret);
    await options.getByRole('button', { name: 'Save team server' }).click();
    await expect.poll(() => options.locator('#team-apikey-error').textContent()).toMatch(/^That is a secret key/);
    expect(await options.getByLabel('API key (Supabase only)').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(options)).toEqual([]);
    const local = await options.evaluate(async () => JSON.stringify(await (globalThis as unknown as { chrome: { storage: { local: { get(): Promise<object> } } } }).chrome.storage.local.get()));
    expect(local).not.toContain(secret);
    expect(local).toContain(KEY);
  });
});
