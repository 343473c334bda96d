// HubSpot CRM: URL detectors, selectors and a pure reader for deal, contact and
// company records, the deal board and list, plus the rep's own actions (Log call,
// Log meeting, Send email, Create deal/contact). Pure: no WXT, no browser API.
//
// HubSpot renders styled-components classes that are re-hashed on every build
// (`View__StyledView-rufepw-0`), so every anchor here is a `data-test-id`,
// `data-selenium-test`, `data-card-type` or an id HubSpot gives the element.
// Where each one was seen is noted beside it; tests/fixtures/README.md (HubSpot)
// lists the sources and the structure the fixtures had to assume.
import type { DealStatus, RepIdentity } from '../model';
import { deepQuery, deepQueryAll, text } from './dom';
import { dateOrderEvidence, parseAmount, parseDate, parseDateTime, parseLinkedInProfileUrl } from './parse';
import { anchorsOf, healthy, missing } from './types';
import type {
  ActionEventType,
  ActionOutcome,
  DealObservation,
  Health,
  PageReading,
  PersonReading,
  RepAction,
  SiteAdapter,
  VisibleActivity,
  VisibleActivityType,
} from './types';

export const selectors = {
  // ---- Record page layout --------------------------------------------------
  /** Left column of every record (SITES.md; SysAdminDoc/HubSpot-Ticket-Refined fixtures). */
  leftSidebar: '[data-test-id="left-sidebar"]',
  /** The highlight card at the top of the left column (toggl/track-extension, SITES.md). */
  highlightCard: '[data-card-type="OBJECT_HIGHLIGHT"]',
  /** Its content (HubSpot-Ticket-Refined userscript; the property-names overlay reads it live). */
  highlightContent: '[data-test-id="record-highlight-content"]',
  /** The record's name in the highlight card (HubSpot-Ticket-Refined). */
  recordLabel: '[data-test-id="highlight-record-label"]',
  /** A highlighted property's value, `highlight-property-display-<property>` (property-names overlay, read live). */
  highlightDisplay: '[data-test-id^="highlight-property-display-"]',
  /** A highlighted property's label + value, `highlight-property-item-<property>` (Playwright deal scraper, Ticket-Refined). */
  highlightItem: '[data-test-id^="highlight-property-item-"]',
  /** An editable property's control, `property-input-<property>` as a test id (deal scraper: `property-input-dealstage`). */
  propertyInputTestId: '[data-test-id^="property-input-"]',
  /** Older highlight layout: `<object>-highlight-details` with the name in an h3 (toggl hubspot.js; RingCentral's contact/company variants). */
  legacyHighlightTitle: 'div[data-selenium-test$="-highlight-details"] h3',
  /** Older highlight title (toggl hubspot.js fallback). */
  legacyHighlightTitleAlt: '[data-selenium-test="highlightTitle"]',
  /** The deal's pipeline and stage dropdowns in the highlight card (toggl hubspot.js `div#pipeline-select`, `div#stage-select`). */
  pipelineSelect: '#pipeline-select',
  stageSelect: '#stage-select',
  /** An open dropdown menu and its options: ARIA roles are what HubSpot's open menus render (LazyQ userscript, read live). */
  openListbox: '[role="listbox"]',
  listOption: '[role="option"]',
  /** "About this …" and custom property cards (property-names overlay: every properties card is a PROPERTIES_V3). */
  propertiesCard: '[data-card-type="PROPERTIES_V3"]',
  propertiesList: 'ul[data-selenium-test="profile-properties-list"]',
  /** A property's value, `property-input-<property>`: a span while displayed, a button while edited (property-names overlay). */
  propertyValue: '[data-selenium-test^="property-input-"]',
  /** Links in a record's properties that point at a LinkedIn profile. */
  linkedinLink: 'a[href*="linkedin.com/in/"]',

  // ---- Activity timeline ----------------------------------------------------
  /** The timeline (SITES.md; Ticket-Refined; deal scraper waits for it). */
  timeline: '[data-test-id="crm-events-viz-timeline"]',
  /** One activity card (TMetric hubspot.ts; deal scraper reads header and timestamp inside it). */
  timelineCard: '[data-selenium-test="timeline-card"]',
  /** The accordion block, rendered once per activity around its preview and editor (LazyQ, read live). */
  eventAccordion: '[data-test-id="collapsible-event-accordion"]',
  /** The collapsed preview inside a card (SITES.md; LazyQ; Ticket-Refined). HubSpot renders an accessibility clone of it too. */
  timelinePreview: '[data-test-id="timeline-preview-event"]',
  /** Card header "Call - Connected made by …" (LazyQ, read live: "Appel - … passé par …"). */
  eventHeader: '[data-test-id="generic-preview-event-header"]',
  /** Older card header (deal scraper). */
  eventHeaderLegacy: '[data-test-id="header-message"]',
  /** The activity's own title, e.g. a task's subject (TMetric hubspot.ts). */
  eventTitle: '[data-selenium-test="timeline-editable-title"]',
  /** When it happened, as shown ("Nov 24, 2026 at 9:00 AM", "Today at 2:26 PM") (deal scraper; Ticket-Refined). */
  eventTimestamp: '[data-test-id="event-timestamp"]',
  /** The card's actions menu; `data-selenium-id` is the engagement id (TMetric builds the task URL from it). */
  eventActions: '[data-selenium-test="timeline-header-actions"][data-selenium-id]',

  // ---- Associations ----------------------------------------------------------
  /** The associated deals card on a company or contact (card id grammar from Ticket-Refined `ASSOCIATION_V3/0-2`; deal scraper `ASSOCIATION_TABLE/0-2`). */
  associatedDealsCard: '[data-test-id="card-wrapper-ASSOCIATION_V3/0-3"], [id="card-wrapper-ASSOCIATION_TABLE/0-3"]',
  associatedDealsContent: '[data-test-id="associated-objects-card-content-0-3"]',
  /** The associated companies card (Ticket-Refined `ASSOCIATION_V3/0-2`; deal scraper). */
  associatedCompaniesCard: '[data-test-id="card-wrapper-ASSOCIATION_V3/0-2"], [id="card-wrapper-ASSOCIATION_TABLE/0-2"]',
  /** A link to a deal or company record (deal scraper collects deals by these hrefs). */
  dealLink: 'a[href*="/record/0-3/"]',
  companyLink: 'a[href*="/record/0-2/"]',

  // ---- Deal board and list ---------------------------------------------------
  /** A board column: `cdb-column` (TimeMyTicket extension) or `framework-data-column-<stageId>` with `data-column-id` (deal scraper). */
  boardColumn: '[data-test-id="cdb-column"], [data-test-id^="framework-data-column-"]',
  /** The column's stage name (both of the above). */
  boardColumnName: '[data-test-id="cdb-column-name"]',
  /** One card in a column (TimeMyTicket: `cdb-column-item` / `cdbc-card` carry `data-selenium-id`). */
  boardItem: '[data-test-id="cdb-column-item"]',
  boardCard: '[data-test-id="cdbc-card"]',
  boardCardTitle: '[data-test-id="cdbc-title"]',
  /** A card property row, `cdbc-property-<n>`, and its value (TimeMyTicket). */
  boardCardProperty: '[data-test-id^="cdbc-property-"]:not([data-test-id="cdbc-property-value"])',
  boardCardValue: '[data-test-id="cdbc-property-value"]',
  /** The list view table, its rows and cells (Ticket-Refined `framework-data-table`, `row-<id>`, `cell-<objectType>-<property>-<id>`; SITES.md). */
  table: '[data-test-id="framework-data-table"]',
  tableRow: 'tr[data-test-id^="row-"]',
  /** A row's name cell label (toggl hubspot.js). */
  truncatedLabel: '[data-test-id="truncated-object-label"]',

  // ---- The rep's own actions ---------------------------------------------------
  /** Save in Log call / Log meeting / Note, and Send in the email composer (HubSpot shortcut extension comment; Selenium suites). */
  saveButton: 'button[data-selenium-test="rich-text-editor-controls__save-btn"]',
  /** The email composer's subject and sender (Selenium mail bot). */
  emailSubject: 'input[data-selenium-test="email-subject-input"]',
  emailFrom: '[data-selenium-test="communicator-from-address"]',
  /** The meeting scheduler's title (RingCentral hubspot extension). */
  meetingTitle: 'input[data-selenium-test="meeting-title-input"]',
  /** The panel an action button sits in. HubSpot-specific ids for the communicator were not found: ARIA dialog is assumed. */
  dialog: '[role="dialog"]',
  /** An error shown inside a dialog (assumed ARIA; no HubSpot test id for form errors was found). */
  alert: '[role="alert"]',
  /** The create-record dialog body, inside the `/object-builder/<portal>/<type>/embed` frame (property-names overlay, read live). */
  creator: '[data-selenium-test="creator"]',
  /** One form field, label + control (every field of the create dialog has one). */
  formField: '[data-test-id="FormControl"]',
  /** The create dialog's "Edit this form" link, which names the object type created. */
  creatorEditorLink: 'a[data-selenium-test="creator-editor-link"]',
  /** Its Create button (HubSpot shortcut extension: `[data-selenium-test="create"][data-test-id="create-button"]`). */
  createButton: 'button[data-selenium-test="create"]',
} as const;

