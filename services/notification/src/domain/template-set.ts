import { isNotifiableEventType, variablesFor } from './template-variables';
import { LANGUAGES, malformedPlaceholdersOf, placeholdersOf, Template, templateId } from './template';

export interface TemplateProblem {
  /** Path in the submitted set, e.g. templates.3.body (the same form as the request validation's). */
  field: string;
  message: string;
}

/** Customers choose SMS or e-mail; webhooks are for staff tools. */
const CUSTOMER_CHANNELS = ['sms', 'email'] as const;

/**
 * Checks a whole template set before it is saved, so nothing can fail for a template reason when a message is due:
 * every placeholder must be one the event supplies to that audience, e-mails need a subject and SMS has none, no
 * two templates share a key, and every event the customer hears about has an SMS and an e-mail template in every
 * language (the customer's preference picks one, so a gap would only show at send time).
 */
export function validateTemplateSet(templates: Template[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const seen = new Set<string>();
  templates.forEach((t, i) => {
    const at = (field: string) => `templates.${i}.${field}`;
    if (!isNotifiableEventType(t.eventType)) {
      problems.push({
        field: at('eventType'),
        message: `${t.eventType} is not an event this service notifies on`,
      });
      return;
    }
    const key = templateId(t);
    if (seen.has(key)) problems.push({ field: at('eventType'), message: `a second template for ${key}` });
    seen.add(key);
    if (t.audience === 'customer' && !(CUSTOMER_CHANNELS as readonly string[]).includes(t.channel)) {
      problems.push({ field: at('channel'), message: 'customers are reached by sms or email only' });
    }
    if (t.channel === 'email' && !t.subject) {
      problems.push({ field: at('subject'), message: 'an email template needs a subject' });
    }
    if (t.channel === 'sms' && t.subject !== undefined) {
      problems.push({ field: at('subject'), message: 'an sms template has no subject' });
    }
    const allowed = variablesFor(t.eventType, t.audience);
    for (const [part, text] of [
      ['subject', t.subject],
      ['body', t.body],
    ] as const) {
      if (text === undefined) continue;
      // Own variables only: `in` would also accept what every object inherits ({{constructor}}, {{toString}}).
      const unknown = placeholdersOf(text).filter((name) => !Object.hasOwn(allowed, name));
      if (unknown.length > 0) {
        problems.push({
          field: at(part),
          message: `unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `{{${n}}}`).join(', ')} for ${t.eventType} to ${t.audience}; available: ${Object.keys(allowed).join(', ')}`,
        });
      }
      const malformed = malformedPlaceholdersOf(text);
      if (malformed.length > 0) {
        problems.push({
          field: at(part),
          message: `malformed placeholder ${malformed.join(', ')}: use {{variable}}`,
        });
      }
    }
  });
  problems.push(...missingCustomerVariants(templates));
  return problems;
}

function missingCustomerVariants(templates: Template[]): TemplateProblem[] {
  const customerEvents = new Set(templates.filter((t) => t.audience === 'customer').map((t) => t.eventType));
  const present = new Set(templates.map(templateId));
  const problems: TemplateProblem[] = [];
  for (const eventType of customerEvents) {
    const missing = CUSTOMER_CHANNELS.flatMap((channel) =>
      LANGUAGES.filter(
        (language) => !present.has(templateId({ eventType, audience: 'customer', channel, language })),
      ).map((language) => `${channel}/${language}`),
    );
    if (missing.length > 0) {
      problems.push({
        field: 'templates',
        message: `${eventType} to the customer needs sms and email templates in every language; missing ${missing.join(', ')}`,
      });
    }
  }
  return problems;
}
