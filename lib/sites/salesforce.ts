// Salesforce Lightning Experience: URL detectors, selectors, a pure reader for
// Opportunity, Lead, Contact and Account records and Opportunity list views, and
// the rep's own Save/Send clicks. Pure: no WXT, no browser API.
// Anchors come from Salesforce's own UTAM page objects, SLDS markup and the
// lightning-datatable template (see /work/shared/SITES.md and tests/fixtures/README.md).
import type { DealRef, DealStatus, PersonRef } from '../model';
import { byLocalName, closestDeep, deepQuery, deepQueryAll, deepText, text } from './dom';
import {
  dateOrderEvidence,
  discountFromAmounts,
  parseAmount,
  parseDate,
  parseDateTime,
  parseDiscount,
  parseLinkedInProfileUrl,
} from './parse';
import type { DateOptions } from './parse';
import { anchorsOf, healthy, missing } from './types';
import type {
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

/**
 * Component tags containing `_`. happy-dom 21 rejects them as CSS type
 * selectors, so they are matched by `localName` (see `byLocalName`).
 */
export const tags = {
  /** UTAM runtime_sales/path: the LWC Path root. */
  path: 'runtime_sales_pathassistant-path',
  /** UTAM runtime_sales/pathStep: one stage; its state classes are read from it or the `.slds-path__item` inside. */
  pathStep: 'runtime_sales_pathassistant-path-step',
  /** UTAM activities/activityPanelComposer: the Activity tab's New Task / Log a Call / New Event / Email buttons. */
  activityComposer: 'runtime_sales_activities-activity-panel-composer',
} as const;

export const selectors = {
  // --- Record header (UTAM records/highlights2)
  /** The record header. */
  highlights: 'records-highlights2',
  /** primaryFieldContent: the record name, slotted into the header. */
  primaryField: '[slot="primaryField"]',
  /** secondaryFields: the compact layout's fields under the name (label, then value). */
  highlightsDetail: 'records-highlights-details-item',
  highlightsDetailLabel: '.slds-text-title',

  // --- Path
  /** UTAM runtime_sales/pathAssistantTabSet allTabs: the Aura Path, one `li` per stage. */
  pathItemAura: 'li.slds-path__item.runtime_sales_pathassistantPathAssistantTab[data-name]',
  /** SLDS Path stage (inside an LWC path step, or the step itself). */
  pathItem: '.slds-path__item',
  /** SLDS Path stage link: counted in tests as a second witness of the stage list. */
  pathLink: 'a.slds-path__link[role="option"]',
  /** SLDS stage label; the LWC form also carries `data-label` (UTAM pathStep getLabel). */
  pathTitle: '.slds-path__title',

  // --- Record fields. Page layouts (UTAM records/recordLayoutItem) carry the UI
  // label, so they follow the user's language (see `fields`); Dynamic Forms fields
  // (UTAM record_flexipage/recordField) carry the API name.
  layoutItem: 'records-record-layout-item[field-label]',
  layoutOutput: '[slot="outputField"]',
  dynamicField: '[data-target-selection-name^="sfdc:RecordField."]',
  dynamicValue: '.test-id__field-value',
  /** UTAM records/modstamp: "Created By" shows the user, then the date and time. */
  modstamp: 'records-modstamp',
  /** lightning-formatted-email renders a mailto link. */
  mailto: 'a[href^="mailto:"]',

  // --- Activity timeline (UTAM activities/activityTimelineFixedLayout, SLDS activity timeline)
  upcomingActivities: '.standardTimelineUpcomingActivities',
  /**
   * UTAM pastActivities is `past-activity-groups .pastActivities .activityHistories`;
   * only the last class is kept because that chain crosses an LWC shadow boundary.
   */
  pastActivities: '.activityHistories',
  /** SLDS timeline rows, one class per activity type. */
  timelineItem:
    '.slds-timeline__item_call, .slds-timeline__item_email, .slds-timeline__item_event, .slds-timeline__item_task',
  timelineSubject: 'h3',
  timelineSubjectLink: 'h3 a[href]',
  timelineDate: '.slds-timeline__date',
  /** SLDS: `<p><a>You</a> logged a call with <a>Adam Chan</a></p>`, the body's direct paragraph (the date sits deeper). */
  timelineSummary: '.slds-media__body > p',

  // --- Related lists (UTAM lists/relatedListSingleContainer, lists/auraRelatedListSingleContainer)
  relatedList: 'lst-related-list-single-container, .forceRelatedListSingleContainer',
  /** The card title links to the list's own page, `/lightning/r/<Object>/<id>/related/<RelationshipName>/view`. */
  relatedListHeaderLink: 'a.slds-card__header-link[href*="/related/"]',
  /** UTAM lists/relatedPreviewCard: one record as a tile (title, then `dt`/`dd` pairs). */
  tile: 'lst-related-preview-card',
  tileTitle: '.slds-tile__title',
  tileLabel: 'dt',

  // --- Grids: lightning-datatable (UTAM lightning/datatable; its table template) in list views and related lists
  /** UTAM lists/listViewManager and force/listViewManager: the list view around the grid. */
  listViewManager: 'lst-list-view-manager, .forceListViewManager',
  gridTable: 'table.slds-table',
  /** Body rows carry the record id as `data-row-key-value`; the header row is in `thead`. */
  gridRow: 'tbody tr[data-row-key-value]',
  /** Cells carry their column's label as `data-label` (datatable template; SLDS data table). */
  gridCell: 'th[data-label], td[data-label]',
  recordLink: 'a[href*="/lightning/r/"]',

  // --- Activity composer: Log a Call, New Event and Email open as docked composers
  // (SLDS docked composer inside force:dockingPanel, UTAM force/dockingPanel).
  dockedComposer: '.slds-docked-composer',
  composerTitle: '.slds-docked-composer__header h2',
  composerFooter: '.slds-docked-composer__footer',
  /** The Aura publisher's primary button (Save, Send): `button.slds-button_brand.cuf-publisherShareButton`. */
  publisherButton: '.cuf-publisherShareButton',
  taskField: '[data-target-selection-name^="sfdc:RecordField.Task."]',
  eventField: '[data-target-selection-name^="sfdc:RecordField.Event."]',
  /** The email composer's CKEditor body frame: only its presence is read, never its content. */
  emailBodyFrame: 'iframe.cke_wysiwyg_frame',
  /** SLDS field errors, records-record-edit-error's lists, and alerts (UTAM records/recordEditError, force/dockingPanel). */
  formError: '.slds-has-error, .pageLevelErrors li, .fieldLevelErrors li, .genericNotification, [role="alert"]',

  // --- Record-create modal (UTAM global/recordActionWrapper, records/formFooter, aura/modal)
  modal: '.uiModal, section.slds-modal',
  modalTitle: '.modal-header h2, h2.slds-modal__title',
  recordActionWrapper: '.oneRecordActionWrapper',
  formFooter: 'records-form-footer',
  saveButton: 'lightning-button.save-button',
  /** UTAM force/toastMessage. */
  toast: '.forceToastMessage',
} as const;

/**
 * Record fields by page-layout label (the UI language) and Dynamic Forms API name.
 * TODO [2027-01-15]: per-language labels in one table beside the parse locale table.
 */
export const fields = {
  amount: { labels: ['Amount'], api: ['Opportunity.Amount'] },
  closeDate: { labels: ['Close Date'], api: ['Opportunity.CloseDate'] },
  createdBy: { labels: ['Created By'], api: ['Opportunity.CreatedById'] },
  createdDate: { labels: ['Created Date'], api: ['Opportunity.CreatedDate'] },
  // Opportunities have no standard list price or discount field; orgs add their own.
  listAmount: { labels: ['List Amount', 'List Price'], api: [] },
  discount: { labels: ['Discount'], api: [] },
  email: { labels: ['Email'], api: ['Lead.Email', 'Contact.Email'] },
  company: { labels: ['Company'], api: ['Lead.Company'] },
  accountName: { labels: ['Account Name'], api: ['Contact.AccountId'] },
  title: { labels: ['Title'], api: ['Lead.Title', 'Contact.Title'] },
} as const satisfies Record<string, { labels: readonly string[]; api: readonly string[] }>;

/** Column labels of grids and tiles (UI language). TODO [2027-01-15]: with the locale table. */
const columns = {
  stage: ['Stage'],
  amount: ['Amount'],
  closeDate: ['Close Date'],
  lastModified: ['Last Modified', 'Last Modified Date'],
  lastModifiedBy: ['Last Modified By'],
} as const;

/**
 * Words the page shows in the user's language.
 * TODO [2027-01-15]: add languages with the locale table.
 */
const labels = {
  you: ['You'],
  closedWon: ['Closed Won'],
  closedLost: ['Closed Lost'],
  logACall: ['Log a Call'],
  newLead: ['New Lead'],
  newOpportunity: ['New Opportunity'],
  subject: ['Subject'],
} as const;

const has = (list: readonly string[], value: string) => list.includes(value);

const timelineTypes: readonly (readonly [string, VisibleActivityType])[] = [
  ['slds-timeline__item_call', 'call'],
  ['slds-timeline__item_email', 'email'],
  ['slds-timeline__item_event', 'meeting'],
  ['slds-timeline__item_task', 'task'],
];

/** Record-id key prefixes (SITES.md), for links that leave the object out (`/lightning/r/<id>/view`). */
const KEY_PREFIXES: Record<string, string> = {
  '006': 'Opportunity',
  '00Q': 'Lead',
  '003': 'Contact',
  '001': 'Account',
  '00T': 'Task',
  '00U': 'Event',
};

// ---------------------------------------------------------------------------
// URL detectors, each beside the URLs it must match. tests/sites/salesforce.test.ts
// runs every detector over every URL here: listed ones must match, all others must not.

/** 15-char case-sensitive or 18-char case-safe record id. */
const RECORD_ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?';
const RECORD_VIEW = new RegExp(`^/lightning/r/(\\w+)/(${RECORD_ID})/view/?$`);
const LIST_VIEW = /^\/lightning\/o\/(\w+)\/list\/?$/;
const RECORD_CREATE = /^\/lightning\/o\/(Lead|Opportunity)\/new\/?$/;

const lightningHost = (url: URL) => url.protocol === 'https:' && url.hostname.endsWith('.lightning.force.com');
const sobjectOf = (url: URL) => (lightningHost(url) ? RECORD_VIEW.exec(url.pathname)?.[1] : undefined);
const isRecord = (url: URL) => sobjectOf(url) !== undefined;
const isOpportunityRecord = (url: URL) => sobjectOf(url) === 'Opportunity';
const isPersonRecord = (url: URL) => sobjectOf(url) === 'Lead' || sobjectOf(url) === 'Contact';
const isAccountRecord = (url: URL) => sobjectOf(url) === 'Account';
const isListView = (url: URL) => lightningHost(url) && LIST_VIEW.test(url.pathname);
const isOpportunityListView = (url: URL) => lightningHost(url) && LIST_VIEW.exec(url.pathname)?.[1] === 'Opportunity';
const isRecordCreate = (url: URL) => lightningHost(url) && RECORD_CREATE.test(url.pathname);

const origin = 'https://acme.lightning.force.com';
const opportunityRecordUrls = [
  `${origin}/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view`,
  `${origin}/lightning/r/Opportunity/0065e00000Gq7TZ/view`,
  // Sandbox My Domain; console apps add the workspace in `ws`.
  'https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/0065e00000Jb4RkAAJ/view?ws=%2Flightning%2Fr%2FAccount%2F0015e00000Ab1CdAAJ%2Fview',
];
const personRecordUrls = [
  `${origin}/lightning/r/Lead/00Q5e00000Rb7NqEAJ/view`,
  `${origin}/lightning/r/Contact/0035e00000Tz4HcAAJ/view`,
  `${origin}/lightning/r/Contact/0035e00000Tz4Hc/view/`,
];
const accountRecordUrls = [`${origin}/lightning/r/Account/0015e00000Ab1CdAAJ/view`];
const opportunityListUrls = [
  `${origin}/lightning/o/Opportunity/list?filterName=Recent`,
  `${origin}/lightning/o/Opportunity/list?filterName=00B5e00000AbCdEEAZ`,
];
const recordCreateUrls = [
  // "New" on a list view: the modal's URL, with the page behind it in backgroundContext.
  `${origin}/lightning/o/Lead/new?count=1&nooverride=1&useRecordTypeCheck=1&navigationLocation=LIST_VIEW&backgroundContext=%2Flightning%2Fo%2FLead%2Flist%3FfilterName%3DRecent`,
  `${origin}/lightning/o/Opportunity/new?count=1&nooverride=1&navigationLocation=RELATED_LIST`,
];

export const examples = {
  lightningHost: [
    ...opportunityRecordUrls,
    ...personRecordUrls,
    ...accountRecordUrls,
    `${origin}/lightning/r/Invoice__c/a015e00000Xy9ZqAAB/view`,
    ...opportunityListUrls,
    `${origin}/lightning/o/Account/list`,
    ...recordCreateUrls,
    `${origin}/lightning/o/Contact/new`,
    `${origin}/lightning/page/home`,
    `${origin}/lightning/o/Opportunity/home`,
    `${origin}/lightning/r/Opportunity/0065e00000Gq7TZAAZ/related/OpportunityContactRoles/view`,
    `${origin}/lightning/r/Opportunity/0065e00000Gq7TZAAZ1/view`,
    `${origin}/lightning/setup/SetupOneHome/home`,
  ],
  record: [
    ...opportunityRecordUrls,
    ...personRecordUrls,
    ...accountRecordUrls,
    `${origin}/lightning/r/Invoice__c/a015e00000Xy9ZqAAB/view`,
  ],
  opportunityRecord: opportunityRecordUrls,
  personRecord: personRecordUrls,
  accountRecord: accountRecordUrls,
  listView: [...opportunityListUrls, `${origin}/lightning/o/Account/list`],
  opportunityListView: opportunityListUrls,
  recordCreate: recordCreateUrls,
  /** Matched by no detector: other hosts, classic pages, look-alikes. */
  none: [
    'https://acme.my.salesforce.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view',
    'https://acme.my.salesforce.com/0065e00000Gq7TZ',
    'https://login.salesforce.com/',
    'http://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view',
    'https://lightning.force.com.example.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view',
    'https://example.com/?next=acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view',
  ],
} as const;

export const detectors = {
  lightningHost,
  record: isRecord,
  opportunityRecord: isOpportunityRecord,
  personRecord: isPersonRecord,
  accountRecord: isAccountRecord,
  listView: isListView,
  opportunityListView: isOpportunityListView,
  recordCreate: isRecordCreate,
} satisfies Record<Exclude<keyof typeof examples, 'none'>, (url: URL) => boolean>;

/** The record id as the URL shows it (15 or 18 chars), or null off a record page. */
export function recordIdFromUrl(url: URL): string | null {
  return isRecord(url) ? (RECORD_VIEW.exec(url.pathname)?.[2] ?? null) : null;
}

/** The object and case-safe id of the record page `url` shows, or null. */
function recordOfUrl(url: URL): { sobject: string; id: string } | null {
  const m = lightningHost(url) ? RECORD_VIEW.exec(url.pathname) : null;
  return m?.[1] && m[2] ? { sobject: m[1], id: caseSafeId(m[2]) } : null;
}

/**
 * The case-safe 18-char form of a record id, so a 15-char link and the 18-char
 * URL Lightning normally shows give the same deal. Salesforce's checksum: one
 * char per 5-char chunk, each bit set where that chunk has an uppercase letter.
 */
export function caseSafeId(id: string): string {
  if (id.length !== 15) return id;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += alphabet.charAt(bits);
  }
  return id + suffix;
}

