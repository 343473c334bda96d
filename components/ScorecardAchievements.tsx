// Streaks, badges and personal bests (issue #6). Dumb: see lib/scorecard-extras.ts.
import type { Scorecard as ScorecardData } from '../lib/metrics/scorecard';
import { achievementsView } from '../lib/scorecard-extras';
import type { Loadable } from '../lib/scorecard-store';

export interface ScorecardAchievementsProps {
  scorecard: Loadable<ScorecardData>;
  /** Opens the Options page, where daily or weekly targets are set. */
  onOpenOptions?: () => void;
  /** For tests; the browser's locale otherwise. */
  locale?: string;
}

export function ScorecardAchievements({ scorecard, onOpenOptions, locale }: ScorecardAchievementsProps) {
  return (
    <section aria-labelledby="sc-achievements" class="sc-achievements" style={{ minWidth: 0 }}>
      <h3 id="sc-achievements" class="sub">Streaks, badges, personal bests</h3>
      <Body scorecard={scorecard} onOpenOptions={onOpenOptions} locale={locale} />
    </section>
  );
}

const STREAK_HINT = 'Hit your daily targets on consecutive working days to start a streak.';

function Body({ scorecard, onOpenOptions, locale }: ScorecardAchievementsProps) {
  if (scorecard.status === 'loading') return <p class="muted" aria-busy="true">Loading your streaks and badges…</p>;
  if (scorecard.status === 'error') return <p class="error" role="alert">Could not build your streaks and badges: {scorecard.message}</p>;
  const v = achievementsView(scorecard.value, locale);
  const st = v.streak;
  return (
    <>
      <div data-testid="streak" style={{ margin: '4px 0 8px' }}>
        {!st.hasTargets ? (
          <p class="muted" style={{ margin: 0 }}>
            Daily streak: {st.current}. Set daily or weekly targets in Options, then: {STREAK_HINT}{' '}
            {onOpenOptions && (
              <button type="button" class="secondary" onClick={onOpenOptions}>
                Open Options
              </button>
            )}
          </p>
        ) : st.days === 0 ? (
          <p class="muted" style={{ margin: 0 }}>
            Daily streak: {st.current} days. {STREAK_HINT} Best so far: {st.best}.
          </p>
        ) : (
          <p style={{ margin: 0 }}>
            <span class="big" style={{ fontSize: '22px' }}>
              {st.current}
            </span>{' '}
            working day{st.days === 1 ? '' : 's'} in a row on target
            <span class="muted">
              {' '}
              (best {st.best}; today {st.todayMet ? 'met' : 'not met yet'})
            </span>
          </p>
        )}
      </div>
      {v.badges.length === 0 ? (
        <p class="muted" data-testid="badges-empty">
          No badges yet: win a deal, get a referral or a proposal accepted, or keep a 5-day streak to earn your first.
        </p>
      ) : (
        <ul aria-label="Badges earned" style={{ margin: '0 0 8px', paddingLeft: '20px' }}>
          {v.badges.map(b => (
            <li key={b.id} data-badge={b.id}>
              <strong>{b.label}</strong> <span class="muted">earned {b.date}</span>
            </li>
          ))}
        </ul>
      )}
      <table>
        <caption>Personal bests</caption>
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
