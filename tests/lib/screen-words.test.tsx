/** @vitest-environment happy-dom */
// Words from lib/ that reach other screens, in the interface's language (issue #9, item 6):
// the custom CRM editor's field names and config problems, the custom preview, the weekly
// review's praise, opportunities and Markdown, the retention choices, the sites' names.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { CustomAdapterEditor } from '../../components/CustomAdapterEditor';
import { CustomAdapterPreview } from '../../components/CustomAdapterPreview';
import { customFieldLabel, customProblemText } from '../../lib/custom-adapters';
import { periodForDate } from '../../lib/metrics/periods';
import { RETENTION_CHOICES, retentionLabel as englishRetentionLabel } from '../../lib/retention';
import { retentionLabel } from '../../lib/retention-settings';
import { praiseAndOpportunities, REVIEW_DRIVERS, REVIEW_LABELS, reviewLabel, reviewMarkdown, type ReviewRow } from '../../lib/review';
import { configProblems, LABELS, type CustomAdapterConfig } from '../../lib/sites/custom';
import { SITE_LABELS, siteLabel } from '../../lib/site-labels';
import { plan } from '../metrics/make';
import { untranslated, useLocale, usePseudoLocale } from '../helpers/pseudo-locale';

const isValid = (s: string) => !/\[\[|^\d/.test(s);
const BROKEN: CustomAdapterConfig[] = [
  { name: ' ', urlPattern: 'crm.example.com/deals', selectors: { name: '', stage: 'div[[' } },
  { name: 'Espo', urlPattern: 'https://*/deals/*', selectors: { name: 'h1', stage: '.stage', amount: '9x', closeDate: '1a', activityRows: '2b', activitySubject: '3c', activityDate: '4d' } },
  { name: 'Espo', urlPattern: 'https://crm.example.com/deals', selectors: { name: 'h1', stage: '' } },
];
const problems = BROKEN.flatMap(c => configProblems(c, isValid));

describe('custom CRM editor words', () => {
  it('every problem configProblems finds is recognised: in English word for word, in German all German', () => {
    expect(new Set(problems.map(p => p.field)).size).toBeGreaterThanOrEqual(8);
    for (const p of problems) expect(customProblemText(p)).toBe(p.message);
    useLocale('de');
    for (const p of problems) expect(customProblemText(p), p.message).not.toBe(p.message);
    expect(customProblemText({ field: 'stage', message: 'The stage selector is required.' })).toBe('Der Selektor für „Phase“ ist erforderlich.');
    expect(customProblemText({ field: 'closeDate', message: 'The close date selector is not valid CSS.' })).toBe('Der Selektor für „Abschlussdatum“ ist kein gültiges CSS.');
  });

  it('names each selector field as LABELS does in English, and in German', () => {
    for (const key of Object.keys(LABELS) as (keyof typeof LABELS)[]) expect(customFieldLabel(key)).toBe(LABELS[key]);
    useLocale('de');
    expect(customFieldLabel('activityRows')).toBe('Aktivitätszeilen');
  });

  it('a problem it does not know is shown as it is', () => {
    useLocale('de');
    expect(customProblemText({ field: 'urlPattern', message: 'Something new.' })).toBe('Something new.');
  });
});

describe('custom CRM preview', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  const preview = {
    title: 'Acme deal',
    url: 'https://crm.example.com/deals/7',
    reading: {
      kind: 'deal' as const,
      deal: { id: 'custom:crm.example.com/7', name: 'Acme deal', stage: 'Proposal', amount: null, currency: null, status: 'open' as const, url: '' },
      stages: ['Proposal'],
      activities: [{ type: 'call' as const, subject: 'Kickoff', dateText: '', byMe: false }],
      health: { ok: false, missing: [`${LABELS.amount} (.amount)`, 'a record id in the URL'] },
    },
  };

  it('says the status, activity kind and what it did not find in German', () => {
    useLocale('de');
    root = document.body.appendChild(document.createElement('div'));
    act(() => render(<CustomAdapterPreview preview={preview} />, root));
    const text = root.textContent!;
    expect(text).toContain('Proposal (offen)');
    expect(text).toContain('Anruf: Kickoff');
    expect(text).toContain('Betrag (.amount); eine Datensatz-ID in der URL');
  });

  it('leaves nothing in English under a pseudo-locale', () => {
    usePseudoLocale();
    root = document.body.appendChild(document.createElement('div'));
    act(() => render(<CustomAdapterPreview preview={preview} />, root));
    expect(untranslated(root, { data: ['Acme deal', 'crm.example.com', 'deals', 'https', 'Proposal', 'Kickoff', 'amount'] })).toEqual([]);
  });
});

describe('weekly review words', () => {
  const WEEK = periodForDate('week', '2026-03-18', plan({}));
  const rows: ReviewRow[] = [
    { driver: 'calls', label: 'Calls made', thisWeek: 54, lastWeek: 40, target: 50, change: 14, met: true },
    { driver: 'meetings', label: 'Meetings attended', thisWeek: 5, lastWeek: 7, target: 8, change: -2, met: false },
    { driver: 'leads', label: 'Good leads (leads created)', thisWeek: 2, lastWeek: 2, target: 3, change: 0, met: false },
    { driver: 'proposalsSubmitted', label: 'Proposals made', thisWeek: 1, lastWeek: 0, target: 1, change: 1, met: true },
  ];

  it('names the rows as REVIEW_LABELS in English, and in German', () => {
    for (const d of REVIEW_DRIVERS) expect(reviewLabel(d)).toBe(REVIEW_LABELS[d]);
    useLocale('de');
    expect(REVIEW_DRIVERS.map(reviewLabel)).toEqual(['Getätigte Anrufe', 'Besuchte Meetings', 'Gute Leads (angelegte Leads)', 'Erstellte Angebote']);
  });

  it('praises and names the next step in German', () => {
    useLocale('de');
    const { praise, opportunities } = praiseAndOpportunities(rows, 'de-DE');
    expect(praise).toEqual(['Anrufe: 54 bei einem Ziel von 50 – 4 über dem Ziel.', 'Angebote: 1 bei einem Ziel von 1 – genau im Ziel.']);
    expect(opportunities).toEqual([
      'Meetings: 5 bei einem Ziel von 8 – 3 unter dem Ziel. Nächster Schritt: vereinbaren Sie 3 weitere Meetings, indem Sie am Ende jedes erreichten Anrufs danach fragen.',
      'Leads: 2 bei einem Ziel von 3 – 1 unter dem Ziel. Nächster Schritt: legen Sie 1 neuen Lead aus Ihrer Zielkundenliste an.',
    ]);
  });

  it('writes the Markdown copy in German, dates kept ISO', () => {
    useLocale('de');
    const { praise, opportunities } = praiseAndOpportunities(rows, 'de-DE');
    const md = reviewMarkdown(rows, praise, opportunities, '', WEEK, 'de-DE');
    expect(md.split('\n').slice(0, 4)).toEqual([
      `## Wöchentliches 1:1-Review: ${WEEK.startDate} bis 2026-03-22`,
      '',
      '| Kennzahl | Diese Woche | Letzte Woche | Ziel | Veränderung | Ziel erreicht |',
      '| --- | ---: | ---: | ---: | ---: | :---: |',
    ]);
    expect(md).toContain('| Calls made | 54 | 40 | 50 | +14 | Ja |');
    expect(md).toContain('### Lob');
    expect(md).toContain('### Notizen\n\n_Keine Notizen._');
  });

  it('leaves no English word in praise, opportunities or the Markdown under a pseudo-locale', () => {
    usePseudoLocale();
    const { praise, opportunities } = praiseAndOpportunities(rows, 'en-US');
    const md = reviewMarkdown(rows, [], [], '', WEEK, 'en-US');
    const host = document.createElement('div');
    host.textContent = [...praise, ...opportunities, md.replace(/^\| (Calls made|Meetings attended|Good leads \(leads created\)|Proposals made) \|/gm, '|')].join('\n');
    expect(untranslated(host)).toEqual([]);
  });
});

describe('retention choices and site names', () => {
  it('say in English what they said before, and German in German', () => {
    for (const c of RETENTION_CHOICES) expect(retentionLabel(c)).toBe(englishRetentionLabel(c));
    for (const s of Object.keys(SITE_LABELS) as (keyof typeof SITE_LABELS)[]) expect(siteLabel(s)).toBe(SITE_LABELS[s]);
    useLocale('de');
    expect(retentionLabel(null)).toBe('Unbegrenzt behalten');
    expect(retentionLabel(12)).toBe('12 Monate behalten');
    expect(siteLabel('manual')).toBe('Von Hand erfasst');
    expect(siteLabel('custom')).toBe('Ihr CRM');
    expect(siteLabel('salesforce')).toBe('Salesforce');
  });
});

describe('custom CRM editor', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  const mountEditor = async () => {
    root = document.body.appendChild(document.createElement('div'));
    await act(async () => render(<CustomAdapterEditor />, root));
  };
  const typeInto = (id: string, value: string) => act(() => {
    const el = root.querySelector<HTMLInputElement>(`#${id}`)!;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const submit = () => act(() => { root.querySelector<HTMLButtonElement>('button[type=submit]')!.click(); });

  it('labels the selectors and shows each config problem beside its field in German', async () => {
    useLocale('de');
    await mountEditor();
    await typeInto('custom-url', 'crm.example.com/deals');
    await typeInto('custom-sel-closeDate', '1a');
    await submit();
    const labels = [...root.querySelectorAll('label')].map(l => l.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Abschlussdatum', 'Aktivitätszeilen']));
    expect(root.querySelector('#custom-url-error')!.textContent).toBe('Das URL-Muster muss mit https:// beginnen');
    expect(root.querySelector('#custom-name-error')!.textContent).toBe('Geben Sie dem CRM einen Namen.');
    expect(root.querySelector('#custom-sel-closeDate-error')!.textContent).toBe('Der Selektor für „Abschlussdatum“ ist kein gültiges CSS.');
  });

  it('leaves nothing in English under a pseudo-locale, problems shown', async () => {
    usePseudoLocale();
    await mountEditor();
    await typeInto('custom-url', 'https://*/deals/*');
    await typeInto('custom-sel-amount', '9x');
    await submit();
    expect(root.querySelectorAll('.field-error').length).toBeGreaterThanOrEqual(4);
    // The placeholders are examples of what to type (a CRM's name, a URL), not words.
    expect(untranslated(root, { data: ['EspoCRM', 'https', 'crm.example.com', 'Opportunity', 'view'] })).toEqual([]);
  });
});
