import { ComplaintProfile } from '../policy/sla-policy';

/** The classification facts clocks depend on, from complaint.classified or complaint.reclassified. */
export interface Classification extends ComplaintProfile {
  /** Clocks run from receipt, not from classification. */
  receivedAt: Date;
  revision: number;
}

/**
 * What sla-timer knows about a complaint besides its clocks: the latest classification and lifecycle version it
 * applied (to ignore stale events), the status, and the regulatory extension granted.
 */
export interface ComplaintTrack {
  complaintId: string;
  classification?: Classification;
  lifecycleVersion: number;
  status?: string;
  extensionDays?: number;
}

/** Statuses after which a complaint gets no new clocks. */
export const FINISHED_STATUSES = ['resolved', 'closed', 'withdrawn'];
