// Words for team sync's state, shared by the options page, the side panel and the popup.
// Pure: tested without a DOM; the words come from the locale files (lib/i18n.ts).
import { t, tPlural, uiLocale } from './i18n';
import type { Plan } from './metrics/plan';
import type { WhoAmI } from './sync-client';
import { planSource } from './sync-plan';
import type { SyncStatus, TeamPlanState, Waiting } from './sync-state';


export const formatTime = (iso: string | undefined, now = new Date()): string => {
  if (!iso) return t('syncNever');
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return t('syncUnknown');
  const sameDay = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(uiLocale(), sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(at);
};

export const roleLabel = (role: WhoAmI['role']) => t(role === 'manager' ? 'syncRoleManager' : 'syncRoleRep');

/** "Acme Sales · Sam Rivera (rep, West)" */
export function whoamiLine(who: WhoAmI): string {
  const details = [roleLabel(who.role), who.territory].filter(Boolean).join(', ');
  return `${who.teamName} · ${who.repName ?? who.rep} (${details})`;
}

export function waitingLine(w: Waiting): string {
  const parts = [
    tPlural(w.events, 'syncEventsOne', 'syncEventsOther'),
    ...(w.deals ? [tPlural(w.deals, 'syncDealsOne', 'syncDealsOther')] : []),
    ...(w.erasures ? [tPlural(w.erasures, 'syncErasuresOne', 'syncErasuresOther')] : []),
  ];
  return t('syncWaiting', parts.join(', '));
}

/** One line for the side panel: "Team sync: last sync 14:02 · 0 events waiting" or the error. */
export function syncLine(enabled: boolean, status: SyncStatus, waiting: Waiting, now = new Date()): { text: string; error: boolean } {
  if (!enabled) return { text: t('syncOff'), error: false };
  const base = t('syncLine', [formatTime(status.lastSyncAt, now), waitingLine(waiting)]);
  if (status.lastError) return { text: `${base}. ${errorWithRetry(status, now)}`, error: true };
  return { text: base, error: false };
}

/** The last error, and when the next try is due: "Can't reach … Next try 14:07." */
export function errorWithRetry(status: Pick<SyncStatus, 'lastError' | 'nextRetryAt'>, now = new Date()): string {
  return `${status.lastError ?? ''}${status.nextRetryAt ? ` ${t('syncNextTry', formatTime(status.nextRetryAt, now))}` : ''}`;
}

/** Which plan is in force, in words. */
export function planLine(enabled: boolean, local: Plan, team: TeamPlanState | null, now = new Date()): string | null {
  if (!team) return null;
  const source = planSource(local, team);
  if (source === 'team' && enabled) {
    const what = team.fromAllocation ? (team.territory ? t('syncPlanYourAllocationIn', team.territory) : t('syncPlanYourAllocation')) : t('syncPlanTeamQuota');
    const replaced = team.replacedLocalEditAt ? ` ${t('syncPlanReplaced', formatTime(team.replacedLocalEditAt, now))}` : '';
    return `${t('syncPlanTeam', [team.teamName, what, formatTime(team.pulledAt, now)])}${replaced}`;
  }
  if (!enabled) return t('syncPlanOwnOff', team.teamName);
  return t('syncPlanOwnUntil', team.teamName);
}
