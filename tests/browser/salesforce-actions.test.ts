// Salesforce Lightning in real Chromium with the built extension: the fixtures served
// at their real URLs (tests/browser/sites/salesforce.ts, whose page scripts do what
// Lightning does after the rep's click), the rep's own Save/Send clicks, the lead,
// contact, account and list pages, and what Pacer stores read back from its IndexedDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import type { PageState } from '../../lib/messages';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
import { activityFingerprint } from '../../lib/observe';
import { startTestSite } from './site';
import { NEW_LEAD, SALESFORCE_IDS as IDS, salesforceUrls as urls } from './sites/salesforce';
import { readStore, waitForStore, readSightings, waitForSighting as waitForSightingIn, type SightingRow } from './store-probe';

let site: Awaited<ReturnType<typeof startTestSite>>;
let browser: ExtensionBrowser;
/** The options page: reads the store and the page states. */
let probe: Page;

const TIMER = 'pacer-cycle-timer';

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
// Helpers

type Store = Awaited<ReturnType<typeof readStore>>;

/** Shown times are local wall time; so are the expectations. */
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();
const sfDeal = (id: string) => `salesforce:${id}`;
const deal = (deals: readonly DealSnapshot[], id: string) => deals.find(d => d.id === sfDeal(id));
const oppUrl = (id: string) => `https://pacer-test.lightning.force.com/lightning/r/Opportunity/${id}/view`;

/** What the content script last reported for `url` (the side panel's "this page"), read after `since`. */
async function pageState(url: string, since: string, timeoutMs = 15_000): Promise<PageState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await probe.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(keys: null): Promise<Record<string, PageState>> } } } };
      return Object.values(await chrome.storage.session.get(null));
    });
    const state = states.filter(s => s.url === url && s.readAt >= since).sort((a, b) => b.readAt.localeCompare(a.readAt))[0];
    if (state) return state;
    if (Date.now() > deadline) throw new Error(`No page state for ${url} since ${since}`);
    await probe.waitForTimeout(100);
  }
}

/** Opens `url` in a new tab and waits until Pacer's content script has read it. */
async function open(url: string): Promise<{ page: Page; state: PageState; openedAt: string }> {
  const openedAt = new Date().toISOString();
  const page = await browser.context.newPage();
  await page.goto(url);
  return { page, state: await pageState(url, openedAt), openedAt };
}

const ids = (events: readonly ActivityEvent[]) => new Set(events.map(e => e.id));
/** Events stored since `before`. */
const since = (before: Set<string>, events: readonly ActivityEvent[]) => events.filter(e => !before.has(e.id));

/**
 * Visits `url` and returns what the visit stored: the events new since before
 * it, once `ready` holds on the store and a second more has brought nothing else.
 */
async function visit(url: string, ready: (store: Store, openedAt: string) => unknown) {
  const before = ids((await readStore(probe)).events);
  const { page, state, openedAt } = await open(url);
  const { result } = await waitForStore(probe, s => ready(s, openedAt));
  expect(result, `store never showed what ${url} holds`).toBeTruthy();
  await page.waitForTimeout(1000);
  const store = await readStore(probe);
  return { page, state, store, openedAt, added: since(before, store.events) };
}

const waitForSighting = (fingerprint: string, check: (row: SightingRow) => boolean, timeoutMs?: number) =>
  waitForSightingIn(probe, fingerprint, check, timeoutMs);

/**
 * Performs `act` on an open page and returns the events it stored. With a
 * fingerprint (record, type, day), waits until Pacer has seen both halves of the
 * activity (the click, and the new timeline row) so a double count would show.
 */