const recordUrl = (base: string, sobject: string, id: string) => `${base}/lightning/r/${sobject}/${id}/view`;

/** `/lightning/r/<Object>/<id>/view` or the short `/lightning/r/<id>/view` lookups use. */
const RECORD_HREF = new RegExp(`/lightning/r/(?:(\\w+)/)?(${RECORD_ID})/view(?:[/?#]|$)`);

function hrefRecord(link: Element | null | undefined): { sobject: string; id: string } | null {
  const match = RECORD_HREF.exec(link?.getAttribute('href') ?? '');
  if (!match?.[2]) return null;
  const sobject = match[1] ?? KEY_PREFIXES[match[2].slice(0, 3)];
  return sobject ? { sobject, id: caseSafeId(match[2]) } : null;
}

// ---------------------------------------------------------------------------
// Shared reading helpers

/** The stage items of the LWC Path, else of the Aura Path, in order. */
function pathItems(doc: Document): Element[] {
  const lwcPath = byLocalName(doc, tags.path)[0];
  if (lwcPath) {
    return byLocalName(lwcPath, tags.pathStep).map(step =>
      step.classList.contains('slds-path__item') ? step : (deepQuery(step, selectors.pathItem) ?? step),
    );
  }
  return deepQueryAll(doc, selectors.pathItemAura);
}