/**
 * Words the page shows in the user's language. English, plus the French that
 * LazyQ's live capture shows ("Appel - … passé par …").
 * TODO [2027-01-15]: move into the per-locale table with parse.ts.
 */
const labels = {
  you: ['You', 'Vous'],
  closedWon: ['Closed won'],
  closedLost: ['Closed lost'],
  /** Card header type words ("Call - Connected made by …"). */
  types: [
    ['Call', 'call'],
    ['Logged call', 'call'],
    ['Appel', 'call'],
    ['Email', 'email'],
    ['Logged email', 'email'],
    ['E-mail', 'email'],
    ['Meeting', 'meeting'],
    ['Logged meeting', 'meeting'],
    ['Réunion', 'meeting'],
    ['Task', 'task'],
    ['Tâche', 'task'],
  ] as readonly (readonly [string, VisibleActivityType])[],
  /** Phrases before the name a card attributes the activity to ("passé par" seen live; the English ones assumed). */
  by: ['assigned to', 'organized by', 'passé par', 'logged by', 'made by', 'sent by', 'by'],
  /** Headings of the communicator panels, used only when no field names the kind. */
  dialogKinds: [
    ['Log call', 'call'],
    ['Log meeting', 'meeting'],
    ['Log email', 'email'],
    ['Schedule meeting', 'meeting'],
    ['Email', 'email'],
  ] as readonly (readonly [string, ActionEventType])[],
  /** Property labels on association tiles and board cards. */
  amount: ['Amount', 'Montant'],
  closeDate: ['Close date', 'Date de fermeture'],
  stage: ['Deal stage', 'Stage', 'Phase de la transaction'],
} as const;

const CLOSED_WON_IDS = ['closedwon'];
const CLOSED_LOST_IDS = ['closedlost'];

