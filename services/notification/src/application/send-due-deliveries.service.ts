import { Inject, Injectable } from '@nestjs/common';
import { JsonLogger, Metrics, redactText, runWithLogContext } from '@complaints/observability';
import { Clock, CLOCK } from '../domain/clock';
import { composeMessage } from '../domain/compose-message';
import { withReference } from '../domain/derived-variables';
import { smsHoldUntil } from '../domain/quiet-hours';
import { afterFailure } from '../domain/retry-policy';
import { isNotifiableEventType, variablesFor } from '../domain/template-variables';
import { failedEvent, sentEvent } from './outcome-events';
import { NOTIFICATION_SETTINGS, NotificationSettings } from './notification-settings';
import {
  CHANNEL_ADAPTER,
  ChannelAdapter,
  ChannelDeliveryError,
  OutgoingMessage,
} from './ports/channel-adapter';
import { CONTACT_VAULT, ContactVault } from './ports/contact-vault';
import { ClaimedDelivery, DELIVERY_STORE, DeliveryStore } from './ports/delivery-store';

/** Seconds: providers answer in milliseconds when well, and the send timeout bounds the rest. */
const SEND_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The delivery worker's unit of work: lease the due deliveries, send each outside any transaction, then record the
 * outcome and its notification.sent / notification.failed in one transaction. A crash between the send and that
 * record leaves the lease to expire and the message is sent again with the same idempotency key, which providers
 * that support one use to drop the copy (at-least-once, never silently lost).
 */
