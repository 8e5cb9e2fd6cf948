import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintAssignedV1, ComplaintClassifiedV1 } from '@complaints/contracts';
import { Clock, CLOCK } from '../domain/clock';
import { route } from '../domain/routing';
import { ASSIGNMENT_STORE, AssignmentStore } from './ports/assignment-store';

/** Gives a newly classified complaint its owning team and starting level (the named owner the standards ask for). */
@Injectable()
export class AssignComplaintService {
  constructor(
    @Inject(ASSIGNMENT_STORE) private readonly store: AssignmentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(classified: ComplaintClassifiedV1, em: EntityManager): Promise<ComplaintAssignedV1 | null> {
    const matrix = await this.store.matrix(em);
    const assignment = route(classified, matrix.rules);
    const assigned: ComplaintAssignedV1 = {
      complaintId: classified.complaintId,
      team: assignment.team,
      level: assignment.level,
      routingRuleId: assignment.ruleId,
      matrixVersion: matrix.version,
      reason: assignment.reason,
      assignedAt: this.clock.now().toISOString(),
    };
    const inserted = await this.store.insertFirst(em, {
      complaintId: assigned.complaintId,
      team: assigned.team,
      level: assigned.level,
      ruleId: assigned.routingRuleId,
      matrixVersion: assigned.matrixVersion,
      reason: assigned.reason,
      assignedAt: assigned.assignedAt,
    });
    return inserted ? assigned : null;
  }
}
