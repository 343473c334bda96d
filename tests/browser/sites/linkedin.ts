// LinkedIn pages for the browser tests: the fixtures of tests/fixtures/linkedin
// (real 2024 and 2026 profiles, and the built messaging, invitation, search,
// connections and Sales Navigator pages), served at real www.linkedin.com URLs so
// the `linkedin.js` content script matches them by its real pattern.
//
// The page script below is LINKEDIN's behaviour after the rep's click, never
// Pacer's: LinkedIn opens the invite dialog on Connect, closes it on "Send without
// a note" and turns Connect into Pending; it opens a conversation bubble on
// Message; on Send it shows the typed message as the rep's own (with a new
// data-event-urn) and clears the composer; on 2026 pages it renders the messenger
// inside the open shadow root of #interop-outlet. Pacer only watches the page.
import type { Route } from '../../../scripts/lib/https-server';
import { fixture } from './fixture-route';

export const LINKEDIN_ORIGIN = 'https://www.linkedin.com';
const HOST = /^www\.linkedin\.com$/;

/** A profile page: which fixture, and (for people no fixture shows) whose name and slug replace the fixture's. */
interface ProfilePage {
  file: string;
  /** LinkedIn's behaviour the page needs. */
  behaviour?: Behaviour;
  /** Serve the fixture as someone else: every slug, full name, first name and member id replaced. */
  as?: Person;
}

interface Person {
  slug: string;
  name: string;
  memberId?: string;
}

/** The people the profile fixtures show, by fixture. */
const FIXTURE_PEOPLE = {
  'linkedin/profile-2024-connect.html': { slug: 'avery-example-18977d', name: 'Avery Example' },
  'linkedin/profile-2024-message.html': { slug: 'avery-example-93335e', name: 'Avery Example' },
  'linkedin/profile-2026-3rd-degree.html': { slug: 'avery-example-8b907d', name: 'Avery Example', memberId: 'ACoAAFakelBL69JJUyWIbt2W7TqnYbYQN7sPDZa' },
  'linkedin/profile-2026-message-popup.html': { slug: 'avery-example-d21ca7', name: 'Avery Example', memberId: 'ACoAAFakeMzmPnt2I2mfJJriEL2LRo1wMwTGo6B' },
  'linkedin/profile-2026-pending.html': { slug: 'quinn-placeholder-4f5e6d', name: 'Quinn Placeholder', memberId: 'ACoAAFakeQuinnPnd9xQ2w7LmZr4Tk0aBc1' },
} as const satisfies Record<string, Person>;

/** Who the tests meet on LinkedIn, by role. Names not in a fixture are made up, like the fixtures' own. */
export const LINKEDIN_PEOPLE = {
  /** 2024 profile, not connected: Connect is the primary action. */
  connect2024: FIXTURE_PEOPLE['linkedin/profile-2024-connect.html'],
  /** 2024 profile, 1st degree: Message opens the overlay bubble. */
  message2024: FIXTURE_PEOPLE['linkedin/profile-2024-message.html'],
  /** 2026 profile, 3rd degree. */
  thirdDegree2026: FIXTURE_PEOPLE['linkedin/profile-2026-3rd-degree.html'],
  /** 2026 profile, 1st degree, with the messenger open in the interop shadow root. */
  popup2026: FIXTURE_PEOPLE['linkedin/profile-2026-message-popup.html'],
  /** 2026 profile with an invitation pending, until `acceptInvitation` is called: then shown connected. */
  pending2026: FIXTURE_PEOPLE['linkedin/profile-2026-pending.html'],
  /** The Salesforce lead of tests/fixtures/salesforce/lead.html (its LinkedIn field: /in/Priya-Natarajan-4b2a1c/). */
  salesforceLead: { slug: 'priya-natarajan-4b2a1c', name: 'Priya Natarajan', memberId: 'ACoAAFakePriyaNat4b2a1cQw3Er5Ty7Ui9Op' },
  /** Profiles for the privacy tests (2026 pages as these people). */
  paused: { slug: 'sky-pausewell-1d2e3f', name: 'Sky Pausewell', memberId: 'ACoAAFakeSkyPausewell1d2e3fAb2Cd4Ef6G' },
  neverCaptured: { slug: 'noel-nevermore-4a5b6c', name: 'Noel Nevermore', memberId: 'ACoAAFakeNoelNevermore4a5b6cHi8Jk0Lm2' },
  captured: { slug: 'remy-recorded-7d8e9f', name: 'Remy Recorded', memberId: 'ACoAAFakeRemyRecorded7d8e9fNo4Pq6Rs8T' },
  /** Pending (profile-2026-pending.html as them) until `acceptInvitation`, then 1st degree. */
  pausedPending: { slug: 'pax-pendwell-2b3c4d', name: 'Pax Pendwell', memberId: 'ACoAAFakePaxPendwell2b3c4dUv0Wx2Yz4Ab' },
  neverCapturedPending: { slug: 'nico-neverlist-5e6f7a', name: 'Nico Neverlist', memberId: 'ACoAAFakeNicoNeverlist5e6f7aCd6Ef8Gh0' },
} as const satisfies Record<string, Person>;

