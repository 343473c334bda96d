// The scorecard period the rep last chose in the side panel (issue #6, "Speed"): the panel
// opens on it, and the background keeps its saved scorecard current before the others.
// Local storage, not the database: choosing a period is not a data change.
import { storage } from '#imports';
import { isScorecardPeriod, type ScorecardPeriod } from './scorecard-refresh';

export const scorecardPeriodSetting = storage.defineItem<ScorecardPeriod>('local:scorecardPeriod', { fallback: 'quarter' });

/** The chosen period; 'quarter' when none was chosen or the stored value is not a period. */
export async function chosenPeriod(): Promise<ScorecardPeriod> {
  try {
    const p = await scorecardPeriodSetting.getValue();
    return isScorecardPeriod(p) ? p : 'quarter';
  } catch {
    return 'quarter';
  }
}
