import { Body, Controller, Get, Headers, Inject, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Caller, CurrentCaller, ProblemException, RequireScopes } from '@complaints/http-api';
import { PolicyAdminService } from '../../application/policy-admin.service';
import { SlaPolicy } from '../../domain/policy/sla-policy';
import { PutPoliciesRequest } from './dto/policy.request';
import { asProblem, expectedVersion, versionedBody } from './versioned-document.http';
import { optionalVersion } from './version-query';

@ApiTags('sla-policies')
@Controller('v1/sla/policies')
export class SlaPoliciesController {
  constructor(@Inject(PolicyAdminService) private readonly policies: PolicyAdminService) {}

  @Get()
  @RequireScopes('ops:read')
  @ApiQuery({ name: 'version', required: false, description: 'an earlier version; default the one in force' })
  @ApiOperation({ summary: 'The ordered SLA policy set in force (or an earlier version)' })
  async get(
    @Query('version') version: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<object> {
    const wanted = optionalVersion(version);
    const found = wanted === undefined ? await this.policies.current() : await this.policies.at(wanted);
    if (!found) throw ProblemException.notFound(`no policy version ${wanted}`);
    return versionedBody(found, res);
  }

  @Put()
  @RequireScopes('admin')
  @ApiHeader({ name: 'If-Match', required: false, description: 'the ETag of the version edited' })
  @ApiOperation({ summary: 'Replace the policy set as a new version; rejected whole if any rule is broken' })
  async put(
    @Body() body: PutPoliciesRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<object> {
    try {
      const policies: SlaPolicy[] = body.policies.map((p) => ({ ...p, match: { ...p.match } }));
      const saved = await this.policies.replace(policies, caller.subject, expectedVersion(ifMatch));
      return versionedBody(saved, res);
    } catch (error) {
      throw asProblem(error);
    }
  }
}
