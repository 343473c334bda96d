/** @vitest-environment happy-dom */
// The river and the achievements in happy-dom: structure, states, links and numbers.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScorecardAchievements } from '../../components/ScorecardAchievements';
import { ScorecardRiver } from '../../components/ScorecardRiver';
import { computeScorecard, type Scorecard } from '../../lib/metrics/scorecard';
import type { ScorecardState } from '../../lib/scorecard-store';
import { call, deal, ev, move, plan, won } from '../metrics/make';

const NOW = new Date('2026-03-16T12:00:00Z');
const P = plan();
const DEALS = [
  deal('a', { name: 'Acme renewal', stage: 'Proposal', stageEnteredAt: '2026-02-01T12:00:00Z', amount: 12_000 }),
  deal('b', { name: 'Beta pilot', stage: 'Proposal', stageEnteredAt: '2026-03-01T12:00:00Z', amount: 3_000, url: 'javascript:alert(1)' }),
  deal('c', { stage: 'Qualification', stageEnteredAt: '2026-03-10T12:00:00Z', amount: 5_000 }),
  deal('x', { name: 'Xeno', stage: 'Closed Won', status: 'won', amount: 9_000 }),
];
const EVENTS = [
  move('x', '2026-01-20T12:00Z', 'Qualification', 'Proposal'),
  move('x', '2026-01-30T12:00Z', 'Proposal', 'Negotiation'),
  won('x', '2026-02-10T12:00Z', 9_000),
  call('2026-03-16T09:00Z'),
];
const FULL = computeScorecard(EVENTS, DEALS, P, 'quarter', NOW);
const EMPTY = computeScorecard([], [], P, 'quarter', NOW);
const FLOWING = computeScorecard([], [deal('c', { stage: 'Qualification', stageEnteredAt: '2026-03-15T12:00:00Z' })], P, 'quarter', NOW);
const NO_TARGETS = computeScorecard([], [], plan({ dailyTargets: {}, weeklyTargets: {} }), 'quarter', NOW);
const onTarget = (day: string) => [
  ...Array.from({ length: 10 }, (_, i) => call(`${day}T0${i % 9}:0${i}Z`)),
  ...Array.from({ length: 8 }, (_, i) => ev('email', `${day}T1${i}:00Z`)),
  ev('meeting', `${day}T19:00Z`),
  ev('meeting', `${day}T20:00Z`),
];
const STREAK = computeScorecard(['2026-03-12', '2026-03-13', '2026-03-16'].flatMap(onTarget), [], P, 'quarter', NOW);

const ready = (value: Scorecard): ScorecardState => ({ status: 'ready', value });

let root: HTMLElement;
beforeEach(() => {
  root = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  render(null, root);
  root.remove();
});
const river = (scorecard: ScorecardState, locale = 'en-US') => act(() => render(<ScorecardRiver scorecard={scorecard} locale={locale} />, root));
const achievements = (scorecard: ScorecardState, extra: { onOpenOptions?: () => void; locale?: string } = {}) =>
  act(() => render(<ScorecardAchievements scorecard={scorecard} locale="en-US" {...extra} />, root));
const cells = (row: Element | null) => [...(row?.querySelectorAll('th, td') ?? [])].map(c => c.textContent?.replace(/\s+/g, ' ').trim());
const text = () => root.textContent?.replace(/\s+/g, ' ') ?? '';

describe.each([
  ['ScorecardRiver', (s: ScorecardState) => river(s), 'Loading the pipeline…', 'Could not build the pipeline: disk full'],
  ['ScorecardAchievements', (s: ScorecardState) => achievements(s), 'Loading your streaks and badges…', 'Could not build your streaks and badges: disk full'],
])('%s states', (_name, mount, loading, error) => {
  it('shows loading explicitly', () => {
    mount({ status: 'loading' });
    expect(root.querySelector('[aria-busy=true]')?.textContent).toBe(loading);
  });
  it('shows an error as an alert', () => {
    mount({ status: 'error', message: 'disk full' });
    expect(root.querySelector('[role=alert]')?.textContent).toBe(error);
  });
  it('is a labelled section', () => {
    mount(ready(FULL));
    const section = root.querySelector('section')!;
    expect(root.querySelector(`#${section.getAttribute('aria-labelledby')}`)?.tagName).toBe('H3');
  });
});

