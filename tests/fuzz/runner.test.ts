/** @vitest-environment happy-dom */
// The CRM content script's runner (lib/crm-content.ts → lib/capture.ts) on a live
// happy-dom page under random damage (issue #9, item 3): the MutationObserver, the
// debounced reading, the outbox, the background's replies and the in-page timer all run
// as in the browser. Nothing may throw out of a callback (the fence reports it to the
// background instead: that would show here as a `reportError` message), and every batch
// sent to the background holds only sane facts. Seeded: FUZZ_SEED replays it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { CaptureBatch } from '../../lib/capture-batch';
import { runCrmContentScript } from '../../lib/crm-content';
import { onMessage } from '../../lib/messages';
import type { DealSnapshot } from '../../lib/model';
import { hubspot } from '../../lib/sites/hubspot';
import { pipedrive } from '../../lib/sites/pipedrive';
import { salesforce } from '../../lib/sites/salesforce';
import type { SiteAdapter } from '../../lib/sites/types';
import { loadFixture } from '../helpers/fixtures';
import { baseSeed, Damage, expectNone, problems, Rng } from './harness';
import { SCENARIOS } from './scenarios';
import { fakeContext } from '../helpers/fake-content-context';

/** Fewer than the adapters' 10,000 (tests/fuzz/<site>.test.ts): here each burst waits out the real debounce. */
const MUTATIONS = Number(process.env.FUZZ_RUNNER_MUTATIONS ?? 600);

const ADAPTERS: Record<string, SiteAdapter> = { salesforce, hubspot, pipedrive };

describe.each(['salesforce', 'hubspot', 'pipedrive'] as const)('the %s content script on a page under damage', site => {
  let batches: CaptureBatch[];
  let errors: string[];
  let stop: (() => void)[];

  beforeEach(() => {
    fakeBrowser.reset();
    batches = [];
    errors = [];
    stop = [
      onMessage('capture', batch => {
        batches.push(batch);
        // The background's reply: the deals as stored (the stage entered when first seen).
        const deals = batch.deals.map(d => ({ ...d, stageEnteredAt: d.stageEnteredAt ?? batch.seenAt, lastSeenAt: batch.seenAt }) as DealSnapshot);
        return { batchId: batch.batchId, stored: batch.events.length, deals, lastTouch: {} };
      }),
      onMessage('reportError', e => void errors.push(e.message)),
      onMessage('pageState', () => undefined),
    ];
  });
  afterEach(() => stop.forEach(s => s()));

  it(`keeps every error inside and sends only sane facts through ${MUTATIONS.toLocaleString('en')} mutations`, async () => {
    const scenario = SCENARIOS.find(s => s.site === site)!;
    const seed = (baseSeed() ^ 0x5eed ^ site.length) >>> 0;
    const rng = new Rng(seed);
    let applied = 0;
    const log: string[] = [];
    for (let page = 0; applied < MUTATIONS; page++) {
      const [file, href] = scenario.fixtures[page % scenario.fixtures.length]!;
      (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(href);
      document.documentElement.innerHTML = loadFixture(file).documentElement.innerHTML;
      const { ctx, invalidate } = fakeContext();
      runCrmContentScript(ctx, ADAPTERS[site]!);
      await new Promise(r => setTimeout(r, 320)); // first reading, outbox flush, reply
      const damage = new Damage(document, rng, scenario.anchors);
      log.splice(0, log.length, `page ${page}: ${file}`);
      for (const burst of [5, 20, 60, 150]) {
        damage.refresh();
        for (let i = 0; i < burst && applied < MUTATIONS; i++, applied++) log.push(damage.mutate());
        // Past the runner's 250 ms debounce and the outbox's 100 ms flush: a reading, a batch, a reply.
        await new Promise(r => setTimeout(r, 380));
        expectNone(errors, { seed, round: page, log, what: `${site} runner reported` });
      }
      invalidate();
    }
    expect(applied).toBe(MUTATIONS);
    expect(batches.length).toBeGreaterThan(0);
    for (const batch of batches) expectNone(problems(batch, '$.batch'), { seed, round: -1, log, what: `${site} batch` });
    expect(errors).toEqual([]);
  }, 120_000);

  it('would see an error: a reader that throws is reported to the background, never thrown into the page', async () => {
    const thrown: unknown[] = [];
    const onError = (e: ErrorEvent) => thrown.push(e.error);
    window.addEventListener('error', onError);
    const broken: SiteAdapter = { ...ADAPTERS[site]!, read: () => { throw new TypeError('reader broke'); } };
    const { ctx, invalidate } = fakeContext();
    runCrmContentScript(ctx, broken);
    document.body.appendChild(document.createElement('p'));
    await new Promise(r => setTimeout(r, 380));
    invalidate();
    window.removeEventListener('error', onError);
    expect(errors).toContain('TypeError: reader broke');
    expect(thrown).toEqual([]);
  });
});
