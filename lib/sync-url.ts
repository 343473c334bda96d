// Where the team server may be: HTTPS anywhere, plain HTTP only on this machine
// (issue #7: a token sent in the clear over a network is a token given away).
// Pure: the options page, the background and the tests share it. Words: lib/i18n.ts.
import { t } from './i18n';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export type ServerUrlCheck = { ok: true; url: string; origin: string } | { ok: false; error: string };

export const isLoopbackHost = (hostname: string): boolean =>
  LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);

/** Normalizes the team server's base URL (no trailing slash), or says in words why it can't be used. */
export function checkServerUrl(input: string): ServerUrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, error: t('syncUrlEmpty') };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: t('syncUrlInvalid', text) };
  }
  if (url.username || url.password) return { ok: false, error: t('syncUrlCredentials') };
  if (url.search || url.hash) return { ok: false, error: t('syncUrlQuery') };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, error: t('syncUrlPlainHttp', `https://${url.host}${url.pathname === '/' ? '' : url.pathname}`) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: t('syncUrlProtocol', url.protocol) };
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return { ok: true, url: base, origin: url.origin };
}
