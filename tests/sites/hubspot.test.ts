/** @vitest-environment happy-dom */
import { describe, expect, test } from 'vitest';
import { deepQuery, deepQueryAll } from '../../lib/sites/dom';
import {
  actionFor,
  detectors,
  examples,
  hubspot,
  parseHeader,
  readHubSpot,
  recordFromUrl,
  selectors,
  timerAnchor,
} from '../../lib/sites/hubspot';
import { healthy, missing } from '../../lib/sites/types';
import type { PageReading, RepAction, VisibleActivity } from '../../lib/sites/types';
import { loadFixture } from '../helpers/fixtures';

// The reader takes shown times as local wall time; compute expectations the same way.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();
/** "Today" in the fixtures: Friday 27 November 2026, noon. */
const now = new Date(2026, 10, 27, 12, 0);
const me = { name: 'Riley Moss', email: 'riley@acme-sales.example' };

const P = '4411223';
const app = 'https://app.hubspot.com';
const urls = {
  dealMid: `${app}/contacts/${P}/record/0-3/21098765432`,
  dealLogCall: `${app}/contacts/${P}/record/0-3/21098765432?interaction=logged-call`,
  dealWon: 'https://app-eu1.hubspot.com/contacts/25112233/deal/19800000001',
  dealLost: `${app}/contacts/${P}/record/0-3/21098765077`,
  contact: `${app}/contacts/${P}/record/0-1/98765`,
  contactEmail: `${app}/contacts/${P}/record/0-1/98765?interaction=email`,
  company: `${app}/contacts/${P}/record/0-2/5550001`,
  board: `${app}/contacts/${P}/objects/0-3/views/all/board`,
  list: `${app}/contacts/${P}/objects/0-3/views/my/list`,
  creator: `${app}/object-builder/${P}/0-3/embed`,
} as const;

const fixtures = {
  dealMid: 'hubspot/deal-contract-sent.html',
  dealLogCall: 'hubspot/deal-log-call.html',
  dealWon: 'hubspot/deal-closed-won.html',
  dealLost: 'hubspot/deal-closed-lost.html',
  contact: 'hubspot/contact.html',
  contactEmail: 'hubspot/contact-email-composer.html',
  company: 'hubspot/company.html',
  board: 'hubspot/deal-board.html',
  list: 'hubspot/deal-list.html',
  creator: 'hubspot/create-deal-dialog.html',
} as const;
type FixtureName = keyof typeof fixtures;
type SelectorKey = keyof typeof selectors;

const read = (name: FixtureName, withMe = true) =>
  readHubSpot(loadFixture(fixtures[name]), new URL(urls[name]), now, withMe ? me : undefined);

// ---------------------------------------------------------------------------
// Exact matches of every selector in every fixture: a selector that starts
// matching more (or less) than the fixture shows fails here first. Keys not
// listed for a fixture must match nothing there.

const zero = Object.fromEntries(Object.keys(selectors).map(k => [k, 0])) as Record<SelectorKey, number>;

/** The current deal record layout, shared by the three fixtures of deal 21098765432/21098765077. */
const dealLayout: Partial<Record<SelectorKey, number>> = {
  leftSidebar: 1, highlightCard: 1, highlightContent: 1, recordLabel: 1, highlightDisplay: 2, highlightItem: 4,
  propertyInputTestId: 2, pipelineSelect: 1, stageSelect: 1, propertiesCard: 1, propertiesList: 1, propertyValue: 6,
  associatedCompaniesCard: 1, companyLink: 1,
};
/** Six cards: task, call (with its accessibility clone), email, meeting, note, call without an actions menu. */
const dealTimeline: Partial<Record<SelectorKey, number>> = {
  timeline: 1, timelineCard: 6, eventAccordion: 6, timelinePreview: 7, eventHeader: 7, eventTitle: 4, eventTimestamp: 7,
  eventActions: 5,
};
/** Contact page: three highlight displays, two property cards, five cards (one email with a clone). */
const contactLayout: Partial<Record<SelectorKey, number>> = {
  leftSidebar: 1, highlightCard: 1, highlightContent: 1, highlightDisplay: 3, highlightItem: 2, propertiesCard: 2,
  propertiesList: 2, propertyValue: 5, linkedinLink: 1, timeline: 1, timelineCard: 5, eventAccordion: 5, timelinePreview: 6, eventHeader: 6,
  eventTitle: 1, eventTimestamp: 6, eventActions: 5, associatedDealsCard: 1, associatedDealsContent: 1,
  associatedCompaniesCard: 1, dealLink: 1, companyLink: 2,
};

