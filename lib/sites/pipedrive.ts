// Pipedrive: URL detectors, selectors and a pure reader for deal, person,
// pipeline-board and deals-list pages, plus the rep's own Save clicks in the
// activity and add-deal/lead forms. Pure: no WXT, no browser API.
//
// Every anchor below was seen in public code that reads or tests Pipedrive's
// own pages; tests/fixtures/README.md (Pipedrive section) names the source of
// each, and says which parts of the fixtures had to be assumed. Pipedrive's
// styled-components classes (`StyledComponents__Title-u0bxy2-0`, `sc-lgholE`)
// are never used: only `data-testid` / `data-test` attributes, Convention UI
// (`cui5-*`) BEM classes, and the legacy history-feed classes.
import type { DealStatus, PersonRef } from '../model';
import { text } from './dom';
import { dateOrderEvidence, parseAmount, parseDate, parseDateTime, parseLinkedInProfileUrl } from './parse';
import type { DateOrder, DateOptions } from './parse';
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

export const selectors = {
  // --- Record header (deal and person pages) -------------------------------
  /** TMetric pipedrive.ts (Jan 2024); the title is an editable textarea inside it. */
  headerTitle: '[data-testid="header-title"]',
  /** `textarea.cui5-editable-text__input` inside `h1.cui5-editable-text__box` (two public Pipedrive helper extensions). */
  headerTitleInput: '[data-testid="header-title"] textarea',
  /** Product pages render a plain `h1` in the same header (public Cypress page object). */
  headerTitleHeading: '[data-testid="header-title"] h1',
  /** TMetric pipedrive.ts places its timer link in this button's parent: the deal header's action row. */
  followersButton: '[data-testid="followersButton"]',
  /** Public Cypress deals page object: shown on open deals. */
  wonButton: '[data-testid="won-button"]',
  /** Public Cypress deals page object: the header's "…" menu. Counted, not read. */
  dealActions: '[data-testid="deal-actions"]',
  /**
   * Convention UI badge label (`cui4-badge__label` in a 2019 capture, renamed cui5 like every
   * other CUI class). ASSUMED: that a won/lost deal shows its status as such a badge in the header.
   */
  badgeLabel: '.cui5-badge__label',

  // --- Stage bar -----------------------------------------------------------
  /** Convention UI stage selector; the current stage has aria-selected="true" (two public Pipedrive automation scripts). */
  stage: 'button.cui5-stage-selector__stage',
  stageCurrent: 'button.cui5-stage-selector__stage[aria-selected="true"]',
  /** The block around the stages, by BEM (only the `__stage` element class was seen). */
  stageBar: '.cui5-stage-selector',

  // --- Sidebar fields --------------------------------------------------------
  /** Field rows: label and value siblings (public Pipedrive extensions and e2e page objects). */
  fieldRow: '[data-testid="fields-list-row"]',
  fieldName: '[data-testid="field-name"]',
  fieldValue: '[data-testid="fields-list-row-field-components"]',

  // --- History feed ----------------------------------------------------------
  /** History filter "All" (a public Pipedrive automation script); "Files" sits beside it. */
  historyFilterAll: '[data-testid="filter-button-all"]',
  /**
   * Legacy "flow" items, as in a saved Pipedrive page (2019): one container per item,
   * `activity`, `note`, `change`, … as a class, the item id in `data-item-id`.
   */
  flowItem: '.flowItemContainer[data-item-id]',
  flowActivity: '.flowItemContainer.activity[data-item-id]',
  flowChange: '.flowItemContainer.change[data-item-id]',
  /** Activity subject link (`data-test="planned-activity-title"` on planned ones). */
  flowSubject: 'a.activityWrapper',
  plannedTitle: '[data-test="planned-activity-title"]',
  /** The feed's "Planned" block, above the history (the saved 2019 page). */
  plannedSection: '.flowContainer.focus',
  /** Machine-readable time: `data-time="2019-07-26 11:15:00" data-utc="0" data-notime="0"`. */
  flowTimestamp: '.interactiveTimestamp[data-time]',
  /** Who did it, by user name ("Sixt" in the capture, the signed-in user). */
  flowAuthor: '.author',
  /** Type icon: `#icon-ac-call`, `#icon-ac-meeting`, … */
  flowTypeIcon: '.flowItemIcon use',
  /** Linked contacts under an item: `li` with a `#icon-sm-person` icon, then the name. */
  flowRelated: '.relatedItems li',
  flowChangeText: '.changeLogWrapper',
  /**
   * The signed-in user's name. The account menu button is real (`data-test="account-menu-button"`,
   * public Cypress page object); the `data-test="name"` span inside it is the 2019 nav's
   * (`.userInfo span.name[data-test="name"]`), ASSUMED to live on inside the newer button.
   */
  currentUserName: '[data-test="account-menu-button"] [data-test="name"]',

  // --- Pipeline board (Pipedrive's own DealTile/DealsList source, a 2019 capture, e2e page objects)
  pipelineView: '[data-test="pipeline-view"]',
  /** One column per stage: `data-test="stage-<id>" data-test-stage-index="<n>"`. */
  stageColumn: '[data-test-stage-index]',
  /** Column header; the stage name is its text outside the summary. */
  stageHeader: '[data-test^="stage-header-"]',
  stageSummary: '[data-test="stage-summary"]',
  dealTile: '[data-test="pipeline-deal-tile"][data-test-deal-id]',
  /** Link to a deal: on a tile it holds the title `span` and the org/person line; in the list, the title. */
  dealLink: 'a[href^="/deal/"]',
  dealTileValue: '[data-test="pipeline-deal-value"]',

  // --- Deals list (grid cells carry `data-test="<field key>-label"`) ----------
  listTitle: '[data-test="title-label"]',
  listValue: '[data-test="value-label"]',
  listStage: '[data-test="stage_id-label"]',
  listStatus: '[data-test="status-label"]',
  listCloseDate: '[data-test="expected_close_date-label"]',

  // --- "Schedule an activity" form --------------------------------------------
  activitySubject: '[data-test="activity-subject"]',
  activitySave: '[data-test="save-activity-button"]',
  /** Type buttons carry `#icon-sm-ac-<type>` icons; the chosen one is `cui5-button--active` (ASSUMED, cui4 had it). */
  activityTypeActive: 'button.cui5-button--active use[href^="#icon-sm-ac-"]',
  activityDueDate: '[data-test="activity-due-date"] input',
  activityDueTime: '[data-test="activity-due-time"] input',

  // --- "Add deal" / "Add lead" modal ---------------------------------------------
  addModal: '[data-test="add-modal"]',
  addModalSave: '[data-test="add-modals-save"]',
  addModalHeading: '.cui5-modal__header h3',
  addModalTitleInput: '[data-test-key="title"] input',
  /** Only the deal form has a pipeline field. */
  addModalPipeline: '[data-test="pipeline_id"]',

  /** Field validation message in CUI inputs ("Title is required"). */
  inputError: '.cui5-input__error-message',
} as const;

