import { randomUUID } from 'node:crypto';
import { instanceToPlain, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EVENT_CATALOGUE, EventDataOf, EventType } from '../catalogue';
import { EnvelopeAttributes } from './envelope-attributes';
import { compiledContractCheck, toPlainJson } from './compiled-contract-check';
import { ContractViolationError } from './errors';
import { ServiceName, sourceOf } from './event-envelope';
import { EnvelopeOf } from './typed-envelope';
import { describeValidationErrors } from './validation';

export interface NewEvent<T extends EventType> {
  type: T;
  subject: string;
  data: EventDataOf<T>;
  source: ServiceName;
  correlationid: string;
  causationid?: string;
  /** When the fact happened; defaults to now. Pass the injected clock's time from domain code. */
  time?: Date;
  id?: string;
}

/**
 * Builds an envelope and validates its data strictly against the current contract version, so a producer bug is
 * caught before the event reaches the outbox. Unknown fields are rejected here (and tolerated by consumers).
 */
export function createEnvelope<T extends EventType>(event: NewEvent<T>): EnvelopeOf<T> {
  const entry = EVENT_CATALOGUE[event.type];
  const checked = compiledContractCheck(entry.data as new () => object, 'reject')(event.data);
  // The caller keeps its data object, so the envelope gets a copy.
  const data = checked ? toPlainJson(checked) : checkedWithErrors(event);
  const time = event.time ?? new Date();
  if (Number.isNaN(time.getTime())) throw new ContractViolationError(event.type, ['time: not a valid date']);
  // The conditional EnvelopeOf<T> cannot be checked against a generic T; the shape is the one it names.
  const envelope = {
    specversion: '1.0',
    id: event.id ?? randomUUID(),
    source: sourceOf(event.source),
    type: event.type,
    schemaversion: entry.version,
    subject: event.subject,
    time: time.toISOString(),
    datacontenttype: 'application/json',
    correlationid: event.correlationid,
    ...(event.causationid !== undefined ? { causationid: event.causationid } : {}),
    data: data as EventDataOf<T>,
  } as EnvelopeOf<T>;
  // The attributes get the same check consumers apply, so a bad id or correlation id fails here, not downstream.
  // The envelope is our own flat object of strings and numbers (the data was checked above): no copy is needed.
  if (compiledContractCheck(EnvelopeAttributes, 'keep')(envelope)) return envelope;
  const attributeErrors = validateSync(Object.assign(new EnvelopeAttributes(), envelope), {
    forbidUnknownValues: true,
  });
  if (attributeErrors.length > 0) {
    throw new ContractViolationError(event.type, describeValidationErrors(attributeErrors));
  }
  return envelope;
}

/** class-validator's own path: the data as the contract reads it, or every error in the producer's data. */
function checkedWithErrors<T extends EventType>(event: NewEvent<T>): unknown {
  const entry = EVENT_CATALOGUE[event.type];
  let data: object;
  try {
    data = plainToInstance(entry.data as new () => object, instanceToPlain(event.data));
  } catch (error) {
    // class-transformer cannot copy some values (an object with a "constructor" key): still the producer's bug.
    throw new ContractViolationError(event.type, [`unreadable: ${(error as Error).message}`]);
  }
  const errors = validateSync(data, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) {
    throw new ContractViolationError(event.type, describeValidationErrors(errors));
  }
  return instanceToPlain(data);
}
