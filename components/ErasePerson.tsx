import { useSignal } from '@preact/signals';
import { erasePerson, erasureReportFileName, findPerson, isPersonQuery, type ErasureReport, type PersonMatch, type PersonQuery } from '../lib/erase';
import { captureSettings, planSettings } from '../lib/settings';
import { formatNumber, t, type MessageKey } from '../lib/i18n';
import { db } from '../lib/store';
import { downloadParts } from '../lib/transfer-download';
import { EraseReportView } from './EraseReportView';

// Placeholders are examples of the value's shape; only the sample name is worth translating.
const FIELDS: { key: keyof PersonQuery; label: MessageKey; placeholder: () => string }[] = [
  { key: 'profileUrl', label: 'erase_field_profile_url', placeholder: () => 'https://www.linkedin.com/in/…' },
  { key: 'crmId', label: 'erase_field_crm_id', placeholder: () => 'salesforce:00Q…' },
  { key: 'name', label: 'erase_field_name', placeholder: () => t('erase_field_name_placeholder') },
  { key: 'company', label: 'erase_field_company', placeholder: () => 'Acme' },
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
      error.value = t('erase_need_query');
      return;
    }
    try {
      match.value = await findPerson(db(), query.value);
    } catch (err) {
      error.value = t('erase_search_failed', String(err));
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
      error.value = t('erase_nothing_erased', String(err));
    }
  };

  const m = match.value;
  const total = m ? m.eventIds.length + m.people.length + m.sightings.length : 0;
  return (
    <div>
      <form onSubmit={find}>
        {FIELDS.map(f => (
          <div key={f.key}>
            <label for={`erase-${f.key}`}>{t(f.label)}</label>
            <input id={`erase-${f.key}`} type="text" placeholder={f.placeholder()} value={query.value[f.key] ?? ''}
              onInput={e => { query.value = { ...query.value, [f.key]: e.currentTarget.value }; match.value = undefined; }} />
          </div>
        ))}
        <p><button type="submit" class="secondary">{t('erase_find')}</button></p>
      </form>
      {error.value && <p role="alert" class="error">{error.value}</p>}
      {m && (
        <div class="erase-confirm" role="region" aria-label={t('erase_person_region')}>
          {total === 0 ? (
            <p role="status">{t('erase_person_nothing')}</p>
          ) : (
            <>
              <p role="status" data-testid="erase-person-found">
                {t('erase_person_found', [formatNumber(m.eventIds.length), formatNumber(m.people.length), formatNumber(m.sightings.length), [...m.names, ...m.profileUrls, ...m.crmIds].join(', ')])}
              </p>
              <label class="switch">
                <input type="checkbox" checked={neverAgain.value} onChange={e => (neverAgain.value = e.currentTarget.checked)} />
                <span>{t('erase_person_never_again')}</span>
              </label>
              <p class="muted">{t('erase_person_tombstones')}</p>
              <p><button type="button" class="danger" onClick={() => void erase()}>{t('erase_person_button')}</button></p>
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
