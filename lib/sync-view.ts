// Words for team sync's state, shared by the options page, the side panel and the popup.
// Pure: tested without a DOM.
import type { Plan } from './metrics/plan';
import type { WhoAmI } from './sync-client';
import { planSource } from './sync-plan';
import type { SyncStatus, TeamPlanState, Waiting } from './sync-state';

export const formatTime = (iso: string | undefined, now = new Date()): string => {
  if (!iso) return 'never';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return 'unknown';
  const sameDay = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(undefined, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(at);
};

export const roleLabel = (role: WhoAmI['role']) => (role === 'manager' ? 'manager' : 'rep');

/** "Acme Sales · Sam Rivera (rep, West)" */
export function whoamiLine(who: WhoAmI): string {
  const details = [roleLabel(who.role), who.territory].filter(Boolean).join(', ');
  return `${who.teamName} · ${who.repName ?? who.rep} (${details})`;
}

export function waitingLine(w: Waiting): string {
  const parts = [
    `${w.events} ${w.events === 1 ? 'event' : 'events'}`,
    ...(w.deals ? [`${w.deals} ${w.deals === 1 ? 'deal' : 'deals'}`] : []),
    ...(w.erasures ? [`${w.erasures} ${w.erasures === 1 ? 'erasure' : 'erasures'}`] : []),
  ];
  return `${parts.join(', ')} waiting`;
}

/** One line for the side panel: "Team sync: last sync 14:02 · 0 events waiting" or the error. */
export function syncLine(enabled: boolean, status: SyncStatus, waiting: Waiting, now = new Date()): { text: string; error: boolean } {
  if (!enabled) return { text: 'Team sync is off: everything stays in this browser.', error: false };
  const base = `Team sync: last sync ${formatTime(status.lastSyncAt, now)} · ${waitingLine(waiting)}`;
  if (status.lastError) return { text: `${base}. ${status.lastError}${status.nextRetryAt ? ` Next try ${formatTime(status.nextRetryAt, now)}.` : ''}`, error: true };
  return { text: base, error: false };
}

/** Which plan is in force, in words. */
export function planLine(enabled: boolean, local: Plan, team: TeamPlanState | null, now = new Date()): string | null {
  if (!team) return null;
  const source = planSource(local, team);
  if (source === 'team' && enabled) {
    const what = team.fromAllocation ? `your allocation${team.territory ? ` (${team.territory})` : ''}` : "the team's quota";
    const replaced = team.replacedLocalEditAt ? ` Your own edit was replaced by it at ${formatTime(team.replacedLocalEditAt, now)}: ask your manager to change the team's plan.` : '';
    return `Plan in force: from your team, ${team.teamName} (quota: ${what}; pulled ${formatTime(team.pulledAt, now)}).${replaced}`;
  }
  if (!enabled) return `Plan in force: your own. Your team's plan (${team.teamName}) applies while team sync is on.`;
  return `Plan in force: your own, until the next sync puts your team's plan (${team.teamName}) back.`;
}
