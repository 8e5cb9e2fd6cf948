import { request as httpRequest, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface SseClient {
  status: number;
  /** Every `event:` name received so far, with its parsed data. */
  events: { event: string; data: Record<string, unknown> }[];
  close(): void;
}

/** Opens GET path on the app's HTTP server (listening on an ephemeral port) and collects server-sent events. */
export async function openSse(server: Server, path: string, authorization?: string): Promise<SseClient> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const events: SseClient['events'] = [];
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, headers: authorization ? { authorization } : {} },
      (res: IncomingMessage) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
          }
        });
        res.on('error', () => undefined);
        resolve({ status: res.statusCode ?? 0, events, close: () => req.destroy() });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
