import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, ProblemException, RequireScopes } from '@complaints/http-api';
import { InvalidMatrixError, ManageMatrixService } from '../../application/manage-matrix.service';
import { MatrixVersionConflictError, StoredMatrix } from '../../application/ports/matrix-store';
import { MatrixContent } from '../../domain/matrix/escalation-matrix';
import { actorOf, toFieldErrors } from './field-problems';
import { EscalationMatrixRequest, MatrixVersionQuery } from './escalation-matrix.request';

@ApiTags('escalation matrix')
@Controller('v1/escalation-matrix')
export class EscalationMatrixController {
  constructor(@Inject(ManageMatrixService) private readonly matrices: ManageMatrixService) {}

  @Get()
  @RequireScopes('ops:read', 'complaints:read')
  @ApiOperation({
    summary: 'The matrix in force (or ?version=N): levels, routing, start levels, risk thresholds',
  })
  async get(@Query() query: MatrixVersionQuery): Promise<StoredMatrix> {
    if (query.version === undefined) return this.matrices.current();
    const matrix = await this.matrices.version(query.version);
    if (!matrix) throw ProblemException.notFound(`escalation matrix version ${query.version} does not exist`);
    return matrix;
  }

  @Put()
  @RequireScopes('admin')
  @ApiOperation({
    summary: 'Replace the whole matrix as a new version; a matrix with any problem is refused whole (400)',
  })
  async put(@Body() body: EscalationMatrixRequest, @CurrentCaller() caller: Caller): Promise<StoredMatrix> {
    try {
      return await this.matrices.replace(toContent(body), body.basedOnVersion, actorOf(caller));
    } catch (error) {
      if (error instanceof InvalidMatrixError)
        throw ProblemException.validation(toFieldErrors(error.problems));
      if (error instanceof MatrixVersionConflictError) {
        throw ProblemException.conflict('escalation-matrix-changed', error.message, {
          currentVersion: error.current,
        });
      }
      throw error;
    }
  }
}

/** The request as domain data, without the fields a caller left out (they are stored as absent, not null). */
function toContent(body: EscalationMatrixRequest): MatrixContent {
  return {
    levels: body.levels.map((l) => defined({ ...l })),
    routingRules: body.routingRules.map((r) => defined({ ...r })),
    startLevelRules: body.startLevelRules.map((r) => defined({ ...r })),
    risk: {
      lowSatisfactionAtMost: body.risk.lowSatisfactionAtMost,
      thresholds: body.risk.thresholds.map((t) => defined({ ...t })),
    },
  };
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
