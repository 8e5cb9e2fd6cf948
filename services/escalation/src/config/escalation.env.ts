import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ServiceEnv } from '@complaints/config';

export class EscalationEnv extends ServiceEnv {
  /**
   * The acknowledgement-timer scheduler sleeps until the next timer is due, at most this long: a safety net for a
   * wake-up missed while its listener reconnects. Operations data, not policy (the windows are in the matrix).
   */
  @IsOptional() @IsInt() @Min(10) @Max(600_000) ACKNOWLEDGEMENT_TIMER_MAX_SLEEP_MS: number = 30_000;
}
