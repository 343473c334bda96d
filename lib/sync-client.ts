// The team server's HTTP API (server/API.md): PostgREST conventions, so the same
// client talks to our gateway, to PostgREST or to Supabase over the same migrations.
// Every failure becomes a SyncError with a sentence a rep can act on. The token goes
// into the Authorization header and nowhere else: never into a message, never a log.
// Supabase's `apikey` (lib/sync-api-key.ts) is treated the same way, in its own header.
import { t } from './i18n';
import type { ServerDeal, ServerEvent } from './sync-map';
import type { Driver } from './metrics/drivers';
import type { Plan, PlanRevision } from './metrics/plan';
import { anyReply, eraseReply, feedbackReply, pushReply, repReviewReply, revisionReply, teamPlanReply, teamSummaryReply, whoamiReply, type ReplyCheck } from './sync-reply';

export type TeamRole = 'rep' | 'manager';

export interface WhoAmI {
  team: string;
  teamName: string;
  /** Reps in the team (managers not counted). */
  teamSize: number;
  rep: string;
  repName: string | null;
  role: TeamRole;
  territory: string | null;
  shareNames: boolean;
}

export interface RepAllocation {
  rep: string;
  repName: string | null;
  territory: string | null;
  annual: PlanRevision[];
  updatedAt: string;
}

export interface TeamPlanAnswer {
  /** The team plan in force today (a whole Plan); its `annual` is the team's quota. */
  plan: Plan | null;
  /** The caller's own allocation: their quota revisions. */
  allocation: RepAllocation | null;
  /** Every revision of the team plan, oldest first (the server keeps them all). */
  planRevisions?: TeamPlanRevision[];
  /** Every rep's allocation for a manager; the caller's only for a rep. */
  allocations?: RepAllocation[];
}

export interface TeamPlanRevision {
  revision: number;
  effective_from: string;
  set_at: string;
  set_by: string;
}

export interface Feedback {
  week: string;
  kudos: string | null;
  focus: string | null;
  by?: string | null;
  updatedAt?: string | null;
}

export type DriverNumbers = Partial<Record<Driver, number>>;

/** `rep_review`: the weekly 1:1 review of one rep, as the manager sees it. */
export interface RepReview {
  rep: string;
  repName: string | null;
  week: string;
  thisWeek: DriverNumbers;
  lastWeek: DriverNumbers;
  targets: DriverNumbers;
  activityScore: { thisWeek: number; lastWeek: number };
  kudos: string | null;
  focus: string | null;
  updatedAt: string | null;
}

export interface Pacing {
  expected: number;
  actual: number;
  delta: number;
}

export type Tier = 'calls' | 'meetings' | 'proposals' | 'deals';

export interface RepRow {
  rep: string;
  repName: string | null;
  territory: string | null;
  rank: number;
  quota: number | null;
  won: number;
  attainment: number | null;
  pacing: Pacing | null;
  activityScore: number;
  winRate: number | null;
  wonCount: number;
  lostCount: number;
  pipeline: number;
  pipelineCount: number;
  drivers: Partial<Record<Driver, { actual: number; target: number | null }>>;
  behind: boolean;
  behindTier: Tier | null;
  unconverted: Record<string, number>;
  lastEventAt: string | null;
}

export interface StalledDeal {
  rep: string;
  repName: string | null;
  deal_id: string;
  name: string | null;
  stage: string;
  days_in_stage: number;
  target_days: number | null;
  amount: number | null;
  currency: string | null;
}

export interface TeamSummary {
  asOf: string;
  from: string;
  to: string;
  timeZone: string;
  currency: string;
  viewer: { rep: string; role: TeamRole };
  team: {
    id: string;
    name: string;
    reps: number;
    quota: number | null;
    won: number | null;
    attainment: number | null;
    pipeline: number | null;
    activityScore: number | null;
    pacing: Pacing | null;
  };
  territories: { territory: string | null; reps: number; quota: number | null; won: number; attainment: number | null; pipeline: number }[];
  reps: RepRow[];
  stalled: StalledDeal[];
  trend: { week: string; won: number; activityScore: number }[];
  repTrend: { week: string; rep: string; won: number; activityScore: number }[];
}

/** Why a call failed: `retry` says whether trying again later can help. */
export type SyncErrorKind = 'network' | 'auth' | 'forbidden' | 'rejected' | 'server' | 'config';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
  get retry(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }
}

export interface TeamClientOptions {
  /** Base URL, already checked by checkServerUrl. */
  url: string;
  token: string;
  /** Supabase's publishable key, sent as `apikey` on every call; empty or absent sends no such header. */
  apiKey?: string;
  fetch?: typeof fetch;
  /** Per-call timeout; a hung server is a network failure, not a frozen sync. */
  timeoutMs?: number;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** JSON Web Tokens anywhere in a text: header.payload.signature, base64url. */
const JWT_LIKE = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g;

/**
 * A server (or a proxy) may echo the Authorization or apikey header back: neither the token
 * nor the API key ever reaches our words.
 */
export function redactToken(text: string, token: string, apiKey = ''): string {
  // A real token or key is long; a short one would blank out ordinary words that happen to contain it.
  const cut = (s: string, secret: string, mark: string) => (secret.trim().length >= 16 ? s.split(secret.trim()).join(mark) : s);
  return cut(cut(text, token, '[token]'), apiKey, '[api key]').replace(JWT_LIKE, '[token]');
}

/** Supabase's gateway words a 401 about its `apikey` ("No API key found in request", "Invalid API key"); ours never does. */
const ABOUT_API_KEY = /\bapi ?key\b/i;

/** PostgREST's error body: { code, message, details?, hint? }; anything else is read as text. */
async function errorMessage(res: Response): Promise<string> {
  const body = await res.text().catch(() => '');
  try {
    const json = JSON.parse(body) as { message?: unknown; hint?: unknown };
    if (typeof json.message === 'string' && json.message) return json.message + (typeof json.hint === 'string' && json.hint ? ` (${json.hint})` : '');
  } catch {
    // Not JSON: a proxy's HTML page, say. Its first line is better than nothing.
  }
  return body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 160) || res.statusText || `HTTP ${res.status}`;
}

