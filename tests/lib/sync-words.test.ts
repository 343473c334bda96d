// Team sync's sentences in the browser's language (issue #9, item 6): the status lines,
// the plan in force, the server URL's refusals, the team server's errors and the team
// plan's checks. English stays what it was (other tests pin it); here German, French and
// Spanish come from the locale files, and with every message wrapped in ⟦ ⟧ nothing is
// left outside one but data. Error kinds (SyncError.kind) are a contract and never change.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defaultPlan, type Plan } from '../../lib/metrics/plan';
import { SyncError, TeamClient } from '../../lib/sync-client';
import { planToApply } from '../../lib/sync-plan';
import type { SyncStatus, TeamPlanState } from '../../lib/sync-state';
import { behindCell, behindText, teamLine, tierName } from '../../lib/sync-team';
import { checkServerUrl } from '../../lib/sync-url';
import { planLine, syncLine, waitingLine, whoamiLine } from '../../lib/sync-view';
import { allocationSum, allocationSumText, checkAllocation, checkQuotaDraft, type RosterRep } from '../../lib/team-plan';
import { stripMarked, useLocale, usePseudoLocale } from '../helpers/pseudo-locale';

const original = fakeBrowser.i18n.getUILanguage;
afterEach(() => {
  fakeBrowser.i18n.getUILanguage = original;
});
function speak(lang: 'de' | 'fr' | 'es') {
  useLocale(lang);
  fakeBrowser.i18n.getUILanguage = () => lang;
}
/** Letters left once the ⟦…⟧ parts and the data are taken out. */
const leftover = (text: string, data: string[] = []) => {
  let rest = stripMarked(text);
  for (const d of data) rest = rest.split(d).join(' ');
  return rest.match(/\p{L}+/gu) ?? [];
};

const AT = new Date('2026-11-27T15:00:00Z');
const STATUS: SyncStatus = { failures: 1, waiting: { events: 3, deals: 1, erasures: 0 }, rejected: 0, lastSyncAt: '2026-11-27T14:02:00Z', nextRetryAt: '2026-11-27T15:07:00Z' };
const LOCAL: Plan = { ...defaultPlan('UTC'), annual: [{ effectiveFrom: '2026-01-01', annualQuota: 100 }] };
const TEAM: TeamPlanState = { teamName: 'Acme Sales', pulledAt: '2026-11-27T14:00:00Z', plan: null, annual: [{ effectiveFrom: '2026-01-01', annualQuota: 400_000 }], fromAllocation: true, territory: 'West' };

/** A team server that answers every call with this status and body. */
const answering = (status: number, body: string) =>
  new TeamClient({ url: 'https://pacer.example.com', token: 'tok', fetch: async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } }) });
const refusal = async (client: TeamClient) => client.whoami().then(() => null, (e: SyncError) => e);

describe('team sync status lines', () => {
  it('German: what waits, the sync line with its error and next try, who is signed in', () => {
    speak('de');
    expect(waitingLine({ events: 1, deals: 2, erasures: 3 })).toBe('1 Ereignis, 2 Deals, 3 Löschungen ausstehend');
    expect(waitingLine({ events: 1200, deals: 0, erasures: 0 })).toBe('1.200 Ereignisse ausstehend');
    expect(syncLine(false, STATUS, STATUS.waiting, AT).text).toBe('Die Team-Synchronisierung ist aus: Alles bleibt in diesem Browser.');
    const line = syncLine(true, { ...STATUS, lastError: 'Der Browser ist offline.' }, STATUS.waiting, AT);
    expect(line.text).toMatch(/^Team-Synchronisierung: zuletzt \d\d:\d\d · 3 Ereignisse, 1 Deal ausstehend\. Der Browser ist offline\. Nächster Versuch \d\d:\d\d\.$/);
    expect(whoamiLine({ team: 'acme', teamName: 'Acme Sales', teamSize: 5, rep: 'sam', repName: 'Sam Rivera', role: 'rep', territory: 'West', shareNames: false }))
      .toBe('Acme Sales · Sam Rivera (Vertriebler, West)');
  });

  it("German: a team plan the rep's Pacer cannot use says why, each rule in German", () => {
    speak('de');
    const broken = planToApply(LOCAL, { ...TEAM, annual: [{ effectiveFrom: '2026-01-01', annualQuota: 1000, quarterQuotas: [100, 100, 100, 100] }] });
    expect(broken).toEqual({ kind: 'invalid', message: 'Der Plan Ihres Teams kann nicht verwendet werden: annual[0].quarterQuotas: Die Quartalsquoten ergeben zusammen 400, nicht die Jahresquote von 1.000.' });
  });

  it('French and Spanish: the plan in force', () => {
    speak('fr');
    // French sets a no-break space before : and ;.
    expect(planLine(true, { ...LOCAL, annual: TEAM.annual }, TEAM, AT)!.replace(/\u00a0/g, ' ')).toMatch(/^Plan en vigueur : celui de votre équipe, Acme Sales \(quota : votre attribution \(West\) ; récupéré .+\)\.$/);
    speak('es');
    expect(planLine(false, LOCAL, TEAM, AT)).toBe('Plan vigente: el suyo. El plan de su equipo (Acme Sales) se aplica mientras la sincronización del equipo esté activada.');
  });

  it('leave nothing in English', () => {
    usePseudoLocale();
    const texts = [
      waitingLine({ events: 1, deals: 2, erasures: 3 }),
      syncLine(false, STATUS, STATUS.waiting, AT).text,
      syncLine(true, { ...STATUS, lastSyncAt: undefined, lastError: '⟦offline⟧' }, STATUS.waiting, AT).text,
      planLine(true, { ...LOCAL, annual: TEAM.annual }, { ...TEAM, replacedLocalEditAt: '2026-11-27T14:01:00Z' }, AT)!,
      planLine(true, { ...LOCAL, annual: TEAM.annual }, { ...TEAM, fromAllocation: false }, AT)!,
      planLine(true, LOCAL, TEAM, AT)!,
      planLine(false, LOCAL, TEAM, AT)!,
      whoamiLine({ team: 'acme', teamName: 'Acme Sales', teamSize: 5, rep: 'maria', repName: null, role: 'manager', territory: null, shareNames: false }),
    ];
    for (const text of texts) expect(leftover(text, ['Acme Sales', 'West', 'maria', 'AM', 'PM']), text).toEqual([]);
  });
});

