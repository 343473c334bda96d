// Options → Team sync's "Forget this team server": for a rep who left the team, or who pasted
// a token on a shared machine. Shown while a URL, token or API key is saved; asks inline
// (the EraseEverything pattern: focus moves into the confirmation, Escape or Cancel puts it
// back on the button), then the background does the work between sync runs
// (forgetTeamServer in lib/sync-background.ts) and the outcome takes the focus.
import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';
import { sendMessage } from '../lib/messages';
import { teamApiKey, teamSyncSettings, teamToken } from '../lib/sync-state';

const WHAT_HAPPENS = ['syncForgetSyncOff', 'syncForgetCredentials', 'syncForgetCaptured', 'syncForgetSent', 'syncForgetPlan'] as const;

export function TeamSyncForget({ onForgotten }: { onForgotten: () => void }) {
  const stored = useSignal(false);
  const asking = useSignal(false);
  const busy = useSignal(false);
  const done = useSignal(false);
  const error = useSignal<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const read = () =>
      void Promise.all([teamSyncSettings.getValue(), teamToken.getValue(), teamApiKey.getValue()]).then(
        ([s, token, key]) => (stored.value = s.url !== '' || token !== '' || key !== ''),
      );
    read();
    const stops = [teamSyncSettings.watch(read), teamToken.watch(read), teamApiKey.watch(read)];
    return () => stops.forEach(stop => stop());
  }, []);

  const open = asking.value && stored.value;
  // Layout effects: the focus moves as the confirmation or the outcome appears, before the next key.
  useLayoutEffect(() => void (open && confirm.current?.focus()), [open]);
  useLayoutEffect(() => void (done.value && outcome.current?.focus()), [done.value]);

  const ask = () => ((asking.value = true), (done.value = false), (error.value = null));
  const cancel = () => ((asking.value = false), button.current?.focus());
  const forget = async () => {
    busy.value = true;
    error.value = null;
    try {
      await sendMessage('forgetTeamServer', {});
      asking.value = false;
      stored.value = false;
      done.value = true;
      onForgotten();
    } catch (err) {
      error.value = t('syncNoBackground', err instanceof Error ? err.message : String(err));
    } finally {
      busy.value = false;
    }
  };

  return (
    <div class="sync-forget">
      {stored.value && (
        <p><button type="button" class="secondary" ref={button} onClick={ask}>{t('syncForgetButton')}</button></p>
      )}
      {open && (
        <div class="erase-confirm" role="alertdialog" aria-labelledby="sync-forget-title" aria-describedby="sync-forget-what"
          onKeyDown={e => void (e.key === 'Escape' && (e.preventDefault(), cancel()))}>
          <p id="sync-forget-title"><strong>{t('syncForgetTitle')}</strong></p>
          <ul id="sync-forget-what">
            {WHAT_HAPPENS.map(key => <li key={key}>{t(key)}</li>)}
          </ul>
          {error.value && <p class="error" role="alert">{error.value}</p>}
          <p class="button-row">
            <button type="button" class="danger" ref={confirm} disabled={busy.value} onClick={() => void forget()}>{t('syncForgetConfirm')}</button>
            <button type="button" class="secondary" onClick={cancel}>{t('syncForgetCancel')}</button>
          </p>
        </div>
      )}
      <div aria-live="polite" data-testid="sync-forget-result">
        {done.value && <p class="ok" tabIndex={-1} ref={outcome}>{t('syncForgetDone')}</p>}
      </div>
    </div>
  );
}
