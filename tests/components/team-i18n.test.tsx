/** @vitest-environment happy-dom */
// The manager's popup, a rep's popup, the team plan page and Options → Team sync in the
// browser's language (issue #9, item 6): German words where the locale file has them, and
// with every message wrapped in ⟦ ⟧, no word on screen that did not come through t()
// except the data (names, territories, stages, deal names, dates, amounts).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { TeamPlanView } from '../../components/TeamPlan';
import { TeamRepDetail } from '../../components/TeamRepDetail';
import { TeamSync } from '../../components/TeamSync';
import { AsOf, TeamManagerView, TeamRepView, TeamStateView } from '../../components/TeamView';
import { t } from '../../lib/i18n';
import { defaultPlan, type Plan } from '../../lib/metrics/plan';
import type { RepReview, RepRow, StalledDeal, TeamPlanAnswer, TeamSummary } from '../../lib/sync-client';
import { syncStatus, teamPlan, teamSyncSettings, teamToken, type SyncStatus } from '../../lib/sync-state';
import type { TeamState } from '../../lib/sync-team-store';
import { untranslated, useLocale, usePseudoLocale } from '../helpers/pseudo-locale';

vi.mock('uplot', () => {
  class FakePlot {
    constructor(_opts: never, _data: never, host: HTMLElement) {
      host.append(document.createElement('canvas'));
    }
    setData() {}
    setSize() {}
    destroy() {}
  }
  return { default: FakePlot };
});

