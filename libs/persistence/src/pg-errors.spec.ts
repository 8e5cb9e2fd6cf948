import { connect } from 'node:net';
import { isTransientDatabaseError } from './pg-errors';

/** The error Node gives for a Unix-socket connect to a server that is down: no socket file. */
function missingSocketError(): Promise<Error> {
  return new Promise((resolve) => {
    const socket = connect('/nonexistent-directory/.s.PGSQL.5432');
    socket.on('error', resolve);
  });
}

describe('isTransientDatabaseError', () => {
  it('treats a Unix-socket connect to a stopped server as the database being away', async () => {
    // Given the error a connect through the socket of a stopped Postgres raises
    const error = await missingSocketError();

    // Then it is transient, as ECONNREFUSED over TCP is, and so retried in place rather than dead-lettered
    expect(error).toMatchObject({ code: 'ENOENT', syscall: 'connect' });
    expect(isTransientDatabaseError(error)).toBe(true);
    expect(isTransientDatabaseError({ driverError: { code: 'ENOENT', syscall: 'connect' } })).toBe(true);
  });

  it('keeps other ENOENT errors and data errors permanent', () => {
    expect(
      isTransientDatabaseError(Object.assign(new Error('no file'), { code: 'ENOENT', syscall: 'open' })),
    ).toBe(false);
    expect(isTransientDatabaseError({ code: '23505' })).toBe(false);
  });

  it('keeps the network and server-side codes it already knew transient', () => {
    expect(isTransientDatabaseError({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isTransientDatabaseError({ code: '57P03' })).toBe(true);
    expect(isTransientDatabaseError({ driverError: { code: '40001' } })).toBe(true);
  });
});
