import { describe, expect, it } from 'vitest';
import type { ConversionStep, OverTargetDeal, StageTime } from '../../lib/metrics/kpis';
import { river } from '../../lib/metrics/river';

const over = (id: string, stage: string, days: number, targetDays: number): OverTargetDeal => ({
  id,
  name: id,
  stage,
  stageEnteredAt: '2026-01-01T00:00:00.000Z',
  days,
  targetDays,
  amount: 1000,
  currency: 'USD',
  url: '',
});
const step = (from: string, to: string, rate: number | null): ConversionStep => ({ from, to, reached: 10, advanced: rate === null ? 0 : rate * 10, rate });
const time = (stage: string, median: number | null): StageTime => ({ stage, targetDays: 10, count: median === null ? 0 : 5, mean: median, median, p90: median });
const conversion = [step('Prospecting', 'Qualification', 0.6), step('Qualification', 'Proposal', 0.3), step('Proposal', 'Won', 0.5)];
const times = [time('Prospecting', 5), time('Qualification', 12), time('Proposal', null)];
const targets = { Prospecting: 7, Qualification: 10, Proposal: 14 };

describe('the river', () => {
  it('no open deal past target: no stall, every stage still listed', () => {
    const r = river([], conversion, times, targets);
    expect(r.stage).toBeNull();
    expect(r.deals).toEqual([]);
    expect(r.stages.map(s => s.stage)).toEqual(['Qualification', 'Proposal', 'Prospecting']); // ties: weaker conversion first
  });

  it('the stage with most deals past target, its figures, and its deals oldest first', () => {
    const deals = [over('a', 'Qualification', 12, 10), over('b', 'Proposal', 40, 14), over('c', 'Qualification', 30, 10)];
    const r = river(deals, conversion, times, targets);
    expect(r.stage).toEqual({ stage: 'Qualification', targetDays: 10, overTarget: 2, excessDays: 22, conversion: 0.3, medianDays: 12 });
    expect(r.deals.map(d => d.id)).toEqual(['c', 'a']);
  });

  it.each([
    ['more days past target breaks a tie in count', [over('a', 'Prospecting', 20, 7), over('b', 'Proposal', 15, 14)], 'Prospecting'],
    ['then the weaker conversion', [over('a', 'Prospecting', 8, 7), over('b', 'Qualification', 11, 10)], 'Qualification'],
    ['a stage outside the plan can be the river', [over('a', 'Legal review', 30, 14)], 'Legal review'],
  ])('%s', (_name, deals, stage) => expect(river(deals, conversion, times, targets).stage?.stage).toBe(stage));
});
