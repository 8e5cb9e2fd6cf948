import { CustomerIdentity } from '../../domain/complaint';

/** A complaint as read back, with its customer's identity decrypted; the API masks it for non-admin callers. */
export interface ComplaintView {
  id: string;
  reference: string;
  channel: string;
  externalRef: string | null;
  status: string;
  version: number;
  receivedAt: string;
  updatedAt: string;
  customer: CustomerIdentity & {
    segment: string;
    vulnerable: string[];
    preferredLanguage: string;
    contactPreference: string;
  };
  subject: string;
  description: string;
  textLanguage: string;
  product: string | null;
  amount: { value: string; currency: string } | null;
  occurredAt: string | null;
  attachments: { name: string; url: string; sha256: string }[];
  regulatoryDeadlineDays: number;
  resolution: { outcome: string; summary: string; remedy: string | null } | null;
  feedback: { satisfaction: number; comment: string | null } | null;
  /** From complaint.classified / reclassified (classification owns these facts). */
  classification: {
    category: string;
    subcategory: string | null;
    urgency: string;
    risk: string;
    priority: string;
  } | null;
  /** From complaint.assigned / escalated (escalation owns these facts). */
  assignment: { team: string; level: string } | null;
}

export interface AuditEntry {
  transition: string;
  from: string | null;
  to: string;
  actor: string;
  reason: string | null;
  details: Record<string, unknown>;
  occurredAt: string;
}

export interface ComplaintListFilter {
  status?: string;
  category?: string;
  channel?: string;
  from?: Date;
  to?: Date;
  /** Position after which to continue: the last item's (receivedAt, id) of the previous page. */
  after?: { receivedAt: Date; id: string };
  limit: number;
}

export interface ComplaintSummary {
  id: string;
  reference: string;
  channel: string;
  status: string;
  receivedAt: string;
  subject: string;
  category: string | null;
  priority: string | null;
  team: string | null;
}

export interface ComplaintQueries {
  find(id: string): Promise<ComplaintView | null>;
  list(filter: ComplaintListFilter): Promise<ComplaintSummary[]>;
  /** The audit trail, oldest first; null when the complaint does not exist. */
  audit(id: string): Promise<AuditEntry[] | null>;
}

export const COMPLAINT_QUERIES = Symbol('ComplaintQueries');