/**
 * Words the page shows in the user's language.
 * TODO [2027-01-15]: add languages with the locale table in parse.ts.
 */
const labels = {
  won: ['Won'],
  lost: ['Lost'],
  open: ['Open'],
  value: ['Value'],
  expectedCloseDate: ['Expected close date'],
  email: ['Email'],
  organization: ['Organization'],
  jobTitle: ['Job title'],
  dealCreated: ['Deal created'],
  addLead: ['Add lead'],
  /** `document.title` suffix of a person page (Clockify- and TimeCamp-style integrations; a 2019 de capture). */
  personTitleSuffix: [' - contact details', ' - Kontaktdetails'],
  /** Day units in the stage bar ("12 T · …" in a de page; the en word is ASSUMED). */
  dayUnits: ['day', 'days', 'T', 'Tag', 'Tage'],
} as const;

/** Pipedrive's default activity types, by icon name, as Pacer counts them. Custom types are not read. */
const activityTypes: Readonly<Record<string, VisibleActivityType>> = {
  call: 'call',
  meeting: 'meeting',
  lunch: 'meeting',
  task: 'task',
  deadline: 'task',
  email: 'email',
};

// ---------------------------------------------------------------------------
// URL detectors, each beside the URLs it must match. tests/sites/pipedrive.test.ts
// runs every detector over every URL here: listed ones must match, all others must not.

/** Pipedrive hosts that are not a company's app. */
const NON_APP_HOSTS = new Set(['www', 'api', 'api-proxy', 'developers', 'support', 'marketplace', 'webforms', 'oauth', 'channel']);

