import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// The README's demo command, in its headless form, against the build the browser tests use.
it('npm run demo -- --screenshots DIR writes a PNG of every surface and exits 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-shots-'));
  const run = spawnSync('npx', ['tsx', 'scripts/demo.ts', '--no-build', '--screenshots', dir], { encoding: 'utf8', timeout: 110_000 });
  expect(run.stderr + run.stdout).toContain('Imported pacer-demo-data.json');
  expect(run.status).toBe(0);
  const shots = readdirSync(dir).sort();
  expect(shots).toEqual([
    'hubspot-deal.png',
    'linkedin-profile.png',
    'options.png',
    'pipedrive-deal.png',
    'popup-team-rep.png',
    'popup-team.png',
    'popup.png',
    'review.png',
    'salesforce-opportunity-open.png',
    'salesforce-opportunity-won.png',
    'scorecard-360-dark.png',
    'scorecard-360-light.png',
    'scorecard-520-dark.png',
    'scorecard-520-light.png',
    'sidepanel-linkedin.png',
    'sidepanel.png',
  ]);
  for (const shot of shots) expect(statSync(join(dir, shot)).size).toBeGreaterThan(5_000);
});