/**
 * The element that shows the Path (LWC host, or the SLDS `.slds-path` around the
 * Aura stages), for UI placed beside it (the stage timer). Undefined when absent.
 */
export function findPathElement(doc: Document): Element | undefined {
  const lwcPath = byLocalName(doc, tags.path)[0];
  if (lwcPath) return lwcPath;
  const auraItem = deepQueryAll(doc, selectors.pathItemAura)[0];
  return auraItem ? (auraItem.closest('.slds-path') ?? auraItem.parentElement ?? auraItem) : undefined;
}

function stageTitle(item: Element): string {
  const title = deepQuery(item, selectors.pathTitle);
  return title?.getAttribute('data-label')?.trim() || text(title) || (item.getAttribute('data-name')?.trim() ?? '');
}

/** Won or lost from the stage name, for rows that show no Path. */
const statusOfStage = (stage: string): DealStatus =>
  has(labels.closedWon, stage) ? 'won' : has(labels.closedLost, stage) ? 'lost' : 'open';

function statusOf(item: Element, stage: string): DealStatus {
  if (item.classList.contains('slds-is-won')) return 'won';
  if (item.classList.contains('slds-is-lost')) return 'lost';
  return statusOfStage(stage);
}

function recordName(doc: Document): string {
  for (const header of deepQueryAll(doc, selectors.highlights)) {
    const name = deepText(deepQuery(header, selectors.primaryField));
    if (name) return name;
  }
  return '';
}

