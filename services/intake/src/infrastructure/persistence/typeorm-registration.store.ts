import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxWriter } from '@complaints/kafka';
import { isUniqueViolation } from '@complaints/persistence';
import { Complaint } from '../../domain/complaint';
import { PII_CIPHER, PiiCipher } from '../../application/ports/pii-protection';
import {
  DuplicateExternalRefError,
  KeyClaim,
  ReceivedEventExtras,
  RegistrationResponse,
  RegistrationStore,
  RegistrationTransaction,
} from '../../application/ports/registration-store';
import { complaintReceivedEnvelope } from '../messaging/complaint-received.mapper';

@Injectable()
export class TypeormRegistrationStore implements RegistrationStore {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
  ) {}

  inTransaction<T>(work: (tx: RegistrationTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((em) =>
      work(new TypeormRegistrationTransaction(em, this.outbox, this.cipher)),
    );
  }
}

class TypeormRegistrationTransaction implements RegistrationTransaction {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxWriter,
    private readonly cipher: PiiCipher,
  ) {}

  async claimIdempotencyKey(scope: string, key: string, requestHash: string): Promise<KeyClaim> {
    // A concurrent insert of the same key blocks here until the other transaction ends, then sees its row.
    const inserted: unknown[] = await this.em.query(
      `INSERT INTO idempotency_key (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO NOTHING RETURNING 1`,
      [scope, key, requestHash],
    );
    if (inserted.length > 0) return { claimed: true };
    const [row]: { request_hash: string; response: RegistrationResponse }[] = await this.em.query(
      'SELECT request_hash, response FROM idempotency_key WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    return { claimed: false, requestHash: row.request_hash, response: row.response };
  }

  async nextReferenceNumber(): Promise<number> {
    const [row]: { n: string }[] = await this.em.query(`SELECT nextval('complaint_reference_seq') AS n`);
    return Number(row.n);
  }

  async insertComplaint(c: Complaint, customerHash: string): Promise<void> {
    const seal = (value?: string) => (value ? JSON.stringify(this.cipher.encrypt(value)) : null);
    try {
      await this.em.query(
        `INSERT INTO complaint (id, reference, channel, external_ref, status, version, received_at,
           customer_name, customer_phone, customer_email, customer_id_number, customer_number, customer_hash,
           segment, vulnerable, preferred_language, contact_preference, subject, description, text_language,
           product, amount_value, amount_currency, occurred_at, attachments)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25)`,
        [
          c.id,
          c.reference,
          c.channel,
          c.externalRef ?? null,
          c.status,
          c.version,
          c.receivedAt,
          seal(c.customer.name),
          seal(c.customer.phone),
          seal(c.customer.email),
          seal(c.customer.idNumber),
          seal(c.customer.customerId),
          customerHash,
          c.profile.segment,
          c.profile.vulnerable,
          c.profile.preferredLanguage,
          c.profile.contactPreference,
          c.subject,
          c.description,
          c.textLanguage,
          c.product ?? null,
          c.amount?.value ?? null,
          c.amount?.currency ?? null,
          c.occurredAt ?? null,
          JSON.stringify(c.attachments),
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'complaint_channel_external_ref')) {
        throw new DuplicateExternalRefError(c.channel, c.externalRef ?? '');
      }
      throw error;
    }
  }

  async recordTransition(c: Complaint, actor: string, reason: string): Promise<void> {
    await this.em.query(
      `INSERT INTO complaint_transition (complaint_id, from_status, to_status, actor, reason, occurred_at)
       VALUES ($1, NULL, $2, $3, $4, $5)`,
      [c.id, c.status, actor, reason, c.receivedAt],
    );
  }

  async publishReceived(c: Complaint, extras: ReceivedEventExtras): Promise<void> {
    await this.outbox.enqueue(this.em, [complaintReceivedEnvelope(c, extras)]);
  }

  async saveResponse(scope: string, key: string, response: RegistrationResponse): Promise<void> {
    await this.em.query('UPDATE idempotency_key SET response = $3 WHERE scope = $1 AND key = $2', [
      scope,
      key,
      JSON.stringify(response),
    ]);
  }
}