async function perform(page: Page, act: () => Promise<void>, fingerprint?: string) {
  const before = await readStore(probe);
  const row = fingerprint ? (await readSightings(probe)).find(r => r.fingerprint === fingerprint) : undefined;
  const [a0, t0] = [row?.actions.length ?? 0, row?.timeline.length ?? 0];
  await act();
  if (fingerprint) {
    const after = await waitForSighting(fingerprint, r => r.actions.length > a0 && r.timeline.length > t0);
    await page.waitForTimeout(1000);
    const settled = (await readSightings(probe)).find(r => r.fingerprint === fingerprint);
    expect([settled?.actions.length, settled?.timeline.length], `sightings of ${fingerprint}`).toEqual([a0 + 1, t0 + 1]);
    expect(after.actions.length).toBe(a0 + 1);
  } else {
    await waitForStore(probe, s => s.events.length > before.events.length);
    await page.waitForTimeout(1000);
  }
  return since(ids(before.events), (await readStore(probe)).events);
}

/** Nothing stored for a while after `act`. */
async function performNothing(page: Page, act: () => Promise<void>) {
  const before = await readStore(probe);
  await act();
  await page.waitForTimeout(2000);
  return since(ids(before.events), (await readStore(probe)).events);
}

/** Dates as the composer's fields take them (the fixtures' en_US org). */
const mdy = (d: Date) => `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
const clock = (d: Date) => `${d.getHours() % 12 || 12}:${String(d.getMinutes()).padStart(2, '0')} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
/** A time earlier today for the activity (a few minutes ago, or midnight just after midnight). */
const earlierToday = () => {
  const now = new Date();
  const t = new Date(now.getTime() - 5 * 60_000);
  t.setSeconds(0, 0);
  return t.toDateString() === now.toDateString() ? t : new Date(now.getFullYear(), now.getMonth(), now.getDate());
};

// ---------------------------------------------------------------------------

