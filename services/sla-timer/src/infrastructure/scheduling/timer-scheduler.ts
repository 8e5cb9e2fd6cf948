import { DataSource } from 'typeorm';
import { HealthRegistry, JsonLogger, Metrics } from '@complaints/observability';
import { FireDueTimersService } from '../../application/fire-due-timers.service';
import { TimerStore } from '../../application/ports/timer-store';
import { Clock } from '../../domain/clock';
import { PgChannelListener } from '../persistence/pg-channel-listener';
import { timersArmedChannel } from '../persistence/timer-channels';
import { SchedulerOptions } from './scheduler-options';

/**
 * Fires durable timers on time: it sleeps until the earliest unfired timer is due (not a fixed poll), wakes when
 * a consumer arms an earlier one (LISTEN/NOTIFY), and after downtime catches up in due order, one short
 * transaction per batch. Any number of replicas can run it: claims skip each other's rows.
 */
export class TimerScheduler {
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  /** Clock time the current sleep ends; a notification for a later timer does not need to wake it. */
  private sleepingUntil = Number.POSITIVE_INFINITY;
  private notified = false;
  private readonly listener: PgChannelListener;
  private lastPassAt = 0;
  private lastError?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly fire: FireDueTimersService,
    private readonly timers: TimerStore,
    private readonly clock: Clock,
    private readonly options: SchedulerOptions,
    private readonly logger: JsonLogger,
    private readonly metrics: Metrics,
    health?: HealthRegistry,
  ) {
    this.listener = new PgChannelListener(
      options.databaseUrl,
      timersArmedChannel(options.schema),
      (payload) => this.onArmed(payload),
      logger,
    );
    health?.register({ name: 'timer-scheduler', check: () => this.check() });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.autoStart) await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listener.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    await this.listener.stop();
  }

  /** Look at the timers now (a notification, or a test that moved its fake clock). */
  wake(): void {
    this.notified = true;
    this.wakeUp?.();
  }

  /** Fires every timer due now, batch by batch; returns how many it claimed. */
  async firePass(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.dataSource.transaction((em) =>
        this.fire.fireBatch(em, this.options.batchSize, this.options.instanceId),
      );
      total += batch.claimed;
      this.record(batch.latenessMs);
      if (batch.claimed < this.options.batchSize || !this.running) return total;
    }
  }

  async check(): Promise<void> {
    if (!this.running) throw new Error('timer scheduler is not running');
    if (this.lastError) throw new Error(`timer scheduler failing: ${this.lastError}`);
    // A pass happens at least once per maximum sleep; much longer means the loop is stuck.
    if (this.lastPassAt > 0 && Date.now() - this.lastPassAt > 3 * this.options.maxSleepMs + 10_000) {
      throw new Error('timer scheduler has not completed a pass recently');
    }
  }

  private async run(): Promise<void> {
    let backoffMs = 100;
    while (this.running) {
      try {
        this.notified = false;
        await this.firePass();
        const waitMs = await this.millisUntilNextTimer();
        this.lastPassAt = Date.now();
        this.lastError = undefined;
        backoffMs = 100;
        if (!this.notified && this.running) await this.sleep(waitMs);
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.warn('timer scheduler pass failed; retrying', { error: this.lastError, backoffMs });
        await this.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5000);
      }
    }
  }

  private async millisUntilNextTimer(): Promise<number> {
    const next = await this.timers.nextFireAt();
    if (!next) return this.options.maxSleepMs;
    const wait = next.getTime() - this.clock.now().getTime();
    // Still due after a full pass: another replica or a consumer holds it; look again shortly.
    if (wait <= 0) return this.options.contendedRetryMs;
    return Math.min(wait, this.options.maxSleepMs);
  }

  private onArmed(payload: string): void {
    const fireAt = Date.parse(payload);
    if (Number.isNaN(fireAt) || fireAt < this.sleepingUntil) this.wake();
  }

  private sleep(ms: number): Promise<void> {
    this.sleepingUntil = this.clock.now().getTime() + ms;
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.sleepingUntil = Number.POSITIVE_INFINITY;
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private record(latenessMs: number[]): void {
    if (latenessMs.length === 0) return;
    const histogram = this.metrics.histogram(
      'sla_timer_lateness_seconds',
      'Fired time minus due time of SLA timers',
      [],
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    );
    for (const ms of latenessMs) histogram.observe(Math.max(0, ms) / 1000);
    this.metrics.counter('sla_timers_fired_total', 'SLA timers fired').inc(latenessMs.length);
  }
}