// ---------------------------------------------------------------------------
// URL detectors, each beside the URLs it must match. tests/sites/hubspot.test.ts
// runs every detector over every URL here: listed ones must match, all others must not.

/** app.hubspot.com and the data-centre hosts (app-eu1, app-na1, app-na2 …). */
const appHost = (url: URL) => url.protocol === 'https:' && /^app(?:-[a-z]+\d+)?\.hubspot\.com$/.test(url.hostname);

/** Object type ids: 0-1 contact, 0-2 company, 0-3 deal (HubSpot's own object type ids). */
const RECORD = /^\/contacts\/(\d+)\/record\/(\d+-\d+)\/(\d+)\/?$/;
/** The pre-2022 record paths HubSpot still redirects from. */
const LEGACY_RECORD = /^\/contacts\/(\d+)\/(contact|company|deal)\/(\d+)\/?$/;
const LEGACY_TYPES: Record<string, string> = { contact: '0-1', company: '0-2', deal: '0-3' };
const INDEX = /^\/contacts\/(\d+)\/objects\/0-3\/views\/([^/]+)\/(board|list)\/?$/;
/** The frame HubSpot renders its create-record dialog in. */
const CREATOR_FRAME = /^\/object-builder\/(\d+)\/(\d+-\d+)\/embed\/?$/;

export interface RecordRef {
  portalId: string;
  objectTypeId: string;
  recordId: string;
}

/** The record a URL shows (current or legacy path), or null. */
export function recordFromUrl(url: URL): RecordRef | null {
  if (!appHost(url)) return null;
  const current = RECORD.exec(url.pathname);
  if (current?.[1] && current[2] && current[3]) {
    return { portalId: current[1], objectTypeId: current[2], recordId: current[3] };
  }
  const legacy = LEGACY_RECORD.exec(url.pathname);
  const type = legacy?.[2] ? LEGACY_TYPES[legacy[2]] : undefined;
  if (legacy?.[1] && legacy[3] && type) return { portalId: legacy[1], objectTypeId: type, recordId: legacy[3] };
  return null;
}

const isRecordOf = (type: string) => (url: URL) => recordFromUrl(url)?.objectTypeId === type;
const isDealRecord = isRecordOf('0-3');
const isContactRecord = isRecordOf('0-1');
const isCompanyRecord = isRecordOf('0-2');
const isDealBoard = (url: URL) => appHost(url) && INDEX.exec(url.pathname)?.[3] === 'board';
const isDealList = (url: URL) => appHost(url) && INDEX.exec(url.pathname)?.[3] === 'list';
const isCreatorFrame = (url: URL) => appHost(url) && CREATOR_FRAME.test(url.pathname);

const dealRecordUrls = [
  'https://app.hubspot.com/contacts/4411223/record/0-3/21098765432',
  // The Log call panel opens with `?interaction=logged-call` (seen in a public userscript that deep-links it).
  'https://app.hubspot.com/contacts/4411223/record/0-3/21098765432/?interaction=logged-call',
  'https://app-eu1.hubspot.com/contacts/25112233/record/0-3/19800000001',
  'https://app.hubspot.com/contacts/4411223/deal/21098765001',
];
const contactRecordUrls = [
  'https://app.hubspot.com/contacts/4411223/record/0-1/98765',
  'https://app-na2.hubspot.com/contacts/4411223/record/0-1/98765?interaction=email',
  'https://app.hubspot.com/contacts/4411223/contact/98765/',
];
const companyRecordUrls = [
  'https://app.hubspot.com/contacts/4411223/record/0-2/5550001',
  'https://app.hubspot.com/contacts/4411223/company/5550001',
];
const dealBoardUrls = [
  'https://app.hubspot.com/contacts/4411223/objects/0-3/views/all/board',
  'https://app-eu1.hubspot.com/contacts/25112233/objects/0-3/views/8812345/board?pipeline=default',
];
const dealListUrls = [
  'https://app.hubspot.com/contacts/4411223/objects/0-3/views/my/list',
  'https://app.hubspot.com/contacts/4411223/objects/0-3/views/all/list/',
];
const otherAppUrls = [
  'https://app.hubspot.com/contacts/4411223/record/0-5/789', // a ticket
  'https://app.hubspot.com/contacts/4411223/record/2-98765/123', // a custom object
  'https://app.hubspot.com/contacts/4411223/objects/0-1/views/all/list', // contacts, not deals
  'https://app.hubspot.com/contacts/4411223/objects/0-5/views/456/board',
  'https://app.hubspot.com/tasks/4411223/view/all/task/77001', // TMetric's task path
  'https://app.hubspot.com/contacts/4411223/record/0-3/21098765432/history',
  'https://app.hubspot.com/reports-dashboard/4411223/view/1',
  'https://app.hubspot.com/login',
];

export const examples = {
  appHost: [
    ...dealRecordUrls,
    ...contactRecordUrls,
    ...companyRecordUrls,
    ...dealBoardUrls,
    ...dealListUrls,
    'https://app.hubspot.com/object-builder/4411223/0-3/embed',
    ...otherAppUrls,
  ],
  dealRecord: dealRecordUrls,
  contactRecord: contactRecordUrls,
  companyRecord: companyRecordUrls,
  dealBoard: dealBoardUrls,
  dealList: dealListUrls,
  creatorFrame: ['https://app.hubspot.com/object-builder/4411223/0-3/embed'],
  /** Matched by no detector: other hosts, http, look-alikes. */
  none: [
    'https://www.hubspot.com/products/crm',
    'https://knowledge.hubspot.com/records/manually-log-activities-on-records',
    'https://api.hubapi.com/crm/v3/objects/deals/21098765432',
    'http://app.hubspot.com/contacts/4411223/record/0-3/21098765432',
    'https://app.hubspot.com.example.com/contacts/4411223/record/0-3/21098765432',
    'https://example.com/?next=https://app.hubspot.com/contacts/4411223/record/0-3/21098765432',
    'https://apphubspot.com/contacts/4411223/record/0-3/21098765432',
  ],
} as const;

