// LinkedIn in real Chromium with the built extension (issue #4): the rep's own
// prospecting actions become events, once each; nothing of Pacer reaches
// LinkedIn's page; pending → connected; the privacy switches; one person across
// LinkedIn and Salesforce in the side panel. Pages are the fixtures, served at
// www.linkedin.com by tests/browser/sites/linkedin.ts, whose page script plays
// LinkedIn's part (dialogs, Pending, the sent message appearing).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROME_FLAGS, launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
// @ts-expect-error: plain ESM helper shared with npm scripts
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import type { Person } from '../../lib/db';
import { EVENT_LABEL_ONE } from '../../lib/labels';
import type { PageState } from '../../lib/messages';
import type { ActivityEvent, EventType } from '../../lib/model';
import { siteLabel } from '../../lib/site-labels';
import { startTestSite } from './site';
import { LINKEDIN_PEOPLE as PEOPLE, THREAD_PERSON, acceptInvitation, linkedinUrls, profileUrl } from './sites/linkedin';
import { SALESFORCE_IDS, salesforceUrls } from './sites/salesforce';

let site: Awaited<ReturnType<typeof startTestSite>>;
let browser: ExtensionBrowser;
let probe: Page;

beforeAll(async () => {
  site = await startTestSite();
  browser = await launchWithExtension({ hostResolverRules: site.rules });
  probe = await browser.extensionPage('options.html');
});
afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

// ---------------------------------------------------------------------------
// Reading what Pacer keeps, from one of its own pages, with the raw APIs

interface PacerStore {
  events: ActivityEvent[];
  people: Person[];
  [store: string]: unknown[];
}

/** Every object store of Pacer's database. Never creates it (that would race Pacer's own first open). */
function readPacer(page: Page = probe): Promise<PacerStore> {
  return page.evaluate(
    () =>
      new Promise<PacerStore>((resolve, reject) => {
        const empty = { events: [], people: [] };
        const open = indexedDB.open('pacer');
        let created = false;
        open.onupgradeneeded = () => {
          created = true;
          open.transaction!.abort();
        };
        open.onerror = () => (created ? resolve(empty) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (names.length === 0) {
            db.close();
            return resolve(empty);
          }
          const tx = db.transaction(names, 'readonly');
          const requests = names.map(name => [name, tx.objectStore(name).getAll()] as const);
          tx.oncomplete = () => {
            db.close();
            resolve({ ...empty, ...Object.fromEntries(requests.map(([name, r]) => [name, r.result])) });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Everything the extension keeps anywhere: every IndexedDB database and store, and chrome.storage. */
function everythingStored(): Promise<string> {
  return probe.evaluate(async () => {
    const dump: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      dump[`idb:${info.name}`] = await new Promise((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (!names.length) return resolve({});
          const tx = db.transaction(names, 'readonly');
          const requests = names.map(name => [name, tx.objectStore(name).getAll()] as const);
          tx.oncomplete = () => {
            db.close();
            resolve(Object.fromEntries(requests.map(([name, r]) => [name, r.result])));
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    }
    const chrome = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync' | 'session', { get(keys: null): Promise<unknown> }> } }).chrome;
    for (const area of ['local', 'sync', 'session'] as const) dump[`storage:${area}`] = await chrome.storage[area].get(null);
    return JSON.stringify(dump);
  });
}

/** Polls `check` on the store until it gives something, or the time runs out; returns the last store and result. */
async function waitForPacer<T>(check: (s: PacerStore) => T | undefined | false, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const store = await readPacer();
    const result = check(store);
    if ((result !== undefined && result !== false) || Date.now() > deadline) return { store, result };
    await probe.waitForTimeout(100);
  }
}

/** What the content script last told the background about the tab showing `url`, read at or after `since`. */
async function waitForPageState(url: string, since: string, timeoutMs = 15_000): Promise<PageState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await probe.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } } }).chrome;
      return Object.values(await chrome.storage.session.get(null)) as PageState[];
    });
    const state = states.find(s => s.site === 'linkedin' && s.url === url && s.readAt >= since);
    if (state) return state;
    if (Date.now() > deadline) throw new Error(`Pacer never read ${url}`);
    await probe.waitForTimeout(100);
  }
}

