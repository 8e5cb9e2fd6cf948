import { EntityManager } from 'typeorm';
import { EventDataOf, EventType } from '@complaints/contracts';

/** Where a use case's events go: the outbox, in the caller's transaction, with the flow's correlation. */
export interface EventSink {
  emit<T extends EventType>(event: { type: T; subject: string; data: EventDataOf<T> }): Promise<void>;
}

/** Builds a sink on the outbox for a transaction that is not a message handler's (HTTP request, timer). */
export interface OutboxSinks {
  sinkFor(em: EntityManager, flow: { correlationId: string; causationId?: string }): EventSink;
}

export const OUTBOX_SINKS = Symbol('OutboxSinks');