type FieldSpec = { readonly labels: readonly string[]; readonly api: readonly string[] };

/**
 * The element showing a field's value: page layout, then Dynamic Forms, then the
 * header's compact-layout fields. Null when the page shows none of them.
 */
function fieldValue(doc: Document, spec: FieldSpec): Element | null {
  for (const label of spec.labels) {
    for (const item of deepQueryAll(doc, `records-record-layout-item[field-label="${label}"]`)) {
      const out = deepQuery(item, selectors.layoutOutput);
      if (out) return out;
    }
  }
  for (const api of spec.api) {
    for (const field of deepQueryAll(doc, `[data-target-selection-name="sfdc:RecordField.${api}"]`)) {
      const value = deepQuery(field, selectors.dynamicValue);
      if (value) return value;
    }
  }
  for (const item of deepQueryAll(doc, selectors.highlightsDetail)) {
    const label = deepQuery(item, selectors.highlightsDetailLabel);
    if (label && has(spec.labels, deepText(label)) && label.nextElementSibling) return label.nextElementSibling;
  }
  return null;
}

/** A field's displayed text; null when the field is not on the page, '' when it is blank. */
function fieldText(doc: Document, spec: FieldSpec): string | null {
  const value = fieldValue(doc, spec);
  return value ? deepText(value) : null;
}

/** An `<input>`'s current value (what the rep typed), else its value attribute. */
function inputValue(el: Element | null | undefined): string {
  if (!el) return '';
  const live = (el as HTMLInputElement).value;
  return (typeof live === 'string' ? live : (el.getAttribute('value') ?? '')).replace(/\s+/g, ' ').trim();
}

/** "Riley Moss, 11/3/2026, 9:14 AM" (a user, then when): the date-time after the name. */
function dateTimeAfterName(value: string, now: Date, opts: DateOptions): string | null {
  const parts = value.split(', ');
  for (let i = 0; i < parts.length; i++) {
    const at = parseDateTime(parts.slice(i).join(', '), now, opts);
    if (at) return at;
  }
  return null;
}

/** Slashed-date order evidence from every date the page shows (see `dateOrderEvidence`). */
function pageDateOptions(doc: Document): DateOptions {
  const texts = [
    selectors.timelineDate,
    selectors.layoutOutput,
    selectors.dynamicValue,
    selectors.gridCell,
    'dd',
  ].flatMap(sel => deepQueryAll(doc, sel).map(el => deepText(el)));
  const order = dateOrderEvidence(texts);
  return order ? { order } : {};
}

function readActivity(item: Element, now: Date, opts: DateOptions): VisibleActivity | null {
  const type = timelineTypes.find(([cls]) => item.classList.contains(cls))?.[1];
  if (!type) return null;
  const activity: VisibleActivity = {
    type,
    subject: text(deepQuery(item, selectors.timelineSubject)),
    dateText: text(deepQuery(item, selectors.timelineDate)),
    byMe: false,
  };
  const linked = hrefRecord(deepQuery(item, selectors.timelineSubjectLink));
  if (linked && (linked.sobject === 'Task' || linked.sobject === 'Event')) activity.crmId = linked.id;
  const at = parseDateTime(activity.dateText, now, opts);
  if (at) activity.at = at;

  // "<a>You</a> logged a call with <a>Adam Chan</a>": the first link is who did it, the second who it was with.
  const summary = deepQuery(item, selectors.timelineSummary);
  const links = summary ? [...summary.querySelectorAll('a')] : [];
  const actor = links[0];
  activity.byMe = !!actor && has(labels.you, text(actor)) && text(summary).startsWith(text(actor));
  const other = links[1];
  if (other && text(other)) {
    const person: PersonRef = { name: text(other) };
    const record = hrefRecord(other);
    // The same key as person pages and actions use: `salesforce:<recordId>`.
    if (record) person.crmId = `salesforce:${record.id}`;
    activity.person = person;
  }
  return activity;
}

