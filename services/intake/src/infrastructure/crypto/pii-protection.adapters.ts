import { createHmac } from 'node:crypto';
import {
  ContactSealer,
  CustomerHasher,
  EncryptedValue,
  PiiCipher,
} from '../../application/ports/pii-protection';
import { AesGcmKeyring, sealContact } from '@complaints/data-protection';

export class KeyringPiiCipher implements PiiCipher {
  constructor(private readonly keyring: AesGcmKeyring) {}

  encrypt(plaintext: string): EncryptedValue {
    return this.keyring.encrypt(plaintext, 'intake-pii');
  }

  decrypt(value: EncryptedValue): string {
    return this.keyring.decrypt(value, 'intake-pii');
  }
}

export class KeyringContactSealer implements ContactSealer {
  constructor(private readonly keyring: AesGcmKeyring) {}

  seal(contact: { name: string; phone?: string; email?: string }): EncryptedValue {
    return sealContact(this.keyring, contact);
  }
}

/**
 * HMAC-SHA256 of the strongest identifier available (ID number, then bank customer id, then phone, then e-mail,
 * then name), normalised, so the same customer hashes the same from any channel.
 */
export class HmacCustomerHasher implements CustomerHasher {
  constructor(private readonly key: Buffer) {}

  hash(identity: {
    idNumber?: string;
    customerId?: string;
    phone?: string;
    email?: string;
    name: string;
  }): string {
    const basis = identity.idNumber
      ? `id:${identity.idNumber.toUpperCase()}`
      : identity.customerId
        ? `cust:${identity.customerId}`
        : identity.phone
          ? `phone:${identity.phone.replace(/\D/g, '')}`
          : identity.email
            ? `email:${identity.email.toLowerCase()}`
            : `name:${identity.name.trim()}`;
    return createHmac('sha256', this.key).update(basis).digest('hex');
  }
}
