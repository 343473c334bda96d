// What a team server's 200 reply must look like, one check per call the client makes
// (server/API.md "Functions"; the shapes are what server/migrations/004–006 build). A proxy,
// an old server or a misconfigured PostgREST/Supabase can answer 200 with JSON of another
// shape; read unchecked, it would show NaN in the popup, throw inside a component, or let the
// push loop mark events as sent that the server never confirmed. Each check answers the
// reply (normalised where the real server legitimately varies) or the path of the first
// thing wrong, for TeamClient to word. Extra keys are kept: the contract grows additively.
// Pure: no WXT, no i18n, so it runs in Node and in the tests.
import { DRIVERS } from './metrics/drivers';
import type { Feedback, Pacing, RepAllocation, RepReview, RepRow, StalledDeal, TeamPlanAnswer, TeamPlanRevision, TeamSummary, Tier, WhoAmI } from './sync-client';

/**
 * `path` names the first field that is missing or of the wrong type ('' for the reply as a
 * whole); `unconfirmed` is a push whose counts do not add up to what was sent.
 */
export type ReplyProblem = { path: string; unconfirmed?: { sent: number; confirmed: number } };
export type ReplyCheck<T> = (reply: unknown) => { ok: true; value: T } | ({ ok: false } & ReplyProblem);

/** Thrown inside a check, caught by `checked`: the first wrong field ends the reading. */
class Wrong {
  constructor(readonly problem: ReplyProblem) {}
}
const wrong = (path: string): never => {
  throw new Wrong({ path });
};

/** A path into the reply; a key that comes from the server (a currency code) is cut short, as it goes into a sentence. */
const at = (path: string, key: string | number) => {
  if (typeof key === 'number') return `${path}[${key}]`;
  const name = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  return path ? `${path}.${name}` : name;
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: unknown, path: string): Obj {
  return isObj(v) ? v : wrong(path);
}
/** JSON.parse reads 1e999 as Infinity: finite numbers only, so nothing downstream turns into NaN. */
function num(v: unknown, path: string): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : wrong(path);
}
const numOrNull = (v: unknown, path: string): number | null => (v === null ? null : num(v, path));
/** Counts, ranks and revisions. */
function count(v: unknown, path: string): number {
  return Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : wrong(path);
}
function str(v: unknown, path: string): string {
  return typeof v === 'string' ? v : wrong(path);
}
const strOrNull = (v: unknown, path: string): string | null => (v === null ? null : str(v, path));
function bool(v: unknown, path: string): boolean {
  return typeof v === 'boolean' ? v : wrong(path);
}
function oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
  return values.includes(v as T) ? (v as T) : wrong(path);
}
/** A local date, 'YYYY-MM-DD' (weeks, periods): the trend chart parses it. */
function day(v: unknown, path: string): string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && Number.isFinite(Date.parse(`${v}T00:00:00Z`)) ? v : wrong(path);
}
/** An instant the screens format ('…T…Z' or PostgreSQL's '…+00:00' with microseconds). */
function instant(v: unknown, path: string): string {
  return typeof v === 'string' && v.includes('T') && Number.isFinite(Date.parse(v)) ? v : wrong(path);
}
const instantOrNull = (v: unknown, path: string): string | null => (v === null ? null : instant(v, path));
/** Intl.NumberFormat throws on anything but a 3-letter code, inside a component. */
function currency(v: unknown, path: string): string {
  return typeof v === 'string' && /^[A-Z]{3}$/.test(v) ? v : wrong(path);
}
const currencyOrNull = (v: unknown, path: string): string | null => (v === null ? null : currency(v, path));
function list<T>(v: unknown, path: string, each: (item: unknown, path: string) => T): T[] {
  return Array.isArray(v) ? v.map((item, i) => each(item, at(path, i))) : wrong(path);
}
/** A field the server may leave out (the real one always sends it; older or partial servers may not). */
function optional<T>(o: Obj, key: string, path: string, read: (v: unknown, path: string) => T): T | undefined {
  return o[key] === undefined ? undefined : read(o[key], at(path, key));
}

function checked<T>(read: (reply: unknown) => T): ReplyCheck<T> {
  return reply => {
    try {
      return { ok: true, value: read(reply) };
    } catch (error) {
      if (error instanceof Wrong) return { ok: false, ...error.problem };
      throw error;
    }
  };
}

/** For a caller that uses nothing of the reply (it stays `unknown` to the type checker). */
export const anyReply: ReplyCheck<unknown> = reply => ({ ok: true, value: reply });

