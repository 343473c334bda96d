// Several custom configs can share a host (deals and leads of one CRM): one adapter
// that reads with whichever config's pattern matches the current page. Pure.
import { customAdapter, originPattern, type CustomAdapterConfig } from './sites/custom';
import { missing, type SiteAdapter } from './sites/types';

export function combinedCustomAdapter(configs: readonly CustomAdapterConfig[], host: string): SiteAdapter | undefined {
  const adapters = configs.filter(c => originPattern(c) === `https://${host.toLowerCase()}/*`).map(customAdapter);
  if (adapters.length === 0) return undefined;
  if (adapters.length === 1) return adapters[0];
  return {
    id: 'custom',
    label: adapters[0]!.label,
    matches: url => adapters.some(a => a.matches(url)),
    read: (doc, url, now, me) =>
      adapters.find(a => a.matches(url))?.read(doc, url, now, me) ?? { kind: 'unknown', health: missing('a page matching the URL pattern') },
  };
}
