// Streaks, badges and personal bests (issue #6). Dumb: see lib/scorecard-extras.ts.
import { pluralKey, t } from '../lib/i18n';
import { achievementsView } from '../lib/scorecard-extras';
import { scorecardErrorText } from '../lib/scorecard-words';
import { tParts } from './t-parts';
import type { ScorecardState } from '../lib/scorecard-store';

export interface ScorecardAchievementsProps {
  scorecard: ScorecardState;
  /** Opens the Options page, where daily or weekly targets are set. */
  onOpenOptions?: () => void;
  /** For tests; the browser's locale otherwise. */
  locale?: string;
}

export function ScorecardAchievements({ scorecard, onOpenOptions, locale }: ScorecardAchievementsProps) {
  return (
    <section aria-labelledby="sc-achievements" class="sc-achievements" style={{ minWidth: 0 }}>
      <h3 id="sc-achievements" class="sub">{t('scAchievements')}</h3>
      <Body scorecard={scorecard} onOpenOptions={onOpenOptions} locale={locale} />
    </section>
  );
}

function Body({ scorecard, onOpenOptions, locale }: ScorecardAchievementsProps) {
  if (scorecard.status === 'loading') return <p class="muted" aria-busy="true">{t('scAchLoading')}</p>;
  if (scorecard.status === 'error') return <p class="error" role="alert">{t('scAchError', scorecardErrorText(scorecard))}</p>;
  const v = achievementsView(scorecard.value, locale);
  const st = v.streak;
  return (
    <>
      <div data-testid="streak" style={{ margin: '4px 0 8px' }}>
        {!st.hasTargets ? (
          <p class="muted" style={{ margin: 0 }}>
            {t('scStreakNoTargets', [st.current, t('scStreakHint')])}{' '}
            {onOpenOptions && (
              <button type="button" class="secondary" onClick={onOpenOptions}>
                {t('scOpenOptions')}
              </button>
            )}
          </p>
        ) : st.days === 0 ? (
          <p class="muted" style={{ margin: 0 }}>
            {t('scStreakZero', [st.current, t('scStreakHint'), st.best])}
          </p>
        ) : (
          <p style={{ margin: 0 }}>
            {tParts(
              pluralKey(st.days, 'scStreakOne', 'scStreakOther', locale),
              <span class="big" style={{ fontSize: '22px' }}>
                {st.current}
              </span>,
            )}
            <span class="muted">
              {' '}
              {t('scStreakDetail', [st.best, t(st.todayMet ? 'scTodayMet' : 'scTodayNotMet')])}
            </span>
          </p>
        )}
      </div>
      {v.badges.length === 0 ? (
        <p class="muted" data-testid="badges-empty">
          {t('scBadgesEmpty')}
        </p>
      ) : (
        <ul aria-label={t('scBadgesEarned')} style={{ margin: '0 0 8px', paddingLeft: '20px' }}>
          {v.badges.map(b => (
            <li key={b.id} data-badge={b.id}>
              <strong>{b.label}</strong> <span class="muted">{t('scEarnedOn', b.date)}</span>
            </li>
          ))}
        </ul>
      )}
      <table>
        <caption>{t('scPersonalBests')}</caption>
        <tbody>
          {v.bests.map(b => (
            <tr key={b.key} data-best={b.key}>
              <th scope="row">{b.label}</th>
              <td class="num" style={{ overflowWrap: 'anywhere' }}>
                {b.value}
                {b.detail && (
                  <span class="muted" style={{ display: 'block', fontSize: '12px', fontWeight: 'normal' }}>
                    {b.detail}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
