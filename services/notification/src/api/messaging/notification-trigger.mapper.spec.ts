import { EXAMPLE_EVENTS, createEnvelope } from '@complaints/contracts';
import { deriveVariables } from '../../domain/derived-variables';
import { NOTIFIABLE_EVENT_TYPES, TEMPLATE_VARIABLES } from '../../domain/template-variables';
import { NotifiableEnvelope, toTrigger } from './notification-trigger.mapper';

const context = {
  answerWithinDays: 15,
  surveyUrl: 'https://survey.bank.example/complaints',
  team: 'risk-control',
};

describe('event to notification trigger', () => {
  it.each(NOTIFIABLE_EVENT_TYPES)(
    'supplies every required variable of %s and nothing the templates cannot name',
    (type) => {
      // Given the contract's example of the event
      const event = createEnvelope(EXAMPLE_EVENTS[type]) as NotifiableEnvelope;
      // When it is mapped and the derived values are added
      const trigger = toTrigger(event);
      const variables = deriveVariables(trigger.eventType, trigger.variables, context);
      // Then every required variable of the catalogue has a value, and every value is one a template may use
      const specs = TEMPLATE_VARIABLES[type];
      const required = Object.keys(specs).filter((name) => !specs[name].optional && name !== 'reference');
      expect(Object.keys(variables)).toEqual(expect.arrayContaining(required));
      expect(Object.keys(variables).filter((name) => !(name in specs))).toEqual([]);
      expect(trigger).toMatchObject({
        eventId: event.id,
        subject: event.subject,
        correlationId: event.correlationid,
      });
    },
  );

  it('computes the new deadline of an extension from receipt, and carries no personal data', () => {
    const event = createEnvelope(EXAMPLE_EVENTS['complaint.deadline-extended']) as NotifiableEnvelope;
    expect(toTrigger(event).variables).toMatchObject({
      newTotalDays: '30',
      newDeadline: '2027-01-02T08:02:00.000Z',
    });
    const received = toTrigger(createEnvelope(EXAMPLE_EVENTS['complaint.received']) as NotifiableEnvelope);
    expect(JSON.stringify(received)).not.toMatch(/ciphertext|maskedName|张/);
  });

  it('names no complaint for a fleet-wide risk warning', () => {
    const trigger = toTrigger(createEnvelope(EXAMPLE_EVENTS['risk.warning-raised']) as NotifiableEnvelope);
    expect(trigger).toMatchObject({ complaintId: null, subject: 'risk:category:account-and-transaction' });
  });
});
