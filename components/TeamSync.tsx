// Options → Team sync (issue #7): where a rep connects Pacer to the team server.
// Off by default (local-first). The token is a password field, kept in storage.local
// only (lib/sync-state.ts), and never shown again once saved.
import { useSignal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { useEffect } from 'preact/hooks';
import { sendMessage } from '../lib/messages';
import type { Plan } from '../lib/metrics/plan';
import { planSettings } from '../lib/settings';
import { waitingEstimate } from '../lib/sync';
import { TeamClient, type WhoAmI } from '../lib/sync-client';
import { NO_WAITING, syncStatus, teamPlan, teamSyncSettings, teamToken, type SyncStatus, type TeamPlanState, type Waiting } from '../lib/sync-state';
import { checkServerUrl } from '../lib/sync-url';
import { formatTime, planLine, waitingLine, whoamiLine } from '../lib/sync-view';
import { db } from '../lib/store';
import './TeamSync.css';

type Check = { kind: 'idle' } | { kind: 'busy' } | { kind: 'ok'; who: WhoAmI } | { kind: 'error'; text: string };

export function TeamSync() {
  const url = useSignal('');
  const token = useSignal('');
  const hasToken = useSignal(false);
  const enabled = useSignal<boolean | undefined>(undefined);
  const status = useSignal<SyncStatus | undefined>(undefined);
  const waiting = useSignal<Waiting>(NO_WAITING);
  const check = useSignal<Check>({ kind: 'idle' });
  const saved = useSignal<string | null>(null);
  const plan = useSignal<{ local: Plan; team: TeamPlanState | null } | undefined>(undefined);
  const syncing = useSignal(false);

  useEffect(() => {
    void teamSyncSettings.getValue().then(s => ((url.value = s.url), (enabled.value = s.enabled)));
    void teamToken.getValue().then(t => (hasToken.value = t !== ''));
    void syncStatus.getValue().then(s => (status.value = s));
    const readPlan = () => void Promise.all([planSettings.getValue(), teamPlan.getValue()]).then(([local, team]) => (plan.value = { local, team }));
    readPlan();
    // Counts, not a scan: this follows every write.
    const sub = liveQuery(() => waitingEstimate(db())).subscribe({ next: w => (waiting.value = w), error: () => undefined });
    const stops = [
      teamSyncSettings.watch(s => (enabled.value = s.enabled)),
      teamToken.watch(t => (hasToken.value = (t ?? '') !== '')),
      syncStatus.watch(s => (status.value = s ?? undefined)),
      planSettings.watch(readPlan),
      teamPlan.watch(readPlan),
    ];
    return () => (sub.unsubscribe(), stops.forEach(stop => stop()));
  }, []);

  /** The token typed now, else the one saved. */
  const currentToken = async () => token.value.trim() || (await teamToken.getValue());

  const save = async (e: Event) => {
    e.preventDefault();
    const checked = checkServerUrl(url.value);
    if (!checked.ok) {
      check.value = { kind: 'error', text: checked.error };
      return;
    }
    const current = await teamSyncSettings.getValue();
    await teamSyncSettings.setValue({ ...current, url: checked.url });
    if (token.value.trim()) await teamToken.setValue(token.value.trim());
    url.value = checked.url;
    token.value = '';
    saved.value = 'Saved.';
  };

  const testConnection = async () => {
    const checked = checkServerUrl(url.value);
    if (!checked.ok) return void (check.value = { kind: 'error', text: checked.error });
    const t = await currentToken();
    if (!t) return void (check.value = { kind: 'error', text: 'Paste your team token first.' });
    check.value = { kind: 'busy' };
    try {
      check.value = { kind: 'ok', who: await new TeamClient({ url: checked.url, token: t, timeoutMs: 15_000 }).whoami() };
    } catch (error) {
      check.value = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
    }
  };

  const toggle = async () => {
    const current = await teamSyncSettings.getValue();
    if (!current.enabled) {
      const checked = checkServerUrl(current.url);
      if (!checked.ok || !(await teamToken.getValue())) {
        check.value = { kind: 'error', text: 'Save the team server URL and your token before turning sync on.' };
        return;
      }
    }
    await teamSyncSettings.setValue({ ...current, enabled: !current.enabled });
  };

  const syncNow = async () => {
    syncing.value = true;
    try {
      status.value = await sendMessage('syncNow', {});
    } catch (error) {
      check.value = { kind: 'error', text: `Could not reach Pacer's background: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      syncing.value = false;
    }
  };

  const s = status.value;
  const planText = plan.value ? planLine(enabled.value ?? false, plan.value.local, plan.value.team) : null;
  return (
    <div class="team-sync">
      <p class="muted">
        Off until you turn it on. When on, Pacer sends your activity's metadata (type, time, site, deal, amount, stage moves,
        call outcomes) to your team's server; never subject lines, page addresses, message text or, unless your team enables
        it, the names of people you contacted.
      </p>
      <form onSubmit={save}>
        <label for="team-url">Team server URL</label>
        <input id="team-url" type="url" inputMode="url" autocomplete="off" spellcheck={false} placeholder="https://pacer.example.com" value={url.value}
          onInput={e => ((url.value = e.currentTarget.value), (saved.value = null))} />
        <label for="team-token">Team token</label>
        <input id="team-token" type="password" autocomplete="off" spellcheck={false} aria-describedby="team-token-help"
          placeholder={hasToken.value ? 'Saved (paste a new one to replace it)' : 'Paste the token your manager gave you'} value={token.value}
          onInput={e => ((token.value = e.currentTarget.value), (saved.value = null))} />
        <p class="muted" id="team-token-help" style={{ margin: '2px 0 0' }}>Kept in this browser only; never copied to your other browsers.</p>
        <p style={{ display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' }}>
          <button type="submit">Save team server</button>
          <button type="button" class="secondary" onClick={() => void testConnection()} disabled={check.value.kind === 'busy'}>Test connection</button>
          {saved.value && <span class="ok" role="status">{saved.value}</span>}
        </p>
      </form>
      <div aria-live="polite" data-testid="team-check">
        {check.value.kind === 'busy' && <p class="muted">Connecting…</p>}
        {check.value.kind === 'ok' && <p class="ok">Connected: {whoamiLine(check.value.who)}.</p>}
        {check.value.kind === 'error' && <p class="error" role="alert">{check.value.text}</p>}
      </div>
      <label class="switch">
        <input type="checkbox" role="switch" checked={enabled.value ?? false} disabled={enabled.value === undefined} onChange={() => void toggle()} />
        <span>Team sync</span>
      </label>
      <dl class="sync-status" data-testid="sync-status">
        <dt>Last sync</dt>
        <dd data-testid="sync-last">{formatTime(s?.lastSyncAt)}</dd>
        <dt>Waiting</dt>
        <dd data-testid="sync-waiting">
          {enabled.value && s?.whoami?.role === 'manager' ? "Nothing: a manager's token reads the team; your own activity stays in this browser." : waitingLine({ ...waiting.value, deals: s?.waiting.deals ?? 0 })}
        </dd>
        <dt>Last error</dt>
        <dd data-testid="sync-error" class={s?.lastError ? 'error' : ''}>
          {s?.lastError ? `${s.lastError}${s.nextRetryAt ? ` Next try ${formatTime(s.nextRetryAt)}.` : ''}` : 'none'}
        </dd>
        {s && s.rejected > 0 && (
          <><dt>Refused</dt><dd data-testid="sync-rejected" class="error">{s.rejected} {s.rejected === 1 ? 'event' : 'events'} the team server refused as malformed; they stay in this browser.</dd></>
        )}
        {s?.whoami && enabled.value && (<><dt>Signed in as</dt><dd>{whoamiLine(s.whoami)}</dd></>)}
      </dl>
      {planText && <p data-testid="plan-source">{planText}</p>}
      <p><button type="button" class="secondary" onClick={() => void syncNow()} disabled={!enabled.value || syncing.value}>{syncing.value ? 'Syncing…' : 'Sync now'}</button></p>
    </div>
  );
}
