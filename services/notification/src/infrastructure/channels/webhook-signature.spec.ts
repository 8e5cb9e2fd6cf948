import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'ops-tool-secret-0123456789';
  const body = '{"eventType":"sla.breached"}';

  it('is HMAC-SHA256 over timestamp and body, verifiable by the receiver', () => {
    // Given a signed body
    const signature = signWebhook(secret, 1_790_000_000, body);
    // Then it has the documented shape and the receiver accepts it within the replay window
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, { signature, timestamp: '1790000000' }, body, 1_790_000_100)).toBe(true);
  });

  it('is refused with another secret, a changed body, a changed timestamp or outside the replay window', () => {
    const signature = signWebhook(secret, 1_790_000_000, body);
    const headers = { signature, timestamp: '1790000000' };
    expect(verifyWebhook('another-secret-0123456789', headers, body, 1_790_000_000)).toBe(false);
    expect(verifyWebhook(secret, headers, body.replace('breached', 'met'), 1_790_000_000)).toBe(false);
    expect(verifyWebhook(secret, { signature, timestamp: '1790000001' }, body, 1_790_000_000)).toBe(false);
    expect(verifyWebhook(secret, headers, body, 1_790_000_301)).toBe(false);
  });
});
