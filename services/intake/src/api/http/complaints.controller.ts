import { createHash } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Caller,
  correlationIdOf,
  CurrentCaller,
  ProblemException,
  RequireScopes,
} from '@complaints/http-api';
import { JsonLogger } from '@complaints/observability';
import { RegisterComplaintService } from '../../application/register-complaint/register-complaint.service';
import {
  DuplicateExternalRefError,
  IdempotencyKeyReusedError,
} from '../../application/ports/registration-store';
import { RegisterComplaintRequest } from './register-complaint.request';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

@ApiTags('complaints')
@Controller('v1/complaints')
export class ComplaintsController {
  constructor(
    private readonly register: RegisterComplaintService,
    private readonly logger: JsonLogger,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireScopes('complaints:write')
  @ApiOperation({ summary: 'File a complaint from a channel (idempotent per Idempotency-Key)' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '8-128 characters: letters, digits, . _ : -',
  })
  @ApiCreatedResponse({ description: 'The complaint was recorded (or this is a replay of the same request)' })
  async create(
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: RegisterComplaintRequest,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<object> {
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw ProblemException.validation([
        {
          field: 'Idempotency-Key',
          messages: ['header Idempotency-Key is required: 8-128 of A-Z a-z 0-9 . _ : -'],
        },
      ]);
    }
    try {
      const result = await this.register.execute({
        idempotencyKey,
        // Keys are per calling client: two channels can never collide, or replay each other's responses.
        idempotencyScope: caller.clientId,
        requestHash: createHash('sha256').update(canonicalJson(body)).digest('hex'),
        correlationId: correlationIdOf(req),
        actor: `${caller.clientId}/${caller.subject}`,
        channel: body.channel,
        externalRef: body.externalRef,
        customer: { ...body.customer, vulnerable: body.customer.vulnerable ?? [] },
        subject: body.subject,
        description: body.description,
        product: body.product,
        amount: body.amount,
        occurredAt: body.occurredAt ? new Date(body.occurredAt) : undefined,
        attachments: body.attachments ?? [],
      });
      this.logger.info(result.replayed ? 'idempotent replay' : 'complaint recorded', {
        subject: result.response.id,
        reference: result.response.reference,
        channel: body.channel,
      });
      if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.setHeader('Location', `/v1/complaints/${result.response.id}`);
      return result.response;
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) {
        throw ProblemException.conflict('idempotency-key-reused', error.message);
      }
      if (error instanceof DuplicateExternalRefError) {
        throw ProblemException.conflict('duplicate-external-ref', error.message);
      }
      throw error;
    }
  }
}

/** JSON with sorted keys, so the same body hashes the same whatever order the channel wrote its fields in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
