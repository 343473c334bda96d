// Per-site switches (issue #8, first-run page and options): capture is on for every
// site from install; a switch turns one site off. Applied on the background's one
// write path, next to the privacy switches.
import type { CaptureBatch } from './capture-batch';
import type { SiteId } from './model';

export interface SiteSwitches {
  /** Sites the rep turned off. */
  off: SiteId[];
}

export const defaultSiteSwitches = (): SiteSwitches => ({ off: [] });

/** The sites a rep can switch, in the order the switches show. */
export const SWITCHABLE_SITES = ['salesforce', 'hubspot', 'pipedrive', 'linkedin', 'custom'] as const satisfies readonly SiteId[];

/** A batch from a site switched off stores nothing, not even who was on the page. */
export function applySiteSwitches(batch: CaptureBatch, switches: SiteSwitches): CaptureBatch {
  if (!switches.off.includes(batch.site)) return batch;
  return { ...batch, events: [], deals: [], listRows: [], people: [] };
}
