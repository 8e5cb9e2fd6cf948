import { higherLevel, Level, levelAbove } from '../level';
import { EscalationMatrix, levelPolicy, teamAt } from '../matrix/escalation-matrix';
import { route } from '../routing/routing';
import { CaseEffect, EscalationTrigger } from './case-effects';
import { CaseState, ClassificationFacts, ClockWarning, PendingTrigger, SETTLED_STATUSES } from './case-state';

export interface BreachFact {
  clockId: string;
  clock: string;
  dueAt: Date;
  breachedAt: Date;
}

/** A lifecycle event reduced to what escalation needs: the complaint's version and status after it. */
export interface LifecycleFact {
  version: number;
  status: string;
  at: Date;
}

/** The escalation is not the complaint's open one (acknowledged, superseded or closed already). */
export class EscalationNotOpenError extends Error {
  constructor(readonly escalationId: string) {
    super(`escalation ${escalationId} is not open`);
    this.name = 'EscalationNotOpenError';
  }
}

/**
 * One complaint's escalation state and the rules that move it. Each method applies one fact at `now` and records
 * effects; facts that are older than what the case already knows (classification revision, lifecycle version)
 * change nothing, and triggers that arrive before the complaint is routed wait until it is.
 */
export class EscalationCase {
  private readonly recorded: CaseEffect[] = [];

  constructor(
    private readonly state: CaseState,
    private readonly matrix: EscalationMatrix,
    private readonly now: Date,
    private readonly newId: () => string,
  ) {}

  get snapshot(): CaseState {
    return this.state;
  }

  get effects(): CaseEffect[] {
    return this.recorded;
  }

  /** complaint.classified / reclassified: route (first time) or move (a newer revision that routes elsewhere). */
  classify(facts: ClassificationFacts): void {
    if (this.state.facts && facts.revision <= this.state.facts.revision) return;
    this.state.facts = facts;
    const decision = route(facts, this.matrix);
    const current = this.state.ownership;
    if (!current) {
      this.state.ownership = {
        routedTeam: decision.routedTeam,
        team: decision.team,
        level: decision.level,
        ruleId: decision.ruleId,
        assignedAt: this.now,
      };
      this.record({
        kind: 'assigned',
        team: decision.team,
        level: decision.level,
        ruleId: decision.ruleId,
        matrixVersion: this.matrix.version,
        reason: decision.reason,
        assignedAt: this.now,
      });
      this.observe('complaints', facts.receivedAt, true);
      this.applyPending();
      return;
    }
    // A reclassification never lowers the level the complaint has reached; it may move it to another team.
    const level = higherLevel(current.level, decision.level);
    const team = teamAt(this.matrix, level, decision.routedTeam);
    if (team === current.team && level === current.level && decision.routedTeam === current.routedTeam)
      return;
    this.state.ownership = {
      ...current,
      routedTeam: decision.routedTeam,
      team,
      level,
      ruleId: decision.ruleId,
      assignedAt: this.now,
    };
    this.record({
      kind: 'assigned',
      team,
      level,
      ruleId: decision.ruleId,
      matrixVersion: this.matrix.version,
      reason: `reclassified (revision ${facts.revision}): ${decision.reason}`,
      assignedAt: this.now,
      previous: { team: current.team, level: current.level },
    });
  }

  /** sla.breached: counts towards the breach rates and escalates one level while the complaint is unsettled. */
  breach(fact: BreachFact): void {
    if (!this.state.ownership) {
      const { clockId, clock, dueAt, breachedAt } = fact;
      this.keep({ kind: 'breach', clockId, clock, dueAt, breachedAt });
      return;
    }
    this.observe('breaches', fact.breachedAt, true);
    if (this.settled) return;
    this.escalate(
      'sla-breached',
      `the ${fact.clock} clock breached at ${fact.breachedAt.toISOString()}`,
      fact.clock,
    );
  }

  /** sla.warning: kept as the complaint's latest warning (the newest by when it happened). */
  warn(warning: ClockWarning): void {
    const last = this.state.lastWarning;
    if (last && last.occurredAt.getTime() >= warning.occurredAt.getTime()) return;
    this.state.lastWarning = warning;
  }

  /** complaint.reopened: a reopened complaint goes up one level. */
  reopen(fact: LifecycleFact): void {
    if (!this.noteLifecycle(fact)) return;
    if (!this.state.ownership) {
      this.keep({ kind: 'reopened', version: fact.version, at: fact.at });
      return;
    }
    this.escalate('reopened', `reopened at ${fact.at.toISOString()}`);
  }

  /** complaint.resolved / closed / withdrawn: the resolution closes the open escalation. */
  settle(fact: LifecycleFact): void {
    if (!this.noteLifecycle(fact)) return;
    this.closeOpenEscalation(`complaint ${fact.status}`);
  }

  /** complaint.feedback-received: a score counts towards the low-satisfaction share. */
  feedback(fact: LifecycleFact & { satisfaction: number }): void {
    this.noteLifecycle(fact);
    if (!this.state.ownership) {
      this.keep({ kind: 'feedback', satisfaction: fact.satisfaction, at: fact.at });
      return;
    }
    this.observe('low-satisfaction', fact.at, fact.satisfaction <= this.matrix.risk.lowSatisfactionAtMost);
  }

