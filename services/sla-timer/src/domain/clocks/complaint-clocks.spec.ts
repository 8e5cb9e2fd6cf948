import { CalendarBook } from '../calendar/calendar-book';
import { ClockTarget, PolicySet } from '../policy/sla-policy';
import { ClockChange } from './clock-change';
import { Classification, ComplaintTrack } from './complaint-track';
import { ClockRules, ComplaintClocks } from './complaint-clocks';
import { LifecycleFact } from './lifecycle-fact';
import { SlaClock } from './sla-clock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const target = (kind: ClockTarget['kind'], amount: number, unit: ClockTarget['unit']): ClockTarget => ({
  kind,
  amount,
  unit,
  basis: '24x7',
  pauseWhileAwaitingCustomer: kind === 'resolution',
  restartOnReopen: kind !== 'first-response',
});
/** The defaults of the standards (domain-requirements §4.1, §4.3). */
const policies: PolicySet = {
  version: 1,
  policies: [
    {
      id: 'urgent',
      match: { urgencies: ['urgent'] },
      calendarId: 'cn',
      warningFractions: [0.5, 0.8],
      targets: [
        target('first-response', 15, 'minutes'),
        target('resolution', 24, 'hours'),
        target('regulatory-decision', 15, 'days'),
      ],
    },
    {
      id: 'general',
      match: {},
      calendarId: 'cn',
      warningFractions: [0.5, 0.8],
      targets: [
        target('first-response', 60, 'minutes'),
        target('resolution', 72, 'hours'),
        target('regulatory-decision', 15, 'days'),
      ],
    },
  ],
};
const office = [{ from: '09:00', to: '17:00' }];
const calendars = new CalendarBook({
  version: 1,
  calendars: [
    {
      id: 'cn',
      timeZone: 'Asia/Shanghai',
      weeklyHours: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
      holidays: [],
      makeUpWorkingDays: [],
    },
  ],
});
const RECEIVED = new Date('2026-11-20T01:00:00.000Z'); // 09:00 in Shanghai
const at = (minutesAfterReceipt: number) => new Date(RECEIVED.getTime() + minutesAfterReceipt * MINUTE);
const cause = { correlation: 'corr-1', causedBy: '00000000-0000-4000-8000-000000000001' };

function classification(urgency: 'urgent' | 'general', revision = 1): Classification {
  return {
    priority: 'P1',
    urgency,
    category: 'account-and-transaction',
    channel: 'mobile-app',
    receivedAt: RECEIVED,
    revision,
  };
}
const fact = (
  type: LifecycleFact['type'],
  version: number,
  minutes: number,
  extra: Partial<LifecycleFact> = {},
): LifecycleFact => ({
  type,
  version,
  status: type,
  occurredAt: at(minutes),
  ...extra,
});

/** A complaint's clocks carried from one event to the next, as the store would. */
class Complaint {
  private track: ComplaintTrack = { complaintId: 'c-1', lifecycleVersion: 1 };
  private readonly clocks = new Map<string, SlaClock>();
  private ids = 0;
  private readonly rules: ClockRules;

  constructor(policySet: PolicySet = policies) {
    this.rules = { policies: policySet, calendars, newId: () => `clock-${++this.ids}` };
  }

  run(step: (clocks: ComplaintClocks) => unknown): { outcome: unknown; changes: ClockChange[] } {
    const aggregate = new ComplaintClocks(this.track, [...this.clocks.values()], this.rules);
    const outcome = step(aggregate);
    this.track = aggregate.track;
    for (const change of aggregate.changes) this.clocks.set(change.clock.id, change.clock);
    return { outcome, changes: aggregate.changes };
  }

  /** What a jsonb column does to the stored terms: same values, keys in another order. */
  reloadTermsInReverseKeyOrder(): void {
    const reversed = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    for (const [id, clock] of this.clocks) {
      const terms = reversed(clock.terms);
      this.clocks.set(id, { ...clock, terms: { ...terms, target: reversed(terms.target) } });
    }
  }

  clock(kind: SlaClock['kind']): SlaClock {
    return [...this.clocks.values()].filter((c) => c.kind === kind).sort((a, b) => b.cycle - a.cycle)[0];
  }
}

const summary = (changes: ClockChange[]) => changes.map((c) => `${c.event.type} ${c.clock.kind}`);

