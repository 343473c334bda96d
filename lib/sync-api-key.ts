// Supabase's API gateway refuses any request without the project's `apikey` header, a
// valid JWT in Authorization or not. The key it wants is the *publishable* one (the old
// `anon` JWT, or `sb_publishable_…`): made to sit in browsers, it grants nothing by itself.
// The *secret* one (the old `service_role` JWT, or `sb_secret_…`) bypasses row-level
// security, every rule that keeps one rep's data from another: it must never be in an
// extension, so it is refused before it is stored or sent. Empty means no header at all
// (our gateway and PostgREST need none). Words: lib/i18n.ts.
import { t } from './i18n';

export type ApiKeyCheck = { ok: true; key: string } | { ok: false; error: string };

/** A header value is one line of visible ASCII; anything else is a bad paste (fetch would throw on it too). */
const ONE_PRINTABLE_LINE = /^[\x21-\x7e]+$/;

/** The payload of a JWT-shaped text, decoded without verifying (we only read its role); null when it is not one. */
export function jwtPayload(text: string): Record<string, unknown> | null {
  const parts = text.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), c => c.charCodeAt(0)));
    const payload: unknown = JSON.parse(json);
    return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Whether a key is one of Supabase's secret keys (old service_role JWT or new sb_secret_). */
export const isSecretKey = (key: string): boolean => key.startsWith('sb_secret_') || jwtPayload(key)?.role === 'service_role';

/** The key to send (trimmed; '' for none), or why it is refused. */
export function checkApiKey(input: string): ApiKeyCheck {
  const key = input.trim();
  if (!key) return { ok: true, key: '' };
  if (!ONE_PRINTABLE_LINE.test(key)) return { ok: false, error: t('syncApiKeyBadChars') };
  if (isSecretKey(key)) return { ok: false, error: t('syncApiKeySecret') };
  return { ok: true, key };
}
