import { EntityManager } from 'typeorm';

export interface NotificationPolicy {
  /** The answer the acknowledgement promises: within this many days of receipt. */
  answerWithinDays: number;
}

/** Policy numbers the messages quote: data seeded by a migration, changed over the API. */
export interface NotificationPolicyStore {
  /** Inside a consumer's transaction (em) the policy is read once per transaction. */
  get(em?: EntityManager): Promise<NotificationPolicy>;
  put(policy: NotificationPolicy, actor: string): Promise<NotificationPolicy>;
}

export const NOTIFICATION_POLICY_STORE = Symbol('NotificationPolicyStore');
