// Where the retention period is kept: local to this browser, like the data it governs.
import { storage } from '#imports';
import { defaultRetention, type RetentionSettings } from './retention';

export const retentionSettings = storage.defineItem<RetentionSettings>('local:retention', {
  fallback: defaultRetention(),
  version: 1,
});
