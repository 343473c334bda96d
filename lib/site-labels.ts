import { t } from './i18n';
import type { SiteId } from './model';

/** English names; the CRMs' own names are brands and stay as they are in every language. */
export const SITE_LABELS: Record<SiteId, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  pipedrive: 'Pipedrive',
  linkedin: 'LinkedIn',
  manual: 'Logged by hand',
  custom: 'Your CRM',
};

/** The site's name in the interface's language ("Logged by hand", "Von Hand erfasst"; "Salesforce" everywhere). */
export const siteLabel = (site: SiteId): string =>
  site === 'manual' ? t('site_manual') : site === 'custom' ? t('site_custom') : SITE_LABELS[site];
