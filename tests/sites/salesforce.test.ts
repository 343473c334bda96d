/** @vitest-environment happy-dom */
import { describe, expect, test } from 'vitest';
import { byLocalName, deepQueryAll, text } from '../../lib/sites/dom';
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
import type { PageReading } from '../../lib/sites/types';
import { loadFixture } from '../helpers/fixtures';

// The parser reads timeline dates as local wall time; compute expectations the same way.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

const origin = 'https://acme.lightning.force.com';
const oppUrl = (id: string) => new URL(`${origin}/lightning/r/Opportunity/${id}/view`);

const fixtures = {
  negotiation: 'salesforce/opportunity-negotiation.html',
  auraWon: 'salesforce/opportunity-aura-won.html',
  lost: 'salesforce/opportunity-lost.html',
  broken: 'salesforce/opportunity-broken.html',
  noAmount: 'salesforce/opportunity-no-amount.html',
} as const;
type FixtureName = keyof typeof fixtures;

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
const count = (doc: Document, key: AnchorKey): number =>
  key in tags
    ? byLocalName(doc, tags[key as keyof typeof tags]).length
    : deepQueryAll(doc, selectors[key as keyof typeof selectors]).length;

// Exact matches of every anchor in every fixture: a selector that starts
// matching more (or less) than the fixture shows fails here first.
const counts: Record<FixtureName, Record<AnchorKey, number>> = {
  negotiation: {
    path: 1, pathStep: 9, highlights: 1, primaryField: 1, pathItemAura: 0, pathItem: 9, pathLink: 9, pathTitle: 9,
    layoutAmount: 1, layoutCloseDate: 1, layoutOutput: 4, dynamicAmount: 0, dynamicCloseDate: 0, dynamicValue: 0,
    upcomingActivities: 1, pastActivities: 1, timelineItem: 4, timelineSubject: 5, timelineSubjectLink: 4,
    timelineDate: 4, timelineSummary: 4,
  },
  auraWon: {
    path: 0, pathStep: 0, highlights: 1, primaryField: 1, pathItemAura: 9, pathItem: 9, pathLink: 9, pathTitle: 9,
    layoutAmount: 0, layoutCloseDate: 0, layoutOutput: 0, dynamicAmount: 1, dynamicCloseDate: 1, dynamicValue: 4,
    upcomingActivities: 0, pastActivities: 0, timelineItem: 1, timelineSubject: 1, timelineSubjectLink: 1,
    timelineDate: 1, timelineSummary: 1,
  },
  lost: {
    path: 1, pathStep: 9, highlights: 1, primaryField: 1, pathItemAura: 0, pathItem: 9, pathLink: 9, pathTitle: 9,
    layoutAmount: 1, layoutCloseDate: 1, layoutOutput: 4, dynamicAmount: 0, dynamicCloseDate: 0, dynamicValue: 0,
    upcomingActivities: 0, pastActivities: 0, timelineItem: 0, timelineSubject: 1, timelineSubjectLink: 0,
    timelineDate: 0, timelineSummary: 0,
  },
  broken: {
    path: 0, pathStep: 0, highlights: 1, primaryField: 1, pathItemAura: 0, pathItem: 0, pathLink: 0, pathTitle: 0,
    layoutAmount: 1, layoutCloseDate: 1, layoutOutput: 4, dynamicAmount: 0, dynamicCloseDate: 0, dynamicValue: 0,
    upcomingActivities: 1, pastActivities: 1, timelineItem: 1, timelineSubject: 2, timelineSubjectLink: 1,
    timelineDate: 1, timelineSummary: 1,
  },
  noAmount: {
    path: 1, pathStep: 9, highlights: 1, primaryField: 1, pathItemAura: 0, pathItem: 9, pathLink: 9, pathTitle: 9,
    layoutAmount: 1, layoutCloseDate: 1, layoutOutput: 4, dynamicAmount: 0, dynamicCloseDate: 0, dynamicValue: 0,
    upcomingActivities: 1, pastActivities: 1, timelineItem: 0, timelineSubject: 1, timelineSubjectLink: 0,
    timelineDate: 0, timelineSummary: 0,
  },
};

describe('selector counts', () => {
  test('every anchor has a count for every fixture', () => {
    const keys = [...Object.keys(tags), ...Object.keys(selectors)].sort();
    for (const table of Object.values(counts)) expect(Object.keys(table).sort()).toEqual(keys);
  });

  const cases = (Object.keys(counts) as FixtureName[]).flatMap(fixture =>
    (Object.entries(counts[fixture]) as [AnchorKey, number][]).map(([key, n]) => [fixture, key, n] as const),
  );
  const docs = new Map<FixtureName, Document>();
  const doc = (name: FixtureName) => docs.get(name) ?? docs.set(name, loadFixture(fixtures[name])).get(name)!;

  test.each(cases)('%s: %s matches %i', (fixture, key, n) => {
    expect(count(doc(fixture), key)).toBe(n);
  });
});

