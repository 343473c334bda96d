// Salesforce Lightning Experience: URL detectors, selectors and a pure reader
// for Opportunity record pages. Pure: no WXT, no browser API.
// Anchors come from Salesforce's own UTAM page objects and SLDS markup
// (see /work/shared/SITES.md and tests/fixtures/README.md).
import type { DealStatus, PersonRef } from '../model';
import { byLocalName, deepQuery, deepQueryAll, text } from './dom';
import { parseAmount, parseDateOnly, parseSfDateTime } from './parse';
import { healthy, missing } from './types';
import type { Health, PageReading, SiteAdapter, VisibleActivity, VisibleActivityType } from './types';

/**
 * Component tags containing `_`. happy-dom 21 rejects them as CSS type
 * selectors, so they are matched by `localName` (see `byLocalName`).
 */
export const tags = {
  /** UTAM runtime_sales/path: the LWC Path root. */
  path: 'runtime_sales_pathassistant-path',
  /** UTAM runtime_sales/pathStep: one stage; its state classes are read from it or the `.slds-path__item` inside. */
  pathStep: 'runtime_sales_pathassistant-path-step',
} as const;

export const selectors = {
  /** UTAM records/highlights2: the record header. */
  highlights: 'records-highlights2',
  /** UTAM records/highlights2 primaryFieldContent: the record name, slotted into the header. */
  primaryField: '[slot="primaryField"]',
  /** UTAM runtime_sales/pathAssistantTabSet allTabs: the Aura Path, one `li` per stage. */
  pathItemAura: 'li.slds-path__item.runtime_sales_pathassistantPathAssistantTab[data-name]',
  /** SLDS Path stage (inside an LWC path step, or the step itself). */
  pathItem: '.slds-path__item',
  /** SLDS Path stage link: counted in tests as a second witness of the stage list. */
  pathLink: 'a.slds-path__link[role="option"]',
  /** SLDS stage label; the LWC form also carries `data-label` (UTAM pathStep getLabel). */
  pathTitle: '.slds-path__title',
  // Page-layout fields (UTAM records/recordLayoutItem). `field-label` is the UI
  // label, so it follows the user's language.
  // TODO [2027-01-15]: per-language labels in one table beside the parse locale table.
  layoutAmount: 'records-record-layout-item[field-label="Amount"]',
  layoutCloseDate: 'records-record-layout-item[field-label="Close Date"]',
  layoutOutput: '[slot="outputField"]',
  // Dynamic Forms fields (UTAM record_flexipage/recordField): keyed by API name, language-independent.
  dynamicAmount: '[data-target-selection-name="sfdc:RecordField.Opportunity.Amount"]',
  dynamicCloseDate: '[data-target-selection-name="sfdc:RecordField.Opportunity.CloseDate"]',
  dynamicValue: '.test-id__field-value',
  /** UTAM activities/activityTimelineFixedLayout upcomingActivities. */
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
} as const;

/**
 * Words the page shows in the user's language.
 * TODO [2027-01-15]: add languages with the locale table.
 */
const labels = {
  you: ['You'],
  closedWon: ['Closed Won'],
  closedLost: ['Closed Lost'],
} as const;

const timelineTypes: readonly (readonly [string, VisibleActivityType])[] = [
  ['slds-timeline__item_call', 'call'],
  ['slds-timeline__item_email', 'email'],
  ['slds-timeline__item_event', 'meeting'],
  ['slds-timeline__item_task', 'task'],
];

// ---------------------------------------------------------------------------
// URL detectors, each beside the URLs it must match. tests/sites/salesforce.test.ts
// runs every detector over every URL here: listed ones must match, all others must not.

/** 15-char case-sensitive or 18-char case-safe record id. */
const RECORD_ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?';
const RECORD_VIEW = new RegExp(`^/lightning/r/(\\w+)/(${RECORD_ID})/view/?$`);

const lightningHost = (url: URL) => url.protocol === 'https:' && url.hostname.endsWith('.lightning.force.com');
const isRecord = (url: URL) => lightningHost(url) && RECORD_VIEW.test(url.pathname);
const isOpportunityRecord = (url: URL) => lightningHost(url) && RECORD_VIEW.exec(url.pathname)?.[1] === 'Opportunity';
const isListView = (url: URL) => lightningHost(url) && /^\/lightning\/o\/\w+\/list\/?$/.test(url.pathname);

const opportunityRecordUrls = [
  'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view',
  'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZ/view',
  // Sandbox My Domain; console apps add the workspace in `ws`.
  'https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/0065e00000Jb4RkAAJ/view?ws=%2Flightning%2Fr%2FAccount%2F0015e00000Ab1CdAAJ%2Fview',
];

export const examples = {
  lightningHost: [
    ...opportunityRecordUrls,
    'https://acme.lightning.force.com/lightning/r/Account/0015e00000Ab1CdAAJ/view',
    'https://acme.lightning.force.com/lightning/r/Invoice__c/a015e00000Xy9ZqAAB/view',
    'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent',
    'https://acme.lightning.force.com/lightning/o/Account/list',
    'https://acme.lightning.force.com/lightning/page/home',
    'https://acme.lightning.force.com/lightning/o/Opportunity/home',
    'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/related/OpportunityContactRoles/view',
    'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ1/view',
    'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home',
  ],
  record: [
    ...opportunityRecordUrls,
    'https://acme.lightning.force.com/lightning/r/Account/0015e00000Ab1CdAAJ/view',
    'https://acme.lightning.force.com/lightning/r/Invoice__c/a015e00000Xy9ZqAAB/view',
  ],
  opportunityRecord: opportunityRecordUrls,
  listView: [
    'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent',
    'https://acme.lightning.force.com/lightning/o/Account/list',
  ],
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
  listView: isListView,
} satisfies Record<Exclude<keyof typeof examples, 'none'>, (url: URL) => boolean>;

