/**
 * Masks personal identifiers in free text: the standards forbid customer PII in logs and events. Patterns cover
 * mainland China ID numbers, bank card / account numbers, mobile numbers and e-mail addresses. Masking keeps a few
 * characters so operators can still tell values apart.
 */
const RULES: { pattern: RegExp; mask: (match: string) => string }[] = [
  // 18-digit resident ID (last char may be X), before the card rule.
  { pattern: /(?<![\w-])\d{17}[\dXx](?![\w-])/g, mask: (m) => `${m.slice(0, 3)}***********${m.slice(-4)}` },
  // Mainland mobile numbers, with or without +86.
  {
    pattern: /(?<![\w-])(?:\+?86[ -]?)?1[3-9]\d{9}(?![\w-])/g,
    mask: (m) => `${m.slice(0, m.length - 8)}****${m.slice(-4)}`,
  },
  // Card and account numbers: 12-19 digits, optionally grouped by spaces or dashes. The word-boundary lookarounds
  // keep UUIDs and ISO timestamps intact.
  {
    pattern: /(?<![\w-])\d(?:[ -]?\d){11,18}(?![\w-])/g,
    mask: (m) => `****${m.replace(/\D/g, '').slice(-4)}`,
  },
  // Landlines with an area code: 010-12345678.
  { pattern: /(?<![\w-])0\d{2,3}-\d{7,8}(?![\w-])/g, mask: (m) => `${m.slice(0, 4)}****${m.slice(-2)}` },
  { pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, mask: (m) => maskEmail(m) },
];

export function redactText(text: string): string {
  return RULES.reduce((acc, rule) => acc.replace(rule.pattern, rule.mask), text);
}

export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  if (!domain) return '***';
  return `${local.slice(0, 1)}***@${domain}`;
}

export function maskPhone(phone: string): string {
  // A mainland mobile with its +86 country code keeps the familiar 138****8000 shape.
  const all = phone.replace(/\D/g, '');
  const digits = all.length === 13 && all.startsWith('861') ? all.slice(2) : all;
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** Keeps the first character of a name: 张三 -> 张*, Alice Smith -> A***. */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) return '*';
  const first = Array.from(trimmed)[0];
  return /[\u4e00-\u9fff]/.test(first)
    ? `${first}${'*'.repeat(Math.max(1, Array.from(trimmed).length - 1))}`
    : `${first}***`;
}

/** Fields that hold our own identifiers and timestamps, never customer data. */
const SAFE_KEYS = new Set([
  'time',
  'correlationid',
  'causationid',
  'subject',
  'eventId',
  'eventType',
  'service',
  'level',
]);

/** Deep-redacts every string in a log payload. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SAFE_KEYS.has(k) ? v : redactValue(v, depth + 1)]),
  );
}
