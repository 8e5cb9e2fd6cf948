import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A value encrypted with AES-256-GCM under a named key (so keys can rotate without re-encrypting at once). */
export interface EncryptedValue {
  alg: 'AES-256-GCM';
  keyId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

/**
 * AES-256-GCM with a key ring: new values use the active key, old values decrypt with the key id they name.
 * Rotation: add a key, make it active, re-encrypt at leisure, then drop the old key (docs/data-protection.md).
 * Keys come from configuration as `id:base64,id:base64`; each must be 32 bytes.
 */
export class AesGcmKeyring {
  private readonly keys: Map<string, Buffer>;

  constructor(
    spec: string,
    private readonly activeKeyId: string,
  ) {
    this.keys = parseKeys(spec);
    if (!this.keys.has(activeKeyId)) throw new Error(`active key ${activeKeyId} is not in the key ring`);
  }

  encrypt(plaintext: string, associatedData = ''): EncryptedValue {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.activeKeyId), iv);
    cipher.setAAD(Buffer.from(associatedData));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      alg: 'AES-256-GCM',
      keyId: this.activeKeyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  }

  decrypt(value: EncryptedValue, associatedData = ''): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key(value.keyId), Buffer.from(value.iv, 'base64'));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(value.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(value.ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`no key ${id} in the key ring`);
    return key;
  }
}

function parseKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const item of spec.split(',').filter(Boolean)) {
    const [id, material] = item.split(':');
    const key = Buffer.from(material ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error(`key ${id || '(unnamed)'} must be 32 bytes of base64`);
    keys.set(id, key);
  }
  return keys;
}
