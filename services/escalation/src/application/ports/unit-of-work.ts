import { EntityManager } from 'typeorm';

/** Runs work in one database transaction (HTTP requests and timers; handlers get theirs from the consumer host). */
export interface UnitOfWork {
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
}

export const UNIT_OF_WORK = Symbol('UnitOfWork');
