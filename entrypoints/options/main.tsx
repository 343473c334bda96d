import { render } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import '../../components/theme.css';
import { exportFileName, parseExport } from '../../lib/export-format';
import type { RepIdentity } from '../../lib/model';
import { captureSettings, planSettings, repIdentity } from '../../lib/settings';
import { CaptureToggle } from '../../components/CaptureToggle';
import { PlanEditor } from '../../components/PlanEditor';
import { TeamSync } from '../../components/TeamSync';
import { db } from '../../lib/store';
import { exportAll, importExport } from '../../lib/transfer';

type Status = { kind: 'idle' } | { kind: 'ok'; text: string } | { kind: 'error'; text: string };

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

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Transfer() {
  const status = useSignal<Status>({ kind: 'idle' });
  const busy = useSignal(false);
  const doExport = async () => {
    busy.value = true;
    try {
      const now = new Date();
      const data = await exportAll(db(), await repIdentity.getValue(), now);
      download(exportFileName(now), JSON.stringify(data, null, 1));
      status.value = { kind: 'ok', text: `Exported ${data.events.length} events and ${data.deals.length} deals.` };
    } catch (error) {
      status.value = { kind: 'error', text: `Export failed: ${String(error)}` };
    } finally {
      busy.value = false;
    }
  };
  const doImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    busy.value = true;
    try {
      const parsed = parseExport(await file.text());
      if (!parsed.ok) {
        status.value = { kind: 'error', text: `${file.name}: ${parsed.error}` };
        return;
      }
      const r = await importExport(db(), parsed.data, (await planSettings.getValue()).timeZone);
      status.value = {
        kind: 'ok',
        text: `Imported ${file.name}: ${r.eventsAdded} new events, ${r.eventsPresent} already present, ${r.dealsUpdated} deals updated.`,
      };
    } catch (error) {
      status.value = { kind: 'error', text: `Import failed, nothing was changed: ${String(error)}` };
    } finally {
      busy.value = false;
    }
  };
  return (
    <div>
      <p class="muted">Your data in Pacer's public format (<code>pacer-export</code>, version 1). Importing merges by id: the same file twice changes nothing.</p>
      <p style={{ display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' }}>
        <button type="button" onClick={() => void doExport()} disabled={busy.value}>Export data (JSON)</button>
        {/* The native input stays focusable (visually hidden); its label is the visible button. */}
        <input id="import-file" class="file-input" type="file" accept="application/json,.json" aria-label="Import data from a Pacer export file"
          onChange={e => void doImport(e.currentTarget)} />
        <label class="button secondary" for="import-file">Import data…</label>
      </p>
      {status.value.kind !== 'idle' && (
        <p role={status.value.kind === 'error' ? 'alert' : 'status'} class={status.value.kind === 'error' ? 'error' : 'ok'} data-testid="transfer-status">
          {status.value.text}
        </p>
      )}
    </div>
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
      </section>
      <section class="card" aria-labelledby="data">
        <h2 id="data">Your data</h2>
        <Transfer />
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
