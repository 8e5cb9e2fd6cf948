import { EntityManager } from 'typeorm';

/** Runs work in one database transaction: everything in it commits together or not at all. */
export interface TransactionRunner {
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
}

export const TRANSACTION_RUNNER = Symbol('TransactionRunner');
