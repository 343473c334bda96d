// LinkedIn and Sales Navigator: URL detectors, selectors and a pure reader.
// Pure: no WXT, no browser API; it never writes to the page, clicks, scrolls,
// navigates or requests anything, and it never reads message or note text
// (issue #4). Anchors and where they come from: /work/shared/SITES.md and
// tests/fixtures/README.md (LinkedIn).
//
// Two UI generations are read side by side: the 2024 Ember/artdeco pages
// (readable classes, `data-test-icon`) and the 2026 SDUI/React pages (hashed
// classes; anchors are `componentkey`, icon ids, hrefs and ARIA). Words the UI
// shows come from the per-locale table in ./linkedin-labels.ts, and only where
// structure offers nothing.
import { deepQuery, deepQueryAll, text } from './dom';
import { allLabels, isLabel, matchLabel, type RelativeUnit } from './linkedin-labels';
import { parseDateTime, parseLinkedInProfileUrl } from './parse';
import { anchorsOf, healthy, missing } from './types';
import type { Health, ReadAnchors } from './types';

export const selectors = {
  // --- Profile top card, 2024 Ember (profile-2024-*.html) ---
  topCardEmber: 'section[data-member-id]',
  nameEmber: 'section[data-member-id] h1',
  headlineEmber: 'section[data-member-id] .text-body-medium.break-words',
  /** "1st" inside `.distance-badge`; absent when the member is out of network. */
  degreeEmber: '.distance-badge .dist-value',
  profileActionEmber: '.pvs-profile-actions__action',
  /** artdeco icon ids: language-independent names of the action buttons. */
  iconConnect: '[data-test-icon="connect-small"]',
  iconMessage: '[data-test-icon="send-privately-small"], svg[id="send-privately-medium"]',
  /** 2026: real (OpenOutreach pending page). 2024 `data-test-icon` form assumed to follow the same icon name. */
  iconPending: '[data-test-icon="clock-small"], svg[id="clock-small"]',
  /** "Remove Connection" in the 2024 More menu: only shown to a connection. */
  iconRemoveConnection: '[data-test-icon="remove-connection-medium"]',
  // --- Profile top card, 2026 SDUI (profile-2026-*.html) ---
  topCardSdui: 'section[componentkey^="com.linkedin.sdui.profile.card.ref"][componentkey$="Topcard"]',
  nameSdui: 'section[componentkey$="Topcard"] h2',
  /** Company chip: its placeholder logo is an svg named after the entity type. */
  companyIconSdui: 'svg[id^="company-"]',
  composeLink: 'a[href*="/messaging/compose/"]',
  customInviteLink: 'a[href*="/preload/custom-invite/"], a[href*="/preload/search-custom-invite/"]',
  /** 2026 connect/pending controls: `…urn:li:member:<id>_connect` / `_pending` (OpenOutreach notes, 2026-07). */
  connectKey: '[componentkey$="_connect"]',
  pendingKey: '[componentkey$="_pending"]',
  contactInfoLink: 'a[href*="/overlay/contact-info/"]',
  /** The 2026 overlay host; its open shadow root holds the messenger and dialogs. */
  interopHost: '[data-testid="interop-shadowdom"]',

  // --- Messaging (full page, overlay, 2026 overlay in the shadow root) ---
  overlayBubble: '.msg-overlay-conversation-bubble',
  overlayTitleLink: '.msg-overlay-bubble-header__title a[href*="/in/"]',
  threadPane: '.msg-thread',
  threadProfileLink: 'a.msg-thread__link-to-profile',
  threadTitle: '.msg-entity-lockup__entity-title',
  messageList: '.msg-s-message-list',
  messageEvent: 'li.msg-s-message-list__event',
  eventItem: '.msg-s-event-listitem',
  dayHeading: 'time.msg-s-message-list__time-heading',
  groupTime: 'time.msg-s-message-group__timestamp',
  messageForm: 'form.msg-form',
  composer: '.msg-form__contenteditable[contenteditable="true"]',
  sendButton: '.msg-form__send-button',

  // --- Invitation dialog and alerts ---
  inviteDialog: '.send-invite, [role="dialog"][aria-labelledby="send-invite-modal"]',
  /** The dialog's primary button is Send (with or without a note); "Add a note" is secondary. */
  modalPrimary: '.artdeco-modal__actionbar button.artdeco-button--primary',
  weeklyLimit: '[class*="ip-fuse-limit-alert__warning"]',
  toastError: '[data-test-artdeco-toast-item-type="error"]',
  toastSuccess: '[data-test-artdeco-toast-item-type="success"]',

  // --- Invitation manager ---
  withdrawButton: 'button[data-view-name="sent-invitations-withdraw-single"]',
  invitationCard: 'li.invitation-card',
  invitationTitle: '.invitation-card__title',
  timeBadge: 'time.time-badge',

  // --- People search and connections ---
  searchContainer: '.search-results-container',
  searchRow: '[data-view-name="search-entity-result-universal-template"]',
  searchName: 'span[dir="ltr"] > span[aria-hidden="true"]',
  searchBadge: '.entity-result__badge-text',
  connectionsList: '[data-view-name="connections-list"]',
  connectionsProfile: 'a[data-view-name="connections-profile"]',

  // --- Sales Navigator ---
  snTopCard: '[data-sn-view-name="feature-lead-top-card"]',
  snName: 'h1[data-anonymize="person-name"]',
  snPersonName: '[data-anonymize="person-name"]',
  snCurrentRole: '[data-sn-view-name="lead-current-role"]',
  snJobTitle: '[data-anonymize="job-title"]',
  snCompany: '[data-anonymize="company-name"]',
  snContactInfo: 'section[data-sn-view-name="lead-contact-info"]',
  snSaveCta: '[data-x--lead-save-cta]',
  snInmailCta: 'button[data-anchor-send-inmail]',
  snCompose: 'form[id*="compose-form"]',
  snComposeText: 'textarea[name="message"]',
  snMessage: '[data-sn-view-name="messaging-message"]',
  snSearchResult: '[data-x-search-result="LEAD"]',
  snDegree: '.artdeco-entity-lockup__degree',
  snLeadLink: 'a[href*="/sales/lead/"]',
} as const;

