import { Status } from './complaint-status';

export type Segment = 'individual' | 'corporate';

/** The customer's personal data as the channel sent it; only ever held encrypted at rest. */
export interface CustomerIdentity {
  name: string;
  phone?: string;
  email?: string;
  idNumber?: string;
  customerId?: string;
}

export interface CustomerProfile {
  segment: Segment;
  vulnerable: string[];
  preferredLanguage: 'zh-CN' | 'en';
  contactPreference: 'sms' | 'email' | 'none';
}

export interface Money {
  value: string;
  currency: string;
}

export interface Attachment {
  name: string;
  url: string;
  sha256: string;
}

/** A complaint as intake records it at receipt. */
export interface Complaint {
  id: string;
  reference: string;
  channel: string;
  externalRef?: string;
  status: Status;
  /** Increases with every transition; carried on every lifecycle event. */
  version: number;
  receivedAt: Date;
  customer: CustomerIdentity;
  profile: CustomerProfile;
  subject: string;
  description: string;
  textLanguage: 'zh' | 'en';
  product?: string;
  amount?: Money;
  occurredAt?: Date;
  attachments: Attachment[];
}
