// The rep's privacy switches, applied in one place (the background's write
// path), so every adapter honours them: pause capture, and a never-capture list.
import type { CaptureBatch, PersonSeen } from './capture-batch';
import type { ActivityEvent } from './model';
import type { DealObservation } from './sites/types';

export interface CaptureSettings {
  paused: boolean;
  /**
   * People and domains Pacer must never record: a domain (`bigclient.com`, matching
   * page hosts and email domains), a LinkedIn profile URL, an email, a CRM id
   * (`salesforce:00Q…`) or a full name.
   */
  neverCapture: string[];
}

export const defaultCaptureSettings = (): CaptureSettings => ({ paused: false, neverCapture: [] });

const norm = (s: string) => s.trim().toLowerCase().normalize('NFKC');
const slugOf = (url: string) => /linkedin\.com\/in\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase();

/** A compiled never-capture list, so each event is checked in constant time per rule kind. */
export function neverCaptureMatcher(entries: readonly string[]) {
  const domains = new Set<string>();
  const people = new Set<string>();
  const slugs = new Set<string>();
  for (const raw of entries) {
    const entry = norm(raw);
    if (!entry) continue;
    const slug = slugOf(entry);
    if (slug) slugs.add(slug);
    else if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(entry) && !entry.includes('@')) domains.add(entry.replace(/^www\./, ''));
    else people.add(entry);
  }
  const hostBlocked = (host: string) => {
    const h = host.toLowerCase();
    for (const d of domains) if (h === d || h.endsWith(`.${d}`)) return true;
    return false;
  };
  const urlBlocked = (url: string | undefined) => {
    if (!url) return false;
    try {
      return hostBlocked(new URL(url).hostname);
    } catch {
      return false;
    }
  };
  const personBlocked = (p: ActivityEvent['person']) => {
    if (!p) return false;
    if (p.name && people.has(norm(p.name))) return true;
    if (p.crmId && people.has(norm(p.crmId))) return true;
    if (p.profileUrl) {
      const slug = slugOf(p.profileUrl);
      if (slug && slugs.has(slug)) return true;
    }
    return false;
  };
  return {
    person: (p: PersonSeen) =>
      (!!p.name && people.has(norm(p.name))) ||
      (!!p.crmId && people.has(norm(p.crmId))) ||
      (!!p.profileUrl && slugs.has(slugOf(p.profileUrl) ?? '')),
    event: (e: ActivityEvent) => urlBlocked(e.url) || personBlocked(e.person) || (e.deal?.name !== undefined && people.has(norm(e.deal.name))),
    deal: (d: DealObservation) => urlBlocked(d.url) || people.has(norm(d.name)),
    email: (email: string) => people.has(norm(email)) || hostBlocked(email.split('@')[1] ?? ''),
  };
}

/** What of a batch may be stored under the rep's settings: nothing while paused. */
export function applyPrivacy(batch: CaptureBatch, settings: CaptureSettings): CaptureBatch {
  // Paused means nothing at all: no events, no deals, not even who was on the page.
  if (settings.paused) return { ...batch, events: [], deals: [], listRows: [], people: [] };
  if (settings.neverCapture.length === 0) return batch;
  const blocked = neverCaptureMatcher(settings.neverCapture);
  return {
    ...batch,
    events: batch.events.filter(e => !blocked.event(e)),
    deals: batch.deals.filter(d => !blocked.deal(d)),
    listRows: (batch.listRows ?? []).filter(d => !blocked.deal(d)),
    people: (batch.people ?? []).filter(p => !blocked.person(p)),
  };
}
