// The benchmark's data set: one rep, about three years, 1,000,000 events and 50,000
// deals, plus the plan they are measured against. Deterministic: every draw comes from
// one seeded PRNG (no Math.random, no Date.now), so two runs measure the same bytes.
//
// Deals walk the plan's stages with a dwell time drawn around each stage's target;
// at each step a deal may be lost, skip a stage or move back; the survivors of the last
// stage are mostly won. A few lost deals are reopened and run again. Amounts are
// log-normal, in USD, EUR or GBP (the plan is in USD and has rates for the other two);
// one deal in twenty has no amount. Open deals carry an expected close date. Everything
// else (calls, emails, meetings, LinkedIn, leads, referrals, events, training) fills the
// rest of the million, on working days in New York working hours.
import { stableId } from '../../lib/ids';
import { defaultPlan, DEFAULT_STAGES, type Plan } from '../../lib/metrics/plan';
import { stageTargetDays } from '../../lib/metrics/stage-targets';
import type { ActivityEvent, DealSnapshot, EventMeta, EventType, PersonRef, SiteId } from '../../lib/model';
import { Rng } from './prng';

export const BENCH_TIME_ZONE = 'America/New_York';
/** A Wednesday in the middle of fiscal Q4 2026. */
export const BENCH_NOW = new Date('2026-11-18T15:00:00.000Z');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SPAN_DAYS = 3 * 365;
/** New York working hours in UTC (EST; EDT shifts them an hour, which is fine for a bench). */
const WORK_START = 13 * HOUR;
const WORK_HOURS = 9 * HOUR;

const STAGES = DEFAULT_STAGES;
const WON_STAGE = 'Closed Won';
const LOST_STAGE = 'Closed Lost';
const PROPOSAL_STAGE = 'Proposal/Price Quote';

export interface BenchData {
  /** In time order (ties in generation order). */
  events: ActivityEvent[];
  deals: DealSnapshot[];
  plan: Plan;
  now: Date;
  /** Events per type, for the header. */
  byType: Partial<Record<EventType, number>>;
  dealsByStatus: Record<'open' | 'won' | 'lost', number>;
  reopened: number;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const FIRST = ['Alex', 'Priya', 'Jordan', 'Maria', 'Chen', 'Fatima', 'Liam', 'Aisha', 'Noah', 'Sofia', 'Ethan', 'Mei', 'Lucas', 'Amara', 'Daniel', 'Yuki', 'Omar', 'Elena', 'Marcus', 'Hannah'];
const LAST = ['Patel', 'Nguyen', 'Garcia', 'Kim', 'Okafor', 'Schmidt', 'Rossi', 'Haddad', 'Johnson', 'Silva', 'Kowalski', 'Tanaka', 'Murphy', 'Cohen', 'Andersen', 'Mensah', 'Dubois', 'Reyes'];
const ACCOUNTS = ['Acme Corp', 'Globex', 'Initech', 'Northwind Traders', 'Contoso', 'Fabrikam', 'Tailspin Toys', 'Litware', 'Proseware', 'Trey Research', 'Coho Winery', 'Fourth Coffee', 'Woodgrove Bank', 'Relecloud'];
const PRODUCTS = ['500 Widgets', 'Enterprise License (250 seats)', 'Annual Renewal', 'Platform Expansion', 'Pilot (3 sites)', 'Premium Support Upgrade', 'Analytics Add-on'];
const CALL_OUTCOMES: readonly (readonly [string | undefined, number])[] = [
  ['Connected', 0.22],
  ['Spoke with decision maker', 0.05],
  ['Left voicemail', 0.35],
  ['No answer', 0.28],
  ['Not connected', 0.07],
  [undefined, 0.03],
];
const EMAIL_OUTCOMES: readonly (readonly [string | undefined, number])[] = [
  ['outbound', 0.74],
  ['inbound', 0.21],
  [undefined, 0.05],
];
/** The activity mix (everything that is not part of a deal's history). */
const ACTIVITY_MIX: readonly (readonly [EventType, number])[] = [
  ['call', 0.37],
  ['email', 0.33],
  ['meeting', 0.05],
  ['lead_created', 0.025],
  ['referral_given', 0.002],
  ['referral_received', 0.002],
  ['event_attended', 0.001],
  ['linkedin_profile_view', 0.1],
  ['linkedin_connect_sent', 0.04],
  ['linkedin_connect_accepted', 0.02],
  ['linkedin_message_sent', 0.035],
  ['linkedin_inmail_sent', 0.01],
  ['linkedin_lead_saved', 0.01],
];
const TRAININGS = 36;

const weighted = <T>(rng: Rng, table: readonly (readonly [T, number])[]): T => {
  let total = 0;
  for (const [, w] of table) total += w;
  let x = rng.next() * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1]![0];
};

