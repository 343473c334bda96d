// Settings that follow the rep across browsers (sync storage), versioned so a
// later shape can migrate the old one.
import { storage } from '#imports';
import type { RepIdentity } from './model';

export const repIdentity = storage.defineItem<RepIdentity>('sync:rep', {
  fallback: { name: '', email: '' },
  version: 1,
});
