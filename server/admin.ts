// `npm run server:admin -- <command>`: teams, members, tokens, erasure. Connects as the
// database owner (PACER_ADMIN_DATABASE_URL), which alone may call the pacer.admin_* functions.
// A token is printed once and never stored: the database keeps its id (jti) and expiry only.
import pg from 'pg';
import { migrate } from './migrate';
import { signToken, type TokenRole } from './tokens';

export type MemberRole = 'rep' | 'manager';

export interface IssuedToken {
  token: string;
  jti: string;
  expiresAt: string;
}

export class Admin {
  constructor(
    private readonly db: pg.Client | pg.Pool,
    private readonly jwtSecret?: string,
  ) {}

  async createTeam(id: string, name: string, options: { shareNames?: boolean } = {}) {
    await this.db.query('SELECT pacer.admin_create_team($1, $2, $3)', [id, name, options.shareNames ?? false]);
  }

  async addMember(team: string, id: string, name: string, role: MemberRole, territory?: string) {
    await this.db.query('SELECT pacer.admin_add_member($1, $2, $3, $4, $5)', [team, id, name, role, territory ?? null]);
  }

  /** Signs a token for a member (the role follows the member's) and records its jti. */
  async issueToken(team: string, rep: string, options: { days?: number; note?: string; now?: number } = {}): Promise<IssuedToken> {
    if (!this.jwtSecret) throw new Error('Issuing a token needs the JWT secret (PACER_JWT_SECRET).');
    const { rows } = await this.db.query<{ role: MemberRole }>('SELECT role FROM pacer.reps WHERE team = $1 AND id = $2', [team, rep]);
    if (!rows[0]) throw new Error(`No member ${rep} on team ${team}.`);
    const role: TokenRole = rows[0].role === 'manager' ? 'pacer_manager' : 'pacer_rep';
    const { token, claims } = await signToken(this.jwtSecret, { role, team, rep, ttlSeconds: Math.round((options.days ?? 365) * 86400), now: options.now });
    const expiresAt = new Date(claims.exp * 1000).toISOString();
    await this.db.query('SELECT pacer.admin_record_token($1, $2, $3, $4, $5, $6)', [claims.jti, team, rep, role, expiresAt, options.note ?? null]);
    return { token, jti: claims.jti, expiresAt };
  }

  async revokeToken(jti: string, reason?: string): Promise<boolean> {
    const { rows } = await this.db.query<{ ok: boolean }>('SELECT pacer.admin_revoke_token($1, $2) AS ok', [jti, reason ?? null]);
    return rows[0]!.ok;
  }

  async listTokens(team: string) {
    const { rows } = await this.db.query(
      `SELECT t.jti, t.rep, t.role, t.issued_at, t.expires_at, r.revoked_at
         FROM pacer.tokens t LEFT JOIN pacer.revoked_tokens r USING (jti) WHERE t.team = $1 ORDER BY t.issued_at`,
      [team],
    );
    return rows as { jti: string; rep: string; role: TokenRole; issued_at: Date; expires_at: Date; revoked_at: Date | null }[];
  }

  async eraseRep(team: string, rep: string): Promise<{ events: number; deals: number; allocations: number; feedback: number }> {
    const { rows } = await this.db.query('SELECT pacer.admin_erase_rep($1, $2) AS erased', [team, rep]);
    return rows[0].erased;
  }
}

const USAGE = `Pacer team server admin (connects with PACER_ADMIN_DATABASE_URL; tokens need PACER_JWT_SECRET)

  migrate                                          apply server/migrations
  team create <team-id> <name> [--share-names]     create a team
  member add <team-id> <member-id> <name> --role rep|manager [--territory <name>]
  token issue <team-id> <member-id> [--days 365] [--note <text>]   print a new token (once)
  token revoke <jti> [--reason <text>]             refuse that token from now on
  token list <team-id>                             token ids, roles, expiry, revocation (never the tokens)
  rep erase <team-id> <member-id>                  delete all of a member's data and revoke their tokens`;