describe("Salesforce: the rep's own Save and Send in the docked composers", () => {
  const dealRef = { id: sfDeal(IDS.composerDeal), name: 'Acme — 500 Widgets' };
  /** The docked composer headed `title` (Log a Call, New Event, Email). */
  const composer = (page: Page, title: string): Locator =>
    page.locator('.slds-docked-composer', { has: page.locator(`.slds-docked-composer__header h2[title="${title}"]`) });
  const saveIn = (c: Locator) => c.locator('.cuf-publisherShareButton');
  const pastRows = (page: Page, type: 'call' | 'event' | 'email') => page.locator(`.activityHistories .slds-timeline__item_${type}`);
  /** The composer's comments and descriptions, which Pacer must never store. */
  const BODIES = /Walked through|CFO signs|Agenda|redlines/;

  /** Opens the opportunity with its composers; types `subject` into Log a Call, dated today. */
  async function logACall(subject: string) {
    const { page } = await open(urls.composer);
    const call = composer(page, 'Log a Call');
    await call.locator('input[aria-label="Subject"]').fill(subject);
    await call.locator('input[name="ActivityDate"]').fill(mdy(new Date()));
    return { page, call };
  }

  it('Log a Call: one Save is one call with the typed subject, though the new row then shows on the timeline', async () => {
    const subject = `Pricing follow-up ${Date.now()}`;
    const { page, call } = await logACall(subject);
    const rowsBefore = await pastRows(page, 'call').count();
    const clickedAt = Date.now();
    const added = await perform(page, () => saveIn(call).click(), activityFingerprint('salesforce', dealRef.id, 'call', new Date().toISOString()));

    // Lightning closed the composer and shows the call, under a new Task id, on the timeline.
    expect(await call.count()).toBe(0);
    expect(await pastRows(page, 'call').count()).toBe(rowsBefore + 1);
    const row = pastRows(page, 'call').first();
    expect(await row.locator('h3').textContent()).toBe(subject);
    expect(await row.locator('h3 a').getAttribute('href')).toMatch(/^\/lightning\/r\/Task\/00T\w{15}\/view$/);
    expect(await row.locator('.slds-media__body > p').textContent()).toBe('You logged a call with Dana Park ');

    // One call, from the click: the timeline row was its other half, not a second call.
    expect(added).toEqual([expect.objectContaining({ type: 'call', site: 'salesforce', deal: dealRef, meta: expect.objectContaining({ subject }) })]);
    // Dated today: the click time stands for when the call happened.
    expect(Math.abs(Date.parse(added[0]!.at) - clickedAt)).toBeLessThan(60_000);
    const store = await readStore(probe);
    expect(store.events.filter(e => e.type === 'call' && e.meta?.subject === subject)).toHaveLength(1);
    expect(JSON.stringify(added)).not.toMatch(BODIES);
    await page.close();
  });

  it('Log a Call: a Save Lightning refuses (Subject empty) records nothing; the corrected Save records one', async () => {
    const { page, call } = await logACall('');
    const rowsBefore = await pastRows(page, 'call').count();
    expect(await performNothing(page, () => saveIn(call).click())).toEqual([]);
    // Lightning kept the composer open with the field's error, and added no row.
    expect(await call.count()).toBe(1);
    expect(await call.locator('[data-target-selection-name="sfdc:RecordField.Task.Subject"] [role="alert"]').textContent()).toBe('Complete this field.');
    expect(await pastRows(page, 'call').count()).toBe(rowsBefore);

    const subject = `Legal review call ${Date.now()}`;
    await call.locator('input[aria-label="Subject"]').fill(subject);
    const added = await perform(page, () => saveIn(call).click(), activityFingerprint('salesforce', dealRef.id, 'call', new Date().toISOString()));
    expect(added).toEqual([expect.objectContaining({ type: 'call', deal: dealRef, meta: expect.objectContaining({ subject }) })]);
    await page.close();
  });

  it('Log a Call: a double-click on Save is one call', async () => {
    const subject = `Double-clicked call ${Date.now()}`;
    const { page, call } = await logACall(subject);
    // Counts the clicks that reach the page: Pacer's listener sees both of them.
    await saveIn(call).evaluate(button => {
      button.addEventListener('click', () => (document.body.dataset.saveClicks = String(Number(document.body.dataset.saveClicks ?? 0) + 1)));
    });
    const added = await perform(page, () => saveIn(call).dblclick(), activityFingerprint('salesforce', dealRef.id, 'call', new Date().toISOString()));
    expect(await page.evaluate(() => document.body.dataset.saveClicks)).toBe('2');
    expect(await pastRows(page, 'call').filter({ hasText: subject }).count()).toBe(1);
    expect(added).toEqual([expect.objectContaining({ type: 'call', deal: dealRef, meta: expect.objectContaining({ subject }) })]);
    await page.close();
  });

  it('New Event: one Save is one meeting at the event start, with the typed subject', async () => {
    const { page } = await open(urls.composer);
    const event = composer(page, 'New Event');
    const subject = `Contract walkthrough ${Date.now()}`;
    const when = earlierToday();
    await event.locator('input[aria-label="Subject"]').fill(subject);
    await event.locator('input[name="StartDateTime-date"]').fill(mdy(when));
    await event.locator('input[name="StartDateTime-time"]').fill(clock(when));
    const added = await perform(page, () => saveIn(event).click(), activityFingerprint('salesforce', dealRef.id, 'meeting', when.toISOString()));
    expect(await event.count()).toBe(0);
    expect(await pastRows(page, 'event').filter({ hasText: subject }).count()).toBe(1);
    expect(added).toEqual([expect.objectContaining({ type: 'meeting', at: when.toISOString(), site: 'salesforce', deal: dealRef, meta: expect.objectContaining({ subject }) })]);
    expect(JSON.stringify(added)).not.toMatch(BODIES);
    await page.close();
  });

  it('Email: one Send is one email with the subject typed, and its body nowhere in the store', async () => {
    const { page } = await open(urls.composer);
    const email = composer(page, 'Email');
    const subject = `Revised order form ${Date.now()}`;
    const body = `Countersigned copy attached, discount code ZX-${Date.now()}`;
    await email.locator('input[aria-label="Subject"]').fill(subject);
    const editor = email.frameLocator('iframe.cke_wysiwyg_frame').locator('body');
    await editor.focus();
    await page.keyboard.type(body);
    expect(await editor.textContent()).toBe(body);
    const sentAt = Date.now();
    const added = await perform(page, () => saveIn(email).click(), activityFingerprint('salesforce', dealRef.id, 'email', new Date().toISOString()));
    expect(await email.count()).toBe(0);
    expect(await pastRows(page, 'email').filter({ hasText: subject }).count()).toBe(1);
    expect(added).toEqual([expect.objectContaining({ type: 'email', site: 'salesforce', deal: dealRef, meta: expect.objectContaining({ subject }) })]);
    expect(Math.abs(Date.parse(added[0]!.at) - sentAt)).toBeLessThan(60_000);
    // Metadata only: the body is in no event and no deal Pacer keeps.
    const store = await readStore(probe);
    expect(JSON.stringify(store)).not.toContain('ZX-');
    expect(JSON.stringify(store)).not.toContain('Countersigned copy');
    await page.close();
  });
});

