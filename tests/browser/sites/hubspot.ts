// HubSpot pages for the browser tests: the hand-built fixtures of tests/fixtures/hubspot,
// served at the URLs tests/sites/hubspot.test.ts reads them under, so the content
// script matches them by its real patterns (app.hubspot.com, app-eu1.hubspot.com).
//
// The page scripts below stand in for HubSpot's own behaviour after the rep's click
// (close the panel and show the new activity, or show a validation error; open the
// new deal). They belong to the CRM, never to Pacer: Pacer only watches the page.
import type { Route, RouteRequest } from '../../../scripts/lib/https-server';
import { fixture, fixtureRoute } from './fixture-route';

export const HUBSPOT_PORTAL = '4411223';
const APP = 'https://app.hubspot.com';
const EU = 'https://app-eu1.hubspot.com';
const P = HUBSPOT_PORTAL;

/** The deal, contact and company ids the fixtures show. */
export const HUBSPOT_IDS = {
  midDeal: '21098765432',
  wonDeal: '19800000001',
  lostDeal: '21098765077',
  /** Not a fixture id: the mid deal's page caught before its left column rendered. */
  loadingDeal: '21098765999',
  contact: '98765',
  company: '5550001',
} as const;

/** Every HubSpot page the tests (and the demo) open, by what it shows. */
export const hubspotUrls = {
  dealMid: `${APP}/contacts/${P}/record/0-3/${HUBSPOT_IDS.midDeal}`,
  dealLogCall: `${APP}/contacts/${P}/record/0-3/${HUBSPOT_IDS.midDeal}?interaction=logged-call`,
  /** The same deal with the Log meeting panel (no fixture of its own: see `logMeetingPanel`). */
  dealLogMeeting: `${APP}/contacts/${P}/record/0-3/${HUBSPOT_IDS.midDeal}?interaction=logged-meeting`,
  /** The EU portal, on the legacy /deal/ path HubSpot still answers. */
  dealWon: `${EU}/contacts/25112233/deal/${HUBSPOT_IDS.wonDeal}`,
  dealLost: `${APP}/contacts/${P}/record/0-3/${HUBSPOT_IDS.lostDeal}`,
  dealLoading: `${APP}/contacts/${P}/record/0-3/${HUBSPOT_IDS.loadingDeal}`,
  contact: `${APP}/contacts/${P}/record/0-1/${HUBSPOT_IDS.contact}`,
  contactEmail: `${APP}/contacts/${P}/record/0-1/${HUBSPOT_IDS.contact}?interaction=email`,
  company: `${APP}/contacts/${P}/record/0-2/${HUBSPOT_IDS.company}`,
  board: `${APP}/contacts/${P}/objects/0-3/views/all/board`,
  list: `${APP}/contacts/${P}/objects/0-3/views/my/list`,
  creator: `${APP}/object-builder/${P}/0-3/embed`,
} as const;

/** The rep the fixtures attribute "made by / sent by / organized by" to. */
export const HUBSPOT_FIXTURE_REP = 'Riley Moss';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const APP_HOST = /^app\.hubspot\.com$/;
const EU_HOST = /^app-eu1\.hubspot\.com$/;
const record = (type: string, id: string) => new RegExp(`^/contacts/${P}/record/${esc(type)}/${id}/?$`);

// ---------------------------------------------------------------------------
// HubSpot's behaviour, as page scripts

/**
 * HubSpot's communicator (Log call, Log meeting, the email composer) after Save
 * or Send. HubSpot checks the required fields first: one left empty shows an
 * error inside the panel (`role=alert`, as the fixtures assume) and the panel
 * stays. Otherwise, after the round trip to its server, it closes the panel and
 * the activity appears on the record's timeline: a new card with a new
 * engagement id, attributed to the signed-in user, headed with what was typed
 * (a call's outcome, a meeting's title, an email's subject), dated when the form
 * says (a call or meeting) or now (an email). The card is a clone of one of the
 * fixture's own cards of that type, so it has exactly their structure.
 * A logged call has no title field in the panel, so its card shows no title.
 */
