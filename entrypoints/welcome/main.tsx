// The first-run page (issue #8), opened on install and from the options page. It
// informs and offers switches; capture already runs, and nothing here blocks it.
import { render } from 'preact';
import '../../components/theme.css';
import { OnboardingIdentity } from '../../components/OnboardingIdentity';
import { OnboardingPrivacy } from '../../components/OnboardingPrivacy';
import { OnboardingSites } from '../../components/OnboardingSites';
import { tParts } from '../../components/t-parts';
import { t } from '../../lib/i18n';

function Welcome() {
  const options = (hash: string) => browser.runtime.getURL(`/options.html${hash}`);
  return (
    <main>
      <h1>{t('welcome_title')}</h1>
      <p>{t('welcome_intro')}</p>
      <section class="card" aria-labelledby="welcome-who">
        <h2 id="welcome-who">{t('welcome_who_title')}</h2>
        <OnboardingIdentity />
      </section>
      <section class="card" aria-labelledby="welcome-sites">
        <h2 id="welcome-sites">{t('welcome_sites_title')}</h2>
        <OnboardingSites />
        <p class="muted">{tParts('welcome_other_crm', <a href={options('#custom-crm')}>{t('options_custom_crm_title')}</a>)}</p>
      </section>
      <section class="card" aria-labelledby="welcome-plan">
        <h2 id="welcome-plan">{t('welcome_plan_title')}</h2>
        <p>{t('welcome_plan_text')}</p>
        <p><a class="button" href={options('#plan')}>{t('welcome_plan_link')}</a></p>
      </section>
      <section class="card" aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">{t('welcome_data_title')}</h2>
        <OnboardingPrivacy />
      </section>
    </main>
  );
}

// The page's language is that of the words shown, so screen readers pronounce them right.
document.documentElement.lang = t('page_lang');
document.title = t('welcome_title');
render(<Welcome />, document.getElementById('app')!);
