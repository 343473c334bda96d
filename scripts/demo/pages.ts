// Salesforce opportunity pages for the demo, rendered from the hand-assembled
// fixture tests/fixtures/salesforce/opportunity-negotiation.html: its markup is
// what lib/sites/salesforce.ts is tested against, so a page built by editing a
// copy of it reads the same way. Only texts, classes, hrefs and ids change; the
// rows of the timeline are clones of the fixture's rows of the same type.
// Runs in Node (tsx) and in vitest: the DOM is happy-dom's, never the browser's.
import { readFileSync } from 'node:fs';
import { URL as NodeURL, fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { stableId } from '../../lib/ids';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
import { byLocalName } from '../../lib/sites/dom';
import { caseSafeId, tags } from '../../lib/sites/salesforce';
import { DEMO_REP } from './data';

// Node's URL on purpose: under vitest's happy-dom environment the global URL is happy-dom's, which rejects file: URLs.
const TEMPLATE_PATH = fileURLToPath(new NodeURL('../../tests/fixtures/salesforce/opportunity-negotiation.html', import.meta.url));
const TEMPLATE_NAME = 'tests/fixtures/salesforce/opportunity-negotiation.html';
/** Salesforce's timeline shows a page of rows; the demo shows the most recent few. */
const TIMELINE_ROWS = 8;

type TimelineType = 'call' | 'email' | 'meeting';
const TIMELINE_CLASS: Record<TimelineType, string> = {
  call: 'slds-timeline__item_call',
  email: 'slds-timeline__item_email',
  meeting: 'slds-timeline__item_event',
};
const isTimelineType = (type: string): type is TimelineType => type in TIMELINE_CLASS;

/**
 * No SLDS stylesheet ships with the fixture (its sprites and CSS are Salesforce's), so the demo
 * adds this sketch of Lightning's look: cards, chevron Path, two-column fields. Unstyled, every
 * sprite-less <svg> would take 300x150 px. Only selectors from the template; Pacer's own
 * `pacer-cycle-timer` host is left alone so it shows as the extension styles it.
 */
const DEMO_STYLE = `
body { margin: 0; background: #f3f3f3; color: #181818; font: 13px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body::before { content: "Sales"; display: block; padding: 10px 16px; background: #fff; border-bottom: 3px solid #0176d3; font-weight: 700; font-size: 15px; }
svg, .slds-assistive-text, .slds-media__figure > button, .inline-edit-trigger, .slds-button_icon-border-filled { display: none; }
a { color: #0176d3; text-decoration: none; }
one-record-home-flexipage2 { display: block; max-width: 1180px; margin: 0 auto; padding: 12px; }
records-lwc-highlights-panel, runtime_sales_pathassistant-path, one-record-home-flexipage2 > records-lwc-record-layout, .skip-timeline-wrapper {
  display: block; margin: 0 0 12px; padding: 12px 16px; background: #fff; border: 1px solid #e5e5e5; border-radius: 4px; }
.slds-page-header__row { display: flex; justify-content: space-between; align-items: center; }
.slds-media { display: flex; gap: 12px; }
.slds-media__body { flex: 1; min-width: 0; }
.slds-icon_container { display: inline-block; width: 32px; height: 32px; border-radius: 4px; background: #ff5d2d; }
.slds-timeline__icon { width: 24px; height: 24px; }
.slds-icon-standard-log-a-call { background: #48c3cc; }
.slds-icon-standard-email { background: #95aec5; }
.slds-icon-standard-event { background: #cb65ff; }
h1 { margin: 0; font-weight: 400; }
.entityNameTitle, .slds-text-title, .slds-timeline__date, records-record-layout-item > div:first-child { color: #444; font-size: 12px; }
h1 [slot="primaryField"] { font-size: 18px; font-weight: 700; }
ul { list-style: none; margin: 0; padding: 0; }
.slds-button-group-list, .slds-page-header__detail-row { display: flex; }
.slds-page-header__detail-row { gap: 32px; margin-top: 12px; }
records-highlights-details-item { display: block; }
.slds-button { font: inherit; border-radius: 4px; padding: 2px 14px; cursor: pointer; }
.slds-button_neutral { margin-left: -1px; border: 1px solid #c9c9c9; background: #fff; color: #0176d3; }
.slds-button_brand { border: 1px solid #0176d3; background: #0176d3; color: #fff; }
.slds-path { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; }
runtime_sales_pathassistant-path-track { display: block; flex: 1 1 100%; min-width: 0; }
runtime_sales_pathassistant-path-track-scroller { display: block; }
runtime_sales_pathassistant-path-step { display: contents; }
.slds-path__nav { display: flex; gap: 3px; }
.slds-path__item { flex: 1; min-width: 0; background: #ecebea; clip-path: polygon(0 0, calc(100% - 10px) 0, 100% 50%, calc(100% - 10px) 100%, 0 100%, 10px 50%); }
.slds-path__item:first-child { border-radius: 15px 0 0 15px; clip-path: polygon(0 0, calc(100% - 10px) 0, 100% 50%, calc(100% - 10px) 100%, 0 100%); }
.slds-path__link { display: block; padding: 4px 8px 4px 16px; color: #181818; line-height: 22px; text-align: center; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.slds-path__item.slds-is-complete { background: #3ba755; }
.slds-path__item.slds-is-complete .slds-path__link { color: #fff; }
.slds-path__item.slds-is-current { background: #014486; }
.slds-path__item.slds-is-won { background: #2e844a; }
.slds-path__item.slds-is-lost { background: #ba0517; }
.slds-path__item.slds-is-current .slds-path__link { color: #fff; font-weight: 700; }
.slds-path__action { display: flex; flex: 1; justify-content: flex-end; align-items: center; gap: 12px; white-space: nowrap; }
.slds-section__title { margin: 0 0 8px; padding: 4px 8px; background: #f3f3f3; border-radius: 4px; font-size: 14px; }
.slds-section__title .slds-button { padding: 0; border: 0; background: none; font-weight: 700; }
records-record-layout-row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 32px; }
records-record-layout-item { display: block; padding: 4px 0; border-bottom: 1px solid #e5e5e5; }
.standardTimelineUpcomingActivities::before { content: "Upcoming & Overdue"; }
.pastActivities::before { content: "Past activity"; }
.standardTimelineUpcomingActivities::before, .pastActivities::before { display: block; margin: 4px 0; padding: 4px 8px; background: #f3f3f3; border-radius: 4px; font-weight: 700; }
.standardTimelineUpcomingActivities .slds-timeline:empty::after { content: "No next steps. To get things moving, add a task or set up a meeting."; display: block; padding: 8px; color: #444; }
.slds-timeline > li { padding: 8px 4px; border-bottom: 1px solid #f3f3f3; }
.slds-timeline__trigger, .slds-timeline__actions { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.slds-timeline h3 { margin: 0; font-size: 13px; }
.slds-timeline p { margin: 0; }
`;

let template: { comment: string; html: string } | undefined;
let parserWindow: Window | undefined;

function loadTemplate(): { comment: string; html: string } {
  if (template) return template;
  const text = readFileSync(TEMPLATE_PATH, 'utf8');
  // The provenance comment sits before the doctype, where outerHTML does not reach.
  const comment = /^\s*<!--[\s\S]*?-->/.exec(text)?.[0].trim();
  if (!comment) throw new Error(`${TEMPLATE_NAME} lost its provenance comment`);
  template = { comment, html: text.slice(text.indexOf(comment) + comment.length) };
  return template;
}

function parse(html: string): Document {
  parserWindow ??= new Window();
  return new parserWindow.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** The element `selector` finds under `root`; the template changed if there is none. */
function required<T extends Element = Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`${TEMPLATE_NAME}: no ${selector}`);
  return el;
}

