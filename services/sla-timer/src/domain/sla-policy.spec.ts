import { firstResponseClock, SlaPolicy } from './sla-policy';

const policies: SlaPolicy[] = [
  { id: 'fr-urgent', kind: 'first-response', urgency: 'urgent', targetMinutes: 15, businessTime: false },
  { id: 'fr-general', kind: 'first-response', urgency: 'general', targetMinutes: 60, businessTime: false },
];

describe('first-response clock', () => {
  it('gives an urgent complaint 15 minutes from receipt', () => {
    const clock = firstResponseClock(policies, 'urgent', new Date('2026-11-20T09:00:00Z'));
    expect(clock.dueAt.toISOString()).toBe('2026-11-20T09:15:00.000Z');
    expect(clock.policy.id).toBe('fr-urgent');
  });

  it('gives a general complaint one hour from receipt', () => {
    const clock = firstResponseClock(policies, 'general', new Date('2026-11-20T23:30:00Z'));
    expect(clock.dueAt.toISOString()).toBe('2026-11-21T00:30:00.000Z');
  });

  it('refuses to start a clock it has no policy for', () => {
    expect(() => firstResponseClock([], 'urgent', new Date())).toThrow('no first-response policy for urgent');
  });
});