describe("the team's words for the popup", () => {
  it('German: behind on a tier, declined after "bei", and the team totals', () => {
    speak('de');
    expect(behindText({ behind: true, behindTier: 'calls' })).toBe('Rückstand bei Anrufen');
    expect(behindText({ behind: true, behindTier: 'proposals' }, 'mid')).toBe('Rückstand bei Angeboten');
    expect(behindText({ behind: false, behindTier: null })).toBe('Im Plan');
    expect(behindCell({ behind: true, behindTier: 'proposals' })).toBe('Angebote');
    expect(tierName('deals')).toBe('Deals (Quote)');
  });

  it('English as before, also mid-sentence', () => {
    expect(behindText({ behind: true, behindTier: 'meetings' })).toBe('Behind on meetings');
    expect(behindText({ behind: true, behindTier: null }, 'mid')).toBe('behind on deals (quota)');
    expect(behindCell({ behind: false, behindTier: null })).toBe('On pace');
    const summary = { currency: 'USD', team: { won: 10_000, quota: null, attainment: null, pacing: { expected: 10_000, actual: 10_000, delta: 0.2 } } };
    expect(teamLine(summary as never)).toBe('$10,000 won, on pace');
  });
});

describe("the team server URL's refusals", () => {
  it('German, and English unchanged', () => {
    expect(checkServerUrl('ftp://x.example')).toEqual({ ok: false, error: 'ftp: URLs are not supported; use https://.' });
    speak('de');
    expect(checkServerUrl('')).toEqual({ ok: false, error: 'Geben Sie die URL des Teamservers ein, die Sie von Ihrer Führungskraft erhalten haben.' });
    expect(checkServerUrl('pacer')).toEqual({ ok: false, error: '„pacer“ ist keine URL. Sie sieht so aus: https://pacer.example.com.' });
    expect(checkServerUrl('https://pacer.example.com')).toEqual({ ok: true, url: 'https://pacer.example.com', origin: 'https://pacer.example.com' });
  });

  it('leave nothing in English', () => {
    usePseudoLocale();
    for (const bad of ['', 'pacer', 'https://a:b@x.example', 'https://x.example/?q', 'http://x.example/team', 'ftp://x.example']) {
      const check = checkServerUrl(bad);
      expect(check.ok).toBe(false);
      expect(leftover(check.ok ? '' : check.error, ['pacer', 'https', 'x.example', 'ftp', 'team', 'example', 'com']), bad).toEqual([]);
    }
  });
});

