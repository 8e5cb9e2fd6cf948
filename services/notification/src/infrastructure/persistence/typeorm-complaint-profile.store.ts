import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Urgency } from '../../domain/quiet-hours';
import { ContactPreference } from '../../domain/recipients';
import { Language } from '../../domain/template';
import { ComplaintProfile, ComplaintProfileStore } from '../../application/ports/complaint-profile-store';
import { SealedContact } from '../../application/ports/contact-vault';
import { CustomerProfile } from '../../domain/recipients';

interface ProfileRow {
  complaint_id: string;
  reference: string | null;
  preferred_language: Language | null;
  contact_preference: ContactPreference | null;
  masked_phone: string | null;
  masked_email: string | null;
  urgency: Urgency | null;
  team: string | null;
}

/** What a profile is read as; the upserts answer it too, so a handler that writes and then plans reads it once. */
const PROFILE_COLUMNS =
  'complaint_id, reference, preferred_language, contact_preference, masked_phone, masked_email, urgency, team';

/** Each event upserts only the columns it knows, so the projection is the same whatever order they arrive in. */
@Injectable()
export class TypeormComplaintProfileStore implements ComplaintProfileStore {
  async recordReceived(
    em: EntityManager,
    r: {
      complaintId: string;
      reference: string;
      customer: CustomerProfile;
      contact: SealedContact;
      at: Date;
    },
  ): Promise<ComplaintProfile> {
    const [row]: ProfileRow[] = await em.query(
      `INSERT INTO complaint_profile (complaint_id, reference, preferred_language, contact_preference, masked_phone,
         masked_email, contact_sealed, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (complaint_id) DO UPDATE SET reference = EXCLUDED.reference,
         preferred_language = EXCLUDED.preferred_language, contact_preference = EXCLUDED.contact_preference,
         masked_phone = EXCLUDED.masked_phone, masked_email = EXCLUDED.masked_email,
         contact_sealed = EXCLUDED.contact_sealed, updated_at = EXCLUDED.updated_at
       RETURNING ${PROFILE_COLUMNS}`,
      [
        r.complaintId,
        r.reference,
        r.customer.preferredLanguage,
        r.customer.contactPreference,
        r.customer.maskedPhone ?? null,
        r.customer.maskedEmail ?? null,
        JSON.stringify(r.contact),
        r.at,
      ],
    );
    return toProfile(row);
  }

  async recordClassification(
    em: EntityManager,
    c: { complaintId: string; reference: string; urgency: Urgency; revision: number; at: Date },
  ): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO complaint_profile (complaint_id, reference, urgency, classification_revision, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (complaint_id) DO UPDATE SET urgency = EXCLUDED.urgency,
         classification_revision = EXCLUDED.classification_revision,
         reference = COALESCE(complaint_profile.reference, EXCLUDED.reference), updated_at = EXCLUDED.updated_at
       WHERE complaint_profile.classification_revision IS NULL
          OR complaint_profile.classification_revision < EXCLUDED.classification_revision
       RETURNING 1`,
      [c.complaintId, c.reference, c.urgency, c.revision, c.at],
    );
    return rows.length > 0;
  }

  async recordTeam(
    em: EntityManager,
    a: { complaintId: string; team: string; level: string; at: Date },
  ): Promise<ComplaintProfile> {
    const [row]: ProfileRow[] = await em.query(
      `INSERT INTO complaint_profile (complaint_id, team, level, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (complaint_id) DO UPDATE SET team = EXCLUDED.team, level = EXCLUDED.level,
         updated_at = EXCLUDED.updated_at
       RETURNING ${PROFILE_COLUMNS}`,
      [a.complaintId, a.team, a.level, a.at],
    );
    return toProfile(row);
  }

  async find(em: EntityManager, complaintId: string): Promise<ComplaintProfile | null> {
    const [row]: ProfileRow[] = await em.query(
      `SELECT ${PROFILE_COLUMNS} FROM complaint_profile WHERE complaint_id = $1`,
      [complaintId],
    );
    return row ? toProfile(row) : null;
  }
}

function toProfile(row: ProfileRow): ComplaintProfile {
  const customer: CustomerProfile | null =
    row.contact_preference && row.preferred_language
      ? {
          contactPreference: row.contact_preference,
          preferredLanguage: row.preferred_language,
          ...(row.masked_phone ? { maskedPhone: row.masked_phone } : {}),
          ...(row.masked_email ? { maskedEmail: row.masked_email } : {}),
        }
      : null;
  return {
    complaintId: row.complaint_id,
    reference: row.reference,
    customer,
    urgency: row.urgency,
    team: row.team,
  };
}