// ---------------------------------------------------------------------------

describe('Salesforce: New Lead', () => {
  it('one Save is one lead_created, keyed by the new lead; a Save with required fields empty records nothing; the new lead page adds nothing', async () => {
    const { page, state } = await open(urls.newLead);
    expect(state).toMatchObject({ site: 'salesforce', kind: 'unknown' });
    const modal = page.locator('.uiModal');
    const save = modal.locator('lightning-button.save-button button');

    // Required fields empty: Lightning shows the form's errors and keeps the modal.
    expect(await performNothing(page, () => save.click())).toEqual([]);
    expect(await modal.locator('.pageLevelErrors li').textContent()).toBe('These required fields must be completed: Last Name, Company');
    expect(await modal.count()).toBe(1);

    await modal.locator('input[name="FirstName"]').fill(NEW_LEAD.firstName);
    await modal.locator('input[name="LastName"]').fill(NEW_LEAD.lastName);
    await modal.locator('input[name="Company"]').fill(NEW_LEAD.company);
    const added = await perform(page, () => save.click());
    // Lightning closed the modal and opened the new lead.
    expect(await modal.count()).toBe(0);
    expect(page.url()).toBe(urls.createdLead);
    expect(await page.locator('[slot="primaryField"]').textContent()).toBe(`${NEW_LEAD.firstName} ${NEW_LEAD.lastName}`);
    expect(added).toEqual([expect.objectContaining({ type: 'lead_created', site: 'salesforce', url: urls.createdLead })]);
    const created = added[0]!;
    await page.close();

    // The new lead's page, opened again later: the lead was created once.
    const before = ids((await readStore(probe)).events);
    const again = await open(urls.createdLead);
    expect(again.state).toMatchObject({ kind: 'person', personId: sfDeal(IDS.newLead), health: { ok: true } });
    await again.page.waitForTimeout(1500);
    const store = await readStore(probe);
    expect(since(before, store.events)).toEqual([]);
    expect(store.events.filter(e => e.type === 'lead_created')).toEqual([created]);
    await again.page.close();
  });
});

// ---------------------------------------------------------------------------

