// The pages the browser tests visit, served under the CRMs' real host names so
// content scripts match their real patterns. Pages are the saved fixtures;
// each CRM's routes live in tests/browser/sites/<site>.ts.
import { hostResolverRules, startHttpsServer, type HttpsServer, type Route } from '../../scripts/lib/https-server';
import { fixture } from './sites/fixture-route';
import { hubspotRoutes } from './sites/hubspot';
import { linkedinRoutes } from './sites/linkedin';
import { pipedriveRoutes } from './sites/pipedrive';
import { salesforceRoutes } from './sites/salesforce';

export const SF_HOST = 'pacer-test.lightning.force.com';
export const OPPORTUNITIES = {
  negotiation: { id: '006Hs00001AbCdEIAZ', file: 'salesforce/opportunity-negotiation.html' },
  won: { id: '006Hs00001WonDealA', file: 'salesforce/opportunity-aura-won.html' },
  lost: { id: '006Hs00001LostDeal', file: 'salesforce/opportunity-lost.html' },
  broken: { id: '006Hs00001BrokenPg', file: 'salesforce/opportunity-broken.html' },
} as const;

/**
 * Stands in for Salesforce lazily rendering more of the activity timeline: the
 * page's own script clones the rep's first logged call `n` times, a few rows at a time.
 */
const burstScript = (n: number) => `<script>
(() => {
  const list = document.querySelector('.activityHistories ul') || document.querySelector('.activityHistories');
  const template = [...document.querySelectorAll('.activityHistories li')].find(li => li.querySelector('.slds-timeline__item_call'));
  let i = 0;
  const tick = () => {
    for (let k = 0; k < 10 && i < ${n}; k++, i++) {
      const row = template.cloneNode(true);
      const link = row.querySelector('h3 a');
      link.setAttribute('href', '/lightning/r/Task/00T5e0000B' + String(i).padStart(8, '0') + '/view');
      link.textContent = 'Discovery call ' + (i + 1);
      row.querySelector('h3').setAttribute('title', 'Discovery call ' + (i + 1));
      list.appendChild(row);
    }
    document.body.dataset.burst = String(i);
    if (i < ${n}) setTimeout(tick, 15);
  };
  setTimeout(tick, 300);
})();
</script>`;

export const TEST_HOSTS = ['*.lightning.force.com', 'app.hubspot.com', 'app-eu1.hubspot.com', '*.pipedrive.com', 'www.linkedin.com'];

export async function startTestSite(): Promise<{ server: HttpsServer; rules: string; opportunityUrl(key: keyof typeof OPPORTUNITIES, query?: string): string }> {
  const routes: Route[] = [
    ...salesforceRoutes,
    {
      host: /\.lightning\.force\.com$/,
      path: /^\/lightning\/r\/Opportunity\/\w+\/view$/,
      handle({ path, query }) {
        const entry = Object.values(OPPORTUNITIES).find(o => path.includes(`/${o.id}/`));
        if (!entry) return { status: 404, body: 'no such opportunity' };
        let html = fixture(entry.file);
        const burst = Number(query.get('burst') ?? 0);
        if (burst > 0) html = html.replace('</body>', `${burstScript(burst)}</body>`);
        return { body: html };
      },
    },
    { host: /\.lightning\.force\.com$/, path: /^\/lightning\/o\//, handle: () => ({ body: '<!doctype html><title>List</title><h1>Opportunities</h1>' }) },
    ...hubspotRoutes,
    ...pipedriveRoutes,
    ...linkedinRoutes,
  ];
  const server = await startHttpsServer(routes);
  return {
    server,
    rules: hostResolverRules(server.port, TEST_HOSTS),
    opportunityUrl: (key, query = '') => `https://${SF_HOST}/lightning/r/Opportunity/${OPPORTUNITIES[key].id}/view${query ? `?${query}` : ''}`,
  };
}
