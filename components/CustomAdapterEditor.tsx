import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CUSTOM_PREVIEW_FILE, customAdapterConfigs, customFieldLabel, customProblemText } from '../lib/custom-adapters';
import { t, uiLocale } from '../lib/i18n';
import { repIdentity } from '../lib/settings';
import { configProblems, customAdapter, LABELS, originPattern, type CustomAdapterConfig, type CustomSelectors } from '../lib/sites/custom';
import type { PageReading } from '../lib/sites/types';
import { CustomAdapterPreview } from './CustomAdapterPreview';

const empty = (): CustomAdapterConfig => ({ name: '', urlPattern: '', selectors: { name: '', stage: '' } });
const SELECTOR_KEYS = Object.keys(LABELS) as (keyof CustomSelectors)[];
const isValidSelector = (s: string) => {
  try {
    document.createDocumentFragment().querySelector(s);
    return true;
  } catch {
    return false;
  }
};
/** The config as saved: trimmed, empty optional selectors left out. */
const tidy = (c: CustomAdapterConfig): CustomAdapterConfig => ({
  name: c.name.trim(),
  urlPattern: c.urlPattern.trim(),
  selectors: Object.fromEntries(Object.entries(c.selectors).map(([k, v]) => [k, (v ?? '').trim()]).filter(([, v]) => v)) as unknown as CustomSelectors,
  ...(c.dayFirst ? { dayFirst: true } : {}),
});

/** A selector's label in the interface's language, capitalised as a label, marked when the config needs it. */
const selectorLabel = (key: keyof CustomSelectors) => {
  const word = customFieldLabel(key);
  const label = `${word[0]!.toLocaleUpperCase(uiLocale())}${word.slice(1)}`;
  return key === 'name' || key === 'stage' ? t('custom_required', label) : label;
};

type Preview = { title: string; url: string; reading: PageReading } | { error: string };

/**
 * Any other CRM: a URL pattern and CSS selectors. Pacer asks for that one host's permission
 * at the click (preview or save), previews what the config reads on an open tab, and once
 * saved the background runs the capture there.
 */
