import { EVENT_CATALOGUE, EventType } from '../catalogue';
import { createEnvelope } from '../envelope/create-envelope';
import { EnvelopeOf } from '../envelope/typed-envelope';
import { EXAMPLE_EVENTS } from './example-events';

/** Where the example envelopes are written for downstream teams, relative to the repository root. */
export const FIXTURES_DIR = 'libs/contracts/fixtures';

/**
 * An example exactly as it travels: built by createEnvelope (so it is validated against its contract) and passed
 * through JSON, which drops the `undefined` optional fields class instances carry.
 */
export function exampleEnvelope<T extends EventType>(type: T): EnvelopeOf<T> {
  const envelope: EnvelopeOf<T> = createEnvelope(EXAMPLE_EVENTS[type]);
  return JSON.parse(JSON.stringify(envelope)) as EnvelopeOf<T>;
}

/** `<type>.v<version>.json`: the version is in the name so a v2 fixture can sit beside the v1 one a consumer pins. */
export function fixtureFileName(type: EventType): string {
  return `${type}.v${EVENT_CATALOGUE[type].version}.json`;
}
