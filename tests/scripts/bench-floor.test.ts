/** @vitest-environment node */
// The benchmark's floor (scripts/bench/floor.ts) is only a floor if it computes the same
// scorecard as the product: every number, on the bench's own kind of data, in either
// order of the events, against both the raw-event path and the side panel's path.
import { describe, expect, test } from 'vitest';
import { applyEvents, createAggregates } from '../../lib/metrics/aggregate';
import { dealHistoryOf } from '../../lib/metrics/deal-history';
import { computeScorecard, scorecardFromAggregates } from '../../lib/metrics/scorecard';
import { differences } from '../../scripts/bench/compare';
import { generate } from '../../scripts/bench/data';
import { floorColumns, floorScorecard } from '../../scripts/bench/floor';
import { Rng } from '../../scripts/bench/prng';

const small = (seed: number) => generate({ events: 40_000, deals: 2_000, seed });

describe('the floor computes the scorecard the side panel shows', () => {
  test.each([1, 2, 3])('seed %i: equal to computeScorecard and to the side panel path, in time and in random order', seed => {
    const { events, deals, plan, now } = small(seed);
    const reference = computeScorecard(events, deals, plan, 'quarter', now);
    const state = createAggregates(plan.timeZone);
    applyEvents(state, events);
    const history = dealHistoryOf(events);
    const byId = [...history.rows.values()].sort((a, b) => (a.dealId < b.dealId ? -1 : 1));
    const panel = scorecardFromAggregates([...state.days.values()], { rows: byId, codes: history.codes.names, trainings: events.filter(e => e.type === 'training') }, deals, plan, 'quarter', now);
    expect(differences(panel, reference)).toEqual([]);

    expect(differences(floorScorecard(floorColumns(events, deals, plan, now)), reference)).toEqual([]);
    const shuffled = new Rng(seed).shuffle([...events]);
    expect(differences(floorScorecard(floorColumns(shuffled, [...deals].reverse(), plan, now)), reference)).toEqual([]);
    // The scorecard shows numbers in every part: a floor that skipped one would be caught.
    expect(reference.current.timeInStage.some(s => s.count > 0)).toBe(true);
    expect(reference.current.salesCycle.count).toBeGreaterThan(0);
    expect(reference.trainingRoi.length).toBeGreaterThan(0);
    expect(reference.badges.length).toBeGreaterThan(0);
    expect(reference.overTarget.length).toBeGreaterThan(0);
  }, 60_000);

  test('a floor that gets one number wrong does not pass the check', () => {
    const { events, deals, plan, now } = small(4);
    const reference = computeScorecard(events, deals, plan, 'quarter', now);
    const floor = floorScorecard(floorColumns(events, deals, plan, now));
    floor.current.timeInStage[2]!.p90 = (floor.current.timeInStage[2]!.p90 ?? 0) + 0.5;
    expect(differences(floor, reference)).toEqual([`$.current.timeInStage[2].p90: ${floor.current.timeInStage[2]!.p90} vs ${reference.current.timeInStage[2]!.p90}`]);
  }, 60_000);
});
