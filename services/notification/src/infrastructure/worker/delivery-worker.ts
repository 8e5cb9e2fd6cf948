import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from 'pg';
import { HealthRegistry, JsonLogger } from '@complaints/observability';
import { NOTIFICATION_SETTINGS, NotificationSettings } from '../../application/notification-settings';
import { SendDueDeliveriesService } from '../../application/send-due-deliveries.service';
import { DELIVERY_WAKE_CHANNEL } from '../persistence/typeorm-delivery.store';

export const DELIVERY_DATABASE_URL = Symbol('DeliveryDatabaseUrl');

/**
 * Runs the delivery worker loop for the life of the app: lease a batch of due deliveries, send, repeat while
 * batches come back full, otherwise wait for a wake-up. The consumer's transaction NOTIFYs on commit, so a new
 * delivery goes out within milliseconds; a poll covers retries coming due and missed notifications. Every replica
 * runs one; SKIP LOCKED and leases keep them from sending the same delivery.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A wake-up that arrived while a batch was in flight, so the loop does not sleep past it. */
  private woken = false;
  private listener?: Client;
  private lastSuccess = Date.now();
  private lastError?: string;

  constructor(
    @Inject(SendDueDeliveriesService) private readonly deliveries: SendDueDeliveriesService,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(DELIVERY_DATABASE_URL) private readonly databaseUrl: string,
    @Inject(JsonLogger) private readonly logger: JsonLogger,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    await this.listen();
    this.loop = this.run();
    this.health.register({ name: 'delivery-worker', check: () => this.check() });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  private async check(): Promise<void> {
    if (!this.running) throw new Error('delivery worker is not running');
    if (this.lastError && Date.now() - this.lastSuccess > 10 * this.settings.worker.pollIntervalMs) {
      throw new Error(`delivery worker failing: ${this.lastError}`);
    }
  }

  private async run(): Promise<void> {
    const { batchSize, pollIntervalMs } = this.settings.worker;
    while (this.running) {
      let leased = 0;
      try {
        if (!this.listener) await this.listen();
        leased = await this.deliveries.runOnce();
        this.lastSuccess = Date.now();
        this.lastError = undefined;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.warn('delivery worker pass failed; retrying', { error: this.lastError });
      }
      if (leased < batchSize) await this.sleep(pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || !this.running) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl });
    const lost = (reason: string) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      if (this.running)
        this.logger.warn('delivery wake-up listener lost; polling until it is back', { reason });
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', () => {
      this.woken = true;
      this.wake?.();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DELIVERY_WAKE_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger.warn('delivery wake-up listener not available; polling', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
