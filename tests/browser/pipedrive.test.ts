// Pipedrive in real Chromium with the built extension: the hand-assembled fixtures
// served at acme.pipedrive.com (tests/browser/sites/pipedrive.ts), read by the
// content script into the store; the rep's own Saves, clicked and typed for real;
// the in-place sales-cycle timer. Each describe has its own browser, so its store
// starts empty and counts are exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { stableId } from '../../lib/ids';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
import { readStore, waitForStore, readSightings } from './store-probe';
import { startTestSite } from './site';
import { NEW_DEAL_ID, PIPEDRIVE_ORIGIN, PIPEDRIVE_URLS as URLS } from './sites/pipedrive';

/** The fixtures' times are the user's wall time; the browser and this process share the time zone. */
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();
/** Local midnight `days` days before `iso`: what "<n> days · <stage>" in the stage bar means. */
const daysBefore = (iso: string, days: number) => {
  const d = new Date(iso);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - days).toISOString();
};
const localDay = (iso: string) => {
  const d = new Date(iso);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map(n => String(n).padStart(2, '0')).join('-');
};
const dealUrl = (id: number) => `${PIPEDRIVE_ORIGIN}/deal/${id}`;
const TIMER = 'pacer-cycle-timer';
/** Long enough for a read (250 ms debounce), the outbox (100 ms) and the background's ack, several times over. */
const SETTLE_MS = 1500;

let site: Awaited<ReturnType<typeof startTestSite>>;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site?.server.close();
});

/** A fresh browser (and so a fresh store) for one describe, with an extension page to read the store from. */
function useBrowser() {
  const ctx = {} as { browser: ExtensionBrowser; probe: Page };
  beforeAll(async () => {
    ctx.browser = await launchWithExtension({ hostResolverRules: site.rules });
    ctx.probe = await ctx.browser.extensionPage('options.html');
  });
  afterAll(async () => {
    await ctx.browser?.close();
  });
  return ctx;
}

/**
 * What the content script last read on the tab showing `url`, from the background's
 * session storage (the side panel's source): proof the content script ran and read the page.
 */
async function pageState(probe: Page, url: string, timeoutMs = 15_000): Promise<{ kind: string; health: { ok: boolean; missing: string[] } }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await probe.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } } };
      return Object.values(await chrome.storage.session.get(null)) as { url: string; kind: string; health: { ok: boolean; missing: string[] } }[];
    });
    const state = states.find(s => s.url === url);
    if (state) return state;
    if (Date.now() > deadline) throw new Error(`No page state for ${url}; seen: ${states.map(s => s.url).join(', ')}`);
    await probe.waitForTimeout(100);
  }
}


/** Waits until `n` events are stored, then a while longer, and returns them all: an exact count. */
async function settledEvents(probe: Page, n: number): Promise<ActivityEvent[]> {
  await waitForStore(probe, s => s.events.length >= n);
  await probe.waitForTimeout(SETTLE_MS);
  return (await readStore(probe)).events;
}

/** The timeline event for a feed item of the fixtures, as it is stored. */
const feedEvent = (crmId: string, type: ActivityEvent['type'], subject: string, at: string, about: Partial<ActivityEvent>) => ({
  type,
  at,
  site: 'pipedrive',
  meta: { subject, crmActivityId: crmId },
  ...about,
});
const byCrmId = (a: ActivityEvent, b: ActivityEvent) => (a.meta?.crmActivityId ?? '').localeCompare(b.meta?.crmActivityId ?? '');
const acme = { id: 'pipedrive:1042', name: 'Acme — 500 widgets' };
/** deal-proposal.html's call under "Planned": due Jun 12, 2026, not marked done. */
const PLANNED_CALL = '5521';
const dana = { name: 'Dana Park' };