// ---------------------------------------------------------------------------
// URL detectors, each beside the URLs it must match. tests/sites/linkedin.test.ts
// runs every detector over every URL here: listed ones must match, all others must not.

const ORIGIN = 'https://www.linkedin.com';
const linkedinHost = (url: URL) =>
  url.protocol === 'https:' && (url.hostname === 'www.linkedin.com' || url.hostname === 'linkedin.com');
const on = (re: RegExp) => (url: URL) => linkedinHost(url) && re.test(url.pathname);

const isProfile = on(/^\/in\/[^/]+\/?(?:overlay\/[^/]+\/?)?$/);
const isMessaging = on(/^\/messaging(?:\/|$)/);
const isMessagingThread = on(/^\/messaging\/thread\/(?!new\/?$)[^/]+\/?$/);
const isInvitationManager = on(/^\/mynetwork\/invitation-manager(?:\/(?:sent|received))?\/?$/);
const isPeopleSearch = on(/^\/search\/results\/people\/?$/);
const isConnections = on(/^\/mynetwork\/invite-connect\/connections\/?$/);
const isCustomInvite = (url: URL) =>
  on(/^\/preload\/(?:search-)?custom-invite\/?$/)(url) && !!url.searchParams.get('vanityName');
const isSalesLead = on(/^\/sales\/(?:lead|people)\/[^/]+\/?$/);
const isSalesSearch = on(/^\/sales\/search\/people\/?$/);
const isSales = on(/^\/sales\//);

const profileExamples = [
  'https://www.linkedin.com/in/avery-example-18977d/',
  'https://www.linkedin.com/in/avery-example-8b907d',
  'https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-4a1b2c/?originalSubdomain=de',
  'https://www.linkedin.com/in/avery-example-93335e/overlay/contact-info/',
  'https://linkedin.com/in/avery-example-d21ca7/',
];
const threadExamples = [
  'https://www.linkedin.com/messaging/thread/2-ZmFrZVRocmVhZEZvclBhY2VyMDAx/',
  'https://www.linkedin.com/messaging/thread/2-ZmFrZVRocmVhZEZvclBhY2VyMDAx',
];
const messagingExamples = [
  ...threadExamples,
  'https://www.linkedin.com/messaging/',
  'https://www.linkedin.com/messaging/thread/new/',
  // SITES.md: the 2026 Message link on a profile.
  'https://www.linkedin.com/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAFakelBL69JJUyWIbt2W7TqnYbYQN7sPDZa&recipient=ACoAAFakelBL69JJUyWIbt2W7TqnYbYQN7sPDZa&screenContext=NON_SELF_PROFILE_VIEW&interop=msgOverlay',
];
const invitationExamples = [
  'https://www.linkedin.com/mynetwork/invitation-manager/',
  'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
  'https://www.linkedin.com/mynetwork/invitation-manager/received/?invitationType=CONNECTION',
];
const searchExamples = [
  'https://www.linkedin.com/search/results/people/?keywords=head%20of%20sales&network=%5B%22S%22%5D&origin=FACETED_SEARCH',
  'https://www.linkedin.com/search/results/people/',
];
const connectionsExamples = ['https://www.linkedin.com/mynetwork/invite-connect/connections/'];
const customInviteExamples = ['https://www.linkedin.com/preload/custom-invite/?vanityName=avery-example-8b907d'];
const salesLeadExamples = [
  'https://www.linkedin.com/sales/lead/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z',
  'https://www.linkedin.com/sales/people/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z',
];
const salesSearchExamples = [
  'https://www.linkedin.com/sales/search/people?query=(keywords%3Ahead%2520of%2520sales)&sessionId=abc',
  'https://www.linkedin.com/sales/search/people',
];
const otherLinkedInPages = [
  'https://www.linkedin.com/feed/',
  'https://www.linkedin.com/company/example-corp/',
  'https://www.linkedin.com/in/avery-example-18977d/details/experience/',
  'https://www.linkedin.com/mynetwork/',
  'https://www.linkedin.com/search/results/all/?keywords=avery',
  'https://www.linkedin.com/preload/custom-invite/',
  'https://www.linkedin.com/sales/home',
];

export const examples = {
  linkedinHost: [
    ...profileExamples,
    ...messagingExamples,
    ...invitationExamples,
    ...searchExamples,
    ...connectionsExamples,
    ...customInviteExamples,
    ...salesLeadExamples,
    ...salesSearchExamples,
    ...otherLinkedInPages,
  ],
  profile: profileExamples,
  messaging: messagingExamples,
  messagingThread: threadExamples,
  invitationManager: invitationExamples,
  peopleSearch: searchExamples,
  connections: connectionsExamples,
  customInvite: customInviteExamples,
  salesLead: salesLeadExamples,
  salesSearch: salesSearchExamples,
  /** Matched by no detector: other hosts, plain http, look-alikes. */
  none: [
    'http://www.linkedin.com/in/avery-example-18977d/',
    'https://de.linkedin.com/in/avery-example-18977d',
    'https://www.linkedin.com.example.com/in/avery-example-18977d/',
    'https://example.com/in/avery-example-18977d/',
    'https://example.com/?next=https://www.linkedin.com/in/avery-example-18977d/',
    'https://acme.lightning.force.com/lightning/r/Contact/0035e00000Tz4HcAAJ/view',
  ],
} as const;

export const detectors = {
  linkedinHost,
  profile: isProfile,
  messaging: isMessaging,
  messagingThread: isMessagingThread,
  invitationManager: isInvitationManager,
  peopleSearch: isPeopleSearch,
  connections: isConnections,
  customInvite: isCustomInvite,
  salesLead: isSalesLead,
  salesSearch: isSalesSearch,
} satisfies Record<Exclude<keyof typeof examples, 'none'>, (url: URL) => boolean>;

/**
 * `https://www.linkedin.com/in/<slug>/` for any link to a profile (absolute or
 * relative, any linkedin.com host, with query, overlay or percent-encoding);
 * null when it is not a profile link. The rules are parse.ts's
 * `parseLinkedInProfileUrl` (vanity slugs lower-cased, member ids `ACoAA…`
 * kept as they are: they are case-sensitive); the slug is returned decoded.
 * TODO [2027-01-15]: parse.ts returns non-ASCII slugs percent-encoded; agree on
 * one form so CRM-linked URLs and LinkedIn readings join (see report on issue #4).
 */
export function canonicalProfileUrl(input: string | URL): string | null {
  let href: string;
  try {
    href = (typeof input === 'string' ? new URL(input, ORIGIN) : input).href;
  } catch {
    return null;
  }
  const canonical = parseLinkedInProfileUrl(href);
  if (!canonical) return null;
  try {
    return decodeURI(canonical);
  } catch {
    return canonical;
  }
}

/** The Sales Navigator lead URL without its query: `https://www.linkedin.com/sales/lead/<id>,<kind>,<token>`. */
export function canonicalSalesNavUrl(input: string | URL): string | null {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input, ORIGIN) : input;
  } catch {
    return null;
  }
  if (!/(^|\.)linkedin\.com$/.test(url.hostname)) return null;
  const id = /^\/sales\/(?:lead|people)\/([^/?#]+)/.exec(url.pathname)?.[1];
  return id ? `${ORIGIN}/sales/lead/${id}` : null;
}

/** The thread id of a full-page conversation URL, else undefined. */
export function threadIdFromUrl(url: URL): string | undefined {
  return isMessagingThread(url) ? /^\/messaging\/thread\/([^/]+)/.exec(url.pathname)?.[1] : undefined;
}

// ---------------------------------------------------------------------------
// Reading shapes

export type Connection = 'none' | 'pending' | 'connected' | 'unknown';

export interface LinkedInPerson {
  name: string;
  /** Canonical, see `canonicalProfileUrl`. */
  profileUrl: string;
  headline?: string;
  company?: string;
  /**
   * The member URN the page shows: `urn:li:fsd_profile:ACoAA…` on 2026 pages
   * (top card component key), `urn:li:member:<n>` on 2024 pages (`data-member-id`).
   */
  memberUrn?: string;
}

export interface MessagingParticipant {
  name: string;
  profileUrl?: string;
}

/** A message the rep sent: when and a stable key. Never its text. */
export interface SentMessage {
  /** ISO 8601 UTC, from the list's day heading and the group's time, read as local wall time. */
  at: string;
  /** `data-event-urn` when the DOM has one, else `<participant>|<at>|<n>`. */
  key: string;
}

export interface MessagingThread {
  /** From the URL of a full-page conversation; overlays carry none in their DOM. */
  threadId?: string;
  participants: MessagingParticipant[];
  sentByMe: SentMessage[];
}

export interface InvitationRow {
  name: string;
  profileUrl: string;
  /** Only when the page's relative time is precise to a day or better ("yesterday", "3 hours ago"). */
  sentAt?: string;
}

export interface PersonRow {
  name: string;
  /** Absent only in Sales Navigator rows, which link to `salesNavUrl` instead. */
  profileUrl?: string;
  salesNavUrl?: string;
  connection?: Connection;
}

export interface SalesNavLead {
  name: string;
  title?: string;
  company?: string;
  salesNavUrl: string;
  profileUrl?: string;
}

/** Conversations open in the messaging overlay on a page of another kind. */
interface OpenThreads {
  openThreads?: MessagingThread[];
}

export type LinkedInReading =
  | ({
      kind: 'profile';
      person: LinkedInPerson;
      connection: Connection;
      degree?: 1 | 2 | 3;
      health: Health;
    } & OpenThreads)
  | { kind: 'messaging'; threads: MessagingThread[]; health: Health }
  | ({ kind: 'invitations'; direction: 'sent' | 'received'; people: InvitationRow[]; health: Health } & OpenThreads)
  | ({ kind: 'people'; context: 'search' | 'connections' | 'salesnav-search'; people: PersonRow[]; health: Health } & OpenThreads)
  | ({ kind: 'lead'; person: SalesNavLead; saved: boolean; health: Health } & OpenThreads)
  | { kind: 'unknown'; health: Health };

export type LinkedInActionType =
  | 'linkedin_connect_sent'
  | 'linkedin_message_sent'
  | 'linkedin_inmail_sent'
  | 'linkedin_lead_saved';

export interface LinkedInAction {
  type: LinkedInActionType;
  person: { name?: string; profileUrl?: string; salesNavUrl?: string };
  /** Asked again as the page changes; reads the page, never changes it. */
  confirm(doc: Document, url: URL): { status: 'pending' | 'failed' | 'saved' };
}

// ---------------------------------------------------------------------------
// Small helpers (read-only)

const attr = (el: Element | null | undefined, name: string) => el?.getAttribute(name) ?? null;
const isDisabled = (el: Element) => el.hasAttribute('disabled') || attr(el, 'aria-disabled') === 'true';
const firstText = (els: Element[]) => els.map(el => text(el)).find(Boolean);
const within = (scope: ParentNode, selector: string) => deepQueryAll(scope, selector);

/** Parses a degree badge ("1st", "· 2nd", "• 3rd+", "1er", "2."). */
export function parseDegree(raw: string | null | undefined): 1 | 2 | 3 | undefined {
  const s = (raw ?? '').replace(/\s+/g, ' ').trim().replace(/^[·•]\s*/, '');
  const digit = matchLabel(s, l => l.degree)?.[1];
  return digit === '1' || digit === '2' || digit === '3' ? (Number(digit) as 1 | 2 | 3) : undefined;
}

const localIso = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();
const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
const addDays = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

const tokens = (s: string) => s.toLowerCase().split(/[\s,.;:!?()]+/).filter(Boolean);

function monthIndex(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const labels of allLabels) {
    const i = labels.months.findIndex(forms => forms.includes(w));
    if (i >= 0) return i;
  }
  return undefined;
}