/** The canonical profile URL Pacer stores for a person. */
export const profileUrl = (p: { slug: string }) => `${LINKEDIN_ORIGIN}/in/${p.slug}/`;

/** The thread of messaging-thread.html, with Casey Placeholder. */
export const THREAD_ID = '2-ZmFrZVRocmVhZEZvclBhY2VyMDAx';
export const THREAD_PERSON = { slug: 'casey-placeholder-5c2d1e', name: 'Casey Placeholder' } as const;

/** Every LinkedIn page the tests open. */
export const linkedinUrls = {
  profile: (p: { slug: string }) => profileUrl(p),
  thread: `${LINKEDIN_ORIGIN}/messaging/thread/${THREAD_ID}/`,
  invitationsSent: `${LINKEDIN_ORIGIN}/mynetwork/invitation-manager/sent/`,
  invitationsReceived: `${LINKEDIN_ORIGIN}/mynetwork/invitation-manager/received/?invitationType=CONNECTION`,
  search: `${LINKEDIN_ORIGIN}/search/results/people/?keywords=head%20of%20sales&origin=GLOBAL_SEARCH_HEADER`,
  connections: `${LINKEDIN_ORIGIN}/mynetwork/invite-connect/connections/`,
  salesLead: `${LINKEDIN_ORIGIN}/sales/lead/ACwAAFakeLeadRowan0001,NAME_SEARCH,Xy1z`,
  salesSearch: `${LINKEDIN_ORIGIN}/sales/search/people?query=(keywords%3Ahead%2520of%2520sales)&sessionId=abc`,
} as const;

// ---------------------------------------------------------------------------
// What LinkedIn's server knows: invitations the people accepted since.

const accepted = new Set<string>();

/** The person accepted the rep's invitation: from now on their profile shows them connected. */
export function acceptInvitation(slug: string): void {
  accepted.add(slug);
}

// ---------------------------------------------------------------------------
// LinkedIn's behaviour, as one page script

interface Behaviour {
  /** Connect opens this dialog (invite-dialog.html) in #artdeco-modal-outlet. */
  inviteDialog?: string;
  /** Message in the profile's actions opens this conversation bubble (messaging-overlay-bubble.html) in aside#msg-overlay. */
  messageBubble?: string;
  /** Rendered at load into the open shadow root of [data-testid="interop-shadowdom"] (messaging-overlay-2026.html). */
  interopOverlay?: string;
}

/** A fragment fixture without its leading provenance comment. */
const fragmentFixture = (rel: string) => fixture(rel).replace(/^\s*<!--[\s\S]*?-->\s*/, '');