describe('reading Pipedrive pages', () => {
  const ctx = useBrowser();
  const visit = async (url: string) => {
    const page = await ctx.browser.context.newPage();
    await page.goto(url);
    return page;
  };
  const deal = (deals: DealSnapshot[], id: number) => deals.find(d => d.id === `pipedrive:${id}`);

  it('records nothing from a page Pacer cannot read', async () => {
    // An organization page (not read), and a deal page whose stage bar is not where Pacer looks.
    const org = await visit(URLS.organization);
    const broken = await visit(URLS.unreadableDeal);
    expect(await pageState(ctx.probe, URLS.organization)).toMatchObject({ kind: 'unknown' });
    expect(await pageState(ctx.probe, URLS.unreadableDeal)).toMatchObject({ kind: 'unknown', health: { ok: false, missing: ['stage bar'] } });
    await ctx.probe.waitForTimeout(SETTLE_MS);
    // Both pages show the history feed of deal-proposal.html: none of it may be stored.
    expect(await readStore(ctx.probe)).toEqual({ events: [], deals: [] });
    await org.close();
    await broken.close();
  });

  it('reads the mid-pipeline deal, and the rep\'s own past feed activities as events', async () => {
    const page = await visit(URLS.deal);
    const { store } = await waitForStore(ctx.probe, s => deal(s.deals, 1042));
    const stored = deal(store.deals, 1042)!;
    expect(stored).toEqual({
      id: 'pipedrive:1042',
      name: 'Acme — 500 widgets',
      stage: 'Proposal Made',
      amount: 12500,
      currency: 'USD',
      closeDate: '2026-06-30',
      createdAt: local(2026, 5, 4, 11, 20),
      status: 'open',
      url: dealUrl(1042),
      // "8 days · Proposal Made": entered at the start of the day 8 days ago.
      stageEnteredAt: daysBefore(stored.lastSeenAt, 8),
      lastSeenAt: expect.any(String),
    });
    // Past, by the rep: the meeting and the intro call. Not: the colleague's email, the deadline
    // (a task), the custom "plane" type, the note, the changes; nor the planned call (see the next test).
    const events = (await settledEvents(ctx.probe, 2)).filter(e => e.meta?.crmActivityId !== PLANNED_CALL);
    expect(events.sort(byCrmId)).toMatchObject([
      feedEvent('5470', 'call', 'Intro call', local(2026, 5, 14, 16, 0), { deal: acme, person: dana, url: dealUrl(1042) }),
      feedEvent('5510', 'meeting', 'Demo with procurement', local(2026, 6, 2, 14, 30), { deal: acme, person: dana, url: dealUrl(1042) }),
    ]);
    expect(events).toHaveLength(2);
    // Never a note's or an activity note's body.
    expect(JSON.stringify(events)).not.toMatch(/discount|CFO/);
    await page.close();
  });

  it('does not record the call in the feed\'s "Planned" section: it is not done', async () => {
    // The test above read deal 1042's feed and checked its past activities.
    const { events } = await readStore(ctx.probe);
    expect(events.filter(e => e.meta?.crmActivityId === PLANNED_CALL)).toEqual([]);
  });

  it('reads a won deal and its one call', async () => {
    const before = (await readStore(ctx.probe)).events.length;
    const page = await visit(URLS.won);
    const { store } = await waitForStore(ctx.probe, s => deal(s.deals, 1043));
    const stored = deal(store.deals, 1043)!;
    expect(stored).toEqual({
      id: 'pipedrive:1043',
      name: 'Globex — annual renewal',
      stage: 'Negotiations Started',
      amount: 48500,
      currency: 'EUR',
      closeDate: '2026-06-05',
      createdAt: local(2026, 3, 16, 10, 0),
      status: 'won',
      url: dealUrl(1043),
      stageEnteredAt: daysBefore(stored.lastSeenAt, 3),
      lastSeenAt: expect.any(String),
    });
    const events = (await settledEvents(ctx.probe, before + 1)).filter(e => e.deal?.id === 'pipedrive:1043');
    expect(events).toMatchObject([
      feedEvent('5601', 'call', 'Contract walkthrough', local(2026, 6, 4, 11, 0), {
        deal: { id: 'pipedrive:1043', name: 'Globex — annual renewal' },
        person: { name: 'Lena Vogt' },
      }),
    ]);
    expect((await readStore(ctx.probe)).events).toHaveLength(before + 1);
    // Closing a deal is not an event Pacer invents on first sight: it never saw it open.
    expect(events.some(e => e.type === 'deal_won')).toBe(false);
    await page.close();
  });

  it('reads a lost deal: "-" in Value is unknown, never 0; no events', async () => {
    const before = (await readStore(ctx.probe)).events.length;
    const page = await visit(URLS.lost);
    const { store } = await waitForStore(ctx.probe, s => deal(s.deals, 1044));
    const stored = deal(store.deals, 1044)!;
    expect(stored).toEqual({
      id: 'pipedrive:1044',
      name: 'Initech — pilot',
      stage: 'Proposal Made',
      amount: null,
      currency: null,
      status: 'lost',
      url: dealUrl(1044),
      stageEnteredAt: daysBefore(stored.lastSeenAt, 21),
      lastSeenAt: expect.any(String),
    });
    await page.waitForTimeout(SETTLE_MS);
    expect((await readStore(ctx.probe)).events).toHaveLength(before);
    await page.close();
  });

  it('reads a person page: the rep\'s email with them, not the colleague\'s lunch; no deal', async () => {
    const before = await readStore(ctx.probe);
    const page = await visit(URLS.person);
    expect(await pageState(ctx.probe, URLS.person)).toMatchObject({ kind: 'person', health: { ok: true } });
    const events = await settledEvents(ctx.probe, before.events.length + 1);
    const fresh = events.filter(e => !before.events.some(b => b.id === e.id));
    expect(fresh).toEqual([
      expect.objectContaining(
        feedEvent('5702', 'email', 'Volume pricing question', local(2026, 6, 8, 13, 10), { person: dana, url: `${PIPEDRIVE_ORIGIN}/person/311` }),
      ),
    ]);
    expect(fresh[0]).not.toHaveProperty('deal');
    expect((await readStore(ctx.probe)).deals).toEqual(before.deals);
    await page.close();
  });

  it('reads the pipeline board: each card with its column\'s stage; no events', async () => {
    const before = await readStore(ctx.probe);
    const page = await visit(URLS.board);
    const { store } = await waitForStore(ctx.probe, s => deal(s.deals, 1104));
    const row = (id: number, name: string, stage: string, amount: number | null) =>
      expect.objectContaining({ id: `pipedrive:${id}`, name, stage, amount, currency: amount === null ? null : 'USD', status: 'open', url: dealUrl(id) });
    expect(store.deals.filter(d => [1101, 1102, 1103, 1104].some(id => d.id === `pipedrive:${id}`)).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      row(1101, 'Hooli — starter', 'Lead In', 2000),
      row(1102, 'Umbrella — fleet', 'Contact Made', 15000),
      row(1103, 'Stark — pilot', 'Proposal Made', 7250),
      // No value on the card: unknown, never 0.
      row(1104, 'Wayne — expansion', 'Negotiations Started', null),
    ]);
    // The card of deal 1042 says less than its page did: what the page showed is kept.
    expect(deal(store.deals, 1042)).toMatchObject({ stage: 'Proposal Made', amount: 12500, closeDate: '2026-06-30', createdAt: local(2026, 5, 4, 11, 20) });
    await page.waitForTimeout(SETTLE_MS);
    expect((await readStore(ctx.probe)).events).toEqual(before.events);
    await page.close();
  });

  it('reads the deals list: stage, status and close date per row; no events', async () => {
    const before = await readStore(ctx.probe);
    const page = await visit(URLS.list);
    expect(await pageState(ctx.probe, URLS.list)).toMatchObject({ kind: 'list', health: { ok: true } });
    await page.waitForTimeout(SETTLE_MS);
    const { deals, events } = await readStore(ctx.probe);
    expect(deal(deals, 1042)).toMatchObject({ stage: 'Proposal Made', status: 'open', amount: 12500, currency: 'USD', closeDate: '2026-06-30' });
    expect(deal(deals, 1043)).toMatchObject({ stage: 'Negotiations Started', status: 'won', amount: 48500, currency: 'EUR', closeDate: '2026-06-05' });
    expect(deal(deals, 1044)).toMatchObject({ stage: 'Proposal Made', status: 'lost', amount: null });
    expect(deals).toHaveLength(before.deals.length);
    expect(events).toEqual(before.events);
    await page.close();
  });
});

