/** @vitest-environment happy-dom */
// The side panel's scorecard in the interface's language (issue #9, item 6): German words and
// numbers when the browser speaks German, nothing left in English under a pseudo-locale, and
// the English names of what other modules label in English (event types, activity groups,
// badges, periods) unchanged. The scorecard's own English: tests/lib/scorecard-words.test.ts.
import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Charts } from '../../components/Charts';
import { CountsTable } from '../../components/CountsTable';
import { FeedbackCard } from '../../components/Feedback';
import { Scorecard } from '../../components/Scorecard';
import { ScorecardAchievements } from '../../components/ScorecardAchievements';
import { ScorecardRiver } from '../../components/ScorecardRiver';
import { eventLabel } from '../../lib/event-labels';
import { t } from '../../lib/i18n';
import { EVENT_LABELS } from '../../lib/labels';
import { aggregateUnique } from '../../lib/metrics/aggregate';
import { ACTIVITY_GROUPS, wonDeals } from '../../lib/metrics/charts';
import { whatThisDealEarns } from '../../lib/metrics/commission';
import { BADGES } from '../../lib/metrics/gamification';
import { computeScorecard, type Scorecard as ScorecardData } from '../../lib/metrics/scorecard';
import { EVENT_TYPES, type ActivityEvent } from '../../lib/model';
import { activityGroupLabel, badgeLabel, bookingsChartView, earningsView } from '../../lib/scorecard-extras';
import type { ScorecardState } from '../../lib/scorecard-store';
import { periodName } from '../../lib/scorecard-words';
import { untranslated, useLocale, usePseudoLocale } from '../helpers/pseudo-locale';
import { call, deal, ev, lost, move, plan, STAGES, won } from '../metrics/make';

vi.mock('uplot', () => {
  class FakePlot {
    static paths = { bars: () => () => null };
    constructor(_opts: never, _data: never, host: HTMLElement) {
      host.append(document.createElement('canvas'));
    }
    setData() {}
    destroy() {}
  }
  return { default: FakePlot };
});

// ---- a realistic quarter: every section has something to say ------------------------------------

const NOW = new Date('2026-03-16T12:00:00Z'); // a Monday in Q1 2026
const P = plan({ rates: { EUR: 1.1 } });
const onTarget = (day: string) => [
  ...Array.from({ length: 10 }, (_, i) => call(`${day}T0${i % 9}:0${i}Z`)),
  ...Array.from({ length: 8 }, (_, i) => ev('email', `${day}T1${i}:00Z`)),
  ev('meeting', `${day}T19:00Z`),
  ev('meeting', `${day}T20:00Z`),
];
const EVENTS: ActivityEvent[] = [
  ...['2026-03-12', '2026-03-13', '2026-03-16'].flatMap(onTarget),
  move('x', '2026-01-20T12:00Z', 'Qualification', 'Proposal'),
  move('x', '2026-01-30T12:00Z', 'Proposal', 'Negotiation'),
  won('x', '2026-02-10T12:00Z', 9_000, 'USD', 0.1),
  won('y', '2026-03-02T00:00Z', 4_000, 'JPY'), // no rate: not counted
  won('z', '2026-03-03T00:00Z'), // no amount: not counted
  lost('l', '2026-02-25T00:00Z', 10_000),
  ev('proposal_sent', '2026-02-01T10:00Z', { deal: { id: 'x' } }),
  ev('proposal_accepted', '2026-02-05T10:00Z', { deal: { id: 'x' } }),
  ev('referral_received', '2026-03-04T10:00Z'),
  ev('linkedin_connect_sent', '2026-03-05T10:00Z'),
];
const DEALS = [
  deal('a', { name: 'Acme renewal', stage: 'Proposal', stageEnteredAt: '2026-02-01T12:00:00Z', amount: 12_000 }),
  deal('b', { name: 'Beta pilot', stage: 'Proposal', stageEnteredAt: '2026-03-01T12:00:00Z', amount: null }),
  deal('c', { name: 'Cobalt', stage: 'Qualification', stageEnteredAt: '2026-03-10T12:00:00Z', amount: 5_000 }),
  deal('x', { name: 'Xeno', stage: 'Closed Won', status: 'won', amount: 9_000, createdAt: '2026-01-02T00:00:00Z' }),
  deal('y', { name: 'Yoko', stage: 'Closed Won', status: 'won', amount: 4_000, currency: 'JPY', createdAt: '2026-02-02T00:00:00Z' }),
  deal('z', { name: 'Zed', stage: 'Closed Won', status: 'won', amount: null }),
];
const S = computeScorecard(EVENTS, DEALS, P, 'quarter', NOW);
const WEEK = computeScorecard(EVENTS, DEALS, P, 'week', NOW);
const YEAR = computeScorecard(EVENTS, DEALS, P, 'fiscalYear', NOW);
const EMPTY = computeScorecard([], [], P, 'quarter', NOW);
const NO_PLAN = computeScorecard([], [], plan({ annual: [{ effectiveFrom: '2020-01-01', annualQuota: 0 }], dailyTargets: {}, weeklyTargets: {} }), 'quarter', NOW);
const DAYS = [...aggregateUnique(EVENTS, 'UTC').values()];
const WINS = wonDeals(EVENTS, DEALS, P);
const ready = (value: ScorecardData): ScorecardState => ({ status: 'ready', value });