const pipedriveHost = (url: URL) => {
  if (url.protocol !== 'https:') return false;
  const sub = /^([a-z0-9][a-z0-9-]*)\.pipedrive\.com$/i.exec(url.hostname)?.[1];
  return !!sub && !NON_APP_HOSTS.has(sub.toLowerCase());
};

const DEAL_PATH = /^\/deal\/(\d+)\/?$/;
const PERSON_PATH = /^\/person\/(\d+)\/?$/;
/** `/pipeline/1/user/everyone`, `/pipeline/16`, `/deals/pipeline/1/filter/358`. */
const PIPELINE_PATH = /^\/(?:deals\/)?pipeline\/(\d+)(?:\/|$)/;
/** `/deals/list/user/everyone`, `/deals/user/10197983`, `/deals/list`. */
const DEALS_LIST_PATH = /^\/deals\/(?:list|user)(?:\/|$)/;
const LEAD_PATH = /^\/leads\/inbox\/([0-9a-f-]{36})\/?$/i;

const isDeal = (url: URL) => pipedriveHost(url) && DEAL_PATH.test(url.pathname);
const isPerson = (url: URL) => pipedriveHost(url) && PERSON_PATH.test(url.pathname);
const isPipeline = (url: URL) => pipedriveHost(url) && PIPELINE_PATH.test(url.pathname);
const isDealsList = (url: URL) => pipedriveHost(url) && DEALS_LIST_PATH.test(url.pathname);

const dealUrls = [
  'https://acme.pipedrive.com/deal/1042',
  'https://app.pipedrive.com/deal/1042',
  'https://acme-sales.pipedrive.com/deal/7/',
  'https://acme.pipedrive.com/deal/1042?tab=activity#focus',
];
const personUrls = ['https://acme.pipedrive.com/person/311', 'https://app.pipedrive.com/person/311/'];
const pipelineUrls = [
  'https://acme.pipedrive.com/pipeline/1/user/everyone',
  'https://acme.pipedrive.com/pipeline/60/user/everyone?quickFilter=none',
  'https://acme.pipedrive.com/pipeline/16',
  'https://app.pipedrive.com/deals/pipeline/1/filter/358?quickFilter=none',
];
const dealsListUrls = [
  'https://acme.pipedrive.com/deals/list/user/everyone',
  'https://acme.pipedrive.com/deals/user/10197983',
  'https://app.pipedrive.com/deals/list',
];

export const examples = {
  pipedriveHost: [
    ...dealUrls,
    ...personUrls,
    ...pipelineUrls,
    ...dealsListUrls,
    'https://acme.pipedrive.com/organization/88',
    'https://acme.pipedrive.com/leads/inbox/adf21080-0e10-11eb-879b-05d71fb426ec',
    'https://acme.pipedrive.com/activities/list/user/13344852',
    'https://acme.pipedrive.com/deal/1042/extra',
    'https://acme.pipedrive.com/deals/1042',
    'https://acme.pipedrive.com/pipeline',
    'https://acme.pipedrive.com/persons/list/user/everyone',
    'https://acme.pipedrive.com/settings/personal/profile',
  ],
  deal: dealUrls,
  person: personUrls,
  pipeline: pipelineUrls,
  dealsList: dealsListUrls,
  /** Matched by no detector: other hosts, Pipedrive's non-app hosts, look-alikes, plain http. */
  none: [
    'https://www.pipedrive.com/en/features',
    'https://api.pipedrive.com/v1/deals/1042',
    'https://developers.pipedrive.com/docs/api/v1/Deals',
    'https://support.pipedrive.com/hc/en-us/articles/360000106249-Detail-View',
    'https://webforms.pipedrive.com/f/6UUQvwSg3cy0wizvNdC3p',
    'https://acme.eu.pipedrive.com/deal/1042',
    'https://pipedrive.com/deal/1042',
    'http://acme.pipedrive.com/deal/1042',
    'https://acme.pipedrive.com.example.com/deal/1042',
    'https://example.com/?next=https://acme.pipedrive.com/deal/1042',
  ],
} as const;

export const detectors = {
  pipedriveHost,
  deal: isDeal,
  person: isPerson,
  pipeline: isPipeline,
  dealsList: isDealsList,
} satisfies Record<Exclude<keyof typeof examples, 'none'>, (url: URL) => boolean>;

