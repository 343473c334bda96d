/** @vitest-environment happy-dom */
import { describe, expect, test } from 'vitest';
import { detectors, examples, flowTime, pipedrive, selectors, timerAnchor } from '../../lib/sites/pipedrive';
import { healthy, missing } from '../../lib/sites/types';
import type { PageReading, RepAction } from '../../lib/sites/types';
import { loadFixture } from '../helpers/fixtures';

// Feed times are the user's wall time; compute expectations the same way.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();
/** Wednesday, June 10, 2026, noon: the fixtures' "today". */
const NOW = new Date(2026, 5, 10, 12, 0);

const origin = 'https://acme.pipedrive.com';
const dealUrl = (id: number | string) => new URL(`${origin}/deal/${id}`);
const personUrl = new URL(`${origin}/person/311`);
const boardUrl = new URL(`${origin}/pipeline/1/user/everyone`);
const listUrl = new URL(`${origin}/deals/list/user/everyone`);

const read = (doc: Document, url: URL) => pipedrive.read(doc, url, NOW);

const fixtures = {
  proposal: 'pipedrive/deal-proposal.html',
  won: 'pipedrive/deal-won.html',
  lost: 'pipedrive/deal-lost.html',
  addActivity: 'pipedrive/deal-add-activity.html',
  person: 'pipedrive/person.html',
  board: 'pipedrive/pipeline-board.html',
  addDeal: 'pipedrive/pipeline-add-deal.html',
  list: 'pipedrive/deals-list.html',
} as const;
type FixtureName = keyof typeof fixtures;
type AnchorKey = keyof typeof selectors;
const load = (name: FixtureName) => loadFixture(fixtures[name]);

const STAGES = ['Lead In', 'Contact Made', 'Prospect Qualified', 'Needs Defined', 'Proposal Made', 'Negotiations Started'];

// Exact matches of every anchor in every fixture: a selector that starts
// matching more (or less) than the fixture shows fails here first. Columns:
// proposal, won, lost, addActivity, person, board, addDeal, list.
const table: Record<AnchorKey, [number, number, number, number, number, number, number, number]> = {
  headerTitle: [1, 1, 1, 1, 1, 0, 0, 0],
  headerTitleInput: [1, 1, 1, 1, 1, 0, 0, 0],
  headerTitleHeading: [1, 1, 1, 1, 1, 0, 0, 0],
  followersButton: [1, 1, 1, 1, 1, 0, 0, 0],
  wonButton: [1, 0, 0, 1, 0, 0, 0, 0],
  dealActions: [1, 1, 1, 1, 0, 0, 0, 0],
  badgeLabel: [0, 1, 1, 0, 0, 0, 0, 0],
  stage: [6, 6, 6, 6, 0, 0, 0, 0],
  stageCurrent: [1, 1, 1, 1, 0, 0, 0, 0],
  stageBar: [1, 1, 1, 1, 0, 0, 0, 0],
  fieldRow: [4, 2, 2, 2, 5, 0, 0, 0],
  fieldName: [4, 2, 2, 2, 5, 0, 0, 0],
  fieldValue: [4, 2, 2, 2, 5, 0, 0, 0],
  historyFilterAll: [1, 1, 1, 1, 1, 0, 0, 0],
  flowItem: [9, 2, 0, 0, 3, 0, 0, 0],
  flowActivity: [6, 1, 0, 0, 2, 0, 0, 0],
  flowChange: [2, 1, 0, 0, 1, 0, 0, 0],
  flowSubject: [6, 1, 0, 0, 2, 0, 0, 0],
  plannedTitle: [1, 0, 0, 0, 0, 0, 0, 0],
  plannedSection: [1, 1, 1, 1, 1, 0, 0, 0],
  flowTimestamp: [9, 2, 0, 0, 3, 0, 0, 0],
  flowAuthor: [9, 2, 0, 0, 3, 0, 0, 0],
  flowTypeIcon: [6, 1, 0, 0, 2, 0, 0, 0],
  flowRelated: [4, 1, 0, 0, 2, 0, 0, 0],
  flowChangeText: [2, 1, 0, 0, 1, 0, 0, 0],
  currentUserName: [1, 1, 1, 1, 1, 1, 1, 1],
  pipelineView: [0, 0, 0, 0, 0, 1, 1, 0],
  stageColumn: [0, 0, 0, 0, 0, 6, 1, 0],
  stageHeader: [0, 0, 0, 0, 0, 6, 1, 0],
  stageSummary: [0, 0, 0, 0, 0, 6, 1, 0],
  dealTile: [0, 0, 0, 0, 0, 5, 0, 0],
  dealLink: [0, 0, 0, 0, 0, 10, 0, 3],
  dealTileValue: [0, 0, 0, 0, 0, 4, 0, 0],
  listTitle: [0, 0, 0, 0, 0, 0, 0, 3],
  listValue: [0, 0, 0, 0, 0, 0, 0, 3],
  listStage: [0, 0, 0, 0, 0, 0, 0, 3],
  listStatus: [0, 0, 0, 0, 0, 0, 0, 3],
  listCloseDate: [0, 0, 0, 0, 0, 0, 0, 3],
  activitySubject: [0, 0, 0, 1, 0, 0, 0, 0],
  activitySave: [0, 0, 0, 1, 0, 0, 0, 0],
  activityTypeActive: [0, 0, 0, 1, 0, 0, 0, 0],
  activityDueDate: [0, 0, 0, 1, 0, 0, 0, 0],
  activityDueTime: [0, 0, 0, 1, 0, 0, 0, 0],
  addModal: [0, 0, 0, 0, 0, 0, 1, 0],
  addModalSave: [0, 0, 0, 0, 0, 0, 1, 0],
  // The activity modal's own header h3: the selector is only ever used inside the add modal.
  addModalHeading: [0, 0, 0, 1, 0, 0, 1, 0],
  addModalTitleInput: [0, 0, 0, 0, 0, 0, 1, 0],
  addModalPipeline: [0, 0, 0, 0, 0, 0, 1, 0],
  inputError: [0, 0, 0, 0, 0, 0, 0, 0],
};

