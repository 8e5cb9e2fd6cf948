/**
 * The strings a hostile caller tries: injections (SQL, templates, prototype keys, path traversal), text that is
 * not quite text, scalars at the edges parsers and databases disagree on, odd ids and JSON that does not parse.
 */

export const SQL_INJECTIONS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  "'; DROP TABLE complaint; --",
  '"; DROP TABLE outbox; --',
  '1; SELECT pg_sleep(5); --',
  "' UNION SELECT null, version(), current_user --",
  "admin'--",
  '%',
  '_',
  '$1',
  "\\'; COPY (SELECT '') TO PROGRAM 'id'; --",
] as const;

/**
 * Each probe sits between ⟪ and ⟫ so an evaluation would show as ⟪49⟫ (or a leaked object) in any echo of it,
 * and nothing else in an answer can look like that.
 */
export const TEMPLATE_INJECTIONS = [
  '{{7*7}}',
  '${7*7}',
  '<%= 7*7 %>',
  '#{7*7}',
  '{{= 7*7}}',
  '[[7*7]]',
  '{% print 7*7 %}',
  "{{constructor.constructor('return process')()}}",
  '{{constructor}}',
  '{{toString}}',
  '{{ __proto__ }}',
  '${process.env}',
].map((probe) => `⟪${probe}⟫`);

export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
] as const;

export const PATH_TRAVERSALS = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  '....//....//etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'file:///etc/passwd',
] as const;

export const WEIRD_UNICODE = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  'שלום עולם',
  'مرحبا',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '\ufeff',
  '\u200b\u200c\u200d',
  '\u2028\u2029',
  '\uffff\ufffe',
  '  ',
  '\r\n\t',
  '张三🀄️信用卡',
] as const;

/** Values that look like numbers, dates or ids and are not quite: the edges parsers and databases disagree on. */
export const EDGE_SCALARS = [
  '',
  '0',
  '-1',
  '1.5',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '2147483648',
  '9223372036854775808',
  '99999999999999999999999',
  '0x1F',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '2026-02-30',
  '2026-13-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '275760-09-13',
  '99999-01-01',
  '1970-01-01T00:00:00+25:00',
] as const;

/** Path segments a route with an id must survive: not uuids, almost uuids, encodings and traversal. */
export const WEIRD_IDS = [
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '------------------------------------',
  'ffffffff-ffff-ffff-ffff-fffffffffffg',
  '{3fa85f64-5717-4562-b3fc-2c963f66afa6}',
  '3fa85f64-5717-4562-b3fc-2c963f66afa6%0A',
  '3fa85f6457174562b3fc2c963f66afa6',
  '%00',
  '%2F',
  '%',
  '%zz',
  '%ED%A0%80',
  '%C0%AE%C0%AE',
  '..%2F..%2Fetc%2Fpasswd',
  'null',
  'undefined',
  '-1',
  '1e309',
] as const;

/** Every probe string above, for arbitraries that pick any. */
export const ALL_PROBES: readonly string[] = [
  ...SQL_INJECTIONS,
  ...TEMPLATE_INJECTIONS,
  ...PROTOTYPE_KEYS,
  ...PATH_TRAVERSALS,
  ...WEIRD_UNICODE,
  ...EDGE_SCALARS,
];

/** Bodies that are not the JSON an API accepts, under a JSON content type. */
export const MALFORMED_JSON = [
  '',
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '[1,2',
  'NaN',
  '{"a":NaN}',
  '{"a":1e400}',
  '// comment\n{}',
  '\ufeff{}',
  'null',
  'true',
  '"text"',
  '0',
  '{}{}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":"\\x41"}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
] as const;