// ---------------------------------------------------------------------------
// Small readers

const has = (list: readonly string[], value: string) => list.includes(value);

/** The header's title: the editable textarea's value, else the heading's text. */
function headerTitle(doc: Document): string {
  const input = doc.querySelector<HTMLTextAreaElement>(selectors.headerTitleInput);
  const fromInput = (input?.value ?? '').replace(/\s+/g, ' ').trim();
  return fromInput || text(doc.querySelector(selectors.headerTitleHeading));
}

/** A sidebar field's value element by its (localized) label, or null. */
function fieldValue(root: ParentNode, names: readonly string[]): Element | null {
  for (const row of root.querySelectorAll(selectors.fieldRow)) {
    if (has(names, text(row.querySelector(selectors.fieldName)))) return row.querySelector(selectors.fieldValue);
  }
  return null;
}

/** Pipedrive shows "-" in an empty field. */
function fieldText(root: ParentNode, names: readonly string[]): string | null {
  const value = text(fieldValue(root, names));
  return value && value !== '-' ? value : null;
}

/** The slashed-date order the page's fields and list cells prove, if any (24/11/2026 can only be day-first). */
function pageDateOrder(doc: Document): DateOptions {
  const texts = [...doc.querySelectorAll(`${selectors.fieldValue}, ${selectors.listCloseDate}`)].map(el => text(el));
  const order = dateOrderEvidence(texts);
  return order ? { order } : {};
}

interface StageButton {
  name: string;
  /** Whole days the deal has spent in the stage, when the bar shows them. */
  days: number | null;
  current: boolean;
}

/**
 * A stage button reads "<n> <unit> · <stage name>" (a de page: "12 T · …"). The
 * name is what follows the last "·"; a button showing only days has no readable name.
 */
function readStageButton(button: Element): StageButton {
  const whole = text(button);
  const at = whole.lastIndexOf('·');
  const left = at >= 0 ? whole.slice(0, at).trim() : whole;
  const day = /^(\d+)\s*(\S+)$/.exec(left);
  const days = day?.[1] && day[2] && has(labels.dayUnits, day[2]) ? Number(day[1]) : null;
  const name = at >= 0 ? whole.slice(at + 1).trim() : days === null ? whole : '';
  return { name, days, current: button.getAttribute('aria-selected') === 'true' };
}

/** Local midnight `days` calendar days before `now`: the day the deal entered its stage. */
function daysBefore(now: Date, days: number): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - days).toISOString();
}

/**
 * The header row around the title: the nearest ancestor of the title that also
 * holds the followers button (TMetric's anchor), else the document.
 */
function headerArea(doc: Document): ParentNode {
  const title = doc.querySelector(selectors.headerTitle);
  for (let el = title?.parentElement; el; el = el.parentElement) {
    if (el.querySelector(selectors.followersButton)) return el;
  }
  return doc;
}

/** Open while the header offers "Won"; won/lost from the status badge that replaces the buttons; else null. */
function dealStatus(doc: Document): DealStatus | null {
  if (doc.querySelector(selectors.wonButton)) return 'open';
  for (const badge of headerArea(doc).querySelectorAll(selectors.badgeLabel)) {
    const label = text(badge);
    if (has(labels.won, label)) return 'won';
    if (has(labels.lost, label)) return 'lost';
  }
  return null;
}

/**
 * `data-time="2026-06-02 14:30:00"`: UTC when `data-utc="1"`, else the user's wall time;
 * a date only (local midnight) when `data-notime="1"`.
 */
export function flowTime(el: Element | null, now: Date): string | null {
  const raw = (el?.getAttribute('data-time') ?? '').trim();
  if (!/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(raw)) return null;
  if (el?.getAttribute('data-notime') === '1' || raw.length === 10) return parseDateTime(raw.slice(0, 10), now);
  return parseDateTime(el?.getAttribute('data-utc') === '1' ? `${raw}Z` : raw, now);
}

