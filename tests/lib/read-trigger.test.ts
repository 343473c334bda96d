/** @vitest-environment happy-dom */
// When the content scripts re-read a page (issue #9, item 1): a mutation that touches
// what the adapter reads (a stage change on the Path, a new activity row, LinkedIn's
// connect control turning into Pending) produces a new reading; mutations elsewhere on
// the page, or of classes nothing reads, produce none; navigation always re-reads; a
// page load costs one reading, within a second. Counted in readings, never in time.
// The runners run as in the browser, on real fixtures, with the real MutationObserver.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { DealSnapshot } from '../../lib/model';
import { runCrmContentScript } from '../../lib/crm-content';
import { FIRST_READ_MAX_MS } from '../../lib/first-reading';
import { runLinkedIn } from '../../lib/linkedin-content';
import { onMessage } from '../../lib/messages';
import { observeOptions, readingChanges } from '../../lib/read-trigger';
import { linkedin, selectors as linkedinSelectors, type LinkedInReading } from '../../lib/sites/linkedin';
import { salesforce } from '../../lib/sites/salesforce';
import type { PageReading, SiteAdapter } from '../../lib/sites/types';
import { loadFixture } from '../helpers/fixtures';
import { fakeContext } from '../helpers/fake-content-context';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
/** Past the CRM runner's 250 ms throttle (LinkedIn's 400 ms) with room for a slow machine. */
const PAST_DEBOUNCE_MS = 600;

