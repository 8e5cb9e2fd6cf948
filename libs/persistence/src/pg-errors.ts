/**
 * Postgres and network error classification. Transient errors are retried in place (the database or network will
 * come back); everything else is a bug or bad data and must not be retried forever.
 */
const TRANSIENT_SQLSTATE_PREFIXES = ['08', '53', '57P', '58'];
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03']);
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const withCode = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = withCode.code ?? withCode.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (codeOf(error) !== '23505') return false;
  if (!constraint) return true;
  const e = error as { constraint?: string; driverError?: { constraint?: string } };
  return (e.constraint ?? e.driverError?.constraint) === constraint;
}

/**
 * Connecting through the server's Unix socket while it is down or restarting finds no socket file: ENOENT from
 * connect. That is the database being away, like ECONNREFUSED over TCP, not a missing file of ours.
 */
function isMissingSocket(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { syscall?: unknown; driverError?: { syscall?: unknown } };
  return codeOf(error) === 'ENOENT' && (e.syscall ?? e.driverError?.syscall) === 'connect';
}

export function isTransientDatabaseError(error: unknown): boolean {
  const code = codeOf(error);
  if (code && (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_NODE_CODES.has(code))) return true;
  if (isMissingSocket(error)) return true;
  if (code && /^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_PREFIXES.some((p) => code.startsWith(p)))
    return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection is closed|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(
    message,
  );
}