  /** The receiving level acknowledged the escalation; throws EscalationNotOpenError when it is not open. */
  acknowledge(escalationId: string, actor: string, note?: string): void {
    const open = this.state.openEscalation;
    if (!open || open.id !== escalationId) throw new EscalationNotOpenError(escalationId);
    this.state.openEscalation = null;
    this.record({ kind: 'acknowledged', escalationId, level: open.level, actor, note, at: this.now });
  }

  /**
   * The acknowledgement window of an escalation ended. If it is still the open one, it goes up again, as the
   * current matrix allows; an escalation acknowledged, superseded or closed meanwhile changes nothing.
   */
  acknowledgementOverdue(escalationId: string): void {
    const open = this.state.openEscalation;
    if (!open || open.id !== escalationId || this.settled) return;
    if (!levelPolicy(this.matrix, open.level).escalateWhenUnacknowledged) return;
    this.escalate(
      'not-acknowledged',
      `${open.level} did not acknowledge by ${open.acknowledgeBy.toISOString()}`,
    );
  }

  private get settled(): boolean {
    return this.state.lifecycle.status !== null && SETTLED_STATUSES.includes(this.state.lifecycle.status);
  }

  /** Records a newer lifecycle version; false when the fact is stale (an older version arrived late). */
  private noteLifecycle(fact: LifecycleFact): boolean {
    if (fact.version <= this.state.lifecycle.version) return false;
    this.state.lifecycle = { version: fact.version, status: fact.status };
    return true;
  }

  private escalate(trigger: EscalationTrigger, reason: string, breachedClock?: string): void {
    const ownership = this.state.ownership;
    if (!ownership) return;
    const toLevel: Level | null = levelAbove(ownership.level);
    // At the top there is nowhere to go: the fact still counted, and the open escalation stays as it is.
    if (!toLevel) return;
    const policy = levelPolicy(this.matrix, toLevel);
    if (policy.acknowledgeWithinMinutes === undefined) {
      throw new Error(`the escalation matrix gives ${toLevel} no acknowledgement window`);
    }
    const acknowledgeBy = new Date(this.now.getTime() + policy.acknowledgeWithinMinutes * 60_000);
    const team = teamAt(this.matrix, toLevel, ownership.routedTeam);
    const escalationId = this.newId();
    const supersedes = this.state.openEscalation?.id ?? null;
    this.record({
      kind: 'escalated',
      escalationId,
      fromLevel: ownership.level,
      toLevel,
      team,
      trigger,
      reason,
      ...(breachedClock ? { breachedClock } : {}),
      escalatedAt: this.now,
      acknowledgeBy,
      reescalateAt: policy.escalateWhenUnacknowledged && levelAbove(toLevel) ? acknowledgeBy : null,
      supersedes,
      matrixVersion: this.matrix.version,
    });
    this.state.ownership = { ...ownership, team, level: toLevel };
    this.state.openEscalation = { id: escalationId, level: toLevel, acknowledgeBy };
  }

  private closeOpenEscalation(reason: string): void {
    const open = this.state.openEscalation;
    if (!open) return;
    this.state.openEscalation = null;
    this.record({ kind: 'escalation-closed', escalationId: open.id, reason, at: this.now });
  }

  /** Counts a fact towards the risk rates; a case routed before facts were kept (older data) has no dimensions. */
  private observe(metric: 'complaints' | 'breaches' | 'low-satisfaction', at: Date, hit: boolean): void {
    const { facts, ownership } = this.state;
    if (!facts || !ownership) return;
    this.record({
      kind: 'observed',
      metric,
      at,
      hit,
      dimensions: { category: facts.category, channel: facts.channel, team: ownership.team },
    });
  }

  private keep(trigger: PendingTrigger): void {
    if (!this.state.pending.some((p) => sameTrigger(p, trigger)))
      this.state.pending = [...this.state.pending, trigger];
  }

  /** Applies the triggers that waited for the routing, oldest first, as if they arrived now. */
  private applyPending(): void {
    const waiting = [...this.state.pending].sort((a, b) => timeOf(a) - timeOf(b));
    this.state.pending = [];
    for (const trigger of waiting) {
      switch (trigger.kind) {
        case 'breach':
          this.breach(trigger);
          break;
        case 'reopened':
          // Only while the complaint is still open: a later resolution makes the reopening moot.
          if (!this.settled) {
            this.escalate('reopened', `reopened at ${trigger.at.toISOString()}`);
          }
          break;
        case 'feedback':
          this.observe(
            'low-satisfaction',
            trigger.at,
            trigger.satisfaction <= this.matrix.risk.lowSatisfactionAtMost,
          );
          break;
      }
    }
  }

  private record(effect: CaseEffect): void {
    this.recorded.push(effect);
  }
}

/** The same fact twice: one breach is a clock and due time, one reopening a version, one score a time. */
function sameTrigger(a: PendingTrigger, b: PendingTrigger): boolean {
  if (a.kind === 'breach' && b.kind === 'breach') {
    return a.clockId === b.clockId && a.dueAt.getTime() === b.dueAt.getTime();
  }
  if (a.kind === 'reopened' && b.kind === 'reopened') return a.version === b.version;
  if (a.kind === 'feedback' && b.kind === 'feedback') {
    return a.at.getTime() === b.at.getTime() && a.satisfaction === b.satisfaction;
  }
  return false;
}

function timeOf(trigger: PendingTrigger): number {
  return (trigger.kind === 'breach' ? trigger.breachedAt : trigger.at).getTime();
}
