/** The intake lifecycle events that move clocks, without their envelope. */
export const LIFECYCLE_FACT_TYPES = [
  'acknowledged',
  'awaiting-customer',
  'customer-replied',
  'resolved',
  'reopened',
  'closed',
  'withdrawn',
  'deadline-extended',
] as const;
export type LifecycleFactType = (typeof LIFECYCLE_FACT_TYPES)[number];

export interface LifecycleFact {
  type: LifecycleFactType;
  /** Monotonic per complaint (intake's version): a fact at or below the applied version is stale. */
  version: number;
  status: string;
  occurredAt: Date;
  /** deadline-extended only: the regulatory decision deadline's new length in days from receipt. */
  newTotalDays?: number;
}
