import { runCrmContentScript } from '../lib/crm-content';
import { hubspot } from '../lib/sites/hubspot';

export default defineContentScript({
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://app-na2.hubspot.com/*'],
  cssInjectionMode: 'manual',
  main: ctx => void runCrmContentScript(ctx, hubspot),
});
