import { runLinkedIn } from '../lib/linkedin-content';

// Registered as a plain content script by wxt.config.ts (see the hook there), not
// through defineContentScript: WXT's content-script context announces itself with
// a window.postMessage that LinkedIn's page could see.
export default defineUnlistedScript(() => runLinkedIn());
