import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

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
  /** Suffix for consumer group ids, so a test can run a service with fresh groups. Empty in production. */
  @IsOptional() @Matches(/^[a-z0-9.-]*$/) KAFKA_GROUP_SUFFIX: string = '';
}
