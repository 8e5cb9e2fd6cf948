import { ProblemException } from '@complaints/http-api';

/** `?version=3` -> 3; absent -> undefined; anything but a positive integer -> 400. */
export function optionalVersion(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(value)) {
    throw ProblemException.validation([
      { field: 'version', messages: ['version must be a positive integer'] },
    ]);
  }
  return Number(value);
}
