/**
 * The policy set a new installation starts with (version 1), frozen with the migration that seeds it: later
 * versions are made over the API, never by editing this file. Values from the standards (domain-requirements
 * §4.1): urgent problems answered within 15 minutes, general ones within an hour; resolution within 24 hours
 * (urgent) or 72 hours; and the regulator's decision 15 calendar days from receipt (§4.3, CBIRC Order 2020 No. 3),
 * extended to 30 or 60 days by complaint.deadline-extended.
 */
const target = (kind: string, amount: number, unit: string) => ({
  kind,
  amount,
  unit,
  basis: '24x7',
  pauseWhileAwaitingCustomer: kind === 'resolution',
  restartOnReopen: kind !== 'first-response',
});

export const DEFAULT_POLICIES_V1 = {
  policies: [
    {
      id: 'urgent',
      description: 'Urgent problems: answered within 15 minutes, resolved within 24 hours.',
      match: { urgencies: ['urgent'] },
      calendarId: 'cn-mainland',
      warningFractions: [0.5, 0.8],
      targets: [
        target('first-response', 15, 'minutes'),
        target('resolution', 24, 'hours'),
        target('regulatory-decision', 15, 'days'),
      ],
    },
    {
      id: 'general',
      description: 'Every other complaint: handled within 1 hour, resolved within 72 hours.',
      match: {},
      calendarId: 'cn-mainland',
      warningFractions: [0.5, 0.8],
      targets: [
        target('first-response', 60, 'minutes'),
        target('resolution', 72, 'hours'),
        target('regulatory-decision', 15, 'days'),
      ],
    },
  ],
};
