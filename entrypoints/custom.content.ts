// The rep's own CRM (issue #8): registered at runtime by lib/custom-adapters.ts on
// the hosts the rep granted, never in the manifest. Runs the same capture runner as
// the shipped adapters with the adapters configured for this host.
import { runAdapter } from '../lib/capture';
import { customAdapterConfigs } from '../lib/custom-adapters';
import { combinedCustomAdapter } from '../lib/custom-adapters-combine';
import { repIdentity } from '../lib/settings';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  async main(ctx) {
    const [configs, me] = await Promise.all([customAdapterConfigs.getValue(), repIdentity.getValue()]);
    const adapter = combinedCustomAdapter(configs, location.host, me);
    if (adapter) runAdapter(ctx, adapter);
  },
});
