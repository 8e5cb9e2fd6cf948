import { IsISO8601, Matches } from 'class-validator';

/** RFC 3339 in UTC with the Z designator, e.g. 2026-11-20T09:15:00.000Z: what Date#toISOString() writes. */
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/**
 * Every time on the wire is a full UTC timestamp: a bare date or a time without a zone would be read differently
 * by consumers in different zones, which matters for deadlines.
 */
export function IsUtcTimestamp(): PropertyDecorator {
  const iso = IsISO8601({ strict: true });
  const utc = Matches(UTC_TIMESTAMP, {
    message: '$property must be a UTC timestamp such as 2026-11-20T09:15:00.000Z',
  });
  return (target: object, property: string | symbol) => {
    iso(target, property);
    utc(target, property);
  };
}