const counts: Record<FixtureName, Record<SelectorKey, number>> = {
  dealMid: { ...zero, ...dealLayout, ...dealTimeline, openListbox: 1, listOption: 7 },
  dealLogCall: { ...zero, ...dealLayout, ...dealTimeline, propertyValue: 9, saveButton: 1, dialog: 1, formField: 4 },
  dealWon: {
    ...zero, leftSidebar: 1, highlightCard: 1, legacyHighlightTitle: 1, pipelineSelect: 1, stageSelect: 1,
    propertiesCard: 1, propertiesList: 1, propertyValue: 6, timeline: 1, timelineCard: 2, eventAccordion: 2, timelinePreview: 2,
    eventHeader: 2, eventTimestamp: 2, eventActions: 2, associatedCompaniesCard: 1, companyLink: 1,
  },
  dealLost: { ...zero, ...dealLayout },
  contact: { ...zero, ...contactLayout },
  contactEmail: { ...zero, ...contactLayout, saveButton: 1, emailSubject: 1, emailFrom: 1, dialog: 1 },
  company: {
    ...zero, leftSidebar: 1, highlightCard: 1, highlightContent: 1, recordLabel: 1, highlightDisplay: 1, highlightItem: 1,
    propertiesCard: 1, propertiesList: 1, propertyValue: 2, associatedDealsCard: 1, associatedDealsContent: 1, dealLink: 3,
  },
  // 7 framework-data-column wrappers each holding a cdb-column; 6 cards with 3 properties each.
  board: {
    ...zero, dealLink: 6, boardColumn: 14, boardColumnName: 7, boardItem: 6, boardCard: 6, boardCardTitle: 6,
    boardCardProperty: 18, boardCardValue: 18,
  },
  list: { ...zero, dealLink: 3, table: 1, tableRow: 3, truncatedLabel: 3 },
  creator: { ...zero, propertyValue: 6, creator: 1, formField: 6, creatorEditorLink: 1, createButton: 1 },
};

describe('selector counts', () => {
  const docs = new Map<FixtureName, Document>();
  const doc = (name: FixtureName) => docs.get(name) ?? docs.set(name, loadFixture(fixtures[name])).get(name)!;
  const cases = (Object.keys(counts) as FixtureName[]).flatMap(fixture =>
    (Object.keys(selectors) as SelectorKey[]).map(key => [fixture, key, counts[fixture][key]] as const),
  );
  test.each(cases)('%s: %s matches %i', (fixture, key, n) => {
    expect(deepQueryAll(doc(fixture), selectors[key])).toHaveLength(n);
  });

  test('every fixture starts with a provenance comment', () => {
    for (const name of Object.keys(fixtures) as FixtureName[]) {
      const first = doc(name).childNodes[0];
      expect(first?.nodeType, name).toBe(8); // Comment
      expect(first?.textContent, name).toMatch(/Built \d{4}-\d{2}-\d{2} for Pacer tests\..*Not a live capture/s);
    }
  });
});

// ---------------------------------------------------------------------------

describe('URL detectors', () => {
  const all = [...new Set(Object.values(examples).flat())];
  const names = Object.keys(detectors) as (keyof typeof detectors)[];
  test.each(names.flatMap(name => all.map(u => [name, u] as const)))('%s(%s)', (name, u) => {
    const listed = (examples[name] as readonly string[]).includes(u);
    expect(detectors[name](new URL(u))).toBe(listed);
  });

  test('matches is the app host detector', () => {
    for (const u of all) expect(hubspot.matches(new URL(u))).toBe(detectors.appHost(new URL(u)));
  });

  test('recordFromUrl reads current and legacy record paths', () => {
    expect(recordFromUrl(new URL(urls.dealMid))).toEqual({ portalId: P, objectTypeId: '0-3', recordId: '21098765432' });
    expect(recordFromUrl(new URL(urls.dealWon))).toEqual({ portalId: '25112233', objectTypeId: '0-3', recordId: '19800000001' });
    expect(recordFromUrl(new URL(`${app}/contacts/${P}/contact/98765/`))).toEqual({
      portalId: P,
      objectTypeId: '0-1',
      recordId: '98765',
    });
    expect(recordFromUrl(new URL(urls.board))).toBeNull();
  });
});

