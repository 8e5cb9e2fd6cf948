/**
 * The shared words of the domain, as they appear on the wire. Adding a value is a compatible change (consumers
 * must keep a default branch); renaming or removing one is a new schema version.
 */

/** Every intake channel the service standards name (domain-requirements §1). */
export const CHANNELS = [
  'phone',
  'online-banking',
  'mobile-app',
  'mini-program',
  'branch-counter',
  'letter',
  'email',
  'regulator-referral',
  'social-media',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Top-level categories from the standards (domain-requirements §3). */
export const CATEGORIES = [
  'service-attitude',
  'service-efficiency',
  'product-problem',
  'information-security',
  'account-and-transaction',
  'system-and-technical',
  'process-and-operation',
  'business-enquiry',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const URGENCIES = ['urgent', 'general'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const COMPLAINT_STATUSES = [
  'received',
  'acknowledged',
  'awaiting-customer',
  'customer-replied',
  'resolved',
  'reopened',
  'closed',
  'withdrawn',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const CUSTOMER_SEGMENTS = ['individual', 'corporate'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

export const VULNERABILITIES = [
  'elderly',
  'disabled',
  'minor',
  'low-literacy',
  'financial-hardship',
  'other',
] as const;
export type Vulnerability = (typeof VULNERABILITIES)[number];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CONTACT_PREFERENCES = ['sms', 'email', 'none'] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];

export const RESOLUTION_OUTCOMES = ['upheld', 'partially-upheld', 'rejected'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

/** The clocks the standards set: first response, resolution, and the regulator's decision deadline. */
export const CLOCK_KINDS = ['first-response', 'resolution', 'regulatory-decision'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const ESCALATION_LEVELS = ['L1', 'L2', 'L3', 'L4'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const AUDIENCES = ['customer', 'assignee', 'team-lead', 'ops', 'management'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const NOTIFICATION_CHANNELS = ['sms', 'email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
