// Loads a saved page from tests/fixtures as a Document, the way a reader sees it.
// Needs a DOM environment (`/** @vitest-environment happy-dom */`); DOMParser,
// like Chromium's, leaves declarative shadow roots unattached.
import { readFileSync } from 'node:fs';
import { URL as NodeURL, fileURLToPath } from 'node:url';

// Node's URL on purpose: happy-dom's global URL resolves file: URLs against http://localhost.
const fixturesDir = fileURLToPath(new NodeURL('../fixtures/', import.meta.url));

/** Parses `tests/fixtures/<relPath>` into a fresh Document. */
export function loadFixture(relPath: string): Document {
  const html = readFileSync(fixturesDir + relPath, 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}
