/** @vitest-environment happy-dom */
// The composer fixture has the email composer's (empty, about:blank) <iframe>: with page
// loading off, happy-dom logs an error for it. Nothing here is fetched either way.
// @vitest-environment-options {"settings": {"enableIframePageLoading": true}}
import { describe, expect, test } from 'vitest';
import { byLocalName, closestDeep, deepQuery, deepQueryAll, deepText, text } from '../../lib/sites/dom';
import {
  caseSafeId,
  detectors,
  examples,
  findPathElement,
  recordIdFromUrl,
  salesforce,
  selectors,
  tags,
} from '../../lib/sites/salesforce';
import { healthy, missing } from '../../lib/sites/types';
import type { DealObservation, PageReading } from '../../lib/sites/types';
import { loadFixture } from '../helpers/fixtures';

// The parser reads page dates as local wall time; compute expectations the same way.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

/** The clock relative dates resolve against: Wednesday 25 November 2026, 15:00 local. */
const now = new Date(2026, 10, 25, 15, 0);

const origin = 'https://acme.lightning.force.com';
const oppUrl = (id: string) => new URL(`${origin}/lightning/r/Opportunity/${id}/view`);
const urls = {
  lead: new URL(`${origin}/lightning/r/Lead/00Q5e00000Rb7NqEAJ/view`),
  contact: new URL(`${origin}/lightning/r/Contact/0035e00000Tz4HcAAJ/view`),
  account: new URL(`${origin}/lightning/r/Account/0015e00000Ab1CdAAJ/view`),
  listView: new URL(`${origin}/lightning/o/Opportunity/list?filterName=Recent`),
};

const fixtures = {
  negotiation: 'salesforce/opportunity-negotiation.html',
  auraWon: 'salesforce/opportunity-aura-won.html',
  lost: 'salesforce/opportunity-lost.html',
  broken: 'salesforce/opportunity-broken.html',
  noAmount: 'salesforce/opportunity-no-amount.html',
  stageHistory: 'salesforce/opportunity-stage-history.html',
  lead: 'salesforce/lead.html',
  contact: 'salesforce/contact.html',
  account: 'salesforce/account.html',
  listView: 'salesforce/opportunity-list-view.html',
  composer: 'salesforce/opportunity-composer.html',
  createModal: 'salesforce/record-create-modal.html',
} as const;
type FixtureName = keyof typeof fixtures;
const load = (name: FixtureName) => loadFixture(fixtures[name]);

const OPEN_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
];

type AnchorKey = keyof typeof tags | keyof typeof selectors;
const countAnchor = (doc: Document, key: AnchorKey): number =>
  key in tags
    ? byLocalName(doc, tags[key as keyof typeof tags]).length
    : deepQueryAll(doc, selectors[key as keyof typeof selectors]).length;

const none = Object.fromEntries([...Object.keys(tags), ...Object.keys(selectors)].map(k => [k, 0])) as Record<AnchorKey, number>;

/**
 * Exact matches of every anchor in every fixture: a selector that starts matching
 * more (or less) than the fixture shows fails here first. Each table lists the
 * anchors the page has; every other anchor matches nothing. Broad selectors
 * (`h3`, `.slds-text-title`, `dd`) are only ever used inside a narrower anchor.
 */
