import { useSignal } from '@preact/signals';
import { erasePerson, erasureReportFileName, findPerson, isPersonQuery, type ErasureReport, type PersonMatch, type PersonQuery } from '../lib/erase';
import { captureSettings, planSettings } from '../lib/settings';
import { db } from '../lib/store';
import { downloadParts } from '../lib/transfer-download';
import { EraseReportView } from './EraseReportView';

const FIELDS: { key: keyof PersonQuery; label: string; placeholder: string }[] = [
  { key: 'profileUrl', label: 'LinkedIn profile URL', placeholder: 'https://www.linkedin.com/in/…' },
  { key: 'crmId', label: 'CRM id', placeholder: 'salesforce:00Q…' },
  { key: 'name', label: 'Full name', placeholder: 'Dana Park' },
  { key: 'company', label: 'Their company (tells namesakes apart)', placeholder: 'Acme' },
];

/** Erase one person (a data-subject request): find what Pacer holds about them, then erase it and keep a report. */
export function ErasePerson() {
  const query = useSignal<PersonQuery>({});
  const match = useSignal<PersonMatch | undefined>(undefined);
  const neverAgain = useSignal(true);
  const report = useSignal<ErasureReport | undefined>(undefined);
  const error = useSignal('');

  const find = async (e: Event) => {
    e.preventDefault();
    report.value = undefined;
    error.value = '';
    if (!isPersonQuery(query.value)) {
      error.value = 'Give at least one of: a LinkedIn profile URL, a CRM id, or a full name.';
      return;
    }
    try {
      match.value = await findPerson(db(), query.value);
    } catch (err) {
      error.value = `Could not search: ${String(err)}`;
    }
  };

  const erase = async () => {
    const q = query.value;
    try {
      const found = match.value;
      report.value = await erasePerson(db(), q, new Date(), (await planSettings.getValue()).timeZone);
      if (neverAgain.value && found) {
        // Their identifiers join the never-capture list, so no site records them again.
        const current = await captureSettings.getValue();
        const names = q.name?.trim() ? [q.name.trim()] : [];
        const entries = [...found.profileUrls, ...found.crmIds, ...names];
        await captureSettings.setValue({ ...current, neverCapture: [...new Set([...current.neverCapture, ...entries])] });
      }
      match.value = undefined;
    } catch (err) {
      error.value = `Nothing was erased: ${String(err)}`;
    }
  };

  const m = match.value;
  const total = m ? m.eventIds.length + m.people.length + m.sightings.length : 0;
  return (
    <div>
      <form onSubmit={find}>
        {FIELDS.map(f => (
          <div key={f.key}>
            <label for={`erase-${f.key}`}>{f.label}</label>
            <input id={`erase-${f.key}`} type="text" placeholder={f.placeholder} value={query.value[f.key] ?? ''}
              onInput={e => { query.value = { ...query.value, [f.key]: e.currentTarget.value }; match.value = undefined; }} />
          </div>
        ))}
        <p><button type="submit" class="secondary">Find this person</button></p>
      </form>
      {error.value && <p role="alert" class="error">{error.value}</p>}
      {m && (
        <div class="erase-confirm" role="region" aria-label="What erasing this person removes">
          {total === 0 ? (
            <p role="status">Pacer holds nothing about this person.</p>
          ) : (
            <>
              <p role="status" data-testid="erase-person-found">
                Found {m.eventIds.length} events, {m.people.length} people rows and {m.sightings.length} sighting links
                {' '}for {[...m.names, ...m.profileUrls, ...m.crmIds].join(', ')}.
              </p>
              <label class="switch">
                <input type="checkbox" checked={neverAgain.value} onChange={e => (neverAgain.value = e.currentTarget.checked)} />
                <span>Also never capture this person again</span>
              </label>
              <p class="muted">Erased events leave only their ids (tombstones), so they never come back; with team sync on, the server erases them too.</p>
              <p><button type="button" class="danger" onClick={() => void erase()}>Erase this person</button></p>
            </>
          )}
        </div>
      )}
      {report.value && (
        <EraseReportView report={report.value} onDownload={() => downloadParts(erasureReportFileName(new Date()), [JSON.stringify(report.value, null, 1)], 'application/json')} />
      )}
    </div>
  );
}