/** The record id as the URL shows it (15 or 18 chars), or null off a record page. */
export function recordIdFromUrl(url: URL): string | null {
  return isRecord(url) ? (RECORD_VIEW.exec(url.pathname)?.[2] ?? null) : null;
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

// ---------------------------------------------------------------------------
// Reader

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

function statusOf(item: Element, stage: string): DealStatus {
  if (item.classList.contains('slds-is-won') || (labels.closedWon as readonly string[]).includes(stage)) return 'won';
  if (item.classList.contains('slds-is-lost') || (labels.closedLost as readonly string[]).includes(stage)) return 'lost';
  return 'open';
}

function recordName(doc: Document): string {
  for (const header of deepQueryAll(doc, selectors.highlights)) {
    const name = text(deepQuery(header, selectors.primaryField));
    if (name) return name;
  }
  return '';
}

/** A field's displayed value from the page layout or Dynamic Forms; null when neither shows it. */
function fieldText(doc: Document, layoutItem: string, dynamicField: string): string | null {
  for (const item of deepQueryAll(doc, layoutItem)) {
    const out = deepQuery(item, selectors.layoutOutput);
    if (out) return text(out);
  }
  for (const field of deepQueryAll(doc, dynamicField)) {
    const value = deepQuery(field, selectors.dynamicValue);
    if (value) return text(value);
  }
  return null;
}

const RECORD_HREF = new RegExp(`/lightning/r/(\\w+)/(${RECORD_ID})/view`);

function hrefRecord(link: Element | null | undefined): { sobject: string; id: string } | null {
  const match = RECORD_HREF.exec(link?.getAttribute('href') ?? '');
  return match?.[1] && match[2] ? { sobject: match[1], id: caseSafeId(match[2]) } : null;
}

function readActivity(item: Element): VisibleActivity | null {
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
  const at = parseSfDateTime(activity.dateText);
  if (at) activity.at = at;

  // "<a>You</a> logged a call with <a>Adam Chan</a>": the first link is who did it, the second who it was with.
  const summary = deepQuery(item, selectors.timelineSummary);
  const links = summary ? [...summary.querySelectorAll('a')] : [];
  const actor = links[0];
  activity.byMe =
    !!actor &&
    (labels.you as readonly string[]).includes(text(actor)) &&
    text(summary).startsWith(text(actor));
  const other = links[1];
  if (other && text(other)) {
    const person: PersonRef = { name: text(other) };
    const record = hrefRecord(other);
    if (record) person.crmId = record.id;
    activity.person = person;
  }
  return activity;
}

/** Rows of the UTAM timeline containers, or of the whole page when those wrappers are absent. */
function readTimeline(doc: Document): { found: boolean; activities: VisibleActivity[] } {
  const containers = [
    ...deepQueryAll(doc, selectors.upcomingActivities),
    ...deepQueryAll(doc, selectors.pastActivities),
  ];
  const items = containers.length
    ? containers.flatMap(c => deepQueryAll(c, selectors.timelineItem))
    : deepQueryAll(doc, selectors.timelineItem);
  const activities = items.map(readActivity).filter((a): a is VisibleActivity => a !== null);
  return { found: containers.length > 0 || items.length > 0, activities };
}

export function readOpportunity(doc: Document, url: URL): PageReading {
  const recordId = recordIdFromUrl(url);
  if (!recordId || !isOpportunityRecord(url)) return { kind: 'unknown', health: missing('opportunity record URL') };

  const name = recordName(doc);
  const items = pathItems(doc);
  const current = items.find(item => item.classList.contains('slds-is-current'));
  const absent: string[] = [];
  if (!name) absent.push('record name');
  if (items.length === 0) absent.push('Path');
  else if (!current) absent.push('Path current stage');
  // Name and stage are what a deal is: without them, report and record nothing rather than guess.
  if (absent.length || !current) return { kind: 'unknown', health: missing(...absent) };

  const stage = stageTitle(current);
  // Amount and Close Date are optional on a layout: absent or unreadable means unknown, never 0.
  const amountText = fieldText(doc, selectors.layoutAmount, selectors.dynamicAmount);
  const parsed = amountText ? parseAmount(amountText) : null;
  const closeText = fieldText(doc, selectors.layoutCloseDate, selectors.dynamicCloseDate);
  const closeDate = closeText ? parseDateOnly(closeText) : null;

  const id = caseSafeId(recordId);
  const timeline = readTimeline(doc);
  let health: Health = healthy;
  // An empty timeline still renders its containers; no containers and no rows
  // means the timeline is not on the page (or not loaded), which health reports.
  if (!timeline.found) health = missing('activity timeline');

  return {
    kind: 'deal',
    deal: {
      id: `salesforce:${id}`,
      name,
      stage,
      amount: parsed?.amount ?? null,
      currency: parsed?.currency ?? null,
      ...(closeDate ? { closeDate } : {}),
      status: statusOf(current, stage),
      url: `${url.origin}/lightning/r/Opportunity/${id}/view`,
    },
    stages: items.map(stageTitle),
    activities: timeline.activities,
    health,
  };
}

export const salesforce: SiteAdapter = {
  id: 'salesforce',
  label: 'Salesforce',
  matches: lightningHost,
  read: readOpportunity,
};
