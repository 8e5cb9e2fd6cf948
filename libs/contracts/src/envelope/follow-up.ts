import { EventType } from '../catalogue';
import { EventEnvelope } from './event-envelope';
import { NewEvent } from './create-envelope';

/**
 * The causal metadata for an event caused by another: same correlation id, causation id = the cause's id.
 * Handlers use this instead of hand-rolling the metadata.
 */
export function causedBy<T extends EventType>(
  cause: Pick<EventEnvelope, 'id' | 'correlationid'>,
  event: Omit<NewEvent<T>, 'correlationid' | 'causationid'>,
): NewEvent<T> {
  return { ...event, correlationid: cause.correlationid, causationid: cause.id };
}
