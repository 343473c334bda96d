import type { CountsByType } from '../lib/metrics/counts';
import { EVENT_LABELS } from '../lib/labels';
import { EVENT_TYPES } from '../lib/model';
import type { Loadable } from '../lib/store';

export interface CountsTableProps {
  caption: string;
  counts: Loadable<CountsByType>;
  /** What to tell a rep who has nothing recorded yet in this period. */
  emptyHint: string;
}

export function CountsTable({ caption, counts, emptyHint }: CountsTableProps) {
  if (counts.status === 'loading') return <p class="muted" aria-busy="true">Loading {caption.toLowerCase()}…</p>;
  if (counts.status === 'error') return <p class="error" role="alert">Could not read {caption.toLowerCase()}: {counts.message}</p>;
  const rows = EVENT_TYPES.filter(t => (counts.value[t] ?? 0) > 0);
  if (rows.length === 0) return <p class="muted">{emptyHint}</p>;
  const fmt = new Intl.NumberFormat();
  return (
    <table>
      <caption>{caption}</caption>
      <tbody>
        {rows.map(type => (
          <tr key={type} data-type={type}>
            <th scope="row">{EVENT_LABELS[type]}</th>
            <td class="num">{fmt.format(counts.value[type] ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
