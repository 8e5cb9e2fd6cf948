import { EntityManager } from 'typeorm';

/** Runs work in one database transaction: state, audit and outbox commit together or not at all. */
export interface UnitOfWork {
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
}

export const UNIT_OF_WORK = Symbol('UnitOfWork');