const iso = (ms: number) => new Date(ms).toISOString();
const localDate = (ms: number) => iso(ms - 5 * HOUR).slice(0, 10); // New York, near enough for a close date
const isWeekend = (ms: number) => {
  const wd = new Date(ms).getUTCDay();
  return wd === 0 || wd === 6;
};

export function generate(options: { events: number; deals: number; seed?: number }): BenchData {
  const rng = new Rng(options.seed ?? 20261118);
  const nowMs = BENCH_NOW.getTime();
  const startMs = Date.UTC(2023, 10, 19); // 2023-11-19: three years before now
  let seq = 0;
  const events: ActivityEvent[] = [];
  const ms: number[] = [];
  const byType: Partial<Record<EventType, number>> = {};

  const push = (type: EventType, at: number, site: SiteId, url: string, extra: Omit<Partial<ActivityEvent>, 'id' | 'type' | 'at' | 'site' | 'url' | 'capturedAt'> = {}) => {
    const atIso = iso(at);
    events.push({
      id: stableId('bench', seq++, type),
      type,
      at: atIso,
      site,
      url,
      ...extra,
      capturedAt: iso(Math.min(nowMs, at + 1000 + rng.int(10 * MINUTE))),
    });
    ms.push(at);
    byType[type] = (byType[type] ?? 0) + 1;
  };

  /** An instant in working hours on a working day (one in thirty on a weekend), in [from, to). */
  const workInstant = (from: number, to: number): number => {
    for (let tries = 0; tries < 20; tries++) {
      const day = Math.floor(from / DAY) + rng.int(Math.max(1, Math.ceil((to - from) / DAY)));
      const at = day * DAY + WORK_START + rng.int(WORK_HOURS);
      if (at < from || at >= to) continue;
      if (isWeekend(at) && !rng.chance(1 / 30)) continue;
      return at;
    }
    return from + rng.int(Math.max(1, to - from));
  };

  // ---- people -------------------------------------------------------------------------
  const PEOPLE = 20_000;
  const people: { name: string; crmId: string; profileUrl: string; crmUrl: string }[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    const crmId = (rng.chance(0.7) ? '003' : '00Q') + rng.chars(15, ALNUM);
    people.push({
      name,
      crmId,
      profileUrl: `https://www.linkedin.com/in/${name.toLowerCase().replace(' ', '-')}-${rng.chars(6, ALNUM).toLowerCase()}/`,
      crmUrl: `https://bench.lightning.force.com/lightning/r/${crmId.startsWith('003') ? 'Contact' : 'Lead'}/${crmId}/view`,
    });
  }
  const crmPerson = (p: (typeof people)[number]): PersonRef => ({ name: p.name, crmId: p.crmId });
  const liPerson = (p: (typeof people)[number]): PersonRef => ({ name: p.name, profileUrl: p.profileUrl });

  // ---- deals --------------------------------------------------------------------------
  const deals: DealSnapshot[] = [];
  const dealRefs: { id: string; name: string; url: string }[] = [];
  const dealsByStatus = { open: 0, won: 0, lost: 0 };
  let reopened = 0;
  const targets = STAGES.map(s => stageTargetDays(s));
  for (let i = 0; i < options.deals; i++) {
    const recordId = '006' + rng.chars(15, ALNUM);
    const id = `salesforce:${recordId}`;
    const name = `${rng.pick(ACCOUNTS)} — ${rng.pick(PRODUCTS)}`;
    const url = `https://bench.lightning.force.com/lightning/r/Opportunity/${recordId}/view`;
    const ref = () => ({ id, name });
    dealRefs.push({ id, name, url });
    const created = workInstant(startMs, nowMs - HOUR);
    const known = rng.chance(0.95);
    const amount = known ? Math.max(500, Math.round(rng.logNormal(25_000, 0.8) / 100) * 100) : null;
    const currency = known ? weighted(rng, [['USD', 0.75], ['EUR', 0.17], ['GBP', 0.08]] as const) : null;
    const discount = rng.chance(0.3) ? 0 : Math.round(rng.next() * 0.4 * 1000) / 1000;
    const money = amount === null ? {} : { amount, currency: currency! };

    let stage = 0; // index into STAGES; -1 won, -2 lost
    let t = created;
    let entered = created;
    let canReopen = rng.chance(0.015);
    let proposed = false;
    for (;;) {
      const dwell = targets[stage]! * DAY * rng.logNormal(0.6, 0.7);
      const next = workInstant(t + dwell, t + dwell + 2 * DAY);
      if (next >= nowMs) break; // still in this stage now
      t = next;
      const from = STAGES[stage]!;
      let to: number;
      if (rng.chance(0.085)) to = -2;
      else if (stage === STAGES.length - 1) to = rng.chance(0.72) ? -1 : -2;
      else if (stage > 0 && rng.chance(0.04)) to = stage - 1;
      else to = Math.min(STAGES.length - 1, stage + (rng.chance(0.06) ? 2 : 1));
      if (to >= 0) {
        push('deal_stage_changed', t, 'salesforce', url, { deal: ref(), meta: { fromStage: from, toStage: STAGES[to]! } });
        stage = to;
        entered = t;
        if (STAGES[to] === PROPOSAL_STAGE && !proposed) {
          proposed = true;
          push('proposal_sent', Math.min(nowMs - 1, t + 20 * MINUTE + rng.int(3 * HOUR)), 'salesforce', url, { deal: ref(), ...money });
        }
        continue;
      }
      const won = to === -1;
      push('deal_stage_changed', t, 'salesforce', url, { deal: ref(), meta: { fromStage: from, toStage: won ? WON_STAGE : LOST_STAGE } });
      if (won) {
        const accepted = t - HOUR - rng.int(2 * DAY);
        if (proposed && accepted > created) push('proposal_accepted', accepted, 'salesforce', url, { deal: ref(), ...money });
        const meta: EventMeta | undefined = rng.chance(0.5) ? { discount } : undefined;
        push('deal_won', t, 'salesforce', url, { deal: ref(), ...money, ...(meta ? { meta } : {}) });
      } else push('deal_lost', t, 'salesforce', url, { deal: ref(), ...money });
      entered = t;
      stage = won ? -1 : -2;
      if (!won && canReopen) {
        canReopen = false;
        const back = workInstant(t + 15 * DAY, t + 90 * DAY);
        if (back < nowMs) {
          reopened++;
          t = back;
          push('deal_stage_changed', t, 'salesforce', url, { deal: ref(), meta: { fromStage: LOST_STAGE, toStage: STAGES[1]! } });
          stage = 1;
          entered = t;
          continue;
        }
      }
      break;
    }
    const status = stage === -1 ? 'won' : stage === -2 ? 'lost' : 'open';
    dealsByStatus[status]++;
    const snap: DealSnapshot = {
      id,
      name,
      stage: stage === -1 ? WON_STAGE : stage === -2 ? LOST_STAGE : STAGES[stage]!,
      stageEnteredAt: iso(entered),
      amount,
      currency,
      status,
      url,
      lastSeenAt: iso(Math.min(nowMs, entered + rng.int(5 * DAY))),
    };
    if (amount !== null && rng.chance(0.5) && discount < 1) snap.listAmount = Math.round(amount / (1 - discount));
    else if (rng.chance(0.3)) snap.discount = discount;
    if (rng.chance(0.9)) snap.createdAt = iso(created);
    snap.closeDate = status === 'open' ? localDate(Math.max(nowMs - 20 * DAY, created) + (15 + rng.int(120)) * DAY) : localDate(entered);
    deals.push(snap);
  }

  // ---- training: monthly, with a cost ------------------------------------------------------
  for (let k = 0; k < TRAININGS; k++) {
    const at = workInstant(startMs + k * 30 * DAY, startMs + k * 30 * DAY + 7 * DAY);
    if (at >= nowMs) continue;
    push('training', at, 'manual', '', {
      amount: 500 + rng.int(45) * 100,
      currency: rng.chance(0.8) ? 'USD' : 'EUR',
      meta: { subject: rng.pick(['MEDDICC workshop', 'Negotiation masterclass', 'Product certification', 'Cold-calling clinic']) },
    });
  }

  // ---- activities fill the rest ------------------------------------------------------------
  const rest = options.events - events.length;
  if (rest < 0) throw new Error(`The deals alone made ${events.length} events, more than ${options.events}.`);
  for (let k = 0; k < rest; k++) {
    const type = weighted(rng, ACTIVITY_MIX);
    const at = workInstant(startMs, nowMs);
    const p = people[rng.int(PEOPLE)]!;
    const d = rng.chance(0.3) ? dealRefs[rng.int(dealRefs.length)]! : null;
    switch (type) {
      case 'call': {
        const outcome = weighted(rng, CALL_OUTCOMES);
        const meta: EventMeta = { crmActivityId: '00T' + rng.chars(15, ALNUM), subject: 'Call' };
        if (outcome !== undefined) meta.outcome = outcome;
        push(type, at, 'salesforce', d ? d.url : p.crmUrl, { person: crmPerson(p), ...(d ? { deal: { id: d.id, name: d.name } } : {}), meta });
        break;
      }
      case 'email': {
        const outcome = weighted(rng, EMAIL_OUTCOMES);
        const meta: EventMeta = { subject: `Re: ${rng.pick(PRODUCTS)}` };
        if (outcome !== undefined) meta.outcome = outcome;
        push(type, at, 'salesforce', d ? d.url : p.crmUrl, { person: crmPerson(p), ...(d ? { deal: { id: d.id, name: d.name } } : {}), meta });
        break;
      }
      case 'meeting':
      case 'lead_created':
        push(type, at, 'salesforce', d ? d.url : p.crmUrl, {
          person: crmPerson(p),
          ...(d && type === 'meeting' ? { deal: { id: d.id, name: d.name } } : {}),
          ...(type === 'meeting' ? { meta: { subject: 'Discovery call', crmActivityId: '00U' + rng.chars(15, ALNUM) } } : {}),
        });
        break;
      case 'referral_given':
      case 'referral_received':
      case 'event_attended':
        push(type, at, 'manual', '', { person: { name: p.name }, ...(type === 'event_attended' ? { meta: { subject: 'SaaStr Annual' } } : {}) });
        break;
      default:
        push(type, at, 'linkedin', p.profileUrl, { person: liPerson(p) });
    }
  }

  // Time order; ties keep generation order (a stage change before the close it caused).
  const order = Array.from({ length: events.length }, (_, i) => i).sort((a, b) => ms[a]! - ms[b]! || a - b);
  const sorted = order.map(i => events[i]!);

  const plan = benchPlan();
  return { events: sorted, deals, plan, now: BENCH_NOW, byType, dealsByStatus, reopened };
}

