import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidConfigurationError';
  }
}

/**
 * Reads and validates environment variables into a typed class. Every problem is reported at once, at start-up,
 * so a misconfigured service fails fast with the full list instead of one variable at a time.
 */
export function readEnv<T extends object>(shape: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const config = plainToInstance(
    shape,
    { ...env },
    { enableImplicitConversion: true, excludeExtraneousValues: false },
  );
  const errors = validateSync(config, { whitelist: true, skipMissingProperties: false });
  if (errors.length > 0) {
    throw new InvalidConfigurationError(
      errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`),
    );
  }
  return config;
}
