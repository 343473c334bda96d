// Builders for the metrics tests: events and deals with only what a case needs.
import type { ActivityEvent, DealSnapshot, EventType } from '../../lib/model';
import { defaultPlan, type Plan } from '../../lib/metrics/plan';

let seq = 0;

/** An event; `at` may be written without seconds ('2026-03-02T10:00Z'), it is normalised. */
export function ev(type: EventType, at: string, extra: Partial<ActivityEvent> = {}): ActivityEvent {
  const iso = new Date(at).toISOString();
  return { id: extra.id ?? `ev-${++seq}`, type, at: iso, site: 'salesforce', url: '', capturedAt: iso, ...extra };
}

export const call = (at: string, outcome?: string) => ev('call', at, outcome === undefined ? {} : { meta: { outcome } });
export const email = (at: string, outcome?: string) => ev('email', at, outcome === undefined ? {} : { meta: { outcome } });

export const move = (dealId: string, at: string, fromStage: string, toStage: string) =>
  ev('deal_stage_changed', at, { deal: { id: dealId }, meta: { fromStage, toStage } });
export const won = (dealId: string, at: string, amount?: number, currency = 'USD', discount?: number) =>
  ev('deal_won', at, { deal: { id: dealId }, ...(amount === undefined ? {} : { amount, currency }), ...(discount === undefined ? {} : { meta: { discount } }) });
export const lost = (dealId: string, at: string, amount?: number, currency = 'USD') =>
  ev('deal_lost', at, { deal: { id: dealId }, ...(amount === undefined ? {} : { amount, currency }) });

export function deal(id: string, over: Partial<DealSnapshot> = {}): DealSnapshot {
  return {
    id,
    name: id,
    stage: 'Prospecting',
    stageEnteredAt: '2026-01-05T09:00:00.000Z',
    amount: 10_000,
    currency: 'USD',
    status: 'open',
    url: `https://crm.example/${id}`,
    lastSeenAt: '2026-01-05T09:00:00.000Z',
    ...over,
  };
}

/** Four stages keep pipeline cases readable. */
export const STAGES = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation'];

export function plan(over: Partial<Plan> = {}): Plan {
  return {
    ...defaultPlan('UTC'),
    stages: [...STAGES],
    stageTargets: { Prospecting: 7, Qualification: 10, Proposal: 14, Negotiation: 21 },
    annual: [{ effectiveFrom: '2020-01-01', annualQuota: 400_000 }],
    ...over,
  };
}

/** Every number in a value, for "never NaN / Infinity" checks. */
export function numbersIn(value: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  return out;
}
