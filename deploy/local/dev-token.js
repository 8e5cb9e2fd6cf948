#!/usr/bin/env node
// Prints a bearer token for the local stack, signed with the stack's own development key (made by stack.sh start).
//   npm run -s token -- complaints:write            a channel
//   npm run -s token -- lifecycle:write complaints:read --sub agent-007
// Local use only: production tokens come from the institution's identity provider.
const { readFileSync } = require('node:fs');
const { createPrivateKey } = require('node:crypto');
const { join } = require('node:path');
const { SignJWT } = require('jose');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const subject = option('--sub', 'local-developer');
const clientId = option('--client', 'local-cli');
const scopes = args.length > 0 ? args : ['complaints:write'];
const stack = process.env.STACK_NAME || 'local';
const keyFile = join(__dirname, '..', '..', '.cache', 'stack', stack, 'auth-signing-key.pem');

let key;
try {
  key = createPrivateKey(readFileSync(keyFile));
} catch {
  console.error(`no signing key at ${keyFile}: run npm start first`);
  process.exit(1);
}
new SignJWT({ scope: scopes.join(' '), client_id: clientId })
  .setProtectedHeader({ alg: 'ES256' })
  .setSubject(subject)
  .setIssuer('urn:complaints:local-dev')
  .setIssuedAt()
  .setExpirationTime('12h')
  .sign(key)
  .then((token) => process.stdout.write(`${token}\n`));
