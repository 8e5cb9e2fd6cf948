import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from 'pg';
import { HealthRegistry, JsonLogger } from '@complaints/observability';
import { FireAcknowledgementTimersService } from '../../application/fire-acknowledgement-timers.service';
import { TIMER_CHANNEL } from '../../application/ports/timer-store';
import { Clock, CLOCK } from '../../domain/clock';

export const TIMER_SCHEDULER_OPTIONS = Symbol('TimerSchedulerOptions');

export interface TimerSchedulerOptions {
  /** The LISTEN connection's URL (the service's own database and role). */
  databaseUrl: string;
  /**
   * The longest sleep between passes: covers a NOTIFY missed while the listener reconnects, and a clock that
   * jumps (a test's fake clock).
   */
  maxSleepMs: number;
}

/**
 * Fires acknowledgement timers for the life of the app: fire what is due, then sleep until the earliest timer is
 * due (at most maxSleepMs). A new timer NOTIFYs on commit, so an escalation with an earlier window wakes the
 * scheduler to plan again. Every replica runs one; SKIP LOCKED claims keep them from firing a timer twice.
 */
@Injectable()
export class AcknowledgementTimerScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  /** A wake-up that arrived during a pass, so the loop does not sleep past it. */
  private woken = false;
  private listener?: Client;
  private lastSuccess = Date.now();
  private lastError?: string;

  constructor(
    @Inject(FireAcknowledgementTimersService) private readonly timers: FireAcknowledgementTimersService,
    @Inject(TIMER_SCHEDULER_OPTIONS) private readonly options: TimerSchedulerOptions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JsonLogger) private readonly logger: JsonLogger,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    await this.listen();
    this.loop = this.run();
    this.health.register({ name: 'acknowledgement-timers', check: () => this.check() });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Plans again at once (a new timer was added, or a test moved its clock). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async check(): Promise<void> {
    if (!this.running) throw new Error('the acknowledgement timer scheduler is not running');
    if (this.lastError && Date.now() - this.lastSuccess > 10 * this.options.maxSleepMs) {
      throw new Error(`acknowledgement timers failing: ${this.lastError}`);
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sleepMs = this.options.maxSleepMs;
      try {
        if (!this.listener) await this.listen();
        this.woken = false;
        await this.timers.fireDue();
        const next = await this.timers.nextDue();
        if (next) sleepMs = Math.min(sleepMs, Math.max(0, next.getTime() - this.clock.now().getTime()));
        this.lastSuccess = Date.now();
        this.lastError = undefined;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.warn('acknowledgement timer pass failed; retrying', { error: this.lastError });
        sleepMs = Math.min(sleepMs, 1000);
      }
      await this.sleep(sleepMs);
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
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: 'escalation-timers',
    });
    const lost = (reason: string) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      if (this.running) this.logger.warn('timer wake-up listener lost; polling until it is back', { reason });
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${TIMER_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger.warn('timer wake-up listener not available; polling', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
