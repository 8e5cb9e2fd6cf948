import { EventType } from '../catalogue';
import { NewEvent } from '../envelope/create-envelope';
import { CARD_FRAUD_DOWNSTREAM_EXAMPLES } from './card-fraud-downstream';
import { CARD_FRAUD_INTAKE_EXAMPLES } from './card-fraud-intake';
import { OVERDRAFT_FEES_EXAMPLES } from './overdraft-fees';
import { WITHDRAWN_AND_RISK_EXAMPLES } from './withdrawn-and-risk';

/** One example per catalogued type: the mapped type makes a new catalogue entry without an example a compile error. */
export type ExampleEvents = { [T in EventType]: NewEvent<T> };

/**
 * A realistic event of every type, with fixed ids and times so the AsyncAPI document and the fixtures derived from
 * them are reproducible. The examples follow three complaints (a Chinese card-fraud case, an English overdraft-fee
 * case, a withdrawn one) plus a risk warning; only masked or encrypted customer values appear, as on the wire.
 */
export const EXAMPLE_EVENTS: ExampleEvents = {
  ...CARD_FRAUD_INTAKE_EXAMPLES,
  ...CARD_FRAUD_DOWNSTREAM_EXAMPLES,
  ...OVERDRAFT_FEES_EXAMPLES,
  ...WITHDRAWN_AND_RISK_EXAMPLES,
};
