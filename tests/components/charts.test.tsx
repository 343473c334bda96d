/** @vitest-environment happy-dom */
// The scorecard's charts in happy-dom: what a screen reader gets (caption, summary, the
// hidden table) and the columns handed to uPlot; the canvas itself is uPlot's (mocked).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Charts, stackedActivityData, type ChartsProps } from '../../components/Charts';
import { ThisPage } from '../../components/ThisPage';
import { aggregateUnique } from '../../lib/metrics/aggregate';
import { wonDeals, weeklyActivity } from '../../lib/metrics/charts';
import { whatThisDealEarns } from '../../lib/metrics/commission';
import { computeScorecard } from '../../lib/metrics/scorecard';
import type { ActivityEvent } from '../../lib/model';
import { activityChartView, bookingsChartView, cyclesChartView, earningsView } from '../../lib/scorecard-extras';
import { call, deal, ev, plan, won } from '../metrics/make';

const uplot = vi.hoisted(() => ({ made: [] as { opts: { series: { label?: string }[] }; data: unknown[][] }[], setData: vi.fn(), destroy: vi.fn() }));
vi.mock('uplot', () => {
  class FakePlot {
    static paths = { bars: () => () => null };
    constructor(opts: never, data: unknown[][], host: HTMLElement) {
      uplot.made.push({ opts, data });
      host.append(document.createElement('canvas'));
    }
    setData = uplot.setData;
    destroy = uplot.destroy;
  }
  return { default: FakePlot };
});

const NOW = new Date('2026-03-16T12:00:00Z'); // a Monday in Q1 2026
const P = plan(); // 400k a year: 100k in Q1
const EVENTS: ActivityEvent[] = [
  call('2026-03-16T09:00Z', 'Connected'),
  call('2026-03-10T09:00Z'),
  call('2026-03-10T10:00Z'),
  ev('email', '2026-03-11T09:00Z'),
  ev('meeting', '2026-02-02T14:00Z'),
  won('a', '2026-02-11T00:00Z', 30_000),
  won('b', '2026-03-02T00:00Z', 10_000),
];
const DEALS = [
  deal('a', { status: 'won', stage: 'Closed Won', amount: 30_000, createdAt: '2026-01-01T00:00:00Z' }),
  deal('b', { status: 'won', stage: 'Closed Won', amount: 10_000, createdAt: '2026-02-20T00:00:00Z' }),
  deal('c', { stage: 'Proposal', amount: 50_000 }),
];
const S = computeScorecard(EVENTS, DEALS, P, 'quarter', NOW);
const DAYS = [...aggregateUnique(EVENTS, 'UTC').values()];
const WINS = wonDeals(EVENTS, DEALS, P);