/** Words that are data: deal names, stages, the manager's words, and what Intl writes for dates in en-US. */
const DATA = ['Great calls', 'More meetings', 'Acme renewal', 'Beta pilot', 'Cobalt', 'Xeno', 'Yoko', 'Zed', 'Closed Won', ...STAGES, 'JPY', 'disk full'];
const MONTHS = new Set(Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, m, 15))));
const isData = (word: string) => MONTHS.has(word);

let root: HTMLElement;
beforeEach(() => {
  root = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  render(null, root);
  root.remove();
});
const show = (node: ComponentChildren) => act(() => render(<>{node}</>, root));
const text = () => root.textContent?.replace(/\s+/g, ' ') ?? '';
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** Everything the side panel's scorecard card shows, in one render. */
function wholeScorecard(s: ScorecardData, locale = 'en-US') {
  return (
    <>
      <Scorecard period="quarter" onPeriod={() => {}} scorecard={ready(s)} days={DAYS} onOpenOptions={() => {}} locale={locale} />
      <ScorecardRiver scorecard={ready(s)} locale={locale} />
      <Charts scorecard={ready(s)} days={DAYS} wins={WINS} plan={P} locale={locale} />
      <ScorecardAchievements scorecard={ready(s)} onOpenOptions={() => {}} locale={locale} />
      <CountsTable caption={t('scWeekCaption')} counts={{ status: 'ready', value: s.current.counts }} emptyHint={t('scWeekEmpty')} />
      <FeedbackCard feedback={{ week: '2026-03-16', kudos: 'Great calls', focus: 'More meetings' }} />
    </>
  );
}

