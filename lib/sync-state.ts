// Team sync's settings and state (issue #7). Everything here is `local:` storage:
// the token above all never goes to `sync:` storage, which the browser copies to the
// rep's other machines and to its vendor's servers. Progress on *what* was pushed
// lives in IndexedDB (lib/db.ts v5), beside the events, so a killed worker resumes.
import { storage } from '#imports';
import type { Feedback, WhoAmI } from './sync-client';
import type { Plan, PlanRevision } from './metrics/plan';

export interface TeamSyncSettings {
  /** The team server's base URL as the rep typed it (checked by checkServerUrl before use). */
  url: string;
  /** Off by default: Pacer is local-first, nothing leaves the browser until the rep turns this on. */
  enabled: boolean;
}

export const teamSyncSettings = storage.defineItem<TeamSyncSettings>('local:teamSync', {
  fallback: { url: '', enabled: false },
  version: 1,
});

/** The rep's team token (a JWT). Local only; shown nowhere, logged nowhere. */
export const teamToken = storage.defineItem<string>('local:teamToken', { fallback: '' });

/**
 * Supabase's `apikey` header (lib/sync-api-key.ts): '' sends none. A publishable key is made
 * to be public, but it still names the team's project, so it follows the token's rule: local only.
 */
export const teamApiKey = storage.defineItem<string>('local:teamApiKey', { fallback: '' });

export interface Waiting {
  events: number;
  deals: number;
  erasures: number;
}

export interface SyncStatus {
  /** When a run last finished with everything pushed and pulled. */
  lastSyncAt?: string;
  /** When the plan and the feedback were last pulled. */
  lastPullAt?: string;
  lastAttemptAt?: string;
  /** The last failure in words; absent after a successful run. */
  lastError?: string;
  /** Failures in a row, for the backoff. */
  failures: number;
  /** When the next retry is due after a failure. */
  nextRetryAt?: string;
  /** What is still to be sent, as of the last run. */
  waiting: Waiting;
  /** Events the server refused one by one (malformed): kept locally, retried only when the rep asks (`retryRefused`), which re-counts them. */
  rejected: number;
  /** Who the token says we are, as of the last successful whoami. */
  whoami?: WhoAmI;
  /** `url|team|rep` the pushed-ids bookkeeping belongs to: another server or rep starts over. */
  identity?: string;
}

export const NO_WAITING: Waiting = { events: 0, deals: 0, erasures: 0 };

export const syncStatus = storage.defineItem<SyncStatus>('local:syncStatus', {
  fallback: { failures: 0, waiting: NO_WAITING, rejected: 0 },
});

/** The team's plan and this rep's allocation, as last pulled: the plan in force while sync is on. */
export interface TeamPlanState {
  teamName: string;
  pulledAt: string;
  /** The team plan (server/API.md team_plan), or null when the team has only allocated quota. */
  plan: Plan | null;
  /** This rep's quota revisions (the allocation), else the team's. */
  annual: PlanRevision[];
  /** Whether `annual` is this rep's allocation (true) or the team's whole quota (false). */
  fromAllocation: boolean;
  territory: string | null;
  /** When the rep's own edit was last replaced by the team's plan. */
  replacedLocalEditAt?: string;
}

export const teamPlan = storage.defineItem<TeamPlanState | null>('local:teamPlan', { fallback: null });

/** The manager's kudos and focus for this week, for the side panel. */
export const teamFeedback = storage.defineItem<(Feedback & { pulledAt: string }) | null>('local:teamFeedback', { fallback: null });
