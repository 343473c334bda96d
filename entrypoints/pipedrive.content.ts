import { runCrmContentScript } from '../lib/crm-content';
import { pipedrive } from '../lib/sites/pipedrive';

export default defineContentScript({
  matches: ['https://*.pipedrive.com/*'],
  cssInjectionMode: 'manual',
  main: ctx => void runCrmContentScript(ctx, pipedrive),
});
