import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { baseServiceEnv, bearer, startServiceApp, testKeyRing } from '@complaints/testing';
import { IntakeEnv } from '../src/config/intake.env';
import { IntakeModule } from '../src/intake.module';

/** Key rings for one intake under test; pass the same object again to restart with the same keys. */
export function intakeKeys() {
  return {
    pii: testKeyRing('pii-1'),
    contact: testKeyRing('contact-1'),
    hash: testKeyRing('hash').raw.toString('base64'),
  };
}

/** Boots intake's real module on a prepared database (see createTestDatabase().prepareSchema). */
export function startIntake(
  databaseUrl: string,
  keys: ReturnType<typeof intakeKeys>,
  overrides: Partial<IntakeEnv> = {},
  rateLimit?: { perSecond: number; burst: number },
): Promise<INestApplication> {
  const env = Object.assign(new IntakeEnv(), baseServiceEnv(databaseUrl), {
    PII_KEYS: keys.pii.spec,
    PII_ACTIVE_KEY: keys.pii.id,
    CONTACT_KEYS: keys.contact.spec,
    CONTACT_ACTIVE_KEY: keys.contact.id,
    CUSTOMER_HASH_KEY: keys.hash,
    REFERENCE_TIME_ZONE: 'Asia/Shanghai',
    ...overrides,
  });
  return startServiceApp(IntakeModule.register(env), rateLimit);
}

export function complaintBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'mobile-app',
    customer: {
      name: '张三',
      phone: '13800138000',
      email: 'zhang.san@example.com',
      idNumber: '110101199003071234',
      segment: 'individual',
      vulnerable: ['elderly'],
      preferredLanguage: 'zh-CN',
      contactPreference: 'sms',
    },
    subject: '信用卡被盗刷',
    description: '我的信用卡 6222021234567890 昨晚被盗刷了 12000 元，请尽快处理。',
    amount: { value: '12000.00', currency: 'CNY' },
    ...overrides,
  };
}

/** Files a complaint as a channel and returns the 201 body. */
export async function fileComplaint(
  app: INestApplication,
  body = complaintBody(),
): Promise<{ id: string; reference: string }> {
  const res = await request(app.getHttpServer())
    .post('/v1/complaints')
    .set('authorization', await bearer(['complaints:write'], 'mobile-app-gateway'))
    .set('Idempotency-Key', `key-${randomUUID()}`)
    .send(body)
    .expect(201);
  return res.body as { id: string; reference: string };
}
