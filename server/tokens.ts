// JWTs as PostgREST reads them (server/API.md "JWT"): HS256, claims role/team/rep/jti/exp.
// Signing and verifying only; the database decides whether a jti was issued and not revoked.
import { errors, jwtVerify, SignJWT } from 'jose';

export type TokenRole = 'pacer_rep' | 'pacer_manager';
export const TOKEN_ROLES: readonly TokenRole[] = ['pacer_rep', 'pacer_manager'];
export const AUDIENCE = 'pacer';

export interface PacerClaims {
  role: TokenRole;
  team: string;
  rep: string;
  jti: string;
  iat: number;
  exp: number;
  aud: string;
}

/** A secret shorter than this is refused: HS256 is only as strong as its key (PostgREST asks 32+). */
export const MIN_SECRET_LENGTH = 32;

export function secretKey(secret: string): Uint8Array {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`The JWT secret must be at least ${MIN_SECRET_LENGTH} characters (set PACER_JWT_SECRET).`);
  }
  return new TextEncoder().encode(secret);
}

export interface SignOptions {
  role: TokenRole;
  team: string;
  rep: string;
  jti?: string;
  /** Lifetime in seconds (default one year). */
  ttlSeconds?: number;
  /** Seconds since epoch; tests use it to mint already-expired tokens. */
  now?: number;
}

export async function signToken(secret: string, o: SignOptions): Promise<{ token: string; claims: PacerClaims }> {
  const iat = o.now ?? Math.floor(Date.now() / 1000);
  const claims: PacerClaims = {
    role: o.role,
    team: o.team,
    rep: o.rep,
    jti: o.jti ?? crypto.randomUUID(),
    iat,
    exp: iat + (o.ttlSeconds ?? 365 * 86400),
    aud: AUDIENCE,
  };
  const token = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretKey(secret));
  return { token, claims };
}

export type VerifyFailure = { code: 'PGRST301' | 'PGRST303'; message: string };

/** The claims of a valid token, or why it is not one (in PostgREST's codes). */
export async function verifyToken(key: Uint8Array, token: string): Promise<{ claims: PacerClaims } | { failure: VerifyFailure }> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: AUDIENCE, requiredClaims: ['exp', 'jti'] });
    const { role, team, rep } = payload as Partial<PacerClaims>;
    if (!TOKEN_ROLES.includes(role as TokenRole) || typeof team !== 'string' || typeof rep !== 'string') {
      return { failure: { code: 'PGRST301', message: 'The token does not name a Pacer role, team and rep.' } };
    }
    return { claims: payload as unknown as PacerClaims };
  } catch (e) {
    if (e instanceof errors.JWTExpired) return { failure: { code: 'PGRST303', message: 'JWT expired: ask your manager for a new token.' } };
    return { failure: { code: 'PGRST301', message: 'The token is not valid for this team server (malformed or wrongly signed).' } };
  }
}