// ── Realistic data: a team of three for a quarter ─────────────────────────────
const NOW = new Date('2026-11-27T15:30:00Z');
const rep = (over: Partial<RepRow> & Pick<RepRow, 'rep' | 'repName' | 'rank'>): RepRow => ({
  territory: null, quota: 100_000, won: 40_000, attainment: 0.4, pacing: null, activityScore: 42.5, winRate: 0.5, wonCount: 2, lostCount: 2,
  pipeline: 60_000, pipelineCount: 3, drivers: { calls: { actual: 40, target: 60 }, meetings: { actual: 6, target: 5 }, proposalsSubmitted: { actual: 1, target: null } },
  behind: false, behindTier: null, unconverted: {}, lastEventAt: NOW.toISOString(), ...over,
});
const REPS: RepRow[] = [
  rep({ rep: 'ana', repName: 'Ana Ortiz', rank: 1, territory: 'West', won: 90_000, attainment: 0.9, pacing: { expected: 80_000, actual: 90_000, delta: 10_000 } }),
  rep({ rep: 'ben', repName: 'Ben Okafor', rank: 2, territory: 'East', behind: true, behindTier: 'meetings', pacing: { expected: 60_000, actual: 40_000, delta: -20_000 } }),
  // The server's group of reps without a territory: a code, shown in the interface's language.
  rep({ rep: 'cleo', repName: 'Cleo Park', rank: 3, territory: 'Unassigned', won: 0, attainment: 0, winRate: null, behind: true, behindTier: 'deals' }),
];
const STAGES = ['Proposal', 'Negotiation'];
const STALLED: StalledDeal[] = Array.from({ length: 9 }, (_, i) => ({
  rep: i % 2 ? 'ben' : 'cleo', repName: i % 2 ? 'Ben Okafor' : 'Cleo Park', deal_id: `sf:00${i}`, name: `Globex ${i}`,
  stage: STAGES[i % 2]!, days_in_stage: 20 + i, target_days: i === 0 ? null : 14, amount: i === 1 ? null : 10_000 * i, currency: 'USD',
}));
const SUMMARY: TeamSummary = {
  asOf: '2026-11-27T14:02:00Z', from: '2026-10-01', to: '2027-01-01', timeZone: 'UTC', currency: 'USD',
  viewer: { rep: 'maria', role: 'manager' },
  team: { id: 'acme', name: 'Acme Sales', reps: 3, quota: 300_000, won: 130_000, attainment: 0.43, pipeline: 180_000, activityScore: 40, pacing: { expected: 150_000, actual: 130_000, delta: -20_000 } },
  territories: [
    { territory: 'West', reps: 1, quota: 100_000, won: 90_000, attainment: 0.9, pipeline: 60_000 },
    { territory: 'East', reps: 1, quota: 100_000, won: 40_000, attainment: 0.4, pipeline: 60_000 },
    { territory: 'Unassigned', reps: 1, quota: 100_000, won: 0, attainment: 0, pipeline: 60_000 },
    { territory: null, reps: 0, quota: null, won: 0, attainment: null, pipeline: 0 },
  ],
  reps: REPS,
  stalled: STALLED,
  trend: [{ week: '2026-11-09', won: 40_000, activityScore: 30 }, { week: '2026-11-16', won: 50_000, activityScore: 35 }, { week: '2026-11-23', won: 40_000, activityScore: 20 }],
  repTrend: [],
};
const REVIEW: RepReview = {
  rep: 'ben', repName: 'Ben Okafor', week: '2026-11-23', thisWeek: { calls: 12, meetings: 1 }, lastWeek: { calls: 20, emails: 4 }, targets: { calls: 15, meetings: 2 },
  activityScore: { thisWeek: 8.5, lastWeek: 11 }, kudos: null, focus: null, updatedAt: null,
};
// The URL field's placeholder is an example address, the same in every language.
const DATA = ['https://pacer.example.com', 'Acme Sales', 'Ana Ortiz', 'Ben Okafor', 'Cleo Park', 'Maria Lopez', 'West', 'East', 'North', ...STAGES, ...STALLED.map(s => s.name!), 'USD'];
/** What Intl writes that is not a word of ours: times of day and month names, in English here. */
const intlWords = (w: string) => /^(AM|PM|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/.test(w);

/** The browser's interface language too, as Chromium started with --lang=de reports it: numbers and dates follow it. */
const original = { getUILanguage: fakeBrowser.i18n.getUILanguage };
function inGerman() {
  useLocale('de');
  fakeBrowser.i18n.getUILanguage = () => 'de';
}

let host: HTMLDivElement;
afterEach(() => {
  fakeBrowser.i18n.getUILanguage = original.getUILanguage;
});
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const flush = async () => {
  for (let i = 0; i < 5; i++) await act(async () => void (await new Promise(r => setTimeout(r, 5))));
};
/** Intl separates amount and currency with a no-break space; written plainly here, and without the soft hyphens long German headers may break at. */
const plain = (el: Element | null) => (el?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\u00ad/g, '');
const click = async (el: Element | null | undefined) => {
  expect(el, 'element to click').toBeTruthy();
  await act(async () => (el as HTMLElement).click());
  await flush();
};
const button = (name: RegExp) => [...host.querySelectorAll('button')].find(b => name.test(b.textContent ?? ''));

// ── The manager's popup ───────────────────────────────────────────────────────
function ManagerPopup({ state }: { state: TeamState }) {
  return (
    <TeamStateView state={state}>
      {ready => (
        <>
          <AsOf state={ready} now={NOW} />
          <TeamManagerView summary={ready.snapshot.summary} sortKey="attainment" sortDir="descending" onSort={() => {}} onOpen={() => {}} onExport={() => {}} />
        </>
      )}
    </TeamStateView>
  );
}
const ready = (over: Partial<Extract<TeamState, { status: 'ready' }>> = {}): TeamState => ({ status: 'ready', snapshot: { fetchedAt: SUMMARY.asOf, summary: SUMMARY }, ...over });

describe("the manager's popup", () => {
  it('is in German when the browser is', async () => {
    inGerman();
    await act(() => render(<ManagerPopup state={ready({ stale: t('syncErrBrowserOffline') })} />, host));
    const text = host.textContent!;
    expect(text).toContain('Stand: ');
    expect(text).toContain('Offline: Es werden die zuletzt abgerufenen Zahlen angezeigt (Der Browser ist offline');
    expect(plain(host.querySelector('[data-testid="team-totals"]'))).toBe('Acme Sales, 3 Vertriebler: 130.000 $ von 300.000 $ Quote gewonnen (43 %), 20.000 $ hinter Plan.');
    const headers = [...host.querySelectorAll('[data-testid="leaderboard"] thead th')].map(plain);
    expect(headers).toEqual(['#', 'Vertriebler', 'Zielerreichung ▼', 'Aktivitätswert', 'Abschlussquote', 'Pipeline', 'Rückstand bei']);
    expect(host.querySelector('tr[data-rep="ben"] [data-col="behind"]')!.textContent).toBe('Meetings');
    expect(host.querySelector('tr[data-rep="ana"] [data-col="behind"]')!.textContent).toBe('Im Plan');
    expect(host.querySelector('tr[data-rep="ana"] button')!.getAttribute('aria-label')).toBe('Übersicht und Wochenrückblick von Ana Ortiz öffnen');
    expect([...host.querySelectorAll('[data-testid="team-behind"] li')].map(plain)).toEqual([
      'Ben Okafor: Rückstand bei Meetings (20.000 $ hinter Plan)',
      'Cleo Park: Rückstand bei Deals (Quote)',
    ]);
    expect(text).toContain('Festgefahrene Deals');
    expect(button(/Alle 9 festgefahrenen Deals zeigen/)).toBeTruthy();
    expect(text).toContain('Kein Gebiet');
    expect(host.querySelector('tr[data-rep="cleo"] th')!.textContent).toBe('Cleo Park · Ohne Gebiet');
    expect(plain(host.querySelector('[data-chart="team-trend"] .chart-summary'))).toBe('130.000 $ gewonnen in 3 Wochen.');
  });

  it('leaves nothing in English: totals, leaderboard, who is behind, stalled deals (both ways), territories, trend, offline line', async () => {
    usePseudoLocale();
    await act(() => render(<ManagerPopup state={ready({ stale: t('syncErrBrowserOffline') })} />, host));
    expect(untranslated(host, { data: DATA, isData: intlWords })).toEqual([]);
    await click(button(/Show all 9 stalled deals/));
    expect(host.querySelectorAll('[data-testid="team-stalled"] tbody tr')).toHaveLength(9);
    expect(untranslated(host, { data: DATA, isData: intlWords })).toEqual([]);
  });

  it('leaves nothing in English while loading, refreshing, or failing', async () => {
    usePseudoLocale();
    for (const state of [{ status: 'loading' } as TeamState, { status: 'error', message: t('syncErrNoToken') } as TeamState, ready({ refreshing: true })]) {
      await act(() => render(<ManagerPopup state={state} />, host));
      expect(untranslated(host, { data: DATA, isData: intlWords })).toEqual([]);
    }
  });

  it('says so in English exactly as before', async () => {
    await act(() => render(<ManagerPopup state={ready()} />, host));
    expect(host.querySelector('[data-testid="team-totals"]')!.textContent).toBe('Acme Sales, 3 reps: $130,000 won of $300,000 quota (43 %), $20,000 behind pace.');
    expect([...host.querySelectorAll('[data-testid="team-behind"] li')].map(li => li.textContent)).toEqual([
      'Ben Okafor: behind on meetings ($20,000 behind pace)',
      'Cleo Park: behind on deals (quota)',
    ]);
    expect(host.querySelector('tr[data-rep="cleo"] [data-col="behind"]')!.textContent).toBe('deals (quota)');
    expect(host.querySelector('[data-testid="as-of"]')!.textContent).toMatch(/^As of \d/);
  });
});

describe("a rep opened from the leaderboard, and a rep's own popup", () => {
  const detail = (save: () => Promise<void> = async () => {}) => (
    <TeamRepDetail rep={REPS[1]!} currency="USD" stalled={STALLED} week="2026-11-23" loadReview={async () => REVIEW} saveFeedback={save} onClose={() => {}} />
  );

  it('is in German when the browser is', async () => {
    inGerman();
    await act(() => render(detail(), host));
    await flush();
    expect(plain(host.querySelector('[data-testid="rep-goal"]'))).toBe('Rang 2: 40.000 $ von 100.000 $ gewonnen (40 %); 20.000 $ hinter Plan. Rückstand bei Meetings.');
    expect(host.querySelector('[data-testid="rep-drivers"] tr[data-driver="calls"] th')!.textContent).toBe('Anrufe');
    expect(host.querySelector('[data-testid="rep-review"] caption')!.textContent).toBe('Diese Woche gegenüber letzter Woche und dem Wochenziel');
    expect(host.textContent).toContain('Wöchentliches 1:1, Woche ab 2026-11-23');
    expect(host.querySelector('label[for="fb-kudos"]')!.textContent).toBe('Lob für Ben Okafor');
    await click(button(/Feedback speichern/));
    expect(host.querySelector('[role="status"]')!.textContent).toBe('Für die Woche ab 2026-11-23 gespeichert. Ben Okafor sieht es nach der nächsten Synchronisierung in der Seitenleiste.');
  });

  it('leaves nothing in English: summary, drivers, stalled deals, review, feedback saved and refused', async () => {
    usePseudoLocale();
    await act(() => render(detail(), host));
    await flush();
    await click(button(/Save feedback/));
    expect(host.querySelector('[role="status"]')).toBeTruthy();
    expect(untranslated(host, { data: DATA, isData: intlWords })).toEqual([]);
    render(null, host);
    await act(() => render(detail(async () => Promise.reject(new Error(t('syncErrForbidden', 'permission denied for function set_feedback')))), host));
    await flush();
    await click(button(/Save feedback/));
    expect(host.querySelector('[role="alert"]')).toBeTruthy();
    expect(untranslated(host, { data: [...DATA, 'permission denied for function set_feedback'], isData: intlWords })).toEqual([]);
  });

  it("a rep's rank and numbers: German, and nothing left in English", async () => {
    const mine = { ...SUMMARY, viewer: { rep: 'ben', role: 'rep' as const } };
    inGerman();
    await act(() => render(<TeamRepView summary={mine} />, host));
    expect(host.querySelector('.big')!.getAttribute('aria-label')).toBe('Rang 2 von 3 in Acme Sales');
    expect(host.textContent).toContain('Rückstand bei Meetings: Die Pyramidenstufe Meetings liegt hinter ihrem Ziel.');
    usePseudoLocale();
    render(null, host);
    await act(() => render(<TeamRepView summary={mine} />, host));
    expect(untranslated(host, { data: DATA })).toEqual([]);
    await act(() => render(<TeamRepView summary={{ ...mine, reps: [] }} />, host));
    expect(untranslated(host, { data: DATA })).toEqual([]);
  });
});

// ── Options → Team sync ──────────────────────────────────────────────────────
const PLAN: Plan = { ...defaultPlan('UTC'), currency: 'USD', annual: [{ effectiveFrom: '2026-01-01', annualQuota: 400_000 }] };

async function configure(status: Partial<SyncStatus>) {
  await teamSyncSettings.setValue({ ...(await teamSyncSettings.getValue()), url: 'https://pacer.example.com', enabled: true });
  await teamToken.setValue('secret-token');
  await syncStatus.setValue({ ...(await syncStatus.getValue()), ...status });
  await teamPlan.setValue({ teamName: 'Acme Sales', plan: PLAN, annual: PLAN.annual, fromAllocation: true, territory: 'West', pulledAt: '2026-11-27T14:00:00Z', replacedLocalEditAt: '2026-11-27T14:01:00Z' });
}

describe('Options → Team sync', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is in German when the browser is', async () => {
    inGerman();
    await configure({ lastSyncAt: undefined, lastError: t('syncErrBrowserOffline'), nextRetryAt: '2026-11-27T14:07:00Z', rejected: 1 });
    await act(() => render(<TeamSync />, host));
    await flush();
    const text = host.textContent!;
    expect(text).toContain('URL des Teamservers');
    expect(host.querySelector('#team-token')!.getAttribute('placeholder')).toBe('Gespeichert (zum Ersetzen ein neues einfügen)');
    expect(host.querySelector('[data-testid="sync-last"]')!.textContent).toBe('nie');
    expect(host.querySelector('[data-testid="sync-error"]')!.textContent).toMatch(/^Der Browser ist offline; .* Nächster Versuch .+\.$/);
    expect(host.querySelector('[data-testid="sync-rejected"]')!.textContent).toBe('1 Ereignis hat der Teamserver abgelehnt; es bleibt in diesem Browser.');
    expect(host.querySelector('[data-testid="sync-waiting"]')!.textContent).toBe('0 Ereignisse ausstehend');
    expect(button(/Jetzt synchronisieren/)).toBeTruthy();
    // A URL the options page refuses, said in German.
    const url = host.querySelector<HTMLInputElement>('#team-url')!;
    await act(() => {
      url.value = 'http://pacer.example.com';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button(/Verbindung testen/));
    expect(host.querySelector('[data-testid="team-check"]')!.textContent).toBe(
      'Unverschlüsseltes http:// wird abgelehnt: Ihr Token ginge unverschlüsselt über das Netz. Verwenden Sie https://pacer.example.com.',
    );
  });

  it('leaves nothing in English: status, refused events, plan in force, a refused URL, a saved server', async () => {
    usePseudoLocale();
    await configure({ lastSyncAt: '2026-11-27T14:00:00Z', lastError: t('syncErrAuth', 'token revoked'), nextRetryAt: '2026-11-27T14:07:00Z', rejected: 3,
      whoami: { team: 'acme', teamName: 'Acme Sales', teamSize: 3, rep: 'ben', repName: 'Ben Okafor', role: 'rep', territory: 'East', shareNames: false } });
    await act(() => render(<TeamSync />, host));
    await flush();
    expect(host.querySelector('[data-testid="plan-source"]')).toBeTruthy();
    const data = [...DATA, 'https://pacer.example.com', 'token revoked'];
    expect(untranslated(host, { data, isData: intlWords })).toEqual([]);
    const url = host.querySelector<HTMLInputElement>('#team-url')!;
    for (const bad of ['', 'not a url', 'ftp://pacer.example.com', 'https://user:pw@pacer.example.com', 'https://pacer.example.com/?x=1']) {
      await act(() => {
        url.value = bad;
        url.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await click(button(/Test connection/));
      expect(host.querySelector('[data-testid="team-check"] [role="alert"]'), bad).toBeTruthy();
      expect(untranslated(host, { data: [...data, bad].filter(Boolean), isData: intlWords }), bad).toEqual([]);
    }
    await act(() => {
      url.value = 'https://pacer.example.com';
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button(/Save team server/));
    expect(host.querySelector('.team-sync [role="status"]')!.textContent).toBe('⟦Saved.⟧');
    expect(untranslated(host, { data, isData: intlWords })).toEqual([]);
  });

  it("a manager's token: nothing waits, said without English", async () => {
    usePseudoLocale();
    await configure({ whoami: { team: 'acme', teamName: 'Acme Sales', teamSize: 3, rep: 'maria', repName: 'Maria Lopez', role: 'manager', territory: null, shareNames: false } });
    await act(() => render(<TeamSync />, host));
    await flush();
    expect(host.querySelector('[data-testid="sync-waiting"]')!.textContent).toMatch(/^⟦Nothing: a manager's token/);
    expect(untranslated(host, { data: DATA, isData: intlWords })).toEqual([]);
  });
});

// ── The team plan page ───────────────────────────────────────────────────────
const ANSWER: TeamPlanAnswer = {
  plan: { ...PLAN, annual: [{ effectiveFrom: '2026-01-01', annualQuota: 1_000_000 }, { effectiveFrom: '2026-07-01', annualQuota: 1_200_000, quarterQuotas: [240_000, 300_000, 300_000, 360_000] }] },
  allocation: null,
  planRevisions: [{ revision: 1, effective_from: '2026-01-01', set_at: '2026-01-02T10:00:00Z', set_by: 'maria' }, { revision: 2, effective_from: '2026-07-01', set_at: '2026-06-30T10:00:00Z', set_by: 'maria' }],
  allocations: [{ rep: 'ana', repName: 'Ana Ortiz', territory: 'West', annual: [{ effectiveFrom: '2026-01-01', annualQuota: 400_000 }], updatedAt: '2026-01-02T10:00:00Z' }],
};
const planPage = (over: Partial<Parameters<typeof TeamPlanView>[0]> = {}) => (
  <TeamPlanView answer={ANSWER} reps={REPS} fallback={PLAN} today="2026-11-27" locale="en-US"
    setTeamPlan={async () => ({ revision: 3 })} setAllocation={async () => ({ revision: 1 })} reload={async () => {}} {...over} />
);
const fill = async (selector: string, value: string) => {
  const input = host.querySelector<HTMLInputElement>(selector)!;
  expect(input, selector).toBeTruthy();
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
};

describe('the team plan page', () => {
  it('is in German when the browser is', async () => {
    inGerman();
    await act(() => render(planPage({ locale: 'de-DE' }), host));
    const text = host.textContent!;
    expect(text).toContain('Geltender Teamplan');
    expect(plain(host.querySelector('[data-testid="team-quota"]'))).toBe('1.200.000 $');
    expect(host.querySelector('label[for="tp-team-annual"]')!.textContent).toBe('Jährliche Teamquote (USD)');
    expect(plain(host.querySelector('[data-testid="allocation-sum"]'))).toBe(
      'Am 2026-11-27: Zugeteilt: 400.000 $ von 1.200.000 $ des Teams: 800.000 $ noch nicht zugeteilt. 2 Vertriebler haben noch keine Zuteilung.',
    );
    await fill('#tp-team-annual', 'viel');
    await click(button(/Teamplan speichern/));
    expect(host.querySelector('[data-testid="team-revision-form"] [role="alert"]')!.textContent).toBe('Nicht gespeichert: Korrigieren Sie die unten markierten Felder.');
    expect(host.querySelector('#tp-team-annual-error')!.textContent).toBe('„viel“ ist keine Zahl.');
    const save = host.querySelector('tr[data-rep="ben"] button')!;
    expect(save.textContent).toBe('Speichern Zuteilung für Ben Okafor');
  });

  it('leaves nothing in English: plan in force, revisions, allocations, refused and saved forms', async () => {
    usePseudoLocale();
    await act(() => render(planPage(), host));
    const data = [...DATA, 'maria'];
    expect(untranslated(host, { data, isData: intlWords })).toEqual([]);
    // The team's form refused, field by field.
    await fill('#tp-team-from', '2026-02-30');
    await fill('#tp-team-annual', '-5');
    await fill('#tp-team-q1', 'x');
    await click(button(/Save team plan/));
    expect(host.querySelectorAll('[data-testid="team-revision-form"] .field-error').length).toBeGreaterThanOrEqual(3);
    expect(untranslated(host, { data: [...data, 'x'], isData: intlWords })).toEqual([]);
    // A rep's row refused (quarters half filled, a long territory), then saved.
    await fill('#tp-ben-annual', '300000');
    await fill('#tp-ben-q1', '100000');
    await fill('#tp-ben-territory', 'W'.repeat(90));
    await click(host.querySelector('tr[data-rep="ben"] button'));
    expect(host.querySelector('[data-message-for="ben"] [role="alert"]')).toBeTruthy();
    expect(untranslated(host, { data: [...data, 'W'.repeat(90), 'x'], isData: intlWords })).toEqual([]);
    await fill('#tp-ben-q1', '');
    await fill('#tp-ben-territory', 'North');
    await click(host.querySelector('tr[data-rep="ben"] button'));
    expect(host.querySelector('[data-message-for="ben"] [role="status"]')!.textContent).toMatch(/^⟦Saved: Ben Okafor's quota from 2026-11-27 is \$300,000, in North\.⟧$/);
    expect(untranslated(host, { data: [...data, 'x'], isData: intlWords })).toEqual([]);
    // The team's form saved.
    await fill('#tp-team-from', '2026-12-01');
    await fill('#tp-team-annual', '1,500,000');
    for (const q of [1, 2, 3, 4]) await fill(`#tp-team-q${q}`, '');
    await click(button(/Save team plan/));
    expect(host.querySelector('[data-testid="team-revision-form"] [role="status"]')!.textContent).toBe("⟦Saved: the team's quota from 2026-12-01 is 1,500,000 USD.⟧");
    expect(untranslated(host, { data, isData: intlWords })).toEqual([]);
  });

  it('without a team plan yet, and with no reps: nothing in English', async () => {
    usePseudoLocale();
    await act(() => render(planPage({ answer: { plan: null, allocation: null, planRevisions: [], allocations: [] }, reps: [] }), host));
    expect(host.querySelector('[data-testid="team-plan-none"]')).toBeTruthy();
    expect(untranslated(host, { data: DATA, isData: intlWords })).toEqual([]);
  });
});
