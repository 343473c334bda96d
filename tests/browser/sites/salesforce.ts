// Salesforce Lightning pages for the browser tests: the hand-built fixtures of
// tests/fixtures/salesforce, served at the Lightning URLs and under the record ids
// tests/sites/salesforce*.test.ts read them with, so the content script matches
// them by its real pattern (https://*.lightning.force.com/*).
//
// The page scripts below stand in for Lightning's own behaviour after the rep's
// click (save the activity, close the docked composer and show the new row on the
// timeline, or show a field error; create the lead and open its record). They are
// the CRM's behaviour, never Pacer's: Pacer only watches the page.
import type { Route } from '../../../scripts/lib/https-server';
import { fixture, fixtureRoute } from './fixture-route';

/** The host the browser tests serve Lightning under (any *.lightning.force.com matches). */
export const SF_ORIGIN = 'https://pacer-test.lightning.force.com';

/** The record ids the fixtures show, as the unit tests use them. */
export const SALESFORCE_IDS = {
  /** Acme — 500 Widgets: opportunity-composer.html (the same record as opportunity-negotiation.html). */
  composerDeal: '0065e00000Gq7TZAAZ',
  /** Initrode — Platform, with its Stage History related list. */
  stageHistoryDeal: '0065e00000Lm2PqAAJ',
  /** Hooli — Starter: a row of the list view. */
  hooliDeal: '0065e00000Gq8WnAAJ',
  lead: '00Q5e00000Rb7NqEAJ',
  contact: '0035e00000Tz4HcAAJ',
  account: '0015e00000Ab1CdAAJ',
  /** The lead Lightning creates from the New Lead modal (the id tests/sites/salesforce-actions.test.ts uses). */
  newLead: '00Q5e00000Rb8KdEAJ',
} as const;

/** What the rep types into the New Lead modal; the new lead's page shows the same. */
export const NEW_LEAD = { firstName: 'Tomás', lastName: 'Okafor', company: 'Umbrella Corp' } as const;

const ID = SALESFORCE_IDS;
export const salesforceUrls = {
  composer: `${SF_ORIGIN}/lightning/r/Opportunity/${ID.composerDeal}/view`,
  stageHistory: `${SF_ORIGIN}/lightning/r/Opportunity/${ID.stageHistoryDeal}/view`,
  lead: `${SF_ORIGIN}/lightning/r/Lead/${ID.lead}/view`,
  contact: `${SF_ORIGIN}/lightning/r/Contact/${ID.contact}/view`,
  account: `${SF_ORIGIN}/lightning/r/Account/${ID.account}/view`,
  listView: `${SF_ORIGIN}/lightning/o/Opportunity/list?filterName=Recent`,
  /** "New" on the Leads list view: the modal's URL, with the list behind it in backgroundContext. */
  newLead: `${SF_ORIGIN}/lightning/o/Lead/new?count=1&nooverride=1&useRecordTypeCheck=1&navigationLocation=LIST_VIEW&backgroundContext=%2Flightning%2Fo%2FLead%2Flist%3FfilterName%3DRecent`,
  createdLead: `${SF_ORIGIN}/lightning/r/Lead/${ID.newLead}/view`,
} as const;

const HOST = /\.lightning\.force\.com$/;
const record = (sobject: string, id: string) => new RegExp(`^/lightning/r/${sobject}/${id}/view/?$`);

/** Replaces `from` in `html`, and fails loudly when the fixture no longer has it. */
function edit(html: string, from: string | RegExp, to: string, what: string): string {
  const next = html.replace(from, to);
  if (next === html) throw new Error(`Salesforce fixture changed: cannot ${what}`);
  return next;
}

// ---------------------------------------------------------------------------
// Lightning's docked composers after Save / Send

/**
 * The rows Lightning renders on this opportunity's activity timeline, one per
 * type, taken from opportunity-negotiation.html (the same record: the composer
 * fixture copies its header, Path and fields, but shows its timeline empty).
 * A new row is a clone of one of them, so it has exactly their structure.
 */
