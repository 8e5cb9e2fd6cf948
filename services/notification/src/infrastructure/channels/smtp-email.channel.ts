import { createTransport, type NodemailerError, type Transporter } from 'nodemailer';
import {
  ChannelAdapter,
  ChannelDeliveryError,
  OutgoingMessage,
} from '../../application/ports/channel-adapter';

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send over a connection that could not be upgraded to TLS. */
  requireTls: boolean;
  user?: string;
  password?: string;
  from: string;
  timeoutMs: number;
}

/**
 * E-mail over SMTP with nodemailer (pooled connections). The Message-ID is derived from the delivery id, so a
 * message re-sent after a crash carries the same id and mail systems that deduplicate on it drop the copy.
 * Errors are classified by the SMTP reply: 5xx (except 503) is permanent, 4xx and connection failures transient.
 */
export class SmtpEmailChannel implements ChannelAdapter {
  private readonly transport: Transporter;
  private readonly messageIdDomain: string;

  constructor(private readonly settings: SmtpSettings) {
    this.transport = createTransport({
      pool: true,
      maxConnections: 5,
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTls,
      auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
    this.messageIdDomain =
      settings.from.replace(/^.*@/, '').replace(/[>\s].*$/, '') || 'notification.invalid';
  }

  async deliver(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    try {
      const info = await this.transport.sendMail({
        from: this.settings.from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.body,
        messageId: `<${message.idempotencyKey}@${this.messageIdDomain}>`,
        headers: { 'Content-Language': message.language },
      });
      return { providerMessageId: String(info.messageId) };
    } catch (error) {
      throw classifySmtpError(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}

export function classifySmtpError(error: unknown): ChannelDeliveryError {
  const e = error as Partial<NodemailerError>;
  const text = e.response ?? (error instanceof Error ? error.message : String(error));
  if (typeof e.responseCode === 'number') {
    const permanent = e.permanent ?? (e.responseCode >= 500 && e.responseCode !== 503);
    return new ChannelDeliveryError(`smtp ${text}`, !permanent);
  }
  // No reply from a server: connection refused, timeout, TLS or authentication trouble. An operator can fix these,
  // so they are retried within the attempt limit.
  return new ChannelDeliveryError(`smtp ${e.code ?? 'error'}: ${text}`, true);
}
