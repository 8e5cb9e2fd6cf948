import { Client } from 'pg';
import { JsonLogger } from '@complaints/observability';

/**
 * A dedicated connection LISTENing on one channel. NOTIFY is delivered on commit, to every listening replica;
 * when the connection drops it reconnects after a second (callers keep a fallback for what they missed).
 */
export class PgChannelListener {
  private client?: Client;
  private active = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
    private readonly onPayload: (payload: string) => void,
    private readonly logger: JsonLogger,
  ) {}

  get connected(): boolean {
    return this.client !== undefined;
  }

  async start(): Promise<void> {
    this.active = true;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.active = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: `listen:${this.channel}`,
    });
    client.on('notification', (message) => this.onPayload(message.payload ?? ''));
    client.on('error', (error) => {
      // One dead connection can report more than one error; reconnect once, and not after stop().
      if (this.client !== client) return;
      this.logger.warn(`listener on ${this.channel} lost its connection; reconnecting`, {
        error: error.message,
      });
      this.client = undefined;
      this.retryLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (!this.active) {
        await client.end();
        return;
      }
      this.client = client;
    } catch (error) {
      this.logger.warn(`listener on ${this.channel} could not connect; retrying`, {
        error: (error as Error).message,
      });
      await client.end().catch(() => undefined);
      this.retryLater();
    }
  }

  private retryLater(): void {
    if (this.active) setTimeout(() => this.active && void this.connect(), 1000).unref();
  }
}
