// Drivers' names on screen: the locale files' words, English equal to the metrics' own names.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { driverLabel } from '../../lib/driver-labels';
import { DRIVERS, DRIVER_LABELS } from '../../lib/metrics/drivers';
import { formatMessage, type LocaleMessage } from '../../lib/i18n';

const de = JSON.parse(readFileSync(fileURLToPath(new NodeURL('../../public/_locales/de/messages.json', import.meta.url)), 'utf8')) as Record<string, LocaleMessage>;

describe('driverLabel', () => {
  const original = fakeBrowser.i18n.getMessage;
  afterEach(() => {
    fakeBrowser.i18n.getMessage = original;
  });

  it('says every driver in English exactly as the metrics name it', () => {
    for (const d of DRIVERS) expect(driverLabel(d)).toBe(DRIVER_LABELS[d]);
  });

  it("follows the browser's language", () => {
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string[]) => (de[key] ? formatMessage(de[key]!, subs) : '')) as typeof fakeBrowser.i18n.getMessage;
    expect(driverLabel('calls')).toBe('Anrufe');
    expect(driverLabel('proposalsSubmitted')).toBe('Eingereichte Angebote');
  });
});