// ---------------------------------------------------------------------------

const DEFAULT_STAGES = [
  'Appointment scheduled',
  'Qualified to buy',
  'Presentation scheduled',
  'Decision maker bought-in',
  'Contract sent',
  'Closed won',
  'Closed lost',
];

const midDeal = {
  id: 'hubspot:21098765432',
  name: 'Acme Corp — 500 Widgets',
  stage: 'Contract sent',
  amount: 48000,
  currency: 'USD',
  closeDate: '2026-12-18',
  createdAt: local(2026, 11, 2, 10, 15),
  status: 'open' as const,
  url: `${app}/contacts/${P}/record/0-3/21098765432`,
};

const midActivities: VisibleActivity[] = [
  {
    type: 'task',
    crmId: '71900000001',
    subject: 'Send countersigned contract',
    dateText: 'Dec 1, 2026 at 8:00 AM',
    at: local(2026, 12, 1, 8, 0),
    byMe: true, // "Task assigned to Riley Moss"
  },
  {
    type: 'call',
    crmId: '71900000002',
    subject: 'Pricing walkthrough',
    dateText: 'Nov 24, 2026 at 9:00 AM',
    at: local(2026, 11, 24, 9, 0),
    byMe: true,
    outcome: 'Connected',
  },
  {
    type: 'email',
    crmId: '71900000003',
    subject: 'Re: Proposal v2',
    dateText: 'Nov 20, 2026 at 4:15 PM',
    at: local(2026, 11, 20, 16, 15),
    byMe: true,
  },
  {
    type: 'meeting',
    crmId: '71900000004',
    subject: 'Demo with procurement',
    dateText: 'Nov 12, 2026 at 10:30 AM',
    at: local(2026, 11, 12, 10, 30),
    byMe: false, // organized by Jordan Lee
  },
  // The note by Jordan Lee is not an activity Pacer counts.
  {
    // No actions menu on this card: no engagement id to keep.
    type: 'call',
    subject: 'Intro call',
    dateText: 'Nov 3, 2026 at 11:00 AM',
    at: local(2026, 11, 3, 11, 0),
    byMe: false,
    outcome: 'Left voicemail',
  },
];

