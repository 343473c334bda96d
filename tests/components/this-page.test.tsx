/** @vitest-environment happy-dom */
// The side panel's "This page" in English, German and under a pseudo-locale (issue #9,
// item 6): every word through t() or data from the page, and the health of a page read
// in part named in the interface's language.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThisPage, type ThisPageProps } from '../../components/ThisPage';
import { EVENT_LABEL_ONE } from '../../lib/labels';
import { touchLabel } from '../../lib/touch-labels';
import type { PageState } from '../../lib/messages';
import type { ActivityEvent, DealSnapshot } from '../../lib/model';
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

const NOW = new Date('2026-11-27T12:00:00Z');
const DEAL: DealSnapshot = {
  id: 'salesforce:006A',
  name: 'Acme renewal',
  stage: 'Negotiation',
  stageEnteredAt: '2026-11-20T12:00:00Z',
  createdAt: '2026-10-28T12:00:00Z',
  amount: 48000,
  currency: 'EUR',
  closeDate: '2027-01-11',
  status: 'open',
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006A/view',
  lastSeenAt: '2026-11-27T11:00:00Z',
};
const TOUCHES: ActivityEvent[] = [
  { id: 't1', type: 'call', at: '2026-11-26T09:30:00Z', site: 'salesforce', url: '', capturedAt: '2026-11-26T09:31:00Z', meta: { subject: 'Pricing follow-up' } },
  { id: 't2', type: 'training', at: '2026-11-25T09:30:00Z', site: 'manual', url: '', capturedAt: '2026-11-25T09:31:00Z' },
];
const dealState = (missing: string[] = []): PageState => ({
  site: 'salesforce', url: DEAL.url, kind: 'deal', dealId: DEAL.id, health: { ok: missing.length === 0, missing }, readAt: NOW.toISOString(),
});

function show(props: Partial<ThisPageProps> & Pick<ThisPageProps, 'page'>) {
  act(() => {
    render(<ThisPage deal={{ status: 'ready', value: DEAL }} touches={TOUCHES} now={NOW} earnings={null} {...props} />, root);
  });
  return root.textContent ?? '';
}

/** The words that are data here: the deal, the touch's subject, the person, brand names. */
const DATA = ['Acme renewal', 'Negotiation', 'Pricing follow-up', 'Salesforce', 'LinkedIn', 'Dana Scully', 'Head of Sales', 'Globex'];
/** Month abbreviations Intl writes in dates ("Nov 26"). */
const isMonth = (w: string) => /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/.test(w) || /^(AM|PM)$/.test(w);

describe('ThisPage in English (unchanged)', () => {
  it('names what a page read in part lacks, and why a page cannot be read', () => {
    expect(show({ page: { state: dealState(['activity timeline', 'Stage History date']) } })).toContain(
      'Salesforce: this page is read in part (no activity timeline, no Stage History date found).',
    );
    expect(show({ page: { state: { ...dealState(['Path', 'record name']), kind: 'unknown' } } })).toBe("Salesforce: can't read this page (no Path, no record name found).");
    expect(show({ page: { state: { ...dealState(), kind: 'unknown' } } })).toBe("Salesforce: can't read this page.");
  });

  it('words a LinkedIn list page from its counts', () => {
    const li = (listDetail: PageState['listDetail']): PageState => ({ site: 'linkedin', url: 'https://www.linkedin.com/messaging/', kind: 'list', listDetail, health: { ok: true, missing: [] }, readAt: '' });
    expect(show({ page: { state: li({ what: 'conversations', count: 1 }) } })).toBe('LinkedIn: 1 conversation open; messages you send are counted, never their text.');
    expect(show({ page: { state: li({ what: 'invitations', count: 4, direction: 'sent' }) } })).toBe('LinkedIn: 4 sent invitations on this page.');
    expect(show({ page: { state: li({ what: 'people', count: 10 }) } })).toBe('LinkedIn: 10 people on this page.');
    expect(show({ page: { state: li({ what: 'people', count: 1 }) } })).toBe('LinkedIn: 1 person on this page.');
    const list = (rows: number): PageState => ({ ...dealState(), kind: 'list', rows });
    expect(show({ page: { state: list(1) } })).toContain('Salesforce: 1 deal on this page, kept up to date in Pacer.');
    expect(show({ page: { state: list(12) } })).toContain('Salesforce: 12 deals on this page, kept up to date in Pacer.');
  });

  it('shows a deal with its days, amount, status and touches', () => {
    const text = show({ page: { state: dealState() } });
    expect(text).toContain('Salesforce: Pacer reads this page.');
    expect(text).toContain('In stage7d');
    expect(text).toContain('Cycle30d');
    expect(text).toContain('StatusOpen');
    expect(text).toContain('Call: Pricing follow-up (Salesforce)');
    expect(text).toContain('Training (Logged by hand)');
  });
});

