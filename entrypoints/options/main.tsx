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
      <label for="rep-name">Your name</label>
      <input id="rep-name" type="text" autocomplete="name" value={rep.value.name}
        onInput={e => { rep.value = { ...rep.value, name: e.currentTarget.value }; saved.value = false; }} />
      <label for="rep-email">Your work email</label>
      <input id="rep-email" type="email" autocomplete="email" value={rep.value.email}
        onInput={e => { rep.value = { ...rep.value, email: e.currentTarget.value }; saved.value = false; }} />
      <p><button type="submit">Save identity</button> {saved.value && <span class="ok" role="status">Saved.</span>}</p>
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
      <label for="never-capture">Never capture</label>
      <p class="muted" id="never-capture-help" style={{ margin: '0 0 4px' }}>
        One per line: a domain (<code>bigclient.com</code>), a LinkedIn profile URL, an email, a CRM id or a full name. Pacer records nothing about them, on any site.
      </p>
      <textarea id="never-capture" rows={5} aria-describedby="never-capture-help" value={text.value}
        onInput={e => { text.value = e.currentTarget.value; saved.value = false; }} />
      <p><button type="submit">Save never-capture list</button> {saved.value && <span class="ok" role="status">Saved.</span>}</p>
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
      <h1>Pacer options</h1>
      <section class="card" aria-labelledby="who">
        <h2 id="who">Who you are</h2>
        <Identity />
      </section>
      <section class="card" aria-labelledby="privacy">
        <h2 id="privacy">Privacy</h2>
        <Privacy />
        <OnboardingSites />
        <p><a href={browser.runtime.getURL('/welcome.html')} target="_blank">Show the welcome page again</a>: what Pacer records, never records, and where your data goes.</p>
      </section>
      <section class="card" aria-labelledby="data">
        <h2 id="data">Your data</h2>
        <ExportData />
        <ImportData />
      </section>
      <section class="card" aria-labelledby="erase">
        <h2 id="erase">Erase and retain</h2>
        <RetentionSetting />
        <h3 class="sub">Erase one person</h3>
        <ErasePerson />
        <h3 class="sub">Erase everything</h3>
        <EraseEverything />
      </section>
      <section class="card" aria-labelledby="custom-crm">
        <h2 id="custom-crm">Any other CRM</h2>
        <CustomAdapterEditor />
      </section>
      <section class="card" aria-labelledby="plan">
        <h2 id="plan">Plan and targets</h2>
        <PlanSection />
      </section>
      <section class="card" aria-labelledby="team-sync">
        <h2 id="team-sync">Team sync</h2>
        <TeamSync />
      </section>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