/** The sprite symbol an SVG `use` shows (`href` and `xlink:href` both carry it). */
function iconName(use: Element | null): string {
  return (use?.getAttribute('href') ?? use?.getAttribute('xlink:href') ?? '').replace(/^#/, '');
}

/** `icon-ac-call` (feed) and `icon-sm-ac-call` (form buttons) → "call". */
const iconType = (use: Element | null): string | null => /^icon-(?:sm-)?ac-([a-z]+)$/.exec(iconName(use))?.[1] ?? null;

const idFromHref = (href: string | null | undefined, kind: 'deal' | 'person') =>
  new RegExp(`/${kind}/(\\d+)(?:[/?#]|$)`).exec(href ?? '')?.[1] ?? null;

function readActivity(item: Element, me: string | null, now: Date): VisibleActivity | null {
  const kind = iconType(item.querySelector(selectors.flowTypeIcon));
  const type = kind ? activityTypes[kind] : undefined;
  if (!type) return null; // a custom activity type: Pacer does not guess what it counts as
  const stamp = item.querySelector(selectors.flowTimestamp);
  const activity: VisibleActivity = {
    type,
    subject: text(item.querySelector(selectors.flowSubject)),
    dateText: text(stamp),
    byMe: me !== null && text(item.querySelector(selectors.flowAuthor)) === me,
  };
  const crmId = /^activity(\d+)$/.exec(item.getAttribute('data-item-id') ?? '')?.[1];
  if (crmId) activity.crmId = crmId;
  // The Planned section (`.flowContainer.focus`) lists activities not done yet, overdue ones included.
  if (item.querySelector(selectors.plannedTitle) || item.closest(selectors.plannedSection)) activity.planned = true;
  const at = flowTime(stamp, now);
  if (at) activity.at = at;
  // The first linked contact (a `#icon-sm-person` row) is who the activity was with.
  for (const li of item.querySelectorAll(selectors.flowRelated)) {
    if (iconName(li.querySelector('use')) !== 'icon-sm-person') continue;
    const name = text(li);
    if (!name) continue;
    const person: PersonRef = { name };
    const id = idFromHref(li.querySelector('a[href]')?.getAttribute('href'), 'person');
    if (id) person.crmId = `pipedrive:person-${id}`;
    activity.person = person;
    break;
  }
  return activity;
}

/** The history feed's activity items; `found` says whether the feed is on the page at all. */
function readFeed(doc: Document, now: Date): { found: boolean; activities: VisibleActivity[]; health: string[] } {
  const items = [...doc.querySelectorAll(selectors.flowActivity)];
  const found = !!doc.querySelector(selectors.historyFilterAll) || doc.querySelectorAll(selectors.flowItem).length > 0;
  const me = text(doc.querySelector(selectors.currentUserName)) || null;
  const activities = items.map(item => readActivity(item, me, now)).filter((a): a is VisibleActivity => a !== null);
  const health: string[] = [];
  if (!found) health.push('history feed');
  if (activities.length && me === null) health.push('signed-in user name');
  return { found, activities, health };
}

/** "Deal created" in the changelog, when the feed shows it. */
function createdAt(doc: Document, now: Date): string | null {
  for (const item of doc.querySelectorAll(selectors.flowChange)) {
    if (has(labels.dealCreated, text(item.querySelector(selectors.flowChangeText)))) {
      return flowTime(item.querySelector(selectors.flowTimestamp), now);
    }
  }
  return null;
}

const canonical = (url: URL, kind: 'deal' | 'person', id: string) => `${url.origin}/${kind}/${id}`;

// ---------------------------------------------------------------------------
// Page readers

export function readDeal(doc: Document, url: URL, now: Date = new Date()): PageReading {
  const id = DEAL_PATH.exec(url.pathname)?.[1];
  if (!id || !isDeal(url)) return { kind: 'unknown', health: missing('deal URL') };

  const name = headerTitle(doc);
  const buttons = [...doc.querySelectorAll(selectors.stage)].map(readStageButton);
  const current = buttons.find(b => b.current);
  const status = dealStatus(doc);
  const absent: string[] = [];
  if (!name) absent.push('header title');
  if (buttons.length === 0) absent.push('stage bar');
  else if (!current?.name) absent.push('stage bar current stage');
  if (!status) absent.push('deal status');
  // Name, stage and status are what a deal is: without them, report and record nothing.
  if (absent.length || !current?.name || !status) return { kind: 'unknown', health: missing(...absent) };

  // Value and expected close date are optional fields: absent or unreadable is unknown, never 0.
  const valueText = fieldText(doc, labels.value);
  const parsed = valueText ? parseAmount(valueText) : null;
  const closeText = fieldText(doc, labels.expectedCloseDate);
  const closeDate = closeText ? parseDate(closeText, now, pageDateOrder(doc)) : null;
  const created = createdAt(doc, now);
  const feed = readFeed(doc, now);

  const deal: DealObservation = {
    id: `pipedrive:${id}`,
    name,
    stage: current.name,
    amount: parsed?.amount ?? null,
    currency: parsed?.currency ?? null,
    status,
    url: canonical(url, 'deal', id),
  };
  if (closeDate) deal.closeDate = closeDate;
  if (created) deal.createdAt = created;
  // The bar shows whole days in the current stage; the deal entered it at the start of that day.
  if (current.days !== null) deal.stageEnteredAt = daysBefore(now, current.days);

  return {
    kind: 'deal',
    deal,
    stages: buttons.map(b => b.name),
    activities: feed.activities,
    health: feed.health.length ? missing(...feed.health) : healthy,
  };
}

/** The person's name: the header title, else `document.title` without " - contact details". */
function personName(doc: Document): string {
  const fromHeader = headerTitle(doc);
  if (fromHeader) return fromHeader;
  const title = doc.title.trim();
  const suffix = labels.personTitleSuffix.find(s => title.endsWith(s));
  return suffix ? title.slice(0, -suffix.length).trim() : '';
}

const EMAIL = /[^\s@()<>,;:]+@[^\s@()<>,;:]+\.[a-z]{2,}/i;

export function readPerson(doc: Document, url: URL, now: Date = new Date()): PageReading {
  const id = PERSON_PATH.exec(url.pathname)?.[1];
  if (!id || !isPerson(url)) return { kind: 'unknown', health: missing('person URL') };
  const name = personName(doc);
  if (!name) return { kind: 'unknown', health: missing('header title') };

  const person: PersonReading = {
    name,
    crmId: `pipedrive:person-${id}`,
    recordType: 'contact',
    url: canonical(url, 'person', id),
  };
  const emailField = fieldValue(doc, labels.email);
  const mailto = emailField?.querySelector('a[href^="mailto:"]')?.getAttribute('href')?.slice('mailto:'.length);
  const email = (mailto && EMAIL.exec(mailto)?.[0]) || EMAIL.exec(text(emailField))?.[0];
  if (email) person.email = email;
  const company = text(fieldValue(doc, labels.organization)?.querySelector('a[href*="/organization/"]')) || fieldText(doc, labels.organization);
  if (company) person.company = company;
  const title = fieldText(doc, labels.jobTitle);
  if (title) person.title = title;
  for (const link of doc.querySelectorAll(`${selectors.fieldValue} a[href*="linkedin.com/in/"]`)) {
    const linkedinUrl = parseLinkedInProfileUrl(link.getAttribute('href') ?? '');
    if (linkedinUrl) {
      person.linkedinUrl = linkedinUrl;
      break;
    }
  }
  const feed = readFeed(doc, now);
  return { kind: 'person', person, activities: feed.activities, health: feed.health.length ? missing(...feed.health) : healthy };
}

/** A column's stage name: the header's first text outside the money summary. */
function columnStage(column: Element): string {
  const header = column.querySelector(selectors.stageHeader);
  if (!header) return '';
  for (const el of header.querySelectorAll('*')) {
    if (el.children.length === 0 && !el.closest(selectors.stageSummary) && el.localName !== 'path') {
      const name = text(el);
      if (name) return name;
    }
  }
  return '';
}

function readBoard(doc: Document, url: URL): { rows: DealObservation[]; absent: string[] } {
  const rows: DealObservation[] = [];
  const absent = new Set<string>();
  for (const column of doc.querySelectorAll(selectors.stageColumn)) {
    const stage = columnStage(column);
    const tiles = column.querySelectorAll(selectors.dealTile);
    if (!stage) {
      if (tiles.length) absent.add('stage column title');
      continue;
    }
    for (const tile of tiles) {
      const id = /^\d+$/.test(tile.getAttribute('data-test-deal-id') ?? '')
        ? tile.getAttribute('data-test-deal-id')!
        : idFromHref(tile.querySelector(selectors.dealLink)?.getAttribute('href'), 'deal');
      const name = text(tile.querySelector(`${selectors.dealLink} > span`));
      if (!id || !name) {
        absent.add('deal tile title');
        continue;
      }
      const parsed = parseAmount(text(tile.querySelector(selectors.dealTileValue)));
      rows.push({
        id: `pipedrive:${id}`,
        name,
        stage,
        amount: parsed?.amount ?? null,
        currency: parsed?.currency ?? null,
        // The pipeline board lists open deals: marking one won or lost takes it off the board.
        status: 'open',
        url: canonical(url, 'deal', id),
      });
    }
  }
  return { rows, absent: [...absent] };
}

function listStatus(label: string): DealStatus | null {
  if (has(labels.open, label)) return 'open';
  if (has(labels.won, label)) return 'won';
  if (has(labels.lost, label)) return 'lost';
  return null;
}

function readDealsList(doc: Document, url: URL, now: Date): { rows: DealObservation[]; absent: string[] } {
  const rows: DealObservation[] = [];
  const absent = new Set<string>();
  const order = pageDateOrder(doc);
  for (const cell of doc.querySelectorAll(selectors.listTitle)) {
    const row = cell.closest('tr') ?? cell.parentElement;
    if (!row) continue;
    const link = cell.querySelector(selectors.dealLink);
    const id = idFromHref(link?.getAttribute('href'), 'deal');
    const name = text(link);
    const stage = text(row.querySelector(selectors.listStage));
    const status = listStatus(text(row.querySelector(selectors.listStatus)));
    // A row without its stage or status column says too little to record.
    if (!stage) absent.add('deals list column: stage');
    if (!status) absent.add('deals list column: status');
    if (!id || !name || !stage || !status) continue;
    const parsed = parseAmount(text(row.querySelector(selectors.listValue)));
    const closeDate = parseDate(text(row.querySelector(selectors.listCloseDate)), now, order);
    const deal: DealObservation = {
      id: `pipedrive:${id}`,
      name,
      stage,
      amount: parsed?.amount ?? null,
      currency: parsed?.currency ?? null,
      status,
      url: canonical(url, 'deal', id),
    };
    if (closeDate) deal.closeDate = closeDate;
    rows.push(deal);
  }
  return { rows, absent: [...absent] };
}

export function readList(doc: Document, url: URL, now: Date = new Date()): PageReading {
  if (!isPipeline(url) && !isDealsList(url)) return { kind: 'unknown', health: missing('pipeline or deals list URL') };
  const onBoard = !!doc.querySelector(selectors.pipelineView);
  const onList = !!doc.querySelector(selectors.listTitle);
  if (!onBoard && !onList) return { kind: 'unknown', health: missing(isPipeline(url) ? 'pipeline board' : 'deals list') };
  const { rows, absent } = onBoard ? readBoard(doc, url) : readDealsList(doc, url, now);
  return { kind: 'list', rows, health: absent.length ? missing(...absent) : healthy };
}

export function readPage(doc: Document, url: URL, now: Date = new Date()): PageReading {
  if (isDeal(url)) return readDeal(doc, url, now);
  if (isPerson(url)) return readPerson(doc, url, now);
  if (isPipeline(url) || isDealsList(url)) return readList(doc, url, now);
  return { kind: 'unknown', health: missing('deal, person, pipeline or deals list URL') };
}

// ---------------------------------------------------------------------------
// The rep's own actions: Save in "Schedule an activity" and in "Add deal" / "Add lead".

/** The innermost ancestor of `el` that also holds `selector`: the form a button belongs to. */
function formAround(el: Element, selector: string): Element | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (node.querySelector(selector)) return node;
  }
  return null;
}