export const detectors = {
  appHost,
  dealRecord: isDealRecord,
  contactRecord: isContactRecord,
  companyRecord: isCompanyRecord,
  dealBoard: isDealBoard,
  dealList: isDealList,
  creatorFrame: isCreatorFrame,
} satisfies Record<Exclude<keyof typeof examples, 'none'>, (url: URL) => boolean>;

const recordUrl = (origin: string, portalId: string, type: string, id: string) =>
  `${origin}/contacts/${portalId}/record/${type}/${id}`;

// ---------------------------------------------------------------------------
// Small readers

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const inTable = (table: readonly string[], value: string) => table.some(entry => norm(entry) === norm(value));

/** Text of an element, or the value of the input it is or holds (the deal scraper reads both). */
function valueText(el: Element | null | undefined): string {
  if (!el) return '';
  const input = el.matches('input, textarea') ? el : el.querySelector('input, textarea');
  const value = (input as HTMLInputElement | null)?.value?.trim();
  return value || text(el);
}

/** A property's display in the highlight card, or ''. */
function highlightValue(root: ParentNode, property: string): string {
  const scope = deepQuery(root, selectors.highlightContent) ?? deepQuery(root, selectors.highlightCard);
  if (!scope) return '';
  const display = deepQuery(scope, `[data-test-id="highlight-property-display-${property}"]`);
  if (display) return valueText(display);
  const item = deepQuery(scope, `[data-test-id="highlight-property-item-${property}"]`);
  return valueText(item && deepQuery(item, `[data-test-id="property-input-${property}"]`));
}

/**
 * A property's value in the record's properties cards, or ''. Scoped to
 * PROPERTIES_V3 cards: association cards carry `property-input-name` of the
 * associated record (property-names overlay), and dialogs carry their own fields.
 */
function sidebarValue(root: ParentNode, property: string): string {
  for (const card of deepQueryAll(root, selectors.propertiesCard)) {
    const value = deepQuery(card, `[data-selenium-test="property-input-${property}"]`);
    if (value) return valueText(value);
  }
  return '';
}

const propertyValue = (root: ParentNode, property: string) =>
  highlightValue(root, property) || sidebarValue(root, property);

/** HubSpot shows an empty property as "--" or "—". */
const blank = (s: string) => !s || /^[-–—]+$/.test(s);

function recordName(doc: Document, nameProperty: string): string {
  return (
    text(deepQuery(doc, selectors.recordLabel)) ||
    highlightValue(doc, nameProperty) ||
    text(deepQuery(doc, selectors.legacyHighlightTitle)) ||
    text(deepQuery(doc, selectors.legacyHighlightTitleAlt))
  );
}

/** The deal's stage as the highlight card (or the properties card) shows it. */
function dealStage(doc: Document): string {
  return (
    highlightValue(doc, 'dealstage') ||
    valueText(deepQuery(doc, selectors.stageSelect)) ||
    sidebarValue(doc, 'dealstage')
  );
}

/** The stage control the rep opens to change the stage. */
function stageControl(doc: Document): Element | null {
  const scope = deepQuery(doc, selectors.highlightContent) ?? deepQuery(doc, selectors.highlightCard);
  return (
    (scope && deepQuery(scope, '[data-test-id="highlight-property-item-dealstage"]')) ??
    deepQuery(doc, selectors.stageSelect) ??
    deepQuery(doc, '[data-test-id="property-input-dealstage"]')
  );
}

/**
 * The pipeline's stages in order, when the page shows them: the stage dropdown
 * is open (its trigger says `aria-expanded="true"`) and exactly one menu is open.
 * A closed dropdown renders no options, so the usual answer is [].
 */
function visibleStages(doc: Document): string[] {
  const control = stageControl(doc);
  const expanded = control && (control.matches('[aria-expanded="true"]') || deepQuery(control, '[aria-expanded="true"]'));
  if (!expanded) return [];
  const menus = deepQueryAll(doc, selectors.openListbox);
  if (menus.length !== 1 || !menus[0]) return [];
  return deepQueryAll(menus[0], selectors.listOption).map(o => text(o)).filter(Boolean);
}

function statusOf(stage: string, stageId?: string | null): DealStatus {
  const id = (stageId ?? '').toLowerCase();
  if (CLOSED_WON_IDS.includes(id) || inTable(labels.closedWon, stage)) return 'won';
  if (CLOSED_LOST_IDS.includes(id) || inTable(labels.closedLost, stage)) return 'lost';
  return 'open';
}

// ---------------------------------------------------------------------------
// Dates. HubSpot prints property dates in the user's locale ("12/18/2026") and
// timeline times relative to today ("Today at 2:26 PM", "Nov 24, 2026 at 9:00 AM").
// Slashed dates are read in the order the page's own unambiguous dates show.

const TIME_ONLY = /^\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?)?$/i;

type Dates = ReturnType<typeof dateReader>;

