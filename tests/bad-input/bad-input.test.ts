/** @vitest-environment happy-dom */
// The bad-input corpus (issue #9, item 4), table-driven over the data files beside
// this test: every odd amount, date, name, import file, plan and server reply gets a
// clear result: the right value, an explicit unknown (null), or a sentence naming
// what is wrong. Never NaN, never a rolled-over date, never a crash, never markup.
import { afterEach, describe, expect, it } from 'vitest';
import { csvCell } from '../../lib/csv';
import { createCycleTimer } from '../../lib/cycle-timer';
import { EXPORT_FORMAT, EXPORT_VERSION, parseExport } from '../../lib/export-format';
import { defaultPlan, validatePlan } from '../../lib/metrics/plan';
import { parseAmount, parseDate, parseDateTime } from '../../lib/sites/parse';
import { SyncError, TeamClient } from '../../lib/sync-client';
import { AMOUNT_CASES, DATE_CASES, DST_CASES, expand, NAME_CASES } from './corpus';
import imports from './imports.json';
import plans from './plans.json';
import replies from './server-replies.json';

describe('amounts', () => {
  it.each(AMOUNT_CASES.map(c => [c.input.length > 40 ? `${c.input.slice(0, 12)}… (${c.input.length} chars)` : c.input, c] as const))(
    '%j',
    (_label, { input, expect: expected }) => {
      const parsed = parseAmount(input);
      expect(parsed).toEqual(expected);
      if (parsed) {
        expect(Number.isFinite(parsed.amount)).toBe(true);
        expect(Object.is(parsed.amount, -0)).toBe(false);
      }
    },
  );
});

describe('dates', () => {
  // The fixtures' "today": Friday 27 November 2026, noon, local time.
  const now = new Date(2026, 10, 27, 12, 0);
  it.each(DATE_CASES.map(c => [c.input, c] as const))('%j', (_label, { input, expect: expected }) => {
    expect(parseDate(input, now)).toBe(expected);
    const instant = parseDateTime(input, now);
    if (expected === null) expect(instant).toBeNull();
    else expect(Number.isFinite(Date.parse(instant!))).toBe(true);
  });

  describe('wall-clock times in a daylight-saving gap', () => {
    const tz = process.env.TZ;
    afterEach(() => {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    });
    it.each(DST_CASES.map(c => [c.input, c.timeZone, c] as const))('%j in %s is a valid instant', (_label, _zone, { input, timeZone }) => {
      process.env.TZ = timeZone; // Node re-reads TZ when it is assigned
      const instant = parseDateTime(input, now);
      expect(instant).not.toBeNull();
      expect(Number.isFinite(Date.parse(instant!))).toBe(true);
      expect(instant).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });
  });
});