describe('in German (and French typography)', () => {
  it('the scorecard says its headings, rows and sentences in German, with German numbers', () => {
    useLocale('de');
    show(wholeScorecard(S, 'de-DE'));
    const headings = [...root.querySelectorAll('h3')].map(h => h.textContent);
    expect(headings).toEqual(['Ziele', 'Was es braucht', 'KPIs', 'Aktivitäten', 'Pipeline-Fluss', 'Diagramme', 'Serien, Abzeichen, Bestwerte']);
    expect(root.querySelector('legend')?.textContent).toBe('Zeitraum');
    expect([...root.querySelectorAll('label.switch')].map(l => l.textContent)).toEqual(['Woche', 'Monat', 'Quartal', 'Jahr']);
    expect(text()).toContain('Q1 GJ 2026');
    expect(root.querySelector('[data-goal=attainment] th')?.textContent).toBe('Zielerreichung');
    // 9,000 of 100,000 booked: German grouping and currency after the number.
    expect(nbsp(root.querySelector('[data-goal=attainment] td')?.textContent ?? '')).toBe('9 % (9.000 $ von 100.000 $)');
    expect(nbsp(root.querySelector('[data-goal=pacing] td')?.textContent ?? '')).toMatch(/^[\d.]+ \$ im Rückstand$/);
    expect(text()).toContain('Nicht gezählt: 4.000 JPY ohne Wechselkurs; 1 gewonnener Deal ohne Betrag.');
    expect(root.querySelector('[data-kpi=winRate] th')?.textContent).toBe('Abschlussquote');
    expect(root.querySelector('[data-kpi=cycle] td')?.textContent).toMatch(/^\d+(,\d)? T$/);
    expect(root.querySelector('[data-driver=calls] th')?.textContent).toBe('Anrufe');
    expect(root.querySelector('[data-driver=referrals] th')?.textContent).toBe('Empfehlungen');
    expect(root.querySelector('[data-driver=calls] [role=img]')?.getAttribute('aria-label')).toMatch(/^Anrufe pro Tag über \d+ Tage: gesamt 30, bester Tag 10, letzter Tag 10$/);
    expect(root.querySelector('[data-testid=stall-label]')?.textContent).toBe('Stockt hier');
    expect(text()).toContain('1 ohne Betrag');
    expect(root.querySelector('[data-testid=river-stall] ol')?.getAttribute('aria-label')).toBe('Deals über ihrem Ziel in Proposal, älteste zuerst');
    expect(root.querySelector('[data-deal=a]')?.textContent).toMatch(/Acme renewal \d+ T in der Phase, Ziel 14 T/);
    expect([...root.querySelectorAll('.chart-title')].map(e => e.textContent)).toEqual(['Wöchentliche Aktivität nach Typ', 'Umsatz gegenüber Quote', 'Zykluslänge gewonnener Deals']);
    expect(root.querySelector('[data-chart=cycles] [data-testid=chart-summary]')?.textContent).toMatch(/^2 Deals in diesem Zeitraum gewonnen: Median [\d,]+ T; die meisten brauchten /);
    expect(root.querySelector('[data-testid=streak]')?.textContent?.replace(/\s+/g, ' ')).toBe('3 Arbeitstage in Folge im Ziel (bester Wert 3; heute erreicht)');
    expect([...root.querySelectorAll('[data-badge] strong')].map(b => b.textContent)).toContain('Erster gewonnener Deal');
    expect(root.querySelector('[data-best=callsDay] th')?.textContent).toBe('Meiste Anrufe an einem Tag');
    expect(root.querySelector('[data-best=callsDay] td')?.textContent).toMatch(/am \d{1,2}\. März 2026$/);
    expect(root.querySelector('tr[data-type=call] th')?.textContent).toBe('Anrufe');
    expect(root.querySelector('#team-feedback')?.textContent).toBe('Von Ihrer Führungskraft diese Woche');
  });

  it('the empty, no-plan, loading and error states teach in German', () => {
    useLocale('de');
    show(
      <>
        <Scorecard period="week" onPeriod={() => {}} scorecard={ready(NO_PLAN)} days={[]} onOpenOptions={() => {}} locale="de-DE" />
        <ScorecardRiver scorecard={ready(EMPTY)} locale="de-DE" />
        <ScorecardAchievements scorecard={ready(NO_PLAN)} onOpenOptions={() => {}} locale="de-DE" />
        <Charts scorecard={{ status: 'error', message: 'Festplatte voll' }} days={[]} wins={[]} plan={P} />
        <CountsTable caption="Aktivität dieser Woche nach Typ" counts={{ status: 'loading' }} emptyHint="" />
      </>,
    );
    expect(root.querySelector('[data-testid=no-plan]')?.textContent).toContain('Noch keine Quote für diesen Zeitraum.');
    expect(root.querySelector('[data-testid=no-plan] button')?.textContent).toBe('Optionen öffnen');
    expect(root.querySelector('[data-testid=river-empty]')?.textContent).toContain('Noch keine offenen Deals');
    expect(root.querySelector('[data-testid=streak]')?.textContent).toContain('Tagesserie: unbekannt. Legen Sie Tages- oder Wochenziele in den Optionen fest');
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Die Diagramme konnten nicht gezeichnet werden: Festplatte voll');
    // German keeps the caption's capital mid-sentence.
    expect(root.querySelector('[aria-busy=true]')?.textContent).toBe('Aktivität dieser Woche nach Typ wird geladen…');
  });

  it('a plan that cannot place the period says so in German on every card', () => {
    useLocale('de');
    const state = { status: 'error', message: 'Invalid time zone specified: Not/AZone', failure: 'period' } as const;
    show(
      <>
        <Scorecard period="week" onPeriod={() => {}} scorecard={state} days={[]} />
        <ScorecardRiver scorecard={state} />
        <Charts scorecard={state} days={[]} wins={[]} plan={P} />
        <ScorecardAchievements scorecard={state} />
      </>,
    );
    const alerts = [...root.querySelectorAll('[role=alert]')].map(a => a.textContent);
    expect(alerts).toHaveLength(4);
    for (const a of alerts) expect(a).toMatch(/: Ihr Plan kann diesen Zeitraum nicht einordnen: Invalid time zone specified: Not\/AZone$/);
    expect(alerts[0]).toBe('Die Scorecard konnte nicht erstellt werden: Ihr Plan kann diesen Zeitraum nicht einordnen: Invalid time zone specified: Not/AZone');
  });

  it("week and fiscal-year periods are named in German; a month stays its digits", () => {
    useLocale('de');
    expect(periodName(WEEK.current.period)).toBe('Woche ab 2026-03-16');
    expect(periodName(YEAR.current.period)).toBe('GJ 2026');
    expect(periodName({ kind: 'month', label: '2026-03', startDate: '2026-03-01', fiscalQuarter: 1 })).toBe('2026-03');
    expect(periodName({ kind: 'quarter', label: 'Q2 FY2026/27', startDate: '2026-07-01', fiscalQuarter: 2 })).toBe('Q2 GJ 2026/27');
  });

  it('a sentence ending on an abbreviated German date keeps one full stop ("bis 31. Dez.")', () => {
    useLocale('de');
    const chart = {
      dates: ['2026-12-30', '2026-12-31'],
      x: [0, 86_400],
      actual: [1_000, null],
      quota: [500, 1_000],
      projection: [1_000, 2_000],
      booked: 1_000,
      quotaTotal: 1_000,
      projected: 2_000,
      leftOut: 0,
    };
    expect(nbsp(bookingsChartView(chart, 'USD', '2026-12-30', 'de-DE').summary)).toBe('1.000 $ von 1.000 $ Quote gebucht (100 %); bei diesem Tempo 2.000 $ bis 31. Dez.');
    expect(nbsp(bookingsChartView({ ...chart, projected: null }, 'USD', '2026-12-29', 'de-DE').summary)).toBe('Dieser Zeitraum hat noch nicht begonnen: Quote 1.000 $ bis 31. Dez.');
  });

  it('French keeps its space before : and ; on the same line (no-break)', () => {
    useLocale('fr');
    show(<ScorecardRiver scorecard={ready(S)} locale="fr-FR" />);
    const stall = root.querySelector('[data-testid=river-stall] p')?.textContent ?? '';
    expect(stall).toMatch(/^Les affaires bloquent en Proposal\u00a0: /);
    expect(stall).not.toMatch(/ [:;]/);
  });

  it('what closing a deal earns, and why it is unknown', () => {
    useLocale('de');
    const known = earningsView(whatThisDealEarns(deal('o', { stage: 'Proposal', amount: 20_000 }), P, { attained: 9_000, quota: 100_000 }), 'USD', 'de-DE')!;
    expect(nbsp(known.after ?? '')).toMatch(/^die Zielerreichung stiege auf \d+ %$/);
    const unknown = earningsView(whatThisDealEarns(deal('o', { amount: null }), P, { attained: 0, quota: 100_000 }), 'USD', 'de-DE')!;
    expect(unknown).toMatchObject({ earns: 'unbekannt', reason: 'der Deal zeigt keinen Betrag' });
  });
});