const idsOf = (events: readonly ActivityEvent[]) => new Set(events.map(e => e.id));
const addedSince = (before: Set<string>, store: PacerStore) => store.events.filter(e => !before.has(e.id));
const ofType = (events: readonly ActivityEvent[], type: EventType) => events.filter(e => e.type === type);
const about = (events: readonly ActivityEvent[], p: { slug: string }) => events.filter(e => e.person?.profileUrl === profileUrl(p));

/** Time for Pacer to read the page (400 ms debounce), confirm a click (250 ms polls) and store the batch. */
const SETTLE_MS = 2_000;

/** Opens `url` in a new tab of the extension's browser and waits until Pacer has read it. */
async function open(url: string): Promise<{ page: Page; state: PageState }> {
  const since = new Date().toISOString();
  const page = await browser.context.newPage();
  await page.goto(url);
  return { page, state: await waitForPageState(page.url(), since) };
}

async function reload(page: Page): Promise<PageState> {
  const since = new Date().toISOString();
  await page.reload();
  return waitForPageState(page.url(), since);
}

// ---------------------------------------------------------------------------
// The rep's actions, as the rep does them

/** Connect on the profile's top card, then "Send without a note" in the dialog LinkedIn opens. */
async function connectWithoutNote(page: Page, name: string) {
  await page.locator(`section[data-member-id] button[aria-label="Invite ${name} to connect"]`).click();
  const dialog = page.locator('[role="dialog"].send-invite');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Send without a note' }).click();
  await page.locator(`section[data-member-id] button[aria-label="Pending, click to withdraw invitation sent to ${name}"]`).waitFor();
  await dialog.waitFor({ state: 'detached' });
}

/** Types `text` into the conversation's composer (replacing any draft) and clicks Send; waits until LinkedIn shows it sent. */
async function sendMessage(page: Page, conversation: Locator, text: string) {
  const composer = conversation.locator('.msg-form__contenteditable');
  await composer.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  const send = conversation.locator('.msg-form__send-button');
  await expect.poll(() => send.isEnabled()).toBe(true);
  await send.click();
  await conversation.locator('.msg-s-event-listitem__body', { hasText: text }).waitFor();
  await expect.poll(() => send.isDisabled()).toBe(true);
}

/** The conversations the tests send in: where they are, how the rep gets there, who is on the other side. */
const conversations = {
  thread: {
    label: 'the full-page thread',
    url: linkedinUrls.thread,
    with: THREAD_PERSON.name,
    async open(page: Page) {
      return page.locator('.msg-thread');
    },
  },
  overlay2024: {
    label: 'the 2024 overlay bubble',
    url: linkedinUrls.profile(PEOPLE.message2024),
    with: PEOPLE.message2024.name,
    async open(page: Page) {
      // The rep clicks Message on the profile; LinkedIn opens the conversation bubble.
      await page.locator('section[data-member-id] button.pvs-profile-actions__action[aria-label="Message Avery"]').click();
      const bubble = page.locator('#msg-overlay .msg-overlay-conversation-bubble');
      await bubble.waitFor();
      return bubble;
    },
  },
  overlay2026: {
    label: 'the 2026 overlay (shadow root)',
    url: linkedinUrls.profile(PEOPLE.popup2026),
    with: PEOPLE.popup2026.name,
    async open(page: Page) {
      // Inside the open shadow root of #interop-outlet (Playwright's CSS engine pierces it; plain querySelector does not).
      expect(await page.evaluate(() => document.querySelectorAll('.msg-overlay-conversation-bubble').length)).toBe(0);
      const bubble = page.locator('[data-testid="interop-shadowdom"] .msg-overlay-conversation-bubble');
      await bubble.waitFor();
      return bubble;
    },
  },
} as const;

/** The texts the rep typed into LinkedIn during this file: none may ever be stored. */
const typed: string[] = [];
const secretText = (where: string) => {
  const text = `Pacer must never keep this ${where} note ${Math.random().toString(36).slice(2, 10)}`;
  typed.push(text);
  return text;
};

// ---------------------------------------------------------------------------

