import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, ProblemException, RequireScopes } from '@complaints/http-api';
import {
  InvalidStaffDirectoryError,
  ManageStaffDirectoryService,
} from '../../application/manage-staff-directory.service';
import { StaffDirectoryView } from '../../application/ports/staff-directory';
import { actorOf, toFieldErrors } from './field-problems';
import { StaffDirectoryRequest } from './staff-directory.request';

@ApiTags('staff-recipients')
@Controller('v1/staff-recipients')
export class StaffDirectoryController {
  constructor(@Inject(ManageStaffDirectoryService) private readonly directory: ManageStaffDirectoryService) {}

  @Get()
  @RequireScopes('ops:read')
  @ApiOperation({
    summary: 'Who on the staff side hears what: mailboxes, phones and webhooks per audience and team',
  })
  get(): Promise<StaffDirectoryView> {
    return this.directory.current();
  }

  @Put()
  @RequireScopes('admin')
  @ApiOperation({ summary: 'Replace the staff directory; webhooks must name a configured signing secret' })
  async put(
    @Body() body: StaffDirectoryRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<StaffDirectoryView> {
    try {
      return await this.directory.replace(
        body.recipients.map((r) => ({ ...r, enabled: r.enabled ?? true })),
        actorOf(caller),
      );
    } catch (error) {
      if (error instanceof InvalidStaffDirectoryError) {
        throw ProblemException.validation(toFieldErrors(error.problems));
      }
      throw error;
    }
  }
}