const counts: Record<FixtureName, Record<AnchorKey, number>> = {
  negotiation: {
    ...none, path: 1, pathStep: 9, highlights: 1, primaryField: 1, highlightsDetail: 2, highlightsDetailLabel: 10,
    pathItem: 9, pathLink: 9, pathTitle: 9, layoutItem: 4, layoutOutput: 4, upcomingActivities: 1, pastActivities: 1,
    timelineItem: 4, timelineSubject: 5, timelineSubjectLink: 4, timelineDate: 4, timelineSummary: 4, recordLink: 10,
  },
  auraWon: {
    ...none, highlights: 1, primaryField: 1, highlightsDetail: 2, highlightsDetailLabel: 4, pathItemAura: 9, pathItem: 9,
    pathLink: 9, pathTitle: 9, dynamicField: 4, dynamicValue: 4, timelineItem: 1, timelineSubject: 1,
    timelineSubjectLink: 1, timelineDate: 1, timelineSummary: 1, recordLink: 4,
  },
  lost: {
    ...none, path: 1, pathStep: 9, highlights: 1, primaryField: 1, highlightsDetail: 2, highlightsDetailLabel: 2,
    pathItem: 9, pathLink: 9, pathTitle: 9, layoutItem: 4, layoutOutput: 4, timelineSubject: 1, recordLink: 2,
  },
  broken: {
    ...none, highlights: 1, primaryField: 1, highlightsDetail: 2, highlightsDetailLabel: 4, layoutItem: 4, layoutOutput: 4,
    upcomingActivities: 1, pastActivities: 1, timelineItem: 1, timelineSubject: 2, timelineSubjectLink: 1,
    timelineDate: 1, timelineSummary: 1, recordLink: 4,
  },
  noAmount: {
    ...none, path: 1, pathStep: 9, highlights: 1, primaryField: 1, highlightsDetail: 2, highlightsDetailLabel: 2,
    pathItem: 9, pathLink: 9, pathTitle: 9, layoutItem: 4, layoutOutput: 4, upcomingActivities: 1, pastActivities: 1,
    timelineSubject: 1, recordLink: 2,
  },
  stageHistory: {
    ...none, path: 1, pathStep: 9, highlights: 1, primaryField: 1, highlightsDetail: 2, highlightsDetailLabel: 2,
    pathItem: 9, pathLink: 9, pathTitle: 9, layoutItem: 8, layoutOutput: 8, modstamp: 2, upcomingActivities: 1,
    pastActivities: 1, timelineSubject: 2, relatedList: 1, relatedListHeaderLink: 1, gridTable: 1, gridRow: 4,
    gridCell: 28, recordLink: 10,
  },
  lead: {
    ...none, path: 1, pathStep: 4, highlights: 1, primaryField: 1, highlightsDetail: 4, highlightsDetailLabel: 7,
    pathItem: 4, pathLink: 4, pathTitle: 4, layoutItem: 8, layoutOutput: 8, mailto: 2, upcomingActivities: 1,
    pastActivities: 1, timelineItem: 3, timelineSubject: 4, timelineSubjectLink: 3, timelineDate: 3, timelineSummary: 3,
    recordLink: 5,
  },
  contact: {
    ...none, highlights: 1, primaryField: 1, highlightsDetail: 4, highlightsDetailLabel: 9, dynamicField: 6,
    dynamicValue: 6, mailto: 2, upcomingActivities: 1, pastActivities: 1, timelineItem: 3, timelineSubject: 3,
    timelineSubjectLink: 3, timelineDate: 3, timelineSummary: 3, recordLink: 8,
  },
  account: {
    ...none, highlights: 1, primaryField: 1, highlightsDetail: 3, highlightsDetailLabel: 3, mailto: 2, timelineSubject: 5,
    timelineSubjectLink: 5, relatedList: 2, relatedListHeaderLink: 2, tile: 5, tileTitle: 5, tileLabel: 13, recordLink: 10,
  },
  listView: { ...none, listViewManager: 1, gridTable: 1, gridRow: 4, gridCell: 24, recordLink: 8 },
  composer: {
    ...none, path: 1, pathStep: 9, activityComposer: 1, highlights: 1, primaryField: 1, highlightsDetail: 2,
    highlightsDetailLabel: 2, pathItem: 9, pathLink: 9, pathTitle: 9, layoutItem: 4, layoutOutput: 4, dynamicField: 11,
    upcomingActivities: 1, pastActivities: 1, timelineSubject: 1, recordLink: 2, dockedComposer: 3, composerTitle: 3,
    composerFooter: 3, publisherButton: 3, taskField: 5, eventField: 6, emailBodyFrame: 1,
  },
  createModal: {
    ...none, layoutItem: 4, timelineSubject: 1, listViewManager: 1, modal: 1, modalTitle: 1, recordActionWrapper: 1,
    formFooter: 1, saveButton: 1,
  },
};

describe('selector counts', () => {
  test('every anchor has a count for every fixture', () => {
    const keys = [...Object.keys(tags), ...Object.keys(selectors)].sort();
    for (const table of Object.values(counts)) expect(Object.keys(table).sort()).toEqual(keys);
    expect(Object.keys(counts).sort()).toEqual(Object.keys(fixtures).sort());
  });

  const cases = (Object.keys(counts) as FixtureName[]).flatMap(fixture =>
    (Object.entries(counts[fixture]) as [AnchorKey, number][]).map(([key, n]) => [fixture, key, n] as const),
  );
  const docs = new Map<FixtureName, Document>();
  const doc = (name: FixtureName) => docs.get(name) ?? docs.set(name, load(name)).get(name)!;

  test.each(cases)('%s: %s matches %i', (fixture, key, n) => {
    expect(countAnchor(doc(fixture), key)).toBe(n);
  });
});

