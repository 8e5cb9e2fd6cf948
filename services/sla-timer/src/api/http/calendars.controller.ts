import { Body, Controller, Get, Headers, Inject, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Caller, CurrentCaller, ProblemException, RequireScopes } from '@complaints/http-api';
import { CalendarAdminService } from '../../application/calendar-admin.service';
import { BusinessCalendar } from '../../domain/calendar/business-calendar';
import { PutCalendarsRequest } from './dto/calendar.request';
import { asProblem, expectedVersion, versionedBody } from './versioned-document.http';
import { optionalVersion } from './version-query';

@ApiTags('calendars')
@Controller('v1/calendars')
export class CalendarsController {
  constructor(@Inject(CalendarAdminService) private readonly calendars: CalendarAdminService) {}

  @Get()
  @RequireScopes('ops:read')
  @ApiQuery({ name: 'version', required: false, description: 'an earlier version; default the one in force' })
  @ApiOperation({ summary: 'Business calendars: working hours, holidays, make-up working days, time zone' })
  async get(
    @Query('version') version: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<object> {
    const wanted = optionalVersion(version);
    const found = wanted === undefined ? await this.calendars.current() : await this.calendars.at(wanted);
    if (!found) throw ProblemException.notFound(`no calendar version ${wanted}`);
    return versionedBody(found, res);
  }

  @Put()
  @RequireScopes('admin')
  @ApiHeader({ name: 'If-Match', required: false, description: 'the ETag of the version edited' })
  @ApiOperation({ summary: 'Replace the calendars as a new version; rejected whole if any rule is broken' })
  async put(
    @Body() body: PutCalendarsRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<object> {
    try {
      const calendars: BusinessCalendar[] = body.calendars.map((c) => ({
        ...c,
        weeklyHours: { ...c.weeklyHours },
      }));
      const saved = await this.calendars.replace(calendars, caller.subject, expectedVersion(ifMatch));
      return versionedBody(saved, res);
    } catch (error) {
      throw asProblem(error);
    }
  }
}
