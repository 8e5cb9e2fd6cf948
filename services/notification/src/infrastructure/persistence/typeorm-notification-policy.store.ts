import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  NotificationPolicy,
  NotificationPolicyStore,
} from '../../application/ports/notification-policy-store';

@Injectable()
export class TypeormNotificationPolicyStore implements NotificationPolicyStore {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async get(): Promise<NotificationPolicy> {
    const [row]: { answer_within_days: number }[] = await this.dataSource.query(
      'SELECT answer_within_days FROM notification_policy',
    );
    return { answerWithinDays: row.answer_within_days };
  }

  async put(policy: NotificationPolicy, actor: string): Promise<NotificationPolicy> {
    await this.dataSource.query(
      'UPDATE notification_policy SET answer_within_days = $1, updated_at = now(), updated_by = $2',
      [policy.answerWithinDays, actor],
    );
    return this.get();
  }
}
