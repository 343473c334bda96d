// What the fuzzers run: every content-script adapter over its real fixtures (the
// same pages and URLs as tests/sites/*), with the pipeline that turns a reading into
// events. Fixtures: tests/fixtures/* (saved, scrubbed pages; provenance in each file).
import type { CapturedEvent, PersonSeen } from '../../lib/capture-batch';
import { linkedinActionEvent, observeLinkedIn } from '../../lib/linkedin-observe';
import { actionEvent, observe } from '../../lib/observe';
import { hubspot, selectors as hubspotSelectors } from '../../lib/sites/hubspot';
import { linkedin, selectors as linkedinSelectors } from '../../lib/sites/linkedin';
import { pipedrive, selectors as pipedriveSelectors } from '../../lib/sites/pipedrive';
import { salesforce, selectors as salesforceSelectors } from '../../lib/sites/salesforce';
import { withTreeCache } from '../../lib/sites/dom';
import type { Health } from '../../lib/sites/types';
import { selectorStrings } from './harness';

export interface Pass {
  reading: { kind: string; health: Health };
  events: CapturedEvent[];
  people: PersonSeen[];
  /** Deals and list rows the reading hands the background. */
  deals: unknown[];
}

export interface Scenario {
  site: string;
  now: Date;
  fixtures: readonly (readonly [file: string, url: string])[];
  anchors: string[];
  /** Read the page and observe it, as the content script does on each (debounced) change. */
  pass(doc: Document, url: URL, now: Date): Pass;
  /** What a click on `target` records once confirmed (no event when it is not an action). */
  click(target: Element, doc: Document, url: URL, now: Date): { event?: CapturedEvent; confirm?: () => unknown };
  timerAnchor?(doc: Document): Element | undefined;
}

const crm = (adapter: typeof salesforce): Pick<Scenario, 'pass' | 'click' | 'timerAnchor'> => ({
  pass(doc, url, now) {
    // As the content script reads: one walk of the page's trees per reading (lib/capture.ts).
    const reading = withTreeCache(() => adapter.read(doc, url, now, { name: 'Riley Moss', email: 'riley@acme-sales.example' }));
    const o = observe(reading, adapter.id, now.toISOString());
    return { reading, events: o.events, people: o.people, deals: [...o.deals, ...o.listRows] };
  },
  click(target, doc, url, now) {
    const action = adapter.actionFor?.(target, doc, url, now);
    if (!action) return {};
    return { event: actionEvent(adapter.id, action, now.toISOString(), url.href), confirm: () => action.confirm(doc, url) };
  },
  ...(adapter.timerAnchor ? { timerAnchor: (doc: Document) => adapter.timerAnchor!(doc) } : {}),
});

const sf = 'https://acme.lightning.force.com';
const hs = 'https://app.hubspot.com';
const P = '4411223';
const pd = 'https://acme.pipedrive.com';
const li = 'https://www.linkedin.com';

