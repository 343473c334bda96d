import { storage } from '#imports';
import { defaultSiteSwitches, type SiteSwitches } from './site-switches';

export const siteSwitches = storage.defineItem<SiteSwitches>('local:siteSwitches', {
  fallback: defaultSiteSwitches(),
  version: 1,
});
