import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemException, RequireScopes } from '@complaints/http-api';
import { CLASSIFICATION_STORE, ClassificationStore } from '../../application/ports/classification-store';

@ApiTags('classifications')
@Controller('v1/classifications')
export class ClassificationsController {
  constructor(@Inject(CLASSIFICATION_STORE) private readonly store: ClassificationStore) {}

  @Get(':complaintId')
  @RequireScopes('complaints:read', 'ops:read')
  @ApiOperation({
    summary: 'The classification of a complaint, with the rules that fired and the text they matched',
  })
  @ApiOkResponse({ description: 'The current classification' })
  async get(@Param('complaintId', new ParseUUIDPipe()) complaintId: string): Promise<object> {
    const found = await this.store.find(complaintId);
    if (!found) throw ProblemException.notFound(`no classification for complaint ${complaintId}`);
    // The customer hash is an internal repeat-detection key, not something callers need.
    const { customerHash: _hidden, ...visible } = found;
    return visible;
  }
}
