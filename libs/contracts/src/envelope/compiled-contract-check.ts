import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';
import { onRuleRegistered } from './rule-registrations';

/**
 * What happens to properties a contract class does not declare, as class-validator's options would decide:
 * `strip` (whitelist), `reject` (forbidNonWhitelisted) or `keep` (no whitelist).
 */
export type UnknownKeys = 'strip' | 'reject' | 'keep';

/**
 * The instance `plainToInstance` followed by `validateSync` would give for a plain JSON value that passes its
 * contract, or undefined when the value may not pass (or is not plain JSON). Undefined is not a verdict: the caller
 * then takes class-validator's own path, which also words the errors. So this only has to be right when it accepts.
 * Values the contract does not type (strings, arrays of strings, free-form objects) are shared with the input, not
 * copied as class-transformer copies them: a caller whose input is held elsewhere copies the result (toPlainJson).
 */
export type ContractCheck = (plain: unknown) => object | undefined;

type Constructor = new () => object;
type Validate = (value: unknown, args: ValidationArguments) => unknown;

interface CustomRule {
  validate: Validate;
  constraints: unknown[];
  each: boolean;
}

interface PropertyRules {
  name: string;
  conditions: Array<(object: object, value: unknown) => boolean>;
  custom: CustomRule[];
  /** The class a nested object or array element becomes; set when the property is validated as nested. */
  nested?: ContractCheck;
  /** The class @Type names for a property that is not validated as nested (class-transformer converts it). */
  typedButNotNested: boolean;
}

const DECLINE: ContractCheck = () => undefined;
const compiled = new Map<Constructor, Map<UnknownKeys, ContractCheck>>();
let listening = false;

/**
 * class-validator and class-transformer read a contract's decorators anew for every object they check, walking
 * generic code per property; with every event checked where it is made and again where it is read, that was a
 * fifth of each consumer's CPU. The rules never change after the classes load, so they are turned into one
 * closure per class and treatment of unknown keys, once. Anything this does not model (groups, async rules,
 * custom transforms, exposure rules, getters) compiles to a check that always declines, which keeps the
 * library's own path.
 */
export function compiledContractCheck(cls: Constructor, unknownKeys: UnknownKeys): ContractCheck {
  if (!listening) {
    listening = true;
    // A rule registered after a class was compiled must not be missed.
    onRuleRegistered(() => compiled.clear());
  }
  let byMode = compiled.get(cls);
  if (!byMode) {
    byMode = new Map();
    compiled.set(cls, byMode);
  }
  let check = byMode.get(unknownKeys);
  if (!check) {
    // Set before compiling, so a class that nests itself compiles to a lookup instead of recursing forever.
    byMode.set(unknownKeys, (plain) => (check === undefined ? undefined : check(plain)));
    check = compile(cls, unknownKeys) ?? DECLINE;
    byMode.set(unknownKeys, check);
  }
  return check;
}

/** A plain deep copy of what a check accepted, as `instanceToPlain` would give: instances become plain objects. */
export function toPlainJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (typeof value !== 'object' || value === null) return value;
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(value)) plain[key] = toPlainJson((value as Record<string, unknown>)[key]);
  return plain;
}

