import { maskEmail, maskPhone } from '@complaints/observability';
import { Channel } from '../domain/template';

/** What logs, events and the API may show of an address: masked e-mail or phone, a webhook's origin only. */
export function maskAddress(channel: Channel, address: string): string {
  if (channel === 'email') return maskEmail(address);
  if (channel === 'sms') return maskPhone(address);
  try {
    return new URL(address).origin;
  } catch {
    return 'invalid-url';
  }
}