describe("the rep's own LinkedIn actions, once each", () => {
  it.each([
    ['2024', PEOPLE.message2024],
    ['2026', PEOPLE.thirdDegree2026],
  ] as const)('viewing a %s profile: exactly one linkedin_profile_view; a reload the same day adds nothing', async (_gen, person) => {
    const before = idsOf((await readPacer()).events);
    const { page, state } = await open(linkedinUrls.profile(person));
    expect(state).toMatchObject({ kind: 'person', profileUrl: profileUrl(person), person: { name: person.name, recordType: 'linkedin' }, health: { ok: true } });
    const { store } = await waitForPacer(s => ofType(addedSince(before, s), 'linkedin_profile_view').length > 0);
    await page.waitForTimeout(SETTLE_MS);
    const added = addedSince(before, await readPacer());
    expect(added).toEqual([
      expect.objectContaining({
        type: 'linkedin_profile_view',
        site: 'linkedin',
        url: profileUrl(person),
        person: { name: person.name, profileUrl: profileUrl(person) },
      }),
    ]);
    expect(addedSince(before, store)).toEqual(added);

    const beforeReload = await readPacer();
    await reload(page);
    await page.waitForTimeout(SETTLE_MS);
    expect((await readPacer()).events).toEqual(beforeReload.events);
    await page.close();
  });

  it('Connect, then "Send without a note": exactly one linkedin_connect_sent, nothing for the Connect click alone', async () => {
    const person = PEOPLE.connect2024;
    const { page } = await open(linkedinUrls.profile(person));
    await page.waitForTimeout(SETTLE_MS);
    const before = idsOf((await readPacer()).events);

    // Connect alone opens the dialog: no invitation yet.
    await page.locator(`section[data-member-id] button[aria-label="Invite ${person.name} to connect"]`).click();
    const dialog = page.locator('[role="dialog"].send-invite');
    await dialog.waitFor();
    await page.waitForTimeout(SETTLE_MS);
    expect(addedSince(before, await readPacer())).toEqual([]);

    const clickedAt = new Date().toISOString();
    await dialog.getByRole('button', { name: 'Send without a note' }).click();
    await page.locator(`section[data-member-id] button[aria-label^="Pending"]`).waitFor();
    await waitForPacer(s => ofType(addedSince(before, s), 'linkedin_connect_sent').length > 0);
    await page.waitForTimeout(SETTLE_MS);
    const added = addedSince(before, await readPacer());
    expect(added).toEqual([
      expect.objectContaining({
        type: 'linkedin_connect_sent',
        site: 'linkedin',
        person: { name: person.name, profileUrl: profileUrl(person) },
      }),
    ]);
    expect(added[0]!.at >= clickedAt).toBe(true);
    // Pacer now knows the invitation is pending.
    expect((await readPacer()).people.find(p => p.profileUrl === profileUrl(person))?.connection).toBe('pending');

    // LinkedIn shows Pending after a reload too: still one invitation.
    await reload(page);
    expect(await page.locator('section[data-member-id] button[aria-label^="Pending"]').count()).toBe(1);
    await page.waitForTimeout(SETTLE_MS);
    expect(addedSince(before, await readPacer())).toEqual(added);
    await page.close();
  });

  /** Sends one message in `where` and checks it is counted once, then and after a reload. */
  async function oneMessage(where: keyof typeof conversations) {
    const conversation = conversations[where];
    const { page } = await open(conversation.url);
    // What the page shows already (the rep's earlier messages) is read at load; counting starts after.
    await page.waitForTimeout(SETTLE_MS);
    const scope = await conversation.open(page);
    await page.waitForTimeout(SETTLE_MS);
    const before = idsOf((await readPacer()).events);

    const sentFrom = new Date();
    sentFrom.setSeconds(0, 0); // LinkedIn shows minutes; Pacer may date the message from the conversation
    const text = secretText(where);
    await sendMessage(page, scope, text);
    await waitForPacer(s => ofType(addedSince(before, s), 'linkedin_message_sent').length > 0);
    await page.waitForTimeout(SETTLE_MS);
    const added = addedSince(before, await readPacer());
    expect(added).toEqual([expect.objectContaining({ type: 'linkedin_message_sent', site: 'linkedin', person: expect.objectContaining({ name: conversation.with }) })]);
    expect(added[0]!.at >= sentFrom.toISOString() && added[0]!.at <= new Date().toISOString(), `at ${added[0]!.at}`).toBe(true);

    // LinkedIn shows the sent message again after a reload (then it is the conversation's past).
    await reload(page);
    const again = await conversation.open(page);
    expect(await again.locator('.msg-s-event-listitem__body', { hasText: text }).count()).toBe(1);
    await page.waitForTimeout(SETTLE_MS);
    expect(addedSince(before, await readPacer())).toEqual(added);
    await page.close();
  }

  const ONCE = 'exactly one linkedin_message_sent; the sent message seen in the conversation afterwards, and after a reload, does not count again';
  it(`a message sent in ${conversations.thread.label}: ${ONCE}`, () => oneMessage('thread'));
  it(`a message sent in ${conversations.overlay2024.label}: ${ONCE}`, () => oneMessage('overlay2024'));
  it(`a message sent in ${conversations.overlay2026.label}: ${ONCE}`, () => oneMessage('overlay2026'));

  it('no typed message text is stored anywhere (every IndexedDB store and chrome.storage area, as JSON)', async () => {
    expect(typed.length).toBeGreaterThanOrEqual(3);
    const everything = await everythingStored();
    expect(everything).toContain('linkedin_message_sent'); // the dump really holds the events
    for (const text of typed) {
      expect(everything).not.toContain(text);
      // Not even a recognisable part of it.
      expect(everything).not.toContain(text.split(' ').at(-1));
    }
  });
});

