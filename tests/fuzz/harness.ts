// Fuzzing harness (issue #9, item 3): a seeded PRNG, random DOM damage of the kinds
// real CRM pages suffer (re-renders that drop or duplicate nodes, half-loaded text,
// odd locales, huge related lists), and the invariants every reading must keep.
// Reproducible: FUZZ_SEED=<n> replays a run; every failure message names the seed.
import { EVENT_TYPES, SITE_IDS } from '../../lib/model';
import { GARBAGE_TEXT } from '../bad-input/corpus';
import { Rng } from '../../scripts/bench/prng';

export { Rng };


/** The run's base seed: FUZZ_SEED, else a fixed one (CI reruns are identical). */
export const baseSeed = (): number => {
  const env = Number(process.env.FUZZ_SEED);
  return Number.isInteger(env) ? env : 0x9ac3e;
};

/** Every element of the document and of any open shadow roots, in document order. */
export function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const visit = (scope: ParentNode) => {
    for (const el of scope.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}

const ATTRIBUTES = ['href', 'title', 'datetime', 'aria-label', 'class', 'id', 'data-id', 'data-test-id', 'aria-selected', 'value', 'data-value'];

/** A related list gone wild: hundreds of rows of garbage, built as one string (happy-dom builds cell by cell slowly). */
function hugeTable(doc: Document, rng: Rng): Element {
  const table = doc.createElement('table');
  const rows = 200 + rng.int(600);
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cells = () => Array.from({ length: 4 }, () => `<td>${escape(rng.pick(GARBAGE_TEXT).slice(0, 80))}</td>`).join('');
  table.innerHTML = `<tbody>${Array.from({ length: rows }, () => `<tr>${cells()}</tr>`).join('')}</tbody>`;
  return table;
}

/**
 * A page under damage. The element pool is taken once per round (walking a 3,000-element
 * LinkedIn page for every mutation would take minutes); picks skip elements already removed.
 */
export class Damage {
  private pool: Element[] = [];
  /** The page's size as loaded: duplicates and tables may grow it, but not without bound. */
  private readonly originalSize: number;
  constructor(
    readonly doc: Document,
    private readonly rng: Rng,
    private readonly anchors: readonly string[],
  ) {
    this.refresh();
    this.originalSize = this.pool.length;
  }

  /** Past three times its size a page is no longer the page: copying whole sections stops there. */
  get overgrown(): boolean {
    return this.pool.length > 3 * this.originalSize;
  }

  refresh() {
    const { doc } = this;
    this.pool = allElements(doc).filter(el => el !== doc.documentElement && el !== doc.body && el !== doc.head);
  }

  private pick(filter: (el: Element) => boolean = () => true): Element | undefined {
    for (let tries = 0; tries < 20 && this.pool.length; tries++) {
      const el = this.rng.pick(this.pool);
      if (el.isConnected && el.parentNode && filter(el)) return el;
    }
    return undefined;
  }

  /** One random mutation; returns a line for the failure log. */
  mutate(): string {
    const { doc, rng } = this;
    // A huge table is costly to build and to read: one mutation in 400.
    const kind = rng.chance(0.0025) ? 'hugeTable' : rng.pick(WEIGHTED);
    switch (kind) {
      case 'removeElement': {
        const el = this.pick();
        el?.remove();
        return `remove <${el?.localName}>`;
      }
      case 'removeAnchor': {
        const selector = rng.pick(this.anchors);
        let matches: Element[] = [];
        try {
          matches = [...doc.querySelectorAll(selector)];
        } catch {
          return `anchor selector not valid here: ${selector}`;
        }
        const el = matches.length ? rng.pick(matches) : undefined;
        el?.remove();
        return `remove anchor ${selector} (${matches.length} matched)`;
      }
      case 'duplicateElement': {
        // Rows, cards and fields get copied (what a re-render does); copying a whole section
        // again and again would grow the page exponentially.
        const el = this.pick(e => e.getElementsByTagName('*').length <= (this.overgrown ? 0 : 60));
        if (!el?.parentNode) return 'duplicate: nothing';
        const copies = 1 + rng.int(3);
        for (let i = 0; i < copies; i++) el.parentNode.insertBefore(el.cloneNode(true), el.nextSibling);
        return `duplicate <${el.localName}> ×${copies}`;
      }
      case 'garbageText': {
        const el = this.pick(e => e.childElementCount === 0);
        if (!el) return 'garbage text: nothing';
        const garbage = rng.pick(GARBAGE_TEXT);
        el.textContent = garbage;
        return `text of <${el.localName}> = ${JSON.stringify(garbage.slice(0, 40))}`;
      }
      case 'garbageAttribute': {
        const el = this.pick();
        if (!el) return 'garbage attribute: nothing';
        const name = rng.chance(0.5) && el.attributes.length ? el.attributes[rng.int(el.attributes.length)]!.name : rng.pick(ATTRIBUTES);
        const garbage = rng.pick(GARBAGE_TEXT);
        try {
          el.setAttribute(name, garbage);
        } catch {
          return `attribute ${name} not settable`;
        }
        return `<${el.localName}> ${name}=${JSON.stringify(garbage.slice(0, 40))}`;
      }
      case 'moveElement': {
        const el = this.pick();
        const to = this.pick();
        if (!el || !to || el === to || el.contains(to)) return 'move: nothing';
        to.appendChild(el);
        return `move <${el.localName}> into <${to.localName}>`;
      }
      case 'emptyElement': {
        const el = this.pick();
        el?.replaceChildren();
        return `empty <${el?.localName}>`;
      }
      default: {
        if (this.overgrown) return 'huge table: page already overgrown';
        const into = this.pick() ?? doc.body;
        into.appendChild(hugeTable(doc, rng));
        return `huge table into <${into.localName}>`;
      }
    }
  }

  /** Any element still in the page, for a random click. */
  anyElement(): Element | undefined {
    return this.pick();
  }
}

/** Weights: cheap local damage often, whole-subtree damage less. */
const WEIGHTED: readonly string[] = [
  ...Array(4).fill('removeElement'),
  ...Array(3).fill('removeAnchor'),
  ...Array(3).fill('duplicateElement'),
  ...Array(6).fill('garbageText'),
  ...Array(4).fill('garbageAttribute'),
  ...Array(2).fill('moveElement'),
  'emptyElement',
];

/** The CSS selectors among an adapter's `selectors` export (strings, nested objects, arrays). */
export function selectorStrings(selectors: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(selectors);
  return out.filter(s => {
    try {
      document.createDocumentFragment().querySelector(s);
      return true;
    } catch {
      return false;
    }
  });
}

// ---------------------------------------------------------------------------
// Invariants

/** Amounts beyond this are not deal amounts (and past 2^53 the cents are gone). */
export const MAX_SANE_AMOUNT = 1e15;
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

/** A real calendar day (V8's Date.parse rolls "2026-02-31" over into March). */
const isCalendarDay = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

const isIsoInstant = (v: unknown) => {
  if (typeof v !== 'string') return false;
  const day = /^(\d{4}-\d{2}-\d{2})T/.exec(v)?.[1];
  if (day && !isCalendarDay(day)) return false;
  const t = Date.parse(v);
  if (!Number.isFinite(t)) return false;
  const y = new Date(t).getUTCFullYear();
  return y >= MIN_YEAR && y <= MAX_YEAR;
};
const isCivilDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoInstant(`${v}T00:00:00Z`);

/** Every problem found anywhere in a value: non-finite numbers, and per-field rules by key. */
export function problems(value: unknown, path = '$'): string[] {
  const out: string[] = [];
  const walk = (v: unknown, p: string, key: string) => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) out.push(`${p} is ${v}`);
      if (/amount$/i.test(key) && Math.abs(v) > MAX_SANE_AMOUNT) out.push(`${p} = ${v} is no sane amount`);
      if (key === 'discount' && (v < 0 || v > 1)) out.push(`${p} = ${v} is no discount fraction`);
      return;
    }
    if (typeof v === 'string') {
      if (/(^at|At)$/.test(key) && key !== 'stageEnteredAt' && !isIsoInstant(v)) out.push(`${p} = ${JSON.stringify(v)} is no valid instant`);
      if (key === 'stageEnteredAt' && !isIsoInstant(v)) out.push(`${p} = ${JSON.stringify(v)} is no valid instant`);
      if (key === 'closeDate' && !isCivilDate(v)) out.push(`${p} = ${JSON.stringify(v)} is no valid date`);
      if ((key === 'id' || key === 'crmId' || key === 'batchId') && v.trim() === '') out.push(`${p} is an empty id`);
      if (key === 'type' && p.includes('events') && !(EVENT_TYPES as readonly string[]).includes(v)) out.push(`${p} = ${v} is not an event type`);
      if (key === 'site' && !(SITE_IDS as readonly string[]).includes(v)) out.push(`${p} = ${v} is not a site`);
      if (key === 'currency' && !/^[A-Z]{3}$/.test(v)) out.push(`${p} = ${JSON.stringify(v)} is not a currency code`);
      if (v.includes('NaN') && /amount|at$|date/i.test(key)) out.push(`${p} = ${JSON.stringify(v)} mentions NaN`);
      return;
    }
    if (v === undefined || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`, key));
    else for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`, k);
  };
  walk(value, path, '');
  return out;
}

/** Health is a verdict with reasons: ok with nothing missing, or not ok naming what is. */
export function healthProblems(health: { ok: boolean; missing: string[] } | undefined): string[] {
  if (!health || typeof health.ok !== 'boolean' || !Array.isArray(health.missing)) return ['no health'];
  if (health.ok && health.missing.length) return ['healthy yet something missing'];
  if (!health.ok && !health.missing.length) return ['unhealthy with nothing named missing'];
  return [];
}

export class FuzzFailure extends Error {}

/** Runs `check`; on a problem, throws naming the seed, the round and the last mutations. */
export function expectNone(found: string[], context: { seed: number; round: number; log: readonly string[]; what: string }) {
  if (found.length === 0) return;
  throw new FuzzFailure(
    `${context.what}: ${found.slice(0, 5).join('; ')}\n` +
      `  reproduce: FUZZ_SEED=${context.seed} (round ${context.round})\n` +
      `  last mutations:\n    ${context.log.slice(-8).join('\n    ')}`,
  );
}
