// Options → Team sync (issue #7): where a rep connects Pacer to the team server.
// Off by default (local-first). The token is a password field, kept in storage.local
// only (lib/sync-state.ts), and never shown again once saved. The API key (Supabase only,
// lib/sync-api-key.ts) is kept beside it; a publishable key is public by design, so its
// field shows it, and emptying the field and saving removes it. A secret key is refused.
import { useSignal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { useEffect, useRef } from 'preact/hooks';
import { formatNumber, pluralKey, t, tPlural } from '../lib/i18n';
import { sendMessage } from '../lib/messages';
import type { Plan } from '../lib/metrics/plan';
import { planSettings } from '../lib/settings';
import { refusalReasons, waitingEstimate, type RefusalReason } from '../lib/sync';
import { checkApiKey } from '../lib/sync-api-key';
import { TeamClient, type WhoAmI } from '../lib/sync-client';
import { NO_WAITING, syncStatus, teamApiKey, teamPlan, teamSyncSettings, teamToken, type SyncStatus, type TeamPlanState, type Waiting } from '../lib/sync-state';
import { checkServerUrl } from '../lib/sync-url';
import { errorWithRetry, formatTime, planLine, waitingLine, whoamiLine } from '../lib/sync-view';
import { db } from '../lib/store';
import { TeamSyncForget } from './TeamSyncForget';
import './TeamSync.css';

type Check = { kind: 'idle' } | { kind: 'busy' } | { kind: 'ok'; who: WhoAmI } | { kind: 'error'; text: string };

/** The "Why" list stays a few lines: the commonest reasons, each cut short (a proxy's page can be long). */
const REASONS_SHOWN = 3;
const REASON_CHARS = 240;
const clip = (text: string) => (text.length > REASON_CHARS ? `${text.slice(0, REASON_CHARS - 1)}…` : text);

/** What the rep is told once refused events were sent again, from the status the run answered. */
const retryOutcome = (after: SyncStatus): string =>
  after.rejected > 0 ? tPlural(after.rejected, 'syncRetryStillOne', 'syncRetryStillOther') : after.lastError ? t('syncRetryQueued') : t('syncRetryAccepted');

/** Why the team server refused events: each reason once, with how many. */
function RefusalReasons({ reasons }: { reasons: RefusalReason[] }) {
  const more = reasons.length - REASONS_SHOWN;
  return (
    <details class="sync-reasons" data-testid="sync-reasons">
      <summary>{t('syncRetryWhy')}</summary>
      <ul>
        {reasons.slice(0, REASONS_SHOWN).map(r => (
          <li key={r.reason}>{t(pluralKey(r.count, 'syncRetryReasonOne', 'syncRetryReasonOther'), [formatNumber(r.count), clip(r.reason)])}</li>
        ))}
        {more > 0 && <li class="muted">{tPlural(more, 'syncRetryMoreOne', 'syncRetryMoreOther')}</li>}
      </ul>
    </details>
  );
}

export function TeamSync() {
  const url = useSignal('');
  const token = useSignal('');
  const hasToken = useSignal(false);
  const apiKey = useSignal('');
  const apiKeyError = useSignal<string | null>(null);
  const enabled = useSignal<boolean | undefined>(undefined);
  const status = useSignal<SyncStatus | undefined>(undefined);
  const waiting = useSignal<Waiting>(NO_WAITING);
  const check = useSignal<Check>({ kind: 'idle' });
  const saved = useSignal<string | null>(null);
  const plan = useSignal<{ local: Plan; team: TeamPlanState | null } | undefined>(undefined);
  const syncing = useSignal(false);
  const reasons = useSignal<RefusalReason[]>([]);
  const retrying = useSignal(false);
  const retried = useSignal<string | null>(null);
  /** Set when the outcome should take the focus as it appears. */
  const focusOutcome = useRef(false);

  useEffect(() => {
    void teamSyncSettings.getValue().then(s => ((url.value = s.url), (enabled.value = s.enabled)));
    void teamToken.getValue().then(stored => (hasToken.value = stored !== ''));
    void teamApiKey.getValue().then(stored => (apiKey.value = stored));
    void syncStatus.getValue().then(s => (status.value = s));
    const readPlan = () => void Promise.all([planSettings.getValue(), teamPlan.getValue()]).then(([local, team]) => (plan.value = { local, team }));
    readPlan();
    // Counts, not a scan: this follows every write.
    const sub = liveQuery(() => waitingEstimate(db())).subscribe({ next: w => (waiting.value = w), error: () => undefined });
    const stops = [
      teamSyncSettings.watch(s => (enabled.value = s.enabled)),
      teamToken.watch(stored => (hasToken.value = (stored ?? '') !== '')),
      syncStatus.watch(s => (status.value = s ?? undefined)),
      planSettings.watch(readPlan),
      teamPlan.watch(readPlan),
    ];
    return () => (sub.unsubscribe(), stops.forEach(stop => stop()));
  }, []);

  // Read when the refused count changes, not per write: it scans the acknowledgements.
  const refused = status.value?.rejected ?? 0;
  const lastAttempt = status.value?.lastAttemptAt;
  useEffect(() => {
    if (refused === 0) return void (reasons.value = []);
    let live = true;
    void refusalReasons(db()).then(found => live && (reasons.value = found), () => undefined);
    return () => void (live = false);
  }, [refused, lastAttempt]);

  /** The token typed now, else the one saved. */
  const currentToken = async () => token.value.trim() || (await teamToken.getValue());

  const save = async (e: Event) => {
    e.preventDefault();
    const checked = checkServerUrl(url.value);
    if (!checked.ok) {
      check.value = { kind: 'error', text: checked.error };
      return;
    }
    // Checked before anything is written: a refused key leaves every setting as it was.
    const key = checkApiKey(apiKey.value);
    if (!key.ok) return void (apiKeyError.value = key.error);
    const current = await teamSyncSettings.getValue();
    await teamSyncSettings.setValue({ ...current, url: checked.url });
    if (token.value.trim()) await teamToken.setValue(token.value.trim());
    await teamApiKey.setValue(key.key);
    url.value = checked.url;
    apiKey.value = key.key;
    token.value = '';
    saved.value = t('options_saved');
  };

  const testConnection = async () => {
    const checked = checkServerUrl(url.value);
    if (!checked.ok) return void (check.value = { kind: 'error', text: checked.error });
    const typed = await currentToken();
    if (!typed) return void (check.value = { kind: 'error', text: t('syncPasteTokenFirst') });
    const key = checkApiKey(apiKey.value);
    if (!key.ok) return void ((apiKeyError.value = key.error), (check.value = { kind: 'idle' }));
    check.value = { kind: 'busy' };
    try {
      check.value = { kind: 'ok', who: await new TeamClient({ url: checked.url, token: typed, apiKey: key.key, timeoutMs: 15_000 }).whoami() };
    } catch (error) {
      check.value = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
    }
  };

  const toggle = async () => {
    const current = await teamSyncSettings.getValue();
    if (!current.enabled) {
      const checked = checkServerUrl(current.url);
      if (!checked.ok || !(await teamToken.getValue())) {
        check.value = { kind: 'error', text: t('syncSaveBeforeOn') };
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
      check.value = { kind: 'error', text: t('syncNoBackground', error instanceof Error ? error.message : String(error)) };
    } finally {
      syncing.value = false;
    }
  };

  const retryRefused = async () => {
    retrying.value = true;
    retried.value = null;
    try {
      const after = await sendMessage('retryRefused', {});
      status.value = after;
      retried.value = retryOutcome(after);
      // With nothing refused any more the button is gone: keep the keyboard user's place on the outcome.
      focusOutcome.current = after.rejected === 0;
    } catch (error) {
      check.value = { kind: 'error', text: t('syncNoBackground', error instanceof Error ? error.message : String(error)) };
    } finally {
      retrying.value = false;
    }
  };

  /** The server was forgotten (the background cleared storage): what this form still shows of it goes too. */
  const forgotten = () => {
    url.value = token.value = apiKey.value = '';
    apiKeyError.value = saved.value = retried.value = null;
    check.value = { kind: 'idle' };
  };

  const s = status.value;
  const planText = plan.value ? planLine(enabled.value ?? false, plan.value.local, plan.value.team) : null;
  return (
    <div class="team-sync">
      <p class="muted">{t('syncIntro')}</p>
      <form onSubmit={save}>
        <label for="team-url">{t('syncUrlLabel')}</label>
        <input id="team-url" type="url" inputMode="url" autocomplete="off" spellcheck={false} placeholder="https://pacer.example.com" value={url.value}
          onInput={e => ((url.value = e.currentTarget.value), (saved.value = null))} />
        <label for="team-token">{t('syncTokenLabel')}</label>
        <input id="team-token" type="password" autocomplete="off" spellcheck={false} aria-describedby="team-token-help"
          placeholder={t(hasToken.value ? 'syncTokenSavedPlaceholder' : 'syncTokenPlaceholder')} value={token.value}
          onInput={e => ((token.value = e.currentTarget.value), (saved.value = null))} />
        <p class="muted" id="team-token-help" style={{ margin: '2px 0 0' }}>{t('syncTokenHelp')}</p>
        <label for="team-apikey">{t('syncApiKeyLabel')}</label>
        <input id="team-apikey" type="text" autocomplete="off" autocapitalize="off" spellcheck={false} value={apiKey.value}
          aria-describedby={apiKeyError.value ? 'team-apikey-error team-apikey-help' : 'team-apikey-help'} aria-invalid={apiKeyError.value ? 'true' : undefined}
          onInput={e => ((apiKey.value = e.currentTarget.value), (apiKeyError.value = null), (saved.value = null))} />
        {apiKeyError.value && <p class="error" id="team-apikey-error" role="alert" style={{ margin: '2px 0 0' }}>{apiKeyError.value}</p>}
        <p class="muted" id="team-apikey-help" style={{ margin: '2px 0 0' }}>{t('syncApiKeyHelp')}</p>
        <p style={{ display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' }}>
          <button type="submit">{t('syncSaveServer')}</button>
          <button type="button" class="secondary" onClick={() => void testConnection()} disabled={check.value.kind === 'busy'}>{t('syncTestConnection')}</button>
          {saved.value && <span class="ok" role="status">{saved.value}</span>}
        </p>
      </form>
      <div aria-live="polite" data-testid="team-check">
        {check.value.kind === 'busy' && <p class="muted">{t('syncConnecting')}</p>}
        {check.value.kind === 'ok' && <p class="ok">{t('syncConnected', whoamiLine(check.value.who))}</p>}
        {check.value.kind === 'error' && <p class="error" role="alert">{check.value.text}</p>}
      </div>
      <label class="switch">
        <input type="checkbox" role="switch" checked={enabled.value ?? false} disabled={enabled.value === undefined} onChange={() => void toggle()} />
        <span>{t('syncSwitch')}</span>
      </label>
      <dl class="sync-status" data-testid="sync-status">
        <dt>{t('syncLastSync')}</dt>
        <dd data-testid="sync-last">{formatTime(s?.lastSyncAt)}</dd>
        <dt>{t('syncWaitingTerm')}</dt>
        <dd data-testid="sync-waiting">
          {enabled.value && s?.whoami?.role === 'manager' ? t('syncManagerWaiting') : waitingLine({ ...waiting.value, deals: s?.waiting.deals ?? 0 })}
        </dd>
        <dt>{t('syncLastError')}</dt>
        <dd data-testid="sync-error" class={s?.lastError ? 'error' : ''}>
          {s?.lastError ? errorWithRetry(s) : t('syncNone')}
        </dd>
        {s && s.rejected > 0 && (
          <>
            <dt>{t('syncRefusedTerm')}</dt>
            <dd data-testid="sync-rejected" class="error">{tPlural(s.rejected, 'syncRefusedOne', 'syncRefusedOther')}</dd>
            <dd class="sync-refused-actions">
              {reasons.value.length > 0 && <RefusalReasons reasons={reasons.value} />}
              <button type="button" class="secondary" onClick={() => void retryRefused()} disabled={!enabled.value || retrying.value || syncing.value}>
                {t(retrying.value ? 'syncRetrySending' : 'syncRetryButton')}
              </button>
            </dd>
          </>
        )}
        {s?.whoami && enabled.value && (<><dt>{t('syncSignedInAs')}</dt><dd>{whoamiLine(s.whoami)}</dd></>)}
      </dl>
      <div aria-live="polite" data-testid="sync-retry-result">
        {retried.value && <p tabIndex={-1} ref={el => void (el && focusOutcome.current && ((focusOutcome.current = false), el.focus()))}>{retried.value}</p>}
      </div>
      {planText && <p data-testid="plan-source">{planText}</p>}
      <p><button type="button" class="secondary" onClick={() => void syncNow()} disabled={!enabled.value || syncing.value}>{t(syncing.value ? 'syncSyncing' : 'syncNow')}</button></p>
      <TeamSyncForget onForgotten={forgotten} />
    </div>
  );
}