/**
 * Rows of the UTAM timeline containers, or of the whole page when those wrappers are
 * absent. Rows under "Upcoming & Overdue" are not done yet: they are marked planned.
 */
function readTimeline(doc: Document, now: Date, opts: DateOptions): { found: boolean; activities: VisibleActivity[] } {
  const upcoming = deepQueryAll(doc, selectors.upcomingActivities);
  const past = deepQueryAll(doc, selectors.pastActivities);
  const read = (items: Element[], planned: boolean) =>
    items
      .map(i => readActivity(i, now, opts))
      .filter((a): a is VisibleActivity => a !== null)
      .map(a => (planned ? { ...a, planned: true } : a));
  if (upcoming.length || past.length) {
    const activities = [
      ...read(upcoming.flatMap(c => deepQueryAll(c, selectors.timelineItem)), true),
      ...read(past.flatMap(c => deepQueryAll(c, selectors.timelineItem)), false),
    ];
    return { found: true, activities };
  }
  // Without the containers, which rows are still to come is not shown.
  const items = deepQueryAll(doc, selectors.timelineItem);
  return { found: items.length > 0, activities: read(items, false) };
}

// ---------------------------------------------------------------------------
// Related lists and grids

/** One record row of a grid or tile list: its cells by column label, and its record link. */
interface ListRow {
  cells: Map<string, Element>;
  links: Element[];
  /** The tile's title (tiles name the record there, not in a labelled cell). */
  title?: Element;
}

function gridRows(root: ParentNode): ListRow[] {
  return deepQueryAll(root, selectors.gridRow).map(tr => {
    const cells = new Map<string, Element>();
    for (const cell of tr.children) {
      const label = cell.matches(selectors.gridCell) ? cell.getAttribute('data-label')?.trim() : undefined;
      if (label && !cells.has(label)) cells.set(label, cell);
    }
    return { cells, links: deepQueryAll(tr, selectors.recordLink) };
  });
}

function tileRows(root: ParentNode): ListRow[] {
  return deepQueryAll(root, selectors.tile).map(card => {
    const cells = new Map<string, Element>();
    for (const dt of deepQueryAll(card, selectors.tileLabel)) {
      // SLDS tiles label fields "Stage:" (with a colon); the title attribute has none.
      const label = (dt.getAttribute('title') ?? deepText(dt)).replace(/\s*:$/, '').trim();
      const dd = dt.nextElementSibling;
      if (label && dd?.localName === 'dd' && !cells.has(label)) cells.set(label, dd);
    }
    const title = deepQuery(card, selectors.tileTitle) ?? undefined;
    return { cells, links: title ? deepQueryAll(title, selectors.recordLink) : [], ...(title ? { title } : {}) };
  });
}

const cellOf = (row: ListRow, names: readonly string[]) => names.map(n => row.cells.get(n)).find(Boolean);

/** The page's related lists with the relationship each one's title links to ("Opportunities", "OpportunityHistories"). */
function relatedLists(doc: Document): { name: string; container: Element; header: Element }[] {
  const found: { name: string; container: Element; header: Element }[] = [];
  for (const container of deepQueryAll(doc, selectors.relatedList)) {
    const header = deepQuery(container, selectors.relatedListHeaderLink);
    const name = /\/related\/(\w+)\/view/.exec(header?.getAttribute('href') ?? '')?.[1];
    if (header && name) found.push({ name, container, header });
  }
  return found;
}

/** "(3)" in a related list title: that many records in all; "(6+)": more than the list shows. */
function relatedListTotal(header: Element): { count: number; more: boolean } | null {
  const m = /\((\d+)(\+)?\)\s*$/.exec(deepText(header));
  return m ? { count: Number(m[1]), more: !!m[2] } : null;
}

/**
 * A grid or tile row as a deal: name and id from its Opportunity link, stage,
 * amount and close date from the labelled cells. Null when the row has no
 * Opportunity link; 'no stage' when its stage is not shown.
 */
function dealFromRow(row: ListRow, base: string, now: Date, opts: DateOptions): DealObservation | 'no stage' | null {
  const link = row.links.find(a => hrefRecord(a)?.sobject === 'Opportunity');
  const record = hrefRecord(link);
  if (!link || !record) return null;
  const name = deepText(link) || link.getAttribute('title')?.trim() || '';
  if (!name) return null;
  const stage = deepText(cellOf(row, columns.stage));
  if (!stage) return 'no stage';
  const amountCell = cellOf(row, columns.amount);
  const parsed = amountCell ? parseAmount(deepText(amountCell)) : null;
  const closeCell = cellOf(row, columns.closeDate);
  const closeDate = closeCell ? parseDate(deepText(closeCell), now, opts) : null;
  return {
    id: `salesforce:${record.id}`,
    name,
    stage,
    amount: parsed?.amount ?? null,
    currency: parsed?.currency ?? null,
    ...(closeDate ? { closeDate } : {}),
    status: statusOfStage(stage),
    url: recordUrl(base, 'Opportunity', record.id),
  };
}

function dealRows(rows: ListRow[], base: string, now: Date, opts: DateOptions): { deals: DealObservation[]; absent: string[] } {
  const deals: DealObservation[] = [];
  let noStage = false;
  for (const row of rows) {
    const deal = dealFromRow(row, base, now, opts);
    if (deal === 'no stage') noStage = true;
    else if (deal) deals.push(deal);
  }
  return { deals, absent: noStage ? ['Stage column'] : [] };
}

// ---------------------------------------------------------------------------
// Page readers

type StageHistory = { stage: string; enteredAt: string }[];