describe('touch names', () => {
  it('are EVENT_LABEL_ONE in English, and German in German', () => {
    for (const [type, label] of Object.entries(EVENT_LABEL_ONE)) expect(touchLabel(type as keyof typeof EVENT_LABEL_ONE)).toBe(label);
    useLocale('de');
    expect(touchLabel('linkedin_connect_sent')).toBe('Kontaktanfrage gesendet');
  });
});

describe('ThisPage in German', () => {
  it('shows the deal rows, status, days and the health in German', () => {
    useLocale('de');
    const text = show({ page: { state: dealState(['activity timeline']) } });
    expect(text).toContain('Salesforce: Diese Seite wird nur teilweise gelesen (Aktivitätszeitachse nicht gefunden).');
    expect(text).toContain('In Phase7 T');
    expect(text).toContain('Zyklus30 T');
    expect(text).toContain('StatusOffen');
    expect(text).toContain('(Von Hand erfasst)');
    expect(text).toContain('Anruf: Pricing follow-up (Salesforce)');
    expect(text).toContain('Schulung (Von Hand erfasst)');
    expect(root.querySelector('caption')!.textContent).toBe('Letzte Kontakte, neueste zuerst');
  });

  it('says why a page cannot be read, naming each missing part in German', () => {
    useLocale('de');
    expect(show({ page: { state: { ...dealState(['Path', 'record name']), kind: 'unknown' } } })).toBe(
      'Salesforce: Diese Seite kann nicht gelesen werden (Pfad, Datensatzname nicht gefunden).',
    );
  });

  it('counts deals on a list and people on a LinkedIn page by German plural rules', () => {
    useLocale('de');
    const list = (rows: number): PageState => ({ ...dealState(), kind: 'list', rows });
    expect(show({ page: { state: list(1) } })).toContain('Salesforce: 1 Deal auf dieser Seite, in Pacer aktuell gehalten.');
    expect(show({ page: { state: list(12) } })).toContain('Salesforce: 12 Deals auf dieser Seite');
    const li: PageState = { site: 'linkedin', url: '', kind: 'list', listDetail: { what: 'invitations', count: 1, direction: 'received' }, health: { ok: true, missing: [] }, readAt: '' };
    expect(show({ page: { state: li } })).toBe('LinkedIn: 1 erhaltene Einladung auf dieser Seite.');
  });
});

describe('ThisPage under a pseudo-locale: nothing left in English', () => {
  const states: [string, Partial<ThisPageProps> & Pick<ThisPageProps, 'page'>][] = [
    ['no page', { page: {} }],
    ['a deal read in part, with earnings being worked out', { page: { state: dealState(['activity timeline', 'deals list column: stage']) }, earnings: undefined }],
    ['a deal without amount or close date', { page: { state: dealState() }, deal: { status: 'ready', value: { ...DEAL, amount: null, closeDate: undefined, status: 'won' } } }],
    ['a deal loading', { page: { state: dealState() }, deal: { status: 'loading' } }],
    ['a deal that failed to load', { page: { state: dealState() }, deal: { status: 'error', message: 'QuotaExceededError' } }],
    ['a page that cannot be read', { page: { state: { ...dealState(['opportunity record URL']), kind: 'unknown' } } }],
    ['a list', { page: { state: { ...dealState(), kind: 'list', rows: 3 } } }],
    ['a LinkedIn messaging page', { page: { state: { site: 'linkedin', url: '', kind: 'list', listDetail: { what: 'conversations', count: 2 }, health: { ok: true, missing: [] }, readAt: '' } } }],
    ['a person with no touches', {
      page: { state: { site: 'hubspot', url: '', kind: 'person', personId: 'hubspot:1', person: { name: 'Dana Scully', title: 'Head of Sales', company: 'Globex', recordType: 'contact' }, health: { ok: true, missing: [] }, readAt: '' } },
      touches: [],
    }],
  ];
  it.each(states)('%s', (_name, props) => {
    usePseudoLocale();
    show(props);
    expect(untranslated(root, { data: [...DATA, 'QuotaExceededError'], isData: isMonth })).toEqual([]);
  });
});
