import fc from 'fast-check';
import { instanceToPlain, plainToInstance, Transform } from 'class-transformer';
import { IsString, MaxLength, validateSync, ValidatorOptions } from 'class-validator';
import { EVENT_CATALOGUE, EventType } from '../catalogue';
import { EXAMPLE_EVENTS } from '../examples/example-events';
import { exampleEnvelope } from '../examples/example-envelopes';
import { compiledContractCheck, toPlainJson, UnknownKeys } from './compiled-contract-check';
import { EnvelopeAttributes } from './envelope-attributes';

type Cls = new () => object;
type Json = unknown;

/** How the envelope code uses each mode: a consumer reads parsed bytes, a producer's data is checked and copied. */
interface Mode {
  unknownKeys: UnknownKeys;
  copied: boolean;
}
const TOLERANT: Mode = { unknownKeys: 'strip', copied: false };
const STRICT: Mode = { unknownKeys: 'reject', copied: true };
const KEEP: Mode = { unknownKeys: 'keep', copied: false };

const VALIDATOR_OPTIONS: Record<string, ValidatorOptions> = {
  strip: { whitelist: true, forbidUnknownValues: true },
  reject: { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true },
  keep: { forbidUnknownValues: true },
};

/** What class-transformer and class-validator make of the value: the reference the compiled check must match. */
function libraryVerdict(cls: Cls, plain: Json, options: Mode): { ok: boolean; value: unknown } {
  try {
    const input = options.unknownKeys === 'reject' ? instanceToPlain(plain) : plain;
    const instance = plainToInstance(cls, input as object) as object;
    const errors = validateSync(instance, VALIDATOR_OPTIONS[options.unknownKeys]);
    return { ok: errors.length === 0, value: options.copied ? instanceToPlain(instance) : instance };
  } catch {
    // instanceToPlain throws on a "constructor" key: a refusal too, as far as a producer is concerned.
    return { ok: false, value: undefined };
  }
}

/** A copy made in this module's realm: structuredClone would make objects of another realm under Jest. */
function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function compiledVerdict(cls: Cls, plain: Json, options: Mode): unknown {
  const checked = compiledContractCheck(cls, options.unknownKeys)(plain);
  return checked !== undefined && options.copied ? toPlainJson(checked) : checked;
}

/** Every path to an object or array inside a value, the root included. */
function containers(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [];
  const found = [path];
  // Plain loops: a mutated array may carry a "constructor" key, which array methods trip over.
  for (const key of Object.keys(value)) {
    found.push(
      ...containers((value as Record<string, Json>)[key], [
        ...path,
        Array.isArray(value) ? Number(key) : key,
      ]),
    );
  }
  return found;
}

function at(value: Json, path: Array<string | number>): Record<string | number, Json> {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], value) as Record<
    string | number,
    Json
  >;
}

const edgeValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', ' ', 'x'.repeat(10_001), '2026-11-20T09:15:00.000Z', '2026-11-20', '1.5', 'zh', 'P1'),
  fc.constantFrom(0, -1, 1, 1.5, 2 ** 53, 30, 60, 100),
  fc.constantFrom(null, true, false, [], {}, [{}], ['a'], { toString: 'x' }),
  fc.uuid(),
);

interface Mutation {
  target: number;
  key: number | string;
  action: 'set' | 'delete' | 'add';
  value: Json;
}

/** A change a faulty or hostile producer could make: a field set to anything, removed, or added. */
const mutation: fc.Arbitrary<Mutation> = fc.record({
  target: fc.nat(),
  key: fc.oneof(fc.nat(), fc.constantFrom('extra', 'toString', 'constructor')),
  action: fc.constantFrom('set', 'delete', 'add'),
  value: edgeValue,
});

/**
 * The value with the changes made, still JSON as a parser or a producer would make it: on an array, a change
 * touches an element (a delete removes it, a named key appends), never leaving holes or named properties.
 */
function mutated(base: Json, changes: Mutation[]): Json {
  const copy = copyOf(base);
  for (const change of changes) {
    const paths = containers(copy);
    const container = at(copy, paths[change.target % paths.length]!);
    const keys = Object.keys(container);
    // A number picks an existing key; in an empty container it is the first slot.
    const picked =
      typeof change.key !== 'number' ? change.key : keys.length > 0 ? keys[change.key % keys.length]! : 0;
    // A copy of the value: fast-check hands out the same constant objects to every run.
    const value = copyOf(change.value);
    if (Array.isArray(container)) {
      const index = /^\d+$/.test(String(picked))
        ? Math.min(Number(picked), container.length)
        : container.length;
      if (change.action === 'delete') container.splice(index, 1);
      else if (change.action === 'add') container.splice(index, 0, value);
      else container[index] = value;
    } else if (change.action === 'delete') {
      delete container[picked];
    } else {
      container[picked] = value;
    }
  }
  return copy;
}

