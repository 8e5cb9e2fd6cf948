import fc from 'fast-check';
import { ALL_PROBES, EDGE_SCALARS, MALFORMED_JSON, PROTOTYPE_KEYS, WEIRD_IDS } from './hostile-probes';
import type { HostileRequest } from './hostile-sweep';

/**
 * fast-check arbitraries for what a careless or hostile caller sends a public endpoint: hostile strings and values,
 * valid bodies broken in one to three places, malformed and oversized bodies, path segments and query strings.
 * hostile-sweep.ts sends them and checks every answer; the bad-input sweeps combine both per route.
 */

/** 100 kB and more: past every field's limit, and (the 300 kB one) past the 256 kB body limit. */
export function hugeString(): fc.Arbitrary<string> {
  return fc.constantFrom(
    'A'.repeat(100_000),
    '汉'.repeat(40_000),
    `${'\u0000'.repeat(10)}${'🙂'.repeat(25_000)}`,
    'x'.repeat(300_000),
  );
}

/** Strings of any code unit that matters: NUL, lone surrogates, direction marks, plus the printable rest. */
function oddCharacterString(maxLength: number): fc.Arbitrary<string> {
  const oddUnit = fc.constantFrom(
    '\u0000',
    '\ud800',
    '\udc00',
    '\u202e',
    '\ufeff',
    '\u2028',
    '"',
    '\\',
    "'",
    '%',
  );
  return fc.string({
    unit: fc.oneof(oddUnit, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
    maxLength,
  });
}

/** One hostile string: the probe lists, random unicode, combinations, and (unless capped) huge strings. */
export function hostileString(options: { maxLength?: number } = {}): fc.Arbitrary<string> {
  const maxLength = options.maxLength ?? Infinity;
  const probe = fc.constantFrom(...ALL_PROBES);
  const short = fc.oneof(
    { arbitrary: probe, weight: 5 },
    { arbitrary: oddCharacterString(40), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
    { arbitrary: fc.tuple(probe, probe).map(([a, b]) => `${a}${b}`), weight: 1 },
  );
  const long = fc.oneof(
    hugeString(),
    fc.integer({ min: 1_000, max: 8_000 }).map((n) => '9'.repeat(n)),
  );
  return fc
    .oneof({ arbitrary: short, weight: 9 }, { arbitrary: long, weight: 1 })
    .map((s) => (s.length > maxLength ? s.slice(0, maxLength) : s));
}

/** A value of the wrong type for whatever field it lands in. */
export function wrongTypedValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, [], {}, [null], ['']),
    fc.constantFrom({ $gt: '' }, { $ne: null }, { toString: 'x' }, { length: 1e9 }, [[[[[]]]]]),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    fc.double(),
    fc.integer(),
  );
}

/** Any hostile value: a hostile string, a wrong type, or random JSON. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: hostileString(), weight: 4 },
    { arbitrary: wrongTypedValue(), weight: 3 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
    { arbitrary: fc.array(hostileString({ maxLength: 200 }), { maxLength: 3 }), weight: 1 },
  );
}

type Path = (string | number)[];
type Mutation =
  | { kind: 'replace' | 'append'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add-key'; at: number; key: string; value: unknown };

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  }
  return [];
}

/** Sets an own property, even `__proto__`, the way JSON.parse would (plain assignment would set the prototype). */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function applyMutation(body: unknown, mutation: Mutation, paths: Path[]): void {
  const path = mutation.kind === 'add-key' && mutation.at % 4 === 0 ? [] : paths[mutation.at % paths.length];
  if (!path) return;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => {
    return node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }, body);
  if (!parent || typeof parent !== 'object') return;
  const holder = parent as Record<string | number, unknown>;
  const key = path[path.length - 1];
  switch (mutation.kind) {
    case 'replace':
      setOwn(holder, key, mutation.value);
      return;
    case 'append': {
      const current = holder[key];
      const suffix = typeof mutation.value === 'string' ? mutation.value : JSON.stringify(mutation.value);
      setOwn(holder, key, typeof current === 'string' ? `${current}${suffix}` : mutation.value);
      return;
    }
    case 'delete':
      if (Array.isArray(holder) && typeof key === 'number') holder.splice(key, 1);
      else delete holder[key];
      return;
    case 'add-key': {
      const target = path.length === 0 ? body : holder[key];
      if (target && typeof target === 'object' && !Array.isArray(target)) {
        setOwn(target as Record<string, unknown>, mutation.key, mutation.value);
      }
      return;
    }
  }
}

/**
 * A valid body with one to three fields broken: replaced by a hostile value or a wrong type, a hostile string
 * appended (often still valid, so it reaches the database), a field deleted, or an unknown or prototype key added.
 */
export function mutatedBody(valid: object): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue() }),
    fc.record({ kind: fc.constant('append' as const), at: fc.nat(), value: hostileString() }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('add-key' as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 10 })),
      value: hostileValue(),
    }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => {
    const body: unknown = structuredClone(valid);
    for (const m of mutations) applyMutation(body, m, paths);
    return body;
  });
}

/** What goes on the wire: a JSON value, or raw text under a content type of its own. */
export type HostileBody =
  { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string };

const DEEP_MARK = 'hostile-input:deeply-nested';

/** Valid JSON text for the body, with one value swapped for nesting thousands of levels deep. */
function deeplyNested(valid: object): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 500, max: 20_000 }), fc.nat()).map(([depth, at]) => {
    const keys = Object.keys(valid);
    const key = keys.length > 0 ? keys[at % keys.length] : 'a';
    const text = JSON.stringify({ ...valid, [key]: DEEP_MARK });
    return text.replace(JSON.stringify(DEEP_MARK), `${'['.repeat(depth)}${']'.repeat(depth)}`);
  });
}

