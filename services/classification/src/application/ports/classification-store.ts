import { EntityManager } from 'typeorm';
import { Assessment, Classification, Money } from '../../domain/classification';
import { PinnedAssessment } from '../../domain/override';

/** The facts of complaint.received this service keeps, so it can assess a complaint again without asking intake. */
export interface RecordedFacts {
  channel: string;
  product?: string;
  amount?: Money;
  vulnerable: string[];
  /** Keyed hash of the customer identity: repeat detection without the identity. Never shown to callers. */
  customerHash: string;
  receivedAt: Date;
  /** Absent for complaints classified before the text was kept. */
  subject?: string;
  description?: string;
}

export interface ClassificationRecord {
  complaintId: string;
  reference: string;
  /** 1 for the first classification, +1 for every change. */
  revision: number;
  result: Classification;
  facts: RecordedFacts;
  /** What agents decided with overrides; it survives reassessment. */
  pinned: PinnedAssessment;
  classifiedAt: Date;
}

export type AuditAction = 'classified' | 'overridden' | 'reassessed';

export interface Actor {
  kind: 'staff' | 'channel' | 'system';
  id: string;
}

/** One change of a classification: who, when, why, from what to what, under which rule set. */
export interface AuditEntry {
  complaintId: string;
  revision: number;
  action: AuditAction;
  actor: Actor;
  reason?: string;
  before?: Assessment;
  after: Assessment;
  ruleSetVersion: string;
  occurredAt: Date;
}

export interface ReopenRecord {
  /** The complaint's lifecycle version carried by complaint.reopened. */
  version: number;
  occurredAt: Date;
  reason?: string;
}

/** Classification results and their history; writes happen inside the caller's transaction (`em`). */
export interface ClassificationStore {
  /** Inserts the first classification of a complaint; false when it already has one. */
  insertFirst(em: EntityManager, record: ClassificationRecord): Promise<boolean>;
  /** The classification, locked until the transaction ends (overrides and reassessments serialise on it). */
  findForUpdate(em: EntityManager, complaintId: string): Promise<ClassificationRecord | null>;
  update(em: EntityManager, record: ClassificationRecord): Promise<void>;
  find(complaintId: string): Promise<ClassificationRecord | null>;
  /** When this customer's other complaints were received, in the `lookbackDays` before `receivedAt`. */
  earlierComplaints(
    em: EntityManager,
    customerHash: string,
    receivedAt: Date,
    lookbackDays: number,
    excludeComplaintId: string,
  ): Promise<Date[]>;
  /** Records a reopen; false when this reopen (complaint, version) was already seen. */
  recordReopen(em: EntityManager, complaintId: string, reopen: ReopenRecord): Promise<boolean>;
  reopensOf(em: EntityManager, complaintId: string): Promise<ReopenRecord[]>;
  appendAudit(em: EntityManager, entry: AuditEntry): Promise<void>;
  history(complaintId: string): Promise<AuditEntry[]>;
}

export const CLASSIFICATION_STORE = Symbol('ClassificationStore');