const CONTRACTS = (Object.keys(EVENT_CATALOGUE) as EventType[]).map((type) => ({
  type,
  cls: EVENT_CATALOGUE[type].data as Cls,
  example: copyOf(EXAMPLE_EVENTS[type].data) as Json,
}));

describe('compiledContractCheck', () => {
  it.each(CONTRACTS.map((c) => [c.type, c] as const))(
    'accepts the %s example in every mode, with what the libraries make of it',
    (_type, { cls, example }) => {
      for (const options of [TOLERANT, STRICT]) {
        // Given a valid example, when the compiled check reads it, then it gives what the libraries give
        expect(compiledVerdict(cls, example, options)).toStrictEqual(
          libraryVerdict(cls, example, options).value,
        );
      }
    },
  );

  it('never accepts what the libraries refuse, and gives their value when it accepts (random faults)', () => {
    let accepted = 0;
    let declined = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...CONTRACTS),
        fc.constantFrom(TOLERANT, STRICT),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        ({ cls, example }, options, changes) => {
          // Given an example with one to three random changes
          const input = mutated(example, changes);
          // When both read it
          const compiled = compiledVerdict(cls, input, options);
          const library = libraryVerdict(cls, input, options);
          // Then an acceptance is the libraries' acceptance, with their very value
          if (compiled === undefined) {
            declined += 1;
            return;
          }
          accepted += 1;
          expect(library.ok).toBe(true);
          expect(compiled).toStrictEqual(library.value);
        },
      ),
      { numRuns: 3000 },
    );
    // Both answers were exercised, so the property above could have failed either way.
    expect(accepted).toBeGreaterThan(100);
    expect(declined).toBeGreaterThan(100);
  });

  it('checks envelope attributes as the consumers did, keeping fields it does not know', () => {
    const envelope = copyOf(exampleEnvelope('complaint.classified')) as Json;
    expect(compiledVerdict(EnvelopeAttributes, envelope, KEEP)).toStrictEqual(
      libraryVerdict(EnvelopeAttributes, envelope, KEEP).value,
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 2 }), (changes) => {
        const input = mutated(envelope, changes);
        const compiled = compiledVerdict(EnvelopeAttributes, input, KEEP);
        if (compiled === undefined) return;
        const library = libraryVerdict(EnvelopeAttributes, input, KEEP);
        expect(library.ok).toBe(true);
        expect(compiled).toStrictEqual(library.value);
      }),
      { numRuns: 1000 },
    );
  });

  it('sees a rule registered after the class was compiled', () => {
    // Given a class checked once
    class Late {
      @IsString() name!: string;
    }
    expect(compiledContractCheck(Late, 'strip')({ name: 'abc' })).toBeDefined();

    // When a decorator adds a rule later
    MaxLength(2)(Late.prototype, 'name');

    // Then the check applies it
    expect(compiledContractCheck(Late, 'strip')({ name: 'abc' })).toBeUndefined();
    expect(compiledContractCheck(Late, 'strip')({ name: 'ab' })).toBeDefined();
  });

  it('accepts nothing in strict mode for a class with a field that has no rule, as the libraries refuse it', () => {
    class HalfDecorated {
      @IsString() name!: string;
      note?: string = undefined;
    }
    const value = { name: 'abc' };
    expect(libraryVerdict(HalfDecorated, value, STRICT).ok).toBe(false);
    expect(compiledContractCheck(HalfDecorated, 'reject')(value)).toBeUndefined();
    // The tolerant reader drops the field, as whitelisting does.
    expect(compiledVerdict(HalfDecorated, value, TOLERANT)).toStrictEqual(
      libraryVerdict(HalfDecorated, value, TOLERANT).value,
    );
  });

  it('leaves a class with a custom transformation to the libraries', () => {
    class Shouting {
      @IsString() @Transform(({ value }: { value: string }) => value.toUpperCase()) name!: string;
    }
    expect(compiledContractCheck(Shouting, 'strip')({ name: 'abc' })).toBeUndefined();
  });
});
