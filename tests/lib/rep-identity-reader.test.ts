// Content scripts read the rep's identity without WXT's storage wrapper; the options
// page writes it through that wrapper (lib/settings.ts). Both must mean the same item.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { watchRepIdentity } from '../../lib/rep-identity-reader';
import { repIdentity } from '../../lib/settings';

const flush = () => new Promise(resolve => setTimeout(resolve, 0));

describe('watchRepIdentity', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what the options page saved, then every change', async () => {
    await repIdentity.setValue({ name: 'Sam Rivera', email: 'sam@example.com' });
    const seen: unknown[] = [];
    const stop = watchRepIdentity(rep => seen.push(rep), error => seen.push(error));
    await flush();
    await repIdentity.setValue({ name: 'Sam R.', email: '' });
    await flush();
    stop();
    await repIdentity.setValue({ name: 'after stop', email: '' });
    await flush();
    expect(seen).toEqual([
      { name: 'Sam Rivera', email: 'sam@example.com' },
      { name: 'Sam R.', email: '' },
    ]);
  });

  it('gives an empty identity, never undefined fields, when nothing or garbage is stored', async () => {
    const seen: unknown[] = [];
    watchRepIdentity(rep => seen.push(rep), error => seen.push(error));
    await flush();
    await fakeBrowser.storage.sync.set({ rep: { name: 42, email: null } });
    await flush();
    expect(seen).toEqual([
      { name: '', email: '' },
      { name: '', email: '' },
    ]);
  });
});
