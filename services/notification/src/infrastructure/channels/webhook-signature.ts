import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures: HMAC-SHA256 with the endpoint's secret over `<timestamp>.<body>`, sent as
 *
 *   X-Complaints-Timestamp: <unix seconds>
 *   X-Complaints-Signature: v1=<hex digest>
 *   X-Complaints-Delivery:  <delivery id, the same on every retry>
 *
 * A receiver recomputes the digest over the raw body, compares in constant time, rejects a timestamp more than
 * a few minutes from its own clock (replay window) and drops a delivery id it has already processed.
 */
export const SIGNATURE_HEADER = 'x-complaints-signature';
export const TIMESTAMP_HEADER = 'x-complaints-timestamp';
export const DELIVERY_HEADER = 'x-complaints-delivery';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The receiver's side, for tests and as a reference implementation. */
export function verifyWebhook(
  secret: string,
  headers: { signature: string; timestamp: string },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
