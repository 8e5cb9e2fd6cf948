import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Scope } from '@complaints/http-api';

/**
 * A signing key made per test process, and tokens signed with it: services under test verify them with the real
 * guard, exactly as in production, configured with the matching public key.
 */
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

export const TEST_AUTH_PUBLIC_KEY_PEM = (publicKey as KeyObject)
  .export({ type: 'spki', format: 'pem' })
  .toString();
export const TEST_AUTH_ISSUER = 'https://idp.test.complaints';

export async function testToken(
  scopes: Scope[],
  clientId = 'test-client',
  subject = 'test-user',
): Promise<string> {
  return new SignJWT({ scope: scopes.join(' '), client_id: clientId })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(subject)
    .setIssuer(TEST_AUTH_ISSUER)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);
}

/** `Authorization` header value for a caller with these scopes. */
export async function bearer(scopes: Scope[], clientId?: string, subject?: string): Promise<string> {
  return `Bearer ${await testToken(scopes, clientId, subject)}`;
}
