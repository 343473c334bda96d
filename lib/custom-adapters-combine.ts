// Several custom configs can share a host (deals and leads of one CRM): one adapter
// that reads with whichever config's pattern matches the current page. Pure.
import type { RepIdentity } from './model';
import { customAdapter, originPattern, type CustomAdapterConfig } from './sites/custom';
import { missing, type SiteAdapter } from './sites/types';

/**
 * `me` is the rep as stored when the script started: the runner learns the identity
 * only after its first reading, and a CRM without "You" needs it from the first one
 * (else every row would count as the rep's).
 */
export function combinedCustomAdapter(configs: readonly CustomAdapterConfig[], host: string, me?: RepIdentity): SiteAdapter | undefined {
  const adapters = configs.filter(c => originPattern(c) === `https://${host.toLowerCase()}/*`).map(customAdapter);
  if (adapters.length === 0) return undefined;
  const known = me?.name || me?.email ? me : undefined;
  return {
    id: 'custom',
    label: adapters[0]!.label,
    matches: url => adapters.some(a => a.matches(url)),
    read: (doc, url, now, current) =>
      adapters.find(a => a.matches(url))?.read(doc, url, now, current ?? known) ?? { kind: 'unknown', health: missing('a page matching the URL pattern') },
  };
}
