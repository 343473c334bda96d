// Least privilege (issue #8): the exact permissions Pacer asks for, per browser. Any
// widening fails here first and has to be a visible decision. The built manifest
// (content-script hosts included) is pinned by tests/browser/data-ownership.test.ts.
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

type Manifest = Record<string, unknown>;
const manifestFor = async (browser: 'chrome' | 'firefox'): Promise<Manifest> => {
  const m = config.manifest as (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: string }) => Manifest | Promise<Manifest>;
  return m({ browser, manifestVersion: browser === 'chrome' ? 3 : 2, mode: 'production', command: 'build' });
};

describe('the manifest asks only for what is used', () => {
  it('Chrome: storage, tabs, sidePanel, alarms, scripting; no host at install; any https host only on request', async () => {
    const m = await manifestFor('chrome');
    expect(m.permissions).toEqual(['storage', 'tabs', 'sidePanel', 'alarms', 'scripting']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toEqual(['https://*/*']);
    expect(m.optional_permissions).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
  });

  it('Firefox: the same, with the optional hosts where MV2 lists them', async () => {
    const m = await manifestFor('firefox');
    expect(m.permissions).toEqual(['storage', 'tabs', 'alarms', 'scripting']);
    expect(m.optional_permissions).toEqual(['https://*/*']);
    expect(m.host_permissions).toBeUndefined();
  });

  it('the build hook adds only LinkedIn\'s plain content script', () => {
    const manifest: { content_scripts?: unknown[] } = {};
    const hook = (config.hooks as Record<string, (wxt: unknown, m: typeof manifest) => void>)['build:manifestGenerated']!;
    hook({}, manifest);
    expect(manifest.content_scripts).toEqual([{ matches: ['https://www.linkedin.com/*'], js: ['linkedin.js'], run_at: 'document_idle' }]);
  });
});