function dateReader(texts: readonly (string | null)[], now: Date) {
  const order = dateOrderEvidence(texts.filter((t): t is string => !!t));
  const options = order ? { order } : {};
  return {
    date: (shown: string) => (blank(shown) ? null : parseDate(shown, now, options)),
    dateTime: (shown: string) => (blank(shown) ? null : parseDateTime(shown, now, options)),
  };
}

// ---------------------------------------------------------------------------
// Timeline

interface Header {
  type: VisibleActivityType | null;
  middle: string;
  actor: string;
}

/** "Call - Connected made by Riley Moss" → call, "Connected", "Riley Moss". */
export function parseHeader(header: string): Header {
  const s = header.replace(/\s+/g, ' ').trim();
  let head = s;
  let actor = '';
  const lower = s.toLowerCase();
  // The phrase ending rightmost names the actor ("Offer by Friday sent by Dana");
  // of phrases ending at the same place ("made by" / "by"), the longest.
  let best: { at: number; end: number } | null = null;
  for (const phrase of labels.by) {
    const at = lower.lastIndexOf(` ${phrase} `);
    const end = at + phrase.length + 2;
    if (at >= 0 && (!best || end > best.end || (end === best.end && at < best.at))) best = { at, end };
  }
  if (best) {
    head = s.slice(0, best.at).trim();
    actor = s.slice(best.end).trim();
  }
  const dash = head.indexOf(' - ');
  const kind = dash >= 0 ? head.slice(0, dash) : head;
  const middle = dash >= 0 ? head.slice(dash + 3).trim() : '';
  const type = labels.types.find(([word]) => norm(word) === norm(kind))?.[1] ?? null;
  return { type, middle, actor };
}

function isMe(actor: string, me?: RepIdentity): boolean {
  if (!actor) return false;
  if (inTable(labels.you, actor)) return true;
  return !!me?.name && norm(me.name) === norm(actor);
}

/**
 * One card as metadata: type, title/subject, date, engagement id, who it is
 * attributed to. The card's body (note text, email preview, call notes) is never read.
 */
function readActivity(card: Element, dates: Dates, me?: RepIdentity): VisibleActivity | null {
  const headerEl = deepQuery(card, selectors.eventHeader) ?? deepQuery(card, selectors.eventHeaderLegacy);
  const header = parseHeader(text(headerEl));
  // Notes and events Pacer does not count (deal created, stage changed …) are skipped.
  if (!header.type) return null;
  const title = text(deepQuery(card, selectors.eventTitle));
  const activity: VisibleActivity = {
    type: header.type,
    // Calls and tasks carry their title in the editable title; an email's subject
    // and a meeting's title are the header's middle part when no title is shown.
    subject: title || (header.type === 'email' || header.type === 'meeting' ? header.middle : ''),
    dateText: text(deepQuery(card, selectors.eventTimestamp)),
    byMe: isMe(header.actor, me),
  };
  const id = deepQuery(card, selectors.eventActions)?.getAttribute('data-selenium-id')?.trim();
  if (id) activity.crmId = id;
  const at = dates.dateTime(activity.dateText);
  if (at) activity.at = at;
  if (header.type === 'call' && header.middle) activity.outcome = header.middle;
  return activity;
}

function readTimeline(
  doc: Document,
  now: Date,
  me?: RepIdentity,
  otherDates: readonly string[] = [],
): { found: boolean; activities: VisibleActivity[] } {
  const container = deepQuery(doc, selectors.timeline);
  const scope: ParentNode = container ?? doc;
  let cards = deepQueryAll(scope, selectors.timelineCard);
  // Without the card wrapper, the accordion is the card (one per activity).
  if (cards.length === 0) cards = deepQueryAll(scope, selectors.eventAccordion);
  if (cards.length === 0) {
    // Without either, each preview is one; HubSpot's accessibility clone follows its
    // preview with the same text, and is not another activity (LazyQ saw each call twice).
    const previews = deepQueryAll(scope, selectors.timelinePreview);
    cards = previews.filter((p, i) => i === 0 || text(p) !== text(previews[i - 1]));
  }
  const stamps = cards.map(c => text(deepQuery(c, selectors.eventTimestamp)));
  const dates = dateReader([...stamps, ...otherDates], now);
  const activities = cards.map(c => readActivity(c, dates, me)).filter((a): a is VisibleActivity => a !== null);
  return { found: container !== null || cards.length > 0, activities };
}

// ---------------------------------------------------------------------------
// Pages

const unknown = (...anchors: string[]): PageReading => ({ kind: 'unknown', health: missing(...anchors) });

function readDealPage(doc: Document, url: URL, ref: RecordRef, now: Date, me?: RepIdentity): PageReading {
  const name = recordName(doc, 'dealname');
  const stage = dealStage(doc);
  const absent: string[] = [];
  if (!name) absent.push('record name');
  if (!stage) absent.push('deal stage');
  // Name and stage are what a deal is: without them, report and record nothing rather than guess.
  if (absent.length) return unknown(...absent);

  // Amount and dates are optional: "--", absent or unreadable means unknown, never 0.
  const amountText = propertyValue(doc, 'amount');
  const parsed = blank(amountText) ? null : parseAmount(amountText);
  const closeText = propertyValue(doc, 'closedate');
  const createText = propertyValue(doc, 'createdate');
  const stamps = deepQueryAll(doc, selectors.eventTimestamp).map(el => text(el));
  const dates = dateReader([closeText, createText, ...stamps], now);
  const closeDate = dates.date(closeText);
  const createdAt = dates.dateTime(createText);

  const deal: DealObservation = {
    id: `hubspot:${ref.recordId}`,
    name,
    stage,
    amount: parsed?.amount ?? null,
    currency: parsed?.currency ?? null,
    ...(closeDate ? { closeDate } : {}),
    ...(createdAt ? { createdAt } : {}),
    status: statusOf(stage),
    url: recordUrl(url.origin, ref.portalId, '0-3', ref.recordId),
  };
  const timeline = readTimeline(doc, now, me, [closeText, createText]);
  // An empty timeline still renders its container; neither container nor cards
  // means the Activities tab is not on screen (or not loaded), which health reports.
  const health: Health = timeline.found ? healthy : missing('activity timeline');
  // stageHistory: HubSpot shows it only in the property history panel, whose
  // value/date cells no public source describes; left out rather than guessed.
  return { kind: 'deal', deal, stages: visibleStages(doc), activities: timeline.activities, health };
}