const showsError = (form: Element) => [...form.querySelectorAll(selectors.inputError)].some(e => text(e) !== '');

/** A date field's order from its placeholder ("MM/DD/YYYY" in an en-US account); undefined when it shows none. */
function placeholderOrder(input: HTMLInputElement | null): DateOrder | undefined {
  const p = (input?.getAttribute('placeholder') ?? '').toUpperCase();
  if (/^M{1,2}\/D{1,2}\/Y{2,4}$/.test(p)) return 'MDY';
  if (/^D{1,2}\/M{1,2}\/Y{2,4}$/.test(p)) return 'DMY';
  return undefined;
}

/** What record the page is about: the deal or the person, for the action's `recordKey`. */
function recordContext(doc: Document, url: URL): Pick<RepAction, 'recordKey' | 'deal' | 'person'> {
  const dealId = isDeal(url) ? DEAL_PATH.exec(url.pathname)?.[1] : undefined;
  if (dealId) {
    const name = headerTitle(doc);
    return { recordKey: `pipedrive:${dealId}`, deal: name ? { id: `pipedrive:${dealId}`, name } : { id: `pipedrive:${dealId}` } };
  }
  const personId = isPerson(url) ? PERSON_PATH.exec(url.pathname)?.[1] : undefined;
  if (personId) {
    const name = personName(doc);
    const crmId = `pipedrive:person-${personId}`;
    return { recordKey: crmId, person: name ? { name, crmId } : { crmId } };
  }
  return {};
}