function one(root: ParentNode, localName: string): Element {
  const el = byLocalName(root, localName)[0];
  if (!el) throw new Error(`${TEMPLATE_NAME}: no <${localName}>`);
  return el;
}

/** A valid-looking 18-char record id with Salesforce's key prefix, derived from `seed`. */
function recordId(keyPrefix: string, seed: string): string {
  return caseSafeId(`${keyPrefix}Hs0${stableId('demo-record', keyPrefix, seed).slice(0, 9)}`);
}

/** `$120,000.00`: en-US, as an org with US locale shows its corporate currency. */
export function formatAmount(amount: number, currency: string | null): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency ?? 'USD' }).format(amount);
}

/** `2026-12-18` → `12/18/2026`: en-US date field, no time zone involved. */
export function formatCloseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${m}/${d}/${y}`;
}

/** `9:00am | 11/24/26` in this machine's local time, as the SLDS timeline shows it. */
export function formatTimelineDate(iso: string): string {
  const t = new Date(iso);
  const h = t.getHours();
  const minutes = String(t.getMinutes()).padStart(2, '0');
  return `${h % 12 || 12}:${minutes}${h < 12 ? 'am' : 'pm'} | ${t.getMonth() + 1}/${t.getDate()}/${String(t.getFullYear()).slice(-2)}`;
}

/** The timeline's subject link: Tasks (00T) for calls and emails, Events (00U) for meetings. */
export function activityHref(event: Pick<ActivityEvent, 'id' | 'type' | 'meta'>): string {
  const object = event.type === 'meeting' ? 'Event' : 'Task';
  const crmId = event.meta?.crmActivityId ?? recordId(event.type === 'meeting' ? '00U' : '00T', event.id);
  return `/lightning/r/${object}/${crmId}/view`;
}

const setText = (el: Element, text: string) => {
  el.textContent = text;
};

/** A field's output text in the page layout. */
function setLayoutField(doc: Document, label: string, value: string): void {
  const item = required(doc, `records-record-layout-item[field-label="${label}"]`);
  setText(required(item, '[slot="outputField"] lightning-formatted-text'), value);
}

/** Salesforce's Path ends in one "Closed" step, which shows the closed stage once the deal is closed. */
const isClosedStage = (stage: string) => /^closed\b/i.test(stage);

function fillPath(doc: Document, deal: DealSnapshot, stages: readonly string[]): void {
  const path = one(doc, tags.path);
  const steps = byLocalName(path, tags.pathStep);
  const stepWith = (cls: string) => {
    const step = steps.find(s => s.querySelector(`.slds-path__item.${cls}`));
    if (!step) throw new Error(`${TEMPLATE_NAME}: no Path step marked ${cls}`);
    return step;
  };
  const proto = {
    complete: stepWith('slds-is-complete'),
    current: stepWith('slds-is-current'),
    incomplete: stepWith('slds-is-incomplete'),
  };
  const list = steps[0]!.parentElement!;
  const closed = deal.status !== 'open';

  const openStages = stages.filter(s => !isClosedStage(s));
  const shown = [...openStages, closed ? deal.stage : 'Closed'];
  const current = shown.indexOf(deal.stage);
  if (current < 0) throw new Error(`Deal ${deal.id} is at "${deal.stage}", not one of the stages ${JSON.stringify(stages)}`);
  if (closed && !isClosedStage(deal.stage)) throw new Error(`Deal ${deal.id} is ${deal.status} but its stage "${deal.stage}" is not a closed one`);

  for (const step of steps) step.remove();
  shown.forEach((stage, i) => {
    // A lost deal's Path shows the stages before it as not done (SLDS path--lost, opportunity-lost.html);
    // a won deal's as complete (path--won, opportunity-aura-won.html).
    const state = i === current ? 'current' : i < current && deal.status !== 'lost' ? 'complete' : 'incomplete';
    const step = proto[state].cloneNode(true) as Element;
    const item = required(step, '.slds-path__item');
    if (state === 'current' && closed) {
      item.className = `slds-path__item ${deal.status === 'won' ? 'slds-is-won' : 'slds-is-lost'} slds-is-active slds-is-current`;
    }
    required(step, '.slds-path__link').setAttribute('id', `path-${i + 1}`);
    const title = required(step, '.slds-path__title');
    title.setAttribute('data-label', stage);
    setText(title, stage);
    list.appendChild(step);
  });

  setText(required(path, '.slds-path__stage-name'), `Stage: ${deal.stage}`);
  if (closed) setText(required(path, '.slds-path__mark-complete'), 'Change Closed State');
}

/** Who the row is with: a contact (003…) or a lead (00Q…), linked when the CRM id is known. */
function personLink(link: Element, event: ActivityEvent): string {
  const name = event.person?.name ?? 'Unknown contact';
  const id = event.person?.crmId;
  link.setAttribute('href', id ? `/lightning/r/${id.startsWith('00Q') ? 'Lead' : 'Contact'}/${id}/view` : '#');
  setText(link, name);
  return name;
}

function subjectOf(event: ActivityEvent & { type: TimelineType }): string {
  if (event.meta?.subject) return event.meta.subject;
  // Logged calls keep Salesforce's default subject; the demo data has the outcome, not a subject.
  return event.meta?.outcome ? `Call — ${event.meta.outcome}` : 'Call';
}

function fillRow(row: Element, event: ActivityEvent & { type: TimelineType }, deal: DealSnapshot, index: number): void {
  const subject = subjectOf(event);
  const detailsId = `${event.type}-item-base-${index}`;
  const toggle = required(row, '.slds-media__figure > button');
  toggle.setAttribute('title', `Toggle details for ${subject}`);
  toggle.setAttribute('aria-controls', detailsId);
  setText(required(toggle, '.slds-assistive-text'), `Toggle details for ${subject}`);
  const h3 = required(row, 'h3');
  h3.setAttribute('title', subject);
  const link = required(h3, 'a');
  link.setAttribute('href', activityHref(event));
  setText(required(link, 'strong'), subject);
  setText(required(row, '.slds-timeline__date'), formatTimelineDate(event.at));

  // "<a>You</a> logged a call with <a>Name</a>": the reader takes the first link as who did it.
  const summary = required(row, '.slds-media__body > p');
  const [you, other] = [...summary.querySelectorAll('a')];
  if (!you || !other) throw new Error(`${TEMPLATE_NAME}: a ${event.type} row's summary lost its links`);
  you.setAttribute('href', '#');
  setText(you, 'You');
  const name = personLink(other, event);
  const verb = { call: ' logged a call with ', email: ' emailed ', meeting: ' created an event with ' }[event.type];
  summary.replaceChildren(you, row.ownerDocument.createTextNode(verb), other, row.ownerDocument.createTextNode(' '));

  const details = required(row, 'article.slds-timeline__item_details');
  details.setAttribute('id', detailsId);
  const values = [...details.querySelectorAll('.slds-text-body_medium')];
  const texts = {
    call: [name, deal.name],
    email: [DEMO_REP.name, name],
    meeting: ['Video call', name],
  }[event.type];
  values.forEach((value, i) => {
    const text = texts[i];
    if (text === undefined) return;
    value.setAttribute('title', text);
    setText(value.querySelector('a') ?? value, text);
  });
}

