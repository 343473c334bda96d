// Any other CRM (issue #8): a site adapter built from what the rep configured in
// the options page (a URL pattern and CSS selectors). Pure like every adapter: the
// same read() PageReading and health, tested against saved markup of a CRM Pacer
// ships no adapter for (tests/fixtures/custom/).
import { text } from './dom';
import { parseAmount, parseDateOnly, parseDateTime } from './parse';
import { healthy, missing, type PageReading, type SiteAdapter, type VisibleActivity, type VisibleActivityType } from './types';
import type { DealStatus, RepIdentity } from '../model';

export interface CustomSelectors {
  /** The record's name (required). */
  name: string;
  /** The deal's stage (required). */
  stage: string;
  amount?: string;
  closeDate?: string;
  /** Each row of the record's activity list. */
  activityRows?: string;
  /** Inside a row: its subject (else the row's text). */
  activitySubject?: string;
  /** Inside a row: its date (else none is read, and the row is not counted). */
  activityDate?: string;
}

export interface CustomAdapterConfig {
  /** A human name ("EspoCRM"), for health messages and the options page. */
  name: string;
  /**
   * Which pages are deal records: an https URL where `*` stands for any text, e.g.
   * `https://crm.example.com/#Opportunity/view/*`. What the first `*` stands for is the record id.
   */
  urlPattern: string;
  selectors: CustomSelectors;
  /** Dates on the page are day-first (24/11/2026) rather than month-first. */
  dayFirst?: boolean;
}

const MAX_SUBJECT = 200;
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i;

/**
 * The pattern as a regular expression over the whole URL: `*` is any text, the first
 * one captured (the record id). A pattern without a trailing `*` still matches the
 * page with a query or fragment after it.
 */
function patternRegex(pattern: string): RegExp {
  const parts = pattern.split('*').map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  let source = parts[0]!;
  for (let i = 1; i < parts.length; i++) source += (i === 1 ? '(.+?)' : '.*?') + parts[i];
  return new RegExp(`^${source}${pattern.endsWith('*') ? '' : '(?:[?#].*)?'}$`, 'i');
}

