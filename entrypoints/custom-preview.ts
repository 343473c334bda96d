// Injected by the options page's live preview (scripting.executeScript) into the tab
// the rep is configuring, in the extension's isolated world: it defines the reader the
// preview then calls with the unsaved config. Reads only; the page never sees it.
import { customAdapter, type CustomAdapterConfig } from '../lib/sites/custom';
import type { RepIdentity } from '../lib/model';

export default defineUnlistedScript(() => {
  (globalThis as { pacerPreviewCustom?: unknown }).pacerPreviewCustom = (config: CustomAdapterConfig, me?: RepIdentity) =>
    customAdapter(config).read(document, new URL(location.href), new Date(), me);
});
