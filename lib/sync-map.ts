// What leaves the browser (issue #7): an explicit allow-list from Pacer's local shapes
// to the team server's. A field not named here is never sent, so a field added to
// ActivityEvent later stays local until someone decides otherwise, here, in review.
// Never sent: urls, subject lines, CRM activity ids, LinkedIn profile URLs, emails,
// person names (unless the team enables them), and of course no bodies (Pacer has none).
import type { ActivityEvent, DealSnapshot, EventType, SiteId } from './model';

/** The small metadata the team's numbers need: stage moves, call outcomes, discounts. */
export interface ServerEventMeta {
  fromStage?: string;
  toStage?: string;
  outcome?: string;
  discount?: number;
}

export interface ServerEvent {
  id: string;
  type: EventType;
  at: string;
  site: SiteId;
  amount?: number;
  currency?: string;
  deal_id?: string;
  meta?: ServerEventMeta;
  person_name?: string;
}

export interface ServerDeal {
  id: string;
  name?: string;
  stage: string;
  stage_entered_at?: string;
  amount?: number;
  currency?: string;
  discount?: number;
  created_at?: string;
  close_date?: string;
  status: DealSnapshot['status'];
  last_seen_at: string;
}

export interface MapOptions {
  /** The team's `shareNames` (from whoami): only then does a person's name leave the browser. */
  shareNames: boolean;
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const text = (s: unknown, max: number): string | undefined => (typeof s === 'string' && s.trim() ? s.trim().slice(0, max) : undefined);

function metaOf(e: ActivityEvent): ServerEventMeta | undefined {
  const m = e.meta;
  if (!m) return undefined;
  const out: ServerEventMeta = {};
  const from = text(m.fromStage, 80), to = text(m.toStage, 80), outcome = text(m.outcome, 40);
  if (from) out.fromStage = from;
  if (to) out.toStage = to;
  if (outcome) out.outcome = outcome;
  if (finite(m.discount)) out.discount = m.discount;
  return Object.keys(out).length ? out : undefined;
}

export function toServerEvent(e: ActivityEvent, options: MapOptions): ServerEvent {
  const out: ServerEvent = { id: e.id, type: e.type, at: e.at, site: e.site };
  if (finite(e.amount)) out.amount = e.amount;
  if (finite(e.amount) && text(e.currency, 3)) out.currency = e.currency!.trim().toUpperCase();
  if (e.deal?.id) out.deal_id = e.deal.id;
  const meta = metaOf(e);
  if (meta) out.meta = meta;
  const name = options.shareNames ? text(e.person?.name, 120) : undefined;
  if (name) out.person_name = name;
  return out;
}

/** A deal's state for the team's pipeline and stalled-deal views. Its URL stays local. */
export function toServerDeal(d: DealSnapshot): ServerDeal {
  const out: ServerDeal = { id: d.id, stage: d.stage, status: d.status, last_seen_at: d.lastSeenAt };
  const name = text(d.name, 120);
  if (name) out.name = name;
  if (d.stageEnteredAt) out.stage_entered_at = d.stageEnteredAt;
  if (finite(d.amount)) {
    out.amount = d.amount;
    if (text(d.currency, 3)) out.currency = d.currency!.trim().toUpperCase();
  }
  if (finite(d.discount)) out.discount = d.discount;
  if (d.createdAt) out.created_at = d.createdAt;
  if (d.closeDate) out.close_date = d.closeDate;
  return out;
}
