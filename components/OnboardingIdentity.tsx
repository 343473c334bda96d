import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { RepIdentity } from '../lib/model';
import { repIdentity } from '../lib/settings';

/** Who you are: HubSpot and Pipedrive name the user on activities, so Pacer needs your name to know which are yours. */
export function OnboardingIdentity() {
  const rep = useSignal<RepIdentity>({ name: '', email: '' });
  const saved = useSignal(false);
  useEffect(() => void repIdentity.getValue().then(v => (rep.value = v)), []);
  const save = async (e: Event) => {
    e.preventDefault();
    await repIdentity.setValue({ name: rep.value.name.trim(), email: rep.value.email.trim() });
    saved.value = true;
  };
  const edit = (field: keyof RepIdentity) => (e: Event) => {
    rep.value = { ...rep.value, [field]: (e.currentTarget as HTMLInputElement).value };
    saved.value = false;
  };
  return (
    <form onSubmit={save}>
      <label for="welcome-rep-name">{t('welcome_identity_name')}</label>
      <input id="welcome-rep-name" type="text" autocomplete="name" value={rep.value.name} onInput={edit('name')} />
      <label for="welcome-rep-email">{t('welcome_identity_email')}</label>
      <input id="welcome-rep-email" type="email" autocomplete="email" value={rep.value.email} onInput={edit('email')} />
      <p><button type="submit">{t('welcome_identity_save')}</button> {saved.value && <span class="ok" role="status">{t('options_saved')}</span>}</p>
    </form>
  );
}
