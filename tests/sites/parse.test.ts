import { describe, expect, it } from 'vitest';
import {
  dateOrderEvidence,
  discountFromAmounts,
  parseAmount,
  parseDate,
  parseDateOnly,
  parseDateTime,
  parseDiscount,
  parseLinkedInProfileUrl,
  parsePercent,
  parseSfDateTime,
} from '../../lib/sites/parse';
import type { DateOptions } from '../../lib/sites/parse';

// Expected instants are computed the way the parser reads them: local wall time
// of the running environment (setting process.env.TZ mid-run is not reliable).
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

/** The clock relative dates resolve against: Wednesday 25 November 2026, 15:00 local. */
const now = new Date(2026, 10, 25, 15, 0);
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseAmount', () => {
  it.each([
    ['$120,000.00', { amount: 120000, currency: 'USD' }],
    ['USD 5,000.00', { amount: 5000, currency: 'USD' }],
    ['5,000.00 USD', { amount: 5000, currency: 'USD' }],
    ['EUR 48.500,00', { amount: 48500, currency: 'EUR' }],
    ['€1.234,56', { amount: 1234.56, currency: 'EUR' }],
    ['€ 1.234,56', { amount: 1234.56, currency: 'EUR' }],
    ['48.500,00 €', { amount: 48500, currency: 'EUR' }],
    ['1,234.56 EUR', { amount: 1234.56, currency: 'EUR' }],
    ['1 234,56 kr', { amount: 1234.56, currency: null }], // kr is SEK, NOK, DKK or ISK
    ['1\u00a0234,56\u00a0kr', { amount: 1234.56, currency: null }], // Intl puts no-break spaces there
    ['kr 1 234,56', { amount: 1234.56, currency: null }],
    ['12\u202f345 €', { amount: 12345, currency: 'EUR' }], // fr-FR: narrow no-break space groups
    ['1 234 567,89 €', { amount: 1234567.89, currency: 'EUR' }],
    ['$1.2M', { amount: 1200000, currency: 'USD' }],
    ['$750K', { amount: 750000, currency: 'USD' }],
    ['USD 1.2M', { amount: 1200000, currency: 'USD' }],
    ['¥120,000', { amount: 120000, currency: 'JPY' }],
    ['£99.99', { amount: 99.99, currency: 'GBP' }],
    ['A$2,500', { amount: 2500, currency: 'AUD' }],
    ['US$1,000', { amount: 1000, currency: 'USD' }],
    ['R$ 1.234,56', { amount: 1234.56, currency: 'BRL' }],
    ["CHF 1'234.50", { amount: 1234.5, currency: 'CHF' }],
    ['CHF 1’234.50', { amount: 1234.5, currency: 'CHF' }], // de-CH writes a typographic apostrophe
    ['EUR 48,500.00 (USD 52,380.00)', { amount: 48500, currency: 'EUR' }], // multi-currency: the record's own amount first
    ['-$1,000.00', { amount: -1000, currency: 'USD' }],
    ['$0.00', { amount: 0, currency: 'USD' }],
    ['1,234', { amount: 1234, currency: null }], // en style: comma groups thousands
    ['1,234,567.89', { amount: 1234567.89, currency: null }],
    ['1.234.567', { amount: 1234567, currency: null }],
    ['1234,5', { amount: 1234.5, currency: null }], // one decimal digit: no grouping reading exists
    ['0', { amount: 0, currency: null }],
    ['—', null],
    ['–', null],
    ['-', null],
    ['', null],
    ['   ', null],
    ['$', null],
    ['N/A', null],
    ['12 apples', null],
    ['12.5%', null],
    ['1,5 Mio. €', null], // compact words wait for the locale table
    ['$1,2345.00', null], // groups of four are not grouping
    ['12,34,567', null], // lakh grouping waits for the locale table
    ['₹12,34,567', null],
    ['1.000,000.00', null], // mixed group separators
    ['($1,000.00)', null], // accounting negatives: not shown for Amount, not guessed
    ['1.2.3', null],
  ] as const)('%j', (input, expected) => {
    const parsed = parseAmount(input);
    expect(parsed).toEqual(expected);
    if (parsed) expect(Number.isFinite(parsed.amount)).toBe(true);
  });
});

