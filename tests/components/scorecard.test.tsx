/** @vitest-environment happy-dom */
// The scorecard component in happy-dom: structure and numbers, not the canvas (uPlot is mocked).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scorecard, type ScorecardProps } from '../../components/Scorecard';
import { Sparkline } from '../../components/Sparkline';
import { aggregateUnique } from '../../lib/metrics/aggregate';
import { computeScorecard } from '../../lib/metrics/scorecard';
import type { ActivityEvent } from '../../lib/model';
import { call, deal, ev, lost, plan, won } from '../metrics/make';

const uplot = vi.hoisted(() => ({ created: [] as unknown[], setData: vi.fn(), destroy: vi.fn() }));
vi.mock('uplot', () => ({
  default: class {
    constructor(_opts: unknown, data: unknown, host: HTMLElement) {
      uplot.created.push(data);
      host.append(document.createElement('canvas'));
    }
    setData = uplot.setData;
    destroy = uplot.destroy;
  },
}));

const NOW = new Date('2026-03-16T12:00:00Z');
const P = plan();
const EVENTS: ActivityEvent[] = [
  won('old', '2025-11-10T10:00Z', 20_000),
  call('2026-03-16T09:00Z', 'Connected'),
  call('2026-03-16T10:00Z'),
  call('2026-03-13T10:00Z'),
  ev('meeting', '2026-02-02T14:00Z'),
  won('a', '2026-02-11T00:00Z', 30_000, 'USD', 0.1),
  lost('b', '2026-02-25T00:00Z', 10_000),
];
const DEALS = [deal('a', { status: 'won', stage: 'Closed Won', amount: 30_000, createdAt: '2026-01-01T00:00:00Z' }), deal('c', { stage: 'Qualification', amount: 50_000 })];
const S = computeScorecard(EVENTS, DEALS, P, 'quarter', NOW);
const DAYS = [...aggregateUnique(EVENTS, 'UTC').values()];
const NO_PLAN = computeScorecard([], [], plan({ annual: [{ effectiveFrom: '2020-01-01', annualQuota: 0 }] }), 'quarter', NOW);

