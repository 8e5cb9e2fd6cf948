import { ProblemException } from '@complaints/http-api';
import { isKeysetPosition } from '@complaints/persistence';
import { PageAfter } from '../../application/ports/sla-queries';

/** Opaque keyset cursors: base64url of the last row's sort time and id. */
export function encodeCursor(after: PageAfter | undefined): string | undefined {
  if (!after) return undefined;
  return Buffer.from(JSON.stringify([after.at.toISOString(), after.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): PageAfter | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const time = new Date(at);
    if (!isKeysetPosition(time, id)) throw new Error('bad cursor');
    return { at: time, id };
  } catch {
    throw ProblemException.validation([
      { field: 'cursor', messages: ['cursor is not one this API returned'] },
    ]);
  }
}