function readContactPage(doc: Document, url: URL, ref: RecordRef, now: Date, me?: RepIdentity): PageReading {
  const name = recordName(doc, 'hs_full_name_or_email');
  if (!name) return unknown('record name');
  const person: PersonReading = {
    name,
    crmId: `hubspot:${ref.recordId}`,
    recordType: 'contact',
    url: recordUrl(url.origin, ref.portalId, '0-1', ref.recordId),
  };
  const email = propertyValue(doc, 'email');
  if (!blank(email)) person.email = email;
  const title = propertyValue(doc, 'jobtitle');
  if (!blank(title)) person.title = title;
  const companyCard = deepQuery(doc, selectors.associatedCompaniesCard);
  const company = sidebarValue(doc, 'company') || text(companyCard && deepQuery(companyCard, selectors.companyLink));
  if (!blank(company)) person.company = company;
  const scopes = [...deepQueryAll(doc, selectors.highlightCard), ...deepQueryAll(doc, selectors.propertiesCard)];
  for (const link of scopes.flatMap(s => deepQueryAll(s, selectors.linkedinLink))) {
    const canonical = parseLinkedInProfileUrl(link.getAttribute('href') ?? '');
    if (canonical) {
      person.linkedinUrl = canonical;
      break;
    }
  }
  const timeline = readTimeline(doc, now, me);
  return {
    kind: 'person',
    person,
    activities: timeline.activities,
    health: timeline.found ? healthy : missing('activity timeline'),
  };
}

/**
 * "Amount: $48,000.00" on an association tile or a board card: the element
 * whose first child is the label, its value the rest. Null when no such row.
 */
function labeledValue(scope: Element, table: readonly string[]): string | null {
  for (const el of scope.querySelectorAll('*')) {
    const first = el.firstElementChild;
    if (!first || el.childElementCount < 2) continue;
    const label = text(first).replace(/:$/, '');
    if (!inTable(table, label)) continue;
    const value = deepQuery(el, selectors.boardCardValue);
    return value ? valueText(value) : text(el).slice(text(first).length).trim();
  }
  return null;
}

const DEAL_HREF = /\/contacts\/(\d+)\/record\/0-3\/(\d+)/;

interface RowParts {
  link: Element | null;
  name: string;
  stage: string;
  stageId?: string | null;
  amountText: string | null;
  closeText: string | null;
  /** The record id when the row has no deal link (a row's or card's own id attribute). */
  fallbackId?: string | null;
}

function dealRow(url: URL, parts: RowParts, dates: Dates): DealObservation | null {
  const match = DEAL_HREF.exec(parts.link?.getAttribute('href') ?? '');
  const portalId = match?.[1] ?? /^\/contacts\/(\d+)\//.exec(url.pathname)?.[1];
  const id = match?.[2] ?? parts.fallbackId ?? null;
  if (!id || !portalId || !parts.name || !parts.stage) return null;
  const parsed = parts.amountText && !blank(parts.amountText) ? parseAmount(parts.amountText) : null;
  const closeDate = parts.closeText ? dates.date(parts.closeText) : null;
  return {
    id: `hubspot:${id}`,
    name: parts.name,
    stage: parts.stage,
    amount: parsed?.amount ?? null,
    currency: parsed?.currency ?? null,
    ...(closeDate ? { closeDate } : {}),
    status: statusOf(parts.stage, parts.stageId),
    url: recordUrl(url.origin, portalId, '0-3', id),
  };
}

/** The rows read; health names the anchor when the page showed a row that could not be read. */
function listReading(url: URL, parts: RowParts[], now: Date, anchor: string): PageReading {
  const dates = dateReader(parts.map(p => p.closeText), now);
  const rows = parts.map(p => dealRow(url, p, dates));
  const read = rows.filter((r): r is DealObservation => r !== null);
  const health = read.length === rows.length ? healthy : missing(anchor);
  return { kind: 'list', rows: read, health };
}

function readCompanyPage(doc: Document, url: URL, now: Date): PageReading {
  const card = deepQuery(doc, selectors.associatedDealsCard);
  if (!card) return unknown('associated deals card');
  const content = deepQuery(card, selectors.associatedDealsContent) ?? card;
  // One tile per deal: the content's child that holds the deal's link.
  const tiles = [...content.children].filter(tile => tile.querySelector(selectors.dealLink));
  const parts = tiles.map((tile): RowParts => {
    const link = tile.querySelector(selectors.dealLink);
    return {
      link,
      name: text(link),
      stage: labeledValue(tile, labels.stage) ?? '',
      amountText: labeledValue(tile, labels.amount),
      closeText: labeledValue(tile, labels.closeDate),
    };
  });
  return listReading(url, parts, now, 'associated deal row');
}

