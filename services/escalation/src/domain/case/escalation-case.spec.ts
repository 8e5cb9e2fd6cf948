import { EscalationMatrix } from '../matrix/escalation-matrix';
import { CaseEffect, Escalated } from './case-effects';
import { CaseState, ClassificationFacts, newCase } from './case-state';
import { EscalationCase, EscalationNotOpenError } from './escalation-case';

const matrix: EscalationMatrix = {
  version: 3,
  levels: [
    { level: 'L1', name: 'Frontline team', escalateWhenUnacknowledged: false },
    { level: 'L2', name: 'Team lead', acknowledgeWithinMinutes: 60, escalateWhenUnacknowledged: true },
    {
      level: 'L3',
      name: 'Complaint management',
      team: 'consumer-protection',
      acknowledgeWithinMinutes: 120,
      escalateWhenUnacknowledged: true,
    },
    {
      level: 'L4',
      name: 'Senior management and compliance',
      team: 'senior-management',
      acknowledgeWithinMinutes: 240,
      escalateWhenUnacknowledged: false,
    },
  ],
  routingRules: [
    { id: 'tech', order: 10, category: 'system-and-technical', team: 'technology' },
    { id: 'default', order: 1000, team: 'frontline' },
  ],
  startLevelRules: [{ id: 'high-risk', risk: 'high', level: 'L2' }],
  risk: { lowSatisfactionAtMost: 2, thresholds: [] },
};

const T0 = new Date('2026-11-20T09:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function facts(overrides: Partial<ClassificationFacts> = {}): ClassificationFacts {
  return {
    revision: 1,
    category: 'system-and-technical',
    channel: 'online-banking',
    risk: 'low',
    urgency: 'general',
    signals: [],
    vulnerable: [],
    receivedAt: minutes(-5),
    ...overrides,
  };
}

/** Applies one fact to the case at `now`, the way the application does: a fresh aggregate per event. */
function apply(state: CaseState, now: Date, act: (c: EscalationCase) => void, m = matrix): CaseEffect[] {
  let n = 0;
  const c = new EscalationCase(state, m, now, () => `esc-${now.getTime()}-${++n}`);
  act(c);
  return c.effects;
}

const breach = (clock = 'first-response', at = minutes(60)) => ({
  clockId: `clock-${clock}`,
  clock,
  dueAt: at,
  breachedAt: at,
});

const escalations = (effects: CaseEffect[]) => effects.filter((e): e is Escalated => e.kind === 'escalated');

