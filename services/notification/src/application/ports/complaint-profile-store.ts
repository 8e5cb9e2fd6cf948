import { EntityManager } from 'typeorm';
import { Urgency } from '../../domain/quiet-hours';
import { CustomerProfile } from '../../domain/recipients';
import { SealedContact } from './contact-vault';

/**
 * The service's own projection of each complaint (complaint id -> reference, customer profile and sealed contact,
 * urgency, team), built from the events so later notifications know whom to tell and how urgent it is. Every
 * writer upserts only its own columns, so the events may arrive in any order.
 */
export interface ComplaintProfile {
  complaintId: string;
  reference: string | null;
  customer: CustomerProfile | null;
  urgency: Urgency | null;
  team: string | null;
}

/** The writers answer the profile as it stands after their write. */
export interface ComplaintProfileStore {
  recordReceived(
    em: EntityManager,
    received: {
      complaintId: string;
      reference: string;
      customer: CustomerProfile;
      contact: SealedContact;
      at: Date;
    },
  ): Promise<ComplaintProfile>;
  /** Applies a classification unless a later revision is already recorded; true when applied. */
  recordClassification(
    em: EntityManager,
    classified: { complaintId: string; reference: string; urgency: Urgency; revision: number; at: Date },
  ): Promise<boolean>;
  recordTeam(
    em: EntityManager,
    assigned: { complaintId: string; team: string; level: string; at: Date },
  ): Promise<ComplaintProfile>;
  find(em: EntityManager, complaintId: string): Promise<ComplaintProfile | null>;
}

export const COMPLAINT_PROFILE_STORE = Symbol('ComplaintProfileStore');
