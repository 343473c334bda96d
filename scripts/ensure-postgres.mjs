#!/usr/bin/env node
// Finds PostgreSQL's server binaries for the team server's tests, benchmark and demo
// (server/pg-local.ts starts a throwaway cluster with them). On Debian as root it installs
// Debian's `postgresql` package when none is found; elsewhere it says how.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function findPostgresBin() {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'postgres'))) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter(v => existsSync(join(root, v, 'bin', 'postgres')) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

const isDebian = () => existsSync('/etc/debian_version') || /debian/i.test(safeRead('/etc/os-release'));
function safeRead(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export function ensurePostgres() {
  const found = findPostgresBin();
  if (found) return found;
  if (isDebian() && process.getuid?.() === 0) {
    console.log("PostgreSQL not found: installing Debian's postgresql package with apt…");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null', {
      stdio: 'inherit',
      shell: '/bin/bash',
    });
    const installed = findPostgresBin();
    if (installed) return installed;
  }
  console.error(
    "Pacer's team server tests need PostgreSQL's server binaries (15 or later). Install them " +
      '(Debian/Ubuntu: `sudo apt-get install postgresql`) or set PG_BIN to the directory holding initdb and postgres.',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`PostgreSQL: ${ensurePostgres()}`);
