import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { EventEnvelope } from '@complaints/contracts';
import { RequireScopes } from '@complaints/http-api';
import { AlertFeed } from '../../infrastructure/streaming/alert-feed';
import { StreamQuery } from './dto/sla-queries.request';

/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
const KEEP_ALIVE_MS = 15_000;

@ApiTags('sla')
@Controller('v1/sla')
export class SlaStreamController {
  constructor(@Inject(AlertFeed) private readonly feed: AlertFeed) {}

  @Get('stream')
  @RequireScopes('ops:read')
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary:
      'Server-sent events: every sla.warning and sla.breached as it fires (event = type, data = envelope)',
  })
  stream(@Query() query: StreamQuery, @Req() req: Request, @Res() res: Response): void {
    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    res.write(': connected\n\n');
    const wanted = (alert: EventEnvelope) =>
      (!query.type || alert.type === query.type) &&
      (!query.kind || (alert.data as { kind?: string }).kind === query.kind);
    const unsubscribe = this.feed.subscribe({
      next: (alert) => {
        if (wanted(alert))
          res.write(`id: ${alert.id}\nevent: ${alert.type}\ndata: ${JSON.stringify(alert)}\n\n`);
      },
      complete: () => res.end(),
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }
}
