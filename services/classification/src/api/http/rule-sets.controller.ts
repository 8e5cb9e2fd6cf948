import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Caller, CurrentCaller, ProblemException, RequireScopes } from '@complaints/http-api';
import { InvalidRequestError } from '../../application/errors';
import { RuleSetVersionInfo, StoredRuleSet } from '../../application/ports/rule-set-store';
import { ManageRuleSetsService } from '../../application/rule-sets/manage-rule-sets.service';
import { RuleSet } from '../../domain/rule-set/rule-set';
import { fieldErrors, problemFor } from './problems';
import { PutRuleSetRequest } from './rule-set.request';

@ApiTags('rule-sets')
@Controller('v1/rule-sets')
export class RuleSetsController {
  constructor(@Inject(ManageRuleSetsService) private readonly ruleSets: ManageRuleSetsService) {}

  @Get()
  @RequireScopes('ops:read')
  @ApiOperation({
    summary: 'The rule set in force (taxonomy, rules, priority matrix), and every version kept',
  })
  async active(): Promise<object> {
    const [active, versions] = await Promise.all([this.ruleSets.active(), this.ruleSets.list()]);
    return { ...ruleSetView(active), versions: versions.map(versionView) };
  }

  @Get(':version')
  @RequireScopes('ops:read')
  @ApiOperation({ summary: 'One rule-set version, in force or not (to explain older results)' })
  async version(@Param('version') version: string): Promise<object> {
    try {
      return ruleSetView(await this.ruleSets.get(version));
    } catch (error) {
      throw problemFor(error);
    }
  }

  @Put()
  @RequireScopes('admin')
  @ApiOperation({
    summary:
      'Replace the rule set: validated whole and activated, or rejected whole with every reason (the version in force stays)',
  })
  @ApiOkResponse({ description: 'created, reactivated (an earlier version put again) or unchanged' })
  @ApiBadRequestResponse({ description: 'The rule set is invalid; nothing changed' })
  @ApiConflictResponse({
    description: 'The version exists with other content, or basedOn is no longer in force',
  })
  async put(@Body() body: PutRuleSetRequest, @CurrentCaller() caller: Caller): Promise<object> {
    const ruleSet: RuleSet = {
      version: body.version,
      taxonomy: body.taxonomy,
      rules: body.rules,
      priority: body.priority,
      settings: body.settings,
    };
    try {
      const outcome = await this.ruleSets.put({
        ruleSet: JSON.parse(JSON.stringify(ruleSet)) as RuleSet,
        ...(body.basedOn !== undefined ? { basedOn: body.basedOn } : {}),
        ...(body.comment !== undefined ? { comment: body.comment } : {}),
        actor: caller.subject,
      });
      return { version: body.version, outcome };
    } catch (error) {
      if (error instanceof InvalidRequestError) {
        const active = await this.ruleSets.active();
        throw new ProblemException(
          400,
          'rule-set-rejected',
          'The rule set was rejected',
          `Nothing changed: version ${active.ruleSet.version} is still in force. See errors for every reason.`,
          { errors: fieldErrors(error.problems), activeVersion: active.ruleSet.version },
        );
      }
      throw problemFor(error);
    }
  }
}

function versionView(info: RuleSetVersionInfo): object {
  return {
    version: info.version,
    createdBy: info.createdBy,
    createdAt: info.createdAt.toISOString(),
    ...(info.comment ? { comment: info.comment } : {}),
    ...(info.lastActivatedAt ? { lastActivatedAt: info.lastActivatedAt.toISOString() } : {}),
  };
}

function ruleSetView(stored: StoredRuleSet): object {
  return { ...versionView(stored), ...stored.ruleSet };
}
