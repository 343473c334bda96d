// A believable sales quarter for one rep, for the demo and for screenshots.
// Deterministic: the same (now, seed) always yields the same export, byte for byte
// (the current-week top-up counts in local time, so also keep the time zone fixed).
// No Math.random and no Date.now: every draw comes from one seeded mulberry32.
import { buildExport, type PacerExport } from '../../lib/export-format';
import { stableId } from '../../lib/ids';
import { DEFAULT_STAGES } from '../../lib/metrics/plan';
import { mulberry32 } from '../../lib/prng';
import { crmActivityEventId } from '../../lib/observe';
import { caseSafeId } from '../../lib/sites/salesforce';
import { dayPeriod, weekPeriod } from '../../lib/metrics/periods';
import type { ActivityEvent, DealRef, DealSnapshot, DealStatus, EventMeta, EventType, PersonRef, RepIdentity, SiteId } from '../../lib/model';

export const DEMO_HOST = 'pacer-demo.lightning.force.com';

/** Salesforce's default opportunity stages, in order (the plan's default pipeline); the two closed stages come last. */
export const DEMO_STAGES: readonly string[] = [...DEFAULT_STAGES, 'Closed Won', 'Closed Lost'];

export const DEMO_REP: RepIdentity = { name: 'Sam Rivera', email: 'sam.rivera@example.com' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Thirteen weeks: one quarter of activity, ending at `now`. */
const WINDOW = 91 * DAY;
/** Working hours in UTC (a rep on US time). */
const WORK_START = 13 * HOUR;
const WORK_END = 22 * HOUR;
const WEEK_MINIMUM = 30; // the test asks for 25; keep a margin
const TODAY_MINIMUM = 4;
const OFF_HOURS_TODAY_MINIMUM = 2; // a Saturday, or before nine

const PROPOSAL = 'Proposal/Price Quote';
const WON = 'Closed Won';
const LOST = 'Closed Lost';
/** Where the 15 open deals sit (indexes into DEMO_STAGES): a pipeline that thins toward the close. */
const OPEN_AT = [0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 6, 7, 7];
const STATUSES: DealStatus[] = [...OPEN_AT.map(() => 'open' as const), ...Array<DealStatus>(6).fill('won'), ...Array<DealStatus>(3).fill('lost')];

const ACCOUNTS = [
  'Acme Corp', 'Globex', 'Initech', 'Northwind Traders', 'Contoso', 'Fabrikam', 'Tailspin Toys', 'Wide World Importers',
  'Adventure Works', 'Litware', 'Proseware', 'Lucerne Publishing', 'Trey Research', 'Coho Winery', 'Alpine Ski House',
  'Fourth Coffee', 'Woodgrove Bank', 'Humongous Insurance', 'Wingtip Toys', 'Relecloud', 'Lamna Healthcare',
  'VanArsdel', 'Tailwind Traders', 'Southridge Video',
];
const PROSPECT_ACCOUNTS = [
  'Bluebird Logistics', 'Cedar Analytics', 'Halcyon Foods', 'Ironwood Manufacturing', 'Juniper Health', 'Keystone Freight',
  'Lakeshore Realty', 'Meridian Labs', 'Northstar Retail', 'Oakridge Dental', 'Pinecrest Hotels', 'Quarry Works',
  'Redwood Energy', 'Summit Outdoor', 'Trident Marine', 'Upland Farms', 'Vantage Media', 'Willow Clinics',
];
const PRODUCTS = [
  '500 Widgets', '1,200 Widgets', 'Enterprise License (250 seats)', 'Annual Renewal', 'Platform Expansion', 'Pilot (3 sites)',
  'Premium Support Upgrade', 'Fleet Rollout', 'Analytics Add-on', 'Multi-year Renewal', 'Team Plan (40 seats)', 'Widget Retrofit',
];
const FIRST_NAMES = [
  'Alex', 'Priya', 'Jordan', 'Maria', 'Chen', 'Fatima', 'Liam', 'Aisha', 'Noah', 'Sofia', 'Ethan', 'Mei', 'Lucas', 'Amara',
  'Daniel', 'Yuki', 'Omar', 'Elena', 'Marcus', 'Hannah', 'Diego', 'Grace', 'Tomás', 'Nadia', 'Owen', 'Leila', 'Ravi',
  'Chloe', 'Samuel', 'Ingrid', 'Kwame', 'Julia', 'Mateo', 'Rachel', 'Arjun', 'Zoe', 'Felix', 'Hana', 'Isaac', 'Carmen',
];
const LAST_NAMES = [
  'Patel', 'Nguyen', 'Garcia', 'Kim', 'Okafor', 'Schmidt', 'Rossi', 'Haddad', 'Johnson', 'Silva', 'Kowalski', 'Tanaka',
  'Murphy', 'Cohen', 'Andersen', 'Mensah', 'Dubois', 'Reyes', "O'Brien", 'Larsen', 'Ahmed', 'Chen', 'Brooks', 'Fischer',
  'Moreau', 'Santos', 'Walsh', 'Ivanova', 'Park', 'Bennett', 'Costa', 'Hughes', 'Yilmaz', 'Novak', 'Ortiz', 'Lindqvist',
];
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

interface Person {
  name: string;
  company: string;
  profileUrl: string;
  /** Contact (003…) or lead (00Q…) id in Salesforce. */
  crmId: string;
  crmUrl: string;
}

interface Move {
  from: string;
  to: string;
  at: number;
}

interface Deal {
  snapshot: DealSnapshot;
  ref: DealRef;
  company: string;
  contacts: Person[];
  firstStage: string;
  /** Every stage change, oldest first; all fall inside the window. */
  moves: Move[];
  createdAt: number;
  /** When the deal closed; undefined while open. */
  closedAt?: number;
}

/** An event before it gets its id and capture time. */
type Draft = Omit<ActivityEvent, 'id' | 'capturedAt' | 'at'> & { at: number };

// ---- randomness ---------------------------------------------------------------------------

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let u = this.next() * table.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of table) {
      if ((u -= w) < 0) return value;
    }
    return table[table.length - 1]![0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  /** Knuth's Poisson sampler: fine for the small means used here. */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = this.next(); p > limit; p *= this.next()) k++;
    return k;
  }
  chars(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += ALPHANUMERIC[Math.floor(this.next() * ALPHANUMERIC.length)];
    return s;
  }
}

