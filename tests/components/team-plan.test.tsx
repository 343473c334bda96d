/** @vitest-environment happy-dom */
// The manager's "Team plan" page: what a quota revision and an allocation must be before
// they are sent, how the allocations add up against the team's quota, and what the page
// says and sends (the server calls are recorded, not faked answers about the numbers).
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TeamPlanView, type TeamPlanViewProps } from '../../components/TeamPlan';
import { defaultPlan, type Plan } from '../../lib/metrics/plan';
import type { TeamPlanAnswer } from '../../lib/sync-client';
import { allocationSum, allocationSumText, checkAllocation, checkQuotaDraft, rosterOf, teamPlanWithRevision, type QuotaDraft } from '../../lib/team-plan';

const TEAM_PLAN: Plan = { ...defaultPlan('UTC'), currency: 'USD', annual: [{ effectiveFrom: '2026-01-01', annualQuota: 1_000_000 }], weeklyTargets: { calls: 70 } };
const draft = (annual: string, quarters: QuotaDraft['quarters'] = ['', '', '', ''], effectiveFrom = '2026-07-01'): QuotaDraft => ({ effectiveFrom, annual, quarters });
const money = (n: number) => `$${n.toLocaleString('en-US')}`;

describe('a quota revision as typed', () => {
  it('is accepted with or without a quarterly split, the split adding up to the year', () => {
    expect(checkQuotaDraft(draft('1,200,000'))).toEqual({ ok: true, revision: { effectiveFrom: '2026-07-01', annualQuota: 1_200_000 } });
    expect(checkQuotaDraft(draft('1200000', ['300000', '300,000', '250000', '350000']))).toEqual({
      ok: true, revision: { effectiveFrom: '2026-07-01', annualQuota: 1_200_000, quarterQuotas: [300_000, 300_000, 250_000, 350_000] },
    });
  });

  it('is refused with a message on the field that is wrong', () => {
    const check = (d: QuotaDraft) => {
      const c = checkQuotaDraft(d);
      return c.ok ? 'accepted' : c.errors;
    };
    expect(check(draft(''))).toEqual({ annual: 'Enter the annual quota.' });
    expect(check(draft('1.2m'))).toEqual({ annual: '"1.2m" is not a number.' });
    expect(check(draft('-5'))).toEqual({ annual: 'The annual quota cannot be negative.' });
    expect(check(draft('100', ['1', '2', '', '4']))).toEqual({ quarters: expect.stringMatching(/^Enter all four quarter quotas .*\(Q3 is empty\)/) });
    expect(check(draft('100', ['25', '25', '25', 'x']))).toEqual({ quarters: expect.stringContaining('(Q4 is "x")') });
    expect(check(draft('1000', ['100', '100', '100', '100']))).toEqual({ quarters: 'The quarter quotas add up to 400, not the annual quota of 1,000.' });
    expect(check(draft('1000', ['', '', '', ''], '2026-02-30'))).toEqual({ effectiveFrom: expect.stringContaining('"2026-02-30" is not a date') });
  });

  it("becomes a new team plan revision that keeps the rest of the team's plan and its earlier quotas", () => {
    const next = teamPlanWithRevision(TEAM_PLAN, draft('1,500,000'));
    expect(next.ok && next.effectiveFrom).toBe('2026-07-01');
    expect(next.ok && next.plan.annual).toEqual([{ effectiveFrom: '2026-01-01', annualQuota: 1_000_000 }, { effectiveFrom: '2026-07-01', annualQuota: 1_500_000 }]);
    expect(next.ok && next.plan.weeklyTargets).toEqual({ calls: 70 });
    // The same date again replaces that date's quota rather than making two.
    const again = teamPlanWithRevision(TEAM_PLAN, draft('900000', ['', '', '', ''], '2026-01-01'));
    expect(again.ok && again.plan.annual).toEqual([{ effectiveFrom: '2026-01-01', annualQuota: 900_000 }]);
  });

  it('becomes set_allocation arguments with the territory trimmed, or a message when the territory is too long', () => {
    expect(checkAllocation('sam', draft('400000', ['100000', '100000', '100000', '100000']), '  West ')).toEqual({
      ok: true, args: { rep: 'sam', effective_from: '2026-07-01', annual_quota: 400_000, quarter_quotas: [100_000, 100_000, 100_000, 100_000], territory: 'West' },
    });
    expect(checkAllocation('sam', draft('400000'), '')).toEqual({ ok: true, args: { rep: 'sam', effective_from: '2026-07-01', annual_quota: 400_000 } });
    // A second allocation on a day that already has one would give the rep two quotas for that day.
    const twice = checkAllocation('sam', draft('400000'), 'West', undefined, [{ effectiveFrom: '2026-07-01', annualQuota: 300_000 }]);
    expect(twice.ok ? null : twice.errors.effectiveFrom).toMatch(/^This rep already has an allocation taking effect on 2026-07-01.*pick another day/);
    expect(checkAllocation('sam', draft('400000'), 'West', undefined, [{ effectiveFrom: '2026-06-30', annualQuota: 300_000 }]).ok).toBe(true);
    const long = checkAllocation('sam', draft('x'), 'W'.repeat(81));
    expect(long.ok ? null : Object.keys(long.errors).sort()).toEqual(['annual', 'territory']);
  });
});

