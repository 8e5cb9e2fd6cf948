import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventEnvelope } from '@complaints/contracts';
import { JsonLogger } from '@complaints/observability';
import { PgChannelListener } from '../persistence/pg-channel-listener';
import { alertsChannel } from '../persistence/timer-channels';
import { SLA_SCHEMA } from '../persistence/typeorm-clock.store';

export interface AlertSubscriber {
  next(alert: EventEnvelope): void;
  /** The feed is closing (shutdown): end the response. */
  complete(): void;
}

/**
 * Warnings and breaches as they fire, on whichever replica fired them: each firing transaction NOTIFYs the
 * envelopes, and every replica's feed passes them to its SSE subscribers. A live view, not a log: a client that
 * reconnects catches up with GET /v1/sla/breaches.
 */
@Injectable()
export class AlertFeed {
  private readonly subscribers = new Set<AlertSubscriber>();
  private readonly listener: PgChannelListener;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(SLA_SCHEMA) schema: string,
    @Inject(JsonLogger) private readonly logger: JsonLogger,
  ) {
    const url = (dataSource.options as { url?: string }).url ?? '';
    this.listener = new PgChannelListener(
      url,
      alertsChannel(schema),
      (payload) => this.publish(payload),
      logger,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const subscriber of this.subscribers) subscriber.complete();
    this.subscribers.clear();
    await this.listener.stop();
  }

  subscribe(subscriber: AlertSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private publish(payload: string): void {
    let alert: EventEnvelope;
    try {
      alert = JSON.parse(payload) as EventEnvelope;
    } catch {
      this.logger.warn('alert feed ignored a payload that is not JSON');
      return;
    }
    for (const subscriber of this.subscribers) subscriber.next(alert);
  }
}
