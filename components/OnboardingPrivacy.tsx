import { t } from '../lib/i18n';

/** The plain summary of what Pacer records, never records, and where data goes (welcome page, README "Privacy"). */
export function OnboardingPrivacy() {
  return (
    <div class="privacy-summary">
      <h3 class="sub">{t('privacy_records_title')}</h3>
      <ul>
        <li>{t('privacy_records_work')}</li>
        <li>{t('privacy_records_fields')}</li>
      </ul>
      <h3 class="sub">{t('privacy_never_title')}</h3>
      <ul>
        <li>{t('privacy_never_content')}</li>
        <li>{t('privacy_never_automate')}</li>
      </ul>
      <h3 class="sub">{t('privacy_goes_title')}</h3>
      <ul>
        <li>{t('privacy_goes_nowhere')}</li>
        <li>{t('privacy_goes_control')}</li>
      </ul>
    </div>
  );
}