/**
 * The messaging fixtures show one of the rep's messages "Today" at a fixed time
 * (built for a 15:00 "now"). Run before that hour, the page would show a message
 * from the future; LinkedIn never does, so the time is then moved back to the
 * minute the test server started, which is earlier today whatever the hour.
 */
const SERVER_STARTED = new Date();
function earlierToday(html: string, shown: string, file: string): string {
  const [, h, m, meridiem] = /^(\d{1,2}):(\d{2}) ([AP]M)$/.exec(shown)!;
  const minutes = ((Number(h) % 12) + (meridiem === 'PM' ? 12 : 0)) * 60 + Number(m);
  const now = SERVER_STARTED.getHours() * 60 + SERVER_STARTED.getMinutes();
  if (minutes <= now) return html;
  const hour = Math.floor(now / 60);
  const time = `${hour % 12 || 12}:${String(now % 60).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
  return replaceAll(html, shown, time, file);
}

/** `JSON.stringify` safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * LinkedIn's own behaviour on these pages, after the rep's clicks:
 *
 * - Connect ("Invite <name> to connect") opens the "Add a note to your invitation?"
 *   dialog naming the person. Dismiss closes it. "Send without a note": after the
 *   round trip to LinkedIn's server, the dialog closes and every Connect button for
 *   that person turns into Pending (the markup tests/sites/linkedin.test.ts uses).
 * - Message in the profile's actions opens the conversation bubble in the overlay.
 * - In a message composer, Send is enabled exactly while the composer holds text.
 *   Send (the form's submit): after the round trip, the message appears at the end
 *   of the conversation as the rep's own (a clone of the rep's last message group:
 *   new data-event-urn, the time now, under a "Today" heading), the composer
 *   empties and Send is disabled again.
 * - 2026 pages render the messenger inside the open shadow root of #interop-outlet.
 *
 * What LinkedIn's server remembers (invitations sent, messages sent) is kept in
 * the tab's sessionStorage, so a reload in the same tab shows it again, as LinkedIn
 * would; a new tab starts from the fixture.
 */
const behaviourScript = (config: Behaviour) => `
(() => {
  const CONFIG = ${scriptJson(config)};
  const KEY = 'linkedin-test-server:';
  const server = {
    get(key) {
      try { return JSON.parse(sessionStorage.getItem(KEY + key) || '[]'); } catch { return []; }
    },
    add(key, value) {
      const list = server.get(key);
      list.push(value);
      sessionStorage.setItem(KEY + key, JSON.stringify(list));
    },
  };
  const ROUND_TRIP_MS = 350;
  // 2026 pages require Trusted Types for HTML sinks; LinkedIn's code goes through its own policy.
  let policy;
  const trusted = html => {
    if (!window.trustedTypes) return html;
    policy = policy || trustedTypes.createPolicy('jSecure', { createHTML: s => s });
    return policy.createHTML(html);
  };
  const fragment = html => {
    const template = document.createElement('template');
    template.innerHTML = trusted(html);
    return template.content;
  };
  const clock = d => {
    const h = d.getHours() % 12 || 12;
    return h + ':' + String(d.getMinutes()).padStart(2, '0') + ' ' + (d.getHours() < 12 ? 'AM' : 'PM');
  };

  // --- Invitations ---------------------------------------------------------
  const INVITE = /^Invite (.+) to connect$/;
  function showPending(name) {
    for (const connect of document.querySelectorAll('button[aria-label]')) {
      if (connect.getAttribute('aria-label') !== 'Invite ' + name + ' to connect') continue;
      const pending = document.createElement('button');
      if (connect.id) pending.id = connect.id;
      pending.className = connect.className;
      pending.type = 'button';
      pending.setAttribute('aria-label', 'Pending, click to withdraw invitation sent to ' + name);
      pending.innerHTML = trusted('<svg role="none" aria-hidden="true" class="artdeco-button__icon" data-test-icon="clock-small"><use href="#clock-small"></use></svg><span class="artdeco-button__text">Pending</span>');
      connect.replaceWith(pending);
    }
  }

  function onInviteClick(target) {
    const connect = target.closest('button[aria-label^="Invite "]');
    const name = connect && INVITE.exec(connect.getAttribute('aria-label'))?.[1];
    const outlet = document.getElementById('artdeco-modal-outlet');
    if (name && CONFIG.inviteDialog && outlet) {
      if (outlet.querySelector('.send-invite')) return true;
      const dialog = fragment(CONFIG.inviteDialog);
      dialog.querySelector('.send-invite strong').textContent = name;
      outlet.append(dialog);
      return true;
    }
    const modal = target.closest('.send-invite');
    const button = modal && target.closest('button');
    if (!button || button.disabled) return !!modal;
    const overlay = modal.closest('.artdeco-modal-overlay') || modal;
    const label = button.getAttribute('aria-label');
    if (label === 'Dismiss') {
      overlay.remove();
    } else if (label === 'Send without a note') {
      const invitee = modal.querySelector('strong').textContent;
      setTimeout(() => {
        overlay.remove();
        showPending(invitee);
        server.add('invited', invitee);
      }, ROUND_TRIP_MS);
    }
    return true;
  }

  // --- Messaging -----------------------------------------------------------
  const CONVERSATION = '.msg-overlay-conversation-bubble, .msg-thread';
  const conversationKey = container => {
    const link = container.querySelector('a.msg-thread__link-to-profile, .msg-overlay-bubble-header__title a');
    return 'messages:' + (link ? link.getAttribute('href') : location.pathname);
  };
  let sentHere = 0;
  function newUrn(container) {
    const known = [...container.querySelectorAll('[data-event-urn]')].map(el => el.getAttribute('data-event-urn'));
    const prefix = known.map(urn => /^(urn:li:msg_message:\\(urn:li:fsd_profile:[^,]+,)/.exec(urn)?.[1]).find(Boolean) || 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAFakeViewer,';
    sentHere += 1;
    return prefix + '2-' + btoa('pacerTestMsg' + Date.now() + '-' + sentHere) + ')';
  }

  /** The rep's message as LinkedIn shows it once sent: a clone of the rep's last message group. */
  function showOwnMessage(container, message) {
    const list = container.querySelector('.msg-s-message-list-content');
    const own = [...list.querySelectorAll('li.msg-s-message-list__event')].filter(li =>
      li.querySelector('.msg-s-event-listitem:not(.msg-s-event-listitem--other) .msg-s-message-group__meta'));
    const li = own[own.length - 1].cloneNode(true);
    for (const heading of li.querySelectorAll('time.msg-s-message-list__time-heading')) heading.remove();
    const headings = list.querySelectorAll('time.msg-s-message-list__time-heading');
    const last = headings[headings.length - 1];
    if (!last || last.textContent.trim() !== 'Today') {
      const heading = document.createElement('time');
      heading.className = 'msg-s-message-list__time-heading t-12 t-black--light t-bold';
      heading.textContent = 'Today';
      li.prepend(heading);
    }
    const time = clock(new Date(message.at));
    const a11y = li.querySelector('.msg-s-event-listitem--group-a11y-heading');
    if (a11y) a11y.textContent = a11y.textContent.replace(/\\d{1,2}:\\d{2}\\s*[AP]M$/, time);
    const item = li.querySelector('.msg-s-event-listitem');
    item.className = 'msg-s-event-listitem msg-s-event-listitem--last-in-group';
    item.setAttribute('data-event-urn', message.urn);
    li.querySelector('time.msg-s-message-group__timestamp').textContent = time;
    li.querySelector('.msg-s-event-listitem__body').textContent = message.text;
    const bottom = list.querySelector('li.msg-s-message-list__typing-indicator-container--without-seen-receipt, li.msg-s-message-list__bottom-of-list');
    list.insertBefore(li, bottom);
  }

  function restoreMessages(root) {
    for (const container of root.querySelectorAll(CONVERSATION)) {
      for (const message of server.get(conversationKey(container))) showOwnMessage(container, message);
    }
  }

  function wireMessaging(root) {
    root.addEventListener('input', event => {
      const editor = event.target instanceof Element ? event.target.closest('.msg-form__contenteditable') : null;
      const send = editor?.closest('form.msg-form')?.querySelector('.msg-form__send-button');
      if (send) send.disabled = !editor.textContent.trim();
    });
    root.addEventListener('submit', event => {
      const form = event.target instanceof Element ? event.target.closest('form.msg-form') : null;
      if (!form) return;
      event.preventDefault(); // LinkedIn sends through its own API, never by navigating
      const editor = form.querySelector('.msg-form__contenteditable');
      const text = editor.innerText.trim();
      const container = form.closest(CONVERSATION);
      if (!text || !container) return;
      setTimeout(() => {
        const message = { urn: newUrn(container), at: Date.now(), text };
        showOwnMessage(container, message);
        server.add(conversationKey(container), message);
        editor.innerHTML = trusted('<p><br></p>');
        form.querySelector('.msg-form__send-button').disabled = true;
      }, ROUND_TRIP_MS);
    });
  }

  function onMessageClick(target) {
    const message = target.closest('button.pvs-profile-actions__action[aria-label^="Message "], button.pvs-sticky-header-profile-actions__action[aria-label^="Message "]');
    const overlay = document.getElementById('msg-overlay');
    if (!message || !CONFIG.messageBubble || !overlay) return false;
    if (!overlay.querySelector('.msg-overlay-conversation-bubble')) {
      overlay.prepend(fragment(CONFIG.messageBubble));
      restoreMessages(overlay);
    }
    return true;
  }

  document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    if (target && !onInviteClick(target)) onMessageClick(target);
  });
  wireMessaging(document);
  for (const name of server.get('invited')) showPending(name);
  restoreMessages(document);

  if (CONFIG.interopOverlay) {
    const host = document.querySelector('[data-testid="interop-shadowdom"]');
    const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    root.append(fragment(CONFIG.interopOverlay));
    wireMessaging(root);
    restoreMessages(root);
  }
})();
`;

// ---------------------------------------------------------------------------
// Pages

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces `from` in `html` everywhere, and fails loudly when the fixture no longer has it. */
function replaceAll(html: string, from: string, to: string, file: string): string {
  const next = html.replace(new RegExp(escape(from), 'g'), to);
  if (next === html) throw new Error(`${file} changed: no "${from}" to replace`);
  return next;
}

function page(file: string, behaviour?: Behaviour, as?: Person): string {
  let html = fixture(file);
  if (as) {
    const was: Person = FIXTURE_PEOPLE[file as keyof typeof FIXTURE_PEOPLE];
    if (!was) throw new Error(`${file} is not a profile fixture`);
    html = replaceAll(html, was.slug, as.slug, file);
    html = replaceAll(html, was.name, as.name, file);
    const [first, newFirst] = [was.name.split(' ')[0]!, as.name.split(' ')[0]!];
    html = html.replace(new RegExp(`\\b${escape(first)}\\b`, 'g'), newFirst);
    if (was.memberId && as.memberId) html = replaceAll(html, was.memberId, as.memberId, file);
  }
  if (!behaviour) return html;
  // 2026 pages allow only scripts carrying the page's CSP nonce, as LinkedIn's own do.
  const nonce = /script-src-elem[^"]*'nonce-([\w+/=-]+)'/.exec(html)?.[1];
  const script = `<script${nonce ? ` nonce="${nonce}"` : ''}>${behaviourScript(behaviour)}</script>`;
  if (!/<\/body>/i.test(html)) throw new Error(`${file} has no </body>`);
  return html.replace(/<\/body>/i, () => `${script}</body>`);
}

const inviteDialog = () => ({ inviteDialog: fragmentFixture('linkedin/invite-dialog.html') });
const messageBubble = () => ({ messageBubble: fragmentFixture('linkedin/messaging-overlay-bubble.html') });
const interopOverlay = () => ({
  interopOverlay: earlierToday(fragmentFixture('linkedin/messaging-overlay-2026.html'), '10:15 AM', 'messaging-overlay-2026.html'),
});

/** A person no fixture shows, pending until they accept the rep's invitation. */
const pendingUntilAccepted = (person: Person) => (): ProfilePage =>
  accepted.has(person.slug)
    ? { file: 'linkedin/profile-2026-message-popup.html', as: person }
    : { file: 'linkedin/profile-2026-pending.html', ...(person.slug === P.pending2026.slug ? {} : { as: person }) };

const P = LINKEDIN_PEOPLE;
/** Profile pages by slug; a function when the page depends on what happened since. */
const profiles: Record<string, () => ProfilePage> = {
  [P.connect2024.slug]: () => ({ file: 'linkedin/profile-2024-connect.html', behaviour: inviteDialog() }),
  [P.message2024.slug]: () => ({ file: 'linkedin/profile-2024-message.html', behaviour: messageBubble() }),
  [P.thirdDegree2026.slug]: () => ({ file: 'linkedin/profile-2026-3rd-degree.html' }),
  [P.popup2026.slug]: () => ({ file: 'linkedin/profile-2026-message-popup.html', behaviour: interopOverlay() }),
  // Pending until the person accepts; then the 1st-degree page of profile-2026-message-popup.html, as them.
  [P.pending2026.slug]: pendingUntilAccepted(P.pending2026),
  [P.pausedPending.slug]: pendingUntilAccepted(P.pausedPending),
  [P.neverCapturedPending.slug]: pendingUntilAccepted(P.neverCapturedPending),
  [P.salesforceLead.slug]: () => ({ file: 'linkedin/profile-2026-3rd-degree.html', as: P.salesforceLead }),
  [P.paused.slug]: () => ({ file: 'linkedin/profile-2026-3rd-degree.html', as: P.paused }),
  [P.neverCaptured.slug]: () => ({ file: 'linkedin/profile-2026-3rd-degree.html', as: P.neverCaptured }),
  [P.captured.slug]: () => ({ file: 'linkedin/profile-2026-3rd-degree.html', as: P.captured }),
};

const simple = (path: RegExp, file: string, behaviour?: Behaviour): Route => ({
  host: HOST,
  path,
  handle: () => ({ body: page(file, behaviour) }),
});

export const linkedinRoutes: Route[] = [
  {
    host: HOST,
    path: /^\/in\/[^/]+\/?$/,
    handle({ path }) {
      const slug = decodeURIComponent(/^\/in\/([^/]+)/.exec(path)![1]!).toLowerCase();
      const entry = profiles[slug]?.();
      if (!entry) return { status: 404, body: 'no such profile' };
      return { body: page(entry.file, entry.behaviour, entry.as) };
    },
  },
  {
    host: HOST,
    path: new RegExp(`^/messaging/thread/${escape(THREAD_ID)}/?$`),
    handle: () => ({ body: earlierToday(page('linkedin/messaging-thread.html', {}), '2:31 PM', 'messaging-thread.html') }),
  },
  simple(/^\/mynetwork\/invitation-manager\/sent\/?$/, 'linkedin/invitation-manager-sent.html'),
  simple(/^\/mynetwork\/invitation-manager\/received\/?$/, 'linkedin/invitation-manager-received.html'),
  simple(/^\/search\/results\/people\/?$/, 'linkedin/search-people.html'),
  simple(/^\/mynetwork\/invite-connect\/connections\/?$/, 'linkedin/connections.html'),
  simple(/^\/sales\/lead\/[^/]+\/?$/, 'linkedin/salesnav-lead.html'),
  simple(/^\/sales\/search\/people\/?$/, 'linkedin/salesnav-search.html'),
];