/** A body for a POST or PUT: mostly a broken version of a valid one, else random JSON, malformed text, wrong types. */
export function hostileBody(valid: object = {}): fc.Arbitrary<HostileBody> {
  const json = (value: fc.Arbitrary<unknown>): fc.Arbitrary<HostileBody> =>
    value.map((v) => ({ kind: 'json' as const, value: v }));
  const raw = (text: fc.Arbitrary<string>, contentType: fc.Arbitrary<string>): fc.Arbitrary<HostileBody> =>
    fc.tuple(text, contentType).map(([t, c]) => ({ kind: 'raw' as const, text: t, contentType: c }));
  const validText = JSON.stringify(valid);
  return fc.oneof(
    { arbitrary: json(mutatedBody(valid)), weight: 8 },
    { arbitrary: json(fc.anything()), weight: 1 },
    { arbitrary: json(fc.jsonValue()), weight: 1 },
    { arbitrary: json(fc.constant(valid)), weight: 1 },
    { arbitrary: raw(fc.constantFrom(...MALFORMED_JSON), fc.constant('application/json')), weight: 2 },
    { arbitrary: raw(deeplyNested(valid), fc.constant('application/json')), weight: 1 },
    {
      arbitrary: raw(
        fc.constant(validText),
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/json; charset=utf-16',
          'application/json; charset=latin1',
          'application/merge-patch+json',
        ),
      ),
      weight: 1,
    },
  );
}

/** Percent-encodes every byte but the unreserved ones; lone surrogates become U+FFFD rather than throwing. */
export function encodeForUrl(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/**
 * A path segment as sent (already encoded): a weird id, any hostile string percent-encoded, or one so long that
 * the request line passes Node's 16 kB limit (Node refuses it before the application does).
 */
export function hostilePathSegment(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...WEIRD_IDS), weight: 6 },
    { arbitrary: fc.uuid().map((id) => id.toUpperCase()), weight: 2 },
    { arbitrary: hostileString({ maxLength: 600 }).map(encodeForUrl), weight: 8 },
    { arbitrary: fc.constantFrom('A'.repeat(20_000), '汉'.repeat(2_000)).map(encodeForUrl), weight: 1 },
  );
}

/**
 * A query string (without `?`): the route's own parameters with valid values mixed with hostile ones (so some
 * requests pass validation and reach the database), repeated keys, prototype keys and broken percent-encoding.
 * Values stay under Node's 16 kB header limit, which is answered by Node itself before the application.
 */
export function hostileQueryString(params: Record<string, readonly string[]>): fc.Arbitrary<string> {
  const keys = Object.keys(params);
  const validPair = fc
    .constantFrom(...keys)
    .chain((key) => fc.constantFrom(...(params[key] ?? [''])).map((value) => [key, value] as const));
  const hostilePair = fc.tuple(
    fc.oneof(
      { arbitrary: fc.constantFrom(...keys), weight: 4 },
      { arbitrary: fc.constantFrom(...PROTOTYPE_KEYS, 'a[b]', '[]', ''), weight: 1 },
      { arbitrary: hostileString({ maxLength: 50 }), weight: 1 },
    ),
    fc.oneof(fc.constantFrom(...EDGE_SCALARS), hostileString({ maxLength: 1_200 })),
  );
  const encodedPair = fc
    .oneof({ arbitrary: validPair, weight: 2 }, { arbitrary: hostilePair, weight: 3 })
    .map(([k, v]) => `${encodeForUrl(k)}=${encodeForUrl(v)}`);
  const rawFragment = fc.constantFrom(
    '%',
    '%zz',
    'a=%ED%A0%80',
    'a=%00',
    '=',
    '&',
    'flag',
    `${keys[0]}=%E4%B8`,
  );
  return fc
    .array(fc.oneof({ arbitrary: encodedPair, weight: 5 }, { arbitrary: rawFragment, weight: 1 }), {
      maxLength: 6,
    })
    .map((parts) => {
      // Node answers 431 itself past 16 kB of request line and headers: stay well inside it.
      let kept = '';
      for (const part of parts) if (kept.length + part.length < 8_000) kept = kept ? `${kept}&${part}` : part;
      return kept;
    });
}

/** A header value Node will send: the hostile strings reduced to the bytes a header may carry. */
export function hostileHeaderValue(): fc.Arbitrary<string> {
  return hostileString({ maxLength: 2_000 }).map((s) => s.replace(/[^\t\x20-\x7e]/g, '?'));
}

/**
 * Callers a route must turn away: no token, a token without the route's scope, or a header that is not a token at
 * all. Each request goes to one of the routes, with the body `bodyFor` gives it (none for a GET, say).
 */
export function unauthorisedCallers<R extends Pick<HostileRequest, 'method' | 'path'>>(
  routes: R[],
  wrongScopeToken: string,
  bodyFor: (route: R) => HostileRequest['body'],
): fc.Arbitrary<HostileRequest> {
  return fc
    .record({
      route: fc.constantFrom(...routes),
      authorization: fc.oneof(
        fc.constant(undefined),
        fc.constant(wrongScopeToken),
        hostileHeaderValue().map((v) => `Bearer ${v}`),
      ),
    })
    .map(({ route, authorization }) => ({ ...route, authorization, body: bodyFor(route) }));
}

export * from './hostile-probes';
export * from './hostile-sweep';
