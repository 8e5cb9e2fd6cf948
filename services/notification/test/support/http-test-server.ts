import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP server on 127.0.0.1 (a free port) standing in for the SMS gateway or a staff tool's webhook. It keeps
 * every request, and answers with the status `respond` chooses (200 unless a test scripts otherwise).
 */
export class HttpTestServer {
  readonly requests: ReceivedRequest[] = [];
  respond: (request: ReceivedRequest) => number = () => 200;
  private readonly server: Server;
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.requests.push(request);
        const status = this.respond(request);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(
          status < 300
            ? JSON.stringify({ messageId: `gw-${this.requests.length}` })
            : '{"error":"unavailable"}',
        );
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Requests whose JSON body has `to` equal to this phone number (SMS gateway). */
  smsTo(phone: string): ReceivedRequest[] {
    return this.requests.filter((r) => (JSON.parse(r.body) as { to?: string }).to === phone);
  }

  /** Answers the given statuses in turn for one phone number, then 200. */
  scriptFor(phone: string, statuses: number[]): void {
    const previous = this.respond;
    const queue = [...statuses];
    this.respond = (request) => {
      const to = (JSON.parse(request.body) as { to?: string }).to;
      if (to !== phone) return previous(request);
      return queue.length > 0 ? (queue.shift() as number) : 200;
    };
  }
}
