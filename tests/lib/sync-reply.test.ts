// The team client never trusts the shape of a 200 reply (lib/sync-reply.ts): every reply
// the real server gives passes its call's check, and a reply of any other shape is refused
// with a sentence naming the host and the call, as a 'config' SyncError. In the push loop
// that error leaves the batch queued: nothing marked as sent that the server did not confirm.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDb, type PacerDb } from '../../lib/db';
import type { ActivityEvent } from '../../lib/model';
import { pendingWork, runSync } from '../../lib/sync';
import { SyncError, TeamClient } from '../../lib/sync-client';
import {
  anyReply, eraseReply, feedbackReply, pushReply, repReviewReply, revisionReply, teamPlanReply, teamSummaryReply, whoamiReply, type ReplyCheck,
} from '../../lib/sync-reply';
import captured from '../fixtures/team-server/replies.json';
import { useLocale } from '../helpers/pseudo-locale';

type Capture = { call: string; why: string; sent?: number; reply: unknown };
const REAL = captured.replies as Capture[];

/** The check TeamClient runs for each call (push and erase compare counts with what was sent). */
const checkFor = (call: string, sent = 0): ReplyCheck<unknown> =>
  ({
    whoami: whoamiReply,
    push_events: pushReply(sent),
    push_deals: pushReply(sent),
    erase_my_events: eraseReply(sent),
    team_plan: teamPlanReply,
    set_team_plan: revisionReply,
    set_allocation: revisionReply,
    set_feedback: revisionReply,
    my_feedback: feedbackReply,
    team_summary: teamSummaryReply,
    rep_review: repReviewReply,
  })[call] ?? anyReply;

const real = (call: string, why?: string) => {
  const c = REAL.find(r => r.call === call && (why === undefined || r.why.includes(why)));
  if (!c) throw new Error(`no captured ${call} ${why ?? ''}`);
  return structuredClone(c.reply) as any;
};

describe("the real server's replies (tests/fixtures/team-server/replies.json)", () => {
  it('cover every call the client makes', () => {
    expect(new Set(REAL.map(r => r.call))).toEqual(
      new Set(['whoami', 'push_events', 'push_deals', 'erase_my_events', 'team_plan', 'set_team_plan', 'set_allocation', 'my_feedback', 'team_summary', 'rep_review', 'set_feedback']),
    );
  });

  it.each(REAL.map(r => [r.call, r.why, r] as const))('%s (%s) passes, unchanged', (_call, _why, r) => {
    const result = checkFor(r.call, r.sent)(r.reply);
    expect(result).toMatchObject({ ok: true });
    // Only a team pacing without an expected figure is normalised (below); everything else comes through as sent.
    if (!r.why.includes('pacing without')) expect(result.ok && result.value).toEqual(r.reply);
  });

  it("reads a manager's team pacing with no quota behind it (006 sums nulls) as unknown, not as on pace", () => {
    const reply = real('team_summary', 'pacing without');
    expect(reply.team.pacing).toEqual({ expected: null, actual: 0, delta: null });
    const result = teamSummaryReply(reply);
    expect(result.ok && result.value.team.pacing).toBeNull();
  });

  it('keeps keys it does not know: the contract grows additively', () => {
    const result = whoamiReply({ ...real('whoami', 'a rep'), plan: 'enterprise' });
    expect(result.ok && result.value).toMatchObject({ rep: 'ana', plan: 'enterprise' });
  });

  it('accepts what the types allow the server to leave out or null', () => {
    const { by: _b, updatedAt: _u, ...feedback } = real('my_feedback', 'with feedback');
    expect(feedbackReply(feedback)).toMatchObject({ ok: true, value: { kudos: 'Two connects in a week' } });
    expect(feedbackReply(null)).toEqual({ ok: true, value: null });
    const { planRevisions: _p, allocations: _a, ...plan } = real('team_plan', 'a rep');
    expect(teamPlanReply(plan)).toMatchObject({ ok: true });
    expect(teamPlanReply({ ...plan, allocation: undefined })).toMatchObject({ ok: true, value: { allocation: null } });
    expect(whoamiReply({ ...real('whoami', 'a rep'), repName: null })).toMatchObject({ ok: true });
    // A weekly target set to null in the plan is "no target": left out, never shown as 0 or NaN.
    const review = real('rep_review', 'with feedback');
    const result = repReviewReply({ ...review, targets: { ...review.targets, calls: null } });
    expect(result.ok && result.value.targets).toEqual({ meetings: 2, proposalsSubmitted: 1 });
  });
});

