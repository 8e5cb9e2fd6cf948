import { EventDataOf, EventType } from '../catalogue';
import { EventEnvelope } from './event-envelope';

/**
 * The envelope of a catalogued event type, with its data typed. Distributes over unions, so a handler of two
 * types receives a union it can narrow on `type`.
 */
export type EnvelopeOf<T extends EventType> = T extends EventType ? EventEnvelope<T, EventDataOf<T>> : never;

/** Any catalogued envelope: a discriminated union on `type`. */
export type AnyEnvelope = EnvelopeOf<EventType>;
