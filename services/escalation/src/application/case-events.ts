import {
  CLOCK_KINDS,
  ClockKind,
  ComplaintAssignedV1,
  ComplaintEscalatedV1,
  EscalationAcknowledgedV1,
} from '@complaints/contracts';
import { Acknowledged, Assigned, Escalated } from '../domain/case/case-effects';

/** The contract's bound on reasons: longer ones (many rule ids) are cut, never refused. */
const MAX_REASON = 500;

export function assignedEvent(complaintId: string, effect: Assigned): ComplaintAssignedV1 {
  return {
    complaintId,
    team: effect.team,
    level: effect.level,
    routingRuleId: effect.ruleId,
    matrixVersion: String(effect.matrixVersion),
    reason: cut(effect.reason),
    assignedAt: effect.assignedAt.toISOString(),
    ...(effect.previous ? { previousTeam: effect.previous.team, previousLevel: effect.previous.level } : {}),
  };
}

export function escalatedEvent(complaintId: string, effect: Escalated): ComplaintEscalatedV1 {
  return {
    complaintId,
    escalationId: effect.escalationId,
    fromLevel: effect.fromLevel,
    toLevel: effect.toLevel,
    team: effect.team,
    trigger: effect.trigger,
    reason: cut(effect.reason),
    ...(isClockKind(effect.breachedClock) ? { breachedClock: effect.breachedClock } : {}),
    escalatedAt: effect.escalatedAt.toISOString(),
    acknowledgeBy: effect.acknowledgeBy.toISOString(),
    ...(effect.supersedes ? { previousEscalationId: effect.supersedes } : {}),
    matrixVersion: String(effect.matrixVersion),
  };
}

export function acknowledgedEvent(complaintId: string, effect: Acknowledged): EscalationAcknowledgedV1 {
  return {
    complaintId,
    escalationId: effect.escalationId,
    level: effect.level,
    acknowledgedBy: { kind: 'staff', id: effect.actor },
    acknowledgedAt: effect.at.toISOString(),
  };
}

function isClockKind(value: string | undefined): value is ClockKind {
  return value !== undefined && (CLOCK_KINDS as readonly string[]).includes(value);
}

function cut(reason: string): string {
  return reason.length <= MAX_REASON ? reason : `${reason.slice(0, MAX_REASON - 1)}…`;
}