/** [what is wrong, the check, the reply, the path named]. Each reply is a real one with one thing changed. */
const WRONG: [string, ReplyCheck<unknown>, () => unknown, string][] = [
  ['whoami: an array', whoamiReply, () => [real('whoami')], ''],
  ['whoami: null', whoamiReply, () => null, ''],
  ['whoami: teamSize as a string', whoamiReply, () => ({ ...real('whoami'), teamSize: '3' }), 'teamSize'],
  ['whoami: a role Pacer does not know', whoamiReply, () => ({ ...real('whoami'), role: 'admin' }), 'role'],
  ['whoami: shareNames missing', whoamiReply, () => ({ ...real('whoami'), shareNames: undefined }), 'shareNames'],
  ['push_events: inserted as a string', pushReply(6), () => ({ inserted: '6', duplicates: 0 }), 'inserted'],
  ['push_events: duplicates missing', pushReply(6), () => ({ inserted: 6 }), 'duplicates'],
  ['push_events: a negative count', pushReply(6), () => ({ inserted: 7, duplicates: -1 }), 'duplicates'],
  ['push_events: a fraction', pushReply(6), () => ({ inserted: 5.5, duplicates: 0.5 }), 'inserted'],
  ['push_events: an empty object', pushReply(6), () => ({}), 'inserted'],
  ['push_events: PostgREST wrapping the answer in an array', pushReply(6), () => [{ inserted: 6, duplicates: 0 }], ''],
  ['push_deals: a bare number', pushReply(2), () => 2, ''],
  ['erase_my_events: erased as null', eraseReply(2), () => ({ erased: null }), 'erased'],
  ['set_team_plan: no revision', revisionReply, () => ({ ok: true }), 'revision'],
  ['set_allocation: revision as text', revisionReply, () => ({ revision: '2' }), 'revision'],
  ['set_feedback: an empty body (null)', revisionReply, () => null, ''],
  ['team_plan: plan as text', teamPlanReply, () => ({ ...real('team_plan', 'a rep'), plan: 'USD' }), 'plan'],
  ["team_plan: the plan's annual not a list", teamPlanReply, () => { const r = real('team_plan', 'a rep'); r.plan.annual = { effectiveFrom: '2026-01-01' }; return r; }, 'plan.annual'],
  ['team_plan: an allocation quota as text', teamPlanReply, () => { const r = real('team_plan', 'a rep'); r.allocation.annual[0].annualQuota = '280000'; return r; }, 'allocation.annual[0].annualQuota'],
  ['team_plan: three quarter quotas', teamPlanReply, () => { const r = real('team_plan', 'a rep'); r.allocation.annual[0].quarterQuotas = [1, 2, 3]; return r; }, 'allocation.annual[0].quarterQuotas'],
  ['team_plan: allocations not a list', teamPlanReply, () => ({ ...real('team_plan', 'a manager'), allocations: {} }), 'allocations'],
  ['team_plan: a revision set at no time', teamPlanReply, () => { const r = real('team_plan', 'a manager'); r.planRevisions = [{ revision: 1, effective_from: '2026-01-01', set_at: 'yesterday', set_by: 'mia' }]; return r; }, 'planRevisions[0].set_at'],
  ['my_feedback: no week', feedbackReply, () => ({ ...real('my_feedback', 'with feedback'), week: undefined }), 'week'],
  ['my_feedback: kudos as a number', feedbackReply, () => ({ ...real('my_feedback', 'with feedback'), kudos: 5 }), 'kudos'],
  ['my_feedback: a list (the reply without a week)', feedbackReply, () => ({ items: [] }), 'week'],
  ['team_summary: an array', teamSummaryReply, () => [], ''],
  ['team_summary: reps missing', teamSummaryReply, () => ({ ...real('team_summary', 'a manager, a quarter'), reps: undefined }), 'reps'],
  ['team_summary: a NaN-making won', teamSummaryReply, () => { const r = real('team_summary', 'a manager, a quarter'); r.reps[1].won = 'NaN'; return r; }, 'reps[1].won'],
  ['team_summary: a rank of null', teamSummaryReply, () => { const r = real('team_summary', 'a manager, a quarter'); r.reps[0].rank = null; return r; }, 'reps[0].rank'],
  ['team_summary: a currency Intl cannot format', teamSummaryReply, () => ({ ...real('team_summary', 'a manager, a quarter'), currency: 'dollars' }), 'currency'],
  ["team_summary: the team's pacing delta as text", teamSummaryReply, () => { const r = real('team_summary', 'a manager, a quarter'); r.team.pacing.delta = '-8900'; return r; }, 'team.pacing.delta'],
  ['team_summary: a driver count of null', teamSummaryReply, () => { const r = real('team_summary', 'a manager, a quarter'); r.reps[0].drivers.calls.actual = null; return r; }, 'reps[0].drivers.calls.actual'],
  ['team_summary: a tier Pacer does not know', teamSummaryReply, () => { const r = real('team_summary', 'a rep'); r.reps[0].behindTier = 'emails'; return r; }, 'reps[0].behindTier'],
  ['team_summary: an unconverted amount as text', teamSummaryReply, () => { const r = real('team_summary', 'a manager, a quarter'); r.reps[1].unconverted = { GBP: '500' }; return r; }, 'reps[1].unconverted.GBP'],
  ['team_summary: a trend week the chart cannot place', teamSummaryReply, () => { const r = real('team_summary', 'a manager, a quarter'); r.trend[0].week = '2026-W28'; return r; }, 'trend[0].week'],
  ['team_summary: asOf that is no time', teamSummaryReply, () => ({ ...real('team_summary', 'a rep'), asOf: 'now' }), 'asOf'],
  ['team_summary: a stalled deal without its days', teamSummaryReply, () => { const r = real('team_summary', 'a manager, a quarter'); r.stalled[0].days_in_stage = null; return r; }, 'stalled[0].days_in_stage'],
  ["team_summary: a stalled deal's currency Intl cannot format", teamSummaryReply, () => { const r = real('team_summary', 'a manager, a quarter'); r.stalled[0].currency = 'usd'; return r; }, 'stalled[0].currency'],
  ['team_summary: a territory row as text', teamSummaryReply, () => ({ ...real('team_summary', 'a manager, a quarter'), territories: ['North'] }), 'territories[0]'],
  ['rep_review: a count as text', repReviewReply, () => { const r = real('rep_review', 'with feedback'); r.thisWeek.calls = '1'; return r; }, 'thisWeek.calls'],
  ['rep_review: no activity score', repReviewReply, () => ({ ...real('rep_review', 'with feedback'), activityScore: undefined }), 'activityScore'],
  ['rep_review: a target as text', repReviewReply, () => { const r = real('rep_review', 'with feedback'); r.targets.meetings = 'two'; return r; }, 'targets.meetings'],
];

