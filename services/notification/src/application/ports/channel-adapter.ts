import { Channel, Language } from '../../domain/template';

/** One outgoing message through one channel. `to` is the clear address, which never leaves the adapter call. */
export interface OutgoingMessage {
  channel: Channel;
  to: string;
  language: Language;
  subject?: string;
  body: string;
  /** Stable per (event, recipient, channel): providers that support it deduplicate on it. */
  idempotencyKey: string;
  /** What the message is about, for structured receivers (webhooks); no personal data. */
  about: {
    eventType: string;
    eventId: string;
    subject: string;
    audience: string;
    variables: Record<string, string>;
  };
  /** Webhooks: the name of the configured signing secret. */
  secretRef?: string;
}

/**
 * A send that did not work. `transient` says whether trying again later can help (provider down, timeout, 5xx,
 * SMTP 4xx) or not (address rejected, 4xx, no signing secret).
 */
export class ChannelDeliveryError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'ChannelDeliveryError';
  }
}

/** Delivers a message through a provider: SMTP, the SMS gateway, a signed webhook, or the log in development. */
export interface ChannelAdapter {
  deliver(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

export const CHANNEL_ADAPTER = Symbol('ChannelAdapter');
