/** One outgoing message through one channel. `to` is the clear address, which never leaves this call. */
export interface OutgoingMessage {
  channel: 'sms' | 'email' | 'webhook';
  to: string;
  subject?: string;
  body: string;
  /** Stable per (event, recipient, channel): providers that support it deduplicate on it. */
  idempotencyKey: string;
}

/**
 * Delivers a message through a provider. Issue #7 adds SMTP, the SMS gateway and signed webhooks behind this
 * same interface; until then deliveries go to the log adapter.
 */
export interface ChannelAdapter {
  deliver(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

export const CHANNEL_ADAPTER = Symbol('ChannelAdapter');
