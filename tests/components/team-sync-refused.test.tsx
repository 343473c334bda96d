/** @vitest-environment happy-dom */
// Options → Team sync with events the team server refused: the count, "Why" (each reason the
// server gave once, with how many), and "Send refused events again", which asks the
// background (`retryRefused`) and says what came of it. In German, and nothing left in English.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { TeamSync } from '../../components/TeamSync';
import { db } from '../../lib/store';
import { syncStatus, teamSyncSettings, teamToken, type SyncStatus } from '../../lib/sync-state';
import { untranslated, useLocale, usePseudoLocale } from '../helpers/pseudo-locale';

const TYPE = 'The team server rejected the data (HTTP 400): events[0].type "linkedin_lead_saved" is not an event type.';
const CHECK = 'The team server rejected the data (HTTP 400): new row for relation "events" violates check constraint "events_v1_rule".';
const SITE = 'The team server rejected the data (HTTP 400): events[0].site is not one of salesforce, hubspot, pipedrive, linkedin, manual, custom.';
const HTML = `The team server rejected the data (HTTP 400): ${'<html> proxy error page '.repeat(20)}`;
const AT = '2026-11-27T10:00:00.000Z';

let host: HTMLDivElement;
let messages: unknown[];
/** What the background does on `retryRefused`, in the test's words. */
let background: () => Promise<SyncStatus>;

beforeEach(async () => {
  fakeBrowser.reset();
  host = document.createElement('div');
  document.body.append(host);
  messages = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    messages.push(message);
    return background();
  }) as never);
  await Promise.all([db().syncedEvents.clear(), db().events.clear()]);
  await db().events.bulkPut(['ok-1', 'r-1', 'r-2', 'r-3'].map(id => ({ id, type: 'call' as const, at: AT, site: 'salesforce' as const, url: 'https://acme.lightning.force.com/', capturedAt: AT })));
  await db().syncedEvents.bulkPut([
    { id: 'ok-1', at: AT },
    { id: 'r-1', at: AT, rejected: TYPE },
    { id: 'r-2', at: AT, rejected: TYPE },
    { id: 'r-3', at: AT, rejected: CHECK },
  ]);
  await teamToken.setValue('t'.repeat(40));
  await teamSyncSettings.setValue({ url: 'https://pacer.example.com', enabled: true });
  await syncStatus.setValue({ failures: 0, waiting: { events: 0, deals: 0, erasures: 0 }, rejected: 3, lastSyncAt: AT, lastAttemptAt: AT });
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
});

const flush = async () => {
  for (let i = 0; i < 5; i++) await act(async () => void (await new Promise(r => setTimeout(r, 5))));
};
const mount = async () => {
  await act(() => render(<TeamSync />, host));
  await flush();
};
const button = (name: string) => [...host.querySelectorAll('button')].find(b => b.textContent === name);
const reasons = () => [...host.querySelectorAll('[data-testid="sync-reasons"] li')].map(li => li.textContent);
const refusedLine = () => host.querySelector('[data-testid="sync-rejected"]')?.textContent;
const outcome = () => host.querySelector('[data-testid="sync-retry-result"]')!.textContent;

