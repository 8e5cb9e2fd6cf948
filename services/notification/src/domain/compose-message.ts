import { formatValue } from './display-format';
import { Language, render, Template } from './template';
import { VariableSpec } from './template-variables';

export interface ComposedMessage {
  subject?: string;
  body: string;
}

/**
 * Fills a template for one recipient: raw values formatted for their language and the display time zone, optional
 * values that the event lacks left empty, and a required value that is missing refused (which the checks at save
 * time and the mapper tests make impossible in practice).
 */
export function composeMessage(
  template: Pick<Template, 'subject' | 'body'>,
  specs: Record<string, VariableSpec>,
  raw: Record<string, string>,
  language: Language,
  timeZone: string,
): ComposedMessage {
  const values: Record<string, string> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = raw[name];
    if (value === undefined) {
      if (spec.optional) values[name] = '';
      continue;
    }
    values[name] = formatValue(value, spec.kind, language, timeZone);
  }
  return {
    ...(template.subject !== undefined ? { subject: render(template.subject, values) } : {}),
    body: render(template.body, values),
  };
}
