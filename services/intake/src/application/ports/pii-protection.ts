import type { EncryptedValue } from '@complaints/data-protection';

export type { EncryptedValue };

/** Encrypts personal data at rest with the intake key ring. */
export interface PiiCipher {
  encrypt(plaintext: string): EncryptedValue;
  decrypt(value: EncryptedValue): string;
}

/** Seals contact details for the notification service, the only service holding the contact key. */
export interface ContactSealer {
  seal(contact: { name: string; phone?: string; email?: string }): EncryptedValue;
}

/** Keyed hash of the customer identity for repeat detection elsewhere, without revealing who it is. */
export interface CustomerHasher {
  hash(identity: {
    idNumber?: string;
    customerId?: string;
    phone?: string;
    email?: string;
    name: string;
  }): string;
}

export const PII_CIPHER = Symbol('PiiCipher');
export const CONTACT_SEALER = Symbol('ContactSealer');
export const CUSTOMER_HASHER = Symbol('CustomerHasher');