export function CustomAdapterEditor() {
  const saved = useSignal<CustomAdapterConfig[]>([]);
  const draft = useSignal<CustomAdapterConfig>(empty());
  const problems = useSignal<{ field: string; message: string }[]>([]);
  const preview = useSignal<Preview | undefined>(undefined);
  const status = useSignal<{ ok: boolean; text: string } | undefined>(undefined);
  useEffect(() => {
    void customAdapterConfigs.getValue().then(v => (saved.value = v));
    return customAdapterConfigs.watch(v => (saved.value = v));
  }, []);

  const set = (patch: Partial<CustomAdapterConfig>) => { draft.value = { ...draft.value, ...patch }; status.value = undefined; };
  const setSelector = (key: keyof CustomSelectors, value: string) => set({ selectors: { ...draft.value.selectors, [key]: value } });

  /** Validates, then asks for the host inside the click (the browser requires the user's gesture). */
  const withAccess = (then: (config: CustomAdapterConfig, origin: string) => Promise<void>) => {
    const config = tidy(draft.value);
    problems.value = configProblems(config, isValidSelector);
    if (problems.value.length) return;
    const origin = originPattern(config)!;
    browser.permissions.request({ origins: [origin] }).then(
      granted => (granted ? then(config, origin) : void (status.value = { ok: false, text: t('custom_not_allowed', origin.slice(8, -2)) })),
      error => void (status.value = { ok: false, text: t('custom_ask_failed', String(error)) }),
    ).catch(error => void (status.value = { ok: false, text: String(error) }));
  };

  const runPreview = () => withAccess(async (config, origin) => {
    const adapter = customAdapter(config);
    const host = origin.slice(8, -2);
    const tabs = (await browser.tabs.query({})).filter(tab => tab.id !== undefined && tab.url && new URL(tab.url).host === host);
    const ranked = tabs.sort((a, b) => Number(adapter.matches(new URL(b.url!))) - Number(adapter.matches(new URL(a.url!))) ||
      Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    const tab = ranked[0];
    if (!tab) {
      preview.value = { error: t('custom_open_record', [config.name, config.urlPattern]) };
      return;
    }
    const target = { tabId: tab.id! };
    await browser.scripting.executeScript({ target, files: [`/${CUSTOM_PREVIEW_FILE}`] });
    const me = await repIdentity.getValue();
    const [result] = await browser.scripting.executeScript({
      target,
      func: (c: CustomAdapterConfig, rep: { name: string; email: string }) =>
        (globalThis as unknown as { pacerPreviewCustom(c: CustomAdapterConfig, r: unknown): PageReading }).pacerPreviewCustom(c, rep.name || rep.email ? rep : undefined),
      args: [config, me],
    });
    preview.value = { title: tab.title ?? tab.url!, url: tab.url!, reading: result?.result as PageReading };
  });

  const save = () => withAccess(async config => {
    const others = saved.value.filter(c => c.urlPattern !== config.urlPattern);
    await customAdapterConfigs.setValue([...others, config]);
    status.value = { ok: true, text: t('custom_saved', [config.name, originPattern(config)!.slice(8, -2)]) };
  });

  const remove = async (config: CustomAdapterConfig) => {
    const rest = saved.value.filter(c => c.urlPattern !== config.urlPattern);
    await customAdapterConfigs.setValue(rest);
    const origin = originPattern(config);
    // The host's permission goes too, unless another config still uses it.
    if (origin && !rest.some(c => originPattern(c) === origin)) await browser.permissions.remove({ origins: [origin] }).catch(() => false);
    status.value = { ok: true, text: t('custom_removed', config.name) };
  };

  const problemFor = (field: string) => {
    const problem = problems.value.find(p => p.field === field);
    return problem && customProblemText(problem);
  };
  const input = (id: string, label: string, value: string, onInput: (v: string) => void, field: string, placeholder = '') => {
    const problem = problemFor(field);
    return (
      <div key={id}>
        <label for={id}>{label}</label>
        <input id={id} type="text" value={value} placeholder={placeholder} spellcheck={false} aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? `${id}-error` : undefined} onInput={e => onInput(e.currentTarget.value)} />
        {problem && <p class="field-error" id={`${id}-error`}>{problem}</p>}
      </div>
    );
  };

  const d = draft.value;
  return (
    <div>
      <p class="muted">{t('custom_help')}</p>
      {saved.value.length > 0 && (
        <ul data-testid="custom-adapters">
          {saved.value.map(c => (
            <li key={c.urlPattern}>
              <strong>{c.name}</strong> <code>{c.urlPattern}</code>{' '}
              <button type="button" class="secondary" onClick={() => (draft.value = { ...empty(), ...c, selectors: { ...c.selectors } })}>{t('custom_edit', c.name)}</button>{' '}
              <button type="button" class="secondary" onClick={() => void remove(c)}>{t('custom_remove', c.name)}</button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={e => { e.preventDefault(); save(); }}>
        {input('custom-name', t('custom_name'), d.name, v => set({ name: v }), 'crmName', 'EspoCRM')}
        {input('custom-url', t('custom_url_pattern'), d.urlPattern, v => set({ urlPattern: v }), 'urlPattern', 'https://crm.example.com/#Opportunity/view/*')}
        <fieldset>
          <legend>{t('custom_selectors_legend')}</legend>
          {SELECTOR_KEYS.map(key => input(`custom-sel-${key}`, selectorLabel(key),
            d.selectors[key] ?? '', v => setSelector(key, v), key))}
          <label class="switch">
            <input type="checkbox" checked={!!d.dayFirst} onChange={e => set({ dayFirst: e.currentTarget.checked })} />
            <span>{t('custom_day_first')}</span>
          </label>
        </fieldset>
        <p class="button-row">
          <button type="button" class="secondary" onClick={runPreview}>{t('custom_preview')}</button>
          <button type="submit">{t('custom_save')}</button>
        </p>
      </form>
      {preview.value && <CustomAdapterPreview preview={preview.value} />}
      {status.value && <p role={status.value.ok ? 'status' : 'alert'} class={status.value.ok ? 'ok' : 'error'} data-testid="custom-status">{status.value.text}</p>}
    </div>
  );
}
