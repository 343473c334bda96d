// Pipedrive pages for the browser tests (and the demo): the hand-assembled
// fixtures of tests/fixtures/pipedrive, served at the URLs the unit tests read
// them under (tests/sites/pipedrive.test.ts), on the company host acme.pipedrive.com.
//
// Two fixtures show a modal open over a page another fixture shows at the same URL
// (Pipedrive opens "Schedule an activity" and "Add deal" in place, without changing
// the address). The `modal` query picks that saved state for this server only;
// Pacer reads the path, never the query.
import type { Route } from '../../../scripts/lib/https-server';
import { fixture, fixtureRoute } from './fixture-route';

export const PIPEDRIVE_HOST = 'acme.pipedrive.com';
export const PIPEDRIVE_ORIGIN = `https://${PIPEDRIVE_HOST}`;

/** Where each fixture is served. */
export const PIPEDRIVE_URLS = {
  /** deal-proposal.html: open deal 1042 at Proposal Made. */
  deal: `${PIPEDRIVE_ORIGIN}/deal/1042`,
  /** deal-won.html: deal 1043. */
  won: `${PIPEDRIVE_ORIGIN}/deal/1043`,
  /** deal-lost.html: deal 1044. */
  lost: `${PIPEDRIVE_ORIGIN}/deal/1044`,
  /** person.html: person 311. */
  person: `${PIPEDRIVE_ORIGIN}/person/311`,
  /** pipeline-board.html. */
  board: `${PIPEDRIVE_ORIGIN}/pipeline/1/user/everyone`,
  /** deals-list.html. */
  list: `${PIPEDRIVE_ORIGIN}/deals/list/user/everyone`,
  /** deal-add-activity.html: deal 1042 with "Schedule an activity" open, plus Pipedrive's form behaviour. */
  addActivity: `${PIPEDRIVE_ORIGIN}/deal/1042?modal=add-activity`,
  /** pipeline-add-deal.html: the board with "Add deal" open, plus Pipedrive's form behaviour. */
  addDeal: `${PIPEDRIVE_ORIGIN}/pipeline/1/user/everyone?modal=add-deal`,
  /** A page Pacer does not read: an organization (deal-proposal.html's markup, as the unit test reads it there). */
  organization: `${PIPEDRIVE_ORIGIN}/organization/88`,
  /** A deal page whose stage bar Pacer cannot find (deal-proposal.html without it): nothing may be guessed. */
  unreadableDeal: `${PIPEDRIVE_ORIGIN}/deal/1099`,
} as const;

/** The deal Pipedrive "creates" when Add deal is saved (the id the unit test confirms with). */
export const NEW_DEAL_ID = 2001;

/** A feed item of deal-proposal.html ("Intro call", a past call), cloned by the add-activity script. */
const FEED_TEMPLATE_ID = 'activity5470';

