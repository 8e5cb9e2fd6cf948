import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintReceivedV1, NotificationFailedV1, NotificationSentV1 } from '@complaints/contracts';
import { AesGcmKeyring, openContact } from '@complaints/data-protection';
import { maskEmail, maskPhone } from '@complaints/observability';
import { Clock, CLOCK } from '../domain/clock';
import { render } from '../domain/template';
import { CHANNEL_ADAPTER, ChannelAdapter } from './ports/channel-adapter';
import { DELIVERY_STORE, DeliveryStore } from './ports/delivery-store';

export const CONTACT_KEYRING = Symbol('ContactKeyring');

export type AcknowledgementOutcome =
  | { kind: 'sent'; data: NotificationSentV1 }
  | { kind: 'failed'; data: NotificationFailedV1 }
  | { kind: 'nothing' };

/**
 * Tells the customer their complaint was received, with its reference (domain-requirements §6), on the channel
 * they prefer and in their language. The contact details are opened only here, only for the send; what is stored
 * and published is the masked address.
 */
@Injectable()
export class AcknowledgeReceiptService {
  constructor(
    @Inject(DELIVERY_STORE) private readonly store: DeliveryStore,
    @Inject(CHANNEL_ADAPTER) private readonly channel: ChannelAdapter,
    @Inject(CONTACT_KEYRING) private readonly keyring: AesGcmKeyring,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    received: ComplaintReceivedV1,
    eventId: string,
    em: EntityManager,
  ): Promise<AcknowledgementOutcome> {
    const { contactPreference, preferredLanguage } = received.customer;
    const base = {
      id: randomUUID(),
      eventId,
      eventType: 'complaint.received',
      complaintId: received.complaintId,
      audience: 'customer' as const,
      language: preferredLanguage,
    };
    if (contactPreference === 'none') {
      // The customer asked not to be contacted: recorded so GET /v1/notifications shows why nothing went out.
      await this.store.claim(
        em,
        { ...base, channel: 'sms', templateId: null, recipientMasked: 'none' },
        'suppressed',
      );
      return { kind: 'nothing' };
    }
    const contact = openContact(this.keyring, received.contact);
    const address = contactPreference === 'sms' ? contact.phone : contact.email;
    const masked = address
      ? contactPreference === 'sms'
        ? maskPhone(address)
        : maskEmail(address)
      : 'missing';
    const template = await this.store.template(
      em,
      'complaint.received',
      'customer',
      contactPreference,
      preferredLanguage,
    );
    const delivery = {
      ...base,
      channel: contactPreference,
      templateId: template?.id ?? null,
      recipientMasked: masked,
    };
    if (!(await this.store.claim(em, delivery, 'pending'))) return { kind: 'nothing' };

    const common = {
      notificationId: delivery.id,
      complaintId: received.complaintId,
      triggerEventId: eventId,
      triggerType: 'complaint.received',
      audience: 'customer' as const,
      channel: contactPreference,
      templateId: template?.id ?? 'none',
      language: preferredLanguage,
      recipient: masked,
      attempts: 1,
    };
    if (!address || !template) {
      const error = !address
        ? `the customer prefers ${contactPreference} but gave no address`
        : 'no template';
      await this.store.markFailed(em, delivery.id, error);
      return {
        kind: 'failed',
        data: { ...common, error, permanent: true, failedAt: this.clock.now().toISOString() },
      };
    }
    const values = { reference: received.reference, name: contact.name };
    const { providerMessageId } = await this.channel.deliver({
      channel: contactPreference,
      to: address,
      subject: template.subject ? render(template.subject, values) : undefined,
      body: render(template.body, values),
      idempotencyKey: `${eventId}:customer:${contactPreference}`,
    });
    const sentAt = this.clock.now();
    await this.store.markSent(em, delivery.id, providerMessageId, sentAt);
    return { kind: 'sent', data: { ...common, sentAt: sentAt.toISOString() } };
  }
}