export const communicatorScript = (rep: string) => `
(() => {
  const REP = ${JSON.stringify(rep)};
  const SAVE = 'button[data-selenium-test="rich-text-editor-controls__save-btn"]';
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const field = (panel, property) => panel.querySelector('[data-selenium-test="property-input-' + property + '"]');
  const value = el => (el ? ('value' in el && el.localName === 'input' ? el.value : el.textContent) : '').trim();
  const kindOf = panel =>
    panel.querySelector('[data-selenium-test="email-subject-input"]') ? 'email'
      : field(panel, 'hs_meeting_outcome') || field(panel, 'hs_meeting_title') ? 'meeting' : 'call';
  const clock = d => {
    const h = d.getHours() % 12 || 12;
    return h + ':' + String(d.getMinutes()).padStart(2, '0') + ' ' + (d.getHours() < 12 ? 'AM' : 'PM');
  };
  // HubSpot's timeline stamps: "Today at 9:10 AM", else "Nov 24, 2026 at 9:00 AM".
  const stamp = d => {
    const today = new Date();
    const sameDay = d.toDateString() === today.toDateString();
    return (sameDay ? 'Today' : MONTHS[d.getMonth()] + ' ' + d.getDate() + ', ' + d.getFullYear()) + ' at ' + clock(d);
  };
  // The form's date ("11/26/2026", month first as the fixtures' portal writes it) and time ("3:30 PM").
  const formTime = panel => {
    const date = /^(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})$/.exec(value(field(panel, 'hs_timestamp')));
    const time = /^(\\d{1,2}):(\\d{2})\\s*([AP]M)$/i.exec(value(panel.querySelector('input[aria-label="Time"]')));
    if (!date || !time) return null;
    const h = (Number(time[1]) % 12) + (time[3].toUpperCase() === 'PM' ? 12 : 0);
    return new Date(Number(date[3]), Number(date[1]) - 1, Number(date[2]), h, Number(time[2]));
  };
  let nextId = 71990000000 + (Date.now() % 1000000) * 10;

  function showError(panel, message) {
    const alert = document.createElement('div');
    alert.setAttribute('role', 'alert');
    alert.textContent = message;
    panel.append(alert);
  }

  function addCard(kind, header, when, notes) {
    const timeline = document.querySelector('[data-test-id="crm-events-viz-timeline"]');
    if (!timeline) return;
    const word = { call: 'Call', meeting: 'Meeting', email: 'Email' }[kind];
    const cards = [...timeline.querySelectorAll('[data-selenium-test="timeline-card"]')];
    const headerOf = card => card.querySelector('[data-test-id="generic-preview-event-header"]')?.textContent.trim() ?? '';
    const template = cards.find(c => headerOf(c).startsWith(word + ' - ')) ?? cards[0];
    const card = template.cloneNode(true);
    for (const el of card.querySelectorAll('[data-test-id="generic-preview-event-header"] [data-content] > span')) el.textContent = header;
    for (const el of card.querySelectorAll('[data-selenium-test="timeline-editable-title"]')) el.remove();
    for (const el of card.querySelectorAll('[data-test-id="event-timestamp"]')) el.textContent = stamp(when);
    card.querySelector('[data-selenium-test="timeline-header-actions"]')?.setAttribute('data-selenium-id', String(nextId++));
    const body = card.querySelector('[data-test-id="collapsible-event-accordion"] > div');
    if (body) {
      const section = document.createElement('div');
      section.setAttribute('data-selenium-test', 'timeline-editable-section');
      section.textContent = notes;
      body.replaceChildren(...(notes ? [section] : []));
    }
    // Newest first, under the first month heading (after "Upcoming", if shown).
    const month = [...timeline.querySelectorAll('h5')].find(h => h.textContent.trim() !== 'Upcoming');
    if (month) month.after(card);
    else timeline.append(card);
  }

  document.addEventListener('click', event => {
    const save = event.target instanceof Element ? event.target.closest(SAVE) : null;
    const panel = save?.closest('[role="dialog"]');
    if (!panel || save.disabled) return;
    for (const old of panel.querySelectorAll('[role="alert"]')) old.remove();
    const kind = kindOf(panel);
    const notes = value(panel.querySelector('.public-DraftEditor-content'));
    let header, when;
    if (kind === 'email') {
      const subject = value(panel.querySelector('[data-selenium-test="email-subject-input"]'));
      if (!subject) return showError(panel, 'Add a subject line before you send this email.');
      header = 'Email - ' + subject + ' sent by ' + REP;
      when = new Date();
    } else {
      when = formTime(panel);
      if (!when) return showError(panel, 'Enter the date and time of this ' + kind + '.');
      if (kind === 'meeting') {
        const title = value(field(panel, 'hs_meeting_title'));
        if (!title) return showError(panel, 'Give this meeting a title.');
        header = 'Meeting - ' + title + ' organized by ' + REP;
      } else {
        header = 'Call - ' + (value(field(panel, 'hs_call_disposition')) || 'Connected') + ' made by ' + REP;
      }
    }
    // Saving: the button is disabled until HubSpot's server answers.
    save.disabled = true;
    setTimeout(() => {
      panel.remove();
      addCard(kind, header, when, notes);
    }, 400);
  });
})();
`;