export const SCENARIOS: readonly Scenario[] = [
  {
    site: 'salesforce',
    now: new Date(2026, 10, 25, 15, 0),
    anchors: selectorStrings(salesforceSelectors),
    ...crm(salesforce),
    fixtures: [
      ['salesforce/opportunity-negotiation.html', `${sf}/lightning/r/Opportunity/006Hs00001AbCdEIAZ/view`],
      ['salesforce/opportunity-stage-history.html', `${sf}/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view`],
      ['salesforce/opportunity-aura-won.html', `${sf}/lightning/r/Opportunity/006Hs00001WonDealA/view`],
      ['salesforce/opportunity-composer.html', `${sf}/lightning/r/Opportunity/006Hs00001AbCdEIAZ/view`],
      ['salesforce/lead.html', `${sf}/lightning/r/Lead/00Q5e00000Rb7NqEAJ/view`],
      ['salesforce/contact.html', `${sf}/lightning/r/Contact/0035e00000Tz4HcAAJ/view`],
      ['salesforce/account.html', `${sf}/lightning/r/Account/0015e00000Ab1CdAAJ/view`],
      ['salesforce/opportunity-list-view.html', `${sf}/lightning/o/Opportunity/list?filterName=Recent`],
      ['salesforce/record-create-modal.html', `${sf}/lightning/o/Opportunity/new`],
    ],
  },
  {
    site: 'hubspot',
    now: new Date(2026, 10, 27, 12, 0),
    anchors: selectorStrings(hubspotSelectors),
    ...crm(hubspot),
    fixtures: [
      ['hubspot/deal-contract-sent.html', `${hs}/contacts/${P}/record/0-3/21098765432`],
      ['hubspot/deal-log-call.html', `${hs}/contacts/${P}/record/0-3/21098765432?interaction=logged-call`],
      ['hubspot/deal-closed-won.html', 'https://app-eu1.hubspot.com/contacts/25112233/deal/19800000001'],
      ['hubspot/contact.html', `${hs}/contacts/${P}/record/0-1/98765`],
      ['hubspot/company.html', `${hs}/contacts/${P}/record/0-2/5550001`],
      ['hubspot/deal-board.html', `${hs}/contacts/${P}/objects/0-3/views/all/board`],
      ['hubspot/deal-list.html', `${hs}/contacts/${P}/objects/0-3/views/my/list`],
      ['hubspot/create-deal-dialog.html', `${hs}/object-builder/${P}/0-3/embed`],
    ],
  },
  {
    site: 'pipedrive',
    now: new Date(2026, 5, 10, 12, 0),
    anchors: selectorStrings(pipedriveSelectors),
    ...crm(pipedrive),
    fixtures: [
      ['pipedrive/deal-proposal.html', `${pd}/deal/1042`],
      ['pipedrive/deal-add-activity.html', `${pd}/deal/1042`],
      ['pipedrive/deal-won.html', `${pd}/deal/1043`],
      ['pipedrive/person.html', `${pd}/person/311`],
      ['pipedrive/pipeline-board.html', `${pd}/pipeline/1/user/everyone`],
      ['pipedrive/pipeline-add-deal.html', `${pd}/pipeline/1/user/everyone`],
      ['pipedrive/deals-list.html', `${pd}/deals/list/user/everyone`],
    ],
  },
  {
    site: 'linkedin',
    now: new Date(2026, 5, 10, 12, 0),
    anchors: selectorStrings(linkedinSelectors),
    pass(doc, url, now) {
      const reading = withTreeCache(() => linkedin.read(doc, url, now));
      const o = observeLinkedIn(reading, url.href, now.toISOString());
      return { reading, events: o.events, people: o.people, deals: [] };
    },
    click(target, doc, url, now) {
      const action = linkedin.actionFor(target, doc, url);
      if (!action) return {};
      return { event: linkedinActionEvent(action, now.toISOString(), url.href), confirm: () => action.confirm(doc, url) };
    },
    fixtures: [
      ['linkedin/profile-2026-3rd-degree.html', `${li}/in/avery-example-8b907d/`],
      ['linkedin/profile-2026-message-popup.html', `${li}/in/avery-example-d21ca7/`],
      ['linkedin/profile-2026-pending.html', `${li}/in/quinn-placeholder-4f5e6d/`],
      ['linkedin/profile-2024-connect.html', `${li}/in/avery-example-18977d/`],
      ['linkedin/messaging-thread.html', `${li}/messaging/thread/2-ZmFrZVRocmVhZEZvclBhY2VyMDAx/`],
      ['linkedin/messaging-overlay-2026.html', `${li}/in/avery-example-d21ca7/`],
      ['linkedin/invitation-manager-sent.html', `${li}/mynetwork/invitation-manager/sent/`],
      ['linkedin/search-people.html', `${li}/search/results/people/?keywords=head%20of%20sales`],
      ['linkedin/connections.html', `${li}/mynetwork/invite-connect/connections/`],
      ['linkedin/salesnav-lead.html', `${li}/sales/lead/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z`],
      ['linkedin/salesnav-search.html', `${li}/sales/search/people?query=(keywords%3Ahead%2520of%2520sales)`],
    ],
  },
];
