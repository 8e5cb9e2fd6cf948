import { EntityManager } from 'typeorm';
import { StaffRecipient } from '../../domain/recipients';

export interface StaffDirectoryView {
  recipients: StaffRecipient[];
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The staff mailboxes, phones and webhooks per audience and team: configuration data, replaced as a whole. */
export interface StaffDirectory {
  all(em?: EntityManager): Promise<StaffDirectoryView>;
  find(em: EntityManager, id: string): Promise<StaffRecipient | null>;
  replace(recipients: StaffRecipient[], actor: string): Promise<StaffDirectoryView>;
}

export const STAFF_DIRECTORY = Symbol('StaffDirectory');
