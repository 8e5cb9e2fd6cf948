import { EntityManager } from 'typeorm';
import { EnvelopeOf, EventDataOf, EventType } from '@complaints/contracts';

/** What a handler may do inside its transaction: write with `em`, and emit follow-up events to the outbox. */
export interface HandlerContext {
  readonly em: EntityManager;
  /** Emits an event caused by the one being handled (correlation copied, causation = its id), same transaction. */
  emit<T extends EventType>(event: {
    type: T;
    subject: string;
    data: EventDataOf<T>;
    time?: Date;
  }): Promise<void>;
}

/**
 * A reaction to one or more event types. The consumer host runs it in one database transaction together with its
 * inbox row, so it runs at most once per event id; its writes and follow-up events commit with that row.
 */
export interface EventHandler<T extends EventType = EventType> {
  /** The inbox key: never rename without a migration that renames existing inbox rows. */
  readonly name: string;
  readonly consumes: readonly T[];
  handle(event: EnvelopeOf<T>, ctx: HandlerContext): Promise<void>;
  /**
   * Optional, for a handler whose cost is mostly round trips to its database: called once per transaction before
   * its first `handle`, with every event it is about to handle there (record order), so it can read and lock the
   * state they touch in a few statements instead of a few per event.
   */
  beforeEvents?(events: EnvelopeOf<T>[], em: EntityManager): Promise<void>;
  /**
   * Optional: called once per transaction after the last `handle` of the transaction (of every handler), before
   * the commit, to write what the `handle` calls left pending. Not called when a `handle` throws: the transaction
   * is rolled back. A handler that keeps writes back must let its own later events in the run see them.
   */
  afterEvents?(em: EntityManager): Promise<void>;
}

/**
 * Thrown by a handler when the event can never apply (for example it contradicts state the service owns): the
 * message goes to the dead-letter topic at once instead of being retried.
 */
export class UnprocessableEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableEventError';
  }
}
