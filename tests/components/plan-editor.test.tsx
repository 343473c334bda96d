/** @vitest-environment happy-dom */
// The plan editor against WXT's fake browser storage: what is saved, what is refused and
// where each message shows.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PlanEditor, type PlanEditorProps } from '../../components/PlanEditor';
import { checkDraft, numberLocale, toDraft } from '../../components/PlanFields';
import { localDateOf } from '../../lib/metrics/periods';
import { defaultPlan, type Plan } from '../../lib/metrics/plan';
import { planSettings } from '../../lib/settings';
import { useLocale } from '../helpers/pseudo-locale';

let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  root = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** The raw stored value: undefined when nothing was saved. */
const stored = async (): Promise<Plan | undefined> => (await fakeBrowser.storage.local.get('plan')).plan as Plan | undefined;

async function mount(props: PlanEditorProps = {}) {
  render(<PlanEditor locale="en-US" {...props} />, root);
  await vi.waitFor(() => expect(root.querySelector('form.plan-editor')).not.toBeNull());
}

/** The control a visible or assistive label names, as a user finds it. */
function field<T extends HTMLElement = HTMLInputElement>(name: string | RegExp, within: ParentNode = root): T {
  const matches = (text: string | null | undefined) => (typeof name === 'string' ? text?.trim() === name : name.test(text ?? ''));
  const labels = [...within.querySelectorAll('label')].filter(l => matches(l.textContent));
  const byAria = [...within.querySelectorAll<HTMLElement>('[aria-label]')].filter(el => matches(el.getAttribute('aria-label')));
  const found = [...labels.map(l => document.getElementById(l.htmlFor)), ...byAria].filter(Boolean);
  if (found.length !== 1) throw new Error(`${found.length} fields labelled ${String(name)}`);
  return found[0] as T;
}
const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};
const choose = (el: HTMLSelectElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
};
const button = (name: string | RegExp) => {
  const all = [...root.querySelectorAll('button')].filter(b => (typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? '')));
  if (all.length !== 1) throw new Error(`${all.length} buttons named ${String(name)}`);
  return all[0]!;
};
const revisions = () => [...root.querySelectorAll<HTMLFieldSetElement>('[data-testid="plan-revision"]')];
const save = () => button('Save plan').click();
const status = () => root.querySelector('.plan-actions [role=status]')?.textContent;
const summaryLinks = () => [...root.querySelectorAll('[role=alert] a')].map(a => a.textContent);

/** The message shown next to a field, via aria-describedby, and the field is marked invalid. */
function inlineMessage(el: HTMLElement): string {
  expect(el.getAttribute('aria-invalid')).toBe('true');
  const ids = el.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map(id => document.getElementById(id)).filter(e => e?.classList.contains('field-error')).map(e => e!.textContent).join(' ');
}

async function expectRefused() {
  await vi.waitFor(() => expect(root.querySelector('[role=alert]')).not.toBeNull());
  expect(root.querySelector('[role=alert]')?.textContent).toContain('nothing was saved');
  expect(status()).toBe('');
  expect(await stored()).toBeUndefined();
}

