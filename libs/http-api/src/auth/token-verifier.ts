import { createPublicKey, KeyObject } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { Caller, Scope, SCOPES } from './scopes';

export interface AuthSettings {
  /** PEM public key (SPKI) the tokens are signed with; or */
  publicKeyPem?: string;
  /** a JWKS URL of the identity provider (keys are fetched and cached). */
  jwksUrl?: string;
  /** Inline JWKS JSON, for air-gapped deployments and tests. */
  jwksJson?: string;
  issuer?: string;
  audience?: string;
  /** Signature algorithms accepted; never `none`. */
  algorithms?: string[];
}

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

const DEFAULT_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/**
 * A channel sends many requests with one token, and checking its signature costs more CPU than the rest of the
 * request's authentication: a token that verified is remembered until it expires, but for no longer than this (so
 * a key withdrawn from the JWKS stops working within a minute), and only this many at once.
 */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

/** Verifies bearer JWTs locally (no call to the identity provider per request) and reads the caller from them. */
export class TokenVerifier {
  /** token -> the caller it names and until when that answer holds (ms since epoch); oldest first. */
  private readonly verified = new Map<string, { caller: Caller; until: number }>();

  private constructor(
    private readonly key: KeyObject | JWTVerifyGetKey,
    private readonly settings: AuthSettings,
  ) {}

  static async create(settings: AuthSettings): Promise<TokenVerifier> {
    if (settings.jwksUrl) return new TokenVerifier(createRemoteJWKSet(new URL(settings.jwksUrl)), settings);
    if (settings.jwksJson) {
      return new TokenVerifier(createLocalJWKSet(JSON.parse(settings.jwksJson)), settings);
    }
    if (settings.publicKeyPem) {
      let key: KeyObject;
      try {
        key = createPublicKey(settings.publicKeyPem.replace(/\\n/g, '\n'));
      } catch {
        throw new Error('AUTH_JWT_PUBLIC_KEY must be a PEM public key');
      }
      // Only the algorithms this key type can verify: a token naming another algorithm is refused.
      return new TokenVerifier(key, { ...settings, algorithms: settings.algorithms ?? algorithmsFor(key) });
    }
    throw new Error('configure AUTH_JWT_PUBLIC_KEY, AUTH_JWKS_URL or AUTH_JWKS');
  }

  async verify(token: string): Promise<Caller> {
    const known = this.verified.get(token);
    if (known && known.until > Date.now()) return known.caller;
    if (known) this.verified.delete(token);
    const { caller, expiresAt } = await this.verifySignature(token);
    this.remember(token, caller, expiresAt);
    return caller;
  }

  private remember(token: string, caller: Caller, expiresAt: number | undefined): void {
    const until = Math.min(expiresAt ?? Infinity, Date.now() + VERIFIED_TTL_MS);
    if (this.verified.size >= VERIFIED_MAX) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { caller, until });
  }

  private async verifySignature(token: string): Promise<{ caller: Caller; expiresAt?: number }> {
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: this.settings.algorithms ?? DEFAULT_ALGORITHMS,
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: 30,
      };
      payload =
        this.key instanceof KeyObject
          ? (await jwtVerify(token, this.key, options)).payload
          : (await jwtVerify(token, this.key, options)).payload;
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
    if (!payload.sub) throw new InvalidTokenError('token has no subject');
    const clientId = stringClaim(payload, 'client_id') ?? stringClaim(payload, 'azp') ?? payload.sub;
    return {
      caller: { subject: payload.sub, clientId, scopes: scopesOf(payload) },
      expiresAt: payload.exp === undefined ? undefined : payload.exp * 1000,
    };
  }
}

/** OAuth `scope` (space-separated) or `scp` (array); unknown scopes are ignored. */
function scopesOf(payload: JWTPayload): Scope[] {
  const raw = payload['scope'] ?? payload['scp'];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(' ') : [];
  return list.filter((s): s is Scope => (SCOPES as readonly string[]).includes(String(s)));
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function algorithmsFor(key: KeyObject): string[] {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return ['RS256', 'PS256'];
    case 'rsa-pss':
      return ['PS256'];
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      return [curve === 'secp384r1' ? 'ES384' : curve === 'secp521r1' ? 'ES512' : 'ES256'];
    }
    case 'ed25519':
      return ['EdDSA'];
    default:
      throw new Error(`unsupported key type for AUTH_JWT_PUBLIC_KEY: ${key.asymmetricKeyType}`);
  }
}
