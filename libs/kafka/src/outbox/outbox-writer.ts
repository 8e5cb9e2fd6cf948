import { EntityManager } from 'typeorm';
import { EVENT_CATALOGUE, EventEnvelope, EventType } from '@complaints/contracts';

const ROWS_PER_INSERT = 1000;

/** One row of the outbox table as a writer supplies it. */
export interface OutboxRow {
  id: string;
  aggregatetype: string;
  aggregateid: string;
  type: string;
  topic: string;
  payload: EventEnvelope;
}

/**
 * Writes events into the outbox inside the caller's transaction: the state change and its events commit
 * together or not at all. The NOTIFY is delivered on commit and wakes the relay at once. It rides on the last
 * insert as one statement: every round trip to Postgres costs the caller a socket write.
 */
export class OutboxWriter {
  constructor(private readonly schema: string) {}

  /** The channel whose NOTIFY wakes this schema's relay. */
  get channel(): string {
    return outboxChannel(this.schema);
  }

  /** An event as the outbox row `insertSelect` reads: for writers that fold the outbox into a larger statement. */
  rowOf(envelope: EventEnvelope): OutboxRow {
    return {
      id: envelope.id,
      aggregatetype: aggregateTypeOf(envelope.type),
      aggregateid: envelope.subject,
      type: envelope.type,
      topic: EVENT_CATALOGUE[envelope.type as EventType].topic,
      payload: envelope,
    };
  }

  /**
   * An INSERT for a data-modifying WITH clause, writing the rows (as rowOf made them) held in jsonb column
   * `column` of the FROM items `source`. The statement must also select pg_notify(channel) once, or the relay
   * only finds the rows at its next poll.
   */
  insertSelect(source: string, column: string): string {
    return `INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload)
      SELECT (${column}->>'id')::uuid, ${column}->>'aggregatetype', ${column}->>'aggregateid', ${column}->>'type',
        ${column}->>'topic', ${column}->'payload'
      FROM ${source}`;
  }

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
      const row = this.rowOf(envelope);
      values.push(
        row.id,
        row.aggregatetype,
        row.aggregateid,
        row.type,
        row.topic,
        JSON.stringify(row.payload),
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
    values.push(this.channel);
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