function weekdayIndex(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const labels of allLabels) {
    const i = labels.weekdays.findIndex(day => day === w || (w.length === 3 && day.startsWith(w)));
    if (i >= 0) return i;
  }
  return undefined;
}

/**
 * The calendar day a message-list heading names, relative to `now` (local
 * time): "Today", "Yesterday", a weekday within the past week, "Jun 3",
 * "Jun 3, 2024", "3. Juni 2024", "3 juin", "3 de junio de 2024". Null when unsure.
 * parse.ts `parseDate` covers the dated forms with a year; the weekday and
 * year-less forms are message-list conventions, so they live here.
 */
export function parseDayHeading(raw: string, now: Date): Date | null {
  const s = raw.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!s) return null;
  if (isLabel(s, l => l.today)) return startOfDay(now);
  if (isLabel(s, l => l.yesterday)) return addDays(now, -1);
  const weekday = weekdayIndex(s);
  if (weekday !== undefined) {
    // A weekday heading names a day of the past week (today would read "Today").
    const back = ((now.getDay() - weekday + 7) % 7) || 7;
    return addDays(now, -back);
  }
  const monthFirst = /^(\p{L}+)\.? (\d{1,2})(?:, (\d{4}))?$/u.exec(s);
  const dayFirst = /^(\d{1,2})\.? (?:de )?(\p{L}+)\.?(?: (?:de )?(\d{4}))?$/u.exec(s);
  const [monthWord, dayText, yearText] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1], dayFirst[3]]
      : [];
  if (!monthWord || !dayText) return null;
  const month = monthIndex(monthWord);
  const day = Number(dayText);
  if (month === undefined || day < 1 || day > 31) return null;
  let year = yearText ? Number(yearText) : now.getFullYear();
  let date = new Date(year, month, day);
  if (date.getMonth() !== month) return null; // Feb 30
  if (!yearText && date > now) {
    year -= 1; // "Dec 30" read in January is last year
    date = new Date(year, month, day);
  }
  return date;
}