describe('read', () => {
  test('deal mid-pipeline: highlight card, stage dropdown open, six timeline cards', () => {
    const expected: PageReading = {
      kind: 'deal',
      deal: midDeal,
      stages: DEFAULT_STAGES,
      activities: midActivities,
      health: healthy,
    };
    expect(read('dealMid')).toEqual(expected);
  });

  test('deal with the Log call panel open reads the same deal; a closed dropdown shows no stages', () => {
    expect(read('dealLogCall')).toEqual({
      kind: 'deal',
      deal: midDeal,
      stages: [],
      activities: midActivities,
      health: healthy,
    } satisfies PageReading);
  });

  test('deal won: highlight-details variant, EU portal, legacy URL, amount from the properties card', () => {
    expect(read('dealWon')).toEqual({
      kind: 'deal',
      deal: {
        id: 'hubspot:19800000001',
        name: 'Globex — Annual renewal',
        stage: 'Closed won',
        amount: 12500,
        currency: 'EUR',
        closeDate: '2026-11-14',
        createdAt: local(2026, 9, 3, 9, 40),
        status: 'won',
        url: 'https://app-eu1.hubspot.com/contacts/25112233/record/0-3/19800000001',
      },
      stages: [],
      activities: [
        {
          type: 'email',
          crmId: '71900000101',
          subject: 'Countersigned renewal',
          dateText: 'Nov 14, 2026 at 3:05 PM',
          at: local(2026, 11, 14, 15, 5),
          byMe: true,
        },
        {
          type: 'meeting',
          crmId: '71900000102',
          subject: 'Renewal review',
          dateText: 'Nov 6, 2026 at 2:00 PM',
          at: local(2026, 11, 6, 14, 0),
          byMe: true,
        },
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('deal lost: an empty amount is null, never 0; no timeline on the Overview tab is reported', () => {
    expect(read('dealLost')).toEqual({
      kind: 'deal',
      deal: {
        id: 'hubspot:21098765077',
        name: 'Initech — Pilot',
        stage: 'Closed lost',
        amount: null,
        currency: null,
        closeDate: '2026-10-01',
        createdAt: local(2026, 8, 12, 16, 20),
        status: 'lost',
        url: `${app}/contacts/${P}/record/0-3/21098765077`,
      },
      stages: [],
      activities: [],
      health: missing('activity timeline'),
    } satisfies PageReading);
  });

  test('contact: highlight strip, properties cards, LinkedIn link, relative timeline dates', () => {
    expect(read('contact')).toEqual({
      kind: 'person',
      person: {
        name: 'Dana Park',
        email: 'dana.park@acme.example',
        company: 'Acme Corp',
        title: 'VP Operations',
        linkedinUrl: 'https://www.linkedin.com/in/dana-park-ops/',
        crmId: 'hubspot:98765',
        recordType: 'contact',
        url: `${app}/contacts/${P}/record/0-1/98765`,
      },
      activities: [
        {
          type: 'email',
          crmId: '71900000201',
          subject: 'Pilot next steps',
          dateText: 'Today at 9:10 AM',
          at: local(2026, 11, 27, 9, 10),
          byMe: true,
        },
        {
          // Sent by the contact: inbound, not the rep's.
          type: 'email',
          crmId: '71900000202',
          subject: 'Re: Pilot kickoff',
          dateText: 'Yesterday at 5:45 PM',
          at: local(2026, 11, 26, 17, 45),
          byMe: false,
        },
        {
          type: 'meeting',
          crmId: '71900000203',
          subject: 'Pilot kickoff',
          dateText: 'Nov 19, 2026 at 1:00 PM',
          at: local(2026, 11, 19, 13, 0),
          byMe: true,
        },
        {
          type: 'call',
          crmId: '71900000204',
          subject: 'Follow-up call',
          dateText: 'Nov 2, 2026 at 4:30 PM',
          at: local(2026, 11, 2, 16, 30),
          byMe: false,
          outcome: 'Left voicemail',
        },
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('company: the associated deals card rows', () => {
    expect(read('company')).toEqual({
      kind: 'list',
      rows: [
        {
          id: 'hubspot:21098765432',
          name: 'Acme Corp — 500 Widgets',
          stage: 'Contract sent',
          amount: 48000,
          currency: 'USD',
          closeDate: '2026-12-18',
          status: 'open',
          url: `${app}/contacts/${P}/record/0-3/21098765432`,
        },
        {
          id: 'hubspot:21098765010',
          name: 'Acme Corp — Support renewal',
          stage: 'Closed won',
          amount: 9600,
          currency: 'USD',
          closeDate: '2026-06-30',
          status: 'won',
          url: `${app}/contacts/${P}/record/0-3/21098765010`,
        },
        {
          // Amount and close date "--": unknown, and no close date at all.
          id: 'hubspot:21098765600',
          name: 'Acme Corp — EU rollout',
          stage: 'Appointment scheduled',
          amount: null,
          currency: null,
          status: 'open',
          url: `${app}/contacts/${P}/record/0-3/21098765600`,
        },
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('deal board: cards carry the stage of their column, in column order', () => {
    const row = (id: string, name: string, stage: string, amount: number | null, closeDate: string | null, status = 'open') => ({
      id: `hubspot:${id}`,
      name,
      stage,
      amount,
      currency: amount === null ? null : 'USD',
      ...(closeDate ? { closeDate } : {}),
      status,
      url: `${app}/contacts/${P}/record/0-3/${id}`,
    });
    expect(read('board')).toEqual({
      kind: 'list',
      rows: [
        row('21098765500', 'Globex — Pilot', 'Appointment scheduled', 12000, '2027-01-15'),
        row('21098765600', 'Acme Corp — EU rollout', 'Qualified to buy', null, null),
        row('21098765432', 'Acme Corp — 500 Widgets', 'Contract sent', 48000, '2026-12-18'),
        row('21098765700', 'Hooli — Starter', 'Contract sent', 12500, '2026-12-31'),
        row('21098765010', 'Acme Corp — Support renewal', 'Closed won', 9600, '2026-06-30', 'won'),
        row('21098765077', 'Initech — Pilot', 'Closed lost', null, '2026-10-01', 'lost'),
      ],
      health: healthy,
    });
  });

  test('deal list: one row per table row', () => {
    expect(read('list')).toEqual({
      kind: 'list',
      rows: [
        {
          id: 'hubspot:21098765432',
          name: 'Acme Corp — 500 Widgets',
          stage: 'Contract sent',
          amount: 48000,
          currency: 'USD',
          closeDate: '2026-12-18',
          status: 'open',
          url: `${app}/contacts/${P}/record/0-3/21098765432`,
        },
        {
          id: 'hubspot:21098765010',
          name: 'Acme Corp — Support renewal',
          stage: 'Closed won',
          amount: 9600,
          currency: 'USD',
          closeDate: '2026-06-30',
          status: 'won',
          url: `${app}/contacts/${P}/record/0-3/21098765010`,
        },
        {
          id: 'hubspot:21098765077',
          name: 'Initech — Pilot',
          stage: 'Closed lost',
          amount: null,
          currency: null,
          closeDate: '2026-10-01',
          status: 'lost',
          url: `${app}/contacts/${P}/record/0-3/21098765077`,
        },
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('hubspot.read knows no signed-in rep: named attributions are not byMe', () => {
    const reading = hubspot.read(loadFixture(fixtures.dealMid), new URL(urls.dealMid), now);
    expect(reading.kind === 'deal' && reading.activities.map(a => a.byMe)).toEqual([false, false, false, false, false]);
    // "You", were HubSpot to print it, needs no identity.
    const doc = loadFixture(fixtures.dealMid);
    const header = deepQuery(doc, selectors.eventHeader)!.querySelector('span span')!;
    header.textContent = 'Task assigned to You';
    const again = hubspot.read(doc, new URL(urls.dealMid), now);
    expect(again.kind === 'deal' && again.activities[0]?.byMe).toBe(true);
  });

  test('metadata, not content: no note, email or call body reaches the reading', () => {
    for (const name of ['dealMid', 'contact', 'dealWon'] as const) {
      const json = JSON.stringify(read(name));
      for (const body of ['volume tiers', 'revised proposal', 'legal review', 'next steps for the pilot', 'Thursday works', 'Prefers email', 'countersigned renewal attached']) {
        expect(json, `${name}: ${body}`).not.toContain(body);
      }
    }
  });

  test('without the card wrapper, one activity per accordion; the engagement id outside it is lost', () => {
    const doc = loadFixture(fixtures.dealMid);
    for (const card of deepQueryAll(doc, selectors.timelineCard)) card.removeAttribute('data-selenium-test');
    const reading = readHubSpot(doc, new URL(urls.dealMid), now, me);
    expect(reading.kind === 'deal' && reading.activities).toEqual(midActivities.map(({ crmId: _drop, ...a }) => a));
  });

  test('with previews alone, the accessibility clone after a preview is not another activity', () => {
    const doc = loadFixture(fixtures.dealMid);
    for (const card of deepQueryAll(doc, selectors.timelineCard)) card.removeAttribute('data-selenium-test');
    for (const block of deepQueryAll(doc, selectors.eventAccordion)) block.removeAttribute('data-test-id');
    const reading = readHubSpot(doc, new URL(urls.dealMid), now, me);
    expect(reading.kind === 'deal' && reading.activities).toEqual(midActivities.map(({ crmId: _drop, ...a }) => a));
  });
});

describe('read: what it refuses to guess', () => {
  test('a deal page still loading (no highlight, no properties) is unknown and says what is missing', () => {
    const doc = loadFixture(fixtures.dealMid);
    deepQuery(doc, selectors.leftSidebar)!.replaceChildren();
    expect(readHubSpot(doc, new URL(urls.dealMid), now)).toEqual({
      kind: 'unknown',
      health: missing('record name', 'deal stage'),
    });
  });

  test('a deal whose stage cannot be found is unknown', () => {
    const doc = loadFixture(fixtures.dealLost);
    for (const sel of ['[data-test-id="highlight-property-item-dealstage"]', selectors.stageSelect, '[data-test-id="dealstage"]']) {
      deepQuery(doc, sel)?.remove();
    }
    expect(readHubSpot(doc, new URL(urls.dealLost), now)).toEqual({ kind: 'unknown', health: missing('deal stage') });
  });

  test('an unreadable amount is null, never 0', () => {
    const doc = loadFixture(fixtures.dealMid);
    deepQuery(doc, '[data-test-id="highlight-property-display-amount"]')!.textContent = 'lots';
    const reading = readHubSpot(doc, new URL(urls.dealMid), now);
    expect(reading.kind === 'deal' && [reading.deal.amount, reading.deal.currency]).toEqual([null, null]);
  });

  test('a company without an associated deals card is unknown', () => {
    const doc = loadFixture(fixtures.company);
    deepQuery(doc, selectors.associatedDealsCard)!.remove();
    expect(readHubSpot(doc, new URL(urls.company), now)).toEqual({
      kind: 'unknown',
      health: missing('associated deals card'),
    });
  });

  test('a deal tile without a stage is left out and reported', () => {
    const doc = loadFixture(fixtures.company);
    const tile = deepQuery(doc, selectors.associatedDealsContent)!.children[2]!;
    tile.lastElementChild!.remove(); // its "Deal stage:" row
    const reading = readHubSpot(doc, new URL(urls.company), now);
    expect(reading.kind === 'list' && reading.rows.map(r => r.id)).toEqual(['hubspot:21098765432', 'hubspot:21098765010']);
    expect(reading.kind === 'list' && reading.health).toEqual(missing('associated deal row'));
  });

  test('a board not rendered yet is unknown', () => {
    const doc = loadFixture(fixtures.board);
    for (const col of deepQueryAll(doc, selectors.boardColumn)) col.remove();
    expect(readHubSpot(doc, new URL(urls.board), now)).toEqual({ kind: 'unknown', health: missing('board columns') });
  });

  test('a list without its table is unknown', () => {
    const doc = loadFixture(fixtures.list);
    deepQuery(doc, selectors.table)!.remove();
    expect(readHubSpot(doc, new URL(urls.list), now)).toEqual({ kind: 'unknown', health: missing('deals table') });
  });

  test('pages that are not a deal, contact, company, board or list are unknown', () => {
    const doc = loadFixture(fixtures.dealMid);
    for (const u of [
      `${app}/contacts/${P}/record/0-5/789`,
      `${app}/contacts/${P}/objects/0-1/views/all/list`,
      `${app}/tasks/${P}/view/all/task/77001`,
    ]) {
      expect(readHubSpot(doc, new URL(u), now)).toEqual({
        kind: 'unknown',
        health: missing('deal, contact or company record, or deal board/list URL'),
      });
    }
    expect(readHubSpot(doc, new URL('https://www.hubspot.com/contacts/1/record/0-3/2'), now)).toEqual({
      kind: 'unknown',
      health: missing('HubSpot app URL'),
    });
  });
});

describe('parseHeader', () => {
  test.each([
    ['Call - Connected made by Riley Moss', { type: 'call', middle: 'Connected', actor: 'Riley Moss' }],
    ['Email - Re: Proposal v2 sent by Riley Moss', { type: 'email', middle: 'Re: Proposal v2', actor: 'Riley Moss' }],
    // The last "by" names the actor, so a subject containing one survives.
    ['Email - Offer by Friday sent by Dana Park', { type: 'email', middle: 'Offer by Friday', actor: 'Dana Park' }],
    ['Task assigned to Riley Moss', { type: 'task', middle: '', actor: 'Riley Moss' }],
    ['Meeting - Sent by courier review organized by Jordan Lee', { type: 'meeting', middle: 'Sent by courier review', actor: 'Jordan Lee' }],
    // LazyQ's live French header.
    ['Appel - Connecté passé par Aurélien Milano', { type: 'call', middle: 'Connecté', actor: 'Aurélien Milano' }],
    ['Note by Jordan Lee', { type: null, middle: '', actor: 'Jordan Lee' }],
    ['Deal created', { type: null, middle: '', actor: '' }],
  ] as const)('%s', (header, expected) => {
    expect(parseHeader(header)).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------

describe('actions', () => {
  const saveButton = (doc: Document) => deepQuery(doc, selectors.saveButton)!;
  const dialog = (doc: Document) => deepQuery(doc, selectors.dialog)!;
  const showAlert = (inside: Element, message: string) => {
    const alert = inside.ownerDocument.createElement('div');
    alert.setAttribute('role', 'alert');
    alert.textContent = message;
    inside.append(alert);
    return alert;
  };
  const shape = (action: RepAction | undefined) => action && { ...action, confirm: typeof action.confirm };

  test('Log call: Save is a call on this deal, with the outcome and the date the rep picked', () => {
    const doc = loadFixture(fixtures.dealLogCall);
    const url = new URL(urls.dealLogCall);
    const action = actionFor(saveButton(doc), doc, url, now);
    expect(shape(action)).toEqual({
      type: 'call',
      recordKey: 'hubspot:21098765432',
      deal: { id: 'hubspot:21098765432', name: 'Acme Corp — 500 Widgets' },
      outcome: 'Connected',
      at: local(2026, 11, 26, 15, 30),
      confirm: 'function',
    });
    // The call notes in the editor are never read.
    expect(JSON.stringify(action)).not.toContain('redlines');
    // Through the adapter interface (the click time counts as now).
    expect(hubspot.actionFor!(saveButton(doc), doc, url)?.type).toBe('call');

    // HubSpot keeps the panel while saving: pending.
    expect(action!.confirm(doc, url)).toEqual({ status: 'pending' });
    // A validation error inside the panel: failed.
    const alert = showAlert(dialog(doc), 'Something went wrong. Please try again.');
    expect(action!.confirm(doc, url)).toEqual({ status: 'failed' });
    alert.remove();
    expect(action!.confirm(doc, url)).toEqual({ status: 'pending' });
    // Saved: HubSpot closes the panel (and the card appears on the timeline).
    dialog(doc).remove();
    expect(action!.confirm(doc, new URL(urls.dealMid))).toEqual({ status: 'saved' });
  });

  test('Log call: a click on the label inside Save counts as Save', () => {
    const doc = loadFixture(fixtures.dealLogCall);
    const inner = doc.createElement('span');
    saveButton(doc).append(inner);
    expect(actionFor(inner, doc, new URL(urls.dealLogCall), now)?.type).toBe('call');
  });

  test('Log meeting: the same Save in a panel with meeting fields is a meeting', () => {
    const doc = loadFixture(fixtures.dealLogCall);
    const outcome = deepQuery(doc, '[data-selenium-test="property-input-hs_call_disposition"]')!;
    outcome.setAttribute('data-selenium-test', 'property-input-hs_meeting_outcome');
    outcome.querySelector('span')!.textContent = 'Completed';
    deepQuery(doc, '[data-selenium-test="property-input-hs_call_direction"]')!.closest(selectors.formField)!.remove();
    deepQuery(doc, '#communicator-heading')!.textContent = 'Log meeting';
    const action = actionFor(saveButton(doc), doc, new URL(urls.dealMid), now);
    expect(shape(action)).toEqual({
      type: 'meeting',
      recordKey: 'hubspot:21098765432',
      deal: { id: 'hubspot:21098765432', name: 'Acme Corp — 500 Widgets' },
      outcome: 'Completed',
      at: local(2026, 11, 26, 15, 30),
      confirm: 'function',
    });
    dialog(doc).remove();
    expect(action!.confirm(doc, new URL(urls.dealMid))).toEqual({ status: 'saved' });
  });

  test('Schedule meeting: the title the rep typed is the subject', () => {
    const doc = loadFixture(fixtures.dealLogCall);
    const panel = dialog(doc);
    for (const field of deepQueryAll(panel, selectors.formField)) field.remove();
    const title = doc.createElement('input');
    title.setAttribute('data-selenium-test', 'meeting-title-input');
    title.value = 'Contract review';
    panel.prepend(title);
    const action = actionFor(saveButton(doc), doc, new URL(urls.dealMid), now);
    expect(shape(action)).toEqual({
      type: 'meeting',
      recordKey: 'hubspot:21098765432',
      deal: { id: 'hubspot:21098765432', name: 'Acme Corp — 500 Widgets' },
      subject: 'Contract review',
      confirm: 'function',
    });
  });

  test('a note panel is no action', () => {
    const doc = loadFixture(fixtures.dealLogCall);
    for (const field of deepQueryAll(dialog(doc), selectors.formField)) field.remove();
    deepQuery(doc, '#communicator-heading')!.textContent = 'Note';
    expect(actionFor(saveButton(doc), doc, new URL(urls.dealMid), now)).toBeUndefined();
  });

  test('Send in the email composer: an email on this contact, subject only', () => {
    const doc = loadFixture(fixtures.contactEmail);
    const url = new URL(urls.contactEmail);
    const action = actionFor(saveButton(doc), doc, url, now);
    expect(shape(action)).toEqual({
      type: 'email',
      recordKey: 'hubspot:98765',
      person: { name: 'Dana Park', crmId: 'hubspot:98765' },
      subject: 'Pilot: contract and timeline',
      confirm: 'function',
    });
    expect(JSON.stringify(action)).not.toContain('countersigned contract is attached');
    expect(action!.confirm(doc, url)).toEqual({ status: 'pending' });
    showAlert(dialog(doc), 'Add a recipient');
    expect(action!.confirm(doc, url)).toEqual({ status: 'failed' });
    dialog(doc).remove();
    expect(action!.confirm(doc, new URL(urls.contact))).toEqual({ status: 'saved' });
  });

  test('Create in the create-deal dialog: lead_created, saved with the new record id when its page opens', () => {
    const doc = loadFixture(fixtures.creator);
    const button = deepQuery(doc, selectors.createButton)!;
    const action = actionFor(button, doc, new URL(urls.creator), now);
    expect(shape(action)).toEqual({ type: 'lead_created', subject: 'Initech — Expansion', confirm: 'function' });

    expect(action!.confirm(doc, new URL(urls.creator))).toEqual({ status: 'pending' });
    const alert = showAlert(deepQuery(doc, selectors.creator)!, 'Deal name is required');
    expect(action!.confirm(doc, new URL(urls.creator))).toEqual({ status: 'failed' });
    alert.remove();
    // HubSpot opens the new deal.
    expect(action!.confirm(doc, new URL(`${app}/contacts/${P}/record/0-3/21098799999`))).toEqual({
      status: 'saved',
      recordId: 'hubspot:21098799999',
    });
    // Or closes the dialog and stays where it was.
    deepQuery(doc, selectors.creator)!.remove();
    expect(action!.confirm(doc, new URL(urls.board))).toEqual({ status: 'saved' });
  });

  test('Create opened over a deal record: that record is not the new one', () => {
    const doc = loadFixture(fixtures.creator);
    const action = actionFor(deepQuery(doc, selectors.createButton)!, doc, new URL(urls.dealMid), now);
    expect(action!.confirm(doc, new URL(urls.dealMid))).toEqual({ status: 'pending' });
  });

  test('Create contact: the name typed is the person', () => {
    const doc = loadFixture(fixtures.creator);
    deepQuery(doc, selectors.creatorEditorLink)!.setAttribute('href', `/object-builder/${P}/creator-editor/0-1`);
    const name = deepQuery(doc, '[data-selenium-test="property-input-dealname"]') as HTMLInputElement;
    name.setAttribute('data-selenium-test', 'property-input-firstname');
    name.value = 'Sam';
    const last = doc.createElement('input');
    last.setAttribute('data-selenium-test', 'property-input-lastname');
    last.value = 'Ortiz';
    name.after(last);
    const action = actionFor(deepQuery(doc, selectors.createButton)!, doc, new URL(urls.contact), now);
    expect(shape(action)).toEqual({ type: 'lead_created', person: { name: 'Sam Ortiz' }, confirm: 'function' });
    expect(action!.confirm(doc, new URL(`${app}/contacts/${P}/record/0-1/98800`))).toEqual({
      status: 'saved',
      recordId: 'hubspot:98800',
    });
  });

  test('Create company is no action', () => {
    const doc = loadFixture(fixtures.creator);
    deepQuery(doc, selectors.creatorEditorLink)!.setAttribute('href', `/object-builder/${P}/creator-editor/0-2`);
    expect(actionFor(deepQuery(doc, selectors.createButton)!, doc, new URL(urls.creator), now)).toBeUndefined();
  });

  test('other clicks, and clicks off HubSpot, are no action', () => {
    const doc = loadFixture(fixtures.dealLogCall);
    expect(actionFor(deepQuery(doc, '[role="tab"]')!, doc, new URL(urls.dealLogCall), now)).toBeUndefined();
    expect(actionFor(deepQuery(doc, '#stage-select button')!, doc, new URL(urls.dealLogCall), now)).toBeUndefined();
    expect(actionFor(saveButton(doc), doc, new URL('https://example.com/contacts/1/record/0-3/2'), now)).toBeUndefined();
  });
});

describe('timerAnchor', () => {
  test('the deal stage in the highlight card', () => {
    const anchor = timerAnchor(loadFixture(fixtures.dealMid));
    expect(anchor?.getAttribute('data-test-id')).toBe('highlight-property-item-dealstage');
  });

  test('the stage dropdown in the highlight-details variant', () => {
    expect(timerAnchor(loadFixture(fixtures.dealWon))?.id).toBe('stage-select');
  });

  test('nothing on a page without a deal stage', () => {
    expect(timerAnchor(loadFixture(fixtures.board))).toBeUndefined();
    expect(timerAnchor(loadFixture(fixtures.contact))).toBeUndefined();
  });
});