// ---- time ---------------------------------------------------------------------------------

const utcDayStart = (t: number) => Math.floor(t / DAY) * DAY;
const isWeekend = (t: number) => [0, 6].includes(new Date(t).getUTCDay());
const iso = (t: number) => new Date(t).toISOString();
const isoDate = (t: number) => iso(t).slice(0, 10);

/** The parts of [from, to] that fall in weekday working hours. */
function workSpans(from: number, to: number): [number, number][] {
  const spans: [number, number][] = [];
  for (let day = utcDayStart(from); day <= to; day += DAY) {
    if (isWeekend(day)) continue;
    const a = Math.max(from, day + WORK_START);
    const b = Math.min(to, day + WORK_END);
    if (b > a) spans.push([a, b]);
  }
  return spans;
}

/** A whole-second instant in [from, to] during working hours, or undefined when there is none. */
function workInstant(r: Random, from: number, to: number): number | undefined {
  const spans = workSpans(from, to);
  let u = r.next() * spans.reduce((sum, [a, b]) => sum + b - a, 0);
  for (const [a, b] of spans) {
    if (u < b - a) return Math.max(a, Math.floor((a + u) / 1000) * 1000);
    u -= b - a;
  }
  return undefined;
}

/** Working hours when there are any in [from, to], else any instant in it. */
function instant(r: Random, from: number, to: number): number {
  if (to <= from) return from;
  return workInstant(r, from, to) ?? Math.max(from, Math.floor(r.between(from, to) / 1000) * 1000);
}

// ---- people and deals ---------------------------------------------------------------------

const slug = (name: string) => name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').trim().replace(/ +/g, '-');
const sfUrl = (object: string, id: string) => `https://${DEMO_HOST}/lightning/r/${object}/${id}/view`;

