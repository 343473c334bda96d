// Deterministic generated activity for the team server's load test, benchmark and demo: a rep's
// year of events and deals in Pacer's own shapes (lib/model.ts), so they go through the same
// allow-list mapping (lib/sync-map.ts) as a real rep's data. Volumes are per rep-year: a busy
// B2B rep logs roughly 2,000–5,000 activities a year (10–20 a working day).
import { stableId } from '../lib/ids';
import { mulberry32 } from '../lib/prng';
import { defaultPlan, DEFAULT_STAGES, type Plan } from '../lib/metrics/plan';
import { stageTargetDays } from '../lib/metrics/stage-targets';
import type { ActivityEvent, DealSnapshot, EventType } from '../lib/model';

/** mulberry32: small, fast, good enough to spread fake activity. */
export const prng = mulberry32;

const ACTIVITY_MIX: readonly [EventType, number][] = [
  ['call', 0.42],
  ['email', 0.3],
  ['meeting', 0.08],
  ['linkedin_profile_view', 0.06],
  ['linkedin_connect_sent', 0.04],
  ['linkedin_message_sent', 0.03],
  ['lead_created', 0.03],
  ['proposal_sent', 0.02],
  ['referral_given', 0.005],
  ['event_attended', 0.005],
  ['deal_stage_changed', 0.02],
];
const CALL_OUTCOMES = ['Connected', 'Left voicemail', 'No answer', 'Connected', 'Busy'];
const EMAIL_OUTCOMES = ['outbound', 'outbound', 'inbound', 'replied'];

export interface RepYear {
  events: ActivityEvent[];
  deals: DealSnapshot[];
}

export interface GenerateOptions {
  rep: string;
  seed: number;
  /** Activities in the year, before deal closes (default 3,000). */
  eventsPerYear?: number;
  /** The year ends here (default now). */
  end?: Date;
  /** Deal amounts scale (default 1): lets the demo give reps different results. */
  skill?: number;
}

const DAY = 86_400_000;

export function generateRepYear(o: GenerateOptions): RepYear {
  const rnd = prng(o.seed);
  const end = (o.end ?? new Date()).getTime();
  const start = end - 365 * DAY;
  const n = o.eventsPerYear ?? 3000;
  const skill = o.skill ?? 1;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // A working-hours moment on a weekday within the year.
  const moment = (from = start, to = end) => {
    for (;;) {
      const t = from + rnd() * (to - from);
      const d = new Date(t);
      if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
      d.setUTCHours(8 + Math.floor(rnd() * 10), Math.floor(rnd() * 60), Math.floor(rnd() * 60), 0);
      if (d.getTime() < end) return d;
    }
  };
  const iso = (d: Date) => d.toISOString();
  const events: ActivityEvent[] = [];
  const deals: DealSnapshot[] = [];
  const nDeals = Math.max(4, Math.round(n / 60));
  const stages = DEFAULT_STAGES;

  for (let i = 0; i < nDeals; i++) {
    const dealId = `salesforce:006${o.rep}${String(i).padStart(4, '0')}`;
    const created = moment(start, end - 20 * DAY);
    const amount = Math.round((5000 + rnd() * 45000) * skill);
    const currency = rnd() < 0.15 ? 'EUR' : 'USD';
    const roll = rnd();
    const status: DealSnapshot['status'] = roll < 0.3 * Math.min(1.5, skill) ? 'won' : roll < 0.55 ? 'lost' : 'open';
    const closedAt = status === 'open' ? undefined : moment(created.getTime() + 10 * DAY, Math.min(end, created.getTime() + 150 * DAY));
    const stage = status === 'open' ? pick(stages) : status === 'won' ? 'Closed Won' : 'Closed Lost';
    // Some open deals sit in their stage for long: the stalled list needs them.
    const stageEntered = status === 'open' ? new Date(end - (rnd() < 0.3 ? 40 + rnd() * 60 : rnd() * 20) * DAY) : closedAt!;
    const name = `Deal ${o.rep.toUpperCase()}-${i}`;
    deals.push({
      id: dealId,
      name,
      stage,
      stageEnteredAt: iso(stageEntered < created ? created : stageEntered),
      amount,
      currency,
      createdAt: iso(created),
      closeDate: (closedAt ?? new Date(end + 30 * DAY)).toISOString().slice(0, 10),
      status,
      url: `https://example.my.salesforce.com/${dealId.slice(11)}`,
      lastSeenAt: iso(new Date(Math.min(end, (closedAt ?? new Date(end)).getTime() + DAY))),
    });
    if (closedAt) {
      events.push({
        id: stableId(o.rep, dealId, status),
        type: status === 'won' ? 'deal_won' : 'deal_lost',
        at: iso(closedAt),
        site: 'salesforce',
        url: `https://example.my.salesforce.com/${dealId.slice(11)}`,
        deal: { id: dealId, name },
        amount,
        currency,
        capturedAt: iso(closedAt),
      });
    }
  }

  const cumulative: [EventType, number][] = [];
  let acc = 0;
  for (const [type, share] of ACTIVITY_MIX) cumulative.push([type, (acc += share)]);
  for (let i = 0; i < n; i++) {
    const r = rnd() * acc;
    const type = cumulative.find(([, c]) => r < c)![0];
    const at = moment();
    const e: ActivityEvent = {
      id: stableId(o.rep, 'activity', i),
      type,
      at: iso(at),
      site: type.startsWith('linkedin') ? 'linkedin' : 'salesforce',
      url: 'https://example.my.salesforce.com/00T',
      capturedAt: iso(at),
    };
    if (type === 'call') e.meta = { outcome: pick(CALL_OUTCOMES) };
    if (type === 'email') e.meta = { outcome: pick(EMAIL_OUTCOMES) };
    if (type === 'deal_stage_changed' || type === 'proposal_sent' || type === 'meeting') {
      const d = pick(deals);
      e.deal = { id: d.id, name: d.name };
      if (type === 'deal_stage_changed') e.meta = { fromStage: pick(stages), toStage: pick(stages) };
    }
    events.push(e);
  }
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { events, deals };
}

/** The team plan the demo and benchmark use: Pacer's defaults, USD with a EUR rate, stage targets. */
export function seededPlan(year: number): Plan {
  const plan = defaultPlan('UTC');
  plan.currency = 'USD';
  plan.rates = { EUR: 1.08 };
  plan.annual = [{ effectiveFrom: `${year}-01-01`, annualQuota: 4_000_000 }];
  plan.stageTargets = Object.fromEntries(DEFAULT_STAGES.map(s => [s, stageTargetDays(s)]));
  // Targets a rep logging ~3,000 activities a year sits around, so some are ahead and some behind.
  plan.weeklyTargets = { calls: 25, emails: 18, conversations: 8, meetings: 4, linkedinConnects: 3, leads: 2, proposalsSubmitted: 1 };
  return plan;
}
