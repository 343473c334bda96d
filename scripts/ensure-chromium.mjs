#!/usr/bin/env node
// Finds Chromium for the browser tests and the demo. On Debian as root it
// installs Debian's `chromium` package when none is found; elsewhere it says how.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find(p => existsSync(p));
}

const isDebian = () => existsSync('/etc/debian_version') || /debian/i.test(safeRead('/etc/os-release'));
function safeRead(path) {
  try { return readFileSync(path, 'utf8'); } catch { return ''; }
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (isDebian() && process.getuid?.() === 0) {
    console.log('Chromium not found: installing Debian\'s chromium package with apt…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null', {
      stdio: 'inherit',
      shell: '/bin/bash',
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    'Pacer\'s browser tests and demo need Chromium. Set CHROME_PATH to a Chromium or Chrome binary, ' +
      'or install it (Debian/Ubuntu: `sudo apt-get install chromium`).',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`Chromium: ${ensureChromium()}`);