describe('read', () => {
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
          person: { name: 'Dana Park', crmId: '0035e00000Tz4HcAAJ' },
        },
        {
          type: 'call',
          crmId: '00T5e00000PqR7sEAF',
          subject: 'Pricing call',
          dateText: '9:00am | 11/24/26',
          at: local(2026, 11, 24, 9, 0),
          byMe: true,
          person: { name: 'Dana Park', crmId: '0035e00000Tz4HcAAJ' },
        },
        {
          // The subject links to "#": no activity id to keep.
          type: 'email',
          subject: 'Re: Proposal v2',
          dateText: '4:15pm | 11/20/26',
          at: local(2026, 11, 20, 16, 15),
          byMe: true,
          person: { name: 'Sam Ortiz', crmId: '0035e00000Tz5JdAAJ' },
        },
        {
          type: 'call',
          crmId: '00T5e00000PqR8aEAF',
          subject: 'Intro call',
          dateText: '11:00am | 11/3/26',
          at: local(2026, 11, 3, 11, 0),
          byMe: false,
          person: { name: 'Sam Ortiz', crmId: '0035e00000Tz5JdAAJ' },
        },
      ],
      health: healthy,
    };
    expect(salesforce.read(loadFixture(fixtures.negotiation), url)).toEqual(expected);
  });

  test('aura-won: Aura Path, Dynamic Forms, de_DE formats, timeline without its containers', () => {
    const url = oppUrl('0065e00000Hx2LpAAJ');
    expect(salesforce.read(loadFixture(fixtures.auraWon), url)).toEqual({
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
          person: { name: 'Lena Vogt', crmId: '0035e00000Tz6KeAAJ' },
        },
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('lost: state classes on the step hosts, ISO-code amount, no timeline on the layout', () => {
    const url = oppUrl('0065e00000Jb4RkAAJ');
    expect(salesforce.read(loadFixture(fixtures.lost), url)).toEqual({
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
    const url = oppUrl('0065e00000Kc9VmAAJ');
    expect(salesforce.read(loadFixture(fixtures.broken), url)).toEqual({
      kind: 'unknown',
      health: missing('Path'),
    } satisfies PageReading);
  });

  test('no-amount: a blank Amount is null, never 0; an empty timeline is healthy', () => {
    const url = oppUrl('0065e00000Gq8WnAAJ');
    expect(salesforce.read(loadFixture(fixtures.noAmount), url)).toEqual({
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

  test('a page that is not an Opportunity record is unknown', () => {
    const doc = loadFixture(fixtures.negotiation);
    for (const url of [
      `${origin}/lightning/r/Account/0015e00000Ab1CdAAJ/view`,
      `${origin}/lightning/o/Opportunity/list?filterName=Recent`,
      `${origin}/lightning/r/Opportunity/0065e00000Gq7TZAAZ/related/OpportunityContactRoles/view`,
    ]) {
      expect(salesforce.read(doc, new URL(url))).toEqual({ kind: 'unknown', health: missing('opportunity record URL') });
    }
  });

  test('a 15-char URL id reads as the same deal as its 18-char form', () => {
    const reading = salesforce.read(loadFixture(fixtures.negotiation), oppUrl('0065e00000Gq7TZ'));
    expect(reading.kind === 'deal' && [reading.deal.id, reading.deal.url]).toEqual([
      'salesforce:0065e00000Gq7TZAAZ',
      'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view',
    ]);
  });

  test('no record name: unknown', () => {
    const doc = loadFixture(fixtures.negotiation);
    for (const el of deepQueryAll(doc, selectors.primaryField)) el.remove();
    expect(salesforce.read(doc, oppUrl('0065e00000Gq7TZAAZ'))).toEqual({
      kind: 'unknown',
      health: missing('record name'),
    });
  });

  test('neither name nor Path: both named', () => {
    const doc = loadFixture(fixtures.broken);
    for (const el of deepQueryAll(doc, selectors.highlights)) el.remove();
    expect(salesforce.read(doc, oppUrl('0065e00000Kc9VmAAJ'))).toEqual({
      kind: 'unknown',
      health: missing('record name', 'Path'),
    });
  });

  test('a Path with no current stage: unknown, never the first stage', () => {
    const doc = loadFixture(fixtures.negotiation);
    for (const el of deepQueryAll(doc, '.slds-is-current')) el.classList.remove('slds-is-current');
    expect(salesforce.read(doc, oppUrl('0065e00000Gq7TZAAZ'))).toEqual({
      kind: 'unknown',
      health: missing('Path current stage'),
    });
  });

  test('an unparseable Amount is null with a null currency', () => {
    const doc = loadFixture(fixtures.negotiation);
    const amount = deepQueryAll(doc, `${selectors.layoutAmount} ${selectors.layoutOutput}`)[0]!;
    amount.textContent = '$12,34.5';
    const reading = salesforce.read(doc, oppUrl('0065e00000Gq7TZAAZ'));
    expect(reading.kind === 'deal' && [reading.deal.amount, reading.deal.currency]).toEqual([null, null]);
  });

  test('native open shadow roots read the same as the flattened page', () => {
    const url = oppUrl('0065e00000Gq7TZAAZ');
    const flat = salesforce.read(loadFixture(fixtures.negotiation), url);
    const doc = loadFixture(fixtures.negotiation);
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
    expect(salesforce.read(doc, url)).toEqual(flat);
  });
});

describe('findPathElement', () => {
  test.each([
    ['negotiation', 'runtime_sales_pathassistant-path'],
    ['lost', 'runtime_sales_pathassistant-path'],
    ['auraWon', 'div.slds-path'],
    ['broken', undefined],
  ] as const)('%s: %s', (fixture, expected) => {
    const el = findPathElement(loadFixture(fixtures[fixture]));
    expect(el && `${el.localName}${el.localName === 'div' ? `.${el.className}` : ''}`).toBe(expected);
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
    ['https://acme.lightning.force.com/lightning/o/Opportunity/list', null],
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
