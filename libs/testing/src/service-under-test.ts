import { randomBytes } from 'node:crypto';
import { DynamicModule, INestApplication } from '@nestjs/common';
import { createServiceApp } from '@complaints/http-api';

/** A 32-byte key ring entry `id:base64` for tests; every run gets fresh keys. */
export function testKeyRing(id = 'test-key-1'): { spec: string; id: string; raw: Buffer } {
  const raw = randomBytes(32);
  return { spec: `${id}:${raw.toString('base64')}`, id, raw };
}

/**
 * Boots a service's real Nest module exactly as main.ts does (validation, problem+json, relay, consumers) and
 * returns it initialised; tests talk to it through `app.getHttpServer()`.
 */
export async function startServiceApp(module: DynamicModule): Promise<INestApplication> {
  const app = await createServiceApp(module, { title: 'test', description: 'test' });
  await app.init();
  return app;
}