describe('read: opportunities', () => {
  test('negotiation: LWC Path, page-layout fields, four timeline rows', () => {
    const url = oppUrl('0065e00000Gq7TZAAZ');
    const expected: PageReading = {
      kind: 'deal',
      deal: {
        id: 'salesforce:0065e00000Gq7TZAAZ',
        name: 'Acme — 500 Widgets',
        stage: 'Negotiation/Review',
        amount: 120000,
        currency: 'USD',
        closeDate: '2026-12-18',
        status: 'open',
        url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view',
      },
      stages: [...OPEN_STAGES, 'Closed'],
      activities: [
        {
          type: 'meeting',
          crmId: '00U5e00000Lm3XwEAJ',
          subject: 'Demo with procurement',
          dateText: '10:30am | 12/2/26',
          at: local(2026, 12, 2, 10, 30),
          byMe: true,
          planned: true, // under Upcoming & Overdue
          person: { name: 'Dana Park', crmId: 'salesforce:0035e00000Tz4HcAAJ' },
        },
        {
          type: 'call',
          crmId: '00T5e00000PqR7sEAF',
          subject: 'Pricing call',
          dateText: '9:00am | 11/24/26',
          at: local(2026, 11, 24, 9, 0),
          byMe: true,
          person: { name: 'Dana Park', crmId: 'salesforce:0035e00000Tz4HcAAJ' },
        },
        {
          // The subject links to "#": no activity id to keep.
          type: 'email',
          subject: 'Re: Proposal v2',
          dateText: '4:15pm | 11/20/26',
          at: local(2026, 11, 20, 16, 15),
          byMe: true,
          person: { name: 'Sam Ortiz', crmId: 'salesforce:0035e00000Tz5JdAAJ' },
        },
        {
          type: 'call',
          crmId: '00T5e00000PqR8aEAF',
          subject: 'Intro call',
          dateText: '11:00am | 11/3/26',
          at: local(2026, 11, 3, 11, 0),
          byMe: false,
          person: { name: 'Sam Ortiz', crmId: 'salesforce:0035e00000Tz5JdAAJ' },
        },
      ],
      health: healthy,
    };
    expect(salesforce.read(load('negotiation'), url, now)).toEqual(expected);
  });

  test('aura-won: Aura Path, Dynamic Forms, de_DE formats, timeline without its containers', () => {
    const url = oppUrl('0065e00000Hx2LpAAJ');
    expect(salesforce.read(load('auraWon'), url, now)).toEqual({
      kind: 'deal',
      deal: {
        id: 'salesforce:0065e00000Hx2LpAAJ',
        name: 'Globex — Annual renewal',
        stage: 'Closed Won',
        amount: 48500,
        currency: 'EUR',
        closeDate: '2026-11-14',
        status: 'won',
        url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Hx2LpAAJ/view',
      },
      stages: [...OPEN_STAGES, 'Closed Won'],
      activities: [
        {
          type: 'task',
          crmId: '00T5e00000PqS2bEAF',
          subject: 'Send countersigned contract',
          dateText: '14:30 | 10.11.2026',
          at: local(2026, 11, 10, 14, 30),
          byMe: true,
          person: { name: 'Lena Vogt', crmId: 'salesforce:0035e00000Tz6KeAAJ' },
        },
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('lost: state classes on the step hosts, ISO-code amount, no timeline on the layout', () => {
    const url = oppUrl('0065e00000Jb4RkAAJ');
    expect(salesforce.read(load('lost'), url, now)).toEqual({
      kind: 'deal',
      deal: {
        id: 'salesforce:0065e00000Jb4RkAAJ',
        name: 'Initech — Pilot',
        stage: 'Closed Lost',
        amount: 5000,
        currency: 'USD',
        closeDate: '2026-10-01',
        status: 'lost',
        url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Jb4RkAAJ/view',
      },
      stages: [...OPEN_STAGES, 'Closed Lost'],
      activities: [],
      health: missing('activity timeline'),
    } satisfies PageReading);
  });

  test('broken: a name but no Path is unknown, and says what was missing', () => {
    expect(salesforce.read(load('broken'), oppUrl('0065e00000Kc9VmAAJ'), now)).toEqual({
      kind: 'unknown',
      health: missing('Path'),
    } satisfies PageReading);
  });

  test('no-amount: a blank Amount is null, never 0; an empty timeline is healthy', () => {
    const url = oppUrl('0065e00000Gq8WnAAJ');
    expect(salesforce.read(load('noAmount'), url, now)).toEqual({
      kind: 'deal',
      deal: {
        id: 'salesforce:0065e00000Gq8WnAAJ',
        name: 'Hooli — Starter',
        stage: 'Qualification',
        amount: null,
        currency: null,
        closeDate: '2027-01-15',
        status: 'open',
        url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq8WnAAJ/view',
      },
      stages: [...OPEN_STAGES, 'Closed'],
      activities: [],
      health: healthy,
    } satisfies PageReading);
  });

  test('stage history: created date, list price and discount fields, stages entered, current stage entered', () => {
    const url = oppUrl('0065e00000Lm2PqAAJ');
    expect(salesforce.read(load('stageHistory'), url, now)).toEqual({
      kind: 'deal',
      deal: {
        id: 'salesforce:0065e00000Lm2PqAAJ',
        name: 'Initrode — Platform',
        stage: 'Proposal/Price Quote',
        amount: 90000,
        currency: 'USD',
        closeDate: '2026-12-18',
        createdAt: local(2026, 10, 1, 9, 14), // Created By: "Riley Moss, 10/1/2026, 9:14 AM"
        listAmount: 100000, // List Price: $100,000.00
        discount: 0.1, // Discount: 10%
        stageEnteredAt: local(2026, 11, 2, 10, 5), // the newest Stage History row, the Path's current stage
        status: 'open',
        url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Lm2PqAAJ/view',
      },
      stages: [...OPEN_STAGES, 'Closed'],
      // Four rows, all shown ("(4)"): the amount-only change on 10/20 stays inside the Qualification run.
      stageHistory: [
        { stage: 'Prospecting', enteredAt: local(2026, 10, 1, 9, 14) },
        { stage: 'Qualification', enteredAt: local(2026, 10, 8, 11, 2) },
        { stage: 'Proposal/Price Quote', enteredAt: local(2026, 11, 2, 10, 5) },
      ],
      activities: [],
      health: healthy,
    } satisfies PageReading);
  });

  test('a page that is not a page Pacer reads is unknown', () => {
    const doc = load('negotiation');
    for (const url of [
      `${origin}/lightning/o/Account/list`,
      `${origin}/lightning/r/Invoice__c/a015e00000Xy9ZqAAB/view`,
      `${origin}/lightning/r/Opportunity/0065e00000Gq7TZAAZ/related/OpportunityContactRoles/view`,
      `${origin}/lightning/page/home`,
    ]) {
      expect(salesforce.read(doc, new URL(url), now), url).toEqual({ kind: 'unknown', health: missing('supported page URL') });
    }
  });

  test('a 15-char URL id reads as the same deal as its 18-char form', () => {
    const reading = salesforce.read(load('negotiation'), oppUrl('0065e00000Gq7TZ'), now);
    expect(reading.kind === 'deal' && [reading.deal.id, reading.deal.url]).toEqual([
      'salesforce:0065e00000Gq7TZAAZ',
      'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view',
    ]);
  });

  test('no record name: unknown', () => {
    const doc = load('negotiation');
    for (const el of deepQueryAll(doc, selectors.primaryField)) el.remove();
    expect(salesforce.read(doc, oppUrl('0065e00000Gq7TZAAZ'), now)).toEqual({
      kind: 'unknown',
      health: missing('record name'),
    });
  });

  test('neither name nor Path: both named', () => {
    const doc = load('broken');
    for (const el of deepQueryAll(doc, selectors.highlights)) el.remove();
    expect(salesforce.read(doc, oppUrl('0065e00000Kc9VmAAJ'), now)).toEqual({
      kind: 'unknown',
      health: missing('record name', 'Path'),
    });
  });

  test('a Path with no current stage: unknown, never the first stage', () => {
    const doc = load('negotiation');
    for (const el of deepQueryAll(doc, '.slds-is-current')) el.classList.remove('slds-is-current');
    expect(salesforce.read(doc, oppUrl('0065e00000Gq7TZAAZ'), now)).toEqual({
      kind: 'unknown',
      health: missing('Path current stage'),
    });
  });

  test('an unparseable Amount is null with a null currency', () => {
    const doc = load('negotiation');
    const amount = deepQueryAll(doc, `records-record-layout-item[field-label="Amount"] ${selectors.layoutOutput}`)[0]!;
    amount.textContent = '$12,34.5';
    const reading = salesforce.read(doc, oppUrl('0065e00000Gq7TZAAZ'), now);
    expect(reading.kind === 'deal' && [reading.deal.amount, reading.deal.currency]).toEqual([null, null]);
  });

  test('native open shadow roots read the same as the flattened page', () => {
    const url = oppUrl('0065e00000Gq7TZAAZ');
    const flat = salesforce.read(load('negotiation'), url, now);
    const doc = load('negotiation');
    // Move each component's children into its own open shadow root, innermost first
    // (path steps inside the path), as Lightning does with native shadow DOM.
    const hosts = [
      ...byLocalName(doc, tags.pathStep),
      ...byLocalName(doc, 'runtime_sales_pathassistant-path-track'),
      ...byLocalName(doc, tags.path),
      ...byLocalName(doc, 'records-highlights2'),
      ...byLocalName(doc, 'records-record-layout-item'),
      ...byLocalName(doc, 'past-activity-groups'),
    ];
    for (const host of hosts) host.attachShadow({ mode: 'open' }).append(...host.childNodes);
    expect(doc.querySelectorAll('.slds-path__item')).toHaveLength(0); // really hidden from plain queries
    expect(salesforce.read(doc, url, now)).toEqual(flat);
  });
});

describe('read: stage history edge cases', () => {
  const url = oppUrl('0065e00000Lm2PqAAJ');
  const read = (doc: Document) => {
    const reading = salesforce.read(doc, url, now);
    if (reading.kind !== 'deal') throw new Error(`read as ${reading.kind}`);
    return reading;
  };
  const rows = (doc: Document) => deepQueryAll(doc, selectors.gridRow);
  const setCount = (doc: Document, count: string) => {
    deepQuery(doc, `${selectors.relatedListHeaderLink} .lds-shrink-none`)!.textContent = count;
  };

  test('more rows than shown ("(6+)"): the oldest run may have begun earlier, so it is left out', () => {
    const doc = load('stageHistory');
    setCount(doc, '(6+)');
    const reading = read(doc);
    expect(reading.stageHistory).toEqual([
      { stage: 'Qualification', enteredAt: local(2026, 10, 8, 11, 2) },
      { stage: 'Proposal/Price Quote', enteredAt: local(2026, 11, 2, 10, 5) },
    ]);
    expect(reading.deal.stageEnteredAt).toBe(local(2026, 11, 2, 10, 5));
  });

  test('only rows of the current stage shown, more exist: when it was entered is unknown', () => {
    const doc = load('stageHistory');
    setCount(doc, '(9)');
    for (const row of rows(doc).slice(1)) row.remove();
    const reading = read(doc);
    expect(reading.stageHistory).toEqual([]);
    expect(reading.deal.stageEnteredAt).toBeUndefined();
  });

  test('a history whose newest stage is not the Path stage sets no stageEnteredAt', () => {
    const doc = load('stageHistory');
    rows(doc)[0]!.remove();
    setCount(doc, '(3)');
    const reading = read(doc);
    expect(reading.stageHistory?.map(s => s.stage)).toEqual(['Prospecting', 'Qualification']);
    expect(reading.deal.stageEnteredAt).toBeUndefined();
  });

  test('an unreadable date: no history at all, and health names it', () => {
    const doc = load('stageHistory');
    deepQuery(rows(doc)[2]!, 'td[data-label="Last Modified"] lightning-formatted-date-time')!.textContent = 'last fall';
    const reading = read(doc);
    expect(reading.stageHistory).toBeUndefined();
    expect(reading.deal.stageEnteredAt).toBeUndefined();
    expect(reading.health).toEqual(missing('Stage History date'));
  });

  test('without a Last Modified column, the date after the name in Last Modified By', () => {
    const doc = load('stageHistory');
    for (const cell of deepQueryAll(doc, 'td[data-label="Last Modified"]')) cell.remove();
    const stamps = ['11/2/2026, 10:05 AM', '10/20/2026, 3:40 PM', '10/8/2026, 11:02 AM', '10/1/2026, 9:14 AM'];
    rows(doc).forEach((row, i) => deepQuery(row, 'td[data-label="Last Modified By"] records-hoverable-link')!.after(`, ${stamps[i]}`));
    expect(read(doc).stageHistory).toEqual(read(load('stageHistory')).stageHistory);
  });

  test('the discount is computed from list price and amount when no Discount field shows', () => {
    const doc = load('stageHistory');
    deepQuery(doc, 'records-record-layout-item[field-label="Discount"]')!.remove();
    deepQuery(doc, 'records-record-layout-item[field-label="Amount"] lightning-formatted-text')!.textContent = '$85,000.00';
    expect(read(doc).deal).toMatchObject({ amount: 85000, listAmount: 100000, discount: 0.15 });
  });

  test('no Stage History list, no list price fields: those keys are absent, not guessed', () => {
    const deal = read(load('stageHistory')).deal;
    const reading = salesforce.read(load('negotiation'), oppUrl('0065e00000Gq7TZAAZ'), now);
    expect(reading.kind === 'deal' && Object.keys(reading)).not.toContain('stageHistory');
    expect(reading.kind === 'deal' && reading.deal).not.toHaveProperty('stageEnteredAt');
    expect(reading.kind === 'deal' && reading.deal).not.toHaveProperty('createdAt');
    expect(reading.kind === 'deal' && reading.deal).not.toHaveProperty('listAmount');
    expect(reading.kind === 'deal' && reading.deal).not.toHaveProperty('discount');
    expect(deal).toHaveProperty('createdAt');
  });
});

describe('read: leads and contacts', () => {
  test('lead: page layout, LinkedIn URL field canonicalised, timeline', () => {
    const leadLink = { name: 'Priya Natarajan', crmId: 'salesforce:00Q5e00000Rb7NqEAJ' };
    expect(salesforce.read(load('lead'), urls.lead, now)).toEqual({
      kind: 'person',
      person: {
        name: 'Priya Natarajan',
        email: 'priya.natarajan@initech.example',
        company: 'Initech',
        title: 'VP Procurement',
        // Shown as https://www.linkedin.com/in/Priya-Natarajan-4b2a1c/?originalSubdomain=uk
        linkedinUrl: 'https://www.linkedin.com/in/priya-natarajan-4b2a1c/',
        crmId: 'salesforce:00Q5e00000Rb7NqEAJ',
        recordType: 'lead',
        url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000Rb7NqEAJ/view',
      },
      activities: [
        {
          type: 'meeting',
          crmId: '00U5e00000Lm7QrEAJ',
          subject: 'Demo for Initech',
          dateText: '10:00am | 12/1/26',
          at: local(2026, 12, 1, 10, 0),
          byMe: true,
          planned: true,
          person: leadLink,
        },
        {
          type: 'call',
          crmId: '00T5e00000PqT4dEAF',
          subject: 'Discovery call',
          dateText: '2:00pm | 11/20/26',
          at: local(2026, 11, 20, 14, 0),
          byMe: true,
          person: leadLink,
        },
        {
          type: 'email',
          subject: 'Intro: Pacer for Initech',
          dateText: '9:12am | 11/18/26',
          at: local(2026, 11, 18, 9, 12),
          byMe: true,
          person: leadLink,
        },
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('contact: Dynamic Forms, Account lookup as company, a "Yesterday" row resolved with now', () => {
    const contactLink = { name: 'Dana Park', crmId: 'salesforce:0035e00000Tz4HcAAJ' };
    expect(salesforce.read(load('contact'), urls.contact, now)).toEqual({
      kind: 'person',
      person: {
        name: 'Dana Park',
        email: 'dana.park@acme.example',
        company: 'Acme Corp',
        title: 'Head of Procurement',
        linkedinUrl: 'https://www.linkedin.com/in/dana-park-acme/', // shown as linkedin.com/in/dana-park-acme
        crmId: 'salesforce:0035e00000Tz4HcAAJ',
        recordType: 'contact',
        url: 'https://acme.lightning.force.com/lightning/r/Contact/0035e00000Tz4HcAAJ/view',
      },
      activities: [
        {
          type: 'call',
          crmId: '00T5e00000PqU5eEAF',
          subject: 'Check-in on legal review',
          dateText: '2:30pm | Yesterday',
          at: local(2026, 11, 24, 14, 30),
          byMe: true,
          person: contactLink,
        },
        {
          type: 'email',
          subject: 'Re: Proposal v2',
          dateText: '4:15pm | 11/20/26',
          at: local(2026, 11, 20, 16, 15),
          byMe: true,
          person: contactLink,
        },
        {
          type: 'meeting',
          crmId: '00U5e00000Lm8SsEAJ',
          subject: 'Onsite visit',
          dateText: '11:00am | 11/3/26',
          at: local(2026, 11, 3, 11, 0),
          byMe: false,
          person: contactLink,
        },
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('a 15-char contact URL gives the case-safe crmId', () => {
    const reading = salesforce.read(load('contact'), new URL(`${origin}/lightning/r/Contact/0035e00000Tz4Hc/view/`), now);
    expect(reading.kind === 'person' && [reading.person.crmId, reading.person.url]).toEqual([
      'salesforce:0035e00000Tz4HcAAJ',
      'https://acme.lightning.force.com/lightning/r/Contact/0035e00000Tz4HcAAJ/view',
    ]);
  });

  test('fields the record does not show are absent; only the header is required', () => {
    const doc = load('lead');
    // The page layout (not the header's own records-lwc-record-layout), the header's fields, the timeline.
    for (const el of deepQueryAll(doc, 'one-record-home-flexipage2 > records-lwc-record-layout, records-highlights-details-item, .skip-timeline-wrapper')) {
      el.remove();
    }
    expect(salesforce.read(doc, urls.lead, now)).toEqual({
      kind: 'person',
      person: {
        name: 'Priya Natarajan',
        crmId: 'salesforce:00Q5e00000Rb7NqEAJ',
        recordType: 'lead',
        url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000Rb7NqEAJ/view',
      },
      activities: [],
      health: missing('activity timeline'),
    } satisfies PageReading);
  });

  test('the header fields alone give email, company and title', () => {
    const doc = load('lead');
    for (const el of deepQueryAll(doc, 'records-record-layout-item')) el.remove();
    const reading = salesforce.read(doc, urls.lead, now);
    expect(reading.kind === 'person' && reading.person).toMatchObject({
      email: 'priya.natarajan@initech.example',
      company: 'Initech',
      title: 'VP Procurement',
    });
    expect(reading.kind === 'person' && reading.person).not.toHaveProperty('linkedinUrl');
  });

  test('a LinkedIn URL shown as text, in any field, is found', () => {
    const doc = load('contact');
    deepQuery(doc, '[data-target-selection-name="sfdc:RecordField.Contact.LinkedIn_Profile__c"]')!.remove();
    deepQuery(doc, '[data-target-selection-name="sfdc:RecordField.Contact.Title"] lightning-formatted-text')!.textContent =
      'https://uk.linkedin.com/in/Dana-Park-Acme';
    const reading = salesforce.read(doc, urls.contact, now);
    expect(reading.kind === 'person' && reading.person.linkedinUrl).toBe('https://www.linkedin.com/in/dana-park-acme/');
  });

  test('no name: unknown', () => {
    const doc = load('contact');
    for (const el of deepQueryAll(doc, selectors.primaryField)) el.remove();
    expect(salesforce.read(doc, urls.contact, now)).toEqual({ kind: 'unknown', health: missing('record name') });
  });

  test('an unreadable email is left out', () => {
    const doc = load('lead');
    for (const a of deepQueryAll(doc, selectors.mailto)) a.setAttribute('href', 'mailto:not-an-address');
    const reading = salesforce.read(doc, urls.lead, now);
    expect(reading.kind === 'person' && reading.person).not.toHaveProperty('email');
  });
});

const dealRow = (id: string, name: string, stage: string, amount: number | null, closeDate: string, status: DealObservation['status']): DealObservation => ({
  id: `salesforce:${id}`,
  name,
  stage,
  amount,
  currency: amount === null ? null : 'USD',
  closeDate,
  status,
  url: `https://acme.lightning.force.com/lightning/r/Opportunity/${id}/view`,
});

describe('read: accounts and list views', () => {
  test("account: the Opportunities related list's tiles, not the Contacts list", () => {
    expect(salesforce.read(load('account'), urls.account, now)).toEqual({
      kind: 'list',
      rows: [
        dealRow('0065e00000Gq7TZAAZ', 'Acme — 500 Widgets', 'Negotiation/Review', 120000, '2026-12-18', 'open'),
        dealRow('0065e00000Lm3RsAAJ', 'Acme — Support renewal', 'Closed Won', 18000, '2026-09-30', 'won'),
        dealRow('0065e00000Lm4TuAAJ', 'Acme — Pilot expansion', 'Prospecting', null, '2027-02-26', 'open'),
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('account without an Opportunities related list (not on the layout, or not loaded): unknown', () => {
    expect(salesforce.read(load('negotiation'), urls.account, now)).toEqual({
      kind: 'unknown',
      health: missing('Opportunities related list'),
    });
  });

  test('account tiles without a Stage: those rows are left out and health says so', () => {
    const doc = load('account');
    const tile = deepQueryAll(doc, selectors.tile).find(t => text(t).includes('Pilot expansion'))!;
    for (const el of deepQueryAll(tile, 'dt[title="Stage"], dt[title="Stage"] + dd')) el.remove();
    const reading = salesforce.read(doc, urls.account, now);
    expect(reading.kind === 'list' && reading.rows.map(r => r.name)).toEqual(['Acme — 500 Widgets', 'Acme — Support renewal']);
    expect(reading.health).toEqual(missing('Stage column'));
  });

  test('list view: one deal per grid row, id from the row link', () => {
    expect(salesforce.read(load('listView'), urls.listView, now)).toEqual({
      kind: 'list',
      rows: [
        dealRow('0065e00000Gq7TZAAZ', 'Acme — 500 Widgets', 'Negotiation/Review', 120000, '2026-12-18', 'open'),
        dealRow('0065e00000Hx2LpAAJ', 'Globex — Annual renewal', 'Closed Won', 48500, '2026-11-14', 'won'),
        dealRow('0065e00000Jb4RkAAJ', 'Initech — Pilot', 'Closed Lost', 5000, '2026-10-01', 'lost'),
        dealRow('0065e00000Gq8WnAAJ', 'Hooli — Starter', 'Qualification', null, '2027-01-15', 'open'),
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('list view without a Stage column: no rows (a deal without a stage is not a deal), health names it', () => {
    const doc = load('listView');
    for (const el of deepQueryAll(doc, '[data-label="Stage"], th[aria-label="Stage"]')) el.remove();
    expect(salesforce.read(doc, urls.listView, now)).toEqual({ kind: 'list', rows: [], health: missing('Stage column') });
  });

  test('an empty list view is an empty, healthy list', () => {
    const doc = load('listView');
    for (const row of deepQueryAll(doc, selectors.gridRow)) row.remove();
    expect(salesforce.read(doc, urls.listView, now)).toEqual({ kind: 'list', rows: [], health: healthy });
  });

  test('a list view whose grid has not rendered: unknown', () => {
    const doc = load('listView');
    for (const el of byLocalName(doc, 'lightning-datatable')) el.remove();
    expect(salesforce.read(doc, urls.listView, now)).toEqual({ kind: 'unknown', health: missing('list view table') });
  });

  test("day-first dates elsewhere on the page decide the order of ambiguous ones (en_GB)", () => {
    const doc = load('listView');
    const dates = deepQueryAll(doc, 'td[data-label="Close Date"] lightning-formatted-date-time');
    ['18/12/2026', '14/11/2026', '1/10/2026', '15/1/2027'].forEach((d, i) => (dates[i]!.textContent = d));
    const reading = salesforce.read(doc, urls.listView, now);
    // 1/10/2026 alone would read as January 10 (en-US); beside 18/12/2026 it is 1 October.
    expect(reading.kind === 'list' && reading.rows.map(r => r.closeDate)).toEqual(['2026-12-18', '2026-11-14', '2026-10-01', '2027-01-15']);
  });

  test('native open shadow roots (datatable, cells) read the same as the flattened page', () => {
    const flat = salesforce.read(load('listView'), urls.listView, now);
    const doc = load('listView');
    const hosts = [
      ...byLocalName(doc, 'records-hoverable-link'),
      ...byLocalName(doc, 'force-lookup'),
      ...byLocalName(doc, 'lightning-primitive-cell-factory'),
      ...byLocalName(doc, 'lightning-datatable'),
      ...byLocalName(doc, 'lst-list-view-manager'),
    ];
    for (const host of hosts) host.attachShadow({ mode: 'open' }).append(...host.childNodes);
    expect(doc.querySelectorAll('tr')).toHaveLength(0);
    expect(salesforce.read(doc, urls.listView, now)).toEqual(flat);
  });
});

describe('findPathElement (the timer anchor)', () => {
  test.each([
    ['negotiation', 'runtime_sales_pathassistant-path'],
    ['lost', 'runtime_sales_pathassistant-path'],
    ['stageHistory', 'runtime_sales_pathassistant-path'],
    ['auraWon', 'div.slds-path'],
    ['broken', undefined],
    ['listView', undefined],
  ] as const)('%s: %s', (fixture, expected) => {
    const doc = load(fixture);
    const el = findPathElement(doc);
    expect(el && `${el.localName}${el.localName === 'div' ? `.${el.className}` : ''}`).toBe(expected);
    expect(salesforce.timerAnchor?.(doc)).toBe(el);
  });
});

describe('dom helpers', () => {
  test('deepQueryAll and byLocalName keep tree order across shadow roots', () => {
    const doc = new DOMParser().parseFromString(
      '<p class="x">1</p><div id="host"><p class="x">4</p></div><p class="x">5</p>',
      'text/html',
    );
    const host = doc.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p class="x">2</p><my_tag-el class="x">3</my_tag-el>';
    expect(deepQueryAll(doc, '.x').map(el => text(el))).toEqual(['1', '2', '3', '4', '5']);
    expect(byLocalName(doc, 'my_tag-el').map(el => text(el))).toEqual(['3']);
    expect(deepQueryAll(host, '.x').map(el => text(el))).toEqual(['2', '3', '4']);
  });

  test('text collapses whitespace', () => {
    const doc = new DOMParser().parseFromString('<p>  a \n\t b\u00a0 c </p>', 'text/html');
    expect(text(doc.querySelector('p'))).toBe('a b c');
    expect(text(null)).toBe('');
  });

  test('deepText includes open shadow roots; scripts and styles are not text', () => {
    const doc = new DOMParser().parseFromString('<div id="h"><span>light</span></div><style>p{}</style>', 'text/html');
    const host = doc.getElementById('h')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<b>shadow </b><script>x()</script>';
    expect(deepText(host)).toBe('shadow light');
    expect(deepText(doc.body)).toBe('shadow light');
    expect(deepText(null)).toBe('');
  });

  test('closestDeep climbs out of shadow roots', () => {
    const doc = new DOMParser().parseFromString('<section class="dialog"><div id="h"></div></section>', 'text/html');
    const host = doc.getElementById('h')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<button><span id="inner">Save</span></button>';
    const inner = host.shadowRoot!.getElementById('inner')!;
    expect(closestDeep(inner, 'button')?.localName).toBe('button');
    expect(closestDeep(inner, 'section.dialog')).toBe(doc.querySelector('section'));
    expect(closestDeep(inner, '.nowhere')).toBeNull();
    expect(closestDeep(null, 'button')).toBeNull();
  });
});

describe('URL detectors', () => {
  const allUrls = [...new Set(Object.values(examples).flat())];
  test.each(Object.keys(detectors) as (keyof typeof detectors)[])('%s matches its examples and nothing else', name => {
    const listed: readonly string[] = examples[name];
    for (const url of allUrls) expect(detectors[name](new URL(url)), url).toBe(listed.includes(url));
  });

  test('the adapter matches exactly the Lightning hosts', () => {
    for (const url of allUrls) expect(salesforce.matches(new URL(url)), url).toBe(detectors.lightningHost(new URL(url)));
  });

  test.each([
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view', '0065e00000Gq7TZAAZ'],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZ/view', '0065e00000Gq7TZ'],
    ['https://acme.lightning.force.com/lightning/r/Invoice__c/a015e00000Xy9ZqAAB/view', 'a015e00000Xy9ZqAAB'],
    ['https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000Rb7NqEAJ/view', '00Q5e00000Rb7NqEAJ'],
    ['https://acme.lightning.force.com/lightning/o/Opportunity/list', null],
    ['https://acme.lightning.force.com/lightning/o/Lead/new?count=1', null],
    ['https://acme.my.salesforce.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view', null],
  ] as const)('recordIdFromUrl(%s) = %s', (url, id) => {
    expect(recordIdFromUrl(new URL(url))).toBe(id);
  });

  // Pairs published with Salesforce's checksum algorithm (codegolf.stackexchange.com/q/69127).
  test.each([
    ['a01M00000062mPg', 'a01M00000062mPgIAI'],
    ['001M000000qfPyS', '001M000000qfPySIAU'],
    ['a0FE000000D6r3F', 'a0FE000000D6r3FMAR'],
    ['0F9E000000092w2', '0F9E000000092w2KAA'],
    ['0065e00000Gq7TZAAZ', '0065e00000Gq7TZAAZ'],
  ] as const)('caseSafeId(%s) = %s', (id, expected) => {
    expect(caseSafeId(id)).toBe(expected);
  });
});
