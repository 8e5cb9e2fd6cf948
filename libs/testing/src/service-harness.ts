import { DynamicModule } from '@nestjs/common';
import { MigrationInterface } from 'typeorm';
import { eventually } from './eventually';
import { bootServiceForTest, ServiceUnderTest } from './service-under-test';
import { testInfra } from './test-infra';
import { ObservedRecord, TopicProbe } from './topic-probe';

export interface ServiceHarness {
  readonly service: ServiceUnderTest;
  readonly probe: TopicProbe;
}

/**
 * Registers beforeAll/afterAll that boot a service on a fresh database and the test broker, with a probe on the
 * topics the test watches. Call at the top of a describe block; read `harness.service` / `harness.probe` in tests.
 */
export function useServiceHarness(options: {
  label: string;
  schema: string;
  migrations: (new () => MigrationInterface)[];
  module: (databaseUrl: string) => DynamicModule;
  watch: string[];
}): ServiceHarness {
  const state: { service?: ServiceUnderTest; probe?: TopicProbe } = {};
  beforeAll(async () => {
    state.probe = await new TopicProbe(testInfra().brokers, options.watch).start();
    state.service = await bootServiceForTest(options);
  });
  afterAll(async () => {
    await state.service?.stop();
    await state.probe?.stop();
  });
  return {
    get service(): ServiceUnderTest {
      if (!state.service) throw new Error('the service is not up: use the harness inside tests only');
      return state.service;
    },
    get probe(): TopicProbe {
      if (!state.probe) throw new Error('the probe is not up: use the harness inside tests only');
      return state.probe;
    },
  };
}

/**
 * Waits until the probe has seen exactly one record with this key (and, when given, this event type: a topic
 * often carries several types for one complaint), and returns it.
 */
export function theOnlyRecord(
  probe: TopicProbe,
  key: string,
  options: { type?: string; timeoutMs?: number } = {},
): Promise<ObservedRecord> {
  return eventually(
    () => {
      const found = probe.records.filter(
        (r) => r.key === key && (!options.type || r.headers['ce_type'] === options.type),
      );
      if (found.length !== 1) {
        throw new Error(`expected one ${options.type ?? 'record'} with key ${key}, saw ${found.length}`);
      }
      return found[0];
    },
    { timeoutMs: options.timeoutMs },
  );
}
