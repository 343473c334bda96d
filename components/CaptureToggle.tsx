import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../lib/i18n';
import { captureSettings } from '../lib/settings';

/** "Pause capture": while on, Pacer records nothing on any site. */
export function CaptureToggle() {
  const paused = useSignal<boolean | undefined>(undefined);
  useEffect(() => {
    void captureSettings.getValue().then(s => (paused.value = s.paused));
    return captureSettings.watch(s => (paused.value = s.paused));
  }, []);
  const toggle = async () => {
    const current = await captureSettings.getValue();
    await captureSettings.setValue({ ...current, paused: !current.paused });
  };
  return (
    <label class="switch">
      <input type="checkbox" role="switch" checked={paused.value ?? false} disabled={paused.value === undefined} onChange={() => void toggle()} />
      <span>{t('capture_pause')}</span>
      {paused.value && <span class="error" role="status"> {t('capture_paused')}</span>}
    </label>
  );
}
