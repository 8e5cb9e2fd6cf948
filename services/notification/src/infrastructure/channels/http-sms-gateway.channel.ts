import {
  ChannelAdapter,
  ChannelDeliveryError,
  OutgoingMessage,
} from '../../application/ports/channel-adapter';

export interface SmsGatewaySettings {
  url: string;
  /** Bearer token for the gateway, if it wants one. */
  token?: string;
  timeoutMs: number;
}

/**
 * SMS through an HTTP gateway: POST {to, text, language} as JSON with an Idempotency-Key header (the delivery id),
 * expecting 2xx and, optionally, {"messageId": "..."} back. 408, 429 and 5xx are transient; other 4xx mean the
 * gateway will never accept this message (bad number, content rejected).
 */
export class HttpSmsGatewayChannel implements ChannelAdapter {
  constructor(private readonly settings: SmsGatewaySettings) {}

  async deliver(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    let response: Response;
    try {
      response = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
          ...(this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {}),
        },
        body: JSON.stringify({ to: message.to, text: message.body, language: message.language }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw new ChannelDeliveryError(`sms gateway unreachable: ${errorText(error)}`, true);
    }
    const body = await response.text().catch(() => '');
    if (!response.ok) {
      const transient = response.status === 408 || response.status === 429 || response.status >= 500;
      throw new ChannelDeliveryError(
        `sms gateway answered ${response.status}: ${body.slice(0, 200)}`,
        transient,
      );
    }
    return { providerMessageId: messageIdFrom(body) ?? `sms-${message.idempotencyKey}` };
  }
}

function messageIdFrom(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { messageId?: unknown; id?: unknown };
    const id = parsed.messageId ?? parsed.id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  } catch {
    return undefined;
  }
}

export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
