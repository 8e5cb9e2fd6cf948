import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ServiceEnv } from '@complaints/config';

export class SlaTimerEnv extends ServiceEnv {
  /** `false` runs an API-and-consumer replica that fires no timers (other replicas do). */
  @IsOptional() @IsIn(['true', 'false']) SLA_SCHEDULER_ENABLED: string = 'true';
  /** Timers claimed per transaction. */
  @IsOptional() @IsInt() @Min(1) @Max(10_000) SLA_SCHEDULER_BATCH_SIZE: number = 500;
  /** Longest sleep without a NOTIFY (a safety net; the scheduler sleeps until the next due timer). */
  @IsOptional() @IsInt() @Min(100) @Max(3_600_000) SLA_SCHEDULER_MAX_SLEEP_MS: number = 60_000;
  /** Pause before retrying due timers held by another replica or a consumer. */
  @IsOptional() @IsInt() @Min(1) @Max(10_000) SLA_SCHEDULER_CONTENDED_RETRY_MS: number = 50;
}