function compile(cls: Constructor, unknownKeys: UnknownKeys): ContractCheck | null {
  const storage = getMetadataStorage();
  // The same lookup class-validator makes for validateSync without groups.
  const metadatas = storage.getTargetValidationMetadatas(cls, '', false, false, undefined);
  if (metadatas.length === 0) return null; // forbidUnknownValues would refuse it
  if (!transformsPlainly(cls)) return null;
  const grouped = storage.groupByPropertyName(metadatas);
  const rules = new Map<string, PropertyRules>();
  for (const [name, list] of Object.entries(grouped)) {
    const property: PropertyRules = { name, conditions: [], custom: [], typedButNotNested: false };
    for (const metadata of list) {
      if (metadata.groups?.length || metadata.always !== undefined) return null;
      switch (metadata.type) {
        case ValidationTypes.CONDITIONAL_VALIDATION:
          property.conditions.push(metadata.constraints[0] as (object: object, value: unknown) => boolean);
          break;
        case ValidationTypes.CUSTOM_VALIDATION:
          for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
            if (constraint.async) return null;
            const instance = constraint.instance;
            property.custom.push({
              validate: instance.validate.bind(instance) as Validate,
              constraints: metadata.constraints,
              each: metadata.each,
            });
          }
          break;
        case ValidationTypes.NESTED_VALIDATION: {
          const type = defaultMetadataStorage.findTypeMetadata(cls, name);
          if (!type || type.options?.discriminator) return null;
          const target = type.typeFunction() as Constructor;
          property.nested = compiledContractCheck(target, unknownKeys);
          break;
        }
        case ValidationTypes.WHITELIST:
          break;
        default:
          return null; // IS_DEFINED, promises: not used by the contracts, so not modelled
      }
    }
    if (!property.nested && defaultMetadataStorage.findTypeMetadata(cls, name))
      property.typedButNotNested = true;
    if (property.typedButNotNested) return null;
    rules.set(name, property);
  }
  // A field the class declares without a rule is an own property of every instance, which forbidNonWhitelisted
  // refuses whatever the input: the library rejects every value, so this must not accept any.
  if (unknownKeys === 'reject' && Object.keys(new cls()).some((key) => !rules.has(key))) return null;
  const prototype = cls.prototype as object;

  return (plain) => {
    if (!isPlainObject(plain)) return undefined;
    const instance = new cls() as Record<string, unknown>;
    for (const key of Object.keys(plain)) {
      const rule = rules.get(key);
      if (!rule) {
        if (unknownKeys === 'reject') return undefined;
        // class-transformer still walks a field it will strip, and trips over some values (a "constructor" key):
        // the field is dropped only when it is plain JSON the library would have walked without trouble.
        if (unknownKeys === 'strip') {
          if (!isPlainJson(plain[key])) return undefined;
          continue;
        }
      }
      // class-transformer skips these keys and accessors without setters; such input is left to it.
      if (key === '__proto__' || key === 'constructor' || skippedByTransformer(prototype, instance, key)) {
        return undefined;
      }
      const value = rule?.nested ? nestedValue(rule.nested, plain[key]) : plain[key];
      if (value === DECLINED || (!rule?.nested && !isPlainJson(value))) return undefined;
      instance[key] = value;
    }
    if (unknownKeys === 'strip') {
      // Fields a class declares but does not validate are own properties of every instance; whitelist drops them.
      for (const key of Object.keys(instance)) if (!rules.has(key)) delete instance[key];
    }
    for (const rule of rules.values()) if (!passes(rule, instance, cls.name)) return undefined;
    return instance;
  };
}

const DECLINED = Symbol('declined');

function nestedValue(check: ContractCheck, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (Array.isArray(value)) {
    const converted: object[] = [];
    for (const element of value) {
      const instance = check(element);
      if (instance === undefined) return DECLINED;
      converted.push(instance);
    }
    return converted;
  }
  return check(value) ?? DECLINED;
}

/** Whether class-transformer would carry an untyped value over as it is: plain JSON, without keys it trips over. */
function isPlainJson(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return true;
    case 'object':
      if (Array.isArray(value)) {
        for (const element of value) if (element === undefined || !isPlainJson(element)) return false;
        return true;
      }
      if (!isPlainObject(value)) return false;
      for (const key of Object.keys(value)) {
        if (key === '__proto__' || key === 'constructor' || key in Object.prototype) return false;
        if (!isPlainJson(value[key])) return false;
      }
      return true;
    default:
      return false;
  }
}

function passes(rule: PropertyRules, instance: Record<string, unknown>, targetName: string): boolean {
  const value = instance[rule.name];
  for (const condition of rule.conditions) if (!condition(instance, value)) return true;
  for (const custom of rule.custom) {
    const args: ValidationArguments = {
      targetName,
      property: rule.name,
      object: instance,
      value,
      constraints: custom.constraints,
    };
    if (custom.each && Array.isArray(value)) {
      for (const element of value) if (!verdict(custom.validate(element, args))) return false;
    } else if (!verdict(custom.validate(value, args))) {
      return false;
    }
  }
  // Nested values were checked while they were converted; here only their presence and shape are left.
  if (rule.nested && value !== undefined && (typeof value !== 'object' || value === null)) return false;
  return true;
}

/** A rule's answer; a promise (an async rule) is not an answer this check can give. */
function verdict(result: unknown): boolean {
  if (result instanceof Promise) return false;
  return Boolean(result);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function skippedByTransformer(prototype: object, instance: Record<string, unknown>, key: string): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
  return (descriptor !== undefined && !descriptor.set) || instance[key] instanceof Function;
}

/** No @Transform, @Expose or @Exclude on the class: class-transformer then copies every key as it comes. */
function transformsPlainly(cls: Constructor): boolean {
  const storage = defaultMetadataStorage as unknown as {
    getStrategy(target: Constructor): string;
    getExposedMetadatas(target: Constructor): unknown[];
    getExcludedMetadatas(target: Constructor): unknown[];
    _transformMetadatas: Map<unknown, unknown>;
  };
  if (storage.getStrategy(cls) !== 'none') return false;
  if (storage.getExposedMetadatas(cls).length > 0 || storage.getExcludedMetadatas(cls).length > 0)
    return false;
  for (let target: unknown = cls; typeof target === 'function'; target = Object.getPrototypeOf(target)) {
    if (storage._transformMetadatas.has(target)) return false;
  }
  return true;
}
