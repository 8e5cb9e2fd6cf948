import { AesGcmKeyring, EncryptedValue } from './aes-gcm-keyring';

/** The contact details intake seals into complaint.received for the notification service alone. */
export interface ContactDetails {
  name: string;
  phone?: string;
  email?: string;
}

/** Binds the sealed block to its purpose: a ciphertext made for something else never opens as a contact. */
const CONTACT_ASSOCIATED_DATA = 'complaint-contact';

export function sealContact(keyring: AesGcmKeyring, contact: ContactDetails): EncryptedValue {
  return keyring.encrypt(JSON.stringify(contact), CONTACT_ASSOCIATED_DATA);
}

export function openContact(keyring: AesGcmKeyring, sealed: EncryptedValue): ContactDetails {
  const parsed = JSON.parse(keyring.decrypt(sealed, CONTACT_ASSOCIATED_DATA)) as Partial<ContactDetails>;
  if (typeof parsed.name !== 'string') throw new Error('sealed contact has no name');
  return {
    name: parsed.name,
    ...(typeof parsed.phone === 'string' ? { phone: parsed.phone } : {}),
    ...(typeof parsed.email === 'string' ? { email: parsed.email } : {}),
  };
}
