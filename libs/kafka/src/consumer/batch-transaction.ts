import { DataSource } from 'typeorm';
import { AnyEnvelope, causedBy, createEnvelope, EventEnvelope, ServiceName } from '@complaints/contracts';
import { runWithLogContext } from '@complaints/observability';
import { OutboxWriter } from '../outbox/outbox-writer';
import { EventHandler, HandlerContext } from './event-handler';

/** A parsed record and the handlers that want it. */
export interface ParsedEvent {
  envelope: AnyEnvelope;
  handlers: EventHandler[];
}

/** The fields a handler's log lines carry: which flow and which event they belong to. */
export function logContextOf(envelope: AnyEnvelope): Record<string, string> {
  return {
    correlationid: envelope.correlationid,
    causationid: envelope.id,
    subject: envelope.subject,
    eventType: envelope.type,
    eventId: envelope.id,
  };
}

/** The inbox key of one handler and one event (Postgres answers uuids in lower case). */
const inboxKey = (consumer: string, eventId: string): string => `${consumer} ${eventId.toLowerCase()}`;

/**
 * Handles a run of consecutive events from one partition in ONE transaction: one multi-row inbox insert decides
 * which (handler, event) pairs are new, the handlers run in record order on the same transaction (a later event
 * sees what an earlier one wrote), each handler's beforeEvents and afterEvents (if it has them) bracket all of
 * its events, and every follow-up event goes to the outbox in one insert and one NOTIFY. Per event this saves the
 * BEGIN, COMMIT, inbox round trip, outbox round trip and NOTIFY that dominate the cost of a small handler. Any
 * error rolls the whole run back; the caller then handles the events one at a time, so a bad event never takes
 * good ones with it. Returns, per event, whether a handler ran ('handled') or all had already seen it
 * ('duplicate').
 */
export function handleInOneTransaction(
  dataSource: DataSource,
  outbox: OutboxWriter,
  service: ServiceName,
  events: ParsedEvent[],
): Promise<('handled' | 'duplicate')[]> {
  return dataSource.transaction(async (em) => {
    const consumers: string[] = [];
    const ids: string[] = [];
    const types: string[] = [];
    const sources: string[] = [];
    for (const { envelope, handlers } of events) {
      for (const handler of handlers) {
        consumers.push(handler.name);
        ids.push(envelope.id);
        types.push(envelope.type);
        sources.push(envelope.source);
      }
    }
    // A record the relay published twice may sit twice in one run: DO NOTHING keeps the first, once.
    const inserted: { consumer: string; event_id: string }[] = await em.query(
      `INSERT INTO inbox (consumer, event_id, event_type, source)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[])
       ON CONFLICT (consumer, event_id) DO NOTHING RETURNING consumer, event_id`,
      [consumers, ids, types, sources],
    );
    const fresh = new Set(inserted.map((row) => inboxKey(row.consumer, row.event_id)));
    // Who handles what: a (handler, event) pair runs only if its inbox row is new, and only once per run.
    const planned = events.map(({ envelope, handlers }) => ({
      envelope,
      handlers: handlers.filter((handler) => fresh.delete(inboxKey(handler.name, envelope.id))),
    }));
    const participants = new Map<EventHandler, AnyEnvelope[]>();
    for (const { envelope, handlers } of planned) {
      for (const handler of handlers) {
        const theirs = participants.get(handler) ?? [];
        participants.set(handler, theirs);
        theirs.push(envelope);
      }
    }
    for (const [handler, envelopes] of participants) await handler.beforeEvents?.(envelopes as never, em);
    const followUps: EventEnvelope[] = [];
    for (const { envelope, handlers } of planned) {
      for (const handler of handlers) {
        const ctx: HandlerContext = {
          em,
          emit: async (event) => {
            followUps.push(createEnvelope(causedBy(envelope, { ...event, source: service })));
          },
        };
        await runWithLogContext(logContextOf(envelope), () => handler.handle(envelope as never, ctx));
      }
    }
    for (const handler of participants.keys()) await handler.afterEvents?.(em);
    await outbox.enqueue(em, followUps);
    return planned.map(({ handlers }) => (handlers.length > 0 ? 'handled' : 'duplicate'));
  });
}