describe('names, subjects and stages', () => {
  const cases = NAME_CASES.map(c => [c.why ?? JSON.stringify(c.input).slice(0, 30), c.input] as const);

  it.each(cases)('%s: the timer shows it as text, never as markup', (_why, name) => {
    const { host } = createCycleTimer(document, { stage: name, stageEnteredAt: '2026-11-20T10:00:00Z', targetDays: 14 }, new Date('2026-11-27T12:00:00Z'), 'en-US');
    const shadow = host.shadowRoot!;
    expect(shadow.querySelectorAll('script, img, iframe, a')).toHaveLength(0);
    expect(shadow.querySelector('.badge')!.textContent).toBe(`${name} · 7d in stage`);
    expect(shadow.querySelector('.timer')!.getAttribute('aria-label')).toContain(name);
  });

  it.each(cases)('%s: a CSV cell never starts a formula', (_why, name) => {
    const cell = csvCell(name);
    const unquoted = cell.startsWith('"') ? cell.slice(1) : cell;
    expect(unquoted).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('import files', () => {
  const valid = () => ({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: '2026-11-27T12:00:00.000Z',
    rep: { name: 'Sam Rivera', email: 'sam@example.com' },
    events: [{ id: 'salesforce:abc', type: 'call', at: '2026-11-26T10:00:00.000Z', site: 'salesforce', url: 'https://acme.lightning.force.com/x', capturedAt: '2026-11-26T10:00:05.000Z' }],
    deals: [
      {
        id: 'salesforce:006A', name: 'Acme', stage: 'Negotiation/Review', stageEnteredAt: '2026-11-01T00:00:00.000Z', amount: 1000, currency: 'USD',
        status: 'open', url: 'https://acme.lightning.force.com/y', lastSeenAt: '2026-11-27T00:00:00.000Z',
      },
    ],
  });

  it('a valid export is accepted (the cases below differ from it in one thing)', () => {
    expect(parseExport(JSON.stringify(valid()))).toMatchObject({ ok: true });
  });

  it.each(imports.cases.map(c => [c.name, c] as const))('%s: refused with a sentence', (_name, c) => {
    let text: string;
    if ('input' in c && c.input !== undefined) text = c.input;
    else {
      const file: Record<string, unknown> = { ...valid(), ...(c as { patch?: object }).patch };
      if ('event' in c) file.events = [{ ...valid().events[0], ...c.event }];
      if ('deal' in c) file.deals = [{ ...valid().deals[0], ...c.deal }];
      text = JSON.stringify(file);
    }
    const result = parseExport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(c.error);
      expect(result.error).toMatch(/^[A-Z].*\.$/); // a sentence
    }
  });
});

describe('plans', () => {
  it('the default plan is valid (the cases below differ from it in one thing)', () => {
    expect(validatePlan(defaultPlan('Europe/Berlin'))).toMatchObject({ ok: true });
  });

  it.each(plans.cases.map(c => [c.name, c] as const))('%s: refused, naming the field', (_name, c) => {
    let plan: unknown;
    if ('whole' in c) plan = c.whole;
    else {
      const base = defaultPlan('Europe/Berlin') as unknown as Record<string, unknown>;
      const p: Record<string, unknown> = { ...base, annual: [{ effectiveFrom: '2026-01-01', annualQuota: 1_000_000, ...(c as { revision?: object }).revision }] };
      for (const [k, v] of Object.entries((c as { patch?: Record<string, unknown> }).patch ?? {})) {
        if (v === '$delete') delete p[k];
        else p[k] = v;
      }
      plan = p;
    }
    const result = validatePlan(plan);
    expect(result.ok).toBe(false);
    const error = result.ok ? undefined : result.errors.find(e => e.path === c.path);
    expect(error, JSON.stringify(result)).toBeDefined();
    expect(error!.message).toContain(c.says);
    expect(error!.message).not.toMatch(/NaN|undefined|\[object/);
  });
});

describe('team server replies', () => {
  const client = (reply: (typeof replies.cases)[number]) =>
    new TeamClient({
      url: 'https://team.example.com',
      token: 't',
      fetch: async () => {
        if ('network' in reply) throw new TypeError('Failed to fetch');
        return new Response(expand(reply.body ?? ''), { status: reply.status, headers: reply.contentType ? { 'Content-Type': reply.contentType } : {} });
      },
    });

  /** The call a case answers (`call` in the data file); push_events when it names none. */
  const CALLS: Record<string, (c: TeamClient) => Promise<unknown>> = {
    pushEvents: c => c.pushEvents([]),
    whoami: c => c.whoami(),
    teamPlan: c => c.teamPlan(),
    teamSummary: c => c.teamSummary('2026-11-23', '2026-11-30'),
  };

  it.each(replies.cases.map(c => [c.name, c] as const))('%s: a SyncError the sync loop knows what to do with', async (_name, reply) => {
    const error = await CALLS[('call' in reply && reply.call) || 'pushEvents']!(client(reply)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyncError);
    const e = error as SyncError;
    expect(e.kind).toBe(reply.kind);
    expect(e.retry).toBe(reply.retry);
    if ('says' in reply) expect(e.message).toContain(reply.says);
    expect(e.message).not.toMatch(/<[a-z]|undefined|\[object/i); // no markup, no leaked internals
    if ('maxMessageLength' in reply) expect(e.message.length).toBeLessThanOrEqual(reply.maxMessageLength!);
  });
});