function activityAction(save: Element, doc: Document, url: URL, now: Date): RepAction | undefined {
  const form = formAround(save, selectors.activitySubject);
  if (!form) return undefined;
  const kind = iconType(form.querySelector(selectors.activityTypeActive));
  const type = kind ? activityTypes[kind] : undefined;
  // Tasks and deadlines are to-dos, not contact with a customer.
  if (type !== 'call' && type !== 'meeting' && type !== 'email') return undefined;
  const subjectInput = form.querySelector<HTMLInputElement>(selectors.activitySubject);
  const action: RepAction = {
    type,
    ...recordContext(doc, url),
    confirm: (current: Document): ActionOutcome => {
      if (!current.contains(form) || !current.contains(save)) return { status: 'saved' };
      return showsError(form) ? { status: 'failed' } : { status: 'pending' };
    },
  };
  const subject = (subjectInput?.value ?? '').trim();
  if (subject) action.subject = subject;
  const dateInput = form.querySelector<HTMLInputElement>(selectors.activityDueDate);
  const timeInput = form.querySelector<HTMLInputElement>(selectors.activityDueTime);
  const order = placeholderOrder(dateInput);
  const at = dateInput?.value.trim()
    ? parseDateTime(`${dateInput.value} ${timeInput?.value ?? ''}`, now, order ? { order } : {})
    : null;
  if (at) action.at = at;
  return action;
}

