import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EVENT_CATALOGUE, isEventType } from '../catalogue';
import { EnvelopeAttributes } from './envelope-attributes';
import { PoisonMessageError } from './errors';
import { compiledContractCheck } from './compiled-contract-check';
import { AnyEnvelope } from './typed-envelope';
import { describeValidationErrors } from './validation';

/**
 * Turns raw bytes from the wire into a typed envelope, or throws PoisonMessageError saying why it never can be.
 * Tolerant reader: unknown data fields are dropped, not rejected, so producers can add optional fields.
 */
export function parseEnvelope(raw: Buffer | string): AnyEnvelope {
  const value = parseJson(raw);
  return readChecked(value) ?? readWithErrors(value);
}

/**
 * The envelope when attributes, type, version and data all pass the compiled checks; undefined to look closer.
 * The bytes were parsed here, so nothing else holds the values the checks share rather than copy.
 */
function readChecked(value: Record<string, unknown>): AnyEnvelope | undefined {
  const attributes = compiledContractCheck(EnvelopeAttributes, 'keep')(value) as
    EnvelopeAttributes | undefined;
  if (!attributes || !isEventType(attributes.type)) return undefined;
  const entry = EVENT_CATALOGUE[attributes.type];
  if (attributes.schemaversion !== entry.version) return undefined;
  const data = compiledContractCheck(entry.data as new () => object, 'strip')(attributes.data);
  if (!data) return undefined;
  return Object.freeze({ ...pickAttributes(attributes), data }) as AnyEnvelope;
}

/** class-validator's own path: the same verdict, and the words for every error when there are some. */
function readWithErrors(value: Record<string, unknown>): AnyEnvelope {
  const { data: rawData, ...rawAttributes } = value;
  // The data block is checked (and copied) once, against its own contract below, not as part of the attributes.
  const attributes = unlessUnreadable('invalid-envelope', () =>
    plainToInstance(EnvelopeAttributes, rawAttributes),
  );
  attributes.data = rawData as object;
  const envelopeErrors = validateSync(attributes, { forbidUnknownValues: true });
  if (envelopeErrors.length > 0) {
    throw new PoisonMessageError('invalid-envelope', describeValidationErrors(envelopeErrors));
  }
  if (!isEventType(attributes.type)) {
    throw new PoisonMessageError('unknown-type', [`no contract for type ${attributes.type}`]);
  }
  const entry = EVENT_CATALOGUE[attributes.type];
  if (attributes.schemaversion !== entry.version) {
    throw new PoisonMessageError('unsupported-version', [
      `${attributes.type} v${attributes.schemaversion} is not supported (current v${entry.version})`,
    ]);
  }
  const data = unlessUnreadable('invalid-data', () =>
    plainToInstance(entry.data as new () => object, attributes.data),
  );
  const dataErrors = validateSync(data, { whitelist: true, forbidUnknownValues: true });
  if (dataErrors.length > 0) {
    throw new PoisonMessageError('invalid-data', describeValidationErrors(dataErrors, 'data'));
  }
  return Object.freeze({ ...pickAttributes(attributes), data }) as AnyEnvelope;
}

/**
 * class-transformer throws on some JSON it cannot copy (an object with a "constructor" key, even in a field the
 * contract does not know). That is the message's fault, not the consumer's: it must be poison, or the consumer
 * would retry the record forever.
 */
function unlessUnreadable<T>(reason: 'invalid-envelope' | 'invalid-data', read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new PoisonMessageError(reason, [`unreadable: ${(error as Error).message}`]);
  }
}

function parseJson(raw: Buffer | string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch (error) {
    throw new PoisonMessageError('malformed-json', [(error as Error).message]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PoisonMessageError('invalid-envelope', ['an envelope must be a JSON object']);
  }
  return value as Record<string, unknown>;
}

function pickAttributes(a: EnvelopeAttributes): Omit<EnvelopeAttributes, 'data'> {
  return {
    specversion: a.specversion,
    id: a.id,
    source: a.source,
    type: a.type,
    schemaversion: a.schemaversion,
    subject: a.subject,
    time: a.time,
    datacontenttype: a.datacontenttype,
    correlationid: a.correlationid,
    ...(a.causationid ? { causationid: a.causationid } : {}),
  };
}
