import { randomUUID } from 'node:crypto';
import { TOPICS } from '@complaints/contracts';
import { baseServiceEnv, deliver, eventually, useServiceHarness } from '@complaints/testing';
import { SlaTimerEnv } from '../../src/config/sla-timer.env';
import { Clock } from '../../src/domain/clock';
import { SLA_TIMER_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { SLA_TIMER_SCHEMA, SlaTimerModule } from '../../src/sla-timer.module';
import { classified } from '../support/sla-timer-harness';

/** Real time, moved back to November 2026 like the other specs' complaints, running at real speed. */
const SHIFT_MS = Date.now() - Date.parse('2026-11-20T03:00:00.000Z');
const runningClock: Clock = { now: () => new Date(Date.now() - SHIFT_MS) };

describe('the scheduler sleeps until the next due timer and wakes when an earlier one is armed', () => {
  const harness = useServiceHarness({
    label: 'sla_timer_wake',
    schema: SLA_TIMER_SCHEMA,
    migrations: SLA_TIMER_MIGRATIONS,
    module: (url) =>
      SlaTimerModule.register(
        // A ten-minute safety-net sleep: anything faster than that is the wake-up and the sleep-until-due at work.
        Object.assign(new SlaTimerEnv(), baseServiceEnv(url), { SLA_SCHEDULER_MAX_SLEEP_MS: 600_000 }),
        { clock: runningClock },
      ),
    watch: [TOPICS.slaClocks],
  });

  it('fires overdue warnings as soon as they are armed, and the breach within a second of its due time', async () => {
    // Given a scheduler asleep with nothing due for ten minutes
    // When an urgent complaint received 14 minutes 56 seconds ago is classified (breach due in 4 seconds)
    const complaintId = randomUUID();
    const receivedAt = new Date(runningClock.now().getTime() - (14 * 60 + 56) * 1000);
    await deliver(harness.probe, classified(complaintId, receivedAt.toISOString(), { urgency: 'urgent' }));

    // Then both warnings (already past) and then the breach reach Kafka long before the ten-minute sleep ends
    const alerts = await eventually(
      () => {
        const found = harness.probe.records
          .filter((r) => r.key === complaintId)
          .map((r) => r.value as { type: string; data: { occurredAt: string; breachedAt?: string } })
          .filter((e) => e.type === 'sla.warning' || e.type === 'sla.breached');
        expect(found.map((e) => e.type)).toEqual(['sla.warning', 'sla.warning', 'sla.breached']);
        return found;
      },
      { timeoutMs: 30_000 },
    );
    // And the breach fired within a second of its due time: the scheduler slept until then, it did not poll
    const breach = alerts[2].data;
    const lateness = Date.parse(breach.occurredAt) - Date.parse(breach.breachedAt ?? '');
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(1000);
  });
});
