import type { Server } from 'node:http';
import fc from 'fast-check';
import request from 'supertest';
import type { HostileBody } from './hostile-input';

/**
 * Sends hostile requests and checks every answer against the contract: never a 5xx, every refusal RFC 9457
 * problem+json with the real status, a 400 that names its fields, no template evaluated on the way back, and
 * Object.prototype untouched.
 */

export interface HostileRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** The Authorization header; none when absent. */
  authorization?: string;
  body?: HostileBody;
  headers?: Record<string, string>;
}

/** Sends the request as given: JSON bodies stringified, raw bodies untouched under their own content type. */
export async function sendHostile(server: Server, req: HostileRequest): Promise<request.Response> {
  const agent = request(server);
  let test =
    req.method === 'GET'
      ? agent.get(req.path)
      : req.method === 'POST'
        ? agent.post(req.path)
        : agent.put(req.path);
  if (req.authorization) test = test.set('authorization', req.authorization);
  for (const [name, value] of Object.entries(req.headers ?? {})) test = test.set(name, value);
  if (req.body?.kind === 'json') {
    test = test.set('content-type', 'application/json').send(JSON.stringify(req.body.value) ?? 'null');
  } else if (req.body?.kind === 'raw') {
    test = test.set('content-type', req.body.contentType).send(req.body.text);
  }
  return test;
}

/** A field error as a 400 lists it. */
export interface ListedFieldError {
  field: string;
  messages: string[];
}

/** What an answer that passed the checks is: its status and, for a refusal, the problem. */
export interface CheckedAnswer {
  status: number;
  /** The parsed JSON answer (the text when it is not JSON). */
  body: unknown;
  problem?: { type: string; title: string; status: number; detail?: string; errors?: ListedFieldError[] };
}

/** The parts of an HTTP answer the checks read (a supertest response has them). */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body?: unknown;
}

function failure(req: HostileRequest, res: HttpAnswer, why: string): Error {
  const sent = JSON.stringify(req.body ?? null)?.slice(0, 400);
  return new Error(
    `${why}\n  ${req.method} ${req.path.slice(0, 300)}\n  body: ${sent}\n  answer ${res.status} ${String(
      res.headers['content-type'],
    )}: ${res.text?.slice(0, 600)}`,
  );
}

/** Signs of a template or expression evaluated on the way through, or of internals leaking into an answer. */
const EVALUATED =
  /⟪49⟫|\[object process\]|\[native code\]|"versions":\{"node"|at [A-Za-z.]+ \(\/[^)]+\.[jt]s:\d+/;

/**
 * The contract every answer to a hostile request keeps: no 5xx; a 4xx is problem+json whose `status` is the HTTP
 * status; a 400 lists its field errors; no echo shows an evaluated template or a stack trace. Throws with the
 * request and the answer, so fast-check's counterexample says what went wrong.
 */
export function checkHostileAnswer(req: HostileRequest, res: HttpAnswer): CheckedAnswer {
  if (res.status >= 500) throw failure(req, res, `a ${res.status} to bad input`);
  if (EVALUATED.test(res.text ?? ''))
    throw failure(req, res, 'the answer shows an evaluated template or internals');
  if (res.status < 400) return { status: res.status, body: res.body ?? res.text };
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw failure(req, res, 'a refusal that is not problem+json');
  }
  const problem = JSON.parse(res.text) as CheckedAnswer['problem'];
  if (!problem || problem.status !== res.status || typeof problem.type !== 'string' || !problem.title) {
    throw failure(req, res, 'a problem whose status, type or title is wrong');
  }
  if (res.status === 400) {
    const listed = problem.errors;
    const wellFormed =
      Array.isArray(listed) &&
      listed.length > 0 &&
      listed.every(
        (e) =>
          typeof e.field === 'string' &&
          Array.isArray(e.messages) &&
          e.messages.length > 0 &&
          e.messages.every((m) => typeof m === 'string'),
      );
    if (!wellFormed) throw failure(req, res, 'a 400 that does not list its field errors');
  }
  return { status: res.status, body: problem, problem };
}

/**
 * Runs one fast-check property over a route: every generated request is sent and its answer checked; returns the
 * statuses seen, so a spec can also show the sweep reached validation, the database and success.
 */
export async function sweep(
  server: Server,
  requests: fc.Arbitrary<HostileRequest>,
  options: {
    numRuns: number;
    seed?: number;
    /** Requests always tried first: the ones that found a bug, so it stays found. */
    examples?: HostileRequest[];
    /** How to send, when not as a plain request (a stream that stays open, say). */
    send?: (req: HostileRequest) => Promise<HttpAnswer>;
    afterEach?: (answer: CheckedAnswer, req: HostileRequest) => void;
  },
): Promise<number[]> {
  const statuses: number[] = [];
  const send = options.send ?? ((req: HostileRequest) => sendHostile(server, req));
  // The service runs in this process: a request that polluted Object.prototype would show here.
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
  await fc.assert(
    fc.asyncProperty(requests, async (req) => {
      const answer = checkHostileAnswer(req, await send(req));
      if (Object.getOwnPropertyNames(Object.prototype).join() !== prototypeKeys) {
        throw new Error(`Object.prototype changed after ${req.method} ${req.path}`);
      }
      statuses.push(answer.status);
      options.afterEach?.(answer, req);
    }),
    {
      // HOSTILE_SWEEP_FACTOR=20 sweeps twenty times longer, for a hunt on a developer machine; CI runs the default.
      numRuns: options.numRuns * Math.max(1, Number(process.env.HOSTILE_SWEEP_FACTOR) || 1),
      seed: options.seed,
      examples: (options.examples ?? []).map((example): [HostileRequest] => [example]),
    },
  );
  return statuses;
}
