/**
 * Message templates are data: per event type, audience, channel and language. Rendering only substitutes
 * {{name}} placeholders with values (no expressions, no code), and a placeholder without a value is an error
 * rather than a message with a hole in it.
 */
export interface Template {
  id: string;
  eventType: string;
  audience: 'customer' | 'assignee' | 'team-lead' | 'ops' | 'management';
  channel: 'sms' | 'email' | 'webhook';
  language: 'zh-CN' | 'en';
  subject?: string;
  body: string;
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
    const value = values[name];
    if (value === undefined) throw new MissingTemplateVariableError(name);
    return value;
  });
}

/** The placeholders a template text uses, so a template can be checked before it is ever sent. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}