function fillTimeline(document: Document, deal: DealSnapshot, events: ActivityEvent[]): void {
  const rowOf = (cls: string) => {
    const item = required(document, `.${cls}`);
    const li = item.closest('li');
    if (!li) throw new Error(`${TEMPLATE_NAME}: a .${cls} row outside an li`);
    return li;
  };
  const proto: Record<TimelineType, Element> = {
    call: rowOf(TIMELINE_CLASS.call),
    email: rowOf(TIMELINE_CLASS.email),
    meeting: rowOf(TIMELINE_CLASS.meeting),
  };
  // Every demo activity has happened: the upcoming list stays, empty, as Lightning renders it.
  const upcoming = required(document, '.standardTimelineUpcomingActivities ul.slds-timeline');
  const past = required(document, '.activityHistories ul.slds-timeline');
  upcoming.replaceChildren();
  past.replaceChildren();

  const rows = events
    .filter((e): e is ActivityEvent & { type: TimelineType } => e.deal?.id === deal.id && isTimelineType(e.type))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? -1 : 1))
    .slice(0, TIMELINE_ROWS);
  rows.forEach((event, i) => {
    const row = proto[event.type].cloneNode(true) as Element;
    fillRow(row, event, deal, i + 1);
    past.appendChild(row);
  });
}

