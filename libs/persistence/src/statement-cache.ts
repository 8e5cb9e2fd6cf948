import { createHash } from 'node:crypto';
import { Client, ClientConfig } from 'pg';

/** Most statements one connection keeps prepared; past it, new texts run unnamed (parsed and planned each time). */
const STATEMENTS_PER_CONNECTION = 200;
/** Longer texts are not worth a name: they are the multi-row VALUES lists whose text changes with the row count. */
const LONGEST_PREPARED_TEXT = 16_000;
/** How many distinct texts the process remembers having seen once before it starts over. */
const SEEN_ONCE_LIMIT = 5_000;

/**
 * A pg Client that runs repeated parameterised SQL as named prepared statements, so Postgres parses and analyses a
 * statement once per connection, and after a few runs keeps a generic plan for it, instead of doing all of that
 * on every call. Parsing, analysis and planning were about a third of Postgres's CPU under load, and the same
 * few dozen statements make up nearly all of the traffic.
 *
 * A text gets a name (a hash of the text, so the same text always has the same name) the second time the process
 * sees it: a one-off statement is never kept. Each connection keeps at most STATEMENTS_PER_CONNECTION of them,
 * since each holds memory in its Postgres backend. Statements without parameters (BEGIN, COMMIT, SET, DDL) stay
 * on the simple protocol, which is a single message. A failed Parse is forgotten by pg itself, so a statement
 * first sent inside a failing transaction is parsed again next time.
 */
export class StatementCachingClient extends Client {
  private static readonly seenOnce = new Set<string>();
  private readonly named = new Set<string>();

  constructor(config?: string | ClientConfig) {
    super(config);
    const plainQuery = this.query.bind(this) as (...args: unknown[]) => unknown;
    Object.defineProperty(this, 'query', {
      value: (...args: unknown[]): unknown => {
        const [text, values] = args;
        if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0) {
          return plainQuery(...args);
        }
        const name = this.nameFor(text);
        return name ? plainQuery({ name, text, values }, ...args.slice(2)) : plainQuery(...args);
      },
    });
  }

  private nameFor(text: string): string | undefined {
    if (text.length > LONGEST_PREPARED_TEXT) return undefined;
    const name = `s${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (this.named.has(name)) return name;
    if (this.named.size >= STATEMENTS_PER_CONNECTION) return undefined;
    const seen = StatementCachingClient.seenOnce;
    if (!seen.has(name)) {
      if (seen.size >= SEEN_ONCE_LIMIT) seen.clear();
      seen.add(name);
      return undefined;
    }
    this.named.add(name);
    return name;
  }
}