function addModalAction(save: Element, modal: Element): RepAction {
  const isLead =
    has(labels.addLead, text(modal.querySelector(selectors.addModalHeading))) && !modal.querySelector(selectors.addModalPipeline);
  const action: RepAction = {
    type: 'lead_created',
    confirm: (current: Document, now: URL): ActionOutcome => {
      if (current.contains(modal) && current.contains(save)) return showsError(modal) ? { status: 'failed' } : { status: 'pending' };
      // The modal closed without an error. The new record's id is known once its page is open.
      const dealId = !isLead && isDeal(now) ? DEAL_PATH.exec(now.pathname)?.[1] : undefined;
      const leadId = isLead && pipedriveHost(now) ? LEAD_PATH.exec(now.pathname)?.[1] : undefined;
      if (dealId) return { status: 'saved', recordId: `pipedrive:${dealId}` };
      if (leadId) return { status: 'saved', recordId: `pipedrive:lead-${leadId.toLowerCase()}` };
      return { status: 'saved' };
    },
  };
  const title = (modal.querySelector<HTMLInputElement>(selectors.addModalTitleInput)?.value ?? '').trim();
  if (title) action.subject = title;
  return action;
}

export function actionFor(target: Element, doc: Document, url: URL): RepAction | undefined {
  if (!pipedriveHost(url)) return undefined;
  const activitySave = target.closest(selectors.activitySave);
  if (activitySave) return activityAction(activitySave, doc, url, new Date());
  const modalSave = target.closest(selectors.addModalSave);
  const modal = modalSave?.closest(selectors.addModal);
  if (modalSave && modal) return addModalAction(modalSave, modal);
  return undefined;
}

/** The stage bar (the timer badge goes after it), else the header title. */
export function timerAnchor(doc: Document): Element | undefined {
  const stage = doc.querySelector(selectors.stage);
  if (stage) return stage.closest(selectors.stageBar) ?? stage.parentElement ?? stage;
  return doc.querySelector(selectors.headerTitle) ?? undefined;
}

export const pipedrive: SiteAdapter = {
  id: 'pipedrive',
  label: 'Pipedrive',
  matches: pipedriveHost,
  read: readPage,
  actionFor,
  timerAnchor,
  // A person's name may come from `document.title`.
  anchors: anchorsOf(selectors, { regions: ['title'] }),
};