function makePeople(r: Random) {
  const used = new Set<string>([DEMO_REP.name]);
  const ids = new Set<string>();
  const uniqueId = (prefix: string) => {
    let id: string;
    do id = prefix + r.chars(8);
    while (ids.has(id));
    ids.add(id);
    return id;
  };
  const name = () => {
    let n: string;
    do n = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
    while (used.has(n));
    used.add(n);
    return n;
  };
  const person = (company: string, object: 'Contact' | 'Lead'): Person => {
    const n = name();
    const crmId = uniqueId(object === 'Contact' ? '003Hs00002' : '00QHs00003');
    return { name: n, company, profileUrl: `https://www.linkedin.com/in/${slug(n)}-${r.chars(6).toLowerCase()}/`, crmId, crmUrl: sfUrl(object, crmId) };
  };
  return { uniqueId, name, person };
}

const roundTo500 = (n: number) => Math.round(n / 500) * 500;

/** The stages a deal walks through up to `last`; reps skip the optional middle stages now and then. */
function stagePath(r: Random, last: string, close?: typeof WON | typeof LOST): string[] {
  const end = DEMO_STAGES.indexOf(last);
  const path = DEMO_STAGES.slice(0, end + 1).filter(
    (stage, i) => i === 0 || i === end || !((stage === 'Perception Analysis' && r.chance(0.4)) || (stage === 'Id. Decision Makers' && r.chance(0.2))),
  );
  return close ? [...path, close] : path;
}

/** Four deals in ten sell below list: discount = 1 − amount / listAmount, at most 30 %. */
function priceList(r: Random, amount: number): { listAmount?: number; discount?: number } {
  if (!r.chance(0.4)) return {};
  const listAmount = Math.max(amount + 500, roundTo500(amount / (1 - r.between(0.04, 0.28))));
  const discount = Math.round((1 - amount / listAmount) * 10_000) / 10_000;
  return discount <= 0.3 ? { listAmount, discount } : {};
}

function makeDeals(r: Random, now: number, people: ReturnType<typeof makePeople>): Deal[] {
  const start = now - WINDOW;
  const accounts = r.shuffle(ACCOUNTS);
  const statuses = r.shuffle(STATUSES);
  // The open deals take OPEN_AT's stages in a shuffled order, so the funnel keeps its shape.
  const openStages = r.shuffle(OPEN_AT);
  return statuses.map((status, i) => {
    const company = accounts[i]!;
    const recordId = people.uniqueId('006Hs00001');
    const name = `${company} — ${r.pick(PRODUCTS)}`;
    const path =
      status === 'open' ? stagePath(r, DEMO_STAGES[openStages.pop()!]!)
      : status === 'won' ? stagePath(r, 'Negotiation/Review', WON)
      : stagePath(r, DEMO_STAGES[r.int(1, 6)]!, LOST);
    const moves = path.length - 1;

    // When the deal reached its current stage: closed deals spread over the quarter, open ones up to an hour ago.
    const endAt = status === 'open' ? instant(r, start + 2 * DAY, now - HOUR) : instant(r, start + 21 * DAY, now - DAY);
    let createdAt: number;
    if (moves === 0) createdAt = endAt;
    else if (r.chance(0.3)) createdAt = instant(r, start - 60 * DAY, start - 5 * DAY); // in the pipeline before the quarter
    else {
      const lo = Math.max(start, endAt - moves * r.between(4, 10) * DAY);
      createdAt = instant(r, lo, Math.max(lo, endAt - (moves * DAY) / 2));
    }
    // Every stage change falls inside the window, strictly between creation and the current stage.
    const from = Math.max(createdAt, start) + MINUTE;
    const times = Array.from({ length: Math.max(0, moves - 1) }, () => instant(r, from, endAt - MINUTE)).sort((a, b) => a - b);
    if (moves > 0) times.push(endAt);

    const amount = roundTo500(Math.exp(r.between(Math.log(8_000), Math.log(250_000))));
    const snapshot: DealSnapshot = {
      id: `salesforce:${recordId}`,
      name,
      stage: path[path.length - 1]!,
      stageEnteredAt: iso(endAt),
      amount,
      currency: 'USD',
      ...priceList(r, amount),
      createdAt: iso(createdAt),
      closeDate: status === 'open' ? isoDate(now + (r.chance(0.12) ? -r.int(1, 9) : r.int(6, 80)) * DAY) : isoDate(endAt),
      status,
      url: sfUrl('Opportunity', recordId),
      // Open deals get looked at every few days; closed ones once or twice after the close.
      lastSeenAt: iso(status === 'open' ? instant(r, Math.max(endAt, now - 6 * DAY), now) : instant(r, endAt, Math.min(now, endAt + 3 * DAY))),
    };
    return {
      snapshot,
      ref: { id: snapshot.id, name },
      company,
      contacts: Array.from({ length: r.int(2, 3) }, () => people.person(company, 'Contact')),
      firstStage: path[0]!,
      moves: times.map((at, k) => ({ from: path[k]!, to: path[k + 1]!, at })),
      createdAt,
      closedAt: status === 'open' ? undefined : endAt,
    };
  });
}