describe('the allocations added up against the team quota', () => {
  const roster = rosterOf(
    [
      { rep: 'ana', repName: 'Ana', territory: 'West', annual: [{ effectiveFrom: '2026-01-01', annualQuota: 400_000 }, { effectiveFrom: '2026-07-01', annualQuota: 700_000 }], updatedAt: '' },
      { rep: 'ben', repName: 'Ben', territory: 'East', annual: [{ effectiveFrom: '2026-01-01', annualQuota: 500_000 }], updatedAt: '' },
    ],
    [{ rep: 'ana', repName: 'Ana', territory: null }, { rep: 'cleo', repName: 'Cleo', territory: 'East' }],
  );

  it('lists every rep of the team, allocated or not, by name', () => {
    expect(roster.map(r => [r.rep, r.territory, r.annual.length])).toEqual([['ana', 'West', 2], ['ben', 'East', 1], ['cleo', 'East', 0]]);
  });

  it("takes the summary's \"Unassigned\" group for no territory, so it is never prefilled, shown in English or saved as one", () => {
    expect(rosterOf([], [{ rep: 'lee', repName: 'Lee', territory: 'Unassigned' }]).map(r => r.territory)).toEqual([null]);
  });

  it('says under-, over- or fully allocated, for the allocations in force on the date', () => {
    const team = TEAM_PLAN.annual;
    expect(allocationSumText(allocationSum(team, roster, '2026-03-01'), money)).toBe("Allocated $900,000 of the team's $1,000,000: under-allocated by $100,000. One rep has no allocation yet.");
    expect(allocationSumText(allocationSum(team, roster, '2026-08-01'), money)).toBe("Allocated $1,200,000 of the team's $1,000,000: over-allocated by $200,000. One rep has no allocation yet.");
    expect(allocationSum([{ effectiveFrom: '2026-01-01', annualQuota: 1_200_000 }], roster, '2026-08-01').status).toBe('exact');
    expect(allocationSumText(allocationSum([], roster, '2026-08-01'), money)).toBe("Allocated $1,200,000; the team has no annual quota set yet. One rep has no allocation yet.");
    expect(allocationSum(team, roster, '2025-12-31')).toMatchObject({ allocated: 0, unallocated: 3, teamQuota: null, status: 'no-team-quota' });
  });
});

