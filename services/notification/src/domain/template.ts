/**
 * Message templates are data: per event type, audience, channel and language, in numbered versions of the whole
 * set. Rendering only substitutes {{name}} placeholders with values (no expressions, no code, no partials), so a
 * template author cannot run anything, and a placeholder without a value is an error rather than a message with a
 * hole in it. Which placeholders a template may use is checked when the template is saved (template-set.ts).
 */
export const AUDIENCES = ['customer', 'assignee', 'team-lead', 'ops', 'management'] as const;
export type Audience = (typeof AUDIENCES)[number];
export type StaffAudience = Exclude<Audience, 'customer'>;

export const CHANNELS = ['sms', 'email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Template {
  eventType: string;
  audience: Audience;
  channel: Channel;
  language: Language;
  /** E-mail subject, webhook title; SMS has none. */
  subject?: string;
  body: string;
}

/** A template as stored: which version of the set it belongs to. */
export interface VersionedTemplate extends Template {
  version: number;
}

/** The stable name of a template across versions, e.g. complaint.received.customer.sms.zh-CN. */
export function templateId(t: Pick<Template, 'eventType' | 'audience' | 'channel' | 'language'>): string {
  return `${t.eventType}.${t.audience}.${t.channel}.${t.language}`;
}

export class MissingTemplateVariableError extends Error {
  constructor(readonly variable: string) {
    super(`template variable {{${variable}}} has no value`);
    this.name = 'MissingTemplateVariableError';
  }
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g;

export function render(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    // Own values only, so {{constructor}} can never render what every object inherits.
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) throw new MissingTemplateVariableError(name);
    return value;
  });
}

/** The placeholders a template text uses, so a template can be checked before it is ever sent. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** Braces that do not form a placeholder, e.g. `{{ 1+1 }}` or `{{name`: almost certainly an author's mistake. */
export function malformedPlaceholdersOf(text: string): string[] {
  const withoutValid = text.replace(PLACEHOLDER, '');
  return [...withoutValid.matchAll(/\{\{[^}]*\}?\}?/g)].map((m) => m[0]);
}
