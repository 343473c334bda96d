/** @vitest-environment happy-dom */
import nodeConsole from 'node:console';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { deepQuery, deepQueryAll } from '../../lib/sites/dom';
import {
  canonicalProfileUrl,
  canonicalSalesNavUrl,
  detectors,
  examples,
  linkedin,
  parseClock,
  parseDayHeading,
  parseDegree,
  parseSentAgo,
  selectors,
  threadIdFromUrl,
  type LinkedInAction,
  type LinkedInReading,
} from '../../lib/sites/linkedin';
import { LABELS, LOCALES } from '../../lib/sites/linkedin-labels';
import { healthy, missing } from '../../lib/sites/types';
import { loadFixture } from '../helpers/fixtures';

// happy-dom reports every <iframe> and external stylesheet of the real pages
// ("… loading is disabled": it fetches nothing) on the Node console it was
// created with; those lines are dropped, everything else is passed through.
const consoleError = nodeConsole.error.bind(nodeConsole);
beforeAll(() => {
  vi.spyOn(nodeConsole, 'error').mockImplementation((...args: unknown[]) => {
    if (args.some(a => /(?:Iframe page|CSS file|JavaScript file) loading is disabled/.test(String(a)))) return;
    consoleError(...args);
  });
});
afterAll(() => vi.restoreAllMocks());

// Readings resolve "Today", weekdays and "3 hours ago" against this instant:
// Friday 27 November 2026, 15:00 local time.
const NOW = new Date(2026, 10, 27, 15, 0);
/** Local wall time as ISO, the way the reader computes it. */
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

const fixtures = {
  connect2024: 'linkedin/profile-2024-connect.html',
  message2024: 'linkedin/profile-2024-message.html',
  thirdDegree2026: 'linkedin/profile-2026-3rd-degree.html',
  popup2026: 'linkedin/profile-2026-message-popup.html',
  pending2026: 'linkedin/profile-2026-pending.html',
  thread: 'linkedin/messaging-thread.html',
  overlayBubble: 'linkedin/messaging-overlay-bubble.html',
  overlay2026: 'linkedin/messaging-overlay-2026.html',
  inviteDialog: 'linkedin/invite-dialog.html',
  inviteDialogNote: 'linkedin/invite-dialog-note.html',
  invitationsSent: 'linkedin/invitation-manager-sent.html',
  invitationsReceived: 'linkedin/invitation-manager-received.html',
  search: 'linkedin/search-people.html',
  connections: 'linkedin/connections.html',
  lead: 'linkedin/salesnav-lead.html',
  compose: 'linkedin/salesnav-compose.html',
  salesSearch: 'linkedin/salesnav-search.html',
} as const;
type FixtureName = keyof typeof fixtures;

const urls = {
  connect2024: 'https://www.linkedin.com/in/avery-example-18977d/',
  message2024: 'https://www.linkedin.com/in/avery-example-93335e/',
  thirdDegree2026: 'https://www.linkedin.com/in/avery-example-8b907d/',
  popup2026: 'https://www.linkedin.com/in/avery-example-d21ca7/',
  pending2026: 'https://www.linkedin.com/in/quinn-placeholder-4f5e6d/',
  thread: 'https://www.linkedin.com/messaging/thread/2-ZmFrZVRocmVhZEZvclBhY2VyMDAx/',
  invitationsSent: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
  invitationsReceived: 'https://www.linkedin.com/mynetwork/invitation-manager/received/',
  search: 'https://www.linkedin.com/search/results/people/?keywords=head%20of%20sales',
  connections: 'https://www.linkedin.com/mynetwork/invite-connect/connections/',
  lead: 'https://www.linkedin.com/sales/lead/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z',
  salesSearch: 'https://www.linkedin.com/sales/search/people?query=(keywords%3Ahead%2520of%2520sales)',
  feed: 'https://www.linkedin.com/feed/',
} as const;
const url = (key: keyof typeof urls) => new URL(urls[key]);
const read = (doc: Document, key: keyof typeof urls) => linkedin.read(doc, url(key), NOW);

/** A fragment fixture's top-level nodes, imported into `doc`. */
function fragment(doc: Document, name: FixtureName): Node[] {
  const source = loadFixture(fixtures[name]);
  return [...source.body.childNodes].map(node => doc.importNode(node, true));
}

/** Fills the 2026 interop host's open shadow root, as LinkedIn does when a popup or dialog opens. */
function openInterop(doc: Document, name: FixtureName): ShadowRoot {
  const host = doc.querySelector(selectors.interopHost)!;
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.append(...fragment(doc, name));
  return root;
}

/** The whole document including open shadow roots, to prove the reader changed nothing. */
function serialize(doc: Document): string {
  const shadows = deepQueryAll(doc, '*')
    .filter(el => el.shadowRoot)
    .map(el => el.shadowRoot!.innerHTML);
  return [doc.documentElement.outerHTML, ...shadows].join('\n<!-- shadow -->\n');
}

const click = (action: LinkedInAction | undefined) => {
  expect(action).toBeDefined();
  return action!;
};

// ---------------------------------------------------------------------------

