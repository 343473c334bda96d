// Shared by the team server tests: HTTP calls the way the extension makes them, and a team
// seeded through the admin commands.
import type { LocalTeamServer } from '../../server/local';

export interface Answer<T = any> {
  status: number;
  body: T;
}

export async function rpc<T = any>(baseUrl: string, token: string | undefined, fn: string, args: unknown = {}, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const res = await fetch(`${baseUrl}/rpc/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof args === 'string' ? args : JSON.stringify(args),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export interface Member {
  id: string;
  name: string;
  role: 'rep' | 'manager';
  territory?: string;
}

/** Creates the team and its members; returns a token per member id. */
export async function seedTeam(server: LocalTeamServer, team: string, name: string, members: Member[], options: { shareNames?: boolean } = {}) {
  await server.admin.createTeam(team, name, options);
  const tokens: Record<string, string> = {};
  const jtis: Record<string, string> = {};
  for (const m of members) {
    await server.admin.addMember(team, m.id, m.name, m.role, m.territory);
    const issued = await server.admin.issueToken(team, m.id);
    tokens[m.id] = issued.token;
    jtis[m.id] = issued.jti;
  }
  return { tokens, jtis };
}

let n = 0;
/** A valid ServerEvent; `over` replaces fields. */
export function event(over: Record<string, unknown> = {}) {
  n++;
  return { id: `ev-${Date.now().toString(36)}-${n}`, type: 'call', at: '2026-11-02T10:00:00.000Z', site: 'salesforce', meta: { outcome: 'Connected' }, ...over };
}
