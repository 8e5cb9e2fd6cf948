const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a (time, id) decoded from a caller's page cursor can reach a keyset query: the id a uuid, the time a
 * real date in the years Postgres stores (1 to 9999). A forged cursor that is neither fails inside the query, as a
 * 500, so every list endpoint checks this before it queries.
 */
export function isKeysetPosition(time: Date, id: unknown): id is string {
  const year = time.getUTCFullYear();
  return (
    typeof id === 'string' && UUID.test(id) && !Number.isNaN(time.getTime()) && year >= 1 && year <= 9999
  );
}