@Injectable()
export class SendDueDeliveriesService {
  constructor(
    @Inject(DELIVERY_STORE) private readonly store: DeliveryStore,
    @Inject(CHANNEL_ADAPTER) private readonly channel: ChannelAdapter,
    @Inject(CONTACT_VAULT) private readonly vault: ContactVault,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JsonLogger) private readonly logger: JsonLogger,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  /** Leases one batch and sends it; returns how many deliveries were leased. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const { batchSize, leaseMs } = this.settings.worker;
    const batch = await this.store.claimDue(now, new Date(now.getTime() + leaseMs), batchSize);
    await Promise.all(
      batch.map((d) =>
        runWithLogContext(
          {
            correlationid: d.correlationId,
            causationid: d.eventId,
            subject: d.subject,
            eventType: d.eventType,
          },
          () => this.process(d),
        ),
      ),
    );
    return batch.length;
  }

  private async process(d: ClaimedDelivery): Promise<void> {
    const startedAt = this.clock.now();
    const log = { deliveryId: d.id, channel: d.channel, audience: d.audience, to: d.recipientMasked };
    try {
      if (d.audience === 'customer' && d.channel === 'sms') {
        const until = smsHoldUntil(startedAt, this.settings.quietHours, d.urgency);
        if (until) {
          await this.store.settle(d, { kind: 'held', until, reason: 'quiet-hours' }, null);
          this.logger.info('customer sms held for quiet hours', { ...log, until: until.toISOString() });
          return;
        }
      }
      const attempt = d.attempts + 1;
      let providerMessageId: string;
      try {
        ({ providerMessageId } = await this.send(d));
      } catch (error) {
        await this.recordFailure(d, attempt, startedAt, error, log);
        return;
      }
      const finishedAt = this.clock.now();
      const recorded = await this.store.settle(
        d,
        { kind: 'sent', providerMessageId, attempt, startedAt, finishedAt },
        sentEvent(d, attempt, finishedAt),
      );
      this.count(d, 'sent', startedAt, finishedAt);
      if (recorded) this.logger.info('message delivered', { ...log, attempt, providerMessageId });
      // Our lease had expired and another worker took the delivery over: it records the outcome, once.
      else
        this.logger.warn('message delivered after the lease expired', { ...log, attempt, providerMessageId });
    } catch (error) {
      // The outcome could not be recorded (database down): the lease expires and the delivery is picked up again.
      this.logger.error('delivery outcome not recorded; it will be retried when its lease expires', {
        ...log,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private async recordFailure(
    d: ClaimedDelivery,
    attempt: number,
    startedAt: Date,
    error: unknown,
    log: Record<string, unknown>,
  ): Promise<void> {
    const finishedAt = this.clock.now();
    // Providers echo addresses in their errors ("550 <a@b.example>: rejected"): masked before the text is stored,
    // published or logged.
    const message = redactText(error instanceof Error ? error.message : String(error));
    // Anything but a classified channel error (a bug, a crypto failure after a key change) may be fixed by the
    // time of the next attempt, so it counts as transient and is bounded by the attempt limit.
    const transient = error instanceof ChannelDeliveryError ? error.transient : true;
    const next = afterFailure(this.settings.retry, attempt, { transient }, finishedAt, Math.random());
    if (next.kind === 'retry') {
      await this.store.settle(
        d,
        { kind: 'retry', error: message, nextAttemptAt: next.at, attempt, startedAt, finishedAt },
        null,
      );
      this.count(d, 'retry', startedAt, finishedAt);
      this.logger.warn('delivery failed; will retry', {
        ...log,
        attempt,
        error: message,
        nextAttemptAt: next.at,
      });
      return;
    }
    await this.store.settle(
      d,
      { kind: 'failed', error: message, permanent: next.permanent, attempt, startedAt, finishedAt },
      failedEvent(d, attempt, { error: message, permanent: next.permanent }, finishedAt),
    );
    this.count(d, 'failed', startedAt, finishedAt);
    this.logger.error('delivery failed for good', {
      ...log,
      attempt,
      error: message,
      permanent: next.permanent,
    });
  }

  /** Opens the contact (customer) or looks up the directory entry (staff), renders, and hands to the channel. */
  private async send(d: ClaimedDelivery): Promise<{ providerMessageId: string }> {
    if (!d.template) throw new ChannelDeliveryError('the template of this delivery no longer exists', false);
    if (!isNotifiableEventType(d.eventType)) {
      throw new ChannelDeliveryError(`${d.eventType} is not an event this service notifies on`, false);
    }
    const variables = { ...withReference(d.variables, d.complaintId, d.knownReference) };
    let to: string;
    let secretRef: string | undefined;
    if (d.audience === 'customer') {
      if (!d.sealedContact) throw new ChannelDeliveryError('no contact details for this complaint', false);
      const contact = this.vault.open(d.sealedContact);
      const address = d.channel === 'sms' ? contact.phone : contact.email;
      if (!address) throw new ChannelDeliveryError(`the customer has no ${d.channel} address`, false);
      to = address;
      variables['name'] = contact.name;
    } else {
      if (!d.staff || !d.staff.enabled) {
        throw new ChannelDeliveryError('the recipient was removed from the staff directory', false);
      }
      to = d.staff.address;
      secretRef = d.staff.secretRef;
    }
    const specs = variablesFor(d.eventType, d.audience);
    const composed = composeMessage(d.template, specs, variables, d.language, this.settings.displayTimeZone);
    const message: OutgoingMessage = {
      channel: d.channel,
      to,
      language: d.language,
      ...composed,
      idempotencyKey: d.id,
      about: {
        eventType: d.eventType,
        eventId: d.eventId,
        subject: d.subject,
        audience: d.audience,
        // The webhook payload carries the raw values, never the customer's name.
        variables:
          d.audience === 'customer' ? {} : withReference(d.variables, d.complaintId, d.knownReference),
      },
      ...(secretRef ? { secretRef } : {}),
    };
    return this.channel.deliver(message);
  }

  private count(d: ClaimedDelivery, outcome: string, startedAt: Date, finishedAt: Date): void {
    this.metrics
      .counter('notification_deliveries_total', 'Delivery attempts by channel and outcome', [
        'channel',
        'outcome',
      ])
      .inc({ channel: d.channel, outcome });
    this.metrics
      .histogram(
        'notification_send_seconds',
        'Time to hand a message to its provider',
        ['channel'],
        SEND_BUCKETS,
      )
      .observe({ channel: d.channel }, (finishedAt.getTime() - startedAt.getTime()) / 1000);
  }
}