describe('replies of another shape are refused, naming the first wrong field', () => {
  it.each(WRONG)('%s', (_what, check, reply, path) => {
    expect(check(reply())).toEqual({ ok: false, path });
  });

  it('a push whose counts do not add up to the batch did not confirm it', () => {
    expect(pushReply(6)({ inserted: 0, duplicates: 0 })).toEqual({ ok: false, path: 'inserted', unconfirmed: { sent: 6, confirmed: 0 } });
    expect(pushReply(500)({ inserted: 6, duplicates: 0 })).toMatchObject({ ok: false, unconfirmed: { sent: 500, confirmed: 6 } });
    expect(eraseReply(2)({ erased: 3 })).toMatchObject({ ok: false, unconfirmed: { sent: 2, confirmed: 3 } });
  });
});

// ---- through TeamClient ---------------------------------------------------------------------

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJyZXAiOiJhbmEifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

/** A team server that answers whoami for real and every other call with this body. */
const serverSaying = (body: string, calls: string[] = []) =>
  new TeamClient({
    url: 'https://pacer.example.com',
    token: TOKEN,
    fetch: async input => {
      const fn = String(input).split('/rpc/')[1]!;
      calls.push(fn);
      const reply = fn === 'whoami' ? JSON.stringify(real('whoami', 'a rep')) : body;
      return new Response(reply, { status: 200, headers: { 'Content-Type': 'application/json' } });
    },
  });
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as SyncError);

