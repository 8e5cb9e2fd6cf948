import { randomUUID } from 'node:crypto';
import { JsonLogger } from '@complaints/observability';
import { ChannelAdapter, OutgoingMessage } from '../../application/ports/channel-adapter';
import { maskAddress } from '../../application/mask-address';

/**
 * A development channel: "delivers" by writing one log line with the masked recipient and what the message was
 * about. It stands in for e-mail when SMTP_HOST is not set and for SMS when SMS_GATEWAY_URL is not set, so a local
 * stack never contacts a real customer; production configures both.
 */
export class LogChannelAdapter implements ChannelAdapter {
  constructor(private readonly logger: JsonLogger) {}

  async deliver(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const providerMessageId = `log-${randomUUID()}`;
    // The text is not logged: a customer message carries the customer's name, which never goes into a log.
    this.logger.info('message delivered (log channel)', {
      channel: message.channel,
      to: maskAddress(message.channel, message.to),
      language: message.language,
      eventType: message.about.eventType,
      characters: message.body.length,
      providerMessageId,
    });
    return { providerMessageId };
  }
}