describe('Salesforce: lead and contact pages, and the side panel', () => {
  /** Opens the side panel (as a tab) while `crm` is the tab the rep last looked at. */
  async function sidePanelFor(crm: Page, personId: string) {
    await crm.bringToFront();
    const panel = await browser.extensionPage('sidepanel.html');
    const card = panel.locator(`[data-person-id="${personId}"]`);
    await card.waitFor({ timeout: 10_000 });
    return { panel, card };
  }
  const touchRows = (card: Locator) =>
    card.locator('tr[data-touch]').evaluateAll(rows => rows.map(r => ({ what: r.querySelector('th')!.textContent, at: r.querySelector('time')!.getAttribute('datetime') })));

  it("lead: the rep's timeline rows stored with the lead's crmId; the side panel shows the lead and those touches, newest first", async () => {
    const crmId = sfDeal(IDS.lead);
    const expected = [
      { type: 'call', at: local(2026, 11, 20, 14, 0), meta: { subject: 'Discovery call', crmActivityId: '00T5e00000PqT4dEAF' } },
      { type: 'email', at: local(2026, 11, 18, 9, 12), meta: { subject: 'Intro: Pacer for Initech' } },
    ];
    // The upcoming demo is a plan, not a touch.
    const { page, state, added } = await visit(urls.lead, s => s.events.filter(e => e.url === urls.lead).length >= expected.length);
    expect(state).toMatchObject({
      kind: 'person',
      personId: crmId,
      person: { name: 'Priya Natarajan', title: 'VP Procurement', company: 'Initech', recordType: 'lead' },
      health: { ok: true },
    });
    const byNewest = [...added].sort((a, b) => b.at.localeCompare(a.at));
    expect(byNewest.map(e => ({ type: e.type, at: e.at, meta: e.meta }))).toEqual(expected);
    for (const e of added) expect.soft(e.person, `${e.type} ${e.meta?.subject}: person`).toMatchObject({ name: 'Priya Natarajan', crmId });

    const { panel, card } = await sidePanelFor(page, crmId);
    expect(await card.locator('p').first().textContent()).toBe('Priya Natarajan');
    expect(await card.locator('p.muted').first().textContent()).toBe('VP Procurement · Initech · Lead');
    await expect
      .poll(() => touchRows(card), { timeout: 5_000 })
      .toEqual(expected.map(e => ({ what: `${e.type === 'call' ? 'Call' : 'Email'}: ${e.meta.subject} (Salesforce)`, at: e.at })));
    await panel.close();
    await page.close();
  });

  it("contact: the rep's timeline rows (not a colleague's) stored with the contact's crmId; the side panel shows the contact and those touches, newest first", async () => {
    const crmId = sfDeal(IDS.contact);
    const now = new Date();
    const expected = [
      // "2:30pm | Yesterday"
      { type: 'call', at: new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 14, 30).toISOString(), meta: { subject: 'Check-in on legal review', crmActivityId: '00T5e00000PqU5eEAF' } },
      { type: 'email', at: local(2026, 11, 20, 16, 15), meta: { subject: 'Re: Proposal v2' } },
    ];
    const { page, state, added } = await visit(urls.contact, s => s.events.filter(e => e.url === urls.contact).length >= expected.length);
    expect(state).toMatchObject({
      kind: 'person',
      personId: crmId,
      person: { name: 'Dana Park', title: 'Head of Procurement', company: 'Acme Corp', recordType: 'contact' },
      health: { ok: true },
    });
    const byNewest = [...added].sort((a, b) => b.at.localeCompare(a.at));
    expect(byNewest.map(e => ({ type: e.type, at: e.at, meta: e.meta }))).toEqual(expected);
    for (const e of added) expect.soft(e.person, `${e.type} ${e.meta?.subject}: person`).toMatchObject({ name: 'Dana Park', crmId });

    const { panel, card } = await sidePanelFor(page, crmId);
    expect(await card.locator('p').first().textContent()).toBe('Dana Park');
    expect(await card.locator('p.muted').first().textContent()).toBe('Head of Procurement · Acme Corp · Contact');
    await expect
      .poll(() => touchRows(card), { timeout: 5_000 })
      .toEqual(expected.map(e => ({ what: `${e.type === 'call' ? 'Call' : 'Email'}: ${e.meta.subject} (Salesforce)`, at: e.at })));
    await panel.close();
    await page.close();
  });
});

// ---------------------------------------------------------------------------