describe('selector counts', () => {
  const names = Object.keys(fixtures) as FixtureName[];

  test('every anchor has a count for every fixture', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(selectors).sort());
  });

  const docs = new Map<FixtureName, Document>();
  const doc = (name: FixtureName) => docs.get(name) ?? docs.set(name, load(name)).get(name)!;
  const cases = (Object.entries(table) as [AnchorKey, number[]][]).flatMap(([key, counts]) =>
    names.map((fixture, i) => [fixture, key, counts[i]!] as const),
  );

  test.each(cases)('%s: %s matches %i', (fixture, key, n) => {
    expect(doc(fixture).querySelectorAll(selectors[key])).toHaveLength(n);
  });

  test('every fixture starts with its provenance comment', () => {
    for (const name of names) expect(load(name).firstChild?.nodeType, name).toBe(8 /* COMMENT_NODE */);
  });
});

describe('read: deal pages', () => {
  test('proposal: open deal mid-pipeline, value and close date, days in stage, history feed', () => {
    const expected: PageReading = {
      kind: 'deal',
      deal: {
        id: 'pipedrive:1042',
        name: 'Acme — 500 widgets',
        stage: 'Proposal Made',
        amount: 12500,
        currency: 'USD',
        closeDate: '2026-06-30',
        createdAt: local(2026, 5, 4, 11, 20),
        status: 'open',
        url: 'https://acme.pipedrive.com/deal/1042',
        // "8 days · Proposal Made" on June 10: entered on June 2.
        stageEnteredAt: local(2026, 6, 2),
      },
      stages: STAGES,
      activities: [
        {
          // Planned (the feed's "Planned" section).
          type: 'call',
          crmId: '5521',
          subject: 'Pricing call follow-up',
          dateText: 'Jun 12, 10:00 AM',
          at: local(2026, 6, 12, 10, 0),
          byMe: true,
          planned: true,
          person: { name: 'Dana Park' },
        },
        {
          type: 'meeting',
          crmId: '5510',
          subject: 'Demo with procurement',
          dateText: 'Jun 2, 2:30 PM',
          at: local(2026, 6, 2, 14, 30),
          byMe: true,
          person: { name: 'Dana Park' },
        },
        {
          // By another user: not byMe.
          type: 'email',
          crmId: '5498',
          subject: 'Sent proposal v2',
          dateText: 'May 28, 9:15 AM',
          at: local(2026, 5, 28, 9, 15),
          byMe: false,
          person: { name: 'Dana Park' },
        },
        {
          type: 'call',
          crmId: '5470',
          subject: 'Intro call',
          dateText: 'May 14, 4:00 PM',
          at: local(2026, 5, 14, 16, 0),
          byMe: true,
          person: { name: 'Dana Park' },
        },
        {
          // A deadline counts as a task; data-notime="1" is a date without a time.
          type: 'task',
          crmId: '5466',
          subject: 'Send NDA',
          dateText: 'May 12',
          at: local(2026, 5, 12),
          byMe: true,
        },
        // The custom "plane" activity type, the note and the changelog items are not activities Pacer counts.
      ],
      health: healthy,
    };
    expect(read(load('proposal'), dealUrl(1042))).toEqual(expected);
  });

  test('won: the status badge replaces the Won/Lost buttons; € amount', () => {
    expect(read(load('won'), dealUrl(1043))).toEqual({
      kind: 'deal',
      deal: {
        id: 'pipedrive:1043',
        name: 'Globex — annual renewal',
        stage: 'Negotiations Started',
        amount: 48500,
        currency: 'EUR',
        closeDate: '2026-06-05',
        createdAt: local(2026, 3, 16, 10, 0),
        status: 'won',
        url: 'https://acme.pipedrive.com/deal/1043',
        stageEnteredAt: local(2026, 6, 7),
      },
      stages: STAGES,
      activities: [
        {
          type: 'call',
          crmId: '5601',
          subject: 'Contract walkthrough',
          dateText: 'Jun 4, 11:00 AM',
          at: local(2026, 6, 4, 11, 0),
          byMe: true,
          person: { name: 'Lena Vogt' },
        },
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('lost: "-" in Value is unknown, never 0; an empty history is healthy', () => {
    expect(read(load('lost'), dealUrl(1044))).toEqual({
      kind: 'deal',
      deal: {
        id: 'pipedrive:1044',
        name: 'Initech — pilot',
        stage: 'Proposal Made',
        amount: null,
        currency: null,
        status: 'lost',
        url: 'https://acme.pipedrive.com/deal/1044',
        stageEnteredAt: local(2026, 5, 20),
      },
      stages: STAGES,
      activities: [],
      health: healthy,
    } satisfies PageReading);
  });

  test('note and activity-note bodies are never read', () => {
    const json = JSON.stringify(read(load('proposal'), dealUrl(1042)));
    expect(json).not.toContain('discount');
    expect(json).not.toContain('CFO');
  });

  test('on app.pipedrive.com the canonical URL keeps that host; the id is the same deal', () => {
    const reading = read(load('proposal'), new URL('https://app.pipedrive.com/deal/1042?tab=activity'));
    expect(reading.kind === 'deal' && [reading.deal.id, reading.deal.url]).toEqual([
      'pipedrive:1042',
      'https://app.pipedrive.com/deal/1042',
    ]);
  });

  test('a de stage bar ("12 T · …") reads the same way', () => {
    const doc = load('proposal');
    doc.querySelector(selectors.stageCurrent)!.textContent = '12 T · Proposal Made';
    const reading = read(doc, dealUrl(1042));
    expect(reading.kind === 'deal' && [reading.deal.stage, reading.deal.stageEnteredAt]).toEqual([
      'Proposal Made',
      local(2026, 5, 29),
    ]);
  });

  test('a stage button without a readable day count: stage read, no stageEnteredAt', () => {
    const doc = load('proposal');
    doc.querySelector(selectors.stageCurrent)!.textContent = 'a while · Proposal Made';
    const reading = read(doc, dealUrl(1042));
    expect(reading.kind === 'deal' && reading.deal.stage).toBe('Proposal Made');
    expect(reading.kind === 'deal' && 'stageEnteredAt' in reading.deal).toBe(false);
  });

  test('an unparseable Value is null with a null currency', () => {
    const doc = load('proposal');
    doc.querySelector(selectors.fieldValue)!.textContent = '$12,50,0';
    const reading = read(doc, dealUrl(1042));
    expect(reading.kind === 'deal' && [reading.deal.amount, reading.deal.currency]).toEqual([null, null]);
  });

  test('a close date that can only be day-first is read day-first', () => {
    const doc = load('proposal');
    doc.querySelectorAll(selectors.fieldValue)[1]!.textContent = '30/06/2026';
    const reading = read(doc, dealUrl(1042));
    expect(reading.kind === 'deal' && reading.deal.closeDate).toBe('2026-06-30');
  });

  test('no history feed on the layout: the deal is read, health names the feed', () => {
    const doc = load('proposal');
    doc.querySelector(selectors.historyFilterAll)!.closest('section')!.remove();
    const reading = read(doc, dealUrl(1042));
    expect(reading.kind).toBe('deal');
    expect(reading.kind === 'deal' && reading.activities).toEqual([]);
    expect(reading.health).toEqual(missing('history feed'));
  });

  test('no signed-in user name: nothing is byMe, and health says why', () => {
    const doc = load('proposal');
    doc.querySelector(selectors.currentUserName)!.remove();
    const reading = read(doc, dealUrl(1042));
    expect(reading.kind === 'deal' && reading.activities.map(a => a.byMe)).toEqual([false, false, false, false, false]);
    expect(reading.health).toEqual(missing('signed-in user name'));
  });

  test.each([
    ['header title', (doc: Document) => doc.querySelector(selectors.headerTitle)!.remove()],
    ['stage bar', (doc: Document) => doc.querySelector(selectors.stageBar)!.remove()],
    [
      'stage bar current stage',
      (doc: Document) => doc.querySelector(selectors.stageCurrent)!.setAttribute('aria-selected', 'false'),
    ],
    [
      // A button showing only days has no name to read: never the days as a stage.
      'stage bar current stage',
      (doc: Document) => {
        doc.querySelector(selectors.stageCurrent)!.textContent = '8 days';
      },
    ],
    ['deal status', (doc: Document) => doc.querySelector(selectors.wonButton)!.remove()],
  ] as const)('without the %s: unknown, never a guess', (anchor, breakIt) => {
    const doc = load('proposal');
    breakIt(doc);
    expect(read(doc, dealUrl(1042))).toEqual({ kind: 'unknown', health: missing(anchor) });
  });

  test('several anchors missing are all named', () => {
    const doc = load('won');
    doc.querySelector(selectors.headerTitle)!.remove();
    doc.querySelector(selectors.badgeLabel)!.textContent = 'Renewal';
    expect(read(doc, dealUrl(1043))).toEqual({ kind: 'unknown', health: missing('header title', 'deal status') });
  });
});

describe('read: person page', () => {
  test('name, email, organization, job title, LinkedIn and the feed', () => {
    expect(read(load('person'), personUrl)).toEqual({
      kind: 'person',
      person: {
        name: 'Dana Park',
        email: 'dana.park@acme.example',
        company: 'Acme Corp',
        title: 'Head of Procurement',
        linkedinUrl: 'https://www.linkedin.com/in/dana-park-4b1a2c/',
        crmId: 'pipedrive:person-311',
        recordType: 'contact',
        url: 'https://acme.pipedrive.com/person/311',
      },
      activities: [
        {
          type: 'email',
          crmId: '5702',
          subject: 'Volume pricing question',
          dateText: 'Jun 8, 1:10 PM',
          at: local(2026, 6, 8, 13, 10),
          byMe: true,
          person: { name: 'Dana Park' },
        },
        {
          // Lunch is a meeting; logged by a colleague.
          type: 'meeting',
          crmId: '5690',
          subject: 'Lunch at the trade show',
          dateText: 'Jun 3, 12:30 PM',
          at: local(2026, 6, 3, 12, 30),
          byMe: false,
          person: { name: 'Dana Park' },
        },
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('without the header, the name comes from the page title', () => {
    const doc = load('person');
    doc.querySelector(selectors.headerTitle)!.remove();
    const reading = read(doc, personUrl);
    expect(reading.kind === 'person' && reading.person.name).toBe('Dana Park');
  });

  test('no name anywhere: unknown', () => {
    const doc = load('person');
    doc.querySelector(selectors.headerTitle)!.remove();
    doc.title = 'Pipedrive';
    expect(read(doc, personUrl)).toEqual({ kind: 'unknown', health: missing('header title') });
  });

  test('optional fields absent: left out, not empty strings', () => {
    const doc = load('person');
    for (const row of [...doc.querySelectorAll(selectors.fieldRow)]) row.remove();
    const reading = read(doc, personUrl);
    expect(reading.kind === 'person' && reading.person).toEqual({
      name: 'Dana Park',
      crmId: 'pipedrive:person-311',
      recordType: 'contact',
      url: 'https://acme.pipedrive.com/person/311',
    });
  });
});

describe('read: lists', () => {
  const row = (id: number, name: string, stage: string, amount: number | null, currency: string | null = 'USD') => ({
    id: `pipedrive:${id}`,
    name,
    stage,
    amount,
    currency: amount === null ? null : currency,
    status: 'open' as const,
    url: `https://acme.pipedrive.com/deal/${id}`,
  });

  test('pipeline board: each card carries its column\'s stage', () => {
    expect(read(load('board'), boardUrl)).toEqual({
      kind: 'list',
      rows: [
        row(1101, 'Hooli — starter', 'Lead In', 2000),
        row(1102, 'Umbrella — fleet', 'Contact Made', 15000),
        row(1042, 'Acme — 500 widgets', 'Proposal Made', 12500),
        row(1103, 'Stark — pilot', 'Proposal Made', 7250),
        // No value on the card: unknown, never 0.
        row(1104, 'Wayne — expansion', 'Negotiations Started', null),
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('the board also reads under /deals/pipeline/<id>', () => {
    const reading = read(load('board'), new URL('https://acme.pipedrive.com/deals/pipeline/1/filter/358?quickFilter=none'));
    expect(reading.kind === 'list' && reading.rows).toHaveLength(5);
  });

  test('a column whose title cannot be read: its cards are skipped and health names it', () => {
    const doc = load('board');
    const header = doc.querySelectorAll(selectors.stageHeader)[4]!; // Proposal Made, two cards
    for (const el of [...header.querySelectorAll('*')]) if (!el.closest(selectors.stageSummary)) el.textContent = '';
    const reading = read(doc, boardUrl);
    expect(reading.kind === 'list' && reading.rows.map(r => r.id)).toEqual(['pipedrive:1101', 'pipedrive:1102', 'pipedrive:1104']);
    expect(reading.health).toEqual(missing('stage column title'));
  });

  test('deals list: stage, status and close date from their columns', () => {
    expect(read(load('list'), listUrl)).toEqual({
      kind: 'list',
      rows: [
        { ...row(1042, 'Acme — 500 widgets', 'Proposal Made', 12500), closeDate: '2026-06-30' },
        {
          ...row(1043, 'Globex — annual renewal', 'Negotiations Started', 48500, 'EUR'),
          status: 'won',
          closeDate: '2026-06-05',
        },
        { ...row(1044, 'Initech — pilot', 'Proposal Made', null), status: 'lost' },
      ],
      health: healthy,
    } satisfies PageReading);
  });

  test('deals list without a Status column: rows are not recorded, health says which column', () => {
    const doc = load('list');
    for (const cell of [...doc.querySelectorAll(selectors.listStatus)]) cell.closest('td')!.remove();
    expect(read(doc, listUrl)).toEqual({ kind: 'list', rows: [], health: missing('deals list column: status') });
  });

  test('a list URL whose page shows neither board nor list: unknown', () => {
    expect(read(load('person'), boardUrl)).toEqual({ kind: 'unknown', health: missing('pipeline board') });
    expect(read(load('person'), listUrl)).toEqual({ kind: 'unknown', health: missing('deals list') });
  });
});

describe('read: other pages', () => {
  test.each([
    `${origin}/organization/88`,
    `${origin}/activities/list/user/13344852`,
    `${origin}/leads/inbox/adf21080-0e10-11eb-879b-05d71fb426ec`,
    `${origin}/deal/1042/extra`,
  ])('%s is unknown', url => {
    expect(read(load('proposal'), new URL(url))).toEqual({
      kind: 'unknown',
      health: missing('deal, person, pipeline or deals list URL'),
    });
  });
});

describe('flowTime', () => {
  const stamp = (attrs: Record<string, string>) => {
    const el = document.createElement('span');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  };
  test.each([
    [{ 'data-time': '2026-06-02 14:30:00', 'data-utc': '0' }, local(2026, 6, 2, 14, 30)],
    [{ 'data-time': '2026-06-02 14:30:00', 'data-utc': '1' }, '2026-06-02T14:30:00.000Z'],
    [{ 'data-time': '2026-06-02 14:30:00', 'data-notime': '1' }, local(2026, 6, 2)],
    [{ 'data-time': '2026-06-02' }, local(2026, 6, 2)],
    [{ 'data-time': '2026-02-30 10:00:00' }, null],
    [{ 'data-time': '2026-06-02 25:00:00' }, null],
    [{ 'data-time': 'today' }, null],
    [{}, null],
  ] as const)('%o → %s', (attrs, expected) => {
    expect(flowTime(stamp(attrs), NOW)).toBe(expected);
  });
});

describe('URL detectors', () => {
  const allUrls = [...new Set(Object.values(examples).flat())];
  test.each(Object.keys(detectors) as (keyof typeof detectors)[])('%s matches its examples and nothing else', name => {
    const listed: readonly string[] = examples[name];
    for (const url of allUrls) expect(detectors[name](new URL(url)), url).toBe(listed.includes(url));
  });

  test('the adapter matches exactly the Pipedrive app hosts', () => {
    for (const url of allUrls) expect(pipedrive.matches(new URL(url)), url).toBe(detectors.pipedriveHost(new URL(url)));
  });
});

describe('actions: Schedule an activity', () => {
  const setup = () => {
    const doc = load('addActivity');
    const save = doc.querySelector(selectors.activitySave)!;
    return { doc, save, form: save.closest('.cui5-modal')! };
  };
  /** Moves the chosen type, as a click on a type button does. */
  const chooseType = (doc: Document, icon: string) => {
    doc.querySelector('.cui5-button--active')!.classList.remove('cui5-button--active');
    doc.querySelector(`use[href="#icon-sm-ac-${icon}"]`)!.closest('button')!.classList.add('cui5-button--active');
  };
  const fields = (action: RepAction | undefined) => {
    if (!action) return action;
    const { confirm: _confirm, ...rest } = action;
    return rest;
  };

  test('Save with type Call is a call about the deal, dated by the form', () => {
    const { doc, save } = setup();
    expect(fields(pipedrive.actionFor!(save, doc, dealUrl(1042)))).toEqual({
      type: 'call',
      recordKey: 'pipedrive:1042',
      deal: { id: 'pipedrive:1042', name: 'Acme — 500 widgets' },
      subject: 'Pricing call',
      at: local(2026, 6, 9, 14, 0),
    });
  });

  test('a click on the label inside the Save button counts too', () => {
    const { doc, save } = setup();
    expect(pipedrive.actionFor!(save.querySelector('span')!, doc, dealUrl(1042))?.type).toBe('call');
  });

  test.each([
    ['meeting', 'meeting'],
    ['lunch', 'meeting'],
    ['email', 'email'],
    ['task', undefined],
    ['deadline', undefined],
  ] as const)('type %s → %s', (icon, type) => {
    const { doc, save } = setup();
    chooseType(doc, icon);
    expect(pipedrive.actionFor!(save, doc, dealUrl(1042))?.type).toBe(type);
  });

  test('no chosen type: no action', () => {
    const { doc, save } = setup();
    doc.querySelector('.cui5-button--active')!.classList.remove('cui5-button--active');
    expect(pipedrive.actionFor!(save, doc, dealUrl(1042))).toBeUndefined();
  });

  test('a day-first date field (placeholder DD/MM/YYYY) is read day-first', () => {
    const { doc, save } = setup();
    const date = doc.querySelector<HTMLInputElement>(selectors.activityDueDate)!;
    date.setAttribute('placeholder', 'DD/MM/YYYY');
    date.value = '09/06/2026';
    expect(pipedrive.actionFor!(save, doc, dealUrl(1042))?.at).toBe(local(2026, 6, 9, 14, 0));
  });

  test('an empty or unreadable due date leaves `at` out: the click time counts', () => {
    const { doc, save } = setup();
    doc.querySelector<HTMLInputElement>(selectors.activityDueDate)!.value = '';
    expect(pipedrive.actionFor!(save, doc, dealUrl(1042))).not.toHaveProperty('at');
    doc.querySelector<HTMLInputElement>(selectors.activityDueDate)!.value = 'soon';
    expect(pipedrive.actionFor!(save, doc, dealUrl(1042))).not.toHaveProperty('at');
  });

  test('confirm: pending while the form is open, failed on an error, saved once it closes', () => {
    const { doc, save, form } = setup();
    const action = pipedrive.actionFor!(save, doc, dealUrl(1042))!;
    expect(action.confirm(doc, dealUrl(1042))).toEqual({ status: 'pending' });

    // Pipedrive marks the field and keeps the modal open.
    const error = doc.createElement('div');
    error.className = 'cui5-input__error-message';
    error.textContent = 'Subject is required';
    doc.querySelector(selectors.activitySubject)!.closest('.cui5-input')!.append(error);
    expect(action.confirm(doc, dealUrl(1042))).toEqual({ status: 'failed' });

    // The rep fixes it and saves: the error goes, then the modal closes.
    error.remove();
    expect(action.confirm(doc, dealUrl(1042))).toEqual({ status: 'pending' });
    form.remove();
    expect(action.confirm(doc, dealUrl(1042))).toEqual({ status: 'saved' });
  });

  test('on a person page the action is about the person', () => {
    const doc = load('person');
    doc.body.append(doc.importNode(setup().form, true));
    const save = doc.querySelector(selectors.activitySave)!;
    expect(fields(pipedrive.actionFor!(save, doc, personUrl))).toEqual({
      type: 'call',
      recordKey: 'pipedrive:person-311',
      person: { name: 'Dana Park', crmId: 'pipedrive:person-311' },
      subject: 'Pricing call',
      at: local(2026, 6, 9, 14, 0),
    });
  });

  test('other clicks, and other sites, are not actions', () => {
    const { doc, save } = setup();
    const cancel = [...doc.querySelectorAll('button')].find(b => b.textContent?.trim() === 'Cancel')!;
    expect(pipedrive.actionFor!(cancel, doc, dealUrl(1042))).toBeUndefined();
    expect(pipedrive.actionFor!(doc.querySelector(selectors.wonButton)!, doc, dealUrl(1042))).toBeUndefined();
    expect(pipedrive.actionFor!(save, doc, new URL('https://example.com/deal/1042'))).toBeUndefined();
  });
});

describe('actions: Add deal / Add lead', () => {
  const setup = () => {
    const doc = load('addDeal');
    return { doc, save: doc.querySelector(selectors.addModalSave)!, modal: doc.querySelector(selectors.addModal)! };
  };
  const showError = (doc: Document, text: string) => {
    const error = doc.createElement('div');
    error.className = 'cui5-input__error-message';
    error.textContent = text;
    doc.querySelector(selectors.addModalTitleInput)!.closest('.cui5-input')!.append(error);
    return error;
  };
  /** What Pipedrive does on a successful save: the modal goes and a snackbar says so. */
  const saveSucceeds = (doc: Document, modal: Element) => {
    modal.remove();
    const snackbar = doc.createElement('div');
    snackbar.className = 'cui5-snackbar';
    snackbar.innerHTML = '<p class="cui5-snackbar__message">New deal "Globex deal" created</p>';
    doc.body.append(snackbar);
  };

  test('Save in "Add deal" is lead_created with the typed title', () => {
    const { doc, save } = setup();
    const action = pipedrive.actionFor!(save, doc, boardUrl)!;
    expect(action.type).toBe('lead_created');
    expect(action.subject).toBe('Globex deal');
    expect(action).not.toHaveProperty('recordKey');
  });

  test('confirm: pending, failed on "Title is required", saved when the modal closes', () => {
    const { doc, save, modal } = setup();
    const action = pipedrive.actionFor!(save, doc, boardUrl)!;
    expect(action.confirm(doc, boardUrl)).toEqual({ status: 'pending' });
    const error = showError(doc, 'Title is required');
    expect(action.confirm(doc, boardUrl)).toEqual({ status: 'failed' });
    error.remove();
    saveSucceeds(doc, modal);
    // Still on the board: saved, the new deal's id is not on the page.
    expect(action.confirm(doc, boardUrl)).toEqual({ status: 'saved' });
    // Pipedrive opened the new deal.
    expect(action.confirm(doc, dealUrl(2001))).toEqual({ status: 'saved', recordId: 'pipedrive:2001' });
  });

  test('an empty error element is not an error', () => {
    const { doc, save } = setup();
    showError(doc, '');
    expect(pipedrive.actionFor!(save, doc, boardUrl)!.confirm(doc, boardUrl)).toEqual({ status: 'pending' });
  });

  test('"Add lead": the new lead\'s id comes from the leads inbox URL, never from a deal URL', () => {
    const { doc, save, modal } = setup();
    modal.querySelector(selectors.addModalHeading)!.textContent = 'Add lead';
    modal.querySelector(selectors.addModalPipeline)!.remove();
    const action = pipedrive.actionFor!(save, doc, new URL(`${origin}/leads/inbox`))!;
    expect(action.type).toBe('lead_created');
    saveSucceeds(doc, modal);
    const lead = new URL(`${origin}/leads/inbox/ADF21080-0E10-11EB-879B-05D71FB426EC`);
    expect(action.confirm(doc, lead)).toEqual({ status: 'saved', recordId: 'pipedrive:lead-adf21080-0e10-11eb-879b-05d71fb426ec' });
    expect(action.confirm(doc, dealUrl(2001))).toEqual({ status: 'saved' });
  });

  test('Cancel is not an action', () => {
    const { doc } = setup();
    expect(pipedrive.actionFor!(doc.querySelector('[data-test="add-modals-cancel-button"]')!, doc, boardUrl)).toBeUndefined();
  });
});

describe('timerAnchor', () => {
  test.each([
    ['proposal', 'div.cui5-stage-selector'],
    ['won', 'div.cui5-stage-selector'],
    ['person', 'div[data-testid=header-title]'],
    ['board', undefined],
  ] as const)('%s: %s', (fixture, expected) => {
    const el = timerAnchor(load(fixture));
    const describeEl = (e: Element) =>
      e.classList.length ? `${e.localName}.${e.className}` : `${e.localName}[data-testid=${e.getAttribute('data-testid')}]`;
    expect(el && describeEl(el)).toBe(expected);
  });

  test('the adapter exposes it', () => {
    expect(pipedrive.timerAnchor).toBe(timerAnchor);
  });
});
