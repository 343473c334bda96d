// The river (issue #6): open pipeline as a flow of stages with counts and value, the
// stage where deals stall flagged in words (not colour alone), and the deals over their
// stage target as links that open them in their CRM. Dumb: see lib/scorecard-extras.ts.
import { t } from '../lib/i18n';
import { riverView } from '../lib/scorecard-extras';
import type { ScorecardState } from '../lib/scorecard-store';
import { scorecardErrorText } from '../lib/scorecard-words';

export interface ScorecardRiverProps {
  scorecard: ScorecardState;
  /** For tests; the browser's locale otherwise. */
  locale?: string;
}

export function ScorecardRiver({ scorecard, locale }: ScorecardRiverProps) {
  return (
    <section aria-labelledby="sc-river" class="sc-river" style={{ minWidth: 0 }}>
      <h3 id="sc-river" class="sub">{t('scRiver')}</h3>
      <RiverBody scorecard={scorecard} locale={locale} />
    </section>
  );
}

const stallMark = { borderLeft: '3px solid var(--bad)', paddingLeft: '6px' };

function RiverBody({ scorecard, locale }: ScorecardRiverProps) {
  if (scorecard.status === 'loading') return <p class="muted" aria-busy="true">{t('scRiverLoading')}</p>;
  if (scorecard.status === 'error') return <p class="error" role="alert">{t('scRiverError', scorecardErrorText(scorecard))}</p>;
  const v = riverView(scorecard.value, locale);
  if (v.openDeals === 0) {
    return (
      <p class="muted" data-testid="river-empty">
        {t('scRiverEmpty')}
      </p>
    );
  }
  return (
    <>
      <table>
        <caption>{t('scRiverCaption', [v.total.count, v.total.value])}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scStage')}</th>
            <th scope="col" class="num">{t('scDeals')}</th>
            <th scope="col" class="num">{t('scValue')}</th>
          </tr>
        </thead>
        <tbody>
          {v.stages.map((r, i) => (
            <tr key={r.stage} data-stage={r.stage} data-stall={r.stall ? 'true' : undefined}>
              <th scope="row" style={{ ...(r.stall ? stallMark : {}), overflowWrap: 'anywhere' }}>
                <span aria-hidden="true" class="muted">
                  {i + 1}.{' '}
                </span>
                {r.stage}
                {r.stall && (
                  <>
                    {' '}
                    <strong class="error" data-testid="stall-label">
                      {t('scStallsHere')}
                    </strong>
                  </>
                )}
              </th>
              <td class="num">{r.count}</td>
              <td class="num">
                {r.value}
                {r.caveat && (
                  <span class="muted" style={{ display: 'block', fontSize: '12px', fontWeight: 'normal' }}>
                    {r.caveat}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {v.stall ? (
        <div data-testid="river-stall" style={{ ...stallMark, margin: '8px 0 0' }}>
          <p style={{ margin: '0 0 4px' }}>
            <strong>{t('scStallTitle', v.stall.stage)}</strong> {t('scStallBody', [v.stall.overTarget, v.stall.targetDays, v.stall.conversion, v.stall.medianDays])}
          </p>
          <ol aria-label={t('scStallList', v.stall.stage)} style={{ margin: 0, paddingLeft: '20px' }}>
            {v.stall.deals.map(d => (
              <li key={d.id} data-deal={d.id} style={{ overflowWrap: 'anywhere' }}>
                {d.url ? (
                  <a href={d.url} target="_blank" rel="noopener">
                    {d.name}
                  </a>
                ) : (
                  <span>{d.name}</span>
                )}{' '}
                <span class="muted">{d.summary}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p class="ok" data-testid="river-flowing">
          {t('scRiverFlowing')}
        </p>
      )}
    </>
  );
}
