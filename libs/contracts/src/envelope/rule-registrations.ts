import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';

const listeners: Array<() => void> = [];
let watching = false;

/**
 * Calls `listener` whenever a decorator registers a validation or transformation rule. Decorators register rules
 * while modules load, so anything remembered about a class's rules must be forgotten when one arrives late.
 */
export function onRuleRegistered(listener: () => void): void {
  if (!watching) {
    watching = true;
    notifyFrom(getMetadataStorage(), [
      'addValidationMetadata',
      'addConstraintMetadata',
      'addValidationSchema',
    ]);
    notifyFrom(defaultMetadataStorage, [
      'addTypeMetadata',
      'addTransformMetadata',
      'addExposeMetadata',
      'addExcludeMetadata',
    ]);
  }
  listeners.push(listener);
}

function notifyFrom(storage: object, methods: string[]): void {
  const target = storage as Record<string, (...args: unknown[]) => unknown>;
  for (const method of methods) {
    const original = target[method]!.bind(storage);
    target[method] = (...args: unknown[]) => {
      for (const listener of listeners) listener();
      return original(...args);
    };
  }
}