describe('selector counts', () => {
  type Key = keyof typeof selectors;
  const keys = Object.keys(selectors) as Key[];
  // Exact matches of every anchor in every fixture (open shadow roots included,
  // none attached here): a selector that starts matching more or less fails first.
  // Columns follow `fixtures`; every row lists 17 numbers.
  const order: FixtureName[] = [
    'connect2024', 'message2024', 'thirdDegree2026', 'popup2026', 'pending2026', 'thread', 'overlayBubble',
    'overlay2026', 'inviteDialog', 'inviteDialogNote', 'invitationsSent', 'invitationsReceived', 'search',
    'connections', 'lead', 'compose', 'salesSearch',
  ];
  const table: Record<Key, number[]> = {
    //                     c24 m24 3rd pop pnd thr bub o26 dlg not snt rcv srh con led cmp sns
    topCardEmber:         [1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    nameEmber:            [1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    headlineEmber:        [1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    degreeEmber:          [0,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    profileActionEmber:   [4,  4,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    iconConnect:          [7,  7,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    iconMessage:          [0,  3,  6,  4,  2,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    iconPending:          [0,  0,  0,  0,  2,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    iconRemoveConnection: [0,  2,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    topCardSdui:          [0,  0,  1,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    nameSdui:             [0,  0,  1,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    companyIconSdui:      [0,  0,  2,  3,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    composeLink:          [0,  0,  6,  4,  2,  0,  0,  0,  0,  0,  0,  0,  0,  3,  0,  0,  0],
    customInviteLink:     [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    connectKey:           [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    pendingKey:           [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    contactInfoLink:      [1,  1,  1,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    interopHost:          [0,  0,  1,  1,  1,  0,  0,  0,  0,  0,  1,  0,  0,  1,  0,  0,  0],
    overlayBubble:        [0,  0,  0,  0,  0,  0,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    overlayTitleLink:     [0,  0,  0,  0,  0,  0,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    threadPane:           [0,  0,  0,  0,  0,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    threadProfileLink:    [0,  0,  0,  0,  0,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    threadTitle:          [0,  0,  0,  0,  0,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    messageList:          [0,  0,  0,  0,  0,  1,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    messageEvent:         [0,  0,  0,  0,  0,  5,  2,  2,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    eventItem:            [0,  0,  0,  0,  0,  5,  2,  2,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    dayHeading:           [0,  0,  0,  0,  0,  3,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    groupTime:            [0,  0,  0,  0,  0,  4,  2,  2,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    messageForm:          [0,  0,  0,  0,  0,  1,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    composer:             [0,  0,  0,  0,  0,  1,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    sendButton:           [0,  0,  0,  0,  0,  1,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    inviteDialog:         [0,  0,  0,  0,  0,  0,  0,  0,  1,  1,  0,  0,  0,  0,  0,  0,  0],
    modalPrimary:         [0,  0,  0,  0,  0,  0,  0,  0,  1,  1,  0,  0,  0,  0,  0,  0,  0],
    weeklyLimit:          [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    toastError:           [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    toastSuccess:         [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    withdrawButton:       [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  5,  0,  0,  0,  0,  0,  0],
    invitationCard:       [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  3,  0,  0,  0,  0,  0],
    invitationTitle:      [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  3,  0,  0,  0,  0,  0],
    timeBadge:            [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  3,  0,  0,  0,  0,  0],
    searchContainer:      [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  0,  0,  0],
    searchRow:            [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  5,  0,  0,  0,  0],
    searchName:           [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  5,  0,  0,  0,  0],
    searchBadge:          [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  8,  0,  0,  0,  0],
    connectionsList:      [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  3,  0,  0,  0],
    connectionsProfile:   [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  6,  0,  0,  0],
    snTopCard:            [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  0],
    snName:               [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  0],
    snPersonName:         [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  1,  3],
    snCurrentRole:        [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  0],
    snJobTitle:           [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  3],
    snCompany:            [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  0],
    snContactInfo:        [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  0],
    snSaveCta:            [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  3],
    snInmailCta:          [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  0],
    snCompose:            [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0],
    // The invitation note is a textarea[name=message] too; the InMail reader only looks on /sales/ pages.
    snComposeText:        [0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  0,  0,  0,  0,  1,  0],
    snMessage:            [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0],
    snSearchResult:       [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  3],
    // The messaging profile card uses the same artdeco degree badge as Sales Navigator rows.
    snDegree:             [0,  0,  0,  0,  0,  0,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  3],
    snLeadLink:           [0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  6],
  };

  test('every selector has a count for every fixture', () => {
    expect(Object.keys(table).sort()).toEqual([...keys].sort());
    for (const row of Object.values(table)) expect(row).toHaveLength(order.length);
    expect([...order].sort()).toEqual(Object.keys(fixtures).sort());
  });

  const docs = new Map<FixtureName, Document>();
  const doc = (name: FixtureName) => docs.get(name) ?? docs.set(name, loadFixture(fixtures[name])).get(name)!;
  const cases = order.flatMap((name, i) => keys.map(key => [name, key, table[key][i]!] as const));
  test.each(cases)('%s: %s matches %i', (name, key, n) => {
    expect(deepQueryAll(doc(name), selectors[key])).toHaveLength(n);
  });
});

// ---------------------------------------------------------------------------

describe('read: profiles (real pages)', () => {
  test('2024 Ember, not connected: Connect is the primary action, no degree badge', () => {
    expect(read(loadFixture(fixtures.connect2024), 'connect2024')).toEqual({
      kind: 'profile',
      person: {
        name: 'Avery Example',
        profileUrl: 'https://www.linkedin.com/in/avery-example-18977d/',
        headline: 'Head of Sales at Example Corp',
        company: 'Example Corp',
        memberUrn: 'urn:li:member:504944064',
      },
      connection: 'none',
      health: healthy,
    } satisfies LinkedInReading);
  });

  test('2024 Ember, 1st degree: Message primary, "1st" badge', () => {
    expect(read(loadFixture(fixtures.message2024), 'message2024')).toEqual({
      kind: 'profile',
      person: {
        name: 'Avery Example',
        profileUrl: 'https://www.linkedin.com/in/avery-example-93335e/',
        headline: 'Head of Sales at Example Corp',
        company: 'Example Corp',
        memberUrn: 'urn:li:member:81346497',
      },
      connection: 'connected',
      degree: 1,
      health: healthy,
    } satisfies LinkedInReading);
  });

  test('2026 SDUI, 3rd degree: Message/Follow/More, Connect hidden in More, so unknown', () => {
    expect(read(loadFixture(fixtures.thirdDegree2026), 'thirdDegree2026')).toEqual({
      kind: 'profile',
      person: {
        name: 'Avery Example',
        profileUrl: 'https://www.linkedin.com/in/avery-example-8b907d/',
        headline: 'Head of Sales at Example Corp',
        company: 'Example Corp',
        memberUrn: 'urn:li:fsd_profile:ACoAAFakelBL69JJUyWIbt2W7TqnYbYQN7sPDZa',
      },
      connection: 'unknown',
      degree: 3,
      health: healthy,
    } satisfies LinkedInReading);
  });

  test('2026 SDUI, 1st degree: the pre-rendered "· 2nd" beside "· 1st" is ignored', () => {
    expect(read(loadFixture(fixtures.popup2026), 'popup2026')).toEqual({
      kind: 'profile',
      person: {
        name: 'Avery Example',
        profileUrl: 'https://www.linkedin.com/in/avery-example-d21ca7/',
        headline: 'Head of Sales at Example Corp',
        company: 'Example Corp',
        memberUrn: 'urn:li:fsd_profile:ACoAAFakeMzmPnt2I2mfJJriEL2LRo1wMwTGo6B',
      },
      connection: 'connected',
      degree: 1,
      health: healthy,
    } satisfies LinkedInReading);
  });

  test('2026 SDUI, invitation pending: Pending control, real degree 2nd beside a pre-rendered 1st', () => {
    expect(read(loadFixture(fixtures.pending2026), 'pending2026')).toEqual({
      kind: 'profile',
      person: {
        name: 'Quinn Placeholder',
        profileUrl: 'https://www.linkedin.com/in/quinn-placeholder-4f5e6d/',
        headline: 'Head of Revenue at Example Corp',
        company: 'Example Corp',
        memberUrn: 'urn:li:fsd_profile:ACoAAFakeQuinnPnd9xQ2w7LmZr4Tk0aBc1',
      },
      connection: 'pending',
      degree: 2,
      health: healthy,
    } satisfies LinkedInReading);
  });

  test('2024 pending: the Connect button replaced by Pending reads pending', () => {
    const doc = loadFixture(fixtures.connect2024);
    becomePending2024(doc, 'Avery Example');
    const reading = read(doc, 'connect2024');
    expect(reading.kind === 'profile' && reading.connection).toBe('pending');
  });

  test('the profile URL comes from the top card, whatever form the address bar has', () => {
    const reading = linkedin.read(
      loadFixture(fixtures.thirdDegree2026),
      new URL('https://www.linkedin.com/in/ACoAAFakelBL69JJUyWIbt2W7TqnYbYQN7sPDZa/?miniProfileUrn=x'),
      NOW,
    );
    expect(reading.kind === 'profile' && reading.person.profileUrl).toBe('https://www.linkedin.com/in/avery-example-8b907d/');
  });

  test('no top card (still loading): unknown, and says so', () => {
    const doc = loadFixture(fixtures.connect2024);
    doc.querySelector(selectors.topCardEmber)!.remove();
    expect(read(doc, 'connect2024')).toEqual({ kind: 'unknown', health: missing('profile top card') });
  });

  test('a top card without a name: unknown, never a blank person', () => {
    const doc = loadFixture(fixtures.thirdDegree2026);
    deepQuery(doc, selectors.nameSdui)!.textContent = '';
    expect(read(doc, 'thirdDegree2026')).toEqual({ kind: 'unknown', health: missing('profile name') });
  });

  test('a top card with no action controls: read, with health naming them', () => {
    const doc = loadFixture(fixtures.connect2024);
    for (const el of doc.querySelectorAll(`${selectors.topCardEmber} button, ${selectors.topCardEmber} [role="button"]`)) el.remove();
    const reading = read(doc, 'connect2024');
    expect(reading.kind === 'profile' && [reading.connection, reading.health]).toEqual(['unknown', missing('profile actions')]);
  });
});

/** What LinkedIn renders in place of Connect once an invitation is out (2024 Ember). */
function becomePending2024(doc: Document, name: string) {
  const connect = doc.querySelector(`${selectors.topCardEmber} button[aria-label^="Invite"]`)!;
  const pending = doc.createElement('button');
  pending.className = connect.className;
  pending.setAttribute('aria-label', `Pending, click to withdraw invitation sent to ${name}`);
  pending.innerHTML =
    '<svg role="none" aria-hidden="true" class="artdeco-button__icon" data-test-icon="clock-small"><use href="#clock-small"></use></svg><span class="artdeco-button__text">Pending</span>';
  connect.replaceWith(pending);
}

/** 2026: the top card's Follow control becomes the Pending link of profile-2026-pending.html. */
function becomePending2026(doc: Document, name: string) {
  const follow = deepQuery(doc, `${selectors.topCardSdui} button[aria-label^="Follow"]`)!;
  const pending = doc.createElement('a');
  pending.setAttribute('aria-label', `Pending, click to withdraw invitation sent to ${name}`);
  pending.setAttribute('href', 'https://www.linkedin.com/in/avery-example-8b907d/');
  pending.innerHTML = '<span><svg id="clock-small" aria-hidden="true"></svg><span>Pending</span></span>';
  follow.replaceWith(pending);
}

describe('read: messaging', () => {
  const casey = { name: 'Casey Placeholder', profileUrl: 'https://www.linkedin.com/in/casey-placeholder-5c2d1e/' };

  test('full-page thread: the rep’s own messages, dated from headings and group times, keyed by event URN', () => {
    expect(read(loadFixture(fixtures.thread), 'thread')).toEqual({
      kind: 'messaging',
      threads: [
        {
          threadId: '2-ZmFrZVRocmVhZEZvclBhY2VyMDAx',
          participants: [casey],
          sentByMe: [
            {
              at: local(2026, 11, 19, 16, 5),
              key: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAFakeFiXLy5uAa0jrmAeeKyDF9lrz48DKkY,2-ZmFrZU1zZ0lkMDAwMQ==)',
            },
            {
              // Same group: the continuation inherits the group's time.
              at: local(2026, 11, 19, 16, 5),
              key: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAFakeFiXLy5uAa0jrmAeeKyDF9lrz48DKkY,2-ZmFrZU1zZ0lkMDAwMg==)',
            },
            {
              // "Wednesday" in the week before Friday 27 November.
              at: local(2026, 11, 25, 9, 40),
              key: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAFakeFiXLy5uAa0jrmAeeKyDF9lrz48DKkY,2-ZmFrZU1zZ0lkMDAwNA==)',
            },
            {
              // No event URN yet: participant, time and position in the group.
              at: local(2026, 11, 27, 14, 31),
              key: `https://www.linkedin.com/in/casey-placeholder-5c2d1e/|${local(2026, 11, 27, 14, 31)}|1`,
            },
          ],
        },
      ],
      health: healthy,
    } satisfies LinkedInReading);
  });

  test('without the assumed `.msg-thread` class the pane is found by its message list', () => {
    const doc = loadFixture(fixtures.thread);
    doc.querySelector(selectors.threadPane)!.classList.remove('msg-thread');
    expect(read(doc, 'thread')).toEqual(read(loadFixture(fixtures.thread), 'thread'));
    const send = doc.querySelector(selectors.sendButton)!;
    send.removeAttribute('disabled');
    expect(linkedin.actionFor(send, doc, url('thread'))?.person).toEqual(casey);
  });

  test('a thread URL whose pane is missing says so', () => {
    const doc = loadFixture(fixtures.thread);
    doc.querySelector(selectors.threadPane)!.remove();
    expect(read(doc, 'thread')).toEqual({ kind: 'messaging', threads: [], health: missing('conversation pane') });
  });

  test('a heading with a year is read by the shared date parser', () => {
    const doc = loadFixture(fixtures.thread);
    doc.querySelector(selectors.dayHeading)!.textContent = 'Nov 19, 2025';
    const reading = read(doc, 'thread');
    expect(reading.kind === 'messaging' && reading.threads[0]!.sentByMe.map(m => m.at).slice(0, 2)).toEqual([
      local(2025, 11, 19, 16, 5),
      local(2025, 11, 19, 16, 5),
    ]);
  });

  test('own messages whose day cannot be read are left out and reported', () => {
    const doc = loadFixture(fixtures.thread);
    for (const heading of doc.querySelectorAll(selectors.dayHeading)) heading.textContent = 'sometime';
    const reading = read(doc, 'thread');
    expect(reading.kind === 'messaging' && [reading.threads[0]!.sentByMe, reading.health]).toEqual([[], missing('message time')]);
  });

  const averyBubble = {
    participants: [{ name: 'Avery Example', profileUrl: 'https://www.linkedin.com/in/ACoAAFakeUmd0sy3TuRmD4HHxU9lEGUHLhwBhcM/' }],
    sentByMe: [
      {
        at: local(2026, 11, 23, 11, 2),
        key: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAFakeecNAcQla3mtn9axFUegsrorceRaevr,2-ZmFrZU1zZ0lkMDAwNQ==)',
      },
    ],
  };

  test('2024 overlay on a profile: the profile, plus the open conversation', () => {
    const doc = loadFixture(fixtures.message2024);
    const overlay = doc.querySelector('aside#msg-overlay')!;
    overlay.prepend(...fragment(doc, 'overlayBubble'));
    const reading = read(doc, 'message2024');
    expect(reading.kind === 'profile' && reading.openThreads).toEqual([averyBubble]);
  });

  test('2024 overlay on a page of no other kind reads as messaging', () => {
    const doc = loadFixture(fixtures.message2024);
    doc.querySelector('aside#msg-overlay')!.prepend(...fragment(doc, 'overlayBubble'));
    expect(read(doc, 'feed')).toEqual({ kind: 'messaging', threads: [averyBubble], health: healthy });
  });

  const avery2026 = {
    participants: [{ name: 'Avery Example', profileUrl: 'https://www.linkedin.com/in/ACoAAFakeMzmPnt2I2mfJJriEL2LRo1wMwTGo6B/' }],
    sentByMe: [
      {
        at: local(2026, 11, 27, 10, 15),
        key: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAFakeBlakeViewer2026q7Rz0sWm3XyT1,2-ZmFrZU1zZ0lkMDAwNw==)',
      },
    ],
  };

  test('2026 overlay inside the interop shadow root, on the profile it was opened from', () => {
    const doc = loadFixture(fixtures.popup2026);
    openInterop(doc, 'overlay2026');
    expect(doc.querySelectorAll(selectors.overlayBubble)).toHaveLength(0); // really hidden from plain queries
    expect(read(doc, 'popup2026')).toEqual({
      kind: 'profile',
      person: {
        name: 'Avery Example',
        profileUrl: 'https://www.linkedin.com/in/avery-example-d21ca7/',
        headline: 'Head of Sales at Example Corp',
        company: 'Example Corp',
        memberUrn: 'urn:li:fsd_profile:ACoAAFakeMzmPnt2I2mfJJriEL2LRo1wMwTGo6B',
      },
      connection: 'connected',
      degree: 1,
      health: healthy,
      openThreads: [avery2026],
    } satisfies LinkedInReading);
  });

  test('2026 overlay on the feed reads as messaging', () => {
    const doc = loadFixture(fixtures.thirdDegree2026);
    openInterop(doc, 'overlay2026');
    expect(read(doc, 'feed')).toEqual({ kind: 'messaging', threads: [avery2026], health: healthy });
  });

  test('no message text ever reaches a reading', () => {
    const doc = loadFixture(fixtures.message2024);
    doc.querySelector('aside#msg-overlay')!.prepend(...fragment(doc, 'overlayBubble'));
    const readings = [read(doc, 'message2024'), read(doc, 'feed'), read(loadFixture(fixtures.thread), 'thread')];
    for (const reading of readings) expect(JSON.stringify(reading)).not.toMatch(/lorem|ipsum|never to be read/i);
  });
});

describe('read: invitations, search, connections', () => {
  test('sent invitations (SDUI): one row per withdraw button; day-precise ages only', () => {
    expect(read(loadFixture(fixtures.invitationsSent), 'invitationsSent')).toEqual({
      kind: 'invitations',
      direction: 'sent',
      people: [
        { name: 'Dakota Testwood', profileUrl: 'https://www.linkedin.com/in/dakota-testwood-7e8f9a/', sentAt: local(2026, 11, 27) },
        { name: 'Emery Mockridge', profileUrl: 'https://www.linkedin.com/in/emery-mockridge-1a2b3c/', sentAt: local(2026, 11, 26) },
        { name: 'Finley Dummyton', profileUrl: 'https://www.linkedin.com/in/finley-dummyton-9f8e7d/', sentAt: local(2026, 11, 27, 12) },
        { name: 'Jordan Stubbs', profileUrl: 'https://www.linkedin.com/in/jordan-stubbs-4d5e6f/', sentAt: local(2026, 11, 22) },
        // "Sent 2 weeks ago" is too vague to record as a date.
        { name: 'Harper Fakeman', profileUrl: 'https://www.linkedin.com/in/harper-fakeman-0c1d2e/' },
      ],
      health: healthy,
    } satisfies LinkedInReading);
  });

  test('received invitations (Ember cards); the note is never read', () => {
    const reading = read(loadFixture(fixtures.invitationsReceived), 'invitationsReceived');
    expect(reading).toEqual({
      kind: 'invitations',
      direction: 'received',
      people: [
        { name: 'Kendall Proxy', profileUrl: 'https://www.linkedin.com/in/kendall-proxy-2b3c4d/', sentAt: local(2026, 11, 25) },
        { name: 'Logan Specimen', profileUrl: 'https://www.linkedin.com/in/logan-specimen-5e6f7a/' },
        { name: 'Morgan Sample', profileUrl: 'https://www.linkedin.com/in/morgan-sample-8b9c0d/', sentAt: local(2026, 11, 27) },
      ],
      health: healthy,
    } satisfies LinkedInReading);
    expect(JSON.stringify(reading)).not.toMatch(/lorem/i);
  });

  test('an invitation page with no list says so', () => {
    const doc = loadFixture(fixtures.invitationsSent);
    for (const el of doc.querySelectorAll('[role="listitem"]')) el.remove();
    expect(read(doc, 'invitationsSent')).toEqual({
      kind: 'invitations',
      direction: 'sent',
      people: [],
      health: missing('invitation list'),
    });
  });

  test('people search: relation per row from its controls and degree badge; headless members skipped', () => {
    expect(read(loadFixture(fixtures.search), 'search')).toEqual({
      kind: 'people',
      context: 'search',
      people: [
        { name: 'Casey Placeholder', profileUrl: 'https://www.linkedin.com/in/casey-placeholder-5c2d1e/', connection: 'none' },
        { name: 'Avery Example', profileUrl: 'https://www.linkedin.com/in/avery-example-93335e/', connection: 'connected' },
        { name: 'Dakota Testwood', profileUrl: 'https://www.linkedin.com/in/dakota-testwood-7e8f9a/', connection: 'pending' },
        { name: 'Emery Mockridge', profileUrl: 'https://www.linkedin.com/in/emery-mockridge-1a2b3c/' },
      ],
      health: healthy,
    } satisfies LinkedInReading);
  });

  test('2026 search rows: connect/pending component keys are enough, without any label', () => {
    const doc = loadFixture(fixtures.search);
    const rows = doc.querySelectorAll(selectors.searchRow);
    // Row 4 (Emery, Follow) gets the 2026 Connect link; row 1 (Casey) the 2026 Pending one.
    const connect = doc.createElement('a');
    connect.setAttribute('componentkey', 'ConnectButtonstate:invitation:urn:li:member:730011203_connect');
    connect.setAttribute('href', '/preload/search-custom-invite/?vanityName=emery-mockridge-1a2b3c');
    rows[3]!.querySelector('button[aria-label^="Follow"]')!.replaceWith(connect);
    const pending = doc.createElement('a');
    pending.setAttribute('componentkey', 'ConnectButtonstate:invitation:urn:li:member:730011201_pending');
    rows[0]!.querySelector('button[aria-label^="Invite"]')!.replaceWith(pending);
    const reading = read(doc, 'search');
    expect(reading.kind === 'people' && reading.people.map(p => p.connection)).toEqual(['pending', 'connected', 'pending', 'none']);
  });

  test('connections (SDUI), saved page as re-parsed', () => {
    expect(read(loadFixture(fixtures.connections), 'connections')).toEqual(expectedConnections);
  });

  test('connections, live DOM: the name link nested inside the profile link, as LinkedIn renders it', () => {
    const doc = loadFixture(fixtures.connections);
    // The parser un-nested `a > div > p > a`; put each name link back inside its first paragraph.
    for (const outer of doc.querySelectorAll(`${selectors.connectionsProfile}:not([style])`)) {
      const name = outer.nextElementSibling!;
      expect(name.localName).toBe('a');
      outer.querySelector('p')!.append(name);
    }
    expect(doc.querySelectorAll(`${selectors.connectionsProfile} p a[href*="/in/"]`)).toHaveLength(3);
    expect(read(doc, 'connections')).toEqual(expectedConnections);
  });
});

const expectedConnections: LinkedInReading = {
  kind: 'people',
  context: 'connections',
  people: [
    { name: 'Avery Example', profileUrl: 'https://www.linkedin.com/in/avery-example-93335e/', connection: 'connected' },
    { name: 'Casey Placeholder', profileUrl: 'https://www.linkedin.com/in/casey-placeholder-5c2d1e/', connection: 'connected' },
    { name: 'Riley Tester', profileUrl: 'https://www.linkedin.com/in/riley-q-tester/', connection: 'connected' },
  ],
  health: healthy,
};

describe('read: Sales Navigator', () => {
  test('lead page, not saved', () => {
    expect(read(loadFixture(fixtures.lead), 'lead')).toEqual({
      kind: 'lead',
      person: {
        name: 'Rowan Testfield',
        title: 'Vice President of Sales',
        company: 'Globex Example',
        salesNavUrl: 'https://www.linkedin.com/sales/lead/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z',
      },
      saved: false,
      health: healthy,
    } satisfies LinkedInReading);
  });

  test('lead page, saved: the Save control reads "Saved"', () => {
    const doc = loadFixture(fixtures.lead);
    becomeSaved(doc.querySelector(selectors.snSaveCta)!, 'Saved');
    const reading = read(doc, 'lead');
    expect(reading.kind === 'lead' && reading.saved).toBe(true);
  });

  test('lead page without a Save control: read, health names it', () => {
    const doc = loadFixture(fixtures.lead);
    doc.querySelector(selectors.snSaveCta)!.remove();
    const reading = read(doc, 'lead');
    expect(reading.kind === 'lead' && [reading.saved, reading.health]).toEqual([false, missing('save button')]);
  });

  test('lead search rows: Sales Navigator URLs, relation only for 1st degree', () => {
    expect(read(loadFixture(fixtures.salesSearch), 'salesSearch')).toEqual({
      kind: 'people',
      context: 'salesnav-search',
      people: [
        { name: 'Rowan Testfield', salesNavUrl: 'https://www.linkedin.com/sales/lead/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z' },
        { name: 'Sage Samplewood', salesNavUrl: 'https://www.linkedin.com/sales/lead/ACwAAFakeLeadSage00002,NAME_SEARCH,Ab2c' },
        {
          name: 'Tatum Placeholder',
          salesNavUrl: 'https://www.linkedin.com/sales/lead/ACwAAFakeLeadTatum0003,NAME_SEARCH,Cd3e',
          connection: 'connected',
        },
      ],
      health: healthy,
    } satisfies LinkedInReading);
  });
});

/** Assumed Sales Navigator saved state: the CTA's text and label change. */
function becomeSaved(cta: Element, word: string) {
  cta.setAttribute('aria-label', word);
  cta.querySelector('span')!.textContent = word;
}

describe('read: other pages', () => {
  test('a LinkedIn page Pacer does not read is unknown and healthy', () => {
    expect(read(loadFixture(fixtures.connect2024), 'feed')).toEqual({ kind: 'unknown', health: healthy });
  });

  test('a page off LinkedIn is unknown', () => {
    expect(linkedin.read(loadFixture(fixtures.connect2024), new URL('https://example.com/in/avery/'), NOW)).toEqual({
      kind: 'unknown',
      health: missing('LinkedIn URL'),
    });
  });
});

// ---------------------------------------------------------------------------

describe('URL detectors', () => {
  const allUrls = [...new Set(Object.values(examples).flat())];
  test.each(Object.keys(detectors) as (keyof typeof detectors)[])('%s matches its examples and nothing else', name => {
    const listed: readonly string[] = examples[name];
    for (const u of allUrls) expect(detectors[name](new URL(u)), u).toBe(listed.includes(u));
  });

  test('the adapter matches exactly the LinkedIn hosts', () => {
    for (const u of allUrls) expect(linkedin.matches(new URL(u)), u).toBe(detectors.linkedinHost(new URL(u)));
  });

  test.each([
    ['https://www.linkedin.com/messaging/thread/2-ZmFrZVRocmVhZEZvclBhY2VyMDAx/', '2-ZmFrZVRocmVhZEZvclBhY2VyMDAx'],
    ['https://www.linkedin.com/messaging/thread/new/', undefined],
    ['https://www.linkedin.com/messaging/', undefined],
  ] as const)('threadIdFromUrl(%s) = %s', (u, id) => {
    expect(threadIdFromUrl(new URL(u))).toBe(id);
  });

  test.each([
    ['https://www.linkedin.com/in/Avery-Example-18977d?trk=x', 'https://www.linkedin.com/in/avery-example-18977d/'],
    ['/in/avery-example-18977d/overlay/contact-info/', 'https://www.linkedin.com/in/avery-example-18977d/'],
    ['https://linkedin.com/in/avery-example-18977d', 'https://www.linkedin.com/in/avery-example-18977d/'],
    ['https://de.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-4a1b2c/', 'https://www.linkedin.com/in/jürgen-müller-4a1b2c/'],
    ['https://www.linkedin.com/in/avery-example-18977d?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAA', 'https://www.linkedin.com/in/avery-example-18977d/'],
    // Member ids are case-sensitive: kept as they are.
    ['https://www.linkedin.com/in/ACoAAFakeUmd0sy3TuRmD4HHxU9lEGUHLhwBhcM', 'https://www.linkedin.com/in/ACoAAFakeUmd0sy3TuRmD4HHxU9lEGUHLhwBhcM/'],
    ['https://www.linkedin.com/company/example-corp/', null],
    ['https://example.com/in/avery-example-18977d/', null],
    ['https://www.linkedin.com/in/', null],
    ['not a url', null],
  ] as const)('canonicalProfileUrl(%s) = %s', (input, expected) => {
    expect(canonicalProfileUrl(input)).toBe(expected);
  });

  test('canonicalProfileUrl takes a URL object too', () => {
    expect(canonicalProfileUrl(new URL('https://www.linkedin.com/in/Avery-Example-18977d/'))).toBe(
      'https://www.linkedin.com/in/avery-example-18977d/',
    );
  });

  test.each([
    ['/sales/lead/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z?_ntb=abc', 'https://www.linkedin.com/sales/lead/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z'],
    ['https://www.linkedin.com/sales/people/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z', 'https://www.linkedin.com/sales/lead/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z'],
    ['https://www.linkedin.com/sales/company/1234567', null],
  ] as const)('canonicalSalesNavUrl(%s) = %s', (input, expected) => {
    expect(canonicalSalesNavUrl(input)).toBe(expected);
  });
});

describe('text parsers', () => {
  test.each([
    ['1st', 1], ['· 2nd', 2], ['• 3rd+', 3], ['1.', 1], ['1er', 1], ['2e', 2], ['2º', 2], ['4th', undefined], ['', undefined],
  ] as const)('parseDegree(%s) = %s', (raw, expected) => {
    expect(parseDegree(raw)).toBe(expected);
  });

  test.each([
    ['4:05 PM', [16, 5]], ['12:10 am', [0, 10]], ['14:44', [14, 44]], ['2:05 p. m.', [14, 5]], ['25:00', null], ['13:00 PM', null],
  ] as const)('parseClock(%s) = %j', (raw, expected) => {
    expect(parseClock(raw)).toEqual(expected);
  });

  test.each([
    ['TODAY', local(2026, 11, 27)],
    ['Yesterday', local(2026, 11, 26)],
    ['Wednesday', local(2026, 11, 25)],
    // A heading naming today's weekday means a week ago ("Today" would be shown otherwise).
    ['Friday', local(2026, 11, 20)],
    ['Nov 19', local(2026, 11, 19)],
    ['Dec 30', local(2025, 12, 30)], // no year and in the future: last year
    ['Jun 3, 2024', local(2024, 6, 3)],
    ['Feb 30', null],
    ['someday', null],
  ] as const)('parseDayHeading(%s)', (raw, expected) => {
    expect(parseDayHeading(raw, NOW)?.toISOString() ?? null).toBe(expected);
  });

  test.each([
    ['Sent today', local(2026, 11, 27)],
    ['Sent yesterday', local(2026, 11, 26)],
    ['Sent 3 hours ago', local(2026, 11, 27, 12)],
    ['Sent an hour ago', local(2026, 11, 27, 14)],
    ['Sent 5 days ago', local(2026, 11, 22)],
    ['Sent 2 weeks ago', null],
    ['Sent 3 months ago', null],
    ['Hier & Now Consulting', null], // "hier" in a headline is not "yesterday"
  ] as const)('parseSentAgo(%s)', (raw, expected) => {
    expect(parseSentAgo(raw, NOW)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------
// The label table: one test per language, each built by translating a real or
// built fixture's labels and removing the structural cue (icon, class) so only
// the table can decide.

const translations = {
  en: {
    invite: 'Invite Avery Example to connect', connect: 'Connect',
    pending: 'Pending, click to withdraw invitation sent to Avery Example', pendingText: 'Pending',
    degree: '1st', today: 'Today', wednesday: 'Wednesday', nov19: 'Nov 19', times: ['16:05', '9:40', '14:31'],
    sent5d: 'Sent 5 days ago', saved: 'Saved', sendWithoutNote: 'Send without a note',
    company: 'Current company: Example Corp. Click to skip to experience card',
  },
  de: {
    invite: 'Avery Example als Kontakt einladen', connect: 'Vernetzen',
    pending: 'Ausstehend, klicken, um die an Avery Example gesendete Einladung zurückzuziehen', pendingText: 'Ausstehend',
    degree: '1.', today: 'Heute', wednesday: 'Mittwoch', nov19: '19. Nov.', times: ['16:05', '09:40', '14:31'],
    sent5d: 'Gesendet vor 5 Tagen', saved: 'Gespeichert', sendWithoutNote: 'Ohne Nachricht senden',
    company: 'Aktuelles Unternehmen: Example Corp. Klicken Sie, um zum Erfahrungsabschnitt zu springen',
  },
  fr: {
    invite: 'Inviter Avery Example à rejoindre votre réseau', connect: 'Se connecter',
    pending: 'En attente, cliquez pour retirer l’invitation envoyée à Avery Example', pendingText: 'En attente',
    degree: '1er', today: 'Aujourd’hui', wednesday: 'mercredi', nov19: '19 nov.', times: ['16:05', '09:40', '14:31'],
    sent5d: 'Envoyée il y a 5 jours', saved: 'Enregistré', sendWithoutNote: 'Envoyer sans note',
    company: 'Entreprise actuelle : Example Corp. Cliquez pour accéder à la section Expérience',
  },
  es: {
    invite: 'Invitar a Avery Example a conectar', connect: 'Conectar',
    pending: 'Pendiente, haz clic para retirar la invitación enviada a Avery Example', pendingText: 'Pendiente',
    degree: '1er', today: 'Hoy', wednesday: 'miércoles', nov19: '19 de nov.', times: ['16:05', '9:40', '14:31'],
    sent5d: 'Enviada hace 5 días', saved: 'Guardado', sendWithoutNote: 'Enviar sin nota',
    company: 'Empresa actual: Example Corp. Haz clic para ir a la sección de experiencia',
  },
} as const;

describe('label table', () => {
  test('covers en, de, fr and es with every key', () => {
    expect([...LOCALES]).toEqual(['en', 'de', 'fr', 'es']);
    const keys = Object.keys(LABELS.en).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(LABELS[locale]).sort(), locale).toEqual(keys);
      expect(LABELS[locale].weekdays, locale).toHaveLength(7);
      expect(LABELS[locale].months, locale).toHaveLength(12);
    }
    expect(Object.keys(translations)).toEqual([...LOCALES]);
  });

  /** The 2024 Connect button with its icon removed and its label/text translated. */
  function connectButton(doc: Document) {
    const button = doc.querySelector(`${selectors.topCardEmber} button[aria-label^="Invite"]`)!;
    button.querySelector('[data-test-icon]')!.removeAttribute('data-test-icon');
    return button;
  }

  describe.each(LOCALES)('%s', locale => {
    const t = translations[locale];

    test('Connect by its aria-label alone', () => {
      const doc = loadFixture(fixtures.connect2024);
      const button = connectButton(doc);
      button.setAttribute('aria-label', t.invite);
      button.querySelector('.artdeco-button__text')!.textContent = '';
      const reading = read(doc, 'connect2024');
      expect(reading.kind === 'profile' && reading.connection).toBe('none');
    });

    test('Connect by its text alone', () => {
      const doc = loadFixture(fixtures.connect2024);
      const button = connectButton(doc);
      button.removeAttribute('aria-label');
      button.querySelector('.artdeco-button__text')!.textContent = t.connect;
      const reading = read(doc, 'connect2024');
      expect(reading.kind === 'profile' && reading.connection).toBe('none');
    });

    test('Pending by its aria-label, and by its text', () => {
      for (const by of ['label', 'text'] as const) {
        const doc = loadFixture(fixtures.connect2024);
        const button = connectButton(doc);
        button.setAttribute('aria-label', by === 'label' ? t.pending : 'x');
        button.querySelector('.artdeco-button__text')!.textContent = by === 'text' ? t.pendingText : '';
        const reading = read(doc, 'connect2024');
        expect(reading.kind === 'profile' && reading.connection, by).toBe('pending');
      }
    });

    test('degree badge and current company', () => {
      const doc = loadFixture(fixtures.message2024);
      doc.querySelector(selectors.degreeEmber)!.textContent = t.degree;
      doc.querySelector(`${selectors.topCardEmber} button[aria-label^="Current company"]`)!.setAttribute('aria-label', t.company);
      const reading = read(doc, 'message2024');
      expect(reading.kind === 'profile' && [reading.degree, reading.connection, reading.person.company]).toEqual([
        1,
        'connected',
        'Example Corp',
      ]);
    });

    test('message day headings and 24-hour times', () => {
      const doc = loadFixture(fixtures.thread);
      const [nov19, wednesday, today] = [...doc.querySelectorAll(selectors.dayHeading)];
      nov19!.textContent = t.nov19;
      wednesday!.textContent = t.wednesday;
      today!.textContent = t.today;
      const times = [...doc.querySelectorAll(selectors.groupTime)].filter(el => el.closest('.msg-s-event-listitem--other') === null);
      times.forEach((el, i) => (el.textContent = t.times[i]!));
      const reading = read(doc, 'thread');
      expect(reading.kind === 'messaging' && reading.threads[0]!.sentByMe.map(m => m.at)).toEqual([
        local(2026, 11, 19, 16, 5),
        local(2026, 11, 19, 16, 5),
        local(2026, 11, 25, 9, 40),
        local(2026, 11, 27, 14, 31),
      ]);
    });

    test('invitation age', () => {
      const doc = loadFixture(fixtures.invitationsSent);
      const jordan = [...doc.querySelectorAll('[role="listitem"] p')].find(p => p.textContent === 'Sent 5 days ago')!;
      jordan.textContent = t.sent5d;
      const reading = read(doc, 'invitationsSent');
      expect(reading.kind === 'invitations' && reading.people[3]).toEqual({
        name: 'Jordan Stubbs',
        profileUrl: 'https://www.linkedin.com/in/jordan-stubbs-4d5e6f/',
        sentAt: local(2026, 11, 22),
      });
    });

    test('Sales Navigator saved state', () => {
      const doc = loadFixture(fixtures.lead);
      becomeSaved(doc.querySelector(selectors.snSaveCta)!, t.saved);
      const reading = read(doc, 'lead');
      expect(reading.kind === 'lead' && reading.saved).toBe(true);
    });

    test('invitation dialog Send by its label, without the primary class', () => {
      const doc = loadFixture(fixtures.connect2024);
      doc.querySelector('#artdeco-modal-outlet')!.append(...fragment(doc, 'inviteDialog'));
      const send = doc.querySelector(selectors.modalPrimary)!;
      send.classList.remove('artdeco-button--primary');
      send.setAttribute('aria-label', t.sendWithoutNote);
      expect(linkedin.actionFor(send, doc, url('connect2024'))?.type).toBe('linkedin_connect_sent');
    });
  });

  test('a language missing from the table is not guessed at', () => {
    const doc = loadFixture(fixtures.connect2024);
    const button = connectButton(doc);
    button.setAttribute('aria-label', 'Zaproś użytkownika Avery Example do nawiązania kontaktu');
    button.querySelector('.artdeco-button__text')!.textContent = 'Połącz';
    const reading = read(doc, 'connect2024');
    expect(reading.kind === 'profile' && reading.connection).toBe('unknown');
  });
});

// ---------------------------------------------------------------------------

describe('actions: invitations', () => {
  const avery2024 = { name: 'Avery Example', profileUrl: 'https://www.linkedin.com/in/avery-example-18977d/' };

  function withDialog(name: 'inviteDialog' | 'inviteDialogNote') {
    const doc = loadFixture(fixtures.connect2024);
    doc.querySelector('#artdeco-modal-outlet')!.append(...fragment(doc, name));
    return doc;
  }

  test('Send without a note on a 2024 profile: pending until the dialog closes and Pending shows', () => {
    const doc = withDialog('inviteDialog');
    const action = click(linkedin.actionFor(doc.querySelector('button[aria-label="Send without a note"] span')!, doc, url('connect2024')));
    expect([action.type, action.person]).toEqual(['linkedin_connect_sent', avery2024]);
    expect(action.confirm(doc, url('connect2024'))).toEqual({ status: 'pending' });
    // LinkedIn closes the dialog, then swaps Connect for Pending.
    doc.querySelector('.artdeco-modal-overlay')!.remove();
    expect(action.confirm(doc, url('connect2024'))).toEqual({ status: 'pending' });
    becomePending2024(doc, 'Avery Example');
    expect(action.confirm(doc, url('connect2024'))).toEqual({ status: 'saved' });
  });

  test('Send with a note: saved on the success toast; the note is never read', () => {
    const doc = withDialog('inviteDialogNote');
    const action = click(linkedin.actionFor(doc.querySelector('button[aria-label="Send invitation"]')!, doc, url('connect2024')));
    expect([action.type, action.person]).toEqual(['linkedin_connect_sent', avery2024]);
    expect(JSON.stringify(action)).not.toMatch(/lorem|never to be read/i);
    doc.querySelector('.artdeco-modal-overlay')!.remove();
    doc.body.insertAdjacentHTML(
      'beforeend',
      '<div class="artdeco-toast-item artdeco-toast-item--visible" data-test-artdeco-toast-item-type="success"><p class="artdeco-toast-item__message">Your invitation was sent.</p></div>',
    );
    expect(action.confirm(doc, url('connect2024'))).toEqual({ status: 'saved' });
  });

  test('the weekly limit alert fails it', () => {
    const doc = withDialog('inviteDialog');
    const action = click(linkedin.actionFor(doc.querySelector(selectors.modalPrimary)!, doc, url('connect2024')));
    doc.querySelector('.artdeco-modal__content')!.insertAdjacentHTML(
      'beforeend',
      '<div class="ip-fuse-limit-alert__warning">You’ve reached the weekly invitation limit</div>',
    );
    expect(action.confirm(doc, url('connect2024'))).toEqual({ status: 'failed' });
  });

  test('a new error toast fails it; one already on screen at the click does not', () => {
    const doc = withDialog('inviteDialog');
    const toast = '<div data-test-artdeco-toast-item-type="error"><p>Unable to connect. Try again.</p></div>';
    doc.body.insertAdjacentHTML('beforeend', toast);
    const action = click(linkedin.actionFor(doc.querySelector(selectors.modalPrimary)!, doc, url('connect2024')));
    expect(action.confirm(doc, url('connect2024'))).toEqual({ status: 'pending' });
    doc.body.insertAdjacentHTML('beforeend', toast);
    expect(action.confirm(doc, url('connect2024'))).toEqual({ status: 'failed' });
  });

  test('Add a note, Cancel and Dismiss are not sends', () => {
    for (const [name, label] of [
      ['inviteDialog', 'Add a note'],
      ['inviteDialog', 'Dismiss'],
      ['inviteDialogNote', 'Cancel adding a note'],
    ] as const) {
      const doc = withDialog(name);
      expect(linkedin.actionFor(doc.querySelector(`button[aria-label="${label}"]`)!, doc, url('connect2024')), label).toBeUndefined();
    }
  });

  test('a dialog naming someone else than the profile (a suggestion card’s Connect) is not put on the profile', () => {
    const doc = withDialog('inviteDialog');
    doc.querySelector('.send-invite strong')!.textContent = 'Casey Placeholder';
    const action = click(linkedin.actionFor(doc.querySelector(selectors.modalPrimary)!, doc, url('connect2024')));
    expect(action.person).toEqual({ name: 'Casey Placeholder' });
  });

  test('2026: the dialog in the interop shadow root, opened at /preload/custom-invite/; saved once the profile shows Pending', () => {
    const doc = loadFixture(fixtures.thirdDegree2026);
    const root = openInterop(doc, 'inviteDialog');
    const inviteUrl = new URL('https://www.linkedin.com/preload/custom-invite/?vanityName=avery-example-8b907d');
    const action = click(linkedin.actionFor(root.querySelector(selectors.modalPrimary)!, doc, inviteUrl));
    expect([action.type, action.person]).toEqual([
      'linkedin_connect_sent',
      { name: 'Avery Example', profileUrl: 'https://www.linkedin.com/in/avery-example-8b907d/' },
    ]);
    expect(action.confirm(doc, inviteUrl)).toEqual({ status: 'pending' });
    root.replaceChildren(); // dialog gone
    expect(action.confirm(doc, url('thirdDegree2026'))).toEqual({ status: 'pending' });
    becomePending2026(doc, 'Avery Example');
    expect(action.confirm(doc, url('thirdDegree2026'))).toEqual({ status: 'saved' });
  });

  test('from people search: saved when the row turns Pending', () => {
    const doc = loadFixture(fixtures.search);
    doc.querySelector('#artdeco-modal-outlet')!.append(...fragment(doc, 'inviteDialog'));
    doc.querySelector('.send-invite strong')!.textContent = 'Casey Placeholder';
    const action = click(linkedin.actionFor(doc.querySelector(selectors.modalPrimary)!, doc, url('search')));
    expect(action.person).toEqual({ name: 'Casey Placeholder' });
    doc.querySelector('.artdeco-modal-overlay')!.remove();
    expect(action.confirm(doc, url('search'))).toEqual({ status: 'pending' });
    const row = doc.querySelectorAll(selectors.searchRow)[0]!;
    const button = row.querySelector('button[aria-label^="Invite"]')!;
    button.setAttribute('aria-label', 'Pending, click to withdraw invitation sent to Casey Placeholder');
    button.querySelector('.artdeco-button__text')!.textContent = 'Pending';
    expect(action.confirm(doc, url('search'))).toEqual({ status: 'saved' });
  });

  test('clicking Connect itself, or anything outside a dialog, is not an action', () => {
    const doc = loadFixture(fixtures.connect2024);
    expect(linkedin.actionFor(doc.querySelector(`${selectors.topCardEmber} button[aria-label^="Invite"]`)!, doc, url('connect2024'))).toBeUndefined();
    expect(linkedin.actionFor(doc.querySelector('h1')!, doc, url('connect2024'))).toBeUndefined();
    const off = loadFixture(fixtures.connect2024);
    off.querySelector('#artdeco-modal-outlet')!.append(...fragment(off, 'inviteDialog'));
    expect(linkedin.actionFor(off.querySelector(selectors.modalPrimary)!, off, new URL('https://example.com/in/x/'))).toBeUndefined();
  });
});

describe('actions: messages', () => {
  /** What LinkedIn does after a send: composer emptied, Send disabled. No text is read by the reader. */
  function emptyComposer(scope: ParentNode) {
    scope.querySelector(selectors.composer)!.innerHTML = '<p><br></p>';
    scope.querySelector(selectors.sendButton)!.setAttribute('disabled', '');
  }

  function appendOwnMessage(scope: ParentNode, urn: string) {
    const bottom = scope.querySelector('li.msg-s-message-list__typing-indicator-container--without-seen-receipt')!;
    bottom.insertAdjacentHTML(
      'beforebegin',
      `<li class="msg-s-message-list__event clearfix"><div class="msg-s-event-listitem" data-event-urn="${urn}"><div class="msg-s-event-listitem__message-bubble"><p class="msg-s-event-listitem__body">Lorem ipsum</p></div></div></li>`,
    );
  }

  test('2024 overlay: Send, then the composer empties', () => {
    const doc = loadFixture(fixtures.message2024);
    doc.querySelector('aside#msg-overlay')!.prepend(...fragment(doc, 'overlayBubble'));
    const bubble = doc.querySelector(selectors.overlayBubble)!;
    const action = click(linkedin.actionFor(bubble.querySelector(selectors.sendButton)!, doc, url('message2024')));
    expect([action.type, action.person]).toEqual([
      'linkedin_message_sent',
      { name: 'Avery Example', profileUrl: 'https://www.linkedin.com/in/ACoAAFakeUmd0sy3TuRmD4HHxU9lEGUHLhwBhcM/' },
    ]);
    expect(JSON.stringify(action)).not.toMatch(/lorem|never to be read/i);
    expect(action.confirm(doc, url('message2024'))).toEqual({ status: 'pending' });
    emptyComposer(bubble);
    expect(action.confirm(doc, url('message2024'))).toEqual({ status: 'saved' });
  });

  test('2024 overlay: Send, then a new own message appears', () => {
    const doc = loadFixture(fixtures.message2024);
    doc.querySelector('aside#msg-overlay')!.prepend(...fragment(doc, 'overlayBubble'));
    const bubble = doc.querySelector(selectors.overlayBubble)!;
    const action = click(linkedin.actionFor(bubble.querySelector(selectors.sendButton)!, doc, url('message2024')));
    appendOwnMessage(bubble, 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAFakeecNAcQla3mtn9axFUegsrorceRaevr,2-bmV3TXNnMDAx)');
    expect(action.confirm(doc, url('message2024'))).toEqual({ status: 'saved' });
  });

  test('a reply from the other side is not the rep’s message', () => {
    const doc = loadFixture(fixtures.message2024);
    doc.querySelector('aside#msg-overlay')!.prepend(...fragment(doc, 'overlayBubble'));
    const bubble = doc.querySelector(selectors.overlayBubble)!;
    const action = click(linkedin.actionFor(bubble.querySelector(selectors.sendButton)!, doc, url('message2024')));
    appendOwnMessage(bubble, 'urn:li:msg_message:(x,2-cmVwbHk=)');
    bubble.querySelector('[data-event-urn="urn:li:msg_message:(x,2-cmVwbHk=)"]')!.classList.add('msg-s-event-listitem--other');
    expect(action.confirm(doc, url('message2024'))).toEqual({ status: 'pending' });
  });

  test('full-page thread: a disabled Send (empty composer) is no action; after typing it is', () => {
    const doc = loadFixture(fixtures.thread);
    const send = doc.querySelector(selectors.sendButton)!;
    expect(linkedin.actionFor(send, doc, url('thread'))).toBeUndefined();
    send.removeAttribute('disabled'); // the rep typed something
    const action = click(linkedin.actionFor(send, doc, url('thread')));
    expect([action.type, action.person]).toEqual([
      'linkedin_message_sent',
      { name: 'Casey Placeholder', profileUrl: 'https://www.linkedin.com/in/casey-placeholder-5c2d1e/' },
    ]);
    expect(action.confirm(doc, url('thread'))).toEqual({ status: 'pending' });
    appendOwnMessage(doc, 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAFakeFiXLy5uAa0jrmAeeKyDF9lrz48DKkY,2-bmV3TXNnMDAy)');
    expect(action.confirm(doc, url('thread'))).toEqual({ status: 'saved' });
  });

  test('the send-options toggle and the attachment button are not sends', () => {
    const doc = loadFixture(fixtures.thread);
    for (const selector of ['.msg-form__send-toggle', 'button[title^="Attach"]']) {
      expect(linkedin.actionFor(doc.querySelector(selector)!, doc, url('thread')), selector).toBeUndefined();
    }
  });

  test('2026 overlay in the shadow root: Send, then the composer empties; an error toast fails it', () => {
    const doc = loadFixture(fixtures.popup2026);
    const root = openInterop(doc, 'overlay2026');
    const action = click(linkedin.actionFor(root.querySelector(selectors.sendButton)!, doc, url('popup2026')));
    expect([action.type, action.person]).toEqual([
      'linkedin_message_sent',
      { name: 'Avery Example', profileUrl: 'https://www.linkedin.com/in/ACoAAFakeMzmPnt2I2mfJJriEL2LRo1wMwTGo6B/' },
    ]);
    expect(action.confirm(doc, url('popup2026'))).toEqual({ status: 'pending' });
    root.append(doc.createRange().createContextualFragment('<div data-test-artdeco-toast-item-type="error">Message failed to send.</div>'));
    expect(action.confirm(doc, url('popup2026'))).toEqual({ status: 'failed' });

    const ok = loadFixture(fixtures.popup2026);
    const okRoot = openInterop(ok, 'overlay2026');
    const sent = click(linkedin.actionFor(okRoot.querySelector(selectors.sendButton)!, ok, url('popup2026')));
    emptyComposer(okRoot);
    expect(sent.confirm(ok, url('popup2026'))).toEqual({ status: 'saved' });
  });
});

describe('actions: Sales Navigator', () => {
  test('InMail Send: saved when the composer closes; the subject and body are never read', () => {
    const doc = loadFixture(fixtures.lead);
    doc.body.append(...fragment(doc, 'compose'));
    const action = click(linkedin.actionFor(doc.querySelector('button[data-sales-action] span')!, doc, url('lead')));
    expect([action.type, action.person]).toEqual([
      'linkedin_inmail_sent',
      { name: 'Rowan Testfield', salesNavUrl: 'https://www.linkedin.com/sales/lead/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z' },
    ]);
    expect(JSON.stringify(action)).not.toMatch(/lorem|never to be read/i);
    expect(action.confirm(doc, url('lead'))).toEqual({ status: 'pending' });
    doc.querySelector(selectors.snCompose)!.closest('section')!.remove();
    expect(action.confirm(doc, url('lead'))).toEqual({ status: 'saved' });
  });

  test('InMail Send: saved when the sent message shows; failed on an error toast', () => {
    const doc = loadFixture(fixtures.lead);
    doc.body.append(...fragment(doc, 'compose'));
    const action = click(linkedin.actionFor(doc.querySelector('button[data-sales-action]')!, doc, url('lead')));
    doc.body.insertAdjacentHTML('beforeend', '<article data-sn-view-name="messaging-message"></article>');
    expect(action.confirm(doc, url('lead'))).toEqual({ status: 'saved' });

    const failing = loadFixture(fixtures.lead);
    failing.body.append(...fragment(failing, 'compose'));
    const failed = click(linkedin.actionFor(failing.querySelector('button[data-sales-action]')!, failing, url('lead')));
    failing.querySelector('#artdeco-toasts')!.innerHTML = '<div data-test-artdeco-toast-item-type="error">Couldn’t send.</div>';
    expect(failed.confirm(failing, url('lead'))).toEqual({ status: 'failed' });
  });

  test('the compose form’s Send is not an InMail off Sales Navigator', () => {
    const doc = loadFixture(fixtures.lead);
    doc.body.append(...fragment(doc, 'compose'));
    expect(linkedin.actionFor(doc.querySelector('button[data-sales-action]')!, doc, url('feed'))).toBeUndefined();
  });

  test('Save on a lead page: saved once the control reads Saved', () => {
    const doc = loadFixture(fixtures.lead);
    const cta = doc.querySelector(selectors.snSaveCta)!;
    const action = click(linkedin.actionFor(cta.querySelector('span')!, doc, url('lead')));
    expect([action.type, action.person]).toEqual([
      'linkedin_lead_saved',
      { name: 'Rowan Testfield', salesNavUrl: 'https://www.linkedin.com/sales/lead/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z' },
    ]);
    expect(action.confirm(doc, url('lead'))).toEqual({ status: 'pending' });
    becomeSaved(cta, 'Saved');
    expect(action.confirm(doc, url('lead'))).toEqual({ status: 'saved' });
    // Clicking the saved control opens the list menu: not a second save.
    expect(linkedin.actionFor(cta, doc, url('lead'))).toBeUndefined();
  });

  test('Save in a lead search row: the row’s lead; saved after LinkedIn re-renders the control', () => {
    const doc = loadFixture(fixtures.salesSearch);
    const row = doc.querySelectorAll(selectors.snSearchResult)[1]!;
    const cta = row.querySelector(selectors.snSaveCta)!;
    const action = click(linkedin.actionFor(cta, doc, url('salesSearch')));
    expect(action.person).toEqual({
      name: 'Sage Samplewood',
      salesNavUrl: 'https://www.linkedin.com/sales/lead/ACwAAFakeLeadSage00002,NAME_SEARCH,Ab2c',
    });
    const fresh = cta.cloneNode(true) as Element;
    becomeSaved(fresh, 'Saved');
    cta.replaceWith(fresh);
    expect(action.confirm(doc, url('salesSearch'))).toEqual({ status: 'saved' });
  });
});

// ---------------------------------------------------------------------------

describe('the reader never changes the page', () => {
  type Scenario = [string, () => Document, keyof typeof urls, (doc: Document) => Element];
  const scenarios: Scenario[] = [
    ['2024 invitation dialog', () => {
      const doc = loadFixture(fixtures.connect2024);
      doc.querySelector('#artdeco-modal-outlet')!.append(...fragment(doc, 'inviteDialogNote'));
      return doc;
    }, 'connect2024', doc => doc.querySelector(selectors.modalPrimary)!],
    ['2024 overlay Send', () => {
      const doc = loadFixture(fixtures.message2024);
      doc.querySelector('aside#msg-overlay')!.prepend(...fragment(doc, 'overlayBubble'));
      return doc;
    }, 'message2024', doc => doc.querySelector(selectors.sendButton)!],
    ['2026 shadow-root overlay Send', () => {
      const doc = loadFixture(fixtures.popup2026);
      openInterop(doc, 'overlay2026');
      return doc;
    }, 'popup2026', doc => deepQuery(doc, selectors.sendButton)!],
    ['2026 pending profile', () => loadFixture(fixtures.pending2026), 'pending2026', doc => deepQuery(doc, 'h2')!],
    ['full-page thread', () => loadFixture(fixtures.thread), 'thread', doc => doc.querySelector(selectors.sendButton)!],
    ['sent invitations', () => loadFixture(fixtures.invitationsSent), 'invitationsSent', doc => doc.querySelector(selectors.withdrawButton)!],
    ['received invitations', () => loadFixture(fixtures.invitationsReceived), 'invitationsReceived', doc => doc.querySelector('.invitation-card__action-btn')!],
    ['people search', () => loadFixture(fixtures.search), 'search', doc => doc.querySelector('button[aria-label^="Invite"]')!],
    ['connections', () => loadFixture(fixtures.connections), 'connections', doc => doc.querySelector('a[aria-label="Message"]')!],
    ['Sales Navigator InMail', () => {
      const doc = loadFixture(fixtures.lead);
      doc.body.append(...fragment(doc, 'compose'));
      return doc;
    }, 'lead', doc => doc.querySelector('button[data-sales-action]')!],
    ['Sales Navigator search Save', () => loadFixture(fixtures.salesSearch), 'salesSearch', doc => doc.querySelector(selectors.snSaveCta)!],
  ];

  test.each(scenarios)('%s', (_name, make, key, target) => {
    const doc = make();
    const before = serialize(doc);
    const reading = read(doc, key);
    const action = linkedin.actionFor(target(doc), doc, url(key));
    action?.confirm(doc, url(key));
    expect(reading.kind).not.toBe('unknown');
    expect(serialize(doc)).toBe(before);
  });
});
