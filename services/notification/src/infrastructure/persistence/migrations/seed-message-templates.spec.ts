import { Template } from '../../../domain/template';
import { validateTemplateSet } from '../../../domain/template-set';
import { NOTIFIABLE_EVENT_TYPES } from '../../../domain/template-variables';
import { SEED_STAFF_RECIPIENTS, SEED_TEMPLATES } from './1764100000000-seed-message-templates.data';

describe('the seeded template set', () => {
  it('passes the same checks as a set saved over the API', () => {
    // Given the templates the migration seeds, When validated like a PUT, Then nothing is wrong
    const asSaved = SEED_TEMPLATES.map(({ subject, ...t }) => ({
      ...t,
      ...(subject !== null ? { subject } : {}),
    }));
    expect(validateTemplateSet(asSaved as Template[])).toEqual([]);
  });

  it('tells someone about every notifiable event, the customer in both languages on both channels', () => {
    const events = new Set(SEED_TEMPLATES.map((t) => t.eventType));
    expect([...events].sort()).toEqual([...NOTIFIABLE_EVENT_TYPES].sort());
    const customer = SEED_TEMPLATES.filter((t) => t.audience === 'customer');
    expect(customer).toHaveLength(4 * 2 * 2);
    for (const t of customer) expect(t.body).toContain('{{reference}}');
  });

  it('has a staff recipient for every audience that staff templates address', () => {
    const staffAudiences = new Set(
      SEED_TEMPLATES.filter((t) => t.audience !== 'customer').map((t) => t.audience),
    );
    expect(new Set(SEED_STAFF_RECIPIENTS.map((r) => r.audience))).toEqual(staffAudiences);
  });
});
