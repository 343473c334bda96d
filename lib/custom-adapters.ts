// The rep's custom CRM adapters (issue #8): stored configs, and the content script
// registered at runtime on exactly the hosts the rep granted. Nothing is requested
// up front: the manifest lists `https://*/*` only as an optional host permission,
// and each host is asked for from the options page when the rep saves (or previews).
import { storage } from '#imports';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from './i18n';
import { LABELS, originPattern, type CustomAdapterConfig, type CustomSelectors } from './sites/custom';

export const customAdapterConfigs = storage.defineItem<CustomAdapterConfig[]>('local:customAdapters', {
  fallback: [],
  version: 1,
});

/** The id of Pacer's one dynamic content script registration, and its bundle (entrypoints/custom.content.ts). */
export const CUSTOM_SCRIPT_ID = 'pacer-custom-crm';
export const CUSTOM_SCRIPT_FILE = 'content-scripts/custom.js';
/** The reader the options page's preview runs in the tab (entrypoints/custom-preview.ts). */
export const CUSTOM_PREVIEW_FILE = 'custom-preview.js';

/** The hosts of the configs, as match patterns, once each. */
export const configuredOrigins = (configs: readonly CustomAdapterConfig[]) =>
  [...new Set(configs.map(originPattern).filter((o): o is string => !!o))];

/**
 * Registers the custom content script on every configured origin the rep granted, and
 * nowhere else: called on startup, on install, and whenever configs or grants change.
 * Returns the origins it runs on.
 */
export async function syncCustomScripts(): Promise<string[]> {
  const origins = configuredOrigins(await customAdapterConfigs.getValue());
  const granted: string[] = [];
  for (const origin of origins) if (await browser.permissions.contains({ origins: [origin] })) granted.push(origin);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  if (granted.length) {
    await browser.scripting.registerContentScripts([
      { id: CUSTOM_SCRIPT_ID, matches: granted, js: [CUSTOM_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return granted;
}

/** Background wiring: keep the registration in step with configs and grants. */
export function startCustomAdapters() {
  // One sync at a time: a grant and a saved config arrive together, and two registrations
  // of the same id would fail.
  let queue: Promise<unknown> = Promise.resolve();
  const sync = () => {
    queue = queue.then(syncCustomScripts).catch(error => console.warn('[pacer] custom CRM scripts:', error));
  };
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  customAdapterConfigs.watch(sync);
}

// ---- words: lib/sites/custom is pure and English; the editor, preview and health word it here.

const FIELD_KEYS: Record<keyof CustomSelectors, MessageKey> = {
  name: 'custom_field_name',
  stage: 'custom_field_stage',
  amount: 'custom_field_amount',
  closeDate: 'custom_field_close_date',
  activityRows: 'custom_field_activity_rows',
  activitySubject: 'custom_field_activity_subject',
  activityDate: 'custom_field_activity_date',
};

/** A selector's field in the interface's language, lower case in running text ("close date", "Abschlussdatum"). */
export const customFieldLabel = (key: keyof CustomSelectors): string => t(FIELD_KEYS[key]);

/** The field key LABELS gives this English name ("close date" → closeDate), if any. */
export const customFieldOf = (label: string): keyof CustomSelectors | undefined =>
  (Object.keys(LABELS) as (keyof CustomSelectors)[]).find(k => LABELS[k] === label);

/**
 * A problem configProblems (lib/sites/custom) found, in the interface's language. It words
 * them in fixed English; each is recognised by its field and wording, and one it does not
 * know is shown as it is.
 */
export function customProblemText(problem: { field: string; message: string }): string {
  const { field, message } = problem;
  if (field === 'urlPattern') {
    if (message.startsWith('The URL pattern must start with')) return t('custom_problem_https');
    if (message.startsWith('The URL pattern needs a host')) return t('custom_problem_host');
    if (message.startsWith('Put a *')) return t('custom_problem_star');
  }
  if (field === 'crmName' && message === 'Give the CRM a name.') return t('custom_problem_name');
  if (field in FIELD_KEYS) {
    const label = customFieldLabel(field as keyof CustomSelectors);
    if (message.endsWith('selector is required.')) return t('custom_problem_required', label);
    if (message.endsWith('selector is not valid CSS.')) return t('custom_problem_invalid', label);
  }
  return message;
}
