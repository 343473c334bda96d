import { describe, expect, it } from 'vitest';
import { convert, isComplete, MoneySum, rateOf, sumMoney, UNKNOWN_CURRENCY, type Money } from '../../lib/metrics/money';

const rates = { currency: 'USD', rates: { EUR: 1.1, GBP: 1.25 } };
type Item = { amount: number | null; currency: string | null };

describe('sumMoney', () => {
  it.each<[string, Item[], Money]>([
    ['no data', [], { total: 0, currency: 'USD', unconverted: {}, unknownAmounts: 0 }],
    ['one amount', [{ amount: 1000, currency: 'USD' }], { total: 1000, currency: 'USD', unconverted: {}, unknownAmounts: 0 }],
    ['mixed currencies with rates', [{ amount: 1000, currency: 'USD' }, { amount: 1000, currency: 'EUR' }, { amount: 100, currency: 'GBP' }], { total: 2225, currency: 'USD', unconverted: {}, unknownAmounts: 0 }],
    ['a currency without a rate stays apart', [{ amount: 1000, currency: 'USD' }, { amount: 500, currency: 'JPY' }, { amount: 250, currency: 'JPY' }], { total: 1000, currency: 'USD', unconverted: { JPY: 750 }, unknownAmounts: 0 }],
    ['no currency stays apart', [{ amount: 1000, currency: null }], { total: 0, currency: 'USD', unconverted: { [UNKNOWN_CURRENCY]: 1000 }, unknownAmounts: 0 }],
    ['an unknown amount is counted, not zero', [{ amount: null, currency: 'USD' }, { amount: 5, currency: 'USD' }], { total: 5, currency: 'USD', unconverted: {}, unknownAmounts: 1 }],
    ['cents do not drift', [{ amount: 0.1, currency: 'USD' }, { amount: 0.2, currency: 'USD' }], { total: 0.3, currency: 'USD', unconverted: {}, unknownAmounts: 0 }],
  ])('%s', (_name, items, expected) => expect(sumMoney(items, rates)).toEqual(expected));

  it('subtracts with a sign and drops currencies that net to zero', () => {
    const m = new MoneySum(rates).add(100, 'JPY').add(100, 'JPY', -1).add(3, 'USD').result();
    expect(m).toEqual({ total: 3, currency: 'USD', unconverted: {}, unknownAmounts: 0 });
    expect(isComplete(m)).toBe(true);
    expect(isComplete(sumMoney([{ amount: 1, currency: 'JPY' }], rates))).toBe(false);
  });
});

describe('rates', () => {
  it.each([
    ['USD', 1],
    ['EUR', 1.1],
    ['JPY', null],
    [null, null],
    ['', null],
  ])('the rate of %s is %s', (c, r) => expect(rateOf(c, rates)).toBe(r));
  it('converts or says it cannot', () => {
    expect(convert(100, 'GBP', rates)).toBe(125);
    expect(convert(100, 'JPY', rates)).toBeNull();
    expect(convert(Number.NaN, 'USD', rates)).toBeNull();
    expect(rateOf('EUR', { currency: 'USD', rates: { EUR: 0 } })).toBeNull();
  });
});
