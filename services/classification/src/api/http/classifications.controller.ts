import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  Caller,
  correlationIdOf,
  CurrentCaller,
  ProblemException,
  RequireScopes,
  UuidParamPipe,
} from '@complaints/http-api';
import { OverrideClassificationService } from '../../application/override/override-classification.service';
import { CLASSIFICATION_STORE, ClassificationStore } from '../../application/ports/classification-store';
import { RULE_SET_STORE, RuleSetStore } from '../../application/ports/rule-set-store';
import { classificationView } from './classification.view';
import { OverrideClassificationRequest } from './override-classification.request';
import { problemFor } from './problems';

@ApiTags('classifications')
@Controller('v1/classifications')
export class ClassificationsController {
  constructor(
    @Inject(CLASSIFICATION_STORE) private readonly store: ClassificationStore,
    @Inject(RULE_SET_STORE) private readonly ruleSets: RuleSetStore,
    @Inject(OverrideClassificationService) private readonly override: OverrideClassificationService,
  ) {}

  @Get(':complaintId')
  @RequireScopes('complaints:read', 'ops:read', 'lifecycle:write')
  @ApiOperation({
    summary:
      'The classification of a complaint, explained: the rules that fired, what they matched, its history',
  })
  @ApiOkResponse({ description: 'The current classification with its explanation' })
  async get(@Param('complaintId', UuidParamPipe) complaintId: string): Promise<object> {
    return this.view(complaintId);
  }

  @Post(':complaintId/override')
  @HttpCode(200)
  @RequireScopes('lifecycle:write')
  @ApiOperation({
    summary:
      "An agent's correction of category, urgency or risk: audited, and announced as complaint.reclassified",
  })
  @ApiOkResponse({ description: 'The corrected classification' })
  @ApiConflictResponse({ description: 'The revision changed meanwhile, or the override changes nothing' })
  async overrideClassification(
    @Param('complaintId', UuidParamPipe) complaintId: string,
    @Body() body: OverrideClassificationRequest,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<object> {
    try {
      await this.override.execute({
        complaintId,
        change: {
          ...(body.category !== undefined ? { category: body.category } : {}),
          ...(body.subcategory !== undefined ? { subcategory: body.subcategory } : {}),
          ...(body.urgency !== undefined ? { urgency: body.urgency } : {}),
          ...(body.risk !== undefined ? { risk: body.risk } : {}),
        },
        reason: body.reason,
        ...(body.expectedRevision !== undefined ? { expectedRevision: body.expectedRevision } : {}),
        actor: { kind: 'staff', id: caller.subject },
        correlationId: correlationIdOf(req),
      });
    } catch (error) {
      throw problemFor(error);
    }
    return this.view(complaintId);
  }

  private async view(complaintId: string): Promise<object> {
    const record = await this.store.find(complaintId);
    if (!record) throw ProblemException.notFound(`no classification for complaint ${complaintId}`);
    const [history, stored] = await Promise.all([
      this.store.history(complaintId),
      this.ruleSets.get(record.result.ruleSetVersion),
    ]);
    return classificationView(record, history, stored?.ruleSet ?? null);
  }
}
