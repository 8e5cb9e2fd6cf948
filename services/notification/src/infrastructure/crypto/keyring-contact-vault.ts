import { AesGcmKeyring, openContact } from '@complaints/data-protection';
import { ContactDetails, ContactVault, SealedContact } from '../../application/ports/contact-vault';

/** Opens contact blocks with the contact key ring (any key of the ring, so rotated keys still open old blocks). */
export class KeyringContactVault implements ContactVault {
  constructor(private readonly keyring: AesGcmKeyring) {}

  open(sealed: SealedContact): ContactDetails {
    return openContact(this.keyring, sealed);
  }
}
