import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t, type MessageKey } from '../lib/i18n';
import type { SiteId } from '../lib/model';
import { siteLabel } from '../lib/site-labels';
import { SWITCHABLE_SITES, type SiteSwitches } from '../lib/site-switches';
import { siteSwitches } from '../lib/site-switches-settings';

const WHAT: Record<(typeof SWITCHABLE_SITES)[number], MessageKey> = {
  salesforce: 'sites_what_salesforce',
  hubspot: 'sites_what_hubspot',
  pipedrive: 'sites_what_pipedrive',
  linkedin: 'sites_what_linkedin',
  custom: 'sites_what_custom',
};

/** One switch per site: on from install; turning one off stops Pacer recording there. */
export function OnboardingSites() {
  const state = useSignal<SiteSwitches | undefined>(undefined);
  useEffect(() => {
    void siteSwitches.getValue().then(v => (state.value = v));
    return siteSwitches.watch(v => (state.value = v));
  }, []);
  const toggle = async (site: SiteId, on: boolean) => {
    const current = await siteSwitches.getValue();
    const off = new Set(current.off);
    if (on) off.delete(site);
    else off.add(site);
    await siteSwitches.setValue({ off: SWITCHABLE_SITES.filter(s => off.has(s)) });
  };
  return (
    <fieldset class="sites">
      <legend>{t('sites_legend')}</legend>
      {SWITCHABLE_SITES.map(site => (
        <label class="switch" key={site}>
          <input type="checkbox" role="switch" checked={!(state.value?.off ?? []).includes(site)} disabled={!state.value}
            aria-describedby={`site-${site}-what`} onChange={e => void toggle(site, e.currentTarget.checked)} />
          {/* One flex item for name and description, so the gap sits only after the box. */}
          <span>
            {siteLabel(site)}
            <span class="muted" id={`site-${site}-what`} style={{ fontWeight: 'normal' }}>: {t(WHAT[site])}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
