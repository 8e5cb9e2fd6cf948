import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';

/** Variables every service reads. Each service extends this with its own. */
export class ServiceEnv {
  /** HTTP port. */
  @IsInt() @Min(1) @Max(65535) PORT!: number;
  @IsOptional() @IsString() HOST: string = '0.0.0.0';
  /** postgres://<service role>@host:port/database; the role owns only this service's schema. */
  @Matches(/^postgres(ql)?:\/\//) DATABASE_URL!: string;
  /** Comma-separated host:port list. */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/) KAFKA_BROKERS!: string;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'verbose']) LOG_LEVEL: string = 'info';
  /** Bearer token verification: a PEM public key (newlines may be written as \\n), a JWKS URL, or inline JWKS JSON. */
  @IsOptional() @IsString() AUTH_JWT_PUBLIC_KEY?: string;
  // An empty value (a compose variable passed through unset) counts as absent.
  @ValidateIf((env: ServiceEnv) => !!env.AUTH_JWKS_URL) @Matches(/^https?:\/\//) AUTH_JWKS_URL?: string;
  @IsOptional() @IsString() AUTH_JWKS?: string;
  @IsOptional() @IsString() AUTH_JWT_ISSUER?: string;
  @IsOptional() @IsString() AUTH_JWT_AUDIENCE?: string;
  /** Per-client request rate (token bucket per token client id) and burst; 0 turns the limit off. */
  @IsOptional() @IsInt() @Min(0) RATE_LIMIT_PER_SECOND: number = 200;
  @IsOptional() @IsInt() @Min(0) RATE_LIMIT_BURST: number = 400;
  /**
   * Where a consumer group with no committed offsets starts: earliest (default; nothing retained is missed) or
   * latest (no replay of history, e.g. the first deploy of a service whose reactions must not repeat old news).
   */
  @IsOptional() @IsIn(['earliest', 'latest']) KAFKA_NEW_GROUP_START: string = 'earliest';
  /**
   * Consumers' fetches: the broker holds a fetch up to KAFKA_FETCH_MAX_WAIT_MS to gather KAFKA_FETCH_MIN_BYTES.
   * Raising the minimum gives fewer, fuller fetches and offset commits under light load, at up to the wait in
   * latency per hop. The defaults answer as soon as anything arrives.
   */
  @IsOptional() @IsInt() @Min(0) @Max(5000) KAFKA_FETCH_MAX_WAIT_MS: number = 1000;
  @IsOptional() @IsInt() @Min(1) KAFKA_FETCH_MIN_BYTES: number = 1;
  /**
   * How often consumers commit their progress (0: after every fetched batch). Progress not yet committed when a
   * process dies is read again after restart and stopped by the inbox: a longer interval means more repeated
   * reads after a crash, never a lost or doubled effect.
   */
  @IsOptional() @IsInt() @Min(0) @Max(60000) KAFKA_COMMIT_INTERVAL_MS: number = 1000;
  /** Suffix for consumer group ids, so a test can run a service with fresh groups. Empty in production. */
  @IsOptional() @Matches(/^[a-z0-9.-]*$/) KAFKA_GROUP_SUFFIX: string = '';
}