describe('the clocks of one complaint', () => {
  it('starts the three clocks of the matching policy from receipt when the complaint is classified', () => {
    // Given an urgent complaint received at 09:00 Shanghai time
    const complaint = new Complaint();
    // When it is classified
    const { changes } = complaint.run((c) => c.classify(classification('urgent'), cause));
    // Then first response is due in 15 minutes, resolution in 24 hours, the decision at the end of Dec 5
    expect(summary(changes)).toEqual([
      'sla.started first-response',
      'sla.started resolution',
      'sla.started regulatory-decision',
    ]);
    expect(complaint.clock('first-response').dueAt).toEqual(at(15));
    expect(complaint.clock('resolution').dueAt).toEqual(at(24 * 60));
    expect(complaint.clock('regulatory-decision').dueAt).toEqual(new Date('2026-12-05T16:00:00.000Z'));
    expect(changes[0].timers.map((t) => t.purpose)).toEqual(['warning:0.5', 'warning:0.8', 'breach']);
  });

  it('meets the first-response clock on acknowledgement, with the margin left', () => {
    // Given a classified urgent complaint, When an agent acknowledges it after 10 minutes
    const complaint = new Complaint();
    complaint.run((c) => c.classify(classification('urgent'), cause));
    const { changes } = complaint.run((c) => c.apply(fact('acknowledged', 2, 10), cause));
    // Then the first-response clock is met 5 minutes early, and its timers are disarmed
    expect(changes).toHaveLength(1);
    expect(changes[0].event).toEqual({ type: 'sla.met', metAt: at(10), marginMs: 5 * MINUTE });
    expect(changes[0].timers).toEqual([]);
    expect(complaint.clock('resolution').state).toBe('running');
  });

  it('defers a lifecycle event that arrives before the classification', () => {
    const complaint = new Complaint();
    const { outcome, changes } = complaint.run((c) => c.apply(fact('acknowledged', 2, 10), cause));
    expect(outcome).toBe('deferred');
    expect(changes).toEqual([]);
  });

  it('ignores a stale lifecycle version and a stale classification revision', () => {
    // Given a complaint classified at revision 2 and acknowledged at version 3
    const complaint = new Complaint();
    complaint.run((c) => c.classify(classification('general', 2), cause));
    complaint.run((c) => c.apply(fact('acknowledged', 3, 10), cause));
    // When revision 1 and lifecycle version 2 arrive late, Then nothing changes
    expect(complaint.run((c) => c.classify(classification('urgent', 1), cause))).toEqual({
      outcome: 'stale',
      changes: [],
    });
    expect(complaint.run((c) => c.apply(fact('resolved', 2, 20), cause))).toEqual({
      outcome: 'stale',
      changes: [],
    });
  });

  it('pauses the resolution clock while the customer is asked, and resumes it with the wait not counted', () => {
    // Given an urgent complaint, When information is asked after 60 minutes and given after 300
    const complaint = new Complaint();
    complaint.run((c) => c.classify(classification('urgent'), cause));
    const paused = complaint.run((c) => c.apply(fact('awaiting-customer', 2, 60), cause)).changes;
    // Then asking counts as the first response, and the resolution clock pauses with 23 hours left
    expect(summary(paused)).toEqual(['sla.met first-response', 'sla.paused resolution']);
    expect(paused[1].event).toEqual({
      type: 'sla.paused',
      previousDueAt: at(24 * 60),
      remainingMs: 23 * HOUR,
    });
    expect(complaint.clock('regulatory-decision').state).toBe('running');
    const resumed = complaint.run((c) => c.apply(fact('customer-replied', 3, 300), cause)).changes;
    // And on the reply it resumes, due 4 hours (the wait) later than before
    expect(summary(resumed)).toEqual(['sla.resumed resolution']);
    expect(complaint.clock('resolution').dueAt).toEqual(at(24 * 60 + 240));
  });

  it('meets resolution and the regulatory decision on resolution, even while paused', () => {
    const complaint = new Complaint();
    complaint.run((c) => c.classify(classification('urgent'), cause));
    complaint.run((c) => c.apply(fact('awaiting-customer', 2, 60), cause));
    const { changes } = complaint.run((c) => c.apply(fact('resolved', 3, 120), cause));
    expect(summary(changes)).toEqual(['sla.met resolution', 'sla.met regulatory-decision']);
    // The paused hour does not count, so 23 hours of the 24 were still left when it was resolved
    expect(changes[0].event).toMatchObject({ marginMs: 23 * HOUR });
  });

  it('reports a late meeting with a negative margin', () => {
    const complaint = new Complaint();
    complaint.run((c) => c.classify(classification('urgent'), cause));
    const { changes } = complaint.run((c) => c.apply(fact('acknowledged', 2, 20), cause));
    expect(changes[0].event).toMatchObject({ type: 'sla.met', marginMs: -5 * MINUTE });
  });

  it('cancels every open clock when the complaint is withdrawn', () => {
    const complaint = new Complaint();
    complaint.run((c) => c.classify(classification('general'), cause));
    complaint.run((c) => c.apply(fact('acknowledged', 2, 5), cause));
    const { changes } = complaint.run((c) => c.apply(fact('withdrawn', 3, 30), cause));
    expect(summary(changes)).toEqual(['sla.cancelled resolution', 'sla.cancelled regulatory-decision']);
    expect(changes[0].event).toEqual({ type: 'sla.cancelled', reason: 'complaint withdrawn' });
  });

  it('starts new cycles of the resolution and regulatory clocks, with new ids, when the complaint is reopened', () => {
    // Given a resolved complaint
    const complaint = new Complaint();
    complaint.run((c) => c.classify(classification('general'), cause));
    complaint.run((c) => c.apply(fact('resolved', 2, 600), cause));
    const before = complaint.clock('resolution');
    // When it is reopened two days later
    const { changes } = complaint.run((c) => c.apply(fact('reopened', 3, 2 * 24 * 60), cause));
    // Then both clocks start again from the reopening, 72 hours and 15 days ahead
    expect(summary(changes)).toEqual(['sla.started resolution', 'sla.started regulatory-decision']);
    const after = complaint.clock('resolution');
    expect(after).toMatchObject({ cycle: 2, startedAt: at(2 * 24 * 60), dueAt: at(5 * 24 * 60) });
    expect(after.id).not.toBe(before.id);
    expect(changes[0].event).toEqual({ type: 'sla.started', trigger: 'reopened' });
  });

  it('recomputes open clocks when a reclassification changes the policy, leaving met clocks alone', () => {
    // Given a general complaint acknowledged in time
    const complaint = new Complaint();
    complaint.run((c) => c.classify(classification('general'), cause));
    complaint.run((c) => c.apply(fact('acknowledged', 2, 30), cause));
    // When it is reclassified as urgent
    const { changes } = complaint.run((c) => c.classify(classification('urgent', 2), cause));
    // Then the resolution clock shrinks from 72 to 24 hours from receipt; the decision deadline stays put
    expect(summary(changes)).toEqual(['sla.started resolution', 'sla.started regulatory-decision']);
    expect(complaint.clock('resolution').dueAt).toEqual(at(24 * 60));
    expect(complaint.clock('resolution').terms.policyId).toBe('urgent');
    expect(complaint.clock('regulatory-decision').dueAt).toEqual(new Date('2026-12-05T16:00:00.000Z'));
    expect(complaint.clock('first-response').state).toBe('met');
    expect(changes[0].event).toEqual({ type: 'sla.started', trigger: 'reclassified' });
  });

  it('leaves clocks alone when a reclassification keeps the same policy, whatever order stored terms come back in', () => {
    // Given a general complaint whose clocks were stored and read back (jsonb reorders an object's keys)
    const complaint = new Complaint();
    complaint.run((c) => c.classify(classification('general'), cause));
    complaint.reloadTermsInReverseKeyOrder();
    // When a reclassification changes the priority but not the policy
    const { changes } = complaint.run((c) =>
      c.classify({ ...classification('general', 2), priority: 'P3' }, cause),
    );
    // Then nothing is re-announced
    expect(changes).toEqual([]);
  });

  it('extends the regulatory decision to 30 days, and a later reclassification keeps the extension', () => {
    const complaint = new Complaint();
    complaint.run((c) => c.classify(classification('general'), cause));
    const { changes } = complaint.run((c) =>
      c.apply(fact('deadline-extended', 2, 60, { newTotalDays: 30 }), cause),
    );
    expect(summary(changes)).toEqual(['sla.started regulatory-decision']);
    expect(complaint.clock('regulatory-decision').dueAt).toEqual(new Date('2026-12-20T16:00:00.000Z'));
    complaint.run((c) => c.classify(classification('urgent', 2), cause));
    expect(complaint.clock('regulatory-decision').terms.target.amount).toBe(30);
  });

  it('cancels open clocks when the complaint is closed unresolved', () => {
    const complaint = new Complaint();
    complaint.run((c) => c.classify(classification('general'), cause));
    const { changes } = complaint.run((c) => c.apply(fact('closed', 2, 60), cause));
    expect(summary(changes)).toEqual([
      'sla.cancelled first-response',
      'sla.cancelled resolution',
      'sla.cancelled regulatory-decision',
    ]);
  });

  it('starts no clock of a kind the matching policy has no target for', () => {
    const firstResponseOnly: PolicySet = {
      version: 7,
      policies: [{ ...policies.policies[1], targets: [target('first-response', 60, 'minutes')] }],
    };
    const complaint = new Complaint(firstResponseOnly);
    const { changes } = complaint.run((c) => c.classify(classification('general'), cause));
    expect(summary(changes)).toEqual(['sla.started first-response']);
    expect(changes[0].clock.terms).toMatchObject({ policyId: 'general', policyVersion: 7 });
  });
});