const setUrl = (href: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(href);
const showFixture = (file: string, href: string) => {
  setUrl(href);
  document.documentElement.innerHTML = loadFixture(file).documentElement.innerHTML;
};

/** What the bench calls "mutations elsewhere": a region of the page's own that no adapter reads. */
function mutateElsewhere(batch: number) {
  let scratch = document.getElementById('elsewhere');
  if (!scratch) {
    scratch = document.createElement('div');
    scratch.id = 'elsewhere';
    for (let i = 0; i < 10; i++) scratch.appendChild(document.createElement('span')).textContent = 'x';
    document.body.appendChild(scratch);
  }
  for (const span of scratch.querySelectorAll('span')) span.firstChild!.nodeValue = `edit ${batch}`;
  for (const old of [...scratch.querySelectorAll('p')]) old.remove();
  for (let i = 0; i < 5; i++) scratch.appendChild(document.createElement('p')).textContent = `row ${batch}.${i}`;
}

/** A class nothing reads, toggled on every element of the page: the Path's stages and the timeline's rows included. */
const toggleUnreadClass = () => {
  for (const el of document.querySelectorAll('body *')) el.classList.toggle('hover-state');
};

describe('the Salesforce content script re-reads only what may have changed', () => {
  const OPPORTUNITY = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000AbCdEAAZ/view';
  let readings: PageReading[];
  let stop: (() => void)[];
  let invalidate: () => void;
  let pendingCleanups: () => number;

  beforeEach(async () => {
    fakeBrowser.reset();
    readings = [];
    stop = [
      onMessage('capture', batch => {
        const deals = batch.deals.map(d => ({ ...d, stageEnteredAt: d.stageEnteredAt ?? batch.seenAt, lastSeenAt: batch.seenAt }) as DealSnapshot);
        return { batchId: batch.batchId, stored: batch.events.length, deals, lastTouch: {} };
      }),
      onMessage('reportError', e => {
        throw new Error(`reported: ${e.message}`);
      }),
      onMessage('pageState', () => undefined),
    ];
    showFixture('salesforce/opportunity-negotiation.html', OPPORTUNITY);
    const counting: SiteAdapter = {
      ...salesforce,
      read: (...args) => {
        const reading = salesforce.read(...args);
        readings.push(reading);
        return reading;
      },
    };
    const context = fakeContext();
    invalidate = context.invalidate;
    pendingCleanups = context.pendingCleanups;
    runCrmContentScript(context.ctx, counting);
    // The first reading, the background's reply and the stage timer placed beside the Path.
    await sleep(FIRST_READ_MAX_MS + PAST_DEBOUNCE_MS);
    expect(document.querySelector('pacer-cycle-timer')).not.toBeNull();
  });
  afterEach(() => {
    invalidate();
    stop.forEach(s => s());
  });

  const deal = (r: PageReading | undefined) => (r?.kind === 'deal' ? r : undefined);

  it('reads a page once at load, within a second, with the rep identity already known', () => {
    expect(readings).toHaveLength(1);
    expect(deal(readings[0])?.deal.stage).toBe('Negotiation/Review');
  });

  it('a stage change on the Path produces a new reading with the new stage', async () => {
    const items = [...document.querySelectorAll('.slds-path__item')];
    const current = items.find(li => li.classList.contains('slds-is-current'))!;
    const next = items[items.indexOf(current) + 1]!;
    current.classList.replace('slds-is-current', 'slds-is-complete');
    current.classList.remove('slds-is-active');
    next.classList.replace('slds-is-incomplete', 'slds-is-current');
    next.classList.add('slds-is-active');
    await sleep(PAST_DEBOUNCE_MS);
    expect(readings).toHaveLength(2);
    expect(deal(readings[1])?.deal.stage).toBe('Closed');
  });

  it('a new activity row in the timeline produces a new reading that holds it', async () => {
    const list = document.querySelector('.activityHistories ul.slds-timeline')!;
    const row = list.querySelector('li')!.cloneNode(true) as Element;
    row.querySelector('h3 a')!.setAttribute('href', '/lightning/r/Task/00T5e00000PqR9zEAF/view');
    row.querySelector('h3 strong')!.textContent = 'Follow-up call';
    list.prepend(row);
    await sleep(PAST_DEBOUNCE_MS);
    expect(readings).toHaveLength(2);
    expect(deal(readings[1])?.activities.map(a => a.subject)).toContain('Follow-up call');
  });

  it('a changed field value inside the record produces a new reading', async () => {
    const title = document.querySelector('.slds-path__title')!;
    title.firstChild!.nodeValue = 'Prospecting!';
    await sleep(PAST_DEBOUNCE_MS);
    expect(readings).toHaveLength(2);
  });

  it('mutations elsewhere on the page, and a class nothing reads toggled everywhere, produce no reading', async () => {
    for (let batch = 0; batch < 4; batch++) {
      mutateElsewhere(batch);
      toggleUnreadClass();
      await sleep(100);
    }
    await sleep(PAST_DEBOUNCE_MS);
    expect(readings).toHaveLength(1);
  });

  it('a long run of mutations never postpones a needed re-read', async () => {
    document.querySelector('.activityHistories h3 strong')!.textContent = 'Pricing call (edited)';
    // Mutations elsewhere every 50 ms for 1.5 s: the re-read still comes after its 250 ms.
    for (let i = 0; i < 30; i++) {
      mutateElsewhere(i);
      await sleep(50);
      if (readings.length === 2) break;
    }
    expect(readings).toHaveLength(2);
    expect(deal(readings[1])?.activities.map(a => a.subject)).toContain('Pricing call (edited)');
  });

  it('navigation in the single-page app always re-reads, with no mutation at all', async () => {
    window.dispatchEvent(new Event('wxt:locationchange'));
    await sleep(50);
    expect(readings).toHaveLength(2);
  });

  it('a tab open all day keeps nothing for each re-read or timer tick (no listener piles up)', async () => {
    const atLoad = pendingCleanups();
    const title = document.querySelector('.slds-path__title')!;
    for (let i = 1; i <= 6; i++) {
      title.firstChild!.nodeValue = `Negotiation/Review ${i}`;
      await sleep(PAST_DEBOUNCE_MS);
    }
    expect(readings).toHaveLength(7);
    // Six re-reads and about two seconds of the stage timer's ticks later: not one more.
    expect(pendingCleanups()).toBe(atLoad);
  });
});

describe('the LinkedIn reader re-reads only what may have changed', () => {
  const PROFILE = 'https://www.linkedin.com/in/avery-example-8b907d/';
  let readings: LinkedInReading[];
  let stop: (() => void)[];

  // runLinkedIn has no context to invalidate (it announces nothing to the page): one runner for the whole block.
  beforeAll(async () => {
    fakeBrowser.reset();
    readings = [];
    stop = [
      onMessage('capture', batch => ({ batchId: batch.batchId, stored: batch.events.length, deals: [], lastTouch: {} })),
      onMessage('reportError', () => undefined),
      onMessage('pageState', () => undefined),
    ];
    showFixture('linkedin/profile-2026-3rd-degree.html', PROFILE);
    const read = linkedin.read.bind(linkedin);
    vi.spyOn(linkedin, 'read').mockImplementation((...args) => {
      const reading = read(...args);
      readings.push(reading);
      return reading;
    });
    runLinkedIn();
    await sleep(FIRST_READ_MAX_MS + PAST_DEBOUNCE_MS);
  });
  afterAll(() => {
    stop.forEach(s => s());
    vi.restoreAllMocks();
  });

  const profile = (r: LinkedInReading | undefined) => (r?.kind === 'profile' ? r : undefined);

  it('reads the profile once at load, within a second', () => {
    expect(readings).toHaveLength(1);
    expect(profile(readings[0])?.connection).toBe('unknown');
  });

  it('mutations elsewhere on the page, and a class nothing reads toggled everywhere, produce no reading', async () => {
    for (let batch = 0; batch < 3; batch++) {
      mutateElsewhere(batch);
      toggleUnreadClass();
      await sleep(100);
    }
    await sleep(PAST_DEBOUNCE_MS);
    expect(readings).toHaveLength(1);
  });

  it('the top card\'s control turning into Pending produces a new reading that says pending', async () => {
    const card = document.querySelector(linkedinSelectors.topCardSdui)!;
    const control = card.querySelector(linkedinSelectors.composeLink)!;
    control.setAttribute('aria-label', 'Pending, click to withdraw invitation sent to Avery Example');
    await sleep(PAST_DEBOUNCE_MS);
    expect(readings).toHaveLength(2);
    expect(profile(readings[1])?.connection).toBe('pending');
  });

  it('navigation always re-reads, with no mutation at all', async () => {
    setUrl('https://www.linkedin.com/in/avery-example-8b907d/overlay/contact-info/');
    await sleep(PAST_DEBOUNCE_MS);
    expect(readings).toHaveLength(3);
  });
});

describe('readingChanges: which records may change a reading', () => {
  const anchors = { regions: '.timeline, [data-stage]', tags: ['x_path'], classes: ['is-current'] };
  const collect = async (mutate: () => void, observeIn: Node = document.body) => {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver(r => records.push(...r));
    observer.observe(observeIn, { childList: true, subtree: true, characterData: true, attributes: true, attributeOldValue: true });
    mutate();
    await sleep(0);
    observer.disconnect();
    return readingChanges(anchors)(records);
  };
  beforeEach(() => {
    document.body.innerHTML = '<div class="timeline"><p>row</p></div><div id="elsewhere"><span>x</span></div><x_path><i>stage</i></x_path>';
  });

  it('text inside a region, a node added there, a region arriving or leaving: may change it', async () => {
    expect(await collect(() => (document.querySelector('.timeline p')!.firstChild!.nodeValue = 'edited'))).toBe(true);
    expect(await collect(() => document.querySelector('.timeline')!.append(document.createElement('p')))).toBe(true);
    expect(await collect(() => document.getElementById('elsewhere')!.append(Object.assign(document.createElement('div'), { className: 'timeline' })))).toBe(true);
    expect(await collect(() => document.querySelector('.timeline')!.remove())).toBe(true);
    expect(await collect(() => (document.getElementsByTagName('x_path')[0]!.firstElementChild!.textContent = 'next'))).toBe(true);
  });

  it('a class a region names or the reader reads, coming or going anywhere: may change it', async () => {
    expect(await collect(() => document.querySelector('#elsewhere span')!.classList.add('is-current'))).toBe(true);
    expect(await collect(() => document.querySelector('.timeline')!.classList.remove('timeline'))).toBe(true);
  });

  it('an attribute a region selects on changes the reading wherever it is set', async () => {
    expect(await collect(() => document.querySelector('#elsewhere span')!.setAttribute('data-stage', '2'))).toBe(true);
  });

  it('changes elsewhere, and classes nothing reads: cannot', async () => {
    expect(await collect(() => (document.querySelector('#elsewhere span')!.textContent = 'y'))).toBe(false);
    expect(await collect(() => document.getElementById('elsewhere')!.append(document.createElement('p')))).toBe(false);
    expect(await collect(() => document.querySelector('.timeline p')!.classList.add('hovered'))).toBe(false);
    expect(await collect(() => document.querySelector('#elsewhere span')!.setAttribute('aria-selected', 'true'))).toBe(false);
  });

  /** One checker over several callbacks, as a content script has: it remembers what it matched. */
  const session = () => {
    const check = readingChanges(anchors);
    let pending: MutationRecord[] = [];
    const observer = new MutationObserver(records => void pending.push(...records));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeOldValue: true });
    return {
      check: async () => {
        await sleep(0);
        const records = [...pending, ...observer.takeRecords()];
        pending = [];
        return check(records);
      },
      stop: () => observer.disconnect(),
    };
  };

  it('remembers across callbacks, yet a node moved into a region counts from then on, and not once moved out', async () => {
    const { check, stop } = session();
    const span = document.querySelector('#elsewhere span')!;
    span.textContent = 'a';
    expect(await check()).toBe(false);
    document.querySelector('.timeline')!.append(span);
    expect(await check()).toBe(true);
    span.textContent = 'b';
    expect(await check()).toBe(true);
    document.getElementById('elsewhere')!.append(span);
    expect(await check()).toBe(true);
    span.textContent = 'c';
    expect(await check()).toBe(false);
    stop();
  });

  it('a region appearing inside a node it judged empty makes that node\'s removal count', async () => {
    const { check, stop } = session();
    const box = document.createElement('div');
    box.append(document.createElement('b'));
    document.getElementById('elsewhere')!.append(box);
    expect(await check()).toBe(false);
    box.firstElementChild!.append(Object.assign(document.createElement('div'), { className: 'timeline' }));
    expect(await check()).toBe(true);
    box.remove();
    expect(await check()).toBe(true);
    stop();
  });

  it('an element that gains a region\'s class counts, and so does text inside it afterwards', async () => {
    const { check, stop } = session();
    const span = document.querySelector('#elsewhere span')!;
    span.textContent = 'a';
    expect(await check()).toBe(false);
    document.getElementById('elsewhere')!.classList.add('timeline');
    expect(await check()).toBe(true);
    span.textContent = 'b';
    expect(await check()).toBe(true);
    stop();
  });

  it('Pacer\'s own nodes are never the page\'s change; without anchors every other change is', async () => {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver(r => records.push(...r));
    observer.observe(document.body, { childList: true, subtree: true });
    const own = document.createElement('pacer-cycle-timer');
    document.querySelector('.timeline')!.append(own);
    await sleep(0);
    observer.disconnect();
    const isOwn = (n: Node) => n === own;
    expect(readingChanges(anchors, isOwn)(records)).toBe(false);
    expect(readingChanges(undefined, isOwn)(records)).toBe(true);
  });
});

