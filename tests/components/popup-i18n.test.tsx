/** @vitest-environment happy-dom */
// The personal popup (team sync off) in the browser's language: its own words come from the
// locale file, and with every message marked nothing of its own is left in English (the
// activity table's rows are CountsTable's, worded where that component is).
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { untranslated, useLocale, usePseudoLocale } from '../helpers/pseudo-locale';

const flush = async () => {
  for (let i = 0; i < 10; i++) await act(async () => void (await new Promise(r => setTimeout(r, 5))));
};

/** Loads the popup's page script afresh into a new #app, as the browser does when the popup opens. */
async function openPopup(): Promise<HTMLElement> {
  document.body.innerHTML = '<div id="app"></div>';
  vi.resetModules();
  await act(async () => void (await import('../../entrypoints/popup/main')));
  await flush();
  return document.getElementById('app')!;
}

afterEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
});

describe('the personal popup', () => {
  it('is in German when the browser is, and says so to screen readers', async () => {
    useLocale('de');
    const app = await openPopup();
    expect(document.documentElement.lang).toBe('de');
    expect(app.querySelector('h1')!.textContent).toBe('Ihre Zahlen');
    expect([...app.querySelectorAll('.muted')].map(e => e.textContent)).toEqual(expect.arrayContaining(['Heute', 'Diese Woche']));
    expect(app.querySelector('.big')!.getAttribute('aria-label')).toBe('Heute: 0 Aktivitäten');
    expect(app.textContent).toContain('Heute noch nichts erfasst.');
    expect([...app.querySelectorAll('button')].map(b => b.textContent)).toEqual(['Scorecard öffnen', 'Optionen']);
  });

  it('leaves none of its own words in English', async () => {
    usePseudoLocale();
    const app = await openPopup();
    expect(app.textContent).toContain('⟦Nothing recorded today yet.⟧');
    expect(untranslated(app)).toEqual([]);
  });
});
