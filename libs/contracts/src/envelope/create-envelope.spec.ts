import { EVENT_CATALOGUE } from '../catalogue';
import { EXAMPLE_EVENTS } from '../examples/example-events';
import { createEnvelope, NewEvent } from './create-envelope';
import { ContractViolationError } from './errors';

type Received = NewEvent<'complaint.received'>;

/** A private copy of the complaint.received example with its data loosened, so a test can break it. */
function receivedWith(change: (data: Record<string, unknown>) => void): Received {
  const event = structuredClone(EXAMPLE_EVENTS['complaint.received']);
  change(event.data as unknown as Record<string, unknown>);
  return event;
}

function violationOf(event: Received): ContractViolationError {
  try {
    createEnvelope(event);
  } catch (error: unknown) {
    if (error instanceof ContractViolationError) return error;
    throw error;
  }
  throw new Error('createEnvelope accepted data that breaks the contract');
}

describe('createEnvelope', () => {
  it('refuses a data field the contract does not define, naming it', () => {
    // Given a producer that adds a field of its own to complaint.received
    const event = receivedWith((data) => {
      data.customerPhone = '13800000000';
    });

    // When it builds the envelope
    const error = violationOf(event);

    // Then the event is refused before reaching the outbox, and the error says which type and which field
    expect(error.type).toBe('complaint.received');
    expect(error.details).toEqual([expect.stringContaining('customerPhone')]);
  });

  it('refuses an unknown field smuggled into a nested block', () => {
    // Given clear-text contact details added beside the masked customer values
    const event = receivedWith((data) => {
      (data.customer as Record<string, unknown>).phone = '13800000000';
    });

    // When it builds the envelope
    const error = violationOf(event);

    // Then the nested field is caught too, with its path
    expect(error.details).toEqual([expect.stringMatching(/^customer\.phone: /)]);
  });

  it('refuses data the transformer cannot copy as a contract violation, not a crash', () => {
    // Given data whose unknown field holds an object with a "constructor" key
    const event = receivedWith((data) => {
      data.extension = { constructor: 'x' };
    });

    // When it builds the envelope, then the producer gets the contract's error for its type
    expect(violationOf(event).details).toEqual([expect.stringContaining('unreadable')]);
  });

  it('refuses a value outside the vocabulary', () => {
    // Given a channel the contract does not know
    const event = receivedWith((data) => {
      data.channel = 'fax';
    });

    // When it builds the envelope
    const error = violationOf(event);

    // Then the bad value is reported against its field
    expect(error.details).toEqual([expect.stringMatching(/^channel: /)]);
    expect(error.message).toContain('complaint.received violates its contract');
  });

  it('refuses a malformed nested value', () => {
    // Given an amount written with a thousands separator, which is not a decimal string
    const event = receivedWith((data) => {
      data.amount = { value: '12,860.00', currency: 'CNY' };
    });

    // When it builds the envelope
    const error = violationOf(event);

    // Then the nested field is named
    expect(error.details).toEqual([expect.stringMatching(/^amount\.value: /)]);
  });

  it('stamps the contract version and the producer urn, and leaves out an absent causation id', () => {
    // Given a valid event without a causation id
    const event = EXAMPLE_EVENTS['complaint.received'];

    // When it builds the envelope
    const envelope = createEnvelope(event);

    // Then the envelope carries what the catalogue and the producer say, and no empty causation attribute
    expect(envelope).toMatchObject({
      specversion: '1.0',
      source: 'urn:complaints:intake',
      schemaversion: EVENT_CATALOGUE['complaint.received'].version,
      time: '2026-11-20T09:15:00.000Z',
      datacontenttype: 'application/json',
    });
    expect(Object.keys(envelope)).not.toContain('causationid');
  });

  it('refuses envelope attributes a consumer would reject: a non-uuid id, an empty correlation id, an invalid time', () => {
    const example = EXAMPLE_EVENTS['complaint.received'];
    expect(() => createEnvelope({ ...example, id: 'not-a-uuid' })).toThrow(ContractViolationError);
    expect(() => createEnvelope({ ...example, correlationid: '' })).toThrow(ContractViolationError);
    expect(() => createEnvelope({ ...example, time: new Date('nonsense') })).toThrow(ContractViolationError);
  });
});
