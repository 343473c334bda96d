import type { SiteId } from './model';

export const SITE_LABELS: Record<SiteId, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  pipedrive: 'Pipedrive',
  linkedin: 'LinkedIn',
  manual: 'Logged by hand',
  custom: 'Your CRM',
};

export const siteLabel = (site: SiteId) => SITE_LABELS[site];
