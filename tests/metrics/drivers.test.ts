import { describe, expect, it } from 'vitest';
import { countDrivers, earlyStagesOf, emptyDrivers, isConversation, leadsOnDeck, type DriverCounts } from '../../lib/metrics/drivers';
import type { ActivityEvent } from '../../lib/model';
import { call, deal, email, ev, STAGES } from './make';

const week = { from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' };
const drivers = (over: Partial<DriverCounts>): DriverCounts => ({ ...emptyDrivers(), ...over });

describe('countDrivers', () => {
  it.each<[string, ActivityEvent[], DriverCounts]>([
    ['no data', [], emptyDrivers()],
    ['calls, with connected ones as conversations', [call('2026-03-02T10:00Z', 'Connected'), call('2026-03-02T11:00Z', 'Left voicemail'), call('2026-03-02T12:00Z')], drivers({ calls: 3, conversations: 1 })],
    ['emails, with replies as conversations', [email('2026-03-03T10:00Z', 'inbound'), email('2026-03-03T10:00Z', 'outbound'), email('2026-03-03T10:00Z', 'Replied')], drivers({ emails: 3, conversations: 2 })],
    [
      'every driver once',
      [
        ev('meeting', '2026-03-04T10:00Z'),
        ev('linkedin_profile_view', '2026-03-04T10:00Z'),
        ev('linkedin_connect_sent', '2026-03-04T10:00Z'),
        ev('linkedin_message_sent', '2026-03-04T10:00Z'),
        ev('linkedin_inmail_sent', '2026-03-04T10:00Z'),
        ev('lead_created', '2026-03-04T10:00Z'),
        ev('referral_given', '2026-03-04T10:00Z'),
        ev('referral_received', '2026-03-04T10:00Z'),
        ev('event_attended', '2026-03-04T10:00Z'),
        ev('proposal_sent', '2026-03-04T10:00Z'),
      ],
      drivers({ meetings: 1, linkedinViews: 1, linkedinConnects: 1, linkedinMessages: 1, linkedinInmails: 1, leads: 1, referralsGiven: 1, referralsReceived: 1, eventsAttended: 1, proposalsSubmitted: 1 }),
    ],
    ['types that are no driver count for nothing', [ev('deal_won', '2026-03-04T10:00Z'), ev('training', '2026-03-04T10:00Z'), ev('linkedin_connect_accepted', '2026-03-04T10:00Z')], emptyDrivers()],
    ['the period is half-open', [call('2026-03-02T00:00Z'), call('2026-03-09T00:00Z'), call('2026-03-01T23:59:59Z')], drivers({ calls: 1 })],
  ])('%s', (_name, events, expected) => expect(countDrivers(events, week)).toEqual(expected));
});

describe('isConversation', () => {
  it.each([
    ['call', 'Connected', true],
    ['call', 'connected - interested', true],
    ['call', 'Reached', true],
    ['call', 'Spoke with gatekeeper', true],
    ['call', 'Not connected', false],
    ['call', 'No answer', false],
    ['call', 'Left live message', false],
    ['email', 'inbound', true],
    ['email', 'Reply', true],
    ['email', 'outbound', false],
    ['meeting', 'Connected', false],
  ] as const)('%s "%s" → %s', (type, outcome, yes) => expect(isConversation({ type, meta: { outcome } })).toBe(yes));
  it('an unknown outcome is not a conversation', () => expect(isConversation({ type: 'call' })).toBe(false));
});

describe('leads on deck', () => {
  const deals = [
    deal('a', { stage: 'Prospecting', stageEnteredAt: '2026-03-01T00:00:00.000Z' }),
    deal('b', { stage: 'Qualification', stageEnteredAt: '2026-03-03T00:00:00.000Z' }),
    deal('c', { stage: 'Proposal' }),
    deal('d', { stage: 'Prospecting', status: 'lost' }),
  ];
  it('are the open deals in the first third of the pipeline (rounded up), newest first', () => {
    expect(earlyStagesOf(STAGES)).toEqual(['Prospecting', 'Qualification']);
    const r = leadsOnDeck(deals, STAGES);
    expect([r.count, r.deals.map(d => d.id)]).toEqual([2, ['b', 'a']]);
  });
  it('or in the stages given', () => expect(leadsOnDeck(deals, STAGES, ['Proposal']).deals.map(d => d.id)).toEqual(['c']));
  it('none without deals', () => expect(leadsOnDeck([], STAGES).count).toBe(0));
  it.each([
    [[], []],
    [['A'], ['A']],
    [['A', 'B', 'C'], ['A']],
    [['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], ['A', 'B', 'C']],
  ])('the first third of %j is %j', (stages, early) => expect(earlyStagesOf(stages)).toEqual(early));
});
