import { describe, expect, it } from 'vitest';
import { parseAmount, parseDateOnly, parseSfDateTime } from '../../lib/sites/parse';

// Expected instants are computed the way the parser reads them: local wall time
// of the running environment (setting process.env.TZ mid-run is not reliable).
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

describe('parseAmount', () => {
  it.each([
    ['$120,000.00', { amount: 120000, currency: 'USD' }],
    ['USD 5,000.00', { amount: 5000, currency: 'USD' }],
    ['5,000.00 USD', { amount: 5000, currency: 'USD' }],
    ['EUR 48.500,00', { amount: 48500, currency: 'EUR' }],
    ['€1.234,56', { amount: 1234.56, currency: 'EUR' }],
    ['48.500,00 €', { amount: 48500, currency: 'EUR' }],
    ['1 234,56 kr', { amount: 1234.56, currency: null }], // kr is SEK, NOK, DKK or ISK
    ['1\u00a0234,56\u00a0kr', { amount: 1234.56, currency: null }], // Intl puts no-break spaces there
    ['$1.2M', { amount: 1200000, currency: 'USD' }],
    ['$750K', { amount: 750000, currency: 'USD' }],
    ['¥120,000', { amount: 120000, currency: 'JPY' }],
    ['£99.99', { amount: 99.99, currency: 'GBP' }],
    ['A$2,500', { amount: 2500, currency: 'AUD' }],
    ["CHF 1'234.50", { amount: 1234.5, currency: 'CHF' }],
    ['-$1,000.00', { amount: -1000, currency: 'USD' }],
    ['1,234', { amount: 1234, currency: null }], // en style: comma groups thousands
    ['1,234,567.89', { amount: 1234567.89, currency: null }],
    ['1.234.567', { amount: 1234567, currency: null }],
    ['1234,5', { amount: 1234.5, currency: null }], // one decimal digit: no grouping reading exists
    ['0', { amount: 0, currency: null }],
    ['—', null],
    ['', null],
    ['   ', null],
    ['$', null],
    ['N/A', null],
    ['12 apples', null],
    ['$1,2345.00', null], // groups of four are not grouping
    ['12,34,567', null], // lakh grouping waits for the locale table
    ['1.000,000.00', null], // mixed group separators
    ['($1,000.00)', null], // accounting negatives: not shown for Amount, not guessed
    ['1.2.3', null],
  ] as const)('%j', (input, expected) => {
    const parsed = parseAmount(input);
    expect(parsed).toEqual(expected);
    if (parsed) expect(Number.isFinite(parsed.amount)).toBe(true);
  });
});

describe('parseSfDateTime', () => {
  it.each([
    ['9:00am | 3/20/17', local(2017, 3, 20, 9, 0)],
    ['10:30am | 3/24/17', local(2017, 3, 24, 10, 30)],
    ['4:15pm | 11/20/26', local(2026, 11, 20, 16, 15)],
    ['12:05am | 1/1/27', local(2027, 1, 1, 0, 5)],
    ['12:30pm | 1/1/27', local(2027, 1, 1, 12, 30)],
    ['10:30 AM | 3/24/2017', local(2017, 3, 24, 10, 30)],
    ['14:30 | 10.11.2026', local(2026, 11, 10, 14, 30)],
    ['3/20/2017', local(2017, 3, 20)],
    ['  9:00am  |  3/20/17 ', local(2017, 3, 20, 9, 0)],
    ['Yesterday', null],
    ['Today', null],
    ['Overdue', null],
    ['', null],
    ['13:00pm | 3/20/17', null],
    ['9:75am | 3/20/17', null],
    ['9:00am | 2/30/17', null],
    ['9:00am | 20/3/17', null], // day-first with slashes: left to the locale table
    ['9:00am | 3/20/17 | x', null],
  ] as const)('%j', (input, expected) => {
    expect(parseSfDateTime(input)).toBe(expected);
  });
});

describe('parseDateOnly', () => {
  it.each([
    ['12/31/2026', '2026-12-31'],
    ['1/2/2026', '2026-01-02'],
    ['12/18/26', '2026-12-18'],
    ['2026-12-31', '2026-12-31'],
    ['14.11.2026', '2026-11-14'],
    [' 2/29/2028 ', '2028-02-29'],
    ['2/29/2027', null],
    ['31/12/2026', null],
    ['2026-13-01', null],
    ['0026-01-01', null],
    ['Dec 31, 2026', null],
    ['', null],
  ] as const)('%j', (input, expected) => {
    expect(parseDateOnly(input)).toBe(expected);
  });
});
