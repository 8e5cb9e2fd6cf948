import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem-details';

/**
 * Requests Node's HTTP parser refuses never reach the application: past 16 kB of request line and headers (a huge
 * id in the path, say) Node itself answers 431 with an empty body. Answer those as problem+json too, like every
 * other refusal; a connection the client already dropped is just closed.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const detail =
      status === 431 ? 'the request line and headers exceed 16 kB' : 'the request could not be parsed';
    const problem: ProblemDetails = {
      type: problemType(status === 400 ? 'bad-request' : `http-${status}`),
      title: (STATUS_CODES[status] ?? 'error').toLowerCase(),
      status,
      detail,
      ...(status === 400 ? { errors: [{ field: 'request', messages: [detail] }] } : {}),
    };
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