// ---- the sync calls --------------------------------------------------------------------

export const whoamiReply: ReplyCheck<WhoAmI> = checked(reply => {
  const o = obj(reply, '');
  return {
    ...o,
    team: str(o.team, 'team'),
    teamName: str(o.teamName, 'teamName'),
    teamSize: count(o.teamSize, 'teamSize'),
    rep: str(o.rep, 'rep'),
    repName: strOrNull(o.repName, 'repName'),
    role: oneOf(o.role, 'role', ['rep', 'manager'] as const),
    territory: strOrNull(o.territory, 'territory'),
    shareNames: bool(o.shareNames, 'shareNames'),
  };
});

/**
 * push_events and push_deals: `inserted + duplicates` is the batch's size on the real server
 * (004_api_sync.sql: duplicates = total − inserted). Anything else did not confirm this batch,
 * so nothing of it may be marked as sent.
 */
export function pushReply(sent: number): ReplyCheck<{ inserted: number; duplicates: number }> {
  return checked(reply => {
    const o = obj(reply, '');
    const inserted = count(o.inserted, 'inserted');
    const duplicates = count(o.duplicates, 'duplicates');
    if (inserted + duplicates !== sent) throw new Wrong({ path: 'inserted', unconfirmed: { sent, confirmed: inserted + duplicates } });
    return { ...o, inserted, duplicates };
  });
}

/** erase_my_events: at most the ids sent (ids the server never had are not counted). */
export function eraseReply(sent: number): ReplyCheck<{ erased: number }> {
  return checked(reply => {
    const o = obj(reply, '');
    const erased = count(o.erased, 'erased');
    if (erased > sent) throw new Wrong({ path: 'erased', unconfirmed: { sent, confirmed: erased } });
    return { ...o, erased };
  });
}

/** set_team_plan, set_allocation, set_feedback: the new revision's number. */
export const revisionReply: ReplyCheck<{ revision: number }> = checked(reply => {
  const o = obj(reply, '');
  return { ...o, revision: count(o.revision, 'revision') };
});

// ---- the plan ----------------------------------------------------------------------------