/** defaultPlan with a quota revised yearly and quarterly, rates, probabilities, holidays and a tiered commission. */
export function benchPlan(): Plan {
  const plan = defaultPlan(BENCH_TIME_ZONE);
  plan.rates = { EUR: 1.08, GBP: 1.27 };
  plan.annual = [
    { effectiveFrom: '2023-01-01', annualQuota: 150_000_000, note: 'FY2023' },
    { effectiveFrom: '2024-01-01', annualQuota: 170_000_000, note: 'FY2024' },
    { effectiveFrom: '2025-01-01', annualQuota: 180_000_000, quarterQuotas: [40_000_000, 45_000_000, 45_000_000, 50_000_000], note: 'FY2025' },
    { effectiveFrom: '2025-07-15', annualQuota: 190_000_000, quarterQuotas: [40_000_000, 45_000_000, 50_000_000, 55_000_000], note: 'Mid-year raise' },
    { effectiveFrom: '2026-01-01', annualQuota: 200_000_000, note: 'FY2026' },
    { effectiveFrom: '2026-04-01', annualQuota: 200_000_000, quarterQuotas: [45_000_000, 50_000_000, 50_000_000, 55_000_000], note: 'Q2 update' },
    { effectiveFrom: '2026-07-01', annualQuota: 205_000_000, quarterQuotas: [45_000_000, 50_000_000, 52_000_000, 58_000_000], note: 'Q3 update' },
    { effectiveFrom: '2026-10-01', annualQuota: 207_000_000, quarterQuotas: [45_000_000, 50_000_000, 52_000_000, 60_000_000], note: 'Q4 update' },
  ];
  plan.weeklyTargets = { calls: 250, emails: 220, conversations: 60, meetings: 35, linkedinConnects: 25, leads: 15, proposalsSubmitted: 8 };
  plan.dailyTargets = { calls: 50, emails: 40, meetings: 6 };
  plan.stageProbabilities = { 'Proposal/Price Quote': 0.6, 'Negotiation/Review': 0.8 };
  plan.holidays = [2024, 2025, 2026].flatMap(y => [`${y}-01-01`, `${y}-05-27`, `${y}-07-04`, `${y}-09-02`, `${y}-11-28`, `${y}-12-25`]);
  plan.commission = {
    period: 'quarter',
    tiers: [
      { fromAttainment: 0, rate: 0.05 },
      { fromAttainment: 0.5, rate: 0.08 },
      { fromAttainment: 1, rate: 0.1 },
    ],
    accelerator: { above: 1, multiplier: 1.5 },
    decelerator: { below: 0.4, multiplier: 0.5 },
    cap: { maxAttainment: 2, maxPayout: 5_000_000 },
  };
  return plan;
}
