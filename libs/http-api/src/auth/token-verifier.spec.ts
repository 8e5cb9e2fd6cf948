import { generateKeyPairSync } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, SignJWT } from 'jose';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

const issuer = 'https://idp.example';
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

function token(claims: Record<string, unknown> = {}, options: { expiresIn?: string; issuer?: string } = {}) {
  return new SignJWT({ scope: 'complaints:write unknown:scope', client_id: 'app-gateway', ...claims })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('svc-app')
    .setIssuer(options.issuer ?? issuer)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(privateKey);
}

describe('bearer token verification', () => {
  let verifier: TokenVerifier;
  beforeAll(async () => {
    verifier = await TokenVerifier.create({ publicKeyPem, issuer });
  });

  it('reads subject, client and the known scopes from a valid token', async () => {
    await expect(verifier.verify(await token())).resolves.toEqual({
      subject: 'svc-app',
      clientId: 'app-gateway',
      scopes: ['complaints:write'],
    });
  });

  it('accepts a PEM written with \\n escapes, as environment variables often carry it', async () => {
    const escaped = await TokenVerifier.create({ publicKeyPem: publicKeyPem.replace(/\n/g, '\\n'), issuer });
    await expect(escaped.verify(await token())).resolves.toMatchObject({ subject: 'svc-app' });
  });

  it('refuses an expired token, a token from another issuer, and one signed by another key', async () => {
    await expect(verifier.verify(await token({}, { expiresIn: '-5m' }))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await token({}, { issuer: 'https://evil.example' }))).rejects.toThrow(
      InvalidTokenError,
    );
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const forged = await new SignJWT({ scope: 'admin' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('intruder')
      .setIssuer(issuer)
      .setExpirationTime('5m')
      .sign(other);
    await expect(verifier.verify(forged)).rejects.toThrow(InvalidTokenError);
  });

  it('remembers a verified token only until it expires: an expired token is refused even if it verified before', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const shortLived = await token({}, { expiresIn: '10s' });
      await expect(verifier.verify(shortLived)).resolves.toMatchObject({ subject: 'svc-app' });
      await expect(verifier.verify(shortLived)).resolves.toMatchObject({ subject: 'svc-app' });
      // Past its expiry and the 30 s of clock tolerance, well inside the minute a verified token is remembered
      jest.advanceTimersByTime(45_000);
      await expect(verifier.verify(shortLived)).rejects.toThrow(InvalidTokenError);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses unsigned and HMAC tokens whatever they claim', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'x', iss: issuer, scope: 'admin' })).toString('base64url');
    await expect(verifier.verify(`${header}.${body}.`)).rejects.toThrow(InvalidTokenError);
    const hmac = await new SignJWT({ scope: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(issuer)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(publicKeyPem));
    await expect(verifier.verify(hmac)).rejects.toThrow(InvalidTokenError);
  });

  it("verifies against the identity provider's JWKS, fetched from its URL", async () => {
    // Given an identity provider serving its key set over HTTP (a real local server)
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-key-1', alg: 'ES256', use: 'sig' };
    const server: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const remote = await TokenVerifier.create({ jwksUrl: `http://127.0.0.1:${port}/jwks.json`, issuer });
      const signed = await new SignJWT({ scope: 'ops:read' })
        .setProtectedHeader({ alg: 'ES256', kid: 'idp-key-1' })
        .setSubject('ops-user')
        .setIssuer(issuer)
        .setExpirationTime('5m')
        .sign(privateKey);
      // Then its tokens verify
      await expect(remote.verify(signed)).resolves.toMatchObject({
        subject: 'ops-user',
        scopes: ['ops:read'],
      });
    } finally {
      server.close();
    }
  });
});
