import { HttpException } from '@nestjs/common';
import { FieldError, problemType } from './problem-details';

/** An HTTP error that carries its problem+json body: thrown by controllers and use cases' adapters. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly slug: string,
    title: string,
    detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super({ type: problemType(slug), title, status, detail, ...extensions }, status);
  }

  static validation(errors: FieldError[]): ProblemException {
    return new ProblemException(
      400,
      'validation-failed',
      'The request is not valid',
      'See errors for every field',
      {
        errors,
      },
    );
  }

  static conflict(slug: string, detail: string, extensions: Record<string, unknown> = {}): ProblemException {
    return new ProblemException(409, slug, 'Conflict', detail, extensions);
  }

  static notFound(detail: string): ProblemException {
    return new ProblemException(404, 'not-found', 'Not found', detail);
  }
}