// ---------------------------------------------------------------------------

describe('pending → connected', () => {
  it('a person seen pending and later seen connected: exactly one linkedin_connect_accepted', async () => {
    const person = PEOPLE.pending2026;
    const before = idsOf((await readPacer()).events);
    const first = await open(linkedinUrls.profile(person));
    await waitForPacer(s => s.people.find(p => p.profileUrl === profileUrl(person))?.connection === 'pending');
    await first.page.waitForTimeout(SETTLE_MS);
    expect(ofType(addedSince(before, await readPacer()), 'linkedin_connect_accepted')).toEqual([]);
    await first.page.close();

    // Quinn accepts; the rep opens their profile again: 1st degree now.
    acceptInvitation(person.slug);
    const second = await open(linkedinUrls.profile(person));
    const { result } = await waitForPacer(s => ofType(addedSince(before, s), 'linkedin_connect_accepted').length > 0);
    expect(result).toBe(true);
    expect((await readPacer()).people.find(p => p.profileUrl === profileUrl(person))?.connection).toBe('connected');

    // Seen connected again: still one.
    await reload(second.page);
    await second.page.waitForTimeout(SETTLE_MS);
    const accepted = ofType(addedSince(before, await readPacer()), 'linkedin_connect_accepted');
    expect(accepted).toEqual([
      expect.objectContaining({ type: 'linkedin_connect_accepted', site: 'linkedin', person: { name: person.name, profileUrl: profileUrl(person) } }),
    ]);
    await second.page.close();
  });
});

// ---------------------------------------------------------------------------

