// Team sync browser tests: the REAL team server (server/local.ts: PostgreSQL on loopback
// and the gateway) and the built extension. Helpers to seed a team, configure Pacer the way
// a rep does (the options page), hand the background captured events, and read the server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { startLocalTeamServer, type LocalTeamServer } from '../../server/local';
import type { ExtensionBrowser } from '../../scripts/lib/browser';
import type { ActivityEvent } from '../../lib/model';

export interface TeamFixture {
  server: LocalTeamServer;
  tokens: Record<string, string>;
}

/** A team with reps and a manager, each with a token. */
export async function startTeam(team = 'acme', members: { id: string; name: string; role: 'rep' | 'manager'; territory?: string }[] = [
  { id: 'sam', name: 'Sam Rivera', role: 'rep', territory: 'West' },
  { id: 'maria', name: 'Maria Lopez', role: 'manager' },
], options: { shareNames?: boolean } = {}): Promise<TeamFixture> {
  const server = await startLocalTeamServer();
  await server.admin.createTeam(team, 'Acme Sales', options);
  const tokens: Record<string, string> = {};
  for (const m of members) {
    await server.admin.addMember(team, m.id, m.name, m.role, m.territory);
    tokens[m.id] = (await server.admin.issueToken(team, m.id)).token;
  }
  return { server, tokens };
}

/** Fills Options → Team sync as a rep would, saves, and turns sync on when asked. */
export async function configureSync(options: Page, url: string, token: string, enable = true): Promise<void> {
  await options.locator('#team-url').fill(url);
  await options.locator('#team-token').fill(token);
  await options.getByRole('button', { name: 'Save team server' }).click();
  await options.locator('.team-sync [role=status]', { hasText: 'Saved.' }).waitFor();
  const sw = options.getByRole('switch', { name: 'Team sync' });
  if (enable && !(await sw.isChecked())) await sw.click();
  if (enable) await options.waitForFunction(() => (document.querySelector<HTMLInputElement>('.team-sync input[role=switch]')?.checked ?? false) === true);
}

/** Calls made the way content scripts do: a `capture` message to the background (its one write path). */
export async function captureEvents(page: Page, events: ActivityEvent[], perBatch = 250): Promise<void> {
  for (let i = 0; i < events.length; i += perBatch) {
    const batch = { batchId: crypto.randomUUID(), site: 'salesforce', seenAt: new Date().toISOString(), events: events.slice(i, i + perBatch), deals: [] };
    await page.evaluate(b => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ pacer: 'capture', data: b }), batch);
  }
}

export const calls = (n: number, prefix: string, day = '2026-11-02'): ActivityEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${String(i).padStart(5, '0')}`,
    type: 'call' as const,
    at: new Date(Date.parse(`${day}T09:00:00Z`) + i * 1000).toISOString(),
    site: 'salesforce' as const,
    url: `https://acme.lightning.force.com/lightning/r/Task/00T${i}/view`,
    capturedAt: new Date().toISOString(),
    person: { name: `Person ${i}`, crmId: `salesforce:003${i}` },
    meta: { outcome: i % 3 ? 'No answer' : 'Connected', subject: `Call ${i} about the secret budget` },
  }));

/** The ids the server holds for a rep, straight from PostgreSQL (the owner's connection). */
export async function serverIds(server: LocalTeamServer, team: string, rep: string): Promise<string[]> {
  const { rows } = await server.db.query<{ id: string }>('SELECT id FROM pacer.events WHERE team = $1 AND rep = $2 ORDER BY id', [team, rep]);
  return rows.map(r => r.id);
}

/** The event ids in the extension's IndexedDB, read with the raw API from one of its pages. */
export async function localIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('pacer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('events').objectStore('events').getAllKeys();
          req.onsuccess = () => (open.result.close(), resolve((req.result as string[]).sort()));
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

export async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined | false;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await new Promise(r => setTimeout(r, everyMs));
  }
  throw new Error(`Timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export async function stopAll(browser: ExtensionBrowser | undefined, team: TeamFixture | undefined) {
  await browser?.close().catch(() => {});
  await team?.server.stop().catch(() => {});
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is (run through the DevTools protocol, past the page's CSP). */
export async function seriousViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter(v => v.impact === 'serious' || v.impact === 'critical')
      .map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }));
  });
}
