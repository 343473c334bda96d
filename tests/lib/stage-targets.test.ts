import { describe, expect, it } from 'vitest';
import { FALLBACK_STAGE_DAYS, paceAgainst, stageTargetDays } from '../../lib/metrics/stage-targets';

describe('stage targets', () => {
  it.each([
    ['Prospecting', 7],
    ['Qualification', 10],
    ['Needs Analysis', 14],
    ['Value Proposition', 14],
    ['Id. Decision Makers', 10],
    ['Proposal/Price Quote', 14],
    ['Negotiation/Review', 21],
    ['Appointment scheduled', 7], // HubSpot's default pipeline
    ['Contract sent', 21],
    ['Something custom', FALLBACK_STAGE_DAYS],
  ])('%s defaults to %i days', (stage, days) => expect(stageTargetDays(stage)).toBe(days));

  it('a configured target wins, a nonsensical one does not', () => {
    expect(stageTargetDays('Qualification', { Qualification: 3 })).toBe(3);
    expect(stageTargetDays('Qualification', { Qualification: -1 })).toBe(10);
    expect(stageTargetDays('Qualification', { Qualification: Number.NaN })).toBe(10);
  });

  it.each([
    [0, 10, 'ok'],
    [7, 10, 'ok'],
    [7.5, 10, 'near'],
    [9, 10, 'near'],
    [10, 10, 'over'],
    [30, 10, 'over'],
  ] as const)('%s days against %s is %s', (days, target, pace) => expect(paceAgainst(days, target)).toBe(pace));
});