const stageAt = (deal: Deal, t: number) => deal.moves.filter(m => m.at <= t).at(-1)?.to ?? deal.firstStage;

const MEETING_BY_STAGE: Record<string, string> = {
  Prospecting: 'Discovery call',
  Qualification: 'Discovery call',
  'Needs Analysis': 'Requirements workshop',
  'Value Proposition': 'Product demo',
  'Id. Decision Makers': 'Stakeholder meeting',
  'Perception Analysis': 'Technical deep dive',
  'Proposal/Price Quote': 'Proposal walkthrough',
  'Negotiation/Review': 'Contract review',
  'Closed Won': 'Kickoff',
  'Closed Lost': 'Debrief',
};
const DEAL_EMAIL_SUBJECTS = ['Next steps', 'Following up on today', 'Pricing questions', 'Security questionnaire', 'Agenda for our call', 'Updated timeline'];
const LEAD_EMAIL_SUBJECTS = ['Quick question', 'Following up on my voicemail', 'Worth a conversation?', 'Idea for your team', 'Intro from Sam'];

// ---- the dataset --------------------------------------------------------------------------

/** A quarter of activity for Sam Rivera ending at `now`: 24 opportunities and several hundred events. */
export function demoDataset(now: Date, seed = 42): PacerExport {
  const r = new Random(seed);
  const end = now.getTime();
  const start = end - WINDOW;
  const people = makePeople(r);
  const deals = makeDeals(r, end, people);
  const prospects = Array.from({ length: 110 }, () => people.person(r.pick(PROSPECT_ACCOUNTS), 'Lead'));
  // A third were leads before the quarter; lead_created hands out the rest in order.
  const leads = prospects.slice(0, 36);
  let nextLead = leads.length;
  const connected: Person[] = [];
  const drafts: Draft[] = [];

  const crmPerson = (p: Person): PersonRef => ({ name: p.name, crmId: p.crmId });
  const linkedinPerson = (p: Person): PersonRef => ({ name: p.name, profileUrl: p.profileUrl });
  const activeDeals = (t: number) => deals.filter(d => d.createdAt <= t && (d.closedAt === undefined || t <= d.closedAt));
  const add = (type: EventType, at: number, site: SiteId, url: string, extra: Partial<Draft> = {}) => {
    drafts.push({ type, at, site, url, ...extra });
  };

  /** A CRM touch: about 60 % about an open deal, the rest about a lead. */
  function crmTouch(type: 'call' | 'email' | 'meeting', t: number): void {
    const open = activeDeals(t);
    const deal = open.length > 0 && r.chance(type === 'meeting' ? 0.85 : 0.6) ? r.pick(open) : undefined;
    const person = deal ? r.pick(deal.contacts) : r.pick(leads);
    const meta: EventMeta = {};
    if (type === 'call') meta.outcome = r.weighted([['Connected', 4], ['Left voicemail', 3.5], ['No answer', 2.5]] as const);
    if (type === 'email') {
      meta.outcome = r.chance(0.8) ? 'outbound' : 'inbound';
      meta.subject = deal ? `${r.pick(DEAL_EMAIL_SUBJECTS)} — ${deal.company}` : r.pick(LEAD_EMAIL_SUBJECTS);
    }
    if (type === 'meeting') meta.subject = `${deal ? MEETING_BY_STAGE[stageAt(deal, t)] : 'Intro call'} — ${person.company}`;
    // Salesforce keeps every logged activity as a Task (00T) or Event (00U) record; the demo
    // pages link to it, so visiting a deal finds the very same event, not a second one.
    meta.crmActivityId = caseSafeId(`${type === 'meeting' ? '00U' : '00T'}Hs0${stableId('demo-activity', seed, drafts.length, t).slice(0, 9)}`);
    add(type, t, 'salesforce', deal ? deal.snapshot.url : person.crmUrl, {
      person: crmPerson(person),
      ...(deal && { deal: deal.ref }),
      meta,
    });
  }

  type LinkedinType = 'linkedin_profile_view' | 'linkedin_connect_sent' | 'linkedin_message_sent' | 'linkedin_inmail_sent' | 'linkedin_lead_saved';
  function linkedinTouch(type: LinkedinType, t: number): void {
    const contacts = activeDeals(t).flatMap(d => d.contacts);
    const person =
      type === 'linkedin_message_sent' && connected.length > 0 ? r.pick(connected)
      : type === 'linkedin_profile_view' && contacts.length > 0 && r.chance(0.35) ? r.pick(contacts)
      : r.pick(prospects);
    add(type, t, 'linkedin', person.profileUrl, { person: linkedinPerson(person) });
    if (type === 'linkedin_connect_sent' && r.chance(0.5)) {
      const accepted = workInstant(r, t + 3 * HOUR, Math.min(t + 7 * DAY, end));
      if (accepted !== undefined) {
        add('linkedin_connect_accepted', accepted, 'linkedin', person.profileUrl, { person: linkedinPerson(person) });
        connected.push(person);
      }
    }
  }

  function leadCreated(t: number): void {
    const person = prospects[nextLead++ % prospects.length]!;
    if (!leads.includes(person)) leads.push(person);
    add('lead_created', t, 'salesforce', person.crmUrl, { person: crmPerson(person) });
  }

  const ROUTINE = [
    ['call', 3.2],
    ['email', 3.0],
    ['meeting', 0.8],
    ['linkedin_profile_view', 1.6],
    ['linkedin_connect_sent', 0.7],
    ['linkedin_message_sent', 0.5],
    ['linkedin_inmail_sent', 0.15],
    ['linkedin_lead_saved', 0.12],
    ['lead_created', 0.45],
  ] as const;
  type RoutineType = (typeof ROUTINE)[number][0];
  const routine = (type: RoutineType, t: number) => {
    if (type === 'call' || type === 'email' || type === 'meeting') crmTouch(type, t);
    else if (type === 'lead_created') leadCreated(t);
    else linkedinTouch(type, t);
  };

  // Day by day: weekday working hours, a push toward the end of the quarter, and the odd weekend email.
  const DAY_OF_WEEK = [0, 0.95, 1.05, 1.05, 1.0, 0.8, 0];
  for (let day = utcDayStart(start); day <= end; day += DAY) {
    if (isWeekend(day)) {
      if (!r.chance(0.25)) continue;
      for (let n = r.int(1, 2); n > 0; n--) {
        const t = Math.floor(r.between(day + 15 * HOUR, day + 20 * HOUR) / 1000) * 1000;
        if (t >= start && t <= end) routine(r.pick(['email', 'linkedin_profile_view'] as const), t);
      }
      continue;
    }
    const factor = (0.85 + (0.3 * (day - start)) / WINDOW) * DAY_OF_WEEK[new Date(day).getUTCDay()]! * r.between(0.7, 1.3);
    for (const [type, rate] of ROUTINE) {
      for (let n = r.poisson(rate * factor); n > 0; n--) {
        const t = workInstant(r, Math.max(day, start), Math.min(day + DAY - 1, end));
        if (t !== undefined) routine(type, t); // none today before working hours start
      }
    }
  }

  // The deals' own history: stage changes, proposals, and the close.
  for (const deal of deals) {
    const { snapshot, ref, moves } = deal;
    const money = { amount: snapshot.amount ?? undefined, currency: 'USD' };
    const discount = snapshot.discount === undefined ? {} : { discount: snapshot.discount };
    moves.forEach((move, k) => {
      add('deal_stage_changed', move.at, 'salesforce', snapshot.url, { deal: ref, meta: { fromStage: move.from, toStage: move.to } });
      const nextAt = moves[k + 1]?.at ?? end;
      if (move.to === PROPOSAL) {
        // Sent within hours of reaching the stage, before the next change and never after now.
        const latest = Math.min(move.at + 6 * HOUR, nextAt);
        add('proposal_sent', instant(r, Math.min(move.at + 20 * MINUTE, latest), latest), 'salesforce', snapshot.url, {
          deal: ref, ...money, meta: discount,
        });
      }
      if (move.to === WON) {
        const previous = moves[k - 1]?.at ?? deal.createdAt;
        const latest = move.at - MINUTE;
        const accepted = instant(r, Math.min(latest, Math.max(previous + MINUTE, move.at - 2 * DAY)), latest);
        add('proposal_accepted', accepted, 'salesforce', snapshot.url, { deal: ref, ...money, meta: discount });
        add('deal_won', move.at, 'salesforce', snapshot.url, { deal: ref, ...money, meta: discount });
      }
      if (move.to === LOST) add('deal_lost', move.at, 'salesforce', snapshot.url, { deal: ref, ...money });
    });
  }

  // Logged by hand: referrals, events and training (manual entries have no page, so no url).
  const manual = (type: EventType, subject: string, extra: Partial<Draft> = {}) =>
    add(type, instant(r, start + DAY, end - DAY), 'manual', '', { meta: { subject }, ...extra });
  const someone = () => ({ person: { name: people.name() } });
  manual('referral_received', `Intro to ${r.pick(PROSPECT_ACCOUNTS)}`, someone());
  manual('referral_received', `Intro to ${r.pick(PROSPECT_ACCOUNTS)}`, someone());
  manual('referral_received', `Intro to ${r.pick(PROSPECT_ACCOUNTS)}`, someone());
  manual('referral_given', `Referred to a partner for implementation`, someone());
  manual('referral_given', `Introduced to our solutions engineer`, someone());
  manual('event_attended', 'Regional SaaS Sales Summit');
  manual('event_attended', 'Customer advisory dinner');
  manual('training', 'Negotiation masterclass', { amount: 450, currency: 'USD' });
  manual('training', 'MEDDICC certification', { amount: 1200, currency: 'USD' });

  // A dashboard opened on a quiet Monday, a Saturday or just after midnight still shows a
  // week and a day of work: the demo's screens (and the tests that check them) never depend
  // on the hour they are run. Outside working hours the work is what reps do then: the odd
  // email and a look at a profile.
  const topUp = (from: number, minimum: number) => {
    from = Math.max(from, start);
    if (from > end) return;
    let have = drafts.filter(d => d.at >= from && d.at <= end).length;
    const hasWorkHours = workSpans(from, end).length > 0;
    for (; have < minimum; have++) {
      const t = hasWorkHours ? workInstant(r, from, end)! : Math.floor(r.between(from, end) / 1000) * 1000;
      const type = hasWorkHours ? r.weighted(ROUTINE) : r.pick(['email', 'linkedin_profile_view'] as const);
      routine(type, Math.max(from, Math.min(t, end)));
    }
  };
  const today = Date.parse(dayPeriod(now).from);
  topUp(today, workSpans(today, end).length > 0 ? TODAY_MINIMUM : OFF_HOURS_TODAY_MINIMUM);
  topUp(Date.parse(weekPeriod(now).from), WEEK_MINIMUM);

  // Oldest first; ids from the seed, position and fact, so the same dataset always has the same ids.
  const events: ActivityEvent[] = drafts
    .map((d, order) => ({ d, order }))
    .sort((a, b) => a.d.at - b.d.at || a.order - b.order)
    .map(({ d }, i) => ({
      id: d.meta?.crmActivityId ? crmActivityEventId(d.site, d.meta.crmActivityId) : stableId('demo', seed, i, d.type, d.at),
      ...d,
      at: iso(d.at),
      capturedAt: iso(Math.min(d.at + r.int(2, 40) * 1000, end)), // Pacer saw it a few seconds later, but not after now
    }));
  return buildExport(DEMO_REP, events, deals.map(d => d.snapshot), now);
}