describe('ScorecardRiver', () => {
  it('teaches what to do when there are no open deals', () => {
    river(ready(EMPTY));
    expect(root.querySelector('[data-testid=river-empty]')?.textContent?.trim()).toBe('No open deals yet: open a deal in your CRM and Pacer tracks its stage.');
    expect(root.querySelector('table')).toBeNull();
  });

  it('shows the stages as a flow in a captioned table with counts and values', () => {
    river(ready(FULL));
    expect(root.querySelector('caption')?.textContent).toBe('Open deals by stage, in pipeline order: 3 worth $20,000');
    expect([...root.querySelectorAll('thead th')].map(th => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['Stage', 'col'],
      ['Deals', 'col'],
      ['Value', 'col'],
    ]);
    expect([...root.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['1. Prospecting', '0', '$0'],
      ['2. Qualification', '1', '$5,000'],
      ['3. Proposal Stalls here', '2', '$15,000'],
      ['4. Negotiation', '0', '$0'],
    ]);
  });

  it('flags the stall stage in words, not colour alone', () => {
    river(ready(FULL));
    const labels = [...root.querySelectorAll('[data-testid=stall-label]')];
    expect(labels.map(l => l.textContent)).toEqual(['Stalls here']);
    expect(labels[0]!.closest('tr')?.getAttribute('data-stage')).toBe('Proposal');
    expect(root.querySelector('[data-testid=river-stall] p')?.textContent?.replace(/\s+/g, ' ')).toBe(
      // Proposal was reached by a, b and x; only x moved on: 1 of 3.
      'Deals stall in Proposal: 2 past the 14 d target. Moves on: 33%; median time in stage: 10 d.',
    );
  });

  it('links over-target deals to their CRM in a new tab, oldest first, and never links an unsafe URL', () => {
    river(ready(FULL));
    const list = root.querySelector('ol')!;
    expect(list.getAttribute('aria-label')).toBe('Deals over their target in Proposal, oldest first');
    const items = [...list.querySelectorAll('li')];
    expect(items.map(li => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Acme renewal 43 d in stage, target 14 d', 'Beta pilot 15 d in stage, target 14 d']);
    const links = [...root.querySelectorAll('a')];
    expect(links.map(a => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')])).toEqual([
      ['Acme renewal', 'https://crm.example/a', '_blank', 'noopener'],
    ]);
    expect(root.innerHTML).not.toContain('javascript:');
  });

  it('says when nothing stalls', () => {
    river(ready(FLOWING));
    expect(root.querySelector('[data-testid=river-flowing]')?.textContent?.trim()).toBe("Nothing stalls: every open deal is within its stage's target.");
    expect(root.querySelector('[data-testid=stall-label]')).toBeNull();
    expect(root.querySelector('a')).toBeNull();
  });

  it('formats numbers for the locale', () => {
    river(ready(FULL), 'de-DE');
    expect(root.querySelectorAll('tr[data-stage=Proposal] td')[1]?.textContent).toBe('15.000\u00a0$');
  });

  it('uses theme variables and no fixed widths', () => {
    river(ready(FULL));
    expect(root.innerHTML).toContain('var(--bad)');
    expect(root.innerHTML).not.toMatch(/#[0-9a-f]{3,6}\b|width:\s*\d{3,}px/i);
  });
});

describe('ScorecardAchievements', () => {
  it('teaches how to start a streak, and shows badges and personal bests', () => {
    achievements(ready(FULL));
    expect(root.querySelector('[data-testid=streak]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Daily streak: 0 days. Hit your daily targets on consecutive working days to start a streak. Best so far: 0.',
    );
    expect([...root.querySelectorAll('ul[aria-label="Badges earned"] li')].map(li => li.textContent?.replace(/\s+/g, ' '))).toEqual([
      'First deal won earned Feb 10, 2026',
    ]);
    expect(root.querySelector('table caption')?.textContent).toBe('Personal bests');
    expect([...root.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['Most calls in a day', '1on Mar 16, 2026'],
      ['Most calls in a week', '1week of Mar 16, 2026'],
      ['Best weekly score', '1week of Mar 16, 2026'],
      ['Biggest deal won', '$9,000Xeno, Feb 10, 2026'],
    ]);
  });

  it('shows a running streak', () => {
    achievements(ready(STREAK));
    expect(root.querySelector('[data-testid=streak]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '3 working days in a row on target (best 3; today met)',
    );
  });

  it('has empty states for badges and bests, with unknowns explicit', () => {
    achievements(ready(EMPTY));
    expect(root.querySelector('[data-testid=badges-empty]')?.textContent).toContain('No badges yet');
    expect([...root.querySelectorAll('tbody tr')].map(r => cells(r)[1])).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(text()).not.toMatch(/NaN|Infinity/);
  });

  it('without targets, says so and offers the Options page', () => {
    const onOpenOptions = vi.fn();
    achievements(ready(NO_TARGETS), { onOpenOptions });
    const streak = root.querySelector('[data-testid=streak]')!;
    expect(streak.textContent).toContain('Daily streak: unknown. Set daily or weekly targets in Options');
    expect(streak.textContent).toContain('Hit your daily targets on consecutive working days to start a streak.');
    const button = streak.querySelector('button')!;
    expect(button.getAttribute('type')).toBe('button');
    act(() => button.click());
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });
});
