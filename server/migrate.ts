// Applies server/migrations/NNN_*.sql in order, each once, each in its own transaction.
// The same files work under PostgREST or Supabase (psql -f each in order does the same).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter(f => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort();
}

/** Returns the names of the migrations it applied (empty when the database is up to date). */
export async function migrate(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS public.pacer_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM public.pacer_migrations')).rows.map(r => r.name));
    for (const file of migrationFiles(dir)) {
      if (done.has(file)) continue;
      const sql = readFileSync(join(dir, file), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO public.pacer_migrations (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
        applied.push(file);
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${file} failed: ${(e as Error).message}`);
      }
    }
  } finally {
    await client.end();
  }
  return applied;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL ?? process.argv[2];
  if (!url) {
    console.error('Usage: tsx server/migrate.ts <postgres://…> (or DATABASE_URL)');
    process.exit(2);
  }
  migrate(url).then(
    names => console.log(names.length ? `Applied: ${names.join(', ')}` : 'Up to date.'),
    e => {
      console.error((e as Error).message);
      process.exit(1);
    },
  );
}
