// The popup's team data (issue #7): the team summary for the chosen period, fetched from
// the team server and kept per period in storage.local, so the popup still shows the last
// pulled numbers offline ("as of <time>"). The token is read here and sent only to the
// configured server.
import { storage } from '#imports';
import { t } from './i18n';
import type { Plan } from './metrics/plan';
import { TeamClient, type TeamSummary, type WhoAmI } from './sync-client';
import { syncStatus, teamApiKey, teamSyncSettings, teamToken } from './sync-state';
import { periodRange, type TeamPeriod } from './sync-team';
import { checkApiKey } from './sync-api-key';
import { checkServerUrl } from './sync-url';

export interface Snapshot {
  /** When this browser received it. */
  fetchedAt: string;
  summary: TeamSummary;
}

/** The last summary pulled per period range (`from|to`), the newest few only. */
export const teamSnapshots = storage.defineItem<Record<string, Snapshot>>('local:teamSnapshots', { fallback: {} });
const KEEP = 12;

export type TeamState =
  | { status: 'loading' }
  | { status: 'ready'; snapshot: Snapshot; /** Set when this is the stored copy because the server could not be reached. */ stale?: string; refreshing?: boolean }
  | { status: 'error'; message: string };

export interface TeamConnection {
  client: TeamClient;
  whoami: WhoAmI | undefined;
}

/** The configured team server, or null while sync is off or unconfigured: the popup then stays personal. */
export async function teamConnection(): Promise<TeamConnection | null> {
  const [settings, token, apiKey, status] = await Promise.all([teamSyncSettings.getValue(), teamToken.getValue(), teamApiKey.getValue(), syncStatus.getValue()]);
  const url = checkServerUrl(settings.url);
  if (!settings.enabled || !url.ok || !token) return null;
  // A refused key (a secret one) is never sent: the call then fails as Supabase says, and the background's status says why.
  const key = checkApiKey(apiKey);
  return { client: new TeamClient({ url: url.url, token, apiKey: key.ok ? key.key : '', timeoutMs: 15_000 }), whoami: status.whoami };
}

export async function storeSnapshot(key: string, snapshot: Snapshot): Promise<void> {
  const all = await teamSnapshots.getValue();
  const kept = Object.entries({ ...all, [key]: snapshot })
    .sort((a, b) => b[1].fetchedAt.localeCompare(a[1].fetchedAt))
    .slice(0, KEEP);
  await teamSnapshots.setValue(Object.fromEntries(kept));
}

/**
 * Shows the stored snapshot at once (if any), then the server's fresh one; when the server
 * cannot be reached, keeps the stored one and says why. `emit` gets each state in turn.
 */
export async function loadTeamSummary(conn: TeamConnection, period: TeamPeriod, plan: Plan, now: Date, emit: (s: TeamState) => void): Promise<void> {
  let range: ReturnType<typeof periodRange>;
  try {
    range = periodRange(period, now, plan);
  } catch (error) {
    return emit({ status: 'error', message: t('syncErrPeriod', error instanceof Error ? error.message : String(error)) });
  }
  const key = `${range.from}|${range.to}`;
  const stored = (await teamSnapshots.getValue())[key];
  emit(stored ? { status: 'ready', snapshot: stored, refreshing: true } : { status: 'loading' });
  try {
    const summary = await conn.client.teamSummary(range.from, range.to);
    const snapshot = { fetchedAt: new Date().toISOString(), summary };
    await storeSnapshot(key, snapshot);
    emit({ status: 'ready', snapshot });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    emit(stored ? { status: 'ready', snapshot: stored, stale: message } : { status: 'error', message });
  }
}
