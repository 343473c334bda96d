import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Chrome gets the side panel; Firefox gets the equivalent sidebar (WXT maps the
// `sidepanel` entrypoint to `sidebar_action` there).
export default defineConfig({
  srcDir: '.',
  // Parallel work (several builds at once) can point each build elsewhere.
  outDir: process.env.PACER_OUT_DIR ?? '.output',
  entrypointsDir: 'entrypoints',
  // webextension-polyfill gives Firefox and Chrome one promise-based `browser`.
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
    // PACER_NO_MINIFY=1 (scripts/profile-page.ts): readable function names in CPU profiles.
    build: { sourcemap: false, ...(process.env.PACER_NO_MINIFY ? { minify: false } : {}) },
  }),
  hooks: {
    // LinkedIn's reader runs as a plain content script (entrypoints/linkedin.ts):
    // nothing injected, nothing posted to the page, no web-accessible resources.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts ??= [];
      manifest.content_scripts.push({ matches: ['https://www.linkedin.com/*'], js: ['linkedin.js'], run_at: 'document_idle' });
    },
  },
  manifest: ({ browser }) => ({
    // Words from public/_locales (issue #9): the browser picks the rep's language, English otherwise.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Least privilege: storage for settings, sidePanel for the scorecard, tabs to know
    // which deal the active tab shows. Host access comes only from content-script matches.
    // alarms (issue #7): team sync's schedule survives the worker; the team server answers
    // CORS (server/API.md), so it needs no host permission.
    // scripting (issue #8): the rep's own CRM gets its content script registered at runtime, and
    // the options page's preview reads the tab; alarms also run the retention period daily.
    permissions: browser === 'firefox' ? ['storage', 'tabs', 'alarms', 'scripting'] : ['storage', 'tabs', 'sidePanel', 'alarms', 'scripting'],
    // Any other CRM (issue #8): no host is granted at install; the options page asks for the
    // one host the rep configures, at the click that saves it.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] } : { optional_host_permissions: ['https://*/*'] }),
    action: { default_title: 'Pacer' },
    // Manual logging (issue #5): the open side panel focuses its quick-add form.
    commands: { 'quick-add': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandQuickAdd__' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pacer@pacer.dev',
              // 140 (the ESR of 2025) is the first to read data_collection_permissions; Android 142.
              strict_min_version: '140.0',
              // Firefox's data consent (issue #9): nothing leaves the browser by default; team
              // sync, when the rep turns it on, sends activity and names to their team's server.
              data_collection_permissions: { required: ['none'], optional: ['websiteActivity', 'personallyIdentifyingInfo'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