describe('saving a valid plan', () => {
  it('stores what was typed, converted from the locale’s numbers and percentages', async () => {
    await mount();
    const [first] = revisions();
    type(field('Annual quota (USD)', first), '1,200,000');
    type(field('Q1', first), '250,000');
    type(field('Q2', first), '300000');
    type(field('Q3', first), '300,000');
    type(field('Q4', first), '350,000');
    type(field('Fiscal year starts in month (1–12)'), '4');
    choose(field<HTMLSelectElement>('Weeks start on'), '0');
    type(field('Time zone'), 'Europe/Berlin');
    type(field('Plan currency'), 'eur');
    button('Add a rate').click();
    await vi.waitFor(() => field('Exchange rate 1: currency'));
    type(field('Exchange rate 1: currency'), 'usd');
    await vi.waitFor(() => field('1 USD in EUR'));
    type(field('1 USD in EUR'), '0.92');
    type(field('Calls per week'), '60');
    type(field('Calls per day'), '');
    type(field('Meetings: points each'), '6');
    type(field<HTMLTextAreaElement>('Open stages, in order, one per line'), 'Discovery\nDemo\nProposal\n\nNegotiation\n');
    await vi.waitFor(() => field('Demo: days at most'));
    type(field('Demo: days at most'), '9');
    type(field('Proposal: win probability (%)'), '60');
    field('Discovery is an early stage').click();
    type(field('Tier 1: rate (% of revenue)'), '8');
    button('Add a tier').click();
    await vi.waitFor(() => field('Tier 2: rate (% of revenue)'));
    type(field('Tier 2: from attainment (%)'), '100');
    type(field('Tier 2: rate (% of revenue)'), '12.5');
    type(field('Cap: payout at most (EUR)'), '50,000');
    type(field<HTMLTextAreaElement>('Holidays, one date per line (YYYY-MM-DD)'), '2026-12-25\n2026-01-01');
    save();

    await vi.waitFor(() => expect(status()).toBe('Saved.'));
    expect(root.querySelector('[role=alert]')).toBeNull();
    const plan = (await stored())!;
    expect(plan).toMatchObject({
      fiscalYearStartMonth: 4,
      weekStartsOn: 0,
      timeZone: 'Europe/Berlin',
      currency: 'EUR',
      rates: { USD: 0.92 },
      stages: ['Discovery', 'Demo', 'Proposal', 'Negotiation'],
      stageTargets: { Discovery: 10, Demo: 9, Proposal: 14, Negotiation: 21 },
      stageProbabilities: { Proposal: 0.6 },
      earlyStages: ['Discovery'],
      holidays: ['2026-01-01', '2026-12-25'],
      commission: {
        period: 'quarter',
        tiers: [{ fromAttainment: 0, rate: 0.08 }, { fromAttainment: 1, rate: 0.125 }],
        accelerator: { above: 1, multiplier: 1.5 },
        decelerator: { below: 0.5, multiplier: 0.5 },
        cap: { maxPayout: 50_000 },
      },
    });
    expect(plan.annual).toEqual([{ effectiveFrom: expect.stringMatching(/^\d{4}-01-01$/), annualQuota: 1_200_000, quarterQuotas: [250_000, 300_000, 300_000, 350_000] }]);
    expect(plan.weeklyTargets).toEqual({ ...defaultPlan().weeklyTargets, calls: 60 });
    expect(plan.dailyTargets).toEqual({ emails: 8, meetings: 2 });
    expect(plan.activityWeights.meetings).toBe(6);
    // What was saved is shown as the locale writes it, and stays editable today, the day it was entered.
    expect(field<HTMLInputElement>('Q2').value).toBe('300,000');
    expect(revisions()).toHaveLength(1);
    expect(await planSettings.getMeta()).toEqual({ v: 1, enteredOn: { [plan.annual[0]!.effectiveFrom]: localDateOf(new Date(), 'Europe/Berlin') } });
  });

  it('reads and writes numbers the way the browser’s locale does (de-DE)', async () => {
    await mount({ locale: 'de-DE' });
    expect(field('Calls per week').value).toBe('50');
    type(field('Annual quota (USD)'), '1.250.000,50');
    type(field('Calls per week'), '1,5');
    save();
    await vi.waitFor(() => expect(status()).toBe('Saved.'));
    const plan = (await stored())!;
    expect(plan.annual[0]!.annualQuota).toBe(1_250_000.5);
    expect(plan.weeklyTargets.calls).toBe(1.5);
    expect(field('Annual quota (USD)').value).toBe('1.250.000,5');
  });
});