describe('readingChanges: what a re-render writes back unchanged is no change', () => {
  const anchors = { regions: '.timeline, [class*="path__item"]', classes: ['is-current'] };
  /** Records as the content scripts observe them (old text and values included), for one batch. */
  const collect = async (mutate: () => void) => {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver(r => records.push(...r));
    observer.observe(document.body, observeOptions(['class', 'aria-label']));
    mutate();
    await sleep(0);
    observer.disconnect();
    return readingChanges(anchors)(records);
  };
  const row = () => document.querySelector('.timeline p')!;
  beforeEach(() => {
    document.body.innerHTML = '<div class="timeline"><p aria-label="Call" class="row">Call with Dana</p></div><ul><li class="slds-path__item">Qualify</li></ul>';
  });

  it('the same text, an attribute or the class list set again to what they were: cannot change it', async () => {
    expect(await collect(() => (row().firstChild!.nodeValue = 'Call with Dana'))).toBe(false);
    expect(await collect(() => row().setAttribute('aria-label', 'Call'))).toBe(false);
    expect(await collect(() => row().setAttribute('class', 'row'))).toBe(false);
  });

  it('a text changed and changed back in one batch still counts: only the value before the batch is known for sure', async () => {
    expect(
      await collect(() => {
        row().firstChild!.nodeValue = 'Call with Sam';
        row().firstChild!.nodeValue = 'Call with Dana';
      }),
    ).toBe(true);
  });

  it('a new text or value inside a region, and a class a fragment names, still count', async () => {
    expect(await collect(() => (row().firstChild!.nodeValue = 'Call with Sam'))).toBe(true);
    expect(await collect(() => row().setAttribute('aria-label', 'Email'))).toBe(true);
    expect(await collect(() => row().classList.add('is-current'))).toBe(true);
    expect(await collect(() => document.querySelector('li')!.classList.add('x-path__item--done'))).toBe(true);
    expect(await collect(() => document.querySelector('li')!.classList.add('hovered'))).toBe(false);
  });
});