describe('nothing left in English', () => {
  it.each([
    ['a full quarter', S],
    ['a week', WEEK],
    ['a fiscal year', YEAR],
    ['no data', EMPTY],
    ['no plan', NO_PLAN],
  ])('%s: every word on the scorecard comes through t() or is data', (_name, s) => {
    usePseudoLocale();
    show(wholeScorecard(s));
    expect(root.textContent).toContain('⟦');
    expect(untranslated(root, { data: DATA, isData })).toEqual([]);
  });

  it('loading and error states', () => {
    usePseudoLocale();
    const loading = { status: 'loading' } as const;
    const error = { status: 'error', message: 'disk full' } as const;
    const noPeriod = { status: 'error', message: 'disk full', failure: 'period' } as const;
    const noPlan = { status: 'error', message: 'disk full', failure: 'plan' } as const;
    for (const state of [loading, error, noPeriod, noPlan]) {
      show(
        <>
          <Scorecard period="month" onPeriod={() => {}} scorecard={state} days={[]} />
          <ScorecardRiver scorecard={state} />
          <Charts scorecard={state} days={[]} wins={[]} plan={P} />
          <ScorecardAchievements scorecard={state} />
          <CountsTable caption="⟦Activity this week by type⟧" counts={state} emptyHint="" />
        </>,
      );
      expect(untranslated(root, { data: DATA, isData })).toEqual([]);
    }
  });

  it('the helper catches a literal left in English (it can fail)', () => {
    usePseudoLocale();
    show(
      <p>
        ⟦Goals⟧ Stalls here <span aria-label="Badges earned">3</span>
      </p>,
    );
    expect(untranslated(root)).toEqual(['Stalls', 'here', 'Badges', 'earned']);
  });

  it('what closing a deal earns', () => {
    usePseudoLocale();
    for (const d of [deal('o', { stage: 'Proposal', amount: 20_000 }), deal('o', { amount: null }), deal('o', { amount: 5, currency: 'CHF' })]) {
      const v = earningsView(whatThisDealEarns(d, P, { attained: 9_000, quota: 100_000 }), 'USD', 'en-US')!;
      for (const part of [v.earns, v.reason, v.expected, v.after].filter((x): x is string => x !== null)) {
        const p = document.createElement('p');
        p.textContent = part;
        expect(untranslated(p)).toEqual([]);
      }
    }
  });
});

describe('English stays what it was', () => {
  it('names other modules keep in English: event types, activity groups, badges and periods', () => {
    expect(EVENT_TYPES.map(eventLabel)).toEqual(EVENT_TYPES.map(type => EVENT_LABELS[type]));
    expect(ACTIVITY_GROUPS.map(activityGroupLabel)).toEqual(ACTIVITY_GROUPS.map(g => g.label));
    expect(BADGES.map(badgeLabel)).toEqual(BADGES.map(b => b.label));
    for (const s of [S, WEEK, YEAR]) expect(periodName(s.current.period)).toBe(s.current.period.label);
  });
});