describe("the team server's errors", () => {
  it('say what happened in German, with the server\'s own words inside and the kind unchanged', async () => {
    speak('de');
    const auth = await refusal(answering(401, JSON.stringify({ message: 'token revoked' })));
    expect(auth).toMatchObject({ kind: 'auth', status: 401, message: 'Der Teamserver hat Ihr Token abgelehnt: token revoked. Bitten Sie Ihre Führungskraft um ein neues Token.' });
    const missing = await refusal(answering(404, '{}'));
    expect(missing).toMatchObject({ kind: 'config', message: expect.stringMatching(/^pacer\.example\.com hat keine Pacer-Team-API \(whoami nicht gefunden\)\. Prüfen Sie die URL\.$/) });
    const offline = await refusal(new TeamClient({ url: 'https://pacer.example.com', token: 'tok', fetch: async () => Promise.reject(new TypeError('Failed to fetch')) }));
    expect(offline).toMatchObject({ kind: 'network', message: 'Der Teamserver unter pacer.example.com ist nicht erreichbar (offline, oder der Server ist nicht erreichbar).' });
    speak('es');
    expect(await refusal(answering(503, JSON.stringify({ message: 'down' })))).toMatchObject({ kind: 'server', message: 'El servidor del equipo tuvo un problema (HTTP 503): down.' });
  });

  it('leave nothing in English', async () => {
    usePseudoLocale();
    for (const [status, body] of [[401, '{"message":"revoked"}'], [403, '{"message":"denied"}'], [413, '{"message":"big"}'], [426, '{"message":"tls"}'], [404, '{}'], [500, '{"message":"boom"}'], [400, '{"message":"bad"}'], [200, 'not json']] as const) {
      const error = await refusal(answering(status, body));
      expect(error, `${status}`).toBeInstanceOf(SyncError);
      expect(leftover(error!.message, ['revoked', 'denied', 'big', 'tls', 'boom', 'bad', 'pacer.example.com', 'whoami', 'HTTP']), `${status}`).toEqual([]);
    }
  });
});

describe("the team plan's checks and sum", () => {
  const roster: RosterRep[] = [
    { rep: 'ana', repName: 'Ana Ortiz', territory: 'West', annual: [{ effectiveFrom: '2026-01-01', annualQuota: 300_000 }] },
    { rep: 'ben', repName: 'Ben Okafor', territory: null, annual: [] },
  ];
  const team = [{ effectiveFrom: '2026-01-01', annualQuota: 1_000_000 }];
  const money = (n: number) => `${n} €`;

  it('German', () => {
    speak('de');
    expect(checkQuotaDraft({ effectiveFrom: '', annual: 'viel', quarters: ['1', '', '', ''] })).toEqual({
      ok: false,
      errors: {
        effectiveFrom: '„nichts“ ist kein Datum: Wählen Sie den Tag, ab dem dies gilt (JJJJ-MM-TT).',
        annual: '„viel“ ist keine Zahl.',
        quarters: 'Geben Sie alle vier Quartalsquoten als Zahlen ab 0 ein (Q2 ist leer) oder lassen Sie alle vier leer für je ein Viertel der Jahresquote.',
      },
    });
    // The rules every plan keeps come from validatePlan, worded by lib/plan-words.ts.
    expect(checkQuotaDraft({ effectiveFrom: '2026-07-01', annual: '1000', quarters: ['100', '100', '100', '100'] })).toEqual({
      ok: false, errors: { quarters: 'Die Quartalsquoten ergeben zusammen 400, nicht die Jahresquote von 1.000.' },
    });
    expect(allocationSumText(allocationSum(team, roster, '2026-11-27'), money)).toBe('Zugeteilt: 300000 € von 1000000 € des Teams: 700000 € noch nicht zugeteilt. Ein Vertriebler hat noch keine Zuteilung.');
    speak('fr');
    expect(allocationSumText(allocationSum([], roster, '2026-11-27'), money)).toBe("Attribué\u00a0: 300000 €\u00a0; l'équipe n'a pas encore de quota annuel. Un commercial n'a pas encore d'attribution.");
  });

  it('leave nothing in English', () => {
    usePseudoLocale();
    const draft = { effectiveFrom: '2026-07-01', annual: '100', quarters: ['25', '25', '25', 'x'] as [string, string, string, string] };
    const errors = [
      checkQuotaDraft({ effectiveFrom: 'soon', annual: '', quarters: ['', '', '', ''] }),
      checkQuotaDraft({ effectiveFrom: '2026-07-01', annual: '-1', quarters: ['', '', '', ''] }),
      checkQuotaDraft(draft),
      checkQuotaDraft({ effectiveFrom: '2026-07-01', annual: '1000', quarters: ['100', '100', '100', '100'] }),
      checkAllocation('ben', { ...draft, quarters: ['', '', '', ''] }, 'W'.repeat(81), undefined, [{ effectiveFrom: '2026-07-01', annualQuota: 1 }]),
    ].flatMap(c => (c.ok ? [] : Object.values(c.errors)));
    expect(errors).toHaveLength(7);
    for (const e of errors) expect(leftover(e!, ['soon', 'x', 'W'.repeat(81)]), e).toEqual([]);
    for (const date of ['2026-11-27', '2025-01-01']) {
      for (const annual of [team, [{ effectiveFrom: '2026-01-01', annualQuota: 300_000 }], [{ effectiveFrom: '2026-01-01', annualQuota: 100_000 }]]) {
        const text = allocationSumText(allocationSum(annual, roster, date), money);
        expect(leftover(text), text).toEqual([]);
      }
    }
  });
});