describe('an escalation case', () => {
  it('assigns a classified complaint to its routed team and counts it once', () => {
    // Given a new case
    const state = newCase('c-1');
    // When the complaint is classified
    const effects = apply(state, T0, (c) => c.classify(facts()));
    // Then it is assigned to technology at L1 and counted as a complaint of its category, channel and team
    expect(effects).toEqual([
      expect.objectContaining({ kind: 'assigned', team: 'technology', level: 'L1', matrixVersion: 3 }),
      {
        kind: 'observed',
        metric: 'complaints',
        at: minutes(-5),
        hit: true,
        dimensions: { category: 'system-and-technical', channel: 'online-banking', team: 'technology' },
      },
    ]);
  });

  it('ignores a classification older than the one it has', () => {
    // Given a case classified at revision 2
    const state = newCase('c-1');
    apply(state, T0, (c) => c.classify(facts({ revision: 2 })));
    // When revision 1 arrives late
    const effects = apply(state, minutes(1), (c) => c.classify(facts({ revision: 1, category: 'other' })));
    // Then nothing changes
    expect(effects).toEqual([]);
    expect(state.ownership?.team).toBe('technology');
  });

  it('moves the complaint when a reclassification routes it elsewhere, never lowering its level', () => {
    // Given a technology complaint escalated to L2 by a breach
    const state = newCase('c-1');
    apply(state, T0, (c) => c.classify(facts()));
    apply(state, minutes(60), (c) => c.breach(breach()));
    // When it is reclassified as a general (frontline) complaint
    const effects = apply(state, minutes(70), (c) => c.classify(facts({ revision: 2, category: 'other' })));
    // Then it is reassigned to the frontline's L2, and the previous owner is named
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'assigned',
        team: 'frontline',
        level: 'L2',
        previous: { team: 'technology', level: 'L2' },
      }),
    ]);
  });

  it('escalates one level on a breach, with the receiving level acknowledgement window and the breached clock', () => {
    // Given an assigned complaint at L1
    const state = newCase('c-1');
    apply(state, T0, (c) => c.classify(facts()));
    // When its first-response clock breaches
    const effects = apply(state, minutes(60), (c) => c.breach(breach()));
    // Then the breach is counted and the complaint goes to L2 with 60 minutes to acknowledge
    expect(effects[0]).toMatchObject({
      kind: 'observed',
      metric: 'breaches',
      dimensions: { team: 'technology' },
    });
    expect(escalations(effects)).toEqual([
      {
        kind: 'escalated',
        escalationId: expect.any(String),
        fromLevel: 'L1',
        toLevel: 'L2',
        team: 'technology',
        trigger: 'sla-breached',
        reason: expect.stringContaining('first-response'),
        breachedClock: 'first-response',
        escalatedAt: minutes(60),
        acknowledgeBy: minutes(120),
        reescalateAt: minutes(120),
        supersedes: null,
        matrixVersion: 3,
      },
    ]);
    expect(state.openEscalation).toMatchObject({ level: 'L2', acknowledgeBy: minutes(120) });
  });

  it('keeps a breach that arrives before the classification and escalates once the complaint is routed', () => {
    // Given a breach for a complaint escalation has not seen classified yet
    const state = newCase('c-1');
    const early = apply(state, minutes(60), (c) => c.breach(breach()));
    expect(early).toEqual([]);
    expect(state.pending).toHaveLength(1);
    // When the classification arrives
    const effects = apply(state, minutes(61), (c) => c.classify(facts()));
    // Then the complaint is assigned, counted, and escalated for the breach
    expect(effects.map((e) => e.kind)).toEqual(['assigned', 'observed', 'observed', 'escalated']);
    expect(escalations(effects)[0]).toMatchObject({
      fromLevel: 'L1',
      toLevel: 'L2',
      trigger: 'sla-breached',
    });
    expect(state.pending).toEqual([]);
  });

  it('keeps one copy of the same early breach', () => {
    const state = newCase('c-1');
    apply(state, minutes(60), (c) => c.breach(breach()));
    apply(state, minutes(60), (c) => c.breach(breach()));
    expect(state.pending).toHaveLength(1);
  });

  it('re-escalates an unacknowledged escalation to the next level, supersedes it, and stops at the top', () => {
    // Given an escalation to L2
    const state = newCase('c-1');
    apply(state, T0, (c) => c.classify(facts()));
    const [toL2] = escalations(apply(state, minutes(60), (c) => c.breach(breach())));
    // When its window ends unacknowledged
    const [toL3] = escalations(
      apply(state, minutes(120), (c) => c.acknowledgementOverdue(toL2.escalationId)),
    );
    // Then it goes to L3, owned by the department, replacing the L2 escalation
    expect(toL3).toMatchObject({
      fromLevel: 'L2',
      toLevel: 'L3',
      team: 'consumer-protection',
      trigger: 'not-acknowledged',
      supersedes: toL2.escalationId,
      acknowledgeBy: minutes(240),
      reescalateAt: minutes(240),
    });
    // And from L3 to L4, where the window still applies but nothing goes higher
    const [toL4] = escalations(
      apply(state, minutes(240), (c) => c.acknowledgementOverdue(toL3.escalationId)),
    );
    expect(toL4).toMatchObject({ toLevel: 'L4', team: 'senior-management', reescalateAt: null });
    expect(apply(state, minutes(480), (c) => c.acknowledgementOverdue(toL4.escalationId))).toEqual([]);
  });

  it('does nothing when the window of an escalation that is no longer open ends', () => {
    // Given an escalation that was acknowledged
    const state = newCase('c-1');
    apply(state, T0, (c) => c.classify(facts()));
    const [toL2] = escalations(apply(state, minutes(60), (c) => c.breach(breach())));
    const ack = apply(state, minutes(70), (c) => c.acknowledge(toL2.escalationId, 'staff-1', 'on it'));
    expect(ack).toEqual([
      {
        kind: 'acknowledged',
        escalationId: toL2.escalationId,
        level: 'L2',
        actor: 'staff-1',
        note: 'on it',
        at: minutes(70),
      },
    ]);
    // When its timer fires anyway
    // Then nothing happens
    expect(apply(state, minutes(120), (c) => c.acknowledgementOverdue(toL2.escalationId))).toEqual([]);
  });

  it('refuses to acknowledge an escalation twice or one that was superseded', () => {
    const state = newCase('c-1');
    apply(state, T0, (c) => c.classify(facts()));
    const [toL2] = escalations(apply(state, minutes(60), (c) => c.breach(breach())));
    apply(state, minutes(61), (c) => c.breach(breach('resolution', minutes(61))));
    expect(() => apply(state, minutes(62), (c) => c.acknowledge(toL2.escalationId, 'staff-1'))).toThrow(
      EscalationNotOpenError,
    );
  });

  it('honours a matrix change: a level no longer set to re-escalate keeps its overdue escalation open', () => {
    const state = newCase('c-1');
    apply(state, T0, (c) => c.classify(facts()));
    const [toL2] = escalations(apply(state, minutes(60), (c) => c.breach(breach())));
    const relaxed: EscalationMatrix = {
      ...matrix,
      version: 4,
      levels: matrix.levels.map((l) => (l.level === 'L2' ? { ...l, escalateWhenUnacknowledged: false } : l)),
    };
    expect(apply(state, minutes(120), (c) => c.acknowledgementOverdue(toL2.escalationId), relaxed)).toEqual(
      [],
    );
    expect(state.openEscalation?.id).toBe(toL2.escalationId);
  });

  it('closes the open escalation on resolution, and a later breach no longer escalates', () => {
    // Given an open escalation
    const state = newCase('c-1');
    apply(state, T0, (c) => c.classify(facts()));
    const [toL2] = escalations(apply(state, minutes(60), (c) => c.breach(breach())));
    // When the complaint is resolved
    const closed = apply(state, minutes(90), (c) =>
      c.settle({ version: 4, status: 'resolved', at: minutes(90) }),
    );
    // Then the escalation closes
    expect(closed).toEqual([
      {
        kind: 'escalation-closed',
        escalationId: toL2.escalationId,
        reason: 'complaint resolved',
        at: minutes(90),
      },
    ]);
    // And a breach that arrives afterwards is counted but escalates nothing
    const late = apply(state, minutes(91), (c) => c.breach(breach('resolution', minutes(80))));
    expect(late.map((e) => e.kind)).toEqual(['observed']);
  });

  it('takes a reopened complaint up one level, and ignores a reopening older than what it knows', () => {
    // Given a resolved complaint at L1
    const state = newCase('c-1');
    apply(state, T0, (c) => c.classify(facts()));
    apply(state, minutes(30), (c) => c.settle({ version: 3, status: 'resolved', at: minutes(30) }));
    // When it is reopened
    const [up] = escalations(
      apply(state, minutes(40), (c) => c.reopen({ version: 4, status: 'reopened', at: minutes(40) })),
    );
    // Then it goes to L2
    expect(up).toMatchObject({ fromLevel: 'L1', toLevel: 'L2', trigger: 'reopened' });
    // And a stale reopening (version 2) changes nothing
    expect(
      apply(state, minutes(41), (c) => c.reopen({ version: 2, status: 'reopened', at: minutes(20) })),
    ).toEqual([]);
  });

  it('keeps a reopening that arrives before the classification, unless the complaint was settled again', () => {
    const reopenedFirst = newCase('c-1');
    apply(reopenedFirst, T0, (c) => c.reopen({ version: 4, status: 'reopened', at: T0 }));
    expect(escalations(apply(reopenedFirst, minutes(1), (c) => c.classify(facts())))).toHaveLength(1);

    const settledAgain = newCase('c-2');
    apply(settledAgain, T0, (c) => c.reopen({ version: 4, status: 'reopened', at: T0 }));
    apply(settledAgain, T0, (c) => c.settle({ version: 5, status: 'closed', at: T0 }));
    expect(escalations(apply(settledAgain, minutes(1), (c) => c.classify(facts())))).toEqual([]);
  });

  it('counts a low satisfaction score as a hit and a good one as a sample only', () => {
    const state = newCase('c-1');
    apply(state, T0, (c) => c.classify(facts()));
    const low = apply(state, minutes(1), (c) =>
      c.feedback({ version: 5, status: 'closed', at: minutes(1), satisfaction: 2 }),
    );
    const good = apply(state, minutes(2), (c) =>
      c.feedback({ version: 6, status: 'closed', at: minutes(2), satisfaction: 4 }),
    );
    expect(low).toEqual([expect.objectContaining({ metric: 'low-satisfaction', hit: true })]);
    expect(good).toEqual([expect.objectContaining({ metric: 'low-satisfaction', hit: false })]);
  });

  it('keeps the newest SLA warning only', () => {
    const state = newCase('c-1');
    const warning = {
      clockId: 'k',
      clock: 'resolution',
      threshold: 0.8,
      dueAt: minutes(100),
      occurredAt: minutes(80),
    };
    apply(state, minutes(80), (c) => c.warn(warning));
    apply(state, minutes(81), (c) => c.warn({ ...warning, threshold: 0.5, occurredAt: minutes(50) }));
    expect(state.lastWarning?.threshold).toBe(0.8);
  });
});
