import { randomUUID } from 'node:crypto';
import { JsonLogger, maskEmail, maskPhone } from '@complaints/observability';
import { ChannelAdapter, OutgoingMessage } from '../../application/ports/channel-adapter';

/**
 * A development channel: "delivers" by writing one log line with the masked recipient and the message. Used
 * until the real SMTP / SMS / webhook adapters exist (issue #7); never configured in production.
 */
export class LogChannelAdapter implements ChannelAdapter {
  constructor(private readonly logger: JsonLogger) {}

  async deliver(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const providerMessageId = `log-${randomUUID()}`;
    this.logger.info('message delivered (log channel)', {
      channel: message.channel,
      to: message.channel === 'email' ? maskEmail(message.to) : maskPhone(message.to),
      subject: message.subject,
      body: message.body,
      providerMessageId,
    });
    return { providerMessageId };
  }
}