describe('TeamClient', () => {
  const original = fakeBrowser.i18n.getUILanguage;
  afterEach(() => {
    fakeBrowser.i18n.getUILanguage = original;
    useLocale('en');
  });

  it('answers the checked reply', async () => {
    expect(await serverSaying(JSON.stringify(real('team_summary', 'a rep'))).teamSummary('2026-07-01', '2026-10-01')).toMatchObject({ viewer: { rep: 'ana' } });
  });

  it('turns a wrong shape into a config error naming the host, the call and the field', async () => {
    const e = await refusal(serverSaying('{"inserted":"2","duplicates":0}').pushEvents([]));
    expect(e).toBeInstanceOf(SyncError);
    expect(e).toMatchObject({ kind: 'config', retry: false });
    expect(e!.message).toBe(
      "pacer.example.com answered push_events with data Pacer cannot use (inserted is missing or wrong). Check that this is the Pacer team server's URL and that the server is up to date.",
    );
    const whole = await refusal(serverSaying('[]').teamPlan());
    expect(whole!.message).toBe("pacer.example.com answered team_plan with data Pacer cannot use. Check that this is the Pacer team server's URL and that the server is up to date.");
  });

  it('reads 1e999 (Infinity once parsed) as wrong, never as a number', async () => {
    const e = await refusal(serverSaying('{"revision":1e999}').setFeedback('ana', '2026-07-06', 'k', 'f'));
    expect(e).toMatchObject({ kind: 'config', message: expect.stringContaining('(revision is missing') });
  });

  it('says so in German, French and Spanish', async () => {
    useLocale('de');
    fakeBrowser.i18n.getUILanguage = () => 'de';
    const e = await refusal(serverSaying('{"inserted":0,"duplicates":0}').pushEvents([{ id: 'e1', type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce' }]));
    expect(e!.message).toBe('pacer.example.com hat push_events für 1 Einträge beantwortet, aber 0 bestätigt. Nichts wurde als gesendet markiert; Pacer versucht es später erneut.');
    const f = await refusal(serverSaying('{"week":"2026-07-06","kudos":1,"focus":null}').myFeedback('2026-07-06'));
    expect(f!.message).toMatch(/^pacer\.example\.com hat auf my_feedback mit Daten geantwortet, die Pacer nicht verwenden kann \(kudos fehlt oder ist ungültig\)\./);
    useLocale('fr');
    expect((await refusal(serverSaying('null').whoami().then(() => serverSaying('null').teamPlan())))!.message).toBe(
      "pacer.example.com a répondu à team_plan avec des données que Pacer ne peut pas utiliser. Vérifiez qu'il s'agit bien de l'URL du serveur d'équipe Pacer et que le serveur est à jour.",
    );
    useLocale('es');
    expect((await refusal(serverSaying('{"erased":"1"}').eraseEvents(['e1'])))!.message).toMatch(/^pacer\.example\.com respondió a erase_my_events con datos que Pacer no puede usar \(erased falta o no es válido\)\./);
  });

  it('never puts the token in the sentence, even when the server makes it a key', async () => {
    const summary = real('team_summary', 'a manager, a quarter');
    summary.reps[0].unconverted = { [TOKEN]: 'x' };
    const e = await refusal(serverSaying(JSON.stringify(summary)).teamSummary('2026-07-01', '2026-10-01'));
    expect(e).toMatchObject({ kind: 'config' });
    expect(e!.message).not.toContain(TOKEN.slice(0, 30));
    expect(e!.message).toContain('team_summary');
  });
});

// ---- the push loop --------------------------------------------------------------------------

const call = (id: string): ActivityEvent => ({
  id, type: 'call', at: '2026-11-27T10:00:00.000Z', site: 'salesforce', url: `https://acme.lightning.force.com/lightning/r/Task/${id}/view`, capturedAt: '2026-11-27T10:00:00.000Z',
});

describe('a push answered 200 with the wrong shape', () => {
  let db: PacerDb;
  beforeEach(() => (db = openDb(`sync-reply-${crypto.randomUUID()}`)));
  afterEach(async () => db.delete());
  const run = (api: TeamClient) => runSync({ db, api, serverUrl: 'https://pacer.example.com', week: '2026-11-23', pull: false, sleep: async () => {} });

  it.each([
    ['inserted as a string', '{"inserted":"3","duplicates":0}'],
    ['an empty object from a proxy', '{}'],
    ['counts for another batch (a cached reply)', '{"inserted":1,"duplicates":0}'],
    ['an array', '[]'],
  ])('%s: the run fails with the config error, tries once, and the outbox keeps every event', async (_what, body) => {
    await db.events.bulkAdd([call('e1'), call('e2'), call('e3')]);
    const calls: string[] = [];
    const result = await run(serverSaying(body, calls));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ kind: 'config', message: expect.stringContaining('push_events') });
    expect(calls).toEqual(['whoami', 'push_events']); // no quick retries, no halving into single events
    expect(await db.syncedEvents.count()).toBe(0);
    expect(result.pushed.events).toBe(0);
    expect(await pendingWork(db)).toEqual({ events: 3, deals: 0, erasures: 0 });
  });

  it('sends the same events once the server answers as it should, each acknowledged once', async () => {
    await db.events.bulkAdd([call('e1'), call('e2')]);
    await run(serverSaying('{"inserted":"2"}'));
    const sent: unknown[] = [];
    const fixed = new TeamClient({
      url: 'https://pacer.example.com',
      token: TOKEN,
      fetch: async (input, init) => {
        const fn = String(input).split('/rpc/')[1]!;
        if (fn === 'whoami') return new Response(JSON.stringify(real('whoami', 'a rep')), { status: 200 });
        const { events } = JSON.parse(String(init!.body)) as { events: { id: string }[] };
        sent.push(...events.map(e => e.id));
        return new Response(JSON.stringify({ inserted: events.length, duplicates: 0 }), { status: 200 });
      },
    });
    const result = await run(fixed);
    expect(result).toMatchObject({ ok: true, pushed: { events: 2 } });
    expect(sent).toEqual(['e1', 'e2']);
    expect((await db.syncedEvents.toArray()).map(s => s.id)).toEqual(['e1', 'e2']);
  });
});