/** A string as a JS literal that is safe inside an inline <script>. */
const literal = (value: string) => JSON.stringify(value).replace(/<\//g, '<\\/');

/**
 * Pipedrive's own behaviour in the "Schedule an activity" modal, which the
 * saved page cannot do by itself. This is the CRM's side of the test, not Pacer's:
 * Pacer only watches the rep's Save click and then reads what the page shows.
 *  - A click on a type button makes it the chosen type (and the subject's placeholder its name).
 *  - Save with an empty subject keeps the modal open and shows "Subject is required"
 *    under the field; typing again clears the message.
 *  - Save with a subject closes the modal and puts the new activity at the top of the
 *    history feed: a clone of an existing feed item (deal-proposal.html's, so its markup is
 *    the fixture's) with a new data-item-id, the typed subject, the chosen type's icon,
 *    the form's due date and time (today when left empty), and the signed-in user as author.
 *    A due time still ahead goes under "Planned", as Pipedrive lists it.
 *  - Cancel closes the modal.
 */
export function pipedriveActivityFormScript(): string {
  const page = fixture('pipedrive/deal-proposal.html');
  return `(() => {
  const modal = document.querySelector('.cui5-modal');
  const save = modal && modal.querySelector('[data-test="save-activity-button"]');
  if (!save) return;
  const subject = modal.querySelector('[data-test="activity-subject"]');
  const typeButtons = [...modal.querySelectorAll('.cui5-button-group button')];
  const typeOf = button => (/#icon-sm-ac-([a-z]+)$/.exec(button.querySelector('use')?.getAttribute('href') || '') || [])[1];
  const capital = s => s.charAt(0).toUpperCase() + s.slice(1);
  for (const button of typeButtons) {
    button.addEventListener('click', () => {
      for (const other of typeButtons) other.classList.toggle('cui5-button--active', other === button);
      subject.placeholder = capital(typeOf(button) || '');
    });
  }

  const errorOf = () => subject.closest('.cui5-input').querySelector('.cui5-input__error-message');
  subject.addEventListener('input', () => errorOf()?.remove());

  const template = new DOMParser()
    .parseFromString(${literal(page)}, 'text/html')
    .querySelector('.flowItemContainer[data-item-id="${FEED_TEMPLATE_ID}"]');
  let nextId = Date.now() % 1e9; // Pipedrive's ids only grow; unique per save, and per page load
  const pad = n => String(n).padStart(2, '0');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  /** The due moment from the form: MM/DD/YYYY (the en-US placeholder) and "h:mm AM/PM"; today when empty. */
  const due = () => {
    const dateText = modal.querySelector('[data-test="activity-due-date"] input').value.trim();
    const timeText = modal.querySelector('[data-test="activity-due-time"] input').value.trim();
    const d = /^(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})$/.exec(dateText);
    const day = d ? new Date(+d[3], +d[1] - 1, +d[2]) : new Date(new Date().setHours(0, 0, 0, 0));
    const t = /^(\\d{1,2}):(\\d{2})\\s*([AP])M$/i.exec(timeText);
    if (t) day.setHours((+t[1] % 12) + (/p/i.test(t[3]) ? 12 : 0), +t[2]);
    return { at: day, hasTime: !!t };
  };

  save.addEventListener('click', () => {
    const typed = subject.value.trim();
    if (!typed) {
      if (!errorOf()) {
        const error = document.createElement('div');
        error.className = 'cui5-input__error-message';
        error.textContent = 'Subject is required';
        subject.closest('.cui5-input').append(error);
      }
      return;
    }
    const type = typeOf(modal.querySelector('.cui5-button--active') || typeButtons[0]);
    const { at, hasTime } = due();
    const item = template.cloneNode(true);
    item.setAttribute('data-item-id', 'activity' + nextId++);
    const title = item.querySelector('a.activityWrapper');
    title.textContent = typed;
    const stamp = item.querySelector('.interactiveTimestamp');
    const date = at.getFullYear() + '-' + pad(at.getMonth() + 1) + '-' + pad(at.getDate());
    stamp.setAttribute('data-time', date + (hasTime ? ' ' + pad(at.getHours()) + ':' + pad(at.getMinutes()) + ':00' : ' 00:00:00'));
    stamp.setAttribute('data-utc', '0');
    stamp.setAttribute('data-notime', hasTime ? '0' : '1');
    stamp.setAttribute('title', at.toLocaleString('en-US', { dateStyle: 'full', ...(hasTime ? { timeStyle: 'short' } : {}) }));
    stamp.textContent = months[at.getMonth()] + ' ' + at.getDate() +
      (hasTime ? ', ' + at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' }) : '');
    item.querySelector('.author').textContent =
      document.querySelector('[data-test="account-menu-button"] [data-test="name"]').textContent.trim();
    for (const use of item.querySelectorAll('.flowItemIcon use')) {
      use.setAttribute('href', '#icon-ac-' + type);
      use.setAttribute('xlink:href', '#icon-ac-' + type);
    }
    const planned = hasTime ? at > new Date() : false;
    if (planned) title.setAttribute('data-test', 'planned-activity-title');
    const feed = document.querySelector(planned ? '.flowContainer.focus' : '.flowContainer.past');
    modal.remove();
    feed.prepend(item);
  });

  const cancel = [...modal.querySelectorAll('button')].find(b => b.textContent.trim() === 'Cancel');
  cancel?.addEventListener('click', () => modal.remove());
})();`;
}

/**
 * Pipedrive's own behaviour in the "Add deal" modal (the CRM's side, not Pacer's):
 *  - Save with an empty title keeps the modal open with "Title is required" under the
 *    field; typing again clears it.
 *  - Save with a title closes the modal, shows the "New deal … created" snackbar and
 *    opens the new deal with the History API (/deal/<NEW_DEAL_ID>), as a single-page app does.
 *  - Cancel closes the modal.
 */
export function pipedriveAddDealScript(newDealId = NEW_DEAL_ID): string {
  return `(() => {
  const modal = document.querySelector('[data-test="add-modal"]');
  if (!modal) return;
  const title = modal.querySelector('[data-test-key="title"] input');
  const errorOf = () => title.closest('.cui5-input').querySelector('.cui5-input__error-message');
  title.addEventListener('input', () => errorOf()?.remove());
  modal.querySelector('[data-test="add-modals-save"]').addEventListener('click', () => {
    const typed = title.value.trim();
    if (!typed) {
      if (!errorOf()) {
        const error = document.createElement('div');
        error.className = 'cui5-input__error-message';
        error.textContent = 'Title is required';
        title.closest('.cui5-input').append(error);
      }
      return;
    }
    modal.remove();
    const snackbar = document.createElement('div');
    snackbar.className = 'cui5-snackbar';
    const message = document.createElement('p');
    message.className = 'cui5-snackbar__message';
    message.textContent = 'New deal "' + typed + '" created';
    snackbar.append(message);
    document.body.append(snackbar);
    history.pushState({}, '', '/deal/${newDealId}');
  });
  modal.querySelector('[data-test="add-modals-cancel-button"]').addEventListener('click', () => modal.remove());
})();`;
}

const host = /^acme\.pipedrive\.com$/;

/** A route that serves `file`, or `modalFile` (with its script) when the query asks for that modal. */
function pageWithModal(path: RegExp, file: string, modal: string, modalFile: string, script: string): Route {
  const plain = fixtureRoute(host, path, file);
  const withModal = fixtureRoute(host, path, modalFile, script);
  return { host, path, handle: req => (req.query.get('modal') === modal ? withModal.handle(req) : plain.handle(req)) };
}

/** deal-proposal.html without its stage bar: a deal page whose layout Pacer does not know. */
const withoutStageBar = () => {
  const html = fixture('pipedrive/deal-proposal.html');
  const stripped = html.replace(/<div class="cui5-stage-selector">[\s\S]*?<\/div>\n/, '');
  if (stripped === html) throw new Error('deal-proposal.html has no stage bar to remove');
  return stripped;
};

/** Built once: the scripts embed a fixture. */
const activityScript = pipedriveActivityFormScript();
const addDealScript = pipedriveAddDealScript();

export const pipedriveRoutes: Route[] = [
  pageWithModal(/^\/deal\/1042\/?$/, 'pipedrive/deal-proposal.html', 'add-activity', 'pipedrive/deal-add-activity.html', activityScript),
  fixtureRoute(host, /^\/deal\/1043\/?$/, 'pipedrive/deal-won.html'),
  fixtureRoute(host, /^\/deal\/1044\/?$/, 'pipedrive/deal-lost.html'),
  { host, path: /^\/deal\/1099\/?$/, handle: () => ({ body: withoutStageBar() }) },
  fixtureRoute(host, /^\/person\/311\/?$/, 'pipedrive/person.html'),
  pageWithModal(/^\/pipeline\/1\/user\/everyone\/?$/, 'pipedrive/pipeline-board.html', 'add-deal', 'pipedrive/pipeline-add-deal.html', addDealScript),
  fixtureRoute(host, /^\/deals\/list\/user\/everyone\/?$/, 'pipedrive/deals-list.html'),
  fixtureRoute(host, /^\/organization\/88\/?$/, 'pipedrive/deal-proposal.html'),
];
