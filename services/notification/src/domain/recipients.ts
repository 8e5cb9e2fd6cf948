import { Channel, Language, StaffAudience } from './template';

/**
 * Who hears what. The customer is reached on the channel they chose, in their language; staff audiences are a
 * directory (data, changed over the API) of mailboxes, phones and webhooks per audience and team.
 */
export type ContactPreference = 'sms' | 'email' | 'none';

/** What the service knows about a complaint's customer, from complaint.received (masked values only). */
export interface CustomerProfile {
  contactPreference: ContactPreference;
  preferredLanguage: Language;
  maskedPhone?: string;
  maskedEmail?: string;
}

export type CustomerRoute =
  | { kind: 'suppressed'; reason: string; language?: Language }
  | { kind: 'unreachable'; channel: 'sms' | 'email'; language: Language; reason: string }
  | { kind: 'send'; channel: 'sms' | 'email'; language: Language; maskedAddress: string };

export function routeToCustomer(profile: CustomerProfile | null): CustomerRoute {
  if (!profile) {
    return { kind: 'suppressed', reason: 'no contact details known: complaint.received has not been seen' };
  }
  const { contactPreference: channel, preferredLanguage: language } = profile;
  if (channel === 'none')
    return { kind: 'suppressed', reason: 'the customer asked not to be contacted', language };
  const masked = channel === 'sms' ? profile.maskedPhone : profile.maskedEmail;
  if (!masked) {
    return {
      kind: 'unreachable',
      channel,
      language,
      reason: `the customer prefers ${channel} but gave no ${channel === 'sms' ? 'phone number' : 'e-mail address'}`,
    };
  }
  return { kind: 'send', channel, language, maskedAddress: masked };
}

/** A team of `*` matches every team (and complaints whose team is not known yet). */
export const ANY_TEAM = '*';

export interface StaffRecipient {
  id: string;
  audience: StaffAudience;
  team: string;
  channel: Channel;
  /** E-mail address, phone number or webhook URL. */
  address: string;
  language: Language;
  /** Webhooks: the name of the signing secret in the service's configuration (never the secret itself). */
  secretRef?: string;
  enabled: boolean;
}

export function staffRecipientsFor(
  directory: StaffRecipient[],
  audience: StaffAudience,
  team: string | null,
): StaffRecipient[] {
  return directory.filter(
    (r) =>
      r.enabled && r.audience === audience && (r.team === ANY_TEAM || (team !== null && r.team === team)),
  );
}
