// The first-run page (issue #8), opened on install and from the options page. It
// informs and offers switches; capture already runs, and nothing here blocks it.
import { render } from 'preact';
import '../../components/theme.css';
import { OnboardingIdentity } from '../../components/OnboardingIdentity';
import { OnboardingPrivacy } from '../../components/OnboardingPrivacy';
import { OnboardingSites } from '../../components/OnboardingSites';

function Welcome() {
  const options = (hash: string) => browser.runtime.getURL(`/options.html${hash}`);
  return (
    <main>
      <h1>Welcome to Pacer</h1>
      <p>
        Pacer is already running: open a deal in your CRM or a profile on LinkedIn and it records your work from now on.
        Nothing on this page is required. It tells you what Pacer does and lets you change it; you can come back from the options at any time.
      </p>
      <section class="card" aria-labelledby="welcome-who">
        <h2 id="welcome-who">Who you are</h2>
        <OnboardingIdentity />
      </section>
      <section class="card" aria-labelledby="welcome-sites">
        <h2 id="welcome-sites">Which sites to read</h2>
        <OnboardingSites />
        <p class="muted">Another CRM? Set it up under <a href={options('#custom-crm')}>Any other CRM</a> in the options.</p>
      </section>
      <section class="card" aria-labelledby="welcome-plan">
        <h2 id="welcome-plan">Your plan and targets</h2>
        <p>Your quota, weekly targets (calls, meetings, proposals…), pipeline stages and commission plan drive the scorecard.</p>
        <p><a class="button" href={options('#plan')}>Set your plan and targets</a></p>
      </section>
      <section class="card" aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">Your data</h2>
        <OnboardingPrivacy />
      </section>
    </main>
  );
}

render(<Welcome />, document.getElementById('app')!);