function parseFlags(args: string[]): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('--') && a !== '--share-names') {
        flags[a.slice(2)] = next;
        i++;
      } else flags[a.slice(2)] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}

/** PostgreSQL's constraint errors, said the way an admin thinks about them. */
function adminErrorInWords(e: Error & { code?: string; constraint?: string }): string {
  if (e.code === '23505' && e.constraint === 'teams_pkey') return 'That team already exists.';
  if (e.code === '23505' && e.constraint === 'reps_pkey') return 'That member is already on the team.';
  if (e.code === '23503' && e.constraint === 'reps_team_fkey') return 'No such team: create it first (team create).';
  if (e.code === '23514') return `A value is not allowed (${e.constraint}): ids are lowercase letters, digits, - and _ (teams) or letters, digits, . _ @ - (members).`;
  return e.message;
}

export async function runAdmin(argv: string[], env = process.env, out = console.log): Promise<number> {
  const { positional, flags } = parseFlags(argv);
  const [group, verb, ...rest] = positional;
  const url = env.PACER_ADMIN_DATABASE_URL;
  if (!group || group === 'help' || flags.help) {
    out(USAGE);
    return group ? 0 : 2;
  }
  if (!url) {
    console.error('Set PACER_ADMIN_DATABASE_URL (the owner of the pacer schema).');
    return 2;
  }
  if (group === 'migrate') {
    const applied = await migrate(url);
    out(applied.length ? `Applied: ${applied.join(', ')}` : 'Up to date.');
    return 0;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const admin = new Admin(client, env.PACER_JWT_SECRET);
  const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);
  try {
    const cmd = `${group} ${verb ?? ''}`;
    if (cmd === 'team create' && rest.length === 2) {
      await admin.createTeam(rest[0]!, rest[1]!, { shareNames: flags['share-names'] === true });
      out(`Team ${rest[0]} created.`);
    } else if (cmd === 'member add' && rest.length === 3 && (flags.role === 'rep' || flags.role === 'manager')) {
      await admin.addMember(rest[0]!, rest[1]!, rest[2]!, flags.role, str(flags.territory));
      out(`${flags.role === 'manager' ? 'Manager' : 'Rep'} ${rest[1]} added to ${rest[0]}.`);
    } else if (cmd === 'token issue' && rest.length === 2) {
      const issued = await admin.issueToken(rest[0]!, rest[1]!, { days: flags.days ? Number(flags.days) : undefined, note: str(flags.note) });
      out(`Token for ${rest[1]} (id ${issued.jti}, expires ${issued.expiresAt}). Shown once; give it to them privately:\n${issued.token}`);
    } else if (cmd === 'token revoke' && rest.length === 1) {
      const ok = await admin.revokeToken(rest[0]!, str(flags.reason));
      out(ok ? `Token ${rest[0]} revoked.` : `No token with id ${rest[0]}.`);
      return ok ? 0 : 1;
    } else if (cmd === 'token list' && rest.length === 1) {
      for (const t of await admin.listTokens(rest[0]!)) {
        out(`${t.jti}  ${t.rep}  ${t.role}  expires ${t.expires_at.toISOString()}${t.revoked_at ? `  revoked ${t.revoked_at.toISOString()}` : ''}`);
      }
    } else if (cmd === 'rep erase' && rest.length === 2) {
      const n = await admin.eraseRep(rest[0]!, rest[1]!);
      out(`Erased ${rest[1]}: ${n.events} events, ${n.deals} deal snapshots, ${n.allocations} allocations, ${n.feedback} feedback notes; tokens revoked.`);
    } else {
      console.error(USAGE);
      return 2;
    }
    return 0;
  } catch (e) {
    console.error(adminErrorInWords(e as Error & { code?: string; constraint?: string }));
    return 1;
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAdmin(process.argv.slice(2)).then(code => process.exit(code));
}