describe('parseDate', () => {
  it.each([
    // US, month first
    ['11/24/2026', '2026-11-24'],
    ['11/24/26', '2026-11-24'],
    ['1/2/2026', '2026-01-02'], // ambiguous: month first, Salesforce's default en-US
    ['2/29/2028', '2028-02-29'],
    // Day first
    ['24.11.2026', '2026-11-24'],
    ['3.1.2026', '2026-01-03'],
    ['24.11.26', '2026-11-24'],
    ['24/11/2026', '2026-11-24'], // can only be day first
    ['31/12/26', '2026-12-31'],
    // ISO
    ['2026-11-24', '2026-11-24'],
    ['2026-11-24T09:00:00Z', '2026-11-24'],
    ['2026-11-24T09:00:00', '2026-11-24'],
    // Relative to now
    ['Today', '2026-11-25'],
    ['today', '2026-11-25'],
    ['Yesterday', '2026-11-24'],
    ['Tomorrow', '2026-11-26'],
    ['Heute', '2026-11-25'],
    ['Gestern', '2026-11-24'],
    ["Aujourd'hui", '2026-11-25'],
    ['Aujourd’hui', '2026-11-25'],
    ['Hier', '2026-11-24'],
    ['Demain', '2026-11-26'],
    ['Hoy', '2026-11-25'],
    ['Ayer', '2026-11-24'],
    ['Mañana', '2026-11-26'],
    ['2d ago', '2026-11-23'],
    ['3 days ago', '2026-11-22'],
    ['a day ago', '2026-11-24'],
    ['1 week ago', '2026-11-18'],
    ['5 hours ago', '2026-11-25'],
    ['just now', '2026-11-25'],
    ['vor 2 Tagen', '2026-11-23'],
    ['il y a 3 jours', '2026-11-22'],
    ['hace 2 días', '2026-11-23'],
    // Month names: English, German, French, Spanish
    ['Nov 24, 2026', '2026-11-24'],
    ['November 24, 2026', '2026-11-24'],
    ['Nov. 24, 2026', '2026-11-24'],
    ['Tue, Nov 24, 2026', '2026-11-24'],
    ['24 November 2026', '2026-11-24'],
    ['24th November 2026', '2026-11-24'],
    ['May 1, 2026', '2026-05-01'],
    ['24. Nov. 2026', '2026-11-24'],
    ['24. November 2026', '2026-11-24'],
    ['3. März 2026', '2026-03-03'],
    ['3. Mrz. 2026', '2026-03-03'],
    ['Dienstag, 24. November 2026', '2026-11-24'],
    ['1. Dez. 2026', '2026-12-01'],
    ['24 nov. 2026', '2026-11-24'],
    ['1er décembre 2026', '2026-12-01'],
    ['15 août 2026', '2026-08-15'],
    ['3 févr. 2026', '2026-02-03'],
    ['24 de noviembre de 2026', '2026-11-24'],
    ['1 de dic. de 2026', '2026-12-01'],
    ['15 ago 2026', '2026-08-15'],
    ['3 ene 2026', '2026-01-03'],
    // With a time of day
    ['9:00am | 11/24/26', '2026-11-24'],
    ['Nov 24, 2026, 9:00 AM', '2026-11-24'],
    ['24.11.2026, 14:30', '2026-11-24'],
    // Unknown: null, never a guess
    ['2/29/2027', null],
    ['2026-13-01', null],
    ['0026-01-01', null],
    ['32.1.2026', null],
    ['Nov 24', null], // no year: which year is a guess
    ['24 November', null],
    ['Nov 31, 2026', null],
    ['Smarch 3, 2026', null],
    ['9:00 AM', null], // a time alone: which day is a guess
    ['3 months ago', null], // too vague to record
    ['2 years ago', null],
    ['Overdue', null],
    ['', null],
    ['—', null],
    ['11/24/2026 | 11/25/2026', null],
  ] as const)('%j', (input, expected) => {
    expect(parseDate(input, now)).toBe(expected);
  });

  it.each([
    ['1/2/2026', { order: 'DMY' }, '2026-02-01'],
    ['1/2/2026', { order: 'MDY' }, '2026-01-02'],
    ['24/11/2026', { order: 'MDY' }, null], // contradicts the page's order: not a date we can trust
    ['11/24/2026', { order: 'DMY' }, null],
    ['24.11.2026', { order: 'MDY' }, '2026-11-24'], // dotted dates are always day first
  ] as const)('%j with %j', (input, options: DateOptions, expected) => {
    expect(parseDate(input, now, options)).toBe(expected);
  });
});

