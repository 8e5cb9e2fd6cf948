import { getMetadataStorage } from 'class-validator';
import { onRuleRegistered } from './rule-registrations';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type TargetMetadatas = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type GroupedMetadatas = ReturnType<MetadataStorage['groupByPropertyName']>;

let installed = false;

/**
 * Remembers class-validator's per-class rule lookup. class-validator answers it anew for every object it
 * validates, walking every decorated class of the process to find parents (an `instanceof` per class, a few
 * hundred here) and regrouping the rules by property, and every event is validated where it is made and again
 * where it is read, nested blocks included. The answer only changes when a decorator registers a rule, which
 * happens while modules load: any registration forgets everything remembered. The validator reads both answers
 * without changing them, so they can be shared.
 */
export function rememberValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let byTarget = new WeakMap<object, Map<string, TargetMetadatas>>();
  let grouped = new WeakMap<TargetMetadatas, GroupedMetadatas>();
  const forget = (): void => {
    byTarget = new WeakMap();
    grouped = new WeakMap();
  };
  onRuleRegistered(forget);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (typeof target !== 'function') return lookUp(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let forTarget = byTarget.get(target);
    if (!forTarget) {
      forTarget = new Map();
      byTarget.set(target, forTarget);
    }
    let metadatas = forTarget.get(key);
    if (!metadatas) {
      metadatas = lookUp(target, schema, always, strictGroups, groups);
      forTarget.set(key, metadatas);
    }
    return metadatas;
  };
  storage.groupByPropertyName = (metadatas) => {
    let byProperty = grouped.get(metadatas);
    if (!byProperty) {
      byProperty = group(metadatas);
      grouped.set(metadatas, byProperty);
    }
    return byProperty;
  };
}