describe('the Team plan page', () => {
  let root: HTMLElement;
  beforeEach(() => void (root = document.body.appendChild(document.createElement('div'))));
  afterEach(() => (render(null, root), root.remove()));

  const ANSWER: TeamPlanAnswer = {
    plan: TEAM_PLAN,
    planRevisions: [{ revision: 3, effective_from: '2026-01-01', set_at: '2026-01-02T10:00:00Z', set_by: 'maria' }],
    allocation: null,
    allocations: [{ rep: 'ana', repName: 'Ana Ortiz', territory: 'West', annual: [{ effectiveFrom: '2026-01-01', annualQuota: 600_000 }], updatedAt: '' }],
  };

  function mount(over: Partial<TeamPlanViewProps> = {}) {
    const props: TeamPlanViewProps = {
      answer: ANSWER, reps: [{ rep: 'ben', repName: 'Ben Okafor', territory: 'East' }], fallback: defaultPlan('UTC'), today: '2026-05-10', locale: 'en-US',
      setTeamPlan: vi.fn(async () => ({ revision: 4 })), setAllocation: vi.fn(async () => ({ revision: 9 })), reload: vi.fn(async () => {}), ...over,
    };
    render(<TeamPlanView {...props} />, root);
    return props;
  }
  const input = (id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!;
  const type = (id: string, value: string) => {
    const el = input(id);
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const labelOf = (el: HTMLElement) => root.querySelector(`label[for="${el.id}"]`)?.textContent;

  it('shows the plan in force, its revisions and the allocation sum in words', () => {
    mount();
    expect(root.querySelector('[data-testid="team-quota"]')!.textContent).toBe('$1,000,000');
    expect(root.querySelector('[data-testid="team-plan-revisions"] tbody tr')!.getAttribute('data-revision')).toBe('3');
    expect(root.querySelector('[data-testid="allocation-sum"]')!.textContent).toBe("On 2026-05-10: Allocated $600,000 of the team's $1,000,000: under-allocated by $400,000. One rep has no allocation yet.");
    expect([...root.querySelectorAll('[data-testid="allocations"] tbody tr[data-rep]')].map(tr => tr.getAttribute('data-rep'))).toEqual(['ana', 'ben']);
    // Every input is labelled, for a screen reader as for the eye.
    for (const el of root.querySelectorAll<HTMLInputElement>('input')) expect(labelOf(el), el.id).toBeTruthy();
  });

  it('refuses a bad team quota inline without sending it, then sends a good one with the rest of the plan', async () => {
    const props = mount();
    type('tp-team-annual', 'lots');
    type('tp-team-q1', '10');
    root.querySelector<HTMLFormElement>('[data-testid="team-revision-form"]')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toBe('Not saved: correct the fields marked below.'));
    expect(input('tp-team-annual').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${input('tp-team-annual').getAttribute('aria-describedby')}`)!.textContent).toBe('"lots" is not a number.');
    expect(root.querySelector('#tp-team-quarters-error')!.textContent).toMatch(/Q2 is empty/);
    expect(props.setTeamPlan).not.toHaveBeenCalled();

    type('tp-team-from', '2026-07-01');
    type('tp-team-annual', '1,500,000');
    for (const [i, v] of ['300,000', '400,000', '400,000', '400,000'].entries()) type(`tp-team-q${i + 1}`, v);
    root.querySelector<HTMLFormElement>('[data-testid="team-revision-form"]')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="team-revision-form"] [role=status]')?.textContent).toBe("Saved: the team's quota from 2026-07-01 is 1,500,000 USD."));
    const [plan, from] = vi.mocked(props.setTeamPlan).mock.calls[0]!;
    expect(from).toBe('2026-07-01');
    expect(plan.annual).toEqual([{ effectiveFrom: '2026-01-01', annualQuota: 1_000_000 }, { effectiveFrom: '2026-07-01', annualQuota: 1_500_000, quarterQuotas: [300_000, 400_000, 400_000, 400_000] }]);
    expect(plan.weeklyTargets).toEqual({ calls: 70 });
    expect(props.reload).toHaveBeenCalled();
  });

  it("saves a rep's allocation and territory from their row; a bad one is marked and not sent; a server refusal is said in words", async () => {
    const setAllocation = vi.fn<TeamPlanViewProps['setAllocation']>(async () => ({ revision: 9 }));
    mount({ setAllocation });
    const save = () => root.querySelector<HTMLButtonElement>('tr[data-rep="ben"] button')!.click();
    expect(root.querySelector('tr[data-rep="ben"] button')!.textContent).toBe('Save allocation for Ben Okafor');

    type('tp-ben-annual', '300000');
    type('tp-ben-q1', '1');
    save();
    await vi.waitFor(() => expect(root.querySelector('[data-message-for="ben"] [role=alert]')?.textContent).toBe('Not saved for Ben Okafor: correct the fields marked.'));
    expect(input('tp-ben-q1').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('[data-message-for="ben"]')!.textContent).toMatch(/Enter all four quarter quotas/);
    expect(setAllocation).not.toHaveBeenCalled();

    type('tp-ben-q1', '');
    type('tp-ben-territory', 'North');
    save();
    await vi.waitFor(() => expect(root.querySelector('[data-message-for="ben"] [role=status]')?.textContent).toBe("Saved: Ben Okafor's quota from 2026-05-10 is $300,000, in North."));
    expect(setAllocation).toHaveBeenCalledWith({ rep: 'ben', effective_from: '2026-05-10', annual_quota: 300_000, territory: 'North' });

    setAllocation.mockRejectedValueOnce(new Error('Not allowed: only a manager allocates quota.'));
    save();
    await vi.waitFor(() => expect(root.querySelector('[data-message-for="ben"] [role=alert]')?.textContent).toBe('Not saved for Ben Okafor: Not allowed: only a manager allocates quota.'));
  });

  it('starts a first team plan from the fallback plan when the team has none', async () => {
    const props = mount({ answer: { plan: null, allocation: null, planRevisions: [], allocations: [] }, fallback: { ...defaultPlan('UTC'), currency: 'EUR' } });
    expect(root.querySelector('[data-testid="team-plan-none"]')!.textContent).toMatch(/^Your team has no plan yet/);
    expect(root.querySelector('[data-testid="allocation-sum"]')!.textContent).toBe('On 2026-05-10: Allocated €0; the team has no annual quota set yet. One rep has no allocation yet.');
    type('tp-team-annual', '800000');
    root.querySelector<HTMLFormElement>('[data-testid="team-revision-form"]')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect(props.setTeamPlan).toHaveBeenCalled());
    expect(vi.mocked(props.setTeamPlan).mock.calls[0]![0]).toMatchObject({ currency: 'EUR', annual: [{ effectiveFrom: '2026-05-10', annualQuota: 800_000 }] });
  });
});
