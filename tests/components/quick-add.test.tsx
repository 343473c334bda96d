/** @vitest-environment happy-dom */
// The quick-add form and the list of manual entries, rendered with Preact in happy-dom.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualEntries, type ManualEntriesProps } from '../../components/ManualEntries';
import { isQuickAddShortcut, listenForQuickAdd, parseAmount, QuickAdd, QUICK_ADD_FIRST_FIELD, toLocalInput, type CommandEvents, type QuickAddProps } from '../../components/QuickAdd';
import { entryLabel, ManualEntryError, type ManualEntry } from '../../lib/manual';
import type { ActivityEvent } from '../../lib/model';
import { MANUAL_TYPES, validateManual } from '../../lib/manual';
import { manualProblemText } from '../../lib/manual-words';
import { untranslated, useLocale, usePseudoLocale } from '../helpers/pseudo-locale';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const $ = <T extends Element = HTMLElement>(selector: string) => {
  const el = root.querySelector<T & Element>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el as unknown as T;
};
const byLabel = <T extends HTMLElement = HTMLInputElement>(text: string | RegExp) => {
  const label = [...root.querySelectorAll('label')].find(l => (typeof text === 'string' ? l.textContent === text : text.test(l.textContent ?? '')));
  if (!label) throw new Error(`no label ${String(text)}`);
  return root.ownerDocument.getElementById(label.htmlFor) as T;
};
const byName = (name: string) => {
  const el = [...root.querySelectorAll('button')].find(b => (b.getAttribute('aria-label') ?? b.textContent) === name);
  if (!el) throw new Error(`no button named ${name}`);
  return el;
};
const flush = () => act(async () => { await new Promise(r => setTimeout(r, 0)); });
const type = async (el: HTMLInputElement, value: string) => act(() => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
});
const choose = async (el: HTMLSelectElement, value: string) => act(() => {
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
});
const click = async (el: HTMLElement) => {
  await act(() => el.click());
  await flush();
};
const status = () => root.querySelector('form [role=status]')!.textContent;

const NOW = new Date(2026, 4, 14, 10, 30); // local time: what the date field shows
function renderForm(over: Partial<QuickAddProps> = {}) {
  const props: QuickAddProps = {
    now: NOW,
    defaultCurrency: 'EUR',
    onLog: vi.fn(async () => undefined),
    onEdit: vi.fn(async () => undefined),
    onCancelEdit: vi.fn(),
    ...over,
  };
  act(() => render(<QuickAdd {...props} />, root));
  return props;
}

