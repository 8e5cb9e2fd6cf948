import { Clock } from '../../domain/clock';
import {
  ChannelAdapter,
  ChannelDeliveryError,
  OutgoingMessage,
} from '../../application/ports/channel-adapter';
import { errorText } from './http-sms-gateway.channel';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';

/**
 * Staff and ops tools receive a signed JSON POST: what happened, about which complaint, and the rendered text in the
 * recipient's language. Never personal data: staff events carry none and customer messages never go to webhooks.
 * A webhook without a configured secret is never called unsigned.
 */
export class SignedWebhookChannel implements ChannelAdapter {
  constructor(
    private readonly secrets: ReadonlyMap<string, string>,
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  async deliver(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const secret = message.secretRef ? this.secrets.get(message.secretRef) : undefined;
    if (!secret) {
      throw new ChannelDeliveryError(
        `no signing secret named ${message.secretRef ?? '(none)'} is configured`,
        false,
      );
    }
    const body = JSON.stringify({
      deliveryId: message.idempotencyKey,
      eventType: message.about.eventType,
      eventId: message.about.eventId,
      subject: message.about.subject,
      audience: message.about.audience,
      language: message.language,
      title: message.subject ?? null,
      text: message.body,
      data: message.about.variables,
    });
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    let response: Response;
    try {
      response = await fetch(message.to, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
          [DELIVERY_HEADER]: message.idempotencyKey,
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'manual',
      });
    } catch (error) {
      throw new ChannelDeliveryError(`webhook unreachable: ${errorText(error)}`, true);
    }
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) {
      return { providerMessageId: `webhook-${message.idempotencyKey}` };
    }
    const transient = response.status === 408 || response.status === 429 || response.status >= 500;
    throw new ChannelDeliveryError(`webhook answered ${response.status}`, transient);
  }
}