/**
 * HubSpot's Log meeting panel. No fixture shows it: it is the Log call panel of
 * deal-log-call.html with meeting fields, as tests/sites/hubspot.test.ts builds
 * it (outcome `hs_meeting_outcome`, no call direction, heading "Log meeting"),
 * plus a title field `property-input-hs_meeting_title` in the same field grammar
 * (assumed, like the other engagement fields). Runs before the communicator script.
 */
export const logMeetingPanel = `
(() => {
  const panel = document.querySelector('[role="dialog"]');
  panel.querySelector('#communicator-heading').textContent = 'Log meeting';
  const outcome = panel.querySelector('[data-selenium-test="property-input-hs_call_disposition"]');
  outcome.setAttribute('data-selenium-test', 'property-input-hs_meeting_outcome');
  outcome.querySelector('span').textContent = 'Completed';
  outcome.closest('[data-test-id="FormControl"]').querySelector('label').textContent = 'Outcome';
  panel.querySelector('[data-selenium-test="property-input-hs_call_direction"]').closest('[data-test-id="FormControl"]').remove();
  const contacted = panel.querySelector('[data-test-id="FormControl"]');
  contacted.querySelector('label').textContent = 'Attendees';
  const title = document.createElement('div');
  title.setAttribute('data-test-id', 'FormControl');
  title.innerHTML = '<label id="FormControl-label90" for="meeting-title">Title</label><div data-test-id="hover-content-wrapper"></div>' +
    '<input type="text" id="meeting-title" data-selenium-test="property-input-hs_meeting_title" value="">';
  contacted.before(title);
  panel.querySelector('.public-DraftEditor-content').setAttribute('aria-label', 'Describe the meeting');
  panel.querySelector('.public-DraftEditor-content [data-text]').textContent = '';
})();
`;

/**
 * HubSpot's create-record dialog after Create: a required field left empty
 * shows an error in the dialog; otherwise, after the round trip, HubSpot closes
 * the dialog and opens the new deal (history API, as the single-page app does).
 */
