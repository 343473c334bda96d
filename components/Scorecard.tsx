// The side panel's scorecard (issue #6): goals, KPIs, drivers with sparklines and the
// pyramid's catch-up. Dumb: it renders what it is given, the store's numbers (lib/scorecard-store.ts)
// in the words of lib/scorecard-words.ts.
import type { DailyAggregate } from '../lib/metrics/aggregate';
import { localDateOf } from '../lib/metrics/periods';
import type { Scorecard as ScorecardData } from '../lib/metrics/scorecard';
import { t } from '../lib/i18n';
import { driverRows, SCORECARD_PERIODS, sparklineData, type ScorecardPeriod, type ScorecardState } from '../lib/scorecard-store';
import {
  driverRowLabel,
  formatters,
  goalSummaryWords,
  kpiRowsWords,
  paceWord,
  periodName,
  periodOptionLabel,
  pyramidFocusWords,
  scorecardErrorText,
  sparklineSummaryWords,
  tierWord,
} from '../lib/scorecard-words';
import { Sparkline } from './Sparkline';

export interface ScorecardProps {
  period: ScorecardPeriod;
  onPeriod: (p: ScorecardPeriod) => void;
  scorecard: ScorecardState;
  /** Day rows of the period (and the previous one): the sparklines. */
  days: readonly DailyAggregate[];
  /** Opens the Options page, where the plan is set. */
  onOpenOptions?: () => void;
  /** For tests; the browser's locale otherwise. */
  locale?: string;
}

export function Scorecard({ period, onPeriod, scorecard, days, onOpenOptions, locale }: ScorecardProps) {
  return (
    <div class="scorecard" style={{ minWidth: 0 }}>
      <PeriodSwitcher period={period} onPeriod={onPeriod} />
      <ScorecardBody scorecard={scorecard} days={days} onOpenOptions={onOpenOptions} locale={locale} />
    </div>
  );
}

export function PeriodSwitcher({ period, onPeriod }: Pick<ScorecardProps, 'period' | 'onPeriod'>) {
  return (
    <fieldset role="radiogroup" aria-label={t('scPeriod')} style={{ border: 0, padding: 0, margin: '0 0 8px', display: 'flex', flexWrap: 'wrap', gap: '4px 12px' }}>
      <legend class="muted" style={{ padding: 0, fontSize: '12px', float: 'left', marginRight: '8px' }}>{t('scPeriod')}</legend>
      {SCORECARD_PERIODS.map(p => (
        <label key={p} class="switch" style={{ margin: 0 }}>
          <input type="radio" name="scorecard-period" value={p} checked={period === p} onChange={() => onPeriod(p)} />
          {periodOptionLabel(p)}
        </label>
      ))}
    </fieldset>
  );
}

function ScorecardBody({ scorecard, days, onOpenOptions, locale }: Omit<ScorecardProps, 'period' | 'onPeriod'>) {
  if (scorecard.status === 'loading') return <p class="muted" aria-busy="true">{t('scLoading')}</p>;
  if (scorecard.status === 'error') return <p class="error" role="alert">{t('scError', scorecardErrorText(scorecard))}</p>;
  const s = scorecard.value;
  return (
    <>
      <p class="muted" style={{ margin: '0 0 4px' }}>{periodName(s.current.period)}</p>
      <Goals s={s} onOpenOptions={onOpenOptions} locale={locale} />
      <Pyramid s={s} locale={locale} />
      <Kpis s={s} locale={locale} />
      <Drivers s={s} days={days} locale={locale} />
    </>
  );
}