/**
 * The Stage History related list (OpportunityHistory: one row per change of stage,
 * amount, probability or close date) as the stages entered, oldest first. A run of
 * rows with the same stage counts from its first row. When the list shows fewer rows
 * than exist, its oldest run may have started earlier, so it is left out.
 */
function readStageHistory(doc: Document, now: Date, opts: DateOptions): { history: StageHistory } | { unreadable: string } | null {
  const list = relatedLists(doc).find(l => l.name === 'OpportunityHistories');
  if (!list) return null;
  const rows = [...gridRows(list.container), ...tileRows(list.container)];
  const changes: { stage: string; at: string }[] = [];
  for (const row of rows) {
    const stage = deepText(cellOf(row, columns.stage));
    const when = cellOf(row, columns.lastModified);
    const by = cellOf(row, columns.lastModifiedBy);
    const at = when ? parseDateTime(deepText(when), now, opts) : by ? dateTimeAfterName(deepText(by), now, opts) : null;
    if (!stage) return { unreadable: 'Stage History stage' };
    if (!at) return { unreadable: 'Stage History date' };
    changes.push({ stage, at });
  }
  changes.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const runs: StageHistory = [];
  for (const c of changes) if (runs[runs.length - 1]?.stage !== c.stage) runs.push({ stage: c.stage, enteredAt: c.at });
  const total = relatedListTotal(list.header);
  const complete = total !== null && !total.more && total.count === rows.length;
  return { history: complete ? runs : runs.slice(1) };
}

export function readOpportunity(doc: Document, url: URL, now: Date = new Date()): PageReading {
  const record = recordOfUrl(url);
  if (!record || record.sobject !== 'Opportunity') return { kind: 'unknown', health: missing('opportunity record URL') };

  const name = recordName(doc);
  const items = pathItems(doc);
  const current = items.find(item => item.classList.contains('slds-is-current'));
  const absent: string[] = [];
  if (!name) absent.push('record name');
  if (items.length === 0) absent.push('Path');
  else if (!current) absent.push('Path current stage');
  // Name and stage are what a deal is: without them, report and record nothing rather than guess.
  if (absent.length || !current) return { kind: 'unknown', health: missing(...absent) };

  const opts = pageDateOptions(doc);
  const stage = stageTitle(current);
  // Amount and Close Date are optional on a layout: absent or unreadable means unknown, never 0.
  const amountText = fieldText(doc, fields.amount);
  const parsed = amountText ? parseAmount(amountText) : null;
  const closeText = fieldText(doc, fields.closeDate);
  const closeDate = closeText ? parseDate(closeText, now, opts) : null;
  const createdAt = readCreatedAt(doc, now, opts);
  const listText = fieldText(doc, fields.listAmount);
  const listAmount = listText ? (parseAmount(listText)?.amount ?? null) : null;
  const discountText = fieldText(doc, fields.discount);
  const discount =
    (discountText ? parseDiscount(discountText) : null) ??
    (listAmount !== null && parsed ? discountFromAmounts(listAmount, parsed.amount) : null);

  const timeline = readTimeline(doc, now, opts);
  const health: string[] = [];
  // An empty timeline still renders its containers; no containers and no rows
  // means the timeline is not on the page (or not loaded), which health reports.
  if (!timeline.found) health.push('activity timeline');
  const stageHistory = readStageHistory(doc, now, opts);
  if (stageHistory && 'unreadable' in stageHistory) health.push(stageHistory.unreadable);
  const history = stageHistory && 'history' in stageHistory ? stageHistory.history : undefined;
  const last = history?.[history.length - 1];
  const stageEnteredAt = last?.stage === stage ? last.enteredAt : undefined;

  return {
    kind: 'deal',
    deal: {
      id: `salesforce:${record.id}`,
      name,
      stage,
      amount: parsed?.amount ?? null,
      currency: parsed?.currency ?? null,
      ...(closeDate ? { closeDate } : {}),
      ...(createdAt ? { createdAt } : {}),
      ...(listAmount !== null ? { listAmount } : {}),
      ...(discount !== null ? { discount } : {}),
      ...(stageEnteredAt ? { stageEnteredAt } : {}),
      status: statusOf(current, stage),
      url: recordUrl(url.origin, 'Opportunity', record.id),
    },
    stages: items.map(stageTitle),
    ...(history ? { stageHistory: history } : {}),
    activities: timeline.activities,
    health: health.length ? missing(...health) : healthy,
  };
}

/** Created By ("Riley Moss, 11/3/2026, 9:14 AM", UTAM records/modstamp) or Created Date, as ISO UTC. */
function readCreatedAt(doc: Document, now: Date, opts: DateOptions): string | null {
  const by = fieldValue(doc, fields.createdBy);
  if (by) {
    const stamp = deepQuery(by, selectors.modstamp);
    const dateEl = stamp ? deepQuery(stamp, 'lightning-formatted-text') : null;
    const at = dateEl ? parseDateTime(deepText(dateEl), now, opts) : dateTimeAfterName(deepText(by), now, opts);
    if (at) return at;
  }
  const date = fieldText(doc, fields.createdDate);
  return date ? parseDateTime(date, now, opts) : null;
}

/** The first LinkedIn profile any field on the record links to or shows, canonical. */
function readLinkedIn(doc: Document): string | null {
  const values = [
    ...deepQueryAll(doc, selectors.layoutOutput),
    ...deepQueryAll(doc, selectors.dynamicValue),
    ...deepQueryAll(doc, selectors.highlightsDetail),
  ];
  for (const value of values) {
    for (const a of deepQueryAll(value, 'a[href]')) {
      const url = parseLinkedInProfileUrl(a.getAttribute('href') ?? '');
      if (url) return url;
    }
    const url = parseLinkedInProfileUrl(deepText(value));
    if (url) return url;
  }
  return null;
}