describe('QuickAdd', () => {
  it('labels every field; the amount and currency only show for types that take one', async () => {
    renderForm();
    expect(byLabel<HTMLSelectElement>('What').id).toBe(QUICK_ADD_FIRST_FIELD);
    expect(byLabel(/^Who/).type).toBe('text');
    expect(byLabel(/^Subject/).maxLength).toBe(120);
    expect(byLabel('When').value).toBe('2026-05-14T10:30');
    expect(root.querySelector('#quick-add-amount')).toBeNull();
    await choose(byLabel('What'), 'training');
    expect(byLabel(/^Cost/)).toBeTruthy();
    expect(byLabel('Currency').value).toBe('EUR');
    await choose(byLabel('What'), 'proposal_sent');
    expect(byLabel(/^Value/)).toBeTruthy();
  });

  it('logs a referral dated now, says "Logged." and clears the draft', async () => {
    const props = renderForm();
    await choose(byLabel('What'), 'referral_received');
    await type(byLabel(/^Who/), ' Dana Scully ');
    await type(byLabel(/^Subject/), 'Intro to Globex');
    const before = Date.now();
    await click(byName('Save'));
    expect(props.onLog).toHaveBeenCalledTimes(1);
    const entry = vi.mocked(props.onLog).mock.calls[0]![0];
    expect(entry).toMatchObject({ type: 'referral_received', person: { name: 'Dana Scully' }, subject: 'Intro to Globex' });
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(before - 1); // untouched date: the moment Save was pressed
    expect(entry.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(status()).toBe('Logged.');
    expect(byLabel(/^Who/).value).toBe('');
    expect(byLabel('What').value).toBe('referral_received'); // the type stays: reps log several alike
  });

  it('sends a training cost with its currency; a changed date is read as local time', async () => {
    const props = renderForm();
    await choose(byLabel('What'), 'training');
    await type(byLabel(/^Cost/), '1,250.50');
    await type(byLabel('Currency'), 'usd');
    await type(byLabel('When'), '2026-05-12T09:00');
    await click(byName('Save'));
    expect(vi.mocked(props.onLog).mock.calls[0]![0]).toMatchObject({
      type: 'training', amount: 1250.5, currency: 'USD', at: new Date(2026, 4, 12, 9, 0).toISOString(),
    });
  });

  it('shows problems inline, beside their field, and saves nothing', async () => {
    const props = renderForm();
    await choose(byLabel('What'), 'training');
    await type(byLabel(/^Cost/), 'lots');
    await type(byLabel('When'), '');
    await click(byName('Save'));
    expect(props.onLog).not.toHaveBeenCalled();
    const amount = byLabel(/^Cost/);
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(amount.getAttribute('aria-describedby')!)!.textContent).toBe('The amount must be a number, like 1500 or 1500.50.');
    const when = byLabel('When');
    expect(when.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(when.getAttribute('aria-describedby')!)!.textContent).toBe('Enter when it happened: a date and a time.');
    expect(document.activeElement).toBe(amount); // the first invalid field, in form order
    expect(status()).toBe('');

    await type(amount, '-5');
    await click(byName('Save'));
    expect(document.getElementById(amount.getAttribute('aria-describedby')!)!.textContent).toBe('The amount cannot be negative.');

    await type(amount, '450');
    await type(byLabel('Currency'), '');
    await click(byName('Save'));
    const currency = byLabel('Currency');
    expect(currency.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(currency.getAttribute('aria-describedby')!)!.textContent).toBe('Give the currency of the amount: a three-letter code like EUR.');
    expect(props.onLog).not.toHaveBeenCalled();
  });

  it('clears a field\'s error as soon as it is edited', async () => {
    renderForm();
    await type(byLabel('When'), '');
    await click(byName('Save'));
    expect(byLabel('When').getAttribute('aria-invalid')).toBe('true');
    await type(byLabel('When'), '2026-05-13T08:00');
    expect(byLabel('When').hasAttribute('aria-invalid')).toBe(false);
    expect(byLabel('When').hasAttribute('aria-describedby')).toBe(false);
  });

  it('a retry after a failed save reuses the draft\'s key, so the entry is stored once', async () => {
    const onLog = vi.fn<(e: ManualEntry) => Promise<unknown>>().mockRejectedValueOnce(new Error('QuotaExceededError')).mockResolvedValue(undefined);
    renderForm({ onLog });
    await click(byName('Save'));
    expect(root.querySelector('[role=alert]')!.textContent).toBe('Not saved: QuotaExceededError');
    await click(byName('Save'));
    expect(onLog.mock.calls[0]![0].key).toBe(onLog.mock.calls[1]![0].key);
    expect(status()).toBe('Logged.');
    await click(byName('Save'));
    expect(onLog.mock.calls[2]![0].key).not.toBe(onLog.mock.calls[1]![0].key); // a new draft, a new entry
  });

  it('shows a problem the store reports (an entry deleted meanwhile) as an alert', async () => {
    renderForm({ onLog: async () => { throw new ManualEntryError([{ field: 'entry', code: 'gone', values: { id: 'x' }, message: 'That entry (x) is gone.' }]); } });
    await click(byName('Save'));
    expect(root.querySelector('[role=alert]')!.textContent).toBe('That entry (x) is gone: it was deleted or changed elsewhere. Nothing was changed.');
  });

  const stored: ActivityEvent = {
    id: 'old-1', type: 'proposal_sent', at: '2026-05-12T09:15:42.123Z', site: 'manual', url: '', capturedAt: '2026-05-12T09:16:00.000Z',
    person: { name: 'Walter Skinner' }, deal: { id: 'salesforce:006A', name: 'Acme' }, amount: 12000, currency: 'USD', meta: { subject: 'Renewal' },
  };

  it('edits: fills the form, focuses it, and sends the change with the original time and deal kept', async () => {
    const props = renderForm({ editing: stored });
    await flush();
    expect(byLabel('What').value).toBe('proposal_sent');
    expect(byLabel(/^Who/).value).toBe('Walter Skinner');
    expect(byLabel(/^Value/).value).toBe('12000');
    expect(byLabel('Currency').value).toBe('USD');
    expect(byLabel(/^Subject/).value).toBe('Renewal');
    expect(byLabel('When').value).toBe(toLocalInput(new Date(stored.at)));
    expect(document.activeElement?.id).toBe(QUICK_ADD_FIRST_FIELD);
    await type(byLabel(/^Value/), '11000');
    await click(byName('Save changes'));
    expect(props.onEdit).toHaveBeenCalledWith('old-1', expect.objectContaining({
      type: 'proposal_sent', at: stored.at, amount: 11000, currency: 'USD', deal: stored.deal, person: { name: 'Walter Skinner' }, subject: 'Renewal',
    }));
    expect(props.onLog).not.toHaveBeenCalled();
    expect(status()).toBe('Changes saved.');
  });

  it('Escape or "Cancel edit" leaves edit mode', async () => {
    const props = renderForm({ editing: stored });
    await flush();
    await act(() => void byLabel(/^Who/).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(props.onCancelEdit).toHaveBeenCalledTimes(1);
    await click(byName('Cancel edit'));
    expect(props.onCancelEdit).toHaveBeenCalledTimes(2);
  });
});

describe('the quick-add shortcut', () => {
  it('is Alt+Shift+L by key position, nothing else', () => {
    const key = (over: Partial<KeyboardEvent>) => ({ altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, code: 'KeyL', key: 'L', ...over });
    expect(isQuickAddShortcut(key({}))).toBe(true);
    expect(isQuickAddShortcut(key({ key: 'Ò' }))).toBe(true); // macOS Option+Shift+L
    expect(isQuickAddShortcut(key({ shiftKey: false, key: 'l' }))).toBe(false);
    expect(isQuickAddShortcut(key({ ctrlKey: true }))).toBe(false);
    expect(isQuickAddShortcut(key({ code: 'KeyK', key: 'K' }))).toBe(false);
  });

  it('focuses the first field on the key inside the page and on the manifest command', async () => {
    renderForm();
    const listeners: ((c: string) => void)[] = [];
    const commands: CommandEvents = {
      onCommand: { addListener: cb => listeners.push(cb), removeListener: cb => listeners.splice(listeners.indexOf(cb), 1) },
    };
    const open = vi.fn(() => document.getElementById(QUICK_ADD_FIRST_FIELD)!.focus());
    const stop = listenForQuickAdd(open, window, commands);
    const press = new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyL', key: 'L', bubbles: true, cancelable: true });
    document.body.dispatchEvent(press);
    expect(press.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe(QUICK_ADD_FIRST_FIELD);
    (document.activeElement as HTMLElement).blur();
    listeners.forEach(l => l('some-other-command'));
    expect(open).toHaveBeenCalledTimes(1);
    listeners.forEach(l => l('quick-add'));
    expect(open).toHaveBeenCalledTimes(2);
    expect(document.activeElement?.id).toBe(QUICK_ADD_FIRST_FIELD);
    stop();
    expect(listeners).toHaveLength(0);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyL', key: 'L', bubbles: true }));
    expect(open).toHaveBeenCalledTimes(2);
  });
});

describe('parseAmount', () => {
  it.each([
    ['', undefined], ['1500', 1500], ['1500.50', 1500.5], ['1,500.50', 1500.5], ['1.500,50', 1500.5], ['1500,5', 1500.5], ['12 000', 12000], ['-3', -3],
  ] as const)('%j → %j', (text, value) => expect(parseAmount(text)).toBe(value));
  it.each(['lots', '1.2.3', '1,2,3', '12e3', '€5'])('%j is not a number', text => expect(parseAmount(text)).toBeNaN());
});

describe('ManualEntries', () => {
  const entries: ActivityEvent[] = [
    { id: 'm2', type: 'referral_received', at: '2026-05-14T09:30:00.000Z', site: 'manual', url: '', capturedAt: '2026-05-14T09:31:00.000Z', person: { name: 'Dana Scully' } },
    { id: 'm1', type: 'training', at: '2026-05-12T08:00:00.000Z', site: 'manual', url: '', capturedAt: '2026-05-12T08:01:00.000Z', amount: 450, currency: 'EUR', meta: { subject: 'Negotiation' } },
  ];
  function renderList(over: Partial<ManualEntriesProps> = {}) {
    const props: ManualEntriesProps = { entries: { status: 'ready', value: entries }, onEdit: vi.fn(), onDelete: vi.fn(async () => undefined), ...over };
    act(() => render(<ManualEntries {...props} />, root));
    return props;
  }
  const label = (e: ActivityEvent) => entryLabel(e);

  it('lists the entries with Edit and Delete buttons named after each entry', () => {
    renderList();
    expect([...root.querySelectorAll('li')].map(li => li.dataset.entryId)).toEqual(['m2', 'm1']);
    expect(byName(`Edit ${label(entries[0]!)}`)).toBeTruthy();
    expect(byName(`Delete ${label(entries[1]!)}`)).toBeTruthy();
    expect(label(entries[0]!)).toMatch(/^Referral received, Dana Scully, /);
    expect(root.querySelector('[data-entry-id="m1"]')!.textContent).toContain('450');
  });

  it('Edit hands the entry to the form', async () => {
    const props = renderList();
    await click(byName(`Edit ${label(entries[1]!)}`));
    expect(props.onEdit).toHaveBeenCalledWith(entries[1]);
  });

  it('Delete asks inline first (never window.confirm); Keep goes back, Yes deletes', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm); // happy-dom has none: any call would show here
    const props = renderList();
    await click(byName(`Delete ${label(entries[0]!)}`));
    expect(confirm).not.toHaveBeenCalled();
    expect(props.onDelete).not.toHaveBeenCalled();
    expect(root.querySelector('[data-entry-id="m2"]')!.textContent).toContain('Delete this entry?');
    expect(document.activeElement).toBe(byName(`Yes, delete ${label(entries[0]!)}`));

    await click(byName(`Keep ${label(entries[0]!)}`));
    expect(props.onDelete).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(byName(`Delete ${label(entries[0]!)}`));

    await click(byName(`Delete ${label(entries[0]!)}`));
    await act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(document.activeElement).toBe(byName(`Delete ${label(entries[0]!)}`));

    await click(byName(`Delete ${label(entries[0]!)}`));
    await click(byName(`Yes, delete ${label(entries[0]!)}`));
    expect(props.onDelete).toHaveBeenCalledWith('m2');
    expect(root.querySelector('[role=status]')!.textContent).toBe('Deleted.');
    expect(confirm).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('says when a delete fails', async () => {
    renderList({ onDelete: async () => { throw new Error('That entry (m2) is gone'); } });
    await click(byName(`Delete ${label(entries[0]!)}`));
    await click(byName(`Yes, delete ${label(entries[0]!)}`));
    expect(root.querySelector('[role=status]')!.textContent).toBe('Not deleted: That entry (m2) is gone');
  });

  it('has a loading, an error and an empty state', () => {
    renderList({ entries: { status: 'loading' } });
    expect(root.textContent).toContain('Loading entries logged by hand');
    renderList({ entries: { status: 'error', message: 'boom' } });
    expect(root.querySelector('[role=alert]')!.textContent).toContain('boom');
    renderList({ entries: { status: 'ready', value: [] } });
    expect(root.textContent).toContain('Nothing logged by hand yet.');
  });
});

describe('manual logging in German (issue #9, item 6)', () => {
  const entries: ActivityEvent[] = [
    { id: 'm2', type: 'referral_received', at: '2026-05-14T09:30:00.000Z', site: 'manual', url: '', capturedAt: '2026-05-14T09:31:00.000Z', person: { name: 'Dana Scully' } },
    { id: 'm1', type: 'training', at: '2026-05-12T08:00:00.000Z', site: 'manual', url: '', capturedAt: '2026-05-12T08:01:00.000Z', amount: 450, currency: 'EUR', meta: { subject: 'Negotiation' } },
  ];

  it('labels the form, its types and its buttons in German', async () => {
    useLocale('de');
    renderForm();
    expect(byLabel<HTMLSelectElement>('Was').id).toBe(QUICK_ADD_FIRST_FIELD);
    expect(byLabel('Wer (optional)')).toBeTruthy();
    expect(byLabel('Betreff (optional, ein Titel, keine Notizen)')).toBeTruthy();
    expect([...root.querySelectorAll('option')].map(o => o.textContent)).toEqual([
      'Empfehlung gegeben', 'Empfehlung erhalten', 'Veranstaltung besucht', 'Schulung', 'Angebot gesendet', 'Angebot angenommen', 'Anruf (außerhalb CRM)',
    ]);
    await choose(byLabel('Was'), 'training');
    expect(byLabel('Kosten (optional)')).toBeTruthy();
    expect(byLabel('Währung').value).toBe('EUR');
    expect(root.querySelector('#quick-add-title')!.textContent).toBe('Für alles, was keine Seite zeigt. Tastenkürzel: Alt+Shift+L');
    expect(byName('Speichern')).toBeTruthy();
  });

  it('puts its problems beside the field in German', async () => {
    useLocale('de');
    renderForm();
    await choose(byLabel('Was'), 'proposal_sent');
    await type(byLabel('Wert (optional)'), 'viel');
    await click(byName('Speichern'));
    expect(root.querySelector('#quick-add-amount-error')!.textContent).toBe('Der Betrag muss eine Zahl sein, etwa 1500 oder 1500,50.');
    await type(byLabel('Wert (optional)'), '100');
    await type(byLabel('Währung'), 'XQQ');
    await click(byName('Speichern'));
    expect(root.querySelector('#quick-add-currency-error')!.textContent).toBe('XQQ ist keine bekannte ISO-4217-Währung.');
  });

  it('words every problem lib/manual can find in German, and each the same as lib/manual in English', () => {
    const now = new Date('2026-05-14T12:00:00Z');
    const bad: unknown[] = [
      null, { type: 'lunch', at: 'x', notes: 'secret' }, { type: 'call', at: '' }, { type: 'call', at: '2026-02-31T09:00:00Z' }, { type: 'call', at: '2027-01-01T00:00:00Z' },
      { type: 'call', at: '2026-05-14T09:00:00Z', person: { name: 1 }, amount: 5, subject: 7, key: '' },
      { type: 'call', at: '2026-05-14T09:00:00Z', person: { name: 'x'.repeat(200) }, deal: { id: 'nope' }, subject: 'y'.repeat(200) },
      { type: 'training', at: '2026-05-14T09:00:00Z', amount: -1 }, { type: 'training', at: '2026-05-14T09:00:00Z', amount: Number.NaN },
      { type: 'training', at: '2026-05-14T09:00:00Z', amount: 5 }, { type: 'training', at: '2026-05-14T09:00:00Z', amount: 5, currency: 'EURO' },
      { type: 'training', at: '2026-05-14T09:00:00Z', amount: 5, currency: 'XQQ' },
      ...(['referral_given', 'referral_received', 'event_attended'] as const).map(t => ({ type: t, at: '2026-05-14T09:00:00Z', amount: 5 })),
    ];
    const problems = bad.flatMap(b => { const v = validateManual(b, now); return v.ok ? [] : v.problems; });
    const codes = new Set(problems.map(p => p.code));
    expect(codes.size).toBeGreaterThanOrEqual(17);
    for (const p of problems) expect(manualProblemText(p), p.code).toBe(p.message);
    useLocale('de');
    for (const p of problems) {
      const german = manualProblemText(p);
      expect(german, p.code).not.toBe(p.message);
      expect(german, p.code).not.toMatch(/\$|undefined/);
    }
    expect(manualProblemText(problems.find(p => p.code === 'type')!)).toBe(
      `"lunch" kann nicht von Hand erfasst werden; wählen Sie eines von: ${['Empfehlung gegeben', 'Empfehlung erhalten', 'Veranstaltung besucht', 'Schulung', 'Angebot gesendet', 'Angebot angenommen', 'Anruf (außerhalb CRM)'].join(', ')}.`,
    );
    expect(MANUAL_TYPES).toHaveLength(7);
  });

  it('names the entries and their buttons in German', () => {
    useLocale('de');
    act(() => render(<ManualEntries entries={{ status: 'ready', value: entries }} onEdit={vi.fn()} onDelete={vi.fn(async () => undefined)} />, root));
    const names = [...root.querySelectorAll('button')].map(b => b.getAttribute('aria-label'));
    expect(names[0]).toMatch(/^Empfehlung erhalten, Dana Scully, .+ bearbeiten$/);
    expect(names[1]).toMatch(/^Empfehlung erhalten, Dana Scully, .+ löschen$/);
    expect([...root.querySelectorAll('button')].map(b => b.textContent)).toEqual(['Bearbeiten', 'Löschen', 'Bearbeiten', 'Löschen']);
    expect(root.querySelector('ul')!.getAttribute('aria-label')).toBe('Letzte von Hand erfasste Einträge, neueste zuerst');
  });
});

describe('manual logging under a pseudo-locale: nothing left in English', () => {
  const entries: ActivityEvent[] = [
    { id: 'm2', type: 'referral_received', at: '2026-05-14T09:30:00.000Z', site: 'manual', url: '', capturedAt: '2026-05-14T09:31:00.000Z', person: { name: 'Dana Scully' }, meta: { subject: 'Intro' } },
    { id: 'm1', type: 'training', at: '2026-05-12T08:00:00.000Z', site: 'manual', url: '', capturedAt: '2026-05-12T08:01:00.000Z', amount: 450, currency: 'EUR', meta: { subject: 'Negotiation' } },
  ];
  /** Data: names and subjects the rep typed, key caps, and what Intl writes in dates. */
  const options = { data: ['Dana Scully', 'Intro', 'Negotiation', 'Walter Skinner', 'Renewal', 'Alt', 'Shift', 'L'], isData: (w: string) => /^(May|AM|PM)$/.test(w) };

  it('the form, with an error under each field', async () => {
    usePseudoLocale();
    renderForm();
    await choose(byLabel(/Was|What|⟦What⟧/), 'training');
    await type(root.querySelector<HTMLInputElement>('#quick-add-amount')!, '-5');
    await type(root.querySelector<HTMLInputElement>('#quick-add-at')!, '2030-01-01T10:00');
    await click(root.querySelector<HTMLButtonElement>('button[type=submit]')!);
    expect(root.querySelector('#quick-add-amount-error')).not.toBeNull();
    expect(untranslated(root, options)).toEqual([]);
  });

  it('the form editing an entry, after a failed save', async () => {
    usePseudoLocale();
    const editing: ActivityEvent = { ...entries[1]!, person: { name: 'Walter Skinner' }, meta: { subject: 'Renewal' } };
    renderForm({ editing, onEdit: async () => { throw new Error('QuotaExceededError'); } });
    await click(root.querySelector<HTMLButtonElement>('button[type=submit]')!);
    expect(root.querySelector('[role=alert]')).not.toBeNull();
    expect(untranslated(root, { ...options, data: [...options.data, 'QuotaExceededError'] })).toEqual([]);
  });

  it.each<[string, ManualEntriesProps['entries'], boolean]>([
    ['the list, one entry asking to be deleted', { status: 'ready', value: entries }, true],
    ['no entries', { status: 'ready', value: [] }, false],
    ['loading', { status: 'loading' }, false],
    ['an error', { status: 'error', message: 'QuotaExceededError' }, false],
  ])('%s', async (_name, list, ask) => {
    usePseudoLocale();
    act(() => render(<ManualEntries entries={list} editingId="m1" onEdit={vi.fn()} onDelete={vi.fn(async () => undefined)} />, root));
    if (ask) await click(root.querySelector<HTMLButtonElement>('[data-entry-id="m2"] [data-delete]')!);
    expect(untranslated(root, { ...options, data: [...options.data, 'QuotaExceededError'] })).toEqual([]);
  });
});