describe('Options → Team sync: refused events', () => {
  it('shows the count, each reason once with how many under "Why", and the button', async () => {
    await mount();
    expect(refusedLine()).toBe('3 events the team server refused; they stay in this browser.');
    const why = host.querySelector('details[data-testid="sync-reasons"]')!;
    expect(why.querySelector('summary')!.textContent).toBe('Why');
    expect(why.hasAttribute('open')).toBe(false);
    expect(reasons()).toEqual([`2 events: ${TYPE}`, `1 event: ${CHECK}`]);
    const send = button('Send refused events again')!;
    expect(send).toBeTruthy();
    expect(send.type).toBe('button');
    expect(send.disabled).toBe(false);
  });

  it('keeps "Why" a few lines: the commonest three, each cut short, then how many more', async () => {
    await db().syncedEvents.bulkPut([{ id: 'r-4', at: AT, rejected: SITE }, { id: 'r-5', at: AT, rejected: HTML }]);
    await syncStatus.setValue({ ...(await syncStatus.getValue()), rejected: 5 });
    await mount();
    const shown = reasons();
    expect(shown).toHaveLength(4);
    expect(shown[0]).toBe(`2 events: ${TYPE}`);
    expect(shown.slice(1, 3).every(line => line!.length <= 260 && line!.startsWith('1 event: '))).toBe(true);
    expect(shown.find(line => line!.includes('proxy error page'))).toMatch(/…$/);
    expect(shown[3]).toBe('and 1 other reason');
  });

  it('asks the background to send them again; when the server accepts them, says so and keeps the focus on that', async () => {
    background = async () => {
      await db().syncedEvents.bulkPut(['r-1', 'r-2', 'r-3'].map(id => ({ id, at: AT })));
      const status = { ...(await syncStatus.getValue()), rejected: 0, lastAttemptAt: '2026-11-27T10:05:00.000Z' };
      await syncStatus.setValue(status);
      return status;
    };
    await mount();
    const send = button('Send refused events again')!;
    send.focus();
    await act(async () => send.click());
    await flush();
    expect(messages).toEqual([{ pacer: 'retryRefused', data: {} }]);
    expect(refusedLine()).toBeUndefined();
    expect(host.querySelector('[data-testid="sync-reasons"]')).toBeNull();
    expect(button('Send refused events again')).toBeUndefined();
    expect(outcome()).toBe('The team server accepted the events it had refused.');
    expect(document.activeElement?.textContent).toBe('The team server accepted the events it had refused.');
  });

  it('refused again: the count and the server’s new reason', async () => {
    const NEWER = 'The team server rejected the data (HTTP 400): events[0].type is not an event type (v2).';
    background = async () => {
      await db().syncedEvents.bulkPut([{ id: 'r-1', at: AT }, { id: 'r-2', at: AT }, { id: 'r-3', at: AT, rejected: NEWER }]);
      const status = { ...(await syncStatus.getValue()), rejected: 1, lastAttemptAt: '2026-11-27T10:05:00.000Z' };
      await syncStatus.setValue(status);
      return status;
    };
    await mount();
    await act(async () => button('Send refused events again')!.click());
    await flush();
    expect(refusedLine()).toBe('1 event the team server refused; it stays in this browser.');
    expect(reasons()).toEqual([`1 event: ${NEWER}`]);
    expect(outcome()).toBe('The team server refused 1 event again.');
    expect(button('Send refused events again')!.disabled).toBe(false);
  });

  it('a retry whose run failed: the events are queued, the last error says why', async () => {
    background = async () => {
      await db().syncedEvents.bulkDelete(['r-1', 'r-2', 'r-3']);
      const status = { ...(await syncStatus.getValue()), rejected: 0, failures: 1, lastError: 'The browser is offline.', waiting: { events: 3, deals: 0, erasures: 0 } };
      await syncStatus.setValue(status);
      return status;
    };
    await mount();
    await act(async () => button('Send refused events again')!.click());
    await flush();
    expect(outcome()).toBe('The refused events wait to be sent again with the next sync.');
    // The forgotten refusals wait like any unsent event.
    expect(host.querySelector('[data-testid="sync-waiting"]')!.textContent).toBe('3 events waiting');
  });

  it('cannot be pressed while team sync is off', async () => {
    await teamSyncSettings.setValue({ url: 'https://pacer.example.com', enabled: false });
    await mount();
    expect(button('Send refused events again')!.disabled).toBe(true);
  });

  it('is in German when the browser is', async () => {
    useLocale('de');
    await mount();
    expect(refusedLine()).toBe('3 Ereignisse hat der Teamserver abgelehnt; sie bleiben in diesem Browser.');
    expect(host.querySelector('[data-testid="sync-reasons"] summary')!.textContent).toBe('Warum');
    expect(reasons()).toEqual([`2 Ereignisse: ${TYPE}`, `1 Ereignis: ${CHECK}`]);
    expect(button('Abgelehnte Ereignisse erneut senden')).toBeTruthy();
    background = async () => ({ ...(await syncStatus.getValue()), rejected: 2 });
    await act(async () => button('Abgelehnte Ereignisse erneut senden')!.click());
    await flush();
    expect(outcome()).toBe('Der Teamserver hat 2 Ereignisse erneut abgelehnt.');
  });

  it('leaves nothing in English but the server’s own words', async () => {
    usePseudoLocale();
    await db().syncedEvents.bulkPut([{ id: 'r-4', at: AT, rejected: SITE }, { id: 'r-5', at: AT, rejected: SITE }, { id: 'r-6', at: AT, rejected: 'x' }]);
    await mount();
    expect(reasons()).toHaveLength(4);
    const data = [TYPE, CHECK, SITE, 'https://pacer.example.com'];
    expect(untranslated(host, { data, isData: w => /^(AM|PM|Nov)$/.test(w) })).toEqual([]);
    background = async () => ({ ...(await syncStatus.getValue()), rejected: 0 });
    await act(async () => button('⟦Send refused events again⟧')!.click());
    await flush();
    expect(outcome()).toMatch(/^⟦.+⟧$/);
    expect(untranslated(host, { data, isData: w => /^(AM|PM|Nov)$/.test(w) })).toEqual([]);
  });
});