export class TeamClient {
  private readonly fetch: typeof fetch;
  constructor(private readonly options: TeamClientOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /**
   * One RPC; its 200 reply is used only once `check` accepts its shape (lib/sync-reply.ts).
   * Without a check the reply is `unknown`: fine for a caller that only needs the call done.
   */
  call(fn: string, args?: object): Promise<unknown>;
  call<T>(fn: string, args: object, check: ReplyCheck<T>): Promise<T>;
  async call(fn: string, args: object = {}, check: ReplyCheck<unknown> = anyReply): Promise<unknown> {
    const host = hostOf(this.options.url);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 30_000);
    const apiKey = this.options.apiKey?.trim() ?? '';
    // A custom header is one more the CORS preflight must allow (Authorization already makes
    // every call preflighted): Supabase's gateway, which asks for it, does, and so does ours
    // (server/gateway.ts), so a key set while pointing at our gateway breaks nothing.
    const headers: Record<string, string> = { Authorization: `Bearer ${this.options.token}`, 'Content-Type': 'application/json', Accept: 'application/json' };
    if (apiKey) headers.apikey = apiKey;
    const redact = (text: string) => redactToken(text, this.options.token, apiKey);
    let res: Response;
    try {
      res = await this.fetch(`${this.options.url}/rpc/${fn}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(args),
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      const why = t(controller.signal.aborted ? 'syncErrTimeout' : 'syncErrOffline');
      throw new SyncError('network', t('syncErrNetwork', [host, why]));
    } finally {
      clearTimeout(timer);
    }
    if (!res.ok) {
      const said = redact(await errorMessage(res));
      if (res.status === 401 && ABOUT_API_KEY.test(said)) throw new SyncError('auth', t('syncApiKeyRefused', said), 401);
      if (res.status === 401) throw new SyncError('auth', t('syncErrAuth', said), 401);
      if (res.status === 403) throw new SyncError('forbidden', t('syncErrForbidden', said), 403);
      if (res.status === 413) throw new SyncError('rejected', t('syncErrTooLarge', said), 413);
      if (res.status === 426) throw new SyncError('config', t('syncErrHttps', said), 426);
      if (res.status === 404) throw new SyncError('config', t('syncErrNotFound', [host, fn]), 404);
      if (res.status === 408 || res.status === 429 || res.status >= 500) throw new SyncError('server', t('syncErrServer', [res.status, said]), res.status);
      throw new SyncError('rejected', t('syncErrRejected', [res.status, said]), res.status);
    }
    const body = await res.text();
    let reply: unknown;
    try {
      reply = body ? JSON.parse(body) : null;
    } catch {
      throw new SyncError('config', t('syncErrNotJson', host));
    }
    const checked = check(reply);
    if (checked.ok) return checked.value;
    // 'config', like a reply that is not JSON: the same server gives the same answer if asked
    // again at once, so no quick retries; the backoff alarm tries later. In the push loop
    // (lib/sync.ts runSync) only 'rejected' splits a batch and marks single events as refused;
    // any other kind ends the run before the batch is acknowledged, so its events stay queued
    // and are resent (the server ignores ids it already holds: nothing lost, nothing twice).
    if (checked.unconfirmed) throw new SyncError('config', t('syncErrReplyUnconfirmed', [host, fn, checked.unconfirmed.sent, checked.unconfirmed.confirmed]));
    // A path can hold a key the server chose (a currency code in `unconverted`): never the token.
    throw new SyncError('config', checked.path ? redact(t('syncErrReplyField', [host, fn, checked.path])) : t('syncErrReplyShape', [host, fn]));
  }

  whoami = () => this.call('whoami', {}, whoamiReply);
  pushEvents = (events: ServerEvent[]) => this.call('push_events', { events }, pushReply(events.length));
  pushDeals = (deals: ServerDeal[]) => this.call('push_deals', { deals }, pushReply(deals.length));
  eraseEvents = (ids: string[]) => this.call('erase_my_events', { ids }, eraseReply(ids.length));
  teamPlan = () => this.call('team_plan', {}, teamPlanReply);
  setTeamPlan = (plan: Plan, effectiveFrom: string) => this.call('set_team_plan', { plan, effective_from: effectiveFrom }, revisionReply);
  setAllocation = (args: { rep: string; effective_from: string; annual_quota: number; quarter_quotas?: [number, number, number, number]; territory?: string; note?: string }) =>
    this.call('set_allocation', args, revisionReply);
  myFeedback = (week: string) => this.call('my_feedback', { week }, feedbackReply);
  teamSummary = (from: string, to: string) => this.call('team_summary', { from, to }, teamSummaryReply);
  repReview = (rep: string, week: string) => this.call('rep_review', { rep, week }, repReviewReply);
  setFeedback = (rep: string, week: string, kudos: string, focus: string) => this.call('set_feedback', { rep, week, kudos, focus }, revisionReply);
}
