import { render } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import '../../components/theme.css';
import type { RepIdentity } from '../../lib/model';
import { captureSettings, repIdentity } from '../../lib/settings';
import { CaptureToggle } from '../../components/CaptureToggle';
import { PlanEditor } from '../../components/PlanEditor';
import { TeamSync } from '../../components/TeamSync';
import '../../components/ImportData.css';
import { CustomAdapterEditor } from '../../components/CustomAdapterEditor';
import { EraseEverything } from '../../components/EraseEverything';
import { ErasePerson } from '../../components/ErasePerson';
import { ExportData } from '../../components/ExportData';
import { ImportData } from '../../components/ImportData';
import { OnboardingSites } from '../../components/OnboardingSites';
import { RetentionSetting } from '../../components/RetentionSetting';
import { db } from '../../lib/store';
import { t } from '../../lib/i18n';
import { tParts } from '../../components/t-parts';

function Identity() {
  const rep = useSignal<RepIdentity>({ name: '', email: '' });
  const saved = useSignal(false);
  useEffect(() => void repIdentity.getValue().then(v => (rep.value = v)), []);
  const save = async (e: Event) => {
    e.preventDefault();
    await repIdentity.setValue({ name: rep.value.name.trim(), email: rep.value.email.trim() });
    saved.value = true;
  };
  return (
    <form onSubmit={save}>
      <label for="rep-name">{t('options_identity_name')}</label>
      <input id="rep-name" type="text" autocomplete="name" value={rep.value.name}
        onInput={e => { rep.value = { ...rep.value, name: e.currentTarget.value }; saved.value = false; }} />
      <label for="rep-email">{t('options_identity_email')}</label>
      <input id="rep-email" type="email" autocomplete="email" value={rep.value.email}
        onInput={e => { rep.value = { ...rep.value, email: e.currentTarget.value }; saved.value = false; }} />
      <p><button type="submit">{t('options_identity_save')}</button> {saved.value && <span class="ok" role="status">{t('options_saved')}</span>}</p>
    </form>
  );
}

function Privacy() {
  const text = useSignal('');
  const saved = useSignal(false);
  useEffect(() => void captureSettings.getValue().then(v => (text.value = v.neverCapture.join('\n'))), []);
  const save = async (e: Event) => {
    e.preventDefault();
    const current = await captureSettings.getValue();
    const neverCapture = [...new Set(text.value.split('\n').map(l => l.trim()).filter(Boolean))];
    await captureSettings.setValue({ ...current, neverCapture });
    text.value = neverCapture.join('\n');
    saved.value = true;
  };
  return (
    <form onSubmit={save}>
      <CaptureToggle />
      <label for="never-capture">{t('options_never_capture_label')}</label>
      <p class="muted" id="never-capture-help" style={{ margin: '0 0 4px' }}>
        {tParts('options_never_capture_help', <code>bigclient.com</code>)}
      </p>
      <textarea id="never-capture" rows={5} aria-describedby="never-capture-help" value={text.value}
        onInput={e => { text.value = e.currentTarget.value; saved.value = false; }} />
      <p><button type="submit">{t('options_never_capture_save')}</button> {saved.value && <span class="ok" role="status">{t('options_saved')}</span>}</p>
    </form>
  );
}

/** The plan editor, told which currencies the rep's deals are in (each needs a rate). */
function PlanSection() {
  const currencies = useSignal<string[]>([]);
  useEffect(() => {
    const seen = new Set<string>();
    db().deals.each(d => { if (d.currency) seen.add(d.currency); })
      .then(() => (currencies.value = [...seen].sort()))
      // Without the list the editor still validates the plan itself; only the missing-rate check is skipped.
      .catch(() => undefined);
  }, []);
  return <PlanEditor currenciesInUse={currencies.value} />;
}

function Options() {
  return (
    <main>
      <h1>{t('options_title')}</h1>
      <section class="card" aria-labelledby="who">
        <h2 id="who">{t('options_identity_title')}</h2>
        <Identity />
      </section>
      <section class="card" aria-labelledby="privacy">
        <h2 id="privacy">{t('options_privacy_title')}</h2>
        <Privacy />
        <OnboardingSites />
        <p>{tParts('options_welcome_again', <a href={browser.runtime.getURL('/welcome.html')} target="_blank">{t('options_welcome_again_link')}</a>)}</p>
      </section>
      <section class="card" aria-labelledby="data">
        <h2 id="data">{t('options_data_title')}</h2>
        <ExportData />
        <ImportData />
      </section>
      <section class="card" aria-labelledby="erase">
        <h2 id="erase">{t('options_erase_title')}</h2>
        <RetentionSetting />
        <h3 class="sub">{t('options_erase_person_title')}</h3>
        <ErasePerson />
        <h3 class="sub">{t('options_erase_all_title')}</h3>
        <EraseEverything />
      </section>
      <section class="card" aria-labelledby="custom-crm">
        <h2 id="custom-crm">{t('options_custom_crm_title')}</h2>
        <CustomAdapterEditor />
      </section>
      <section class="card" aria-labelledby="plan">
        <h2 id="plan">{t('options_plan_title')}</h2>
        <PlanSection />
      </section>
      <section class="card" aria-labelledby="team-sync">
        <h2 id="team-sync">{t('options_team_sync_title')}</h2>
        <TeamSync />
      </section>
    </main>
  );
}

// The page's language is that of the words shown, so screen readers pronounce them right.
document.documentElement.lang = t('page_lang');
document.title = t('options_title');
render(<Options />, document.getElementById('app')!);