function timelineTemplates(): { call: string; email: string; event: string } {
  const html = fixture('salesforce/opportunity-negotiation.html');
  const rows = html.match(/<li><div class="slds-timeline__item_expandable[\s\S]*?<\/article><\/div><\/div><\/div><\/li>/g) ?? [];
  const mine = (cls: string) => rows.find(r => r.includes(cls) && r.includes('<a href="#">You</a>'));
  const call = mine('slds-timeline__item_call');
  const email = mine('slds-timeline__item_email');
  const event = mine('slds-timeline__item_event');
  if (!call || !email || !event) throw new Error('opportunity-negotiation.html changed: no timeline rows to clone');
  return { call, email, event };
}

/**
 * Lightning's publisher (Log a Call, New Event, Email) after the rep's Save or
 * Send. A Log a Call or New Event with the Subject left empty shows the field's
 * error ("Complete this field.", SLDS `slds-has-error` + `role=alert` help text)
 * and the composer stays open. Otherwise, while the save is in flight a second
 * click does nothing; after the round trip Lightning closes the docked composer
 * and the activity appears on the timeline: a new row (a new Task 00T / Event 00U
 * id in its subject link; an email's row links no record), headed with the typed
 * subject, "You logged a call with / created an event with / emailed" the
 * composer's contact, dated in the timeline's "2:00pm | 11/20/26" format: the
 * call's Date at the time of saving, the event's Start, the email's send time.
 * Done events go under past activities, newest first; future ones under Upcoming.
 */
export function composerScript(): string {
  return `
(() => {
  const TEMPLATES = ${JSON.stringify(timelineTemplates())};
  // The composer's contact (its Name / To pill), as the timeline links it.
  const CONTACT = { name: 'Dana Park', href: '/lightning/r/Contact/${ID.contact}/view' };
  const pad = n => String(n).padStart(2, '0');
  const stamp = d =>
    (d.getHours() % 12 || 12) + ':' + pad(d.getMinutes()) + (d.getHours() < 12 ? 'am' : 'pm') + ' | ' +
    (d.getMonth() + 1) + '/' + d.getDate() + '/' + String(d.getFullYear()).slice(2);
  const field = (composer, api) => composer.querySelector('[data-target-selection-name="sfdc:RecordField.' + api + '"]');
  const value = input => (input ? input.value : '').trim();
  const mdy = text => {
    const m = /^(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})$/.exec(text);
    return m ? new Date(Number(m[3]), Number(m[1]) - 1, Number(m[2])) : null;
  };
  const at = (day, time) => {
    const m = /^(\\d{1,2}):(\\d{2})\\s*([AP]M)$/i.exec(time);
    if (!day || !m) return null;
    day.setHours((Number(m[1]) % 12) + (m[3].toUpperCase() === 'PM' ? 12 : 0), Number(m[2]));
    return day;
  };
  // 15-char ids are case-sensitive; the 18-char form adds one checksum letter per 5 chars.
  // Digits only after the prefix: "00T5e" / "00U5e" give E, the rest A.
  let serial = Date.now() % 1e10;
  const newId = prefix => prefix + '5e' + String(serial++).padStart(10, '0') + 'EAA';

  function showFieldError(fieldEl) {
    fieldEl.classList.add('slds-has-error');
    const help = document.createElement('div');
    help.className = 'slds-form-element__help';
    help.setAttribute('role', 'alert');
    help.textContent = 'Complete this field.';
    fieldEl.append(help);
  }

  function addRow(kind, subject, when, recordId) {
    const tpl = document.createElement('template');
    tpl.innerHTML = TEMPLATES[kind].trim();
    const row = tpl.content.firstElementChild;
    const h3 = row.querySelector('h3');
    h3.setAttribute('title', subject);
    h3.querySelector('strong').textContent = subject;
    if (recordId) h3.querySelector('a').setAttribute('href', '/lightning/r/' + (kind === 'event' ? 'Event' : 'Task') + '/' + recordId + '/view');
    const toggle = row.querySelector('.slds-media__figure button');
    toggle.setAttribute('title', 'Toggle details for ' + subject);
    toggle.querySelector('.slds-assistive-text').textContent = 'Toggle details for ' + subject;
    const details = 'item-' + (recordId || Date.now());
    toggle.setAttribute('aria-controls', details);
    row.querySelector('article').id = details;
    row.querySelector('.slds-timeline__date').textContent = stamp(when);
    // "<a>You</a> logged a call with / created an event with / emailed <a>contact</a>"
    const summary = row.querySelector('.slds-media__body > p');
    const who = summary.querySelectorAll('a')[1];
    who.setAttribute('href', CONTACT.href);
    who.textContent = CONTACT.name;
    while (who.nextSibling) who.nextSibling.remove();
    summary.append(' ');
    const upcoming = when > new Date();
    const list = document.querySelector(upcoming ? '.standardTimelineUpcomingActivities ul' : '.activityHistories ul');
    list.prepend(row);
  }

  document.addEventListener('click', event => {
    const button = event.target instanceof Element ? event.target.closest('.cuf-publisherShareButton') : null;
    const composer = button && button.closest('.slds-docked-composer');
    if (!composer) return;
    if (composer.dataset.saving) return; // the first click's save is in flight
    for (const el of composer.querySelectorAll('.slds-has-error')) el.classList.remove('slds-has-error');
    for (const el of composer.querySelectorAll('.slds-form-element__help')) el.remove();
    const title = composer.querySelector('.slds-docked-composer__header h2').getAttribute('title');
    const kind = title === 'Log a Call' ? 'call' : title === 'New Event' ? 'event' : title === 'Email' ? 'email' : null;
    if (!kind) return;
    const subjectInput = composer.querySelector('input[aria-label="Subject"]');
    const subject = value(subjectInput);
    if (!subject && kind !== 'email') return showFieldError(subjectInput.closest('.slds-form-element'));
    let when = new Date();
    if (kind === 'call') {
      // The call's Date, at the time it is logged.
      const day = mdy(value(field(composer, 'Task.ActivityDate').querySelector('input')));
      if (day) {
        day.setHours(when.getHours(), when.getMinutes());
        when = day;
      }
    } else if (kind === 'event') {
      const start = field(composer, 'Event.StartDateTime');
      const day = mdy(value(start.querySelector('input[name="StartDateTime-date"]')));
      when = at(day, value(start.querySelector('input[name="StartDateTime-time"]'))) || when;
    }
    composer.dataset.saving = '1';
    setTimeout(() => {
      composer.closest('.forceDockingPanel').remove();
      addRow(kind, subject || '(no subject)', when, kind === 'call' ? newId('00T') : kind === 'event' ? newId('00U') : '');
    }, 400);
  });

  // CKEditor makes the email body frame editable once it loads.
  for (const frame of document.querySelectorAll('iframe.cke_wysiwyg_frame')) {
    const doc = frame.contentDocument;
    if (doc && doc.body) {
      doc.body.contentEditable = 'true';
      doc.body.className = 'cke_editable cke_editable_themed cke_contents_ltr';
    }
  }
})();
`;
}

// ---------------------------------------------------------------------------
// The New Lead record-create modal, and the lead Lightning opens after Save

/**
 * record-create-modal.html is "New Opportunity" over the Opportunities list. The
 * New Lead modal is the same Lightning record form with the Lead's title, object
 * and required fields (First Name, Last Name, Company), over the Leads list.
 */
function newLeadModalPage(): string {
  let html = fixture('salesforce/record-create-modal.html');
  html = edit(html, '<title>New Opportunity | Salesforce</title>', '<title>New Lead | Salesforce</title>', 'retitle the page');
  html = edit(html, '>New Opportunity</h2>', '>New Lead</h2>', 'retitle the modal');
  html = edit(html, '<span>Opportunities</span>', '<span>Leads</span>', 'rename the list behind the modal');
  html = edit(html, 'Opportunity Information', 'Lead Information', 'rename the form section');
  const item = /<records-record-layout-item field-label="Opportunity Name">[\s\S]*?<\/records-record-layout-item>/.exec(html)?.[0];
  if (!item) throw new Error('record-create-modal.html changed: no Opportunity Name input to copy');
  const input = (label: string, name: string, required: boolean) => {
    let out = item
      .replace(/Opportunity Name/g, label)
      .replace(/input-Name/g, `input-${name}`)
      .replace('name="Name"', `name="${name}"`)
      .replace(/value="[^"]*"/, 'value=""');
    if (!required) out = out.replace('<abbr class="slds-required" title="required">*</abbr>', '').replace(' required>', '>');
    return out;
  };
  const rows =
    `<records-record-layout-row>${input('First Name', 'FirstName', false)}${input('Last Name', 'LastName', true)}</records-record-layout-row>` +
    `<records-record-layout-row>${input('Company', 'Company', true)}</records-record-layout-row>`;
  return edit(html, /(<\/h3>\s*)<records-record-layout-row>[\s\S]*<\/records-record-layout-row>/, `$1${rows}`, 'replace the form fields');
}

/**
 * The new lead's record page: lead.html showing what the rep typed, with no
 * email, phone, title or LinkedIn profile yet and an empty activity timeline.
 */
function createdLeadPage(): string {
  const name = `${NEW_LEAD.firstName} ${NEW_LEAD.lastName}`;
  let html = fixture('salesforce/lead.html');
  html = edit(html, /00Q5e00000Rb7NqEAJ/g, ID.newLead, 'change the lead id');
  html = edit(html, /Priya Natarajan/g, name, 'rename the lead');
  html = edit(html, />Initech</g, `>${NEW_LEAD.company}<`, 'change the company');
  html = edit(html, />VP Procurement</g, '><', 'blank the title');
  html = edit(html, /<a href="(?:mailto:|tel:|https:\/\/www\.linkedin\.com\/)[^"]*"[^>]*>[^<]*<\/a>/g, '', 'blank email, phone and LinkedIn');
  return edit(html, /<li><div class="slds-timeline__item_expandable[\s\S]*?<\/article><\/div><\/div><\/div><\/li>/g, '', 'empty the timeline');
}

/**
 * Lightning's record form after Save: a required field left empty shows the
 * form's error list and the field's error state, and the modal stays. Otherwise,
 * after the round trip, Lightning closes the modal, opens the new lead's record
 * page (History API, as the single-page app does) and renders it in place.
 */
export function createLeadScript(): string {
  const page = createdLeadPage();
  const body = /<body>([\s\S]*)<\/body>/.exec(page)?.[1];
  if (!body) throw new Error('lead.html changed: no body');
  return `
(() => {
  const LEAD_PAGE = ${JSON.stringify(body)};
  const LEAD_URL = '/lightning/r/Lead/${ID.newLead}/view';
  document.addEventListener('click', event => {
    const save = event.target instanceof Element ? event.target.closest('lightning-button.save-button button') : null;
    const modal = save && save.closest('.uiModal');
    if (!modal || modal.dataset.saving) return;
    const form = modal.querySelector('records-base-record-form');
    for (const el of form.querySelectorAll('records-record-edit-error')) el.remove();
    for (const el of form.querySelectorAll('.slds-has-error')) el.classList.remove('slds-has-error');
    const missing = [...form.querySelectorAll('input[required]')].filter(input => !input.value.trim());
    if (missing.length) {
      const labels = missing.map(input => form.querySelector('label[for="' + input.id + '"]').textContent.replace('*', '').trim());
      form.insertAdjacentHTML('afterbegin', '<records-record-edit-error><div class="pageLevelErrors"><ul class="errorsList"><li>These required fields must be completed: ' + labels.join(', ') + '</li></ul></div></records-record-edit-error>');
      for (const input of missing) input.closest('.slds-form-element').classList.add('slds-has-error');
      return;
    }
    modal.dataset.saving = '1';
    setTimeout(() => {
      modal.remove();
      history.pushState({}, '', LEAD_URL);
      document.title = ${JSON.stringify(`${NEW_LEAD.firstName} ${NEW_LEAD.lastName} | Salesforce`)};
      document.querySelector('lst-object-home').outerHTML = LEAD_PAGE;
    }, 400);
  });
})();
`;
}

// ---------------------------------------------------------------------------
// Routes

/** Salesforce pages for the browser tests. Listed before site.ts's catch-all Salesforce routes. */
export const salesforceRoutes: Route[] = [
  fixtureRoute(HOST, record('Opportunity', ID.composerDeal), 'salesforce/opportunity-composer.html', composerScript()),
  fixtureRoute(HOST, record('Opportunity', ID.stageHistoryDeal), 'salesforce/opportunity-stage-history.html'),
  fixtureRoute(HOST, record('Lead', ID.lead), 'salesforce/lead.html'),
  fixtureRoute(HOST, record('Contact', ID.contact), 'salesforce/contact.html'),
  fixtureRoute(HOST, record('Account', ID.account), 'salesforce/account.html'),
  fixtureRoute(HOST, /^\/lightning\/o\/Opportunity\/list\/?$/, 'salesforce/opportunity-list-view.html'),
  { host: HOST, path: /^\/lightning\/o\/Lead\/new\/?$/, handle: () => ({ body: newLeadModalPage().replace('</body>', () => `<script>${createLeadScript()}</script></body>`) }) },
  { host: HOST, path: record('Lead', ID.newLead), handle: () => ({ body: createdLeadPage() }) },
];
