import type { CountsByType } from '../lib/metrics/counts';
import { eventLabel } from '../lib/event-labels';
import { formatNumber, t } from '../lib/i18n';
import { EVENT_TYPES } from '../lib/model';
import type { Loadable } from '../lib/store';

export interface CountsTableProps {
  caption: string;
  counts: Loadable<CountsByType>;
  /** What to tell a rep who has nothing recorded yet in this period. */
  emptyHint: string;
}

// The caption sits mid-sentence in the loading and error lines: lower-cased there, except
// in German, whose nouns keep their capital ("Aktivität dieser Woche … wird geladen").
const midSentence = (caption: string) => (t('page_lang') === 'de' ? caption : caption.toLowerCase());

export function CountsTable({ caption, counts, emptyHint }: CountsTableProps) {
  if (counts.status === 'loading') return <p class="muted" aria-busy="true">{t('scCountsLoading', midSentence(caption))}</p>;
  if (counts.status === 'error') return <p class="error" role="alert">{t('scCountsError', [midSentence(caption), counts.message])}</p>;
  const rows = EVENT_TYPES.filter(type => (counts.value[type] ?? 0) > 0);
  if (rows.length === 0) return <p class="muted">{emptyHint}</p>;
  return (
    <table>
      <caption>{caption}</caption>
      <tbody>
        {rows.map(type => (
          <tr key={type} data-type={type}>
            <th scope="row">{eventLabel(type)}</th>
            <td class="num">{formatNumber(counts.value[type] ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
