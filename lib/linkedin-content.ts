// Pacer on LinkedIn. LinkedIn probes pages for extensions, so this runner adds
// nothing to the page: no element, no style, no event or message on the page's
// window (it is not a WXT content-script context, which posts one), no
// web-accessible resource. It only reads, in the isolated world, and listens.
import { confirmWatcher } from './confirm-watch';
import { fenceFor } from './fence';
import { sendMessage, type PageState } from './messages';
import { linkedinActionEvent, observeLinkedIn } from './linkedin-observe';
import { firstReading } from './first-reading';
import { Outbox } from './outbox';
import { observeOptions, readingChanges } from './read-trigger';
import { withTreeCache } from './sites/dom';
import { linkedin, selectors, type LinkedInAction, type LinkedInReading } from './sites/linkedin';

const READ_DEBOUNCE_MS = 400;
const LOCATION_POLL_MS = 500;
const CONFIRM_POLL_MS = 250;
const CONFIRM_TIMEOUT_MS = 15_000;

function pageState(reading: LinkedInReading, url: string, readAt: string): PageState {
  const base = { site: 'linkedin' as const, url, health: reading.health, readAt };
  switch (reading.kind) {
    case 'profile':
      return {
        ...base,
        kind: 'person',
        profileUrl: reading.person.profileUrl,
        person: {
          name: reading.person.name,
          ...(reading.person.company ? { company: reading.person.company } : {}),
          ...(reading.person.headline ? { title: reading.person.headline } : {}),
          linkedinUrl: reading.person.profileUrl,
          recordType: 'linkedin',
        },
      };
    case 'lead':
      return {
        ...base,
        kind: 'person',
        ...(reading.person.profileUrl ? { profileUrl: reading.person.profileUrl } : {}),
        person: {
          name: reading.person.name,
          ...(reading.person.company ? { company: reading.person.company } : {}),
          ...(reading.person.title ? { title: reading.person.title } : {}),
          ...(reading.person.profileUrl ? { linkedinUrl: reading.person.profileUrl } : {}),
          recordType: 'linkedin',
        },
      };
    case 'messaging':
      // Counts, not sentences: the side panel words them in the interface's language.
      return { ...base, kind: 'list', listDetail: { what: 'conversations', count: reading.threads.length } };
    case 'invitations':
      return { ...base, kind: 'list', listDetail: { what: 'invitations', count: reading.people.length, direction: reading.direction } };
    case 'people':
      return { ...base, kind: 'list', listDetail: { what: 'people', count: reading.people.length } };
    default:
      return { ...base, kind: 'unknown' };
  }
}

export function runLinkedIn(): void {
  const { fenced } = fenceFor('linkedin');

  const outbox = new Outbox({ send: batch => sendMessage('capture', batch) });
  const queued = new Set<string>();
  let lastPeople = '';
  let lastState = '';

  let readOnce = false;
  const read = fenced(() => {
    readOnce = true;
    const now = new Date();
    const url = new URL(location.href);
    // One walk of the page's trees for the whole reading (lib/sites/dom.ts).
    const reading = withTreeCache(() => linkedin.read(document, url, now));
    const seenAt = now.toISOString();
    const state = pageState(reading, url.href, seenAt);
    const stateKey = JSON.stringify({ ...state, readAt: '' });
    if (stateKey !== lastState) {
      lastState = stateKey;
      sendMessage('pageState', state).catch(() => {});
    }
    const { events, people } = observeLinkedIn(reading, url.href, seenAt);
    const fresh = events.filter(e => !queued.has(e.id));
    for (const e of fresh) queued.add(e.id);
    const peopleKey = JSON.stringify(people);
    const changedPeople = peopleKey === lastPeople ? [] : people;
    lastPeople = peopleKey;
    outbox.push('linkedin', seenAt, fresh, [], [], changedPeople);
    watchShadowRoots();
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      read();
    }, READ_DEBOUNCE_MS);
  };
  // Only mutations that touch what the reader reads lead to a re-read (lib/read-trigger.ts);
  // throttled, so a long run of mutations never postpones a needed one.
  const touchesReading = readingChanges(linkedin.anchors);
  const observer = new MutationObserver(
    fenced((records: MutationRecord[]) => {
      if (touchesReading(records)) schedule();
    }),
  );
  const observe = (root: Document | ShadowRoot) => observer.observe(root, observeOptions(['aria-label', 'aria-pressed', 'disabled', 'class']));
  observe(document);
  // A document-level observer does not see inside shadow roots: the 2026 messenger lives in one.
  const watchedRoots = new WeakSet<ShadowRoot>();
  const watchShadowRoots = () => {
    for (const host of document.querySelectorAll(selectors.interopHost)) {
      const root = host.shadowRoot;
      if (root && !watchedRoots.has(root)) {
        watchedRoots.add(root);
        observe(root);
      }
    }
  };

  // LinkedIn is a single-page app; polling the address from the isolated world is invisible to it.
  let href = location.href;
  setInterval(
    fenced(() => {
      if (location.href === href) return;
      href = location.href;
      lastPeople = '';
      read();
    }),
    LOCATION_POLL_MS,
  );

  const watchConfirm = confirmWatcher({ fenced, setTimeout: (fn, ms) => setTimeout(fn, ms), pollMs: CONFIRM_POLL_MS, timeoutMs: CONFIRM_TIMEOUT_MS });
  const watch = (action: LinkedInAction, clickedAt: Date) =>
    watchConfirm(`${action.type}|${action.person.profileUrl ?? action.person.name ?? ''}`, clickedAt, () => action.confirm(document, new URL(location.href)), () => {
      const event = linkedinActionEvent(action, clickedAt.toISOString(), location.href);
      if (queued.has(event.id)) return;
      queued.add(event.id);
      outbox.push('linkedin', new Date().toISOString(), [event], []);
      // The page now shows what was sent: read it while the click and the message are fresh.
      schedule();
    });
  document.addEventListener(
    'click',
    fenced((e: Event) => {
      if (!e.isTrusted) return; // only the rep's own clicks
      const target = e.composedPath()[0];
      if (!(target instanceof Element)) return;
      const action = linkedin.actionFor(target, document, new URL(location.href));
      if (action) watch(action, new Date());
    }),
    { capture: true, passive: true },
  );
  // Not inside the script's own evaluation: when the page is idle, within lib/first-reading.ts's bound.
  firstReading({ read, hasRead: () => readOnce, needsIdentity: false, setTimeout: (fn, ms) => setTimeout(fn, ms) });
}
