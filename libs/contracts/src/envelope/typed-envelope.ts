import { EventDataOf, EventType } from '../catalogue';
import { EventEnvelope } from './event-envelope';

/** The envelope of one catalogued event type, with its data typed. */
export type EnvelopeOf<T extends EventType> = EventEnvelope<T, EventDataOf<T>>;

/** Any catalogued envelope: a discriminated union on `type`. */
export type AnyEnvelope = { [T in EventType]: EnvelopeOf<T> }[EventType];
