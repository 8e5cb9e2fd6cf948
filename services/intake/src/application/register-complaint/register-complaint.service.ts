import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../domain/clock';
import { Complaint } from '../../domain/complaint';
import { formatReference } from '../../domain/complaint-reference';
import { detectTextLanguage } from '../../domain/text-language';
import { CONTACT_SEALER, ContactSealer, CUSTOMER_HASHER, CustomerHasher } from '../ports/pii-protection';
import {
  IdempotencyKeyReusedError,
  REFERENCE_NUMBERS,
  ReferenceNumbers,
  REGISTRATION_STORE,
  RegistrationResponse,
  RegistrationStore,
} from '../ports/registration-store';
import { RegisterComplaintCommand } from './register-complaint.command';

export const REFERENCE_TIME_ZONE = Symbol('ReferenceTimeZone');

export interface RegistrationResult {
  response: RegistrationResponse;
  /** True when this was a repeat of an earlier request with the same Idempotency-Key and body. */
  replayed: boolean;
}

/**
 * Records a complaint and its complaint.received event in one transaction, exactly once per Idempotency-Key.
 * Concurrent requests with the same key serialise on the key's primary key: one inserts, the others wait for it
 * to commit and then replay its response. The complaint is built before the key is claimed, so a replay spends a
 * reference number (references may skip numbers).
 */
@Injectable()
export class RegisterComplaintService {
  constructor(
    @Inject(REGISTRATION_STORE) private readonly store: RegistrationStore,
    @Inject(REFERENCE_NUMBERS) private readonly references: ReferenceNumbers,
    @Inject(CONTACT_SEALER) private readonly sealer: ContactSealer,
    @Inject(CUSTOMER_HASHER) private readonly hasher: CustomerHasher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REFERENCE_TIME_ZONE) private readonly timeZone: string,
  ) {}

  async execute(command: RegisterComplaintCommand): Promise<RegistrationResult> {
    const complaint = this.newComplaint(command, await this.references.next());
    const customerHash = this.hasher.hash(command.customer);
    const response: RegistrationResponse = {
      id: complaint.id,
      reference: complaint.reference,
      status: complaint.status,
      receivedAt: complaint.receivedAt.toISOString(),
    };
    const outcome = await this.store.register({
      idempotencyScope: command.idempotencyScope,
      idempotencyKey: command.idempotencyKey,
      requestHash: command.requestHash,
      complaint,
      customerHash,
      actor: command.actor,
      received: {
        customerHash,
        contact: this.sealer.seal({
          name: command.customer.name,
          phone: command.customer.phone,
          email: command.customer.email,
        }),
        correlationId: command.correlationId,
        causationId: command.idempotencyKey,
      },
      response,
    });
    if (outcome.recorded) return { response, replayed: false };
    if (outcome.requestHash !== command.requestHash)
      throw new IdempotencyKeyReusedError(command.idempotencyKey);
    return { response: outcome.response, replayed: true };
  }

  private newComplaint(command: RegisterComplaintCommand, sequence: number): Complaint {
    const receivedAt = this.clock.now();
    const {
      name,
      phone,
      email,
      idNumber,
      customerId,
      segment,
      vulnerable,
      preferredLanguage,
      contactPreference,
    } = command.customer;
    return {
      id: randomUUID(),
      reference: formatReference(receivedAt, sequence, this.timeZone),
      channel: command.channel,
      externalRef: command.externalRef,
      status: 'received',
      version: 1,
      receivedAt,
      customer: { name, phone, email, idNumber, customerId },
      profile: { segment, vulnerable, preferredLanguage, contactPreference },
      subject: command.subject,
      description: command.description,
      textLanguage: detectTextLanguage(`${command.subject} ${command.description}`),
      product: command.product,
      amount: command.amount,
      occurredAt: command.occurredAt,
      attachments: command.attachments,
    };
  }
}