describe('privacy switches', () => {
  /** "Pause capture" in the toolbar popup, as the rep switches it. */
  async function setPaused(paused: boolean) {
    const popup = await browser.extensionPage('popup.html');
    const toggle = popup.getByRole('switch', { name: 'Pause capture' });
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    if ((await toggle.isChecked()) !== paused) await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(paused);
    await popup.close();
  }

  /** The never-capture list on the options page, as the rep edits it. */
  async function setNeverCapture(lines: string[]) {
    const options = await browser.extensionPage('options.html');
    await options.getByLabel('Never capture').fill(lines.join('\n'));
    await options.getByRole('button', { name: 'Save never-capture list' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await options.close();
  }

  it('with "Pause capture" on (popup), viewing a profile records nothing; switched off again, it does', async () => {
    const person = PEOPLE.paused;
    await setPaused(true);
    let page: Page;
    try {
      const before = await readPacer();
      ({ page } = await open(linkedinUrls.profile(person)));
      await page.waitForTimeout(SETTLE_MS);
      const during = await readPacer();
      expect(addedSince(idsOf(before.events), during)).toEqual([]);
      expect(during.events).toEqual(before.events);
    } finally {
      await setPaused(false);
    }
    await reload(page);
    const { result } = await waitForPacer(s => about(ofType(s.events, 'linkedin_profile_view'), person).length === 1);
    expect(result).toBe(true);
    await page.close();
  });

  it('a profile URL on the never-capture list (options) is never recorded; other people still are', async () => {
    await setNeverCapture([profileUrl(PEOPLE.neverCaptured)]);
    try {
      const before = idsOf((await readPacer()).events);
      const blocked = await open(linkedinUrls.profile(PEOPLE.neverCaptured));
      const other = await open(linkedinUrls.profile(PEOPLE.captured));
      await waitForPacer(s => about(addedSince(before, s), PEOPLE.captured).length > 0);
      await blocked.page.waitForTimeout(SETTLE_MS);
      const added = addedSince(before, await readPacer());
      expect(about(added, PEOPLE.neverCaptured)).toEqual([]);
      expect(added.some(e => e.person?.name === PEOPLE.neverCaptured.name)).toBe(false);
      expect(added).toEqual([expect.objectContaining({ type: 'linkedin_profile_view', person: { name: PEOPLE.captured.name, profileUrl: profileUrl(PEOPLE.captured) } })]);
      await blocked.page.close();
      await other.page.close();
    } finally {
      await setNeverCapture([]);
    }
  });

  it('while paused, nothing about a person is kept either: no people row change, no linkedin_connect_accepted', async () => {
    const person = PEOPLE.pausedPending;
    // Not paused yet: the rep sees their invitation pending.
    const first = await open(linkedinUrls.profile(person));
    await waitForPacer(s => s.people.find(p => p.profileUrl === profileUrl(person))?.connection === 'pending');
    await first.page.close();
    await setPaused(true);
    try {
      const before = await readPacer();
      acceptInvitation(person.slug);
      const { page } = await open(linkedinUrls.profile(person));
      await page.waitForTimeout(SETTLE_MS);
      const after = await readPacer();
      await page.close();
      expect(addedSince(idsOf(before.events), after)).toEqual([]);
      expect(after.people).toEqual(before.people);
    } finally {
      await setPaused(false);
    }
  });

  it('nothing about a never-captured person is kept either: no people row, no linkedin_connect_accepted', async () => {
    const person = PEOPLE.neverCapturedPending;
    await setNeverCapture([profileUrl(person)]);
    try {
      const before = idsOf((await readPacer()).events);
      const pending = await open(linkedinUrls.profile(person));
      await pending.page.waitForTimeout(SETTLE_MS);
      await pending.page.close();
      acceptInvitation(person.slug);
      const connected = await open(linkedinUrls.profile(person));
      await connected.page.waitForTimeout(SETTLE_MS);
      await connected.page.close();
      const after = await readPacer();
      expect(addedSince(before, after).filter(e => e.person?.name === person.name)).toEqual([]);
      expect(after.people.filter(p => p.profileUrl === profileUrl(person))).toEqual([]);
    } finally {
      await setNeverCapture([]);
    }
  });
});

// ---------------------------------------------------------------------------

describe('one person across LinkedIn and Salesforce', () => {
  it("the side panel on the lead's LinkedIn profile lists touches from both sites, newest first", async () => {
    const person = PEOPLE.salesforceLead;
    const crmId = `salesforce:${SALESFORCE_IDS.lead}`;
    const lead = await browser.context.newPage();
    await lead.goto(salesforceUrls.lead);
    const { store: crm } = await waitForPacer(s => s.events.filter(e => e.person?.crmId === crmId).length >= 2 && s);
    await lead.close();
    const fromSalesforce = crm.events.filter(e => e.person?.crmId === crmId && e.site === 'salesforce');

    const { page } = await open(linkedinUrls.profile(person));
    const { store } = await waitForPacer(s => about(ofType(s.events, 'linkedin_profile_view'), person).length > 0 && s);
    const view = about(ofType(store.events, 'linkedin_profile_view'), person)[0]!;
    // The lead's page showed this profile: Pacer knows the two are one person.
    expect(store.people.find(p => p.profileUrl === profileUrl(person))?.crmIds).toContain(crmId);

    await page.bringToFront();
    const panel = await browser.extensionPage('sidepanel.html');
    const card = panel.locator(`[data-person-id="${profileUrl(person)}"]`);
    await card.waitFor({ timeout: 10_000 });
    expect(await card.locator('p').first().textContent()).toBe(person.name);
    const row = (e: ActivityEvent) => ({ what: `${EVENT_LABEL_ONE[e.type]}${e.meta?.subject ? `: ${e.meta.subject}` : ''} (${siteLabel(e.site)})`, at: e.at });
    const expected = [view, ...fromSalesforce].sort((a, b) => b.at.localeCompare(a.at)).map(row);
    await expect
      .poll(() => card.locator('tr[data-touch]').evaluateAll(rows => rows.map(r => ({ what: r.querySelector('th')!.textContent, at: r.querySelector('time')!.getAttribute('datetime') }))), { timeout: 5_000 })
      .toEqual(expected);
    expect(expected[0]).toEqual({ what: 'Profile view (LinkedIn)', at: view.at });
    expect(expected.slice(1).map(r => r.what)).toEqual(expect.arrayContaining(['Call: Discovery call (Salesforce)']));
    await panel.close();
    await page.close();
  });
});

// ---------------------------------------------------------------------------

describe("nothing of Pacer reaches LinkedIn's page", () => {
  // The same pages in plain Chromium: same binary, same flags, no extension.
  let plain: BrowserContext;
  let plainDir: string;
  beforeAll(async () => {
    plainDir = mkdtempSync(join(tmpdir(), 'pacer-plain-chromium-'));
    plain = await chromium.launchPersistentContext(plainDir, {
      executablePath: ensureChromium(),
      headless: true,
      viewport: { width: 1280, height: 860 },
      ignoreHTTPSErrors: true,
      args: [...CHROME_FLAGS, `--host-resolver-rules=${site.rules}`],
    });
  });
  afterAll(async () => {
    await plain?.close();
    if (plainDir) rmSync(plainDir, { recursive: true, force: true });
  });

  const PROBE = 'linkedin-test-probe:';
  /**
   * Main-world test instrumentation, the same in both browsers: records every
   * `message` event reaching the page's window, and fixes the page's clock so
   * LinkedIn's page script stamps sent messages alike in both.
   */
  const pageProbe = ({ probe, now }: { probe: string; now: number }) => {
    const RealDate = Date;
    class FixedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length) super(...(args as [number]));
        else super(now);
      }
      static override now() {
        return now;
      }
    }
    globalThis.Date = FixedDate as DateConstructor;
    window.addEventListener(
      'message',
      event => {
        let data: string;
        try {
          data = JSON.stringify(event.data);
        } catch {
          data = String(event.data);
        }
        console.info(`${probe}${JSON.stringify({ origin: event.origin, data })}`);
      },
      true,
    );
  };

  /** The whole document, open shadow roots included, as the page's own scripts see it. */
  const serialize = (page: Page) =>
    page.evaluate(() => {
      const parts = [...document.childNodes].map(n =>
        n.nodeType === Node.ELEMENT_NODE ? (n as Element).outerHTML : n.nodeType === Node.COMMENT_NODE ? `<!--${(n as Comment).data}-->` : n.nodeName,
      );
      const visit = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          if (!el.shadowRoot) continue;
          parts.push(`<!-- shadow root of ${el.localName}#${el.id} -->${el.shadowRoot.innerHTML}`);
          visit(el.shadowRoot);
        }
      };
      visit(document);
      return {
        html: parts.join('\n'),
        url: location.href,
        scroll: [scrollX, scrollY],
        adoptedStyleSheets: document.adoptedStyleSheets.length,
        styleSheets: document.styleSheets.length,
        title: document.title,
      };
    });

  /** Where two long strings first differ, with some context; null when equal. */
  function firstDifference(a: string, b: string): string | null {
    if (a === b) return null;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return `lengths ${a.length} vs ${b.length}, first difference at ${i}:\n  with Pacer:    …${a.slice(Math.max(0, i - 120), i + 200)}\n  without Pacer: …${b.slice(Math.max(0, i - 120), i + 200)}`;
  }

  async function watched(context: BrowserContext, url: string, now: number) {
    const page = await context.newPage();
    const messages: string[] = [];
    const requests: string[] = [];
    page.on('console', m => {
      if (m.text().startsWith(PROBE)) messages.push(m.text().slice(PROBE.length));
    });
    page.on('request', r => {
      const u = new URL(r.url());
      if (/(^|\.)linkedin\.com$/.test(u.hostname)) requests.push(`${r.method()} ${u.pathname}${u.search}`);
    });
    await page.addInitScript(pageProbe, { probe: PROBE, now });
    await page.goto(url);
    return { page, messages, requests };
  }

  type Act = (page: Page, text: string) => Promise<void>;
  const scenarios: [name: string, scenario: { url: string; act?: Act }][] = [
    [
      '2024 profile, Connect then Send without a note',
      { url: linkedinUrls.profile(PEOPLE.connect2024), act: page => connectWithoutNote(page, PEOPLE.connect2024.name) },
    ],
    ...Object.values(conversations).map(c => [
      `a message sent in ${c.label}`,
      { url: c.url, act: async (page: Page, text: string) => sendMessage(page, await c.open(page), text) },
    ] as [string, { url: string; act: Act }]),
    ['2026 profile, 3rd degree', { url: linkedinUrls.profile(PEOPLE.thirdDegree2026) }],
    ['2026 profile of another person', { url: linkedinUrls.profile(PEOPLE.captured) }],
    ['sent invitations', { url: linkedinUrls.invitationsSent }],
    ['received invitations', { url: linkedinUrls.invitationsReceived }],
    ['people search', { url: linkedinUrls.search }],
    ['connections', { url: linkedinUrls.connections }],
    ['Sales Navigator lead', { url: linkedinUrls.salesLead }],
    ['Sales Navigator lead search', { url: linkedinUrls.salesSearch }],
  ];

  it.each(scenarios)(
    '%s: the DOM is byte for byte what it is without Pacer; no message event, no extra request, same URL and scroll',
    async (_name, { url, act }) => {
      const now = Date.now();
      const since = new Date(now).toISOString();
      const [withPacer, without] = await Promise.all([watched(browser.context, url, now), watched(plain, url, now)]);
      // Pacer has read the page.
      await waitForPageState(withPacer.page.url(), since);
      const scrollOf = (page: Page) => page.evaluate(() => [scrollX, scrollY]);
      // Before anyone touches either page, scroll is exactly the same: Pacer scrolled nothing on load.
      expect(await scrollOf(withPacer.page)).toEqual(await scrollOf(without.page));
      if (act) {
        const text = secretText('dom');
        await Promise.all([act(withPacer.page, text), act(without.page, text)]);
      }
      // Playwright scrolls each click target into view, and where that lands depends on when the
      // page finished layout, so after an act the two pages are not compared with each other.
      // Each is compared with itself: nothing moves while Pacer records what was done.
      const afterAct = await Promise.all([scrollOf(withPacer.page), scrollOf(without.page)]);
      // The same time on both sides for Pacer to do whatever it does.
      await Promise.all([withPacer.page.waitForTimeout(SETTLE_MS), without.page.waitForTimeout(SETTLE_MS)]);
      const [a, b] = await Promise.all([serialize(withPacer.page), serialize(without.page)]);
      expect(firstDifference(a.html, b.html)).toBeNull();
      expect({ ...a, html: undefined, scroll: undefined }).toEqual({ ...b, html: undefined, scroll: undefined });
      expect([a.scroll, b.scroll]).toEqual(afterAct);
      if (!act) expect(a.scroll).toEqual(b.scroll);
      // That Pacer's LinkedIn code calls no scroll (or click, focus, fetch) API at all, during an
      // act included, is pinned by tests/lib/linkedin-hands-off.test.ts.
      expect(withPacer.messages).toEqual([]);
      expect(without.messages).toEqual([]);
      expect([...withPacer.requests].sort()).toEqual([...without.requests].sort());
      await Promise.all([withPacer.page.close(), without.page.close()]);
    },
  );

  it('no resource of Pacer is reachable from a LinkedIn page, and the manifest declares none', async () => {
    const manifest = await probe.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }).chrome.runtime.getManifest());
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    // LinkedIn's content script: JS in the isolated world only; no CSS, no main world, no frames.
    const scripts = (manifest.content_scripts as { matches: string[] }[]).filter(cs => cs.matches.some(m => m.includes('linkedin.com')));
    expect(scripts).toEqual([{ matches: ['https://www.linkedin.com/*'], js: ['linkedin.js'], run_at: 'document_idle' }]);

    const paths = ['manifest.json', 'linkedin.js'];
    const fetchAll = (ids: { id: string; paths: string[] }) =>
      Promise.all(ids.paths.map(p => fetch(`chrome-extension://${ids.id}/${p}`).then(r => `HTTP ${r.status}`, (e: Error) => `failed: ${e.message}`)));
    // The URLs are right: the extension's own page fetches both.
    expect(await probe.evaluate(fetchAll, { id: browser.extensionId, paths })).toEqual(['HTTP 200', 'HTTP 200']);
    // LinkedIn's page cannot.
    const { page } = await open(linkedinUrls.profile(PEOPLE.thirdDegree2026));
    const fromLinkedIn = await page.evaluate(fetchAll, { id: browser.extensionId, paths });
    expect(fromLinkedIn).toHaveLength(2);
    for (const outcome of fromLinkedIn) expect(outcome).toMatch(/^failed: /);
    await page.close();
  });

  it('after everything, still no typed text anywhere in what Pacer keeps', async () => {
    const everything = await everythingStored();
    for (const text of typed) expect(everything).not.toContain(text);
  });
});
