import { useSignal } from '@preact/signals';
import { eraseEverything, erasureReportFileName, type ErasureReport } from '../lib/erase';
import { db } from '../lib/store';
import { downloadParts } from '../lib/transfer-download';
import { EraseReportView } from './EraseReportView';

type Counts = { events: number; deals: number; people: number };

/** Erase everything: a confirm that names what will go, then a report. */
export function EraseEverything() {
  const counts = useSignal<Counts | undefined>(undefined);
  const report = useSignal<ErasureReport | undefined>(undefined);
  const error = useSignal('');
  const ask = async () => {
    report.value = undefined;
    const d = db();
    counts.value = { events: await d.events.count(), deals: await d.deals.count(), people: await d.people.count() };
  };
  const erase = async () => {
    try {
      report.value = await eraseEverything(db());
      counts.value = undefined;
    } catch (err) {
      error.value = `Nothing was erased: ${String(err)}`;
    }
  };
  const c = counts.value;
  return (
    <div>
      <p><button type="button" class="secondary" onClick={() => void ask()}>Erase everything…</button></p>
      {c && (
        <div class="erase-confirm" role="alertdialog" aria-labelledby="erase-all-title" aria-describedby="erase-all-what">
          <p id="erase-all-title"><strong>Erase everything Pacer recorded in this browser?</strong></p>
          <p id="erase-all-what">
            This deletes {c.events} events, {c.deals} deals and {c.people} people, with their day totals and sighting links. Your settings
            (who you are, your plan, privacy lists, custom CRM) stay. It cannot be undone: export first if you want a copy. With team sync on,
            the server erases your events too.
          </p>
          <p class="button-row">
            <button type="button" class="danger" ref={el => el?.focus()} onClick={() => void erase()}>Erase {c.events} events and everything else</button>
            <button type="button" class="secondary" onClick={() => (counts.value = undefined)}>Keep my data</button>
          </p>
        </div>
      )}
      {error.value && <p role="alert" class="error">{error.value}</p>}
      {report.value && (
        <EraseReportView report={report.value} onDownload={() => downloadParts(erasureReportFileName(new Date()), [JSON.stringify(report.value, null, 1)], 'application/json')} />
      )}
    </div>
  );
}