describe('the rep\'s own Saves', () => {
  const ctx = useBrowser();

  /** Opens `url` and waits until the content script has read it (so its click listener is in place). */
  const open = async (url: string) => {
    const page = await ctx.browser.context.newPage();
    await page.goto(url);
    await pageState(ctx.probe, url);
    return page;
  };
  /** Replaces a field's text as the rep does: click in it, select all, type. */
  const typeInto = async (page: Page, selector: string, text: string) => {
    await page.locator(selector).click();
    await page.keyboard.press('ControlOrMeta+A');
    if (text) await page.keyboard.type(text);
    else await page.keyboard.press('Backspace');
  };
  const ids = async () => new Set((await readStore(ctx.probe)).events.map(e => e.id));
  /** Events stored since `before`, once at least `n` have arrived and a while has passed. */
  const newEvents = async (before: Set<string>, n: number) =>
    (await settledEvents(ctx.probe, before.size + n)).filter(e => !before.has(e.id));
  const SUBJECT = '[data-test="activity-subject"]';
  const SAVE_ACTIVITY = '[data-test="save-activity-button"]';
  const newFeedItem = (page: Page, subject: string) => page.locator('.flowContainer.past .flowItemContainer.activity', { hasText: subject });

  /**
   * Both halves of one activity were seen: the Save click and the feed item Pipedrive
   * showed afterwards (same record, type, subject and day); only one was stored.
   */
  // A fingerprint is site|record|type|day: the new row for this type is the one to look at.
  const bothSightings = async (before: { fingerprint: string; actions: string[]; timeline: string[] }[], type: string) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const row = (await readSightings(ctx.probe)).find(
        s => s.fingerprint.includes(`|${type}|`) && !before.some(b => b.fingerprint === s.fingerprint && b.actions.length === s.actions.length),
      );
      if ((row && row.actions.length && row.timeline.length) || Date.now() > deadline) return row;
      await ctx.probe.waitForTimeout(100);
    }
  };

  it('Call Save in "Schedule an activity": one call, stored once though the feed then shows it', async () => {
    const page = await open(URLS.addActivity);
    const before = await ids();
    const sightings = await readSightings(ctx.probe);
    await typeInto(page, SUBJECT, 'Pricing call with Dana');
    await page.locator(SAVE_ACTIVITY).click();
    // Pipedrive closes the form and lists the call at the form's due date, 06/09/2026 2:00 PM.
    await page.locator('.cui5-modal').waitFor({ state: 'detached' });
    await newFeedItem(page, 'Pricing call with Dana').waitFor();

    expect(await bothSightings(sightings, 'call')).toMatchObject({ actions: [expect.any(String)], timeline: [expect.any(String)] });
    const fresh = await newEvents(before, 1);
    expect(fresh).toEqual([
      expect.objectContaining({
        type: 'call',
        at: local(2026, 6, 9, 14, 0),
        site: 'pipedrive',
        deal: acme,
        meta: expect.objectContaining({ subject: 'Pricing call with Dana' }),
      }),
    ]);
    await page.close();
  });

  it('Meeting Save with no due date: one meeting today, stored once though the feed then shows it', async () => {
    const page = await open(URLS.addActivity);
    const before = await ids();
    const sightings = await readSightings(ctx.probe);
    await page.locator('.cui5-button-group button:has(use[href="#icon-sm-ac-meeting"])').click();
    await typeInto(page, SUBJECT, 'Onsite workshop');
    await typeInto(page, '[data-test="activity-due-date"] input', '');
    await typeInto(page, '[data-test="activity-due-time"] input', '');
    const clickedAt = new Date().toISOString();
    await page.locator(SAVE_ACTIVITY).click();
    // Pipedrive lists it for today, without a time.
    await newFeedItem(page, 'Onsite workshop').waitFor();

    expect(await bothSightings(sightings, 'meeting')).toMatchObject({ actions: [expect.any(String)], timeline: [expect.any(String)] });
    const fresh = await newEvents(before, 1);
    expect(fresh).toEqual([
      expect.objectContaining({ type: 'meeting', site: 'pipedrive', deal: acme, meta: expect.objectContaining({ subject: 'Onsite workshop' }) }),
    ]);
    expect(localDay(fresh[0]!.at)).toBe(localDay(clickedAt));
    await page.close();
  });

  it('a Save Pipedrive refuses (empty subject) records nothing; fixed and saved, it records one', async () => {
    const page = await open(URLS.addActivity);
    const before = await ids();
    await typeInto(page, SUBJECT, '');
    await page.locator(SAVE_ACTIVITY).click();
    await expect.poll(() => page.locator('.cui5-input__error-message').textContent()).toBe('Subject is required');
    await page.waitForTimeout(SETTLE_MS);
    expect(await ids()).toEqual(before);
    expect(await page.locator(SAVE_ACTIVITY).count()).toBe(1); // the form is still open

    await typeInto(page, SUBJECT, 'Pricing call, take two');
    await page.locator(SAVE_ACTIVITY).click();
    await newFeedItem(page, 'Pricing call, take two').waitFor();
    const fresh = await newEvents(before, 1);
    expect(fresh).toEqual([expect.objectContaining({ type: 'call', deal: acme, meta: expect.objectContaining({ subject: 'Pricing call, take two' }) })]);
    await page.close();
  });

  it('Add deal Save: nothing while Pipedrive refuses it, then one lead_created once the new deal opens', async () => {
    const page = await open(URLS.addDeal);
    const before = await ids();
    const TITLE = '[data-test-key="title"] input';
    await typeInto(page, TITLE, '');
    await page.locator('[data-test="add-modals-save"]').click();
    await expect.poll(() => page.locator('.cui5-input__error-message').textContent()).toBe('Title is required');
    await page.waitForTimeout(SETTLE_MS);
    expect(await ids()).toEqual(before);

    await typeInto(page, TITLE, 'Globex expansion');
    await page.locator('[data-test="add-modals-save"]').click();
    await page.waitForURL(dealUrl(NEW_DEAL_ID));
    await page.locator('[data-test="add-modal"]').waitFor({ state: 'detached' });
    const fresh = await newEvents(before, 1);
    expect(fresh).toEqual([
      expect.objectContaining({ type: 'lead_created', site: 'pipedrive', url: dealUrl(NEW_DEAL_ID), meta: { subject: 'Globex expansion' } }),
    ]);
    await page.close();
  });

  it('keys the lead_created event by the new deal\'s id, pipedrive:2001', async () => {
    // The one lead_created the test above stored (it checks there is exactly one).
    const created = (await readStore(ctx.probe)).events.filter(e => e.type === 'lead_created');
    expect(created.map(e => e.id)).toEqual([stableId('pipedrive', 'created', `pipedrive:${NEW_DEAL_ID}`)]);
  });
});