describe('parseDateTime', () => {
  it.each([
    ['9:00am | 11/24/26', local(2026, 11, 24, 9, 0)],
    ['9:00 AM | 11/24/2026', local(2026, 11, 24, 9, 0)],
    ['4:15pm | 11/20/26', local(2026, 11, 20, 16, 15)],
    ['12:05am | 1/1/27', local(2027, 1, 1, 0, 5)],
    ['12:30pm | 1/1/27', local(2027, 1, 1, 12, 30)],
    ['14:30 | 10.11.2026', local(2026, 11, 10, 14, 30)],
    ['11/3/2026, 9:14 AM', local(2026, 11, 3, 9, 14)], // en_US date-time (records-modstamp)
    ['11/3/2026 9:14 AM', local(2026, 11, 3, 9, 14)],
    ['03.11.2026, 09:14', local(2026, 11, 3, 9, 14)],
    ['Nov 24, 2026, 9:00 AM', local(2026, 11, 24, 9, 0)],
    ['Nov 24, 2026 at 9:00am', local(2026, 11, 24, 9, 0)],
    ['24. November 2026 um 14:30 Uhr', local(2026, 11, 24, 14, 30)],
    ['24 nov. 2026 à 14:30', local(2026, 11, 24, 14, 30)],
    ['24 de noviembre de 2026, 14:30', local(2026, 11, 24, 14, 30)],
    ['24 de noviembre de 2026 a las 9:00 a. m.', local(2026, 11, 24, 9, 0)],
    ['9am | 11/24/26', local(2026, 11, 24, 9, 0)],
    ['11/24/2026', local(2026, 11, 24)], // a date alone is local midnight
    ['2026-11-24', local(2026, 11, 24)],
    ['2026-11-24T09:00:00Z', '2026-11-24T09:00:00.000Z'],
    ['2026-11-24T09:00:00.250Z', '2026-11-24T09:00:00.250Z'],
    ['2026-11-24T10:00:00+01:00', '2026-11-24T09:00:00.000Z'],
    ['2026-11-24T10:00:00+0100', '2026-11-24T09:00:00.000Z'],
    ['2026-11-24T09:00:00', local(2026, 11, 24, 9, 0)],
    ['Today', local(2026, 11, 25)],
    ['Yesterday at 3:15 PM', local(2026, 11, 24, 15, 15)],
    ['2:30pm | Yesterday', local(2026, 11, 24, 14, 30)],
    ['Tomorrow, 14:30', local(2026, 11, 26, 14, 30)],
    ['just now', now.toISOString()],
    ['5 hours ago', ago(5 * HOUR)],
    ['an hour ago', ago(HOUR)],
    ['30 minutes ago', ago(30 * MINUTE)],
    ['5m ago', ago(5 * MINUTE)],
    ['2d ago', ago(2 * DAY)],
    ['3 days ago', ago(3 * DAY)],
    ['vor 5 Stunden', ago(5 * HOUR)],
    ['vor einer Stunde', ago(HOUR)],
    ['il y a une heure', ago(HOUR)],
    ['hace 10 minutos', ago(10 * MINUTE)],
    // Unknown: null
    ['13:00pm | 3/20/17', null],
    ['9:75am | 3/20/17', null],
    ['25:00 | 3/20/17', null],
    ['9:00am | 2/30/17', null],
    ['9:00am | 3/20/17 | x', null],
    ['9:00am 10:00am | 3/20/17', null], // two times
    ['9:00 AM', null],
    ['2026-11-24T25:00:00Z', null],
    ['Overdue', null],
    ['', null],
  ] as const)('%j', (input, expected) => {
    expect(parseDateTime(input, now)).toBe(expected);
  });
});

describe('dateOrderEvidence', () => {
  it.each([
    [['11/24/2026', '3/5/2026'], 'MDY'],
    [['24/11/2026', '5/3/2026'], 'DMY'],
    [['9:00am | 11/24/26'], 'MDY'],
    [['3/5/2026', '1/2/2026'], undefined], // every date reads both ways
    [['24/11/2026', '11/24/2026'], undefined], // contradictory: no evidence
    [['24.11.2026', 'Nov 24, 2026'], undefined],
    [[], undefined],
  ] as const)('%j → %s', (texts, expected) => {
    expect(dateOrderEvidence(texts)).toBe(expected);
  });
});