export const createDealScript = `
(() => {
  let nextId = 21098800000 + (Date.now() % 100000);
  document.addEventListener('click', event => {
    const create = event.target instanceof Element ? event.target.closest('button[data-selenium-test="create"]') : null;
    const creator = create?.closest('[data-selenium-test="creator"]');
    if (!creator || create.disabled) return;
    for (const old of creator.querySelectorAll('[role="alert"]')) old.remove();
    const name = creator.querySelector('[data-selenium-test="property-input-dealname"]').value.trim();
    if (!name) {
      const alert = document.createElement('div');
      alert.setAttribute('role', 'alert');
      alert.textContent = 'Deal name is required.';
      creator.querySelector('form').append(alert);
      return;
    }
    create.disabled = true;
    setTimeout(() => {
      creator.remove();
      history.pushState({}, '', '/contacts/${P}/record/0-3/' + nextId++);
      document.title = name + ' | Deal';
    }, 400);
  });
})();
`;

// ---------------------------------------------------------------------------
// Routes

/** One path whose page depends on `?interaction=` (HubSpot's deep link to a panel). */
function byInteraction(host: RegExp, path: RegExp, pages: Record<string, Route> & { '': Route }): Route {
  return { host, path, handle: (req: RouteRequest) => (pages[req.query.get('interaction') ?? ''] ?? pages['']).handle(req) };
}

/**
 * The mid deal caught mid-render: its timeline is on screen, its left column
 * (name, stage, amount) is not yet. Its engagement ids are changed so that any
 * event read from this page would be new in the store, never a duplicate.
 */
function loadingDealPage(): string {
  const html = fixture('hubspot/deal-contract-sent.html');
  const emptied = html.replace(/(<aside data-test-id="left-sidebar">)[\s\S]*?(<\/aside>)/, '$1$2').replace(/data-selenium-id="719000000/g, 'data-selenium-id="719990000');
  if (emptied === html || emptied.includes('highlight-record-label')) throw new Error('deal-contract-sent.html changed: the loading page cannot be built');
  return emptied;
}

/** The routes; `rep` is who HubSpot names on the cards the scripts add. */
export function hubspotFixtureRoutes(rep: string = HUBSPOT_FIXTURE_REP): Route[] {
  const communicator = communicatorScript(rep);
  return [
    byInteraction(APP_HOST, record('0-3', HUBSPOT_IDS.midDeal), {
      '': fixtureRoute(APP_HOST, /./, 'hubspot/deal-contract-sent.html'),
      'logged-call': fixtureRoute(APP_HOST, /./, 'hubspot/deal-log-call.html', communicator),
      'logged-meeting': fixtureRoute(APP_HOST, /./, 'hubspot/deal-log-call.html', logMeetingPanel + communicator),
    }),
    fixtureRoute(APP_HOST, record('0-3', HUBSPOT_IDS.lostDeal), 'hubspot/deal-closed-lost.html'),
    { host: APP_HOST, path: record('0-3', HUBSPOT_IDS.loadingDeal), handle: () => ({ body: loadingDealPage() }) },
    fixtureRoute(EU_HOST, new RegExp(`^/contacts/25112233/(?:deal/${HUBSPOT_IDS.wonDeal}|record/0-3/${HUBSPOT_IDS.wonDeal})/?$`), 'hubspot/deal-closed-won.html'),
    byInteraction(APP_HOST, record('0-1', HUBSPOT_IDS.contact), {
      '': fixtureRoute(APP_HOST, /./, 'hubspot/contact.html'),
      email: fixtureRoute(APP_HOST, /./, 'hubspot/contact-email-composer.html', communicator),
    }),
    fixtureRoute(APP_HOST, record('0-2', HUBSPOT_IDS.company), 'hubspot/company.html'),
    fixtureRoute(APP_HOST, new RegExp(`^/contacts/${P}/objects/0-3/views/all/board/?$`), 'hubspot/deal-board.html'),
    fixtureRoute(APP_HOST, new RegExp(`^/contacts/${P}/objects/0-3/views/my/list/?$`), 'hubspot/deal-list.html'),
    fixtureRoute(APP_HOST, new RegExp(`^/object-builder/${P}/0-3/embed/?$`), 'hubspot/create-deal-dialog.html', createDealScript),
  ];
}

/** HubSpot pages for the browser tests. */
export const hubspotRoutes: Route[] = hubspotFixtureRoutes();