describe('the in-place sales-cycle timer', () => {
  const ctx = useBrowser();
  const openDeal = async (url: string) => {
    const page = await ctx.browser.context.newPage();
    await page.goto(url);
    return page;
  };
  const badge = (page: Page) => page.locator(`${TIMER} .badge`);

  it('appears beside the stage bar of an open deal and ticks', async () => {
    const page = await openDeal(URLS.deal);
    await badge(page).waitFor({ timeout: 15_000 });
    const placement = await page.evaluate(tag => {
      const host = document.querySelector(tag)!;
      return { after: host.previousElementSibling?.className, shadow: !!host.shadowRoot, lightChildren: host.children.length };
    }, TIMER);
    expect(placement).toEqual({ after: 'cui5-stage-selector', shadow: true, lightChildren: 0 });
    expect(await badge(page).textContent()).toBe('Proposal Made · 8d in stage');

    // Counted from the start of the day "8 days" ago.
    const { deals } = await readStore(ctx.probe);
    const entered = deals.find(d => d.id === 'pipedrive:1042')!.stageEnteredAt;
    const first = Number(await badge(page).getAttribute('data-elapsed-seconds'));
    expect(Math.abs(first - (Date.now() - Date.parse(entered)) / 1000)).toBeLessThan(5);
    await page.waitForTimeout(2300);
    const later = Number(await badge(page).getAttribute('data-elapsed-seconds'));
    expect(later - first).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('is drawn on the stage bar: across its bottom edge, 12 px in from its left', async () => {
    const page = await openDeal(URLS.deal);
    await badge(page).waitFor({ timeout: 15_000 });
    const at = await page.evaluate(tag => {
      const host = document.querySelector(tag)!;
      const timer = host.shadowRoot!.querySelector('.timer')!.getBoundingClientRect();
      const bar = host.previousElementSibling!.getBoundingClientRect();
      return { dx: Math.round(timer.left - bar.left), dy: Math.round(timer.top + timer.height / 2 - bar.bottom) };
    }, TIMER);
    await page.close();
    expect(at).toEqual({ dx: 12, dy: 0 });
  });

  it('is reached with the keyboard and then shows a tooltip naming the stage and its target', async () => {
    const page = await openDeal(URLS.deal);
    await badge(page).waitFor({ timeout: 15_000 });
    // Tab from the last stage button lands on the timer: it sits next in the page's tab order.
    await page.locator('button.cui5-stage-selector__stage').last().focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(tag => {
      const host = document.activeElement;
      return { host: host?.localName, inner: host?.localName === tag ? host.shadowRoot?.activeElement?.className : undefined };
    }, TIMER);
    expect(focused).toEqual({ host: TIMER, inner: expect.stringMatching(/^timer\b/) });
    const tip = page.locator(`${TIMER} [role="tooltip"]`);
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/8 days in Proposal Made.*Target: 14 days/);
    await page.close();
  });

  it('takes no room: the page around it does not move', async () => {
    const page = await openDeal(URLS.deal);
    await badge(page).waitFor({ timeout: 15_000 });
    const layout = await page.evaluate(tag => {
      const host = document.querySelector(tag)!;
      const anchor = host.previousElementSibling!;
      const around: Element[] = [anchor];
      for (let el = anchor.nextElementSibling; el; el = el.nextElementSibling) if (el !== host) around.push(el);
      // Everything inside them too: a shift anywhere in the stage bar, fields or feed counts.
      const all = around.flatMap(el => [el, ...el.querySelectorAll('*')]);
      const rects = () => all.map(el => JSON.stringify(el.getBoundingClientRect()));
      const withTimer = rects();
      host.remove();
      const without = rects();
      return { siblings: around.length - 1, elements: all.length, moved: all.filter((_, i) => withTimer[i] !== without[i]).map(el => el.outerHTML.slice(0, 80)) };
    }, TIMER);
    expect(layout.siblings).toBeGreaterThan(0);
    expect(layout.elements).toBeGreaterThan(20);
    expect(layout.moved).toEqual([]);
    await page.close();
  });

  it('goes away when the single-page app navigates off the deal', async () => {
    const page = await openDeal(URLS.deal);
    await badge(page).waitFor({ timeout: 15_000 });
    // Pipedrive navigates with the History API and replaces its own nodes; it never
    // touches an element it did not render, so the timer's host stays unless Pacer removes it.
    await page.evaluate(tag => {
      history.pushState({}, '', '/pipeline/1/user/everyone');
      const app = document.getElementById('application')!;
      for (const child of [...app.children]) if (child.localName !== tag) child.remove();
      const view = document.createElement('div');
      view.setAttribute('data-test', 'pipeline-view');
      app.append(view);
    }, TIMER);
    await page.locator(TIMER).waitFor({ state: 'detached', timeout: 10_000 });
    await page.close();
  });

  it('is not shown on a won or a lost deal', async () => {
    for (const [url, id] of [[URLS.won, 'pipedrive:1043'], [URLS.lost, 'pipedrive:1044']] as const) {
      const page = await openDeal(url);
      await waitForStore(ctx.probe, s => s.deals.find(d => d.id === id));
      await page.waitForTimeout(SETTLE_MS);
      expect(await page.locator(TIMER).count(), url).toBe(0);
      await page.close();
    }
  });
});
