// Random DOM damage on live pages with the built extension loaded (issue #9, item 3, the
// browser half; the 10,000-mutation runs over every adapter are tests/fuzz/*, in happy-dom).
// The page's own script removes, copies, moves and garbles its elements in bursts, Pacer
// re-reads after each, and no error of Pacer's ever reaches the page: no `pageerror`, no
// console error from the extension. Seeded: FUZZ_SEED replays a run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { startTestSite } from './site';
import { hubspotUrls } from './sites/hubspot';
import { LINKEDIN_PEOPLE, linkedinUrls } from './sites/linkedin';
import { PIPEDRIVE_URLS } from './sites/pipedrive';

let site: Awaited<ReturnType<typeof startTestSite>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  site = await startTestSite();
  browser = await launchWithExtension({ hostResolverRules: site.rules });
});
afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

const SEED = Number.isInteger(Number(process.env.FUZZ_SEED)) ? Number(process.env.FUZZ_SEED) : 0x9ac3e;
const BURSTS = 20;
const PER_BURST = 50;
/** Longer than the content scripts' read debounce (250 ms CRM, 400 ms LinkedIn): Pacer reads between bursts. */
const PAUSE_MS = 450;

/** One burst of damage, run by the page itself. A string: tsx's helpers do not exist in the page. */
const burst = (seed: number, n: number) => `(() => {
  let s = ${seed} >>> 0;
  const next = () => { let t = (s = (s + 0x6d2b79f5) >>> 0); t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const pick = list => list[Math.floor(next() * list.length)];
  const garbage = ['1.234,56 €', 'USD 1,2M', '—', '∞', '1e309', '-0', '12 345,00', '31/02/2026', 'NaN', '', '<script>x</script>',
    '=HYPERLINK("x")', 'محمد', 'A'.repeat(5000), 'Closed Won', 'Yesterday', '2d ago', '\\u200b', '1st', 'Pending'];
  const all = () => {
    const out = [];
    const visit = root => { for (const el of root.querySelectorAll('*')) { out.push(el); if (el.shadowRoot) visit(el.shadowRoot); } };
    visit(document);
    return out.filter(el => el !== document.documentElement && el !== document.body && el !== document.head && el.localName !== 'script');
  };
  let els = all();
  for (let i = 0; i < ${n}; i++) {
    if (i % 10 === 0) els = all();
    const el = pick(els);
    if (!el || !el.isConnected) continue;
    switch (Math.floor(next() * 6)) {
      case 0: el.remove(); break;
      case 1: if (el.getElementsByTagName('*').length < 60) el.after(el.cloneNode(true)); break;
      case 2: if (!el.childElementCount) el.textContent = pick(garbage); break;
      case 3: el.setAttribute(pick(['href', 'title', 'class', 'datetime', 'aria-label', 'data-id']), pick(garbage)); break;
      case 4: { const to = pick(els); if (to && to !== el && !el.contains(to) && to.isConnected) to.append(el); break; }
      default: el.replaceChildren();
    }
  }
})()`;

const PAGES = () =>
  [
    ['a Salesforce opportunity', site.opportunityUrl('negotiation')],
    ['a HubSpot deal', hubspotUrls.dealMid],
    ['a Pipedrive deal', PIPEDRIVE_URLS.deal],
    ['a 2026 LinkedIn profile', linkedinUrls.profile(LINKEDIN_PEOPLE.thirdDegree2026)],
  ] as const;

describe('live pages under random damage, with Pacer loaded', () => {
  it.each([0, 1, 2, 3])('page %i: no error of Pacer reaches the page', async index => {
    const [name, url] = PAGES()[index]!;
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    page.on('pageerror', e => pageErrors.push(`${e.name}: ${e.message}`));
    page.on('console', m => {
      // The page's own 404s (garbled hrefs) are the page's; an error from Pacer's scripts names chrome-extension://.
      if (m.type() === 'error' && /chrome-extension:/.test(`${m.text()} ${m.location().url}`)) consoleErrors.push(m.text());
    });
    const response = await page.goto(url);
    expect(response?.status(), name).toBe(200);
    await page.waitForTimeout(1200); // Pacer's first read and the background's reply
    for (let b = 0; b < BURSTS; b++) {
      await page.evaluate(burst(SEED + index * 1000 + b, PER_BURST));
      await page.waitForTimeout(PAUSE_MS);
    }
    expect({ name, seed: SEED, pageErrors, consoleErrors }).toEqual({ name, seed: SEED, pageErrors: [], consoleErrors: [] });
    await page.close();
  });
});
