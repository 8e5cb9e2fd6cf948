/** The contact block exactly as complaint.received carried it: AES-256-GCM under the contact key ring. */
export interface SealedContact {
  alg: 'AES-256-GCM';
  keyId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

export interface ContactDetails {
  name: string;
  phone?: string;
  email?: string;
}

/** Opens sealed contact details, only at send time and only in memory. */
export interface ContactVault {
  open(sealed: SealedContact): ContactDetails;
}

export const CONTACT_VAULT = Symbol('ContactVault');