describe('refusing a bad plan, with each message beside its field', () => {
  it('a negative quota', async () => {
    await mount();
    const quota = field('Annual quota (USD)');
    type(quota, '-5');
    save();
    await expectRefused();
    expect(inlineMessage(field('Annual quota (USD)'))).toBe('The annual quota cannot be negative (-5).');
    expect(summaryLinks()).toEqual([expect.stringMatching(/^Annual quota \(USD\) \(Annual plan from .+\): The annual quota cannot be negative \(-5\)\.$/)]);
    const link = root.querySelector<HTMLAnchorElement>('[role=alert] a')!;
    expect(link.getAttribute('href')).toBe(`#${field('Annual quota (USD)').id}`);
    link.click();
    expect(document.activeElement).toBe(field('Annual quota (USD)'));
  });

  it('quarter quotas that do not add up to the annual quota', async () => {
    await mount();
    type(field('Annual quota (USD)'), '1,000,000');
    ['200,000', '250,000', '250,000', '250,000'].forEach((q, i) => type(field(`Q${i + 1}`), q));
    save();
    await expectRefused();
    const message = 'Q1 to Q4 add up to 950,000, not the annual quota of 1,000,000.';
    for (const q of ['Q1', 'Q2', 'Q3', 'Q4']) expect(inlineMessage(field(q))).toBe(message);
    expect(summaryLinks()).toEqual([expect.stringContaining(`Quarter quotas (Annual plan from`)]);
    expect(summaryLinks()[0]).toContain(message);
  });

  it('quarters partly filled in', async () => {
    await mount();
    type(field('Q1'), '100');
    save();
    await expectRefused();
    expect(inlineMessage(field('Q3'))).toBe('Fill in all four quarters, or none (then each is a quarter of the annual quota).');
  });

  it('month 13', async () => {
    await mount();
    type(field('Fiscal year starts in month (1–12)'), '13');
    save();
    await expectRefused();
    expect(inlineMessage(field('Fiscal year starts in month (1–12)'))).toBe(
      'The fiscal year must start in a month from 1 (January) to 12 (December), not 13.',
    );
  });

  it('a currency of the rep’s deals with no rate, then a rate for an unknown currency', async () => {
    await mount({ currenciesInUse: ['USD', 'GBP'] });
    save();
    await expectRefused();
    const message = 'Some deals are in GBP, which has no rate to USD: add one, or those amounts are shown apart and left out of totals.';
    const add = button('Add a rate for GBP');
    expect(document.getElementById(add.getAttribute('aria-describedby')!)?.textContent).toBe(message);
    expect(summaryLinks()).toEqual([`Exchange rate for GBP: ${message}`]);
    add.click();
    await vi.waitFor(() => expect(document.activeElement).toBe(field('1 GBP in USD')));
    expect(field('Exchange rate 1: currency').value).toBe('GBP');
    type(field('1 GBP in USD'), '1.27');

    button('Add a rate').click();
    await vi.waitFor(() => field('Exchange rate 2: currency'));
    type(field('Exchange rate 2: currency'), 'XYZ');
    await vi.waitFor(() => field('1 XYZ in USD'));
    type(field('1 XYZ in USD'), '2');
    save();
    await expectRefused();
    expect(inlineMessage(field('Exchange rate 2: currency'))).toBe('"XYZ" is not a known ISO 4217 currency.');
    expect(field('1 GBP in USD').getAttribute('aria-invalid')).toBeNull();
  });

  it('lists every problem at the top in the order of the page, and saves once they are fixed', async () => {
    await mount();
    type(field('Tier 1: rate (% of revenue)'), '150');
    type(field('Calls per week'), 'lots');
    type(field('Fiscal year starts in month (1–12)'), '0');
    type(field('Annual quota (USD)'), '');
    save();
    await expectRefused();
    expect(summaryLinks()).toEqual([
      'Fiscal year starts in month (1–12): The fiscal year must start in a month from 1 (January) to 12 (December), not 0.',
      expect.stringMatching(/^Annual quota \(USD\) \(Annual plan from .+\): Enter the annual quota \(0 if you have none yet\)\.$/),
      'Calls per week: “lots” is not a number (write it like 1,234.5).',
      'Tier 1: rate (% of revenue): A commission rate is from 0 % to 100 % of revenue, not 150 %.',
    ]);
    expect(document.activeElement).toBe(root.querySelector('[role=alert]'));
    type(field('Tier 1: rate (% of revenue)'), '10');
    type(field('Calls per week'), '40');
    type(field('Fiscal year starts in month (1–12)'), '2');
    type(field('Annual quota (USD)'), '900000');
    save();
    await vi.waitFor(() => expect(status()).toBe('Saved.'));
    expect(root.querySelector('[role=alert]')).toBeNull();
    expect((await stored())!.annual[0]!.annualQuota).toBe(900_000);
  });
});

describe('the annual plan and its quarterly updates', () => {
  const earlier: Plan = { ...defaultPlan('UTC'), annual: [{ effectiveFrom: '2025-01-01', annualQuota: 1_000_000, quarterQuotas: [200_000, 250_000, 250_000, 300_000] }] };

  it('shows a saved revision from the past read-only, and an update adds to it', async () => {
    await planSettings.setValue(earlier);
    await mount();
    const history = root.querySelectorAll('[data-testid="plan-history-row"]');
    expect(history).toHaveLength(1);
    expect(history[0]!.textContent).toBe('Jan 1, 2025$1,000,000$200,000 · $250,000 · $250,000 · $300,000in force');
    expect(revisions()).toHaveLength(0);
    expect(history[0]!.querySelector('input')).toBeNull();

    button('Add a quarterly update').click();
    await vi.waitFor(() => expect(revisions()).toHaveLength(1));
    const update = revisions()[0]!;
    const today = localDateOf(new Date(), 'UTC');
    // Until it is saved, the update governs nothing.
    expect(history[0]!.textContent).toMatch(/in force$/);
    expect(update.querySelector('legend')!.textContent).toMatch(/\(not saved yet\)$/);
    expect(field('In force from', update).value).toBe(today);
    expect(document.activeElement).toBe(field('In force from', update));
    // Copied from the plan in force, to be changed.
    expect(field('Annual quota (USD)', update).value).toBe('1,000,000');
    type(field('Annual quota (USD)', update), '1,300,000');
    ['200,000', '250,000', '400,000', '450,000'].forEach((q, i) => type(field(`Q${i + 1}`, update), q));
    save();
    await vi.waitFor(() => expect(status()).toBe('Saved.'));
    expect((await stored())!.annual).toEqual([
      earlier.annual[0],
      { effectiveFrom: today, annualQuota: 1_300_000, quarterQuotas: [200_000, 250_000, 400_000, 450_000] },
    ]);
    // Only the update was entered today; the earlier revision stays history.
    expect((await planSettings.getMeta()).enteredOn).toEqual({ [today]: today });
    await vi.waitFor(() => expect(root.querySelector('[data-testid="plan-history-row"]')!.textContent).toMatch(/superseded$/));
    expect(revisions()[0]!.querySelector('legend')!.textContent).toMatch(/\(in force\)$/);
  });

  it('refuses a second revision on the same date, and a removed update is not saved', async () => {
    await planSettings.setValue(earlier);
    await mount();
    button('Add a quarterly update').click();
    await vi.waitFor(() => expect(revisions()).toHaveLength(1));
    type(field('In force from', revisions()[0]), '2025-01-01');
    save();
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')).not.toBeNull());
    expect(inlineMessage(field('In force from', revisions()[0]))).toBe('Two revisions take effect on 2025-01-01: keep one.');
    expect((await stored())!.annual).toEqual(earlier.annual);
    expect(button(/^Remove/)).toBeDefined(); // the update can go; the history cannot
    button(/^Remove/).click();
    await vi.waitFor(() => expect(revisions()).toHaveLength(0));
    expect(document.activeElement).toBe(button('Add a quarterly update'));
  });
});