function readEmail(doc: Document): string | null {
  const value = fieldValue(doc, fields.email);
  if (!value) return null;
  const link = deepQuery(value, selectors.mailto);
  const raw = link ? decodeURIComponent((link.getAttribute('href') ?? '').slice('mailto:'.length).split('?')[0] ?? '') : deepText(value);
  const email = raw.trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

export function readPerson(doc: Document, url: URL, now: Date = new Date()): PageReading {
  const record = recordOfUrl(url);
  if (!record || (record.sobject !== 'Lead' && record.sobject !== 'Contact')) {
    return { kind: 'unknown', health: missing('lead or contact record URL') };
  }
  const name = recordName(doc);
  if (!name) return { kind: 'unknown', health: missing('record name') };

  const opts = pageDateOptions(doc);
  const recordType = record.sobject === 'Lead' ? 'lead' : 'contact';
  const email = readEmail(doc);
  const company = fieldText(doc, recordType === 'lead' ? fields.company : fields.accountName);
  const title = fieldText(doc, fields.title);
  const linkedinUrl = readLinkedIn(doc);
  const person: PersonReading = {
    name,
    ...(email ? { email } : {}),
    ...(company ? { company } : {}),
    ...(title ? { title } : {}),
    ...(linkedinUrl ? { linkedinUrl } : {}),
    crmId: `salesforce:${record.id}`,
    recordType,
    url: recordUrl(url.origin, record.sobject, record.id),
  };
  const timeline = readTimeline(doc, now, opts);
  return {
    kind: 'person',
    person,
    activities: timeline.activities,
    health: timeline.found ? healthy : missing('activity timeline'),
  };
}

/** An Account page: the deals in its Opportunities related list (grid or tiles). */
export function readAccount(doc: Document, url: URL, now: Date = new Date()): PageReading {
  const list = relatedLists(doc).find(l => l.name === 'Opportunities');
  if (!list) return { kind: 'unknown', health: missing('Opportunities related list') };
  const opts = pageDateOptions(doc);
  const { deals, absent } = dealRows([...gridRows(list.container), ...tileRows(list.container)], url.origin, now, opts);
  return { kind: 'list', rows: deals, health: absent.length ? missing(...absent) : healthy };
}

/** An Opportunity list view: one deal per grid row. */
export function readListView(doc: Document, url: URL, now: Date = new Date()): PageReading {
  const managers = deepQueryAll(doc, selectors.listViewManager);
  const scopes: ParentNode[] = managers.length ? managers : [doc];
  if (!scopes.some(s => deepQuery(s, selectors.gridTable))) return { kind: 'unknown', health: missing('list view table') };
  const opts = pageDateOptions(doc);
  const { deals, absent } = dealRows(scopes.flatMap(gridRows), url.origin, now, opts);
  return { kind: 'list', rows: deals, health: absent.length ? missing(...absent) : healthy };
}

export function read(doc: Document, url: URL, now: Date = new Date()): PageReading {
  if (isOpportunityRecord(url)) return readOpportunity(doc, url, now);
  if (isPersonRecord(url)) return readPerson(doc, url, now);
  if (isAccountRecord(url)) return readAccount(doc, url, now);
  if (isOpportunityListView(url)) return readListView(doc, url, now);
  return { kind: 'unknown', health: missing('supported page URL') };
}

// ---------------------------------------------------------------------------
// The rep's own actions: read at the click, confirmed from what the page shows next.

/** Error text or error state inside a form (a live region with no text is no error). */
function showsError(root: Element): boolean {
  return deepQueryAll(root, selectors.formError).some(el => el.classList.contains('slds-has-error') || deepText(el) !== '');
}

/** The deal or person the page is about, from its URL: what an activity logged on it belongs to. */
function actionContext(doc: Document, url: URL): Pick<RepAction, 'recordKey' | 'deal' | 'person'> {
  const record = recordOfUrl(url);
  if (!record) return {};
  const key = `salesforce:${record.id}`;
  const name = recordName(doc);
  if (record.sobject === 'Opportunity') {
    const deal: DealRef = { id: key, ...(name ? { name } : {}) };
    return { recordKey: key, deal };
  }
  if (record.sobject === 'Lead' || record.sobject === 'Contact') {
    const profileUrl = readLinkedIn(doc);
    const person: PersonRef = { ...(name ? { name } : {}), ...(profileUrl ? { profileUrl } : {}), crmId: key };
    return { recordKey: key, person };
  }
  return {};
}

type ComposerKind = 'call' | 'meeting' | 'email';

function composerKind(composer: Element): ComposerKind | null {
  if (deepQuery(composer, selectors.emailBodyFrame)) return 'email';
  if (deepQuery(composer, selectors.eventField)) return 'meeting';
  const title = deepQuery(composer, selectors.composerTitle);
  const titleText = title?.getAttribute('title')?.trim() || deepText(title);
  // Log a Call and New Task are both Task forms: only the composer's title tells them apart.
  if (deepQuery(composer, selectors.taskField) && has(labels.logACall, titleText)) return 'call';
  return null;
}

/** The inputs inside a composer field, found by the field's API name (language-independent). */
function fieldInputs(root: Element, apiName: string): Element[] {
  return deepQueryAll(root, `[data-target-selection-name="sfdc:RecordField.${apiName}"]`).flatMap(f =>
    deepQueryAll(f, 'input'),
  );
}

function subjectInput(composer: Element, kind: ComposerKind): Element | null {
  const byApi = kind === 'call' ? fieldInputs(composer, 'Task.Subject') : kind === 'meeting' ? fieldInputs(composer, 'Event.Subject') : [];
  if (byApi[0]) return byApi[0];
  for (const label of labels.subject) {
    const input = deepQuery(composer, `input[aria-label="${label}"]`);
    if (input) return input;
  }
  return null;
}

/** When the composer says the activity happened: the call's date (unless today), the event's start. */
function composerAt(composer: Element, kind: ComposerKind, now: Date, opts: DateOptions): string | undefined {
  if (kind === 'meeting') {
    const start = fieldInputs(composer, 'Event.StartDateTime').map(i => inputValue(i)).filter(Boolean).join(' ');
    return (start && parseDateTime(start, now, opts)) || undefined;
  }
  if (kind === 'call') {
    const day = inputValue(fieldInputs(composer, 'Task.ActivityDate')[0]);
    const date = day ? parseDate(day, now, opts) : null;
    // A call logged for today happened about when Save was clicked; the click time is closer than midnight.
    if (!date || date === parseDate('today', now)) return undefined;
    return parseDateTime(date, now) ?? undefined;
  }
  return undefined;
}

const ACTION_TYPES = { call: 'call', meeting: 'meeting', email: 'email' } as const;

/** Save in Log a Call / New Event, Send in Email: the docked composer's primary button. */
function composerAction(button: Element, doc: Document, url: URL, now: Date): RepAction | undefined {
  const composer = closestDeep(button, selectors.dockedComposer);
  if (!composer) return undefined;
  const primary =
    button.matches(selectors.publisherButton) ||
    (!!closestDeep(button, selectors.composerFooter) && /\bslds-button(_|--)brand\b/.test(button.className));
  if (!primary) return undefined;
  const kind = composerKind(composer);
  if (!kind) return undefined;

  const opts = pageDateOptions(doc);
  const input = subjectInput(composer, kind);
  const subject = inputValue(input);
  const at = composerAt(composer, kind, now, opts);
  return {
    type: ACTION_TYPES[kind],
    ...actionContext(doc, url),
    ...(subject ? { subject } : {}),
    ...(at ? { at } : {}),
    confirm(): ActionOutcome {
      // Lightning closes the docked composer after saving, or clears it for the next one.
      if (!composer.isConnected) return { status: 'saved' };
      if (showsError(composer)) return { status: 'failed' };
      const current = subjectInput(composer, kind);
      if (subject && current && inputValue(current) === '') return { status: 'saved' };
      return { status: 'pending' };
    },
  };
}

/** A modal still on screen: connected, and for Aura's ui:modal still `open`. */
function modalShown(modal: Element): boolean {
  if (!modal.isConnected) return false;
  return !modal.classList.contains('uiModal') || modal.classList.contains('open');
}

/** Which object a record-create modal creates: from the `/lightning/o/<Object>/new` URL, else its title. */
function createdObject(modal: Element, url: URL): 'Lead' | 'Opportunity' | null {
  const fromUrl = lightningHost(url) ? RECORD_CREATE.exec(url.pathname)?.[1] : undefined;
  if (fromUrl === 'Lead' || fromUrl === 'Opportunity') return fromUrl;
  const title = deepText(deepQuery(modal, selectors.modalTitle));
  if (has(labels.newLead, title)) return 'Lead';
  if (has(labels.newOpportunity, title)) return 'Opportunity';
  return null;
}

/** Save in a "New Lead" / "New Opportunity" record-create modal. */
function createAction(button: Element, url: URL): RepAction | undefined {
  if (!closestDeep(button, selectors.saveButton) || !closestDeep(button, selectors.formFooter)) return undefined;
  const modal = closestDeep(button, selectors.modal);
  if (!modal) return undefined;
  const sobject = createdObject(modal, url);
  if (!sobject) return undefined;
  const before = recordOfUrl(url)?.id;
  return {
    // Leads and deals the rep creates both count as new business opened (issue #3).
    type: 'lead_created',
    confirm(doc: Document, after: URL): ActionOutcome {
      if (modalShown(modal)) return showsError(modal) ? { status: 'failed' } : { status: 'pending' };
      // Lightning opens the new record's page after saving…
      const opened = recordOfUrl(after);
      if (opened?.sobject === sobject && opened.id !== before) return { status: 'saved', recordId: opened.id };
      // …or, from a related list, stays on the page and names the new record in a toast.
      for (const toast of deepQueryAll(doc, selectors.toast)) {
        for (const link of deepQueryAll(toast, 'a[href]')) {
          const created = hrefRecord(link);
          if (created?.sobject === sobject) return { status: 'saved', recordId: created.id };
        }
      }
      // Closed without a new record to show (Cancel, or not known yet): nothing to record.
      return { status: 'pending' };
    },
  };
}

/**
 * What a click means, read at the click: Save in Log a Call, Save in New Event,
 * Send in the email composer, Save in a New Lead / New Opportunity modal. Stage
 * changes are not actions: they come from comparing readings.
 */
export function actionFor(target: Element, doc: Document, url: URL, now: Date = new Date()): RepAction | undefined {
  const button = closestDeep(target, 'button');
  if (!button) return undefined;
  return composerAction(button, doc, url, now) ?? createAction(button, url);
}

export const salesforce: SiteAdapter = {
  id: 'salesforce',
  label: 'Salesforce',
  matches: lightningHost,
  read,
  actionFor,
  timerAnchor: findPathElement,
  anchors: anchorsOf(selectors, {
    // Every date the page shows is evidence of the org's date order (`pageDateOptions`).
    regions: ['dd'],
    tags: [tags.path, tags.pathStep],
    classes: ['slds-is-current', 'slds-is-won', 'slds-is-lost', 'slds-has-error'],
  }),
};