/** "4:24 AM", "14:44", "2:05 p. m." → [hour, minute]; null otherwise. */
export function parseClock(raw: string): [number, number] | null {
  const m = /^(\d{1,2}):(\d{2})(?:\s*([ap])\.?\s*m\.?)?$/i.exec(raw.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  if (minute > 59) return null;
  const meridiem = m[3]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return [hour, minute];
}

const UNIT_MS: Partial<Record<RelativeUnit, number>> = { minute: 60_000, hour: 3_600_000 };

/**
 * When an invitation was sent, from "Sent today", "Sent yesterday", "Sent 2 days
 * ago", "3 hours ago". Day-precise texts give that day's local midnight; minutes
 * and hours give `now` minus them; weeks, months and years are too vague to
 * record and give null.
 */
export function parseSentAgo(raw: string, now: Date): string | null {
  // "Sent today" / "Gesendet gestern": a short text ending in the day word, so
  // a headline that merely contains "hier" or "hoy" is not read as a date.
  const words = tokens(raw);
  const last = words.length <= 3 ? words[words.length - 1] : undefined;
  if (last && allLabels.some(l => l.today.includes(last))) return startOfDay(now).toISOString();
  if (last && allLabels.some(l => l.yesterday.includes(last))) return addDays(now, -1).toISOString();
  for (const labels of allLabels) {
    const m = labels.ago.exec(raw);
    if (!m?.[1] || !m[2]) continue;
    const count = /^\d+$/.test(m[1]) ? Number(m[1]) : labels.one.includes(m[1].toLowerCase()) ? 1 : NaN;
    const unitWord = m[2].toLowerCase();
    const unit = [...labels.units].sort((a, b) => b[0].length - a[0].length).find(([w]) => unitWord.startsWith(w))?.[1];
    if (!unit || !Number.isFinite(count)) return null;
    const ms = UNIT_MS[unit];
    if (ms) return new Date(now.getTime() - count * ms).toISOString();
    if (unit === 'day') return addDays(now, -count).toISOString();
    return null;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Profile

type Generation = 'ember' | 'sdui';
interface TopCard {
  el: Element;
  gen: Generation;
}

function findTopCard(doc: Document): TopCard | null {
  const ember = deepQuery(doc, selectors.topCardEmber);
  if (ember) return { el: ember, gen: 'ember' };
  const sdui = deepQuery(doc, selectors.topCardSdui);
  return sdui ? { el: sdui, gen: 'sdui' } : null;
}

/** A `p` showing "· 2nd", or a wrapper whose only content is one. */
function degreeOf(el: Element): 1 | 2 | 3 | undefined {
  if (el.localName === 'p') return /^[·•]/.test(text(el)) ? parseDegree(text(el)) : undefined;
  const only = el.children.length === 1 ? el.children[0] : undefined;
  return only?.localName === 'p' ? degreeOf(only) : undefined;
}

/**
 * 2026 degree: the "· 1st" paragraph beside the name. LinkedIn pre-renders the
 * other state next to it inside a `data-display-contents` wrapper (a pending
 * invitation shows a wrapped "· 1st" beside the real "· 2nd"; a connection a
 * wrapped "· 2nd" beside "· 1st"), so an unwrapped paragraph wins.
 */
function sduiDegree(card: Element): 1 | 2 | 3 | undefined {
  const found = within(card, 'p').filter(p => degreeOf(p) !== undefined);
  const direct = found.filter(p => !p.parentElement?.hasAttribute('data-display-contents'));
  const el = direct[0] ?? found[0];
  return el ? degreeOf(el) : undefined;
}

/** 2026 headline: the first paragraph after the name row (degree paragraphs skipped). */
function sduiHeadline(card: Element, nameEl: Element): string | undefined {
  for (let el: Element | null = nameEl; el && el !== card; el = el.parentElement) {
    let sib = el.nextElementSibling;
    while (sib && degreeOf(sib) !== undefined) sib = sib.nextElementSibling;
    if (sib?.localName === 'p') return text(sib) || undefined;
  }
  return undefined;
}

interface ActionSignals {
  connect: boolean;
  pending: boolean;
  message: boolean;
  removeConnection: boolean;
  any: boolean;
}

/** What the action controls inside `scope` offer: icons, hrefs and component keys first, labels last. */
function actionSignals(scope: Element): ActionSignals {
  const controls = within(scope, 'button, a, [role="button"], [role="menuitem"]');
  const labelOf = (el: Element) => attr(el, 'aria-label');
  const keyOf = (el: Element) => attr(el, 'componentkey') ?? '';
  const pending = controls.some(
    el =>
      deepQuery(el, selectors.iconPending) !== null ||
      keyOf(el).endsWith('_pending') ||
      matchLabel(labelOf(el), l => l.pending) !== null ||
      isLabel(text(el), l => l.pendingText),
  );
  const connect = controls.some(
    el =>
      deepQuery(el, selectors.iconConnect) !== null ||
      el.matches(selectors.customInviteLink) ||
      keyOf(el).endsWith('_connect') ||
      matchLabel(labelOf(el), l => l.invite) !== null ||
      isLabel(text(el), l => l.connectText),
  );
  const message = controls.some(el => deepQuery(el, selectors.iconMessage) !== null || el.matches(selectors.composeLink));
  const removeConnection = deepQuery(scope, selectors.iconRemoveConnection) !== null;
  const any =
    pending || connect || message || within(scope, selectors.profileActionEmber).length > 0 ||
    within(scope, 'button[aria-expanded]').length > 0;
  return { connect, pending, message, removeConnection, any };
}

function readProfile(doc: Document, url: URL): LinkedInReading {
  const card = findTopCard(doc);
  if (!card) return { kind: 'unknown', health: missing('profile top card') };
  const nameEl = deepQuery(card.el, card.gen === 'ember' ? 'h1' : 'h2');
  const name = text(nameEl);
  if (!nameEl || !name) return { kind: 'unknown', health: missing('profile name') };

  const contact = deepQuery(card.el, selectors.contactInfoLink);
  const profileUrl = canonicalProfileUrl(attr(contact, 'href') ?? '') ?? canonicalProfileUrl(url);
  if (!profileUrl) return { kind: 'unknown', health: missing('profile URL') };

  const person: LinkedInPerson = { name, profileUrl };
  let degree: 1 | 2 | 3 | undefined;
  if (card.gen === 'ember') {
    // Optional: out-of-network members have no distance badge.
    degree = parseDegree(text(deepQuery(card.el, selectors.degreeEmber)));
    const headline = text(deepQuery(card.el, '.text-body-medium.break-words'));
    if (headline) person.headline = headline;
    const company = within(card.el, 'button[aria-label]')
      .map(b => matchLabel(attr(b, 'aria-label'), l => l.currentCompany)?.[1])
      .find(Boolean);
    if (company) person.company = company;
    const memberId = attr(card.el, 'data-member-id');
    if (memberId && /^\d+$/.test(memberId)) person.memberUrn = `urn:li:member:${memberId}`;
  } else {
    degree = sduiDegree(card.el);
    const headline = sduiHeadline(card.el, nameEl);
    if (headline) person.headline = headline;
    const chip = deepQuery(card.el, selectors.companyIconSdui)?.closest('[role="button"]');
    const company = text(chip);
    if (company) person.company = company;
    const id = /^com\.linkedin\.sdui\.profile\.card\.ref(ACoAA[\w-]+?)Topcard$/.exec(attr(card.el, 'componentkey') ?? '')?.[1];
    if (id) person.memberUrn = `urn:li:fsd_profile:${id}`;
  }

  const signals = actionSignals(card.el);
  let connection: Connection = 'unknown';
  if (signals.pending) connection = 'pending';
  else if (signals.connect) connection = 'none';
  else if (degree === 1 || signals.removeConnection) connection = 'connected';
  // Otherwise unknown: on 2026 pages Connect often hides in the More menu, which is not in the DOM until opened.

  return {
    kind: 'profile',
    person,
    connection,
    ...(degree ? { degree } : {}),
    health: signals.any ? healthy : missing('profile actions'),
  };
}

// ---------------------------------------------------------------------------
// Messaging

function participantsOf(container: Element): MessagingParticipant[] {
  const links = [
    ...within(container, selectors.overlayTitleLink),
    ...within(container, selectors.threadProfileLink),
  ];
  const seen = new Set<string>();
  const people: MessagingParticipant[] = [];
  for (const link of links) {
    const profileUrl = canonicalProfileUrl(attr(link, 'href') ?? '') ?? undefined;
    const name = text(deepQuery(link, selectors.threadTitle)) || text(link);
    const id = profileUrl ?? name;
    if (!name || seen.has(id)) continue;
    seen.add(id);
    people.push(profileUrl ? { name, profileUrl } : { name });
  }
  if (people.length === 0) {
    // A header with no link (group threads): the title alone.
    const title = text(deepQuery(container, selectors.threadTitle));
    if (title) people.push({ name: title });
  }
  return people;
}

/**
 * When a message was sent: its list's day heading plus its group's time. The
 * shared parser reads "Today 2:31 PM" and dated headings with a year; the
 * headings only message lists show (a weekday of the past week, "Nov 19"
 * without a year) are resolved here.
 */
function messageInstant(heading: string, time: string, now: Date): string | null {
  if (!heading || !time) return null;
  const shared = parseDateTime(`${heading} ${time}`, now);
  if (shared) return shared;
  const day = parseDayHeading(heading, now);
  const clock = parseClock(time);
  return day && clock ? localIso(day.getFullYear(), day.getMonth() + 1, day.getDate(), clock[0], clock[1]) : null;
}

/** The rep's own messages in a thread container, dated from the list's day headings and group times. */
function sentByMe(container: Element, participants: MessagingParticipant[], now: Date): { sent: SentMessage[]; undated: number } {
  const who = participants[0]?.profileUrl ?? participants[0]?.name ?? 'unknown';
  const sent: SentMessage[] = [];
  let undated = 0;
  let heading = '';
  let time = '';
  let ordinal = 0;
  for (const event of within(container, selectors.messageEvent)) {
    // The day heading rides in the first event of its day, the time in the first of its group.
    const headingEl = deepQuery(event, selectors.dayHeading);
    if (headingEl) heading = text(headingEl);
    const timeEl = deepQuery(event, selectors.groupTime);
    if (timeEl) {
      time = text(timeEl);
      ordinal = 0;
    }
    for (const item of within(event, selectors.eventItem)) {
      ordinal += 1;
      if (item.classList.contains('msg-s-event-listitem--other')) continue;
      const at = messageInstant(heading, time, now);
      if (!at) {
        undated += 1;
        continue;
      }
      sent.push({ at, key: attr(item, 'data-event-urn') || `${who}|${at}|${ordinal}` });
    }
  }
  return { sent, undated };
}

/** Own message elements, for noticing a new one without needing dates. */
function ownItems(container: Element): Element[] {
  return within(container, selectors.eventItem).filter(el => !el.classList.contains('msg-s-event-listitem--other'));
}

function readThreadIn(container: Element, now: Date, threadId?: string): { thread: MessagingThread; undated: number } {
  const participants = participantsOf(container);
  const { sent, undated } = sentByMe(container, participants, now);
  return { thread: { ...(threadId ? { threadId } : {}), participants, sentByMe: sent }, undated };
}

function readOverlays(doc: Document, now: Date): { threads: MessagingThread[]; undated: number } {
  let undated = 0;
  const threads = deepQueryAll(doc, selectors.overlayBubble).map(bubble => {
    const read = readThreadIn(bubble, now);
    undated += read.undated;
    return read.thread;
  });
  return { threads, undated };
}

/**
 * Full-page conversation panes: `.msg-thread` (named by several tools, not seen
 * in a capture), else whatever holds a message list outside the overlay.
 */
function threadPanes(doc: Document): Element[] {
  const outside = (el: Element) => !el.closest(selectors.overlayBubble);
  const panes = deepQueryAll(doc, selectors.threadPane).filter(outside);
  if (panes.length) return panes;
  return [...new Set(deepQueryAll(doc, selectors.messageList).filter(outside).map(list => list.closest('main') ?? list))];
}

/** The conversation a message form belongs to: overlay bubble, thread pane, or the nearest ancestor holding a message list. */
function threadOf(form: Element): Element | null {
  const known = form.closest(selectors.overlayBubble) ?? form.closest(selectors.threadPane);
  if (known) return known;
  for (let el = form.parentElement; el; el = el.parentElement) {
    if (el.querySelector(selectors.messageList)) return el;
  }
  return null;
}

function readMessaging(doc: Document, url: URL, now: Date): LinkedInReading {
  const overlays = readOverlays(doc, now);
  const panes = threadPanes(doc);
  const absent: string[] = [];
  let undated = overlays.undated;
  const threads = panes.map(pane => {
    const read = readThreadIn(pane, now, threadIdFromUrl(url));
    undated += read.undated;
    return read.thread;
  });
  if (isMessagingThread(url) && panes.length === 0) absent.push('conversation pane');
  if (undated > 0) absent.push('message time');
  return {
    kind: 'messaging',
    threads: [...threads, ...overlays.threads],
    health: absent.length ? missing(...absent) : healthy,
  };
}

// ---------------------------------------------------------------------------
// Invitation manager, people search, connections

function profileLinkIn(card: Element): Element | undefined {
  const links = within(card, 'a[href*="/in/"]');
  return links.find(a => text(a)) ?? links[0];
}

function readInvitations(doc: Document, url: URL, now: Date): LinkedInReading {
  const direction = /\/sent\/?$/.test(url.pathname) ? 'sent' : 'received';
  // Newer layout: one list item per withdraw button; older: Ember invitation cards.
  const cards = [
    ...new Set(
      deepQueryAll(doc, selectors.withdrawButton)
        .map(b => b.closest('[role="listitem"]'))
        .filter((c): c is Element => c !== null),
    ),
    ...deepQueryAll(doc, selectors.invitationCard),
  ];
  const people: InvitationRow[] = [];
  let unreadable = 0;
  for (const card of cards) {
    const link = profileLinkIn(card);
    const profileUrl = canonicalProfileUrl(attr(link, 'href') ?? '');
    const name = text(deepQuery(card, selectors.invitationTitle)) || text(link);
    if (!profileUrl || !name) {
      unreadable += 1;
      continue;
    }
    const row: InvitationRow = { name, profileUrl };
    // The age is a <time> badge (Ember) or a short line of its own (SDUI); an
    // invitation note is never looked at.
    const badges = within(card, 'time');
    const lines = badges.length ? badges : within(card, 'p').filter(p => !p.closest('[class*="custom-message"]'));
    const when = lines
      .map(el => text(el))
      .map(t => (t && t.length <= 40 ? parseSentAgo(t, now) : null))
      .find(Boolean);
    if (when) row.sentAt = when;
    people.push(row);
  }
  const absent: string[] = [];
  if (cards.length === 0) absent.push('invitation list');
  if (unreadable) absent.push('invitation profile link');
  return { kind: 'invitations', direction, people, health: absent.length ? missing(...absent) : healthy };
}

/** A result row's relation to the rep, from its controls and its degree badge. */
function rowConnection(row: Element, degreeText: string | undefined): Connection | undefined {
  const signals = actionSignals(row);
  if (signals.pending) return 'pending';
  if (signals.connect) return 'none';
  if (parseDegree(degreeText) === 1) return 'connected';
  return undefined;
}

function readPeopleSearch(doc: Document): LinkedInReading {
  const rows = deepQueryAll(doc, selectors.searchRow);
  const people: PersonRow[] = [];
  for (const row of rows) {
    const link = deepQuery(row, 'a[href*="/in/"]');
    const profileUrl = canonicalProfileUrl(attr(link, 'href') ?? '');
    const name = text(deepQuery(row, selectors.searchName)) || text(link);
    if (!profileUrl || !name) continue;
    // The badge is rendered twice (inline and overflow); its aria-hidden span is the visible "• 2nd".
    const degreeText = text(deepQuery(row, `${selectors.searchBadge} span[aria-hidden="true"]`)) || undefined;
    const connection = rowConnection(row, degreeText);
    people.push({ name, profileUrl, ...(connection ? { connection } : {}) });
  }
  const found = rows.length > 0 || deepQuery(doc, selectors.searchContainer) !== null;
  return { kind: 'people', context: 'search', people, health: found ? healthy : missing('search results') };
}

function readConnections(doc: Document): LinkedInReading {
  // Each card holds two links to the member (photo, then name and headline).
  const cards = [
    ...new Set(
      deepQueryAll(doc, selectors.connectionsProfile).map(a => a.closest('[componentkey]') ?? a.parentElement ?? a),
    ),
  ];
  const people: PersonRow[] = [];
  for (const card of cards) {
    const links = within(card, selectors.connectionsProfile);
    const profileUrl = canonicalProfileUrl(attr(links[0], 'href') ?? '');
    // The name is the first paragraph of the name link (its second is the headline).
    const name = firstText(links.flatMap(a => within(a, 'p').slice(0, 1))) ?? firstText(within(card, 'a[href*="/in/"]'));
    if (!profileUrl || !name) continue;
    people.push({ name, profileUrl, connection: 'connected' });
  }
  const found = cards.length > 0 || deepQuery(doc, selectors.connectionsList) !== null;
  return { kind: 'people', context: 'connections', people, health: found ? healthy : missing('connections list') };
}

// ---------------------------------------------------------------------------
// Sales Navigator

function isSavedCta(cta: Element): boolean {
  return matchLabel(text(cta), l => l.saved) !== null || matchLabel(attr(cta, 'aria-label'), l => l.saved) !== null;
}

function leadPerson(doc: Document, url: URL): SalesNavLead | null {
  const top = deepQuery(doc, selectors.snTopCard) ?? doc.documentElement;
  const name = text(deepQuery(top, selectors.snName) ?? deepQuery(top, selectors.snPersonName));
  const salesNavUrl = canonicalSalesNavUrl(url);
  if (!name || !salesNavUrl) return null;
  const lead: SalesNavLead = { name, salesNavUrl };
  const role = deepQuery(doc, selectors.snCurrentRole);
  const title = role ? text(deepQuery(role, selectors.snJobTitle)) : '';
  if (title) lead.title = title;
  const company = role ? text(deepQuery(role, selectors.snCompany)) : '';
  if (company) lead.company = company;
  // Optional: the public profile link sits in the overflow menu, rendered only once opened.
  const publicLink = within(top, 'a[href*="linkedin.com/in/"]')[0];
  const profileUrl = publicLink ? canonicalProfileUrl(attr(publicLink, 'href') ?? '') : null;
  if (profileUrl) lead.profileUrl = profileUrl;
  return lead;
}

function readLead(doc: Document, url: URL): LinkedInReading {
  const person = leadPerson(doc, url);
  if (!person) return { kind: 'unknown', health: missing('lead name') };
  const top = deepQuery(doc, selectors.snTopCard) ?? doc.documentElement;
  const cta = deepQuery(top, selectors.snSaveCta);
  return {
    kind: 'lead',
    person,
    saved: cta ? isSavedCta(cta) : false,
    health: cta ? healthy : missing('save button'),
  };
}

function salesRowPerson(row: Element): PersonRow | null {
  const name = text(deepQuery(row, selectors.snPersonName));
  const salesNavUrl = canonicalSalesNavUrl(attr(deepQuery(row, selectors.snLeadLink), 'href') ?? '');
  if (!name || !salesNavUrl) return null;
  const connection = rowConnection(row, text(deepQuery(row, selectors.snDegree)) || undefined);
  return { name, salesNavUrl, ...(connection ? { connection } : {}) };
}

function readSalesSearch(doc: Document): LinkedInReading {
  const rows = deepQueryAll(doc, selectors.snSearchResult);
  const people = rows.map(salesRowPerson).filter((p): p is PersonRow => p !== null);
  return { kind: 'people', context: 'salesnav-search', people, health: rows.length ? healthy : missing('lead results') };
}

// ---------------------------------------------------------------------------
// Reader

function withOverlays<T extends LinkedInReading>(reading: T, doc: Document, now: Date): T {
  if (reading.kind === 'unknown' || reading.kind === 'messaging') return reading;
  const { threads } = readOverlays(doc, now);
  return threads.length ? { ...reading, openThreads: threads } : reading;
}

export function readLinkedIn(doc: Document, url: URL, now: Date = new Date()): LinkedInReading {
  if (!linkedinHost(url)) return { kind: 'unknown', health: missing('LinkedIn URL') };
  if (isMessaging(url)) return readMessaging(doc, url, now);
  if (isProfile(url)) return withOverlays(readProfile(doc, url), doc, now);
  if (isInvitationManager(url)) return withOverlays(readInvitations(doc, url, now), doc, now);
  if (isPeopleSearch(url)) return withOverlays(readPeopleSearch(doc), doc, now);
  if (isConnections(url)) return withOverlays(readConnections(doc), doc, now);
  if (isSalesLead(url)) return readLead(doc, url);
  if (isSalesSearch(url)) return readSalesSearch(doc);
  // Any other page: an open overlay conversation is all there is to read.
  const overlays = readOverlays(doc, now);
  if (overlays.threads.length) {
    return { kind: 'messaging', threads: overlays.threads, health: overlays.undated ? missing('message time') : healthy };
  }
  // Nothing expected on this page, so nothing missing.
  return { kind: 'unknown', health: healthy };
}

// ---------------------------------------------------------------------------
// Rep actions: read at click time, confirmed from later readings. Never act.

type Status = { status: 'pending' | 'failed' | 'saved' };
const PENDING: Status = { status: 'pending' };
const FAILED: Status = { status: 'failed' };
const SAVED: Status = { status: 'saved' };

/** Error toasts present at click time are old news; only new ones fail the action. */
function newErrors(doc: Document, before: Set<Element>): boolean {
  return deepQueryAll(doc, selectors.toastError).some(el => !before.has(el));
}

function inviteSendAction(button: Element, doc: Document, url: URL): LinkedInAction | undefined {
  const dialog = button.closest(selectors.inviteDialog);
  if (!dialog || isDisabled(button)) return undefined;
  const isSend =
    button.matches(selectors.modalPrimary) ||
    isLabel(attr(button, 'aria-label'), l => l.inviteSend) ||
    isLabel(text(button), l => l.inviteSend);
  if (!isSend) return undefined;

  // Who: the profile the dialog was opened on, unless the dialog names someone
  // else (a suggestion card's Connect on the same page); else the invite URL.
  const named = text(deepQuery(dialog, 'strong')) || undefined;
  let person: LinkedInAction['person'] = named ? { name: named } : {};
  if (isProfile(url)) {
    const profile = readProfile(doc, url);
    if (profile.kind === 'profile' && (!named || named === profile.person.name)) {
      person = { name: profile.person.name, profileUrl: profile.person.profileUrl };
    }
  } else if (isCustomInvite(url)) {
    const profileUrl = canonicalProfileUrl(`/in/${url.searchParams.get('vanityName') ?? ''}/`);
    if (profileUrl) person = { ...person, profileUrl };
  }

  const errorsBefore = new Set(deepQueryAll(doc, selectors.toastError));
  const successBefore = new Set(deepQueryAll(doc, selectors.toastSuccess));
  return {
    type: 'linkedin_connect_sent',
    person,
    confirm(now, nowUrl) {
      if (deepQuery(now, selectors.weeklyLimit) || newErrors(now, errorsBefore)) return FAILED;
      const open = dialog.isConnected && deepQueryAll(now, selectors.inviteDialog).includes(dialog);
      if (open) return PENDING;
      if (deepQueryAll(now, selectors.toastSuccess).some(el => !successBefore.has(el))) return SAVED;
      const reading = readLinkedIn(now, nowUrl);
      if (reading.kind === 'profile' && reading.connection === 'pending') {
        const same = person.profileUrl ? reading.person.profileUrl === person.profileUrl : reading.person.name === person.name;
        if (same) return SAVED;
      }
      if (reading.kind === 'people') {
        const row = reading.people.find(p => (person.profileUrl ? p.profileUrl === person.profileUrl : p.name === person.name));
        if (row?.connection === 'pending') return SAVED;
      }
      return PENDING;
    },
  };
}

function messageSendAction(button: Element, doc: Document): LinkedInAction | undefined {
  const form = button.closest(selectors.messageForm);
  if (!form || isDisabled(button)) return undefined;
  if (!button.matches(selectors.sendButton) && attr(button, 'type') !== 'submit') return undefined;
  const container = threadOf(form);
  if (!container) return undefined;
  const first = participantsOf(container)[0];
  const before = new Set(ownItems(container));
  const urnsBefore = new Set(ownItems(container).map(el => attr(el, 'data-event-urn')).filter(Boolean));
  const errorsBefore = new Set(deepQueryAll(doc, selectors.toastError));
  return {
    type: 'linkedin_message_sent',
    person: first ? { name: first.name, ...(first.profileUrl ? { profileUrl: first.profileUrl } : {}) } : {},
    confirm(page) {
      if (newErrors(page, errorsBefore)) return FAILED;
      if (!container.isConnected) return PENDING;
      // A new own message, by element and by event URN (LinkedIn may re-render the list).
      if (ownItems(container).some(el => !before.has(el) && !urnsBefore.has(attr(el, 'data-event-urn')))) return SAVED;
      // The composer emptied: LinkedIn disables Send exactly while it is empty. Its text is never read.
      const send = deepQuery(form, selectors.sendButton) ?? (button.isConnected ? button : null);
      if (form.isConnected && send && isDisabled(send)) return SAVED;
      return PENDING;
    },
  };
}

function inmailSendAction(button: Element, doc: Document, url: URL): LinkedInAction | undefined {
  if (!isSales(url) || isDisabled(button)) return undefined;
  const form = button.closest('form');
  if (!form || !deepQuery(form, selectors.snComposeText)) return undefined;
  const isSend =
    attr(button, 'type') === 'submit' ||
    (button.hasAttribute('data-sales-action') && isLabel(text(button), l => l.inviteSend));
  if (!isSend) return undefined;
  const composeRoot = form.closest('[role="dialog"], aside, section') ?? form;
  const lead = isSalesLead(url) ? leadPerson(doc, url) : null;
  const name = text(deepQuery(composeRoot, selectors.snPersonName)) || lead?.name;
  const messagesBefore = new Set(deepQueryAll(doc, selectors.snMessage));
  const errorsBefore = new Set(deepQueryAll(doc, selectors.toastError));
  return {
    type: 'linkedin_inmail_sent',
    person: { ...(name ? { name } : {}), ...(lead ? { salesNavUrl: lead.salesNavUrl } : {}) },
    confirm(page) {
      if (newErrors(page, errorsBefore)) return FAILED;
      if (deepQueryAll(page, selectors.snMessage).some(el => !messagesBefore.has(el))) return SAVED;
      // Sales Navigator closes the composer once the message is sent.
      if (!form.isConnected) return SAVED;
      return PENDING;
    },
  };
}

function leadSaveAction(button: Element, doc: Document, url: URL): LinkedInAction | undefined {
  if (!isSales(url)) return undefined;
  const cta = button.closest(selectors.snSaveCta);
  // Clicking an already-saved control opens its list menu: not a new save.
  if (!cta || isDisabled(cta) || isSavedCta(cta)) return undefined;
  const row = cta.closest(selectors.snSearchResult);
  const rowPerson = row ? salesRowPerson(row) : null;
  const lead = !row && isSalesLead(url) ? leadPerson(doc, url) : null;
  const person = rowPerson
    ? { name: rowPerson.name, ...(rowPerson.salesNavUrl ? { salesNavUrl: rowPerson.salesNavUrl } : {}) }
    : lead
      ? { name: lead.name, salesNavUrl: lead.salesNavUrl }
      : {};
  const errorsBefore = new Set(deepQueryAll(doc, selectors.toastError));
  return {
    type: 'linkedin_lead_saved',
    person,
    confirm(page) {
      if (newErrors(page, errorsBefore)) return FAILED;
      const scope = row?.isConnected ? row : (deepQuery(page, selectors.snTopCard) ?? page.documentElement);
      const now = cta.isConnected ? cta : deepQuery(scope, selectors.snSaveCta);
      return now && isSavedCta(now) ? SAVED : PENDING;
    },
  };
}

/** What a click on `target` means, if it is one of the rep's own LinkedIn actions. */
export function linkedinActionFor(target: Element, doc: Document, url: URL): LinkedInAction | undefined {
  if (!linkedinHost(url)) return undefined;
  const button = target.closest('button, [role="button"], a');
  if (!button) return undefined;
  return (
    inviteSendAction(button, doc, url) ??
    messageSendAction(button, doc) ??
    inmailSendAction(button, doc, url) ??
    leadSaveAction(button, doc, url)
  );
}

export interface LinkedInAdapter {
  id: 'linkedin';
  label: string;
  matches(url: URL): boolean;
  read(doc: Document, url: URL, now?: Date): LinkedInReading;
  actionFor(target: Element, doc: Document, url: URL): LinkedInAction | undefined;
  /** What `read` reads (see `ReadAnchors`). */
  anchors: ReadAnchors;
}

export const linkedin: LinkedInAdapter = {
  id: 'linkedin',
  label: 'LinkedIn',
  matches: linkedinHost,
  read: readLinkedIn,
  actionFor: linkedinActionFor,
  anchors: anchorsOf(selectors, { classes: ['msg-s-event-listitem--other'] }),
};
