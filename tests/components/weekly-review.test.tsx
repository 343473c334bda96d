/** @vitest-environment happy-dom */
// The weekly 1:1 review component in happy-dom: table, lists, copy and notes.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WeeklyReview, type WeeklyReviewProps } from '../../components/WeeklyReview';
import { emptyDay } from '../../lib/metrics/aggregate';
import { periodForDate } from '../../lib/metrics/periods';
import { praiseAndOpportunities, reviewMarkdown, weeklyReview } from '../../lib/review';
import { plan } from '../metrics/make';

const P = plan({ weeklyTargets: { calls: 50, meetings: 8, proposalsSubmitted: 2 } });
const WEEK = periodForDate('week', '2026-03-18', P);
const ROWS = weeklyReview(
  [{ ...emptyDay('2026-03-16'), counts: { call: 54, meeting: 5, lead_created: 3, proposal_sent: 2 } }],
  [{ ...emptyDay('2026-03-10'), counts: { call: 40, meeting: 7 } }],
  P,
  WEEK,
);
const { praise: PRAISE, opportunities: OPPS } = praiseAndOpportunities(ROWS, 'en-US');

let host: HTMLDivElement;
let onNotesChange: ReturnType<typeof vi.fn<(notes: string) => void>>;
let writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;

function mount(over: Partial<WeeklyReviewProps> = {}) {
  act(() => {
    render(
      <WeeklyReview period={WEEK} rows={ROWS} praise={PRAISE} opportunities={OPPS} notes="" onNotesChange={onNotesChange} locale="en-US" {...over} />,
      host,
    );
  });
}
const cells = (tr: Element) => [...tr.children].map(c => c.textContent);
const listUnder = (heading: string) => [...host.querySelector(`section[aria-labelledby="${heading}"]`)!.querySelectorAll('li')].map(li => li.textContent);

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  onNotesChange = vi.fn<(notes: string) => void>();
  writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('WeeklyReview', () => {
  it('renders one row per measure with this week, last week, target and change', () => {
    mount();
    const table = host.querySelector('table')!;
    // The week's dates in the reader's locale (the Markdown keeps ISO dates).
    expect(table.querySelector('caption')!.textContent!.replace(/\u2009/g, ' ')).toContain('Mar 16 – 22, 2026');
    expect([...table.querySelectorAll('thead th')].every(th => th.getAttribute('scope') === 'col')).toBe(true);
    const body = [...table.querySelectorAll('tbody tr')];
    expect(body.map(tr => tr.querySelector('th')!.getAttribute('scope'))).toEqual(['row', 'row', 'row', 'row']);
    expect(body.map(cells)).toEqual([
      ['Calls made', '54 (target met)', '40', '50', '+14'],
      ['Meetings attended', '5 (below target)', '7', '8', '−2'],
      ['Good leads (leads created)', '3', '0', '—', '+3'],
      ['Proposals made', '2 (target met)', '0', '2', '+2'],
    ]);
  });

  it('lists praise and opportunities', () => {
    mount();
    expect(listUnder('review-praise')).toEqual([
      'Calls: 54 against a target of 50 — ahead by 4.',
      'Proposals: 2 against a target of 2 — right on target.',
    ]);
    expect(listUnder('review-opportunities')).toEqual([
      'Meetings: 5 against a target of 8 — short by 3. Next step: book 3 more meetings by asking for one at the end of every connected call.',
    ]);
  });

  it('says so when a list is empty', () => {
    mount({ praise: [], opportunities: [] });
    expect(host.textContent).toContain('No target beaten yet this week.');
    expect(host.textContent).toContain('Nothing behind target.');
  });

  it('copies the review as Markdown, with the notes typed so far, and says Copied.', async () => {
    mount({ notes: 'Saved earlier.' });
    const button = [...host.querySelectorAll('button')].find(b => b.textContent === 'Copy as Markdown')!;
    expect(host.querySelector('[role=status]')!.textContent).toBe('');
    await act(async () => button.click());
    expect(writeText).toHaveBeenCalledWith(reviewMarkdown(ROWS, PRAISE, OPPS, 'Saved earlier.', WEEK, 'en-US'));
    expect(host.querySelector('[role=status]')!.textContent).toBe('Copied.');
  });

  it('reports a refused clipboard as an alert', async () => {
    writeText.mockRejectedValue(new Error('Document is not focused.'));
    mount();
    await act(async () => [...host.querySelectorAll('button')].find(b => b.textContent === 'Copy as Markdown')!.click());
    expect(host.querySelector('[role=alert]')!.textContent).toBe('Could not copy: Document is not focused.');
  });

  it('labels the notes field and reports each edit', () => {
    mount({ notes: 'Saved earlier.' });
    const label = [...host.querySelectorAll('label')].find(l => l.textContent === 'Notes for this week')!;
    const textarea = host.querySelector<HTMLTextAreaElement>(`#${label.getAttribute('for')}`)!;
    expect(textarea.tagName).toBe('TEXTAREA');
    expect(textarea.value).toBe('Saved earlier.');
    act(() => {
      textarea.value = 'Ask about Acme.';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onNotesChange).toHaveBeenCalledWith('Ask about Acme.');
  });

  it('hides the buttons when printing', () => {
    mount();
    const css = host.querySelector('style')!.textContent!;
    expect(css).toMatch(/@media print \{[\s\S]*button[^{]*\{ display: none !important; \}/);
    expect(css).toMatch(/@media print \{[\s\S]*background: #fff !important; color: #000 !important/);
  });
});
