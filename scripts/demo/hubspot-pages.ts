// HubSpot pages for `npm run demo`: the hand-built fixtures of tests/fixtures/hubspot,
// served at their real URLs on app.hubspot.com and app-eu1.hubspot.com, with HubSpot's
// own behaviour after Save, Send and Create (tests/browser/sites/hubspot.ts) so a
// demo user can log a call, a meeting or an email, or create a deal, and watch Pacer
// count it once. Not HubSpot: made-up records, no HubSpot code.
//
// Wiring (scripts/demo.ts): add `...hubspotDemoRoutes` to the demo server's routes,
// `...hubspotDemoHosts` to its hostResolverRules, and `hubspotDemoLinks` to the index page.
import type { Route } from '../lib/https-server';
import { HUBSPOT_FIXTURE_REP, hubspotFixtureRoutes, hubspotUrls } from '../../tests/browser/sites/hubspot';
import { DEMO_REP } from './data';

/** The host names the demo browser must map to the demo server for these pages. */
export const hubspotDemoHosts = ['app.hubspot.com', 'app-eu1.hubspot.com'];

const FIXTURE_EMAIL = 'riley@acme-sales.example';

/**
 * The fixtures' signed-in user is Riley Moss; the demo's rep is DEMO_REP. HubSpot
 * names the signed-in user on their own cards ("Call - Connected made by …"), so
 * the demo pages name the demo's rep there, and Pacer counts those cards as theirs.
 */
const asDemoRep = (route: Route): Route => ({
  ...route,
  async handle(req) {
    const reply = await route.handle(req);
    return { ...reply, body: reply.body.split(HUBSPOT_FIXTURE_REP).join(DEMO_REP.name).split(FIXTURE_EMAIL).join(DEMO_REP.email) };
  },
});

/** Every HubSpot fixture page, with the Log call / Log meeting / email / Create behaviour scripts. */
export const hubspotDemoRoutes: Route[] = hubspotFixtureRoutes(DEMO_REP.name).map(asDemoRep);

/** For the demo's index page. */
export const hubspotDemoLinks: { label: string; url: string }[] = [
  { label: 'HubSpot deal at Contract sent (the sales-cycle timer sits beside its stage)', url: hubspotUrls.dealMid },
  { label: 'HubSpot deal with the Log call panel open: click "Log activity" to log a call', url: hubspotUrls.dealLogCall },
  { label: 'HubSpot deal with the Log meeting panel open: type a title, then "Log activity"', url: hubspotUrls.dealLogMeeting },
  { label: 'HubSpot closed-won deal (EU portal)', url: hubspotUrls.dealWon },
  { label: 'HubSpot closed-lost deal', url: hubspotUrls.dealLost },
  { label: 'HubSpot contact', url: hubspotUrls.contact },
  { label: 'HubSpot contact with the email composer open: click Send', url: hubspotUrls.contactEmail },
  { label: 'HubSpot company and its deals', url: hubspotUrls.company },
  { label: 'HubSpot deal board', url: hubspotUrls.board },
  { label: 'HubSpot "My deals" list', url: hubspotUrls.list },
  { label: 'HubSpot create-deal dialog: click Create', url: hubspotUrls.creator },
];
