// Where the retention period is kept: local to this browser, like the data it governs.
import { storage } from '#imports';
import { formatNumber, t } from './i18n';
import { defaultRetention, type RetentionSettings } from './retention';

export const retentionSettings = storage.defineItem<RetentionSettings>('local:retention', {
  fallback: defaultRetention(),
  version: 1,
});

/** A retention choice in the interface's language ("Keep 12 months", "12 Monate behalten"); lib/retention's retentionLabel is the English. */
export const retentionLabel = (months: number | null): string =>
  months === null ? t('retention_forever') : t('retention_months', formatNumber(months));
