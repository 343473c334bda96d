/** @vitest-environment happy-dom */
// Options → Team sync's "Forget this team server": shown while a URL, token or API key is
// saved; asks inline, saying what goes and what stays (focus moves into the confirmation;
// Escape or Cancel puts it back on the button and forgets nothing); confirming asks the
// background (`forgetTeamServer`, run here for real against WXT's fake browser), then the form
// is empty and the outcome has the focus. In German, and nothing left in English.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { TeamSync } from '../../components/TeamSync';
import { forgetTeamServer } from '../../lib/sync-background';
import { db } from '../../lib/store';
import { teamApiKey, teamPlan, teamSyncSettings, teamToken } from '../../lib/sync-state';
import { untranslated, useLocale, usePseudoLocale } from '../helpers/pseudo-locale';

const URL_ = 'https://qwertyuiopasdfghjklz.supabase.co/rest/v1';
const PUBLISHABLE = 'sb_publishable_Xk3vP9qLr2TmW8sYc1NbVg_4hJdE0aF';

let host: HTMLDivElement;
let messages: unknown[];
beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.alarms, 'clear').mockResolvedValue(true as never);
  host = document.createElement('div');
  document.body.append(host);
  messages = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { pacer: string }) => {
    messages.push(message);
    if (message.pacer === 'forgetTeamServer') return forgetTeamServer(db());
    throw new Error(`unexpected ${message.pacer}`);
  }) as never);
  await teamSyncSettings.setValue({ url: URL_, enabled: true });
  await teamToken.setValue('t'.repeat(40));
  await teamApiKey.setValue(PUBLISHABLE);
  await teamPlan.setValue({ teamName: 'Acme Sales', pulledAt: '2026-11-27T10:00:00.000Z', plan: null, annual: [{ effectiveFrom: '2026-01-01', annualQuota: 480_000 }], fromAllocation: true, territory: 'West' });
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
const dialog = () => host.querySelector('[role="alertdialog"]');
const click = async (el: HTMLElement | undefined) => {
  expect(el).toBeTruthy();
  await act(async () => el!.click());
  await flush();
};

describe('Options → Team sync: Forget this team server', () => {
  it('is not offered while nothing is saved', async () => {
    await Promise.all([teamSyncSettings.setValue({ url: '', enabled: false }), teamToken.setValue(''), teamApiKey.setValue('')]);
    await mount();
    expect(button('Forget this team server')).toBeUndefined();
  });

  it.each([
    ['only a URL', { url: URL_, token: '', key: '' }],
    ['only a token', { url: '', token: 't'.repeat(40), key: '' }],
    ['only an API key', { url: '', token: '', key: PUBLISHABLE }],
  ])('is offered with %s saved', async (_name, saved) => {
    await Promise.all([teamSyncSettings.setValue({ url: saved.url, enabled: false }), teamToken.setValue(saved.token), teamApiKey.setValue(saved.key)]);
    await mount();
    expect(button('Forget this team server')).toBeTruthy();
  });

  it('asks inline, saying what goes and what stays; Escape and Cancel forget nothing and give the focus back', async () => {
    await mount();
    const forget = button('Forget this team server')!;
    await click(forget);
    expect(dialog()!.getAttribute('aria-labelledby')).toBe('sync-forget-title');
    expect(host.querySelector('#sync-forget-title')!.textContent).toBe('Forget this team server?');
    expect([...host.querySelectorAll('#sync-forget-what li')].map(li => li.textContent)).toEqual([
      'Team sync turns off.',
      'The token and API key are deleted from this browser.',
      'Everything captured stays in this browser.',
      'What was already sent stays on the team server; your manager can erase it.',
      'Your plan keeps its current values, and is yours to edit again.',
    ]);
    expect(document.activeElement).toBe(button('Forget the server'));

    await act(() => void dialog()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await flush();
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(forget);

    await click(forget);
    await click(button('Cancel'));
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(forget);
    expect(messages).toEqual([]);
    expect(await teamToken.getValue()).toBe('t'.repeat(40));
  });

  it('forgets through the background, empties the form and says so, with the focus on the outcome', async () => {
    await mount();
    expect(host.querySelector<HTMLInputElement>('#team-url')!.value).toBe(URL_);
    expect(host.querySelector('[data-testid="plan-source"]')!.textContent).toContain('Acme Sales');
    await click(button('Forget this team server'));
    await click(button('Forget the server'));

    expect(messages).toEqual([{ pacer: 'forgetTeamServer', data: {} }]);
    expect(await teamSyncSettings.getValue()).toEqual({ url: '', enabled: false });
    expect([await teamToken.getValue(), await teamApiKey.getValue()]).toEqual(['', '']);
    expect(host.querySelector<HTMLInputElement>('#team-url')!.value).toBe('');
    expect(host.querySelector<HTMLInputElement>('#team-token')!.placeholder).not.toMatch(/saved/i);
    expect(host.querySelector<HTMLInputElement>('#team-apikey')!.value).toBe('');
    expect(host.querySelector<HTMLInputElement>('input[role="switch"]')!.checked).toBe(false);
    expect(host.querySelector('[data-testid="plan-source"]')?.textContent ?? '').not.toContain('Acme Sales');
    expect(dialog()).toBeNull();
    expect(button('Forget this team server')).toBeUndefined();
    const outcome = host.querySelector('[data-testid="sync-forget-result"] p')!;
    expect(outcome.textContent).toBe('Team server forgotten: sync is off, and the token and API key are deleted from this browser.');
    expect(document.activeElement).toBe(outcome);
  });

  it('is in German when the browser is', async () => {
    useLocale('de');
    await mount();
    await click(button('Diesen Teamserver vergessen'));
    expect(host.querySelector('#sync-forget-title')!.textContent).toBe('Diesen Teamserver vergessen?');
    expect(host.querySelector('#sync-forget-what')!.textContent).toContain('Bereits Gesendetes bleibt auf dem Teamserver; Ihre Führungskraft kann es löschen.');
    expect(button('Abbrechen')).toBeTruthy();
    await click(button('Server vergessen'));
    expect(host.querySelector('[data-testid="sync-forget-result"]')!.textContent).toMatch(/^Teamserver vergessen: Die Synchronisierung ist aus/);
  });

  it('leaves nothing in English, with the confirmation showing', async () => {
    usePseudoLocale();
    await mount();
    await click([...host.querySelectorAll('button')].find(b => /syncForgetButton|Forget this team server/.test(b.textContent ?? '')));
    expect(dialog()).toBeTruthy();
    expect(untranslated(host, { data: [URL_, PUBLISHABLE, 'https://pacer.example.com', 'Acme Sales'] })).toEqual([]);
  });
});
