import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { runWithLogContext } from '@complaints/observability';

const HEADER = 'x-correlation-id';
const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Takes the caller's correlation id (or makes one), echoes it in the response and puts it in the log context;
 * use cases read it to stamp the events the request causes.
 */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(HEADER);
  const correlationid = incoming && SAFE.test(incoming) ? incoming : randomUUID();
  res.setHeader(HEADER, correlationid);
  (req as Request & { correlationId?: string }).correlationId = correlationid;
  runWithLogContext({ correlationid }, () => next());
}

export function correlationIdOf(req: Request): string {
  return (req as Request & { correlationId?: string }).correlationId ?? randomUUID();
}