function readBoard(doc: Document, url: URL, now: Date): PageReading {
  const columns = deepQueryAll(doc, selectors.boardColumn).filter(
    // A `cdb-column` inside a `framework-data-column-*` is the same column.
    col => !col.parentElement?.closest(selectors.boardColumn),
  );
  if (columns.length === 0) return unknown('board columns');
  const parts: RowParts[] = [];
  for (const column of columns) {
    const stage = text(deepQuery(column, selectors.boardColumnName));
    const stageId = column.getAttribute('data-column-id');
    let cards = deepQueryAll(column, selectors.boardItem);
    if (cards.length === 0) cards = deepQueryAll(column, selectors.boardCard);
    for (const card of cards) {
      const title = deepQuery(card, selectors.boardCardTitle);
      const link = deepQuery(card, selectors.dealLink);
      const idHolder = card.matches('[data-selenium-id]') ? card : deepQuery(card, '[data-selenium-id]');
      parts.push({
        link,
        name: text(title) || text(link),
        stage,
        stageId,
        amountText: labeledValue(card, labels.amount),
        closeText: labeledValue(card, labels.closeDate),
        fallbackId: idHolder?.getAttribute('data-selenium-id'),
      });
    }
  }
  return listReading(url, parts, now, 'board card');
}

/** A list cell by property: `cell-0-3-<property>-<id>` (Ticket-Refined grammar). */
const cell = (row: Element, property: string) => deepQuery(row, `td[data-test-id^="cell-0-3-${property}-"]`);

function readList(doc: Document, url: URL, now: Date): PageReading {
  const table = deepQuery(doc, selectors.table);
  if (!table) return unknown('deals table');
  const parts = deepQueryAll(table, selectors.tableRow).map((row): RowParts => {
    const nameCell = cell(row, 'dealname');
    const link = (nameCell && deepQuery(nameCell, selectors.dealLink)) ?? deepQuery(row, selectors.dealLink);
    return {
      link,
      name: text(nameCell && deepQuery(nameCell, selectors.truncatedLabel)) || text(link),
      stage: text(cell(row, 'dealstage')),
      amountText: text(cell(row, 'amount')) || null,
      closeText: text(cell(row, 'closedate')) || null,
      fallbackId: /^row-(\d+)$/.exec(row.getAttribute('data-test-id') ?? '')?.[1],
    };
  });
  return listReading(url, parts, now, 'deals table row');
}

/**
 * Reads what the page shows. `me` (the signed-in rep) lets cards attributed to
 * the rep by name count as theirs: HubSpot names the user rather than saying "You".
 */
export function readHubSpot(doc: Document, url: URL, now: Date = new Date(), me?: RepIdentity): PageReading {
  if (!appHost(url)) return unknown('HubSpot app URL');
  const ref = recordFromUrl(url);
  if (ref?.objectTypeId === '0-3') return readDealPage(doc, url, ref, now, me);
  if (ref?.objectTypeId === '0-1') return readContactPage(doc, url, ref, now, me);
  if (ref?.objectTypeId === '0-2') return readCompanyPage(doc, url, now);
  if (isDealBoard(url)) return readBoard(doc, url, now);
  if (isDealList(url)) return readList(doc, url, now);
  return unknown('deal, contact or company record, or deal board/list URL');
}

// ---------------------------------------------------------------------------
// The rep's own actions

type CommunicatorKind = 'call' | 'meeting' | 'email';

/**
 * What a communicator panel logs or sends, from the fields it shows: the email
 * subject input, the meeting title input, or a field named after a call or
 * meeting engagement property (`property-input-hs_call_*`, `-hs_meeting_*`).
 * A note or task panel is none of these.
 */
function communicatorKind(panel: Element): CommunicatorKind | null {
  if (deepQuery(panel, selectors.emailSubject)) return 'email';
  if (deepQuery(panel, selectors.meetingTitle) || deepQuery(panel, '[data-selenium-test^="property-input-hs_meeting_"]')) {
    return 'meeting';
  }
  if (deepQuery(panel, '[data-selenium-test^="property-input-hs_call_"]')) return 'call';
  const heading = text(deepQuery(panel, 'h1, h2, h3, h4'));
  const kind = labels.dialogKinds.find(([label]) => norm(label) === norm(heading))?.[1];
  return kind === 'call' || kind === 'meeting' || kind === 'email' ? kind : null;
}

/** Communicator panels of `kind` still on the page. */
const openPanels = (doc: Document, kind: CommunicatorKind) =>
  deepQueryAll(doc, selectors.dialog).filter(d => deepQuery(d, selectors.saveButton) && communicatorKind(d) === kind);

function fieldValue(panel: Element, property: string): string {
  return valueText(deepQuery(panel, `[data-selenium-test="property-input-${property}"]`));
}

/** The activity date and time the rep picked, when the form shows both; else the click time counts. */
function activityTime(panel: Element, property: string, now: Date): string | null {
  const dateField = deepQuery(panel, `[data-selenium-test="property-input-${property}"]`);
  const control = dateField?.closest(selectors.formField) ?? dateField?.parentElement;
  if (!dateField || !control) return null;
  const timeInput = [...control.querySelectorAll('input')].find(i => i !== dateField && TIME_ONLY.test(i.value.trim()));
  if (!timeInput) return null;
  const day = valueText(dateField);
  return dateReader([day], now).dateTime(`${day} ${timeInput.value.trim()}`);
}