let root: HTMLElement;
beforeEach(() => {
  uplot.made.length = 0;
  root = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(over: Partial<ChartsProps> = {}) {
  act(() => render(<Charts scorecard={{ status: 'ready', value: S }} days={DAYS} wins={WINS} plan={P} locale="en-US" {...over} />, root));
}
const figure = (id: string) => root.querySelector(`figure[data-chart=${id}]`)!;
const rowValues = (id: string, key: string) => JSON.parse(figure(id).querySelector(`tr[data-key="${key}"]`)!.getAttribute('data-values')!);

describe('Charts', () => {
  it('shows loading and error states explicitly', () => {
    mount({ scorecard: { status: 'loading' } });
    expect(root.querySelector('[aria-busy=true]')?.textContent).toBe('Loading the charts…');
    mount({ scorecard: { status: 'error', message: 'disk full' } });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Could not draw the charts: disk full');
  });

  it('labels each figure with its title and summary, and hides the canvas from screen readers', () => {
    mount();
    const figures = [...root.querySelectorAll('figure.chart')];
    expect(figures.map(f => f.getAttribute('data-chart'))).toEqual(['activity', 'bookings', 'cycles']);
    for (const f of figures) {
      const title = root.querySelector(`#${f.getAttribute('aria-labelledby')}`)?.textContent;
      const summary = root.querySelector(`#${f.getAttribute('aria-describedby')}`)?.textContent;
      expect(title).toBeTruthy();
      expect(summary).toMatch(/\d/);
      expect(f.querySelector('.chart-canvas')?.getAttribute('aria-hidden')).toBe('true');
      expect(f.querySelector('.sr-only table caption')?.textContent).toBeTruthy();
    }
    expect(figure('bookings').querySelector('[data-testid=chart-summary]')?.textContent).toBe(
      'Booked $40,000 of the $100,000 quota (40%); at this run rate, $48,762 by Mar 31.',
    );
    expect(figure('cycles').querySelector('[data-testid=chart-summary]')?.textContent).toBe('2 deals won this period: median 25.5 d; most took 7–14 d (1).');
    expect(root.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('hands uPlot the same numbers the table reads', () => {
    mount();
    expect(uplot.made).toHaveLength(3);
    const [activity, bookings, cycles] = uplot.made;
    // This week (16 March): one call. The week before: two calls and an email.
    expect(rowValues('activity', '2026-03-16')).toEqual([1, 0, 0, 0, 0, 1]);
    expect(rowValues('activity', '2026-03-09')).toEqual([2, 1, 0, 0, 0, 3]);
    // Stacked: the tallest series (every type) first, calls alone last.
    const weeks = activity!.data[0]!.length;
    expect(activity!.data.at(1)!.at(weeks - 2)).toBe(3);
    expect(activity!.data.at(-1)!.at(weeks - 2)).toBe(2);
    expect(activity!.opts.series.map(s => s.label)).toEqual([undefined, 'Leads, referrals, events, proposals', 'LinkedIn', 'Meetings', 'Emails', 'Calls']);
    expect(rowValues('bookings', '2026-03-16')).toEqual([40_000, expect.closeTo(1_562.5 * 53, 1), 40_000]);
    expect(bookings!.data.map(col => col.length)).toEqual([90, 90, 90, 90]);
    // Cycles of 10 days (b) and 41 days (a): weekly bins up to 42 days.
    expect(cycles!.data).toEqual([[0, 1, 2, 3, 4, 5], [0, 1, 0, 0, 0, 1]]);
  });

  it('teaches what to do when nothing is there yet', () => {
    mount({ days: [], wins: [] });
    expect(figure('activity').querySelector('[data-testid=chart-summary]')?.textContent).toContain('No activity in these');
    expect(figure('cycles').querySelector('[data-testid=chart-summary]')?.textContent).toContain('No deal won this period');
    // No bins, no canvas: the words are the chart.
    expect(figure('cycles').querySelector('.chart-canvas')).toBeNull();
  });
});

describe('chart views', () => {
  it('formats numbers for the locale', () => {
    const weeks = ['2026-03-09'];
    const view = activityChartView(weeklyActivity([{ day: '2026-03-10', counts: { call: 1234 }, conversations: 0, wonHundredths: {}, lostHundredths: {}, wonUnknownAmounts: 0, lostUnknownAmounts: 0 }], weeks, 'UTC'), 'de-DE');
    expect(view.table.rows[0]!.cells[0]).toBe('1.234');
    expect(view.table.rows[0]!.label).toBe('9. März');
  });
  it('stacks activity bottom-up', () => {
    const c = weeklyActivity(DAYS, ['2026-03-09', '2026-03-16'], 'UTC');
    expect(stackedActivityData(c).slice(1)).toEqual([[3, 1], [3, 1], [3, 1], [3, 1], [2, 1]]);
  });
  it('says a closed period has no projection left', () => {
    const q = cyclesChartView({ binWidth: 7, bins: [], count: 0, median: null });
    expect(q.table.rows).toEqual([]);
    const done = bookingsChartView({ dates: ['2026-03-31'], x: [0], actual: [5], quota: [10], projection: [5], booked: 5, quotaTotal: 10, projected: 5, leftOut: 1 }, 'USD', '2026-04-02', 'en-US');
    expect(done.summary).toBe('Booked $5 of the $10 quota (50%). 1 won deal without an amount or exchange rate not in the line.');
  });
});

describe('ThisPage: what closing the deal earns', () => {
  const state = { kind: 'deal' as const, site: 'salesforce' as const, url: 'https://x.lightning.force.com/o', dealId: 'c', health: { ok: true, missing: [] } };
  const show = (earnings: Parameters<typeof ThisPage>[0]['earnings']) =>
    act(() => render(<ThisPage page={{ url: state.url, state: state as never }} deal={{ status: 'ready', value: DEALS[2]! }} touches={[]} now={NOW} earnings={earnings} />, root));

  it('shows the extra commission, the expected value and attainment after', () => {
    const e = whatThisDealEarns(DEALS[2]!, P, { attained: S.commission.result.attained, quota: S.commission.result.quota });
    const view = earningsView(e, 'USD', 'en-US')!;
    show(view);
    const row = root.querySelector('[data-testid=deal-earns]')!;
    expect(row.querySelector('th')?.textContent).toBe('Closing it earns');
    expect(row.querySelector('td')?.textContent).toBe(
      `${view.earns}${view.expected}${view.after}`,
    );
    expect(view.earns).toMatch(/^\$[\d,]+$/);
    expect(view.after).toBe('attainment would reach 90%');
  });
  it('shows the adapter health of the page: all read, or what is missing', () => {
    show(null);
    expect(root.querySelector('[data-testid=adapter-health]')?.textContent).toBe('✓ Salesforce: Pacer reads this page.');
    const partial = { ...state, health: { ok: false, missing: ['amount', 'close date'] } };
    act(() => render(<ThisPage page={{ url: state.url, state: partial as never }} deal={{ status: 'ready', value: DEALS[2]! }} touches={[]} now={NOW} earnings={null} />, root));
    const health = root.querySelector('[data-testid=adapter-health]')!;
    expect(health.getAttribute('role')).toBe('status');
    expect(health.textContent).toBe('Salesforce: this page is read in part (no amount, no close date found).');
  });
  it('says why it is unknown, and says nothing for a closed deal', () => {
    expect(earningsView({ dealId: 'c', amount: null, earns: null, expected: null, probability: 0.5, attainmentAfter: null, reason: 'no amount' }, 'USD')).toEqual({
      earns: 'unknown',
      reason: 'the deal shows no amount',
      expected: null,
      after: null,
    });
    expect(earningsView({ dealId: 'c', amount: null, earns: null, expected: null, probability: null, attainmentAfter: null, reason: 'not open' }, 'USD')).toBeNull();
    show(undefined);
    expect(root.querySelector('[data-testid=deal-earns] td')?.textContent).toBe('working it out…');
    show(null);
    expect(root.querySelector('[data-testid=deal-earns]')).toBeNull();
  });
});
