/** @vitest-environment happy-dom */
// Options → Team sync's "API key (Supabase only)" field: labelled and described, saved beside
// the token in storage.local (never storage.sync), shown again (a publishable key is public),
// emptied to remove it, refused inline when it is a secret key or a bad paste (then nothing
// at all is saved), and sent by "Test connection". In German, and nothing left in English.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { TeamSync } from '../../components/TeamSync';
import { teamApiKey, teamSyncSettings, teamToken } from '../../lib/sync-state';
import { untranslated, useLocale, usePseudoLocale } from '../helpers/pseudo-locale';

const PUBLISHABLE = 'sb_publishable_Xk3vP9qLr2TmW8sYc1NbVg_4hJdE0aF';
const SERVICE_ROLE = ['{"alg":"HS256","typ":"JWT"}', '{"iss":"supabase","ref":"qwertyuiopasdfghjklz","role":"service_role","iat":1700000000}']
  .map(part => Buffer.from(part).toString('base64url'))
  .concat('c2lnbmF0dXJl')
  .join('.');
const URL_ = 'https://qwertyuiopasdfghjklz.supabase.co/rest/v1';
const WHO = { team: 'acme', teamName: 'Acme Sales', teamSize: 3, rep: 'sam', repName: 'Sam Rivera', role: 'rep', territory: null, shareNames: false };

let host: HTMLDivElement;
beforeEach(async () => {
  fakeBrowser.reset();
  host = document.createElement('div');
  document.body.append(host);
  await teamSyncSettings.setValue({ url: URL_, enabled: false });
  await teamToken.setValue('t'.repeat(40));
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
});

const flush = async () => {
  for (let i = 0; i < 5; i++) await act(async () => void (await new Promise(r => setTimeout(r, 5))));
};
const field = () => host.querySelector<HTMLInputElement>('#team-apikey')!;
const type = async (value: string) => act(() => {
  field().value = value;
  field().dispatchEvent(new Event('input', { bubbles: true }));
});
const press = async (name: RegExp) => {
  const button = [...host.querySelectorAll('button')].find(b => name.test(b.textContent ?? ''));
  expect(button, String(name)).toBeTruthy();
  await act(async () => button!.click());
  await flush();
};
const mount = async () => {
  await act(() => render(<TeamSync />, host));
  await flush();
};
const alertUnderField = () => host.querySelector('#team-apikey-error[role="alert"]');

describe('Options → Team sync: API key (Supabase only)', () => {
  it('is a labelled text field with its hint, empty until a key is saved', async () => {
    await mount();
    expect(host.querySelector('label[for="team-apikey"]')!.textContent).toBe('API key (Supabase only)');
    expect(field().type).toBe('text');
    expect(field().value).toBe('');
    expect(field().getAttribute('aria-describedby')).toBe('team-apikey-help');
    expect(host.querySelector('#team-apikey-help')!.textContent).toMatch(/^Leave empty for Pacer's own team server\. On Supabase: .*publishable \(anon\) key\. Never the secret or service_role key\.$/);
    expect(field().hasAttribute('aria-invalid')).toBe(false);
  });

  it('saves the key beside the token in storage.local, shows it again, and emptying the field removes it', async () => {
    await mount();
    await type(`  ${PUBLISHABLE} `);
    await press(/Save team server/);
    expect(await teamApiKey.getValue()).toBe(PUBLISHABLE);
    expect(JSON.stringify(await fakeBrowser.storage.sync.get())).not.toContain(PUBLISHABLE);
    expect(host.querySelector('.team-sync [role="status"]')!.textContent).toBe('Saved.');

    render(null, host);
    await mount();
    expect(field().value).toBe(PUBLISHABLE);
    await type('');
    await press(/Save team server/);
    expect(await teamApiKey.getValue()).toBe('');
    expect(await teamToken.getValue()).toBe('t'.repeat(40));
  });

  it.each([
    ['a service_role JWT', SERVICE_ROLE, /^That is a secret key \(service_role or sb_secret_…\): .*must never be put in a browser\. Paste the publishable \(anon\) key instead\.$/],
    ['an sb_secret_ key', 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz', /^That is a secret key/],
    ['a key with a space inside', 'sb_publishable_Xk3v P9qLr2', /^The API key has spaces, line breaks or other characters/],
  ])('refuses %s inline and saves nothing at all, not even a new URL', async (_name, key, words) => {
    await teamApiKey.setValue(PUBLISHABLE);
    await mount();
    const url = host.querySelector<HTMLInputElement>('#team-url')!;
    await act(() => {
      url.value = 'https://other.example.com';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await type(key);
    await press(/Save team server/);
    expect(alertUnderField()!.textContent).toMatch(words);
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toBe('team-apikey-error team-apikey-help');
    expect(host.querySelector('.team-sync [role="status"]')).toBeNull();
    expect(await teamApiKey.getValue()).toBe(PUBLISHABLE);
    expect((await teamSyncSettings.getValue()).url).toBe(URL_);
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain(key);
    // Typing again clears the message.
    await type(PUBLISHABLE);
    expect(alertUnderField()).toBeNull();
    expect(field().hasAttribute('aria-invalid')).toBe(false);
  });

  it('"Test connection" sends the typed key as apikey, and sends nothing with a secret key', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(WHO), { status: 200 }));
    await mount();
    await type(PUBLISHABLE);
    await press(/Test connection/);
    expect(host.querySelector('[data-testid="team-check"]')!.textContent).toBe('Connected: Acme Sales · Sam Rivera (rep).');
    expect(new Headers(fetch.mock.calls[0]![1]?.headers).get('apikey')).toBe(PUBLISHABLE);
    await type(SERVICE_ROLE);
    await press(/Test connection/);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(alertUnderField()!.textContent).toMatch(/^That is a secret key/);
    // The earlier "Connected" would now be about another key: it goes.
    expect(host.querySelector('[data-testid="team-check"]')!.textContent).toBe('');
  });

  it('is in German when the browser is, refusal included', async () => {
    useLocale('de');
    await mount();
    expect(host.querySelector('label[for="team-apikey"]')!.textContent).toBe('API-Schlüssel (nur Supabase)');
    expect(host.querySelector('#team-apikey-help')!.textContent).toMatch(/^Für Pacers eigenen Teamserver leer lassen\. Bei Supabase: .*Publishable-Schlüssel \(anon\)\./);
    await type(SERVICE_ROLE);
    await press(/Teamserver speichern/);
    expect(alertUnderField()!.textContent).toMatch(/^Das ist ein geheimer Schlüssel .* gehört nie in einen Browser\./);
  });

  it('leaves nothing in English, with the refusal showing', async () => {
    usePseudoLocale();
    await mount();
    await type('sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz');
    await press(/Save team server/);
    expect(alertUnderField()).toBeTruthy();
    expect(untranslated(host, { data: [URL_, 'https://pacer.example.com'] })).toEqual([]);
  });
});
