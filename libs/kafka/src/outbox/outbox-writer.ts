import { EntityManager } from 'typeorm';
import { EVENT_CATALOGUE, EventEnvelope, EventType } from '@complaints/contracts';

const ROWS_PER_INSERT = 1000;

/**
 * Writes events into the outbox inside the caller's transaction: the state change and its events commit
 * together or not at all. The NOTIFY is delivered on commit and wakes the relay at once. It rides on the last
 * insert as one statement: every round trip to Postgres costs the caller a socket write.
 */
export class OutboxWriter {
  constructor(private readonly schema: string) {}

  async enqueue(em: EntityManager, envelopes: EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    // Postgres takes at most 65,535 parameters per statement; six per row.
    for (let from = 0; from < envelopes.length; from += ROWS_PER_INSERT) {
      const last = from + ROWS_PER_INSERT >= envelopes.length;
      await this.insert(em, envelopes.slice(from, from + ROWS_PER_INSERT), last);
    }
  }

  private async insert(em: EntityManager, envelopes: EventEnvelope[], notify: boolean): Promise<void> {
    const values: unknown[] = [];
    const rows = envelopes.map((envelope, i) => {
      const topic = EVENT_CATALOGUE[envelope.type as EventType].topic;
      values.push(
        envelope.id,
        aggregateTypeOf(envelope.type),
        envelope.subject,
        envelope.type,
        topic,
        JSON.stringify(envelope),
      );
      const o = i * 6;
      return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6}::jsonb)`;
    });
    const insert = `INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload) VALUES ${rows.join(', ')}`;
    if (!notify) {
      await em.query(insert, values);
      return;
    }
    // A data-modifying WITH runs exactly once whether or not the outer query reads it.
    values.push(outboxChannel(this.schema));
    await em.query(`WITH written AS (${insert}) SELECT pg_notify($${values.length}, '')`, values);
  }
}

/** The LISTEN/NOTIFY channel the relay of a schema waits on. */
export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}

function aggregateTypeOf(type: string): string {
  return type.split('.')[0];
}
