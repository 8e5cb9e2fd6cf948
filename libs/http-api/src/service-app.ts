import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { rememberValidationMetadata } from '@complaints/contracts';
import { JsonLogger } from '@complaints/observability';
import { BearerAuthGuard } from './auth/bearer-auth.guard';
import { RateLimiter } from './auth/rate-limiter';
import { AuthSettings, TokenVerifier } from './auth/token-verifier';
import { answerClientErrorsAsProblems } from './client-errors';
import { correlationMiddleware } from './correlation.middleware';
import { ProblemDetailsFilter } from './problem-details.filter';
import { strictValidationPipe } from './validation';

export interface ServiceAppOptions {
  title: string;
  description: string;
  /** How bearer tokens are verified; every route but health and metrics needs one. */
  auth: AuthSettings;
  /** Requests per second per client (token bucket), and the burst; unset or 0 means no limit. */
  rateLimit?: { perSecond: number; burst: number };
  /** Request body limit; intake's largest valid body (10,000-char description, attachments) fits in 256 kB. */
  bodyLimit?: string;
}

/**
 * The same HTTP surface for every service: JSON logs, correlation ids, strict validation, problem+json errors,
 * OpenAPI at /docs, and shutdown hooks so SIGTERM drains the consumer and relay before the pool closes.
 */
export async function createServiceApp(
  module: DynamicModule,
  options: ServiceAppOptions,
): Promise<INestApplication> {
  rememberValidationMetadata();
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
  });
  const logger = app.get(JsonLogger);
  app.useLogger(logger);
  app.useBodyParser('json', {
    limit: options.bodyLimit ?? '256kb',
    type: ['application/json', 'application/*+json'],
  });
  app.use(correlationMiddleware);
  const limiter = options.rateLimit?.perSecond
    ? new RateLimiter(options.rateLimit.perSecond, options.rateLimit.burst)
    : undefined;
  app.useGlobalGuards(
    new BearerAuthGuard(app.get(Reflector), await TokenVerifier.create(options.auth), limiter),
  );
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.enableShutdownHooks();
  answerClientErrorsAsProblems(app.getHttpServer());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}

/**
 * A service's whole main(): validate the environment, build the app, listen. Start-up failures (bad config,
 * database or broker down) print the reason and exit non-zero so the supervisor restarts or alerts.
 */
export function runService<E extends { PORT: number; HOST: string } & AuthEnv>(
  name: string,
  readConfig: () => E,
  moduleFor: (env: E) => DynamicModule,
  options: Omit<ServiceAppOptions, 'auth'>,
): void {
  (async () => {
    const env = readConfig();
    const app = await createServiceApp(moduleFor(env), {
      ...options,
      auth: authSettingsFrom(env),
      rateLimit: { perSecond: env.RATE_LIMIT_PER_SECOND ?? 0, burst: env.RATE_LIMIT_BURST ?? 0 },
    });
    await app.listen(env.PORT, env.HOST);
  })().catch((error: unknown) => {
    process.stderr.write(
      `${name} failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}

/** The AUTH_* variables of ServiceEnv. */
export interface AuthEnv {
  RATE_LIMIT_PER_SECOND?: number;
  RATE_LIMIT_BURST?: number;
  AUTH_JWT_PUBLIC_KEY?: string;
  AUTH_JWKS_URL?: string;
  AUTH_JWKS?: string;
  AUTH_JWT_ISSUER?: string;
  AUTH_JWT_AUDIENCE?: string;
}

export function authSettingsFrom(env: AuthEnv): AuthSettings {
  return {
    publicKeyPem: env.AUTH_JWT_PUBLIC_KEY || undefined,
    jwksUrl: env.AUTH_JWKS_URL || undefined,
    jwksJson: env.AUTH_JWKS || undefined,
    issuer: env.AUTH_JWT_ISSUER || undefined,
    audience: env.AUTH_JWT_AUDIENCE || undefined,
  };
}