describe('parsePercent', () => {
  it.each([
    ['15%', 0.15],
    ['15 %', 0.15],
    ['15\u00a0%', 0.15],
    ['15\u202f%', 0.15], // fr-FR
    ['12,5 %', 0.125],
    ['12.5%', 0.125],
    ['33.3%', 0.333],
    ['100%', 1],
    ['0%', 0],
    ['-5%', -0.05],
    ['1,234.5%', 12.345],
    ['%', null],
    ['15', null], // a number without "%" is not a percentage
    ['fifteen %', null],
    ['15%%', null],
    ['—', null],
    ['', null],
  ] as const)('%j', (input, expected) => {
    const parsed = parsePercent(input);
    expect(parsed).toBe(expected);
    if (parsed !== null) expect(Number.isFinite(parsed)).toBe(true);
  });
});

describe('discounts', () => {
  it.each([
    ['15%', 0.15],
    ['15 % off', 0.15],
    ['-15%', 0.15], // CRMs show a discount as a negative percentage too
    ['0%', 0],
    ['100%', 1],
    ['150%', null],
    ['15', null],
  ] as const)('parseDiscount(%j)', (input, expected) => {
    expect(parseDiscount(input)).toBe(expected);
  });

  it.each([
    [100_000, 90_000, 0.1],
    [120_000, 102_000, 0.15],
    [3, 2, 0.3333333333],
    [100, 100, 0],
    [100, 0, 1],
    [0, 0, null],
    [100, 120, null], // a markup is not a discount
    [100, -5, null],
    [Number.NaN, 5, null],
    [100, Number.POSITIVE_INFINITY, null],
  ] as const)('discountFromAmounts(%d, %d) = %s', (list, net, expected) => {
    expect(discountFromAmounts(list, net)).toBe(expected);
  });
});

describe('parseLinkedInProfileUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/dana-park/', 'https://www.linkedin.com/in/dana-park/'],
    ['https://www.linkedin.com/in/Dana-Park', 'https://www.linkedin.com/in/dana-park/'],
    ['linkedin.com/in/dana-park?trk=public_profile', 'https://www.linkedin.com/in/dana-park/'],
    ['http://de.linkedin.com/in/dana-park/', 'https://www.linkedin.com/in/dana-park/'],
    ['https://www.linkedin.com/in/dana-park/details/experience/', 'https://www.linkedin.com/in/dana-park/'],
    ['https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/'],
    ['https://www.linkedin.com/in/ACoAAB1x2yZ', 'https://www.linkedin.com/in/ACoAAB1x2yZ/'], // member ids keep their case
    ['https://www.linkedin.com/company/acme/', null],
    ['https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH,x', null],
    ['https://www.linkedin.com/pub/dana-park/12/345/678', null],
    ['https://example.com/in/dana-park', null],
    ['https://www.linkedin.com/in/', null],
    ['Dana Park', null],
  ] as const)('%j', (input, expected) => {
    expect(parseLinkedInProfileUrl(input)).toBe(expected);
  });
});

// The clock-less forms kept for existing callers: relative words give null.
describe('parseSfDateTime', () => {
  it.each([
    ['9:00am | 3/20/17', local(2017, 3, 20, 9, 0)],
    ['10:30am | 3/24/17', local(2017, 3, 24, 10, 30)],
    ['10:30 AM | 3/24/2017', local(2017, 3, 24, 10, 30)],
    ['14:30 | 10.11.2026', local(2026, 11, 10, 14, 30)],
    ['3/20/2017', local(2017, 3, 20)],
    ['  9:00am  |  3/20/17 ', local(2017, 3, 20, 9, 0)],
    ['9:00am | 20/3/17', local(2017, 3, 20, 9, 0)], // can only be day first
    ['Yesterday', null],
    ['Today', null],
    ['2d ago', null],
    ['Overdue', null],
    ['', null],
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
    ['31/12/2026', '2026-12-31'],
    ['Dec 31, 2026', '2026-12-31'],
    ['2/29/2027', null],
    ['2026-13-01', null],
    ['Today', null],
    ['', null],
  ] as const)('%j', (input, expected) => {
    expect(parseDateOnly(input)).toBe(expected);
  });
});
