import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Route } from '../../../scripts/lib/https-server';

/** A saved page from tests/fixtures. */
export const fixture = (rel: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${rel}`, import.meta.url)), 'utf8');

/**
 * Serves a fixture at a real URL. `script` is the page's own behaviour the test
 * needs (what the CRM does after Save): it is added to the page, never by Pacer.
 */
export function fixtureRoute(host: RegExp, path: RegExp, file: string, script?: string): Route {
  return {
    host,
    path,
    handle: () => {
      const html = fixture(file);
      return { body: script ? html.replace(/<\/body>/i, `<script>${script}</script></body>`) : html };
    },
  };
}