describe('Salesforce: account page and list view', () => {
  const row = (store: Store, id: string, name: string, stage: string, amount: number | null, closeDate: string, status: DealSnapshot['status']) =>
    expect(deal(store.deals, id), id).toMatchObject({ name, stage, amount, currency: amount === null ? null : 'USD', closeDate, status, url: oppUrl(id) });

  it("account: a deal for each row of its Opportunities list, stage and amount as shown; nothing else recorded", async () => {
    const { page, state, store, added } = await visit(urls.account, (s, openedAt) => (deal(s.deals, '0065e00000Lm4TuAAJ')?.lastSeenAt ?? '') >= openedAt);
    expect(state).toMatchObject({ kind: 'list', rows: 3, health: { ok: true } });
    row(store, '0065e00000Gq7TZAAZ', 'Acme — 500 Widgets', 'Negotiation/Review', 120000, '2026-12-18', 'open');
    row(store, '0065e00000Lm3RsAAJ', 'Acme — Support renewal', 'Closed Won', 18000, '2026-09-30', 'won');
    row(store, '0065e00000Lm4TuAAJ', 'Acme — Pilot expansion', 'Prospecting', null, '2027-02-26', 'open');
    // First sight of a closed deal in a list: no deal_won is invented for it.
    expect(added).toEqual([]);
    await page.close();
  });

  it('list view: a deal for each row; a stage changed in the list records deal_stage_changed', async () => {
    const hooli = IDS.hooliDeal;
    const { page, state, store } = await visit(urls.listView, (s, openedAt) => (deal(s.deals, hooli)?.lastSeenAt ?? '') >= openedAt);
    expect(state).toMatchObject({ kind: 'list', rows: 4, health: { ok: true } });
    row(store, '0065e00000Gq7TZAAZ', 'Acme — 500 Widgets', 'Negotiation/Review', 120000, '2026-12-18', 'open');
    row(store, '0065e00000Hx2LpAAJ', 'Globex — Annual renewal', 'Closed Won', 48500, '2026-11-14', 'won');
    row(store, '0065e00000Jb4RkAAJ', 'Initech — Pilot', 'Closed Lost', 5000, '2026-10-01', 'lost');
    row(store, hooli, 'Hooli — Starter', 'Qualification', null, '2027-01-15', 'open');

    // The rep edits Hooli's Stage inline: the datatable re-renders the cell.
    const before = ids(store.events);
    await page.evaluate(id => {
      document.querySelector(`tr[data-row-key-value="${id}"] td[data-label="Stage"] lightning-base-formatted-text`)!.textContent = 'Needs Analysis';
    }, hooli);
    const { result } = await waitForStore(probe, s => s.events.find(e => e.type === 'deal_stage_changed' && e.deal?.id === sfDeal(hooli)));
    expect(result).toMatchObject({ site: 'salesforce', deal: { id: sfDeal(hooli), name: 'Hooli — Starter' }, meta: { fromStage: 'Qualification', toStage: 'Needs Analysis' } });
    await page.waitForTimeout(1000);
    const after = await readStore(probe);
    expect(since(before, after.events)).toEqual([result]);
    expect(deal(after.deals, hooli)).toMatchObject({ stage: 'Needs Analysis', status: 'open' });
    await page.close();
  });
});

// ---------------------------------------------------------------------------

describe('Salesforce: an opportunity with its Stage History', () => {
  it("the deal's stageEnteredAt is the history's date, not the visit; the timer counts the days since", async () => {
    const id = IDS.stageHistoryDeal;
    const enteredAt = local(2026, 11, 2, 10, 5); // the newest Stage History row, the Path's current stage
    const { page, store, openedAt, added } = await visit(urls.stageHistory, (s, at) => (deal(s.deals, id)?.lastSeenAt ?? '') >= at);
    expect(deal(store.deals, id)).toMatchObject({
      name: 'Initrode — Platform',
      stage: 'Proposal/Price Quote',
      stageEnteredAt: enteredAt,
      createdAt: local(2026, 10, 1, 9, 14),
      status: 'open',
    });
    expect(enteredAt < openedAt).toBe(true);
    expect(added).toEqual([]);

    const badge = page.locator(`${TIMER} .badge`);
    await badge.waitFor({ timeout: 10_000 });
    const days = () => Math.floor((Date.now() - Date.parse(enteredAt)) / 86_400_000);
    const [d0, text, d1] = [days(), await badge.textContent(), days()];
    expect([d0, d1].map(d => `Proposal/Price Quote · ${d}d in stage`)).toContain(text);
    expect(d0).toBeGreaterThan(0);
    const elapsed = Number(await badge.getAttribute('data-elapsed-seconds'));
    expect(Math.abs(elapsed - (Date.now() - Date.parse(enteredAt)) / 1000)).toBeLessThan(60);
    await page.close();
  });
});
