import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { EVENT_CATALOGUE, EVENT_TYPES, EventType } from '../catalogue';
import { EnvelopeAttributes } from '../envelope/envelope-attributes';
import { describeEnvelopeSchema } from './envelope-schema';

/** A JSON schema as plain data: the document only copies and nests them. */
export type JsonSchema = { [keyword: string]: unknown };

export const SCHEMA_REF_PREFIX = '#/components/schemas/';
/** The name of the envelope schema in components.schemas (derived from EnvelopeAttributes, what parseEnvelope checks). */
export const ENVELOPE_SCHEMA_NAME = 'CloudEventsEnvelope';

export interface ContractSchemas {
  /** The components.schemas name of each event type's data schema (its class name). */
  readonly dataSchemaNames: Readonly<Record<EventType, string>>;
  /** The envelope, every data schema and every schema they reference, sorted by name. */
  readonly components: Readonly<Record<string, JsonSchema>>;
}

/**
 * Derives the JSON schemas from the class-validator decorators, so the document can never drift from what
 * createEnvelope and parseEnvelope enforce. The metadata storage is global, so only what the catalogue reaches is
 * kept: the output is the same whatever else the process has loaded.
 */
export function buildContractSchemas(): ContractSchemas {
  const derived = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: SCHEMA_REF_PREFIX,
  }) as Record<string, JsonSchema>;

  const roots: Record<string, JsonSchema> = {
    [ENVELOPE_SCHEMA_NAME]: describeEnvelopeSchema(schemaOfClass(derived, EnvelopeAttributes)),
  };
  const dataSchemaNames = {} as Record<EventType, string>;
  for (const type of EVENT_TYPES) {
    const dataClass = EVENT_CATALOGUE[type].data;
    dataSchemaNames[type] = dataClass.name;
    roots[dataClass.name] = schemaOfClass(derived, dataClass);
  }
  return { dataSchemaNames, components: sortByName(withReferenced(roots, derived)) };
}

/**
 * The schema of a class, inherited properties first. A subclass that adds no decorator has no metadata of its own,
 * so it takes its nearest decorated ancestor's schema under its own name.
 */
function schemaOfClass(derived: Record<string, JsonSchema>, cls: new () => object): JsonSchema {
  const decorated = lineage(cls).filter((name) => derived[name] !== undefined);
  const nearest = decorated[0];
  if (nearest === undefined) {
    throw new Error(`no class-validator metadata for ${cls.name} or its ancestors`);
  }
  const rootFirst = [...decorated].reverse();
  const order = [...new Set(rootFirst.flatMap((name) => Object.keys(propertiesOf(derived[name]))))];
  return reorder(derived[nearest], order);
}

/** The names of the class, its parent, and so on up to (not including) Object. */
function lineage(cls: new () => object): string[] {
  const names: string[] = [];
  for (let current: unknown = cls; typeof current === 'function' && current.name !== '';) {
    names.push(current.name);
    current = Object.getPrototypeOf(current);
  }
  return names;
}

function reorder(schema: JsonSchema, order: string[]): JsonSchema {
  const properties = propertiesOf(schema);
  const required = Array.isArray(schema.required) ? new Set<unknown>(schema.required) : new Set<unknown>();
  const names = order.filter((name) => name in properties);
  const result: JsonSchema = {
    ...schema,
    properties: Object.fromEntries(names.map((name) => [name, properties[name]])),
  };
  if (required.size > 0) {
    result.required = names.filter((name) => required.has(name));
  }
  return result;
}

function propertiesOf(schema: JsonSchema | undefined): Record<string, unknown> {
  const properties = schema?.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : {};
}

/** Adds, transitively, every schema a root refers to through `$ref`. */
function withReferenced(roots: Record<string, JsonSchema>, derived: Record<string, JsonSchema>) {
  const result: Record<string, JsonSchema> = { ...roots };
  const pending = Object.values(roots).flatMap(referencedNames);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (result[name]) continue;
    const schema = derived[name];
    if (!schema) {
      throw new Error(`schema ${name} is referenced but was not derived (missing @Type or decorators?)`);
    }
    result[name] = schema;
    pending.push(...referencedNames(schema));
  }
  return result;
}

function referencedNames(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(referencedNames);
  }
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF_PREFIX)
      ? [child.slice(SCHEMA_REF_PREFIX.length)]
      : referencedNames(child),
  );
}

function sortByName(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