export function Goals({ s, onOpenOptions, locale }: { s: ScorecardData; onOpenOptions?: () => void; locale?: string }) {
  const g = goalSummaryWords(s, locale);
  return (
    <section aria-labelledby="sc-goals">
      <h3 id="sc-goals" class="sub">{t('scGoals')}</h3>
      {!g.hasPlan ? (
        <p class="muted" data-testid="no-plan">
          {t('scNoPlan')}{' '}
          {onOpenOptions && (
            <button type="button" class="secondary" onClick={onOpenOptions}>
              {t('scOpenOptions')}
            </button>
          )}
        </p>
      ) : (
        <table>
          <caption>{t('scGoalsCaption')}</caption>
          <tbody>
            <tr data-goal="attainment">
              <th scope="row">{t('scAttainment')}</th>
              <td class="num">
                {g.attainment} <span class="muted">{t('scAttainedOfQuota', [g.attained, g.quota])}</span>
              </td>
            </tr>
            <tr data-goal="pacing">
              <th scope="row">{t('scPacing')}</th>
              <td class={`num ${g.status === 'behind' ? 'error' : g.status === 'ahead' ? 'ok' : ''}`}>{g.pacing}</td>
            </tr>
            <tr data-goal="projected">
              <th scope="row">{t('scProjected')}</th>
              <td class="num">{g.projected}</td>
            </tr>
            <tr data-goal="commission">
              <th scope="row">{t('scCommission')}</th>
              <td class="num">{g.commission}</td>
            </tr>
          </tbody>
        </table>
      )}
      {g.hasPlan && g.caveat && <p class="muted" style={{ fontSize: '12px' }}>{g.caveat}</p>}
    </section>
  );
}

export function Pyramid({ s, locale }: { s: ScorecardData; locale?: string }) {
  const p = pyramidFocusWords(s, locale);
  return (
    <section aria-labelledby="sc-pyramid" data-tier={p.tier ?? 'none'}>
      <h3 id="sc-pyramid" class="sub">{t('scWhatItTakes')}</h3>
      {p.tier === null ? (
        <p class="ok">{t('scNothingBehind')}</p>
      ) : (
        <p role="note" style={{ borderLeft: '3px solid var(--bad)', paddingLeft: '8px', margin: '4px 0' }}>
          <strong>{t('scBehindFirstIn', tierWord(p.tier))}</strong> {p.behind.join(', ')}.
        </p>
      )}
      {p.catchUp.length > 0 && (
        <table>
          <caption>{t('scCatchUpCaption')}</caption>
          <tbody>
            {p.catchUp.map(r => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td class="num">{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function Kpis({ s, locale }: { s: ScorecardData; locale?: string }) {
  const rows = kpiRowsWords(s, locale);
  return (
    <section aria-labelledby="sc-kpis">
      <h3 id="sc-kpis" class="sub">{t('scKpis')}</h3>
      <table>
        <caption>{t('scKpisCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scKpi')}</th>
            <th scope="col" class="num">{t('scNow')}</th>
            <th scope="col" class="num">{t('scChange')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(r => (
            <tr key={r.key} data-kpi={r.key}>
              <th scope="row">{r.label}</th>
              <td class="num">{r.value}</td>
              <td class="num">{r.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Drivers({ s, days, locale }: { s: ScorecardData; days: readonly DailyAggregate[]; locale?: string }) {
  const f = formatters(locale);
  const rows = driverRows(s);
  const p = s.current.period;
  const today = localDateOf(new Date(s.generatedAt), s.timeZone);
  const nothing = rows.every(r => r.actual === 0);
  return (
    <section aria-labelledby="sc-drivers">
      <h3 id="sc-drivers" class="sub">{t('scDrivers')}</h3>
      {nothing && <p class="muted">{t('scNoActivity')}</p>}
      <table>
        <caption>{t('scDriversCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scDriver')}</th>
            <th scope="col" class="num">{t('scDoneTarget')}</th>
            <th scope="col" class="num">{t('scPace')}</th>
            <th scope="col" class="num">{t('scDaily')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(r => {
            const data = sparklineData(days, r.drivers, p, today);
            const label = driverRowLabel(r.driver);
            return (
              <tr key={r.driver} data-driver={r.driver}>
                <th scope="row">{label}</th>
                <td class="num">
                  {f.int(r.actual)} / {r.target === null ? t('scNoTarget') : f.one(r.target)}
                </td>
                <td class={`num ${r.pace === 'behind' ? 'error' : r.pace === 'ahead' ? 'ok' : ''}`}>{r.pace ? paceWord(r.pace) : '—'}</td>
                <td class="num" style={{ width: '76px' }}>
                  <Sparkline data={data} label={sparklineSummaryWords(label, data, locale)} width={72} height={22} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
