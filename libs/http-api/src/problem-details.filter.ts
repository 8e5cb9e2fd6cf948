import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import { JsonLogger } from '@complaints/observability';
import { FieldError, PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem-details';

/**
 * Turns every error into RFC 9457 problem+json. Unexpected errors become a 500 that says nothing about the
 * internals (the details go to the log, with the correlation id the caller can quote).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request);
    if (problem.status >= 500) {
      this.logger.error(exception instanceof Error ? exception : String(exception), { path: request.path });
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: Request): ProblemDetails {
    const instance = request.originalUrl;
    if (!(exception instanceof HttpException)) {
      const clientError = clientErrorOf(exception);
      if (clientError) return { ...clientError, instance };
      return { type: problemType('internal-error'), title: 'Internal error', status: 500, instance };
    }
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (typeof body === 'object' && body !== null && 'type' in body) {
      return { ...(body as ProblemDetails), instance };
    }
    // Framework errors (404 route, 413 body too large, malformed JSON): keep their status, speak problem+json.
    const detail =
      typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
    return {
      type: problemType(slugFor(status)),
      title: HttpStatus[status]?.toString().replace(/_/g, ' ').toLowerCase() ?? 'error',
      status,
      detail,
      instance,
      ...fieldErrorsOfBare400(status, detail),
    };
  }
}

/**
 * Errors raised before Nest sees the request (body-parser: body too large, bad charset) carry an HTTP status and
 * `expose: true`; they are the caller's fault, not ours.
 */
function clientErrorOf(exception: unknown): ProblemDetails | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, expose, message } = exception as { status?: unknown; expose?: unknown; message?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true) return undefined;
  const detail = typeof message === 'string' ? message : 'the body could not be read';
  return {
    type: problemType(slugFor(status)),
    title: HttpStatus[status]?.toString().replace(/_/g, ' ').toLowerCase() ?? 'error',
    status,
    detail,
    ...fieldErrorsOfBare400(status, detail),
  };
}

/**
 * A 400 lists its field errors, and the framework's own 400s name none: JSON that does not parse (the body is at
 * fault) and a path segment that is not valid percent-encoding (the path is).
 */
function fieldErrorsOfBare400(status: number, detail: string): { errors?: FieldError[] } {
  if (status !== 400) return {};
  const field = detail.startsWith('Failed to decode param') ? 'path' : 'body';
  return { errors: [{ field, messages: [detail] }] };
}

function slugFor(status: number): string {
  switch (status) {
    case 400:
      return 'bad-request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 413:
      return 'payload-too-large';
    case 415:
      return 'unsupported-media-type';
    case 429:
      return 'too-many-requests';
    default:
      return `http-${status}`;
  }
}