/** The deal or person the current record page is about. */
function recordContext(doc: Document, url: URL): Pick<RepAction, 'recordKey' | 'deal' | 'person'> {
  const ref = recordFromUrl(url);
  if (!ref) return {};
  const key = `hubspot:${ref.recordId}`;
  if (ref.objectTypeId === '0-3') {
    const name = recordName(doc, 'dealname');
    return { recordKey: key, deal: name ? { id: key, name } : { id: key } };
  }
  if (ref.objectTypeId === '0-1') {
    const name = recordName(doc, 'hs_full_name_or_email');
    return { recordKey: key, person: name ? { name, crmId: key } : { crmId: key } };
  }
  return { recordKey: key };
}

function panelOutcome(doc: Document, kind: CommunicatorKind, panel: Element): ActionOutcome {
  const open = openPanels(doc, kind);
  if ((panel.isConnected && deepQuery(panel, selectors.alert)) || open.some(p => deepQuery(p, selectors.alert))) {
    return { status: 'failed' };
  }
  return open.length > 0 ? { status: 'pending' } : { status: 'saved' };
}

function communicatorAction(button: Element, doc: Document, url: URL, now: Date): RepAction | undefined {
  const panel = button.closest(selectors.dialog);
  const kind = panel && communicatorKind(panel);
  if (!panel || !kind) return undefined;
  const action: RepAction = {
    type: kind,
    ...recordContext(doc, url),
    confirm: confirmDoc => panelOutcome(confirmDoc, kind, panel),
  };
  if (kind === 'email') {
    // The subject line only: the body (`.rich-text-editor-input`) is never read.
    const subject = valueText(deepQuery(panel, selectors.emailSubject));
    if (subject) action.subject = subject;
  } else if (kind === 'meeting') {
    const subject = valueText(deepQuery(panel, selectors.meetingTitle)) || fieldValue(panel, 'hs_meeting_title');
    if (subject) action.subject = subject;
    const outcome = fieldValue(panel, 'hs_meeting_outcome');
    if (outcome) action.outcome = outcome;
    const at = activityTime(panel, 'hs_timestamp', now);
    if (at) action.at = at;
  } else {
    const outcome = fieldValue(panel, 'hs_call_disposition');
    if (outcome) action.outcome = outcome;
    const at = activityTime(panel, 'hs_timestamp', now);
    if (at) action.at = at;
  }
  return action;
}

/** The object type the create dialog creates: its editor link, else the fields it shows; never the frame path. */
function creatorObjectType(creator: Element): string | null {
  const href = deepQuery(creator, selectors.creatorEditorLink)?.getAttribute('href') ?? '';
  const fromLink = /\/creator-editor\/(\d+-\d+)(?:[/?#]|$)/.exec(href)?.[1];
  if (fromLink) return fromLink;
  // The editor link is an admin affordance; without it the name field says what is created.
  if (deepQuery(creator, '[data-selenium-test="property-input-dealname"]')) return '0-3';
  if (deepQuery(creator, '[data-selenium-test="property-input-email"]')) return '0-1';
  return null;
}

function createAction(button: Element, doc: Document, url: URL): RepAction | undefined {
  const creator = button.closest(selectors.creator);
  const type = creator && creatorObjectType(creator);
  if (!creator || (type !== '0-1' && type !== '0-3')) return undefined;
  const startedOn = recordFromUrl(url)?.recordId;
  const action: RepAction = {
    type: 'lead_created',
    confirm(confirmDoc, confirmUrl) {
      const opened = recordFromUrl(confirmUrl);
      if (opened?.objectTypeId === type && opened.recordId !== startedOn) {
        return { status: 'saved', recordId: `hubspot:${opened.recordId}` };
      }
      const still = deepQuery(confirmDoc, selectors.creator);
      if ((creator.isConnected && deepQuery(creator, selectors.alert)) || (still && deepQuery(still, selectors.alert))) {
        return { status: 'failed' };
      }
      return still ? { status: 'pending' } : { status: 'saved' };
    },
  };
  if (type === '0-3') {
    const name = fieldValue(creator, 'dealname');
    if (name) action.subject = name;
  } else {
    const name = [fieldValue(creator, 'firstname'), fieldValue(creator, 'lastname')].filter(Boolean).join(' ');
    const email = fieldValue(creator, 'email');
    if (name || email) action.person = { name: name || email };
  }
  return action;
}

export function actionFor(target: Element, doc: Document, url: URL, now: Date = new Date()): RepAction | undefined {
  if (!appHost(url)) return undefined;
  const save = target.closest(selectors.saveButton);
  if (save) return communicatorAction(save, doc, url, now);
  const create = target.closest(selectors.createButton);
  if (create) return createAction(create, doc, url);
  // TODO [2027-01-15]: "Send quote" → proposal_sent once a capture of the quote
  // page shows its anchors; no public source describes them.
  return undefined;
}

/**
 * Where the sales-cycle timer goes: after the deal stage in the highlight card
 * (`highlight-property-item-dealstage`, or `#stage-select` in the highlight-details
 * variant). Undefined on pages without a deal stage, contacts and companies included.
 */
export function timerAnchor(doc: Document): Element | undefined {
  const scope = deepQuery(doc, selectors.highlightContent) ?? deepQuery(doc, selectors.highlightCard);
  return (
    (scope && deepQuery(scope, '[data-test-id="highlight-property-item-dealstage"]')) ??
    deepQuery(doc, selectors.stageSelect) ??
    undefined
  );
}

export const hubspot: SiteAdapter = {
  id: 'hubspot',
  label: 'HubSpot',
  matches: appHost,
  read: (doc, url, now, me) => readHubSpot(doc, url, now, me),
  actionFor: (target, doc, url) => actionFor(target, doc, url),
  timerAnchor,
  anchors: anchorsOf(selectors),
};