/**
 * The opportunity page of `deal` as Lightning would show it: name, Path at the
 * deal's stage, Amount, Close Date, and the timeline rows of the deal's most
 * recent calls, emails and meetings among `events` (any events may be passed).
 */
export function renderOpportunityPage(deal: DealSnapshot, stages: readonly string[], events: ActivityEvent[]): string {
  const { comment, html } = loadTemplate();
  const document = parse(html);

  document.title = `${deal.name} | Salesforce`;
  const style = document.createElement('style');
  style.setAttribute('data-pacer-demo', '');
  style.textContent = DEMO_STYLE;
  document.head.appendChild(style);
  const primary = required(document, '[slot="primaryField"]');
  primary.setAttribute('title', deal.name);
  setText(primary, deal.name);
  const [account, owner] = [...document.querySelectorAll('records-highlights-details-item[slot="secondaryFields"] a')];
  // Demo deal names are "<Account> — <Product>".
  const accountName = deal.name.split(' — ')[0] ?? deal.name;
  account?.setAttribute('href', `/lightning/r/Account/${recordId('001', accountName)}/view`);
  if (account) setText(account, accountName);
  if (owner) setText(owner, DEMO_REP.name);

  fillPath(document, deal, stages);
  setLayoutField(document, 'Opportunity Name', deal.name);
  // A blank Amount is how a layout shows an opportunity without one (opportunity-no-amount.html).
  setLayoutField(document, 'Amount', deal.amount === null ? '' : formatAmount(deal.amount, deal.currency));
  setLayoutField(document, 'Close Date', deal.closeDate ? formatCloseDate(deal.closeDate) : '');
  setLayoutField(document, 'Stage', deal.stage);
  fillTimeline(document, deal, events);

  const provenance = comment.replace(
    /\s*-->$/,
    `\n     Rendered from ${TEMPLATE_NAME} by scripts/demo/pages.ts for the demo (deal ${deal.id}, made-up data),\n     plus a <style data-pacer-demo> sketching Lightning's look, since no SLDS CSS ships with the fixture. -->`,
  );
  return `${provenance}\n<!DOCTYPE html>${document.documentElement.outerHTML}`;
}