/** The host part of a pattern (`crm.example.com`, `*.example.com`), or undefined when it has none. */
function patternHost(pattern: string): string | undefined {
  const m = /^https:\/\/([^/#?]+)/i.exec(pattern.trim());
  return m && HOST.test(m[1]!) ? m[1]!.toLowerCase() : undefined;
}

/** The origin to ask permission for and register the content script on: `https://crm.example.com/*`. */
export function originPattern(config: Pick<CustomAdapterConfig, 'urlPattern'>): string | undefined {
  const host = patternHost(config.urlPattern);
  return host ? `https://${host}/*` : undefined;
}

/** Why a selector cannot be used, or undefined; `isValid` is the DOM's own check (querySelector throwing). */
export type SelectorCheck = (selector: string) => boolean;

/** What is wrong with a config, one sentence per field; empty when it can be saved. */
export function configProblems(config: CustomAdapterConfig, isValidSelector: SelectorCheck): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const pattern = config.urlPattern.trim();
  if (!/^https:\/\//i.test(pattern)) problems.push({ field: 'urlPattern', message: 'The URL pattern must start with https://' });
  else if (!patternHost(pattern)) problems.push({ field: 'urlPattern', message: 'The URL pattern needs a host name, like https://crm.example.com/deals/*' });
  else if (!/^https:\/\/[^/#?]+[/#?].*\*/.test(pattern)) problems.push({ field: 'urlPattern', message: 'Put a * where the record id is in the URL, like https://crm.example.com/deals/*' });
  if (!config.name.trim()) problems.push({ field: 'crmName', message: 'Give the CRM a name.' });
  const required: (keyof CustomSelectors)[] = ['name', 'stage'];
  for (const key of Object.keys(LABELS) as (keyof CustomSelectors)[]) {
    const sel = config.selectors[key]?.trim() ?? '';
    if (!sel) {
      if (required.includes(key)) problems.push({ field: key, message: `The ${LABELS[key]} selector is required.` });
      continue;
    }
    if (!isValidSelector(sel)) problems.push({ field: key, message: `The ${LABELS[key]} selector is not valid CSS.` });
  }
  return problems;
}

/** Human names of the selectors, for messages and health ("stage (.cell[data-name=stage])"). */
export const LABELS: Record<keyof CustomSelectors, string> = {
  name: 'record name',
  stage: 'stage',
  amount: 'amount',
  closeDate: 'close date',
  activityRows: 'activity rows',
  activitySubject: 'activity subject',
  activityDate: 'activity date',
};

const TYPE_WORDS: [VisibleActivityType, RegExp][] = [
  ['call', /\b(call|called|phone|anruf|appel|llamada)\b/i],
  ['email', /\b(e-?mail|mail)\b/i],
  ['meeting', /\b(meeting|meet|besprechung|termin|réunion|reunión)\b/i],
];

const statusOf = (stage: string): DealStatus =>
  /\b(closed\s*)?won\b|\bgewonnen\b|\bgagn[ée]\b|\bganad[ao]\b/i.test(stage) ? 'won'
    : /\b(closed\s*)?lost\b|\bverloren\b|\bperdu\b|\bperdid[ao]\b/i.test(stage) ? 'lost' : 'open';

/** Builds a SiteAdapter from a config. */
export function customAdapter(config: CustomAdapterConfig): SiteAdapter {
  const regex = patternRegex(config.urlPattern.trim());
  const host = patternHost(config.urlPattern) ?? '';
  const sel = config.selectors;
  const dateOptions = { order: config.dayFirst ? ('DMY' as const) : ('MDY' as const) };
  const first = (doc: Document, selector: string | undefined) => {
    if (!selector?.trim()) return undefined;
    try {
      return doc.querySelector(selector) ?? null;
    } catch {
      return null; // an invalid selector reads as missing, with its name in the health
    }
  };
  const all = (root: ParentNode, selector: string): Element[] => {
    try {
      return [...root.querySelectorAll(selector)];
    } catch {
      return [];
    }
  };

  const readActivity = (row: Element, now: Date, me: RepIdentity | undefined): VisibleActivity => {
    const subjectEl = sel.activitySubject ? all(row, sel.activitySubject)[0] : undefined;
    const dateEl = sel.activityDate ? all(row, sel.activityDate)[0] : undefined;
    const rowText = text(row);
    const subject = text(subjectEl ?? row).slice(0, MAX_SUBJECT);
    const dateText = text(dateEl);
    const at = dateText ? parseDateTime(dateText, now, dateOptions) : null;
    const type = TYPE_WORDS.find(([, re]) => re.test(subject) || re.test(rowText))?.[0] ?? 'task';
    // A CRM without "You": a row is the rep's when it names them; without a name set, every row is.
    const byMe = me?.name ? rowText.toLowerCase().includes(me.name.trim().toLowerCase()) : true;
    return { type, subject, dateText, byMe, ...(at ? { at } : {}) };
  };

  return {
    id: 'custom',
    label: config.name.trim() || 'Your CRM',
    matches: url => regex.test(url.href),
    read(doc: Document, url: URL, now = new Date(), me?: RepIdentity): PageReading {
      const m = regex.exec(url.href);
      if (!m) return { kind: 'unknown', health: missing('a page matching the URL pattern') };
      const recordId = (m[1] ?? `${url.pathname}${url.hash}`).replace(/[/?#].*$/, '');
      const nameEl = first(doc, sel.name);
      const stageEl = first(doc, sel.stage);
      const absent = [
        ...(!text(nameEl) ? [`${LABELS.name} (${sel.name})`] : []),
        ...(!text(stageEl) ? [`${LABELS.stage} (${sel.stage})`] : []),
      ];
      if (absent.length || !recordId) return { kind: 'unknown', health: missing(...(absent.length ? absent : ['a record id in the URL'])) };
      const stage = text(stageEl);
      const optionalMissing: string[] = [];
      const optional = (key: 'amount' | 'closeDate') => {
        const el = first(doc, sel[key]);
        if (el === null) optionalMissing.push(`${LABELS[key]} (${sel[key]})`);
        return el ? text(el) : '';
      };
      const amount = parseAmount(optional('amount'));
      const closeText = optional('closeDate');
      const closeDate = closeText ? parseDateOnly(closeText, dateOptions) : null;
      // No activity rows is a fine answer (a new record): it is not a health problem.
      const rows = sel.activityRows ? all(doc, sel.activityRows) : [];
      return {
        kind: 'deal',
        deal: {
          id: `custom:${host}/${recordId}`,
          name: text(nameEl),
          stage,
          amount: amount?.amount ?? null,
          currency: amount?.currency ?? null,
          ...(closeDate ? { closeDate } : {}),
          status: statusOf(stage),
          url: url.href,
        },
        stages: [stage],
        activities: rows.map(r => readActivity(r, now, me)),
        health: optionalMissing.length ? missing(...optionalMissing) : healthy,
      };
    },
  };
}