/** An allocation revision (005's team_plan strips null quarterQuotas and note). */
function revision(v: unknown, path: string) {
  const o = obj(v, path);
  const quarters = optional(o, 'quarterQuotas', path, (q, p) => {
    const four = list(q, p, num);
    return four.length === 4 ? (four as [number, number, number, number]) : wrong(p);
  });
  const note = optional(o, 'note', path, str);
  return {
    ...o,
    effectiveFrom: day(o.effectiveFrom, at(path, 'effectiveFrom')),
    annualQuota: num(o.annualQuota, at(path, 'annualQuota')),
    ...(quarters ? { quarterQuotas: quarters } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

function allocation(v: unknown, path: string): RepAllocation {
  const o = obj(v, path);
  return {
    ...o,
    rep: str(o.rep, at(path, 'rep')),
    repName: strOrNull(o.repName, at(path, 'repName')),
    territory: strOrNull(o.territory, at(path, 'territory')),
    annual: list(o.annual, at(path, 'annual'), revision),
    updatedAt: instant(o.updatedAt, at(path, 'updatedAt')),
  };
}

function planRevision(v: unknown, path: string): TeamPlanRevision {
  const o = obj(v, path);
  return {
    ...o,
    revision: count(o.revision, at(path, 'revision')),
    effective_from: day(o.effective_from, at(path, 'effective_from')),
    set_at: instant(o.set_at, at(path, 'set_at')),
    set_by: str(o.set_by, at(path, 'set_by')),
  };
}

/**
 * The plan itself is the manager's Plan as stored, checked in full by validatePlan before it
 * is put in force (lib/sync-plan.ts); here only what is read before that: `annual` is a list.
 */
export const teamPlanReply: ReplyCheck<TeamPlanAnswer> = checked(reply => {
  const o = obj(reply, '');
  let plan: TeamPlanAnswer['plan'] = null;
  if (o.plan !== null) {
    const p = obj(o.plan, 'plan');
    optional(p, 'annual', 'plan', (v, path) => list(v, path, x => x));
    plan = p as unknown as TeamPlanAnswer['plan'];
  }
  const planRevisions = optional(o, 'planRevisions', '', (v, path) => list(v, path, planRevision));
  const allocations = optional(o, 'allocations', '', (v, path) => list(v, path, allocation));
  return {
    ...o,
    plan,
    // 005 answers null for a manager without an allocation; a missing key means the same.
    allocation: o.allocation === null || o.allocation === undefined ? null : allocation(o.allocation, 'allocation'),
    ...(planRevisions ? { planRevisions } : {}),
    ...(allocations ? { allocations } : {}),
  };
});

// ---- feedback and the review ---------------------------------------------------------------

/** my_feedback for one week: nulls when there is none (feedback_json); `null` as a whole is "none" too. */
export const feedbackReply: ReplyCheck<Feedback | null> = checked(reply => {
  if (reply === null) return null;
  const o = obj(reply, '');
  const by = optional(o, 'by', '', strOrNull);
  const updatedAt = optional(o, 'updatedAt', '', instantOrNull);
  return {
    ...o,
    week: day(o.week, 'week'),
    kudos: strOrNull(o.kudos, 'kudos'),
    focus: strOrNull(o.focus, 'focus'),
    ...(by !== undefined ? { by } : {}),
    ...(updatedAt !== undefined ? { updatedAt } : {}),
  };
});

/**
 * Driver → number. Keys that are not drivers are left alone (the screens list DRIVERS only);
 * a driver's value must be a number. A driver set to null in a plan's weekly targets means
 * "no target", the same as leaving it out, so it is left out.
 */
function driverNumbers(v: unknown, path: string, nullMeansNone = false): Partial<Record<string, number>> {
  const o = obj(v, path);
  const out: Record<string, unknown> = { ...o };
  for (const d of DRIVERS) {
    if (o[d] === undefined) continue;
    if (nullMeansNone && o[d] === null) delete out[d];
    else out[d] = num(o[d], at(path, d));
  }
  return out as Partial<Record<string, number>>;
}

export const repReviewReply: ReplyCheck<RepReview> = checked(reply => {
  const o = obj(reply, '');
  const score = obj(o.activityScore, 'activityScore');
  return {
    ...o,
    rep: str(o.rep, 'rep'),
    repName: strOrNull(o.repName, 'repName'),
    week: day(o.week, 'week'),
    thisWeek: driverNumbers(o.thisWeek, 'thisWeek'),
    lastWeek: driverNumbers(o.lastWeek, 'lastWeek'),
    // The plan's weeklyTargets as the manager stored them (006: coalesce(p -> 'weeklyTargets', '{}')).
    targets: driverNumbers(o.targets, 'targets', true),
    activityScore: { ...score, thisWeek: num(score.thisWeek, 'activityScore.thisWeek'), lastWeek: num(score.lastWeek, 'activityScore.lastWeek') },
    kudos: strOrNull(o.kudos, 'kudos'),
    focus: strOrNull(o.focus, 'focus'),
    updatedAt: instantOrNull(o.updatedAt, 'updatedAt'),
  };
});

// ---- the team summary --------------------------------------------------------------------

/**
 * Pacing, or null when unknown. 006 builds the team's pacing from sums, so a manager whose
 * reps have no quota gets `{ expected: null, actual: …, delta: null }`: that is "no pacing",
 * and the popup's "on pace" must not read null as a delta of 0.
 */
function pacing(v: unknown, path: string): Pacing | null {
  if (v === null) return null;
  const o = obj(v, path);
  if (o.expected === null || o.actual === null || o.delta === null) return null;
  return { ...o, expected: num(o.expected, at(path, 'expected')), actual: num(o.actual, at(path, 'actual')), delta: num(o.delta, at(path, 'delta')) };
}

const TIERS: readonly Tier[] = ['calls', 'meetings', 'proposals', 'deals'];

/** Driver → { actual, target }; keys that are not drivers are left alone (the screens list DRIVERS only). */
function driverTargets(v: unknown, path: string): RepRow['drivers'] {
  const o = obj(v, path);
  const out: Obj = { ...o };
  for (const d of DRIVERS) {
    if (o[d] === undefined) continue;
    const x = obj(o[d], at(path, d));
    out[d] = { ...x, actual: num(x.actual, at(at(path, d), 'actual')), target: numOrNull(x.target, at(at(path, d), 'target')) };
  }
  return out as RepRow['drivers'];
}

/** Currency code → amount left out of the totals for want of a rate. */
function amountsByCurrency(v: unknown, path: string): Record<string, number> {
  const o = obj(v, path);
  for (const [code, amount] of Object.entries(o)) num(amount, at(path, code));
  return o as Record<string, number>;
}

function repRow(v: unknown, path: string): RepRow {
  const o = obj(v, path);
  const f = (key: string) => at(path, key);
  return {
    ...o,
    rep: str(o.rep, f('rep')),
    repName: strOrNull(o.repName, f('repName')),
    territory: strOrNull(o.territory, f('territory')),
    rank: count(o.rank, f('rank')),
    quota: numOrNull(o.quota, f('quota')),
    won: num(o.won, f('won')),
    attainment: numOrNull(o.attainment, f('attainment')),
    pacing: pacing(o.pacing, f('pacing')),
    activityScore: num(o.activityScore, f('activityScore')),
    winRate: numOrNull(o.winRate, f('winRate')),
    wonCount: count(o.wonCount, f('wonCount')),
    lostCount: count(o.lostCount, f('lostCount')),
    pipeline: num(o.pipeline, f('pipeline')),
    pipelineCount: count(o.pipelineCount, f('pipelineCount')),
    drivers: driverTargets(o.drivers, f('drivers')),
    behind: bool(o.behind, f('behind')),
    behindTier: o.behindTier === null ? null : oneOf(o.behindTier, f('behindTier'), TIERS),
    unconverted: amountsByCurrency(o.unconverted, f('unconverted')),
    lastEventAt: instantOrNull(o.lastEventAt, f('lastEventAt')),
  };
}

function stalledDeal(v: unknown, path: string): StalledDeal {
  const o = obj(v, path);
  const f = (key: string) => at(path, key);
  return {
    ...o,
    rep: str(o.rep, f('rep')),
    repName: strOrNull(o.repName, f('repName')),
    deal_id: str(o.deal_id, f('deal_id')),
    name: strOrNull(o.name, f('name')),
    stage: str(o.stage, f('stage')),
    days_in_stage: num(o.days_in_stage, f('days_in_stage')),
    target_days: numOrNull(o.target_days, f('target_days')),
    amount: numOrNull(o.amount, f('amount')),
    // The popup formats the amount in it (004 lets only ISO 4217 codes in).
    currency: currencyOrNull(o.currency, f('currency')),
  };
}

function territory(v: unknown, path: string): TeamSummary['territories'][number] {
  const o = obj(v, path);
  const f = (key: string) => at(path, key);
  return {
    ...o,
    territory: strOrNull(o.territory, f('territory')),
    reps: count(o.reps, f('reps')),
    quota: numOrNull(o.quota, f('quota')),
    won: num(o.won, f('won')),
    attainment: numOrNull(o.attainment, f('attainment')),
    pipeline: num(o.pipeline, f('pipeline')),
  };
}

function trendWeek(v: unknown, path: string): TeamSummary['trend'][number] {
  const o = obj(v, path);
  return { ...o, week: day(o.week, at(path, 'week')), won: num(o.won, at(path, 'won')), activityScore: num(o.activityScore, at(path, 'activityScore')) };
}

function repTrendWeek(v: unknown, path: string): TeamSummary['repTrend'][number] {
  const o = obj(v, path);
  return { ...trendWeek(o, path), rep: str(o.rep, at(path, 'rep')) };
}

export const teamSummaryReply: ReplyCheck<TeamSummary> = checked(reply => {
  const o = obj(reply, '');
  const viewer = obj(o.viewer, 'viewer');
  const team = obj(o.team, 'team');
  return {
    ...o,
    asOf: instant(o.asOf, 'asOf'),
    from: day(o.from, 'from'),
    to: day(o.to, 'to'),
    timeZone: str(o.timeZone, 'timeZone'),
    currency: currency(o.currency, 'currency'),
    viewer: { ...viewer, rep: str(viewer.rep, 'viewer.rep'), role: oneOf(viewer.role, 'viewer.role', ['rep', 'manager'] as const) },
    team: {
      ...team,
      id: str(team.id, 'team.id'),
      name: str(team.name, 'team.name'),
      reps: count(team.reps, 'team.reps'),
      // Null in a rep's view (006), and for a team with no rep yet.
      quota: numOrNull(team.quota, 'team.quota'),
      won: numOrNull(team.won, 'team.won'),
      attainment: numOrNull(team.attainment, 'team.attainment'),
      pipeline: numOrNull(team.pipeline, 'team.pipeline'),
      activityScore: numOrNull(team.activityScore, 'team.activityScore'),
      pacing: pacing(team.pacing, 'team.pacing'),
    },
    territories: list(o.territories, 'territories', territory),
    reps: list(o.reps, 'reps', repRow),
    stalled: list(o.stalled, 'stalled', stalledDeal),
    trend: list(o.trend, 'trend', trendWeek),
    repTrend: list(o.repTrend, 'repTrend', repTrendWeek),
  };
});
