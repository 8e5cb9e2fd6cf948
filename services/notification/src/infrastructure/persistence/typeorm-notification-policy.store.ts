import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionMemo } from '@complaints/persistence';
import {
  NotificationPolicy,
  NotificationPolicyStore,
} from '../../application/ports/notification-policy-store';

@Injectable()
export class TypeormNotificationPolicyStore implements NotificationPolicyStore {
  private readonly policy = new TransactionMemo<NotificationPolicy>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  get(em?: EntityManager): Promise<NotificationPolicy> {
    return this.policy.read(em, 'policy', async () => {
      const [row]: { answer_within_days: number }[] = await (em ?? this.dataSource).query(
        'SELECT answer_within_days FROM notification_policy',
      );
      return { answerWithinDays: row.answer_within_days };
    });
  }

  async put(policy: NotificationPolicy, actor: string): Promise<NotificationPolicy> {
    await this.dataSource.query(
      'UPDATE notification_policy SET answer_within_days = $1, updated_at = now(), updated_by = $2',
      [policy.answerWithinDays, actor],
    );
    return this.get();
  }
}
