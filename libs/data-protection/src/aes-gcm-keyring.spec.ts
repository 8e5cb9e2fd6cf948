import { randomBytes } from 'node:crypto';
import { AesGcmKeyring } from './aes-gcm-keyring';
import { openContact, sealContact } from './sealed-contact';

const key = () => randomBytes(32).toString('base64');

describe('AES-256-GCM key ring', () => {
  it('decrypts what it encrypted and never stores the clear text', () => {
    const ring = new AesGcmKeyring(`k1:${key()}`, 'k1');
    const sealed = ring.encrypt('13800138000', 'pii');
    expect(JSON.stringify(sealed)).not.toContain('13800138000');
    expect(ring.decrypt(sealed, 'pii')).toBe('13800138000');
  });

  it('keeps old values readable after rotation to a new active key', () => {
    const k1 = key();
    const before = new AesGcmKeyring(`k1:${k1}`, 'k1').encrypt('old secret');
    const rotated = new AesGcmKeyring(`k1:${k1},k2:${key()}`, 'k2');
    expect(rotated.encrypt('new secret').keyId).toBe('k2');
    expect(rotated.decrypt(before)).toBe('old secret');
  });

  it('refuses a tampered ciphertext and a value sealed for another purpose', () => {
    const ring = new AesGcmKeyring(`k1:${key()}`, 'k1');
    const sealed = ring.encrypt('secret', 'pii');
    const tampered = { ...sealed, ciphertext: Buffer.from('x' + sealed.ciphertext).toString('base64') };
    expect(() => ring.decrypt(tampered, 'pii')).toThrow();
    expect(() => ring.decrypt(sealed, 'complaint-contact')).toThrow();
  });

  it('rejects keys that are not 32 bytes and an active key that is not in the ring', () => {
    expect(() => new AesGcmKeyring('k1:c2hvcnQ=', 'k1')).toThrow('32 bytes');
    expect(() => new AesGcmKeyring(`k1:${key()}`, 'k2')).toThrow('not in the key ring');
  });

  it('seals and opens contact details', () => {
    const ring = new AesGcmKeyring(`c1:${key()}`, 'c1');
    const sealed = sealContact(ring, { name: '张三', phone: '13800138000' });
    expect(openContact(ring, sealed)).toEqual({ name: '张三', phone: '13800138000' });
  });
});
