import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, ProblemException, RequireScopes } from '@complaints/http-api';
import { TEMPLATE_VARIABLES } from '../../domain/template-variables';
import { CUSTOMER_ONLY_VARIABLES } from '../../domain/template-variables';
import { InvalidTemplateSetError, ManageTemplatesService } from '../../application/manage-templates.service';
import { TemplateSet, TemplateVersionConflictError } from '../../application/ports/template-store';
import { actorOf, toFieldErrors } from './field-problems';
import { TemplateSetRequest, TemplateVersionQuery } from './template-set.request';

@ApiTags('templates')
@Controller('v1/templates')
export class TemplatesController {
  constructor(@Inject(ManageTemplatesService) private readonly templates: ManageTemplatesService) {}

  @Get()
  @RequireScopes('ops:read')
  @ApiOperation({ summary: 'The current template set (or ?version=N), every template with its placeholders' })
  async get(@Query() query: TemplateVersionQuery): Promise<TemplateSet> {
    if (query.version === undefined) return this.templates.current();
    const set = await this.templates.version(query.version);
    if (!set) throw ProblemException.notFound(`template set version ${query.version} does not exist`);
    return set;
  }

  @Get('variables')
  @RequireScopes('ops:read')
  @ApiOperation({ summary: 'The placeholders each event type fills (name: customer messages only)' })
  variables(): object {
    return { events: TEMPLATE_VARIABLES, customerOnly: CUSTOMER_ONLY_VARIABLES };
  }

  @Put()
  @RequireScopes('admin')
  @ApiOperation({
    summary:
      'Replace the whole set as a new version; a set with any unknown placeholder or gap is refused whole',
  })
  async put(@Body() body: TemplateSetRequest, @CurrentCaller() caller: Caller): Promise<TemplateSet> {
    try {
      return await this.templates.replace(body.templates, body.basedOnVersion, actorOf(caller));
    } catch (error) {
      if (error instanceof InvalidTemplateSetError)
        throw ProblemException.validation(toFieldErrors(error.problems));
      if (error instanceof TemplateVersionConflictError) {
        throw ProblemException.conflict('template-set-changed', error.message, {
          currentVersion: error.current,
        });
      }
      throw error;
    }
  }
}