let root: HTMLElement;
beforeEach(() => {
  uplot.created.length = 0;
  uplot.setData.mockClear();
  uplot.destroy.mockClear();
  root = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(over: Partial<ScorecardProps> = {}) {
  const props: ScorecardProps = { period: 'quarter', onPeriod: vi.fn(), scorecard: { status: 'ready', value: S }, days: DAYS, locale: 'en-US', ...over };
  act(() => render(<Scorecard {...props} />, root));
  return props;
}
const section = (heading: string) => {
  const h = [...root.querySelectorAll('h3')].find(x => x.textContent === heading);
  if (!h) throw new Error(`no section ${heading}`);
  return h.closest('section')!;
};
const cells = (row: Element | null) => [...(row?.querySelectorAll('th, td') ?? [])].map(c => c.textContent?.trim());

describe('Scorecard', () => {
  it('shows loading and error states explicitly', () => {
    mount({ scorecard: { status: 'loading' } });
    expect(root.querySelector('[aria-busy=true]')?.textContent).toBe('Loading the scorecard…');
    mount({ scorecard: { status: 'error', message: 'disk full' } });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Could not build the scorecard: disk full');
    mount({ scorecard: { status: 'error', message: 'Invalid time zone specified: Not/AZone', failure: 'period' } });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Could not build the scorecard: Your plan cannot place this period: Invalid time zone specified: Not/AZone');
    mount({ scorecard: { status: 'error', message: 'QuotaExceededError', failure: 'plan' } });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Could not build the scorecard: Could not read your plan: QuotaExceededError');
    // The period switcher stays usable in every state.
    expect(root.querySelector('[role=radiogroup][aria-label=Period]')).not.toBeNull();
  });

  it('switches period by radio, keyboard-reachable and labelled', () => {
    const props = mount();
    const radios = [...root.querySelectorAll<HTMLInputElement>('[role=radiogroup] input[type=radio]')];
    expect(radios.map(r => r.parentElement!.textContent)).toEqual(['Week', 'Month', 'Quarter', 'Year']);
    expect(radios.filter(r => r.checked).map(r => r.value)).toEqual(['quarter']);
    act(() => radios[1]!.click());
    expect(props.onPeriod).toHaveBeenCalledWith('month');
  });

  it('renders the goals against the plan in force', () => {
    mount();
    const goals = section('Goals');
    expect(goals.querySelector('caption')?.textContent).toBe('Attainment against the plan in force');
    expect(cells(goals.querySelector('[data-goal=attainment]'))).toEqual(['Attainment', '30% ($30,000 of $100,000)']);
    expect(cells(goals.querySelector('[data-goal=pacing]'))[1]).toMatch(/^Behind by \$[\d,]+$/);
    expect(cells(goals.querySelector('[data-goal=projected]'))[1]).toMatch(/^\$[\d,]+$/);
    expect(cells(goals.querySelector('[data-goal=commission]'))[0]).toBe('Commission estimate');
    expect(goals.querySelectorAll('th[scope=row]')).toHaveLength(4);
  });

  it('teaches what to do without a plan', () => {
    const onOpenOptions = vi.fn();
    mount({ scorecard: { status: 'ready', value: NO_PLAN }, days: [], onOpenOptions });
    const goals = section('Goals');
    expect(goals.textContent).toContain('Set your plan in Options');
    act(() => goals.querySelector('button')!.click());
    expect(onOpenOptions).toHaveBeenCalled();
    expect(section('Drivers').textContent).toContain('No activity yet this period');
  });

  it('renders the KPIs with their change, unknown as such, never NaN', () => {
    mount();
    const kpis = section('KPIs');
    expect([...kpis.querySelectorAll('thead th')].map(th => th.getAttribute('scope'))).toEqual(['col', 'col', 'col']);
    expect(cells(kpis.querySelector('[data-kpi=winRate]'))).toEqual(['Win rate', '50%', '-50 pt']);
    expect(cells(kpis.querySelector('[data-kpi=proposals]'))).toEqual(['Proposals accepted', 'unknown', 'unknown']);
    expect(cells(kpis.querySelector('[data-kpi=discount]'))).toEqual(['Average discount', '10%', 'unknown']);
    expect(cells(kpis.querySelector('[data-kpi=coverage]'))).toEqual(['Pipeline coverage', '0.7×', 'unknown']);
    mount({ scorecard: { status: 'ready', value: NO_PLAN }, days: [] });
    const empty = section('KPIs');
    expect([...empty.querySelectorAll('tbody td')].map(td => td.textContent)).toEqual(Array(10).fill('unknown'));
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('renders each driver against its target, with an accessible sparkline', () => {
    mount();
    const drivers = section('Drivers');
    const rows = [...drivers.querySelectorAll('tbody tr')];
    expect(rows.map(r => r.getAttribute('data-driver'))).toEqual(['calls', 'emails', 'meetings', 'linkedin', 'leads', 'referrals', 'events']);
    expect(cells(rows[0]!).slice(0, 3)).toEqual(['Calls', '3 / 640', 'behind']);
    expect(cells(rows[5]!).slice(0, 3)).toEqual(['Referrals', '0 / no target', '—']);
    const spark = rows[0]!.querySelector('[role=img]')!;
    expect(spark.getAttribute('aria-label')).toBe('Calls per day over 75 days: total 3, best day 2, last day 2');
    expect(uplot.created).toHaveLength(7);
  });

  it('highlights the lowest tier behind and what it takes to catch up', () => {
    mount();
    const pyramid = section('What it takes');
    expect(pyramid.getAttribute('data-tier')).toBe('drivers');
    expect(pyramid.querySelector('[role=note]')?.textContent).toBe('Behind first in Drivers: Calls, Emails, Meetings, LinkedIn, Leads.');
    expect(cells(pyramid.querySelector('tbody tr'))).toEqual(['Quota still to close', '$70,000']);
    expect(pyramid.querySelector('caption')).not.toBeNull();
  });
});

describe('Sparkline', () => {
  it('creates the chart once, feeds new data with setData and destroys it on unmount', () => {
    const a: [number[], number[]] = [[1, 2], [3, 4]];
    const b: [number[], number[]] = [[1, 2], [5, 6]];
    act(() => render(<Sparkline data={a} label="Calls per day" />, root));
    expect(uplot.created).toEqual([a]);
    expect(root.querySelector('[role=img]')?.getAttribute('aria-label')).toBe('Calls per day');
    act(() => render(<Sparkline data={b} label="Calls per day" />, root));
    expect(uplot.created).toHaveLength(1);
    expect(uplot.setData).toHaveBeenLastCalledWith(b);
    act(() => render(null, root));
    expect(uplot.destroy).toHaveBeenCalledTimes(1);
  });
});
