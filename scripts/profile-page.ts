// `npx tsx scripts/profile-page.ts`: where Pacer's content-script time goes on the pages
// `npm run bench:page` measures (issue #9). A focused companion to the bench, not a
// benchmark: a V8 CPU profile (sampled every 50 µs) of PROFILE_PAGE_LOADS reloads of
// each page and of the mutation batches after them, reduced to self time per function of
// the extension's scripts, and the extension's share of all profiled time. Profiles
// are less noisy than wall time on a shared machine, so compare shares before and after.
// PROFILE_PAGE_TOP sets how many functions to list; PROFILE_PAGE_ONLY=linkedin|salesforce.
import { loadavg } from 'node:os';
import type { CDPSession } from 'playwright-core';
import { launchWithExtension } from './lib/browser';
import { startTestSite } from '../tests/browser/site';
import { linkedinUrls, LINKEDIN_PEOPLE } from '../tests/browser/sites/linkedin';

const LOADS = Number(process.env.PROFILE_PAGE_LOADS ?? 8);
const TOP = Number(process.env.PROFILE_PAGE_TOP ?? 25);
const ONLY = process.env.PROFILE_PAGE_ONLY;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time (µs) per function, and per extension script in all. */
function selfTimes(profile: Profile, origin: string, into: Map<string, number>): { ext: number; all: number } {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  let ext = 0;
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!)!;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    all += dt;
    if (!url.startsWith(origin)) continue;
    ext += dt;
    const key = `${functionName || '(anonymous)'} ${url.slice(origin.length)}:${lineNumber + 1}:${columnNumber + 1}`;
    into.set(key, (into.get(key) ?? 0) + dt);
  }
  return { ext, all };
}

/** Total time (µs) per extension function: every sample with the function on its stack, counted once. */
function totalTimes(profile: Profile, origin: string, into: Map<string, number>) {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]!; id !== undefined; id = parent.get(id)) {
      const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
      if (!url.startsWith(origin)) continue;
      const key = `${functionName || '(anonymous)'} ${url.slice(origin.length)}:${lineNumber + 1}:${columnNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      into.set(key, (into.get(key) ?? 0) + dt);
    }
  }
}

/** Extension time including callees that are native (querySelectorAll, matches…): inclusive per top extension frame. */
function inclusiveNative(profile: Profile, origin: string, into: Map<string, number>) {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    let node = byId.get(profile.samples[i]!)!;
    if (node.callFrame.url.startsWith(origin)) continue;
    // A native or page frame: charge it to the nearest extension frame above, if any.
    const leaf = node.callFrame.functionName || '(native)';
    for (let id = parent.get(node.id); id !== undefined; id = parent.get(id)) {
      node = byId.get(id)!;
      if (node.callFrame.url.startsWith(origin)) {
        const key = `${leaf} ← ${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}:${node.callFrame.columnNumber + 1}`;
        into.set(key, (into.get(key) ?? 0) + dt);
        break;
      }
    }
  }
}

const mutate = (readSelector: string | null, batch: number) => `(() => {
  const els = [...document.querySelectorAll('body *')].filter(el => !el.closest('pacer-cycle-timer, script, style, head')).slice(0, 400);
  for (let i = 0; i < 35; i++) els[(${batch} * 37 + i * 11) % els.length].classList.toggle('bench-toggled');
  const readSelector = ${JSON.stringify(readSelector)};
  if (readSelector) for (const el of document.querySelectorAll(readSelector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) if (walker.currentNode.nodeValue.trim()) { walker.currentNode.nodeValue = walker.currentNode.nodeValue; break; }
  }
})()`;

async function main() {
  console.log(`# profile-page: ${LOADS} reloads per page; load average ${loadavg().map(n => n.toFixed(2)).join(' ')}`);
  const site = await startTestSite();
  const browser = await launchWithExtension({ hostResolverRules: site.rules });
  const origin = `chrome-extension://${browser.extensionId}/`;
  const pages = {
    linkedin: { url: linkedinUrls.profile(LINKEDIN_PEOPLE.thirdDegree2026), reads: 'section[componentkey$="Topcard"]' },
    salesforce: { url: site.opportunityUrl('negotiation'), reads: '.activityHistories h3, .slds-path__title' },
  };
  try {
    for (const [name, { url, reads }] of Object.entries(pages)) {
      if (ONLY && ONLY !== name) continue;
      const page = await browser.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(1500);
      const cdp: CDPSession = await browser.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      for (const phase of ['load', 'batches'] as const) {
        const self = new Map<string, number>();
        const native = new Map<string, number>();
        const total = new Map<string, number>();
        let ext = 0;
        let all = 0;
        for (let i = 0; i < LOADS; i++) {
          if (phase === 'load') {
            await cdp.send('Profiler.start');
            await page.reload({ waitUntil: 'load' });
            await page.waitForTimeout(1500);
          } else {
            await cdp.send('Profiler.start');
            for (let b = 0; b < 3; b++) {
              await page.evaluate(mutate(b === 2 ? reads : null, i * 3 + b));
              await page.waitForTimeout(700);
            }
          }
          const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
          const t = selfTimes(profile, origin, self);
          inclusiveNative(profile, origin, native);
          totalTimes(profile, origin, total);
          ext += t.ext;
          all += t.all;
        }
        console.log(`\n## ${name} ${phase}: extension self time ${(ext / 1000 / LOADS).toFixed(2)} ms per ${phase === 'load' ? 'load' : '3 batches'}, native under extension frames ${([...native.values()].reduce((a, b) => a + b, 0) / 1000 / LOADS).toFixed(2)} ms; all non-idle ${(all / 1000 / LOADS).toFixed(1)} ms`);
        for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${(us / 1000 / LOADS).toFixed(3)} ms  ${key}`);
        console.log('  -- total (self and callees):');
        for (const [key, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${(us / 1000 / LOADS).toFixed(3)} ms  ${key}`);
        console.log('  -- native callees (charged to the nearest extension frame):');
        for (const [key, us] of [...native].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${(us / 1000 / LOADS).toFixed(3)} ms  ${key}`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await site.server.close();
  }
  console.log(`# load average at end ${loadavg().map(n => n.toFixed(2)).join(' ')}`);
}

await main();