describe('which revisions are history', () => {
  const today = localDateOf(new Date(), 'UTC');
  const plan: Plan = {
    ...defaultPlan('UTC'),
    annual: [{ effectiveFrom: '2025-01-01', annualQuota: 1_000_000 }, { effectiveFrom: '2025-07-01', annualQuota: 1_100_000 }],
  };
  it('a revision in force before today stays editable on the day it was entered, and only then', async () => {
    await planSettings.setValue(plan);
    await planSettings.setMeta({ enteredOn: { '2025-01-01': '2025-01-02', '2025-07-01': today } });
    await mount();
    expect([...root.querySelectorAll('[data-testid="plan-history-row"] th')].map(th => th.textContent)).toEqual(['Jan 1, 2025']);
    expect(revisions()).toHaveLength(1);
    type(field('Annual quota (USD)', revisions()[0]), '1,150,000');
    save();
    await vi.waitFor(() => expect(status()).toBe('Saved.'));
    expect((await stored())!.annual).toEqual([plan.annual[0], { effectiveFrom: '2025-07-01', annualQuota: 1_150_000 }]);
    expect((await planSettings.getMeta()).enteredOn).toEqual({ '2025-01-01': '2025-01-02', '2025-07-01': today });
  });
});

describe('the form model', () => {
  const loc = numberLocale('en-US');
  it('round-trips the default plan unchanged', () => {
    const plan = defaultPlan('Europe/Berlin');
    const check = checkDraft(toDraft(plan, loc, { stored: true }), loc);
    expect(check).toEqual({ ok: true, plan });
  });
  it.each([
    ['1,234.5', 1234.5], ['1234.5', 1234.5], ['-5', -5], ['\u22125', -5], [' 12 ', 12], ['', undefined],
    ['1,5', NaN], ['1,23,456', NaN], ['12a', NaN], ['.', NaN], ['1.2.3', NaN],
  ] as const)('en-US reads %j as %s', (text, expected) => {
    expect(loc.parse(text)).toBe(expected);
  });
  it.each([
    ['de-DE', '1.234,5', 1234.5], ['de-DE', '1234,5', 1234.5], ['fr-FR', '1 234,5', 1234.5], ['en-IN', '12,34,567', 1234567], ['de-CH', '1’234.5', 1234.5],
  ] as const)('%s reads %j as %s', (locale, text, expected) => {
    expect(numberLocale(locale).parse(text)).toBe(expected);
  });
});

describe('refusing a bad plan in German: validatePlan’s own messages too (issue #9, item 6)', () => {
  it('words the checks validatePlan makes (month, time zone, weekly target) in German beside their fields', async () => {
    useLocale('de');
    await mount({ locale: 'de-DE' });
    type(field('Geschäftsjahr beginnt im Monat (1–12)'), '13');
    type(field('Zeitzone'), 'Mars/Olympus');
    button('Plan speichern').click();
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')).not.toBeNull());
    expect(await stored()).toBeUndefined();
    expect(inlineMessage(field('Geschäftsjahr beginnt im Monat (1–12)'))).toBe(
      'Das Geschäftsjahr muss in einem Monat von 1 (Januar) bis 12 (Dezember) beginnen, nicht 13.',
    );
    expect(inlineMessage(field('Zeitzone'))).toBe(
      '„Mars/Olympus“ ist keine Zeitzone, die dieser Browser kennt (verwenden Sie einen IANA-Namen wie Europe/Berlin).',
    );
    const summary = root.querySelector('[role=alert]')!.textContent!;
    for (const english of ['must start in a month', 'is not a time zone']) expect(summary).not.toContain(english);
  });
});
