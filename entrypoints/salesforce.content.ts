import { runCrmContentScript } from '../lib/crm-content';
import { salesforce } from '../lib/sites/salesforce';

export default defineContentScript({
  matches: ['https://*.lightning.force.com/*'],
  cssInjectionMode: 'manual',
  main: ctx => void runCrmContentScript(ctx, salesforce),
});
