// Money in several currencies (issue #5): converted with the plan's rates, or kept apart
// per currency. Never added silently.

/** The key under which amounts with no known currency are kept apart. */
export const UNKNOWN_CURRENCY = '???';

export interface Rates {
  /** The currency totals are in. */
  currency: string;
  /** One unit of each other currency in `currency`. */
  rates: Readonly<Record<string, number>>;
}

export interface Money {
  /** Sum of everything that could be converted, in `currency`, rounded to cents. */
  total: number;
  currency: string;
  /** Amounts that could not be converted (no rate, or no currency: '???'), per currency. */
  unconverted: Record<string, number>;
  /** Items whose amount is unknown (null): counted, never treated as 0. */
  unknownAmounts: number;
}

/** The rate from `currency` to the plan's currency, or null without one. */
export function rateOf(currency: string | null | undefined, r: Rates): number | null {
  if (!currency) return null;
  if (currency === r.currency) return 1;
  const rate = r.rates[currency];
  return rate !== undefined && Number.isFinite(rate) && rate > 0 ? rate : null;
}

/** `amount` in the plan's currency, or null when it cannot be converted. */
export function convert(amount: number, currency: string | null | undefined, r: Rates): number | null {
  const rate = rateOf(currency, r);
  return rate === null || !Number.isFinite(amount) ? null : amount * rate;
}

/**
 * rateOf for the few currencies a loop over deals meets: remembered by string value in
 * a short list (currency strings read from storage are fresh objects, and looking each
 * one up as a property key costs more than comparing three letters).
 */
export class RateCache {
  private readonly currencies: (string | null | undefined)[] = [];
  private readonly rates: (number | null)[] = [];
  constructor(readonly r: Rates) {}

  rate(currency: string | null | undefined): number | null {
    const cs = this.currencies;
    for (let i = 0; i < cs.length; i++) if (cs[i] === currency) return this.rates[i]!;
    const rate = rateOf(currency, this.r);
    if (cs.length < 16) {
      cs.push(currency);
      this.rates.push(rate);
    }
    return rate;
  }

  /** convert(), through the cache. */
  convert(amount: number, currency: string | null | undefined): number | null {
    const rate = this.rate(currency);
    return rate === null || !Number.isFinite(amount) ? null : amount * rate;
  }
}

/** Adds amounts one by one; converts what it can and keeps the rest per currency. */
export class MoneySum {
  private converted = 0;
  private readonly apart: Record<string, number> = {};
  private unknown = 0;
  private readonly rates: RateCache;
  constructor(private readonly r: Rates) {
    this.rates = new RateCache(r);
  }

  add(amount: number | null | undefined, currency: string | null | undefined, sign = 1): this {
    if (amount === null || amount === undefined || !Number.isFinite(amount)) {
      this.unknown += sign;
      return this;
    }
    const rate = this.rates.rate(currency);
    if (rate !== null) this.converted += sign * amount * rate;
    else {
      const key = currency || UNKNOWN_CURRENCY;
      this.apart[key] = (this.apart[key] ?? 0) + sign * amount;
    }
    return this;
  }

  addMoney(m: Money, sign = 1): this {
    this.converted += sign * m.total;
    for (const [c, v] of Object.entries(m.unconverted)) this.apart[c] = (this.apart[c] ?? 0) + sign * v;
    this.unknown += sign * m.unknownAmounts;
    return this;
  }

  result(): Money {
    const unconverted: Record<string, number> = {};
    for (const [c, v] of Object.entries(this.apart)) if (v !== 0) unconverted[c] = Math.round(v * 100) / 100;
    return { total: Math.round(this.converted * 100) / 100 || 0, currency: this.r.currency, unconverted, unknownAmounts: this.unknown };
  }
}

export function sumMoney(items: Iterable<{ amount: number | null | undefined; currency: string | null | undefined }>, r: Rates): Money {
  const sum = new MoneySum(r);
  for (const item of items) sum.add(item.amount, item.currency);
  return sum.result();
}

export const zeroMoney = (r: Rates): Money => ({ total: 0, currency: r.currency, unconverted: {}, unknownAmounts: 0 });

/** True when every amount made it into `total`. */
export const isComplete = (m: Money): boolean => m.unknownAmounts === 0 && Object.keys(m.unconverted).length === 0;
